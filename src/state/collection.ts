// Typed collections over the store: one declaration per kind of record — its type, its schema, its key, where it
// lives, its secondary indexes, when it is live, when it goes, whether tagging calls name it — and typed get /
// put / delete / page / scan / lookup over it. The store sees plain records; what a service used to repeat at
// every access (the type string, the glued id, the `!== GONE` check, the batched keyset loop) is said here once.
// A service lists its collections (gateway/service.ts): the state import, the expiry sweep and the tagging calls
// read these declarations from that list, so a collection's facts hold wherever it is used.
//
// Keys: a record's key is a string or a tuple of strings, joined into the stored id with the collection's
// separator (ids stay what they were, so stored state and exports do not change). A scan `within` a leading
// part of a tuple key reads exactly the records under it (the launch permissions of one AMI), which holds as
// long as no part but the last contains the separator (ids, account ids, names do not). Collections of
// index records, whose value does not hold their key (a grant is { UserId }), are written with `set(key, value)`.
//
// Live: reads (get, scan, page, lookup, find) show only the records that `live` accepts at the scope's time:
// a deleted resource whose DELETING phase is over is no longer there, though its record waits for its purge.
// `getAny` is the exception, for the code that decides what to do with such records.
import { INDEXES, type IndexKeys } from "./indexes";
import { trackExpiry, type ExpiringKind, type PurgeScope } from "./expiry";
import { withRules, type RecordRules, type RecordSchema } from "./record-schema";
import type { IndexCursor, IndexedRecord, Partition, Store } from "./store";

/** Where a collection is read and written: a store, a partition, and the time that decides what is live. A request context is one. */
export interface Scope {
  store: Store;
  partition: Partition;
  now: number;
}

/** The same store and time in another partition (an owner's, a grantee's, a region's public one). */
export const inPartition = (s: Scope, partition: Partition): Scope => ({ store: s.store, partition, now: s.now });

export type Key = string | readonly string[];

/** The leading parts of a tuple key that a scan can be confined to (all but the last). */
export type KeyPrefix<K> = K extends readonly [...infer Init extends string[], string] ? Init | KeyPrefix<Init> : never;

/**
 * Resources that tagging calls name by id (EC2's CreateTags, DeleteTags). The context is the service's request
 * context, which is a Scope and more: the methods take it as the service declares them.
 */
export interface Taggable {
  /** The id prefix with its dash ("ami-"); the longest prefix an id has names its kind ("import-ami-" over "ami-"). */
  prefix: string;
  /** The resource type that tags of it show (DescribeTags' ResourceType). */
  resourceType: string;
  /** Throws the service's own error when the id is malformed or names nothing the caller can see. */
  check(ctx: Scope, id: string): void;
  /** After a tagging call put the caller's tags on it. */
  tagged?(ctx: Scope, id: string): void;
}

export interface CollectionSpec<T, K extends Key, I extends string> {
  /** The store type, `<service>.<kind>`. */
  type: string;
  /** The members of its records (state/record-schema.ts), which a state import checks; RecordOf infers T from it. */
  schema?: RecordSchema;
  /** What a state import checks beyond the members; the id (from `key`) and the partition (from `partition`) are derived. */
  rules?: Omit<RecordRules<T>, "id">;
  /** The record's key, from the record; absent for index records, which are written with `set`. */
  key?: (value: T) => K;
  /** Joins the parts of a tuple key (" " unless said). */
  separator?: string;
  /** Where `put` writes the record; the scope's partition when absent. */
  partition?: (value: T) => Partition;
  /** Secondary indexes: per name, the keys a record has in it (state/indexes.ts). */
  indexes?: Record<I, IndexKeys<T>>;
  /** Bump when an index derivation changes through a helper it calls (its own text changing is seen). */
  indexVersion?: number;
  /** Whether the record's resource still exists at `now`; reads skip the others. Always, when absent. */
  live?: (value: T, now: number) => boolean;
  /**
   * Records that go once their resource is gone (state/expiry.ts): when, and what goes with them (by default
   * the record alone). Writes keep the expiry index up to date.
   */
  expires?: { goneAt(value: T): number | undefined; purge?(scope: PurgeScope, id: string, value: T): void };
  /** Its resources are named by id in tagging calls. */
  taggable?: Taggable;
}

export interface ScanOptions<K> {
  /** Only records under these leading parts of the key. */
  within?: KeyPrefix<K>;
  /** Only ids strictly after this one (a page token's). */
  after?: string;
  /** Only ids from this one on. */
  from?: string;
  /** How many records each read of the store asks for (a page's size, when the caller takes one page). */
  batch?: number;
}

export interface Page<T> {
  items: { id: string; value: T }[];
  /** The last id served, when more records follow. */ next?: string;
}

export interface LookupQuery {
  key?: string;
  prefix?: string;
  after?: IndexCursor;
  limit?: number;
}

/** Which entries of an index a scan reads: those of one key, or of every key with a prefix. */
export type IndexAccess = { key: string; prefix?: undefined } | { prefix: string; key?: undefined };

export interface IndexScanOptions<After> {
  /** Only entries after this one. */
  after?: After;
  /** How many entries each read of the store asks for (a page and one more, when the caller takes one page). */
  batch?: number;
}

export interface Collection<T, K extends Key = string, I extends string = never> {
  readonly type: string;
  /** The members and rules a state import checks its records against, when it declares them. */
  readonly schema?: RecordSchema;
  /** How its records go once their resource is gone, when they do. */
  readonly expiring?: ExpiringKind<T>;
  readonly taggable?: Taggable;
  /** The stored id of a key. */
  id(key: K): string;
  /** The live record of this key in the scope's partition. */
  get(s: Scope, key: K): T | undefined;
  /** The record of this key, live or not. */
  getAny(s: Scope, key: K): T | undefined;
  /** Writes a record under the key it derives, in its own partition (or the scope's); indexes and expiry follow. */
  put(s: Scope, value: T): void;
  /** Writes a record under a key given (index records, whose value does not hold their key). */
  set(s: Scope, key: K, value: T): void;
  delete(s: Scope, key: K): boolean;
  /** Live records in id order, read from the store in batches as the caller consumes them. */
  scan(s: Scope, o?: ScanOptions<K>): Generator<T>;
  /** The same, with each record's id. */
  entries(s: Scope, o?: ScanOptions<K>): Generator<{ id: string; value: T }>;
  /** The first live record in id order, if any. */
  first(s: Scope, o?: ScanOptions<K>): T | undefined;
  /** One page of live records that `filter` keeps, in id order, after `after`: at most `limit`, and whether more follow. */
  page(s: Scope, o: ScanOptions<K> & { limit: number; filter?: (value: T) => boolean }): Page<T>;
  /** Live records by a secondary index, in (key, id) order; `limit` counts what is returned. */
  lookup(s: Scope, index: I, q: LookupQuery): { key: string; id: string; value: T }[];
  /** The first live record with this key in the index. */
  find(s: Scope, index: I, key: string): T | undefined;
  /**
   * Live entries of an index, read from the store `batch` at a time as the caller consumes them: those of one
   * key in id order, after an id of it; or those of a key prefix in (key, id) order, after a place in it.
   */
  indexScan(s: Scope, index: I, access: { key: string }, o?: IndexScanOptions<string>): Generator<IndexedRecord<T>>;
  indexScan(s: Scope, index: I, access: IndexAccess, o?: IndexScanOptions<IndexCursor>): Generator<IndexedRecord<T>>;
}

const BATCH = 100;

export function collection<T, K extends Key = string, I extends string = never>(spec: CollectionSpec<T, K, I>): Collection<T, K, I> {
  const { type } = spec;
  const sep = spec.separator ?? " ";
  const live = spec.live;
  const isLive = (s: Scope, v: T) => !live || live(v, s.now);
  const id = (key: K): string => (typeof key === "string" ? key : (key as readonly string[]).join(sep));
  const prefixOf = (within: readonly string[] | undefined) => (within?.length ? within.join(sep) + sep : undefined);
  if (spec.indexes) INDEXES.define<T>(type, spec.indexes as Record<string, IndexKeys<T>>, spec.indexVersion);
  const expires = spec.expires;
  const expiring: ExpiringKind<T> | undefined = expires && {
    type,
    goneAt: (v) => expires.goneAt(v),
    purge:
      expires.purge ??
      ((scope, recordId) => {
        scope.store.delete(type, scope.partition, recordId);
      }),
  };

  // Every write keeps the expiry index.
  function write(s: Scope, p: Partition, recordId: string, value: T): void {
    s.store.put(type, p, recordId, value);
    trackExpiry(s.store, expiring, p, recordId, value);
  }

  function* entries(s: Scope, o: ScanOptions<K> = {}): Generator<{ id: string; value: T }> {
    const prefix = prefixOf(o.within as readonly string[] | undefined);
    const size = o.batch ?? BATCH;
    let after = o.after || undefined;
    let from = o.from;
    for (;;) {
      const batch = s.store.list<T>(type, s.partition, { prefix, after, from, limit: size });
      for (const r of batch) if (isLive(s, r.value)) yield r;
      if (batch.length < size) return;
      after = batch[batch.length - 1].id;
      from = undefined;
    }
  }

  // The one keyset loop over an index: each read asks for `size` entries after the last one read.
  function* indexEntries(
    s: Scope,
    index: string,
    where: { key?: string; prefix?: string },
    after: IndexCursor | undefined,
    size: number,
  ): Generator<IndexedRecord<T>> {
    for (;;) {
      const batch = s.store.lookup<T>(type, s.partition, index, { key: where.key, prefix: where.prefix, after, limit: size });
      for (const r of batch) if (isLive(s, r.value)) yield r;
      if (batch.length < size) return;
      after = { key: batch[batch.length - 1].key, id: batch[batch.length - 1].id };
    }
  }

  const derive = spec.key;
  const keyOf = derive && ((v: T) => id(derive(v)));
  const self: Collection<T, K, I> = {
    type,
    // An imported record's id must be the key its members give, and its partition the one they place it in,
    // or reads by key would never find it (or find it elsewhere).
    schema: spec.schema && withRules<T>(spec.schema, { ...spec.rules, id: keyOf, partition: spec.rules?.partition ?? spec.partition }),
    expiring,
    taggable: spec.taggable,
    id,
    get(s, key) {
      const v = s.store.get<T>(type, s.partition, id(key));
      return v !== undefined && isLive(s, v) ? v : undefined;
    },
    getAny: (s, key) => s.store.get<T>(type, s.partition, id(key)),
    put(s, value) {
      if (!spec.key) throw new Error(`${type}: records are written with set(key, value)`);
      write(s, spec.partition?.(value) ?? s.partition, id(spec.key(value)), value);
    },
    set: (s, key, value) => write(s, s.partition, id(key), value),
    delete: (s, key) => s.store.delete(type, s.partition, id(key)),
    entries,
    *scan(s, o) {
      for (const r of entries(s, o)) yield r.value;
    },
    first(s, o) {
      for (const r of entries(s, { batch: 1, ...o })) return r.value;
      return undefined;
    },
    page(s, o) {
      const prefix = prefixOf(o.within as readonly string[] | undefined);
      const items: { id: string; value: T }[] = [];
      let after = o.after || undefined;
      let from = o.from;
      // Reads limit + 1 at a time, so that a page of live records costs one read; skipped ones cost more reads.
      for (;;) {
        const batch = s.store.list<T>(type, s.partition, { prefix, after, from, limit: o.limit + 1 });
        for (const r of batch) if (isLive(s, r.value) && (!o.filter || o.filter(r.value))) items.push(r);
        if (batch.length <= o.limit || items.length > o.limit) break;
        after = batch[batch.length - 1].id;
        from = undefined;
      }
      const page = items.slice(0, o.limit);
      return { items: page, next: items.length > o.limit ? page[page.length - 1].id : undefined };
    },
    lookup(s, index, q) {
      const limit = q.limit ?? Infinity;
      const out: IndexedRecord<T>[] = [];
      if (limit <= 0) return out;
      for (const r of indexEntries(s, index, q, q.after, Math.min(limit, BATCH))) {
        out.push(r);
        if (out.length >= limit) break;
      }
      return out;
    },
    find(s, index, key) {
      return self.lookup(s, index, { key, limit: 1 })[0]?.value;
    },
    indexScan(s: Scope, index: I, access: IndexAccess, o: IndexScanOptions<string | IndexCursor> = {}) {
      // An id to start after is a place within the one key the access reads.
      const after = typeof o.after === "string" ? (o.after ? { key: access.key!, id: o.after } : undefined) : o.after;
      return indexEntries(s, index, access, after, o.batch ?? BATCH);
    },
  };
  return self;
}
