// The Instance and Reservation shapes as DescribeInstances and RunInstances show them: state, its reasons and
// the block devices at the request's time, and the caller's tags. StateReason and StateTransitionReason follow
// the examples of "Troubleshoot instance launch issues" and "Stop and start Amazon EC2 instances": a stopped or
// terminated instance names the user's request and when it was made.
import type { RequestContext } from "../../../gateway/context";
import type { Instance, InstanceBlockDeviceMapping, Reservation, StateReason } from "../api.generated";
import { instances, instanceState, stateShape, userTransitionAt, type InstanceRecord } from "./records";
import { attachedVolumes, attachmentView } from "../volumes/records";
import { tagList } from "../tags/records";
import { interfacesOf } from "../network-interfaces/records";
import { associationOf, instanceInterfaceView } from "../network-interfaces/view";

const gmt = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " GMT");

function stateReason(state: string): StateReason | undefined {
  if (state === "pending") return { Code: "pending", Message: "pending" };
  if (state === "running") return undefined;
  return { Code: "Client.UserInitiatedShutdown", Message: "Client.UserInitiatedShutdown: User initiated shutdown" };
}

export function blockDevices(ctx: RequestContext, r: InstanceRecord): InstanceBlockDeviceMapping[] {
  return attachedVolumes(ctx, r.InstanceId).map((v) => {
    const a = attachmentView(ctx, v)!;
    return {
      DeviceName: a.Device,
      Ebs: {
        VolumeId: v.VolumeId,
        Status: a.State as "attached" | "detaching",
        AttachTime: a.AttachTime,
        DeleteOnTermination: a.DeleteOnTermination,
      },
    };
  });
}

export function instanceView(ctx: RequestContext, r: InstanceRecord): Instance {
  const state = instanceState(ctx, r);
  const userAt = userTransitionAt(ctx, r);
  const addressed = state !== "terminated";
  const enis = addressed ? interfacesOf(ctx, r.InstanceId) : [];
  const primary = enis.find((e) => e.attachment!.DeviceIndex === 0);
  const association = primary && associationOf(ctx, primary);
  return {
    InstanceId: r.InstanceId,
    ImageId: r.ImageId,
    State: stateShape(state),
    PrivateDnsName: addressed ? r.PrivateDnsName : "",
    PublicDnsName: association?.PublicDnsName ?? "",
    PublicIpAddress: association?.PublicIp,
    StateTransitionReason: userAt === undefined ? "" : `User initiated (${gmt(userAt)})`,
    StateReason: stateReason(state),
    KeyName: r.KeyName,
    AmiLaunchIndex: r.AmiLaunchIndex,
    ProductCodes: [],
    InstanceType: r.InstanceType as Instance["InstanceType"],
    LaunchTime: new Date(r.launchedAt),
    Placement: r.Placement,
    KernelId: r.KernelId,
    RamdiskId: r.RamdiskId,
    Platform: r.Platform as Instance["Platform"],
    PlatformDetails: r.PlatformDetails,
    UsageOperation: r.UsageOperation,
    UsageOperationUpdateTime: new Date(r.launchedAt),
    Monitoring: { State: r.Monitoring ? "enabled" : "disabled" },
    SubnetId: addressed ? r.SubnetId : undefined,
    VpcId: addressed ? r.VpcId : undefined,
    PrivateIpAddress: addressed ? r.PrivateIpAddress : undefined,
    Architecture: r.Architecture as Instance["Architecture"],
    RootDeviceType: r.RootDeviceType as Instance["RootDeviceType"],
    RootDeviceName: r.RootDeviceName,
    BlockDeviceMappings: blockDevices(ctx, r),
    VirtualizationType: r.VirtualizationType as Instance["VirtualizationType"],
    ClientToken: r.ClientToken ?? "",
    Tags: tagList(ctx, r.InstanceId),
    SecurityGroups: primary?.Groups ?? r.Groups,
    SourceDestCheck: primary?.SourceDestCheck ?? r.SourceDestCheck,
    NetworkInterfaces: enis.map((e) => instanceInterfaceView(ctx, e)),
    Hypervisor: "xen",
    IamInstanceProfile: r.IamInstanceProfile,
    EbsOptimized: r.EbsOptimized,
    EnaSupport: r.EnaSupport,
    SriovNetSupport: r.SriovNetSupport,
    BootMode: r.BootMode as Instance["BootMode"],
    MetadataOptions: { ...r.MetadataOptions, State: state === "pending" ? "pending" : "applied" },
    CurrentInstanceBootMode: r.BootMode === "uefi" ? "uefi" : "legacy-bios",
    InstanceLifecycle: r.InstanceLifecycle,
    SpotInstanceRequestId: r.SpotInstanceRequestId,
    CpuOptions: r.CpuOptions,
    HibernationOptions: { Configured: r.HibernationConfigured ?? false },
    EnclaveOptions: { Enabled: r.EnclaveEnabled ?? false },
    MaintenanceOptions: r.MaintenanceOptions ?? { AutoRecovery: "default", RebootMigration: "default" },
    PrivateDnsNameOptions: r.PrivateDnsNameOptions ?? {
      HostnameType: "ip-name",
      EnableResourceNameDnsARecord: false,
      EnableResourceNameDnsAAAARecord: false,
    },
    CapacityReservationSpecification: r.CapacityReservationSpecification ?? { CapacityReservationPreference: "open" },
  };
}

/** The reservation of these instances (one RunInstances), as DescribeInstances and RunInstances show it. */
export function reservationView(ctx: RequestContext, ReservationId: string, members: InstanceRecord[]): Reservation {
  return {
    ReservationId,
    OwnerId: ctx.accountId,
    // EC2-Classic groups: instances in a VPC list theirs on each instance instead.
    Groups: [],
    Instances: members.map((r) => instanceView(ctx, r)),
  };
}

/** Every still-listed instance of a reservation, by launch index. */
export function reservationMembers(ctx: RequestContext, reservationId: string): InstanceRecord[] {
  return instances
    .lookup(ctx, "reservation", { key: reservationId })
    .map((e) => e.value)
    .sort((a, b) => a.AmiLaunchIndex - b.AmiLaunchIndex);
}
