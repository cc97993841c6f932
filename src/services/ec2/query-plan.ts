// The pieces of a planned describe (images/describe.ts, snapshots/describe.ts, instances/describe.ts): which
// filter values an index can answer, and how an index answers them in the order a describe serves (by id).
// A plan only chooses where candidates come from; every filter is still applied to each candidate in full,
// so a plan changes what a request costs, never what it returns.
import type { RequestContext } from "../../gateway/context";
import type { Collection, Key, Scope } from "../../state/collection";
import { indexKey } from "../../state/indexes";
import { tagSets } from "./tags/records";
import { resolved } from "../../util/sorted-merge";

/** How an index answers one value: entries of one key, or of a key prefix. */
export type KeyAccess = { key: string; prefix?: undefined } | { prefix: string; key?: undefined };

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

/** Index of the first element whose key is above `after` in a list sorted by that key. */
export function firstAbove<T>(list: readonly T[], key: (x: T) => string, after: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]) > after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first element whose key is at or above `from`. */
export function firstFrom<T>(list: readonly T[], key: (x: T) => string, from: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]) >= from) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The elements of an id-sorted list above `after`, lazily. */
export function* sortedAfter<T>(list: readonly T[], idOf: (x: T) => string, after: string): Generator<T> {
  for (let i = firstAbove(list, idOf, after); i < list.length; i++) yield list[i];
}

/** The elements of a list sorted by `key` that an access selects (one key's run, or a prefix's). */
export function keyRange<T>(list: readonly T[], key: (x: T) => string, a: KeyAccess): T[] {
  const start = firstFrom(list, key, a.key ?? a.prefix!);
  const out: T[] = [];
  for (let i = start; i < list.length; i++) {
    const k = key(list[i]);
    if (a.key !== undefined ? k !== a.key : !k.startsWith(a.prefix!)) break;
    out.push(list[i]);
  }
  return out;
}

/** Sorted by id, each id once. */
export function byIdUnique<T>(items: Iterable<T>, idOf: (x: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const x of items) if (!seen.has(idOf(x))) seen.set(idOf(x), x);
  return [...seen.values()].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
}

const BATCH = 100;

/** The entries of one index key with ids above `after`, in id order, read a batch at a time as the caller goes. */
export function* keyEntries<T, I extends string>(
  c: Collection<T, string, I>,
  s: Scope,
  index: I,
  key: string,
  after: string,
  size = BATCH,
): Generator<{ id: string; value: T }> {
  let cursor = { key, id: after };
  for (;;) {
    // An `after` of "" starts at the key's first entry: every id sorts above "".
    const batch = c.lookup(s, index, { key, after: cursor, limit: size });
    for (const e of batch) yield { id: e.id, value: e.value };
    if (batch.length < size) return;
    cursor = { key, id: batch[batch.length - 1].id };
  }
}

/** Every entry an access selects in an index (by key or by prefix), in (key, id) order. */
export const accessEntries = <T, K extends Key, I extends string>(c: Collection<T, K, I>, s: Scope, index: I, a: KeyAccess) =>
  c.lookup(s, index, a.key !== undefined ? { key: a.key } : { prefix: a.prefix });

/** The records of an id-keyed collection whose ids an access selects, in id order above `after`, lazily. */
export function* idRange<T>(c: Collection<T>, s: Scope, a: KeyAccess, after: string): Generator<{ id: string; value: T }> {
  if (a.key !== undefined) {
    if (a.key <= after) return;
    const v = c.get(s, a.key);
    if (v !== undefined) yield { id: a.key, value: v };
    return;
  }
  const from = a.prefix > after ? { from: a.prefix } : { after };
  for (const e of c.entries(s, from)) {
    if (!e.id.startsWith(a.prefix)) return;
    yield e;
  }
}

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
  for (const p of prefixes) for (const e of accessEntries(tagSets, ctx, "tag", p)) ids.add(e.value.ResourceId);
  return [...ids].sort();
}

/** The resources a tag filter finds after `after`, in id order, read as the caller sees them (a planner's tag source). */
export function taggedAfter<T>(
  ctx: RequestContext,
  resourceType: string,
  t: TagAccess,
  after: string,
  visibleById: (id: string) => T | undefined,
): Generator<T> {
  const ids = taggedIds(ctx, resourceType, t).filter((id) => id > after);
  return resolved(
    ids.map((id) => ({ id, value: id })),
    (id) => visibleById(id),
  );
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
