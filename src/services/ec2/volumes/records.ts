// How EBS volumes are kept. A volume is a record in its owner's partition whose schedule holds its states
// ("Amazon EBS volume lifecycle", ebs-volume-lifecycle.html): creating → in-use while attached, available
// once detached, deleting → gone. An attachment is `attaching` until `attachingUntil`, lasts until `detachedAt`
// and is `detaching` from `detachingAt`: an AttachVolume, a DetachVolume or a termination writes these ahead of
// time, so that no timer runs. A Multi-Attach volume (io1, io2) has attachments beyond its first, each to another
// instance; it stays in use until the last one goes, and what its last instance's termination plans (deleted, or
// available) happens then. Its latest modification (ModifyVolume) is kept beside it with the times of its states.
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { endsIn, stateAt } from "../../../state/lifecycle";
import { object, schema, unchecked, type RecordOf } from "../../../state/record-schema";
import type { Volume, VolumeAttachment, VolumeState } from "../api.generated";
import { GONE } from "../images/records";
import * as err from "../errors";
import { taggable } from "../resource-types";
import { dropTags, tagList } from "../tags/records";
import { binEntry, recycleBinMember } from "../recycle-bin/records";

const attachmentSchema = schema({
  InstanceId: unchecked<string>(),
  Device: unchecked<string>(),
  DeleteOnTermination: unchecked<boolean>(),
  attachedAt: unchecked<number>(),
  /** Until when the attachment is `attaching` (AttachVolume); a launch's volumes are attached at once. */
  attachingUntil: unchecked<number | undefined>(),
  detachingAt: unchecked<number | undefined>(),
  detachedAt: unchecked<number | undefined>(),
});
export type AttachmentRecord = RecordOf<typeof attachmentSchema>;

/** A ModifyVolume: what the volume was and is to be, and when it is optimizing and completed. */
export interface ModificationRecord {
  original: { Size: number; VolumeType: string; Iops?: number; Throughput?: number; MultiAttachEnabled: boolean };
  target: { Size: number; VolumeType: string; Iops?: number; Throughput?: number; MultiAttachEnabled: boolean };
  startedAt: number;
  optimizingAt: number;
  completedAt: number;
}

const volumeSchema = schema({
  VolumeId: "string",
  owner: "string",
  region: "string",
  Size: "count",
  SnapshotId: unchecked<string | undefined>(),
  VolumeType: "string",
  Iops: unchecked<number | undefined>(),
  Throughput: unchecked<number | undefined>(),
  Encrypted: "boolean",
  KmsKeyId: unchecked<string | undefined>(),
  AvailabilityZone: "string",
  createdAt: "time",
  schedule: "schedule",
  attachment: object(attachmentSchema, true),
  /** A Multi-Attach volume's attachments beyond the first. */
  moreAttachments: unchecked<AttachmentRecord[] | undefined>(),
  MultiAttachEnabled: unchecked<boolean | undefined>(),
  /** The autoEnableIO attribute (ModifyVolumeAttribute). */
  autoEnableIO: unchecked<boolean | undefined>(),
  /** The latest modification, and when each of the last ones began (the rolling-day limit). */
  modification: unchecked<ModificationRecord | undefined>(),
  modifiedAt: unchecked<number[] | undefined>(),
  /** CreateVolume's VolumeInitializationRate, MiB/s. */
  initializationRate: unchecked<number | undefined>(),
  /** Created from a snapshot with fast snapshot restore enabled in its zone (snapshots/fast-restores.ts). */
  fastRestored: unchecked<boolean | undefined>(),
  /** The volume this one is a copy of (CopyVolumes: copy.ts). */
  sourceVolumeId: unchecked<string | undefined>(),
  /** Deleted into the Recycle Bin: gone for every read until restored, for good at the end of its stay. */
  recycleBin: recycleBinMember,
});
export type VolumeRecord = RecordOf<typeof volumeSchema>;

/** In the owner's partition, keyed by volume id; indexed by the instance it is (or was) attached to. */
export const volumes = collection<VolumeRecord, string, "instance">({
  type: "ec2.volume",
  schema: volumeSchema,
  key: (v) => v.VolumeId,
  // Its owner's partition of its region, by its members (what an import checks).
  rules: { partition: (v) => ({ account: v.owner, region: v.region }) },
  live: (v, now) => v.recycleBin === undefined && stateAt(v.schedule, now) !== GONE,
  indexes: {
    instance: (v) => [v.attachment?.InstanceId, ...(v.moreAttachments ?? []).map((a) => a.InstanceId)].filter((i): i is string => !!i),
  },
  expires: {
    goneAt: (v) => v.recycleBin?.exitAt ?? endsIn(v.schedule, GONE),
    purge(scope, id) {
      volumes.delete(scope, id);
      dropTags(scope, id);
    },
  },
  // The owner's volume in the Recycle Bin keeps its tags, which can still be changed.
  taggable: taggable("volume", (ctx, id) => binEntry(ctx, id) ?? findVolume(ctx, id)),
});

/** `vol-` and 8 (older) or 17 hexadecimal digits. */
export const VOLUME_ID = /^vol-([0-9a-f]{8}|[0-9a-f]{17})$/;

export function checkVolumeId(id: string): void {
  if (!VOLUME_ID.test(id)) throw err.volumeMalformed(id);
}

export const volumeState = (ctx: RequestContext, v: VolumeRecord): VolumeState => stateAt(v.schedule, ctx.now) as VolumeState;

/** An attachment lasts from `attachedAt` (a replaced root volume's successor is attached ahead of time) until `detachedAt`. */
const isLive = (ctx: RequestContext, a: AttachmentRecord | undefined): a is AttachmentRecord =>
  a !== undefined && a.attachedAt <= ctx.now && (a.detachedAt === undefined || ctx.now < a.detachedAt);

/** The volume's attachments at the request's time (attaching, attached or detaching), its first one first. */
export const attachmentsAt = (ctx: RequestContext, v: VolumeRecord): AttachmentRecord[] =>
  [v.attachment, ...(v.moreAttachments ?? [])].filter((a) => isLive(ctx, a));

/** The volume's (first) attachment at the request's time, if it is attached (or detaching). */
export const attachmentAt = (ctx: RequestContext, v: VolumeRecord): AttachmentRecord | undefined => attachmentsAt(ctx, v)[0];

/** The caller's volume with this id; the EC2 error otherwise. */
export function findVolume(ctx: RequestContext, id: string): VolumeRecord {
  checkVolumeId(id);
  const v = volumes.get(ctx, id);
  if (!v) throw err.volumeNotFound([id]);
  return v;
}

/** Volumes as one of the instances of a Multi-Attach volume sees them: `attachment` is that instance's. */
const INSTANCE_VIEWS = new WeakSet<VolumeRecord>();

/**
 * The volumes attached to an instance now, by device name, each with the instance's attachment as `attachment`
 * (a Multi-Attach volume's other instances have theirs): what a caller changes there, saveVolume puts back.
 */
export function attachedVolumes(ctx: RequestContext, instanceId: string): VolumeRecord[] {
  const out: VolumeRecord[] = [];
  for (const { value: v } of volumes.lookup(ctx, "instance", { key: instanceId })) {
    if (isLive(ctx, v.attachment) && v.attachment.InstanceId === instanceId) {
      out.push(v);
      continue;
    }
    const mine = (v.moreAttachments ?? []).find((a) => a.InstanceId === instanceId && isLive(ctx, a));
    if (!mine) continue;
    const view = { ...v, attachment: mine };
    INSTANCE_VIEWS.add(view);
    out.push(view);
  }
  return out.sort((a, b) => (a.attachment!.Device < b.attachment!.Device ? -1 : a.attachment!.Device > b.attachment!.Device ? 1 : 0));
}

/**
 * Writes a volume. For a Multi-Attach volume, an instance's view (attachedVolumes) is put back into the record,
 * and a state change planned for a detachment (available, or deleted) waits until the last attachment goes.
 */
export function saveVolume(ctx: RequestContext, v: VolumeRecord): void {
  let rec = v;
  if (INSTANCE_VIEWS.has(v)) {
    const stored = volumes.get(ctx, v.VolumeId)!;
    const mine = v.attachment!;
    rec = {
      ...stored,
      schedule: v.schedule,
      moreAttachments: (stored.moreAttachments ?? []).map((a) =>
        a.InstanceId === mine.InstanceId && a.attachedAt === mine.attachedAt ? mine : a,
      ),
    };
  }
  const more = rec.moreAttachments;
  if (more?.length) {
    const all = [rec.attachment, ...more].filter((a) => isLive(ctx, a));
    const past = rec.schedule.filter((s) => s.at <= ctx.now);
    const future = rec.schedule.filter((s) => s.at > ctx.now);
    if (all.some((a) => a.detachedAt === undefined)) {
      // Still attached elsewhere: in use as it was, whatever one instance's detachment planned.
      rec = { ...rec, schedule: volumes.get(ctx, rec.VolumeId)?.schedule ?? past };
    } else if (future.length) {
      // Detaching everywhere: what was planned begins when the last attachment goes.
      const shift = Math.max(0, Math.max(...all.map((a) => a.detachedAt!)) - future[0].at);
      rec = { ...rec, schedule: [...past, ...future.map((s) => ({ ...s, at: s.at + shift }))] };
    }
    rec = { ...rec, moreAttachments: more.filter((a) => isLive(ctx, a)) };
  }
  volumes.put(ctx, rec);
}

/** The volume's (first) attachment as the API shows it. */
export function attachmentView(ctx: RequestContext, v: VolumeRecord): VolumeAttachment | undefined {
  const a = attachmentAt(ctx, v);
  return a && viewOf(ctx, v, a);
}

/** Every attachment of the volume as the API shows it. */
export const attachmentViews = (ctx: RequestContext, v: VolumeRecord): VolumeAttachment[] =>
  attachmentsAt(ctx, v).map((a) => viewOf(ctx, v, a));

function viewOf(ctx: RequestContext, v: VolumeRecord, a: AttachmentRecord): VolumeAttachment {
  return {
    VolumeId: v.VolumeId,
    InstanceId: a.InstanceId,
    Device: a.Device,
    State:
      a.detachingAt !== undefined && ctx.now >= a.detachingAt
        ? "detaching"
        : a.attachingUntil !== undefined && ctx.now < a.attachingUntil
          ? "attaching"
          : "attached",
    AttachTime: new Date(a.attachedAt),
    DeleteOnTermination: a.DeleteOnTermination,
  };
}

export function volumeView(ctx: RequestContext, v: VolumeRecord): Volume {
  return {
    VolumeId: v.VolumeId,
    Size: v.Size,
    SnapshotId: v.SnapshotId ?? "",
    AvailabilityZone: v.AvailabilityZone,
    State: volumeState(ctx, v),
    CreateTime: new Date(v.createdAt),
    Attachments: attachmentViews(ctx, v),
    VolumeType: v.VolumeType as Volume["VolumeType"],
    Iops: v.Iops,
    Throughput: v.Throughput,
    Encrypted: v.Encrypted,
    KmsKeyId: v.KmsKeyId,
    MultiAttachEnabled: v.MultiAttachEnabled ?? false,
    Tags: tagList(ctx, v.VolumeId),
  };
}
