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

export function streamLog(enabled: boolean, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): RequestLog {
  return {
    request(l) {
      if (!enabled) return;
      out.write(`${new Date().toISOString()} ${l.service} ${l.operation} ${l.account} ${l.region} ${l.status}` +
        `${l.error ? ` ${l.error}` : ""} ${(l.micros / 1000).toFixed(2)}ms${l.faults ? ` fault=${l.faults.join(",")}` : ""}\n`);
    },
    failure(what, error) {
      err.write(`${new Date().toISOString()} internal error in ${what}: ${error instanceof Error ? error.stack : String(error)}\n`);
    },
    info(message) {
      if (enabled) out.write(`${message}\n`);
    },
  };
}
