// The account's default network as AppStream fleets and builders are given it: the default VPC's subnets (one per
// Availability Zone, in zone order) and its default security group, read through EC2.
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, type EC2Client } from "@aws-sdk/client-ec2";

export interface DefaultNetwork {
  vpcId: string;
  /** The default subnets, ordered by zone: [0] is in the first zone, [1] in the second. */
  subnets: string[];
  group: string;
}

export async function defaultNetwork(ec2: EC2Client): Promise<DefaultNetwork> {
  const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "default-for-az", Values: ["true"] }] }));
  const sorted = [...Subnets!].sort((a, b) => (a.AvailabilityZone! < b.AvailabilityZone! ? -1 : 1));
  const vpcId = sorted[0].VpcId!;
  const { SecurityGroups } = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: "vpc-id", Values: [vpcId] },
        { Name: "group-name", Values: ["default"] },
      ],
    }),
  );
  return { vpcId, subnets: sorted.map((s) => s.SubnetId!), group: SecurityGroups![0].GroupId! };
}
