// ListImagesInRecycleBin, RestoreImageFromRecycleBin, ListSnapshotsInRecycleBin, RestoreSnapshotFromRecycleBin,
// ListVolumesInRecycleBin and RestoreVolumeFromRecycleBin (EC2 API reference; "Recover deleted AMIs from the
// Recycle Bin", "Recover deleted snapshots", "Recover deleted volumes", EBS User Guide). The lists show the
// caller's resources in the bin, in id order, with when they entered it and when they go for good; a restore
// brings one back as it was when deleted, less its sharing, without the system tag. An AMI comes back only with
// its snapshots: one still in the bin must be restored first, and one gone for good leaves the AMI unrecoverable
// ("make the retention period for the snapshots the same or longer than the retention period for the AMIs").
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import type {
  Ec2Handlers,
  ImageRecycleBinInfo,
  RestoreSnapshotFromRecycleBinResult,
  SnapshotRecycleBinInfo,
  VolumeRecycleBinInfo,
} from "../api.generated";
import * as err from "../errors";
import { amis, checkAmiId, saveImage } from "../images/access";
import { useSnapshots } from "../images/backing-snapshots";
import { retiredImages, type AmiRecord } from "../images/records";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { checkSnapshotId, snapshotNotFound, snapshots, visibleSnapshot } from "../snapshots/access";
import { snapshotState, type SnapshotRecord } from "../snapshots/records";
import { checkVolumeId, saveVolume, volumes, volumeState, type VolumeRecord } from "../volumes/records";
import { binEntry, binned, leaveBin, type BinEntry } from "./records";

const times = (e: BinEntry) => ({ RecycleBinEnterTime: new Date(e.enteredAt), RecycleBinExitTime: new Date(e.exitAt) });

/** A resource of the caller in the bin, with its record, or undefined. */
function inBin<T extends { recycleBin?: unknown }>(ctx: RequestContext, id: string, get: (id: string) => T | undefined) {
  const entry = binEntry(ctx, id);
  const rec = entry && get(id);
  return rec?.recycleBin ? { entry: entry!, rec } : undefined;
}

/**
 * One page of the caller's resources in the bin of one kind: those named (each well-formed; ones not in the bin
 * are left out), or every one, `limit` a page, from the token on.
 */
function listBin<T extends { recycleBin?: unknown }, V>(
  ctx: RequestContext,
  o: {
    prefix: string;
    ids: string[] | undefined;
    check(id: string): void;
    get(id: string): T | undefined;
    view(e: BinEntry, rec: T): V;
    token: string | undefined;
    limit: number;
  },
): { items: V[]; NextToken?: string } {
  const ids = o.ids ?? [];
  ids.forEach(o.check);
  if (ids.length) {
    const items = [...new Set(ids)]
      .sort()
      .map((id) => inBin(ctx, id, o.get))
      .filter((x) => x !== undefined)
      .map((x) => o.view(x.entry, x.rec));
    return { items };
  }
  const found = (e: BinEntry) => o.get(e.ResourceId)?.recycleBin !== undefined;
  const { page, more } = takePage(binned(ctx, o.prefix, startAfter(ctx, o.token) || undefined), found, o.limit);
  return {
    items: page.map((e) => o.view(e, o.get(e.ResourceId)!)),
    NextToken: more ? nextToken(ctx, page[page.length - 1].ResourceId) : undefined,
  };
}

const getImage = (ctx: RequestContext) => (id: string) => amis.getAny(ctx, id);
const getSnapshot = (ctx: RequestContext) => (id: string) => snapshots.getAny(ctx, id);
const getVolume = (ctx: RequestContext) => (id: string) => volumes.getAny(ctx, id);

const imageInfo = (e: BinEntry, r: AmiRecord): ImageRecycleBinInfo => ({
  ImageId: r.ImageId,
  Name: r.Name,
  Description: r.Description,
  ...times(e),
});

const snapshotInfo = (e: BinEntry, r: SnapshotRecord): SnapshotRecycleBinInfo => ({
  SnapshotId: r.SnapshotId,
  ...times(e),
  Description: r.Description ?? "",
  VolumeId: r.VolumeId,
});

const volumeInfo =
  (ctx: RequestContext) =>
  (e: BinEntry, v: VolumeRecord): VolumeRecycleBinInfo => ({
    VolumeId: v.VolumeId,
    VolumeType: v.VolumeType as VolumeRecycleBinInfo["VolumeType"],
    State: volumeState(ctx, v),
    Size: v.Size,
    Iops: v.Iops,
    Throughput: v.Throughput,
    AvailabilityZone: v.AvailabilityZone,
    SnapshotId: v.SnapshotId,
    CreateTime: new Date(v.createdAt),
    ...times(e),
  });

/** Every snapshot behind the AMI must be there to restore it: not in the bin, not gone. */
function checkBackingSnapshots(ctx: RequestContext, ami: AmiRecord): void {
  for (const m of ami.BlockDeviceMappings) {
    const id = m.Ebs?.SnapshotId;
    if (id === undefined || visibleSnapshot(ctx, id, ami.region)) continue;
    if (binEntry(ctx, id)) {
      throw new ServiceError(
        "IncorrectState",
        `The image '${ami.ImageId}' can't be restored while its snapshot '${id}' is in the Recycle Bin: restore the snapshot first.`,
      );
    }
    throw new ServiceError(
      "InvalidSnapshot.NotFound",
      `The image '${ami.ImageId}' can't be restored: its snapshot '${id}' no longer exists.`,
    );
  }
}

export const recycleBinHandlers: Pick<
  Ec2Handlers,
  | "ListImagesInRecycleBin"
  | "RestoreImageFromRecycleBin"
  | "ListSnapshotsInRecycleBin"
  | "RestoreSnapshotFromRecycleBin"
  | "ListVolumesInRecycleBin"
  | "RestoreVolumeFromRecycleBin"
> = {
  ListImagesInRecycleBin(ctx, input) {
    const { items, NextToken } = listBin(ctx, {
      prefix: "ami-",
      ids: input.ImageIds,
      check: checkAmiId,
      get: getImage(ctx),
      view: imageInfo,
      token: input.NextToken,
      limit: pageLimit(input.MaxResults, 1, 1000),
    });
    return { Images: items, NextToken };
  },

  RestoreImageFromRecycleBin(ctx, { ImageId }) {
    checkAmiId(ImageId);
    const found = inBin(ctx, ImageId, getImage(ctx));
    if (!found) throw err.amiNotFound([ImageId]);
    const ami = found.rec;
    checkBackingSnapshots(ctx, ami);
    // Its name was free while it was in the bin; an AMI that took it since keeps it.
    const taken = amis.lookup(ctx, "name", { key: ami.Name })[0];
    if (taken) throw err.amiNameDuplicate(`AMI name ${ami.Name} is already in use by AMI ${taken.id}`);
    const { recycleBin: _, ...restored } = ami;
    saveImage(ctx, restored);
    leaveBin(ctx, ImageId);
    retiredImages.delete(ctx, ImageId);
    useSnapshots(ctx, restored);
    return { Return: true };
  },

  ListSnapshotsInRecycleBin(ctx, input) {
    const { items, NextToken } = listBin(ctx, {
      prefix: "snap-",
      ids: input.SnapshotIds,
      check: checkSnapshotId,
      get: getSnapshot(ctx),
      view: snapshotInfo,
      token: input.NextToken,
      limit: pageLimit(input.MaxResults, 5, 1000),
    });
    return { Snapshots: items, NextToken };
  },

  RestoreSnapshotFromRecycleBin(ctx, { SnapshotId }) {
    checkSnapshotId(SnapshotId);
    const found = inBin(ctx, SnapshotId, getSnapshot(ctx));
    if (!found) throw snapshotNotFound(SnapshotId);
    const { recycleBin: _, ...snap } = found.rec;
    snapshots.put(ctx, snap);
    leaveBin(ctx, SnapshotId);
    const state = snapshotState(ctx, snap);
    return {
      SnapshotId,
      Description: snap.Description ?? "",
      Encrypted: snap.Encrypted,
      OwnerId: snap.owner,
      Progress: state === "completed" ? "100%" : undefined,
      StartTime: new Date(snap.createdAt),
      State: state as RestoreSnapshotFromRecycleBinResult["State"],
      VolumeId: snap.VolumeId,
      VolumeSize: snap.VolumeSize,
    };
  },

  ListVolumesInRecycleBin(ctx, input) {
    const { items, NextToken } = listBin(ctx, {
      prefix: "vol-",
      ids: input.VolumeIds,
      check: checkVolumeId,
      get: getVolume(ctx),
      view: volumeInfo(ctx),
      token: input.NextToken,
      limit: pageLimit(input.MaxResults, 5, 500),
    });
    return { Volumes: items, NextToken };
  },

  RestoreVolumeFromRecycleBin(ctx, { VolumeId }) {
    checkVolumeId(VolumeId);
    const found = inBin(ctx, VolumeId, getVolume(ctx));
    if (!found) throw err.volumeNotFound([VolumeId]);
    const { recycleBin: _, ...volume } = found.rec;
    saveVolume(ctx, volume);
    leaveBin(ctx, VolumeId);
    return { Return: true };
  },
};
