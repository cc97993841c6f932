// Image builders: PENDING → RUNNING; stop → STOPPING → STOPPED; start → PENDING → RUNNING;
// delete → DELETING → gone ("Image Builder Actions", managing-image-builders-actions.html: start and
// delete need a stopped builder, stop a running one, and nothing is possible in a transitional state;
// deleting a running builder is accepted by the service as well). CreateImageBuilder takes the instance
// types the API reference lists for builders, of a family the image supports, a DomainJoinInfo naming a
// directory config, and a released agent version, `LATEST` (or `[LATEST]`) meaning the newest. A builder whose
// subnet or security groups are none of the account's ends FAILED with ImageBuilderErrors (fleets/network.ts).
import type { RequestContext } from "../../../gateway/context";
import { plan, stateAt } from "../../../state/lifecycle";
import { arn } from "../../../util/arn";
import type { AppStreamHandlers, ImageBuilder, CreateImageBuilderRequest, Image, PlatformType, VpcConfig } from "../api.generated";
import * as err from "../errors";
import { checkNameFree, checkNewImageName, imageArn, imageView, putImage, resolveImage, setImageUse } from "../images/handlers";
import { builders, type BuilderRecord } from "./records";
import { GONE, pick } from "../records";
import { type ImageRecord } from "../images/records";
import { collectionPage, pageSize } from "../paging";
import { builderFailure, errorsView, imageFailure } from "../failures";
import { isAgentVersion, isLatestAgent, latestAgentVersion } from "../images/catalog";
import { domainJoinChecked } from "../directory-configs/handlers";
import { offered, runsOn } from "../fleets/instance-types";
import { networkErrors } from "../fleets/network";
import { forgetSoftware, installedSoftware, softwareAtCreation } from "./software";
import { checkRoleArn } from "../roles";
import { checkQuota } from "../quotas";

/**
 * PENDING → RUNNING, or → FAILED when its instance cannot be launched in the subnet and security groups of its
 * VpcConfig (fleets/network.ts) or a fault rule says so; the failure's reason is kept on the record.
 */
function launch(ctx: RequestContext, rec: BuilderRecord): void {
  const network = networkErrors(ctx, rec.attrs.VpcConfig as VpcConfig | undefined);
  const failed = network.length > 0 || ctx.failure !== undefined;
  rec.schedule = plan(ctx.now, ["PENDING", ctx.timings.seconds("builderStart")], [failed ? "FAILED" : "RUNNING"]);
  Object.assign(
    rec,
    network.length
      ? {
          StateChangeReason: { Code: "INTERNAL_ERROR", Message: network[0].ErrorMessage },
          ImageBuilderErrors: network.map((e) => ({ ...e, ErrorTimestamp: ctx.now })),
        }
      : ctx.failure
        ? builderFailure(ctx, ctx.failure.reason)
        : { StateChangeReason: undefined, ImageBuilderErrors: undefined },
  );
}

/** Members of CreateImageBuilder that the builder keeps and returns as given. */
const KEPT = [
  "Description",
  "DisplayName",
  "VpcConfig",
  "InstanceType",
  "IamRoleArn",
  "EnableDefaultInternetAccess",
  "DomainJoinInfo",
  "AccessEndpoints",
  "RootVolumeConfig",
  "DisableIMDSV1",
] as const;

const builderArn = (ctx: RequestContext, name: string) => arn("appstream", ctx.region, ctx.accountId, `image-builder/${name}`);

export const getBuilder = (ctx: RequestContext, name: string): BuilderRecord | undefined => builders.get(ctx, name);

function mustGet(ctx: RequestContext, name: string): BuilderRecord {
  const rec = getBuilder(ctx, name);
  if (!rec) throw err.notFound(`Image builder ${name} does not exist.`);
  return rec;
}

const save = (ctx: RequestContext, rec: BuilderRecord): void => builders.put(ctx, rec);

/** `changed`: the answer to the call that just set a new schedule shows its first state, even when transitions take no time. */
export function builderView(ctx: RequestContext, rec: BuilderRecord, changed = false): ImageBuilder {
  const state = (changed ? rec.schedule[0].state : stateAt(rec.schedule, ctx.now)) as ImageBuilder["State"];
  return {
    ...rec.attrs,
    Name: rec.Name,
    Arn: rec.Arn,
    ImageArn: rec.ImageArn,
    Platform: rec.Platform,
    State: state,
    CreatedTime: new Date(rec.createdAt),
    AppstreamAgentVersion: rec.attrs.AppstreamAgentVersion as string | undefined,
    LatestAppstreamAgentVersion: isLatestAgent(rec.attrs.AppstreamAgentVersion as string | undefined, rec.Platform) ? "TRUE" : "FALSE",
    StateChangeReason: state === "FAILED" ? rec.StateChangeReason : undefined,
    ImageBuilderErrors: state === "FAILED" ? errorsView(rec.ImageBuilderErrors) : undefined,
  };
}

/**
 * The agent version a builder runs: `LATEST` resolves to the newest for its platform; any other must be a
 * released version. The API reference names no error for an unknown version: InvalidParameterCombinationException
 * is the closest of those CreateImageBuilder lists.
 */
function agentVersion(given: string | undefined, platform: PlatformType, fallback: string | undefined): string {
  if (given === undefined) return fallback ?? latestAgentVersion(platform);
  if (given === "LATEST" || given === "[LATEST]") return latestAgentVersion(platform);
  if (!isAgentVersion(given)) throw err.invalidCombination(`The AppStream agent version ${given} is not valid.`);
  return given;
}

function wrongState(name: string, state: string, action: string) {
  return `The image builder ${name} is in the ${state} state. It must be ${action} for this action to succeed.`;
}

export const builderHandlers: Pick<
  AppStreamHandlers,
  "CreateImageBuilder" | "DescribeImageBuilders" | "StartImageBuilder" | "StopImageBuilder" | "DeleteImageBuilder"
> = {
  CreateImageBuilder(ctx, input: CreateImageBuilderRequest) {
    if (getBuilder(ctx, input.Name)) throw err.alreadyExists(`An image builder named ${input.Name} already exists.`);
    if ((input.VpcConfig?.SubnetIds?.length ?? 0) > 1) {
      throw err.invalidCombination("An image builder can be launched in only one subnet: specify one subnet ID in VpcConfig.");
    }
    if (!offered(input.InstanceType, "builder")) {
      throw err.invalidCombination(`The instance type ${input.InstanceType} is not available for image builders.`);
    }
    if (input.RootVolumeConfig?.VolumeSizeInGb !== undefined) {
      const size = input.RootVolumeConfig.VolumeSizeInGb;
      if (size < 200 || size > 500) {
        throw err.invalidCombination(
          `The value ${size} for RootVolumeConfig.VolumeSizeInGb is not valid. Specify a value between 200 and 500.`,
        );
      }
    }
    checkRoleArn(ctx, input.IamRoleArn);
    const image = resolveImage(ctx, input, "builder");
    if (!runsOn(image.families, input.InstanceType)) {
      throw err.incompatibleImage(
        `The image ${image.ref.name} does not support the instance type ${input.InstanceType}. ` +
          `Supported instance families: ${(image.families ?? []).join(", ")}.`,
      );
    }
    domainJoinChecked(ctx, input.DomainJoinInfo);
    checkQuota(ctx, "image-builders");
    const addSoftware = softwareAtCreation(ctx, image.ref, image.platform, input.SoftwaresToInstall, input.SoftwaresToUninstall);
    const attrs = pick(input, KEPT);
    attrs.AppstreamAgentVersion = agentVersion(input.AppstreamAgentVersion, image.platform, image.agentVersion);
    const rec: BuilderRecord = {
      attrs,
      Name: input.Name,
      Arn: builderArn(ctx, input.Name),
      ImageArn: image.ref.arn,
      image: image.ref,
      Platform: image.platform,
      families: image.families,
      releasedAt: image.releasedAt,
      createdAt: ctx.now,
      schedule: [],
      tags: { ...(input.Tags ?? {}) },
    };
    launch(ctx, rec);
    save(ctx, rec);
    addSoftware(rec.Name, ctx.timings.seconds("builderStart"));
    setImageUse(ctx, image.ref, "builder", rec.Name, true);
    return { ImageBuilder: builderView(ctx, rec, true) };
  },

  DescribeImageBuilders(ctx, input) {
    if (input.Names?.length) {
      return { ImageBuilders: input.Names.map((n) => builderView(ctx, mustGet(ctx, n))) };
    }
    const page = collectionPage(builders, ctx, { limit: pageSize(input.MaxResults, 25) }, "DescribeImageBuilders", input.NextToken);
    return { ImageBuilders: page.items.map((b) => builderView(ctx, b)), NextToken: page.nextToken };
  },

  StartImageBuilder(ctx, { Name, AppstreamAgentVersion }) {
    const rec = mustGet(ctx, Name);
    const state = stateAt(rec.schedule, ctx.now);
    if (state === "FAILED") throw err.notAvailable(wrongState(Name, state, "STOPPED"));
    // StartImageBuilder lists no OperationNotPermittedException: a builder that is not stopped is being changed.
    if (state !== "STOPPED") throw err.concurrentModification(wrongState(Name, state, "STOPPED"));
    if (AppstreamAgentVersion) rec.attrs.AppstreamAgentVersion = agentVersion(AppstreamAgentVersion, rec.Platform, undefined);
    launch(ctx, rec);
    save(ctx, rec);
    return { ImageBuilder: builderView(ctx, rec, true) };
  },

  StopImageBuilder(ctx, { Name }) {
    const rec = mustGet(ctx, Name);
    const state = stateAt(rec.schedule, ctx.now);
    if (state === "STOPPED" || state === "FAILED") throw err.notPermitted(wrongState(Name, state, "RUNNING"));
    if (state !== "RUNNING") throw err.concurrentModification(wrongState(Name, state, "RUNNING"));
    rec.schedule = plan(ctx.now, ["STOPPING", ctx.timings.seconds("builderStop")], ["STOPPED"]);
    save(ctx, rec);
    return { ImageBuilder: builderView(ctx, rec, true) };
  },

  DeleteImageBuilder(ctx, { Name }) {
    const rec = mustGet(ctx, Name);
    const state = stateAt(rec.schedule, ctx.now);
    if (state !== "STOPPED" && state !== "RUNNING" && state !== "FAILED") {
      throw err.notPermitted(wrongState(Name, state, "STOPPED or RUNNING"));
    }
    rec.schedule = plan(ctx.now, ["DELETING", ctx.timings.seconds("builderDelete")], [GONE]);
    save(ctx, rec);
    setImageUse(ctx, rec.image, "builder", Name, false);
    forgetSoftware(ctx, Name);
    return { ImageBuilder: builderView(ctx, rec, true) };
  },
};

export interface CreateImageRequest {
  ImageName: string;
  DisplayName?: string;
  Description?: string;
  Tags?: Record<string, string>;
}

/**
 * What the Image Assistant does inside a running builder ("Create your image", tutorial-image-builder.html):
 * the builder is SNAPSHOTTING while the image is PENDING; then the image is AVAILABLE and the builder STOPPED.
 */
export function createImageFromBuilder(ctx: RequestContext, builderName: string, input: CreateImageRequest): Image {
  const builder = mustGet(ctx, builderName);
  const state = stateAt(builder.schedule, ctx.now);
  if (state !== "RUNNING") throw err.notPermitted(wrongState(builderName, state, "RUNNING"));
  checkNewImageName(input.ImageName);
  checkNameFree(ctx, input.ImageName);
  checkQuota(ctx, "images");
  const seconds = ctx.timings.seconds("builderSnapshot");
  builder.schedule = plan(ctx.now, ["SNAPSHOTTING", seconds], ["STOPPED"]);
  save(ctx, builder);
  const image: ImageRecord = {
    Name: input.ImageName,
    Arn: imageArn(ctx.region, ctx.accountId, input.ImageName),
    owner: ctx.accountId,
    region: ctx.region,
    BaseImageArn: builder.ImageArn,
    DisplayName: input.DisplayName,
    Description: input.Description,
    Platform: builder.Platform,
    AppstreamAgentVersion: builder.attrs.AppstreamAgentVersion as string | undefined,
    ImageBuilderName: builderName,
    ImageType: "NATIVE",
    SupportedInstanceFamilies: builder.families,
    releasedAt: builder.releasedAt,
    createdAt: ctx.now,
    schedule: plan(ctx.now, ["PENDING", seconds], [ctx.failure ? "FAILED" : "AVAILABLE"]),
    tags: { ...(input.Tags ?? {}) },
    ...(ctx.failure ? imageFailure(ctx, "INTERNAL_ERROR", ctx.failure.reason) : {}),
    software: installedSoftware(ctx, builderName),
  };
  putImage(ctx, image);
  return imageView(ctx, image, undefined, true);
}
