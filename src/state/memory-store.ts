// In-memory store (--in-memory): the same semantics as SQLite, with an undo log for transactions.
import { prefixEnd, type ClearFilter, type ListOptions, type Partition, type Store, type StoredRecord } from "./store";

interface Bucket { type: string; account: string; region: string; ids: string[]; values: Map<string, string> }

/** Index of the first id >= target in a sorted array. */
function lowerBound(ids: string[], target: string): number {
  let lo = 0, hi = ids.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ids[mid] < target) lo = mid + 1; else hi = mid; }
  return lo;
}

export class MemoryStore implements Store {
  private buckets = new Map<string, Bucket>();
  private undo: (() => void)[] | undefined;

  private bucket(type: string, p: Partition, create: boolean): Bucket | undefined {
    const key = `${type}\u0000${p.account}\u0000${p.region}`;
    let b = this.buckets.get(key);
    if (!b && create) {
      b = { type, account: p.account, region: p.region, ids: [], values: new Map() };
      this.buckets.set(key, b);
    }
    return b;
  }

  get<T>(type: string, p: Partition, id: string): T | undefined {
    const s = this.bucket(type, p, false)?.values.get(id);
    return s === undefined ? undefined : (JSON.parse(s) as T);
  }

  put(type: string, p: Partition, id: string, value: unknown): void {
    const b = this.bucket(type, p, true)!;
    const previous = b.values.get(id);
    if (previous === undefined) b.ids.splice(lowerBound(b.ids, id), 0, id);
    b.values.set(id, JSON.stringify(value));
    this.undo?.push(() => (previous === undefined ? this.remove(b, id) : b.values.set(id, previous)));
  }

  private remove(b: Bucket, id: string): boolean {
    if (!b.values.delete(id)) return false;
    b.ids.splice(lowerBound(b.ids, id), 1);
    return true;
  }

  delete(type: string, p: Partition, id: string): boolean {
    const b = this.bucket(type, p, false);
    const previous = b?.values.get(id);
    if (!b || previous === undefined) return false;
    this.remove(b, id);
    this.undo?.push(() => this.put(type, p, id, JSON.parse(previous)));
    return true;
  }

  list<T>(type: string, p: Partition, o: ListOptions = {}): { id: string; value: T }[] {
    const b = this.bucket(type, p, false);
    if (!b) return [];
    const out: { id: string; value: T }[] = [];
    let i = 0;
    if (o.after !== undefined) { i = lowerBound(b.ids, o.after); if (b.ids[i] === o.after) i++; }
    if (o.from !== undefined) i = Math.max(i, lowerBound(b.ids, o.from));
    if (o.prefix !== undefined) i = Math.max(i, lowerBound(b.ids, o.prefix));
    const end = o.prefix !== undefined ? prefixEnd(o.prefix) : undefined;
    for (; i < b.ids.length && (o.limit === undefined || out.length < o.limit); i++) {
      const id = b.ids[i];
      if (end !== undefined && id >= end) break;
      out.push({ id, value: JSON.parse(b.values.get(id)!) as T });
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
      if ((f.account === undefined || b.account === f.account) && (f.region === undefined || b.region === f.region) &&
          (f.typePrefix === undefined || b.type.startsWith(f.typePrefix))) {
        this.buckets.delete(key);
        this.undo?.push(() => this.buckets.set(key, b));
      }
    }
  }

  dump(): StoredRecord[] {
    const out: StoredRecord[] = [];
    const buckets = [...this.buckets.values()].sort((a, b) =>
      a.type < b.type ? -1 : a.type > b.type ? 1 : a.account < b.account ? -1 : a.account > b.account ? 1 : a.region < b.region ? -1 : a.region > b.region ? 1 : 0);
    for (const b of buckets) for (const id of b.ids) out.push({ type: b.type, account: b.account, region: b.region, id, value: JSON.parse(b.values.get(id)!) });
    return out;
  }

  close(): void { this.buckets.clear(); }
}
