// The in-process API: start imagelite inside a test process on a free port.
import type { AddressInfo } from "node:net";
import { createApp, type App } from "./runtime/app";
import { createHttpServer, type HttpLimits } from "./runtime/http-server";
import type { Config } from "./runtime/config";
import type { ClockMode } from "./state/clock";
import { DEFAULT_REGION } from "./gateway/caller";
import type { FaultRule, StoredFault } from "./operator/faults/faults";
import { checkedRule } from "./operator/control/fault-rules";
import { exportState, importState, reset } from "./operator/control/state";

export interface StartOptions extends Partial<Config> {
  /** Body and header sizes and time-outs of the HTTP server (tests shorten the time-outs). */
  http?: Partial<HttpLimits>;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface Imagelite {
  /** e.g. http://127.0.0.1:54321 */
  endpoint: string;
  port: number;
  region: string;
  /** Credentials that act as the given account (the access key id is the account id). */
  credentials(accountId?: string): Credentials;
  clock: { now(): Date; advance(seconds: number): void; set(mode: ClockMode): void };
  /** Failure on demand: `add` checks a rule and returns its id (see README, "Failure on demand"). */
  faults: { add(rule: FaultRule): string; remove(id: string): boolean; list(): StoredFault[]; clear(): void };
  /** Empties everything, or one account, region or service (the public catalogs stay), and drops their fault rules. */
  reset(scope?: { accountId?: string; region?: string; service?: string }): void;
  /** The whole state as a JSON document, and back. */
  exportState(): ReturnType<typeof exportState>;
  importState(doc: ReturnType<typeof exportState>): void;
  stop(): Promise<void>;
  app: App;
}

export async function startImagelite(options: StartOptions = {}): Promise<Imagelite> {
  const { http, ...config } = options;
  const app = createApp({ port: 0, inMemory: true, log: false, ...config });
  const server = createHttpServer(app.gateway, (e) => app.log.failure("http", e), http);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(app.config.port, app.config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://${app.config.host}:${port}`,
    port,
    region: DEFAULT_REGION,
    credentials: (accountId = "000000000000") => ({ accessKeyId: accountId, secretAccessKey: "imagelite" }),
    clock: {
      now: () => new Date(app.clock.now()),
      advance: (s) => app.clock.advance(s),
      set: (mode) => app.clock.setMode(mode),
    },
    faults: {
      add: (rule) => app.faults.add(checkedRule(app, rule)),
      remove: (id) => app.faults.remove(id),
      list: () => app.faults.list(),
      clear: () => app.faults.clear(),
    },
    reset: (scope) => reset(app, scope),
    exportState: () => exportState(app),
    importState: (doc) => {
      importState(app, doc as unknown as Record<string, unknown>);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          app.close();
          resolve();
        });
        server.closeAllConnections();
      }),
    app,
  };
}

export { createApp } from "./runtime/app";
export type { Config } from "./runtime/config";
export type { HttpLimits } from "./runtime/http-server";
export type { FaultRule, StoredFault } from "./operator/faults/faults";
