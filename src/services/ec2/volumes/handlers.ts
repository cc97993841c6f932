// CreateVolume, DescribeVolumes and DeleteVolume (their API references; "Create an Amazon EBS volume",
// ebs-creating-volume.html). A volume is created empty or from a snapshot the caller may use (completed, in the
// standard tier), at least as large as the snapshot, in a zone of the caller's Region, within its type's limits
// (types.ts), encrypted as asked, as its snapshot is, or by default (ebs-encryption/); it is `creating` for a
// phase, then `available`. Volumes also come from RunInstances (one per EBS block device). A volume still
// attached cannot be deleted (VolumeInUse); a deleted one is `deleting` for a phase, then gone. DescribeVolumes
// pages in volume-id order (MaxResults 5-500), through the id, tag or attached-instance index when a filter names one.
import type { RequestContext } from "../../../gateway/context";
import { plan } from "../../../state/lifecycle";
import { hexId } from "../../../util/ids";
import type { CreateVolumeRequest, Ec2Handlers, Volume } from "../api.generated";
import { idempotent } from "../client-tokens";
import * as err from "../errors";
import { compileFilters, type FilterSpec } from "../filters";
import { GONE } from "../images/records";
import { zonesOf } from "../network/zones";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { byValues, candidates, collectionSource, conditionsOf, RANK, type DescribePlan } from "../query-plan";
import { checkSnapshotId, findSnapshot, canCreateVolume, snapshotNotFound } from "../snapshots/access";
import { snapshotState } from "../snapshots/records";
import { snapshotTier } from "../snapshots/tiers";
import { isFastRestored } from "../snapshots/fast-restores";
import { putTags, tagMap, tagsFor } from "../tags/records";
import { newVolumeEncryption } from "../ebs-encryption/records";
import { binStayFor, enterBin } from "../recycle-bin/records";
import {
  attachmentView,
  attachmentViews,
  checkVolumeId,
  findVolume,
  saveVolume,
  volumes,
  volumeState,
  volumeView,
  type VolumeRecord,
} from "./records";
import { checkVolumeSpec } from "./types";
import { incorrectState } from "./errors";

/** The zone a request names, by name or id, as one of the caller's Region's. */
export function requestedZone(ctx: RequestContext, name: string | undefined, id: string | undefined): string {
  if (name !== undefined && id !== undefined) {
    throw err.invalidCombination("The parameters AvailabilityZone and AvailabilityZoneId cannot be used together.");
  }
  const zones = zonesOf(ctx.region);
  if (id !== undefined) {
    const z = zones.find((x) => x.ZoneId === id);
    if (!z) throw err.invalidValue(`Invalid availability zone id: [${id}]`);
    return z.ZoneName;
  }
  if (name === undefined || name === "") throw err.missingParameter("AvailabilityZone");
  if (!zones.some((z) => z.ZoneName === name)) throw err.invalidValue(`Invalid availability zone: [${name}]`);
  return name;
}

export const zoneIdOf = (ctx: RequestContext, zone: string): string | undefined =>
  zonesOf(ctx.region).find((z) => z.ZoneName === zone)?.ZoneId;

/** The snapshot a volume is created from: one the caller may use, completed and in the standard tier. */
function sourceSnapshot(ctx: RequestContext, id: string) {
  checkSnapshotId(id);
  const snap = findSnapshot(ctx, id);
  if (!canCreateVolume(ctx, snap)) throw snapshotNotFound(id);
  const state = snapshotState(ctx, snap);
  if (state !== "completed") throw incorrectState(`Snapshot '${id}' is currently in invalid state - ${state}`);
  if (snapshotTier(ctx, snap).StorageTier !== "standard") {
    throw incorrectState(`Snapshot '${id}' is in the archive tier: restore it before creating a volume from it.`);
  }
  return snap;
}

function createVolume(ctx: RequestContext, input: CreateVolumeRequest): VolumeRecord {
  const zone = requestedZone(ctx, input.AvailabilityZone, input.AvailabilityZoneId);
  const snap = input.SnapshotId !== undefined && input.SnapshotId !== "" ? sourceSnapshot(ctx, input.SnapshotId) : undefined;
  if (input.Size === undefined && !snap) throw err.missingParameter("size or snapshotId");
  const Size = input.Size ?? snap!.VolumeSize;
  if (snap && Size < snap.VolumeSize) {
    throw err.invalidValue(`Volume of size ${Size}GiB is smaller than snapshot '${snap.SnapshotId}', expect size >= ${snap.VolumeSize}GiB`);
  }
  const spec = checkVolumeSpec(
    {
      VolumeType: input.VolumeType ?? "gp2",
      Size,
      Iops: input.Iops,
      Throughput: input.Throughput,
      MultiAttachEnabled: !!input.MultiAttachEnabled,
    },
    { Iops: input.Iops !== undefined, Throughput: input.Throughput !== undefined },
  );
  // A provisioned initialization rate (100-300 MiB/s) applies to volumes made from a snapshot ("Initialize Amazon
  // EBS volumes", initalize-volume.html).
  const rate = input.VolumeInitializationRate;
  if (rate !== undefined && !snap) throw err.invalidDependency("The parameter VolumeInitializationRate requires the parameter SnapshotId.");
  if (rate !== undefined && (rate < 100 || rate > 300)) {
    throw err.invalidValue(`Value (${rate}) for parameter VolumeInitializationRate is invalid. Expected a value from 100 to 300 MiB/s.`);
  }
  const tags = tagsFor(input.TagSpecifications, "volume");
  const v: VolumeRecord = {
    VolumeId: hexId("vol"),
    owner: ctx.accountId,
    region: ctx.region,
    Size: spec.Size,
    SnapshotId: snap?.SnapshotId,
    VolumeType: spec.VolumeType,
    Iops: spec.Iops,
    Throughput: spec.Throughput,
    ...newVolumeEncryption(ctx, input, snap),
    AvailabilityZone: zone,
    createdAt: ctx.now,
    schedule: plan(ctx.now, ["creating", ctx.timings.seconds("volumeCreate")], ["available"]),
    MultiAttachEnabled: spec.MultiAttachEnabled,
    initializationRate: rate,
    fastRestored: snap && isFastRestored(ctx, snap.SnapshotId, zone) ? true : undefined,
  };
  saveVolume(ctx, v);
  if (tags.length) putTags(ctx, v.VolumeId, "volume", tags, true);
  return v;
}

function volumeFilters(ctx: RequestContext): FilterSpec<VolumeRecord> {
  const att = (v: VolumeRecord) => attachmentViews(ctx, v);
  return {
    fields: {
      "volume-id": (v) => v.VolumeId,
      "attachment.instance-id": (v) => att(v).map((a) => a.InstanceId!),
      "attachment.delete-on-termination": (v) => att(v).map((a) => a.DeleteOnTermination!),
      "attachment.device": (v) => att(v).map((a) => a.Device!),
      "attachment.status": (v) => att(v).map((a) => a.State!),
      "attachment.attach-time": (v) => att(v).map((a) => a.AttachTime!.toISOString()),
      status: (v) => volumeState(ctx, v),
      "snapshot-id": (v) => v.SnapshotId,
      size: (v) => v.Size,
      "volume-type": (v) => v.VolumeType,
      "availability-zone": (v) => v.AvailabilityZone,
      "availability-zone-id": (v) => zoneIdOf(ctx, v.AvailabilityZone),
      encrypted: (v) => v.Encrypted,
      "create-time": (v) => new Date(v.createdAt).toISOString(),
      "fast-restored": (v) => v.fastRestored ?? false,
      "multi-attach-enabled": (v) => v.MultiAttachEnabled ?? false,
      "operator.managed": () => false,
      "operator.principal": () => undefined,
    },
    tags: (v) => tagMap(ctx, v.VolumeId),
  };
}

/** DescribeVolumes' plan: the caller's volumes by id, by the instance they are attached to, or by tag. */
function volumePlan(ctx: RequestContext): DescribePlan<VolumeRecord, "instance"> {
  return {
    idOf: (v) => v.VolumeId,
    sources: [collectionSource(volumes, ctx, ["instance"], (_, v) => v)],
    tagType: "volume",
    conditions: {
      "volume-id": byValues("id", RANK.id, RANK.idPrefix),
      "attachment.instance-id": byValues("instance", RANK.key, RANK.keyPrefix),
    },
  };
}

export const viewVolume = (ctx: RequestContext, v: VolumeRecord): Volume => ({
  ...volumeView(ctx, v),
  AvailabilityZoneId: zoneIdOf(ctx, v.AvailabilityZone),
  FastRestored: v.fastRestored ?? false,
  SseType: v.Encrypted ? "sse-kms" : "none",
  VolumeInitializationRate: v.initializationRate,
  SourceVolumeId: v.sourceVolumeId,
});

export const volumeHandlers: Pick<Ec2Handlers, "CreateVolume" | "DescribeVolumes" | "DeleteVolume"> = {
  CreateVolume(ctx, input) {
    const { VolumeId } = idempotent(ctx, input, () => ({ VolumeId: createVolume(ctx, input).VolumeId }));
    const { Attachments: _a, ...out } = viewVolume(ctx, findVolume(ctx, VolumeId));
    return out;
  },

  DescribeVolumes(ctx, input) {
    const ids = input.VolumeIds ?? [];
    ids.forEach(checkVolumeId);
    const matches = compileFilters(input.Filters, volumeFilters(ctx));
    if (ids.length) {
      if (input.MaxResults !== undefined)
        throw err.invalidCombination("The parameter volumeSet cannot be used with the parameter maxResults");
      const unique = [...new Set(ids)];
      const found = unique.map((id) => volumes.get(ctx, id));
      const missing = unique.filter((_, i) => !found[i]);
      if (missing.length) throw err.volumeNotFound(missing);
      return { Volumes: (found as VolumeRecord[]).filter(matches).map((v) => viewVolume(ctx, v)) };
    }
    // "If MaxResults is given a value larger than 500, only 500 results are returned" (DescribeVolumes' reference).
    const limit = pageLimit(input.MaxResults === undefined ? undefined : Math.min(input.MaxResults, 500), 5, 500);
    const source = candidates(ctx, volumePlan(ctx), conditionsOf({}, input.Filters), {
      after: startAfter(ctx, input.NextToken),
      batch: Math.min(limit + 1, 100),
    });
    const { page, more } = takePage<VolumeRecord>(source, matches, limit);
    return {
      Volumes: page.map((v) => viewVolume(ctx, v)),
      NextToken: more ? nextToken(ctx, page[page.length - 1].VolumeId) : undefined,
    };
  },

  DeleteVolume(ctx, { VolumeId }) {
    const v = findVolume(ctx, VolumeId);
    const a = attachmentView(ctx, v);
    if (a) throw err.volumeInUse(`Volume ${VolumeId} is currently attached to ${a.InstanceId}`);
    const state = volumeState(ctx, v);
    if (state === "deleting" || state === "deleted") return {};
    if (state !== "available") throw incorrectState(`The volume '${VolumeId}' is '${state}' and cannot be deleted.`);
    // A Recycle Bin rule that retains the volume keeps it, as it is, in the bin.
    const stay = binStayFor(ctx, "EBS_VOLUME", VolumeId);
    if (stay) {
      saveVolume(ctx, { ...v, recycleBin: stay });
      enterBin(ctx, VolumeId, "volume", stay);
      return {};
    }
    v.schedule = [
      ...v.schedule.filter((s) => s.at <= ctx.now),
      ...plan(ctx.now, ["deleting", ctx.timings.seconds("volumeCreate")], [GONE]),
    ];
    saveVolume(ctx, v);
    return {};
  },
};
