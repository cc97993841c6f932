// Windows fast launch (EnableFastLaunch, DisableFastLaunch, DescribeFastLaunchImages). Enabling lasts a
// phase, then `enabled`; EnableFastLaunch on settings that are enabling or enabled changes them in place.
// Disabling lasts a phase, then the settings are removed; until then they cannot be enabled again (the
// DisableFastLaunch reference: snapshots must be removed first). A fault rule with a lifecycle failure ends
// enabling in `enabling-failed`, turns enabled settings it changes into `enabled-failed`, and ends disabling in
// `disabling-failed`, which only a forced DisableFastLaunch (Force overrides clean-up errors) gets past.
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import { compileFilters } from "../filters";
import type { Ec2Handlers, EnableFastLaunchRequest, FastLaunchLaunchTemplateSpecificationResponse } from "../api.generated";
import * as err from "../errors";
import { checkAmiId, findImage, noteReference, visibleImage } from "../images/access";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import {
  fastLaunchSettings,
  incorrectState,
  saveSettings,
  stepOf,
  USER_INITIATED,
  view,
  type FastLaunchRecord,
  type FastLaunchStep,
} from "./records";
import { amiState, GONE, sharedImages, type AmiRecord } from "../images/records";

/** The caller's settings for an AMI, unless removed or the AMI is gone (deregistered, or no longer shared). */
function currentSettings(ctx: RequestContext, imageId: string): FastLaunchRecord | undefined {
  const rec = fastLaunchSettings.get(ctx, imageId);
  return rec && live(ctx, rec) ? rec : undefined;
}

/** Settings that are not removed, of an AMI that is still there for the caller. */
function live(ctx: RequestContext, rec: FastLaunchRecord): boolean {
  if (stepOf(ctx, rec).state === GONE) return false;
  const ami = visibleImage(ctx, rec.ImageId);
  return !!ami && amiState(ctx, ami) !== "deregistered";
}

/** An available Windows AMI that the caller owns or that was shared with it by launch permission. */
function fastLaunchImage(ctx: RequestContext, imageId: string): AmiRecord {
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

/** Value must be 6 or greater (EnableFastLaunch reference); 6 when not given. */
const MIN_PARALLEL = 6;
/** The snapshot count the aws-cli enable-fast-launch example reports when none is given. */
const DEFAULT_TARGET_COUNT = 10;
const LAUNCH_TEMPLATE_ID = /^lt-([0-9a-f]{8}|[0-9a-f]{17})$/;

const failureReason = (ctx: RequestContext, fallback: string) => ctx.failure?.reason ?? fallback;

/** Keeps the steps already reached and continues with `next`, the first of which starts now. */
/** Replaces the future of the schedule with `next`; returns the step that begins now, which the call answers with. */
function continueWith(
  ctx: RequestContext,
  rec: FastLaunchRecord,
  ...next: [state: string, reason: string, seconds?: number][]
): FastLaunchStep {
  const past = rec.schedule.filter((s) => s.at <= ctx.now);
  let at = ctx.now;
  const steps: FastLaunchStep[] = next.map(([state, reason, seconds]) => {
    const step = { state, reason, at };
    at += (seconds ?? 0) * 1000;
    return step;
  });
  rec.schedule = [...past, ...steps];
  return steps[0];
}

function launchTemplate(lt: EnableFastLaunchRequest["LaunchTemplate"]): FastLaunchLaunchTemplateSpecificationResponse | undefined {
  if (!lt) return undefined;
  const { LaunchTemplateId: id, LaunchTemplateName: name, Version } = lt;
  if (id !== undefined && name !== undefined) {
    throw err.invalidCombination("Launch template parameters can include either the name or the ID of the launch template, but not both.");
  }
  if (id === undefined && name === undefined)
    throw err.missingParameter("LaunchTemplate.LaunchTemplateId or LaunchTemplate.LaunchTemplateName");
  if (id !== undefined && !LAUNCH_TEMPLATE_ID.test(id))
    throw new ServiceError("InvalidLaunchTemplateId.Malformed", `The launch template ID '${id}' is malformed.`);
  if (!/^(\$Latest|\$Default|[1-9][0-9]*)$/.test(Version))
    throw err.invalidValue(`The launch template version '${Version}' is not valid: expected a version number, $Latest or $Default.`);
  return { LaunchTemplateId: id, LaunchTemplateName: name, Version };
}

/** The request's settings, checked; members it leaves out keep `base`'s value (or the defaults). */
function settings(input: EnableFastLaunchRequest, base?: FastLaunchRecord) {
  if (input.ResourceType !== undefined && input.ResourceType !== "snapshot") {
    throw err.invalidValue(`Value (${input.ResourceType}) for parameter ResourceType is invalid. Supported value: snapshot.`);
  }
  const parallel = input.MaxParallelLaunches;
  if (parallel !== undefined && parallel < MIN_PARALLEL) {
    throw err.invalidValue(
      `Value (${parallel}) for parameter MaxParallelLaunches is invalid. The value must be ${MIN_PARALLEL} or greater.`,
    );
  }
  const count = input.SnapshotConfiguration?.TargetResourceCount;
  if (count !== undefined && count < 1)
    throw err.invalidValue(`Value (${count}) for parameter TargetResourceCount is invalid. The value must be 1 or greater.`);
  return {
    ResourceType: "snapshot" as const,
    MaxParallelLaunches: parallel ?? base?.MaxParallelLaunches ?? MIN_PARALLEL,
    TargetResourceCount: count ?? base?.TargetResourceCount ?? DEFAULT_TARGET_COUNT,
    LaunchTemplate: launchTemplate(input.LaunchTemplate) ?? base?.LaunchTemplate ?? {},
  };
}

export const fastLaunchHandlers: Pick<Ec2Handlers, "EnableFastLaunch" | "DisableFastLaunch" | "DescribeFastLaunchImages"> = {
  EnableFastLaunch(ctx, input) {
    const ami = fastLaunchImage(ctx, input.ImageId);
    const existing = currentSettings(ctx, ami.ImageId);
    const state = existing && stepOf(ctx, existing).state;
    if (state === "disabling" || state === "disabling-failed") {
      throw incorrectState(
        `Windows fast launch for image ${ami.ImageId} is ${state}: its pre-provisioned snapshots must be removed before it can be enabled again.`,
      );
    }
    const rec: FastLaunchRecord = { ImageId: ami.ImageId, owner: ami.owner, schedule: [], ...existing, ...settings(input, existing) };
    let begun: FastLaunchStep | undefined;
    if (state === "enabled" && ctx.failure) {
      begun = continueWith(ctx, rec, [
        "enabled-failed",
        failureReason(ctx, "Server.InternalError: the new settings could not be applied."),
      ]);
    } else if (state !== "enabling" && state !== "enabled") {
      const end = ctx.failure
        ? (["enabling-failed", failureReason(ctx, "Server.InternalError: pre-provisioning of snapshots failed.")] as const)
        : (["enabled", USER_INITIATED] as const);
      rec.schedule = [];
      begun = continueWith(ctx, rec, ["enabling", USER_INITIATED, ctx.timings.seconds("fastLaunchEnable")], [...end]);
    }
    saveSettings(ctx, rec);
    noteReference(ctx, ami);
    return view(ctx, rec, begun);
  },

  DisableFastLaunch(ctx, { ImageId, Force }) {
    checkAmiId(ImageId);
    const rec = currentSettings(ctx, ImageId);
    if (!rec) {
      findImage(ctx, ImageId);
      throw incorrectState(`Windows fast launch is not enabled for image ${ImageId}.`);
    }
    if (stepOf(ctx, rec).state === "disabling" && !Force) {
      throw incorrectState(`Windows fast launch for image ${ImageId} is already being disabled.`);
    }
    const end =
      ctx.failure && !Force
        ? ([
            "disabling-failed",
            failureReason(ctx, "Server.InternalError: the pre-provisioned snapshots could not be cleaned up."),
          ] as const)
        : ([GONE, USER_INITIATED] as const);
    const begun = continueWith(ctx, rec, ["disabling", USER_INITIATED, ctx.timings.seconds("fastLaunchDisable")], [...end]);
    saveSettings(ctx, rec);
    return view(ctx, rec, begun);
  },

  DescribeFastLaunchImages(ctx, input) {
    for (const id of input.ImageIds ?? []) checkAmiId(id);
    const matches = compileFilters<FastLaunchRecord>(input.Filters, {
      fields: {
        "resource-type": (r) => r.ResourceType,
        "owner-id": (r) => r.owner,
        state: (r) => stepOf(ctx, r).state,
      },
    });
    const limit = pageLimit(input.MaxResults, 1, 200);
    const after = startAfter(ctx, input.NextToken);
    const candidates = input.ImageIds?.length
      ? [...new Set(input.ImageIds)]
          .sort()
          .filter((id) => id > after)
          .map((id) => fastLaunchSettings.get(ctx, id))
          .filter((r): r is FastLaunchRecord => !!r)
      : fastLaunchSettings.scan(ctx, { after, batch: 200 });
    const { page, more } = takePage<FastLaunchRecord>(candidates, (rec) => live(ctx, rec) && matches(rec), limit);
    return {
      FastLaunchImages: page.map((r) => view(ctx, r)),
      NextToken: more ? nextToken(ctx, page[page.length - 1].ImageId) : undefined,
    };
  },
};
