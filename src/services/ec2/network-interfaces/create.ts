// Making a network interface, for CreateNetworkInterface and for the interfaces RunInstances gives an instance:
// its addresses from the subnet (the primary one asked for, or the next free one; secondary ones asked for by
// address or by count), its groups (the VPC's default group when none is named), a MAC address, and source/dest
// check on. IPv6 addresses and prefixes need an IPv6 block the subnet does not have.
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import type { GroupIdentifier, PrivateIpAddressSpecification } from "../api.generated";
import * as err from "../errors";
import { ServiceError } from "../../../errors/service-error";
import type { SubnetRecord } from "../network/records";
import { nextAddress, requestedAddress } from "../instances/placement";
import { macAddressOf, saveNetworkInterface, type EniRecord } from "./records";

/** At most this many private IPv4 addresses on one interface (the largest types' limit, "IP addresses per network interface"). */
export const MAX_PRIVATE_IPS = 50;

export interface InterfaceSpec {
  subnet: SubnetRecord;
  groups: GroupIdentifier[];
  description?: string;
  privateIp?: string;
  privateIps?: PrivateIpAddressSpecification[];
  secondaryCount?: number;
  interfaceType?: string;
  ipv6Count?: number;
  ipv6Given?: boolean;
  publicOnStart?: boolean;
}

/** The primary address asked for: PrivateIpAddress, or the entry of PrivateIpAddresses marked primary. */
function primaryAsked(spec: InterfaceSpec): string | undefined {
  const marked = (spec.privateIps ?? []).filter((p) => p.Primary);
  if (marked.length > 1) throw err.invalidValue("Only one primary private IP address may be specified.");
  const fromList = marked[0]?.PrivateIpAddress;
  if (spec.privateIp !== undefined && fromList !== undefined && fromList !== spec.privateIp) {
    throw err.invalidCombination("The primary private IP address given twice differs.");
  }
  return spec.privateIp ?? fromList;
}

export function createInterface(ctx: RequestContext, spec: InterfaceSpec): EniRecord {
  if ((spec.ipv6Count ?? 0) > 0 || spec.ipv6Given) {
    throw err.invalidValue(`You must specify an IPv6 CIDR block for subnet ${spec.subnet.SubnetId} before assigning IPv6 addresses.`);
  }
  const count = spec.secondaryCount ?? 0;
  if (count < 0) throw err.invalidValue(`Value (${count}) for parameter secondaryPrivateIpAddressCount is invalid.`);
  const listed = (spec.privateIps ?? []).filter((p) => !p.Primary).map((p) => p.PrivateIpAddress);
  if (listed.some((ip) => !ip)) throw err.missingParameter("PrivateIpAddresses.PrivateIpAddress");
  if (count && listed.length) {
    throw err.invalidCombination("The parameters secondaryPrivateIpAddressCount and privateIpAddresses cannot be used together.");
  }
  if (1 + count + listed.length > MAX_PRIVATE_IPS) {
    throw new ServiceError(
      "PrivateIpAddressLimitExceeded",
      `Number of private addresses (${1 + count + listed.length}) exceeds the limit of ${MAX_PRIVATE_IPS} for one network interface.`,
    );
  }
  const where = { SubnetId: spec.subnet.SubnetId, cidr: spec.subnet.CidrBlock };
  const asked = primaryAsked(spec);
  const NetworkInterfaceId = hexId("eni");
  const record: EniRecord = {
    NetworkInterfaceId,
    owner: ctx.accountId,
    region: ctx.region,
    SubnetId: spec.subnet.SubnetId,
    VpcId: spec.subnet.VpcId,
    AvailabilityZone: spec.subnet.AvailabilityZone,
    Description: spec.description ?? "",
    InterfaceType: spec.interfaceType ?? "interface",
    PrivateIpAddress: "",
    PrivateDnsName: "",
    secondaryIps: [],
    MacAddress: macAddressOf(NetworkInterfaceId),
    Groups: spec.groups,
    SourceDestCheck: true,
    createdAt: ctx.now,
    publicIp: undefined,
    publicOnStart: spec.publicOnStart ?? false,
    attachment: undefined,
    goneAt: undefined,
  };
  // Each address is held (saved) before the next is drawn, so that one call never hands out one twice.
  const primary = asked !== undefined ? requestedAddress(ctx, where, asked) : nextAddress(ctx, where);
  record.PrivateIpAddress = primary.ip;
  record.PrivateDnsName = primary.dns;
  saveNetworkInterface(ctx, record);
  for (const ip of listed) {
    record.secondaryIps = [...record.secondaryIps, requestedAddress(ctx, where, ip!).ip];
    saveNetworkInterface(ctx, record);
  }
  for (let i = 0; i < count; i++) {
    record.secondaryIps = [...record.secondaryIps, nextAddress(ctx, where).ip];
    saveNetworkInterface(ctx, record);
  }
  return record;
}
