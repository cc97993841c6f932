// Assembles imagelite from its parts: store, clock, services, admin routes and the gateway.
import { DEFAULTS, timings, type Config } from "./config";
import { Clock, isClockTime, type ClockState } from "./state/clock";
import type { Store } from "./state/store";
import { MemoryStore } from "./state/memory-store";
import { Gateway } from "./gateway/gateway";
import { streamLog, type RequestLog } from "./gateway/request-log";
import { RequestHistory } from "./gateway/request-history";
import { appstream } from "./services/appstream";
import { sts } from "./services/sts";
import { ec2 } from "./services/ec2";
import { ssm } from "./services/ssm";
import { adminRouter } from "./admin/router";
import { DASHBOARD_HOME } from "./admin/static-ui";
import type { ServiceDefinition } from "./gateway/service";
import { Faults } from "./faults/faults";
import { applySeed, readSeed } from "./seed/seed";
import { Authenticator } from "./auth/authenticator";
import { loadCredentials } from "./auth/credentials";
import type { RecordSchema } from "./state/record-schema";
import { EXPIRY_RECORDS } from "./state/expiry";
import { serveCatalog } from "./services/ec2/catalog";
import { seededPublicImages } from "./services/ec2/seeded-catalog";

export { VERSION } from "./version";

export interface App {
  config: Config;
  store: Store;
  clock: Clock;
  gateway: Gateway;
  log: RequestLog;
  services: ServiceDefinition[];
  faults: Faults;
  auth: Authenticator;
  /** The last requests, for the dashboard. */
  history: RequestHistory;
  /** Every record type the store may hold, with its schema (services' and imagelite's own). */
  recordSchemas: Map<string, RecordSchema>;
  close(): void;
}

function openStore(config: Config): Store {
  if (config.inMemory) return new MemoryStore();
  // Loaded lazily so that an in-memory server never opens the native module.
  const { SqliteStore } = require("./state/sqlite-store") as typeof import("./state/sqlite-store");
  return new SqliteStore(config.dataDir, config.durability);
}

export function createApp(overrides: Partial<Config> = {}, log?: RequestLog): App {
  const config: Config = { ...DEFAULTS, ...overrides };
  const requestLog = log ?? streamLog(config.log, process.stdout, process.stderr, config.debug);
  const services = [appstream, ec2, ssm, sts];
  const auth = new Authenticator(config.auth, loadCredentials(config.credentialsFile, config.credentials));
  if (config.auth === "strict" && config.admin === "on" && !config.adminToken) {
    throw new Error("--auth strict needs --admin-token for the admin routes (or --admin off)");
  }
  if (config.auth === "strict" && auth.credentialCount === 0) {
    requestLog.warn("--auth strict without credentials (--credentials FILE or IMAGELITE_CREDENTIALS): every AWS request will be refused");
  }
  const store = openStore(config);
  try {
    const clock = new Clock(config.clock);
    keepClockInStore(clock, store, config.clock, requestLog);
    const app: App = {
      config,
      store,
      clock,
      log: requestLog,
      services,
      faults: new Faults(),
      auth,
      history: new RequestHistory(),
      recordSchemas: new Map([
        ...services.flatMap((d) => Object.entries(d.records)),
        ...Object.entries(EXPIRY_RECORDS),
        [CLOCK_RECORD.type, CLOCK_SCHEMA],
      ]),
      gateway: undefined as unknown as Gateway,
      close: () => store.close(),
    };
    app.gateway = new Gateway({
      services,
      store,
      clock,
      timings: timings(config.transitionSeconds),
      log: requestLog,
      history: app.history,
      faults: app.faults,
      auth,
      admin: adminRouter(app),
      browserHome: config.admin === "on" ? DASHBOARD_HOME : undefined,
    });
    const seed = config.seed === undefined ? undefined : readSeed(config.seed);
    serveCatalog(store, { amazon: config.catalog !== "off", extra: seededPublicImages(seed) });
    if (config.seed) seedOnce(app, config.seed, seed);
    return app;
  } catch (e) {
    // A start that fails lets go of the data directory, so that the next one may take it.
    store.close();
    throw e;
  }
}

const CLOCK_RECORD = { type: "imagelite.clock", partition: { account: "imagelite", region: "global" }, id: "clock" };
const CLOCK_SCHEMA: RecordSchema = { mode: "string", offsetMs: "number", frozenAt: "number?" };

/**
 * A clock moved forward (or frozen) survives a restart: states computed from it would otherwise go back in
 * time. The time resumes where it was; the mode is the one this start asks for.
 */
function keepClockInStore(clock: Clock, store: Store, mode: Config["clock"], log: RequestLog): void {
  const saved = store.get<ClockState>(CLOCK_RECORD.type, CLOCK_RECORD.partition, CLOCK_RECORD.id);
  const at = saved && (saved.mode === "manual" ? saved.frozenAt : Date.now() + saved.offsetMs);
  if (at !== undefined && isClockTime(at)) clock.restore(mode, at);
  else if (saved)
    log.warn(`the saved clock (${JSON.stringify(saved).slice(0, 200)}) is not a time the clock can show; it starts at the current time`);
  clock.onChange = () => store.transaction(() => store.put(CLOCK_RECORD.type, CLOCK_RECORD.partition, CLOCK_RECORD.id, clock.snapshot()));
}

/** Loads the seed file unless the store already holds state (a restart keeps what it has). */
function seedOnce(app: App, path: string, doc: unknown): void {
  if (app.store.holdsRecords("imagelite.")) {
    app.log.info(`seed ${path} not loaded: the store already holds state`);
    return;
  }
  const made = applySeed(app, doc);
  app.log.info(`seed ${path}: ${made} entries loaded`);
}
