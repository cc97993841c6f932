// CopyVolumes (its API reference; "Copy an Amazon EBS volume", ebs-copying-volume.html): a crash-consistent,
// point-in-time copy of a volume of the caller's, available or in use, in the same zone, with its encryption
// (the same key), its data (the snapshot it came from) and, unless given, its size (never smaller), type, IOPS,
// throughput and Multi-Attach, within the type's limits (types.ts). The copy is `creating` for a phase, then
// `available`, and shows its SourceVolumeId.
import { plan } from "../../../state/lifecycle";
import { hexId } from "../../../util/ids";
import type { Ec2Handlers } from "../api.generated";
import { idempotent } from "../client-tokens";
import * as err from "../errors";
import { putTags, tagsFor } from "../tags/records";
import { incorrectState } from "./errors";
import { viewVolume } from "./handlers";
import { findVolume, saveVolume, volumeState, type VolumeRecord } from "./records";
import { checkVolumeSpec } from "./types";

export const copyVolumeHandlers: Pick<Ec2Handlers, "CopyVolumes"> = {
  CopyVolumes(ctx, input) {
    const { VolumeId } = idempotent(ctx, input, () => {
      const src = findVolume(ctx, input.SourceVolumeId);
      const state = volumeState(ctx, src);
      if (state !== "available" && state !== "in-use") {
        throw incorrectState(`The volume '${src.VolumeId}' is '${state}' and cannot be copied.`);
      }
      const Size = input.Size ?? src.Size;
      if (Size < src.Size) {
        throw err.invalidValue(
          `Volume of size ${Size}GiB is smaller than the source volume '${src.VolumeId}', expect size >= ${src.Size}GiB`,
        );
      }
      const typeChanged = input.VolumeType !== undefined && input.VolumeType !== src.VolumeType;
      const spec = checkVolumeSpec(
        {
          VolumeType: input.VolumeType ?? src.VolumeType,
          Size,
          Iops: input.Iops ?? (typeChanged || src.VolumeType === "gp2" ? undefined : src.Iops),
          Throughput: input.Throughput ?? (typeChanged ? undefined : src.Throughput),
          MultiAttachEnabled: input.MultiAttachEnabled ?? (typeChanged ? false : (src.MultiAttachEnabled ?? false)),
        },
        { Iops: input.Iops !== undefined, Throughput: input.Throughput !== undefined },
      );
      const tags = tagsFor(input.TagSpecifications, "volume");
      const v: VolumeRecord = {
        VolumeId: hexId("vol"),
        owner: ctx.accountId,
        region: ctx.region,
        Size: spec.Size,
        SnapshotId: src.SnapshotId,
        VolumeType: spec.VolumeType,
        Iops: spec.Iops,
        Throughput: spec.Throughput,
        Encrypted: src.Encrypted,
        KmsKeyId: src.KmsKeyId,
        AvailabilityZone: src.AvailabilityZone,
        createdAt: ctx.now,
        schedule: plan(ctx.now, ["creating", ctx.timings.seconds("volumeCreate")], ["available"]),
        MultiAttachEnabled: spec.MultiAttachEnabled,
        sourceVolumeId: src.VolumeId,
      };
      saveVolume(ctx, v);
      if (tags.length) putTags(ctx, v.VolumeId, "volume", tags, true);
      return { VolumeId: v.VolumeId };
    });
    const { Attachments: _a, ...out } = viewVolume(ctx, findVolume(ctx, VolumeId));
    return { Volumes: [out] };
  },
};
