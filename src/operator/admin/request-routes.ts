// The dashboard's live tail of requests, from the gateway's ring of the last 1,000 calls
// (gateway/request-history.ts), under --workers from every worker's (admin/shared-requests.ts), or on
// PostgreSQL from the database's copy of every process's (admin/postgres-requests.ts):
//   GET /_imagelite/requests?limit=&service=&status=ok|error&q=   newest first
//   GET /_imagelite/requests/stream                               Server-Sent Events, one `request` event per call
//   GET /_imagelite/requests/<id>                                 the entry, its request and its response
import type { Route } from "./router";
import type { HttpResponse } from "../../runtime/http-server";
import type { HistoryEntry } from "../../gateway/request-history";
import { HISTORY_SIZE, MAX_BODY_KEPT } from "../../gateway/request-history";
import { AdminError, json } from "./json";
import { enumParam, intParam, onlyParams, textParam } from "./query-params";
import { aWorkersRequest, everyWorkersEvents, everyWorkersRequests } from "./shared-requests";
import type { App } from "../../runtime/app";

/** Bodies are shown up to this many bytes (what the ring keeps of them). */
const MAX_BODY_SHOWN = MAX_BODY_KEPT;
/** A comment this often keeps proxies and the idle time-out from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;
/** Headers whose values are secrets (a signature, a session token). */
const SECRET_HEADERS = new Set(["authorization", "x-amz-security-token"]);
/** Query parameters of a presigned request that are secrets. */
const SECRET_QUERY = /^x-amz-(signature|security-token|credential)$/i;
const REDACTED = "[redacted]";

export function summary(e: HistoryEntry) {
  const l = e.line;
  return {
    id: e.id,
    time: new Date(e.time).toISOString(),
    service: l.service,
    operation: l.operation,
    account: l.account,
    region: l.region,
    status: l.status,
    ...(l.error ? { error: l.error } : {}),
    micros: Math.round(l.micros),
    ...(l.faults?.length ? { faults: l.faults } : {}),
  };
}

function shown(text: string): { body: string; truncated?: true } {
  const bytes = Buffer.byteLength(text);
  if (bytes <= MAX_BODY_SHOWN) return { body: text };
  return { body: Buffer.from(text).subarray(0, MAX_BODY_SHOWN).toString("utf8"), truncated: true };
}

function shownBytes(buf: Buffer): { body: string; truncated?: true } {
  if (buf.length <= MAX_BODY_SHOWN) return { body: buf.toString("utf8") };
  return { body: buf.subarray(0, MAX_BODY_SHOWN).toString("utf8"), truncated: true };
}

export function detail(e: HistoryEntry) {
  if (!e.req) {
    // A call made in process (a seed file, an admin route): its input and output, as JSON.
    return {
      ...summary(e),
      request: { method: "-", path: "(in process)", headers: {}, ...shown(JSON.stringify(e.input ?? {}, null, 2)) },
      response: { ...shown(JSON.stringify(e.output ?? null, null, 2)) },
    };
  }
  const { req, response } = e;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = SECRET_HEADERS.has(k) ? REDACTED : v;
  const query = new URLSearchParams();
  for (const [k, v] of req.query) query.append(k, SECRET_QUERY.test(k) ? REDACTED : v);
  const qs = query.toString();
  return {
    ...summary(e),
    request: {
      method: req.method,
      path: qs ? `${req.path}?${qs}` : req.path,
      headers,
      ...shownBytes(req.body),
      ...(e.cut?.request ? { truncated: true, bytes: e.cut.request } : {}),
    },
    response: response
      ? {
          status: response.status,
          headers: response.headers,
          ...shown(response.body),
          ...(e.cut?.response ? { truncated: true, bytes: e.cut.response } : {}),
        }
      : { status: e.line.status, headers: {}, body: "" },
  };
}

export function matcher(service: string | undefined, status: "ok" | "error" | undefined, q: string | undefined) {
  const text = q?.toLowerCase();
  return (e: HistoryEntry): boolean => {
    const l = e.line;
    if (service !== undefined && l.service !== service) return false;
    if (status === "ok" && l.status >= 400) return false;
    if (status === "error" && l.status < 400) return false;
    if (text) {
      const hay = `${e.id} ${l.service} ${l.operation} ${l.account} ${l.region} ${l.status} ${l.error ?? ""} ${l.faults?.join(" ") ?? ""}`;
      if (!hay.toLowerCase().includes(text)) return false;
    }
    return true;
  };
}

/** A `request` event: `id` is what a reconnecting client sends back as Last-Event-ID. */
export const requestEvent = (id: string, data: unknown) => `id: ${id}\nevent: request\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * This process's calls as they are made: first those after the one a reconnecting client saw last (that the
 * ring still has), then each batch the ring hands its subscribers.
 */
function ownEvents(app: App, lastEventId: string | undefined) {
  const last = app.history.get(lastEventId ?? "");
  return (write: (text: string) => void): (() => void) => {
    const event = (e: HistoryEntry) => requestEvent(e.id, summary(e));
    if (last) write(app.history.since(last.seq).map(event).join(""));
    return app.history.subscribe((batch) => write(batch.map(event).join("")));
  };
}

export const requestRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/_imagelite\/requests$/,
    handle(app, req) {
      onlyParams(req, ["limit", "service", "status", "q"]);
      const limit = intParam(req, "limit", 100, 1, HISTORY_SIZE);
      const filter = {
        service: textParam(req, "service", 64),
        status: enumParam(req, "status", ["ok", "error"] as const),
        q: textParam(req, "q", 256),
      };
      if (app.sharedTail) return app.sharedTail.list(limit, filter);
      if (app.peers) return everyWorkersRequests(app.peers, limit, filter);
      const keep = matcher(filter.service, filter.status, filter.q);
      return json(200, { requests: app.history.newest(limit, keep).map(summary) });
    },
  },
  {
    method: "GET",
    pattern: /^\/_imagelite\/requests\/stream$/,
    handle(app, req): HttpResponse {
      onlyParams(req, []);
      const lastEventId = req.headers["last-event-id"];
      const events = app.sharedTail
        ? app.sharedTail.events(lastEventId)
        : app.peers
          ? everyWorkersEvents(app.peers, lastEventId)
          : ownEvents(app, lastEventId);
      return {
        status: 200,
        headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-accel-buffering": "no" },
        body: "",
        stream(write) {
          write("retry: 2000\n: imagelite request stream\n\n");
          const stop = events(write);
          const timer = setInterval(() => write(": keep-alive\n\n"), KEEP_ALIVE_MS);
          timer.unref();
          return () => {
            stop();
            clearInterval(timer);
          };
        },
      };
    },
  },
  {
    method: "GET",
    pattern: /^\/_imagelite\/requests\/([^/]+)$/,
    handle(app, req, m) {
      onlyParams(req, []);
      if (app.sharedTail) return app.sharedTail.get(m[1]);
      if (app.peers) return aWorkersRequest(app.peers, m[1]);
      const e = app.history.get(m[1]);
      if (!e) throw new AdminError(404, "RequestNotFound", `No request ${m[1].slice(0, 100)} among the last ${HISTORY_SIZE}.`);
      return json(200, detail(e));
    },
  },
];
