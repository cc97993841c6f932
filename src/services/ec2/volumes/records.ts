// How EBS volumes are kept. A volume is a record in its owner's partition whose schedule holds its states
// ("Amazon EBS volume lifecycle", ebs-volume-lifecycle.html): creating → in-use while attached, available
// once detached, deleting → gone. Its attachment (one at a time: Multi-Attach is kept as a setting, a second
// instance is refused) is `attaching` until `attachingUntil`, lasts until `detachedAt` and is `detaching` from
// `detachingAt`: an AttachVolume, a DetachVolume or a termination writes these ahead of time, so that no timer
// runs. Its latest modification (ModifyVolume) is kept beside it with the times of its states.
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { endsIn, stateAt } from "../../../state/lifecycle";
import { object, schema, unchecked, type RecordOf } from "../../../state/record-schema";
import type { Volume, VolumeAttachment, VolumeState } from "../api.generated";
import { GONE } from "../images/records";
import * as err from "../errors";
import { taggable } from "../resource-types";
import { dropTags, tagList } from "../tags/records";

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
  MultiAttachEnabled: unchecked<boolean | undefined>(),
  /** The autoEnableIO attribute (ModifyVolumeAttribute). */
  autoEnableIO: unchecked<boolean | undefined>(),
  /** The latest modification, and when each of the last ones began (the rolling-day limit). */
  modification: unchecked<ModificationRecord | undefined>(),
  modifiedAt: unchecked<number[] | undefined>(),
  /** CreateVolume's VolumeInitializationRate, MiB/s. */
  initializationRate: unchecked<number | undefined>(),
});
export type VolumeRecord = RecordOf<typeof volumeSchema>;

/** In the owner's partition, keyed by volume id; indexed by the instance it is (or was) attached to. */
export const volumes = collection<VolumeRecord, string, "instance">({
  type: "ec2.volume",
  schema: volumeSchema,
  key: (v) => v.VolumeId,
  // Its owner's partition of its region, by its members (what an import checks).
  rules: { partition: (v) => ({ account: v.owner, region: v.region }) },
  live: (v, now) => stateAt(v.schedule, now) !== GONE,
  indexes: { instance: (v) => v.attachment?.InstanceId },
  expires: {
    goneAt: (v) => endsIn(v.schedule, GONE),
    purge(scope, id) {
      volumes.delete(scope, id);
      dropTags(scope, id);
    },
  },
  taggable: taggable("volume", (ctx, id) => findVolume(ctx, id)),
});

/** `vol-` and 8 (older) or 17 hexadecimal digits. */
export const VOLUME_ID = /^vol-([0-9a-f]{8}|[0-9a-f]{17})$/;

export function checkVolumeId(id: string): void {
  if (!VOLUME_ID.test(id)) throw err.volumeMalformed(id);
}

export const volumeState = (ctx: RequestContext, v: VolumeRecord): VolumeState => stateAt(v.schedule, ctx.now) as VolumeState;

/** The volume's attachment at the request's time, if it is attached (or detaching). */
export function attachmentAt(ctx: RequestContext, v: VolumeRecord): AttachmentRecord | undefined {
  const a = v.attachment;
  return a && (a.detachedAt === undefined || ctx.now < a.detachedAt) ? a : undefined;
}

/** The caller's volume with this id; the EC2 error otherwise. */
export function findVolume(ctx: RequestContext, id: string): VolumeRecord {
  checkVolumeId(id);
  const v = volumes.get(ctx, id);
  if (!v) throw err.volumeNotFound([id]);
  return v;
}

/** The volumes attached to an instance now, by device name. */
export function attachedVolumes(ctx: RequestContext, instanceId: string): VolumeRecord[] {
  return volumes
    .lookup(ctx, "instance", { key: instanceId })
    .map((r) => r.value)
    .filter((v) => attachmentAt(ctx, v)?.InstanceId === instanceId)
    .sort((a, b) => (a.attachment!.Device < b.attachment!.Device ? -1 : a.attachment!.Device > b.attachment!.Device ? 1 : 0));
}

export const saveVolume = (ctx: RequestContext, v: VolumeRecord): void => volumes.put(ctx, v);

export function attachmentView(ctx: RequestContext, v: VolumeRecord): VolumeAttachment | undefined {
  const a = attachmentAt(ctx, v);
  if (!a) return undefined;
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
  const attachment = attachmentView(ctx, v);
  return {
    VolumeId: v.VolumeId,
    Size: v.Size,
    SnapshotId: v.SnapshotId ?? "",
    AvailabilityZone: v.AvailabilityZone,
    State: volumeState(ctx, v),
    CreateTime: new Date(v.createdAt),
    Attachments: attachment ? [attachment] : [],
    VolumeType: v.VolumeType as Volume["VolumeType"],
    Iops: v.Iops,
    Throughput: v.Throughput,
    Encrypted: v.Encrypted,
    KmsKeyId: v.KmsKeyId,
    MultiAttachEnabled: v.MultiAttachEnabled ?? false,
    Tags: tagList(ctx, v.VolumeId),
  };
}
