// --workers N: N worker processes serve one port and one store (a SQLite file, or a PostgreSQL database).
// The primary does the set-up once (opens the store alone, so that no other imagelite holds the directory;
// migrates a PostgreSQL schema, builds indexes, loads the seed, resumes the clock), closes it, and forks the
// workers; each opens the store shared (state/sqlite-store.ts; a PostgreSQL store is always shared)
// and keeps its clock and fault rules in line with it (state/shared-control.ts). A worker that dies is
// replaced; SIGTERM or SIGINT stops them all. Node's cluster hands each new connection to the next worker.
import cluster, { type Worker } from "node:cluster";
import { Writable } from "node:stream";
import type { Config } from "./config";
import { createApp, type App } from "./app";
import { streamLog } from "../gateway/request-log";
import type { Handler } from "./http-server";
import type { RawResponse } from "../protocols/protocol";
import { relayQuestions } from "./cluster-questions";

/** The worker's number (1..N), which its log lines and the x-imagelite-worker header carry; undefined in the primary. */
export const workerNumber = (): number | undefined => (cluster.isWorker ? Number(process.env.IMAGELITE_WORKER) || undefined : undefined);

/** A stream that prefixes every line written to `out` with `tag`. */
function tagged(out: NodeJS.WritableStream, tag: string): NodeJS.WritableStream {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      out.write(String(chunk).replace(/^(?=.)/gm, tag));
      done();
    },
  });
}

/** The app of worker `n`: the shared store, its log lines tagged with its number, the request tail of every worker. */
export function createWorkerApp(config: Config, n: number): App {
  const tag = `[worker ${n}] `;
  const log = streamLog(config.log, tagged(process.stdout, tag), tagged(process.stderr, tag));
  return createApp(config, log, { worker: true, workerNumber: n });
}

/** The worker's gateway, its answers marked with the worker's number (which process answered is the operator's to see). */
export function workerHandler(app: App, n: number): Handler {
  const header = String(n);
  const marked = (r: RawResponse): RawResponse => ({ ...r, headers: { ...r.headers, "x-imagelite-worker": header } });
  return {
    handle: (req) => {
      const r = app.gateway.handle(req);
      return r instanceof Promise ? r.then(marked) : marked(r);
    },
    reject: (req, error) => app.gateway.reject(req, error),
  };
}

/** How long workers have to stop after SIGTERM before they are killed. */
const STOP_GRACE_MS = 5000;

/**
 * The primary: set-up, then N workers kept running until SIGTERM or SIGINT. `announce` is called once every
 * worker listens. A worker that exits before it ever listened stops everything: it would fail again.
 */
export function runPrimary(config: Config, announce: (port: number) => void, fail: (message: string) => never): void {
  try {
    createApp(config).close();
  } catch (e) {
    fail((e as Error).message);
  }
  const byNumber = new Map<number, Worker>();
  const listened = new Set<number>();
  let stopping = false;
  const fork = (n: number) => {
    const w = cluster.fork({ IMAGELITE_WORKER: String(n) });
    byNumber.set(n, w);
    const releaseConnection = trackHandoff(w);
    w.once("listening", (address) => {
      const first = !listened.has(n);
      listened.add(n);
      if (first && listened.size === config.workers) announce(address.port);
      else if (!first) process.stderr.write(`imagelite: worker ${n} replaced (pid ${w.process.pid})\n`);
    });
    w.once("exit", (code, signal) => {
      releaseConnection();
      if (byNumber.get(n) === w) byNumber.delete(n);
      if (stopping) {
        if (byNumber.size === 0) process.exit(0);
        return;
      }
      if (!listened.has(n)) {
        stop();
        fail(`worker ${n} exited with ${signal ?? code} before it listened`);
      }
      process.stderr.write(`imagelite: worker ${n} (pid ${w.process.pid}) exited with ${signal ?? code}; starting another\n`);
      fork(n);
    });
  };
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of byNumber.values()) w.process.kill("SIGTERM");
    setTimeout(() => {
      for (const w of byNumber.values()) w.process.kill("SIGKILL");
      process.exit(0);
    }, STOP_GRACE_MS).unref();
    if (byNumber.size === 0) process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  relayQuestions();
  for (let n = 1; n <= config.workers; n++) fork(n);
}

/**
 * The primary accepts each connection and passes it to a worker, keeping its own copy until the worker says
 * that it took it. A worker that dies in between never says so, and the client would wait forever on a
 * connection nobody serves: when a worker exits, the copy of the connection last passed to it is closed
 * (a no-op if the worker had taken it, as the primary closed it then), so that the client sees it end.
 */
function trackHandoff(w: Worker): () => void {
  let last: { close(): void } | undefined;
  const send = w.process.send.bind(w.process) as (...args: unknown[]) => boolean;
  w.process.send = ((message: unknown, handle?: unknown, ...rest: unknown[]) => {
    if ((message as { act?: string } | null)?.act === "newconn" && handle) last = handle as { close(): void };
    return send(message, handle, ...rest);
  }) as typeof w.process.send;
  return () => last?.close();
}

/** In a worker: stop when the primary is gone (its channel closes), so that no worker outlives it. */
export function followPrimary(stop: () => void): void {
  cluster.worker?.on("disconnect", stop);
}
