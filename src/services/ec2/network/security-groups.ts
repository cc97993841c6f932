// Security groups: DescribeSecurityGroups, CreateSecurityGroup, DeleteSecurityGroup, and the Authorize and
// Revoke calls of both directions (API reference pages of each; "Security groups for your VPC",
// vpc-security-groups.html). A new group starts with the one outbound rule that lets everything out; `default`
// is the VPC's own group, whose name cannot be taken and which cannot be deleted; a group in use or referenced
// by another group's rule cannot be deleted (dependents.ts).
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import type { Ec2Handlers, IpPermission, SecurityGroup } from "../api.generated";
import * as err from "../errors";
import { checkUnused, SECURITY_GROUP_DEPENDENTS } from "./dependents";
import { describeRecords } from "./describe";
import * as netErr from "./errors";
import {
  allOutbound,
  DEFAULT_GROUP,
  defaultVpc,
  deleteGroup,
  ensureDefaults,
  findGroupByName,
  findRule,
  findSecurityGroup,
  findVpc,
  saveGroup,
  securityGroups,
  type RuleRecord,
  type SecurityGroupRecord,
} from "./records";
import { duplicateRule, MAX_RULES, permissionsOf, revokedView, rulesOf, ruleView, sameRule } from "./security-group-rules";
import { putTags, tagList, tagsFor } from "../tags/records";
import { arnOf } from "../resource-types";

const groupArn = (ctx: RequestContext, id: string) => arnOf("security-group", ctx.region, ctx.accountId, id);

export const groupView = (ctx: RequestContext, g: SecurityGroupRecord): SecurityGroup => ({
  GroupId: g.GroupId,
  GroupName: g.GroupName,
  Description: g.Description,
  VpcId: g.VpcId,
  OwnerId: ctx.accountId,
  SecurityGroupArn: groupArn(ctx, g.GroupId),
  IpPermissions: permissionsOf(ctx, g.ingress),
  IpPermissionsEgress: permissionsOf(ctx, g.egress),
  Tags: tagList(ctx, g.GroupId),
});

const MAX_NAME = 255;

function checkName(name: string, member: string): void {
  if (!name) throw err.missingParameter(member);
  if ([...name].length > MAX_NAME)
    throw err.invalidValue(`Value (${name}) for parameter ${member} is invalid. Length exceeds ${MAX_NAME}.`);
  // Names and descriptions in a VPC: a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$* (CreateSecurityGroup reference).
  if (!/^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/.test(name)) {
    throw err.invalidValue(`Value (${name}) for parameter ${member} is invalid. Character sets beyond ASCII are not supported.`);
  }
}

/** The group a call names by GroupId or, in the default VPC, by GroupName. */
function namedGroup(ctx: RequestContext, input: { GroupId?: string; GroupName?: string }): SecurityGroupRecord {
  if (input.GroupId) return findSecurityGroup(ctx, input.GroupId);
  if (input.GroupName) return findGroupByName(ctx, input.GroupName);
  throw err.missingParameter("groupId or groupName");
}

interface LegacyMembers {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  CidrIp?: string;
  SourceSecurityGroupName?: string;
  SourceSecurityGroupOwnerId?: string;
}

/** The flat members of an older Authorize or Revoke call, as one IpPermission. */
function legacyPermission(input: LegacyMembers): IpPermission | undefined {
  const { IpProtocol, FromPort, ToPort, CidrIp, SourceSecurityGroupName, SourceSecurityGroupOwnerId } = input;
  if (IpProtocol === undefined && CidrIp === undefined && SourceSecurityGroupName === undefined) return undefined;
  return {
    IpProtocol: IpProtocol ?? "-1",
    FromPort,
    ToPort,
    IpRanges: CidrIp !== undefined ? [{ CidrIp }] : undefined,
    UserIdGroupPairs:
      SourceSecurityGroupName !== undefined ? [{ GroupName: SourceSecurityGroupName, UserId: SourceSecurityGroupOwnerId }] : undefined,
  };
}

/** The IpPermissions a call gives, or its flat members as one; not both. */
function permissionsGiven(input: LegacyMembers & { IpPermissions?: IpPermission[] }): IpPermission[] {
  const legacy = legacyPermission(input);
  if (legacy && input.IpPermissions?.length) {
    throw err.invalidCombination("The parameter 'ipPermissions' may not be used in combination with 'ipProtocol'");
  }
  return input.IpPermissions?.length ? input.IpPermissions : legacy ? [legacy] : [];
}

type Direction = "ingress" | "egress";

/** AuthorizeSecurityGroupIngress and AuthorizeSecurityGroupEgress: new rules, each once, tagged as asked. */
function authorize(
  ctx: RequestContext,
  group: SecurityGroupRecord,
  direction: Direction,
  input: LegacyMembers & { IpPermissions?: IpPermission[]; TagSpecifications?: Parameters<typeof tagsFor>[0] },
) {
  const permissions = permissionsGiven(input);
  if (!permissions.length) throw err.missingParameter("IpPermissions");
  const tags = tagsFor(input.TagSpecifications, "security-group-rule");
  const added = rulesOf(ctx, group, permissions);
  const existing = group[direction];
  added.forEach((rule, i) => {
    if (existing.some((r) => sameRule(r, rule)) || added.slice(0, i).some((r) => sameRule(r, rule))) throw duplicateRule(rule);
  });
  if (existing.length + added.length > MAX_RULES) throw netErr.rulesLimit();
  saveGroup(ctx, { ...group, [direction]: [...existing, ...added] }, group);
  if (tags.length) for (const r of added) putTags(ctx, r.SecurityGroupRuleId, "security-group-rule", tags);
  return { Return: true, SecurityGroupRules: added.map((r) => ruleView(ctx, group, r, direction === "egress")) };
}

/**
 * RevokeSecurityGroupIngress and RevokeSecurityGroupEgress, by rule ids or by IpPermissions (API_RevokeSecurityGroupIngress.html):
 * a rule id of another group or direction is InvalidSecurityGroupRuleId.NotFound; permissions that match no rule at all are
 * InvalidPermission.NotFound, and those left unmatched beside others that matched come back as UnknownIpPermissions.
 */
function revoke(
  ctx: RequestContext,
  group: SecurityGroupRecord,
  direction: Direction,
  input: LegacyMembers & { IpPermissions?: IpPermission[]; SecurityGroupRuleIds?: string[] },
) {
  const isEgress = direction === "egress";
  const permissions = permissionsGiven(input);
  const ids = input.SecurityGroupRuleIds ?? [];
  if (ids.length && permissions.length) {
    throw err.invalidCombination("The parameter 'SecurityGroupRuleIds' may not be used in combination with 'ipPermissions'");
  }
  if (!ids.length && !permissions.length) throw err.missingParameter("IpPermissions or SecurityGroupRuleIds");
  const gone: RuleRecord[] = [];
  const unknown: IpPermission[] = [];
  if (ids.length) {
    for (const id of new Set(ids)) {
      const found = findRule(ctx, id);
      if (found.group.GroupId !== group.GroupId || found.isEgress !== isEgress) throw netErr.ruleNotFound(id);
      gone.push(found.rule);
    }
  } else {
    for (const p of permissions) {
      let known = false;
      for (const wanted of rulesOf(ctx, group, [p])) {
        const match = group[direction].find((r) => sameRule(r, wanted));
        if (match) {
          known = true;
          if (!gone.some((r) => r.SecurityGroupRuleId === match.SecurityGroupRuleId)) gone.push(match);
        }
      }
      if (!known) unknown.push(p);
    }
    if (!gone.length) throw netErr.permissionNotFound();
  }
  const goneIds = new Set(gone.map((r) => r.SecurityGroupRuleId));
  saveGroup(ctx, { ...group, [direction]: group[direction].filter((r) => !goneIds.has(r.SecurityGroupRuleId)) }, group);
  return {
    Return: true,
    UnknownIpPermissions: unknown.length ? unknown : undefined,
    RevokedSecurityGroupRules: gone.map((r) => revokedView(group, r, isEgress)),
  };
}

/** The names of the groups that rules refer to, for the group-name filters. */
const referencedNames = (ctx: RequestContext, rules: RuleRecord[]): string[] =>
  rules.flatMap((r) => {
    const g = r.ReferencedGroupId ? securityGroups.get(ctx, r.ReferencedGroupId) : undefined;
    return g ? [g.GroupName] : [];
  });

export const securityGroupHandlers: Pick<
  Ec2Handlers,
  | "DescribeSecurityGroups"
  | "CreateSecurityGroup"
  | "AuthorizeSecurityGroupIngress"
  | "AuthorizeSecurityGroupEgress"
  | "RevokeSecurityGroupIngress"
  | "RevokeSecurityGroupEgress"
  | "DeleteSecurityGroup"
> = {
  DescribeSecurityGroups(ctx, input) {
    ensureDefaults(ctx);
    const named = (input.GroupNames ?? []).map((name) => findGroupByName(ctx, name).GroupId);
    const ingress = (g: SecurityGroupRecord) => g.ingress;
    const egress = (g: SecurityGroupRecord) => g.egress;
    const field =
      (rules: (g: SecurityGroupRecord) => RuleRecord[], pick: (r: RuleRecord) => string | number | undefined) => (g: SecurityGroupRecord) =>
        rules(g).map(pick);
    const { items, NextToken } = describeRecords(ctx, securityGroups, {
      ...input,
      ids: [...(input.GroupIds ?? []), ...named],
      find: (id) => findSecurityGroup(ctx, id),
      idOf: (g) => g.GroupId,
      tagType: "security-group",
      idFilters: ["group-id", "groupId"],
      indexes: { vpc: ["vpc-id", "vpcId"] },
      fields: {
        "group-id": (g) => g.GroupId,
        groupId: (g) => g.GroupId,
        "group-name": (g) => g.GroupName,
        groupName: (g) => g.GroupName,
        "vpc-id": (g) => g.VpcId,
        vpcId: (g) => g.VpcId,
        description: (g) => g.Description,
        "owner-id": () => ctx.accountId,
        ownerId: () => ctx.accountId,
        "ip-permission.protocol": field(ingress, (r) => r.IpProtocol),
        "ip-permission.from-port": field(ingress, (r) => r.FromPort ?? -1),
        "ip-permission.to-port": field(ingress, (r) => r.ToPort ?? -1),
        "ip-permission.cidr": field(ingress, (r) => r.CidrIpv4),
        "ip-permission.ipv6-cidr": field(ingress, (r) => r.CidrIpv6),
        "ip-permission.prefix-list-id": field(ingress, (r) => r.PrefixListId),
        "ip-permission.group-id": field(ingress, (r) => r.ReferencedGroupId),
        "ip-permission.group-name": (g) => referencedNames(ctx, g.ingress),
        "ip-permission.user-id": field(ingress, (r) => r.ReferencedUserId),
        "egress.ip-permission.protocol": field(egress, (r) => r.IpProtocol),
        "egress.ip-permission.from-port": field(egress, (r) => r.FromPort ?? -1),
        "egress.ip-permission.to-port": field(egress, (r) => r.ToPort ?? -1),
        "egress.ip-permission.cidr": field(egress, (r) => r.CidrIpv4),
        "egress.ip-permission.ipv6-cidr": field(egress, (r) => r.CidrIpv6),
        "egress.ip-permission.prefix-list-id": field(egress, (r) => r.PrefixListId),
        "egress.ip-permission.group-id": field(egress, (r) => r.ReferencedGroupId),
        "egress.ip-permission.group-name": (g) => referencedNames(ctx, g.egress),
        "egress.ip-permission.user-id": field(egress, (r) => r.ReferencedUserId),
      },
    });
    return { SecurityGroups: items.map((g) => groupView(ctx, g)), NextToken };
  },

  CreateSecurityGroup(ctx, input) {
    checkName(input.GroupName, "GroupName");
    checkName(input.Description, "GroupDescription");
    if (input.GroupName.toLowerCase().startsWith("sg-")) {
      throw err.invalidValue(`Value (${input.GroupName}) for parameter GroupName is invalid. Group names may not be in the format sg-*.`);
    }
    if (input.GroupName === DEFAULT_GROUP) throw err.invalidValue(`Cannot use reserved security group name: ${DEFAULT_GROUP}`);
    const vpc = input.VpcId ? findVpc(ctx, input.VpcId) : defaultVpc(ctx);
    const tags = tagsFor(input.TagSpecifications, "security-group");
    if (securityGroups.find(ctx, "name", `${vpc.VpcId} ${input.GroupName}`)) throw err.groupDuplicate(input.GroupName, vpc.VpcId);
    const group: SecurityGroupRecord = {
      GroupId: hexId("sg"),
      GroupName: input.GroupName,
      VpcId: vpc.VpcId,
      Description: input.Description,
      ingress: [],
      egress: [allOutbound()],
    };
    saveGroup(ctx, group);
    if (tags.length) putTags(ctx, group.GroupId, "security-group", tags);
    return { GroupId: group.GroupId, SecurityGroupArn: groupArn(ctx, group.GroupId), Tags: tagList(ctx, group.GroupId) };
  },

  AuthorizeSecurityGroupIngress(ctx, input) {
    return authorize(ctx, namedGroup(ctx, input), "ingress", input);
  },

  AuthorizeSecurityGroupEgress(ctx, input) {
    return authorize(ctx, findSecurityGroup(ctx, input.GroupId), "egress", input);
  },

  RevokeSecurityGroupIngress(ctx, input) {
    return revoke(ctx, namedGroup(ctx, input), "ingress", input);
  },

  RevokeSecurityGroupEgress(ctx, input) {
    return revoke(ctx, findSecurityGroup(ctx, input.GroupId), "egress", input);
  },

  DeleteSecurityGroup(ctx, input) {
    const group = namedGroup(ctx, input);
    if (group.GroupName === DEFAULT_GROUP) {
      throw err.cannotDelete(`the specified group: "${group.GroupId}" name: "${DEFAULT_GROUP}" cannot be deleted by a user`);
    }
    checkUnused(ctx, SECURITY_GROUP_DEPENDENTS, group.GroupId);
    deleteGroup(ctx, group);
    return { Return: true, GroupId: group.GroupId };
  },
};
