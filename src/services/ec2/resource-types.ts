// EC2's kinds of resource that imagelite keeps, once: the prefix of their ids, their resource type (what tags and
// TagSpecifications name), the form of their ARN ("Actions, resources, and condition keys for Amazon EC2": AMIs
// and snapshots are regional resources without an account in their ARN) and their title in the dashboard. The
// collections' `taggable` declarations, the IAM resources of each call (actions.ts) and the dashboard read it.
import type { RequestContext } from "../../gateway/context";
import type { Scope, Taggable } from "../../state/collection";
import type { ResourceType } from "./api.generated";
import { arn } from "../../util/arn";

interface Ec2ResourceType {
  /** The prefix of its ids, dash included. */
  prefix: string;
  /** Whether its ARN names the owner's account (arn:<partition>:ec2:<region>:<account>:<type>/<id>). */
  accountInArn: boolean;
  /** Its tab in the dashboard. */
  label: string;
}

export const EC2_RESOURCE_TYPES = {
  image: { prefix: "ami-", accountInArn: false, label: "AMIs" },
  snapshot: { prefix: "snap-", accountInArn: false, label: "Snapshots" },
  instance: { prefix: "i-", accountInArn: true, label: "Instances" },
  volume: { prefix: "vol-", accountInArn: true, label: "Volumes" },
  "launch-template": { prefix: "lt-", accountInArn: true, label: "Launch templates" },
  "import-image-task": { prefix: "import-ami-", accountInArn: true, label: "Import tasks" },
  "import-snapshot-task": { prefix: "import-snap-", accountInArn: true, label: "Snapshot import tasks" },
  "export-image-task": { prefix: "export-ami-", accountInArn: true, label: "Export tasks" },
  "image-usage-report": { prefix: "amiur-", accountInArn: true, label: "Usage reports" },
  "key-pair": { prefix: "key-", accountInArn: true, label: "Key pairs" },
  "security-group": { prefix: "sg-", accountInArn: true, label: "Security groups" },
  "security-group-rule": { prefix: "sgr-", accountInArn: true, label: "Security group rules" },
  vpc: { prefix: "vpc-", accountInArn: true, label: "VPCs" },
  subnet: { prefix: "subnet-", accountInArn: true, label: "Subnets" },
  "internet-gateway": { prefix: "igw-", accountInArn: true, label: "Internet gateways" },
  "route-table": { prefix: "rtb-", accountInArn: true, label: "Route tables" },
  "network-acl": { prefix: "acl-", accountInArn: true, label: "Network ACLs" },
  "elastic-ip": { prefix: "eipalloc-", accountInArn: true, label: "Elastic IPs" },
  fleet: { prefix: "fleet-", accountInArn: true, label: "EC2 Fleets" },
  "spot-instances-request": { prefix: "sir-", accountInArn: true, label: "Spot requests" },
  "network-interface": { prefix: "eni-", accountInArn: true, label: "Network interfaces" },
} satisfies Partial<Record<ResourceType, Ec2ResourceType>>;

export type Ec2Type = keyof typeof EC2_RESOURCE_TYPES;

/** Types by prefix, longest first: "import-ami-" names an import task before "ami-" could name an AMI. */
const BY_PREFIX = (Object.entries(EC2_RESOURCE_TYPES) as [Ec2Type, Ec2ResourceType][]).sort(
  ([, a], [, b]) => b.prefix.length - a.prefix.length,
);

/** The type of the resource an id names, by its prefix. */
export const typeOfId = (id: string): Ec2Type | undefined => BY_PREFIX.find(([, t]) => id.startsWith(t.prefix))?.[0];

/** The ARN of a resource of `type` in `region` of `account` (its id, or `*` for any). */
export const arnOf = (type: Ec2Type, region: string, account: string, id: string): string =>
  arn("ec2", region, EC2_RESOURCE_TYPES[type].accountInArn ? account : "", `${type}/${id}`);

/**
 * A collection's `taggable` declaration for a type of the table. `check` throws EC2's error for an id that is
 * malformed or names nothing the caller can see; `tagged` follows a CreateTags. Tagging calls pass their
 * request context as the scope.
 */
export function taggable(
  type: Ec2Type,
  check: (ctx: RequestContext, id: string) => unknown,
  tagged?: (ctx: RequestContext, id: string) => void,
): Taggable {
  return {
    prefix: EC2_RESOURCE_TYPES[type].prefix,
    resourceType: type,
    check: (ctx: Scope, id: string) => void check(ctx as RequestContext, id),
    tagged: tagged && ((ctx: Scope, id: string) => tagged(ctx as RequestContext, id)),
  };
}
