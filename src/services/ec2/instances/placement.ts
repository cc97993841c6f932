// Where a new instance is placed in the caller's network and the addresses it gets: the subnet asked for (by
// SubnetId or the first network interface), else the default VPC's subnet of the zone asked for (or the first
// zone); the security groups asked for by id or name, else the VPC's default group; all in the subnet's VPC.
// Private addresses are handed out in order from the subnet's CIDR block, after the four addresses AWS
// reserves at its start ("Subnet CIDR blocks", subnet-sizing.html); the private DNS name is derived from the
// address as EC2 names it (ip-10-0-0-12.ec2.internal in us-east-1, ip-10-0-0-12.<region>.compute.internal
// elsewhere). Instances that are not terminated keep their groups in use (DeleteSecurityGroup refuses them).
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { schema, type RecordOf } from "../../../state/record-schema";
import type { GroupIdentifier, RunInstancesRequest } from "../api.generated";
import * as err from "../errors";
import { findKeyPair } from "../key-pairs/records";
import { defaultSubnet, findSecurityGroups, findSubnet, type SecurityGroupRecord } from "../network/records";

export interface Placement {
  AvailabilityZone: string;
  SubnetId: string;
  VpcId: string;
  cidr: string;
  Groups: GroupIdentifier[];
}

/** The caller's partition, keyed by subnet → how many addresses were given out. */
const counterSchema = schema({ next: "count" });
export const addressCounters = collection<RecordOf<typeof counterSchema>>({ type: "ec2.address-counter", schema: counterSchema });

const identifiers = (groups: SecurityGroupRecord[]): GroupIdentifier[] =>
  groups.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName }));

function sameNetwork(groups: SecurityGroupRecord[], subnetId: string, vpcId: string): void {
  const stray = groups.find((g) => g.VpcId !== vpcId);
  if (stray) throw err.invalidValue(`Security group ${stray.GroupId} and subnet ${subnetId} belong to different networks.`);
}

export function placeInstance(ctx: RequestContext, input: RunInstancesRequest): Placement {
  const eni = input.NetworkInterfaces?.find((n) => (n.DeviceIndex ?? 0) === 0);
  const subnetId = input.SubnetId ?? eni?.SubnetId;
  const zone = input.Placement?.AvailabilityZone;
  const subnet = subnetId ? findSubnet(ctx, subnetId) : defaultSubnet(ctx, zone);
  if (zone && subnet.AvailabilityZone !== zone) {
    throw err.invalidValue(`The subnet ${subnet.SubnetId} is in ${subnet.AvailabilityZone}, not in the requested zone ${zone}.`);
  }
  const ids = input.SecurityGroupIds?.length ? input.SecurityGroupIds : eni?.Groups;
  const groups = findSecurityGroups(ctx, { ids, names: input.SecurityGroups, vpcId: subnet.VpcId });
  sameNetwork(groups, subnet.SubnetId, subnet.VpcId);
  if (input.KeyName !== undefined) findKeyPair(ctx, input.KeyName);
  return {
    AvailabilityZone: subnet.AvailabilityZone,
    SubnetId: subnet.SubnetId,
    VpcId: subnet.VpcId,
    cidr: subnet.CidrBlock,
    Groups: identifiers(groups),
  };
}

const toInt = (ip: string) => ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
const toIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");

/** The next private address of the subnet, and its DNS name. */
export function nextAddress(ctx: RequestContext, where: Placement): { ip: string; dns: string } {
  const n = addressCounters.get(ctx, where.SubnetId)?.next ?? 0;
  addressCounters.set(ctx, where.SubnetId, { next: n + 1 });
  const [base, bits] = where.cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  // The first four and the last address of a block are reserved; wrap within what is left.
  const ip = toIp(toInt(base) + 4 + (n % Math.max(1, size - 5)));
  const host = `ip-${ip.replace(/\./g, "-")}`;
  return { ip, dns: ctx.region === "us-east-1" ? `${host}.ec2.internal` : `${host}.${ctx.region}.compute.internal` };
}

/** ModifyInstanceAttribute groupSet: the security groups (by id) of the instance's VPC it is to have. */
export function resolveGroups(ctx: RequestContext, r: { SubnetId?: string; VpcId?: string }, ids: string[]): GroupIdentifier[] {
  if (!ids.length) throw err.missingParameter("GroupId");
  const groups = findSecurityGroups(ctx, { ids, vpcId: r.VpcId });
  if (r.SubnetId && r.VpcId) sameNetwork(groups, r.SubnetId, r.VpcId);
  return identifiers(groups);
}
