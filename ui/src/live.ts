// What keeps the page current: one stream of the request log for the whole page, and a change signal that
// views listen to (a request was served, or the clock moved) to read their data again, at most once a second.
import { eventStream } from "./api.js";
import type { RequestSummary } from "../../src/operator/admin/api-types.js";

type RequestListener = (entry: RequestSummary) => void;
const requestListeners = new Set<RequestListener>();
const changeListeners = new Set<() => void>();
const connectionListeners = new Set<(connected: boolean) => void>();
let connected = false;
let started: AbortController | undefined;

export function startLive(): void {
  if (started) return;
  started = new AbortController();
  void eventStream(
    "requests/stream",
    (event, data) => {
      if (event !== "request") return;
      let entry: RequestSummary;
      try {
        entry = JSON.parse(data) as RequestSummary;
      } catch {
        return;
      }
      for (const l of requestListeners) l(entry);
      changed();
    },
    (c) => {
      connected = c;
      for (const l of connectionListeners) l(c);
    },
    started.signal,
  );
}

export const isConnected = () => connected;

function subscribe<T>(set: Set<T>, item: T, signal: AbortSignal): void {
  set.add(item);
  signal.addEventListener("abort", () => set.delete(item), { once: true });
}

export const onRequest = (l: RequestListener, signal: AbortSignal) => subscribe(requestListeners, l, signal);
export const onConnection = (l: (connected: boolean) => void, signal: AbortSignal) => subscribe(connectionListeners, l, signal);

/** Calls `l` after something changed on the server, no more than once a second and never two at a time. */
export function onChange(l: () => void | Promise<void>, signal: AbortSignal): void {
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const run = async () => {
    timer = undefined;
    if (signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    last = Date.now();
    try {
      await l();
    } catch {
      // The view shows its own errors; a failed refresh is retried on the next change.
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(run, Math.max(0, 1000 - (Date.now() - last)));
  };
  subscribe(changeListeners, schedule, signal);
  signal.addEventListener("abort", () => clearTimeout(timer), { once: true });
}

/** Something changed on the server: views read their data again. */
export function changed(): void {
  for (const l of changeListeners) l();
}
