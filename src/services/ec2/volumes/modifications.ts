// ModifyVolume and DescribeVolumesModifications (their API references; "Monitor the progress of Amazon EBS volume
// modifications", monitoring-volume-modifications.html). A modification changes the size (never down), the
// type, the IOPS, the throughput or Multi-Attach of an available or in-use volume, within the target type's
// limits (types.ts); the volume shows its new configuration at once, and the modification is `modifying` for a
// phase, `optimizing` for another, then `completed`. A volume is modified again only once its last
// modification is completed (IncorrectModificationState), at most four times in a rolling 24 hours
// (VolumeModificationRateExceeded). DescribeVolumesModifications shows each volume's latest modification.
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import type { Ec2Handlers, VolumeModification, VolumeModificationState, VolumeType } from "../api.generated";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { incorrectModificationState, incorrectState, modificationRateExceeded } from "./errors";
import {
  attachmentsAt,
  checkVolumeId,
  findVolume,
  saveVolume,
  volumes,
  volumeState,
  type ModificationRecord,
  type VolumeRecord,
} from "./records";
import { checkVolumeSpec, VOLUME_TYPES } from "./types";

const DAY_MS = 24 * 3600 * 1000;
const MODIFICATIONS_PER_DAY = 4;

function modificationState(ctx: RequestContext, m: ModificationRecord): VolumeModificationState {
  return ctx.now >= m.completedAt ? "completed" : ctx.now >= m.optimizingAt ? "optimizing" : "modifying";
}

function modificationView(ctx: RequestContext, v: VolumeRecord, m: ModificationRecord): VolumeModification {
  const state = modificationState(ctx, m);
  const progress =
    state === "completed" ? 100 : Math.min(99, Math.floor(((ctx.now - m.startedAt) / Math.max(1, m.completedAt - m.startedAt)) * 100));
  return {
    VolumeId: v.VolumeId,
    ModificationState: state,
    TargetSize: m.target.Size,
    TargetIops: m.target.Iops,
    TargetVolumeType: m.target.VolumeType as VolumeType,
    TargetThroughput: m.target.Throughput,
    TargetMultiAttachEnabled: m.target.MultiAttachEnabled,
    OriginalSize: m.original.Size,
    OriginalIops: m.original.Iops,
    OriginalVolumeType: m.original.VolumeType as VolumeType,
    OriginalThroughput: m.original.Throughput,
    OriginalMultiAttachEnabled: m.original.MultiAttachEnabled,
    Progress: progress,
    StartTime: new Date(m.startedAt),
    EndTime: state === "completed" ? new Date(m.completedAt) : undefined,
  };
}

const modificationNotFound = (id: string) =>
  new ServiceError("InvalidVolumeModification.NotFound", `Modification for volume '${id}' does not exist.`);

export const modificationHandlers: Pick<Ec2Handlers, "ModifyVolume" | "DescribeVolumesModifications"> = {
  ModifyVolume(ctx, input) {
    const v = findVolume(ctx, input.VolumeId);
    const state = volumeState(ctx, v);
    if (state !== "available" && state !== "in-use") {
      throw incorrectState(`Volume '${v.VolumeId}' is in the '${state}' state: only available or in-use volumes can be modified.`);
    }
    const asked = [input.Size, input.VolumeType, input.Iops, input.Throughput, input.MultiAttachEnabled].some((x) => x !== undefined);
    if (!asked) throw err.missingParameter("Size, VolumeType, Iops, Throughput or MultiAttachEnabled");
    if (v.modification && modificationState(ctx, v.modification) !== "completed") {
      throw incorrectModificationState(
        `Volume ${v.VolumeId} is already being modified: wait for its modification to complete before modifying it again.`,
      );
    }
    const recent = (v.modifiedAt ?? []).filter((at) => at > ctx.now - DAY_MS);
    if (recent.length >= MODIFICATIONS_PER_DAY) {
      throw modificationRateExceeded(
        `You've reached the maximum modification rate per volume limit. The next modification of ${v.VolumeId} is possible after ${new Date(recent[0] + DAY_MS).toISOString()}.`,
      );
    }
    const original = {
      Size: v.Size,
      VolumeType: v.VolumeType,
      Iops: v.Iops,
      Throughput: v.Throughput,
      MultiAttachEnabled: v.MultiAttachEnabled ?? false,
    };
    if (input.Size !== undefined && input.Size < v.Size) {
      throw err.invalidValue(`New size cannot be smaller than existing size: the volume ${v.VolumeId} is ${v.Size}GiB.`);
    }
    const type = input.VolumeType ?? v.VolumeType;
    const limits = VOLUME_TYPES[type];
    // What the request leaves out is kept where the target type has it: provisioned IOPS, gp3 throughput.
    const keepIops = limits?.iops && VOLUME_TYPES[v.VolumeType]?.iops ? v.Iops : undefined;
    const keepThroughput = limits?.throughput && v.VolumeType === type ? v.Throughput : undefined;
    const target = checkVolumeSpec(
      {
        VolumeType: type,
        Size: input.Size ?? v.Size,
        Iops: input.Iops ?? keepIops,
        Throughput: input.Throughput ?? keepThroughput,
        MultiAttachEnabled: input.MultiAttachEnabled ?? (limits?.multiAttach ? original.MultiAttachEnabled : false),
      },
      { Iops: input.Iops !== undefined, Throughput: input.Throughput !== undefined },
    );
    if (
      target.Size === original.Size &&
      target.VolumeType === original.VolumeType &&
      target.Iops === original.Iops &&
      target.Throughput === original.Throughput &&
      target.MultiAttachEnabled === original.MultiAttachEnabled
    ) {
      throw err.invalidCombination(`The volume ${v.VolumeId} already has the requested configuration.`);
    }
    if (!target.MultiAttachEnabled && attachmentsAt(ctx, v).length > 1) {
      throw incorrectState(`Volume '${v.VolumeId}' is attached to more than one instance: Multi-Attach cannot be turned off.`);
    }
    const phase = ctx.timings.seconds("volumeCreate") * 1000;
    const m: ModificationRecord = {
      original,
      target: { ...target, Iops: target.Iops, Throughput: target.Throughput },
      startedAt: ctx.now,
      optimizingAt: ctx.now + phase,
      completedAt: ctx.now + 2 * phase,
    };
    Object.assign(v, {
      Size: target.Size,
      VolumeType: target.VolumeType,
      Iops: target.Iops,
      Throughput: target.Throughput,
      MultiAttachEnabled: target.MultiAttachEnabled,
      modification: m,
      modifiedAt: [...recent, ctx.now],
    });
    saveVolume(ctx, v);
    return { VolumeModification: modificationView(ctx, v, m) };
  },

  DescribeVolumesModifications(ctx, input) {
    const ids = input.VolumeIds ?? [];
    ids.forEach(checkVolumeId);
    const matches = compileFilters<VolumeModification>(input.Filters, {
      fields: {
        "volume-id": (m) => m.VolumeId,
        "modification-state": (m) => m.ModificationState,
        "target-size": (m) => m.TargetSize,
        "target-iops": (m) => m.TargetIops,
        "target-volume-type": (m) => m.TargetVolumeType,
        "target-throughput": (m) => m.TargetThroughput,
        "target-multi-attach-enabled": (m) => m.TargetMultiAttachEnabled,
        "original-size": (m) => m.OriginalSize,
        "original-iops": (m) => m.OriginalIops,
        "original-volume-type": (m) => m.OriginalVolumeType,
        "original-throughput": (m) => m.OriginalThroughput,
        "original-multi-attach-enabled": (m) => m.OriginalMultiAttachEnabled,
        "start-time": (m) => m.StartTime?.toISOString(),
      },
    });
    if (ids.length) {
      const out: VolumeModification[] = [];
      for (const id of [...new Set(ids)]) {
        const v = findVolume(ctx, id);
        if (!v.modification) throw modificationNotFound(id);
        out.push(modificationView(ctx, v, v.modification));
      }
      return { VolumesModifications: out.filter(matches) };
    }
    const limit = pageLimit(input.MaxResults === undefined ? undefined : Math.min(input.MaxResults, 500), 1, 500);
    const rows = (function* () {
      for (const e of volumes.entries(ctx, { after: startAfter(ctx, input.NextToken), batch: Math.min(limit + 1, 100) })) {
        if (e.value.modification) yield modificationView(ctx, e.value, e.value.modification);
      }
    })();
    const { page, more } = takePage(rows, matches, limit);
    return { VolumesModifications: page, NextToken: more ? nextToken(ctx, page[page.length - 1].VolumeId!) : undefined };
  },
};
