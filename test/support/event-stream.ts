// The dashboard's request event stream, read as a client reads it: the `request` events (their SSE id and
// data) as they come.
import assert from "node:assert/strict";
import { request, type IncomingMessage } from "node:http";

export interface StreamedRequest {
  /** The SSE id: what a reconnecting client sends back as Last-Event-ID. */
  id: string;
  data: { id: string; operation: string; account: string };
}

export function openStream(endpoint: string, lastEventId?: string) {
  const events: StreamedRequest[] = [];
  let res: IncomingMessage | undefined;
  const req = request(`${endpoint}/_imagelite/requests/stream`, {
    headers: { accept: "text/event-stream", ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
  });
  req.on("response", (r) => {
    res = r;
    let buffered = "";
    r.setEncoding("utf8").on("data", (chunk: string) => {
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf("\n\n")) >= 0) {
        const lines = buffered.slice(0, end).split("\n");
        buffered = buffered.slice(end + 2);
        const field = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
        if (field("event") === "request") events.push({ id: field("id")!, data: JSON.parse(field("data")!) });
      }
    });
  });
  req.on("error", () => {});
  req.end();
  return {
    events,
    /** Resolves once the server has answered: the stream counts calls from then on. */
    async opened() {
      for (let i = 0; i < 400 && res === undefined; i++) await new Promise((r) => setTimeout(r, 10));
      assert.ok(res, "the stream was not answered");
      return res;
    },
    /** Waits until `n` events that `match` accepts came (the stream reads its sources a few times a second). */
    async count(n: number, match: (e: StreamedRequest) => boolean = () => true) {
      for (let i = 0; i < 400 && events.filter(match).length < n; i++) await new Promise((r) => setTimeout(r, 25));
      const found = events.filter(match);
      assert.ok(found.length >= n, `${found.length} events of ${n}: ${events.map((e) => e.data.id).join(", ")}`);
      return found;
    },
    close: () => req.destroy(),
  };
}
