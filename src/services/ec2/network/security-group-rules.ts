// Security group rules: what AuthorizeSecurityGroupIngress is given (IpPermissions, or the older flat
// IpProtocol / FromPort / ToPort / CidrIp / SourceSecurityGroupName members) made into one rule per source,
// and rules shown back as IpPermissions grouped by protocol and ports ("Security group rules",
// security-group-rules.html; API_IpPermission.html: -1 or `all` for every protocol, ports then ignored;
// for ICMP, FromPort is the type and ToPort the code, -1 for any).
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import type { IpPermission, SecurityGroupRule } from "../api.generated";
import * as err from "../errors";
import { findGroupByName, findSecurityGroup, type RuleRecord, type SecurityGroupRecord } from "./records";
import { tagList } from "../tags/records";

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

export const ruleArn = (ctx: RequestContext, id: string) => `arn:aws:ec2:${ctx.region}:${ctx.accountId}:security-group-rule/${id}`;

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
