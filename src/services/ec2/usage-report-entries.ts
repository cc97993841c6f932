// What an AMI usage report counts. A report counts, per account, the resources of the requested types that
// reference the AMI: EC2 instances (ec2:Instance) and launch templates (ec2:LaunchTemplate), the only values
// the CreateImageUsageReport reference allows. Whatever uses an AMI in imagelite keeps an index record in the
// AMI owner's partition, id `<ami> <kind> <account> <resource>`, so a report reads O(uses) records.
//
// Decision: imagelite has neither instances nor launch templates, and the uses it does index are AppStream
// images imported from the AMI (kind `appstream-image`, CreateImportedImage). Those are neither an EC2
// instance nor a launch template in the using account, and a real AMI usage report does not list them, so
// they map to no resource type and are not counted. AMIs copied from the AMI are not uses either. Reports
// are therefore empty until something that is an instance or launch template indexes its use; nothing is
// ever invented. Only KIND_TYPES needs an entry when such a kind appears.
import type { RequestContext } from "../../gateway/context";
import { collection } from "../../state/collection";
import type { UsageEntry } from "./usage-report-records";

/**
 * The uses of an AMI, in its owner's partition, keyed (AMI, kind, account, resource); what a use keeps is the
 * writer's (appstream/imported-images.ts writes its ImageUse), and a report counts keys only.
 */
export const amiUses = collection<object, [ami: string, kind: string, account: string, resource: string]>({ type: "ec2.image-use" });

/** Index kind → the report resource type it counts as; kinds not listed are not EC2 usage. */
const KIND_TYPES: Record<string, string> = {
  instance: "ec2:Instance",
  "launch-template": "ec2:LaunchTemplate",
};

/** The report's entries: per requested resource type and account (all accounts when none are listed), the uses found. */
export function countUses(ctx: RequestContext, imageId: string, resourceTypes: string[], accounts?: string[]): UsageEntry[] {
  const wanted = new Set(resourceTypes);
  const inAccounts = accounts && new Set(accounts);
  const counts = new Map<string, UsageEntry>();
  for (const { id } of amiUses.entries(ctx, { within: [imageId] })) {
    const [, kind, account] = id.split(" ");
    const type = KIND_TYPES[kind];
    if (!type || !wanted.has(type) || !account || (inAccounts && !inAccounts.has(account))) continue;
    const key = `${type} ${account}`;
    const entry = counts.get(key) ?? { ResourceType: type, AccountId: account, UsageCount: 0 };
    entry.UsageCount++;
    counts.set(key, entry);
  }
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}
