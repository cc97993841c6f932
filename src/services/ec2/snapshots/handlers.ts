// EBS snapshots: CreateSnapshot (of the caller's volume: its size and encryption, "Snapshots that are taken from
// encrypted volumes are automatically encrypted"), CopySnapshot, DeleteSnapshot and the createVolumePermission
// attribute (Modify-, Describe- and ResetSnapshotAttribute). A snapshot is `pending` for a phase, then
// `completed` (Snapshot shape, SnapshotState); a copy shows the arbitrary source volume vol-ffffffff and, unless
// told, the description "[Copied snap-x from region]" ("Copy an Amazon EBS snapshot", EBS User Guide).
import type { RequestContext } from "../../../gateway/context";
import { isRegion, samePartition } from "../../../util/regions";
import type { Ec2Handlers, Snapshot } from "../api.generated";
import * as err from "../errors";
import {
  canCreateVolume,
  checkSnapshotId,
  createSnapshot,
  deleteSnapshot,
  findOwnSnapshot,
  snapshotNotFound,
  visibleSnapshot,
} from "./access";
import { listVolumePermissions, modifyVolumePermissions, resetVolumePermissions } from "./permissions";
import { COPY_VOLUME_ID, snapshotState, type SnapshotRecord } from "./records";
import { tagList, tagsFor } from "../tags/records";
import { findVolume, volumeState } from "../volumes/records";
import { ServiceError } from "../../../errors/service-error";
import { snapshotTier } from "./tiers";
import { incorrectState } from "../volumes/errors";

export { canCreateVolume, createSnapshot, findSnapshot } from "./access";

/** Progress as EC2 shows it: the share of the pending phase elapsed, `100%` once completed. */
function progress(ctx: RequestContext, r: SnapshotRecord): string {
  const state = snapshotState(ctx, r);
  if (state !== "pending") return "100%";
  const start = r.schedule.find((s) => s.state === "pending")!.at;
  const end = r.schedule.find((s) => s.state === "completed")?.at ?? start;
  return end > start ? `${Math.min(99, Math.floor(((ctx.now - start) / (end - start)) * 100))}%` : "0%";
}

export function snapshotView(ctx: RequestContext, r: SnapshotRecord): Snapshot {
  const state = snapshotState(ctx, r);
  const completedAt = r.schedule.find((s) => s.state === "completed")?.at;
  const tier = snapshotTier(ctx, r);
  return {
    SnapshotId: r.SnapshotId,
    VolumeId: r.VolumeId,
    State: state as Snapshot["State"],
    StartTime: new Date(r.createdAt),
    CompletionTime: state === "completed" && completedAt !== undefined ? new Date(completedAt) : undefined,
    Progress: progress(ctx, r),
    OwnerId: r.owner,
    OwnerAlias: r.alias,
    Description: r.Description ?? "",
    VolumeSize: r.VolumeSize,
    Encrypted: r.Encrypted,
    KmsKeyId: r.KmsKeyId,
    StorageTier: tier.StorageTier,
    RestoreExpiryTime: tier.RestoreExpiryTime,
    Tags: tagList(ctx, r.SnapshotId),
  };
}

/** The attribute named must be one the model lists; only createVolumePermission can be changed. */
function checkAttribute(attribute: string | undefined, changeable: boolean): void {
  if (attribute === undefined) throw err.missingParameter("Attribute");
  if (attribute === "createVolumePermission") return;
  if (attribute === "productCodes" && !changeable) return;
  throw err.invalidValue(
    `Value (${attribute}) for parameter attribute is invalid. ${changeable ? "Only createVolumePermission can be changed." : "Unknown attribute."}`,
  );
}

export const snapshotHandlers: Pick<
  Ec2Handlers,
  "CreateSnapshot" | "CopySnapshot" | "DeleteSnapshot" | "ModifySnapshotAttribute" | "DescribeSnapshotAttribute" | "ResetSnapshotAttribute"
> = {
  CreateSnapshot(ctx, input) {
    const volume = findVolume(ctx, input.VolumeId);
    const state = volumeState(ctx, volume);
    if (state !== "available" && state !== "in-use") {
      throw new ServiceError("IncorrectState", `The volume '${volume.VolumeId}' is '${state}' and cannot be snapshotted.`);
    }
    const snap = createSnapshot(ctx, {
      VolumeId: volume.VolumeId,
      VolumeSize: volume.Size,
      Description: input.Description,
      Encrypted: volume.Encrypted,
      KmsKeyId: volume.KmsKeyId,
      tags: tagsFor(input.TagSpecifications, "snapshot"),
    });
    return snapshotView(ctx, snap);
  },

  CopySnapshot(ctx, input) {
    checkSnapshotId(input.SourceSnapshotId);
    // As CopyImage: a source Region of another partition is no Region here.
    if (!isRegion(input.SourceRegion) || !samePartition(input.SourceRegion, ctx.region))
      throw err.invalidRegion(`The source region '${input.SourceRegion}' is not valid.`);
    if (input.KmsKeyId !== undefined && !input.Encrypted) {
      throw err.invalidDependency("The parameter KmsKeyId requires the parameter Encrypted to be true.");
    }
    const src = visibleSnapshot(ctx, input.SourceSnapshotId, input.SourceRegion);
    if (!src || !canCreateVolume(ctx, src)) throw snapshotNotFound(input.SourceSnapshotId);
    if (snapshotTier(ctx, src).StorageTier !== "standard") {
      throw incorrectState(`Snapshot '${src.SnapshotId}' is in the archive tier: restore it before copying it.`);
    }
    const tags = tagsFor(input.TagSpecifications, "snapshot");
    const encrypted = src.Encrypted || !!input.Encrypted;
    const copy = createSnapshot(ctx, {
      VolumeId: COPY_VOLUME_ID,
      VolumeSize: src.VolumeSize,
      Description: input.Description ?? `[Copied ${src.SnapshotId} from ${input.SourceRegion}]`,
      Encrypted: encrypted,
      KmsKeyId: encrypted ? (input.KmsKeyId ?? src.KmsKeyId) : undefined,
      tags,
      phase: "snapshotCopy",
    });
    return { SnapshotId: copy.SnapshotId, Tags: tags.length ? tagList(ctx, copy.SnapshotId) : undefined };
  },

  DeleteSnapshot(ctx, { SnapshotId }) {
    deleteSnapshot(ctx, findOwnSnapshot(ctx, SnapshotId));
    return {};
  },

  ModifySnapshotAttribute(ctx, input) {
    const snap = findOwnSnapshot(ctx, input.SnapshotId);
    checkAttribute(input.Attribute ?? "createVolumePermission", true);
    const listed = [
      ...(input.UserIds ?? []).map((UserId) => ({ UserId })),
      ...(input.GroupNames ?? []).map((g) => ({ Group: g as "all" })),
    ];
    // Packer sends UserIds beside CreateVolumePermission.Add, without OperationType (step_modify_ami_attributes.go),
    // and EC2 accepts it: the permission structure is the change then.
    if (listed.length && !input.OperationType && !input.CreateVolumePermission) throw err.missingParameter("OperationType");
    if (input.OperationType !== undefined && !["add", "remove"].includes(input.OperationType)) {
      throw err.invalidValue(`Value (${input.OperationType}) for parameter operationType is invalid. Expected: 'add' or 'remove'.`);
    }
    const add = [...(input.CreateVolumePermission?.Add ?? []), ...(input.OperationType === "add" ? listed : [])];
    const remove = [...(input.CreateVolumePermission?.Remove ?? []), ...(input.OperationType === "remove" ? listed : [])];
    if (!add.length && !remove.length) throw err.missingParameter("CreateVolumePermission");
    if (add.length && remove.length) {
      throw err.invalidCombination("You can add or remove create volume permissions in one request, but not both.");
    }
    modifyVolumePermissions(ctx, snap, add, remove);
    return {};
  },

  DescribeSnapshotAttribute(ctx, { SnapshotId, Attribute }) {
    const snap = findOwnSnapshot(ctx, SnapshotId);
    checkAttribute(Attribute, false);
    return Attribute === "productCodes"
      ? { SnapshotId, ProductCodes: [] }
      : { SnapshotId, CreateVolumePermissions: listVolumePermissions(ctx, snap) };
  },

  ResetSnapshotAttribute(ctx, { SnapshotId, Attribute }) {
    const snap = findOwnSnapshot(ctx, SnapshotId);
    checkAttribute(Attribute, true);
    resetVolumePermissions(ctx, snap);
    return {};
  },
};
