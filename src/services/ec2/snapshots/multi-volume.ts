// CreateSnapshots (its API reference; "Create multi-volume snapshots", ebs-creating-snapshot.html#create-multi-volume-snapshot):
// crash-consistent snapshots of the EBS volumes attached to an instance of the caller's, one per volume, all
// taken at the same moment, less the root volume (ExcludeBootVolume) or data volumes named (ExcludeDataVolumeIds;
// the root volume cannot be named there). Each snapshot gets the tags of TagSpecifications and, with
// CopyTagsFromSource `volume`, its volume's tags. Snapshots are made in the instance's Region only: there are no
// Local Zones or Outposts here.
import type { Ec2Handlers, SnapshotInfo, Tag } from "../api.generated";
import * as err from "../errors";
import { findInstance, instanceState } from "../instances/records";
import { tagList, tagMap, tagsFor } from "../tags/records";
import { attachedVolumes, checkVolumeId } from "../volumes/records";
import { createSnapshot } from "./access";
import { snapshotView } from "./handlers";

export const multiVolumeSnapshotHandlers: Pick<Ec2Handlers, "CreateSnapshots"> = {
  CreateSnapshots(ctx, input) {
    const { InstanceId, ExcludeBootVolume, ExcludeDataVolumeIds = [] } = input.InstanceSpecification;
    if (input.OutpostArn !== undefined) throw err.invalidValue(`Value (${input.OutpostArn}) for parameter OutpostArn is invalid.`);
    if (input.Location === "local") throw err.invalidValue("The instance is not in a Local Zone: snapshots can only be regional.");
    const inst = findInstance(ctx, InstanceId);
    const state = instanceState(ctx, inst);
    if (state !== "running" && state !== "stopped" && state !== "stopping") {
      throw err.incorrectInstanceState(`The instance '${InstanceId}' is not in a state from which snapshots can be made: it is ${state}.`);
    }
    ExcludeDataVolumeIds.forEach(checkVolumeId);
    const attached = attachedVolumes(ctx, InstanceId);
    const isRoot = (device: string) => device === inst.RootDeviceName;
    for (const id of ExcludeDataVolumeIds) {
      const v = attached.find((x) => x.VolumeId === id);
      if (!v) throw err.invalidValue(`The volume '${id}' is not attached to instance '${InstanceId}'.`);
      if (isRoot(v.attachment!.Device)) {
        throw err.invalidValue(`The root volume '${id}' can't be excluded with ExcludeDataVolumeIds: use ExcludeBootVolume.`);
      }
    }
    const chosen = attached.filter(
      (v) => !(ExcludeBootVolume && isRoot(v.attachment!.Device)) && !ExcludeDataVolumeIds.includes(v.VolumeId),
    );
    if (!chosen.length) throw err.invalidValue(`No volume of instance '${InstanceId}' is left to snapshot.`);
    const given = tagsFor(input.TagSpecifications, "snapshot");
    const snapshots: SnapshotInfo[] = chosen.map((v) => {
      const copied: Tag[] =
        input.CopyTagsFromSource === "volume"
          ? Object.entries(tagMap(ctx, v.VolumeId))
              .filter(([k]) => !k.startsWith("aws:"))
              .map(([Key, Value]) => ({ Key, Value }))
          : [];
      const byKey = new Map([...copied, ...given].map((t) => [t.Key!, t]));
      const snap = createSnapshot(ctx, {
        VolumeId: v.VolumeId,
        VolumeSize: v.Size,
        Description: input.Description,
        Encrypted: v.Encrypted,
        KmsKeyId: v.KmsKeyId,
        tags: [...byKey.values()],
      });
      const view = snapshotView(ctx, snap);
      return {
        SnapshotId: snap.SnapshotId,
        VolumeId: v.VolumeId,
        VolumeSize: v.Size,
        State: view.State,
        StartTime: view.StartTime,
        Progress: view.Progress,
        OwnerId: snap.owner,
        Description: input.Description,
        Encrypted: snap.Encrypted,
        SseType: snap.Encrypted ? "sse-kms" : "none",
        Tags: tagList(ctx, snap.SnapshotId),
      };
    });
    return { Snapshots: snapshots };
  },
};
