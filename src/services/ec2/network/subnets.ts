// Subnets: DescribeSubnets over the caller's subnets (the default VPC's, made on first read), CreateSubnet,
// DeleteSubnet and ModifySubnetAttribute. API_CreateSubnet.html: an IPv4 block from /16 to /28 within the
// VPC's block (InvalidSubnet.Range otherwise) that overlaps no other subnet of the VPC (InvalidSubnet.Conflict),
// in a zone named by AvailabilityZone or AvailabilityZoneId (one of the Region's when neither is given); AWS
// keeps five addresses of each subnet ("Subnet CIDR blocks", subnet-sizing.html), and each address of a network
// interface in it (an instance's among them) is one more in use. ModifySubnetAttribute changes one attribute per
// call. Filters as API_DescribeSubnets.html lists them, with the older camel-case names EC2 still accepts (the
// Terraform provider's data.aws_subnet and aws_default_subnet send `availabilityZone`, `defaultForAz`, `cidrBlock`).
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import type { Ec2Handlers, HostnameType, Subnet } from "../api.generated";
import * as err from "../errors";
import { liveInstancesIn } from "../instances/records";
import { attachmentOf, networkInterfaces } from "../network-interfaces/records";
import { dropTags, putTags, tagList, tagsFor } from "../tags/records";
import { overlaps, parseCidr, within } from "./cidr";
import { checkUnused, SUBNET_DEPENDENTS } from "./dependents";
import { describeRecords } from "./describe";
import * as netErr from "./errors";
import { ensureDefaults, findSubnet, findVpc, subnets, type SubnetRecord } from "./records";
import { zonesOf } from "./zones";
import { arnOf } from "../resource-types";

/** Subnets per VPC ("Amazon VPC quotas", amazon-vpc-limits.html). */
export const MAX_SUBNETS = 200;

/** Addresses of a subnet less the five AWS keeps in each. */
const usableAddresses = (cidr: string): number => 2 ** (32 - Number(cidr.split("/")[1])) - 5;

/**
 * How many addresses of a subnet are in use: those of its network interfaces (primary and secondary), and one for
 * each instance that is not terminated and has no interface in it (records of older versions). Both read through
 * the subnet's index.
 */
function addressesInUse(ctx: RequestContext): (subnetId: string) => number {
  return (subnetId) => {
    let used = 0;
    const withInterface = new Set<string>();
    for (const e of networkInterfaces.lookup(ctx, "subnet", { key: subnetId })) {
      used += 1 + e.value.secondaryIps.length;
      const a = attachmentOf(ctx, e.value);
      if (a) withInterface.add(a.InstanceId);
    }
    for (const r of liveInstancesIn(ctx, "subnet", subnetId)) if (!withInterface.has(r.InstanceId)) used++;
    return used;
  };
}

export const subnetArn = (ctx: RequestContext, id: string) => arnOf("subnet", ctx.region, ctx.accountId, id);

function subnetView(ctx: RequestContext, r: SubnetRecord, inUse: (id: string) => number): Subnet {
  return {
    SubnetId: r.SubnetId,
    SubnetArn: subnetArn(ctx, r.SubnetId),
    OwnerId: ctx.accountId,
    VpcId: r.VpcId,
    State: "available",
    AvailabilityZone: r.AvailabilityZone,
    AvailabilityZoneId: r.AvailabilityZoneId,
    CidrBlock: r.CidrBlock,
    AvailableIpAddressCount: Math.max(0, usableAddresses(r.CidrBlock) - inUse(r.SubnetId)),
    DefaultForAz: r.DefaultForAz,
    MapPublicIpOnLaunch: r.MapPublicIpOnLaunch,
    MapCustomerOwnedIpOnLaunch: false,
    AssignIpv6AddressOnCreation: r.AssignIpv6AddressOnCreation ?? false,
    Ipv6CidrBlockAssociationSet: [],
    EnableDns64: r.EnableDns64 ?? false,
    Ipv6Native: false,
    PrivateDnsNameOptionsOnLaunch: {
      HostnameType: (r.HostnameType ?? "ip-name") as HostnameType,
      EnableResourceNameDnsARecord: r.EnableResourceNameDnsARecord ?? false,
      EnableResourceNameDnsAAAARecord: r.EnableResourceNameDnsAAAARecord ?? false,
    },
    BlockPublicAccessStates: { InternetGatewayBlockMode: "off" },
    Tags: tagList(ctx, r.SubnetId),
  };
}

/** A subnet as DescribeSubnets shows it (the dashboard's view). */
export const describedSubnet = (ctx: RequestContext, r: SubnetRecord): Subnet => subnetView(ctx, r, addressesInUse(ctx));

/** The zone a CreateSubnet names (by name or id), or the Region's first zone. */
function zoneOf(ctx: RequestContext, name: string | undefined, id: string | undefined) {
  const zones = zonesOf(ctx.region);
  if (name !== undefined && id !== undefined) {
    throw err.invalidCombination("Only one of availabilityZone or availabilityZoneId may be specified.");
  }
  if (name === undefined && id === undefined) return zones[0];
  const zone = zones.find((z) => (name !== undefined ? z.ZoneName === name : z.ZoneId === id));
  if (!zone) {
    const member = name !== undefined ? "availabilityZone" : "availabilityZoneId";
    const known = zones.map((z) => (name !== undefined ? z.ZoneName : z.ZoneId)).join(", ");
    throw err.invalidValue(
      `Value (${name ?? id}) for parameter ${member} is invalid. Subnets can currently only be created in the following availability zones: ${known}.`,
    );
  }
  return zone;
}

type Attribute =
  | "MapPublicIpOnLaunch"
  | "AssignIpv6AddressOnCreation"
  | "EnableDns64"
  | "EnableResourceNameDnsARecordOnLaunch"
  | "EnableResourceNameDnsAAAARecordOnLaunch"
  | "PrivateDnsHostnameTypeOnLaunch"
  | "MapCustomerOwnedIpOnLaunch"
  | "CustomerOwnedIpv4Pool"
  | "EnableLniAtDeviceIndex"
  | "DisableLniAtDeviceIndex";

const ATTRIBUTES: Attribute[] = [
  "MapPublicIpOnLaunch",
  "AssignIpv6AddressOnCreation",
  "EnableDns64",
  "EnableResourceNameDnsARecordOnLaunch",
  "EnableResourceNameDnsAAAARecordOnLaunch",
  "PrivateDnsHostnameTypeOnLaunch",
  "MapCustomerOwnedIpOnLaunch",
  "CustomerOwnedIpv4Pool",
  "EnableLniAtDeviceIndex",
  "DisableLniAtDeviceIndex",
];

const wireName = (name: string) => `${name[0].toLowerCase()}${name.slice(1)}`;

export const subnetHandlers: Pick<Ec2Handlers, "DescribeSubnets" | "CreateSubnet" | "DeleteSubnet" | "ModifySubnetAttribute"> = {
  DescribeSubnets(ctx, input) {
    ensureDefaults(ctx);
    const inUse = addressesInUse(ctx);
    const zone = (r: SubnetRecord) => r.AvailabilityZone;
    const zoneId = (r: SubnetRecord) => r.AvailabilityZoneId;
    const cidr = (r: SubnetRecord) => r.CidrBlock;
    const defaultForAz = (r: SubnetRecord) => r.DefaultForAz;
    const available = (r: SubnetRecord) => Math.max(0, usableAddresses(r.CidrBlock) - inUse(r.SubnetId));
    const { items, NextToken } = describeRecords(ctx, subnets, {
      ...input,
      ids: input.SubnetIds,
      find: (id) => findSubnet(ctx, id),
      idOf: (r) => r.SubnetId,
      tagType: "subnet",
      idFilters: ["subnet-id", "subnetId"],
      indexes: { vpc: ["vpc-id", "vpcId"] },
      fields: {
        "subnet-id": (r) => r.SubnetId,
        subnetId: (r) => r.SubnetId,
        "subnet-arn": (r) => subnetArn(ctx, r.SubnetId),
        "vpc-id": (r) => r.VpcId,
        vpcId: (r) => r.VpcId,
        "availability-zone": zone,
        availabilityZone: zone,
        "availability-zone-id": zoneId,
        availabilityZoneId: zoneId,
        "cidr-block": cidr,
        cidr,
        cidrBlock: cidr,
        "default-for-az": defaultForAz,
        defaultForAz,
        "map-public-ip-on-launch": (r) => r.MapPublicIpOnLaunch,
        "map-customer-owned-ip-on-launch": () => false,
        "customer-owned-ipv4-pool": () => undefined,
        "enable-dns64": (r) => r.EnableDns64 ?? false,
        "enable-lni-at-device-index": () => undefined,
        "ipv6-cidr-block-association.ipv6-cidr-block": () => undefined,
        "ipv6-cidr-block-association.association-id": () => undefined,
        "ipv6-cidr-block-association.state": () => undefined,
        "ipv6-native": () => false,
        "outpost-arn": () => undefined,
        "private-dns-name-options-on-launch.hostname-type": (r) => r.HostnameType ?? "ip-name",
        "private-dns-name-options-on-launch.enable-resource-name-dns-a-record": (r) => r.EnableResourceNameDnsARecord ?? false,
        "private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record": (r) => r.EnableResourceNameDnsAAAARecord ?? false,
        "available-ip-address-count": available,
        availableIpAddressCount: available,
        "owner-id": () => ctx.accountId,
        ownerId: () => ctx.accountId,
        state: () => "available",
      },
    });
    return { Subnets: items.map((r) => subnetView(ctx, r, inUse)), NextToken };
  },

  CreateSubnet(ctx, input) {
    const vpc = findVpc(ctx, input.VpcId);
    if (input.Ipv6CidrBlock !== undefined || input.Ipv6Native || input.Ipv6IpamPoolId !== undefined) {
      throw err.invalidValue("IPv6 CIDR blocks are not available: create the subnet with an IPv4 CidrBlock only.");
    }
    if (input.Ipv4IpamPoolId !== undefined || input.Ipv4NetmaskLength !== undefined) {
      throw err.invalidValue("IPAM pools are not available: specify the subnet's CidrBlock.");
    }
    if (input.OutpostArn !== undefined) throw err.invalidValue(`Value (${input.OutpostArn}) for parameter outpostArn is invalid.`);
    const cidr = input.CidrBlock;
    if (cidr === undefined || cidr === "") throw err.missingParameter("cidrBlock");
    const block = parseCidr(cidr);
    if (!block) throw err.invalidValue(`Value (${cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
    const zone = zoneOf(ctx, input.AvailabilityZone, input.AvailabilityZoneId);
    const tags = tagsFor(input.TagSpecifications, "subnet");
    if (block.bits < 16 || block.bits > 28 || !within(block, parseCidr(vpc.CidrBlock)!)) throw netErr.subnetRange(cidr);
    const siblings = subnets.lookup(ctx, "vpc", { key: vpc.VpcId });
    if (siblings.some((s) => overlaps(block, parseCidr(s.value.CidrBlock)!))) throw netErr.subnetConflict(cidr);
    if (siblings.length >= MAX_SUBNETS) throw netErr.subnetLimit();
    const subnet: SubnetRecord = {
      SubnetId: hexId("subnet"),
      VpcId: vpc.VpcId,
      AvailabilityZone: zone.ZoneName,
      AvailabilityZoneId: zone.ZoneId,
      CidrBlock: cidr,
      DefaultForAz: false,
      MapPublicIpOnLaunch: false,
    };
    subnets.put(ctx, subnet);
    if (tags.length) putTags(ctx, subnet.SubnetId, "subnet", tags);
    return { Subnet: subnetView(ctx, subnet, () => 0) };
  },

  DeleteSubnet(ctx, input) {
    const subnet = findSubnet(ctx, input.SubnetId);
    checkUnused(ctx, SUBNET_DEPENDENTS, subnet.SubnetId);
    subnets.delete(ctx, subnet.SubnetId);
    dropTags(ctx, subnet.SubnetId);
    return {};
  },

  ModifySubnetAttribute(ctx, input) {
    const subnet = findSubnet(ctx, input.SubnetId);
    const given = ATTRIBUTES.filter((a) => input[a] !== undefined);
    // One attribute per call (API_ModifySubnetAttribute.html: "You can only modify one attribute at a time").
    if (given.length !== 1) {
      throw err.invalidCombination("Fewer than or more than one attribute was specified: specify exactly one attribute to modify.");
    }
    const [name] = given;
    const flag = (): boolean => {
      const v = (input[name] as { Value?: boolean }).Value;
      if (v === undefined) throw err.missingParameter(`${wireName(name)}.value`);
      return v;
    };
    const noIpv6 = (v: boolean) => {
      if (v) {
        throw err.invalidValue(
          `Invalid value 'true' for ${wireName(name)}. Cannot set ${wireName(name)} to true unless the subnet (${subnet.SubnetId}) has an IPv6 CIDR block associated with it.`,
        );
      }
      return v;
    };
    let next: SubnetRecord;
    switch (name) {
      case "MapPublicIpOnLaunch":
        next = { ...subnet, MapPublicIpOnLaunch: flag() };
        break;
      case "AssignIpv6AddressOnCreation":
        next = { ...subnet, AssignIpv6AddressOnCreation: noIpv6(flag()) };
        break;
      case "EnableDns64":
        next = { ...subnet, EnableDns64: flag() };
        break;
      case "EnableResourceNameDnsARecordOnLaunch":
        next = { ...subnet, EnableResourceNameDnsARecord: flag() };
        break;
      case "EnableResourceNameDnsAAAARecordOnLaunch":
        next = { ...subnet, EnableResourceNameDnsAAAARecord: noIpv6(flag()) };
        break;
      case "PrivateDnsHostnameTypeOnLaunch":
        next = { ...subnet, HostnameType: input.PrivateDnsHostnameTypeOnLaunch };
        break;
      default:
        // Customer-owned addresses and LNIs exist only on subnets of an Outpost.
        throw err.invalidValue(`Invalid value for ${wireName(name)}: the subnet (${subnet.SubnetId}) is not on an Outpost.`);
    }
    subnets.put(ctx, next);
    return {};
  },
};
