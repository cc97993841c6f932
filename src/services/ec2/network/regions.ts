// DescribeRegions and DescribeAvailabilityZones (API_DescribeRegions.html, API_DescribeAvailabilityZones.html):
// the Regions of the caller's partition (aws, aws-cn or aws-us-gov), each with its EC2 endpoint, and the caller's
// Region's zones (every Region's of the partition with AllAvailabilityZones). A Region or zone named that does not
// exist there is InvalidParameterValue, worded "Invalid region: [name]" as EC2 answers.
import type { AvailabilityZone, Ec2Handlers, Region } from "../api.generated";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { optInStatus, regionNames, zonesOf, type Zone } from "./zones";
import { partitionOf } from "../../../util/regions";

const regionView = (name: string): Region => ({
  RegionName: name,
  Endpoint: `ec2.${name}.${partitionOf(name).dnsSuffix}`,
  OptInStatus: optInStatus(name),
});

const zoneView = (z: Zone): AvailabilityZone => ({
  ZoneName: z.ZoneName,
  ZoneId: z.ZoneId,
  State: "available",
  OptInStatus: "opt-in-not-required",
  Messages: [],
  RegionName: z.RegionName,
  ZoneType: "availability-zone",
  GroupName: z.RegionName,
  NetworkBorderGroup: z.RegionName,
});

export const regionHandlers: Pick<Ec2Handlers, "DescribeRegions" | "DescribeAvailabilityZones"> = {
  DescribeRegions(ctx, input) {
    const matches = compileFilters<Region>(input.Filters, {
      fields: { "region-name": (r) => r.RegionName, endpoint: (r) => r.Endpoint, "opt-in-status": (r) => r.OptInStatus },
    });
    const all = regionNames(ctx.region);
    for (const name of input.RegionNames ?? []) if (!all.includes(name)) throw err.invalidValue(`Invalid region: [${name}]`);
    const asked = input.RegionNames?.length ? new Set(input.RegionNames) : undefined;
    return {
      Regions: all
        .filter((n) => !asked || asked.has(n))
        .map(regionView)
        .filter(matches),
    };
  },

  DescribeAvailabilityZones(ctx, input) {
    const matches = compileFilters<AvailabilityZone>(input.Filters, {
      fields: {
        "zone-name": (z) => z.ZoneName,
        "zone-id": (z) => z.ZoneId,
        state: (z) => z.State,
        "region-name": (z) => z.RegionName,
        "zone-type": (z) => z.ZoneType,
        "group-name": (z) => z.GroupName,
        "network-border-group": (z) => z.NetworkBorderGroup,
        "opt-in-status": (z) => z.OptInStatus,
      },
    });
    const here = zonesOf(ctx.region);
    const zones = input.AllAvailabilityZones ? regionNames(ctx.region).flatMap(zonesOf) : here;
    for (const name of input.ZoneNames ?? []) {
      if (!here.some((z) => z.ZoneName === name)) throw err.invalidValue(`Invalid availability zone: [${name}]`);
    }
    for (const id of input.ZoneIds ?? []) {
      if (!here.some((z) => z.ZoneId === id)) throw err.invalidValue(`Invalid availability zone id: [${id}]`);
    }
    const names = new Set(input.ZoneNames ?? []);
    const ids = new Set(input.ZoneIds ?? []);
    const asked = (z: Zone) => (!names.size && !ids.size) || names.has(z.ZoneName) || ids.has(z.ZoneId);
    return { AvailabilityZones: zones.filter(asked).map(zoneView).filter(matches) };
  },
};
