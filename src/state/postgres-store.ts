// The PostgreSQL store (--store postgres://user@host:port/db): the same records, index entries and guarantees
// as the SQLite store, in a database that several imagelite processes can share. The Store interface is
// synchronous, so statements go through a worker thread that owns the `pg` pool (state/postgres-link.ts).
//
// Concurrency: every outermost transaction is SERIALIZABLE, and the whole of it is run again (at most
// 10 times, after a jittered pause: state/conflicts.ts) when PostgreSQL reports a serialization failure, a deadlock or a
// unique violation. Handlers are read-modify-write code over any records and index lookups ("is this name
// free?"); row locks would need each handler to say up front what it will read, absent rows included, which a
// lock cannot cover. Serializable transactions give every handler what SQLite's single writer gives it, with
// no change to them: of two same-name creates one commits and the other, run again, finds the name taken;
// of two changes to one record the second, run again, starts from the first.
//
// Durability as the SQLite store words it: "normal" commits without waiting for PostgreSQL's disk
// (synchronous_commit off: a crash of imagelite loses nothing, one of PostgreSQL's host may lose the last
// transactions, never half of one); "full" waits for it.
//
// Round trips: writes whose result is not needed wait in the transaction and go with its next read or with
// COMMIT (a transaction that only writes is one round trip), and reads within a transaction are remembered
// (the snapshot does not change under a serializable transaction, and its own writes update what is kept).
import {
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
import { PostgresError, PostgresLink } from "./postgres-link";
import type { Step, StepResult } from "./postgres-worker";
import type { Durability } from "./sqlite-store";
import { postgresTarget, type PostgresTarget } from "./postgres-url";
import { retryConflicts, type ConflictPolicy } from "./conflicts";
import { ConditionWatch, StoreUnavailableError, type StoreCondition } from "./store-unavailable";

/** Why PostgreSQL cannot be used, with the URL (never its password) and the way out. */
export class PostgresOpenError extends Error {
  constructor(display: string, cause: unknown) {
    const e = cause instanceof StoreUnavailableError ? cause.cause : cause;
    const code = e instanceof PostgresError ? e.code : undefined;
    const detail = e instanceof Error ? e.message : String(e);
    super(`cannot use the PostgreSQL store ${display}: ${detail}${hint(code)}`);
    this.name = "PostgresOpenError";
  }
}

function hint(code: string | undefined): string {
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ETIMEDOUT" || code === undefined)
    return ". Start PostgreSQL, or point --store (IMAGELITE_STORE) at one that runs; --store sqlite uses the embedded store.";
  if (code === "28P01" || code === "28000") return ". Check the user and password in --store.";
  if (code === "3D000") return ". Create the database (createdb), or name one that exists in --store.";
  if (code === "42501") return ". Grant the user CREATE on the database, or name a schema it owns with ?schema=.";
  return ".";
}

/** Schema versions, in order; each runs once, in the migration transaction (schema_version says which ran). */
const MIGRATIONS = (s: string): string[][] => [
  [
    `CREATE TABLE ${s}.records (type text COLLATE "C" NOT NULL, account text COLLATE "C" NOT NULL, region text COLLATE "C" NOT NULL,
      id text COLLATE "C" NOT NULL, value json NOT NULL, PRIMARY KEY (type, account, region, id))`,
    // Secondary indexes (state/indexes.ts): one row per entry, its primary key the order lookups read in.
    `CREATE TABLE ${s}.record_index (type text COLLATE "C" NOT NULL, account text COLLATE "C" NOT NULL, region text COLLATE "C" NOT NULL,
      name text COLLATE "C" NOT NULL, key text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL,
      PRIMARY KEY (type, account, region, name, key, id))`,
    `CREATE TABLE ${s}.index_catalog (type text COLLATE "C" PRIMARY KEY, signature text NOT NULL)`,
  ],
  [
    // The dashboard's request tail of every process on the database (operator/admin/request-tail/postgres-tail.ts): the last
    // calls as each process flushes them, kept to about the last 1,000. Not records: no reset or export sees it.
    `CREATE TABLE ${s}.recent_requests (seq bigserial PRIMARY KEY, id text COLLATE "C" NOT NULL, time bigint NOT NULL,
      summary json NOT NULL, detail json NOT NULL)`,
    `CREATE INDEX recent_requests_time ON ${s}.recent_requests (time DESC, seq DESC)`,
    `CREATE INDEX recent_requests_id ON ${s}.recent_requests (id)`,
  ],
];

/** Any number will do as long as it is imagelite's: the first half of the migration lock's key. */
const LOCK_SPACE = 0x1ae9e117;
const RETRYABLE = new Set(["40001", "40P01", "23505"]);
const isConflict = (e: unknown) => e instanceof PostgresError && e.code !== undefined && RETRYABLE.has(e.code);
/** A serialization failure, a deadlock or a unique violation: another transaction won; at most 10 attempts. */
const POSTGRES_CONFLICTS: ConflictPolicy = { isConflict, attempts: 10 };

// PostgreSQL text cannot hold U+0000, which index keys may: U+0000 and U+0001 are written as two characters
// each (U+0001 U+0001, U+0001 U+0002), an escape that keeps prefixes and order ("C" collation: code points).
const enc = (s: string) => (s.includes("\0") || s.includes("\x01") ? s.replaceAll("\x01", "\x01\x02").replaceAll("\0", "\x01\x01") : s);
// Read left to right, a U+0001 always starts a pair: the first pass cannot match across two of them.
const dec = (s: string) => (s.includes("\x01") ? s.replaceAll("\x01\x01", "\0").replaceAll("\x01\x02", "\x01") : s);

interface Tx {
  /** Statements not sent yet: BEGIN until the first read, writes until the next read or COMMIT. */
  pending: Step[];
  /** Whether BEGIN went out (a connection holds the transaction). */
  sent: boolean;
  /** Batches sent; a dry run that saw none can drop its savepoint unsent. */
  flushes: number;
  /** Stored JSON (null: no record) of what this transaction read or wrote, by recordKey. */
  cache: Map<string, string | null>;
  /** The first statement that failed: PostgreSQL has aborted the transaction. */
  failed?: unknown;
  savepoints: number;
}

/** The transaction's connection is gone (the worker dropped it): there is nothing to roll back. */
const connectionLost = (failure: unknown) =>
  failure instanceof StoreUnavailableError && !(failure.cause instanceof PostgresError && !failure.cause.lost);

const recordKey = (type: string, p: Partition, id: string) => `${type}\0${p.account}\0${p.region}\0${id}`;
const noLimit = (n: number | undefined) => (n === undefined || n === Infinity ? null : n);
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * PostgreSQL is down or out of reach, as opposed to a statement it refused: the connection failed or broke
 * (PostgresError.lost), a connection exception (SQLSTATE class 08, but for 08P01, a protocol violation of the
 * client's own), the server shutting down or starting (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
 * cannot_connect_now), too many connections (53300), or a statement cancelled at the timeout (57014).
 */
export function isOutage(e: unknown): boolean {
  if (!(e instanceof PostgresError)) return false;
  if (e.lost) return true;
  const code = e.code!;
  return (code.startsWith("08") && code !== "08P01") || OUTAGE_CODES.has(code);
}
const OUTAGE_CODES = new Set(["57P01", "57P02", "57P03", "53300", "57014"]);

/**
 * A lost connection that took this long to report (a host that does not answer: the connection attempt waits
 * out its timeout, and the whole process with it, since the store is synchronous) makes the calls of the next
 * PROBE_EVERY_MS fail at once, without reaching for PostgreSQL: the server keeps answering everything else.
 * A refused connection fails in a moment, and every call tries again.
 */
const SLOW_FAILURE_MS = 500;
const PROBE_EVERY_MS = 5_000;

export class PostgresStore implements Store {
  readonly target: PostgresTarget;
  private readonly link: PostgresLink;
  private readonly sql;
  private tx: Tx | undefined;
  /** Always: every process on the database reads and writes it at once (clock, fault rules: state/shared-control.ts). */
  readonly shared = true;
  /** Transactions run again after a conflict, since open (for tests and benchmarks). */
  retries = 0;
  private readonly watch: ConditionWatch;
  /** Until when (epoch ms) calls fail without trying PostgreSQL, after a slow failure (see SLOW_FAILURE_MS). */
  private resting = 0;

  constructor(
    url: string,
    private readonly indexes: IndexCatalog = INDEXES,
    durability: Durability = "normal",
  ) {
    this.target = postgresTarget(url);
    this.watch = new ConditionWatch(`the PostgreSQL store ${this.target.display}`);
    const s = `"${this.target.schema}"`;
    const lookup = `SELECT i.key, i.id, r.value::text AS v FROM ${s}.record_index i JOIN ${s}.records r
      ON r.type = i.type AND r.account = i.account AND r.region = i.region AND r.id = i.id
      WHERE i.type = $1 AND i.account = $2 AND i.region = $3 AND i.name = $4`;
    this.sql = {
      schema: s,
      get: `SELECT value::text AS v FROM ${s}.records WHERE type = $1 AND account = $2 AND region = $3 AND id = $4`,
      put: `INSERT INTO ${s}.records (type, account, region, id, value) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (type, account, region, id) DO UPDATE SET value = EXCLUDED.value`,
      del: `DELETE FROM ${s}.records WHERE type = $1 AND account = $2 AND region = $3 AND id = $4`,
      list: `SELECT id, value::text AS v FROM ${s}.records WHERE type = $1 AND account = $2 AND region = $3 AND id > $4 AND id >= $5`,
      putEntry: `INSERT INTO ${s}.record_index (type, account, region, name, key, id) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      dropEntry: `DELETE FROM ${s}.record_index WHERE type = $1 AND account = $2 AND region = $3 AND name = $4 AND key = $5 AND id = $6`,
      lookupKey: `${lookup} AND i.key = $5 AND i.id > $6 ORDER BY i.key, i.id LIMIT $7`,
      lookupFrom: `${lookup} AND i.key >= $5 AND i.key < $6 ORDER BY i.key, i.id LIMIT $7`,
      lookupAbove: `${lookup} AND i.key > $5 AND i.key < $6 ORDER BY i.key, i.id LIMIT $7`,
      lookupFromOpen: `${lookup} AND i.key >= $5 ORDER BY i.key, i.id LIMIT $6`,
      lookupAboveOpen: `${lookup} AND i.key > $5 ORDER BY i.key, i.id LIMIT $6`,
    };
    this.link = new PostgresLink(this.target.connectionString, this.target.timeoutMs, durability === "full" ? "on" : "off");
    try {
      this.open();
    } catch (e) {
      this.link.close();
      throw new PostgresOpenError(this.target.display, e);
    }
  }

  /**
   * Creates or migrates the schema and reconciles the index entries, in one transaction under an advisory lock
   * of the schema's: a second process that starts at the same time waits, then finds the work done. Read
   * committed, so that what it reads after the wait is what the first one committed.
   */
  private open(): void {
    const s = this.sql.schema;
    const migrations = MIGRATIONS(s);
    this.outermost(
      () => {
        this.exec([
          { text: "SELECT pg_advisory_xact_lock($1, hashtext($2))", values: [LOCK_SPACE, this.target.schema] },
          { text: `CREATE SCHEMA IF NOT EXISTS ${s}` },
          {
            text: `CREATE TABLE IF NOT EXISTS ${s}.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
          },
        ]);
        const [{ rows }] = this.exec([{ text: `SELECT coalesce(max(version), 0) AS v FROM ${s}.schema_version` }]);
        const version = Number(rows[0].v);
        if (version > migrations.length)
          throw new Error(`its schema is at version ${version}, which a newer imagelite made (this one knows ${migrations.length})`);
        for (let v = version; v < migrations.length; v++) {
          for (const text of migrations[v]) this.defer({ text });
          this.defer({ text: `INSERT INTO ${s}.schema_version (version) VALUES ($1)`, values: [v + 1] });
        }
        this.reconcileIndexes();
      },
      { commit: true, begin: "BEGIN ISOLATION LEVEL READ COMMITTED" },
    );
  }

  /** As SqliteStore's: entries of a type whose declaration changed are rebuilt, those of a retired type go. */
  private reconcileIndexes(): void {
    const s = this.sql.schema;
    const [{ rows }] = this.exec([{ text: `SELECT type, signature FROM ${s}.index_catalog` }]);
    const stored = new Map(rows.map((r) => [dec(r.type as string), r.signature as string]));
    const declared = this.indexes.types();
    const stale = declared.filter((t) => stored.get(t) !== this.indexes.signature(t));
    const retired = [...stored.keys()].filter((t) => this.indexes.signature(t) === undefined);
    for (const type of [...stale, ...retired]) {
      this.defer({ text: `DELETE FROM ${s}.record_index WHERE type = $1`, values: [enc(type)] });
      this.defer({ text: `DELETE FROM ${s}.index_catalog WHERE type = $1`, values: [enc(type)] });
    }
    for (const type of stale) {
      let last = ["", "", ""];
      for (;;) {
        const [{ rows }] = this.exec([
          {
            text: `SELECT account, region, id, value::text AS v FROM ${s}.records WHERE type = $1 AND (account, region, id) > ($2, $3, $4)
              ORDER BY account, region, id LIMIT 1000`,
            values: [enc(type), ...last],
          },
        ]);
        for (const r of rows)
          for (const e of this.indexes.entries(type, JSON.parse(r.v as string)) ?? [])
            this.defer({
              name: "putEntry",
              text: this.sql.putEntry,
              values: [enc(type), r.account, r.region, enc(e.index), enc(e.key), r.id],
            });
        if (rows.length < 1000) break;
        const end = rows[rows.length - 1];
        last = [end.account as string, end.region as string, end.id as string];
      }
      this.defer({
        text: `INSERT INTO ${s}.index_catalog (type, signature) VALUES ($1, $2)`,
        values: [enc(type), this.indexes.signature(type)],
      });
    }
  }

  // ---- statements ----

  /** Runs steps now: in the transaction (after its pending writes, in one batch), or on their own. */
  private exec(steps: Step[]): StepResult[] {
    const tx = this.tx;
    if (!tx) return this.run(steps);
    if (tx.failed) throw tx.failed;
    const batch = tx.pending.length ? [...tx.pending, ...steps] : steps;
    const skip = tx.pending.length;
    tx.pending = [];
    tx.sent = true;
    tx.flushes++;
    try {
      return this.run(batch).slice(skip);
    } catch (e) {
      tx.failed = e;
      throw e;
    }
  }

  /**
   * Every batch goes through here. An outage becomes a StoreUnavailableError (the service's unavailable error,
   * which SDKs retry), and is told once, with the first call that meets it; the first batch that succeeds
   * again tells that PostgreSQL is back. The pool connects anew at each batch after a lost connection, so
   * nothing is needed to recover but PostgreSQL itself.
   */
  private run(steps: Step[], options?: { ends?: boolean }): StepResult[] {
    if (this.resting > Date.now()) throw new StoreUnavailableError(this.unreachable("it did not answer in time"));
    const started = Date.now();
    let results: StepResult[];
    try {
      results = this.link.run(steps, options);
    } catch (e) {
      if (!isOutage(e)) throw e;
      const message = this.unreachable((e as Error).message);
      if ((e as PostgresError).lost && Date.now() - started >= SLOW_FAILURE_MS) this.resting = Date.now() + PROBE_EVERY_MS;
      this.watch.fail("unreachable", message);
      throw new StoreUnavailableError(message, e);
    }
    this.watch.ok();
    return results;
  }

  private unreachable(detail: string): string {
    return (
      `the PostgreSQL store ${this.target.display} is unreachable (${detail.slice(0, 300)}); calls that need it are ` +
      `answered with the service's unavailable error until it is back. Check that PostgreSQL runs and can be reached.`
    );
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

  /** A write whose result is not needed: sent with the transaction's next batch. */
  private defer(step: Step): void {
    this.tx!.pending.push(step);
  }

  /** The stored JSON of a record (a transaction remembers it). */
  private raw(type: string, p: Partition, id: string): string | undefined {
    const key = recordKey(type, p, id);
    const known = this.tx?.cache.get(key);
    if (known !== undefined) return known ?? undefined;
    const [{ rows }] = this.exec([{ name: "get", text: this.sql.get, values: [enc(type), enc(p.account), enc(p.region), enc(id)] }]);
    const json = rows[0]?.v as string | undefined;
    this.tx?.cache.set(key, json ?? null);
    return json;
  }

  get<T>(type: string, p: Partition, id: string): T | undefined {
    const json = this.raw(type, p, id);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  put(type: string, p: Partition, id: string, value: unknown): void {
    const json = JSON.stringify(value);
    const step: Step = { name: "put", text: this.sql.put, values: [enc(type), enc(p.account), enc(p.region), enc(id), json] };
    const entries = this.indexes.entries(type, value);
    if (!entries && !this.tx) {
      this.run([step]);
      return;
    }
    // The record and its entries change together, also outside a transaction of the caller's; only the
    // entries that differ from the stored record's are written.
    this.transaction(() => {
      const before = entries ? this.storedEntries(type, p, id) : [];
      this.defer(step);
      if (entries) this.replaceEntries(type, p, id, before, entries);
      this.tx!.cache.set(recordKey(type, p, id), json);
    });
  }

  delete(type: string, p: Partition, id: string): boolean {
    const values = [enc(type), enc(p.account), enc(p.region), enc(id)];
    const indexed = this.indexes.signature(type) !== undefined;
    if (!indexed && !this.tx) return this.run([{ name: "del", text: this.sql.del, values }])[0].count > 0;
    return this.transaction(() => {
      const tx = this.tx!;
      const key = recordKey(type, p, id);
      let existed: boolean;
      if (indexed || tx.cache.has(key)) {
        const json = this.raw(type, p, id);
        existed = json !== undefined;
        if (existed) {
          if (indexed) this.replaceEntries(type, p, id, this.indexes.entries(type, JSON.parse(json!)) ?? [], []);
          this.defer({ name: "del", text: this.sql.del, values });
        }
      } else {
        existed = this.exec([{ name: "del", text: this.sql.del, values }])[0].count > 0;
      }
      tx.cache.set(key, null);
      return existed;
    });
  }

  private storedEntries(type: string, p: Partition, id: string): IndexEntry[] {
    const json = this.raw(type, p, id);
    return json === undefined ? [] : (this.indexes.entries(type, JSON.parse(json)) ?? []);
  }

  private replaceEntries(type: string, p: Partition, id: string, before: IndexEntry[], after: IndexEntry[]): void {
    const name = (e: IndexEntry) => `${e.index}\u0000${e.key}`;
    const kept = new Set(after.map(name));
    const had = new Set(before.map(name));
    const where = [enc(type), enc(p.account), enc(p.region)];
    for (const e of before)
      if (!kept.has(name(e)))
        this.defer({ name: "dropEntry", text: this.sql.dropEntry, values: [...where, enc(e.index), enc(e.key), enc(id)] });
    for (const e of after)
      if (!had.has(name(e)))
        this.defer({ name: "putEntry", text: this.sql.putEntry, values: [...where, enc(e.index), enc(e.key), enc(id)] });
  }

  list<T>(type: string, p: Partition, o: ListOptions = {}): { id: string; value: T }[] {
    const from = o.prefix !== undefined && (o.from === undefined || o.prefix > o.from) ? o.prefix : (o.from ?? "");
    const high = o.prefix !== undefined ? prefixSuccessor(o.prefix) : undefined;
    const values: unknown[] = [enc(type), enc(p.account), enc(p.region), enc(o.after ?? ""), enc(from)];
    let text = this.sql.list;
    if (high !== undefined) {
      values.push(enc(high));
      text += ` AND id < $6`;
    }
    values.push(noLimit(o.limit));
    text += ` ORDER BY id LIMIT $${values.length}`;
    const [{ rows }] = this.exec([{ name: high === undefined ? "list" : "listPrefix", text, values }]);
    return rows.map((r) => {
      const id = dec(r.id as string);
      this.tx?.cache.set(recordKey(type, p, id), r.v as string);
      return { id, value: JSON.parse(r.v as string) as T };
    });
  }

  lookup<T>(type: string, p: Partition, index: string, o: LookupOptions): IndexedRecord<T>[] {
    const where = [enc(type), enc(p.account), enc(p.region), enc(index)];
    const limit = noLimit(o.limit);
    const steps: Step[] = [];
    // The bounds of the keys wanted: [low, high) with low itself included or not (as SqliteStore reads them).
    let low = o.key ?? o.prefix ?? "";
    const high = o.key !== undefined ? undefined : o.prefix ? prefixSuccessor(o.prefix) : undefined;
    let above = false;
    const sql = this.sql;
    if (o.after !== undefined && o.after.key >= low) {
      if (o.key !== undefined && o.after.key > o.key) return [];
      steps.push({ name: "lookupKey", text: sql.lookupKey, values: [...where, enc(o.after.key), enc(o.after.id), limit] });
      low = o.after.key;
      above = true;
    }
    if (o.key !== undefined) {
      if (!above) steps.push({ name: "lookupKey", text: sql.lookupKey, values: [...where, enc(o.key), "", limit] });
    } else if (high === undefined) {
      const name = above ? "lookupAboveOpen" : "lookupFromOpen";
      steps.push({ name, text: sql[name], values: [...where, enc(low), limit] });
    } else {
      const name = above ? "lookupAbove" : "lookupFrom";
      steps.push({ name, text: sql[name], values: [...where, enc(low), enc(high), limit] });
    }
    const out: IndexedRecord<T>[] = [];
    for (const { rows } of this.exec(steps)) {
      for (const r of rows) {
        if (limit !== null && out.length >= limit) break;
        const key = dec(r.key as string);
        // The cursor's own key may lie outside a prefix that it sorts after (a cursor of another lookup).
        if (o.prefix !== undefined && !key.startsWith(o.prefix)) continue;
        const id = dec(r.id as string);
        this.tx?.cache.set(recordKey(type, p, id), r.v as string);
        out.push({ key, id, value: JSON.parse(r.v as string) as T });
      }
    }
    return out;
  }

  // ---- transactions ----

  transaction<R>(fn: () => R): R {
    if (this.tx) return fn();
    return this.outermost(fn, { commit: true });
  }

  rollback<R>(fn: () => R): R {
    const tx = this.tx;
    if (!tx) return this.outermost(fn, { commit: false });
    // Within a transaction: a savepoint, rolled back, so that a dry run leaves nothing for the outer one to
    // commit. Unsent when nothing was sent since (the dry run's writes are then simply dropped).
    const name = `dry_run_${++tx.savepoints}`;
    tx.pending.push({ text: `SAVEPOINT ${name}` });
    const mark = tx.pending.length - 1;
    const flushes = tx.flushes;
    const cache = new Map(tx.cache);
    try {
      return fn();
    } finally {
      if (tx.flushes === flushes) tx.pending.length = mark;
      else tx.pending.push({ text: `ROLLBACK TO SAVEPOINT ${name}` }, { text: `RELEASE SAVEPOINT ${name}` });
      tx.cache = cache;
    }
  }

  /**
   * Runs fn as one transaction, again from the start after a conflict with another one (see the top of the
   * file), and commits it, or, for a dry run, rolls it back. The retry is state/conflicts.ts's, as the SQLite
   * store's: this is the one place a lost race is run again. Past its attempts the call fails with a
   * StoreConflictError, which the gateway answers with the service's throttling error (not a retry of its own:
   * the client's SDK retries that with back-off), so attempts never multiply.
   */
  private outermost<R>(fn: () => R, o: { commit: boolean; begin?: string }): R {
    return retryConflicts(POSTGRES_CONFLICTS, (n) => {
      if (n > 0) {
        this.retries++;
        pause(1 + Math.random() * Math.min(100, 2 ** n));
      }
      return this.attempt(fn, o);
    });
  }

  /** One attempt of a transaction: its result, or its failure once the transaction is ended. */
  private attempt<R>(fn: () => R, o: { commit: boolean; begin?: string }): R {
    const tx: Tx = {
      pending: [{ text: o.begin ?? "BEGIN ISOLATION LEVEL SERIALIZABLE" }],
      sent: false,
      flushes: 0,
      cache: new Map(),
      savepoints: 0,
    };
    this.tx = tx;
    let result: R | undefined;
    let thrown: { error: unknown } | undefined;
    try {
      result = fn();
    } catch (e) {
      thrown = { error: e };
    } finally {
      this.tx = undefined;
    }
    let failure = tx.failed;
    if (!failure && !thrown && o.commit) {
      if (!tx.sent && tx.pending.length === 1) return result as R; // nothing read or written
      try {
        this.run([...tx.pending, { text: "COMMIT" }], { ends: true });
        return result as R;
      } catch (e) {
        failure = e;
      }
    } else if (tx.sent && !connectionLost(failure)) {
      try {
        this.link.run([{ text: "ROLLBACK" }], { ends: true });
      } catch {
        /* the connection is gone, and its transaction with it */
      }
    }
    // PostgreSQL's error comes first: a handler that saw the aborted transaction's error rethrew it, or its own.
    if (isConflict(failure) || failure instanceof StoreUnavailableError) throw failure;
    if (thrown) throw thrown.error;
    if (failure) throw failure;
    return result as R;
  }

  // ---- tables beside the records (the request tail's: operator/admin/request-tail/postgres-tail.ts) ----

  /** The schema's name as SQL writes it (quoted), for statements on a table beside the records. */
  get sqlSchema(): string {
    return this.sql.schema;
  }

  /**
   * Statements on a table beside the records, on their own (never within a call's transaction), their results
   * awaited; an outage is told and thrown as for the records.
   */
  runAside(steps: Step[]): StepResult[] {
    if (this.tx) throw new Error("statements beside the records run outside transactions");
    return this.run(steps);
  }

  /**
   * Statements on a table beside the records, as one read-committed transaction, not awaited: the PostgreSQL
   * thread runs it after what it was given before and before what it is given next, and drops its failure.
   * Nothing is sent while PostgreSQL is out of reach: each would wait for a connection there, ahead of the calls.
   */
  postAside(steps: Step[]): void {
    if (this.tx) throw new Error("statements beside the records run outside transactions");
    if (this.watch.current.state !== "ok") return;
    this.link.post([{ text: "BEGIN ISOLATION LEVEL READ COMMITTED" }, ...steps, { text: "COMMIT" }], { ends: true });
  }

  clear(f: ClearFilter = {}): void {
    const where: string[] = [];
    const values: string[] = [];
    const add = (condition: string, value: string) => {
      values.push(enc(value));
      where.push(`${condition} $${values.length}`);
    };
    if (f.account !== undefined) add("account =", f.account);
    if (f.region !== undefined) add("region =", f.region);
    if (f.typePrefix !== undefined) {
      add("type >=", f.typePrefix);
      const high = prefixSuccessor(f.typePrefix);
      if (high !== undefined) add("type <", high);
    }
    const filter = where.length ? ` WHERE ${where.join(" AND ")}` : "";
    this.transaction(() => {
      this.defer({ text: `DELETE FROM ${this.sql.schema}.records${filter}`, values });
      this.defer({ text: `DELETE FROM ${this.sql.schema}.record_index${filter}`, values });
      this.tx!.cache.clear();
    });
  }

  holdsRecords(exceptTypePrefix?: string): boolean {
    const s = this.sql.schema;
    // Types below the prefix, or from its successor on: two ranges of the primary key, one row read at most each.
    const high = exceptTypePrefix === undefined ? undefined : prefixSuccessor(exceptTypePrefix);
    const text =
      exceptTypePrefix === undefined
        ? `SELECT EXISTS (SELECT 1 FROM ${s}.records) AS held`
        : `SELECT EXISTS (SELECT 1 FROM ${s}.records WHERE type < $1)` +
          (high === undefined ? "" : ` OR EXISTS (SELECT 1 FROM ${s}.records WHERE type >= $2)`) +
          " AS held";
    const values = exceptTypePrefix === undefined ? [] : high === undefined ? [enc(exceptTypePrefix)] : [enc(exceptTypePrefix), enc(high)];
    const [{ rows }] = this.exec([{ text, values }]);
    return rows[0].held === true;
  }

  partitions(type: string): Partition[] {
    // One step of the primary key per partition (a skip scan, as SqliteStore's), all in one statement.
    const s = this.sql.schema;
    const [{ rows }] = this.exec([
      {
        name: "partitions",
        text: `WITH RECURSIVE p AS (
          (SELECT account, region FROM ${s}.records WHERE type = $1 ORDER BY account, region LIMIT 1)
          UNION ALL
          SELECT n.account, n.region FROM p, LATERAL (SELECT account, region FROM ${s}.records
            WHERE type = $1 AND (account, region) > (p.account, p.region) ORDER BY account, region LIMIT 1) n)
          SELECT account, region FROM p`,
        values: [enc(type)],
      },
    ]);
    return rows.map((r) => ({ account: dec(r.account as string), region: dec(r.region as string) }));
  }

  dump(page: DumpPage = {}): StoredRecord[] {
    const { after, limit } = page;
    if (limit === 0) return [];
    const s = this.sql.schema;
    // A page of the export: one range of the primary key (a row comparison the index serves).
    const where = after ? " WHERE (type, account, region, id) > ($1, $2, $3, $4)" : "";
    const values: unknown[] = after ? [enc(after.type), enc(after.account), enc(after.region), enc(after.id)] : [];
    if (limit !== undefined) values.push(limit);
    const text =
      `SELECT type, account, region, id, value::text AS v FROM ${s}.records${where} ORDER BY type, account, region, id` +
      (limit !== undefined ? ` LIMIT $${values.length}` : "");
    const [{ rows }] = this.exec([{ text, values }]);
    return rows.map((r) => ({
      type: dec(r.type as string),
      account: dec(r.account as string),
      region: dec(r.region as string),
      id: dec(r.id as string),
      value: JSON.parse(r.v as string),
    }));
  }

  close(): void {
    this.link.close();
  }
}
