// node:http adapter around Gateway.handle(): reads the body (bounded), answers, never throws.
// Limits a hostile caller meets before the gateway: body size, header size and time to send a request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { RawRequest, RawResponse } from "./protocols/protocol";
import { ServiceError } from "./errors/service-error";
import type { ServiceDefinition } from "./gateway/service";

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface HttpLimits {
  maxBodyBytes: number;
  /** Node's maxHeaderSize: request line plus headers; beyond it the answer is a bare 431. */
  maxHeaderBytes: number;
  /** Time to receive the headers, and the whole request, before the connection is dropped (408). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** How often Node looks for requests past their time-outs; tests make it short. */
  checkIntervalMs: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  maxBodyBytes: MAX_BODY_BYTES,
  maxHeaderBytes: 16 * 1024,
  headersTimeoutMs: 30_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 65_000,
  checkIntervalMs: 5_000,
};

export interface Handler {
  handle(req: RawRequest): Promise<RawResponse>;
  /** An error decided from the headers alone, in the format of the service they name. */
  reject?(req: RawRequest, error: (def: ServiceDefinition) => ServiceError): RawResponse;
}

function send(res: ServerResponse, r: RawResponse, close = false): void {
  if (res.headersSent) return;
  res.writeHead(r.status, { ...r.headers, "content-length": Buffer.byteLength(r.body), ...(close ? { connection: "close" } : {}) });
  res.end(r.body);
}

const plain = (status: number, code: string, message: string): RawResponse => ({
  status, headers: { "content-type": "application/json" }, body: JSON.stringify({ __type: code, message }),
});

function toRawRequest(req: IncomingMessage, body: Buffer): RawRequest {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(",") : v;
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
    try { return handler.reject(raw, error); } catch { /* fall through to plain JSON */ }
  }
  const e = error();
  return plain(e.status, e.code, e.message);
}

function tooLarge(limit: number) {
  // AWS JSON services name it RequestEntityTooLargeException; the query services have no documented code,
  // so they get the plain HTTP name in their own envelope.
  return (def?: ServiceDefinition) => new ServiceError(!def || def.model.protocol === "json" ? "RequestEntityTooLargeException" : "RequestEntityTooLarge",
    `Request body must be at most ${limit} bytes.`, 413);
}

/** A bare answer for a request Node could not parse or that ran out of time; the connection closes after it. */
function onClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) { socket.destroy(); return; }
  const status = err.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large"
    : err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : "400 Bad Request";
  socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
}

export function createHttpServer(handler: Handler, onError: (e: unknown) => void, limits: Partial<HttpLimits> = {}): Server {
  const l: HttpLimits = { ...DEFAULT_LIMITS, ...limits };
  const server = createServer({ maxHeaderSize: l.maxHeaderBytes, connectionsCheckingInterval: l.checkIntervalMs }, (req, res) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    let tooLargeSent = false;
    const refuseSize = () => {
      tooLargeSent = true;
      // Drained rather than destroyed so that the client reads the answer; the time-outs bound the drain.
      send(res, early(handler, req, tooLarge(l.maxBodyBytes)), true);
      req.resume();
    };
    if (declared > l.maxBodyBytes) { refuseSize(); return; }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (tooLargeSent) return;
      size += chunk.length;
      if (size > l.maxBodyBytes) { refuseSize(); chunks.length = 0; return; }
      chunks.push(chunk);
    });
    req.on("error", () => res.destroy());
    req.on("end", () => {
      if (tooLargeSent) return;
      handler.handle(toRawRequest(req, Buffer.concat(chunks))).then(
        (r) => send(res, r),
        (e) => {
          onError(e);
          send(res, early(handler, req, (def) => def ? def.internalError() :
            new ServiceError("InternalFailure", "The request processing has failed because of an unknown error.", 500)));
        },
      );
    });
  });
  server.keepAliveTimeout = l.keepAliveTimeoutMs;
  server.requestTimeout = l.requestTimeoutMs;
  server.headersTimeout = l.headersTimeoutMs;
  server.on("clientError", onClientError);
  return server;
}
