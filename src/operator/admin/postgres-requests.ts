// The request tail of every process on one PostgreSQL database (several machines, --workers, or both): each
// process keeps its own ring (gateway/request-history.ts) for its fast path, and copies its entries to the
// database's recent_requests table off the hot path: in batches, at most every FLUSH_MS or once FLUSH_AT
// entries wait, posted to the store's PostgreSQL thread without waiting for them (state/postgres-link.ts).
// The table is trimmed to the last HISTORY_SIZE rows. The list and detail routes read it, so that every
// process shows the same tail, at most a flush late; a process's own waiting entries are posted before it
// reads, and the thread runs what it was sent in order, so that they are in what it reads.
//
// Ids carry the process's tag (`p3fa1c2-r-17`) so that they are unique across processes; a detail of the
// process's own entry (also asked for as `r-17`) is read from its ring. The event stream reads the table a few
// times a second, so that it carries every process's calls too.
import { randomBytes } from "node:crypto";
import type { HistoryEntry, RequestHistory } from "../../gateway/request-history";
import { HISTORY_SIZE } from "../../gateway/request-history";
import type { PostgresStore } from "../../state/postgres-store";
import type { RawResponse } from "../../protocols/protocol";
import { AdminError, json } from "./json";
import { detail, requestEvent, summary } from "./request-routes";

const FLUSH_MS = 200;
const FLUSH_AT = 100;
/** How often an open event stream reads the table. */
const STREAM_POLL_MS = 250;
/**
 * How far back each read of an event stream looks again: a process commits its entries up to a flush after
 * their time, so an entry may land after a newer one of another process was sent.
 */
const LATE_MS = 2000;
/** An event's id: the entry's and its time (`p3fa1c2-r-17@1795000000000`), where a reconnecting client resumes. */
const POSITION = /^([A-Za-z0-9-]{1,100})@([0-9]{1,15})$/;

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
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: PostgresStore,
    private readonly history: RequestHistory,
  ) {
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

  /** Posts what waits (a failure to write drops it: the tail is a view, not a record). */
  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    const rows = batch.map((e) => {
      const id = `${this.tag}-${e.id}`;
      return { id, time: e.time, summary: JSON.stringify({ ...summary(e), id }), detail: JSON.stringify({ ...detail(e), id }) };
    });
    this.store.appendRecentRequests(rows, HISTORY_SIZE);
  }

  /** Newest first, of every process. */
  list(limit: number, filter: RequestFilter): RawResponse {
    this.flush();
    const keep = summaryMatcher(filter);
    const all = this.store.recentRequests(HISTORY_SIZE).map((s) => JSON.parse(s) as Summary);
    return json(200, { requests: all.filter(keep).slice(0, limit) });
  }

  get(id: string): RawResponse {
    const own = id.startsWith(`${this.tag}-`) ? id.slice(this.tag.length + 1) : /^r-[0-9]+$/.test(id) ? id : undefined;
    const e = own === undefined ? undefined : this.history.get(own);
    if (e) return json(200, { ...detail(e), id: `${this.tag}-${e.id}` });
    this.flush();
    const found = this.store.recentRequest(id.slice(0, 200));
    if (found === undefined) throw new AdminError(404, "RequestNotFound", `No request ${id.slice(0, 100)} among the last ${HISTORY_SIZE}.`);
    return json(200, JSON.parse(found));
  }

  /** The event stream of every process's calls, oldest first; from now, or from where a reconnecting client was. */
  events(lastEventId: string | undefined) {
    return (write: (text: string) => void): (() => void) => {
      const resumed = POSITION.exec(lastEventId ?? "");
      // Entries before `floor` are not sent; those sent lately are remembered (id → time) for LATE_MS.
      const floor = resumed ? Number(resumed[2]) : Date.now();
      const sent = new Map<string, number>(resumed ? [[resumed[1], floor]] : []);
      let newest = floor;
      const poll = () => {
        try {
          this.flush();
          let text = "";
          for (const r of this.store.recentRequestsFrom(Math.max(floor, newest - LATE_MS), HISTORY_SIZE)) {
            if (sent.has(r.id)) continue;
            sent.set(r.id, r.time);
            if (r.time > newest) newest = r.time;
            text += requestEvent(`${r.id}@${r.time}`, JSON.parse(r.summary));
          }
          for (const [id, time] of sent) if (time < newest - LATE_MS) sent.delete(id);
          if (text) write(text);
        } catch {
          /* the database out of reach for a moment: the next read tries again */
        }
      };
      poll();
      const timer = setInterval(poll, STREAM_POLL_MS);
      timer.unref();
      return () => clearInterval(timer);
    };
  }

  close(): void {
    this.unsubscribe();
    clearTimeout(this.timer);
  }
}
