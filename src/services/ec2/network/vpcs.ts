// DescribeVpcs and DescribeSubnets over the caller's VPCs and subnets (the Region's defaults, made on first
// read). Filters as the API reference lists them (API_DescribeVpcs.html, API_DescribeSubnets.html), with the
// older camel-case subnet filter names that still work.
import type { RequestContext } from "../../../gateway/context";
import type { Ec2Handlers, Subnet, Vpc } from "../api.generated";
import { describeRecords } from "./describe";
import { ensureDefaults, findSubnet, findVpc, subnets, vpcs, type SubnetRecord, type VpcRecord } from "./records";
import { tagList } from "../tags/records";

/** Addresses of a subnet less the five AWS keeps in each ("Subnet CIDR blocks", subnet-sizing.html). */
const usableAddresses = (cidr: string): number => 2 ** (32 - Number(cidr.split("/")[1])) - 5;

const vpcView = (ctx: RequestContext, r: VpcRecord): Vpc => ({
  VpcId: r.VpcId,
  OwnerId: ctx.accountId,
  State: "available",
  CidrBlock: r.CidrBlock,
  DhcpOptionsId: r.DhcpOptionsId,
  InstanceTenancy: "default",
  IsDefault: r.IsDefault,
  CidrBlockAssociationSet: [{ AssociationId: r.CidrAssociationId, CidrBlock: r.CidrBlock, CidrBlockState: { State: "associated" } }],
  BlockPublicAccessStates: { InternetGatewayBlockMode: "off" },
  Tags: tagList(ctx, r.VpcId),
});

const subnetArn = (ctx: RequestContext, id: string) => `arn:aws:ec2:${ctx.region}:${ctx.accountId}:subnet/${id}`;

const subnetView = (ctx: RequestContext, r: SubnetRecord): Subnet => ({
  SubnetId: r.SubnetId,
  SubnetArn: subnetArn(ctx, r.SubnetId),
  OwnerId: ctx.accountId,
  VpcId: r.VpcId,
  State: "available",
  AvailabilityZone: r.AvailabilityZone,
  AvailabilityZoneId: r.AvailabilityZoneId,
  CidrBlock: r.CidrBlock,
  AvailableIpAddressCount: usableAddresses(r.CidrBlock),
  DefaultForAz: r.DefaultForAz,
  MapPublicIpOnLaunch: r.MapPublicIpOnLaunch,
  MapCustomerOwnedIpOnLaunch: false,
  AssignIpv6AddressOnCreation: false,
  Ipv6CidrBlockAssociationSet: [],
  EnableDns64: false,
  Ipv6Native: false,
  PrivateDnsNameOptionsOnLaunch: { HostnameType: "ip-name", EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
  BlockPublicAccessStates: { InternetGatewayBlockMode: "off" },
  Tags: tagList(ctx, r.SubnetId),
});

export const vpcHandlers: Pick<Ec2Handlers, "DescribeVpcs" | "DescribeSubnets"> = {
  DescribeVpcs(ctx, input) {
    ensureDefaults(ctx);
    const { items, NextToken } = describeRecords(ctx, vpcs, {
      ...input,
      ids: input.VpcIds,
      find: (id) => findVpc(ctx, id),
      idOf: (r) => r.VpcId,
      fields: {
        "vpc-id": (r) => r.VpcId,
        cidr: (r) => r.CidrBlock,
        "cidr-block-association.cidr-block": (r) => r.CidrBlock,
        "cidr-block-association.association-id": (r) => r.CidrAssociationId,
        "cidr-block-association.state": () => "associated",
        "dhcp-options-id": (r) => r.DhcpOptionsId,
        "is-default": (r) => r.IsDefault,
        "owner-id": () => ctx.accountId,
        state: () => "available",
      },
    });
    return { Vpcs: items.map((r) => vpcView(ctx, r)), NextToken };
  },

  DescribeSubnets(ctx, input) {
    ensureDefaults(ctx);
    const zone = (r: SubnetRecord) => r.AvailabilityZone;
    const cidr = (r: SubnetRecord) => r.CidrBlock;
    const defaultForAz = (r: SubnetRecord) => r.DefaultForAz;
    const { items, NextToken } = describeRecords(ctx, subnets, {
      ...input,
      ids: input.SubnetIds,
      find: (id) => findSubnet(ctx, id),
      idOf: (r) => r.SubnetId,
      fields: {
        "subnet-id": (r) => r.SubnetId,
        "subnet-arn": (r) => subnetArn(ctx, r.SubnetId),
        "vpc-id": (r) => r.VpcId,
        "availability-zone": zone,
        availabilityZone: zone,
        "availability-zone-id": (r) => r.AvailabilityZoneId,
        availabilityZoneId: (r) => r.AvailabilityZoneId,
        "cidr-block": cidr,
        cidr,
        cidrBlock: cidr,
        "default-for-az": defaultForAz,
        defaultForAz,
        "map-public-ip-on-launch": (r) => r.MapPublicIpOnLaunch,
        "available-ip-address-count": (r) => usableAddresses(r.CidrBlock),
        "owner-id": () => ctx.accountId,
        state: () => "available",
      },
    });
    return { Subnets: items.map((r) => subnetView(ctx, r)), NextToken };
  },
};
