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
import { defaultSubnet, findSecurityGroups, findSubnet, type SecurityGroupRecord, type SubnetRecord } from "../network/records";
import { ServiceError } from "../../../errors/service-error";
import { addressInUse, findNetworkInterface, privateDnsName } from "../network-interfaces/records";

export interface Placement {
  AvailabilityZone: string;
  SubnetId: string;
  VpcId: string;
  cidr: string;
  /** Whether the subnet gives instances a public IPv4 address at launch. */
  mapPublicIp: boolean;
  subnet: SubnetRecord;
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
  if (input.NetworkInterfaces?.length && input.SubnetId) {
    throw err.invalidCombination("Network interfaces and an instance-level subnet ID may not be specified on the same request");
  }
  if (input.NetworkInterfaces?.length && (input.SecurityGroupIds?.length || input.SecurityGroups?.length)) {
    throw err.invalidCombination("Network interfaces and an instance-level security groups may not be specified on the same request");
  }
  // An existing interface at device index 0 places the instance in its subnet, with its groups.
  const existing = eni?.NetworkInterfaceId ? findNetworkInterface(ctx, eni.NetworkInterfaceId) : undefined;
  if (existing && (eni?.SubnetId || eni?.Groups?.length)) {
    throw err.invalidCombination("A network interface may not specify both a network interface ID and a subnet or security groups");
  }
  const subnetId = existing?.SubnetId ?? input.SubnetId ?? eni?.SubnetId;
  const zone = input.Placement?.AvailabilityZone;
  const subnet = subnetId ? findSubnet(ctx, subnetId) : defaultSubnet(ctx, zone);
  if (zone && subnet.AvailabilityZone !== zone) {
    throw err.invalidValue(`The subnet ${subnet.SubnetId} is in ${subnet.AvailabilityZone}, not in the requested zone ${zone}.`);
  }
  const ids = existing ? existing.Groups.map((g) => g.GroupId!) : input.SecurityGroupIds?.length ? input.SecurityGroupIds : eni?.Groups;
  const groups = findSecurityGroups(ctx, { ids, names: input.SecurityGroups, vpcId: subnet.VpcId });
  sameNetwork(groups, subnet.SubnetId, subnet.VpcId);
  if (input.KeyName !== undefined) findKeyPair(ctx, input.KeyName);
  return {
    AvailabilityZone: subnet.AvailabilityZone,
    SubnetId: subnet.SubnetId,
    VpcId: subnet.VpcId,
    cidr: subnet.CidrBlock,
    mapPublicIp: subnet.MapPublicIpOnLaunch,
    subnet,
    Groups: identifiers(groups),
  };
}

const toInt = (ip: string) => ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
const toIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The first and last address of a subnet that may be given out (the first four and the last are reserved). */
function usable(cidr: string): { first: number; last: number } {
  const [base, bits] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  const start = toInt(base) - (toInt(base) % size);
  return { first: start + 4, last: start + size - 2 };
}

/**
 * The next free private address of the subnet, in order from the start of its block and round again, skipping
 * those an interface holds; InsufficientFreeAddressesInSubnet when none is left (errors-overview.html).
 */
export function nextAddress(ctx: RequestContext, subnet: { SubnetId: string; cidr: string }): { ip: string; dns: string } {
  const { first, last } = usable(subnet.cidr);
  const span = last - first + 1;
  const n = addressCounters.get(ctx, subnet.SubnetId)?.next ?? 0;
  for (let i = 0; i < span; i++) {
    const ip = toIp(first + ((n + i) % span));
    if (addressInUse(ctx, subnet.SubnetId, ip)) continue;
    addressCounters.set(ctx, subnet.SubnetId, { next: (n + i + 1) % span });
    return { ip, dns: privateDnsName(ctx.region, ip) };
  }
  throw new ServiceError(
    "InsufficientFreeAddressesInSubnet",
    `There are not enough free addresses in subnet '${subnet.SubnetId}' to satisfy the requested number of instances.`,
  );
}

/** An address the caller asks for: within the subnet's block, not reserved, not held (InvalidIPAddress.InUse). */
export function requestedAddress(ctx: RequestContext, subnet: { SubnetId: string; cidr: string }, ip: string): { ip: string; dns: string } {
  if (!IPV4.test(ip)) throw err.invalidValue(`Value (${ip}) for parameter privateIpAddress is invalid. ${ip} is not a valid IPv4 address.`);
  const { first, last } = usable(subnet.cidr);
  const n = toInt(ip);
  if (n < first || n > last) {
    throw err.invalidValue(`Address ${ip} does not fall within the subnet's address range`);
  }
  if (addressInUse(ctx, subnet.SubnetId, ip)) {
    throw new ServiceError("InvalidIPAddress.InUse", `Address ${ip} is in use.`);
  }
  return { ip, dns: privateDnsName(ctx.region, ip) };
}

/** ModifyInstanceAttribute groupSet: the security groups (by id) of the instance's VPC it is to have. */
export function resolveGroups(ctx: RequestContext, r: { SubnetId?: string; VpcId?: string }, ids: string[]): GroupIdentifier[] {
  if (!ids.length) throw err.missingParameter("GroupId");
  const groups = findSecurityGroups(ctx, { ids, vpcId: r.VpcId });
  if (r.SubnetId && r.VpcId) sameNetwork(groups, r.SubnetId, r.VpcId);
  return identifiers(groups);
}
