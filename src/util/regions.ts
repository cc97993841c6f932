// The commercial regions EC2 answers in (AWS General Reference, "Amazon EC2 endpoints"): a CopyImage source
// must be one of them. A request may still be sent to any region name; the catalog is served there too.
export const REGIONS: ReadonlySet<string> = new Set([
  "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
  "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
  "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
  "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1", "me-south-1",
  "me-central-1", "mx-central-1", "sa-east-1",
]);

export const isRegion = (region: string): boolean => REGIONS.has(region);
