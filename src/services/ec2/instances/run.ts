// RunInstances (its API reference, and "Launch an instance" in the user guide): up to MaxCount instances of one
// reservation, as many as the account's quotas allow (instances/launch-quotas.ts), from an available AMI the caller may
// launch, each `pending` for a phase and then `running`, with one EBS volume per EBS block device of the AMI
// after the request's overrides. A client token makes the call once: the same token answers the same
// reservation. A launch template's data fills in what the request leaves out (launch-templates/input.ts).
import type { RequestContext } from "../../../gateway/context";
import { inPartition } from "../../../state/collection";
import { plan } from "../../../state/lifecycle";
import { hexId } from "../../../util/ids";
import type { BlockDeviceMapping, EbsBlockDevice, Ec2Handlers, RunInstancesRequest } from "../api.generated";
import { idempotent } from "../client-tokens";
import * as err from "../errors";
import { amis, findImage, storedImage } from "../images/access";
import { amiState, noteLaunch, partitionOf, type AmiRecord } from "../images/records";
import { saveInstance, type InstanceRecord } from "./records";
import { reservationMembers, reservationView } from "./view";
import { placeInstance } from "./placement";
import { launchOptions } from "./options";
import { encryptedPassword } from "./password";
import { checkInterfaceSpecs, launchInterfaces } from "./interfaces";
import { findKeyPair } from "../key-pairs/records";
import { instanceProfile } from "./iam-profiles";
import { isSsmReference, resolveSsmImageId } from "./ssm-image-ids";
import { putSystemTags, putTags, tagsFor } from "../tags/records";
import { resolveLaunchTemplate, type ResolvedTemplate } from "../launch-templates/records";
import { withTemplateData } from "../launch-templates/input";
import { amiUses } from "../usage-reports/entries";
import { saveVolume, type VolumeRecord } from "../volumes/records";
import { launchCount } from "./launch-quotas";
import { attachmentLimitExceeded, checkMappingList, MAX_ATTACHMENTS } from "./block-device-limits";
import { checkUserData } from "./user-data";
import { checkArchitecture } from "../instance-types/launch";
import { spotMarket } from "../fleets/spot";
import { launchedVolumeEncryption } from "../ebs-encryption/records";
import { arnOf } from "../resource-types";

/** RunInstances' documented default instance type. */
const DEFAULT_INSTANCE_TYPE = "m1.small";
const TAGGABLE_AT_LAUNCH = ["instance", "volume", "network-interface", "spot-instances-request", "elastic-gpu"] as const;

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The AMI's block devices with the request's by device name: a request's Ebs members override, NoDevice removes one. */
export function launchMappings(ami: AmiRecord, requested: BlockDeviceMapping[] = []): BlockDeviceMapping[] {
  checkMappingList(requested);
  const byDevice = new Map(ami.BlockDeviceMappings.map((m) => [m.DeviceName!, m]));
  requested.forEach((m, i) => {
    if (!m.DeviceName) throw err.missingParameter(`BlockDeviceMapping.${i + 1}.DeviceName`);
    if (m.NoDevice !== undefined) {
      byDevice.delete(m.DeviceName);
      return;
    }
    const base = byDevice.get(m.DeviceName);
    if (!m.Ebs) {
      byDevice.set(m.DeviceName, m);
      return;
    }
    const ebs: EbsBlockDevice = { ...base?.Ebs, ...defined(m.Ebs) };
    const snapshotSize = base?.Ebs?.SnapshotId !== undefined && base.Ebs.SnapshotId === ebs.SnapshotId ? base.Ebs.VolumeSize : undefined;
    if (ebs.SnapshotId === undefined && ebs.VolumeSize === undefined) {
      throw err.missingParameter(`BlockDeviceMapping.${i + 1}.Ebs.VolumeSize`);
    }
    if (snapshotSize !== undefined && ebs.VolumeSize !== undefined && ebs.VolumeSize < snapshotSize) {
      throw err.invalidBlockDeviceMapping(
        `Volume of size ${ebs.VolumeSize}GB is smaller than snapshot '${ebs.SnapshotId}', expect size >= ${snapshotSize}GB`,
      );
    }
    byDevice.set(m.DeviceName, { DeviceName: m.DeviceName, Ebs: ebs });
  });
  return [...byDevice.values()];
}

/** Iops and Throughput as EBS sets them when not given ("Amazon EBS volume types"): gp2 3 IOPS/GiB (100-16,000); gp3 3,000, 125 MiB/s. */
function performance(type: string, size: number, ebs: EbsBlockDevice): { Iops?: number; Throughput?: number } {
  switch (type) {
    case "gp2":
      return { Iops: Math.min(16000, Math.max(100, 3 * size)) };
    case "gp3":
      return { Iops: ebs.Iops ?? 3000, Throughput: ebs.Throughput ?? 125 };
    case "io1":
    case "io2":
      if (ebs.Iops === undefined) throw err.invalidValue(`The parameter iops must be specified for ${type} volumes.`);
      return { Iops: ebs.Iops };
    default:
      return {};
  }
}

function newVolume(ctx: RequestContext, ebs: EbsBlockDevice, zone: string, instanceId: string, device: string): VolumeRecord {
  const Size = ebs.VolumeSize ?? 8;
  const VolumeType = ebs.VolumeType ?? "gp2";
  return {
    VolumeId: hexId("vol"),
    owner: ctx.accountId,
    region: ctx.region,
    Size,
    SnapshotId: ebs.SnapshotId,
    VolumeType,
    ...performance(VolumeType, Size, ebs),
    ...launchedVolumeEncryption(ctx, ebs),
    AvailabilityZone: zone,
    createdAt: ctx.now,
    schedule: plan(ctx.now, ["creating", ctx.timings.seconds("volumeCreate")], ["in-use"]),
    attachment: { InstanceId: instanceId, Device: device, DeleteOnTermination: ebs.DeleteOnTermination ?? true, attachedAt: ctx.now },
  };
}

function checkCounts(min: number, max: number): void {
  if (min < 1) throw err.invalidValue(`Value (${min}) for parameter minCount is invalid. Expected a value greater than or equal to 1.`);
  if (max < 1) throw err.invalidValue(`Value (${max}) for parameter maxCount is invalid. Expected a value greater than or equal to 1.`);
  if (min > max) throw err.invalidValue(`Value (${min}) for parameter minCount is invalid. minCount must not be greater than maxCount.`);
}

/** The AMI to launch: a visible one that is available. */
function launchableImage(ctx: RequestContext, imageId: string | undefined): AmiRecord {
  if (!imageId) throw err.missingParameter("ImageId");
  const id = isSsmReference(imageId) ? resolveSsmImageId(ctx, imageId) : imageId;
  const ami = findImage(ctx, id);
  const state = amiState(ctx, ami);
  if (state !== "available") throw err.amiUnavailable(`The image id '[${id}]' is not available: it is ${state}.`);
  return ami;
}

/** EC2 tags an instance launched from a template with the template's id and version (aws: tags, the caller's to read only). */
function tagWithTemplate(ctx: RequestContext, InstanceId: string, t: ResolvedTemplate): void {
  putSystemTags(ctx, InstanceId, "instance", {
    "aws:ec2launchtemplate:id": t.LaunchTemplateId,
    "aws:ec2launchtemplate:version": String(t.VersionNumber),
  });
}

/** Launches the reservation: its instances, their volumes, tags and AMI uses (RunInstances, and an EC2 Fleet's launches). */
export function launch(ctx: RequestContext, request: RunInstancesRequest, tokenId: string | undefined): string {
  const template = request.LaunchTemplate && resolveLaunchTemplate(ctx, request.LaunchTemplate);
  checkMappingList(request.BlockDeviceMappings);
  checkMappingList(template?.data.BlockDeviceMappings as BlockDeviceMapping[] | undefined);
  const input = unsetEmpty(template ? withTemplateData(request, template.data) : request);
  checkCounts(input.MinCount, input.MaxCount);
  checkUserData(input.UserData);
  const instanceType = input.InstanceType ?? DEFAULT_INSTANCE_TYPE;
  // The quotas first: a launch they refuse reads nothing else and makes nothing.
  const count = launchCount(ctx, instanceType, input.MinCount, input.MaxCount);
  const ami = launchableImage(ctx, input.ImageId);
  checkArchitecture(instanceType, ami.Architecture);
  const instanceTags = tagsFor(input.TagSpecifications, "instance", [...TAGGABLE_AT_LAUNCH]);
  const volumeTags = tagsFor(input.TagSpecifications, "volume", [...TAGGABLE_AT_LAUNCH]);
  const mappings = launchMappings(ami, input.BlockDeviceMappings);
  const attachments = mappings.length + Math.max(1, input.NetworkInterfaces?.length ?? 0);
  if (attachments > MAX_ATTACHMENTS) throw attachmentLimitExceeded(attachments);
  const where = placeInstance(ctx, input);
  const spot = spotMarket(ctx, input, instanceType, where.AvailabilityZone, ami.ImageId, ami.Platform);
  const options = launchOptions(input, instanceType);
  const keyPair = input.KeyName !== undefined ? findKeyPair(ctx, input.KeyName) : undefined;
  const interfaceSpecs = checkInterfaceSpecs(input, count);
  const eniTags = tagsFor(input.TagSpecifications, "network-interface", [...TAGGABLE_AT_LAUNCH]);
  const v2only = ami.ImdsSupport === "v2.0";
  const md = input.MetadataOptions ?? {};
  const ReservationId = hexId("r");
  const usesOwner = storedImage(ctx, ami.owner, ami.region, ami.ImageId) ? inPartition(ctx, partitionOf(ami.owner, ami.region)) : undefined;
  if (usesOwner) {
    noteLaunch(ctx, ami);
    amis.put(usesOwner, ami);
  }
  for (let i = 0; i < count; i++) {
    const InstanceId = hexId("i");
    const spotRequestId = spot?.request(InstanceId);
    const rec: InstanceRecord = {
      InstanceId,
      ReservationId,
      owner: ctx.accountId,
      region: ctx.region,
      ImageId: ami.ImageId,
      amiOwner: ami.owner,
      InstanceType: instanceType,
      AmiLaunchIndex: i,
      launchedAt: ctx.now,
      Placement: {
        AvailabilityZone: where.AvailabilityZone,
        GroupName: input.Placement?.GroupName ?? "",
        Tenancy: input.Placement?.Tenancy ?? "default",
      },
      SubnetId: where.SubnetId,
      VpcId: where.VpcId,
      PrivateIpAddress: "",
      PrivateDnsName: "",
      Groups: where.Groups,
      KeyName: input.KeyName,
      IamInstanceProfile: instanceProfile(ctx, input.IamInstanceProfile),
      UserData: input.UserData,
      Architecture: ami.Architecture,
      Platform: ami.Platform,
      PlatformDetails: ami.PlatformDetails,
      UsageOperation: ami.UsageOperation,
      VirtualizationType: ami.VirtualizationType,
      RootDeviceName: ami.RootDeviceName,
      RootDeviceType: ami.RootDeviceType,
      KernelId: input.KernelId ?? ami.KernelId,
      RamdiskId: input.RamdiskId ?? ami.RamdiskId,
      EnaSupport: ami.EnaSupport,
      SriovNetSupport: ami.SriovNetSupport,
      BootMode: ami.BootMode,
      EbsOptimized: input.EbsOptimized ?? false,
      Monitoring: input.Monitoring?.Enabled ?? false,
      // Defaults of "Configure the instance metadata options": IMDSv2 optional unless the AMI requires it.
      MetadataOptions: {
        HttpTokens: md.HttpTokens ?? (v2only ? "required" : "optional"),
        HttpPutResponseHopLimit: md.HttpPutResponseHopLimit ?? (v2only ? 2 : 1),
        HttpEndpoint: md.HttpEndpoint ?? "enabled",
        HttpProtocolIpv6: md.HttpProtocolIpv6 ?? "disabled",
        InstanceMetadataTags: md.InstanceMetadataTags ?? "disabled",
      },
      DisableApiTermination: input.DisableApiTermination ?? false,
      DisableApiStop: input.DisableApiStop ?? false,
      InstanceInitiatedShutdownBehavior: input.InstanceInitiatedShutdownBehavior ?? "stop",
      SourceDestCheck: true,
      ClientToken: input.ClientToken,
      LaunchTemplate: template
        ? {
            LaunchTemplateId: template.LaunchTemplateId,
            LaunchTemplateName: template.LaunchTemplateName,
            Version: String(template.VersionNumber),
          }
        : undefined,
      ...options,
      iamAssociation:
        input.IamInstanceProfile?.Arn || input.IamInstanceProfile?.Name ? { AssociationId: hexId("iip-assoc"), at: ctx.now } : undefined,
      UefiData: ami.BootMode === "uefi" ? ami.UefiData : undefined,
      windowsPassword: ami.Platform === "windows" && keyPair ? encryptedPassword(keyPair, InstanceId, ctx.now) : undefined,
      schedule: plan(ctx.now, ["pending", ctx.timings.seconds("instanceStart")], ["running"]),
      clientToken: tokenId,
      InstanceLifecycle: spotRequestId ? "spot" : undefined,
      SpotInstanceRequestId: spotRequestId,
    };
    const primary = launchInterfaces(ctx, rec, where, input, interfaceSpecs, eniTags);
    rec.PrivateIpAddress = primary.PrivateIpAddress;
    rec.PrivateDnsName = primary.PrivateDnsName;
    saveInstance(ctx, rec);
    if (instanceTags.length) putTags(ctx, InstanceId, "instance", instanceTags);
    if (template) tagWithTemplate(ctx, InstanceId, template);
    for (const m of mappings) {
      if (!m.Ebs) continue;
      const v = newVolume(ctx, m.Ebs, where.AvailabilityZone, InstanceId, m.DeviceName!);
      saveVolume(ctx, v);
      if (volumeTags.length) putTags(ctx, v.VolumeId, "volume", volumeTags);
    }
    // Amazon's catalog is never stored, and nobody reports on its use.
    if (usesOwner)
      amiUses.set(usesOwner, [ami.ImageId, "instance", ctx.accountId, InstanceId], {
        resourceType: "instance",
        account: ctx.accountId,
        region: ctx.region,
        name: InstanceId,
        arn: arnOf("instance", ctx.region, ctx.accountId, InstanceId),
        at: ctx.now,
      });
  }
  return ReservationId;
}

/**
 * The AWS SDK for Go v2 sends optional strings that are set to "" (Packer's RunInstances carries SubnetId,
 * Placement.AvailabilityZone, IamInstanceProfile.Name and UserData so); EC2 takes an empty value as unset.
 */
function unsetEmpty(input: RunInstancesRequest): RunInstancesRequest {
  const out = { ...input };
  for (const k of ["SubnetId", "UserData", "KeyName", "KernelId", "RamdiskId"] as const) if (out[k] === "") delete out[k];
  if (out.Placement?.AvailabilityZone === "") out.Placement = { ...out.Placement, AvailabilityZone: undefined };
  if (out.IamInstanceProfile) {
    const { Arn, Name } = out.IamInstanceProfile;
    out.IamInstanceProfile = { Arn: Arn || undefined, Name: Name || undefined };
  }
  return out;
}

export const runInstancesHandlers: Pick<Ec2Handlers, "RunInstances"> = {
  RunInstances(ctx, request) {
    const input = unsetEmpty(request);
    const { ReservationId } = idempotent(ctx, input, (tokenId) => ({ ReservationId: launch(ctx, input, tokenId) }));
    return reservationView(ctx, ReservationId, reservationMembers(ctx, ReservationId));
  },
};
