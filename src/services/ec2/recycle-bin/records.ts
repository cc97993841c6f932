// The Recycle Bin's side of EC2 ("Recover deleted Amazon EBS snapshots and EBS-backed AMIs with Recycle Bin", EBS
// User Guide): an AMI, snapshot or volume that a Recycle Bin retention rule retains when it is deleted keeps its
// record, marked with its stay in the bin (`recycleBin`), which every read takes as gone (the collections'
// `live`); the bin's own index, one entry per resource in its owner's partition keyed by resource id, lists them
// (ListImagesInRecycleBin, ...). At the end of its retention period the resource goes for good (its collection's
// expiry), unless a Restore... call took it out before. While in the bin it carries the system tag
// aws:recycle-bin:resource-in-bin=true, and its tags can still be changed ("While a resource is in the Recycle
// Bin, you can only view it, restore it, or modify its tags").
import type { RequestContext } from "../../../gateway/context";
import { collection, type Scope } from "../../../state/collection";
import { object, schema, type RecordOf } from "../../../state/record-schema";
import { retentionFor } from "../../rbin/rules/records";
import type { ResourceType as RbinResourceType } from "../../rbin/api.generated";
import type { ResourceType } from "../api.generated";
import { dropSystemTag, putSystemTags, tagMap } from "../tags/records";

const binSchema = schema({
  enteredAt: "time",
  /** When its retention period ends and it is gone. */
  exitAt: "time",
  /** The retention rule that retains it. */
  ruleId: "string",
});
export type BinStay = RecordOf<typeof binSchema>;

/** The member of a resource's record that says it is in the bin (absent otherwise). */
export const recycleBinMember = object(binSchema, true);

const entrySchema = schema({ ResourceId: "string", enteredAt: "time", exitAt: "time", ruleId: "string" });
export type BinEntry = RecordOf<typeof entrySchema>;

/** The bin's index: owner's partition, keyed by resource id (`ami-`, `snap-` and `vol-` ids sort apart). */
export const recycleBin = collection<BinEntry>({
  type: "ec2.recycle-bin",
  schema: entrySchema,
  key: (e) => e.ResourceId,
  live: (e, now) => now < e.exitAt,
  expires: { goneAt: (e) => e.exitAt },
});

/** "When a resource is sent to the Recycle Bin, the following system-generated tag is assigned to the resource." */
export const IN_BIN_TAG = "aws:recycle-bin:resource-in-bin";

const DAY_MS = 24 * 3600 * 1000;

/** The bin entry of one of the caller's resources, while it is in the bin. */
export const binEntry = (s: Scope, id: string): BinEntry | undefined => recycleBin.get(s, id);

/**
 * Where deleting one of the caller's resources of this kind, with its tags, sends it now: a stay in the bin when
 * an available retention rule retains it, else undefined (deleted at once, as without Recycle Bin).
 */
export function binStayFor(ctx: RequestContext, type: RbinResourceType, resourceId: string): BinStay | undefined {
  const retention = retentionFor(ctx, type, tagMap(ctx, resourceId));
  return retention && { enteredAt: ctx.now, exitAt: ctx.now + retention.days * DAY_MS, ruleId: retention.ruleId };
}

/** Lists the resource in the bin, with the system tag. */
export function enterBin(ctx: RequestContext, resourceId: string, resourceType: ResourceType, stay: BinStay): void {
  recycleBin.put(ctx, { ResourceId: resourceId, ...stay });
  putSystemTags(ctx, resourceId, resourceType, { [IN_BIN_TAG]: "true" });
}

/** Takes the resource out of the bin's list, and its system tag off. */
export function leaveBin(ctx: RequestContext, resourceId: string): void {
  recycleBin.delete(ctx, resourceId);
  dropSystemTag(ctx, resourceId, IN_BIN_TAG);
}

/** The caller's resources in the bin whose ids begin with `prefix`, in id order, after `after`. */
export function* binned(s: Scope, prefix: string, after?: string): Generator<BinEntry> {
  for (const { id, value } of recycleBin.entries(s, after ? { after } : { from: prefix })) {
    if (!id.startsWith(prefix)) return;
    yield value;
  }
}
