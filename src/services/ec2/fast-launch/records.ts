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
import { object, schema, typed, type RecordOf } from "../../../state/record-schema";
import type {
  DescribeFastLaunchImagesSuccessItem,
  FastLaunchLaunchTemplateSpecificationResponse,
  FastLaunchStateCode,
} from "../api.generated";
import { GONE } from "../images/records";

/** The reason the aws-cli examples show for every transition a caller asked for. */
export const USER_INITIATED = "Client.UserInitiated";

export interface FastLaunchStep extends Step {
  reason: string;
}

const fastLaunchSchema = schema({
  ImageId: "string",
  /** The AMI's owner; shown as OwnerId only when it is the caller. */
  owner: "string",
  ResourceType: typed<"snapshot">("string"),
  TargetResourceCount: "count",
  MaxParallelLaunches: "count",
  LaunchTemplate: typed<FastLaunchLaunchTemplateSpecificationResponse>(
    object({ LaunchTemplateId: "string?", LaunchTemplateName: "string?", Version: "string?" }),
  ),
  schedule: typed<FastLaunchStep[]>("schedule"),
});
export type FastLaunchRecord = RecordOf<typeof fastLaunchSchema>;

/**
 * In the partition of the account that enabled it, keyed by AMI id; removed once disabling is over, or with
 * its AMI (images/access.ts).
 */
export const fastLaunchSettings = collection<FastLaunchRecord>({
  type: "ec2.fast-launch",
  schema: fastLaunchSchema,
  key: (r) => r.ImageId,
  live: (r, now) => stepAt(r.schedule, now).state !== GONE,
  expires: { goneAt: (r) => endsIn(r.schedule, GONE) },
});

export const incorrectState = (message: string) => new ServiceError("IncorrectState", message);

export const stepOf = (ctx: RequestContext, r: FastLaunchRecord): FastLaunchStep => stepAt(r.schedule, ctx.now) as FastLaunchStep;

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
