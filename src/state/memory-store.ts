// In-memory store (--in-memory): the same semantics as SQLite, with an undo log for transactions.
import { INDEXES, type IndexCatalog, type IndexEntry } from "./indexes";
import { readRecord } from "./record-copies";
import {
  prefixEnd,
  type ClearFilter,
  type IndexedRecord,
  type ListOptions,
  type LookupOptions,
  type Partition,
  type Store,
  type StoredRecord,
} from "./store";

interface IndexRow {
  key: string;
  id: string;
}

interface Bucket {
  type: string;
  account: string;
  region: string;
  ids: string[];
  values: Map<string, string>;
  /** Per index, its rows in (key, id) order. */
  index: Map<string, IndexRow[]>;
  /** Per record id, its index entries (dropped with it). */
  entries: Map<string, IndexEntry[]>;
}

/** What a record was before a write, to undo it. */
interface Before {
  json: string | undefined;
  entries: IndexEntry[] | undefined;
}

/** Index of the first id >= target in a sorted array. */
function lowerBound(ids: string[], target: string): number {
  let lo = 0,
    hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first row >= (key, id) in rows sorted by (key, id). */
function rowBound(rows: IndexRow[], key: string, id: string): number {
  let lo = 0,
    hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = rows[mid];
    if (r.key < key || (r.key === key && r.id < id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class MemoryStore implements Store {
  private buckets = new Map<string, Bucket>();
  private undo: (() => void)[] | undefined;

  constructor(private readonly indexes: IndexCatalog = INDEXES) {}

  private bucket(type: string, p: Partition, create: boolean): Bucket | undefined {
    const key = `${type}\u0000${p.account}\u0000${p.region}`;
    let b = this.buckets.get(key);
    if (!b && create) {
      b = { type, account: p.account, region: p.region, ids: [], values: new Map(), index: new Map(), entries: new Map() };
      this.buckets.set(key, b);
    }
    return b;
  }

  /** Sets (or, with json undefined, removes) a record and its index entries; returns what it replaced. */
  private write(b: Bucket, id: string, json: string | undefined, entries: IndexEntry[] | undefined): Before {
    const before: Before = { json: b.values.get(id), entries: b.entries.get(id) };
    if (json === undefined) {
      if (before.json !== undefined) {
        b.values.delete(id);
        b.ids.splice(lowerBound(b.ids, id), 1);
      }
    } else {
      if (before.json === undefined) b.ids.splice(lowerBound(b.ids, id), 0, id);
      b.values.set(id, json);
    }
    // Only the entries that change move (a state change leaves a name where it was).
    const name = (e: IndexEntry) => `${e.index}\u0000${e.key}`;
    const kept = new Set((entries ?? []).map(name));
    const had = new Set((before.entries ?? []).map(name));
    for (const e of before.entries ?? []) {
      if (kept.has(name(e))) continue;
      const rows = b.index.get(e.index)!;
      rows.splice(rowBound(rows, e.key, id), 1);
    }
    for (const e of entries ?? []) {
      if (had.has(name(e))) continue;
      let rows = b.index.get(e.index);
      if (!rows) b.index.set(e.index, (rows = []));
      rows.splice(rowBound(rows, e.key, id), 0, { key: e.key, id });
    }
    if (entries?.length) b.entries.set(id, entries);
    else b.entries.delete(id);
    return before;
  }

  get<T>(type: string, p: Partition, id: string): T | undefined {
    const s = this.bucket(type, p, false)?.values.get(id);
    return s === undefined ? undefined : readRecord<T>(s);
  }

  put(type: string, p: Partition, id: string, value: unknown): void {
    const b = this.bucket(type, p, true)!;
    const before = this.write(b, id, JSON.stringify(value), this.indexes.entries(type, value));
    this.undo?.push(() => this.write(b, id, before.json, before.entries));
  }

  delete(type: string, p: Partition, id: string): boolean {
    const b = this.bucket(type, p, false);
    if (!b || !b.values.has(id)) return false;
    const before = this.write(b, id, undefined, undefined);
    this.undo?.push(() => this.write(b, id, before.json, before.entries));
    return true;
  }

  list<T>(type: string, p: Partition, o: ListOptions = {}): { id: string; value: T }[] {
    const b = this.bucket(type, p, false);
    if (!b) return [];
    const out: { id: string; value: T }[] = [];
    let i = 0;
    if (o.after !== undefined) {
      i = lowerBound(b.ids, o.after);
      if (b.ids[i] === o.after) i++;
    }
    if (o.from !== undefined) i = Math.max(i, lowerBound(b.ids, o.from));
    if (o.prefix !== undefined) i = Math.max(i, lowerBound(b.ids, o.prefix));
    const end = o.prefix !== undefined ? prefixEnd(o.prefix) : undefined;
    for (; i < b.ids.length && (o.limit === undefined || out.length < o.limit); i++) {
      const id = b.ids[i];
      if (end !== undefined && id >= end) break;
      out.push({ id, value: readRecord<T>(b.values.get(id)!) });
    }
    return out;
  }

  lookup<T>(type: string, p: Partition, index: string, o: LookupOptions): IndexedRecord<T>[] {
    const b = this.bucket(type, p, false);
    const rows = b?.index.get(index);
    if (!b || !rows) return [];
    let i = rowBound(rows, o.key ?? o.prefix ?? "", "");
    if (o.after !== undefined) {
      let j = rowBound(rows, o.after.key, o.after.id);
      if (j < rows.length && rows[j].key === o.after.key && rows[j].id === o.after.id) j++;
      i = Math.max(i, j);
    }
    const out: IndexedRecord<T>[] = [];
    for (; i < rows.length && (o.limit === undefined || out.length < o.limit); i++) {
      const { key, id } = rows[i];
      if ((o.key !== undefined && key !== o.key) || (o.prefix !== undefined && !key.startsWith(o.prefix))) break;
      out.push({ key, id, value: readRecord<T>(b.values.get(id)!) });
    }
    return out;
  }

  transaction<R>(fn: () => R): R {
    if (this.undo) return fn();
    this.undo = [];
    try {
      const r = fn();
      this.undo = undefined;
      return r;
    } catch (e) {
      const log = this.undo!;
      this.undo = undefined;
      for (let i = log.length - 1; i >= 0; i--) log[i]();
      throw e;
    }
  }

  rollback<R>(fn: () => R): R {
    // Its own undo log, also inside a transaction: a dry run must not leave changes for the outer one to commit.
    const outer = this.undo;
    this.undo = [];
    try {
      return fn();
    } finally {
      const log = this.undo!;
      this.undo = undefined;
      for (let i = log.length - 1; i >= 0; i--) log[i]();
      this.undo = outer;
    }
  }

  clear(f: ClearFilter = {}): void {
    for (const [key, b] of this.buckets) {
      if (
        (f.account === undefined || b.account === f.account) &&
        (f.region === undefined || b.region === f.region) &&
        (f.typePrefix === undefined || b.type.startsWith(f.typePrefix))
      ) {
        this.buckets.delete(key);
        this.undo?.push(() => this.buckets.set(key, b));
      }
    }
  }

  dump(): StoredRecord[] {
    const out: StoredRecord[] = [];
    const buckets = [...this.buckets.values()].sort((a, b) =>
      a.type < b.type
        ? -1
        : a.type > b.type
          ? 1
          : a.account < b.account
            ? -1
            : a.account > b.account
              ? 1
              : a.region < b.region
                ? -1
                : a.region > b.region
                  ? 1
                  : 0,
    );
    for (const b of buckets)
      for (const id of b.ids) out.push({ type: b.type, account: b.account, region: b.region, id, value: JSON.parse(b.values.get(id)!) });
    return out;
  }

  partitions(type: string): Partition[] {
    const out: Partition[] = [];
    for (const b of this.buckets.values()) if (b.type === type && b.ids.length) out.push({ account: b.account, region: b.region });
    return out.sort((a, b) =>
      a.account !== b.account ? (a.account < b.account ? -1 : 1) : a.region < b.region ? -1 : a.region > b.region ? 1 : 0,
    );
  }

  close(): void {
    this.buckets.clear();
  }
}
