// The last requests, for the dashboard's live tail (admin/request-routes.ts): a bounded ring that the gateway
// feeds with every AWS call, whether or not the request log is on. What a call already holds is kept by
// reference (the raw request with its body buffer, the serialized response); nothing is copied or turned into
// text until someone asks for an entry. Subscribers (the event stream) get new entries once per turn of the
// event loop, so that a burst of calls costs them one wake-up.
import type { RawRequest, RawResponse } from "../protocols/protocol";
import type { RequestLine } from "./request-log";
import type { Call } from "./call";

export const HISTORY_SIZE = 1000;

/**
 * Bytes of a body shown, and kept: a larger body (up to 10 MiB may come in, a describe may answer megabytes)
 * is cut to this on its way in, copied so that the whole is not held, which bounds what the ring holds.
 */
export const MAX_BODY_KEPT = 64 * 1024;

export interface HistoryEntry {
  /** `r-<sequence number>`: increasing, so that newer is larger. */
  id: string;
  seq: number;
  /** Wall time the call ended, epoch milliseconds. */
  time: number;
  line: RequestLine;
  /** The wire request; absent for a call made in process (seed files, admin routes). */
  req?: RawRequest;
  /** An in-process call's input and output (it has no wire request or response). */
  input?: unknown;
  output?: unknown;
  response?: RawResponse;
  /** Sizes in bytes of the bodies that were cut to MAX_BODY_KEPT. */
  cut?: { request?: number; response?: number };
}

export type HistoryListener = (entries: HistoryEntry[]) => void;

export class RequestHistory {
  private readonly ring: (HistoryEntry | undefined)[];
  private seq = 0;
  private readonly listeners = new Set<HistoryListener>();
  private pending: HistoryEntry[] = [];

  constructor(readonly size = HISTORY_SIZE) {
    this.ring = new Array<HistoryEntry | undefined>(size);
  }

  /** The gateway's one call per request: an object and a slot, nothing more unless someone listens. */
  add(line: RequestLine, call: Call, response: RawResponse | undefined): void {
    const seq = ++this.seq;
    const { req } = call;
    const entry: HistoryEntry = req
      ? { id: `r-${seq}`, seq, time: Date.now(), line, req, response }
      : { id: `r-${seq}`, seq, time: Date.now(), line, input: call.input, output: call.output };
    // Only a large body costs anything here (a copy of its first 64 KiB); the usual call keeps references.
    if (req && req.body.length > MAX_BODY_KEPT) cutRequest(entry, req);
    if (response && response.body.length > MAX_BODY_KEPT / 3) cutResponse(entry, response);
    this.ring[seq % this.size] = entry;
    if (this.listeners.size === 0) return;
    if (this.pending.length === 0) setImmediate(this.flush);
    this.pending.push(entry);
  }

  private readonly flush = (): void => {
    const batch = this.pending;
    this.pending = [];
    for (const l of this.listeners) {
      try {
        l(batch);
      } catch {
        /* a listener's failure (a socket gone) is its own business */
      }
    }
  };

  /** Entries newest first, those `keep` accepts, at most `limit`. */
  newest(limit: number, keep: (e: HistoryEntry) => boolean = () => true): HistoryEntry[] {
    const out: HistoryEntry[] = [];
    for (let s = this.seq; s > this.seq - this.size && s > 0 && out.length < limit; s--) {
      const e = this.ring[s % this.size];
      if (e && e.seq === s && keep(e)) out.push(e);
    }
    return out;
  }

  /** The entry of this id, while it is still in the ring. */
  get(id: string): HistoryEntry | undefined {
    const m = /^r-([1-9][0-9]{0,15})$/.exec(id);
    if (!m) return undefined;
    const seq = Number(m[1]);
    const e = this.ring[seq % this.size];
    return e?.seq === seq ? e : undefined;
  }

  /** Calls `listener` with each batch of new entries until the returned function is called. */
  subscribe(listener: HistoryListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get subscribers(): number {
    return this.listeners.size;
  }
}

function cutRequest(entry: HistoryEntry, req: RawRequest): void {
  entry.req = { ...req, body: Buffer.from(req.body.subarray(0, MAX_BODY_KEPT)) };
  entry.cut = { ...entry.cut, request: req.body.length };
}

function cutResponse(entry: HistoryEntry, response: RawResponse): void {
  const bytes = Buffer.byteLength(response.body);
  if (bytes <= MAX_BODY_KEPT) return;
  // A slice of a string holds on to the whole; decoding a copy of its bytes does not (a cut character becomes U+FFFD).
  const head = Buffer.from(response.body.slice(0, MAX_BODY_KEPT)).subarray(0, MAX_BODY_KEPT);
  entry.response = { ...response, body: head.toString("utf8") };
  entry.cut = { ...entry.cut, response: bytes };
}
