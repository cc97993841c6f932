// node:http adapter around Gateway.handle(): reads the body (bounded), answers, never throws.
// Limits a hostile caller meets before the gateway: body size, bytes of all bodies in flight, header size,
// time to send a request, idle connections and the number of connections.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { readFileSync } from "node:fs";
import type { RawRequest, RawResponse } from "../protocols/protocol";
import { ServiceError } from "../errors/service-error";
import type { ServiceDefinition } from "../gateway/service";

export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/**
 * A state import (POST /_imagelite/state) takes what an export gives, which grows with the state rather than
 * with one call: it has a limit of its own, read into memory as bytes and parsed record by record.
 */
export const MAX_STATE_BODY_BYTES = 1024 * 1024 * 1024;

export interface HttpLimits {
  maxBodyBytes: number;
  /** The body of a state import; it counts toward maxInFlightBodyBytes, which is this much larger for it. */
  maxStateBodyBytes: number;
  /**
   * Bytes of request bodies held at once, all requests together: memory stays bounded whatever the number
   * of concurrent large requests; past it a request is refused with its service's throttling error.
   */
  maxInFlightBodyBytes: number;
  /** Open connections at once; one more is answered 503 and closed. */
  maxConnections: number;
  /** A connection that has no request in progress for this long is closed (one that never sends a byte too). */
  idleTimeoutMs: number;
  /** Node's maxHeaderSize: request line plus headers; beyond it the answer is a bare 431. */
  maxHeaderBytes: number;
  /** Time to receive the headers, and the whole request, before the connection is dropped (408). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** How often Node looks for requests past their time-outs; tests make it short. */
  checkIntervalMs: number;
}

/**
 * Below the process's file limit (read from /proc on Linux), leaving room for the store, the logs and the
 * sockets clients of the admin routes need, so that refusing is what happens when it is reached, not EMFILE.
 */
function defaultMaxConnections(): number {
  try {
    const soft = /^Max open files\s+(\d+)/m.exec(readFileSync("/proc/self/limits", "utf8"))?.[1];
    if (soft) return Math.max(16, Math.min(10_000, Number(soft) - 128));
  } catch {
    /* not Linux: assume the common limit of 1,024 */
  }
  return 896;
}

export const DEFAULT_LIMITS: HttpLimits = {
  maxBodyBytes: MAX_BODY_BYTES,
  maxStateBodyBytes: MAX_STATE_BODY_BYTES,
  maxInFlightBodyBytes: 8 * MAX_BODY_BYTES,
  maxConnections: defaultMaxConnections(),
  idleTimeoutMs: 30_000,
  maxHeaderBytes: 16 * 1024,
  headersTimeoutMs: 30_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 65_000,
  checkIntervalMs: 5_000,
};

/**
 * What an answer may carry beyond a RawResponse: bytes (a static file) instead of the text body, or a stream
 * (Server-Sent Events) that goes on after the head until either side closes it. `stream` starts it with a
 * function that writes to the socket, and returns the function that stops it.
 */
export interface HttpResponse extends RawResponse {
  bytes?: Buffer;
  stream?(write: (text: string) => void): () => void;
  /**
   * A body of any length (a state export), pulled a chunk at a time while the socket takes it: memory holds
   * one chunk, not the body. Sent chunked; a failure midway cuts the connection, so the client sees it.
   */
  chunks?: Iterator<string>;
}

/** A stream whose client reads this far behind is ended (it may reconnect) rather than buffered for ever. */
const MAX_STREAM_BACKLOG = 1024 * 1024;

export interface Handler {
  /** The answer, given at once when nothing in the way waits: the common case costs no turn of the event loop. */
  handle(req: RawRequest): HttpResponse | Promise<HttpResponse>;
  /** Where a browser that opens "/" is redirected (the dashboard), if anywhere. */
  browserHome?: string;
  /** An error decided from the headers alone, in the format of the service they name. */
  reject?(req: RawRequest, error: (def: ServiceDefinition) => ServiceError): RawResponse;
}

/**
 * Headers as one flat list and the body in the same call: Node writes the head and the body as one chunk,
 * and skips the work of a headers object.
 */
function send(res: ServerResponse, r: HttpResponse, close = false): void {
  if (res.headersSent) return;
  const body = r.bytes ?? r.body;
  const headers: string[] = [];
  for (const name in r.headers) headers.push(name, r.headers[name]);
  headers.push("content-length", String(Buffer.byteLength(body)));
  if (close) headers.push("connection", "close");
  res.writeHead(r.status, headers);
  res.end(body);
}

/** Sends the head of a streamed answer and keeps the exchange open; it is in `open` until it closes. */
function startStream(res: ServerResponse, r: HttpResponse, open: Set<ServerResponse>): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(r.status, r.headers);
  res.flushHeaders();
  open.add(res);
  const stop = r.stream!((text) => {
    if (res.writableEnded) return;
    if (res.writableLength > MAX_STREAM_BACKLOG) res.end();
    else res.write(text);
  });
  res.once("close", () => {
    open.delete(res);
    stop();
  });
}

/** Sends a pulled body: the next chunk is asked for only once the socket has taken the last (backpressure). */
function pipeChunks(res: ServerResponse, r: HttpResponse, onError: (e: unknown) => void): void {
  if (res.headersSent || res.destroyed) return;
  const chunks = r.chunks!;
  res.writeHead(r.status, r.headers);
  res.once("close", () => chunks.return?.());
  const pump = (): void => {
    try {
      while (!res.destroyed) {
        const next = chunks.next();
        if (next.done) {
          res.end();
          return;
        }
        if (!res.write(next.value)) {
          res.once("drain", pump);
          return;
        }
      }
    } catch (e) {
      onError(e);
      res.destroy();
    }
  };
  pump();
}

const isPromise = <T>(x: T | Promise<T>): x is Promise<T> => typeof (x as Promise<T>).then === "function";

const plain = (status: number, code: string, message: string): RawResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ __type: code, message }),
});

function toRawRequest(req: IncomingMessage, body: Buffer): RawRequest {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  // Node joins repeated headers itself, all but set-cookie, which it keeps as a list: only then is a copy needed.
  let headers = req.headers as Record<string, string | undefined>;
  if (req.headers["set-cookie"] !== undefined) {
    headers = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(",") : v;
  }
  return {
    method: req.method ?? "GET",
    path: q < 0 ? url : url.slice(0, q),
    query: new URLSearchParams(q < 0 ? "" : url.slice(q + 1)),
    headers,
    body,
  };
}

/** Renders an error in the protocol the headers name (admin routes and unroutable requests get plain JSON). */
function early(handler: Handler, req: IncomingMessage, error: (def?: ServiceDefinition) => ServiceError): RawResponse {
  const raw = toRawRequest(req, Buffer.alloc(0));
  if (handler.reject && !raw.path.startsWith("/_imagelite/")) {
    try {
      return handler.reject(raw, error);
    } catch {
      /* fall through to plain JSON */
    }
  }
  const e = error();
  return plain(e.status, e.code, e.message);
}

/** Too many bytes of bodies in flight: the service's throttling error, which SDKs retry with back-off. */
const throttled = (def?: ServiceDefinition): ServiceError =>
  def ? def.throttlingError() : new ServiceError("ThrottlingException", "Too many large requests at once; try again shortly.", 429);

function tooLarge(limit: number) {
  // AWS JSON and REST-JSON services name it RequestEntityTooLargeException; the query services have no
  // documented code, so they get the plain HTTP name in their own envelope.
  return (def?: ServiceDefinition) =>
    new ServiceError(
      !def || def.model.protocol === "json" || def.model.protocol === "rest-json"
        ? "RequestEntityTooLargeException"
        : "RequestEntityTooLarge",
      `Request body must be at most ${limit} bytes.`,
      413,
    );
}

/**
 * A browser opening the server's address: GET / that accepts HTML and carries nothing of an AWS request (no
 * signature, no X-Amz-* header, no query). Everything else at "/" goes to the gateway as it always did.
 */
function isBrowserHome(req: IncomingMessage): boolean {
  if (req.method !== "GET" || req.url !== "/") return false;
  if (!req.headers.accept?.includes("text/html") || req.headers.authorization) return false;
  for (const name of Object.keys(req.headers)) if (name.startsWith("x-amz-")) return false;
  return true;
}

/** A bare answer for a request Node could not parse or that ran out of time; the connection closes after it. */
function onClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const status =
    err.code === "HPE_HEADER_OVERFLOW"
      ? "431 Request Header Fields Too Large"
      : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? "408 Request Timeout"
        : "400 Bad Request";
  socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
}

const TOO_MANY_CONNECTIONS = JSON.stringify({
  code: "TooManyConnections",
  message: "imagelite has as many connections open as it accepts; try again shortly.",
});

export function createHttpServer(handler: Handler, onError: (e: unknown) => void, limits: Partial<HttpLimits> = {}): Server {
  const l: HttpLimits = { ...DEFAULT_LIMITS, ...limits };
  /** Sockets with a request being read or answered: an idle time-out leaves them alone. */
  const busy = new Set<Socket>();
  const refusedSockets = new WeakSet<Socket>();
  let inFlightBytes = 0;
  /** Streamed answers in progress: closing the server ends them, so that it closes at all. */
  const streams = new Set<ServerResponse>();
  const server = createServer({ maxHeaderSize: l.maxHeaderBytes, connectionsCheckingInterval: l.checkIntervalMs }, (req, res) => {
    const socket = req.socket;
    if (refusedSockets.has(socket)) {
      socket.destroy();
      return;
    }
    busy.add(socket);
    let held = 0;
    // Whatever way the exchange ends (answered, refused, cut off), its bytes stop counting.
    res.once("close", () => {
      busy.delete(socket);
      inFlightBytes -= held;
      held = 0;
    });
    if (handler.browserHome && isBrowserHome(req)) {
      send(res, { status: 302, headers: { location: handler.browserHome, "cache-control": "no-cache" }, body: "" });
      req.resume();
      return;
    }
    const declared = Number(req.headers["content-length"] ?? 0);
    const maxBody = req.method === "POST" && (req.url ?? "").split("?")[0] === "/_imagelite/state" ? l.maxStateBodyBytes : l.maxBodyBytes;
    const maxInFlight = maxBody === l.maxBodyBytes ? l.maxInFlightBodyBytes : l.maxInFlightBodyBytes + maxBody;
    let refused = false;
    const refuse = (error: (def?: ServiceDefinition) => ServiceError) => {
      refused = true;
      inFlightBytes -= held;
      held = 0;
      // Drained rather than destroyed so that the client reads the answer; the time-outs bound the drain.
      send(res, early(handler, req, error), true);
      req.resume();
    };
    if (declared > maxBody) {
      refuse(tooLarge(maxBody));
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      if (refused) return;
      if (held + chunk.length > maxBody) {
        chunks.length = 0;
        refuse(tooLarge(maxBody));
        return;
      }
      if (inFlightBytes + chunk.length > maxInFlight) {
        chunks.length = 0;
        refuse(throttled);
        return;
      }
      held += chunk.length;
      inFlightBytes += chunk.length;
      chunks.push(chunk);
    });
    req.on("error", () => res.destroy());
    req.on("end", () => {
      if (refused) return;
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      chunks.length = 0;
      const fail = (e: unknown) => {
        onError(e);
        send(
          res,
          early(handler, req, (def) =>
            def
              ? def.internalError()
              : new ServiceError("InternalFailure", "The request processing has failed because of an unknown error.", 500),
          ),
        );
      };
      const answer = (r: HttpResponse) => (r.stream ? startStream(res, r, streams) : r.chunks ? pipeChunks(res, r, onError) : send(res, r));
      let result: HttpResponse | Promise<HttpResponse>;
      try {
        const raw = toRawRequest(req, body);
        result = handler.handle(raw);
      } catch (e) {
        fail(e);
        return;
      }
      if (isPromise(result)) result.then(answer, fail);
      else answer(result);
    });
  });
  server.keepAliveTimeout = l.keepAliveTimeoutMs;
  server.requestTimeout = l.requestTimeoutMs;
  server.headersTimeout = l.headersTimeoutMs;
  // Node closes a connection that is slow to send a request or idle between requests, but not one that
  // never sends a byte: the socket's own inactivity time-out covers that, sparing exchanges in progress.
  server.timeout = l.idleTimeoutMs;
  server.on("timeout", (socket: Socket) => {
    if (!busy.has(socket)) socket.destroy();
  });
  let connections = 0;
  server.on("connection", (socket: Socket) => {
    connections++;
    socket.once("close", () => {
      connections--;
    });
    if (connections <= l.maxConnections) return;
    // Refused in words rather than dropped in silence (as Node's maxConnections does), before any request.
    refusedSockets.add(socket);
    socket.end(
      `HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\nretry-after: 1\r\ncontent-type: application/json\r\n` +
        `content-length: ${TOO_MANY_CONNECTIONS.length}\r\n\r\n${TOO_MANY_CONNECTIONS}`,
    );
  });
  server.on("clientError", onClientError);
  const close = server.close.bind(server);
  server.close = (callback?: (err?: Error) => void) => {
    for (const res of streams) res.end();
    return close(callback);
  };
  return server;
}
