// Assembles imagelite from its parts: store, clock, services, admin routes and the gateway.
import { DEFAULTS, timings, type Config } from "./config";
import { Clock, isClockTime, type ClockState } from "../state/clock";
import { CONTROL_ID, CONTROL_SCHEMA, CONTROL_TYPE, IMAGELITE_PARTITION, SharedControl } from "../state/shared-control";
import { SharedFaults } from "../operator/faults/shared-faults";
import type { App } from "./app-types";
import type { PostgresStore } from "../state/postgres-store";
import type { Store } from "../state/store";
import { MemoryStore } from "../state/memory-store";
import { Gateway } from "../gateway/gateway";
import { BrowserGuard } from "../gateway/browser-guard";
import { streamLog, type RequestLog } from "../gateway/request-log";
import { RequestHistory } from "../gateway/request-history";
import type { RequestTail } from "../operator/admin/request-tail/tail";
import { MemoryTail } from "../operator/admin/request-tail/memory-tail";
import { WorkersTail, type HistoryQuestion } from "../operator/admin/request-tail/workers-tail";
import { PostgresTail } from "../operator/admin/request-tail/postgres-tail";
import { answerQuestions, askAllWorkers } from "./cluster-questions";
import { appstream } from "../services/appstream";
import { sts } from "../services/sts";
import { ec2 } from "../services/ec2";
import { ssm } from "../services/ssm";
import { rbin } from "../services/rbin";
import { adminRouter } from "../operator/admin/router";
import { DASHBOARD_HOME } from "../operator/admin/static-ui";
import { Faults } from "../operator/faults/faults";
import { applySeed, readSeed } from "../operator/seed/seed";
import { collectGarbage } from "../util/collect-garbage";
import { Authenticator } from "../auth/authenticator";
import { loadCredentials } from "../auth/credentials";
import { EXPIRY_RECORDS } from "../state/expiry";
import { serveCatalog } from "../services/ec2/catalog/catalog";
import { seededPublicImages } from "../services/ec2/catalog/seeded";

export { VERSION } from "./version";

export type { App };

function openStore(config: Config, shared: boolean): Store {
  if (config.store !== undefined) {
    const { PostgresStore } = require("../state/postgres-store") as typeof import("../state/postgres-store");
    return new PostgresStore(config.store, undefined, config.durability);
  }
  if (config.inMemory) return new MemoryStore();
  // Loaded lazily so that an in-memory server never opens the native module.
  const { SqliteStore } = require("../state/sqlite-store") as typeof import("../state/sqlite-store");
  return new SqliteStore(config.dataDir, config.durability, undefined, { shared });
}

export interface AppRole {
  /**
   * One of the worker processes of --workers: it opens the store shared with the others, and leaves the
   * set-up (seed, resuming the clock) to the primary, which did it before starting the workers.
   */
  worker?: boolean;
  /** Under --workers, this worker's number: the request tail gathers every worker's calls over the cluster's channel. */
  workerNumber?: number;
}

export function createApp(overrides: Partial<Config> = {}, log?: RequestLog, role: AppRole = {}): App {
  const config: Config = { ...DEFAULTS, ...overrides };
  const requestLog = log ?? streamLog(config.log, process.stdout, process.stderr, config.debug);
  const services = [appstream, ec2, rbin, ssm, sts];
  const auth = new Authenticator(config.auth, loadCredentials(config.credentialsFile, config.credentials));
  if (config.auth === "strict" && config.admin === "on" && !config.adminToken) {
    throw new Error("--auth strict needs --admin-token for the admin routes (or --admin off)");
  }
  if (config.auth === "strict" && auth.credentialCount === 0) {
    requestLog.warn("--auth strict without credentials (--credentials FILE or IMAGELITE_CREDENTIALS): every AWS request will be refused");
  }
  const store = openStore(config, role.worker === true);
  // Once when the store becomes unreachable or damaged, once when it is back: never once per call.
  store.onCondition = (c) => {
    if (c.message) requestLog.warn(c.message);
  };
  try {
    const clock = new Clock(config.clock);
    const control = store.shared ? new SharedControl(store, clock) : undefined;
    const faults = control ? new SharedFaults(store, control) : new Faults();
    if (!role.worker) resumeClock(clock, store, config.clock, requestLog);
    if (control) control.refresh();
    else keepClockInStore(clock, store);
    const history = new RequestHistory();
    const app: App = {
      config,
      store,
      clock,
      log: requestLog,
      services,
      faults,
      control,
      auth,
      history,
      tail: openTail(config, store, history, role),
      recordSchemas: new Map([
        ...services.flatMap((d) => d.collections.flatMap((c) => (c.schema ? [[c.type, c.schema] as const] : []))),
        ...Object.entries(EXPIRY_RECORDS),
        [CONTROL_TYPE, CONTROL_SCHEMA],
      ]),
      gateway: undefined as unknown as Gateway,
      close: () => {
        app.tail.close();
        store.close();
      },
    };
    app.gateway = new Gateway({
      services,
      store,
      clock,
      timings: timings(config.transitionSeconds),
      log: requestLog,
      history: app.history,
      faults: app.faults,
      refresh: control && (() => control.refresh()),
      auth,
      admin: adminRouter(app),
      browserHome: config.admin === "on" ? DASHBOARD_HOME : undefined,
      guard: new BrowserGuard({ boundHost: config.host, allowHosts: config.allowHosts, allowOrigins: config.allowOrigins }),
    });
    // What an earlier version wrote becomes today's records, before anything reads them (the primary does it for its workers).
    if (!role.worker) for (const d of services) d.upgradeRecords?.(store);
    const seed = config.seed === undefined ? undefined : readSeed(config.seed);
    serveCatalog(store, { amazon: config.catalog !== "off", extra: seededPublicImages(seed) });
    if (config.seed && !role.worker) seedOnce(app, config.seed, seed);
    return app;
  } catch (e) {
    // A start that fails lets go of the data directory, so that the next one may take it.
    store.close();
    throw e;
  }
}

/** The request tail of every process on a PostgreSQL store; of every worker under --workers; else this process's. */
function openTail(config: Config, store: Store, history: RequestHistory, role: AppRole): RequestTail {
  if (config.store !== undefined) return new PostgresTail(store as PostgresStore, history);
  if (role.workerNumber === undefined) return new MemoryTail(history);
  const tail = new WorkersTail(history, role.workerNumber, (q) => askAllWorkers(q));
  answerQuestions((q) => tail.answer(q as HistoryQuestion));
  return tail;
}

/**
 * A clock moved forward (or frozen) survives a restart: states computed from it would otherwise go back in
 * time. The time resumes where it was; the mode is the one this start asks for. The record is written at
 * once, so that processes that share the store start on one clock.
 */
function resumeClock(clock: Clock, store: Store, mode: Config["clock"], log: RequestLog): void {
  const saved = store.get<ClockState>(CONTROL_TYPE, IMAGELITE_PARTITION, CONTROL_ID);
  const at = saved && (saved.mode === "manual" ? saved.frozenAt : Date.now() + saved.offsetMs);
  const valid = at !== undefined && isClockTime(at);
  if (!valid && saved)
    log.warn(`the saved clock (${JSON.stringify(saved).slice(0, 200)}) is not a time the clock can show; it starts at the current time`);
  // On a shared store the clock saves itself as it changes (clock.transact).
  if (valid || clock.transact) clock.restore(mode, valid ? at : clock.now());
  if (!clock.transact) saveClock(clock, store);
}

const saveClock = (clock: Clock, store: Store) =>
  store.transaction(() => store.put(CONTROL_TYPE, IMAGELITE_PARTITION, CONTROL_ID, clock.snapshot()));

/** A process alone on its store saves the clock on every change. */
function keepClockInStore(clock: Clock, store: Store): void {
  clock.onChange = () => saveClock(clock, store);
}

/** Entries past which a seed's leftovers are collected at once (a smaller seed leaves little). */
const LARGE_SEED = 10_000;

/** Loads the seed file unless the store already holds state (a restart keeps what it has). */
function seedOnce(app: App, path: string, doc: unknown): void {
  if (app.store.holdsRecords("imagelite.")) {
    app.log.info(`seed ${path} not loaded: the store already holds state`);
    return;
  }
  const made = applySeed(app, doc);
  app.log.info(`seed ${path}: ${made} entries loaded`);
  if (made >= LARGE_SEED) collectGarbage();
}
