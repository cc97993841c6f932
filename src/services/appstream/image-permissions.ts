// Sharing a private image with other accounts of the same region. A grant is kept twice in one
// transaction: in the owner's partition (what DescribeImagePermissions lists) and as an index entry in
// the recipient's partition (what the recipient's reads consult).
import type { RequestContext } from "../../gateway/context";
import type { AppStreamHandlers } from "./api.generated";
import * as err from "./errors";
import { catalogImage } from "./catalog";
import { getOwnImage, imageState, notFoundMessage } from "./images";
import { TYPES, type FleetRecord, type ImageRecord, type PermissionRecord } from "./records";
import { pageSize, storePage } from "./paging";

/** "Number of AWS accounts an image can be shared with: 100" (AppStream quotas, limits.html). */
export const MAX_SHARED_ACCOUNTS = 100;

/**
 * Fleets of `account` that run the image lose their capacity when fleet permission goes ("Share an Image",
 * administer-images.html: the desired capacity of those fleets is set to 0).
 */
function stopSharedFleets(ctx: RequestContext, name: string, account: string): void {
  const partition = { account, region: ctx.region };
  for (const { value } of ctx.store.list<{ resource: string }>(TYPES.imageUse, ctx.partition, { prefix: `${name} fleet ${account} ` })) {
    const fleet = ctx.store.get<FleetRecord>(TYPES.fleet, partition, value.resource);
    if (fleet) ctx.store.put(TYPES.fleet, partition, fleet.Name, { ...fleet, desired: { ...fleet.desired, instances: 0, sessions: fleet.desired.sessions === undefined ? undefined : 0 } });
  }
}

function ownImage(ctx: RequestContext, name: string): ImageRecord {
  const rec = getOwnImage(ctx, name);
  if (!rec) throw err.notFound(notFoundMessage(ctx, name));
  return rec;
}

export const imagePermissionHandlers: Pick<AppStreamHandlers, "UpdateImagePermissions" | "DescribeImagePermissions" | "DeleteImagePermissions"> = {
  UpdateImagePermissions(ctx, { Name, SharedAccountId, ImagePermissions }) {
    if (catalogImage(Name) && !getOwnImage(ctx, Name)) throw err.notAvailable(`The image ${Name} is an AWS-provided public image and cannot be shared.`);
    const rec = ownImage(ctx, Name);
    const state = imageState(ctx, rec);
    if (state !== "AVAILABLE") throw err.notAvailable(`The image ${Name} is ${state}. The image must be in an AVAILABLE state for this action to succeed.`);
    if (!/^[0-9]{12}$/.test(SharedAccountId)) throw err.validation(`The account ID ${SharedAccountId} is not a valid 12-digit AWS account ID.`);
    if (SharedAccountId === ctx.accountId) throw err.invalidCombination("You cannot share an image with the account that owns it.");
    const id = `${Name} ${SharedAccountId}`;
    const exists = ctx.store.get(TYPES.permission, ctx.partition, id) !== undefined;
    if (!exists && ctx.store.list(TYPES.permission, ctx.partition, { prefix: `${Name} `, limit: MAX_SHARED_ACCOUNTS }).length >= MAX_SHARED_ACCOUNTS) {
      throw err.limitExceeded(`The image ${Name} is already shared with the maximum of ${MAX_SHARED_ACCOUNTS} accounts.`);
    }
    const permissions = { allowFleet: ImagePermissions.allowFleet ?? false, allowImageBuilder: ImagePermissions.allowImageBuilder ?? false };
    if (!permissions.allowFleet) stopSharedFleets(ctx, Name, SharedAccountId);
    ctx.store.put(TYPES.permission, ctx.partition, id, { account: SharedAccountId, permissions } satisfies PermissionRecord);
    ctx.store.put(TYPES.sharedWithMe, { account: SharedAccountId, region: ctx.region }, `${Name} ${ctx.accountId}`, { owner: ctx.accountId, name: Name });
    return {};
  },

  DescribeImagePermissions(ctx, input) {
    ownImage(ctx, input.Name);
    const wanted = input.SharedAwsAccountIds?.length ? new Set(input.SharedAwsAccountIds) : undefined;
    const page = storePage<PermissionRecord>(
      (after, limit) => ctx.store.list(TYPES.permission, ctx.partition, { prefix: `${input.Name} `, after, limit }),
      (p) => !wanted || wanted.has(p.account), `DescribeImagePermissions ${input.Name}`, input.NextToken, pageSize(input.MaxResults, 500));
    return {
      Name: input.Name,
      SharedImagePermissionsList: page.items.map((p) => ({ sharedAccountId: p.account, imagePermissions: p.permissions })),
      NextToken: page.nextToken,
    };
  },

  DeleteImagePermissions(ctx, { Name, SharedAccountId }) {
    ownImage(ctx, Name);
    if (!ctx.store.delete(TYPES.permission, ctx.partition, `${Name} ${SharedAccountId}`)) {
      throw err.notFound(`The image ${Name} is not shared with account ${SharedAccountId}.`);
    }
    ctx.store.delete(TYPES.sharedWithMe, { account: SharedAccountId, region: ctx.region }, `${Name} ${ctx.accountId}`);
    stopSharedFleets(ctx, Name, SharedAccountId);
    return {};
  },
};
