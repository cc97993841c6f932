// The request tail of every process on one PostgreSQL database (several machines, --workers, or both): each
// process keeps its own ring (gateway/request-history.ts) for its fast path, and copies its entries to the
// database's recent_requests table off the hot path: in batches, at most every FLUSH_MS or once FLUSH_AT
// entries wait, one batch in flight at a time, over a connection of its own that the event loop drives (not
// the store's, whose calls block the thread). The table is trimmed to the last HISTORY_SIZE rows. The list
// and detail routes read it, so that every process shows the same tail, at most a flush late.
//
// Ids carry the process's tag (`p3fa1c2-r-17`) so that they are unique across processes; a detail of the
// process's own entry (the event stream sends them as `r-17`) is read from its ring.
import { randomBytes } from "node:crypto";
import type { Client } from "pg";
import type { HistoryEntry, RequestHistory } from "../gateway/request-history";
import { HISTORY_SIZE } from "../gateway/request-history";
import type { PostgresTarget } from "../state/postgres-url";
import type { RawResponse } from "../protocols/protocol";
import { AdminError, json } from "./json";
import { detail, summary } from "./request-routes";

const FLUSH_MS = 200;
const FLUSH_AT = 100;

type Summary = ReturnType<typeof summary>;

export interface RequestFilter {
  service?: string;
  status?: "ok" | "error";
  q?: string;
}

/** The summaries `filter` accepts (the same test as the ring's, on what the table holds). */
function summaryMatcher(f: RequestFilter) {
  const text = f.q?.toLowerCase();
  return (s: Summary): boolean => {
    if (f.service !== undefined && s.service !== f.service) return false;
    if (f.status === "ok" && s.status >= 400) return false;
    if (f.status === "error" && s.status < 400) return false;
    if (text) {
      const hay = `${s.id} ${s.service} ${s.operation} ${s.account} ${s.region} ${s.status} ${s.error ?? ""} ${s.faults?.join(" ") ?? ""}`;
      if (!hay.toLowerCase().includes(text)) return false;
    }
    return true;
  };
}

export class PostgresRequestTail {
  /** This process's part of every id. */
  readonly tag = `p${randomBytes(3).toString("hex")}`;
  private pending: HistoryEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private client: Promise<Client> | undefined;
  private closed = false;
  private readonly table: string;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly target: PostgresTarget,
    private readonly history: RequestHistory,
    private readonly onError: (e: unknown) => void,
  ) {
    this.table = `"${target.schema}".recent_requests`;
    this.unsubscribe = history.subscribe((batch) => this.take(batch));
  }

  private take(batch: HistoryEntry[]): void {
    if (this.closed) return;
    this.pending.push(...batch);
    // Rows past the table's size would be trimmed at once: a backlog keeps only its newest.
    if (this.pending.length > HISTORY_SIZE) this.pending.splice(0, this.pending.length - HISTORY_SIZE);
    if (this.pending.length >= FLUSH_AT) this.flushSoon(0);
    else this.flushSoon(FLUSH_MS);
  }

  private flushSoon(ms: number): void {
    if (this.inFlight) return; // the flush in flight schedules the next one
    if (this.timer && ms > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
    this.timer.unref();
  }

  /** Writes what waits, and trims the table; resolves when done (failures go to onError, the entries are dropped). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.inFlight) return this.inFlight.then(() => this.flush());
    if (!this.pending.length) return Promise.resolve();
    const batch = this.pending;
    this.pending = [];
    const rows = { id: [] as string[], time: [] as number[], summary: [] as string[], detail: [] as string[] };
    for (const e of batch) {
      const id = `${this.tag}-${e.id}`;
      rows.id.push(id);
      rows.time.push(e.time);
      rows.summary.push(JSON.stringify({ ...summary(e), id }));
      rows.detail.push(JSON.stringify({ ...detail(e), id }));
    }
    this.inFlight = this.connection()
      .then((c) =>
        c.query(
          `WITH added AS (INSERT INTO ${this.table} (id, time, summary, detail)
             SELECT * FROM unnest($1::text[], $2::bigint[], $3::json[], $4::json[]))
           DELETE FROM ${this.table} WHERE seq < (SELECT seq FROM ${this.table} ORDER BY seq DESC OFFSET ${HISTORY_SIZE - 1} LIMIT 1)`,
          [rows.id, rows.time, rows.summary, rows.detail],
        ),
      )
      .then(
        () => undefined,
        (e: unknown) => {
          this.client = undefined;
          this.onError(e);
        },
      )
      .finally(() => {
        this.inFlight = undefined;
        if (this.pending.length && !this.closed) this.flushSoon(this.pending.length >= FLUSH_AT ? 0 : FLUSH_MS);
      });
    return this.inFlight;
  }

  private connection(): Promise<Client> {
    if (this.closed) return Promise.reject(new Error("the request tail is closed"));
    if (!this.client) {
      // Loaded on the first flush: a start never pays for it.
      const { Client } = require("pg") as typeof import("pg");
      const c = new Client({
        connectionString: this.target.connectionString,
        connectionTimeoutMillis: this.target.timeoutMs,
        statement_timeout: this.target.timeoutMs,
        application_name: "imagelite requests",
      });
      c.on("error", () => {
        if (this.client === connected) this.client = undefined;
      });
      const connected: Promise<Client> = c.connect().then(() => c);
      this.client = connected;
    }
    return this.client;
  }

  /** Newest first, of every process: this one's waiting entries are written first. */
  async list(limit: number, filter: RequestFilter): Promise<RawResponse> {
    await this.flush();
    const c = await this.connection();
    const { rows } = await c.query<{ s: Summary }>(
      `SELECT summary AS s FROM ${this.table} ORDER BY time DESC, seq DESC LIMIT ${HISTORY_SIZE}`,
    );
    const keep = summaryMatcher(filter);
    return json(200, {
      requests: rows
        .map((r) => r.s)
        .filter(keep)
        .slice(0, limit),
    });
  }

  async get(id: string): Promise<RawResponse> {
    const own = id.startsWith(`${this.tag}-`) ? id.slice(this.tag.length + 1) : /^r-[0-9]+$/.test(id) ? id : undefined;
    const e = own === undefined ? undefined : this.history.get(own);
    if (e) return json(200, { ...detail(e), id: `${this.tag}-${e.id}` });
    await this.flush();
    const c = await this.connection();
    const { rows } = await c.query<{ d: unknown }>(`SELECT detail AS d FROM ${this.table} WHERE id = $1 LIMIT 1`, [id.slice(0, 200)]);
    if (!rows.length) throw new AdminError(404, "RequestNotFound", `No request ${id.slice(0, 100)} among the last ${HISTORY_SIZE}.`);
    return json(200, rows[0].d);
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    void (this.inFlight ?? Promise.resolve()).then(() => client?.then((c) => c.end()).catch(() => undefined));
  }
}
