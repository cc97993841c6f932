// How EBS snapshots are kept in the store, as AMIs are (images/records.ts): a snapshot is a document in its
// owner's partition of its region; who else may create volumes from it is an index record in the partition
// that reads it (the grantee's, or the region's public one). Which AMIs use a snapshot is kept beside it, so
// that DeleteSnapshot can refuse ("Delete an Amazon EBS snapshot", EBS User Guide: a snapshot of a registered
// AMI's device cannot be deleted until the AMI is deregistered).
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { stateAt, type Schedule } from "../../../state/lifecycle";
import { GONE, PUBLIC_ACCOUNT } from "../images/records";

export interface SnapshotRecord {
  SnapshotId: string;
  owner: string;
  /** OwnerAlias (`amazon` for the catalog's snapshots). */
  alias?: string;
  region: string;
  /** The source volume; `vol-ffffffff` for copies, as EC2 shows them. */
  VolumeId: string;
  VolumeSize: number;
  Description?: string;
  Encrypted: boolean;
  KmsKeyId?: string;
  createdAt: number;
  public: boolean;
  /** pending → completed; a snapshot made for an AMI that is not there yet starts GONE (an import's). */
  schedule: Schedule;
}

export interface SnapshotIndex {
  owner: string;
}

/** `snap-` and 8 (older) or 17 hexadecimal digits. */
export const SNAPSHOT_ID = /^snap-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** VolumeId that EC2 shows on copied snapshots (CopySnapshot: "an arbitrary source volume ID"). */
export const COPY_VOLUME_ID = "vol-ffffffff";

/** Snapshots in their owner's partition of their region; gone at once when deleted. */
export const snapshots = collection<SnapshotRecord>({
  type: "ec2.snapshot",
  key: (r) => r.SnapshotId,
  partition: (r) => ({ account: r.owner, region: r.region }),
  live: (r, now) => stateAt(r.schedule, now) !== GONE,
});

/** Owner's partition, keyed (snapshot, account) → { UserId }: the createVolumePermission list. */
export const volumePermissions = collection<{ UserId: string }, [snapshot: string, account: string]>({
  type: "ec2.create-volume-permission",
});

/** Grantee's partition, keyed by snapshot id → { owner }: what the grantee's reads consult. */
export const sharedSnapshots = collection<SnapshotIndex, string, "owner">({
  type: "ec2.shared-snapshot",
  indexes: { owner: (r) => r.owner },
});

/** PUBLIC_ACCOUNT's partition of the region, keyed by snapshot id → { owner }: snapshots with group `all`. */
export const publicSnapshots = collection<SnapshotIndex, string, "owner">({
  type: "ec2.public-snapshot",
  indexes: { owner: (r) => r.owner },
});

/** Snapshot owner's partition, keyed (snapshot, AMI) → { account }: the registered AMIs that use it. */
export const snapshotUses = collection<{ account: string }, [snapshot: string, ami: string]>({ type: "ec2.snapshot-use" });

export const snapshotPartition = (owner: string, region: string) => ({ account: owner, region });
export const publicSnapshotPartition = (region: string) => ({ account: PUBLIC_ACCOUNT, region });

export const snapshotState = (ctx: RequestContext, r: SnapshotRecord): string => stateAt(r.schedule, ctx.now);
