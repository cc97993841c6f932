// The request tail of --workers: each worker keeps its own ring of recent calls (gateway/request-history.ts),
// so the list and the detail ask every worker and merge what they answer. Ids name the worker (`w2-r-17`), so
// that a detail goes to the ring that holds it. A stream asks every worker a few times a second for the calls
// it has not sent yet. The questions travel over the cluster's channel (runtime/cluster-questions.ts), which
// the app hands in: `ask` reaches every worker, this one included, and each answers with `answer`.
import { HISTORY_SIZE, type RequestHistory } from "../../../gateway/request-history";
import type { RequestDetail, RequestSummary } from "../api-types";
import { accepts, type RequestFilter, type RequestTail, type TailEvent } from "./tail";
import { detail, summary } from "./view";

export type HistoryQuestion =
  | ({ kind: "requests"; limit: number } & RequestFilter)
  | { kind: "request"; id: string }
  /** The calls after `after[worker]` (a sequence number), or for a worker it does not name, those since `from` (epoch ms). */
  | { kind: "since"; after: Record<string, number>; from: number };

/** A worker's answer to "since": its calls oldest first, and its newest sequence number when it answered. */
interface Since {
  worker: number;
  last: number;
  entries: { seq: number; time: number; summary: RequestSummary }[];
}

/** How often an open stream asks every worker for the calls it has not sent yet. */
const STREAM_POLL_MS = 250;

export class WorkersTail implements RequestTail {
  readonly reach = `the last ${HISTORY_SIZE} of each worker`;
  private readonly prefix: string;

  constructor(
    private readonly history: RequestHistory,
    /** This worker's number. */
    private readonly worker: number,
    private readonly ask: (question: HistoryQuestion) => Promise<unknown[]>,
  ) {
    this.prefix = `w${worker}-`;
  }

  /** This worker's answer to a question of any worker's, from its own ring. */
  answer(question: HistoryQuestion): unknown {
    const own = (s: RequestSummary): RequestSummary => ({ ...s, id: this.prefix + s.id });
    if (question.kind === "requests") {
      const keep = accepts(question);
      const out: RequestSummary[] = [];
      this.history.newest(question.limit, (e) => {
        const s = own(summary(e));
        if (!keep(s)) return false;
        out.push(s);
        return true;
      });
      return out;
    }
    if (question.kind === "since") {
      const last = this.history.last;
      const sent = question.after[this.worker];
      // A position past this worker's newest call is its predecessor's (a worker that died): this one counts from 1.
      const known = sent !== undefined && sent <= last;
      const entries = known ? this.history.since(sent) : this.history.since(0).filter((e) => e.time >= question.from);
      return {
        worker: this.worker,
        last,
        entries: entries.map((e) => ({ seq: e.seq, time: e.time, summary: own(summary(e)) })),
      } satisfies Since;
    }
    if (!question.id.startsWith(this.prefix)) return null;
    const e = this.history.get(question.id.slice(this.prefix.length));
    return e ? { ...detail(e), id: question.id } : null;
  }

  async list(limit: number, filter: RequestFilter): Promise<RequestSummary[]> {
    const answers = (await this.ask({ kind: "requests", limit, ...filter })) as (RequestSummary[] | null)[];
    const all = answers.flatMap((a) => a ?? []);
    // Newest first; the same millisecond in two workers in a fixed order.
    all.sort((a, b) => (a.time === b.time ? (a.id < b.id ? 1 : -1) : a.time < b.time ? 1 : -1));
    return all.slice(0, limit);
  }

  async get(id: string): Promise<RequestDetail | undefined> {
    const answers = (await this.ask({ kind: "request", id })) as (RequestDetail | null | undefined)[];
    return answers.find((a) => a !== null && a !== undefined) ?? undefined;
  }

  /** Every worker's calls, oldest first; from now, or from where a reconnecting client was. */
  follow(position: string | undefined, send: (events: TailEvent[]) => void): () => void {
    const at = readPosition(position);
    // A worker the position does not name (a new stream, a worker added since) counts from the stream's start.
    const from = Date.now();
    let stopped = false;
    let asking = false;
    const poll = async () => {
      if (asking || stopped) return;
      asking = true;
      try {
        const answers = (await this.ask({ kind: "since", after: Object.fromEntries(at), from })) as (Since | null)[];
        if (stopped) return;
        const calls: { worker: number; seq: number; time: number; summary: RequestSummary }[] = [];
        for (const a of answers) {
          if (!a) continue;
          if (!at.has(a.worker) || (at.get(a.worker) ?? 0) > a.last) at.set(a.worker, a.entries.length ? a.entries[0].seq - 1 : a.last);
          for (const e of a.entries) calls.push({ worker: a.worker, ...e });
        }
        calls.sort((a, b) => a.time - b.time || a.worker - b.worker || a.seq - b.seq);
        const events: TailEvent[] = [];
        for (const c of calls) {
          at.set(c.worker, c.seq);
          events.push({ position: positionText(at), summary: c.summary });
        }
        if (events.length) send(events);
        for (const a of answers) if (a) at.set(a.worker, a.last);
      } catch {
        /* an answer this stream cannot read (a worker of another version): the next poll asks again */
      } finally {
        asking = false;
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), STREAM_POLL_MS);
    timer.unref();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }

  close(): void {}
}

/**
 * Where a stream is in each worker's calls, as the events' positions carry it (`w1-r-17,w2-r-20`), so that a
 * client that reconnects with Last-Event-ID gets what it missed from every worker.
 */
function positionText(at: Map<number, number>): string {
  return [...at]
    .sort((a, b) => a[0] - b[0])
    .map(([w, seq]) => `w${w}-r-${seq}`)
    .join(",");
}

const POSITION = /^w[0-9]{1,4}-r-[0-9]{1,16}(,w[0-9]{1,4}-r-[0-9]{1,16}){0,255}$/;

function readPosition(text: string | undefined): Map<number, number> {
  const at = new Map<number, number>();
  if (!text || !POSITION.test(text)) return at;
  for (const part of text.split(",")) {
    const [w, , seq] = part.slice(1).split("-");
    at.set(Number(w), Number(seq));
  }
  return at;
}
