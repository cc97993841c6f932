// node:http adapter around Gateway.handle(): reads the body (bounded), answers, never throws.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { RawRequest, RawResponse } from "./protocols/protocol";

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface Handler { handle(req: RawRequest): Promise<RawResponse> }

function send(res: ServerResponse, r: RawResponse): void {
  if (res.headersSent) return;
  res.writeHead(r.status, { ...r.headers, "content-length": Buffer.byteLength(r.body) });
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

export function createHttpServer(handler: Handler, onError: (e: unknown) => void): Server {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        if (!tooLarge) {
          tooLarge = true;
          send(res, plain(413, "RequestEntityTooLargeException", `Request body must be at most ${MAX_BODY_BYTES} bytes.`));
          req.resume();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", () => res.destroy());
    req.on("end", () => {
      if (tooLarge) return;
      handler.handle(toRawRequest(req, Buffer.concat(chunks))).then(
        (r) => send(res, r),
        (e) => { onError(e); send(res, plain(500, "InternalFailure", "The request processing has failed because of an unknown error.")); },
      );
    });
  });
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 60_000;
  server.headersTimeout = 30_000;
  server.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
    else socket.destroy();
  });
  return server;
}
