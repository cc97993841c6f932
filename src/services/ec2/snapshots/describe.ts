// DescribeSnapshots (API reference): by id, or a walk in snapshot-id order over the sources an account can
// read — the region's catalog, its own snapshots, the index of those shared with it and the index of public
// ones — through the indexes the request can use (ids, owners, tags), scoped by OwnerIds and RestorableByUserIds,
// then filtered. MaxResults is 5-1000 and cannot go with SnapshotIds; a page token is the last
// snapshot id served (keyset).
import type { RequestContext } from "../../../gateway/context";
import { inPartition, type Scope } from "../../../state/collection";
import type { DescribeSnapshotsRequest, DescribeSnapshotsResult, Ec2Handlers } from "../api.generated";
import { catalog } from "../catalog/catalog";
import * as err from "../errors";
import { compileFilters, type FilterSpec } from "../filters";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { checkSnapshotId, isGrantedTo, snapshotNotFound, snapshots, storedSnapshot, visibleSnapshot } from "./access";
import {
  publicSnapshotPartition,
  publicSnapshots,
  sharedSnapshots,
  snapshotState,
  type SnapshotIndex,
  type SnapshotRecord,
} from "./records";
import {
  byValues,
  candidates,
  collectionSource,
  conditionsOf,
  groupedList,
  idList,
  ownedBy,
  ownedByOthers,
  RANK,
  type DescribePlan,
} from "../query-plan";
import { snapshotView } from "./handlers";
import { snapshotTier } from "./tiers";
import { isPublicNow } from "./block-public-access";
import { tagMap } from "../tags/records";

const ACCOUNT_ID = /^[0-9]{12}$/;
const OWNER_ALIASES = new Set(["amazon", "aws-marketplace", "aws-backup-vault"]);

/** OwnerIds and RestorableByUserIds as one predicate: the values of each ORed, the two ANDed. */
function scope(ctx: RequestContext, input: DescribeSnapshotsRequest): (r: SnapshotRecord) => boolean {
  const owners = (input.OwnerIds ?? []).map((o) => {
    if (o === "self") return (r: SnapshotRecord) => r.owner === ctx.accountId;
    if (OWNER_ALIASES.has(o)) return (r: SnapshotRecord) => r.alias === o;
    if (ACCOUNT_ID.test(o)) return (r: SnapshotRecord) => r.owner === o;
    throw err.invalidUserId(o);
  });
  // `all`: public; `self`: owned or explicitly granted to the caller; an account: granted to it (the caller's own).
  const users = (input.RestorableByUserIds ?? []).map((u) => {
    if (u === "all") return (r: SnapshotRecord) => isPublicNow(ctx, r);
    if (u === "self") return (r: SnapshotRecord) => r.owner === ctx.accountId || isGrantedTo(ctx, r, ctx.accountId);
    if (!ACCOUNT_ID.test(u)) throw err.invalidUserId(u);
    return (r: SnapshotRecord) => r.owner === ctx.accountId && (u === ctx.accountId || isGrantedTo(ctx, r, u));
  });
  return (r) => (!owners.length || owners.some((p) => p(r))) && (!users.length || users.some((p) => p(r)));
}

function filterSpec(ctx: RequestContext): FilterSpec<SnapshotRecord> {
  return {
    fields: {
      description: (r) => r.Description ?? "",
      encrypted: (r) => r.Encrypted,
      "owner-alias": (r) => r.alias,
      "owner-id": (r) => r.owner,
      progress: (r) => snapshotView(ctx, r).Progress,
      "snapshot-id": (r) => r.SnapshotId,
      "start-time": (r) => new Date(r.createdAt).toISOString(),
      status: (r) => snapshotState(ctx, r),
      "storage-tier": (r) => snapshotTier(ctx, r).StorageTier,
      "volume-id": (r) => r.VolumeId,
      "volume-size": (r) => r.VolumeSize,
    },
    tags: (r) => tagMap(ctx, r.SnapshotId),
  };
}

const idOf = (r: SnapshotRecord) => r.SnapshotId;

/**
 * DescribeSnapshots' plan, as DescribeImages' (images/query.ts): the region's catalog, the caller's snapshots,
 * the index of those shared with it and the index of public ones, by id and by owner; snapshot ids, then an
 * exact tag, an id prefix, a tag prefix, owner accounts, tag keys. Owner aliases are read by walking.
 */
function snapshotPlan(ctx: RequestContext): DescribePlan<SnapshotRecord, "owner"> {
  const cat = catalog(ctx);
  const own = collectionSource(snapshots, ctx, [], (_, r) => r);
  const grants = (c: typeof sharedSnapshots, s: Scope, serve: (id: string, v: SnapshotIndex) => SnapshotRecord | undefined) => {
    const source = collectionSource(c, s, ["owner"], serve);
    return { ...source, owner: ownedByOthers(ctx.accountId, source.owner) };
  };
  const publicOne = (id: string, v: SnapshotIndex) => {
    const r = storedSnapshot(ctx, v.owner, ctx.region, id);
    return r && isPublicNow(ctx, r) ? r : undefined;
  };
  const accounts = (owners: string[]) => owners.map((o) => ({ key: o === "self" ? ctx.accountId : o }));
  return {
    idOf,
    sources: [
      { id: idList(cat.snapshots, idOf), owner: groupedList(cat.snapshotsByOwner, idOf) },
      { ...own, owner: ownedBy(ctx.accountId, own.id) },
      grants(sharedSnapshots, ctx, (id, v) => storedSnapshot(ctx, v.owner, ctx.region, id)),
      grants(publicSnapshots, inPartition(ctx, publicSnapshotPartition(ctx.region)), publicOne),
    ],
    tagType: "snapshot",
    conditions: {
      OwnerIds: (owners) =>
        owners.every((o) => o === "self" || ACCOUNT_ID.test(o))
          ? { rank: RANK.owner, reads: [{ index: "owner", accesses: accounts(owners) }] }
          : undefined,
      "snapshot-id": byValues("id", RANK.id, RANK.idPrefix),
      "owner-id": byValues("owner", RANK.owner),
    },
  };
}

/** How DescribeSnapshots reads: through the plan's indexes (the default), or by walking everything visible. */
export function describeSnapshots(ctx: RequestContext, input: DescribeSnapshotsRequest, mode = { planned: true }): DescribeSnapshotsResult {
  const ids = input.SnapshotIds ?? [];
  ids.forEach(checkSnapshotId);
  if (ids.length && input.MaxResults !== undefined) {
    throw err.invalidCombination("The parameter SnapshotIds cannot be used with the parameter MaxResults");
  }
  const inScope = scope(ctx, input);
  const matches = compileFilters(input.Filters, filterSpec(ctx));
  if (ids.length) {
    const unique = [...new Set(ids)];
    const found = unique.map((id) => visibleSnapshot(ctx, id));
    const missing = unique.findIndex((_, i) => !found[i]);
    if (missing >= 0) throw snapshotNotFound(unique[missing]);
    return { Snapshots: (found as SnapshotRecord[]).filter((r) => inScope(r) && matches(r)).map((r) => snapshotView(ctx, r)) };
  }
  const limit = pageLimit(input.MaxResults, 5, 1000);
  const after = startAfter(ctx, input.NextToken);
  const source = candidates(
    ctx,
    snapshotPlan(ctx),
    conditionsOf({ OwnerIds: input.OwnerIds, RestorableByUserIds: input.RestorableByUserIds }, input.Filters),
    { after, batch: Math.min(limit + 1, 100), planned: mode.planned },
  );
  const { page, more } = takePage<SnapshotRecord>(source, (r) => inScope(r) && matches(r), limit);
  return {
    Snapshots: page.map((r) => snapshotView(ctx, r)),
    NextToken: more ? nextToken(ctx, page[page.length - 1].SnapshotId) : undefined,
  };
}

export const describeSnapshotsHandlers: Pick<Ec2Handlers, "DescribeSnapshots"> = {
  DescribeSnapshots: (ctx, input) => describeSnapshots(ctx, input),
};
