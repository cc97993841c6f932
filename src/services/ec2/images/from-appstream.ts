// The AMI an AppStream image export makes (AppStream CreateExportImageTask): "The image ... becomes an EC2 AMI"
// of the caller in its region, with the name, description and tags the task gives. Its one EBS snapshot, of the
// image's root volume, is taken in the same phase, so that the AMI is `available` and the snapshot `completed`
// the moment the task is COMPLETED.
import type { RequestContext } from "../../../gateway/context";
import type { PhaseKind } from "../../../runtime/config";
import { amiState } from "./records";
import { amis } from "./access";
import { createAmi } from "./handlers";
import { createSnapshot } from "../snapshots/access";

export interface ExportedAmi {
  Name: string;
  Description?: string;
  /** Windows for every AppStream platform but the Linux ones. */
  windows: boolean;
  /** Size of the root volume in GiB. */
  volumeSize: number;
  tags: Record<string, string>;
  phase: PhaseKind;
}

/** Whether an AMI of the caller in its region already has this name (deregistered ones free theirs at once). */
export function amiNameTaken(ctx: RequestContext, name: string): boolean {
  return amis.lookup(ctx, "name", { key: name }).some((r) => amiState(ctx, r.value) !== "deregistered");
}

/** Stores the AMI, pending for the phase; returns its id. */
export function createExportedAmi(ctx: RequestContext, spec: ExportedAmi): string {
  const tags = Object.entries(spec.tags).map(([Key, Value]) => ({ Key, Value }));
  const snap = createSnapshot(ctx, {
    VolumeId: "vol-ffffffff",
    VolumeSize: spec.volumeSize,
    Description: `Created for the export of an AppStream image to the AMI ${spec.Name}`,
    phase: spec.phase,
  });
  const rec = createAmi(
    ctx,
    {
      Name: spec.Name,
      Description: spec.Description || undefined,
      Architecture: "x86_64",
      Platform: spec.windows ? "windows" : undefined,
      PlatformDetails: spec.windows ? "Windows" : "Linux/UNIX",
      UsageOperation: spec.windows ? "RunInstances:0002" : "RunInstances",
      RootDeviceName: spec.windows ? "/dev/sda1" : "/dev/xvda",
      RootDeviceType: "ebs",
      BlockDeviceMappings: [
        {
          DeviceName: spec.windows ? "/dev/sda1" : "/dev/xvda",
          Ebs: { SnapshotId: snap.SnapshotId, VolumeSize: spec.volumeSize, VolumeType: "gp3", DeleteOnTermination: true, Encrypted: false },
        },
      ],
      VirtualizationType: "hvm",
      EnaSupport: true,
      SriovNetSupport: "simple",
      ProductCodes: [],
    },
    spec.phase,
    tags,
  );
  return rec.ImageId;
}
