// The one narrow interface behind which imagelite keeps its state. Records are JSON documents keyed by
// type, account, region and id; listing is ordered by id so that pages cost O(page), not O(everything).
// A networked database could implement it as well as the embedded ones here.

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

export interface StoredRecord {
  type: string;
  account: string;
  region: string;
  id: string;
  value: unknown;
}

export interface ClearFilter {
  account?: string;
  region?: string;
  /** Only types that start with this prefix, e.g. "appstream.". */
  typePrefix?: string;
}

export interface Store {
  get<T>(type: string, p: Partition, id: string): T | undefined;
  put(type: string, p: Partition, id: string, value: unknown): void;
  delete(type: string, p: Partition, id: string): boolean;
  list<T>(type: string, p: Partition, options?: ListOptions): { id: string; value: T }[];
  /** Runs fn atomically: every change it makes lands, or none does (also when fn throws). Nested calls join. */
  transaction<R>(fn: () => R): R;
  /** Runs fn and always discards its changes (EC2 DryRun). */
  rollback<R>(fn: () => R): R;
  clear(filter?: ClearFilter): void;
  /** Every record, in key order (state export). */
  dump(): StoredRecord[];
  close(): void;
}

/** Upper bound for a prefix scan: every id that starts with prefix sorts below prefix + U+FFFF. */
export const prefixEnd = (prefix: string): string => prefix + "\uffff";

export class RollbackSignal extends Error {
  constructor(readonly result: unknown) { super("rollback"); }
}
