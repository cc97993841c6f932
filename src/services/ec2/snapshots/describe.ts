// DescribeSnapshots (API reference): by id, or a walk in snapshot-id order over the sources an account can
// read — the region's catalog, its own snapshots, the index of those shared with it and the index of public
// ones — through the indexes the request can use (ids, owners, tags), scoped by OwnerIds and RestorableByUserIds,
// then filtered. MaxResults is 5-1000 and cannot go with SnapshotIds; a page token is the last
// snapshot id served (keyset).
import type { RequestContext } from "../../../gateway/context";
import { inPartition } from "../../../state/collection";
import type { DescribeSnapshotsRequest, DescribeSnapshotsResult, Ec2Handlers } from "../api.generated";
import { catalog, catalogSnapshot, catalogSnapshotsAfter } from "../catalog/catalog";
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
  allExact,
  byIdUnique,
  idRange,
  keyEntries,
  keyRange,
  noteUnindexed,
  sortedAfter,
  tagAccess,
  taggedAfter,
  valuesAccess,
  type KeyAccess,
  type TagAccess,
} from "../query-plan";
import { snapshotView } from "./handlers";
import { tagMap } from "../tags/records";
import { mergeById, resolved } from "../../../util/sorted-merge";

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

/** Every snapshot the caller can read in the region, in id order after `after`, each once: the walk that plans stand in for. */
function* visibleAfter(ctx: RequestContext, after: string): Generator<SnapshotRecord> {
  const region = ctx.region;
  const sources: Iterator<SnapshotRecord>[] = [
    catalogSnapshotsAfter(ctx, after),
    snapshots.scan(ctx, { after }),
    resolved(sharedSnapshots.entries(ctx, { after }), (id, v) => storedSnapshot(ctx, v.owner, region, id)),
    resolved(publicSnapshots.entries(inPartition(ctx, publicSnapshotPartition(region)), { after }), (id, v) => publicSnapshot(ctx, id, v)),
  ];
  yield* mergeById(sources, idOf);
}

const idOf = (r: SnapshotRecord) => r.SnapshotId;

function publicSnapshot(ctx: RequestContext, id: string, v: SnapshotIndex): SnapshotRecord | undefined {
  const r = storedSnapshot(ctx, v.owner, ctx.region, id);
  return r?.public ? r : undefined;
}

/** The snapshot with this id as the walk finds it: the first source that holds it, in the walk's order. */
function visibleById(ctx: RequestContext, id: string): SnapshotRecord | undefined {
  const fromCatalog = catalogSnapshot(ctx, ctx.region, id);
  if (fromCatalog) return fromCatalog;
  const own = snapshots.get(ctx, id);
  if (own) return own;
  const shared = sharedSnapshots.get(ctx, id);
  const viaShare = shared && storedSnapshot(ctx, shared.owner, ctx.region, id);
  if (viaShare) return viaShare;
  const pub = publicSnapshots.get(inPartition(ctx, publicSnapshotPartition(ctx.region)), id);
  return pub && publicSnapshot(ctx, id, pub);
}

type SnapshotPlan =
  | { kind: "walk"; unindexed: string[] }
  | { kind: "id"; accesses: KeyAccess[] }
  | { kind: "owner"; accounts: string[] }
  | { kind: "tag"; access: TagAccess };

/**
 * The access path of a request, as DescribeImages plans (images/query.ts): snapshot ids, then an exact tag, an id
 * prefix, a tag prefix, owner accounts (their own partition, or the shared and public indexes by owner, and the
 * catalog), tag keys. Owner aliases are read by walking.
 */
function planSnapshots(ctx: RequestContext, input: DescribeSnapshotsRequest): SnapshotPlan {
  let best: { rank: number; plan: SnapshotPlan } | undefined;
  const offer = (rank: number, plan: SnapshotPlan) => {
    if (!best || rank < best.rank) best = { rank, plan };
  };
  const unindexed: string[] = [];
  const owners = input.OwnerIds ?? [];
  if (owners.length && owners.every((o) => o === "self" || ACCOUNT_ID.test(o)))
    offer(6, { kind: "owner", accounts: owners.map((o) => (o === "self" ? ctx.accountId : o)) });
  else if (owners.length) unindexed.push("OwnerIds");
  if (input.RestorableByUserIds?.length) unindexed.push("RestorableByUserIds");
  for (const f of input.Filters ?? []) {
    const name = f.Name!;
    const values = f.Values ?? [];
    const tag = tagAccess(name, values);
    const accesses = valuesAccess(values);
    if (tag) offer("tag" in tag ? (allExact(tag.values) ? 2 : 5) : 7, { kind: "tag", access: tag });
    else if (accesses && name === "snapshot-id") offer(allExact(accesses) ? 0 : 3, { kind: "id", accesses });
    else if (accesses && allExact(accesses) && name === "owner-id") offer(6, { kind: "owner", accounts: values });
    else unindexed.push(name);
  }
  return best?.plan ?? { kind: "walk", unindexed };
}

/** The candidates of a plan, in id order after `after`, each once; not yet filtered. */
function plannedSnapshots(ctx: RequestContext, plan: Exclude<SnapshotPlan, { kind: "walk" }>, after: string, batch: number) {
  const pub = inPartition(ctx, publicSnapshotPartition(ctx.region));
  const cat = catalog(ctx);
  const sources: Iterator<SnapshotRecord>[] = [];
  switch (plan.kind) {
    case "id": {
      const exact = [...new Set(plan.accesses.filter((a) => a.key !== undefined).map((a) => a.key!))].filter((id) => id > after);
      sources.push(
        byIdUnique(
          exact.map((id) => visibleById(ctx, id)).filter((r) => r !== undefined),
          idOf,
        ).values(),
      );
      for (const a of plan.accesses.filter((x) => x.prefix !== undefined)) {
        sources.push(
          keyRange(cat.snapshots, idOf, a)
            .filter((r) => r.SnapshotId > after)
            .values(),
          [...idRange(snapshots, ctx, a, after)].map((e) => e.value).values(),
          resolved(idRange(sharedSnapshots, ctx, a, after), (id, v) => storedSnapshot(ctx, v.owner, ctx.region, id)),
          resolved(idRange(publicSnapshots, pub, a, after), (id, v) => publicSnapshot(ctx, id, v)),
        );
      }
      break;
    }
    case "owner":
      for (const account of new Set(plan.accounts)) {
        sources.push(sortedAfter(cat.snapshotsByOwner.get(account) ?? [], idOf, after));
        if (account === ctx.accountId) sources.push(snapshots.scan(ctx, { after, batch }));
        else {
          sources.push(
            resolved(keyEntries(sharedSnapshots, ctx, "owner", account, after, batch), (id, v) =>
              storedSnapshot(ctx, v.owner, ctx.region, id),
            ),
            resolved(keyEntries(publicSnapshots, pub, "owner", account, after, batch), (id, v) => publicSnapshot(ctx, id, v)),
          );
        }
      }
      break;
    case "tag":
      sources.push(taggedAfter(ctx, "snapshot", plan.access, after, (id) => visibleById(ctx, id)));
      break;
  }
  return mergeById(sources, idOf);
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
  const plan = mode.planned ? planSnapshots(ctx, input) : { kind: "walk" as const, unindexed: [] };
  if (plan.kind === "walk") noteUnindexed(ctx, plan.unindexed);
  const source =
    plan.kind === "walk"
      ? visibleAfter(ctx, after)
      : { [Symbol.iterator]: () => plannedSnapshots(ctx, plan, after, Math.min(limit + 1, 100)) };
  const { page, more } = takePage<SnapshotRecord>(source, (r) => inScope(r) && matches(r), limit);
  return {
    Snapshots: page.map((r) => snapshotView(ctx, r)),
    NextToken: more ? nextToken(ctx, page[page.length - 1].SnapshotId) : undefined,
  };
}

export const describeSnapshotsHandlers: Pick<Ec2Handlers, "DescribeSnapshots"> = {
  DescribeSnapshots: (ctx, input) => describeSnapshots(ctx, input),
};
