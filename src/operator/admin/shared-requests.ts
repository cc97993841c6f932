// The request tail of --workers: each worker keeps its own ring of recent calls (gateway/request-history.ts),
// so the list and the detail routes ask every worker (cluster-questions.ts) and merge what they answer.
// Ids name the worker (`w2-r-17`), so that a detail goes to the ring that holds it. The event stream
// (requests/stream) asks every worker a few times a second for the calls it has not sent yet.
import type { App } from "../../runtime/app";
import type { RawResponse } from "../../protocols/protocol";
import { AdminError, json } from "./json";
import { detail, matcher, requestEvent, summary } from "./request-routes";
import { HISTORY_SIZE } from "../../gateway/request-history";

/** What an app of --workers asks all workers, itself included. */
export interface Peers {
  /** This worker's number. */
  worker: number;
  ask(question: HistoryQuestion): Promise<unknown[]>;
}

export type HistoryQuestion =
  | { kind: "requests"; limit: number; service?: string; status?: "ok" | "error"; q?: string }
  | { kind: "request"; id: string }
  /** The calls after `after[worker]` (a sequence number), or for a worker it does not name, those since `from` (epoch ms). */
  | { kind: "since"; after: Record<string, number>; from: number };

/** A worker's answer to "since": its calls oldest first, and its newest sequence number when it answered. */
interface Since {
  worker: number;
  last: number;
  entries: { seq: number; time: number; summary: Summary }[];
}

type Summary = ReturnType<typeof summary>;

/** A worker's answer, from its own ring. */
export function answerHistory(app: App, worker: number, question: HistoryQuestion): unknown {
  const prefix = `w${worker}-`;
  if (question.kind === "requests") {
    const keep = matcher(question.service, question.status, question.q);
    return app.history.newest(question.limit, keep).map((e) => ({ ...summary(e), id: prefix + e.id }));
  }
  if (question.kind === "since") {
    const last = app.history.last;
    const sent = question.after[worker];
    // A position past this worker's newest call is its predecessor's (a worker that died): this one counts from 1.
    const known = sent !== undefined && sent <= last;
    const entries = known ? app.history.since(sent) : app.history.since(0).filter((e) => e.time >= question.from);
    return {
      worker,
      last,
      entries: entries.map((e) => ({ seq: e.seq, time: e.time, summary: { ...summary(e), id: prefix + e.id } })),
    } satisfies Since;
  }
  if (!question.id.startsWith(prefix)) return null;
  const e = app.history.get(question.id.slice(prefix.length));
  return e ? { ...detail(e), id: question.id } : null;
}

export async function everyWorkersRequests(
  peers: Peers,
  limit: number,
  filter: { service?: string; status?: "ok" | "error"; q?: string },
): Promise<RawResponse> {
  const answers = (await peers.ask({ kind: "requests", limit, ...filter })) as (Summary[] | null)[];
  const all = answers.flatMap((a) => a ?? []);
  // Newest first; the same millisecond in two workers in a fixed order.
  all.sort((a, b) => (a.time === b.time ? (a.id < b.id ? 1 : -1) : a.time < b.time ? 1 : -1));
  return json(200, { requests: all.slice(0, limit) });
}

export async function aWorkersRequest(peers: Peers, id: string): Promise<RawResponse> {
  const found = (await peers.ask({ kind: "request", id })).find((a) => a !== null && a !== undefined);
  if (!found) throw new AdminError(404, "RequestNotFound", `No request ${id.slice(0, 100)} among the last ${HISTORY_SIZE} of each worker.`);
  return json(200, found);
}

/** How often an open event stream asks every worker for the calls it has not sent yet. */
const STREAM_POLL_MS = 250;

/**
 * Where a stream is in each worker's calls, as the events' ids carry it (`w1-r-17,w2-r-20`), so that a client
 * that reconnects with Last-Event-ID gets what it missed from every worker.
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

/** The event stream of every worker's calls, oldest first; from now, or from where a reconnecting client was. */
export function everyWorkersEvents(peers: Peers, lastEventId: string | undefined) {
  return (write: (text: string) => void): (() => void) => {
    const at = readPosition(lastEventId);
    // A worker the position does not name (a new stream, a worker added since) counts from the stream's start.
    const from = Date.now();
    let stopped = false;
    let asking = false;
    const poll = async () => {
      if (asking || stopped) return;
      asking = true;
      try {
        const answers = (await peers.ask({ kind: "since", after: Object.fromEntries(at), from })) as (Since | null)[];
        if (stopped) return;
        const events: { worker: number; seq: number; time: number; summary: Summary }[] = [];
        for (const a of answers) {
          if (!a) continue;
          if (!at.has(a.worker) || (at.get(a.worker) ?? 0) > a.last) at.set(a.worker, a.entries.length ? a.entries[0].seq - 1 : a.last);
          for (const e of a.entries) events.push({ worker: a.worker, ...e });
        }
        events.sort((a, b) => a.time - b.time || a.worker - b.worker || a.seq - b.seq);
        let text = "";
        for (const e of events) {
          at.set(e.worker, e.seq);
          text += requestEvent(positionText(at), e.summary);
        }
        if (text) write(text);
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
  };
}
