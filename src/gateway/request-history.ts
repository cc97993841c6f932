// The last requests, for the dashboard's live tail (operator/admin/request-tail/): a bounded ring that the gateway
// feeds with every AWS call, whether or not the request log is on.
//
// The ring is bytes, not objects. Holding each call's request and response objects for a thousand calls kept
// them alive through the young generation's collections, which then copied every one of them twice: that
// garbage collection took as long as the rest of a describe call. So each call is packed as it ends into one
// preallocated buffer (its line, headers and bodies; a few small writes), and nothing of it stays on the
// JavaScript heap; entries are unpacked only when someone reads them. The ring keeps the last HISTORY_SIZE
// calls, fewer when their bodies are large: it holds at most RING_BYTES, and a call packed over the oldest
// entries drops them. Subscribers (the event stream) get new entries once per turn of the event loop, so that
// a burst of calls costs them one wake-up.
import type { RawRequest, RawResponse } from "../protocols/protocol";
import type { RequestLine } from "./request-log";
import type { Call } from "./call";

export const HISTORY_SIZE = 1000;

/**
 * Bytes of a body shown, and kept: a larger body (up to 10 MiB may come in, a describe may answer megabytes)
 * is cut to this on its way in, which bounds what one entry takes.
 */
export const MAX_BODY_KEPT = 64 * 1024;

/** The ring's bytes: a thousand usual calls (2-3 KiB each) fit several times; pages are touched only as it fills. */
const RING_BYTES = 8 * 1024 * 1024;

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

// An entry's bytes: three lengths (u32), then its fields as UTF-8 text joined with FIELD, then the request
// body's bytes, then the response body's text. Header lists join names and values with PAIR. Neither
// character can be in a header, a path, a line's words or JSON text, which escapes them.
const FIELD = "\u0000";
const PAIR = "\u0001";
const HEAD = 12;
/** A field list, in the order `pack` writes it. */
const enum F {
  Time,
  Service,
  Operation,
  Account,
  Region,
  Status,
  Micros,
  Error,
  Faults,
  /** "w" for a wire call, "p" for one made in process (whose bodies are its input and output as JSON). */
  Kind,
  Method,
  Path,
  Query,
  RequestHeaders,
  ResponseStatus,
  ResponseHeaders,
  /** The whole sizes of bodies that were cut, or "". */
  CutRequest,
  CutResponse,
}

function pairs(headers: Record<string, string | undefined>): string {
  let out = "";
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || value.includes(FIELD) || value.includes(PAIR)) continue;
    out += out ? `${PAIR}${name}${PAIR}${value}` : `${name}${PAIR}${value}`;
  }
  return out;
}

function unpair(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text) return out;
  const parts = text.split(PAIR);
  for (let i = 0; i + 1 < parts.length; i += 2) out[parts[i]] = parts[i + 1];
  return out;
}

/** The first MAX_BODY_KEPT bytes of a text, decoded again (a character cut in two becomes U+FFFD). */
function cutText(text: string): string {
  return Buffer.from(text.slice(0, MAX_BODY_KEPT)).subarray(0, MAX_BODY_KEPT).toString("utf8");
}

export class RequestHistory {
  private buf: Buffer | undefined;
  /** Where the next entry goes, counted from the first byte ever written (the ring's offset is this modulo its size). */
  private head = 0;
  private seq = 0;
  /** Per slot (seq modulo size): the entry's sequence number, where it starts (counted as head is) and its length. */
  private readonly seqs: Float64Array;
  private readonly starts: Float64Array;
  private readonly lengths: Int32Array;
  private readonly listeners = new Set<HistoryListener>();
  private pending: number[] = [];

  constructor(
    readonly size = HISTORY_SIZE,
    private readonly bytes = RING_BYTES,
  ) {
    this.seqs = new Float64Array(size);
    this.starts = new Float64Array(size);
    this.lengths = new Int32Array(size);
  }

  /** The gateway's one call per request: the call packed into the ring, nothing kept on the heap. */
  add(line: RequestLine, call: Call, response: RawResponse | undefined): void {
    const seq = ++this.seq;
    const { req } = call;
    let requestBody: Buffer | string;
    let responseBody: string;
    let fields: string;
    const common =
      `${Date.now()}${FIELD}${line.service}${FIELD}${line.operation}${FIELD}${line.account}${FIELD}${line.region}${FIELD}` +
      `${line.status}${FIELD}${Math.round(line.micros)}${FIELD}${line.error ?? ""}${FIELD}${line.faults?.join(",") ?? ""}${FIELD}`;
    let cutRequest = "";
    let cutResponse = "";
    if (req) {
      requestBody = req.body;
      if (requestBody.length > MAX_BODY_KEPT) {
        cutRequest = String(requestBody.length);
        requestBody = requestBody.subarray(0, MAX_BODY_KEPT);
      }
      responseBody = response?.body ?? "";
      // Only a long text can have more bytes than MAX_BODY_KEPT (a character takes at most three).
      if (responseBody.length > MAX_BODY_KEPT / 3) {
        const whole = Buffer.byteLength(responseBody);
        if (whole > MAX_BODY_KEPT) {
          cutResponse = String(whole);
          responseBody = cutText(responseBody);
        }
      }
      const query = req.query.size ? req.query.toString() : "";
      fields =
        `${common}w${FIELD}${req.method}${FIELD}${req.path}${FIELD}${query}${FIELD}${pairs(req.headers)}${FIELD}` +
        `${response ? response.status : ""}${FIELD}${response ? pairs(response.headers) : ""}${FIELD}${cutRequest}${FIELD}${cutResponse}`;
    } else {
      // In process: the input and output as JSON, cut as a wire body would be (a seed's calls are small).
      requestBody = jsonOf(call.input ?? {});
      responseBody = jsonOf(call.output ?? null);
      fields = `${common}p${FIELD}${FIELD}${FIELD}${FIELD}${FIELD}${FIELD}${FIELD}${FIELD}`;
    }
    this.pack(seq, fields, requestBody, responseBody);
    if (this.listeners.size === 0) return;
    if (this.pending.length === 0) setImmediate(this.flush);
    this.pending.push(seq);
  }

  /** Writes an entry at the head, wrapping to the ring's start when the worst case of its size does not fit. */
  private pack(seq: number, fields: string, requestBody: Buffer | string, responseBody: string): void {
    const most =
      HEAD + 3 * fields.length + (typeof requestBody === "string" ? 3 * requestBody.length : requestBody.length) + 3 * responseBody.length;
    if (most > this.bytes) return; // cannot happen with bodies cut to MAX_BODY_KEPT; the entry is simply not kept
    const buf = (this.buf ??= Buffer.allocUnsafeSlow(this.bytes));
    let at = this.head % this.bytes;
    if (at + most > this.bytes) {
      this.head += this.bytes - at;
      at = 0;
    }
    const start = at;
    at += HEAD;
    const fieldBytes = buf.write(fields, at, "utf8");
    at += fieldBytes;
    const requestBytes = typeof requestBody === "string" ? buf.write(requestBody, at, "utf8") : requestBody.copy(buf, at);
    at += requestBytes;
    const responseBytes = buf.write(responseBody, at, "utf8");
    at += responseBytes;
    buf.writeUInt32LE(fieldBytes, start);
    buf.writeUInt32LE(requestBytes, start + 4);
    buf.writeUInt32LE(responseBytes, start + 8);
    const slot = seq % this.size;
    this.seqs[slot] = seq;
    this.starts[slot] = this.head;
    this.lengths[slot] = at - start;
    this.head += at - start;
  }

  private readonly flush = (): void => {
    const batch: HistoryEntry[] = [];
    for (const seq of this.pending) {
      const e = this.entry(seq, true);
      if (e) batch.push(e);
    }
    this.pending = [];
    for (const l of this.listeners) {
      try {
        l(batch);
      } catch {
        /* a listener's failure (a socket gone) is its own business */
      }
    }
  };

  /** The entry of this sequence number while the ring still holds it; bodies only when asked for. */
  private entry(seq: number, bodies: boolean): HistoryEntry | undefined {
    const slot = seq % this.size;
    if (seq < 1 || this.seqs[slot] !== seq || this.starts[slot] < this.head - this.bytes || !this.buf) return undefined;
    const buf = this.buf;
    const start = this.starts[slot] % this.bytes;
    const fieldBytes = buf.readUInt32LE(start);
    const requestBytes = buf.readUInt32LE(start + 4);
    const responseBytes = buf.readUInt32LE(start + 8);
    const bodyAt = start + HEAD + fieldBytes;
    const f = buf.toString("utf8", start + HEAD, bodyAt).split(FIELD);
    const line: RequestLine = {
      service: f[F.Service],
      operation: f[F.Operation],
      account: f[F.Account],
      region: f[F.Region],
      status: Number(f[F.Status]),
      micros: Number(f[F.Micros]),
      error: f[F.Error] || undefined,
      faults: f[F.Faults] ? f[F.Faults].split(",") : undefined,
    };
    const e: HistoryEntry = { id: `r-${seq}`, seq, time: Number(f[F.Time]), line };
    if (!bodies) return e;
    const requestBody = buf.subarray(bodyAt, bodyAt + requestBytes);
    const responseBody = buf.toString("utf8", bodyAt + requestBytes, bodyAt + requestBytes + responseBytes);
    if (f[F.Kind] === "p") {
      e.input = JSON.parse(requestBody.toString("utf8"));
      e.output = JSON.parse(responseBody);
      return e;
    }
    e.req = {
      method: f[F.Method],
      path: f[F.Path],
      query: new URLSearchParams(f[F.Query]),
      headers: unpair(f[F.RequestHeaders]),
      body: Buffer.from(requestBody),
    };
    if (f[F.ResponseStatus])
      e.response = { status: Number(f[F.ResponseStatus]), headers: unpair(f[F.ResponseHeaders]), body: responseBody };
    if (f[F.CutRequest] || f[F.CutResponse]) {
      e.cut = {
        ...(f[F.CutRequest] ? { request: Number(f[F.CutRequest]) } : {}),
        ...(f[F.CutResponse] ? { response: Number(f[F.CutResponse]) } : {}),
      };
    }
    return e;
  }

  /** Entries newest first (without their bodies), those `keep` accepts, at most `limit`. */
  newest(limit: number, keep: (e: HistoryEntry) => boolean = () => true): HistoryEntry[] {
    const out: HistoryEntry[] = [];
    for (let s = this.seq; s > this.seq - this.size && s > 0 && out.length < limit; s--) {
      const e = this.entry(s, false);
      if (!e) break; // older entries were packed over before this one
      if (keep(e)) out.push(e);
    }
    return out;
  }

  /** Entries after sequence number `after`, oldest first (without their bodies): those the ring still holds. */
  since(after: number): HistoryEntry[] {
    const out: HistoryEntry[] = [];
    for (let s = Math.max(after + 1, this.seq - this.size + 1, 1); s <= this.seq; s++) {
      const e = this.entry(s, false);
      if (e) out.push(e);
    }
    return out;
  }

  /** The sequence number of the newest entry; 0 before the first. */
  get last(): number {
    return this.seq;
  }

  /** The entry of this id, with its request and response, while it is still in the ring. */
  get(id: string): HistoryEntry | undefined {
    const m = /^r-([1-9][0-9]{0,15})$/.exec(id);
    return m ? this.entry(Number(m[1]), true) : undefined;
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

/** An in-process call's input or output as JSON, at most MAX_BODY_KEPT bytes of it kept (then it reads as a text). */
function jsonOf(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? "null";
  } catch {
    text = "null"; // a value JSON cannot write (a cycle) is not worth failing the call for
  }
  return text.length > MAX_BODY_KEPT / 3 && Buffer.byteLength(text) > MAX_BODY_KEPT ? JSON.stringify(cutText(text)) : text;
}
