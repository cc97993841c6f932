// DescribeSecurityGroups, CreateSecurityGroup, AuthorizeSecurityGroupIngress and DeleteSecurityGroup
// (API reference pages of each; "Security groups for your VPC", vpc-security-groups.html). A new group starts
// with the one outbound rule that lets everything out; `default` is the VPC's own group, whose name cannot be
// taken and which cannot be deleted; a group in use or referenced by another group's rule cannot be deleted.
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import type { Ec2Handlers, IpPermission, SecurityGroup } from "../api.generated";
import * as err from "../errors";
import { describeRecords } from "./describe";
import {
  allOutbound,
  DEFAULT_GROUP,
  defaultVpc,
  ensureDefaults,
  findGroupByName,
  findSecurityGroup,
  findVpc,
  securityGroups,
  type SecurityGroupRecord,
} from "./records";
import { usesSecurityGroup } from "../instances/records";
import { duplicateRule, permissionsOf, rulesOf, ruleView, sameRule } from "./security-group-rules";
import { dropTags, putTags, tagList, tagsFor } from "../tags/records";

const groupArn = (ctx: RequestContext, id: string) => `arn:aws:ec2:${ctx.region}:${ctx.accountId}:security-group/${id}`;

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

/** The flat members of an older AuthorizeSecurityGroupIngress, as one IpPermission. */
function legacyPermission(input: Parameters<Ec2Handlers["AuthorizeSecurityGroupIngress"]>[1]): IpPermission | undefined {
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

/** Whether another group's rule names this one as its source. */
function referenced(ctx: RequestContext, group: SecurityGroupRecord): boolean {
  for (const g of securityGroups.scan(ctx)) {
    if (g.GroupId === group.GroupId) continue;
    if ([...g.ingress, ...g.egress].some((r) => r.ReferencedGroupId === group.GroupId)) return true;
  }
  return false;
}

export const securityGroupHandlers: Pick<
  Ec2Handlers,
  "DescribeSecurityGroups" | "CreateSecurityGroup" | "AuthorizeSecurityGroupIngress" | "DeleteSecurityGroup"
> = {
  DescribeSecurityGroups(ctx, input) {
    ensureDefaults(ctx);
    const named = (input.GroupNames ?? []).map((name) => findGroupByName(ctx, name).GroupId);
    const ingress = (g: SecurityGroupRecord) => g.ingress;
    const egress = (g: SecurityGroupRecord) => g.egress;
    const field =
      (rules: (g: SecurityGroupRecord) => SecurityGroupRecord["ingress"], pick: (r: SecurityGroupRecord["ingress"][number]) => unknown) =>
      (g: SecurityGroupRecord) =>
        rules(g).map(pick) as string[];
    const { items, NextToken } = describeRecords(ctx, securityGroups, {
      ...input,
      ids: [...(input.GroupIds ?? []), ...named],
      find: (id) => findSecurityGroup(ctx, id),
      idOf: (g) => g.GroupId,
      fields: {
        "group-id": (g) => g.GroupId,
        "group-name": (g) => g.GroupName,
        "vpc-id": (g) => g.VpcId,
        description: (g) => g.Description,
        "owner-id": () => ctx.accountId,
        "ip-permission.protocol": field(ingress, (r) => r.IpProtocol),
        "ip-permission.from-port": field(ingress, (r) => r.FromPort),
        "ip-permission.to-port": field(ingress, (r) => r.ToPort),
        "ip-permission.cidr": field(ingress, (r) => r.CidrIpv4),
        "ip-permission.ipv6-cidr": field(ingress, (r) => r.CidrIpv6),
        "ip-permission.prefix-list-id": field(ingress, (r) => r.PrefixListId),
        "ip-permission.group-id": field(ingress, (r) => r.ReferencedGroupId),
        "egress.ip-permission.protocol": field(egress, (r) => r.IpProtocol),
        "egress.ip-permission.from-port": field(egress, (r) => r.FromPort),
        "egress.ip-permission.to-port": field(egress, (r) => r.ToPort),
        "egress.ip-permission.cidr": field(egress, (r) => r.CidrIpv4),
        "egress.ip-permission.ipv6-cidr": field(egress, (r) => r.CidrIpv6),
        "egress.ip-permission.group-id": field(egress, (r) => r.ReferencedGroupId),
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
    securityGroups.put(ctx, group);
    if (tags.length) putTags(ctx, group.GroupId, "security-group", tags);
    return { GroupId: group.GroupId, SecurityGroupArn: groupArn(ctx, group.GroupId), Tags: tagList(ctx, group.GroupId) };
  },

  AuthorizeSecurityGroupIngress(ctx, input) {
    const group = namedGroup(ctx, input);
    const legacy = legacyPermission(input);
    if (legacy && input.IpPermissions?.length) {
      throw err.invalidCombination("The parameter 'ipPermissions' may not be used in combination with 'ipProtocol'");
    }
    const permissions = input.IpPermissions?.length ? input.IpPermissions : legacy ? [legacy] : [];
    if (!permissions.length) throw err.missingParameter("IpPermissions");
    const tags = tagsFor(input.TagSpecifications, "security-group-rule");
    const added = rulesOf(ctx, group, permissions);
    added.forEach((rule, i) => {
      if (group.ingress.some((r) => sameRule(r, rule)) || added.slice(0, i).some((r) => sameRule(r, rule))) throw duplicateRule(rule);
    });
    securityGroups.put(ctx, { ...group, ingress: [...group.ingress, ...added] });
    if (tags.length) for (const r of added) putTags(ctx, r.SecurityGroupRuleId, "security-group-rule", tags);
    return { Return: true, SecurityGroupRules: added.map((r) => ruleView(ctx, group, r, false)) };
  },

  DeleteSecurityGroup(ctx, input) {
    const group = namedGroup(ctx, input);
    if (group.GroupName === DEFAULT_GROUP) {
      throw err.cannotDelete(`the specified group: "${group.GroupId}" name: "${DEFAULT_GROUP}" cannot be deleted by a user`);
    }
    if (usesSecurityGroup(ctx, group.GroupId) || referenced(ctx, group)) {
      throw err.dependencyViolation(`resource ${group.GroupId} has a dependent object`);
    }
    securityGroups.delete(ctx, group.GroupId);
    dropTags(ctx, group.GroupId);
    for (const r of [...group.ingress, ...group.egress]) dropTags(ctx, r.SecurityGroupRuleId);
    return { Return: true, GroupId: group.GroupId };
  },
};
