// The default, embedded store: one SQLite file under --data-dir. Each API call runs in one SQLite
// transaction, so a kill -9 never leaves half a change and a restart finds every acknowledged one
// (WAL mode: a commit is in the log before the response is written). Whether it also survives an
// operating-system crash or a power loss is the durability setting's choice (see `Durability`).
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { prefixEnd, RollbackSignal, type ClearFilter, type ListOptions, type Partition, type Store, type StoredRecord } from "./store";
import { StoreOpenError, explainOpenFailure } from "./store-open-error";

/**
 * "normal" (synchronous = NORMAL): a commit is durable once the process has handed it to the operating
 * system, so a process crash loses nothing, but an OS crash or power loss can lose the last transactions.
 * "full" (synchronous = FULL): every commit waits for the disk, and survives those too, at a cost per write.
 */
export type Durability = "normal" | "full";

export const DB_FILE = "imagelite.db";

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(dataDir: string, durability: Durability = "normal") {
    const dir = resolve(dataDir);
    const file = join(dir, DB_FILE);
    let db: Database.Database | undefined;
    try {
      mkdirSync(dir, { recursive: true });
      // No busy wait: the only other holder of the lock is another process that keeps it while it runs.
      db = this.db = new Database(file, { timeout: 0 });
      // One process per data directory: the exclusive locking mode takes an OS lock on the file at the
      // first access and keeps it until close, and the OS releases it when the process dies (kill -9
      // included), so there is no stale lock file to clean up. It also keeps the WAL index in memory.
      this.db.pragma("locking_mode = EXCLUSIVE");
      this.db.pragma("journal_mode = WAL");
      this.db.pragma(`synchronous = ${durability === "full" ? "FULL" : "NORMAL"}`);
      // A damaged file is refused before it serves a request or takes a write (about 40 ms for 30 MB).
      const check = this.db.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new StoreOpenError("damaged", file, String(check).replace(/\s*\n\s*/g, "; ").slice(0, 300));
      this.db.exec(`CREATE TABLE IF NOT EXISTS records (
        type TEXT NOT NULL, account TEXT NOT NULL, region TEXT NOT NULL, id TEXT NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (type, account, region, id)) WITHOUT ROWID`);
    } catch (e) {
      if (db?.open) db.close();
      throw explainOpenFailure(e, dir, file);
    }
    this.stmts = {
      get: db.prepare("SELECT value FROM records WHERE type = ? AND account = ? AND region = ? AND id = ?").pluck(),
      put: db.prepare("INSERT OR REPLACE INTO records (type, account, region, id, value) VALUES (?, ?, ?, ?, ?)"),
      del: db.prepare("DELETE FROM records WHERE type = ? AND account = ? AND region = ? AND id = ?"),
      list: db.prepare(`SELECT id, value FROM records WHERE type = ? AND account = ? AND region = ? AND id > ? AND id >= ? AND id < ?
        ORDER BY id LIMIT ?`),
      dump: db.prepare("SELECT type, account, region, id, value FROM records ORDER BY type, account, region, id"),
    };
  }
  get<T>(type: string, p: Partition, id: string): T | undefined {
    const s = this.stmts.get.get(type, p.account, p.region, id) as string | undefined;
    return s === undefined ? undefined : (JSON.parse(s) as T);
  }

  put(type: string, p: Partition, id: string, value: unknown): void {
    this.stmts.put.run(type, p.account, p.region, id, JSON.stringify(value));
  }

  delete(type: string, p: Partition, id: string): boolean {
    return this.stmts.del.run(type, p.account, p.region, id).changes > 0;
  }

  list<T>(type: string, p: Partition, o: ListOptions = {}): { id: string; value: T }[] {
    const from = o.prefix !== undefined && (o.from === undefined || o.prefix > o.from) ? o.prefix : o.from ?? "";
    const upper = o.prefix !== undefined ? prefixEnd(o.prefix) : "\uffff\uffff\uffff\uffff";
    const rows = this.stmts.list.all(type, p.account, p.region, o.after ?? "", from, upper, o.limit ?? -1) as { id: string; value: string }[];
    return rows.map((r) => ({ id: r.id, value: JSON.parse(r.value) as T }));
  }

  transaction<R>(fn: () => R): R {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn).immediate();
  }

  rollback<R>(fn: () => R): R {
    try {
      // Not this.transaction, which joins an outer one: inside a transaction this becomes a savepoint
      // that is rolled back, so a dry run never leaves changes for the outer transaction to commit.
      this.db.transaction(() => { throw new RollbackSignal(fn()); }).immediate();
    } catch (e) {
      if (e instanceof RollbackSignal) return e.result as R;
      throw e;
    }
    throw new Error("unreachable");
  }

  clear(f: ClearFilter = {}): void {
    const where: string[] = [];
    const args: string[] = [];
    if (f.account !== undefined) { where.push("account = ?"); args.push(f.account); }
    if (f.region !== undefined) { where.push("region = ?"); args.push(f.region); }
    if (f.typePrefix !== undefined) { where.push("type >= ? AND type < ?"); args.push(f.typePrefix, prefixEnd(f.typePrefix)); }
    this.db.prepare(`DELETE FROM records${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`).run(...args);
  }

  dump(): StoredRecord[] {
    return (this.stmts.dump.all() as (StoredRecord & { value: string })[]).map((r) => ({ ...r, value: JSON.parse(r.value) }));
  }

  close(): void { if (this.db.open) this.db.close(); }
}
