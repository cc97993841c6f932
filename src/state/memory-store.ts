// In-memory store (--in-memory): the same semantics as SQLite, with an undo log for transactions.
import { INDEXES, type IndexCatalog, type IndexEntry } from "./indexes";
import { readRecord } from "./record-copies";
import { SortedChunks } from "./sorted-chunks";
import {
  prefixEnd,
  type ClearFilter,
  type DumpPage,
  type IndexedRecord,
  type ListOptions,
  type LookupOptions,
  type Partition,
  type RecordKey,
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
  ids: SortedChunks<string>;
  values: Map<string, string>;
  /** Per index, its rows in (key, id) order. */
  index: Map<string, SortedChunks<IndexRow>>;
}

/** What a record was before a write, to undo it. */
interface Before {
  json: string | undefined;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// Equal keys are the common case (many records share a tag): one comparison of them, not two.
const byKeyAndId = (a: IndexRow, b: IndexRow) => (a.key === b.key ? byId(a.id, b.id) : a.key < b.key ? -1 : 1);

export class MemoryStore implements Store {
  private readonly buckets = new Set<Bucket>();
  /** The same partitions by type, account and region. */
  private readonly found = new Map<string, Map<string, Map<string, Bucket>>>();
  private undo: (() => void)[] | undefined;
  /** During bulk(): the partitions it created, which a failure drops whole rather than undoing write by write. */
  private fresh: Set<Bucket> | undefined;

  constructor(private readonly indexes: IndexCatalog = INDEXES) {}

  private bucket(type: string, p: Partition, create: boolean): Bucket | undefined {
    // Found through maps of maps: a key made of the three strings would be built and hashed at every access.
    const b = this.found.get(type)?.get(p.account)?.get(p.region);
    if (b || !create) return b;
    const made: Bucket = {
      type,
      account: p.account,
      region: p.region,
      ids: new SortedChunks(byId),
      values: new Map(),
      index: new Map(),
    };
    this.setBucket(made);
    this.fresh?.add(made);
    return made;
  }

  private setBucket(b: Bucket): void {
    this.buckets.add(b);
    let accounts = this.found.get(b.type);
    if (!accounts) this.found.set(b.type, (accounts = new Map()));
    let regions = accounts.get(b.account);
    if (!regions) accounts.set(b.account, (regions = new Map()));
    // Undoing a clear() puts a partition back over one made since (which its own undo emptied).
    const replaced = regions.get(b.region);
    if (replaced && replaced !== b) this.buckets.delete(replaced);
    regions.set(b.region, b);
  }

  private dropBucket(b: Bucket): void {
    this.buckets.delete(b);
    this.found.get(b.type)?.get(b.account)?.delete(b.region);
  }

  /** Sets (or, with json undefined, removes) a record and its index entries; returns what it replaced. */
  private write(b: Bucket, id: string, json: string | undefined, entries: IndexEntry[] | undefined): Before {
    const before: Before = { json: b.values.get(id) };
    // The entries the stored record has, derived from it as SQLite does: kept per record, they would cost more than the record.
    const had = this.entriesOf(b, before.json);
    if (json === undefined) {
      if (before.json !== undefined) {
        b.values.delete(id);
        b.ids.remove(id);
      }
    } else {
      if (before.json === undefined) b.ids.insert(id);
      b.values.set(id, json);
    }
    // Only the entries that change move (a state change leaves a name where it was).
    const name = (e: IndexEntry) => `${e.index}\u0000${e.key}`;
    const kept = had?.length && entries?.length ? new Set(entries.map(name)) : undefined;
    const hadNames = had?.length && entries?.length ? new Set(had.map(name)) : undefined;
    for (const e of had ?? []) {
      if (kept?.has(name(e))) continue;
      b.index.get(e.index)!.remove({ key: e.key, id });
    }
    for (const e of entries ?? []) {
      if (hadNames?.has(name(e))) continue;
      let rows = b.index.get(e.index);
      if (!rows) b.index.set(e.index, (rows = new SortedChunks(byKeyAndId)));
      rows.insert({ key: e.key, id });
    }
    return before;
  }

  private entriesOf(b: Bucket, json: string | undefined): IndexEntry[] | undefined {
    if (json === undefined || this.indexes.signature(b.type) === undefined) return undefined;
    return this.indexes.entries(b.type, JSON.parse(json));
  }

  get<T>(type: string, p: Partition, id: string): T | undefined {
    const s = this.bucket(type, p, false)?.values.get(id);
    return s === undefined ? undefined : readRecord<T>(s);
  }

  put(type: string, p: Partition, id: string, value: unknown): void {
    const b = this.bucket(type, p, true)!;
    const before = this.write(b, id, JSON.stringify(value), this.indexes.entries(type, value));
    if (this.undoing(b)) this.undo!.push(() => this.write(b, id, before.json, this.entriesOf(b, before.json)));
  }

  delete(type: string, p: Partition, id: string): boolean {
    const b = this.bucket(type, p, false);
    if (!b || !b.values.has(id)) return false;
    const before = this.write(b, id, undefined, undefined);
    if (this.undoing(b)) this.undo!.push(() => this.write(b, id, before.json, this.entriesOf(b, before.json)));
    return true;
  }

  list<T>(type: string, p: Partition, o: ListOptions = {}): { id: string; value: T }[] {
    const b = this.bucket(type, p, false);
    if (!b) return [];
    const out: { id: string; value: T }[] = [];
    // The first id wanted: above `after`, from `from` on, from `prefix` on.
    const { after, from, prefix } = o;
    const below = (id: string) =>
      (after !== undefined && id <= after) || (from !== undefined && id < from) || (prefix !== undefined && id < prefix);
    const end = prefix !== undefined ? prefixEnd(prefix) : undefined;
    if (o.limit === 0) return out;
    for (const id of b.ids.from(below)) {
      if (end !== undefined && id >= end) break;
      out.push({ id, value: readRecord<T>(b.values.get(id)!) });
      if (o.limit !== undefined && out.length >= o.limit) break;
    }
    return out;
  }

  lookup<T>(type: string, p: Partition, index: string, o: LookupOptions): IndexedRecord<T>[] {
    const b = this.bucket(type, p, false);
    const rows = b?.index.get(index);
    if (!b || !rows) return [];
    const low = o.key ?? o.prefix ?? "";
    const cursor = o.after;
    const below = (r: IndexRow) =>
      r.key < low || (cursor !== undefined && (r.key < cursor.key || (r.key === cursor.key && r.id <= cursor.id)));
    const out: IndexedRecord<T>[] = [];
    if (o.limit === 0) return out;
    for (const { key, id } of rows.from(below)) {
      if ((o.key !== undefined && key !== o.key) || (o.prefix !== undefined && !key.startsWith(o.prefix))) break;
      out.push({ key, id, value: readRecord<T>(b.values.get(id)!) });
      if (o.limit !== undefined && out.length >= o.limit) break;
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

  /**
   * A load (a seed) keeps no undo entry for the partitions it creates: a million closures, each holding the
   * record it replaced, cost a seed of 100,000 AMIs a third of its time in garbage collection. A failure
   * drops those partitions whole, and undoes the rest as usual.
   */
  bulk<R>(fn: () => R): R {
    if (this.undo) return fn();
    this.undo = [];
    this.fresh = new Set();
    try {
      return fn();
    } catch (e) {
      const log = this.undo;
      this.undo = undefined;
      for (let i = log.length - 1; i >= 0; i--) log[i]();
      for (const b of this.fresh) this.dropBucket(b);
      throw e;
    } finally {
      this.undo = undefined;
      this.fresh = undefined;
    }
  }

  /** Whether a write to this partition needs an undo entry. */
  private undoing(b: Bucket): boolean {
    return this.undo !== undefined && !this.fresh?.has(b);
  }

  rollback<R>(fn: () => R): R {
    // Its own undo log, also inside a transaction: a dry run must not leave changes for the outer one to commit.
    const outer = this.undo;
    const outerFresh = this.fresh;
    this.undo = [];
    this.fresh = undefined;
    try {
      return fn();
    } finally {
      const log = this.undo!;
      this.undo = undefined;
      for (let i = log.length - 1; i >= 0; i--) log[i]();
      this.undo = outer;
      this.fresh = outerFresh;
    }
  }

  clear(f: ClearFilter = {}): void {
    for (const b of [...this.buckets]) {
      if (
        (f.account === undefined || b.account === f.account) &&
        (f.region === undefined || b.region === f.region) &&
        (f.typePrefix === undefined || b.type.startsWith(f.typePrefix))
      ) {
        this.dropBucket(b);
        this.undo?.push(() => this.setBucket(b));
      }
    }
  }

  dump(page: DumpPage = {}): StoredRecord[] {
    const out: StoredRecord[] = [];
    const { after, limit = Infinity } = page;
    if (limit <= 0) return out;
    const order = (a: Bucket | RecordKey, b: Bucket | RecordKey) =>
      a.type !== b.type ? byId(a.type, b.type) : a.account !== b.account ? byId(a.account, b.account) : byId(a.region, b.region);
    const buckets = [...this.buckets].filter((b) => !after || order(b, after) >= 0).sort(order);
    for (const b of buckets) {
      // In the partition of `after`, the ids above it; in the later ones, every id.
      const ids = after && order(b, after) === 0 ? b.ids.from((id) => id <= after.id) : b.ids.all();
      for (const id of ids) {
        out.push({ type: b.type, account: b.account, region: b.region, id, value: JSON.parse(b.values.get(id)!) });
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  holdsRecords(exceptTypePrefix?: string): boolean {
    for (const b of this.buckets) {
      if (b.ids.size && (exceptTypePrefix === undefined || !b.type.startsWith(exceptTypePrefix))) return true;
    }
    return false;
  }

  partitions(type: string): Partition[] {
    const out: Partition[] = [];
    for (const b of this.buckets) if (b.type === type && b.ids.size) out.push({ account: b.account, region: b.region });
    return out.sort((a, b) =>
      a.account !== b.account ? (a.account < b.account ? -1 : 1) : a.region < b.region ? -1 : a.region > b.region ? 1 : 0,
    );
  }

  close(): void {
    this.buckets.clear();
    this.found.clear();
  }
}
