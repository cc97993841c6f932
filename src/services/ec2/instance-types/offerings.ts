// DescribeInstanceTypeOfferings (API reference): where each type of the catalog is offered — the caller's Region
// (LocationType `region`, the default), each of its Availability Zones by name (`availability-zone`) or by AZ id
// (`availability-zone-id`). imagelite offers every type of its catalog in every zone; it has no Outposts, so
// `outpost` lists nothing. Filters: `location` and `instance-type`. MaxResults is 5-1000; pages follow the
// location, then the type name.
import type { Ec2Handlers, InstanceTypeOffering, LocationType } from "../api.generated";
import { compileFilters } from "../filters";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { zonesOf } from "../network/zones";
import { instanceTypes } from "./catalog";

const DEFAULT_PAGE = 1000;

interface Keyed {
  key: string;
  offering: InstanceTypeOffering;
}

const pad = (n: number) => String(n).padStart(4, "0");

/** The locations of a type of location in the caller's Region, in order. */
function locations(region: string, type: LocationType): string[] {
  switch (type) {
    case "region":
      return [region];
    case "availability-zone":
      return zonesOf(region).map((z) => z.ZoneName);
    case "availability-zone-id":
      return zonesOf(region).map((z) => z.ZoneId);
    default:
      return [];
  }
}

function* offerings(region: string, LocationType: LocationType): Generator<Keyed> {
  const places = locations(region, LocationType);
  const types = instanceTypes();
  for (let l = 0; l < places.length; l++) {
    for (let t = 0; t < types.length; t++) {
      yield { key: `${pad(l)}:${pad(t)}`, offering: { InstanceType: types[t].InstanceType, LocationType, Location: places[l] } };
    }
  }
}

export const instanceTypeOfferingHandlers: Pick<Ec2Handlers, "DescribeInstanceTypeOfferings"> = {
  DescribeInstanceTypeOfferings(ctx, input) {
    const matches = compileFilters<Keyed>(input.Filters, {
      fields: { location: (k) => k.offering.Location, "instance-type": (k) => k.offering.InstanceType },
    });
    const limit = pageLimit(input.MaxResults, 5, 1000);
    const after = startAfter(ctx, input.NextToken);
    const { page, more } = takePage(
      offerings(ctx.region, input.LocationType ?? "region"),
      (k) => k.key > after && matches(k),
      Number.isFinite(limit) ? limit : DEFAULT_PAGE,
    );
    return {
      InstanceTypeOfferings: page.map((k) => k.offering),
      NextToken: more ? nextToken(ctx, page[page.length - 1].key) : undefined,
    };
  },
};
