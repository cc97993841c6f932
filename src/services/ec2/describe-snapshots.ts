// DescribeSnapshots (API reference): by id, or a walk in snapshot-id order over the sources an account can
// read — the region's catalog, its own snapshots, the index of those shared with it and the index of public
// ones — scoped by OwnerIds and RestorableByUserIds, then filtered. Only the caller's own snapshots are read
// when OwnerIds is `self` alone. MaxResults is 5-1000 and cannot go with SnapshotIds; a page token is the last
// snapshot id served (keyset).
import type { RequestContext } from "../../gateway/context";
import { inPartition } from "../../state/collection";
import type { DescribeSnapshotsRequest, Ec2Handlers } from "./api.generated";
import { catalogSnapshotsAfter } from "./catalog";
import * as err from "./errors";
import { compileFilters, type FilterSpec } from "./filters";
import { nextToken, pageLimit, startAfter, takePage } from "./paging";
import { checkSnapshotId, isGrantedTo, snapshotNotFound, storedSnapshot, visibleSnapshot } from "./snapshot-access";
import {
  publicSnapshotPartition,
  publicSnapshots,
  sharedSnapshots,
  snapshots,
  snapshotState,
  type SnapshotRecord,
} from "./snapshot-records";
import { snapshotView } from "./snapshots";
import { tagMap } from "./tags";
import { mergeById, resolved } from "../../util/sorted-merge";

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
    if (u === "all") return (r: SnapshotRecord) => r.public;
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
      "storage-tier": () => "standard",
      "volume-id": (r) => r.VolumeId,
      "volume-size": (r) => r.VolumeSize,
    },
    tags: (r) => tagMap(ctx, r.SnapshotId),
  };
}

/** Every snapshot the caller can read in the region, in id order after `after`, each once. */
function* visibleAfter(ctx: RequestContext, after: string, ownOnly: boolean): Generator<SnapshotRecord> {
  const region = ctx.region;
  if (ownOnly) {
    yield* snapshots.scan(ctx, { after });
    return;
  }
  const sources: Iterator<SnapshotRecord>[] = [
    catalogSnapshotsAfter(ctx, after),
    snapshots.scan(ctx, { after }),
    resolved(sharedSnapshots.entries(ctx, { after }), (id, v) => storedSnapshot(ctx, v.owner, region, id)),
    resolved(publicSnapshots.entries(inPartition(ctx, publicSnapshotPartition(region)), { after }), (id, v) => {
      const r = storedSnapshot(ctx, v.owner, region, id);
      return r?.public ? r : undefined;
    }),
  ];
  yield* mergeById(sources, (r) => r.SnapshotId);
}

export const describeSnapshotsHandlers: Pick<Ec2Handlers, "DescribeSnapshots"> = {
  DescribeSnapshots(ctx, input) {
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
    const ownOnly = !!input.OwnerIds?.length && input.OwnerIds.every((o) => o === "self" || o === ctx.accountId);
    const { page, more } = takePage<SnapshotRecord>(
      visibleAfter(ctx, startAfter(ctx, input.NextToken), ownOnly),
      (r) => inScope(r) && matches(r),
      limit,
    );
    return {
      Snapshots: page.map((r) => snapshotView(ctx, r)),
      NextToken: more ? nextToken(ctx, page[page.length - 1].SnapshotId) : undefined,
    };
  },
};
