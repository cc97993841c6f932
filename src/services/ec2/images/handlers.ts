// RegisterImage, CopyImage and DeregisterImage, and createAmi, through which every new AMI comes into being
// (import tasks create their AMIs the same way). An AMI is `pending` for a phase, then `available`;
// deregistration keeps it visible to its owner as `deregistered` for a phase, then it is gone.
import type { RequestContext } from "../../../gateway/context";
import type { PhaseKind } from "../../../runtime/config";
import { endsIn, plan } from "../../../state/lifecycle";
import { hexId } from "../../../util/ids";
import type { BlockDeviceMapping, CopyImageRequest, Ec2Handlers, Tag } from "../api.generated";
import * as err from "../errors";
import { amis, checkAmiId, findImage, findOwnImage, saveImage } from "./access";
import { resetPermissions } from "./launch-permissions";
import { checkDeregistrable } from "./protection";
import { amiNames, amiState, GONE, partitionOf, RETIRED_MS, retiredImages, type AmiRecord } from "./records";
import { SNAPSHOT_ID } from "../snapshots/records";
import { idempotent } from "../client-tokens";
import { isRegion, samePartition } from "../../../util/regions";
import { dropTags, putTags, reserved, tagMap, tagsFor } from "../tags/records";
import {
  checkSnapshotAccess,
  checkSnapshotsDeletable,
  copySnapshots,
  mappingFromSnapshot,
  releaseSnapshots,
  useSnapshots,
} from "./backing-snapshots";
import { checkMappingList } from "../instances/block-device-limits";
import { binStayFor, enterBin } from "../recycle-bin/records";

/** RegisterImage's documented name rule: 3-128 of letters, digits, ( ) [ ] space . / - ' @ _. */
const AMI_NAME = /^[A-Za-z0-9()[\] ./\-'@_]{3,128}$/;
/** The billing product code of Windows AMIs ("Understand AMI billing information"). */
const WINDOWS_BILLING_PRODUCT = "bp-6ba54002";

export function checkName(ctx: RequestContext, name: string): void {
  if (!AMI_NAME.test(name)) {
    throw err.amiNameMalformed(
      "AMI names must be between 3 and 128 characters long, and may contain letters, numbers, '(', ')', '.', '-', '/', '_', ''', '@', '[', ']' and spaces.",
    );
  }
  // The name index holds deregistered AMIs until they are gone; their names are free again at once.
  const taken = amis.lookup(ctx, "name", { key: name }).find((r) => amiState(ctx, r.value) !== "deregistered");
  if (taken) throw err.amiNameDuplicate(`AMI name ${name} is already in use by AMI ${taken.id}`);
}

export type NewAmi = Omit<AmiRecord, "ImageId" | "owner" | "region" | "createdAt" | "public" | "schedule" | "ImageLocation"> & {
  ImageLocation?: string;
  /** Drawn here unless what the AMI is made with must name it first (the snapshots of a copy). */
  ImageId?: string;
};

/** Stores a new AMI of the caller in its region, `pending` for the given phase; the name must have been checked. */
export function createAmi(ctx: RequestContext, spec: NewAmi, phase: PhaseKind, tags: Tag[] = []): AmiRecord {
  // Copied, then set member by member: a spread literal of this many members costs several times more, here
  // and in every JSON.stringify of the record (V8 gives each such object a shape of its own).
  const rec = Object.assign({}, spec) as AmiRecord;
  rec.ImageId = spec.ImageId ?? hexId("ami");
  rec.owner = ctx.accountId;
  rec.region = ctx.region;
  rec.ImageLocation = spec.ImageLocation ?? `${ctx.accountId}/${spec.Name}`;
  rec.createdAt = ctx.now;
  rec.public = false;
  rec.schedule = plan(ctx.now, ["pending", ctx.timings.seconds(phase)], ["available"]);
  saveImage(ctx, rec);
  useSnapshots(ctx, rec);
  if (tags.length) putTags(ctx, rec.ImageId, "image", tags, spec.ImageId === undefined);
  return rec;
}

function mappings(ctx: RequestContext, input: BlockDeviceMapping[]): BlockDeviceMapping[] {
  checkMappingList(input);
  return input.map((m, i) => {
    if (!m.DeviceName) throw err.missingParameter(`BlockDeviceMapping.${i + 1}.DeviceName`);
    if (!m.Ebs) return m;
    const snap = m.Ebs.SnapshotId;
    if (snap !== undefined && !SNAPSHOT_ID.test(snap)) throw err.snapshotMalformed(snap);
    if (snap === undefined && m.Ebs.VolumeSize === undefined) {
      throw err.missingParameter(`BlockDeviceMapping.${i + 1}.Ebs.VolumeSize`);
    }
    if (snap !== undefined) return mappingFromSnapshot(ctx, { ...m, Ebs: { DeleteOnTermination: true, VolumeType: "gp2", ...m.Ebs } });
    return { ...m, Ebs: { DeleteOnTermination: true, VolumeType: "gp2", Encrypted: false, VolumeSize: 8, ...m.Ebs } };
  });
}

/**
 * An EBS-backed AMI is registered from a snapshot of its root volume: RegisterImage reference ("Register a snapshot
 * of a root device volume ... You specify the snapshot using a block device mapping") and "Create an AMI from a
 * snapshot" (AWSEC2/latest/UserGuide/creating-an-ami-ebs.html#creating-launching-ami-from-snapshot). Only the other
 * devices may be empty volumes of a VolumeSize. EC2 answers a mapping that lacks what its device needs with
 * InvalidBlockDeviceMapping ("Either snapshot ID or volume size must be provided for: /dev/sdb", hashicorp/packer
 * issue #1500); no page searched quotes the message for a root device without a snapshot, so this one says it in
 * the same words.
 */
function checkRootSnapshot(root: string, bdm: BlockDeviceMapping[]): void {
  const mapping = bdm.find((m) => m.DeviceName === root && m.Ebs);
  if (mapping?.Ebs && mapping.Ebs.SnapshotId === undefined) {
    throw err.invalidBlockDeviceMapping(`Snapshot ID must be provided for the root device: ${root}`);
  }
}

const isWindows = (billing: string[] | undefined) => !!billing?.includes(WINDOWS_BILLING_PRODUCT);

export const imageHandlers: Pick<Ec2Handlers, "RegisterImage" | "DeregisterImage" | "CopyImage"> = {
  RegisterImage(ctx, input) {
    checkName(ctx, input.Name);
    if (!input.ImageLocation && !input.RootDeviceName) throw err.missingParameter("ImageLocation or RootDeviceName");
    if (input.VirtualizationType !== undefined && !["hvm", "paravirtual"].includes(input.VirtualizationType)) {
      throw err.invalidValue(
        `Value (${input.VirtualizationType}) for parameter virtualizationType is invalid. Expected: 'hvm' or 'paravirtual'.`,
      );
    }
    const bdm = mappings(ctx, input.BlockDeviceMappings ?? []);
    const ebsBacked = !!input.RootDeviceName && !input.ImageLocation;
    if (ebsBacked && !bdm.some((m) => m.DeviceName === input.RootDeviceName && m.Ebs)) {
      throw err.invalidValue(`The root device name ${input.RootDeviceName} has no EBS block device mapping.`);
    }
    if (ebsBacked) checkRootSnapshot(input.RootDeviceName!, bdm);
    const tags = tagsFor(input.TagSpecifications, "image");
    const windows = isWindows(input.BillingProducts);
    const rec = createAmi(
      ctx,
      {
        Name: input.Name,
        Description: input.Description,
        // Defaults stated in the RegisterImage reference: i386 and paravirtual.
        Architecture: input.Architecture ?? "i386",
        VirtualizationType: input.VirtualizationType ?? "paravirtual",
        Platform: windows ? "windows" : undefined,
        PlatformDetails: windows ? "Windows" : "Linux/UNIX",
        UsageOperation: windows ? "RunInstances:0002" : "RunInstances",
        RootDeviceName: input.RootDeviceName,
        RootDeviceType:
          ebsBacked || (input.RootDeviceName && bdm.some((m) => m.DeviceName === input.RootDeviceName && m.Ebs)) ? "ebs" : "instance-store",
        BlockDeviceMappings: bdm,
        ImageLocation: input.ImageLocation,
        EnaSupport: input.EnaSupport,
        SriovNetSupport: input.SriovNetSupport,
        BootMode: input.BootMode,
        TpmSupport: input.TpmSupport,
        ImdsSupport: input.ImdsSupport,
        UefiData: input.UefiData,
        KernelId: input.KernelId,
        RamdiskId: input.RamdiskId,
      },
      "amiRegister",
      tags,
    );
    return { ImageId: rec.ImageId };
  },

  DeregisterImage(ctx, { ImageId, DeleteAssociatedSnapshots }) {
    const rec = findOwnImage(ctx, ImageId);
    if (amiState(ctx, rec) === "deregistered") throw err.amiUnavailable(`The image id '[${ImageId}]' is no longer available`);
    checkDeregistrable(ctx, rec);
    if (DeleteAssociatedSnapshots) checkSnapshotsDeletable(ctx, rec);
    // An EBS-backed AMI that a Recycle Bin rule retains goes to the bin at once, as it is, with its tags (recycle-bin/).
    const stay = rec.RootDeviceType === "ebs" ? binStayFor(ctx, "EC2_IMAGE", ImageId) : undefined;
    if (stay) {
      rec.recycleBin = stay;
      enterBin(ctx, ImageId, "image", stay);
      retiredImages.set(ctx, ImageId, { until: ctx.now + RETIRED_MS });
    } else {
      rec.schedule = [
        ...rec.schedule.filter((s) => s.at <= ctx.now),
        ...plan(ctx.now, ["deregistered", ctx.timings.seconds("amiDeregister")], [GONE]),
      ];
      retiredImages.set(ctx, ImageId, { until: (endsIn(rec.schedule, GONE) ?? ctx.now) + RETIRED_MS });
      dropTags(ctx, ImageId);
    }
    resetPermissions(ctx, rec);
    saveImage(ctx, rec);
    amiNames.delete(ctx, rec.Name);
    return { Return: true, DeleteSnapshotResults: releaseSnapshots(ctx, rec, DeleteAssociatedSnapshots) };
  },

  CopyImage(ctx, request) {
    // The AWS SDK for Go v2 sends KmsKeyId="" when none is set (Packer does); EC2 takes it as unset.
    const input = { ...request, KmsKeyId: request.KmsKeyId || undefined };
    checkAmiId(input.SourceImageId);
    // A copy never crosses partitions ("Cross-partition copies (use CreateStoreImageTask instead)", CopyImage): seen from
    // cn-north-1, us-east-1 is no Region at all, and is refused as an unknown one is.
    if (!isRegion(input.SourceRegion) || !samePartition(input.SourceRegion, ctx.region))
      throw err.invalidRegion(`The source region '${input.SourceRegion}' is not valid.`);
    if (input.KmsKeyId !== undefined && !input.Encrypted)
      throw err.invalidDependency("The parameter KmsKeyId requires the parameter Encrypted to be true.");
    return idempotent(ctx, input, (tokenId) => copyImage(ctx, input, tokenId));
  },
};

/** CopyImage once its input is checked (what its client token guards). */
function copyImage(ctx: RequestContext, input: CopyImageRequest, tokenId: string | undefined): { ImageId: string } {
  const src = findImage(ctx, input.SourceImageId, input.SourceRegion);
  const state = amiState(ctx, src);
  if (state !== "available") throw err.amiUnavailable(`The image id '[${src.ImageId}]' is ${state}; only an available AMI can be copied.`);
  checkName(ctx, input.Name);
  checkSnapshotAccess(ctx, src);
  const tags = tagsFor(input.TagSpecifications, "image", ["image", "snapshot"]);
  const copied = input.CopyImageTags
    ? Object.entries(tagMap(ctx, src.ImageId, partitionOf(ctx.accountId, input.SourceRegion)))
        .filter(([k]) => !reserved(k))
        .map(([Key, Value]) => ({ Key, Value }))
    : [];
  const {
    ImageId: _id,
    owner: _o,
    region: _r,
    createdAt: _c,
    public: _p,
    schedule: _s,
    alias: _a,
    deprecatesAt: _d,
    protection: _dp,
    ImageLocation: _l,
    clientToken: _t,
    SourceInstanceId: _i,
    lastLaunchAt: _ll,
    reportedLaunchAt: _rl,
    ...rest
  } = src;
  const imageId = hexId("ami");
  const rec = createAmi(
    ctx,
    {
      ...rest,
      Name: input.Name,
      Description: input.Description ?? src.Description,
      ImageId: imageId,
      // The copies stay pending while the AMI does.
      BlockDeviceMappings: copySnapshots(
        ctx,
        src,
        imageId,
        plan(ctx.now, ["pending", ctx.timings.seconds("amiCopy")], ["completed"]),
        input,
        tagsFor(input.TagSpecifications, "snapshot", ["image", "snapshot"]),
      ),
      SourceImageId: src.ImageId,
      SourceImageRegion: input.SourceRegion,
      sourceOwner: src.owner,
      FreeTierEligible: undefined,
      clientToken: tokenId,
    },
    "amiCopy",
    [...copied, ...tags],
  );
  return { ImageId: rec.ImageId };
}
