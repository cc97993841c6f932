// Launch permissions of an AMI. A grant to an account is written twice in the request's transaction: in the
// owner's list (DescribeImageAttribute) and as an index record in the grantee's partition, which is what the
// grantee's DescribeImages and CopyImage consult. Group `all` makes the AMI public: a flag on the AMI and an
// index record in the region's public partition. Organization grants are listed but grant nothing here.
import type { RequestContext } from "../../../gateway/context";
import { inPartition } from "../../../state/collection";
import { inPartitionOf } from "../../../util/arn";
import type { Ec2Handlers, LaunchPermission } from "../api.generated";
import { checkPublicSharingAllowed } from "./block-public-access";
import * as err from "../errors";
import { checkAmiId, saveImage, visibleImage } from "./access";
import { indexRecordOf, launchPermissions, partitionOf, publicImages, publicPartition, sharedImages, type AmiRecord } from "./records";

const ACCOUNT_ID = /^[0-9]{12}$/;
const ORG_ARN = /^arn:(aws|aws-cn|aws-us-gov):organizations::[0-9]{12}:organization\/o-[a-z0-9]{10,32}$/;
const OU_ARN = /^arn:(aws|aws-cn|aws-us-gov):organizations::[0-9]{12}:ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/;

type Grant = { kind: "user" | "org" | "ou"; grantee: string; account?: string };

/**
 * The list key of one permission, after checking its value. Organizations are global, their ARNs without a Region
 * (arn:aws:organizations::...), and one of another partition than the request's names no organization there.
 */
function keyOf(ctx: RequestContext, p: LaunchPermission): Grant | "all" {
  const given = [p.UserId, p.Group, p.OrganizationArn, p.OrganizationalUnitArn].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw err.invalidCombination(
      "Each launch permission must specify exactly one of UserId, Group, OrganizationArn or OrganizationalUnitArn.",
    );
  if (p.Group !== undefined) {
    if (p.Group !== "all") throw err.attributeItemValue(`Invalid attribute item value "${p.Group}" for group item type.`);
    return "all";
  }
  if (p.UserId !== undefined) {
    if (!ACCOUNT_ID.test(p.UserId)) throw err.attributeItemValue(`Invalid attribute item value "${p.UserId}" for userId item type.`);
    return { kind: "user", grantee: p.UserId, account: p.UserId };
  }
  if (p.OrganizationArn !== undefined) {
    if (!ORG_ARN.test(p.OrganizationArn) || !inPartitionOf(p.OrganizationArn, ctx.region)) {
      throw err.attributeItemValue(`Invalid attribute item value "${p.OrganizationArn}" for organizationArn item type.`);
    }
    return { kind: "org", grantee: p.OrganizationArn };
  }
  const ou = p.OrganizationalUnitArn!;
  if (!OU_ARN.test(ou) || !inPartitionOf(ou, ctx.region)) {
    throw err.attributeItemValue(`Invalid attribute item value "${ou}" for organizationalUnitArn item type.`);
  }
  return { kind: "ou", grantee: ou };
}

function setPublic(ctx: RequestContext, rec: AmiRecord, on: boolean): void {
  if (rec.public === on) return;
  rec.public = on;
  saveImage(ctx, rec);
  const pub = inPartition(ctx, publicPartition(rec.region));
  if (on) publicImages.set(pub, rec.ImageId, indexRecordOf(rec));
  else publicImages.delete(pub, rec.ImageId);
}

/** Checks every permission before any is applied, so that a bad item changes nothing. */
export function modifyPermissions(ctx: RequestContext, rec: AmiRecord, add: LaunchPermission[], remove: LaunchPermission[]): void {
  const adds = add.map((p) => [p, keyOf(ctx, p)] as const);
  const removes = remove.map((p) => [p, keyOf(ctx, p)] as const);
  const owner = inPartition(ctx, partitionOf(rec.owner, rec.region));
  const grantee = (account: string) => inPartition(ctx, partitionOf(account, rec.region));
  if (!rec.public && adds.some(([, k]) => k === "all")) checkPublicSharingAllowed(ctx);
  for (const [p, k] of adds) {
    if (k === "all") {
      setPublic(ctx, rec, true);
      continue;
    }
    if (k.account === rec.owner) continue; // the owner can always launch its own AMI
    launchPermissions.set(owner, [rec.ImageId, k.kind, k.grantee], p);
    if (k.account) sharedImages.set(grantee(k.account), rec.ImageId, indexRecordOf(rec));
  }
  for (const [, k] of removes) {
    if (k === "all") {
      setPublic(ctx, rec, false);
      continue;
    }
    launchPermissions.delete(owner, [rec.ImageId, k.kind, k.grantee]);
    if (k.account) sharedImages.delete(grantee(k.account), rec.ImageId);
  }
}

export function listPermissions(ctx: RequestContext, rec: AmiRecord): LaunchPermission[] {
  const out: LaunchPermission[] = rec.public ? [{ Group: "all" }] : [];
  for (const p of launchPermissions.scan(inPartition(ctx, partitionOf(rec.owner, rec.region)), { within: [rec.ImageId] })) out.push(p);
  return out;
}

/** Back to private: no public flag, no grants (ResetImageAttribute, DeregisterImage). */
export function resetPermissions(ctx: RequestContext, rec: AmiRecord): void {
  modifyPermissions(ctx, rec, [], listPermissions(ctx, rec));
}

export function isSharedWith(ctx: RequestContext, rec: AmiRecord, account: string): boolean {
  return launchPermissions.get(inPartition(ctx, partitionOf(rec.owner, rec.region)), [rec.ImageId, "user", account]) !== undefined;
}

/**
 * CancelImageLaunchPermission ("Cancel having an AMI shared with your AWS account", cancel-sharing-an-AMI.html): the
 * caller removes its own account from the launch permissions of an AMI shared with it by account; the owner's list
 * loses the account, and the AMI leaves the caller's listings (unless it is public). It does not apply to an AMI
 * shared only with an organization or OU, to a public AMI's access, nor to the caller's own AMI. No page names the
 * error codes of those refusals: imagelite answers InvalidParameterValue, and InvalidAMIID.NotFound for an AMI the
 * caller cannot see.
 */
export const cancelLaunchPermissionHandlers: Pick<Ec2Handlers, "CancelImageLaunchPermission"> = {
  CancelImageLaunchPermission(ctx, { ImageId }) {
    checkAmiId(ImageId);
    const rec = visibleImage(ctx, ImageId);
    if (!rec) throw err.amiNotFound([ImageId]);
    if (rec.owner === ctx.accountId) {
      throw err.invalidValue(`The image ${ImageId} is owned by your account: only an AMI shared with your account can be cancelled.`);
    }
    if (!isSharedWith(ctx, rec, ctx.accountId)) {
      throw err.invalidValue(
        rec.public
          ? `The image ${ImageId} is public and not shared with your account: access to a public AMI can't be cancelled.`
          : `The image ${ImageId} is not shared with your account.`,
      );
    }
    modifyPermissions(ctx, rec, [], [{ UserId: ctx.accountId }]);
    return { Return: true };
  },
};
