#!/usr/bin/env node
// imagelite [flags]: flags, then IMAGELITE_* variables, then defaults.
import { parseArgs } from "node:util";
import { DEFAULTS, type Config } from "./config";
import { createApp } from "./app";
import { VERSION } from "./version";
import { createHttpServer, type Handler } from "./http-server";
import { createWorkerApp, followPrimary, runPrimary, workerHandler, workerNumber } from "./cluster";
import { isPostgresUrl, postgresTarget } from "../state/postgres-url";
import { isHostName, normalOrigin } from "../gateway/browser-guard";
import { hostname } from "node:os";
import { isIP } from "node:net";

const HELP = `imagelite ${VERSION}: a local emulator of the AWS image services (EC2 images, AppStream 2.0)

Usage: imagelite [flags]        (npm start -- [flags])

  --host HOST               address to listen on (default ${DEFAULTS.host})          IMAGELITE_HOST
  --port PORT               port to listen on (default ${DEFAULTS.port})                  IMAGELITE_PORT
  --data-dir DIR            where the embedded SQLite store lives (default ${DEFAULTS.dataDir})  IMAGELITE_DATA_DIR
  --in-memory               keep everything in memory; nothing survives a restart  IMAGELITE_IN_MEMORY=1
  --store URL               sqlite (default: the embedded store in --data-dir) or  IMAGELITE_STORE
                            postgres://user[:password]@host:port/db[?schema=imagelite&timeout=10000]:
                            a PostgreSQL database that several imagelite processes can share
  --durability normal|full  normal (default): a crash of imagelite loses nothing; full: neither does  IMAGELITE_DURABILITY
                            an operating-system crash or power loss (each write waits for the disk)
  --workers N               worker processes sharing the port and the store (default 1: one process);  IMAGELITE_WORKERS
                            on SQLite reads run in parallel and writes one at a time, on PostgreSQL both
  --transition-seconds S    how long each intermediate lifecycle state lasts       IMAGELITE_TRANSITION_SECONDS
                            (default ${DEFAULTS.transitionSeconds}; 0 completes every transition by the next read)
  --clock real|manual       start the lifecycle clock running or frozen (default real)  IMAGELITE_CLOCK
  --seed FILE               load a scenario (JSON or YAML) into an empty store at start  IMAGELITE_SEED
  --admin on|off            off disables every /_imagelite/ route but health (default on)  IMAGELITE_ADMIN
  --catalog on|off          off: no Amazon EC2 AMIs (Windows, Amazon Linux) are public (default on)  IMAGELITE_CATALOG
  --auth off|scope|strict   off: every caller is the default account; scope (default): the credential
                            scope names account and region; strict: SigV4 signatures are verified      IMAGELITE_AUTH
  --credentials FILE        known credentials and their policies (JSON or YAML)    IMAGELITE_CREDENTIALS_FILE
                            (IMAGELITE_CREDENTIALS="<key>:<secret>[:<account>]" adds one pair)
  --admin-token TOKEN       bearer token the admin routes need under --auth strict  IMAGELITE_ADMIN_TOKEN
  --allow-host NAME         also answer requests whose Host is NAME (repeatable or comma-separated; "*": any);  IMAGELITE_ALLOW_HOST
                            IP addresses, localhost, the --host name and this machine's name always are
  --allow-origin ORIGIN     let web pages of ORIGIN (http://host:port) call imagelite, with CORS  IMAGELITE_ALLOW_ORIGIN
                            (repeatable or comma-separated); pages of any other origin are refused
  --quiet                   no request log                                        IMAGELITE_QUIET=1
  --debug                   also log at debug level (a describe filter that cannot use an index)  IMAGELITE_DEBUG=1
  --help                    this text
  --version                 the version
`;

function fail(message: string): never {
  process.stderr.write(`imagelite: ${message}\n\n${HELP}`);
  process.exit(2);
}

const truthy = (v: string | undefined) => v !== undefined && v !== "" && v !== "0" && v.toLowerCase() !== "false";

function number(name: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n) || n < min || n > max) fail(`${name} must be a number from ${min} to ${max}, not "${v}"`);
  return n;
}

export function configFrom(argv: string[], env: NodeJS.ProcessEnv): Config {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        host: { type: "string" },
        port: { type: "string" },
        "data-dir": { type: "string" },
        "in-memory": { type: "boolean" },
        store: { type: "string" },
        durability: { type: "string" },
        workers: { type: "string" },
        "transition-seconds": { type: "string" },
        clock: { type: "string" },
        quiet: { type: "boolean" },
        debug: { type: "boolean" },
        seed: { type: "string" },
        admin: { type: "string" },
        catalog: { type: "string" },
        auth: { type: "string" },
        credentials: { type: "string" },
        "admin-token": { type: "string" },
        "allow-host": { type: "string", multiple: true },
        "allow-origin": { type: "string", multiple: true },
        help: { type: "boolean" },
        version: { type: "boolean" },
      },
      strict: true,
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  if (parsed.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  if (parsed.version) {
    process.stdout.write(`${VERSION}\n`);
    process.exit(0);
  }
  const port = parsed.port ?? env.IMAGELITE_PORT;
  const transition = parsed["transition-seconds"] ?? env.IMAGELITE_TRANSITION_SECONDS;
  const clock = parsed.clock ?? env.IMAGELITE_CLOCK ?? DEFAULTS.clock;
  if (clock !== "real" && clock !== "manual") fail(`--clock must be real or manual, not "${clock}"`);
  const auth = parsed.auth ?? env.IMAGELITE_AUTH ?? DEFAULTS.auth;
  if (auth !== "off" && auth !== "scope" && auth !== "strict") fail(`--auth must be off, scope or strict, not "${auth}"`);
  const durability = parsed.durability ?? env.IMAGELITE_DURABILITY ?? DEFAULTS.durability;
  if (durability !== "normal" && durability !== "full") fail(`--durability must be normal or full, not "${durability}"`);
  const admin = parsed.admin ?? env.IMAGELITE_ADMIN ?? DEFAULTS.admin;
  if (admin !== "on" && admin !== "off") fail(`--admin must be on or off, not "${admin}"`);
  const workers = parsed.workers ?? env.IMAGELITE_WORKERS;
  const inMemory = parsed["in-memory"] ?? truthy(env.IMAGELITE_IN_MEMORY);
  const workerCount = workers !== undefined ? number("--workers", workers, 1, 64) : DEFAULTS.workers;
  if (!Number.isInteger(workerCount)) fail(`--workers must be a whole number, not "${workers}"`);
  if (workerCount > 1 && inMemory)
    fail("--workers needs the SQLite store or a PostgreSQL one: processes cannot share what one keeps in memory");
  const catalog = parsed.catalog ?? env.IMAGELITE_CATALOG ?? DEFAULTS.catalog;
  if (catalog !== "on" && catalog !== "off") fail(`--catalog must be on or off, not "${catalog}"`);
  const store = parsed.store ?? env.IMAGELITE_STORE ?? "sqlite";
  if (store !== "sqlite" && !isPostgresUrl(store))
    fail(`--store must be sqlite or a postgres:// URL, not "${store.replace(/:[^:@/]*@/, ":***@")}"`);
  if (inMemory && store !== "sqlite") fail("--in-memory and a PostgreSQL --store exclude each other");
  const allowHosts = list(parsed["allow-host"], env.IMAGELITE_ALLOW_HOST);
  for (const h of allowHosts) if (!isHostName(h)) fail(`--allow-host must be a host name (no port, no scheme) or *, not "${h}"`);
  const allowOrigins = list(parsed["allow-origin"], env.IMAGELITE_ALLOW_ORIGIN).map(
    (o) => normalOrigin(o) ?? fail(`--allow-origin must be an origin such as http://localhost:3000 (scheme, host, port), not "${o}"`),
  );
  return {
    store: store === "sqlite" ? undefined : store,
    host: parsed.host ?? env.IMAGELITE_HOST ?? DEFAULTS.host,
    port: port !== undefined ? number("--port", port, 0, 65535) : DEFAULTS.port,
    dataDir: parsed["data-dir"] ?? env.IMAGELITE_DATA_DIR ?? DEFAULTS.dataDir,
    inMemory,
    durability,
    workers: workerCount,
    transitionSeconds: transition !== undefined ? number("--transition-seconds", transition, 0, 86400) : DEFAULTS.transitionSeconds,
    clock,
    log: !(parsed.quiet ?? truthy(env.IMAGELITE_QUIET)),
    debug: parsed.debug ?? truthy(env.IMAGELITE_DEBUG),
    admin,
    catalog,
    seed: parsed.seed ?? env.IMAGELITE_SEED,
    auth,
    credentialsFile: parsed.credentials ?? env.IMAGELITE_CREDENTIALS_FILE,
    credentials: env.IMAGELITE_CREDENTIALS,
    adminToken: parsed["admin-token"] ?? env.IMAGELITE_ADMIN_TOKEN,
    allowHosts,
    allowOrigins,
  };
}

/** A repeatable flag's values, or the variable's, each possibly a comma-separated list. */
const list = (flag: string[] | undefined, variable: string | undefined): string[] =>
  (flag ?? (variable === undefined ? [] : [variable]))
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");

const isLoopback = (host: string) => host === "localhost" || host === "::1" || /^127\./.test(host);

export function main(): void {
  const config = configFrom(process.argv.slice(2), process.env);
  const worker = workerNumber();
  if (worker === undefined) warnAboutAddress(config);
  if (worker === undefined && config.workers > 1) {
    runPrimary(config, (port) => announce({ ...config, port }, ` in ${config.workers} workers`), die);
    return;
  }
  let app;
  try {
    app = worker === undefined ? createApp(config) : createWorkerApp(config, worker);
  } catch (e) {
    die((e as Error).message);
  }
  const handler: Handler = worker === undefined ? app.gateway : workerHandler(app, worker);
  const server = createHttpServer(handler, (e) => app.log.failure("http", e));
  server.on("error", (e: NodeJS.ErrnoException) => die(`cannot listen on ${config.host}:${config.port}: ${e.code ?? e.message}`));
  server.listen(config.port, config.host, () => {
    // The port bound, also when the system chose it (--port 0).
    const address = server.address();
    if (worker === undefined) announce({ ...config, port: typeof address === "object" && address ? address.port : config.port }, "");
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    app.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  followPrimary(stop);
}

/** Listening on an address others reach: who may act, and by which names clients may call it (gateway/browser-guard.ts). */
function warnAboutAddress(config: Config): void {
  if (isLoopback(config.host)) return;
  if (config.auth !== "strict") {
    process.stderr.write(
      `imagelite: warning: listening on ${config.host} without --auth strict: anyone who can reach it can act as any account\n`,
    );
  }
  if (config.allowHosts.includes("*")) return;
  const names = [...new Set([config.host, hostname(), ...config.allowHosts])].filter((n) => n && isIP(n) === 0);
  process.stderr.write(
    `imagelite: clients must address it by IP address, localhost or ${names.join(", ")}; for another name ` +
      `(a docker compose service name) start it with --allow-host NAME (IMAGELITE_ALLOW_HOST=NAME)\n`,
  );
}

function die(message: string): never {
  process.stderr.write(`imagelite: ${message}\n`);
  process.exit(1);
}

function announce(config: Config, processes: string): void {
  const store =
    config.store !== undefined
      ? `PostgreSQL ${postgresTarget(config.store).display}`
      : config.inMemory
        ? "in memory"
        : `SQLite in ${config.dataDir}`;
  process.stdout.write(
    `imagelite ${VERSION} listening on http://${config.host}:${config.port} (store: ${store}, ` +
      `transitions: ${config.transitionSeconds}s, clock: ${config.clock})${processes} in ${Math.round(process.uptime() * 1000)} ms\n`,
  );
}

if (require.main === module) main();
