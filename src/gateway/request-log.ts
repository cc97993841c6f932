// One line per request: service, operation, account, region, status, milliseconds.
export interface RequestLine {
  service: string;
  operation: string;
  account: string;
  region: string;
  status: number;
  micros: number;
  error?: string;
  /** Ids of the fault rules that shaped this call. */
  faults?: string[];
}

export interface RequestLog {
  request(line: RequestLine): void;
  /** An unexpected error: its stack is written the first time, one line each time after. */
  failure(what: string, error: unknown): void;
  info(message: string): void;
  /** Something the operator should know, written even with the request log off. */
  warn(message: string): void;
  /** What the debug level shows (off unless asked for): how a request was answered, e.g. a describe that reads everything. */
  debug?(message: string): void;
}

/** Distinct stacks remembered; past it, every stack is new again (a bound, not a cache to tune). */
const MAX_KNOWN_STACKS = 1000;

/**
 * Lines are gathered and written once per turn of the event loop: a write to a pipe is synchronous on
 * Linux, and one per request would cost more than the request. Whatever is pending is written at exit.
 */
export function streamLog(
  enabled: boolean,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  debugging = false,
): RequestLog {
  let pending = "";
  const knownStacks = new Set<string>();
  const flush = () => {
    if (pending) out.write(pending);
    pending = "";
  };
  if (enabled || debugging) process.once("exit", flush);
  return {
    request(l) {
      if (!enabled) return;
      if (!pending) setImmediate(flush);
      pending +=
        `${new Date().toISOString()} ${l.service} ${l.operation} ${l.account} ${l.region} ${l.status}` +
        `${l.error ? ` ${l.error}` : ""} ${(l.micros / 1000).toFixed(2)}ms${l.faults ? ` fault=${l.faults.join(",")}` : ""}\n`;
    },
    failure(what, error) {
      // A failing disk fails every request the same way: one stack tells all, the rest get one line each.
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const stack = error instanceof Error ? (error.stack ?? message) : message;
      const known = knownStacks.has(stack);
      if (!known) {
        if (knownStacks.size >= MAX_KNOWN_STACKS) knownStacks.clear();
        knownStacks.add(stack);
      }
      err.write(`${new Date().toISOString()} internal error in ${what}: ${known ? `${message.split("\n")[0]} (stack above)` : stack}\n`);
    },
    warn(message) {
      err.write(`${new Date().toISOString()} warning: ${message}\n`);
    },
    info(message) {
      if (!enabled) return;
      flush();
      out.write(`${message}\n`);
    },
    debug(message) {
      if (!debugging) return;
      if (!pending) setImmediate(flush);
      pending += `${new Date().toISOString()} debug: ${message}\n`;
    },
  };
}
