// The one narrow interface behind which imagelite keeps its state. Records are JSON documents keyed by
// type, account, region and id; listing is ordered by id so that pages cost O(page), not O(everything).
// Record types may declare secondary indexes (state/indexes.ts), which the store keeps in the same
// transaction as the records and reads in key order. A networked database could implement it as well as
// the embedded ones here.
import type { StoreCondition } from "./store-unavailable";

export interface Partition {
  account: string;
  /** A region name, or "global" for what is account-wide. */
  region: string;
}

export interface ListOptions {
  /** Only ids strictly greater than this one (keyset pagination). */
  after?: string;
  /** Only ids greater than or equal to this one. */
  from?: string;
  /** Only ids that start with this prefix. */
  prefix?: string;
  limit?: number;
}

/** An index lookup: entries of one key or of a key prefix, in (key, id) order. */
export interface LookupOptions {
  /** Only entries with this key. */
  key?: string;
  /** Only entries whose key starts with this prefix. */
  prefix?: string;
  /** Only entries strictly after this one in (key, id) order (keyset pagination). */
  after?: IndexCursor;
  limit?: number;
}

/** A place in an index: an entry's key and its record's id. */
export interface IndexCursor {
  key: string;
  id: string;
}

export interface IndexedRecord<T> {
  key: string;
  id: string;
  value: T;
}

export interface StoredRecord {
  type: string;
  account: string;
  region: string;
  id: string;
  value: unknown;
}

/** A record's place in the store: the order of dump(). */
export interface RecordKey {
  type: string;
  account: string;
  region: string;
  id: string;
}

export interface DumpPage {
  /** Only records strictly after this one in key order. */
  after?: RecordKey;
  limit?: number;
}

/**
 * Every record of a store, read a page at a time as the caller consumes them: the whole state is never held
 * at once. Not a snapshot: a write between two pages may or may not show.
 */
export function* dumpPages(store: Store, size = 500): Generator<StoredRecord[]> {
  let after: RecordKey | undefined;
  for (;;) {
    const page = store.dump({ after, limit: size });
    if (page.length) yield page;
    if (page.length < size) return;
    const last = page[page.length - 1];
    after = { type: last.type, account: last.account, region: last.region, id: last.id };
  }
}

export interface ClearFilter {
  account?: string;
  region?: string;
  /** Only types that start with this prefix, e.g. "appstream.". */
  typePrefix?: string;
}

export interface Store {
  /**
   * Other processes read and write this store at the same time (SQLite under --workers, PostgreSQL): what a
   * process keeps in memory of the state must be checked against the store, and an outermost transaction
   * that loses a race to another process runs its function again, as a whole (state/conflicts.ts).
   */
  readonly shared?: boolean;
  get<T>(type: string, p: Partition, id: string): T | undefined;
  put(type: string, p: Partition, id: string, value: unknown): void;
  delete(type: string, p: Partition, id: string): boolean;
  list<T>(type: string, p: Partition, options?: ListOptions): { id: string; value: T }[];
  /** Records of the partition by an index of their type, in (key, id) order; a record is listed once per key it has. */
  lookup<T>(type: string, p: Partition, index: string, options: LookupOptions): IndexedRecord<T>[];
  /**
   * Runs fn atomically: every change it makes lands, or none does (also when fn throws). Nested calls join.
   * On a shared store fn may run more than once, so it changes nothing but the store.
   */
  transaction<R>(fn: () => R): R;
  /** A transaction that writes much at once (a seed): the same guarantees, with room to do it fast. */
  bulk?<R>(fn: () => R): R;
  /** Runs fn and always discards its changes (EC2 DryRun). */
  rollback<R>(fn: () => R): R;
  clear(filter?: ClearFilter): void;
  /**
   * Records in key order (type, account, region, id): every one, or a page of at most `limit` after `after`
   * (the state export reads the store page by page). Index entries are derived, and not part of it.
   */
  dump(page?: DumpPage): StoredRecord[];
  /** Whether any record is stored, other than those of types that start with `exceptTypePrefix` (cheap: reads one row). */
  holdsRecords(exceptTypePrefix?: string): boolean;
  /** The partitions that hold records of a type, in (account, region) order (the dashboard's lists); without it, dump() tells. */
  partitions?(type: string): Partition[];
  /**
   * Whether the store can serve calls now (the health route reports it); absent: always. A store that cannot
   * (an unreachable database, a damaged file) throws a StoreUnavailableError from its calls.
   */
  condition?(): StoreCondition;
  /** Told each change of the condition: once when an outage or damage begins, once when the store is back. */
  onCondition?: (c: StoreCondition) => void;
  close(): void;
}

/** Upper bound for a prefix scan: every id that starts with prefix sorts below prefix + U+FFFF. */
export const prefixEnd = (prefix: string): string => prefix + "\uffff";

export class RollbackSignal extends Error {
  constructor(readonly result: unknown) {
    super("rollback");
  }
}
