// What the tests of internet gateways, route tables, network ACLs and Elastic IPs share: a VPC of the caller's
// besides the default one, as CreateVpc would keep it (written into the store directly, so that these tests
// stand apart from the VPC calls), and a running instance.
import { DescribeSubnetsCommand, DescribeVpcsCommand, RunInstancesCommand, type EC2Client } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, REGION, T } from "../support/server";
import { registerAmi } from "./helpers";

let serial = 0;
const hex17 = () => (++serial).toString(16).padStart(8, "0") + "f".repeat(9);

/** A VPC (and, with `subnetCidr`, a subnet of it in us-east-1a) of `account`, as CreateVpc and CreateSubnet keep them. */
export function addVpc(server: Imagelite, cidr: string, subnetCidr?: string, account = ACCOUNT_A): { vpcId: string; subnetId?: string } {
  const partition = { account, region: REGION };
  const vpcId = `vpc-${hex17()}`;
  server.app.store.put("ec2.vpc", partition, vpcId, {
    VpcId: vpcId,
    CidrBlock: cidr,
    IsDefault: false,
    CidrAssociationId: `vpc-cidr-assoc-${hex17()}`,
    DhcpOptionsId: `dopt-${hex17()}`,
  });
  if (!subnetCidr) return { vpcId };
  const subnetId = `subnet-${hex17()}`;
  server.app.store.put("ec2.subnet", partition, subnetId, {
    SubnetId: subnetId,
    VpcId: vpcId,
    AvailabilityZone: "us-east-1a",
    AvailabilityZoneId: "use1-az1",
    CidrBlock: subnetCidr,
    DefaultForAz: false,
    MapPublicIpOnLaunch: false,
  });
  return { vpcId, subnetId };
}

/** Drops a VPC as DeleteVpc would (its subnets too). */
export function dropVpc(server: Imagelite, vpcId: string, subnetIds: string[] = [], account = ACCOUNT_A): void {
  const partition = { account, region: REGION };
  for (const id of subnetIds) server.app.store.delete("ec2.subnet", partition, id);
  server.app.store.delete("ec2.vpc", partition, vpcId);
}

export async function defaultVpcId(c: EC2Client): Promise<string> {
  const { Vpcs } = await c.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }));
  return Vpcs![0].VpcId!;
}

/** The default subnets, by zone order. */
export async function defaultSubnets(c: EC2Client): Promise<string[]> {
  const { Subnets } = await c.send(new DescribeSubnetsCommand({ Filters: [{ Name: "default-for-az", Values: ["true"] }] }));
  return Subnets!.sort((x, y) => (x.AvailabilityZone! < y.AvailabilityZone! ? -1 : 1)).map((s) => s.SubnetId!);
}

/** A running instance of the caller's (in the default VPC unless a subnet is given). */
export async function runningInstance(server: Imagelite, c: EC2Client, subnetId?: string): Promise<string> {
  const ami = await registerAmi(c, `base-${++serial}`);
  server.clock.advance(T + 1);
  const r = await c.send(new RunInstancesCommand({ ImageId: ami, MinCount: 1, MaxCount: 1, InstanceType: "t3.micro", SubnetId: subnetId }));
  server.clock.advance(3 * T + 1);
  return r.Instances![0].InstanceId!;
}
