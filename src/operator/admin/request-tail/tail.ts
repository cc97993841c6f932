// The dashboard's live tail of requests (admin/request-routes.ts): the last calls served, newest first, each
// with its request and response, and a stream of them as they are made. Where they are kept depends on how
// imagelite runs, and the app picks one at start (runtime/app.ts):
//   memory-tail.ts     one process: the gateway's ring of its last calls (gateway/request-history.ts)
//   workers-tail.ts    --workers: every worker's ring, asked over the cluster's channel
//   postgres-tail.ts   a PostgreSQL store: a table of every process's calls on the database
import type { RequestDetail, RequestSummary } from "../api-types";

export interface RequestFilter {
  service?: string;
  status?: "ok" | "error";
  /** Text searched for in the id, service, operation, account, region, status, error code and fault ids. */
  q?: string;
}

/** A call as the stream sends it: `position` is where a client that reconnects resumes (its Last-Event-ID). */
export interface TailEvent {
  position: string;
  summary: RequestSummary;
}

export interface RequestTail {
  /** What the tail holds, as a missing request's answer says it: "the last 1000". */
  readonly reach: string;
  /** The calls `filter` accepts, newest first, at most `limit`. */
  list(limit: number, filter: RequestFilter): RequestSummary[] | Promise<RequestSummary[]>;
  /** A call with its request and response; undefined once the tail no longer holds it. */
  get(id: string): RequestDetail | undefined | Promise<RequestDetail | undefined>;
  /**
   * Hands `send` the calls as they are made, oldest first, a batch at a time: from now, or from `position`
   * (what a reconnecting client saw last) as far as the tail still holds them. Returns what stops it.
   */
  follow(position: string | undefined, send: (events: TailEvent[]) => void): () => void;
  close(): void;
}

/** The test of `filter`, on a call's summary. */
export function accepts(filter: RequestFilter): (s: RequestSummary) => boolean {
  const text = filter.q?.toLowerCase();
  return (s) => {
    if (filter.service !== undefined && s.service !== filter.service) return false;
    if (filter.status === "ok" && s.status >= 400) return false;
    if (filter.status === "error" && s.status < 400) return false;
    if (text) {
      const hay = `${s.id} ${s.service} ${s.operation} ${s.account} ${s.region} ${s.status} ${s.error ?? ""} ${s.faults?.join(" ") ?? ""}`;
      if (!hay.toLowerCase().includes(text)) return false;
    }
    return true;
  };
}
