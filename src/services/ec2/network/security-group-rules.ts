// Security group rules: what AuthorizeSecurityGroupIngress is given (IpPermissions, or the older flat
// IpProtocol / FromPort / ToPort / CidrIp / SourceSecurityGroupName members) made into one rule per source,
// and rules shown back as IpPermissions grouped by protocol and ports ("Security group rules",
// security-group-rules.html; API_IpPermission.html: -1 or `all` for every protocol, ports then ignored;
// for ICMP, FromPort is the type and ToPort the code, -1 for any).
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import type { Ec2Handlers, IpPermission, RevokedSecurityGroupRule, SecurityGroupRule, SecurityGroupRuleRequest } from "../api.generated";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { byValues, candidates, collectionSource, conditionsOf, RANK, type DescribePlan } from "../query-plan";
import { tagList, tagMap } from "../tags/records";
import * as netErr from "./errors";
import {
  ensureDefaults,
  findGroupByName,
  findRule,
  findSecurityGroup,
  ruleOwners,
  saveGroup,
  securityGroups,
  type RuleOwner,
  type RuleRecord,
  type SecurityGroupRecord,
} from "./records";
import { arnOf } from "../resource-types";

const PROTOCOL_NAMES: Record<string, string> = { "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", all: "-1" };

function protocolOf(p: string | undefined): string {
  if (p === undefined || p === "") throw err.missingParameter("IpPermissions.IpProtocol");
  const lower = p.toLowerCase();
  const name = PROTOCOL_NAMES[lower] ?? lower;
  if (["tcp", "udp", "icmp", "icmpv6", "-1"].includes(name)) return name;
  if (/^\d+$/.test(name) && Number(name) <= 255) return name;
  throw err.invalidValue(`Invalid value '${p}' for IP protocol. Unknown protocol.`);
}

function portsOf(protocol: string, from: number | undefined, to: number | undefined): { FromPort?: number; ToPort?: number } {
  if (protocol === "-1") return {};
  if (protocol === "tcp" || protocol === "udp") {
    if (from === undefined || to === undefined) {
      throw err.invalidValue("Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange");
    }
    if (from < 0 || to > 65535 || from > to) throw err.invalidValue(`Invalid value '${from}-${to}' for portRange. Ports must be 0-65535.`);
    return { FromPort: from, ToPort: to };
  }
  if (protocol === "icmp" || protocol === "icmpv6") return { FromPort: from ?? -1, ToPort: to ?? -1 };
  return from === undefined && to === undefined ? {} : { FromPort: from, ToPort: to };
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

function checkCidr(cidr: string | undefined, member: string): string {
  const m = cidr === undefined ? null : IPV4_CIDR.exec(cidr);
  if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || Number(m[5]) > 32) {
    throw err.invalidValue(`Value (${cidr}) for parameter ${member} is invalid. This is not a valid CIDR block.`);
  }
  return cidr!;
}

function checkCidr6(cidr: string | undefined): string {
  if (!cidr || !/^[0-9a-fA-F:]+\/\d{1,3}$/.test(cidr) || Number(cidr.split("/")[1]) > 128) {
    throw err.invalidValue(`Value (${cidr}) for parameter cidrIpv6 is invalid. This is not a valid IPv6 CIDR block.`);
  }
  return cidr.toLowerCase();
}

/** The rules that IpPermissions ask for: one per IPv4 range, IPv6 range, prefix list or source group. */
export function rulesOf(ctx: RequestContext, group: SecurityGroupRecord, permissions: IpPermission[]): RuleRecord[] {
  const out: RuleRecord[] = [];
  for (const p of permissions) {
    const IpProtocol = protocolOf(p.IpProtocol);
    const base = { IpProtocol, ...portsOf(IpProtocol, p.FromPort, p.ToPort) };
    const rule = (source: Partial<RuleRecord>, Description?: string): RuleRecord => ({
      SecurityGroupRuleId: hexId("sgr"),
      ...base,
      ...source,
      ...(Description !== undefined ? { Description } : {}),
    });
    for (const r of p.IpRanges ?? []) out.push(rule({ CidrIpv4: checkCidr(r.CidrIp, "cidrIp") }, r.Description));
    for (const r of p.Ipv6Ranges ?? []) out.push(rule({ CidrIpv6: checkCidr6(r.CidrIpv6) }, r.Description));
    for (const r of p.PrefixListIds ?? []) {
      if (!r.PrefixListId) throw err.missingParameter("PrefixListId");
      out.push(rule({ PrefixListId: r.PrefixListId }, r.Description));
    }
    for (const pair of p.UserIdGroupPairs ?? []) {
      const source = pair.GroupId
        ? findSecurityGroup(ctx, pair.GroupId)
        : pair.GroupName
          ? findGroupByName(ctx, pair.GroupName, group.VpcId)
          : undefined;
      if (!source) throw err.missingParameter("GroupId");
      out.push(rule({ ReferencedGroupId: source.GroupId, ReferencedUserId: pair.UserId ?? ctx.accountId }, pair.Description));
    }
    if (!p.IpRanges?.length && !p.Ipv6Ranges?.length && !p.PrefixListIds?.length && !p.UserIdGroupPairs?.length) {
      throw err.invalidValue("At least one of IpRanges, Ipv6Ranges, PrefixListIds or UserIdGroupPairs must be specified.");
    }
  }
  return out;
}

const peerOf = (r: RuleRecord) => r.CidrIpv4 ?? r.CidrIpv6 ?? r.PrefixListId ?? `${r.ReferencedUserId}/${r.ReferencedGroupId}`;

/** Two rules are the same when protocol, ports and source are (descriptions aside). */
export const sameRule = (x: RuleRecord, y: RuleRecord): boolean =>
  x.IpProtocol === y.IpProtocol && x.FromPort === y.FromPort && x.ToPort === y.ToPort && peerOf(x) === peerOf(y);

/** EC2's wording: the specified rule "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW" already exists. */
export function duplicateRule(r: RuleRecord): Error {
  const protocol = r.IpProtocol === "-1" ? "ALL" : r.IpProtocol.toUpperCase();
  const ports = r.FromPort === undefined ? "" : `, from port: ${r.FromPort}, to port: ${r.ToPort}`;
  return err.permissionDuplicate(`the specified rule "peer: ${peerOf(r)}, ${protocol}${ports}, ALLOW" already exists`);
}

/** Rules as the IpPermissions of DescribeSecurityGroups: one permission per protocol and port range. */
export function permissionsOf(ctx: RequestContext, rules: RuleRecord[]): IpPermission[] {
  const byKey = new Map<string, IpPermission>();
  for (const r of rules) {
    const key = `${r.IpProtocol} ${r.FromPort} ${r.ToPort}`;
    let p = byKey.get(key);
    if (!p) {
      p = {
        IpProtocol: r.IpProtocol,
        FromPort: r.FromPort,
        ToPort: r.ToPort,
        IpRanges: [],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      };
      byKey.set(key, p);
    }
    if (r.CidrIpv4) p.IpRanges!.push({ CidrIp: r.CidrIpv4, Description: r.Description });
    if (r.CidrIpv6) p.Ipv6Ranges!.push({ CidrIpv6: r.CidrIpv6, Description: r.Description });
    if (r.PrefixListId) p.PrefixListIds!.push({ PrefixListId: r.PrefixListId, Description: r.Description });
    if (r.ReferencedGroupId) {
      p.UserIdGroupPairs!.push({ GroupId: r.ReferencedGroupId, UserId: r.ReferencedUserId ?? ctx.accountId, Description: r.Description });
    }
  }
  return [...byKey.values()];
}

export const ruleArn = (ctx: RequestContext, id: string) => arnOf("security-group-rule", ctx.region, ctx.accountId, id);

export const ruleView = (ctx: RequestContext, group: SecurityGroupRecord, r: RuleRecord, IsEgress: boolean): SecurityGroupRule => ({
  SecurityGroupRuleId: r.SecurityGroupRuleId,
  SecurityGroupRuleArn: ruleArn(ctx, r.SecurityGroupRuleId),
  GroupId: group.GroupId,
  GroupOwnerId: ctx.accountId,
  IsEgress,
  IpProtocol: r.IpProtocol,
  FromPort: r.FromPort ?? -1,
  ToPort: r.ToPort ?? -1,
  CidrIpv4: r.CidrIpv4,
  CidrIpv6: r.CidrIpv6,
  PrefixListId: r.PrefixListId,
  ReferencedGroupInfo: r.ReferencedGroupId ? { GroupId: r.ReferencedGroupId, UserId: r.ReferencedUserId } : undefined,
  Description: r.Description,
  Tags: tagList(ctx, r.SecurityGroupRuleId),
});

export const revokedView = (group: SecurityGroupRecord, r: RuleRecord, IsEgress: boolean): RevokedSecurityGroupRule => ({
  SecurityGroupRuleId: r.SecurityGroupRuleId,
  GroupId: group.GroupId,
  IsEgress,
  IpProtocol: r.IpProtocol,
  FromPort: r.FromPort ?? -1,
  ToPort: r.ToPort ?? -1,
  CidrIpv4: r.CidrIpv4,
  CidrIpv6: r.CidrIpv6,
  PrefixListId: r.PrefixListId,
  ReferencedGroupId: r.ReferencedGroupId,
  Description: r.Description,
});

/** Rules per security group and direction ("Amazon VPC quotas", amazon-vpc-limits.html: 60 inbound, 60 outbound). */
export const MAX_RULES = 60;

/** What DescribeSecurityGroupRules lists: a rule with its group and direction. */
interface RuleItem {
  id: string;
  group: SecurityGroupRecord;
  rule: RuleRecord;
  isEgress: boolean;
}

/** The rule a SecurityGroupRuleRequest (ModifySecurityGroupRules) describes, with one source. */
function requestedRule(ctx: RequestContext, group: SecurityGroupRecord, id: string, req: SecurityGroupRuleRequest | undefined): RuleRecord {
  if (!req) throw err.missingParameter("SecurityGroupRule");
  const sources = [req.CidrIpv4, req.CidrIpv6, req.PrefixListId, req.ReferencedGroupId].filter((s) => s !== undefined);
  if (sources.length !== 1) {
    throw err.invalidCombination("Exactly one of CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupId must be specified.");
  }
  const permission: IpPermission = {
    IpProtocol: req.IpProtocol,
    FromPort: req.FromPort,
    ToPort: req.ToPort,
    IpRanges: req.CidrIpv4 !== undefined ? [{ CidrIp: req.CidrIpv4, Description: req.Description }] : undefined,
    Ipv6Ranges: req.CidrIpv6 !== undefined ? [{ CidrIpv6: req.CidrIpv6, Description: req.Description }] : undefined,
    PrefixListIds: req.PrefixListId !== undefined ? [{ PrefixListId: req.PrefixListId, Description: req.Description }] : undefined,
    UserIdGroupPairs: req.ReferencedGroupId !== undefined ? [{ GroupId: req.ReferencedGroupId, Description: req.Description }] : undefined,
  };
  const [rule] = rulesOf(ctx, group, [permission]);
  return { ...rule, SecurityGroupRuleId: id };
}

export const securityGroupRuleHandlers: Pick<Ec2Handlers, "DescribeSecurityGroupRules" | "ModifySecurityGroupRules"> = {
  DescribeSecurityGroupRules(ctx, input) {
    ensureDefaults(ctx);
    const fields = {
      "group-id": (i: RuleItem) => i.group.GroupId,
      "security-group-rule-id": (i: RuleItem) => i.id,
    };
    const matches = compileFilters<RuleItem>(input.Filters, { fields, tags: (i) => tagMap(ctx, i.id) });
    const limit = pageLimit(input.MaxResults, 5, 1000);
    const ids = input.SecurityGroupRuleIds ?? [];
    if (ids.length) {
      const found = new Map<string, RuleItem>();
      for (const id of ids) found.set(id, { id, ...findRule(ctx, id) });
      return { SecurityGroupRules: [...found.values()].filter(matches).map((i) => ruleView(ctx, i.group, i.rule, i.isEgress)) };
    }
    // Each group is read once per call, however many of its rules are served.
    const groups = new Map<string, SecurityGroupRecord | undefined>();
    const resolve = (id: string, owner: RuleOwner): RuleItem | undefined => {
      if (!groups.has(owner.GroupId)) groups.set(owner.GroupId, securityGroups.get(ctx, owner.GroupId));
      const group = groups.get(owner.GroupId);
      const rule = group && (owner.IsEgress ? group.egress : group.ingress).find((r) => r.SecurityGroupRuleId === id);
      return rule && { id, group: group!, rule, isEgress: owner.IsEgress };
    };
    const plan: DescribePlan<RuleItem, "group"> = {
      idOf: (i) => i.id,
      sources: [collectionSource(ruleOwners, ctx, ["group"], resolve)],
      tagType: "security-group-rule",
      conditions: {
        "security-group-rule-id": byValues("id", RANK.id, RANK.idPrefix),
        "group-id": byValues("group", RANK.key, RANK.keyPrefix),
      },
    };
    const batch = Number.isFinite(limit) ? limit + 1 : 1000;
    const source = candidates(ctx, plan, conditionsOf({}, input.Filters), { after: startAfter(ctx, input.NextToken), batch });
    const { page, more } = takePage(source, matches, limit);
    return {
      SecurityGroupRules: page.map((i) => ruleView(ctx, i.group, i.rule, i.isEgress)),
      NextToken: more ? nextToken(ctx, page[page.length - 1].id) : undefined,
    };
  },

  ModifySecurityGroupRules(ctx, input) {
    const group = findSecurityGroup(ctx, input.GroupId);
    if (!input.SecurityGroupRules?.length) throw err.missingParameter("SecurityGroupRule");
    let next = group;
    for (const update of input.SecurityGroupRules) {
      const id = update.SecurityGroupRuleId;
      const found = findRule(ctx, id);
      if (found.group.GroupId !== group.GroupId) throw netErr.ruleNotFound(id);
      const rule = requestedRule(ctx, group, id, update.SecurityGroupRule);
      const direction = found.isEgress ? "egress" : "ingress";
      const others = next[direction].filter((r) => r.SecurityGroupRuleId !== id);
      if (others.some((r) => sameRule(r, rule))) throw duplicateRule(rule);
      next = { ...next, [direction]: next[direction].map((r) => (r.SecurityGroupRuleId === id ? rule : r)) };
    }
    saveGroup(ctx, next, group);
    return { Return: true };
  },
};
