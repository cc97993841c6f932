// AppStream images: the caller's private images and those shared with it (and the public catalog by name),
// DeleteImage, CopyImage and CreateUpdatedImage. DescribeImages lists them in images/describe.ts.
import type { RequestContext } from "../../../gateway/context";
import { inPartition } from "../../../state/collection";
import { plan, stateAt } from "../../../state/lifecycle";
import { arn, inPartitionOf, parseArn } from "../../../util/arn";
import type { AppStreamHandlers, Image, ImagePermissions, PlatformType } from "../api.generated";
import { catalogImage, isLatestAgent, isRetiredImage, latestAgentVersion, publicImageArn } from "./catalog";
import { checkQuota } from "../quotas";
import * as err from "../errors";
import { images, imageUses, permissions, sharedWithMe, type ImageRecord } from "./records";
import { ownerPartition, type ImageRef } from "../records";
import { errorsView, imageFailure } from "../failures";
import { catalogApplications, forgetImageUse } from "../imported-images/records";

export const imageArn = (region: string, account: string, name: string) => arn("appstream", region, account, `image/${name}`);

export function getOwnImage(ctx: RequestContext, name: string, owner = ctx.accountId): ImageRecord | undefined {
  return images.get(inPartition(ctx, ownerPartition(ctx, owner)), name);
}

export const imageState = (ctx: RequestContext, rec: ImageRecord) => stateAt(rec.schedule, ctx.now) as Image["State"];

function hasShares(ctx: RequestContext, rec: ImageRecord): boolean {
  return permissions.first(inPartition(ctx, ownerPartition(ctx, rec.owner)), { within: [rec.Name] }) !== undefined;
}

/**
 * The Image shape of a stored image as `ctx`'s caller sees it (owner: PRIVATE; recipient: SHARED).
 * `changed`: the answer to the call that just created it shows its first state.
 */
export function imageView(ctx: RequestContext, rec: ImageRecord, shared?: ImagePermissions, changed = false): Image {
  const state = changed ? (rec.schedule[0].state as Image["State"]) : imageState(ctx, rec);
  return {
    Name: rec.Name,
    Arn: rec.Arn,
    BaseImageArn: rec.BaseImageArn,
    DisplayName: rec.DisplayName,
    Description: rec.Description,
    State: state,
    Visibility: shared ? "SHARED" : "PRIVATE",
    ImageBuilderSupported: true,
    ImageBuilderName: shared ? undefined : rec.ImageBuilderName,
    Platform: rec.Platform,
    CreatedTime: new Date(rec.createdAt),
    PublicBaseImageReleasedDate: rec.releasedAt !== undefined ? new Date(rec.releasedAt) : undefined,
    AppstreamAgentVersion: rec.AppstreamAgentVersion,
    LatestAppstreamAgentVersion: isLatestAgent(rec.AppstreamAgentVersion, rec.Platform) ? "TRUE" : "FALSE",
    SupportedInstanceFamilies: rec.SupportedInstanceFamilies,
    ImageType: rec.ImageType,
    ImagePermissions: shared,
    ImageSharedWithOthers: shared ? undefined : hasShares(ctx, rec) ? "TRUE" : "FALSE",
    StateChangeReason: state === "FAILED" ? rec.StateChangeReason : undefined,
    ImageErrors: state === "FAILED" ? errorsView(rec.ImageErrors) : undefined,
    DynamicAppProvidersEnabled: "DISABLED",
    Applications: catalogApplications(rec),
  };
}

export function permissionFor(ctx: RequestContext, owner: string, name: string, account = ctx.accountId): ImagePermissions | undefined {
  return permissions.get(inPartition(ctx, ownerPartition(ctx, owner)), [name, account])?.permissions;
}

/** An image shared with the caller by `owner`, with the caller's permissions. */
export function sharedImage(ctx: RequestContext, owner: string, name: string): [ImageRecord, ImagePermissions] | undefined {
  const perms = permissionFor(ctx, owner, name);
  const rec = perms && getOwnImage(ctx, name, owner);
  return rec && perms ? [rec, perms] : undefined;
}

export const notFoundMessage = (ctx: RequestContext, name: string) => `The image ${name} for account ${ctx.accountId} does not exist.`;

/** The service's wording when a fleet or builder names an image that is not AVAILABLE (DEPRECATED for a retired public one). */
const notAvailableMessage = (name: string, state: string) =>
  `The image ${name} is ${state}. The image must be in an AVAILABLE state for this action to succeed.`;

export interface ResolvedImage {
  ref: ImageRef;
  platform: PlatformType;
  agentVersion?: string;
  families?: string[];
  releasedAt?: number;
  baseArn: string;
}

/**
 * The image a new fleet or builder is to run, by name or ARN: public, own, or shared with a grant for
 * `purpose`. It must be AVAILABLE.
 */
export function resolveImage(
  ctx: RequestContext,
  input: { ImageName?: string; ImageArn?: string },
  purpose: "fleet" | "builder",
): ResolvedImage {
  const { ImageName, ImageArn } = input;
  if (ImageName && ImageArn) throw err.invalidCombination("You can specify either ImageName or ImageArn, but not both.");
  if (!ImageName && !ImageArn) throw err.invalidCombination("Either ImageName or ImageArn must be specified.");
  let owner = ctx.accountId;
  let name = ImageName ?? "";
  if (ImageArn) {
    const a = parseArn(ImageArn);
    const m = a && a.service === "appstream" && /^image\/(.+)$/.exec(a.resource);
    if (!a || !m) throw err.notFound(`The image ARN ${ImageArn} is not valid.`);
    if (a.region !== ctx.region || !inPartitionOf(ImageArn, ctx.region))
      throw err.notFound(`The image ${m[1]} does not exist in region ${ctx.region}.`);
    owner = a.account;
    name = m[1];
  }
  if (owner === "") {
    const c = catalogImage(name);
    if (!c && isRetiredImage(name)) throw err.notAvailable(notAvailableMessage(name, "DEPRECATED"));
    if (!c) throw err.notFound(notFoundMessage(ctx, name));
    const released = Date.parse(`${c.released}T00:00:00Z`);
    return {
      ref: { owner: "", name, arn: publicImageArn(ctx.region, name) },
      platform: c.platform,
      agentVersion: c.agentVersion,
      families: c.families,
      releasedAt: released,
      baseArn: publicImageArn(ctx.region, name),
    };
  }
  let rec: ImageRecord | undefined;
  if (owner === ctx.accountId) {
    rec = getOwnImage(ctx, name);
    if (!rec && ImageName) {
      if (catalogImage(name) || isRetiredImage(name)) return resolveImage(ctx, { ImageArn: publicImageArn(ctx.region, name) }, purpose);
      const shared = sharedByName(ctx, name);
      if (shared) return resolveImage(ctx, { ImageArn: shared.Arn }, purpose);
    }
    if (!rec) throw err.notFound(notFoundMessage(ctx, name));
  } else {
    const shared = sharedImage(ctx, owner, name);
    if (!shared) throw err.notFound(notFoundMessage(ctx, name));
    const [r, perms] = shared;
    const allowed = purpose === "fleet" ? perms.allowFleet : perms.allowImageBuilder;
    if (!allowed) {
      throw err.notPermitted(
        `The image ${name} is not shared with account ${ctx.accountId} for use with ${purpose === "fleet" ? "fleets" : "image builders"}.`,
      );
    }
    rec = r;
  }
  const state = imageState(ctx, rec);
  if (state !== "AVAILABLE") throw err.notAvailable(notAvailableMessage(name, String(state)));
  return {
    ref: { owner: rec.owner, name: rec.Name, arn: rec.Arn },
    platform: rec.Platform,
    agentVersion: rec.AppstreamAgentVersion,
    families: rec.SupportedInstanceFamilies,
    releasedAt: rec.releasedAt,
    baseArn: rec.BaseImageArn ?? rec.Arn,
  };
}

/** The first image of that name that another account shares with the caller. */
export function sharedByName(ctx: RequestContext, name: string): ImageRecord | undefined {
  for (const shared of sharedWithMe.scan(ctx, { within: [name] })) {
    const s = sharedImage(ctx, shared.owner, shared.name);
    if (s) return s[0];
  }
  return undefined;
}

/** Records an image use by a fleet or builder, so that DeleteImage can refuse while it lasts. */
export function setImageUse(
  ctx: RequestContext,
  ref: ImageRef | undefined,
  kind: "fleet" | "builder",
  resource: string,
  using: boolean,
): void {
  if (!ref || ref.owner === "") return;
  const owner = inPartition(ctx, ownerPartition(ctx, ref.owner));
  if (using) imageUses.set(owner, [ref.name, kind, ctx.accountId, resource], { kind, account: ctx.accountId, resource });
  else imageUses.delete(owner, [ref.name, kind, ctx.accountId, resource]);
}

/** Image names that AWS reserves for its own images (Image Assistant and managed updates refuse them). */
export function checkNewImageName(name: string): void {
  if (/^(amazon|aws|appstream)/i.test(name)) {
    throw err.invalidCombination(`The image name ${name} is not valid. Image names cannot begin with 'Amazon', 'AWS' or 'AppStream'.`);
  }
}

export function checkNameFree(ctx: RequestContext, name: string, region = ctx.region): void {
  if (images.get(inPartition(ctx, { account: ctx.accountId, region }), name) || catalogImage(name) || isRetiredImage(name)) {
    throw err.alreadyExists(`The image ${name} already exists.`);
  }
}

export const putImage = (ctx: RequestContext, rec: ImageRecord): void => images.put(ctx, rec);

export const imageHandlers: Pick<AppStreamHandlers, "DeleteImage" | "CopyImage" | "CreateUpdatedImage"> = {
  DeleteImage(ctx, { Name }) {
    const rec = getOwnImage(ctx, Name);
    if (!rec) {
      if (catalogImage(Name)) throw err.notPermitted(`The image ${Name} is an AWS-provided public image and cannot be deleted.`);
      if (sharedByName(ctx, Name))
        throw err.notPermitted(`The image ${Name} is shared with your account and can only be deleted by its owner.`);
      throw err.notFound(notFoundMessage(ctx, Name));
    }
    const state = imageState(ctx, rec);
    if (state !== "AVAILABLE" && state !== "FAILED") {
      throw err.concurrentModification(`The image ${Name} is ${state}. Wait until it is AVAILABLE and try again.`);
    }
    const use = imageUses.first(inPartition(ctx, ownerPartition(ctx, rec.owner)), { within: [Name] });
    if (use) {
      throw err.inUse(
        `The image ${Name} is in use by ${use.kind === "fleet" ? "fleet" : "image builder"} ${use.resource}` +
          `${use.account !== ctx.accountId ? ` in account ${use.account}` : ""}. Remove it from every fleet and image builder before you delete it.`,
      );
    }
    if (permissions.first(ctx, { within: [Name] })) {
      throw err.inUse(`The image ${Name} is shared with other accounts. Remove all image permissions before you delete it.`);
    }
    images.delete(ctx, Name);
    forgetImageUse(ctx, rec);
    return { Image: { ...imageView(ctx, rec), State: "DELETING", ImageSharedWithOthers: "FALSE" } };
  },

  CopyImage(ctx, input) {
    const src = getOwnImage(ctx, input.SourceImageName);
    if (!src) {
      if (catalogImage(input.SourceImageName))
        throw err.incompatibleImage(
          `The image ${input.SourceImageName} is an AWS-provided base image. You can only copy images that you own.`,
        );
      throw err.notFound(notFoundMessage(ctx, input.SourceImageName));
    }
    const state = imageState(ctx, src);
    if (state !== "AVAILABLE")
      throw err.notAvailable(`The image ${src.Name} is ${state}. The image must be in an AVAILABLE state for this action to succeed.`);
    if (!/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$/.test(input.DestinationRegion)) {
      throw err.invalidCombination(`The destination region ${input.DestinationRegion} is not valid.`);
    }
    checkNameFree(ctx, input.DestinationImageName, input.DestinationRegion);
    checkQuota(inPartition(ctx, { account: ctx.accountId, region: input.DestinationRegion }), "images");
    const copy: ImageRecord = {
      ...src,
      Name: input.DestinationImageName,
      Arn: imageArn(input.DestinationRegion, ctx.accountId, input.DestinationImageName),
      region: input.DestinationRegion,
      Description: input.DestinationImageDescription ?? src.Description,
      DisplayName: src.DisplayName,
      ImageBuilderName: undefined,
      createdAt: ctx.now,
      schedule: plan(ctx.now, ["COPYING", ctx.timings.seconds("imageCopy")], [ctx.failure ? "FAILED" : "AVAILABLE"]),
      tags: {},
      StateChangeReason: undefined,
      ImageErrors: undefined,
      ...(ctx.failure ? imageFailure(ctx, "IMAGE_COPY_FAILURE", ctx.failure.reason) : {}),
    };
    putImage(ctx, copy);
    return { DestinationImageName: copy.Name };
  },

  CreateUpdatedImage(ctx, input) {
    const src = getOwnImage(ctx, input.existingImageName);
    if (!src) {
      if (catalogImage(input.existingImageName) || sharedByName(ctx, input.existingImageName)) {
        throw err.notPermitted(
          `You can only update images that you own; ${input.existingImageName} is not owned by account ${ctx.accountId}.`,
        );
      }
      throw err.notFound(notFoundMessage(ctx, input.existingImageName));
    }
    const state = imageState(ctx, src);
    if (state !== "AVAILABLE")
      throw err.notPermitted(`The image ${src.Name} is ${state}. The image must be in an AVAILABLE state to be updated.`);
    checkNewImageName(input.newImageName);
    checkNameFree(ctx, input.newImageName);
    // An update brings the newest agent (and the operating system updates that come with it): an image that
    // already runs the newest agent imagelite knows has nothing to update, and no new image is made.
    const canUpdateImage = !isLatestAgent(src.AppstreamAgentVersion, src.Platform);
    if (input.dryRun || !canUpdateImage) return { canUpdateImage, image: imageView(ctx, src) };
    checkQuota(ctx, "images");
    const rec: ImageRecord = {
      ...src,
      Name: input.newImageName,
      Arn: imageArn(ctx.region, ctx.accountId, input.newImageName),
      Description: input.newImageDescription ?? src.Description,
      DisplayName: input.newImageDisplayName ?? src.DisplayName,
      ImageBuilderName: undefined,
      // The update brings the image to the newest agent (CreateUpdatedImage, API reference).
      AppstreamAgentVersion: latestAgentVersion(src.Platform),
      createdAt: ctx.now,
      schedule: plan(ctx.now, ["CREATING", ctx.timings.seconds("imageCreate")], [ctx.failure ? "FAILED" : "AVAILABLE"]),
      tags: { ...(input.newImageTags ?? {}) },
      StateChangeReason: undefined,
      ImageErrors: undefined,
      ...(ctx.failure ? imageFailure(ctx, "IMAGE_UPDATE_FAILURE", ctx.failure.reason) : {}),
    };
    putImage(ctx, rec);
    return { canUpdateImage: true, image: imageView(ctx, rec, undefined, true) };
  },
};
