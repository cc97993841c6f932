// The snapshots behind EBS-backed AMIs. RegisterImage takes snapshots the caller may use, with their size and
// encryption ("You can't set the encryption state of the volume using the block device mapping", RegisterImage
// reference; a smaller volume than the snapshot is InvalidBlockDeviceMapping); each AMI's use of a snapshot is
// indexed beside the snapshot so that DeleteSnapshot refuses while it lasts. DeregisterImage releases them and,
// with DeleteAssociatedSnapshots, deletes those no other AMI uses (DeleteSnapshotReturnCode: success, or
// skipped when associated with other AMIs). CopyImage copies them into the caller's account, and needs read
// access to another owner's ("Copy an Amazon EC2 AMI": createVolumePermission on the backing snapshots).
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import { inPartition } from "../../../state/collection";
import type { Schedule } from "../../../state/lifecycle";
import type { BlockDeviceMapping, DeleteSnapshotReturnCode, Tag } from "../api.generated";
import {
  amiUsing,
  canCreateVolume,
  deleteSnapshot,
  findSnapshot,
  removeSnapshot,
  snapshotLocked,
  snapshots,
  storedSnapshot,
  storeSnapshot,
  visibleSnapshot,
} from "../snapshots/access";
import { catalogSnapshot } from "../catalog/catalog";
import type { AmiRecord } from "./records";
import { COPY_VOLUME_ID, isLocked, snapshotPartition, snapshotUses } from "../snapshots/records";

const invalidMapping = (message: string) => new ServiceError("InvalidBlockDeviceMapping", message);

const snapshotIds = (bdm: BlockDeviceMapping[]): string[] => bdm.map((m) => m.Ebs?.SnapshotId).filter((s): s is string => s !== undefined);

/** RegisterImage: an EBS mapping from a snapshot takes the snapshot's size (at least) and encryption. */
export function mappingFromSnapshot(ctx: RequestContext, m: BlockDeviceMapping): BlockDeviceMapping {
  const id = m.Ebs?.SnapshotId;
  if (!m.Ebs || id === undefined) return m;
  const snap = findSnapshot(ctx, id);
  if (m.Ebs.Encrypted !== undefined) {
    throw invalidMapping(`the encrypted flag cannot be specified since device ${m.DeviceName} has a snapshot specified.`);
  }
  if (m.Ebs.VolumeSize !== undefined && m.Ebs.VolumeSize < snap.VolumeSize) {
    throw invalidMapping(`Volume of size ${m.Ebs.VolumeSize}GB is smaller than snapshot '${id}', expect size >= ${snap.VolumeSize}GB`);
  }
  return {
    ...m,
    Ebs: { VolumeSize: snap.VolumeSize, ...m.Ebs, Encrypted: snap.Encrypted, ...(snap.KmsKeyId ? { KmsKeyId: snap.KmsKeyId } : {}) },
  };
}

/** Indexes the AMI's use of each of its snapshots, in the snapshot owner's partition. */
export function useSnapshots(ctx: RequestContext, ami: AmiRecord): void {
  for (const id of snapshotIds(ami.BlockDeviceMappings)) {
    // The AMI owner's own snapshot even before it appears (an import's), else one it may use.
    const snap = snapshots.getAny(inPartition(ctx, snapshotPartition(ami.owner, ami.region)), id) ?? visibleSnapshot(ctx, id, ami.region);
    if (!snap || catalogSnapshot(ctx, snap.region, id)) continue; // the catalog's are never stored, nor deleted
    snapshotUses.set(inPartition(ctx, snapshotPartition(snap.owner, snap.region)), [id, ami.ImageId], { account: ami.owner });
  }
}

/**
 * DeregisterImage with DeleteAssociatedSnapshots: refused, before anything changes, while a snapshot it would
 * delete (the caller's, used by no other AMI) is locked ("Amazon EBS snapshot lock", ebs-snapshot-lock.html: a
 * locked snapshot can't be deleted, and an AMI can't be deregistered with its associated snapshots deleted
 * while one of them is locked).
 */
export function checkSnapshotsDeletable(ctx: RequestContext, ami: AmiRecord): void {
  for (const id of snapshotIds(ami.BlockDeviceMappings)) {
    const own = storedSnapshot(ctx, ami.owner, ami.region, id);
    if (!own || own.owner !== ctx.accountId || !isLocked(own, ctx.now)) continue;
    const owner = inPartition(ctx, snapshotPartition(own.owner, own.region));
    const others = [...snapshotUses.entries(owner, { within: [id] })].some(({ id: k }) => k.slice(id.length + 1) !== ami.ImageId);
    if (!others) throw snapshotLocked(id);
  }
}

/** DeregisterImage: the AMI no longer holds its snapshots; with `deleteThem`, those of the caller that nothing else uses go. */
export function releaseSnapshots(
  ctx: RequestContext,
  ami: AmiRecord,
  deleteThem: boolean | undefined,
): DeleteSnapshotReturnCode[] | undefined {
  const results: DeleteSnapshotReturnCode[] = [];
  for (const id of snapshotIds(ami.BlockDeviceMappings)) {
    const snap = visibleSnapshot(ctx, id, ami.region);
    if (snap) snapshotUses.delete(inPartition(ctx, snapshotPartition(snap.owner, snap.region)), [id, ami.ImageId]);
    if (!deleteThem) continue;
    const own = storedSnapshot(ctx, ami.owner, ami.region, id);
    if (!own || own.owner !== ctx.accountId) results.push({ SnapshotId: id, ReturnCode: "client-error" });
    else if (amiUsing(ctx, own)) results.push({ SnapshotId: id, ReturnCode: "skipped" });
    else {
      deleteSnapshot(ctx, own);
      results.push({ SnapshotId: id, ReturnCode: "success" });
    }
  }
  return deleteThem ? results : undefined;
}

/** CopyImage: another owner's AMI can be copied only with access to every snapshot behind it. */
export function checkSnapshotAccess(ctx: RequestContext, src: AmiRecord): void {
  if (src.owner === ctx.accountId) return;
  for (const id of snapshotIds(src.BlockDeviceMappings)) {
    const snap = visibleSnapshot(ctx, id, src.region);
    if (!snap || !canCreateVolume(ctx, snap)) {
      throw new ServiceError("InvalidRequest", "You do not have permission to access the storage of this ami");
    }
  }
}

/**
 * CopyImage: a copy of each source snapshot, owned by the caller in its region, with the schedule of the new AMI's
 * snapshots (pending until the AMI is available). Returns the mappings that name the copies.
 */
export function copySnapshots(
  ctx: RequestContext,
  src: AmiRecord,
  destination: string,
  schedule: Schedule,
  encryption: { Encrypted?: boolean; KmsKeyId?: string },
  tags: Tag[] = [],
): BlockDeviceMapping[] {
  return src.BlockDeviceMappings.map((m) => {
    if (!m.Ebs?.SnapshotId) return m;
    const source = visibleSnapshot(ctx, m.Ebs.SnapshotId, src.region);
    const encrypted = !!(m.Ebs.Encrypted || source?.Encrypted || encryption.Encrypted);
    const kms = encryption.Encrypted ? encryption.KmsKeyId : (source?.KmsKeyId ?? m.Ebs.KmsKeyId);
    const copy = storeSnapshot(
      ctx,
      {
        VolumeId: COPY_VOLUME_ID,
        VolumeSize: source?.VolumeSize ?? m.Ebs.VolumeSize ?? 8,
        Description: `Copied for DestinationAmi ${destination} from SourceAmi ${src.ImageId} for SourceSnapshot ${m.Ebs.SnapshotId}`,
        Encrypted: encrypted,
        KmsKeyId: kms,
      },
      schedule,
      tags,
    );
    return { ...m, Ebs: { ...m.Ebs, SnapshotId: copy.SnapshotId, Encrypted: encrypted, ...(encrypted && kms ? { KmsKeyId: kms } : {}) } };
  });
}

/** The caller's snapshots that an AMI that never came to be (a cancelled import) was to have. */
export function dropSnapshots(ctx: RequestContext, ids: string[]): void {
  for (const id of ids) {
    // Not live yet: the import's snapshots appear when it completes.
    const snap = snapshots.getAny(ctx, id);
    if (snap) removeSnapshot(ctx, snap);
  }
}
