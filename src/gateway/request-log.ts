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
  failure(what: string, error: unknown): void;
  info(message: string): void;
}

/**
 * Lines are gathered and written once per turn of the event loop: a write to a pipe is synchronous on
 * Linux, and one per request would cost more than the request. Whatever is pending is written at exit.
 */
export function streamLog(enabled: boolean, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): RequestLog {
  let pending = "";
  const flush = () => {
    if (pending) out.write(pending);
    pending = "";
  };
  if (enabled) process.once("exit", flush);
  return {
    request(l) {
      if (!enabled) return;
      if (!pending) setImmediate(flush);
      pending += `${new Date().toISOString()} ${l.service} ${l.operation} ${l.account} ${l.region} ${l.status}` +
        `${l.error ? ` ${l.error}` : ""} ${(l.micros / 1000).toFixed(2)}ms${l.faults ? ` fault=${l.faults.join(",")}` : ""}\n`;
    },
    failure(what, error) {
      err.write(`${new Date().toISOString()} internal error in ${what}: ${error instanceof Error ? error.stack : String(error)}\n`);
    },
    info(message) {
      if (!enabled) return;
      flush();
      out.write(`${message}\n`);
    },
  };
}
