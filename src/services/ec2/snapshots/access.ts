// Which snapshots an account can use, and how one comes into being or goes. The snapshots available to an
// account are its own, those whose createVolumePermission names it, public ones and Amazon's catalog
// (DescribeSnapshots reference: implicit, explicit and public create volume permissions). The snapshots'
// collection is declared here, beside what its tagging check reads (the catalog among it, which builds
// records of the snapshot's schema: records.ts).
import type { RequestContext } from "../../../gateway/context";
import type { PhaseKind } from "../../../runtime/config";
import { ServiceError } from "../../../errors/service-error";
import { collection, inPartition, type Scope } from "../../../state/collection";
import { plan, stateAt, type Schedule } from "../../../state/lifecycle";
import { hexId } from "../../../util/ids";
import type { Tag } from "../api.generated";
import { catalogSnapshot } from "../catalog/catalog";
import * as err from "../errors";
import { GONE } from "../images/records";
import { taggable } from "../resource-types";
import {
  isLocked,
  publicSnapshotPartition,
  publicSnapshots,
  sharedSnapshots,
  SNAPSHOT_ID,
  snapshotPartition,
  snapshotSchema,
  snapshotUses,
  volumePermissions,
  type SnapshotRecord,
} from "./records";
import { dropTags, putTags } from "../tags/records";
import { isPublicNow } from "./block-public-access";
import { binEntry, binStayFor, enterBin } from "../recycle-bin/records";

/**
 * Snapshots in their owner's partition of their region; gone at once when deleted, unless a Recycle Bin rule
 * retains them: then gone for every read, and for good at the end of their stay in the bin.
 */
export const snapshots = collection<SnapshotRecord>({
  type: "ec2.snapshot",
  schema: snapshotSchema,
  key: (r) => r.SnapshotId,
  partition: (r) => snapshotPartition(r.owner, r.region),
  live: (r, now) => r.recycleBin === undefined && stateAt(r.schedule, now) !== GONE,
  expires: { goneAt: (r) => r.recycleBin?.exitAt, purge: (scope, _id, snap) => removeSnapshot(scope, snap) },
  // The owner's snapshot in the Recycle Bin keeps its tags, which can still be changed.
  taggable: taggable("snapshot", (ctx, id) => binEntry(ctx, id) ?? findSnapshot(ctx, id)),
});

export const snapshotNotFound = (id: string) => new ServiceError("InvalidSnapshot.NotFound", `The snapshot '${id}' does not exist.`);
export const notAuthorizedForSnapshot = (id: string) => new ServiceError("AuthFailure", `Not authorized for snapshot:${id}`);

/** A locked snapshot cannot be deleted until its lock expires or it is unlocked (snapshot-lock-concepts.html). */
export const snapshotLocked = (id: string) =>
  new ServiceError("SnapshotLocked", `The snapshot '${id}' is locked and cannot be deleted until its lock expires or it is unlocked.`);

export function checkSnapshotId(id: string): void {
  if (!SNAPSHOT_ID.test(id)) throw err.snapshotMalformed(id);
}

/** A stored snapshot of `owner` in `region`. */
export const storedSnapshot = (ctx: RequestContext, owner: string, region: string, id: string): SnapshotRecord | undefined =>
  snapshots.get(inPartition(ctx, snapshotPartition(owner, region)), id);

/** The snapshot with this id that the caller can use in `region`, if any. */
export function visibleSnapshot(ctx: RequestContext, id: string, region = ctx.region): SnapshotRecord | undefined {
  const own = storedSnapshot(ctx, ctx.accountId, region, id);
  if (own) return own;
  const shared = sharedSnapshots.get(inPartition(ctx, snapshotPartition(ctx.accountId, region)), id);
  const viaShare = shared && storedSnapshot(ctx, shared.owner, region, id);
  if (viaShare) return viaShare;
  const pub = publicSnapshots.get(inPartition(ctx, publicSnapshotPartition(region)), id);
  const viaPublic = pub && storedSnapshot(ctx, pub.owner, region, id);
  if (viaPublic && isPublicNow(ctx, viaPublic)) return viaPublic;
  return catalogSnapshot(ctx, region, id);
}

/** A well-formed id of a snapshot that the caller owns or may create volumes from, or the EC2 error for it. */
export function findSnapshot(ctx: RequestContext, id: string, region = ctx.region): SnapshotRecord {
  checkSnapshotId(id);
  const rec = visibleSnapshot(ctx, id, region);
  if (!rec) throw snapshotNotFound(id);
  return rec;
}

/** A snapshot the caller owns; another owner's that it can see is AuthFailure. */
export function findOwnSnapshot(ctx: RequestContext, id: string): SnapshotRecord {
  const rec = findSnapshot(ctx, id);
  if (rec.owner !== ctx.accountId) throw notAuthorizedForSnapshot(id);
  return rec;
}

export const isGrantedTo = (ctx: RequestContext, snap: SnapshotRecord, account: string): boolean =>
  volumePermissions.get(inPartition(ctx, snapshotPartition(snap.owner, snap.region)), [snap.SnapshotId, account]) !== undefined;

/** Whether the caller may create volumes from (and so copy, or register an AMI of) the snapshot: owner, granted, or public. */
export function canCreateVolume(ctx: RequestContext, snap: SnapshotRecord): boolean {
  return snap.owner === ctx.accountId || isPublicNow(ctx, snap) || isGrantedTo(ctx, snap, ctx.accountId);
}

export type NewSnapshot = Pick<SnapshotRecord, "VolumeId" | "VolumeSize" | "Description" | "Encrypted" | "KmsKeyId"> & {
  SnapshotId?: string;
};

/** Stores a snapshot of the caller in its region with the given schedule. */
export function storeSnapshot(ctx: RequestContext, spec: NewSnapshot, schedule: Schedule, tags: Tag[] = []): SnapshotRecord {
  const rec: SnapshotRecord = {
    SnapshotId: spec.SnapshotId ?? hexId("snap"),
    owner: ctx.accountId,
    region: ctx.region,
    VolumeId: spec.VolumeId,
    VolumeSize: spec.VolumeSize,
    Description: spec.Description,
    Encrypted: spec.Encrypted,
    KmsKeyId: spec.Encrypted ? spec.KmsKeyId : undefined,
    createdAt: ctx.now,
    public: false,
    schedule,
  };
  snapshots.put(ctx, rec);
  if (tags.length) putTags(ctx, rec.SnapshotId, "snapshot", tags);
  return rec;
}

/** A new snapshot of the caller, `pending` for the phase (snapshotCreate unless said), then `completed`. */
export function createSnapshot(
  ctx: RequestContext,
  spec: {
    VolumeId: string;
    VolumeSize: number;
    Description?: string;
    Encrypted?: boolean;
    KmsKeyId?: string;
    tags?: Tag[];
    phase?: PhaseKind;
  },
): SnapshotRecord {
  const schedule = plan(ctx.now, ["pending", ctx.timings.seconds(spec.phase ?? "snapshotCreate")], ["completed"]);
  return storeSnapshot(ctx, { ...spec, Encrypted: spec.Encrypted ?? false }, schedule, spec.tags);
}

/** The AMI that uses the snapshot, if any (its owner's index of uses). */
export function amiUsing(ctx: RequestContext, snap: SnapshotRecord): string | undefined {
  const owner = inPartition(ctx, snapshotPartition(snap.owner, snap.region));
  for (const { id } of snapshotUses.entries(owner, { within: [snap.SnapshotId], batch: 1 })) return id.slice(snap.SnapshotId.length + 1);
  return undefined;
}

/**
 * Deletes a snapshot of the caller with its permissions and tags; refused while a registered AMI uses it. A
 * Recycle Bin rule that retains it sends it to the bin instead, private, with its tags.
 */
export function deleteSnapshot(ctx: RequestContext, snap: SnapshotRecord): void {
  if (isLocked(snap, ctx.now)) throw snapshotLocked(snap.SnapshotId);
  const ami = amiUsing(ctx, snap);
  if (ami) throw new ServiceError("InvalidSnapshot.InUse", `The snapshot ${snap.SnapshotId} is currently in use by ${ami}`);
  const stay = binStayFor(ctx, "EBS_SNAPSHOT", snap.SnapshotId);
  if (!stay) return removeSnapshot(ctx, snap);
  unshare(ctx, snap);
  snapshots.put(ctx, { ...snap, public: false, recycleBin: stay });
  enterBin(ctx, snap.SnapshotId, "snapshot", stay);
}

/** No account but its owner's can use the snapshot any more: its grants and its public listing go. */
function unshare(s: Scope, snap: SnapshotRecord): void {
  const owner = inPartition(s, snapshotPartition(snap.owner, snap.region));
  for (const { UserId } of volumePermissions.scan(owner, { within: [snap.SnapshotId] })) {
    sharedSnapshots.delete(inPartition(s, snapshotPartition(UserId, snap.region)), snap.SnapshotId);
    volumePermissions.delete(owner, [snap.SnapshotId, UserId]);
  }
  if (snap.public) publicSnapshots.delete(inPartition(s, publicSnapshotPartition(snap.region)), snap.SnapshotId);
}

/** Removes a snapshot whatever uses it (an AMI that never came to be), or at the end of its stay in the Recycle Bin. */
export function removeSnapshot(s: Scope, snap: SnapshotRecord): void {
  const owner = inPartition(s, snapshotPartition(snap.owner, snap.region));
  unshare(s, snap);
  for (const { id } of [...snapshotUses.entries(owner, { within: [snap.SnapshotId] })]) {
    snapshotUses.delete(owner, [snap.SnapshotId, id.slice(snap.SnapshotId.length + 1)]);
  }
  dropTags(owner, snap.SnapshotId);
  snapshots.delete(owner, snap.SnapshotId);
}
