// How an account's network is kept: VPCs, subnets and security groups as documents in the account's
// partition of their Region, keyed by id, and one marker record that says the Region's defaults exist. The
// default VPC of a Region has one default subnet per Availability Zone and its `default` security group
// ("Default VPCs", Amazon VPC User Guide, default-vpc.html: 172.31.0.0/16, a /20 default subnet in each zone,
// public IPv4 addresses on launch); they are made the first time anything in the account and Region needs
// them, and kept as records so their ids hold. Also the lookups of the network, with EC2's errors.
import type { RequestContext } from "../../../gateway/context";
import { collection, type Scope } from "../../../state/collection";
import type { Store } from "../../../state/store";
import { listOf, schema, unchecked, type RecordOf } from "../../../state/record-schema";
import { hexId } from "../../../util/ids";
import * as err from "../errors";
import { taggable } from "../resource-types";
import { dropTags } from "../tags/records";
import * as netErr from "./errors";
import { zonesOf } from "./zones";

const vpcSchema = schema({
  VpcId: "string",
  CidrBlock: "string",
  IsDefault: "boolean",
  /** The association id of the primary IPv4 CIDR block. */
  CidrAssociationId: "string",
  DhcpOptionsId: "string",
  /** default or dedicated (CreateVpc's InstanceTenancy); default when absent. */
  InstanceTenancy: "string?",
  /** When it became available (CreateVpc: pending until then); always, when absent. */
  availableAt: "time?",
  /** The DNS attributes (DescribeVpcAttribute); support on and hostnames off for a new VPC, both on for a default one. */
  EnableDnsSupport: "boolean?",
  EnableDnsHostnames: "boolean?",
  EnableNetworkAddressUsageMetrics: "boolean?",
});
export type VpcRecord = RecordOf<typeof vpcSchema>;

const subnetSchema = schema({
  SubnetId: "string",
  VpcId: "string",
  AvailabilityZone: "string",
  AvailabilityZoneId: "string",
  CidrBlock: "string",
  DefaultForAz: "boolean",
  MapPublicIpOnLaunch: "boolean",
  /** The launch attributes ModifySubnetAttribute sets; off (ip-name) when absent. */
  AssignIpv6AddressOnCreation: "boolean?",
  EnableDns64: "boolean?",
  HostnameType: "string?",
  EnableResourceNameDnsARecord: "boolean?",
  EnableResourceNameDnsAAAARecord: "boolean?",
});
export type SubnetRecord = RecordOf<typeof subnetSchema>;

/** One rule of a security group, as the SecurityGroupRule of the API (one source per rule). */
const ruleSchema = schema({
  SecurityGroupRuleId: "string",
  IpProtocol: "string",
  FromPort: unchecked<number | undefined>(),
  ToPort: unchecked<number | undefined>(),
  CidrIpv4: unchecked<string | undefined>(),
  CidrIpv6: unchecked<string | undefined>(),
  PrefixListId: unchecked<string | undefined>(),
  /** Another security group as the source. */
  ReferencedGroupId: unchecked<string | undefined>(),
  ReferencedUserId: unchecked<string | undefined>(),
  Description: unchecked<string | undefined>(),
});
export type RuleRecord = RecordOf<typeof ruleSchema>;

const securityGroupSchema = schema({
  GroupId: "string",
  GroupName: "string",
  VpcId: "string",
  Description: "string",
  ingress: listOf(ruleSchema),
  egress: listOf(ruleSchema),
});
export type SecurityGroupRecord = RecordOf<typeof securityGroupSchema>;

export const VPC_ID = /^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/;
export const SUBNET_ID = /^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/;
export const GROUP_ID = /^sg-([0-9a-f]{8}|[0-9a-f]{17})$/;

export const DEFAULT_GROUP = "default";

export const vpcs = collection<VpcRecord>({
  type: "ec2.vpc",
  schema: vpcSchema,
  key: (r) => r.VpcId,
  taggable: taggable("vpc", (ctx, id) => findVpc(ctx, id)),
});

/** Keyed by subnet id; by AZ for the default subnet of a zone; by VPC. */
export const subnets = collection<SubnetRecord, string, "zone" | "vpc">({
  type: "ec2.subnet",
  schema: subnetSchema,
  key: (r) => r.SubnetId,
  indexes: { zone: (r) => `${r.VpcId} ${r.AvailabilityZone}`, vpc: (r) => r.VpcId },
  taggable: taggable("subnet", (ctx, id) => findSubnet(ctx, id)),
});

/** Keyed by group id; by (VPC, name): names are unique within a VPC; by VPC; by the groups its rules refer to. */
export const securityGroups = collection<SecurityGroupRecord, string, "name" | "vpc" | "referenced">({
  type: "ec2.security-group",
  schema: securityGroupSchema,
  key: (r) => r.GroupId,
  indexes: {
    name: (r) => `${r.VpcId} ${r.GroupName}`,
    vpc: (r) => r.VpcId,
    referenced: (r) => [...new Set([...r.ingress, ...r.egress].flatMap((x) => (x.ReferencedGroupId ? [x.ReferencedGroupId] : [])))],
  },
  taggable: taggable("security-group", (ctx, id) => findSecurityGroup(ctx, id)),
});

/**
 * Where each security group rule is: one index record per rule, keyed by its sgr- id, kept with its group's
 * record (saveGroup). DescribeSecurityGroupRules pages through them in id order, a rule id finds its group,
 * and tagging calls name rules by id.
 */
const ruleOwnerSchema = schema({ GroupId: "string", IsEgress: "boolean" });
export type RuleOwner = RecordOf<typeof ruleOwnerSchema>;
export const ruleOwners = collection<RuleOwner, string, "group">({
  type: "ec2.security-group-rule",
  schema: ruleOwnerSchema,
  indexes: { group: (r) => r.GroupId },
  taggable: taggable("security-group-rule", (ctx, id) => findRule(ctx, id)),
});

/** Writes a group and the index records of its rules: new rules get theirs, gone rules lose theirs and their tags. */
export function saveGroup(ctx: RequestContext, group: SecurityGroupRecord, before?: SecurityGroupRecord): void {
  securityGroups.put(ctx, group);
  const now = new Set<string>();
  for (const [rules, IsEgress] of [
    [group.ingress, false],
    [group.egress, true],
  ] as const) {
    for (const r of rules) {
      now.add(r.SecurityGroupRuleId);
      if (!before || !ruleOwners.get(ctx, r.SecurityGroupRuleId))
        ruleOwners.set(ctx, r.SecurityGroupRuleId, { GroupId: group.GroupId, IsEgress });
    }
  }
  for (const r of before ? [...before.ingress, ...before.egress] : []) {
    if (now.has(r.SecurityGroupRuleId)) continue;
    ruleOwners.delete(ctx, r.SecurityGroupRuleId);
    dropTags(ctx, r.SecurityGroupRuleId);
  }
}

/** Deletes a group, its tags, and its rules with theirs. */
export function deleteGroup(ctx: RequestContext, group: SecurityGroupRecord): void {
  securityGroups.delete(ctx, group.GroupId);
  dropTags(ctx, group.GroupId);
  for (const r of [...group.ingress, ...group.egress]) {
    ruleOwners.delete(ctx, r.SecurityGroupRuleId);
    dropTags(ctx, r.SecurityGroupRuleId);
  }
}

export const RULE_ID = /^sgr-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** A rule of the caller's by id, with its group and direction. */
export function findRule(ctx: RequestContext, id: string): { group: SecurityGroupRecord; rule: RuleRecord; isEgress: boolean } {
  if (!RULE_ID.test(id)) throw netErr.ruleMalformed(id);
  const owner = ruleOwners.get(ctx, id);
  const group = owner && securityGroups.get(ctx, owner.GroupId);
  const rule = group && (owner.IsEgress ? group.egress : group.ingress).find((r) => r.SecurityGroupRuleId === id);
  if (!owner || !group || !rule) throw netErr.ruleNotFound(id);
  return { group, rule, isEgress: owner.IsEgress };
}

/** One per account and Region, once its defaults exist. */
const defaultsSchema = schema({ VpcId: "string" });
export const networkDefaults = collection<RecordOf<typeof defaultsSchema>>({
  type: "ec2.network-defaults",
  schema: defaultsSchema,
  key: () => "defaults",
});

/** All traffic out to anywhere: the outbound rule every new security group starts with ("Security group rules", default rules). */
export const allOutbound = (): RuleRecord => ({ SecurityGroupRuleId: hexId("sgr"), IpProtocol: "-1", CidrIpv4: "0.0.0.0/0" });

/**
 * A VPC's own default security group, made with it: it lets in what comes from its own members, and lets
 * everything out (default-security-group.html).
 */
export function makeDefaultGroup(ctx: RequestContext, vpcId: string, description = "default VPC security group"): SecurityGroupRecord {
  const groupId = hexId("sg");
  const group: SecurityGroupRecord = {
    GroupId: groupId,
    GroupName: DEFAULT_GROUP,
    VpcId: vpcId,
    Description: description,
    ingress: [{ SecurityGroupRuleId: hexId("sgr"), IpProtocol: "-1", ReferencedGroupId: groupId, ReferencedUserId: ctx.accountId }],
    egress: [allOutbound()],
  };
  saveGroup(ctx, group);
  return group;
}

/** Makes the Region's default VPC, its default subnets and default group, and marks it as the default. */
export function materialise(ctx: RequestContext): VpcRecord {
  const vpc: VpcRecord = {
    VpcId: hexId("vpc"),
    CidrBlock: "172.31.0.0/16",
    IsDefault: true,
    CidrAssociationId: hexId("vpc-cidr-assoc"),
    DhcpOptionsId: hexId("dopt"),
    InstanceTenancy: "default",
    EnableDnsSupport: true,
    EnableDnsHostnames: true,
  };
  vpcs.put(ctx, vpc);
  zonesOf(ctx.region).forEach((zone, i) =>
    subnets.put(ctx, {
      SubnetId: hexId("subnet"),
      VpcId: vpc.VpcId,
      AvailabilityZone: zone.ZoneName,
      AvailabilityZoneId: zone.ZoneId,
      CidrBlock: `172.31.${16 * i}.0/20`,
      DefaultForAz: true,
      MapPublicIpOnLaunch: true,
    }),
  );
  makeDefaultGroup(ctx, vpc.VpcId);
  networkDefaults.put(ctx, { VpcId: vpc.VpcId });
  return vpc;
}

/** Makes the Region's defaults for the caller's account if they are not there yet (every network read starts here). */
export function ensureDefaults(ctx: RequestContext): void {
  if (!networkDefaults.get(ctx, "defaults")) materialise(ctx);
}

/**
 * The Region's default VPC, made the first time it is needed. Once deleted (DeleteVpc), there is none until
 * CreateDefaultVpc: calls that would use it fail with VPCIdNotSpecified ("No default VPC for this user").
 */
export function defaultVpc(ctx: RequestContext): VpcRecord {
  const vpc = currentDefaultVpc(ctx);
  if (!vpc) throw netErr.noDefaultVpc();
  return vpc;
}

/** The Region's default VPC, or undefined once it was deleted. */
export function currentDefaultVpc(ctx: RequestContext): VpcRecord | undefined {
  const marker = networkDefaults.get(ctx, "defaults");
  if (!marker) return materialise(ctx);
  return vpcs.get(ctx, marker.VpcId);
}

/** A VPC is pending for a moment after CreateVpc, then available. */
export const vpcState = (ctx: RequestContext, r: VpcRecord): "pending" | "available" =>
  r.availableAt !== undefined && ctx.now < r.availableAt ? "pending" : "available";

export function findVpc(ctx: RequestContext, id: string): VpcRecord {
  ensureDefaults(ctx);
  if (!VPC_ID.test(id)) throw err.vpcMalformed(id);
  const vpc = vpcs.get(ctx, id);
  if (!vpc) throw err.vpcNotFound(id);
  return vpc;
}

export function findSubnet(ctx: RequestContext, id: string): SubnetRecord {
  ensureDefaults(ctx);
  if (!SUBNET_ID.test(id)) throw err.subnetMalformed(id);
  const subnet = subnets.get(ctx, id);
  if (!subnet) throw err.subnetNotFound(id);
  return subnet;
}

/**
 * A subnet or a security group of the caller's account and Region by id, or undefined when it has none: what another
 * service checks the network it is given against (AppStream's VpcConfig).
 */
export function subnetIfAny(ctx: RequestContext, id: string): SubnetRecord | undefined {
  ensureDefaults(ctx);
  return SUBNET_ID.test(id) ? subnets.get(ctx, id) : undefined;
}

export function securityGroupIfAny(ctx: RequestContext, id: string): SecurityGroupRecord | undefined {
  ensureDefaults(ctx);
  return GROUP_ID.test(id) ? securityGroups.get(ctx, id) : undefined;
}

/** The default VPC's subnet in a zone of the caller's Region (the first zone's when none is named). */
export function defaultSubnet(ctx: RequestContext, availabilityZone?: string): SubnetRecord {
  const vpc = defaultVpc(ctx);
  const zone = availabilityZone ?? zonesOf(ctx.region)[0].ZoneName;
  const subnet = subnets.lookup(ctx, "zone", { key: `${vpc.VpcId} ${zone}` }).find((s) => s.value.DefaultForAz)?.value;
  if (!subnet) {
    throw err.invalidValue(`Invalid availability zone: [${zone}]`);
  }
  return subnet;
}

/** The default VPC's subnets, one per zone in zone order, and its default group: where a client puts what it launches. */
export function defaultNetwork(ctx: RequestContext): { subnets: string[]; group: string } {
  const vpc = defaultVpc(ctx);
  const subnetIds = zonesOf(ctx.region).flatMap((zone) => {
    const subnet = subnets.lookup(ctx, "zone", { key: `${vpc.VpcId} ${zone.ZoneName}` }).find((s) => s.value.DefaultForAz)?.value;
    return subnet ? [subnet.SubnetId] : [];
  });
  return { subnets: subnetIds, group: findGroupByName(ctx, DEFAULT_GROUP, vpc.VpcId).GroupId };
}

export function findSecurityGroup(ctx: RequestContext, id: string): SecurityGroupRecord {
  ensureDefaults(ctx);
  if (!GROUP_ID.test(id)) throw err.groupIdMalformed(id);
  const group = securityGroups.get(ctx, id);
  if (!group) throw err.groupNotFound(id);
  return group;
}

/** A group by name in a VPC (the default VPC when none is named). */
export function findGroupByName(ctx: RequestContext, name: string, vpcId?: string): SecurityGroupRecord {
  const vpc = vpcId ? findVpc(ctx, vpcId) : defaultVpc(ctx);
  const group = securityGroups.find(ctx, "name", `${vpc.VpcId} ${name}`);
  if (!group) throw err.groupNameNotFound(name, vpc.VpcId, vpc.IsDefault);
  return group;
}

/**
 * The groups named by id or by name (names in `vpcId`, the default VPC when absent); when none is asked for,
 * the VPC's default group, which is what an instance launched without groups gets.
 */
export function findSecurityGroups(ctx: RequestContext, spec: { ids?: string[]; names?: string[]; vpcId?: string }): SecurityGroupRecord[] {
  const ids = spec.ids ?? [];
  const names = spec.names ?? [];
  if (!ids.length && !names.length) return [findGroupByName(ctx, DEFAULT_GROUP, spec.vpcId)];
  const out = new Map<string, SecurityGroupRecord>();
  for (const id of ids) {
    const g = findSecurityGroup(ctx, id);
    out.set(g.GroupId, g);
  }
  for (const name of names) {
    const g = findGroupByName(ctx, name, spec.vpcId);
    out.set(g.GroupId, g);
  }
  return [...out.values()];
}

/**
 * Gives the rules of security groups that earlier versions stored their index records (ruleOwners), in every
 * partition that has groups: at start-up, and after a state import of an older export.
 */
export function upgradeRuleOwners(store: Store): void {
  const partitions = store.partitions?.(securityGroups.type) ?? [];
  if (!partitions.length) return;
  store.transaction(() => {
    for (const p of partitions) {
      const scope: Scope = { store, partition: p, now: 0 };
      for (const group of securityGroups.scan(scope)) {
        for (const [rules, IsEgress] of [
          [group.ingress, false],
          [group.egress, true],
        ] as const) {
          for (const r of rules) {
            if (!ruleOwners.get(scope, r.SecurityGroupRuleId))
              ruleOwners.set(scope, r.SecurityGroupRuleId, { GroupId: group.GroupId, IsEgress });
          }
        }
      }
    }
  });
}
