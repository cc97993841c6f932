// Purging what is gone. Reads hide a record as soon as its resource is gone (a schedule ending in GONE, a
// retention run out); this module then deletes it, with whatever goes with it, so that the cost of reads
// follows the live resources rather than everything ever created.
//
// The expiry index lives in the store itself, so it survives restarts and travels with exported state: one
// entry per expected disappearance, in one fixed partition, its id the due time (zero-padded epoch ms) then the
// record's key. Due entries are thus the first ids in order, found in O(due) by the store's keyset listing.
// Entries are hints, not orders: a sweep re-reads the record and purges it only if its kind says that it is
// gone by now. A name used again, a schedule replaced (a cancel, a forced disable) or a reset can therefore
// never cause a wrong deletion, and nothing is purged before reads stop showing it.
//
// A sweep runs before each API call, in a transaction of its own (a failing call or a dry run must not undo
// it), and purges at most BATCH records, so no call pays for a backlog. When nothing is due it costs one
// comparison: the earliest due time is remembered per store, as a lower bound that new entries only lower,
// and unknown (read again from the store) after a start or a state import.
//
// Which kinds expire is declared on their collections (`expires`); the sweep and the rebuild are given the
// kinds of the services they serve (expiringKinds), never a list that modules fill as they load.
import { dumpPages, type Partition, type Store } from "./store";
import type { RecordSchema } from "./record-schema";

/** Where a kind's purge works: the record's partition, at the sweep's time. */
export interface PurgeScope {
  store: Store;
  partition: Partition;
  now: number;
}

/** A record type whose records go once their resource is gone. */
export interface ExpiringKind<T> {
  type: string;
  /** When reads stop showing the record (epoch ms), or undefined while its resource is not going. */
  goneAt(value: T): number | undefined;
  /** Deletes the record and what goes with it (index records, tags, client tokens). */
  purge(scope: PurgeScope, id: string, value: T): void;
}

interface Entry {
  type: string;
  account: string;
  region: string;
  id: string;
}

const ENTRY = "imagelite.expiry";
/** Present once the index holds an entry for every expiring record (absent: a store or an export older than it). */
const BUILT = "imagelite.expiry-index";
const PARTITION: Partition = { account: "imagelite", region: "global" };
const BATCH = 100;

/** The index's own records, for the state import's check. */
export const EXPIRY_RECORDS: Record<string, RecordSchema> = {
  [ENTRY]: { type: "string", account: "string", region: "string", id: "string" },
  [BUILT]: {},
};
const DIGITS = 15;

/** The expiring kinds, by record type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ExpiringKinds = ReadonlyMap<string, ExpiringKind<any>>;

/** The kinds that these collections declare expiring. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function expiringKinds(collections: Iterable<{ expiring?: ExpiringKind<any> }>): ExpiringKinds {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const out = new Map<string, ExpiringKind<any>>();
  for (const c of collections) if (c.expiring) out.set(c.expiring.type, c.expiring);
  return out;
}

/** Per store, a time before which nothing is due; absent when unknown. */
const nextDue = new WeakMap<Store, number>();

function lower(store: Store, at: number): void {
  const next = nextDue.get(store);
  if (next !== undefined && at < next) nextDue.set(store, at);
}

function addEntry(store: Store, at: number, type: string, p: Partition, id: string): void {
  store.put(ENTRY, PARTITION, `${String(at).padStart(DIGITS, "0")} ${type} ${p.account} ${p.region} ${id}`, {
    type,
    account: p.account,
    region: p.region,
    id,
  } satisfies Entry);
  lower(store, at);
}

/** Called with every record saved of an expiring kind: if the kind says it will be gone, indexes when. */
export function trackExpiry<T>(store: Store, kind: ExpiringKind<T> | undefined, p: Partition, id: string, value: T): void {
  const at = kind?.goneAt(value);
  if (at !== undefined) addEntry(store, at, kind!.type, p, id);
}

/** Purges what is due at `now`, at most BATCH records; returns when the sweep after it is due. */
function purgeDue(store: Store, kinds: ExpiringKinds, now: number): number {
  const due = store.list<Entry>(ENTRY, PARTITION, { limit: BATCH });
  for (const { id, value: e } of due) {
    const at = Number(id.slice(0, DIGITS));
    if (at > now) return at;
    store.delete(ENTRY, PARTITION, id);
    const kind = kinds.get(e.type);
    const p = { account: e.account, region: e.region };
    const rec = kind && store.get(e.type, p, e.id);
    const gone = rec === undefined ? undefined : kind!.goneAt(rec);
    if (gone === undefined) continue;
    // Its schedule moved on after this entry was made: it goes later, under an entry of that time.
    if (gone > now) addEntry(store, gone, e.type, p, e.id);
    else kind!.purge({ store, partition: p, now }, e.id, rec);
  }
  return due.length < BATCH ? Infinity : now;
}

/** Indexes every expiring record of a store that has no index yet (one full scan, then never again). */
function build(store: Store, kinds: ExpiringKinds): void {
  for (const page of dumpPages(store)) for (const r of page) trackExpiry(store, kinds.get(r.type), r, r.id, r.value);
  store.put(BUILT, PARTITION, "v1", {});
}

/** Whether records of this type are the expiry index's own: derived from the others, so not state to export. */
export const isExpiryIndex = (type: string): boolean => type === ENTRY || type === BUILT;

/**
 * Builds the index anew from the records (a state import, in its transaction): an imported document's own
 * entries are never trusted, and an entry whose time or key is garbage cannot get in.
 */
export function rebuildExpiryIndex(store: Store, kinds: ExpiringKinds): void {
  store.clear({ account: PARTITION.account, region: PARTITION.region, typePrefix: ENTRY });
  build(store, kinds);
}

/**
 * Purges the records due at `now`, in a transaction of its own; call it outside any other. A failure is
 * reported, not thrown: the call that triggered the sweep goes on, and the next call tries again.
 */
export function sweepExpired(store: Store, kinds: ExpiringKinds, now: number, onError: (e: unknown) => void): void {
  const known = nextDue.get(store);
  if (known !== undefined && now < known) return;
  nextDue.set(store, Infinity); // the entries the sweep adds lower it
  try {
    const next = store.transaction(() => {
      if (known === undefined && !store.get(BUILT, PARTITION, "v1")) build(store, kinds);
      return purgeDue(store, kinds, now);
    });
    lower(store, next);
  } catch (e) {
    nextDue.delete(store);
    onError(e);
  }
}

/** The store's records were replaced (state import): what is due must be read from it again. */
export function forgetDueTime(store: Store): void {
  nextDue.delete(store);
}
