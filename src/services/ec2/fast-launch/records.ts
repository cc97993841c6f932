// How Windows fast launch settings are kept: one record per AMI in the partition of the account that
// enabled it (the owner, or a grantee of an explicit share), with a schedule whose steps carry their
// StateTransitionReason. `disabling` ends in GONE: the settings are then removed.
// Who may change them: the EnableFastLaunch reference ("You can only change these settings for Windows AMIs
// that you own or that have been shared with you"); "View AMIs with EC2 Fast Launch enabled"
// (win-view-fast-launch.html): OwnerId "is not populated for AMIs that are shared with you".
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import { collection } from "../../../state/collection";
import { endsIn, stepAt, type Step } from "../../../state/lifecycle";
import type {
  DescribeFastLaunchImagesSuccessItem,
  FastLaunchLaunchTemplateSpecificationResponse,
  FastLaunchStateCode,
} from "../api.generated";
import * as err from "../errors";
import { findImage, visibleImage } from "../images/access";
import { amiState, GONE, sharedImages, type AmiRecord } from "../images/records";

/** The reason the aws-cli examples show for every transition a caller asked for. */
export const USER_INITIATED = "Client.UserInitiated";

export interface FastLaunchStep extends Step {
  reason: string;
}

export interface FastLaunchRecord {
  ImageId: string;
  /** The AMI's owner; shown as OwnerId only when it is the caller. */
  owner: string;
  ResourceType: "snapshot";
  TargetResourceCount: number;
  LaunchTemplate: FastLaunchLaunchTemplateSpecificationResponse;
  MaxParallelLaunches: number;
  schedule: FastLaunchStep[];
}

/** In the partition of the account that enabled it, keyed by AMI id; removed once disabling is over. */
export const fastLaunchSettings = collection<FastLaunchRecord>({
  type: "ec2.fast-launch",
  key: (r) => r.ImageId,
  live: (r, now) => stepAt(r.schedule, now).state !== GONE,
  expires: { goneAt: (r) => endsIn(r.schedule, GONE) },
});

export const incorrectState = (message: string) => new ServiceError("IncorrectState", message);

export const stepOf = (ctx: RequestContext, r: FastLaunchRecord): FastLaunchStep => stepAt(r.schedule, ctx.now) as FastLaunchStep;

/** The caller's settings for an AMI, unless removed or the AMI is gone (deregistered, or no longer shared). */
export function currentSettings(ctx: RequestContext, imageId: string): FastLaunchRecord | undefined {
  const rec = fastLaunchSettings.get(ctx, imageId);
  return rec && live(ctx, rec) ? rec : undefined;
}

/** Settings that are not removed, of an AMI that is still there for the caller. */
export function live(ctx: RequestContext, rec: FastLaunchRecord): boolean {
  if (stepOf(ctx, rec).state === GONE) return false;
  const ami = visibleImage(ctx, rec.ImageId);
  return !!ami && amiState(ctx, ami) !== "deregistered";
}

/** An available Windows AMI that the caller owns or that was shared with it by launch permission. */
export function fastLaunchImage(ctx: RequestContext, imageId: string): AmiRecord {
  const ami = findImage(ctx, imageId);
  const shared = ami.owner !== ctx.accountId && !!sharedImages.get(ctx, imageId);
  if (ami.owner !== ctx.accountId && !shared) throw err.notAuthorizedForImage(imageId);
  const state = amiState(ctx, ami);
  if (state !== "available")
    throw err.amiUnavailable(`The image id '[${imageId}]' is ${state}; Windows fast launch needs an available AMI.`);
  if (ami.Platform !== "windows") {
    throw err.invalidValue(`The image ${imageId} is not a Windows AMI. Windows fast launch supports only Windows AMIs.`);
  }
  return ami;
}

export const saveSettings = (ctx: RequestContext, rec: FastLaunchRecord): void => fastLaunchSettings.put(ctx, rec);

/**
 * The settings as EnableFastLaunch, DisableFastLaunch and DescribeFastLaunchImages return them; `begun`: the
 * step a changing call started, which it answers with even when transitions take no time.
 */
export function view(ctx: RequestContext, rec: FastLaunchRecord, begun?: FastLaunchStep): DescribeFastLaunchImagesSuccessItem {
  const step = begun ?? stepOf(ctx, rec);
  return {
    ImageId: rec.ImageId,
    ResourceType: rec.ResourceType,
    SnapshotConfiguration: { TargetResourceCount: rec.TargetResourceCount },
    LaunchTemplate: rec.LaunchTemplate,
    MaxParallelLaunches: rec.MaxParallelLaunches,
    OwnerId: rec.owner === ctx.accountId ? rec.owner : undefined,
    State: step.state as FastLaunchStateCode,
    StateTransitionReason: step.reason,
    StateTransitionTime: new Date(step.at),
  };
}
