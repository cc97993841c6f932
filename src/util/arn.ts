// Amazon Resource Names: arn:<partition>:<service>:<region>:<account>:<resource>, the partition that of the Region
// (util/regions.ts): arn:aws-cn:ec2:cn-north-1:..., arn:aws-us-gov:ssm:us-gov-west-1::parameter/aws/...
import { partitionOf, type Partition } from "./regions";

export interface Arn {
  partition: Partition["name"];
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Services whose ARNs name no Region (IAM users, roles and instance profiles, organizations). */
const GLOBAL = new Set(["iam", "organizations"]);

/**
 * The ARN of `resource` of `service` in `account` (or "" for Amazon's public resources), for a request in `region`:
 * its partition is the Region's; a global service's ARN leaves the Region out (arn:aws-cn:iam::<account>:root).
 */
export const arn = (service: string, region: string, account: string, resource: string): string =>
  `arn:${partitionOf(region).name}:${service}:${GLOBAL.has(service) ? "" : region}:${account}:${resource}`;

const PARTITION_NAMES = new Set(["aws", "aws-cn", "aws-us-gov"]);

export function parseArn(s: string): Arn | undefined {
  const parts = s.split(":");
  if (parts.length < 6 || parts[0] !== "arn" || !PARTITION_NAMES.has(parts[1])) return undefined;
  return {
    partition: parts[1] as Arn["partition"],
    service: parts[2],
    region: parts[3],
    account: parts[4],
    resource: parts.slice(5).join(":"),
  };
}

/** Whether an ARN (or anything starting arn:<partition>:) is of the partition of `region`. */
export const inPartitionOf = (s: string, region: string): boolean => s.startsWith(`arn:${partitionOf(region).name}:`);
