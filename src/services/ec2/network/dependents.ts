// What keeps a VPC, a subnet or a security group from being deleted: EC2 refuses DeleteVpc, DeleteSubnet and
// DeleteSecurityGroup with DependencyViolation while anything still uses the resource (API_DeleteVpc.html:
// "You must detach or delete all gateways and resources that are associated with the VPC before you can
// delete it"; API_DeleteSubnet.html: "You must terminate all running instances in the subnet before you can
// delete the subnet"; API_DeleteSecurityGroup.html: "If you attempt to delete a security group that is
// associated with an instance or network interface, is referenced by another security group in the same VPC,
// ... the operation fails with DependencyViolation"). Each list holds one check per kind of dependent, read
// through the index of the VPC or subnet (instances, network interfaces); a family whose resources live in a VPC
// or subnet adds its check here.
import type { RequestContext } from "../../../gateway/context";
import * as err from "../errors";
import { liveInstancesIn, usesSecurityGroup } from "../instances/records";
import { networkInterfaces } from "../network-interfaces/records";
import { DEFAULT_GROUP, securityGroups, subnets } from "./records";
import { routingDependentOf } from "../vpc-defaults/records";

/** Whether something of one kind still uses the resource with this id. */
export type InUseCheck = (ctx: RequestContext, id: string) => boolean;

export const VPC_DEPENDENTS: Record<string, InUseCheck> = {
  subnets: (ctx, vpcId) => subnets.lookup(ctx, "vpc", { key: vpcId, limit: 1 }).length > 0,
  "security groups": (ctx, vpcId) => securityGroups.lookup(ctx, "vpc", { key: vpcId }).some((g) => g.value.GroupName !== DEFAULT_GROUP),
  instances: (ctx, vpcId) => liveInstancesIn(ctx, "vpc", vpcId).length > 0,
  /** A network interface kept apart from an instance (one deleted with its instance goes when it terminates). */
  "network interfaces": (ctx, vpcId) => networkInterfaces.lookup(ctx, "vpc", { key: vpcId, limit: 1 }).length > 0,
  /** An internet gateway attached to it, a route table but its main one, a network ACL but its default one. */
  "gateways, route tables and network ACLs": (ctx, vpcId) => routingDependentOf(ctx, vpcId) !== undefined,
};

export const SUBNET_DEPENDENTS: Record<string, InUseCheck> = {
  instances: (ctx, subnetId) => liveInstancesIn(ctx, "subnet", subnetId).length > 0,
  "network interfaces": (ctx, subnetId) => networkInterfaces.lookup(ctx, "subnet", { key: subnetId, limit: 1 }).length > 0,
};

export const SECURITY_GROUP_DEPENDENTS: Record<string, InUseCheck> = {
  instances: usesSecurityGroup,
  /** A rule of another group that names this one as its source or destination. */
  "security group rules": (ctx, groupId) => securityGroups.lookup(ctx, "referenced", { key: groupId }).some((g) => g.id !== groupId),
};

/** Throws DependencyViolation, as EC2 words it, when a check of the list finds a dependent of the resource. */
export function checkUnused(ctx: RequestContext, dependents: Record<string, InUseCheck>, id: string): void {
  for (const check of Object.values(dependents)) {
    if (!check(ctx, id)) continue;
    // EC2's wordings: a VPC or subnet "has dependencies and cannot be deleted", a group "has a dependent object".
    if (id.startsWith("sg-")) throw err.dependencyViolation(`resource ${id} has a dependent object`);
    throw err.dependencyViolation(`The ${id.startsWith("vpc-") ? "vpc" : "subnet"} '${id}' has dependencies and cannot be deleted.`);
  }
}
