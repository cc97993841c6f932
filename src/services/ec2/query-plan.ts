// How a planned describe (images/query.ts, snapshots/describe.ts, instances/describe.ts) finds its candidates.
// A describe declares its plan: the sources it reads (its own records, the index records of what others share
// with the caller or made public, a catalog), each answering per index which of its records an access selects,
// in id order after a key; and which conditions of a request (filters, or parameters such as Owners) an index
// answers, and how selectively. The planner takes the most selective offer, or walks everything visible when
// no condition has one, and yields the candidates lazily, in order, each once. Every filter is still applied
// to each candidate in full, so a plan changes what a request costs, never what it returns.
import type { RequestContext } from "../../gateway/context";
import type { Collection, IndexAccess, Scope } from "../../state/collection";
import { indexKey } from "../../state/indexes";
import type { Filter } from "./filters";
import { tagSets } from "./tags/records";
import { mergeById, resolved } from "../../util/sorted-merge";

/** How an index answers one value: entries of one key, or of a key prefix. */
export type KeyAccess = IndexAccess;

/**
 * What an index can do for one wildcard pattern (filters.ts syntax): a pattern without `*` or `?` is one key;
 * one with a literal start is a prefix of it; one that starts with a wildcard is no index's business.
 */
export function patternAccess(pattern: string): KeyAccess | undefined {
  const chars = Array.from(pattern);
  let literal = "";
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === "\\" && i + 1 < chars.length) literal += chars[++i];
    else if (c === "*" || c === "?") return literal ? { prefix: literal } : undefined;
    else literal += c;
  }
  return { key: literal };
}

/** The accesses of every value of a filter (its values are ORed), or undefined when one of them has none. */
export function valuesAccess(values: readonly string[]): KeyAccess[] | undefined {
  const out: KeyAccess[] = [];
  for (const v of values) {
    const a = patternAccess(v);
    if (!a) return undefined;
    out.push(a);
  }
  return out;
}

export const allExact = (accesses: readonly KeyAccess[]): boolean => accesses.every((a) => a.key !== undefined);

/** Whether a string starts with one of the accesses' prefixes or equals one of their keys. */
export const accessMatches = (accesses: readonly KeyAccess[], s: string): boolean =>
  accesses.some((a) => (a.key !== undefined ? s === a.key : s.startsWith(a.prefix)));

/** Index of the first element whose key is above `after` (or at or above it, `inclusive`) in a list sorted by that key. */
function firstAbove<T>(list: readonly T[], key: (x: T) => string, after: string, inclusive = false): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = key(list[mid]);
    if (k > after || (inclusive && k === after)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The elements of a sorted list above `after`, lazily. */
function* sortedAfter<T>(list: readonly T[], keyOf: (x: T) => string, after: string): Generator<T> {
  for (let i = firstAbove(list, keyOf, after); i < list.length; i++) yield list[i];
}

/** Sorted by key, each key once (the first of it kept). */
function byKeyUnique<T>(items: Iterable<T>, keyOf: (x: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const x of items) if (!seen.has(keyOf(x))) seen.set(keyOf(x), x);
  return [...seen.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

/** The union of id-ordered streams; one stream is itself. */
const union = <T>(streams: Iterator<T>[], idOf: (x: T) => string): Iterator<T> =>
  streams.length === 1 ? streams[0] : mergeById(streams, idOf);

const entryId = (e: { id: string }) => e.id;
const NOTHING: Iterator<never> = [].values();

// ---- Sources ----

/** Candidates in a describe's order after a key, each once; sources read lazily ask the store for `batch` at a time. */
export type Read<T> = (after: string, batch: number) => Iterator<T>;

/** How a source answers one index: the records the accesses select, in id order after `after`, each once. */
export type IndexRead<T> = (accesses: readonly KeyAccess[], after: string, batch: number) => Iterator<T>;

/** A place a describe reads from, as one reader per index; `id` reads the records by their ids. */
export type Source<T, I extends string> = Record<"id" | I, IndexRead<T>>;

/** The entries of a collection whose ids an access selects (one get, or a run of ids), in id order after `after`. */
function* idRun<V>(c: Collection<V, string, string>, s: Scope, a: KeyAccess, after: string, batch: number) {
  if (a.key !== undefined) {
    const v = a.key > after ? c.get(s, a.key) : undefined;
    if (v !== undefined) yield { id: a.key, value: v };
    return;
  }
  for (const e of c.entries(s, a.prefix > after ? { from: a.prefix, batch } : { after, batch })) {
    if (!e.id.startsWith(a.prefix)) return;
    yield e;
  }
}

/** The entries an access selects in a secondary index, in id order after `after`. */
function indexRun<V, I extends string>(c: Collection<V, string, I>, s: Scope, index: I, a: KeyAccess, after: string, batch: number) {
  if (a.key !== undefined) return c.indexScan(s, index, { key: a.key }, { after, batch });
  // A prefix spans keys, and an index reads in (key, id) order: its entries are read whole and put in id order.
  return sortedAfter(byKeyUnique(c.indexScan(s, index, { prefix: a.prefix }), entryId), entryId, after);
}

/**
 * A collection as a source: its ids answer `id`, the named secondary indexes the rest; `resolve` makes each
 * entry the record served (an index record, the record it names) or skips it.
 */
export function collectionSource<V, T, I extends string, J extends I = never>(
  c: Collection<V, string, I>,
  s: Scope,
  indexes: readonly J[],
  resolve: (id: string, v: V) => T | undefined,
): Source<T, J> {
  const served = (runs: Iterator<{ id: string; value: V }>[]) => resolved({ [Symbol.iterator]: () => union(runs, entryId) }, resolve);
  const source = { id: (accesses, after, batch) => served(accesses.map((a) => idRun(c, s, a, after, batch))) } as Source<T, J>;
  for (const index of indexes) {
    source[index] = (accesses, after, batch) => served(accesses.map((a) => indexRun(c, s, index, a, after, batch)));
  }
  return source;
}

/** A list sorted by id as an `id` reader: each access a run found by binary search and read as far as the caller goes. */
export function idList<T>(list: readonly T[], idOf: (x: T) => string): IndexRead<T> {
  function* run(a: KeyAccess, after: string): Generator<T> {
    const start = Math.max(firstAbove(list, idOf, after), firstAbove(list, idOf, a.key ?? a.prefix!, true));
    for (let i = start; i < list.length; i++) {
      const id = idOf(list[i]);
      if (a.key !== undefined ? id !== a.key : !id.startsWith(a.prefix)) return;
      yield list[i];
    }
  }
  return (accesses, after) =>
    union(
      accesses.map((a) => run(a, after)),
      idOf,
    );
}

/** A list sorted by another key (a catalog's names) as an index reader: what the accesses select, put in id order. */
export function keyedList<T>(list: readonly T[], keyOf: (x: T) => string, idOf: (x: T) => string): IndexRead<T> {
  const range = (a: KeyAccess): T[] => {
    const out: T[] = [];
    for (let i = firstAbove(list, keyOf, a.key ?? a.prefix!, true); i < list.length; i++) {
      const k = keyOf(list[i]);
      if (a.key !== undefined ? k !== a.key : !k.startsWith(a.prefix)) break;
      out.push(list[i]);
    }
    return out;
  };
  return (accesses, after) => sortedAfter(byKeyUnique(accesses.flatMap(range), idOf), idOf, after);
}

/** Id-sorted lists by key (a catalog's owners, aliases) as an index reader. */
export function groupedList<T>(groups: ReadonlyMap<string, readonly T[]>, idOf: (x: T) => string): IndexRead<T> {
  const lists = (a: KeyAccess) =>
    a.key !== undefined ? [groups.get(a.key) ?? []] : [...groups].filter(([k]) => k.startsWith(a.prefix)).map(([, list]) => list);
  return (accesses, after) =>
    union(
      accesses.flatMap(lists).map((list) => sortedAfter(list, idOf, after)),
      idOf,
    );
}

/** The owner index of a partition that holds every record of one account: all of them, or none. */
export const ownedBy =
  <T>(account: string, ids: IndexRead<T>): IndexRead<T> =>
  (accesses, after, batch) =>
    accessMatches(accesses, account) ? ids([{ prefix: "" }], after, batch) : NOTHING;

/** An owner index of grants, which an account's own partition answers for it (its public records are its own too). */
export const ownedByOthers =
  <T>(account: string, read: IndexRead<T>): IndexRead<T> =>
  (accesses, after, batch) =>
    read(
      accesses.filter((a) => a.key !== account),
      after,
      batch,
    );

// ---- Plans ----

/** What an index offers for one condition: how selective it is (lower first), and the index reads whose union holds every match. */
export interface Offer<I extends string> {
  rank: number;
  reads: { index: I; accesses: KeyAccess[] }[];
}

/** The ranks every plan uses, most selective first: an owner has many records, a tag key more. */
export const RANK = { id: 0, key: 1, tag: 2, idPrefix: 3, keyPrefix: 4, tagPrefix: 5, owner: 6, tagKey: 7 } as const;

export interface DescribePlan<T, I extends string> {
  /** A record's id: what ids and tags name. */
  idOf(r: T): string;
  /** The order of results and page tokens, when it is not the ids' (then candidates are read whole and sorted). */
  orderOf?(r: T): string;
  /** Where candidates come from, in the order the walk prefers them: the first source that holds an id serves it. */
  sources: Source<T, I>[];
  /** Everything visible in order after a key; every source's ids when absent. */
  walk?: Read<T>;
  /** The resource type of the caller's tags on these records: `tag:<key>` and `tag-key` then read the tag index. */
  tagType?: string;
  /** Per condition an index answers: its offer for these values, or undefined when they have none. */
  conditions: Record<string, (values: string[]) => Offer<"id" | I> | undefined>;
}

/** A condition that an index answers by its values: when all are exact (rank `exact`), or also by prefix when `prefix` ranks them. */
export const byValues =
  <I extends string>(index: I, exact: number, prefix?: number) =>
  (values: string[]): Offer<I> | undefined => {
    const accesses = valuesAccess(values);
    const rank = accesses && (allExact(accesses) ? exact : prefix);
    return rank === undefined ? undefined : { rank, reads: [{ index, accesses: accesses! }] };
  };

export interface Condition {
  name: string;
  values: string[];
}

/** A request's conditions: the parameters that narrow like filters (Owners), when given, then its filters. */
export function conditionsOf(params: Record<string, string[] | undefined>, filters: readonly Filter[] = []): Condition[] {
  const out: Condition[] = [];
  for (const [name, values] of Object.entries(params)) if (values?.length) out.push({ name, values });
  for (const f of filters) out.push({ name: f.Name!, values: f.Values ?? [] });
  return out;
}

/** The record with this id as the walk finds it: from the first source that holds it. */
function firstHolder<T, I extends string>(plan: DescribePlan<T, I>, id: string): T | undefined {
  for (const s of plan.sources) {
    const r = s.id([{ key: id }], "", 1).next();
    if (!r.done) return r.value;
  }
  return undefined;
}

/** The records of these ids, in id order after `after`, each looked up only when the caller gets to it. */
function* byIds<T, I extends string>(plan: DescribePlan<T, I>, ids: readonly string[], after: string): Generator<T> {
  for (const id of [...new Set(ids)].sort()) {
    const r = id > after ? firstHolder(plan, id) : undefined;
    if (r !== undefined) yield r;
  }
}

const accessId = (a: KeyAccess) => (a.key !== undefined ? `=${a.key}` : `*${a.prefix}`);

/** The union of an offer's index reads over every source, in id order, source by source as the walk prefers them. */
function offerRead<T, I extends string>(plan: DescribePlan<T, I>, reads: Offer<"id" | I>["reads"]): Read<T> {
  const unique = reads.map((r) => ({ index: r.index, accesses: byKeyUnique(r.accesses, accessId) }));
  // Ids are looked up one by one, as tagged ones are; runs of ids and other indexes are read from every source.
  const ids = unique.flatMap((r) => (r.index === "id" ? r.accesses.flatMap((a) => (a.key !== undefined ? [a.key] : [])) : []));
  const runs = unique
    .map((r) => (r.index === "id" ? { index: r.index, accesses: r.accesses.filter((a) => a.prefix !== undefined) } : r))
    .filter((r) => r.accesses.length);
  return (after, batch) => {
    const streams = plan.sources.flatMap((s) => runs.map((r) => s[r.index](r.accesses, after, batch)));
    return union(ids.length ? [byIds(plan, ids, after), ...streams] : streams, plan.idOf);
  };
}

/** A tag condition's offer: the caller's tag index gives the ids. */
function tagOffer<T, I extends string>(ctx: RequestContext, plan: DescribePlan<T, I>, c: Condition) {
  const tag = plan.tagType === undefined ? undefined : tagAccess(c.name, c.values);
  if (!tag) return undefined;
  const rank = "tag" in tag ? (allExact(tag.values) ? RANK.tag : RANK.tagPrefix) : RANK.tagKey;
  const read: Read<T> = (after) => byIds(plan, taggedIds(ctx, plan.tagType!, tag), after);
  return { rank, read };
}

export interface CandidateOptions {
  /** The page token's key: candidates start after it. */
  after: string;
  /** How many records a lazily read source asks the store for at a time: a page and one more, when the caller takes one page. */
  batch: number;
  /** Whether to plan at all; false walks, so that a plan can be compared with what it stands for. */
  planned?: boolean;
}

/**
 * The candidates of a describe, not yet filtered, in its order after `o.after`, each once, read as the caller
 * goes: through the most selective offer of the request's conditions (of equal ones, the first), or by the
 * walk, which says at debug level which conditions have no index.
 */
export function candidates<T, I extends string>(
  ctx: RequestContext,
  plan: DescribePlan<T, I>,
  conditions: readonly Condition[],
  o: CandidateOptions,
): Iterable<T> {
  let best: { rank: number; read: Read<T> } | undefined;
  const unindexed: string[] = [];
  for (const c of o.planned !== false ? conditions : []) {
    const own = Object.prototype.hasOwnProperty.call(plan.conditions, c.name) ? plan.conditions[c.name](c.values) : undefined;
    const offer = own ? { rank: own.rank, read: offerRead(plan, own.reads) } : tagOffer(ctx, plan, c);
    if (!offer) unindexed.push(c.name);
    else if (!best || offer.rank < best.rank) best = offer;
  }
  if (!best) noteUnindexed(ctx, unindexed);
  const read: Read<T> =
    best?.read ??
    plan.walk ??
    ((after, batch) =>
      union(
        plan.sources.map((s) => s.id([{ prefix: "" }], after, batch)),
        plan.idOf,
      ));
  const { orderOf } = plan;
  if (!best || !orderOf) return { [Symbol.iterator]: () => read(o.after, o.batch) };
  // Candidates in id order, wanted in another: an offer's are few, and read whole.
  return { [Symbol.iterator]: () => sortedAfter(byKeyUnique({ [Symbol.iterator]: () => read("", o.batch) }, orderOf), orderOf, o.after) };
}

// ---- Tags ----

/** A tag filter as the tag index answers it: `tag:<key>` with its values, or `tag-key` with its keys. */
export type TagAccess = { tag: string; values: KeyAccess[] } | { keys: KeyAccess[] };

/**
 * The ids of the caller's resources of `resourceType` that carry a tag the access selects, sorted, each once.
 * `tag:<key>` always has an index path (a value pattern that starts with a wildcard reads every value of the
 * key); so has `tag-key` (one that starts with a wildcard reads every tag of the resource type).
 */
export function taggedIds(ctx: RequestContext, resourceType: string, t: TagAccess): string[] {
  const prefixes: KeyAccess[] = [];
  if ("tag" in t) {
    for (const v of t.values) {
      prefixes.push(
        v.key !== undefined ? { key: indexKey(resourceType, t.tag, v.key) } : { prefix: indexKey(resourceType, t.tag, v.prefix) },
      );
    }
  } else {
    for (const k of t.keys) {
      // The escaped key is the middle part of the index key; its prefix is that part without its terminator.
      const whole = indexKey(resourceType, k.key ?? k.prefix!, "");
      prefixes.push({ prefix: k.key !== undefined ? whole : whole.slice(0, -1) });
    }
  }
  const ids = new Set<string>();
  for (const p of prefixes) for (const e of tagSets.indexScan(ctx, "tag", p)) ids.add(e.value.ResourceId);
  return [...ids].sort();
}

/** A tag filter's access, or undefined when the filter is no tag filter. */
export function tagAccess(name: string, values: readonly string[]): TagAccess | undefined {
  if (name.startsWith("tag:")) return { tag: name.slice(4), values: values.map((v) => patternAccess(v) ?? { prefix: "" }) };
  if (name === "tag-key") return { keys: values.map((v) => patternAccess(v) ?? { prefix: "" }) };
  return undefined;
}

/** Says, at debug level, that a describe reads every record it can see because no filter it was given has an index. */
export function noteUnindexed(ctx: RequestContext, names: readonly string[]): void {
  if (!names.length) return;
  ctx.log?.debug?.(
    `${ctx.requestId} ${ctx.service} ${ctx.operation}: no index for ${names.map((n) => `'${n}'`).join(", ")}; every visible record is read`,
  );
}
