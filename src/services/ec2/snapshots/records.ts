// How EBS snapshots are kept in the store, as AMIs are (images/records.ts): a snapshot is a document in its
// owner's partition of its region; who else may create volumes from it is an index record in the partition
// that reads it (the grantee's, or the region's public one). Which AMIs use a snapshot is kept beside it, so
// that DeleteSnapshot can refuse ("Delete an Amazon EBS snapshot", EBS User Guide: a snapshot of a registered
// AMI's device cannot be deleted until the AMI is deregistered).
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { stateAt } from "../../../state/lifecycle";
import { schema, unchecked, type RecordOf } from "../../../state/record-schema";
import { PUBLIC_ACCOUNT } from "../images/records";
import { recycleBinMember } from "../recycle-bin/records";

/** A tiering operation: what it is, when it started and completes, and what it leaves. */
export interface TieringRecord {
  operation: "archival" | "temporary-restore" | "permanent-restore";
  startedAt: number;
  completedAt: number;
  /** When the snapshot was last archived (ArchivalCompleteTime). */
  archivedAt: number;
  /** A temporary restore: when the snapshot goes back to the archive tier. */
  expiresAt?: number;
  /** A temporary restore: its length in days. */
  days?: number;
}

/** A snapshot lock: its mode, when it was made, when its cooling-off period and its duration end. */
export interface LockRecord {
  mode: "governance" | "compliance";
  createdAt: number;
  /** When the lock duration began: the lock's time, or the snapshot's completion if it was pending then. */
  durationStart: number;
  expiresAt: number;
  /** LockDuration in days, when the lock was given one (rather than an ExpirationDate). */
  days?: number;
  /** Compliance mode's cooling-off period, in hours, and when it ends. */
  coolOffHours?: number;
  coolOffEndsAt?: number;
}

export type LockState = "compliance-cooloff" | "governance" | "compliance" | "expired";

/** The lock's state at `now` ("Amazon EBS snapshot lock concepts", snapshot-lock-concepts.html). */
export function lockStateAt(lock: LockRecord, now: number): LockState {
  if (now >= lock.expiresAt) return "expired";
  if (lock.mode === "governance") return "governance";
  return lock.coolOffEndsAt !== undefined && now < lock.coolOffEndsAt ? "compliance-cooloff" : "compliance";
}

/** Whether the snapshot is locked against deletion now (locked, and the lock not expired). */
export const isLocked = (r: { lock?: LockRecord }, now: number): boolean => r.lock !== undefined && lockStateAt(r.lock, now) !== "expired";

/**
 * A snapshot, in its owner's partition of its region. Its collection, `snapshots`, is declared with who can
 * use a snapshot (access.ts), which its tagging check needs; the Amazon catalog, below that, builds records of
 * this schema.
 */
export const snapshotSchema = schema({
  SnapshotId: "string",
  owner: "string",
  /** OwnerAlias (`amazon` for the catalog's snapshots). */
  alias: "string?",
  region: "string",
  /** The source volume; `vol-ffffffff` for copies, as EC2 shows them. */
  VolumeId: "string",
  VolumeSize: "count",
  Description: "string?",
  Encrypted: "boolean",
  KmsKeyId: "string?",
  createdAt: "time",
  public: "boolean",
  /** pending → completed; a snapshot made for an AMI that is not there yet starts GONE (an import's). */
  schedule: "schedule",
  /** The last tiering operation (ModifySnapshotTier, RestoreSnapshotTier: tiers.ts), absent while never tiered. */
  tiering: unchecked<TieringRecord | undefined>(),
  /** Its snapshot lock (LockSnapshot: locks.ts), absent while never locked or once unlocked. */
  lock: unchecked<LockRecord | undefined>(),
  /** Deleted into the Recycle Bin: gone for every read until restored, for good at the end of its stay. */
  recycleBin: recycleBinMember,
});
export type SnapshotRecord = RecordOf<typeof snapshotSchema>;

const snapshotIndexSchema = schema({ owner: "string" });
export type SnapshotIndex = RecordOf<typeof snapshotIndexSchema>;

/** `snap-` and 8 (older) or 17 hexadecimal digits. */
export const SNAPSHOT_ID = /^snap-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** VolumeId that EC2 shows on copied snapshots (CopySnapshot: "an arbitrary source volume ID"). */
export const COPY_VOLUME_ID = "vol-ffffffff";

/** Owner's partition, keyed (snapshot, account) → { UserId }: the createVolumePermission list. */
const volumePermissionSchema = schema({ UserId: "string" });
export const volumePermissions = collection<RecordOf<typeof volumePermissionSchema>, [snapshot: string, account: string]>({
  type: "ec2.create-volume-permission",
  schema: volumePermissionSchema,
});

/** Grantee's partition, keyed by snapshot id → { owner }: what the grantee's reads consult. */
export const sharedSnapshots = collection<SnapshotIndex, string, "owner">({
  type: "ec2.shared-snapshot",
  schema: snapshotIndexSchema,
  indexes: { owner: (r) => r.owner },
});

/** PUBLIC_ACCOUNT's partition of the region, keyed by snapshot id → { owner }: snapshots with group `all`. */
export const publicSnapshots = collection<SnapshotIndex, string, "owner">({
  type: "ec2.public-snapshot",
  schema: snapshotIndexSchema,
  indexes: { owner: (r) => r.owner },
});

/** Snapshot owner's partition, keyed (snapshot, AMI) → { account }: the registered AMIs that use it. */
const snapshotUseSchema = schema({ account: "string" });
export const snapshotUses = collection<RecordOf<typeof snapshotUseSchema>, [snapshot: string, ami: string]>({
  type: "ec2.snapshot-use",
  schema: snapshotUseSchema,
});

export const snapshotPartition = (owner: string, region: string) => ({ account: owner, region });
export const publicSnapshotPartition = (region: string) => ({ account: PUBLIC_ACCOUNT, region });

export const snapshotState = (ctx: RequestContext, r: SnapshotRecord): string => stateAt(r.schedule, ctx.now);
