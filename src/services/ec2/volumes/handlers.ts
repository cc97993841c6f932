// DescribeVolumes and DeleteVolume (their API references). Volumes come from RunInstances (one per EBS block
// device); a volume still attached cannot be deleted (VolumeInUse); a deleted one is `deleting` for a phase,
// then gone. DescribeVolumes pages in volume-id order (MaxResults 5-500).
import type { RequestContext } from "../../../gateway/context";
import { plan } from "../../../state/lifecycle";
import type { Ec2Handlers } from "../api.generated";
import * as err from "../errors";
import { compileFilters, type FilterSpec } from "../filters";
import { GONE } from "../images/records";
import { nextToken, pageLimit, startAfter } from "../paging";
import { tagMap } from "../tags/records";
import { attachmentView, checkVolumeId, findVolume, saveVolume, volumes, volumeState, volumeView, type VolumeRecord } from "./records";

function volumeFilters(ctx: RequestContext): FilterSpec<VolumeRecord> {
  const att = (v: VolumeRecord) => attachmentView(ctx, v);
  return {
    fields: {
      "volume-id": (v) => v.VolumeId,
      "attachment.instance-id": (v) => att(v)?.InstanceId,
      "attachment.delete-on-termination": (v) => att(v)?.DeleteOnTermination,
      "attachment.device": (v) => att(v)?.Device,
      "attachment.status": (v) => att(v)?.State,
      "attachment.attach-time": (v) => att(v)?.AttachTime?.toISOString(),
      status: (v) => volumeState(ctx, v),
      "snapshot-id": (v) => v.SnapshotId,
      size: (v) => v.Size,
      "volume-type": (v) => v.VolumeType,
      "availability-zone": (v) => v.AvailabilityZone,
      encrypted: (v) => v.Encrypted,
      "create-time": (v) => new Date(v.createdAt).toISOString(),
      "multi-attach-enabled": () => false,
    },
    tags: (v) => tagMap(ctx, v.VolumeId),
  };
}

export const volumeHandlers: Pick<Ec2Handlers, "DescribeVolumes" | "DeleteVolume"> = {
  DescribeVolumes(ctx, input) {
    const ids = input.VolumeIds ?? [];
    ids.forEach(checkVolumeId);
    const matches = compileFilters(input.Filters, volumeFilters(ctx));
    if (ids.length) {
      const unique = [...new Set(ids)];
      const found = unique.map((id) => volumes.get(ctx, id));
      const missing = unique.filter((_, i) => !found[i]);
      if (missing.length) throw err.volumeNotFound(missing);
      return { Volumes: (found as VolumeRecord[]).filter(matches).map((v) => volumeView(ctx, v)) };
    }
    const page = volumes.page(ctx, {
      after: startAfter(ctx, input.NextToken),
      limit: pageLimit(input.MaxResults, 5, 500),
      filter: matches,
    });
    return {
      Volumes: page.items.map((e) => volumeView(ctx, e.value)),
      NextToken: page.next ? nextToken(ctx, page.next) : undefined,
    };
  },

  DeleteVolume(ctx, { VolumeId }) {
    const v = findVolume(ctx, VolumeId);
    const a = attachmentView(ctx, v);
    if (a) throw err.volumeInUse(`Volume ${VolumeId} is currently attached to ${a.InstanceId}`);
    const state = volumeState(ctx, v);
    if (state === "deleting" || state === "deleted") return {};
    if (state !== "available") throw err.invalidValue(`The volume '${VolumeId}' is '${state}' and cannot be deleted.`);
    v.schedule = [
      ...v.schedule.filter((s) => s.at <= ctx.now),
      ...plan(ctx.now, ["deleting", ctx.timings.seconds("volumeCreate")], [GONE]),
    ];
    saveVolume(ctx, v);
    return {};
  },
};
