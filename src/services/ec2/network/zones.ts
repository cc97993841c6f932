// The Regions and Availability Zones EC2 describes ("Regions and Zones", EC2 User Guide,
// using-regions-availability-zones.html; "AZ IDs", AWS RAM User Guide, working-with-az-ids.html). An AZ id
// is the Region's short code and a number (use1-az1, usgw1-az1, cnn1-az1); zones are named by letter. How many zones a Region
// has follows what a new account sees; Regions not listed get three. The Regions that need opting in
// ("Specify which AWS Regions your account can use", Account Management guide) are shown as opted in,
// since imagelite serves every Region.
import { partitionOf } from "../../../util/regions";

export interface Zone {
  ZoneName: string;
  ZoneId: string;
  RegionName: string;
}

const ZONE_COUNTS: Record<string, number> = {
  "us-east-1": 6,
  "us-west-1": 2,
  "us-west-2": 4,
  "ap-northeast-2": 4,
  "ca-west-1": 3,
  "il-central-1": 3,
  "mx-central-1": 3,
};

export const OPT_IN_REGIONS: ReadonlySet<string> = new Set([
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-south-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-7",
  "ca-west-1",
  "eu-central-2",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
]);

const DIRECTIONS: Record<string, string> = {
  east: "e",
  west: "w",
  north: "n",
  south: "s",
  central: "c",
  northeast: "ne",
  northwest: "nw",
  southeast: "se",
  southwest: "sw",
};

/** us-east-1 → use1, ap-southeast-2 → apse2, us-gov-west-1 → usgw1: the prefix of the Region's AZ ids. */
export function regionCode(region: string): string {
  const m = /^([a-z]{2})-(gov-)?([a-z]+)-(\d+)$/.exec(region);
  if (!m || !DIRECTIONS[m[3]]) return region.replace(/[^a-z0-9]/g, "");
  return `${m[1]}${m[2] ? "g" : ""}${DIRECTIONS[m[3]]}${m[4]}`;
}

/** The Regions of the partition of `region`: EC2 in one partition knows nothing of the others' Regions. */
export const regionNames = (region: string): string[] => [...partitionOf(region).regions].sort();

export const optInStatus = (region: string): string => (OPT_IN_REGIONS.has(region) ? "opted-in" : "opt-in-not-required");

/** The Region's zones in name order: a, b, c... */
export function zonesOf(region: string): Zone[] {
  const count = ZONE_COUNTS[region] ?? 3;
  const code = regionCode(region);
  return Array.from({ length: count }, (_, i) => ({
    ZoneName: `${region}${String.fromCharCode(97 + i)}`,
    ZoneId: `${code}-az${i + 1}`,
    RegionName: region,
  }));
}
