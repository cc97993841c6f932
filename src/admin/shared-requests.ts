// The request tail of --workers: each worker keeps its own ring of recent calls (gateway/request-history.ts),
// so the list and the detail routes ask every worker (cluster-questions.ts) and merge what they answer.
// Ids name the worker (`w2-r-17`), so that a detail goes to the ring that holds it. The event stream
// (requests/stream) still carries the calls of the worker that serves it.
import type { App } from "../app";
import type { RawResponse } from "../protocols/protocol";
import { AdminError, json } from "./json";
import { detail, matcher, summary } from "./request-routes";
import { HISTORY_SIZE } from "../gateway/request-history";

/** What an app of --workers asks all workers, itself included. */
export interface Peers {
  /** This worker's number. */
  worker: number;
  ask(question: HistoryQuestion): Promise<unknown[]>;
}

export type HistoryQuestion =
  { kind: "requests"; limit: number; service?: string; status?: "ok" | "error"; q?: string } | { kind: "request"; id: string };

type Summary = ReturnType<typeof summary>;

/** A worker's answer, from its own ring. */
export function answerHistory(app: App, worker: number, question: HistoryQuestion): unknown {
  const prefix = `w${worker}-`;
  if (question.kind === "requests") {
    const keep = matcher(question.service, question.status, question.q);
    return app.history.newest(question.limit, keep).map((e) => ({ ...summary(e), id: prefix + e.id }));
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
