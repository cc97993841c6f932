// Sharing a private image with other accounts of the same region. A grant is kept twice in one
// transaction: in the owner's partition (what DescribeImagePermissions lists) and as an index entry in
// the recipient's partition (what the recipient's reads consult).
import type { RequestContext } from "../../../gateway/context";
import type { AppStreamHandlers } from "../api.generated";
import * as err from "../errors";
import { catalogImage } from "./catalog";
import { getOwnImage, imageState, notFoundMessage } from "./handlers";
import { inPartition } from "../../../state/collection";
import { fleets } from "../fleets/records";
import { imageUses, permissions, sharedWithMe, type ImageRecord } from "./records";
import { collectionPage, pageSize } from "../paging";

/** "Number of AWS accounts an image can be shared with: 100" (AppStream quotas, limits.html). */
export const MAX_SHARED_ACCOUNTS = 100;

/**
 * Fleets of `account` that run the image lose their capacity when fleet permission goes ("Share an Image",
 * administer-images.html: the desired capacity of those fleets is set to 0).
 */
function stopSharedFleets(ctx: RequestContext, name: string, account: string): void {
  const theirs = inPartition(ctx, { account, region: ctx.region });
  for (const use of imageUses.scan(ctx, { within: [name, "fleet", account] })) {
    const fleet = fleets.get(theirs, use.resource);
    if (fleet)
      fleets.put(theirs, {
        ...fleet,
        desired: { ...fleet.desired, instances: 0, sessions: fleet.desired.sessions === undefined ? undefined : 0 },
      });
  }
}

function ownImage(ctx: RequestContext, name: string): ImageRecord {
  const rec = getOwnImage(ctx, name);
  if (!rec) throw err.notFound(notFoundMessage(ctx, name));
  return rec;
}

export const imagePermissionHandlers: Pick<
  AppStreamHandlers,
  "UpdateImagePermissions" | "DescribeImagePermissions" | "DeleteImagePermissions"
> = {
  UpdateImagePermissions(ctx, { Name, SharedAccountId, ImagePermissions }) {
    if (catalogImage(Name) && !getOwnImage(ctx, Name))
      throw err.notAvailable(`The image ${Name} is an AWS-provided public image and cannot be shared.`);
    const rec = ownImage(ctx, Name);
    const state = imageState(ctx, rec);
    if (state !== "AVAILABLE")
      throw err.notAvailable(`The image ${Name} is ${state}. The image must be in an AVAILABLE state for this action to succeed.`);
    if (!/^[0-9]{12}$/.test(SharedAccountId))
      throw err.validation(`The account ID ${SharedAccountId} is not a valid 12-digit AWS account ID.`);
    if (SharedAccountId === ctx.accountId) throw err.invalidCombination("You cannot share an image with the account that owns it.");
    const exists = permissions.get(ctx, [Name, SharedAccountId]) !== undefined;
    if (!exists && permissions.page(ctx, { within: [Name], limit: MAX_SHARED_ACCOUNTS }).items.length >= MAX_SHARED_ACCOUNTS) {
      throw err.limitExceeded(`The image ${Name} is already shared with the maximum of ${MAX_SHARED_ACCOUNTS} accounts.`);
    }
    const granted = { allowFleet: ImagePermissions.allowFleet ?? false, allowImageBuilder: ImagePermissions.allowImageBuilder ?? false };
    if (!granted.allowFleet) stopSharedFleets(ctx, Name, SharedAccountId);
    permissions.set(ctx, [Name, SharedAccountId], { account: SharedAccountId, permissions: granted });
    sharedWithMe.put(inPartition(ctx, { account: SharedAccountId, region: ctx.region }), { owner: ctx.accountId, name: Name });
    return {};
  },

  DescribeImagePermissions(ctx, input) {
    ownImage(ctx, input.Name);
    const wanted = input.SharedAwsAccountIds?.length ? new Set(input.SharedAwsAccountIds) : undefined;
    const page = collectionPage(
      permissions,
      ctx,
      { within: [input.Name], filter: (p) => !wanted || wanted.has(p.account), limit: pageSize(input.MaxResults, 500) },
      `DescribeImagePermissions ${input.Name}`,
      input.NextToken,
    );
    return {
      Name: input.Name,
      SharedImagePermissionsList: page.items.map((p) => ({ sharedAccountId: p.account, imagePermissions: p.permissions })),
      NextToken: page.nextToken,
    };
  },

  DeleteImagePermissions(ctx, { Name, SharedAccountId }) {
    ownImage(ctx, Name);
    if (!permissions.delete(ctx, [Name, SharedAccountId])) {
      throw err.notFound(`The image ${Name} is not shared with account ${SharedAccountId}.`);
    }
    sharedWithMe.delete(inPartition(ctx, { account: SharedAccountId, region: ctx.region }), [Name, ctx.accountId]);
    stopSharedFleets(ctx, Name, SharedAccountId);
    return {};
  },
};
