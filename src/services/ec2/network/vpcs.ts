// VPCs: DescribeVpcs over the caller's VPCs (the Region's default one made on first read), CreateVpc,
// DeleteVpc, CreateDefaultVpc, and the DNS attributes (DescribeVpcAttribute, ModifyVpcAttribute).
// API_CreateVpc.html: an IPv4 block from /16 to /28 ("VPC CIDR blocks", vpc-cidr-blocks.html), tenancy
// default or dedicated; a new VPC comes with its own `default` security group, DNS support on and DNS
// hostnames off ("DNS attributes for your VPC", vpc-dns.html: both on in a default VPC). Filters as
// API_DescribeVpcs.html lists them, with the older camel-case names that EC2 still accepts and that tools send
// (the Terraform provider's data.aws_vpc sends `isDefault` and `cidr`, Ansible's ec2_vpc_net `cidr-block`).
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import type { Ec2Handlers, Vpc } from "../api.generated";
import * as err from "../errors";
import { putTags, tagList, tagsFor } from "../tags/records";
import { parseCidr } from "./cidr";
import { checkUnused, VPC_DEPENDENTS } from "./dependents";
import { describeRecords } from "./describe";
import * as netErr from "./errors";
import {
  currentDefaultVpc,
  deleteGroup,
  DEFAULT_GROUP,
  ensureDefaults,
  findVpc,
  makeDefaultGroup,
  materialise,
  securityGroups,
  vpcs,
  vpcState,
  type VpcRecord,
} from "./records";
import { dropTags } from "../tags/records";

/** VPCs per Region ("Amazon VPC quotas", amazon-vpc-limits.html: 5, the default VPC included). */
export const MAX_VPCS = 5;

const dnsSupport = (r: VpcRecord) => r.EnableDnsSupport ?? true;
const dnsHostnames = (r: VpcRecord) => r.EnableDnsHostnames ?? r.IsDefault;

export const vpcView = (ctx: RequestContext, r: VpcRecord): Vpc => ({
  VpcId: r.VpcId,
  OwnerId: ctx.accountId,
  State: vpcState(ctx, r),
  CidrBlock: r.CidrBlock,
  DhcpOptionsId: r.DhcpOptionsId,
  InstanceTenancy: (r.InstanceTenancy ?? "default") as Vpc["InstanceTenancy"],
  IsDefault: r.IsDefault,
  CidrBlockAssociationSet: [{ AssociationId: r.CidrAssociationId, CidrBlock: r.CidrBlock, CidrBlockState: { State: "associated" } }],
  Ipv6CidrBlockAssociationSet: [],
  BlockPublicAccessStates: { InternetGatewayBlockMode: "off" },
  Tags: tagList(ctx, r.VpcId),
});

function checkVpcCidr(cidr: string | undefined): string {
  if (cidr === undefined || cidr === "") throw err.missingParameter("cidrBlock");
  const block = parseCidr(cidr);
  if (!block) throw err.invalidValue(`Value (${cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
  if (block.bits < 16 || block.bits > 28) throw netErr.vpcRange(cidr);
  return cidr;
}

const vpcCount = (ctx: RequestContext): number => {
  let n = 0;
  for (const _ of vpcs.scan(ctx)) n++;
  return n;
};

export const vpcHandlers: Pick<
  Ec2Handlers,
  | "DescribeVpcs"
  | "CreateVpc"
  | "DeleteVpc"
  | "CreateDefaultVpc"
  | "DescribeVpcAttribute"
  | "ModifyVpcAttribute"
  | "DescribeVpcClassicLink"
  | "DescribeVpcClassicLinkDnsSupport"
> = {
  DescribeVpcs(ctx, input) {
    ensureDefaults(ctx);
    const cidr = (r: VpcRecord) => r.CidrBlock;
    const isDefault = (r: VpcRecord) => r.IsDefault;
    const state = (r: VpcRecord) => vpcState(ctx, r);
    const { items, NextToken } = describeRecords(ctx, vpcs, {
      ...input,
      ids: input.VpcIds,
      find: (id) => findVpc(ctx, id),
      idOf: (r) => r.VpcId,
      tagType: "vpc",
      idFilters: ["vpc-id", "vpcId"],
      fields: {
        "vpc-id": (r) => r.VpcId,
        vpcId: (r) => r.VpcId,
        cidr,
        "cidr-block": cidr,
        cidrBlock: cidr,
        "cidr-block-association.cidr-block": cidr,
        "cidr-block-association.association-id": (r) => r.CidrAssociationId,
        "cidr-block-association.state": () => "associated",
        "ipv6-cidr-block-association.ipv6-cidr-block": () => undefined,
        "ipv6-cidr-block-association.ipv6-pool": () => undefined,
        "ipv6-cidr-block-association.association-id": () => undefined,
        "ipv6-cidr-block-association.state": () => undefined,
        "dhcp-options-id": (r) => r.DhcpOptionsId,
        dhcpOptionsId: (r) => r.DhcpOptionsId,
        "is-default": isDefault,
        isDefault,
        "instance-tenancy": (r) => r.InstanceTenancy ?? "default",
        "owner-id": () => ctx.accountId,
        ownerId: () => ctx.accountId,
        state,
      },
    });
    return { Vpcs: items.map((r) => vpcView(ctx, r)), NextToken };
  },

  // ClassicLink linked EC2-Classic instances to a VPC; with EC2-Classic retired (August 2022, "Migrate from
  // EC2-Classic to a VPC") no VPC can have it enabled, and the call that tools still make says so.
  DescribeVpcClassicLink(ctx, input) {
    ensureDefaults(ctx);
    const { items } = describeRecords(ctx, vpcs, {
      Filters: input.Filters,
      ids: input.VpcIds,
      find: (id) => findVpc(ctx, id),
      idOf: (r) => r.VpcId,
      tagType: "vpc",
      idFilters: [],
      fields: { "is-classic-link-enabled": () => false },
    });
    return { Vpcs: items.map((r) => ({ VpcId: r.VpcId, ClassicLinkEnabled: false, Tags: tagList(ctx, r.VpcId) })) };
  },

  DescribeVpcClassicLinkDnsSupport(ctx, input) {
    ensureDefaults(ctx);
    const { items, NextToken } = describeRecords(ctx, vpcs, {
      ids: input.VpcIds,
      find: (id) => findVpc(ctx, id),
      idOf: (r) => r.VpcId,
      tagType: "vpc",
      idFilters: [],
      fields: {},
      MaxResults: input.MaxResults,
      NextToken: input.NextToken,
    });
    return { Vpcs: items.map((r) => ({ VpcId: r.VpcId, ClassicLinkDnsSupported: false })), NextToken };
  },

  CreateVpc(ctx, input) {
    if (input.Ipv4IpamPoolId !== undefined || input.Ipv4NetmaskLength !== undefined) {
      throw err.invalidValue("IPAM pools are not available: specify the VPC's CidrBlock.");
    }
    if (input.AmazonProvidedIpv6CidrBlock || input.Ipv6CidrBlock !== undefined || input.Ipv6Pool !== undefined || input.Ipv6IpamPoolId) {
      throw err.invalidValue("IPv6 CIDR blocks are not available: create the VPC with an IPv4 CidrBlock only.");
    }
    const CidrBlock = checkVpcCidr(input.CidrBlock);
    const tenancy = input.InstanceTenancy ?? "default";
    if (tenancy === "host") throw err.invalidValue(`Value (${tenancy}) for parameter instanceTenancy is invalid.`);
    const tags = tagsFor(input.TagSpecifications, "vpc");
    ensureDefaults(ctx);
    if (vpcCount(ctx) >= MAX_VPCS) throw netErr.vpcLimit();
    const vpc: VpcRecord = {
      VpcId: hexId("vpc"),
      CidrBlock,
      IsDefault: false,
      CidrAssociationId: hexId("vpc-cidr-assoc"),
      DhcpOptionsId: currentDefaultVpc(ctx)?.DhcpOptionsId ?? hexId("dopt"),
      InstanceTenancy: tenancy,
      availableAt: ctx.now + ctx.timings.seconds("vpcCreate") * 1000,
      EnableDnsSupport: true,
      EnableDnsHostnames: false,
    };
    vpcs.put(ctx, vpc);
    makeDefaultGroup(ctx, vpc.VpcId);
    if (tags.length) putTags(ctx, vpc.VpcId, "vpc", tags);
    return { Vpc: vpcView(ctx, vpc) };
  },

  DeleteVpc(ctx, input) {
    const vpc = findVpc(ctx, input.VpcId);
    checkUnused(ctx, VPC_DEPENDENTS, vpc.VpcId);
    for (const e of securityGroups.lookup(ctx, "vpc", { key: vpc.VpcId })) {
      if (e.value.GroupName === DEFAULT_GROUP) deleteGroup(ctx, e.value);
    }
    vpcs.delete(ctx, vpc.VpcId);
    dropTags(ctx, vpc.VpcId);
    return {};
  },

  CreateDefaultVpc(ctx) {
    if (currentDefaultVpc(ctx)) throw netErr.defaultVpcExists();
    if (vpcCount(ctx) >= MAX_VPCS) throw netErr.vpcLimit();
    return { Vpc: vpcView(ctx, materialise(ctx)) };
  },

  DescribeVpcAttribute(ctx, input) {
    const vpc = findVpc(ctx, input.VpcId);
    const value = (v: boolean) => ({ Value: v });
    switch (input.Attribute) {
      case "enableDnsSupport":
        return { VpcId: vpc.VpcId, EnableDnsSupport: value(dnsSupport(vpc)) };
      case "enableDnsHostnames":
        return { VpcId: vpc.VpcId, EnableDnsHostnames: value(dnsHostnames(vpc)) };
      case "enableNetworkAddressUsageMetrics":
        return { VpcId: vpc.VpcId, EnableNetworkAddressUsageMetrics: value(vpc.EnableNetworkAddressUsageMetrics ?? false) };
      default:
        throw err.invalidValue(`Value (${input.Attribute}) for parameter attribute is invalid. Unknown attribute.`);
    }
  },

  ModifyVpcAttribute(ctx, input) {
    const vpc = findVpc(ctx, input.VpcId);
    const given = (["EnableDnsSupport", "EnableDnsHostnames", "EnableNetworkAddressUsageMetrics"] as const).filter(
      (k) => input[k] !== undefined,
    );
    // One attribute per call (API_ModifyVpcAttribute.html: "You can only modify one attribute at a time").
    if (given.length !== 1) {
      throw err.invalidCombination("Fewer than or more than one attribute was specified: specify exactly one attribute to modify.");
    }
    const [name] = given;
    const v = input[name]!.Value;
    if (v === undefined) throw err.missingParameter(`${name[0].toLowerCase()}${name.slice(1)}.value`);
    // DNS hostnames need DNS support (vpc-dns.html: "To use private DNS hostnames, both attributes must be true").
    if (name === "EnableDnsHostnames" && v && !dnsSupport(vpc)) {
      throw err.invalidValue("Cannot enable DNS hostnames on a VPC without DNS support: enable DNS support first.");
    }
    vpcs.put(ctx, { ...vpc, [name]: v });
    return {};
  },
};
