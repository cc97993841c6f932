// CreateImage (its API reference, and "Create an Amazon EBS-backed AMI" in the user guide): an AMI of an
// EBS-backed instance of the caller that is running or stopped, with one snapshot of each EBS volume attached
// to it. The AMI is `pending` while its snapshots are taken and `available` once they are complete; it has the
// properties of the instance it was made from (architecture, platform and billing, virtualization, root device,
// ENA, boot mode), and the instance as its SourceInstanceId.
//
// Without NoReboot, EC2 reboots a running instance before the snapshots are taken. A reboot is not a state
// change: "Reboot your instance" (user guide) says the instance stays running and keeps its host, addresses and
// volumes, so DescribeInstances shows nothing of it here either.
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import type { BlockDeviceMapping, CreateImageRequest, Ec2Handlers, EbsBlockDevice } from "../api.generated";
import * as err from "../errors";
import { visibleImage } from "./access";
import { checkName, createAmi } from "./handlers";
import { findInstance, instanceState, type InstanceRecord } from "../instances/records";
import { mappingFromSnapshot } from "./backing-snapshots";
import { SNAPSHOT_ID } from "../snapshots/records";
import { createSnapshot } from "../snapshots/handlers";
import { tagsFor } from "../tags/records";
import { attachedVolumes, type VolumeRecord } from "../volumes/records";
import { checkMappingList } from "../instances/block-device-limits";

/** The members of an existing volume's mapping that CreateImage cannot change: only DeleteOnTermination can be. */
const FIXED: (keyof EbsBlockDevice)[] = ["SnapshotId", "VolumeSize", "VolumeType", "Iops", "Throughput", "Encrypted", "KmsKeyId"];

interface Device {
  mapping: BlockDeviceMapping;
  /** The attached volume the device is a snapshot of, if any. */
  volume?: VolumeRecord;
}

/** The instance's volumes as mappings of the AMI, with the instance-store devices of the AMI it was launched from. */
function instanceDevices(ctx: RequestContext, inst: InstanceRecord): Map<string, Device> {
  const out = new Map<string, Device>();
  const source = visibleImage(ctx, inst.ImageId);
  for (const m of source?.BlockDeviceMappings ?? []) if (m.VirtualName && m.DeviceName) out.set(m.DeviceName, { mapping: m });
  for (const v of attachedVolumes(ctx, inst.InstanceId)) {
    const a = v.attachment!;
    out.set(a.Device, {
      volume: v,
      mapping: {
        DeviceName: a.Device,
        Ebs: {
          DeleteOnTermination: a.DeleteOnTermination,
          VolumeSize: v.Size,
          VolumeType: v.VolumeType as EbsBlockDevice["VolumeType"],
          ...(v.Iops !== undefined ? { Iops: v.Iops } : {}),
          ...(v.Throughput !== undefined ? { Throughput: v.Throughput } : {}),
          Encrypted: v.Encrypted,
          ...(v.Encrypted && v.KmsKeyId ? { KmsKeyId: v.KmsKeyId } : {}),
        },
      },
    });
  }
  return out;
}

/**
 * The request's mappings over the instance's: NoDevice leaves one out, a new device is added, and an existing volume
 * may change DeleteOnTermination only (CreateImage reference, BlockDeviceMapping.N).
 */
function applyMappings(ctx: RequestContext, devices: Map<string, Device>, requested: BlockDeviceMapping[]): void {
  requested.forEach((m, i) => {
    const name = m.DeviceName;
    if (!name) throw err.missingParameter(`BlockDeviceMapping.${i + 1}.DeviceName`);
    if (m.NoDevice !== undefined) {
      devices.delete(name);
      return;
    }
    const existing = devices.get(name);
    if (existing?.volume && m.Ebs) {
      const ebs = existing.mapping.Ebs!;
      for (const k of FIXED) {
        if (m.Ebs[k] !== undefined && m.Ebs[k] !== ebs[k]) {
          throw err.invalidBlockDeviceMapping(
            `Only DeleteOnTermination can be changed for the existing volume at ${name}; ${k} cannot be modified by CreateImage.`,
          );
        }
      }
      if (m.Ebs.DeleteOnTermination !== undefined) ebs.DeleteOnTermination = m.Ebs.DeleteOnTermination;
      return;
    }
    if (m.Ebs) {
      const snap = m.Ebs.SnapshotId;
      if (snap !== undefined && !SNAPSHOT_ID.test(snap)) throw err.snapshotMalformed(snap);
      if (snap === undefined && m.Ebs.VolumeSize === undefined) throw err.missingParameter(`BlockDeviceMapping.${i + 1}.Ebs.VolumeSize`);
      // A volume from a snapshot takes the snapshot's size and encryption, as RegisterImage's do.
      const mapping =
        snap === undefined
          ? { DeviceName: name, Ebs: { DeleteOnTermination: true, VolumeType: "gp2" as const, Encrypted: false, ...m.Ebs } }
          : mappingFromSnapshot(ctx, { DeviceName: name, Ebs: { DeleteOnTermination: true, VolumeType: "gp2", ...m.Ebs } });
      devices.set(name, { mapping });
      return;
    }
    devices.set(name, { mapping: { DeviceName: name, VirtualName: m.VirtualName } });
  });
}

function createImage(ctx: RequestContext, input: CreateImageRequest): string {
  const inst = findInstance(ctx, input.InstanceId);
  const state = instanceState(ctx, inst);
  if (state !== "running" && state !== "stopped") {
    throw err.incorrectInstanceState(`The instance '${inst.InstanceId}' is not in the 'running' or 'stopped' state; it is ${state}.`);
  }
  if (inst.RootDeviceType !== "ebs") {
    throw err.invalidValue(`The instance '${inst.InstanceId}' is not backed by Amazon EBS: only EBS-backed instances can be imaged.`);
  }
  checkName(ctx, input.Name);
  const imageTags = tagsFor(input.TagSpecifications, "image", ["image", "snapshot"]);
  const snapshotTags = tagsFor(input.TagSpecifications, "snapshot", ["image", "snapshot"]);
  const devices = instanceDevices(ctx, inst);
  checkMappingList(input.BlockDeviceMappings);
  applyMappings(ctx, devices, input.BlockDeviceMappings ?? []);
  const source = visibleImage(ctx, inst.ImageId);
  // The snapshots' descriptions name the AMI to be.
  const imageId = hexId("ami");
  // The root device first, as EC2 lists an AMI's block devices.
  const ordered = [...devices.values()].sort(
    (x, y) => Number(y.mapping.DeviceName === inst.RootDeviceName) - Number(x.mapping.DeviceName === inst.RootDeviceName),
  );
  const mappings = ordered.map(({ mapping, volume }) => {
    if (!volume) return mapping;
    // Taken in the amiCreate phase: complete when the AMI becomes available, never after.
    const { SnapshotId } = createSnapshot(ctx, {
      VolumeId: volume.VolumeId,
      VolumeSize: volume.Size,
      Description: `Created by CreateImage(${inst.InstanceId}) for ${imageId}`,
      Encrypted: volume.Encrypted,
      KmsKeyId: volume.KmsKeyId,
      tags: snapshotTags,
      phase: "amiCreate",
    });
    return { DeviceName: mapping.DeviceName, Ebs: { ...mapping.Ebs, SnapshotId } };
  });
  const rec = createAmi(
    ctx,
    {
      ImageId: imageId,
      Name: input.Name,
      Description: input.Description || undefined,
      Architecture: inst.Architecture,
      Platform: inst.Platform,
      PlatformDetails: inst.PlatformDetails,
      UsageOperation: inst.UsageOperation,
      RootDeviceName: inst.RootDeviceName,
      RootDeviceType: "ebs",
      BlockDeviceMappings: mappings,
      VirtualizationType: inst.VirtualizationType,
      EnaSupport: inst.EnaSupport,
      SriovNetSupport: inst.SriovNetSupport,
      BootMode: inst.BootMode,
      TpmSupport: source?.TpmSupport,
      KernelId: inst.KernelId,
      RamdiskId: inst.RamdiskId,
      ProductCodes: source?.ProductCodes,
      SourceInstanceId: inst.InstanceId,
      // "For AMIs created using CreateImage ... the source AMI ID is the ID of the AMI used to launch the instance"
      // ("Use AMI ancestry to trace the origin of an AMI", ami-ancestry.html).
      SourceImageId: inst.ImageId,
      SourceImageRegion: inst.region,
      sourceOwner: inst.amiOwner,
    },
    "amiCreate",
    imageTags,
  );
  return rec.ImageId;
}

export const createImageHandlers: Pick<Ec2Handlers, "CreateImage"> = {
  CreateImage(ctx, input) {
    return { ImageId: createImage(ctx, input) };
  },
};
