// DescribeNetworkAcls, CreateNetworkAcl, DeleteNetworkAcl, CreateNetworkAclEntry, ReplaceNetworkAclEntry,
// DeleteNetworkAclEntry and ReplaceNetworkAclAssociation (the API reference page of each; "Control subnet
// traffic with network access control lists", vpc-network-acls.html, and its "Network ACL rules": rule numbers
// 1 to 32766, evaluated in order, one set inbound and one outbound; the rule `*` ends both). The default ACL
// cannot be deleted, nor an ACL that subnets are associated with; a subnet moves from one ACL to another of its
// VPC by ReplaceNetworkAclAssociation, under a new association id.
import type { RequestContext } from "../../../gateway/context";
import { echo } from "../../../errors/echo";
import { hexId } from "../../../util/ids";
import type { CreateNetworkAclEntryRequest, Ec2Handlers, NetworkAcl, NetworkAclAssociation } from "../api.generated";
import * as ec2err from "../errors";
import { idempotent } from "../client-tokens";
import { findVpc, subnets } from "../network/records";
import { dropTags, putTags, tagList, tagsFor } from "../tags/records";
import { describeIndexed } from "../vpc-defaults/describe";
import { ensureAllVpcDefaults, ensureVpcDefaults } from "../vpc-defaults/records";
import { isIpv4Cidr, isIpv6Cidr } from "../vpc-defaults/cidr";
import * as err from "../vpc-defaults/errors";
import {
  findAclRecord,
  implicitAssociationId,
  LAST_RULE,
  lastRules,
  networkAcls,
  type AclEntryRecord,
  type NetworkAclRecord,
} from "./records";

/** Protocol names EC2 takes beside numbers (-1 is every protocol). */
const PROTOCOLS: Record<string, string> = { all: "-1", "-1": "-1", tcp: "6", udp: "17", icmp: "1", icmpv6: "58" };

function protocolOf(p: string): string {
  const named = PROTOCOLS[p.toLowerCase()];
  if (named) return named;
  if (/^\d{1,3}$/.test(p) && Number(p) <= 255) return String(Number(p));
  throw ec2err.invalidValue(
    `Value (${echo(p)}) for parameter protocol is invalid. It must be a protocol number from 0 to 255, or -1 for all.`,
  );
}

/** An entry as CreateNetworkAclEntry and ReplaceNetworkAclEntry give it, checked. */
function entryOf(input: Omit<CreateNetworkAclEntryRequest, "NetworkAclId" | "DryRun">): AclEntryRecord {
  if (!Number.isInteger(input.RuleNumber) || input.RuleNumber < 1 || input.RuleNumber >= LAST_RULE) {
    throw ec2err.invalidValue(`Value (${input.RuleNumber}) for parameter ruleNumber is invalid. The rule number must be from 1 to 32766.`);
  }
  if ((input.CidrBlock === undefined) === (input.Ipv6CidrBlock === undefined)) {
    if (input.CidrBlock === undefined) throw ec2err.missingParameter("cidrBlock or ipv6CidrBlock");
    throw ec2err.invalidCombination("The parameters cidrBlock and ipv6CidrBlock cannot be given together.");
  }
  if (input.CidrBlock !== undefined && !isIpv4Cidr(input.CidrBlock)) {
    throw ec2err.invalidValue(`Value (${echo(input.CidrBlock)}) for parameter cidrBlock is invalid. This is not a valid IPv4 CIDR block.`);
  }
  if (input.Ipv6CidrBlock !== undefined && !isIpv6Cidr(input.Ipv6CidrBlock)) {
    throw ec2err.invalidValue(
      `Value (${echo(input.Ipv6CidrBlock)}) for parameter ipv6CidrBlock is invalid. This is not a valid IPv6 CIDR block.`,
    );
  }
  const Protocol = protocolOf(input.Protocol);
  const ports = Protocol === "6" || Protocol === "17";
  const icmp = Protocol === "1" || Protocol === "58";
  if (ports) {
    const { From, To } = input.PortRange ?? {};
    if (From === undefined || To === undefined) throw ec2err.missingParameter("portRange");
    if (From < 0 || To > 65535 || From > To) {
      throw ec2err.invalidValue(
        `Value (${From}-${To}) for parameter portRange is invalid. Ports are from 0 to 65535, the first not above the last.`,
      );
    }
  }
  if (icmp && (input.IcmpTypeCode?.Type === undefined || input.IcmpTypeCode.Code === undefined))
    throw ec2err.missingParameter("icmpTypeCode");
  return {
    RuleNumber: input.RuleNumber,
    Egress: input.Egress,
    Protocol,
    RuleAction: input.RuleAction,
    CidrBlock: input.CidrBlock,
    Ipv6CidrBlock: input.Ipv6CidrBlock,
    PortRange: ports ? { From: input.PortRange!.From, To: input.PortRange!.To } : undefined,
    IcmpTypeCode: icmp ? { Type: input.IcmpTypeCode!.Type, Code: input.IcmpTypeCode!.Code } : undefined,
  };
}

/** Entries in the order EC2 evaluates and lists them: outbound and inbound apart, by rule number. */
const ordered = (entries: AclEntryRecord[]) =>
  [...entries].sort((a, b) => Number(a.Egress) - Number(b.Egress) || a.RuleNumber - b.RuleNumber);

/** The subnets of a VPC that no ACL names, which its default ACL takes. */
function implicitSubnets(ctx: RequestContext, acl: NetworkAclRecord): string[] {
  if (!acl.IsDefault) return [];
  return subnets
    .lookup(ctx, "zone", { prefix: `${acl.VpcId} ` })
    .map((e) => e.value.SubnetId)
    .filter((id) => !networkAcls.lookup(ctx, "subnet", { key: id, limit: 1 }).length);
}

function associationsOf(ctx: RequestContext, acl: NetworkAclRecord): NetworkAclAssociation[] {
  const explicit = acl.associations
    .filter((a) => subnets.get(ctx, a.SubnetId))
    .map((a) => ({ NetworkAclAssociationId: a.NetworkAclAssociationId, NetworkAclId: acl.NetworkAclId, SubnetId: a.SubnetId }));
  const implicit = implicitSubnets(ctx, acl).map((SubnetId) => ({
    NetworkAclAssociationId: implicitAssociationId(acl.NetworkAclId, SubnetId),
    NetworkAclId: acl.NetworkAclId,
    SubnetId,
  }));
  return [...explicit, ...implicit].sort((a, b) => (a.SubnetId < b.SubnetId ? -1 : a.SubnetId > b.SubnetId ? 1 : 0));
}

export const aclView = (ctx: RequestContext, acl: NetworkAclRecord): NetworkAcl => ({
  NetworkAclId: acl.NetworkAclId,
  VpcId: acl.VpcId,
  OwnerId: ctx.accountId,
  IsDefault: acl.IsDefault,
  Entries: ordered(acl.entries).map((e) => ({ ...e, RuleAction: e.RuleAction as "allow" | "deny" })),
  Associations: associationsOf(ctx, acl),
  Tags: tagList(ctx, acl.NetworkAclId) ?? [],
});

function findAcl(ctx: RequestContext, id: string): NetworkAclRecord {
  ensureAllVpcDefaults(ctx);
  return findAclRecord(ctx, id);
}

/** The ACL an association id names and the subnet it associates, explicit or implicit. */
function findAclAssociation(ctx: RequestContext, associationId: string): { acl: NetworkAclRecord; subnetId: string } {
  ensureAllVpcDefaults(ctx);
  for (const e of networkAcls.lookup(ctx, "association", { key: associationId })) {
    const a = e.value.associations.find((x) => x.NetworkAclAssociationId === associationId);
    if (a && subnets.get(ctx, a.SubnetId)) return { acl: e.value, subnetId: a.SubnetId };
  }
  for (const acl of networkAcls.indexScan(ctx, "default", { prefix: "" })) {
    const subnetId = implicitSubnets(ctx, acl.value).find((id) => implicitAssociationId(acl.id, id) === associationId);
    if (subnetId) return { acl: acl.value, subnetId };
  }
  throw err.associationNotFound(associationId);
}

const sameEntry = (a: AclEntryRecord, rule: number, egress: boolean) => a.RuleNumber === rule && a.Egress === egress;

export const networkAclHandlers: Pick<
  Ec2Handlers,
  | "DescribeNetworkAcls"
  | "CreateNetworkAcl"
  | "DeleteNetworkAcl"
  | "CreateNetworkAclEntry"
  | "ReplaceNetworkAclEntry"
  | "DeleteNetworkAclEntry"
  | "ReplaceNetworkAclAssociation"
> = {
  DescribeNetworkAcls(ctx, input) {
    ensureAllVpcDefaults(ctx);
    const entries =
      <V>(pick: (e: AclEntryRecord) => V) =>
      (a: NetworkAclRecord) =>
        a.entries.map(pick) as never;
    const assoc =
      <V>(pick: (a: NetworkAclAssociation) => V) =>
      (a: NetworkAclRecord) =>
        associationsOf(ctx, a).map(pick) as never;
    const { items, NextToken } = describeIndexed(ctx, {
      collection: networkAcls,
      tagType: "network-acl",
      idOf: (a) => a.NetworkAclId,
      indexed: { "network-acl-id": "id", "vpc-id": "vpc" },
      fields: {
        "network-acl-id": (a) => a.NetworkAclId,
        "vpc-id": (a) => a.VpcId,
        default: (a) => a.IsDefault,
        "owner-id": () => ctx.accountId,
        "association.association-id": assoc((x) => x.NetworkAclAssociationId),
        "association.network-acl-id": assoc((x) => x.NetworkAclId),
        "association.subnet-id": assoc((x) => x.SubnetId),
        "entry.cidr": entries((e) => e.CidrBlock),
        "entry.ipv6-cidr": entries((e) => e.Ipv6CidrBlock),
        "entry.egress": entries((e) => e.Egress),
        "entry.protocol": entries((e) => e.Protocol),
        "entry.rule-action": entries((e) => e.RuleAction),
        "entry.rule-number": entries((e) => e.RuleNumber),
        "entry.port-range.from": entries((e) => e.PortRange?.From),
        "entry.port-range.to": entries((e) => e.PortRange?.To),
        "entry.icmp.type": entries((e) => e.IcmpTypeCode?.Type),
        "entry.icmp.code": entries((e) => e.IcmpTypeCode?.Code),
      },
      ids: input.NetworkAclIds,
      find: (id) => findAclRecord(ctx, id),
      Filters: input.Filters,
      MaxResults: input.MaxResults,
      NextToken: input.NextToken,
      paging: { min: 5, max: 100 },
    });
    return { NetworkAcls: items.map((a) => aclView(ctx, a)), NextToken };
  },

  CreateNetworkAcl(ctx, input) {
    const vpc = findVpc(ctx, input.VpcId);
    ensureVpcDefaults(ctx, vpc);
    const tags = tagsFor(input.TagSpecifications, "network-acl");
    // The same ClientToken with the same parameters answers the ACL it made.
    const { NetworkAclId } = idempotent(ctx, input, () => {
      const acl: NetworkAclRecord = {
        NetworkAclId: hexId("acl"),
        VpcId: vpc.VpcId,
        IsDefault: false,
        entries: lastRules(),
        associations: [],
      };
      networkAcls.put(ctx, acl);
      if (tags.length) putTags(ctx, acl.NetworkAclId, "network-acl", tags, true);
      return { NetworkAclId: acl.NetworkAclId };
    });
    return { NetworkAcl: aclView(ctx, findAclRecord(ctx, NetworkAclId)), ClientToken: input.ClientToken };
  },

  DeleteNetworkAcl(ctx, input) {
    const acl = findAcl(ctx, input.NetworkAclId);
    if (acl.IsDefault) throw ec2err.invalidValue(`cannot delete default network ACL ${acl.NetworkAclId}`);
    if (associationsOf(ctx, acl).length) throw err.hasDependencies("networkAcl", acl.NetworkAclId);
    networkAcls.delete(ctx, acl.NetworkAclId);
    dropTags(ctx, acl.NetworkAclId);
    return {};
  },

  CreateNetworkAclEntry(ctx, input) {
    const acl = findAcl(ctx, input.NetworkAclId);
    const entry = entryOf(input);
    if (acl.entries.some((e) => sameEntry(e, entry.RuleNumber, entry.Egress))) throw err.aclEntryExists(entry.RuleNumber, entry.Egress);
    networkAcls.put(ctx, { ...acl, entries: [...acl.entries, entry] });
    return {};
  },

  ReplaceNetworkAclEntry(ctx, input) {
    const acl = findAcl(ctx, input.NetworkAclId);
    const entry = entryOf(input);
    const i = acl.entries.findIndex((e) => sameEntry(e, entry.RuleNumber, entry.Egress));
    if (i < 0) throw err.aclEntryNotFound(entry.RuleNumber, entry.Egress, acl.NetworkAclId);
    const next = [...acl.entries];
    next[i] = entry;
    networkAcls.put(ctx, { ...acl, entries: next });
    return {};
  },

  DeleteNetworkAclEntry(ctx, input) {
    const acl = findAcl(ctx, input.NetworkAclId);
    if (input.RuleNumber === LAST_RULE)
      throw ec2err.invalidValue(`The rule ${LAST_RULE} (*) of network ACL ${acl.NetworkAclId} cannot be deleted.`);
    if (!acl.entries.some((e) => sameEntry(e, input.RuleNumber, input.Egress))) {
      throw err.aclEntryNotFound(input.RuleNumber, input.Egress, acl.NetworkAclId);
    }
    networkAcls.put(ctx, { ...acl, entries: acl.entries.filter((e) => !sameEntry(e, input.RuleNumber, input.Egress)) });
    return {};
  },

  ReplaceNetworkAclAssociation(ctx, input) {
    const { acl, subnetId } = findAclAssociation(ctx, input.AssociationId);
    const target = findAclRecord(ctx, input.NetworkAclId);
    if (target.VpcId !== acl.VpcId) {
      throw ec2err.invalidValue(`Network ACL ${target.NetworkAclId} and subnet ${subnetId} belong to different networks`);
    }
    const NewAssociationId = hexId("aclassoc");
    const without = acl.associations.filter((a) => a.SubnetId !== subnetId);
    if (target.NetworkAclId === acl.NetworkAclId) {
      networkAcls.put(ctx, { ...acl, associations: [...without, { NetworkAclAssociationId: NewAssociationId, SubnetId: subnetId }] });
    } else {
      if (without.length !== acl.associations.length) networkAcls.put(ctx, { ...acl, associations: without });
      networkAcls.put(ctx, {
        ...target,
        associations: [...target.associations, { NetworkAclAssociationId: NewAssociationId, SubnetId: subnetId }],
      });
    }
    return { NewAssociationId };
  },
};
