// The account's network as other EC2 operations see it: the default VPC of a Region with one default
// subnet per Availability Zone and its `default` security group ("Default VPCs", Amazon VPC User Guide,
// default-vpc.html: 172.31.0.0/16, a /20 default subnet in each zone, public IPv4 addresses on launch),
// made the first time anything in the account and Region needs them and kept as records so their ids hold.
// Also the lookups that launching needs (subnet, security groups, key pair) with EC2's errors.
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import * as err from "../errors";
import { keyPairs, type KeyPairRecord } from "../key-pairs/records";
import {
  DEFAULT_GROUP,
  GROUP_ID,
  networkDefaults,
  securityGroups,
  SUBNET_ID,
  subnets,
  VPC_ID,
  vpcs,
  type RuleRecord,
  type SecurityGroupRecord,
  type SubnetRecord,
  type VpcRecord,
} from "./records";
import { zonesOf } from "./zones";

export type { KeyPairRecord, RuleRecord, SecurityGroupRecord, SubnetRecord, VpcRecord };

/**
 * Whether a security group is in use (by an instance, a network interface...): a resource kind that uses
 * groups registers its check here, and DeleteSecurityGroup refuses a group any check claims.
 */
export const securityGroupUsers: ((ctx: RequestContext, groupId: string) => boolean)[] = [];

/** All traffic out to anywhere: the outbound rule every new security group starts with ("Security group rules", default rules). */
export const allOutbound = (): RuleRecord => ({ SecurityGroupRuleId: hexId("sgr"), IpProtocol: "-1", CidrIpv4: "0.0.0.0/0" });

function materialise(ctx: RequestContext): VpcRecord {
  const vpc: VpcRecord = {
    VpcId: hexId("vpc"),
    CidrBlock: "172.31.0.0/16",
    IsDefault: true,
    CidrAssociationId: hexId("vpc-cidr-assoc"),
    DhcpOptionsId: hexId("dopt"),
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
  // The default group lets in what comes from its own members, and lets everything out (default-security-group.html).
  const groupId = hexId("sg");
  securityGroups.put(ctx, {
    GroupId: groupId,
    GroupName: DEFAULT_GROUP,
    VpcId: vpc.VpcId,
    Description: "default VPC security group",
    ingress: [{ SecurityGroupRuleId: hexId("sgr"), IpProtocol: "-1", ReferencedGroupId: groupId, ReferencedUserId: ctx.accountId }],
    egress: [allOutbound()],
  });
  networkDefaults.put(ctx, { VpcId: vpc.VpcId });
  return vpc;
}

/** Makes the Region's defaults for the caller's account if they are not there yet (every network read starts here). */
export function ensureDefaults(ctx: RequestContext): void {
  defaultVpc(ctx);
}

export function defaultVpc(ctx: RequestContext): VpcRecord {
  const marker = networkDefaults.get(ctx, "defaults");
  const vpc = marker && vpcs.get(ctx, marker.VpcId);
  return vpc ?? materialise(ctx);
}

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

export function findKeyPair(ctx: RequestContext, name: string): KeyPairRecord {
  const pair = keyPairs.get(ctx, name);
  if (!pair) throw err.keyPairNotFound(name);
  return pair;
}
