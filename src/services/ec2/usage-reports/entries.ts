// What an AMI usage report counts. A report counts, per account, the resources of the requested types that
// reference the AMI: EC2 instances (ec2:Instance) and launch templates (ec2:LaunchTemplate), the only values
// the CreateImageUsageReport reference allows. Whatever uses an AMI in imagelite keeps an index record in the
// AMI owner's partition, id `<ami> <kind> <account> <resource>`, so a report reads O(uses) records.
//
// What counts: an instance (kind `instance`, written by RunInstances) counts once. A launch template (kind
// `launch-template`, launch-templates/ami-uses.ts) counts once however many of its versions name the AMI, and
// only if one of them is among the template's `version-depth` most recent versions (20 unless the request's
// ec2:LaunchTemplate options say otherwise, 1 to 10000): "View your AMI usage" (your-ec2-ami-usage.html, "How
// AMI usage reports work") and ImageUsageResourceTypeOptionRequest in the API reference. The most recent
// versions are those that exist: deleted versions are no longer checked. AppStream images imported from the
// AMI (kind `appstream-image`, CreateImportedImage) are neither an EC2 instance nor a launch template in the
// using account, and a real AMI usage report does not list them, so they map to no resource type and are not
// counted; AMIs copied from the AMI are not uses either. Only KIND_TYPES needs an entry when a kind appears.
import type { RequestContext } from "../../../gateway/context";
import { collection, inPartition } from "../../../state/collection";
import { schema, unchecked, type RecordOf } from "../../../state/record-schema";
import type { UsageEntry } from "./records";
import { launchTemplates } from "../launch-templates/records";
import { partitionOf } from "../images/records";

const amiUseSchema = schema({
  /** The kind of resource that uses the AMI: `instance`, `launch-template`, `appstream-image`. */
  resourceType: "string",
  account: "string",
  region: "string",
  name: "string",
  arn: "string",
  at: "time",
  /** A launch template's versions that name the AMI (launch-templates/ami-uses.ts). */
  versions: unchecked<number[] | undefined>(),
});
/** One resource's use of an AMI: what DescribeImageReferences shows of it. */
export type AmiUse = RecordOf<typeof amiUseSchema>;

/**
 * The uses of an AMI, in its owner's partition, keyed (AMI, kind, account, resource); written by what uses the
 * AMI (RunInstances, launch-templates/ami-uses.ts, AppStream's CreateImportedImage); a report counts keys, and
 * for a launch template also reads which of its versions name the AMI.
 */
export const amiUses = collection<AmiUse, [ami: string, kind: string, account: string, resource: string]>({
  type: "ec2.image-use",
  schema: amiUseSchema,
});

/** Index kind → the report resource type it counts as; kinds not listed are not EC2 usage. */
const KIND_TYPES: Record<string, string> = {
  instance: "ec2:Instance",
  "launch-template": "ec2:LaunchTemplate",
};

/** How many of a launch template's most recent versions a report checks unless told otherwise. */
export const DEFAULT_VERSION_DEPTH = 20;

/** Whether a launch template's use (its versions that name the AMI) falls within its `depth` most recent versions. */
function recentEnough(ctx: RequestContext, account: string, templateId: string, use: AmiUse, depth: number): boolean {
  const template = launchTemplates.get(inPartition(ctx, partitionOf(account, ctx.region)), templateId);
  if (!template) return false;
  const recent = new Set(template.versions.slice(-depth));
  return (use.versions ?? []).some((v) => recent.has(v));
}

/**
 * The report's entries: per requested resource type and account (all accounts when none are listed), the uses
 * found; launch templates only when the AMI is in one of their `versionDepth` most recent versions.
 */
export function countUses(
  ctx: RequestContext,
  imageId: string,
  resourceTypes: string[],
  accounts?: string[],
  versionDepth = DEFAULT_VERSION_DEPTH,
): UsageEntry[] {
  const wanted = new Set(resourceTypes);
  const inAccounts = accounts && new Set(accounts);
  const counts = new Map<string, UsageEntry>();
  for (const { id, value } of amiUses.entries(ctx, { within: [imageId] })) {
    const [, kind, account, resource] = id.split(" ");
    const type = KIND_TYPES[kind];
    if (!type || !wanted.has(type) || !account || (inAccounts && !inAccounts.has(account))) continue;
    if (kind === "launch-template" && !recentEnough(ctx, account, resource, value, versionDepth)) continue;
    const key = `${type} ${account}`;
    const entry = counts.get(key) ?? { ResourceType: type, AccountId: account, UsageCount: 0 };
    entry.UsageCount++;
    counts.set(key, entry);
  }
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}
