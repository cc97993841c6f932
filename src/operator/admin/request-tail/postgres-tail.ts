// The request tail of every process on one PostgreSQL database (several machines, --workers, or both): each
// process keeps its own ring (gateway/request-history.ts) for its fast path, and copies its calls to the
// database's recent_requests table off the hot path: in batches, at most every FLUSH_MS or once FLUSH_AT
// calls wait, posted to the store's PostgreSQL thread without waiting for them (state/postgres-link.ts).
// The table is trimmed to the last HISTORY_SIZE rows. The list and the detail read it, so that every process
// shows the same tail, at most a flush late; a process's own waiting calls are posted before it reads, and
// the thread runs what it was sent in order, so that they are in what it reads.
//
// Ids carry the process's tag (`p3fa1c2-r-17`) so that they are unique across processes; a detail of the
// process's own call (also asked for as `r-17`) is read from its ring. A stream reads the table a few times a
// second, so that it carries every process's calls too. The table is not records: no reset or export sees it
// (the store creates it with its schema: state/postgres-store.ts).
import { randomBytes } from "node:crypto";
import { HISTORY_SIZE, type HistoryEntry, type RequestHistory } from "../../../gateway/request-history";
import type { PostgresStore } from "../../../state/postgres-store";
import type { RequestDetail, RequestSummary } from "../api-types";
import { accepts, type RequestFilter, type RequestTail, type TailEvent } from "./tail";
import { detail, summary } from "./view";

const FLUSH_MS = 200;
const FLUSH_AT = 100;
/** How often an open stream reads the table. */
const STREAM_POLL_MS = 250;
/**
 * How far back each read of a stream looks again: a process commits its calls up to a flush after their
 * time, so a call may land after a newer one of another process was sent.
 */
const LATE_MS = 2000;
/** An event's position: the call's id and its time (`p3fa1c2-r-17@1795000000000`), where a reconnecting client resumes. */
const POSITION = /^([A-Za-z0-9-]{1,100})@([0-9]{1,15})$/;

export class PostgresTail implements RequestTail {
  readonly reach = `the last ${HISTORY_SIZE}`;
  /** This process's part of every id. */
  readonly tag = `p${randomBytes(3).toString("hex")}`;
  private readonly table: string;
  private pending: HistoryEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: PostgresStore,
    private readonly history: RequestHistory,
  ) {
    this.table = `${store.sqlSchema}.recent_requests`;
    this.unsubscribe = history.subscribe((batch) => this.take(batch));
  }

  private take(batch: HistoryEntry[]): void {
    this.pending.push(...batch);
    // Rows past the table's size would be trimmed at once: a backlog keeps only its newest.
    if (this.pending.length > HISTORY_SIZE) this.pending.splice(0, this.pending.length - HISTORY_SIZE);
    if (this.pending.length >= FLUSH_AT) this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), FLUSH_MS);
      this.timer.unref();
    }
  }

  /**
   * Posts what waits, and trims the table to the last HISTORY_SIZE rows (a failure to write drops it: the tail
   * is a view, not a record). Read committed: processes that trim at once do not fail one another.
   */
  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    const ids = batch.map((e) => `${this.tag}-${e.id}`);
    const t = this.table;
    this.store.postAside([
      {
        text: `INSERT INTO ${t} (id, time, summary, detail) SELECT * FROM unnest($1::text[], $2::bigint[], $3::json[], $4::json[])`,
        values: [
          ids,
          batch.map((e) => e.time),
          batch.map((e, i) => JSON.stringify({ ...summary(e), id: ids[i] })),
          batch.map((e, i) => JSON.stringify({ ...detail(e), id: ids[i] })),
        ],
      },
      { text: `DELETE FROM ${t} WHERE seq < (SELECT seq FROM ${t} ORDER BY seq DESC OFFSET $1 LIMIT 1)`, values: [HISTORY_SIZE - 1] },
    ]);
  }

  /** Newest first, of every process. */
  list(limit: number, filter: RequestFilter): RequestSummary[] {
    this.flush();
    const [{ rows }] = this.store.runAside([
      {
        name: "tailList",
        text: `SELECT summary::text AS s FROM ${this.table} ORDER BY time DESC, seq DESC LIMIT $1`,
        values: [HISTORY_SIZE],
      },
    ]);
    return rows
      .map((r) => JSON.parse(r.s as string) as RequestSummary)
      .filter(accepts(filter))
      .slice(0, limit);
  }

  get(id: string): RequestDetail | undefined {
    const own = id.startsWith(`${this.tag}-`) ? id.slice(this.tag.length + 1) : /^r-[0-9]+$/.test(id) ? id : undefined;
    const e = own === undefined ? undefined : this.history.get(own);
    if (e) return { ...detail(e), id: `${this.tag}-${e.id}` };
    this.flush();
    const [{ rows }] = this.store.runAside([
      { name: "tailDetail", text: `SELECT detail::text AS d FROM ${this.table} WHERE id = $1 LIMIT 1`, values: [id.slice(0, 200)] },
    ]);
    return rows.length ? (JSON.parse(rows[0].d as string) as RequestDetail) : undefined;
  }

  /** Every process's calls, oldest first; from now, or from where a reconnecting client was. */
  follow(position: string | undefined, send: (events: TailEvent[]) => void): () => void {
    const resumed = POSITION.exec(position ?? "");
    // Calls before `floor` are not sent; those sent lately are remembered (id → time) for LATE_MS.
    const floor = resumed ? Number(resumed[2]) : Date.now();
    const sent = new Map<string, number>(resumed ? [[resumed[1], floor]] : []);
    let newest = floor;
    const poll = () => {
      try {
        this.flush();
        const [{ rows }] = this.store.runAside([
          {
            name: "tailFrom",
            text: `SELECT id, time::text AS t, summary::text AS s FROM ${this.table} WHERE time >= $1 ORDER BY time, seq LIMIT $2`,
            values: [Math.max(floor, newest - LATE_MS), HISTORY_SIZE],
          },
        ]);
        const events: TailEvent[] = [];
        for (const r of rows) {
          const id = r.id as string;
          const time = Number(r.t);
          if (sent.has(id)) continue;
          sent.set(id, time);
          if (time > newest) newest = time;
          events.push({ position: `${id}@${time}`, summary: JSON.parse(r.s as string) as RequestSummary });
        }
        for (const [id, time] of sent) if (time < newest - LATE_MS) sent.delete(id);
        if (events.length) send(events);
      } catch {
        /* the database out of reach for a moment: the next read tries again */
      }
    };
    poll();
    const timer = setInterval(poll, STREAM_POLL_MS);
    timer.unref();
    return () => clearInterval(timer);
  }

  close(): void {
    this.unsubscribe();
    clearTimeout(this.timer);
  }
}
