// How network ACLs are kept ("Control subnet traffic with network access control lists", vpc-network-acls.html):
// one record per ACL in the account's partition of its Region, keyed by id, with its entries and the subnets
// associated with it explicitly. Each VPC has a default ACL that allows all traffic in and out (rule 100) and
// every ACL ends with the rule `*` (32767) that denies what no other rule matched; a new ACL has only those.
// Every subnet is associated with exactly one ACL: one that names it, else its VPC's default ACL, under an
// association id derived from the subnet and the ACL, so that it holds from one read to the next.
import { createHash } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { listOf, schema, unchecked, type RecordOf } from "../../../state/record-schema";
import type { IcmpTypeCode, PortRange } from "../api.generated";
import { taggable } from "../resource-types";
import * as err from "../vpc-defaults/errors";

const entrySchema = schema({
  RuleNumber: "count",
  Egress: "boolean",
  Protocol: "string",
  RuleAction: "string",
  CidrBlock: unchecked<string | undefined>(),
  Ipv6CidrBlock: unchecked<string | undefined>(),
  IcmpTypeCode: unchecked<IcmpTypeCode | undefined>(),
  PortRange: unchecked<PortRange | undefined>(),
});
export type AclEntryRecord = RecordOf<typeof entrySchema>;

const aclAssociationSchema = schema({ NetworkAclAssociationId: "string", SubnetId: "string" });

const aclSchema = schema({
  NetworkAclId: "string",
  VpcId: "string",
  IsDefault: "boolean",
  entries: listOf(entrySchema),
  /** Subnets associated by ReplaceNetworkAclAssociation. */
  associations: listOf(aclAssociationSchema),
});
export type NetworkAclRecord = RecordOf<typeof aclSchema>;

export const ACL_ID = /^acl-([0-9a-f]{8}|[0-9a-f]{17})$/;
/** The rule that ends every ACL, shown as `*`. */
export const LAST_RULE = 32767;

export const networkAcls = collection<NetworkAclRecord, string, "vpc" | "default" | "subnet" | "association">({
  type: "ec2.network-acl",
  schema: aclSchema,
  key: (r) => r.NetworkAclId,
  indexes: {
    vpc: (r) => r.VpcId,
    default: (r) => (r.IsDefault ? r.VpcId : undefined),
    subnet: (r) => r.associations.map((a) => a.SubnetId),
    association: (r) => r.associations.map((a) => a.NetworkAclAssociationId),
  },
  taggable: taggable("network-acl", (ctx, id) => findAclRecord(ctx, id)),
});

export function findAclRecord(ctx: RequestContext, id: string): NetworkAclRecord {
  if (!ACL_ID.test(id)) throw err.aclMalformed(id);
  const acl = networkAcls.get(ctx, id);
  if (!acl) throw err.aclNotFound(id);
  return acl;
}

/** The entries every ACL ends with: deny everything, in and out. */
export const lastRules = (): AclEntryRecord[] =>
  [false, true].map((Egress) => ({ RuleNumber: LAST_RULE, Egress, Protocol: "-1", RuleAction: "deny", CidrBlock: "0.0.0.0/0" }));

/** The default ACL's entries: allow everything in and out (rule 100), then the last rules. */
export const defaultRules = (): AclEntryRecord[] => [
  ...[false, true].map((Egress) => ({ RuleNumber: 100, Egress, Protocol: "-1", RuleAction: "allow", CidrBlock: "0.0.0.0/0" })),
  ...lastRules(),
];

/** The association id of a subnet with the default ACL, until it is associated with another. */
export const implicitAssociationId = (aclId: string, subnetId: string): string =>
  `aclassoc-${createHash("sha256").update(`${aclId} ${subnetId}`).digest("hex").slice(0, 17)}`;

export const defaultAclOf = (ctx: RequestContext, vpcId: string): NetworkAclRecord | undefined => networkAcls.find(ctx, "default", vpcId);
