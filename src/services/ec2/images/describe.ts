// DescribeImages: by id, or a read in AMI-id order over four sources merged — the region's catalog, the
// caller's own AMIs, the index of AMIs shared with it and the index of public AMIs — through the indexes that
// the request's Owners and Filters can use (images/query.ts), scoped by Owners and ExecutableUsers, then
// filtered. A page token is the last AMI id served (keyset), so pages never overlap.
import type { RequestContext } from "../../../gateway/context";
import { compileFilters, type FilterSpec } from "../filters";
import type { DescribeImagesRequest, DescribeImagesResult, Ec2Handlers } from "../api.generated";
import * as err from "../errors";
import { checkAmiId, visibleImage } from "./access";
import { imagePlan } from "./query";
import { candidates, conditionsOf } from "../query-plan";
import { imageView } from "./view";
import { isSharedWith } from "./launch-permissions";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { amiState, retiredImages, type AmiRecord } from "./records";
import { tagMap } from "../tags/records";
import { allowedView, type AllowedView } from "./allowed";

const ACCOUNT_ID = /^[0-9]{12}$/;
const OWNER_ALIASES = new Set(["amazon", "aws-marketplace", "aws-backup-vault"]);

/** Owners and ExecutableUsers as one predicate: values of each are ORed, the two ANDed. */
function scope(ctx: RequestContext, input: DescribeImagesRequest): (r: AmiRecord) => boolean {
  const owners = (input.Owners ?? []).map((o) => {
    if (o === "self") return (r: AmiRecord) => r.owner === ctx.accountId;
    if (OWNER_ALIASES.has(o)) return (r: AmiRecord) => r.alias === o;
    if (ACCOUNT_ID.test(o)) return (r: AmiRecord) => r.owner === o;
    throw err.invalidUserId(o);
  });
  const users = (input.ExecutableUsers ?? []).map((u) => {
    if (u === "all") return (r: AmiRecord) => r.public;
    const account = u === "self" ? ctx.accountId : u;
    if (!ACCOUNT_ID.test(account)) throw err.invalidUserId(u);
    return (r: AmiRecord) => isSharedWith(ctx, r, account);
  });
  return (r) => (!owners.length || owners.some((p) => p(r))) && (!users.length || users.some((p) => p(r)));
}

function filterSpec(ctx: RequestContext, allowed: AllowedView): FilterSpec<AmiRecord> {
  const ebs = (r: AmiRecord) => r.BlockDeviceMappings.map((m) => m.Ebs).filter((e) => e !== undefined);
  return {
    fields: {
      architecture: (r) => r.Architecture,
      "block-device-mapping.delete-on-termination": (r) => ebs(r).map((e) => e.DeleteOnTermination),
      "block-device-mapping.device-name": (r) => r.BlockDeviceMappings.map((m) => m.DeviceName),
      "block-device-mapping.snapshot-id": (r) => ebs(r).map((e) => e.SnapshotId),
      "block-device-mapping.volume-size": (r) => ebs(r).map((e) => e.VolumeSize),
      "block-device-mapping.volume-type": (r) => ebs(r).map((e) => e.VolumeType),
      "block-device-mapping.encrypted": (r) => ebs(r).map((e) => e.Encrypted),
      "creation-date": (r) => new Date(r.createdAt).toISOString(),
      description: (r) => r.Description,
      "ena-support": (r) => r.EnaSupport,
      "free-tier-eligible": (r) => r.FreeTierEligible ?? false,
      hypervisor: () => "xen",
      // No image carries the field while Allowed AMIs is disabled, so that no value matches then.
      "image-allowed": (r) => allowed.imageAllowed(r),
      "image-id": (r) => r.ImageId,
      "image-type": () => "machine",
      "is-public": (r) => r.public,
      "kernel-id": (r) => r.KernelId,
      "manifest-location": (r) => r.ImageLocation,
      name: (r) => r.Name,
      "owner-alias": (r) => r.alias,
      "owner-id": (r) => r.owner,
      platform: (r) => r.Platform,
      "product-code": (r) => (r.ProductCodes ?? []).map((p) => p.ProductCodeId),
      "product-code.type": (r) => (r.ProductCodes ?? []).map((p) => p.ProductCodeType),
      "ramdisk-id": (r) => r.RamdiskId,
      "root-device-name": (r) => r.RootDeviceName,
      "root-device-type": (r) => r.RootDeviceType,
      "source-image-id": (r) => r.SourceImageId,
      "source-image-region": (r) => r.SourceImageRegion,
      "source-instance-id": () => undefined,
      state: (r) => amiState(ctx, r),
      "state-reason-code": () => undefined,
      "state-reason-message": () => undefined,
      "sriov-net-support": (r) => r.SriovNetSupport,
      "virtualization-type": (r) => r.VirtualizationType,
    },
    tags: (r) => tagMap(ctx, r.ImageId),
  };
}

/** How DescribeImages reads: through the plan's indexes (the default), or by walking everything visible. */
export interface ReadMode {
  planned: boolean;
}

/** DescribeImages; `mode` exists so that the planned read can be compared with the walk it stands for. */
export function describeImages(
  ctx: RequestContext,
  input: DescribeImagesRequest,
  mode: ReadMode = { planned: true },
): DescribeImagesResult {
  const ids = input.ImageIds ?? [];
  ids.forEach(checkAmiId);
  if (ids.length && input.MaxResults !== undefined) {
    throw err.invalidCombination("The parameter ImageIds cannot be used with the parameter MaxResults");
  }
  const inScope = scope(ctx, input);
  const allowed = allowedView(ctx);
  const matches = compileFilters(input.Filters, filterSpec(ctx, allowed));
  const view = (r: AmiRecord) => {
    const image = imageView(ctx, r);
    image.ImageAllowed = allowed.imageAllowed(r);
    return image;
  };
  if (ids.length) {
    const unique = [...new Set(ids)];
    // An AMI that Allowed AMIs hides is, to the caller, one that does not exist.
    const found = unique.map((id) => {
      const r = visibleImage(ctx, id);
      return r && allowed.discoverable(r) ? r : undefined;
    });
    const missing = unique.filter((id, i) => !found[i] && !retiredImages.get(ctx, id));
    if (missing.length) throw err.amiNotFound(missing);
    return { Images: found.filter((r): r is AmiRecord => !!r && inScope(r) && matches(r)).map(view) };
  }
  const limit = pageLimit(input.MaxResults, 1, 1000);
  const after = startAfter(ctx, input.NextToken);
  // Deprecated AMIs are left out unless asked for, except the caller's own ("Deprecate an Amazon EC2 AMI"); disabled
  // ones, which only their owner can see, unless IncludeDisabled ("Disable an Amazon EC2 AMI"). Both show by id.
  // Allowed AMIs, while enabled, leaves out the AMIs it does not allow.
  const shown = (r: AmiRecord) =>
    (input.IncludeDeprecated || r.owner === ctx.accountId || r.deprecatesAt === undefined || r.deprecatesAt > ctx.now) &&
    (input.IncludeDisabled || amiState(ctx, r) !== "disabled") &&
    allowed.discoverable(r);
  const source = candidates(
    ctx,
    imagePlan(ctx),
    conditionsOf({ Owners: input.Owners, ExecutableUsers: input.ExecutableUsers }, input.Filters),
    { after, batch: Math.min(limit + 1, 100), planned: mode.planned },
  );
  const { page, more } = takePage<AmiRecord>(source, (r) => inScope(r) && shown(r) && matches(r), limit);
  return {
    Images: page.map(view),
    NextToken: more ? nextToken(ctx, page[page.length - 1].ImageId) : undefined,
  };
}

export const describeImagesHandlers: Pick<Ec2Handlers, "DescribeImages"> = {
  DescribeImages: (ctx, input) => describeImages(ctx, input),
};
