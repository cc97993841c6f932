// GetLaunchTemplateData (API reference, and "Create a launch template from an existing instance"): the launch
// parameters of one of the caller's instances, as a launch template would hold them: its AMI, type, key pair,
// placement, network interfaces (each with its subnet, groups and DeleteOnTermination), block devices with
// their volumes' settings, the option blocks it was launched with, its user data, and the tags of the instance
// (without the aws: ones EC2 keeps) as TagSpecifications.
import type { RequestContext } from "../../../gateway/context";
import type { Ec2Handlers, LaunchTemplateBlockDeviceMapping, ResponseLaunchTemplateData } from "../api.generated";
import { findInstance, type InstanceRecord } from "../instances/records";
import { interfacesOf } from "../network-interfaces/records";
import { reserved, tagList } from "../tags/records";
import { attachedVolumes } from "../volumes/records";

function blockDevices(ctx: RequestContext, r: InstanceRecord): LaunchTemplateBlockDeviceMapping[] {
  return attachedVolumes(ctx, r.InstanceId).map((v) => ({
    DeviceName: v.attachment!.Device,
    Ebs: {
      Encrypted: v.Encrypted,
      DeleteOnTermination: v.attachment!.DeleteOnTermination,
      SnapshotId: v.SnapshotId,
      VolumeSize: v.Size,
      VolumeType: v.VolumeType as NonNullable<LaunchTemplateBlockDeviceMapping["Ebs"]>["VolumeType"],
      Iops: v.Iops,
      Throughput: v.Throughput,
      KmsKeyId: v.KmsKeyId,
    },
  }));
}

export function launchTemplateDataOf(ctx: RequestContext, r: InstanceRecord): ResponseLaunchTemplateData {
  const tags = (tagList(ctx, r.InstanceId) ?? []).filter((t) => !reserved(t.Key!));
  return {
    ImageId: r.ImageId,
    InstanceType: r.InstanceType as ResponseLaunchTemplateData["InstanceType"],
    KeyName: r.KeyName,
    KernelId: r.KernelId,
    RamDiskId: r.RamdiskId,
    EbsOptimized: r.EbsOptimized,
    IamInstanceProfile: r.IamInstanceProfile && { Arn: r.IamInstanceProfile.Arn },
    Monitoring: { Enabled: r.Monitoring },
    Placement: {
      AvailabilityZone: r.Placement.AvailabilityZone,
      GroupName: r.Placement.GroupName ?? "",
      Tenancy: r.Placement.Tenancy ?? "default",
    },
    DisableApiTermination: r.DisableApiTermination,
    DisableApiStop: r.DisableApiStop,
    InstanceInitiatedShutdownBehavior:
      r.InstanceInitiatedShutdownBehavior as ResponseLaunchTemplateData["InstanceInitiatedShutdownBehavior"],
    UserData: r.UserData,
    BlockDeviceMappings: blockDevices(ctx, r),
    NetworkInterfaces: interfacesOf(ctx, r.InstanceId).map((eni) => ({
      DeviceIndex: eni.attachment!.DeviceIndex,
      NetworkCardIndex: eni.attachment!.NetworkCardIndex,
      DeleteOnTermination: eni.attachment!.DeleteOnTermination,
      Description: eni.Description,
      SubnetId: eni.SubnetId,
      Groups: eni.Groups.map((g) => g.GroupId!),
      AssociatePublicIpAddress: eni.attachment!.DeviceIndex === 0 ? !!eni.publicIp : undefined,
      InterfaceType: eni.InterfaceType,
      Ipv6Addresses: [],
      PrivateIpAddresses: [
        { Primary: true, PrivateIpAddress: eni.PrivateIpAddress },
        ...eni.secondaryIps.map((ip) => ({ Primary: false, PrivateIpAddress: ip })),
      ],
    })),
    CpuOptions: r.CpuOptions && { CoreCount: r.CpuOptions.CoreCount, ThreadsPerCore: r.CpuOptions.ThreadsPerCore },
    CreditSpecification: r.CpuCredits ? { CpuCredits: r.CpuCredits } : undefined,
    HibernationOptions: { Configured: r.HibernationConfigured ?? false },
    EnclaveOptions: { Enabled: r.EnclaveEnabled ?? false },
    MetadataOptions: { ...r.MetadataOptions, State: "applied" },
    MaintenanceOptions: r.MaintenanceOptions && { AutoRecovery: r.MaintenanceOptions.AutoRecovery },
    PrivateDnsNameOptions: r.PrivateDnsNameOptions,
    CapacityReservationSpecification: r.CapacityReservationSpecification,
    TagSpecifications: tags.length ? [{ ResourceType: "instance", Tags: tags }] : undefined,
  };
}

export const launchTemplateDataHandlers: Pick<Ec2Handlers, "GetLaunchTemplateData"> = {
  GetLaunchTemplateData(ctx, { InstanceId }) {
    return { LaunchTemplateData: launchTemplateDataOf(ctx, findInstance(ctx, InstanceId)) };
  },
};
