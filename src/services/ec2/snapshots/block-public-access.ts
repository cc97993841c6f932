// Block public access for snapshots, per account and Region ("Block public access for Amazon EBS snapshots",
// block-public-access-snapshots.html; EnableSnapshotBlockPublicAccess, DisableSnapshotBlockPublicAccess and
// GetSnapshotBlockPublicAccessState references). `block-new-sharing` refuses new public sharing and leaves
// snapshots already public as they are; `block-all-sharing` refuses it too, and makes snapshots already public
// private to everyone else while their createVolumePermission still names group `all` (they are public again
// once the setting is unblocked or block-new-sharing). `unblocked` is the default.
import type { RequestContext } from "../../../gateway/context";
import { collection, inPartition } from "../../../state/collection";
import { schema, type RecordOf } from "../../../state/record-schema";
import type { Ec2Handlers, SnapshotBlockPublicAccessState } from "../api.generated";
import * as err from "../errors";
import { snapshotPartition, type SnapshotRecord } from "./records";

const settingSchema = schema({ State: "string" });

/** One setting per account and region, in that account's partition. */
export const snapshotBlockPublicAccess = collection<RecordOf<typeof settingSchema>>({
  type: "ec2.snapshot-block-public-access",
  schema: settingSchema,
  key: () => "account",
});

/** The setting of `account` (the caller unless said) in the caller's region. */
export function snapshotBlockState(ctx: RequestContext, account = ctx.accountId, region = ctx.region): SnapshotBlockPublicAccessState {
  const rec = snapshotBlockPublicAccess.get(inPartition(ctx, snapshotPartition(account, region)), "account");
  return (rec?.State as SnapshotBlockPublicAccessState | undefined) ?? "unblocked";
}

/** Whether the snapshot is public to accounts other than its owner now: group `all`, and not blocked by its owner. */
export const isPublicNow = (ctx: RequestContext, snap: SnapshotRecord): boolean =>
  snap.public && snapshotBlockState(ctx, snap.owner, snap.region) !== "block-all-sharing";

/** Refuses to make a snapshot public while its owner blocks public sharing in its region. */
export function checkPublicSharingAllowed(ctx: RequestContext, snap: SnapshotRecord): void {
  const state = snapshotBlockState(ctx, snap.owner, snap.region);
  if (state !== "unblocked") {
    throw err.operationNotPermitted(
      `The snapshot ${snap.SnapshotId} can't be shared publicly: block public access for snapshots is ${state} for this account and Region. ` +
        "Call DisableSnapshotBlockPublicAccess to share snapshots publicly.",
    );
  }
}

function setState(ctx: RequestContext, State: SnapshotBlockPublicAccessState): void {
  if (State === "unblocked") snapshotBlockPublicAccess.delete(ctx, "account");
  else snapshotBlockPublicAccess.put(ctx, { State });
}

export const snapshotBlockPublicAccessHandlers: Pick<
  Ec2Handlers,
  "EnableSnapshotBlockPublicAccess" | "DisableSnapshotBlockPublicAccess" | "GetSnapshotBlockPublicAccessState"
> = {
  EnableSnapshotBlockPublicAccess(ctx, { State }) {
    setState(ctx, State);
    return { State };
  },
  DisableSnapshotBlockPublicAccess(ctx) {
    setState(ctx, "unblocked");
    return { State: "unblocked" };
  },
  GetSnapshotBlockPublicAccessState(ctx) {
    return { State: snapshotBlockState(ctx), ManagedBy: "account" };
  },
};
