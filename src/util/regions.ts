// The partitions and Regions imagelite serves (AWS General Reference, "AWS service endpoints" and "Amazon EC2
// endpoints"; the SDKs' partitions.json): the commercial partition, AWS China and AWS GovCloud (US). A request is
// scoped to one of these Regions (any other is refused, in every --auth mode), and so must a CopyImage source be.
// ARNs (util/arn.ts) name the partition of their Region, and public DNS names end in its DNS suffix.
//
// EC2, SSM and STS answer in every Region below. AppStream 2.0 has endpoints in GovCloud (US) but none in the
// China Regions, nor in every commercial Region: AWS has no host to answer a call there (the SDK's
// appstream2.cn-north-1.amazonaws.com.cn does not resolve), so there is no AWS answer to imitate, and imagelite
// serves AppStream in every Region it serves, as it always has in the commercial ones.
export interface Partition {
  /** The partition of an ARN: arn:<name>:... */
  name: "aws" | "aws-cn" | "aws-us-gov";
  /** What endpoints and public DNS names end in. */
  dnsSuffix: string;
  regions: readonly string[];
}

export const PARTITIONS: readonly Partition[] = [
  {
    name: "aws",
    dnsSuffix: "amazonaws.com",
    regions: [
      "us-east-1",
      "us-east-2",
      "us-west-1",
      "us-west-2",
      "af-south-1",
      "ap-east-1",
      "ap-east-2",
      "ap-south-1",
      "ap-south-2",
      "ap-southeast-1",
      "ap-southeast-2",
      "ap-southeast-3",
      "ap-southeast-4",
      "ap-southeast-5",
      "ap-southeast-7",
      "ap-northeast-1",
      "ap-northeast-2",
      "ap-northeast-3",
      "ca-central-1",
      "ca-west-1",
      "eu-central-1",
      "eu-central-2",
      "eu-west-1",
      "eu-west-2",
      "eu-west-3",
      "eu-south-1",
      "eu-south-2",
      "eu-north-1",
      "il-central-1",
      "me-south-1",
      "me-central-1",
      "mx-central-1",
      "sa-east-1",
    ],
  },
  { name: "aws-cn", dnsSuffix: "amazonaws.com.cn", regions: ["cn-north-1", "cn-northwest-1"] },
  { name: "aws-us-gov", dnsSuffix: "amazonaws.com", regions: ["us-gov-west-1", "us-gov-east-1"] },
];

const BY_REGION = new Map(PARTITIONS.flatMap((p) => p.regions.map((r) => [r, p] as const)));

export const REGIONS: ReadonlySet<string> = new Set(BY_REGION.keys());

export const isRegion = (region: string): boolean => BY_REGION.has(region);

/** The partition a Region belongs to; the commercial one for a name that is no Region (or none: ""). */
export const partitionOf = (region: string): Partition => BY_REGION.get(region) ?? PARTITIONS[0];

/** Whether two Regions are in the same partition (resources never cross one). */
export const samePartition = (a: string, b: string): boolean => partitionOf(a) === partitionOf(b);
