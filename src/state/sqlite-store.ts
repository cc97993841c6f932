// The default, embedded store: one SQLite file under --data-dir. Each API call runs in one SQLite
// transaction, so a kill -9 never leaves half a change and a restart finds every acknowledged one
// (WAL mode: a commit is in the log before the response is written). Whether it also survives an
// operating-system crash or a power loss is the durability setting's choice (see `Durability`).
import Database from "better-sqlite3";
import { mkdirSync, readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  prefixEnd,
  RollbackSignal,
  type ClearFilter,
  type IndexedRecord,
  type ListOptions,
  type LookupOptions,
  type Partition,
  type Store,
  type StoredRecord,
  type DumpPage,
} from "./store";
import { INDEXES, prefixSuccessor, type IndexCatalog, type IndexEntry } from "./indexes";
import { StoreOpenError, damagedWhileServing, explainOpenFailure } from "./store-open-error";
import { ConditionWatch, StoreUnavailableError, type StoreCondition } from "./store-unavailable";
import { readRecord } from "./record-copies";
import { retryConflicts, type ConflictPolicy } from "./conflicts";

/**
 * "normal" (synchronous = NORMAL): a commit is durable once the process has handed it to the operating
 * system, so a process crash loses nothing, but an OS crash or power loss can lose the last transactions.
 * "full" (synchronous = FULL): every commit waits for the disk, and survives those too, at a cost per write.
 */
export type Durability = "normal" | "full";

export const DB_FILE = "imagelite.db";

const LOOKUP = `SELECT i.key, i.id, r.value FROM record_index i JOIN records r USING (type, account, region, id)
  WHERE i.type = ? AND i.account = ? AND i.region = ? AND i.name = ?`;

type Row = { key: string; id: string; value: string };

/**
 * A bound LIMIT, cast: a bare `LIMIT ?` made a one-row read about four times slower than a literal limit (the
 * SQLite of better-sqlite3 is built with STAT4, which prepares a statement again when a parameter it plans
 * by is bound); an expression is not planned by.
 */
const LIMIT = "CAST(? AS INTEGER)";
export interface SqliteOpenOptions {
  /**
   * Other processes open the file too (--workers): no exclusive lock, a wait for the write lock, and calls
   * that lost a race to another process's write run again (state/conflicts.ts).
   */
  shared?: boolean;
}

/** How long a shared store waits for another process's write to finish before a call gives up on an attempt. */
const SHARED_BUSY_MS = 5000;

/**
 * A shared store's transaction first reads without a lock (readers of all processes run at once, in WAL mode);
 * one that then writes on a snapshot another process has written over meets SQLITE_BUSY(_SNAPSHOT), and runs
 * again holding the write lock from the start (BEGIN IMMEDIATE), which no other writer can overtake.
 */
const SQLITE_CONFLICTS: ConflictPolicy = {
  isConflict: (e) => e instanceof Database.SqliteError && (e.code === "SQLITE_BUSY" || e.code.startsWith("SQLITE_BUSY_")),
  attempts: 4,
};

/** Characters of JSON that the cache of records read lately holds at most (a bound, not a cache to tune). */
const RECENT_CHARS = 4_000_000;

/** The page size of a new database file. */
const PAGE_BYTES = 4096;

/** Page cache sizes, in KiB as SQLite's negative cache_size reads them: in use, and during a bulk load. */
const CACHE_KIB = -8192;
const BULK_CACHE_KIB = -65536;

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly stmts;
  readonly shared: boolean;
  /**
   * Records read lately, by type, account, region and id, as their JSON (not shared: no other process writes
   * the file). A read that finds one spares its statement, a third of a read by id's time, and hands the same
   * text to readRecord, whose cache then finds it without hashing it again. Bounded by RECENT_CHARS.
   */
  private readonly recent = new Map<string, string>();
  private recentChars = 0;
  /** Inside transaction() of a store not shared, before its first write (see transaction). */
  private deferred = false;
  private readonly file: string;
  /** Set once SQLite has reported the file damaged: writes are refused from then on (see failure). */
  private damage: StoreUnavailableError | undefined;
  private readonly watch: ConditionWatch;

  constructor(
    dataDir: string,
    durability: Durability = "normal",
    private readonly indexes: IndexCatalog = INDEXES,
    options: SqliteOpenOptions = {},
  ) {
    this.shared = options.shared === true;
    const dir = resolve(dataDir);
    const file = (this.file = join(dir, DB_FILE));
    this.watch = new ConditionWatch(`the store ${file}`);
    let db: Database.Database | undefined;
    try {
      mkdirSync(dir, { recursive: true });
      const clean = closedCleanly(file);
      // No busy wait: the only other holder of the lock is another process that keeps it while it runs.
      // Shared: the other holders are this server's own workers, each holding the write lock for one call.
      db = this.db = new Database(file, { timeout: this.shared ? SHARED_BUSY_MS : 0 });
      // One process per data directory: the exclusive locking mode takes an OS lock on the file at the
      // first access and keeps it until close, and the OS releases it when the process dies (kill -9
      // included), so there is no stale lock file to clean up. It also keeps the WAL index in memory.
      if (!this.shared) this.db.pragma("locking_mode = EXCLUSIVE");
      // SQLite's own page size, said so that a change is deliberate: 8 KiB pages loaded 100,000 AMIs a tenth
      // faster, but a commit writes whole pages to the WAL, and each small durable write cost a fifth more.
      this.db.pragma(`page_size = ${PAGE_BYTES}`);
      this.db.pragma("journal_mode = WAL");
      this.db.pragma(`synchronous = ${durability === "full" ? "FULL" : "NORMAL"}`);
      // A page cache of up to 8 MiB (SQLite's default is 2 MiB), filled only as pages are read; bulk() takes more.
      this.db.pragma(`cache_size = ${CACHE_KIB}`);
      // A damaged file is refused before it serves a request or takes a write. The check reads the whole file,
      // so it is spared when the file is exactly as a clean close left it (closedCleanly tells in one stat).
      const check = clean ? "ok" : this.db.pragma("quick_check", { simple: true });
      if (check !== "ok")
        throw new StoreOpenError(
          "damaged",
          file,
          String(check)
            .replace(/\s*\n\s*/g, "; ")
            .slice(0, 300),
        );
      this.db.exec(`CREATE TABLE IF NOT EXISTS records (
        type TEXT NOT NULL, account TEXT NOT NULL, region TEXT NOT NULL, id TEXT NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (type, account, region, id)) WITHOUT ROWID`);
      // Secondary indexes (state/indexes.ts): one row per entry, its primary key the order lookups read in,
      // so that a lookup by key or key prefix is one range of it. A write finds the entries a record had by
      // deriving them from its stored value (they match it: see reconcileIndexes), so no second index is kept.
      // index_catalog holds the signature each type's entries were derived under.
      this.db.exec(`CREATE TABLE IF NOT EXISTS record_index (
        type TEXT NOT NULL, account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL,
        PRIMARY KEY (type, account, region, name, key, id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS index_catalog (type TEXT NOT NULL PRIMARY KEY, signature TEXT NOT NULL) WITHOUT ROWID`);
    } catch (e) {
      if (db?.open) db.close();
      throw explainOpenFailure(e, dir, file);
    }
    this.stmts = {
      get: db.prepare("SELECT value FROM records WHERE type = ? AND account = ? AND region = ? AND id = ?").pluck(),
      put: db.prepare("INSERT OR REPLACE INTO records (type, account, region, id, value) VALUES (?, ?, ?, ?, ?)"),
      // A new record of an indexed type: one statement, and no entries of a stored one to read first.
      add: db.prepare("INSERT INTO records (type, account, region, id, value) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
      del: db.prepare("DELETE FROM records WHERE type = ? AND account = ? AND region = ? AND id = ?"),
      // One lower bound each: given two (`id > ? AND id >= ?`), SQLite may range over the weaker one.
      listAbove: db.prepare(`SELECT id, value FROM records WHERE type = ? AND account = ? AND region = ? AND id > ? AND id < ?
        ORDER BY id LIMIT ${LIMIT}`),
      listFrom: db.prepare(`SELECT id, value FROM records WHERE type = ? AND account = ? AND region = ? AND id >= ? AND id < ?
        ORDER BY id LIMIT ${LIMIT}`),
      // One step of the primary key per partition (a skip scan): as many reads as partitions, not records.
      nextPartition: db.prepare(
        "SELECT account, region FROM records WHERE type = ? AND (account, region) > (?, ?) ORDER BY account, region LIMIT 1",
      ),
      dump: db.prepare("SELECT type, account, region, id, value FROM records ORDER BY type, account, region, id LIMIT ?"),
      // A page of the export: one range of the primary key.
      dumpAfter: db.prepare(
        "SELECT type, account, region, id, value FROM records WHERE (type, account, region, id) > (?, ?, ?, ?) ORDER BY type, account, region, id LIMIT ?",
      ),
      any: db.prepare("SELECT 1 FROM records LIMIT 1").pluck(),
      // Two ranges of the primary key, each read for its first row at most.
      anyOutside: db.prepare("SELECT 1 FROM records WHERE type < ? UNION ALL SELECT 1 FROM records WHERE type >= ? LIMIT 1").pluck(),
      putEntry: db.prepare("INSERT OR IGNORE INTO record_index (type, account, region, name, key, id) VALUES (?, ?, ?, ?, ?, ?)"),
      dropEntry: db.prepare("DELETE FROM record_index WHERE type = ? AND account = ? AND region = ? AND name = ? AND key = ? AND id = ?"),
      // A lookup reads ranges of record_index's primary key: the cursor's key from its id on, then the keys
      // above it (strictly, or from the lower bound on for a first page), below the prefix's successor if any.
      lookupKey: db.prepare(`${LOOKUP} AND i.key = ? AND i.id > ? ORDER BY i.key, i.id LIMIT ${LIMIT}`),
      lookupFrom: db.prepare(`${LOOKUP} AND i.key >= ? AND i.key < ? ORDER BY i.key, i.id LIMIT ${LIMIT}`),
      lookupAbove: db.prepare(`${LOOKUP} AND i.key > ? AND i.key < ? ORDER BY i.key, i.id LIMIT ${LIMIT}`),
      lookupFromOpen: db.prepare(`${LOOKUP} AND i.key >= ? ORDER BY i.key, i.id LIMIT ${LIMIT}`),
      lookupAboveOpen: db.prepare(`${LOOKUP} AND i.key > ? ORDER BY i.key, i.id LIMIT ${LIMIT}`),
      // Prepared once: better-sqlite3's db.transaction() builds its wrappers anew at every call.
      begin: db.prepare("BEGIN IMMEDIATE"),
      commit: db.prepare("COMMIT"),
      rollback: db.prepare("ROLLBACK"),
    };
    try {
      this.reconcileIndexes();
    } catch (e) {
      db.close();
      throw explainOpenFailure(e, dir, file);
    }
  }

  /**
   * Brings the stored index entries in line with the declared indexes, at open: a type whose declaration
   * changed (or that a file from before indexes never had) gets its entries rebuilt from its records, and the
   * entries of a type that no longer has indexes go. One transaction; nothing to do when nothing changed.
   */
  private reconcileIndexes(): void {
    const stored = new Map(
      (this.db.prepare("SELECT type, signature FROM index_catalog").all() as { type: string; signature: string }[]).map((r) => [
        r.type,
        r.signature,
      ]),
    );
    const declared = this.indexes.types();
    const stale = declared.filter((t) => stored.get(t) !== this.indexes.signature(t));
    const retired = [...stored.keys()].filter((t) => this.indexes.signature(t) === undefined);
    if (!stale.length && !retired.length) return;
    // In batches: better-sqlite3 cannot write while a statement iterates, and a type may hold many records.
    const batch = this.db.prepare(`SELECT account, region, id, value FROM records WHERE type = ? AND (account, region, id) > (?, ?, ?)
      ORDER BY account, region, id LIMIT 1000`);
    this.transaction(() => {
      for (const type of [...stale, ...retired]) {
        this.db.prepare("DELETE FROM record_index WHERE type = ?").run(type);
        this.db.prepare("DELETE FROM index_catalog WHERE type = ?").run(type);
      }
      for (const type of stale) {
        let last = { account: "", region: "", id: "" };
        for (;;) {
          const rows = batch.all(type, last.account, last.region, last.id) as {
            account: string;
            region: string;
            id: string;
            value: string;
          }[];
          for (const r of rows) {
            for (const e of this.indexes.entries(type, JSON.parse(r.value)) ?? [])
              this.stmts.putEntry.run(type, r.account, r.region, e.index, e.key, r.id);
          }
          if (rows.length < 1000) break;
          last = rows[rows.length - 1];
        }
        this.db.prepare("INSERT INTO index_catalog (type, signature) VALUES (?, ?)").run(type, this.indexes.signature(type));
      }
    });
  }
  get<T>(type: string, p: Partition, id: string): T | undefined {
    try {
      if (this.shared) {
        const s = this.stmts.get.get(type, p.account, p.region, id) as string | undefined;
        return s === undefined ? undefined : readRecord<T>(s);
      }
      const key = `${type}\u0000${p.account}\u0000${p.region}\u0000${id}`;
      let s = this.recent.get(key);
      if (s === undefined) {
        s = this.stmts.get.get(type, p.account, p.region, id) as string | undefined;
        if (s === undefined) return undefined;
        const json = readRecord<T>(s);
        if (this.recentChars + s.length > RECENT_CHARS) this.forgetAll();
        this.recent.set(key, s);
        this.recentChars += s.length;
        return json;
      }
      return readRecord<T>(s);
    } catch (e) {
      throw this.failure(e, true);
    }
  }

  /**
   * What a failure means for the caller. SQLite reporting the file damaged (or a stored record that is not
   * JSON, where `parsing`) is the operator's to mend, not a bug of imagelite's: it becomes a
   * StoreUnavailableError (the service's unavailable error), is told once with the file and the way out, and
   * the store takes no more writes (a write on a damaged b-tree may spread the damage). Reads go on while
   * they can. Anything else is rethrown as it is.
   */
  private failure(e: unknown, parsing: boolean): unknown {
    if (e instanceof StoreUnavailableError) return e;
    const code = e instanceof Database.SqliteError ? e.code : "";
    const corrupt = code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB";
    if (!corrupt && !(parsing && e instanceof SyntaxError)) return e;
    if (!this.damage) {
      const detail = corrupt ? (e as Error).message : `a stored record is not JSON: ${(e as Error).message}`;
      this.damage = new StoreUnavailableError(damagedWhileServing(this.file, detail.slice(0, 300)), e);
      this.forgetAll();
      this.watch.fail("damaged", this.damage.message);
    }
    return this.damage;
  }

  condition(): StoreCondition {
    return this.watch.current;
  }

  set onCondition(listener: ((c: StoreCondition) => void) | undefined) {
    this.watch.listener = listener;
  }

  get onCondition(): ((c: StoreCondition) => void) | undefined {
    return this.watch.listener;
  }

  /** A write drops what `recent` holds of its record. */
  private forget(type: string, p: Partition, id: string): void {
    if (this.recent.size) this.recent.delete(`${type}\u0000${p.account}\u0000${p.region}\u0000${id}`);
  }

  /** A clear, or a rollback (whose writes `recent` may have read back), drops all of it. */
  private forgetAll(): void {
    this.recent.clear();
    this.recentChars = 0;
  }

  put(type: string, p: Partition, id: string, value: unknown): void {
    const entries = this.indexes.entries(type, value);
    this.forget(type, p, id);
    try {
      if (!entries) {
        this.writing();
        this.stmts.put.run(type, p.account, p.region, id, JSON.stringify(value));
        return;
      }
      // The record and its entries change together, also outside a transaction of the caller's; only the
      // entries that differ from the stored record's are written (a state change leaves a name as it was).
      const json = JSON.stringify(value);
      this.transaction(() => {
        this.writing();
        if (this.stmts.add.run(type, p.account, p.region, id, json).changes) {
          for (const e of entries) this.stmts.putEntry.run(type, p.account, p.region, e.index, e.key, id);
          return;
        }
        const before = this.storedEntries(type, p, id);
        this.stmts.put.run(type, p.account, p.region, id, json);
        this.replaceEntries(type, p, id, before, entries);
      });
    } catch (e) {
      throw this.failure(e, true);
    }
  }

  delete(type: string, p: Partition, id: string): boolean {
    this.forget(type, p, id);
    try {
      if (this.indexes.signature(type) === undefined) {
        this.writing();
        return this.stmts.del.run(type, p.account, p.region, id).changes > 0;
      }
      return this.transaction(() => {
        this.writing();
        this.replaceEntries(type, p, id, this.storedEntries(type, p, id), []);
        return this.stmts.del.run(type, p.account, p.region, id).changes > 0;
      });
    } catch (e) {
      throw this.failure(e, true);
    }
  }

  /** The entries of the stored record, as its type derives them. */
  private storedEntries(type: string, p: Partition, id: string): IndexEntry[] {
    const json = this.stmts.get.get(type, p.account, p.region, id) as string | undefined;
    return json === undefined ? [] : (this.indexes.entries(type, readRecord(json)) ?? []);
  }

  private replaceEntries(type: string, p: Partition, id: string, before: IndexEntry[], after: IndexEntry[]): void {
    const name = (e: IndexEntry) => `${e.index}\u0000${e.key}`;
    const kept = new Set(after.map(name));
    const had = new Set(before.map(name));
    for (const e of before) if (!kept.has(name(e))) this.stmts.dropEntry.run(type, p.account, p.region, e.index, e.key, id);
    for (const e of after) if (!had.has(name(e))) this.stmts.putEntry.run(type, p.account, p.region, e.index, e.key, id);
  }

  list<T>(type: string, p: Partition, o: ListOptions = {}): { id: string; value: T }[] {
    try {
      return this.listRows<T>(type, p, o);
    } catch (e) {
      throw this.failure(e, true);
    }
  }

  private listRows<T>(type: string, p: Partition, o: ListOptions): { id: string; value: T }[] {
    // The greatest of the lower bounds: `after` (exclusive), `from` and `prefix` (inclusive).
    let low = "";
    let above = false;
    for (const [bound, exclusive] of [
      [o.after, true],
      [o.from, false],
      [o.prefix, false],
    ] as const) {
      if (bound === undefined) continue;
      if (bound > low) {
        low = bound;
        above = exclusive;
      } else if (bound === low && exclusive) above = true;
    }
    const upper = o.prefix !== undefined ? prefixEnd(o.prefix) : "\uffff\uffff\uffff\uffff";
    const stmt = above ? this.stmts.listAbove : this.stmts.listFrom;
    const rows = stmt.all(type, p.account, p.region, low, upper, o.limit ?? -1) as { id: string; value: string }[];
    const out: { id: string; value: T }[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = { id: rows[i].id, value: readRecord<T>(rows[i].value) };
    return out;
  }

  lookup<T>(type: string, p: Partition, index: string, o: LookupOptions): IndexedRecord<T>[] {
    try {
      return this.lookupRows<T>(type, p, index, o);
    } catch (e) {
      throw this.failure(e, true);
    }
  }

  private lookupRows<T>(type: string, p: Partition, index: string, o: LookupOptions): IndexedRecord<T>[] {
    const where = [type, p.account, p.region, index];
    const limit = o.limit ?? Infinity;
    const sqlLimit = (n: number) => (n === Infinity ? -1 : n);
    const rows: Row[] = [];
    // The bounds of the keys wanted: [low, high) with low itself included or not.
    let low = o.key ?? o.prefix ?? "";
    const high = o.key !== undefined ? undefined : o.prefix ? prefixSuccessor(o.prefix) : undefined;
    let above = false;
    if (o.after !== undefined && o.after.key >= low) {
      if (o.key !== undefined && o.after.key > o.key) return [];
      rows.push(...(this.stmts.lookupKey.all(...where, o.after.key, o.after.id, sqlLimit(limit)) as Row[]));
      low = o.after.key;
      above = true;
    }
    if (o.key !== undefined) {
      if (!above) rows.push(...(this.stmts.lookupKey.all(...where, o.key, "", sqlLimit(limit)) as Row[]));
    } else if (rows.length < limit) {
      const rest = sqlLimit(limit - rows.length);
      const stmt =
        high === undefined
          ? above
            ? this.stmts.lookupAboveOpen
            : this.stmts.lookupFromOpen
          : above
            ? this.stmts.lookupAbove
            : this.stmts.lookupFrom;
      rows.push(...((high === undefined ? stmt.all(...where, low, rest) : stmt.all(...where, low, high, rest)) as Row[]));
    }
    const out: IndexedRecord<T>[] = [];
    for (const r of rows) {
      // The cursor's own key may lie outside a prefix that it sorts after (a cursor of another lookup).
      if (o.prefix !== undefined && !r.key.startsWith(o.prefix)) continue;
      out.push({ key: r.key, id: r.id, value: readRecord<T>(r.value) });
    }
    return out;
  }

  /**
   * One process alone on its file (not shared) begins a transaction at its first write: until then nothing
   * else can change the file, so its reads see what they would see inside one, and a call that only reads
   * (most calls) spares its BEGIN and COMMIT. Shared, other workers write between statements: a transaction
   * from the start, retried on conflict.
   */
  transaction<R>(fn: () => R): R {
    if (this.db.inTransaction || this.deferred) return fn();
    if (this.shared) {
      try {
        return retryConflicts(SQLITE_CONFLICTS, (n) =>
          n === 0 ? this.db.transaction(fn).deferred() : this.db.transaction(fn).immediate(),
        );
      } catch (e) {
        throw this.failure(e, false);
      }
    }
    this.deferred = true;
    try {
      const result = fn();
      if (this.db.inTransaction) this.stmts.commit.run();
      return result;
    } catch (e) {
      // A failed COMMIT (a full disk) may have ended the transaction already.
      if (this.db.inTransaction) this.stmts.rollback.run();
      this.forgetAll();
      throw this.failure(e, false);
    } finally {
      this.deferred = false;
    }
  }

  /** Before a write: the transaction deferred to this point begins (a damaged file takes none). */
  private writing(): void {
    if (this.damage) throw this.damage;
    if (this.deferred && !this.db.inTransaction) this.stmts.begin.run();
  }

  /**
   * A large transaction (a seed of 100,000 AMIs) with a page cache of 64 MiB, so that it does not spill its
   * pages and read them back (a third of its time with the usual cache); the cache shrinks again after it.
   */
  bulk<R>(fn: () => R): R {
    this.db.pragma(`cache_size = ${BULK_CACHE_KIB}`);
    try {
      return this.transaction(fn);
    } finally {
      this.db.pragma(`cache_size = ${CACHE_KIB}`);
      this.db.pragma("shrink_memory");
    }
  }

  rollback<R>(fn: () => R): R {
    try {
      // Not this.transaction, which joins an outer one: inside a transaction this becomes a savepoint
      // that is rolled back, so a dry run never leaves changes for the outer transaction to commit.
      const dryRun = this.db.transaction(() => {
        throw new RollbackSignal(fn());
      });
      if (!this.shared || this.db.inTransaction) dryRun.immediate();
      else retryConflicts(SQLITE_CONFLICTS, (n) => (n === 0 ? dryRun.deferred() : dryRun.immediate()));
    } catch (e) {
      if (e instanceof RollbackSignal) return e.result as R;
      throw this.failure(e, false);
    } finally {
      this.forgetAll();
    }
    throw new Error("unreachable");
  }

  clear(f: ClearFilter = {}): void {
    const where: string[] = [];
    const args: string[] = [];
    if (f.account !== undefined) {
      where.push("account = ?");
      args.push(f.account);
    }
    if (f.region !== undefined) {
      where.push("region = ?");
      args.push(f.region);
    }
    if (f.typePrefix !== undefined) {
      where.push("type >= ? AND type < ?");
      args.push(f.typePrefix, prefixEnd(f.typePrefix));
    }
    const filter = where.length ? ` WHERE ${where.join(" AND ")}` : "";
    this.forgetAll();
    this.transaction(() => {
      try {
        this.writing();
        this.db.prepare(`DELETE FROM records${filter}`).run(...args);
        this.db.prepare(`DELETE FROM record_index${filter}`).run(...args);
      } catch (e) {
        throw this.failure(e, false);
      }
    });
  }

  partitions(type: string): Partition[] {
    const out: Partition[] = [];
    let at: Partition = { account: "", region: "" };
    try {
      for (;;) {
        const row = this.stmts.nextPartition.get(type, at.account, at.region) as Partition | undefined;
        if (!row) return out;
        out.push((at = { account: row.account, region: row.region }));
      }
    } catch (e) {
      throw this.failure(e, false);
    }
  }

  dump(page: DumpPage = {}): StoredRecord[] {
    const { after, limit = -1 } = page; // SQLite reads LIMIT -1 as no limit
    if (limit === 0) return [];
    try {
      const rows = after ? this.stmts.dumpAfter.all(after.type, after.account, after.region, after.id, limit) : this.stmts.dump.all(limit);
      return (rows as (StoredRecord & { value: string })[]).map((r) => ({ ...r, value: JSON.parse(r.value) }));
    } catch (e) {
      throw this.failure(e, true);
    }
  }

  holdsRecords(exceptTypePrefix?: string): boolean {
    try {
      if (exceptTypePrefix === undefined) return this.stmts.any.get() !== undefined;
      return this.stmts.anyOutside.get(exceptTypePrefix, prefixEnd(exceptTypePrefix)) !== undefined;
    } catch (e) {
      throw this.failure(e, false);
    }
  }

  close(): void {
    if (!this.db.open) return;
    this.db.close();
    // A file found damaged is checked in full at the next start, which refuses it.
    if (!this.damage) markClean(this.file);
  }
}

/**
 * A clean close stamps the file: it sets its modification time to a whole second in the past and notes it,
 * with the size, the inode and the change time, beside the file. Any later write (a crash leaves a write-ahead
 * log to replay; another program may write into it) changes the modification and change times, and the next
 * open checks the file in full. The change time is what a program cannot give back: `touch -d` restores a
 * modification time, but setting it is itself a change, so bytes overwritten in place and touched back are
 * checked too; a file put in place of another (a copy, a restore) has another inode or change time.
 *
 * Why a stat and not a look at the bytes: on a 58 MB store (100,000 records), a start on a shared 2-core
 * machine measured 200-230 ms for quick_check, 310-560 ms to read and hash the file (md5, sha1, sha256: the
 * read alone was 200-300 ms), and under a millisecond for the stat. Checking in the background instead needs
 * a second connection, which the exclusive lock of a store not shared keeps out, and would let writes land
 * on a damaged file before it ends. What the file system never sees (a failing disk) is met as it is read:
 * SQLite reports the damage, and the store answers with the unavailable error (see failure).
 */
function markClean(file: string): void {
  try {
    const stamp = Math.floor(Date.now() / 1000) - 1;
    utimesSync(file, stamp, stamp);
    writeFileSync(cleanMark(file), JSON.stringify(stampOf(file)));
  } catch {
    // Unmarked, the next open checks the file: nothing is lost but time.
  }
}

interface CleanStamp {
  size: string;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
}

/** What markClean notes of the file: nanoseconds and inode as strings (64-bit values; JSON numbers are not). */
function stampOf(file: string): CleanStamp {
  const st = statSync(file, { bigint: true });
  return { size: String(st.size), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), ino: String(st.ino) };
}

const cleanMark = (file: string) => `${file}-clean`;

/** Whether the file is as a clean close left it; the mark goes either way, since this open may change the file. */
function closedCleanly(file: string): boolean {
  let mark: Partial<Record<keyof CleanStamp, unknown>>;
  try {
    mark = JSON.parse(readFileSync(cleanMark(file), "utf8"));
    unlinkSync(cleanMark(file));
  } catch {
    return false;
  }
  try {
    const now = stampOf(file);
    const wal = statSync(`${file}-wal`, { throwIfNoEntry: false });
    return (Object.keys(now) as (keyof CleanStamp)[]).every((k) => mark[k] === now[k]) && (!wal || wal.size === 0);
  } catch {
    return false;
  }
}
