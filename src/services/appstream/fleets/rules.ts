// What CreateFleet and UpdateFleet accept, checked on the fleet as it would be after the call. The ranges
// and per-type rules are those the API reference states for each member (CreateFleet, UpdateFleet,
// ComputeCapacity, VolumeConfig). The reference does not say which error a value out of range, an instance
// type not offered or a member not allowed for the fleet type gets: InvalidParameterCombinationException is
// the closest of the codes both operations list ("an incorrect combination of parameters, or a missing
// parameter"); an image whose instance families do not include the type's is IncompatibleImageException.
import type { RequestContext } from "../../../gateway/context";
import type { ComputeCapacity, DomainJoinInfo, PlatformType, S3Location, VolumeConfig, VpcConfig } from "../api.generated";
import { domainJoinChecked } from "../directory-configs/handlers";
import * as err from "../errors";
import { offered, runsOn } from "./instance-types";

/** The members of a fleet that the rules look at, as they would be after the call. */
export interface FleetPlan {
  Name: string;
  FleetType: string;
  InstanceType: string;
  Platform?: PlatformType;
  VpcConfig?: VpcConfig;
  DomainJoinInfo?: DomainJoinInfo;
  MaxConcurrentSessions?: number;
  MaxSessionsPerInstance?: number;
  SessionScriptS3Location?: S3Location;
  /** The platform of the fleet's image (none for an Elastic fleet or an image no longer known). */
  imagePlatform?: PlatformType;
  /** The image's SupportedInstanceFamilies (none for an Elastic fleet; null when the image is no longer known). */
  families?: readonly string[] | null;
  desired: { instances?: number; sessions?: number };
}

/** The members given in the call, whose ranges are checked (a stored value was checked when it was given). */
export interface FleetValues {
  MaxUserDurationInSeconds?: number;
  DisconnectTimeoutInSeconds?: number;
  IdleDisconnectTimeoutInSeconds?: number;
  RootVolumeConfig?: VolumeConfig;
  ComputeCapacity?: ComputeCapacity;
  MaxConcurrentSessions?: number;
  MaxSessionsPerInstance?: number;
}

/** Platforms an Elastic fleet runs (CreateFleet, Platform). */
const ELASTIC_PLATFORMS: ReadonlySet<string> = new Set(["WINDOWS_SERVER_2019", "AMAZON_LINUX2", "UBUNTU_PRO_2404"]);

function inRange(member: string, v: number | undefined, min: number, max: number, orZero = false): void {
  if (v === undefined || (orZero && v === 0) || (v >= min && v <= max)) return;
  throw err.invalidCombination(
    `The value ${v} for ${member} is not valid. Specify ${orZero ? "0 or " : ""}a value between ${min} and ${max}.`,
  );
}

function atLeast(member: string, v: number | undefined, min: number): void {
  if (v !== undefined && v < min) throw err.invalidCombination(`The value ${v} for ${member} is not valid. It must be at least ${min}.`);
}

export function checkFleetValues(v: FleetValues): void {
  inRange("MaxUserDurationInSeconds", v.MaxUserDurationInSeconds, 600, 432000);
  inRange("DisconnectTimeoutInSeconds", v.DisconnectTimeoutInSeconds, 60, 36000);
  inRange("IdleDisconnectTimeoutInSeconds", v.IdleDisconnectTimeoutInSeconds, 60, 36000, true);
  inRange("RootVolumeConfig.VolumeSizeInGb", v.RootVolumeConfig?.VolumeSizeInGb, 200, 500);
  atLeast("ComputeCapacity.DesiredInstances", v.ComputeCapacity?.DesiredInstances, 0);
  atLeast("ComputeCapacity.DesiredSessions", v.ComputeCapacity?.DesiredSessions, 0);
  atLeast("MaxConcurrentSessions", v.MaxConcurrentSessions, 1);
  atLeast("MaxSessionsPerInstance", v.MaxSessionsPerInstance, 1);
}

function checkElastic(f: FleetPlan): void {
  if (!offered(f.InstanceType, "elastic-fleet")) {
    throw err.invalidCombination(`The instance type ${f.InstanceType} is not available for Elastic fleets.`);
  }
  if ((f.VpcConfig?.SubnetIds?.length ?? 0) < 2) {
    throw err.invalidCombination("Elastic fleets require a VpcConfig with at least two subnets in different Availability Zones.");
  }
  if (!f.Platform) throw err.invalidCombination("Platform is required for ELASTIC fleets.");
  if (!ELASTIC_PLATFORMS.has(f.Platform)) {
    throw err.invalidCombination(`The platform ${f.Platform} is not supported for Elastic fleets.`);
  }
  if (f.DomainJoinInfo) throw err.invalidCombination("DomainJoinInfo is not allowed for Elastic fleets.");
  if (f.MaxConcurrentSessions === undefined) throw err.invalidCombination("MaxConcurrentSessions is required for ELASTIC fleets.");
  if (f.MaxSessionsPerInstance !== undefined) throw err.invalidCombination("MaxSessionsPerInstance is not allowed for Elastic fleets.");
}

function checkInstanceFleet(f: FleetPlan): void {
  if (!offered(f.InstanceType, "fleet")) throw err.invalidCombination(`The instance type ${f.InstanceType} is not valid.`);
  if (f.families !== null && !runsOn(f.families, f.InstanceType)) {
    throw err.incompatibleImage(
      `The image of fleet ${f.Name} does not support the instance type ${f.InstanceType}. ` +
        `Supported instance families: ${(f.families ?? []).join(", ")}.`,
    );
  }
  if (f.MaxConcurrentSessions !== undefined)
    throw err.invalidCombination(`MaxConcurrentSessions is not allowed for ${f.FleetType} fleets.`);
  if (f.SessionScriptS3Location) throw err.invalidCombination("SessionScriptS3Location applies only to Elastic fleets.");
  // ComputeCapacity: DesiredSessions is for multi-session fleets (MaxSessionsPerInstance), DesiredInstances for the others.
  const multi = f.MaxSessionsPerInstance !== undefined;
  if (multi && f.desired.instances !== undefined) {
    throw err.invalidCombination("Multi-session fleets take DesiredSessions in ComputeCapacity, not DesiredInstances.");
  }
  if (!multi && f.desired.sessions !== undefined) {
    throw err.invalidCombination("DesiredSessions is not allowed for single-session fleets: set DesiredInstances.");
  }
}

/**
 * A fleet streams its image's operating system: the Platform given must be the image's (an image's Platform,
 * DescribeImages). `WINDOWS`, the value of the first Windows images, stands for any Windows Server.
 */
export function samePlatform(fleet: PlatformType, image: PlatformType): boolean {
  return fleet === image || (fleet === "WINDOWS" && image.startsWith("WINDOWS")) || (image === "WINDOWS" && fleet.startsWith("WINDOWS"));
}

/** Checks the fleet as it would be after the call; its DomainJoinInfo must name a directory config and one of its OUs. */
export function checkFleetPlan(ctx: RequestContext, f: FleetPlan): void {
  // S3Key "is required when used for ... SessionScriptS3Location" (API reference, S3Location).
  if (f.SessionScriptS3Location && !f.SessionScriptS3Location.S3Key) {
    throw err.invalidCombination("SessionScriptS3Location requires an S3Key: the object key of the session scripts zip file.");
  }
  if (f.FleetType === "ELASTIC") checkElastic(f);
  else checkInstanceFleet(f);
  if (f.Platform && f.imagePlatform && !samePlatform(f.Platform, f.imagePlatform)) {
    throw err.incompatibleImage(
      `The platform ${f.Platform} of fleet ${f.Name} does not match the platform ${f.imagePlatform} of its image. ` +
        "A fleet's platform must be the platform of the image it runs.",
    );
  }
  domainJoinChecked(ctx, f.DomainJoinInfo);
}
