// How EC2 instances are kept. No machine runs: an instance is a record whose schedule holds the states of
// "Amazon EC2 instance state changes" (ec2-instance-lifecycle.html): pending → running on launch or start,
// stopping → stopped, shutting-down → terminated. A terminated instance stays listed for about an hour (the
// same page: "terminated instances remain visible ... for approximately one hour"), then reaches GONE and is
// purged with its tags (its collection's `expires`). States are computed from the clock when read.
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { endsIn, stateAt, stepAt } from "../../../state/lifecycle";
import { listOf, object, schema, typed, unchecked, type RecordOf } from "../../../state/record-schema";
import type {
  CapacityReservationSpecificationResponse,
  CpuOptions,
  InstanceMaintenanceOptions,
  PrivateDnsNameOptionsResponse,
  GroupIdentifier,
  IamInstanceProfile,
  InstanceMetadataOptionsResponse,
  InstanceState,
  InstanceStateName,
  Placement,
} from "../api.generated";
import { GONE } from "../images/records";
import * as err from "../errors";
import { dropTags } from "../tags/records";
import { retireToken } from "../client-tokens";
import { taggable } from "../resource-types";
import { interfacesUsingGroup } from "../network-interfaces/records";

const instanceSchema = schema({
  InstanceId: "string",
  ReservationId: "string",
  owner: "string",
  region: "string",
  ImageId: "string",
  /** The AMI's owner, whose partition keeps the use record (usage reports). */
  amiOwner: "string",
  InstanceType: "string",
  AmiLaunchIndex: "count",
  launchedAt: "time",
  Placement: typed<Placement>(object({ AvailabilityZone: "string" })),
  SubnetId: unchecked<string | undefined>(),
  VpcId: unchecked<string | undefined>(),
  PrivateIpAddress: "string",
  PrivateDnsName: "string",
  Groups: typed<GroupIdentifier[]>(listOf({ GroupId: "string?", GroupName: "string?" })),
  KeyName: unchecked<string | undefined>(),
  IamInstanceProfile: unchecked<IamInstanceProfile | undefined>(),
  UserData: unchecked<string | undefined>(),
  Architecture: unchecked<string>(),
  Platform: unchecked<"windows" | undefined>(),
  PlatformDetails: unchecked<string>(),
  UsageOperation: unchecked<string>(),
  VirtualizationType: unchecked<string>(),
  RootDeviceName: unchecked<string | undefined>(),
  RootDeviceType: unchecked<string>(),
  KernelId: unchecked<string | undefined>(),
  RamdiskId: unchecked<string | undefined>(),
  EnaSupport: unchecked<boolean | undefined>(),
  SriovNetSupport: unchecked<string | undefined>(),
  BootMode: unchecked<string | undefined>(),
  EbsOptimized: unchecked<boolean>(),
  Monitoring: unchecked<boolean>(),
  MetadataOptions: typed<InstanceMetadataOptionsResponse>("object"),
  DisableApiTermination: unchecked<boolean>(),
  DisableApiStop: unchecked<boolean>(),
  InstanceInitiatedShutdownBehavior: unchecked<string>(),
  SourceDestCheck: unchecked<boolean>(),
  ClientToken: unchecked<string | undefined>(),
  /** The launch template the instance was launched from, if any. */
  LaunchTemplate: unchecked<{ LaunchTemplateId: string; LaunchTemplateName: string; Version: string } | undefined>(),
  /** The launch's option blocks, as DescribeInstances reads them back (absent in records of older versions). */
  CpuOptions: unchecked<CpuOptions | undefined>(),
  HibernationConfigured: unchecked<boolean | undefined>(),
  EnclaveEnabled: unchecked<boolean | undefined>(),
  MaintenanceOptions: unchecked<InstanceMaintenanceOptions | undefined>(),
  PrivateDnsNameOptions: unchecked<PrivateDnsNameOptionsResponse | undefined>(),
  CapacityReservationSpecification: unchecked<CapacityReservationSpecificationResponse | undefined>(),
  /** "standard" or "unlimited", for burstable types only. */
  CpuCredits: unchecked<string | undefined>(),
  /** The association of its instance profile (IamInstanceProfile), while it has one. */
  iamAssociation: unchecked<{ AssociationId: string; at: number } | undefined>(),
  /** The administrator password of a Windows instance launched with a key pair, kept to answer GetPasswordData. */
  windowsPassword: unchecked<string | undefined>(),
  /** The UEFI variable store it booted with (its AMI's UefiData), for GetInstanceUefiData. */
  UefiData: unchecked<string | undefined>(),
  /** Launch, then every start, stop and termination appended: the states at any time. */
  schedule: "schedule",
  /** The client token (its clientTokens id) of the RunInstances that made it. */
  clientToken: unchecked<string | undefined>(),
  /** A Spot Instance: its lifecycle and the Spot request that launched it (fleets/spot.ts). */
  InstanceLifecycle: unchecked<"spot" | undefined>(),
  SpotInstanceRequestId: unchecked<string | undefined>(),
});
export type InstanceRecord = RecordOf<typeof instanceSchema>;

/** Seconds a terminated instance stays listed. */
export const TERMINATED_VISIBLE_SECONDS = 3600;

/** The state codes of InstanceState (its API reference): the high byte is internal and always 0 here. */
export const STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0,
  running: 16,
  "shutting-down": 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/**
 * In the owner's partition, keyed by instance id; indexed by reservation so DescribeInstances walks reservations
 * in order, by security group for DeleteSecurityGroup's check, by AMI for the `image-id` filter, by VPC and by
 * subnet for the `vpc-id` and `subnet-id` filters and for DeleteVpc's and DeleteSubnet's checks, and by the
 * association of its instance profile.
 */
export const instances = collection<InstanceRecord, string, "reservation" | "group" | "image" | "vpc" | "subnet" | "association">({
  type: "ec2.instance",
  schema: instanceSchema,
  key: (r) => r.InstanceId,
  // Its owner's partition of its region, by its members (what an import checks).
  rules: { partition: (r) => ({ account: r.owner, region: r.region }) },
  live: (r, now) => stateAt(r.schedule, now) !== GONE,
  indexes: {
    reservation: (r) => r.ReservationId,
    group: (r) => r.Groups.map((g) => g.GroupId ?? "").filter((id) => id),
    image: (r) => r.ImageId,
    vpc: (r) => r.VpcId,
    subnet: (r) => r.SubnetId,
    association: (r) => r.iamAssociation?.AssociationId,
  },
  expires: {
    goneAt: (r) => endsIn(r.schedule, GONE),
    purge(scope, id, r) {
      instances.delete(scope, id);
      dropTags(scope, id);
      retireToken(scope, r.clientToken, "ReservationId", r.ReservationId, endsIn(r.schedule, GONE)!);
    },
  },
  taggable: taggable("instance", (ctx, id) => findInstance(ctx, id)),
});

/** `i-` and 8 (older) or 17 hexadecimal digits. */
export const INSTANCE_ID = /^i-([0-9a-f]{8}|[0-9a-f]{17})$/;

export function checkInstanceId(id: string): void {
  if (!INSTANCE_ID.test(id)) throw err.instanceMalformed(id);
}

export const instanceState = (ctx: RequestContext, rec: InstanceRecord): InstanceStateName =>
  stateAt(rec.schedule, ctx.now) as InstanceStateName;

export const stateShape = (name: InstanceStateName): InstanceState => ({ Code: STATE_CODES[name], Name: name });

/** The caller's instance with this id, still listed; the EC2 error otherwise. */
export function findInstance(ctx: RequestContext, id: string): InstanceRecord {
  return findInstances(ctx, [id])[0];
}

/** The caller's instances with these ids, in the order asked; every unknown id named in one error. */
export function findInstances(ctx: RequestContext, ids: string[]): InstanceRecord[] {
  ids.forEach(checkInstanceId);
  const found = ids.map((id) => instances.get(ctx, id));
  const missing = [...new Set(ids.filter((_, i) => !found[i]))];
  if (missing.length) throw err.instanceNotFound(missing);
  return found as InstanceRecord[];
}

export const saveInstance = (ctx: RequestContext, rec: InstanceRecord): void => instances.put(ctx, rec);

/** The caller's instances in a VPC or a subnet that are not terminated, through the index of either. */
export const liveInstancesIn = (ctx: RequestContext, index: "vpc" | "subnet", id: string): InstanceRecord[] =>
  instances
    .lookup(ctx, index, { key: id })
    .map((e) => e.value)
    .filter((r) => instanceState(ctx, r) !== "terminated");

/**
 * Whether an instance of the caller that is not terminated, or a network interface of the caller, has the security
 * group (DeleteSecurityGroup refuses it then: DependencyViolation).
 */
export const usesSecurityGroup = (ctx: RequestContext, groupId: string): boolean =>
  instances.lookup(ctx, "group", { key: groupId }).some((e) => instanceState(ctx, e.value) !== "terminated") ||
  interfacesUsingGroup(ctx, groupId).length > 0;

/** When the last user-initiated stop or termination began (StateTransitionReason), if the instance is in one. */
export function userTransitionAt(ctx: RequestContext, rec: InstanceRecord): number | undefined {
  const state = instanceState(ctx, rec);
  if (state === "pending" || state === "running") return undefined;
  const begin = state === "stopping" || state === "stopped" ? "stopping" : "shutting-down";
  let at: number | undefined;
  for (const step of rec.schedule) if (step.at <= ctx.now && step.state === begin) at = step.at;
  return at ?? stepAt(rec.schedule, ctx.now).at;
}
