// The dashboard's live tail of requests, from the request tail the app picked at start (request-tail/tail.ts):
//   GET /_imagelite/requests?limit=&service=&status=ok|error&q=   newest first
//   GET /_imagelite/requests/stream                               Server-Sent Events, one `request` event per call
//   GET /_imagelite/requests/<id>                                 the call, its request and its response
import type { Route } from "./route";
import type { HttpResponse } from "../../runtime/http-server";
import { HISTORY_SIZE } from "../../gateway/request-history";
import type { RequestList, RequestSummary } from "./api-types";
import { AdminError, json } from "./json";
import { enumParam, intParam, onlyParams, textParam } from "./query-params";

/** A comment this often keeps proxies and the idle time-out from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

/** A `request` event: `id` is what a reconnecting client sends back as Last-Event-ID. */
const requestEvent = (id: string, data: RequestSummary) => `id: ${id}\nevent: request\ndata: ${JSON.stringify(data)}\n\n`;

export const requestRoutes: Route[] = [
  {
    method: "GET",
    pattern: /^\/_imagelite\/requests$/,
    async handle(app, req) {
      onlyParams(req, ["limit", "service", "status", "q"]);
      const limit = intParam(req, "limit", 100, 1, HISTORY_SIZE);
      const filter = {
        service: textParam(req, "service", 64),
        status: enumParam(req, "status", ["ok", "error"] as const),
        q: textParam(req, "q", 256),
      };
      return json(200, { requests: await app.tail.list(limit, filter) } satisfies RequestList);
    },
  },
  {
    method: "GET",
    pattern: /^\/_imagelite\/requests\/stream$/,
    handle(app, req): HttpResponse {
      onlyParams(req, []);
      const position = req.headers["last-event-id"];
      return {
        status: 200,
        headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-accel-buffering": "no" },
        body: "",
        stream(write) {
          write("retry: 2000\n: imagelite request stream\n\n");
          const stop = app.tail.follow(position, (events) => {
            if (events.length) write(events.map((e) => requestEvent(e.position, e.summary)).join(""));
          });
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
    async handle(app, req, m) {
      onlyParams(req, []);
      const found = await app.tail.get(m[1]);
      if (!found) throw new AdminError(404, "RequestNotFound", `No request ${m[1].slice(0, 100)} among ${app.tail.reach}.`);
      return json(200, found);
    },
  },
];
