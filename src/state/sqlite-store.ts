// The default, embedded store: one SQLite file under --data-dir. Each API call runs in one SQLite
// transaction, so a kill -9 never leaves half a change and a restart finds every acknowledged one
// (WAL mode: a commit is in the log before the response is written).
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { prefixEnd, RollbackSignal, type ClearFilter, type ListOptions, type Partition, type Store, type StoredRecord } from "./store";

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, "imagelite.db"));
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(`CREATE TABLE IF NOT EXISTS records (
      type TEXT NOT NULL, account TEXT NOT NULL, region TEXT NOT NULL, id TEXT NOT NULL, value TEXT NOT NULL,
      PRIMARY KEY (type, account, region, id)) WITHOUT ROWID`);
    const db = this.db;
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
