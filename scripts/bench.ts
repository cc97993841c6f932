// npm run bench: calls per second and latency over HTTP, side by side with a bare node:http server answering
// a fixed body of the same size, each server in its own process and driven by wrk (bench-load.ts); durable
// writes on SQLite; start-up time and idle memory; and the server time of the same calls in process (no
// sockets, in a child process that loads the build's compiled API). Numbers are printed, never asserted: tests
// do not time anything. BENCH_SECONDS sets the length of each run (default 3; 1 when two builds are compared
// or with --quick), BENCH_ROUNDS the number of rounds (default 3; 6 when two builds are compared). With a
// baseline build (bench-builds.ts), each measurement of one build is followed by the same of the other, and
// the CPU time each used is shown beside the time it took: other load on the machine moves it much less.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import {
  BUILDS,
  COMPARING,
  Collector,
  apiOf,
  callAws,
  fmt,
  interleave,
  median,
  pick,
  printComparison,
  type Build,
  type RawRequest,
} from "./bench-builds";
import {
  BARE_SERVER,
  HAS_WRK,
  callOnce,
  freePort,
  load,
  rssMb,
  startProcess,
  type HttpCall,
  type LoadResult,
  type ServerProcess,
} from "./bench-load";

// Two builds are compared over more, shorter rounds: each round's pair of runs is closer in time.
const SECONDS = Number(process.env.BENCH_SECONDS ?? pick(3, 1, 1));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? pick(3, 6, 3));
const CONNECTIONS = 8;
const AMIS = 1000;
/** Starts of each server for the start-up time; the idle memory is taken on the first (first two when compared). */
const STARTS = pick(5, 5, 3);
const RSS_STARTS = pick(1, 2, 1);
/** Processes of the in-process measurements, and the calls of each build in each (of a write, a quarter of that). */
const IN_PROCESS_ROUNDS = pick(1, 2, 1);
const IN_PROCESS_CALLS = pick(20000, 10000, 4000);
const APPSTREAM_IMAGE = "AppStream-WinServer2022-11-10-2025";
const auth = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=111111111111/20261123/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;

const ec2Call = (params: Record<string, string>): HttpCall => ({
  headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", authorization: auth("ec2") },
  body: new URLSearchParams({ Version: "2016-11-15", ...params }).toString(),
});
const appstreamCall = (operation: string, input: unknown): HttpCall => ({
  headers: {
    "content-type": "application/x-amz-json-1.1",
    "x-amz-target": `PhotonAdminProxyService.${operation}`,
    authorization: auth("appstream"),
  },
  body: JSON.stringify(input),
});

/** The AMIs' root snapshot, made first (RegisterImage refuses an EBS root without one): a copy of one of Amazon's 8 GiB snapshots. */
const amazonSnapshots = ec2Call({
  Action: "DescribeSnapshots",
  "Owner.1": "amazon",
  "Filter.1.Name": "volume-size",
  "Filter.1.Value.1": "8",
  MaxResults: "5",
});
const copySnapshot = (body: string) =>
  ec2Call({ Action: "CopySnapshot", SourceRegion: "us-east-1", SourceSnapshotId: /<snapshotId>([^<]+)</.exec(body)![1] });
const snapshotOf = (body: string) => /<snapshotId>([^<]+)</.exec(body)![1];
const registerImage = (i: number, snapshot: string) =>
  ec2Call({
    Action: "RegisterImage",
    Name: `bench-ami-${String(i).padStart(5, "0")}`,
    Architecture: "x86_64",
    RootDeviceName: "/dev/xvda",
    VirtualizationType: "hvm",
    "BlockDeviceMapping.1.DeviceName": "/dev/xvda",
    "BlockDeviceMapping.1.Ebs.SnapshotId": snapshot,
    "BlockDeviceMapping.1.Ebs.VolumeSize": "8",
  });
const describeImageById = (id: string) => ec2Call({ Action: "DescribeImages", "ImageId.1": id });
const describeAppStreamImage = appstreamCall("DescribeImages", { Names: [APPSTREAM_IMAGE] });
/** The benchmark appends a number to the body, so that each call sets a new value. */
const createTags = (id: string): HttpCall => ec2Call({ Action: "CreateTags", "ResourceId.1": id, "Tag.1.Key": "build", "Tag.1.Value": "" });

function machine(): string {
  const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpus()[0]?.model ?? "unknown CPU";
  const client = HAS_WRK ? `${spawnSync("wrk", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0].split(" [")[0]}` : "Node client";
  return `${model}, ${cpus().length} cores, Node ${process.version}, client: ${client}`;
}

/** Registers AMIS AMIs through the API, 8 at a time; returns the id of the middle one. */
async function populate(port: number): Promise<string> {
  const ids: string[] = [];
  const snapshot = snapshotOf((await callOnce(port, copySnapshot((await callOnce(port, amazonSnapshots)).body))).body);
  for (let i = 0; i < AMIS; i += 8) {
    const answers = await Promise.all(
      Array.from({ length: Math.min(8, AMIS - i) }, (_, j) => callOnce(port, registerImage(i + j, snapshot))),
    );
    for (const a of answers) {
      const id = /<imageId>([^<]+)<\/imageId>/.exec(a.body)?.[1];
      if (a.status !== 200 || !id) throw new Error(`RegisterImage: ${a.status} ${a.body}`);
      ids.push(id);
    }
  }
  return ids[AMIS >> 1];
}

/** Checks a call answers 200 before it is measured; returns the body. */
async function expectOk(port: number, call: HttpCall, what: string): Promise<string> {
  const r = await callOnce(port, call);
  if (r.status !== 200) throw new Error(`${what}: ${r.status} ${r.body}`);
  return r.body;
}

interface Row {
  label: string;
  /** The imagelite build this row measures; none for the bare server. */
  build?: Build;
  call: HttpCall;
  target: { port: number; pid?: number };
  threads?: number;
  counter?: boolean;
  unit?: string;
  /** The bare server's row this one is compared with, round by round. */
  bare?: Row;
  results: LoadResult[];
}

/** Each round's calls/s as a share of the bare server's run of the same round: a change in the machine's load between rounds moves both. */
const shareOfBare = (r: Row) => r.results.map((x, i) => (100 * x.callsPerSecond) / r.bare!.results[i].callsPerSecond);
const serverMicros = (x: LoadResult) => (x.serverCpu === undefined ? undefined : (1e6 * x.serverCpu) / x.callsPerSecond);

function printTable(rows: Row[]): void {
  const head = ["", "calls/s", "p50 ms", "p99 ms", "% bare", "client CPU", "server CPU", "server µs/call"];
  const of = (r: Row, f: (x: LoadResult) => number | undefined) => {
    const xs = r.results.map(f).filter((x): x is number => x !== undefined);
    return xs.length ? median(xs) : undefined;
  };
  const cell = (n: number | undefined, digits: number) => (n === undefined ? "" : fmt(n, digits));
  const lines = rows.map((r) => [
    r.label,
    `${fmt(of(r, (x) => x.callsPerSecond)!)}${r.unit ? ` ${r.unit}` : ""}`,
    cell(
      of(r, (x) => x.p50Ms),
      2,
    ),
    cell(
      of(r, (x) => x.p99Ms),
      2,
    ),
    r.bare ? `${fmt(median(shareOfBare(r)))} %` : "",
    cell(
      of(r, (x) => x.clientCpu),
      2,
    ),
    cell(
      of(r, (x) => x.serverCpu),
      2,
    ),
    cell(of(r, serverMicros), 1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(row(head));
  for (const l of lines) console.log(row(l));
}

/** Each measured row's figures for both builds, one value a round, under the row's label. */
function printCompared(rows: Row[]): void {
  const table = new Collector();
  for (const r of rows) {
    if (!r.build) continue;
    if (r.build === BUILDS[0]) table.heading(r.label);
    const add = (label: string, f: (x: LoadResult) => number | undefined, better: "higher" | "lower", digits = 0) => {
      for (const x of r.results) table.add(r.build!, `  ${label}`, f(x), { better, digits, key: `${r.label}: ${label}` });
    };
    // No share of the bare server's calls/s: both builds' runs of a round are set against the same bare run,
    // so that it would change as calls/s does.
    add(r.unit ?? "calls/s", (x) => x.callsPerSecond, "higher");
    add("p50 ms", (x) => x.p50Ms, "lower", 2);
    add("p99 ms", (x) => x.p99Ms, "lower", 2);
    add("server CPU µs/call", serverMicros, "lower", 1);
  }
  printComparison(
    `HTTP, ${CONNECTIONS} connections, ${ROUNDS} round${ROUNDS === 1 ? "" : "s"} of ${SECONDS} s each, builds alternating, unsigned scope auth, request log off`,
    table.rows,
  );
  const bare = rows.filter((r) => !r.build);
  console.log(
    `bare node:http in the same rounds (the machine's pace): ${bare.map((r) => `${r.label.replace("bare node:http, ", "")} ${fmt(median(r.results.map((x) => x.callsPerSecond)))} calls/s`).join("; ")}`,
  );
}

interface Measured {
  build: Build;
  store: string;
  server: ServerProcess;
  ami: string;
}

async function httpRows(): Promise<void> {
  const dataDirs: string[] = [];
  const stores: [string, () => string[]][] = [
    ["memory", () => ["--in-memory"]],
    ["SQLite", () => ["--data-dir", dataDirs[dataDirs.push(mkdtempSync(join(tmpdir(), "imagelite-bench-"))) - 1]]],
  ];
  const bodies = { xml: "", json: "" };
  const servers: ServerProcess[] = [];
  const rows: Row[] = [];
  try {
    const measured: Measured[] = [];
    for (const [store, args] of stores) {
      for (const build of BUILDS) {
        const port = await freePort();
        const server = await startProcess([build.cli, ...args(), "--port", String(port), "--quiet"], port);
        servers.push(server);
        const ami = await populate(port);
        bodies.xml ||= await expectOk(port, describeImageById(ami), "DescribeImages");
        bodies.json ||= await expectOk(port, describeAppStreamImage, "AppStream DescribeImages");
        await expectOk(port, createTags(ami), "CreateTags");
        measured.push({ build, store, server, ami });
      }
    }
    // The bare server answers bodies of the very sizes imagelite's answers have.
    const barePort = await freePort();
    const bare = await startProcess(["-e", BARE_SERVER, String(barePort)], barePort, {
      ...process.env,
      BENCH_BODIES: JSON.stringify(bodies),
    });
    servers.push(bare);
    const bareTarget = { port: barePort, pid: bare.child.pid };
    const byId = describeImageById(measured[0].ami);
    const bareXml: Row = { label: `bare node:http, EC2 XML body (${bodies.xml.length} B)`, call: byId, target: bareTarget, results: [] };
    const bareJson: Row = {
      label: `bare node:http, AppStream JSON body (${bodies.json.length} B)`,
      call: describeAppStreamImage,
      target: bareTarget,
      results: [],
    };
    // The client is not the limit if one wrk thread gets (about) as far as two.
    const bareOneThread: Row = { ...bareXml, label: `${bareXml.label}, 1 client thread`, threads: 1, results: [] };
    rows.push(...(COMPARING ? [] : [bareOneThread]), bareXml, bareJson);
    // The rows of one call on one store, a build after the other.
    for (const store of stores.map(([s]) => s)) {
      const here = measured.filter((m) => m.store === store);
      const each = (f: (m: Measured, target: Row["target"]) => Omit<Row, "build" | "target" | "results">) => {
        for (const m of here)
          rows.push({
            ...f(m, { port: m.server.port }),
            build: m.build,
            target: { port: m.server.port, pid: m.server.child.pid },
            results: [],
          });
      };
      const suffix = (m: Measured) => (COMPARING ? ` [${m.build.name}]` : "");
      each((m) => ({
        label: `${store}: EC2 DescribeImages by id (${AMIS} AMIs)${suffix(m)}`,
        call: describeImageById(m.ami),
        bare: bareXml,
      }));
      each((m) => ({ label: `${store}: AppStream DescribeImages by name${suffix(m)}`, call: describeAppStreamImage, bare: bareJson }));
      if (store === "SQLite")
        each((m) => ({
          label: `${store}: EC2 CreateTags (one transaction each)${suffix(m)}`,
          call: createTags(m.ami),
          counter: true,
          unit: "mutations/s",
        }));
    }
    // Rounds of every row in turn: a bare server's run and the runs compared with it are seconds apart, and so
    // are the two builds' runs of one call.
    for (let round = 0; round < ROUNDS; round++) {
      for (const r of rows) {
        r.results.push(
          load(r.target, r.call, {
            seconds: SECONDS,
            connections: CONNECTIONS,
            threads: r.threads,
            counter: r.counter,
            warmUp: round === 0,
          }),
        );
      }
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }
  if (COMPARING) {
    for (const r of rows) r.label = r.label.replace(/ \[(baseline|current)\]$/, "");
    printCompared(rows);
  } else {
    console.log(
      `\nHTTP, ${CONNECTIONS} connections, ${ROUNDS} round${ROUNDS === 1 ? "" : "s"} of ${SECONDS} s each (medians), unsigned scope auth, request log off`,
    );
    console.log("(client and server CPU: seconds of CPU per second, of the 2 the machine has; server µs/call: its CPU time per call)");
    printTable(rows);
  }
  for (const r of rows) {
    const failures = r.results.reduce((n, x) => n + x.failures, 0);
    if (failures) console.log(`  ${r.label}${r.build && COMPARING ? ` (${r.build.name})` : ""}: ${fmt(failures)} failed calls`);
  }
  const clientCpu = Math.max(...rows.flatMap((r) => r.results.map((x) => x.clientCpu ?? 0)));
  if (COMPARING) console.log(`the client used at most ${fmt(clientCpu, 2)} CPU of ${cpus().length} in any run`);
  else {
    const one = median(rows[0].results.map((x) => x.callsPerSecond));
    const two = median(rows[1].results.map((x) => x.callsPerSecond));
    console.log(
      `client check: the bare server with 1 client thread does ${fmt((100 * one) / two)} % of what it does with 2; ` +
        `the client used at most ${fmt(clientCpu, 2)} CPU of 2 in any run`,
    );
  }
}

async function startup(): Promise<void> {
  const table = new Collector();
  for (const [store, args] of [
    ["memory", ["--in-memory"]],
    ["SQLite", []],
  ] as const) {
    const times = new Map<Build, number[]>(BUILDS.map((b) => [b, []]));
    const reported = new Map<Build, number[]>(BUILDS.map((b) => [b, []]));
    const cpu = new Map<Build, number[]>(BUILDS.map((b) => [b, []]));
    const rss = new Map<Build, number[]>(BUILDS.map((b) => [b, []]));
    for (let i = 0; i < STARTS; i++) {
      for (const build of BUILDS) {
        const dataDir = mkdtempSync(join(tmpdir(), "imagelite-bench-start-"));
        const port = await freePort();
        const server = await startProcess([build.cli, ...args, "--data-dir", dataDir, "--port", String(port), "--quiet"], port);
        times.get(build)!.push(server.startMs);
        if (server.reportedMs !== undefined) reported.get(build)!.push(server.reportedMs);
        if (server.startCpuMs !== undefined) cpu.get(build)!.push(server.startCpuMs);
        if (i < RSS_STARTS) {
          await new Promise((r) => setTimeout(r, 500));
          const mb = rssMb(server.child.pid!);
          if (mb !== undefined) rss.get(build)!.push(mb);
        }
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    if (!COMPARING) {
      const [build] = BUILDS;
      const r = reported.get(build)!;
      const m = rss.get(build)!;
      console.log(
        `start-up to listening, empty ${store} store: ${fmt(median(times.get(build)!))} ms from spawn` +
          `${r.length ? `, ${fmt(median(r))} ms as the server reports it` : ""} (medians of ${STARTS}); idle RSS ${m.length ? fmt(m[0], 1) : "?"} MB`,
      );
      continue;
    }
    table.heading(`empty ${store} store`);
    for (const build of BUILDS) {
      const add = (label: string, xs: number[], digits = 0) => {
        for (const x of xs) table.add(build, `  ${label}`, x, { better: "lower", digits, key: `${store}: ${label}` });
      };
      add("ms from spawn to listening", times.get(build)!);
      add("ms as the server reports it", reported.get(build)!);
      add("CPU ms until listening (all threads)", cpu.get(build)!);
      add("idle RSS, MB", rss.get(build)!, 1);
    }
  }
  if (COMPARING)
    printComparison(
      `start-up to listening (${STARTS} starts of each, builds alternating; idle RSS after ${RSS_STARTS} of them)`,
      table.rows,
    );
}

// ---- server time in process: the gateway alone, without sockets ----

function rawRequest(call: HttpCall): RawRequest {
  return { method: "POST", path: "/", query: new URLSearchParams(), headers: { ...call.headers }, body: Buffer.from(call.body) };
}

interface PerCall {
  /** µs a call, of the time it took. */
  wall: number;
  /** µs of CPU a call (of the process: its helper threads' work, such as the collector's, included). */
  cpu: number;
}

/**
 * The median of ten batches of n/10 calls of each build's `fn`, after a thousand unmeasured: one slow batch
 * (another process's turn) moves it little. The builds' batches alternate.
 */
function timeCalls(builds: number, n: number, fn: (build: number, i: number) => unknown): PerCall[] {
  for (let k = 0; k < builds; k++) for (let i = 0; i < Math.min(1000, n); i++) fn(k, i);
  const per = Math.ceil(n / 10);
  return interleave(builds, { count: 10, per }, fn).map((s) => ({ wall: 1000 * median(s.wall), cpu: 1000 * median(s.cpu) }));
}

/** In a child process: µs per call of each call on each build at `roots`, all loaded here, printed as one JSON line. */
function inProcess(store: string, roots: string[]): void {
  const dataDirs = roots.map(() => mkdtempSync(join(tmpdir(), "imagelite-bench-")));
  const apps = roots.map((root, k) =>
    apiOf(root).createApp({ inMemory: store === "memory", dataDir: dataDirs[k], log: false, transitionSeconds: 0 }),
  );
  try {
    const ok = (r: { status: number; body: string }) => {
      if (r.status !== 200) throw new Error(r.body);
      return r.body;
    };
    const amis = apps.map((app) => {
      let ami = "";
      const snapshot = snapshotOf(ok(callAws(app, rawRequest(copySnapshot(ok(callAws(app, rawRequest(amazonSnapshots))))))));
      for (let i = 0; i < AMIS; i++) {
        const id = /<imageId>([^<]+)</.exec(ok(callAws(app, rawRequest(registerImage(i, snapshot)))))![1];
        if (i === AMIS >> 1) ami = id;
      }
      return ami;
    });
    const micros: Record<string, PerCall>[] = apps.map(() => ({}));
    const time = (label: string, n: number, fn: (k: number, i: number) => unknown) => {
      timeCalls(apps.length, n, fn).forEach((x, k) => (micros[k][label] = x));
    };
    const byId = amis.map((ami) => rawRequest(describeImageById(ami)));
    time("EC2 DescribeImages by id", IN_PROCESS_CALLS, (k) => ok(callAws(apps[k], byId[k])));
    const byName = rawRequest(describeAppStreamImage);
    time("AppStream DescribeImages by name", IN_PROCESS_CALLS, (k) => ok(callAws(apps[k], byName)));
    const tags = amis.map((ami) => createTags(ami));
    time("EC2 CreateTags (a write)", IN_PROCESS_CALLS / 4, (k, i) =>
      ok(callAws(apps[k], rawRequest({ ...tags[k], body: `${tags[k].body}${i}` }))),
    );
    const invalid = rawRequest(appstreamCall("CreateFleet", { Name: "-bad" }));
    time("AppStream CreateFleet validation error", IN_PROCESS_CALLS, (k) => callAws(apps[k], invalid));
    process.stdout.write(`${JSON.stringify(micros)}\n`);
  } finally {
    for (const app of apps) app.close();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }
}

function serverTime(): void {
  const table = new Collector();
  for (const store of ["memory", "SQLite"]) {
    const rounds: Record<string, PerCall>[][] = [];
    for (let round = 0; round < IN_PROCESS_ROUNDS; round++) {
      const r = spawnSync(process.execPath, [__filename, "--in-process", store, ...BUILDS.map((b) => b.root)], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`in process, ${store}: ${r.stderr}`);
      rounds.push(JSON.parse(r.stdout.trim().split("\n").pop()!) as Record<string, PerCall>[]);
    }
    if (!COMPARING) {
      console.log(`\nserver time per call, in process (${store} store, ${AMIS} AMIs)`);
      for (const [label, { wall: micros }] of Object.entries(rounds[0][0]))
        console.log(`  ${label.padEnd(50)} ${micros.toFixed(1).padStart(7)} µs/call  ${fmt(1e6 / micros).padStart(9)} calls/s`);
      continue;
    }
    table.heading(`${store} store, ${AMIS} AMIs, µs a call`);
    for (const [k, build] of BUILDS.entries())
      for (const micros of rounds.map((r) => r[k]))
        for (const [label, x] of Object.entries(micros)) {
          table.add(build, `  ${label}: CPU`, x.cpu, { better: "lower", digits: 1, key: `${store}: ${label}: cpu` });
          table.add(build, `  ${label}: time`, x.wall, { better: "lower", digits: 1, key: `${store}: ${label}: wall` });
        }
  }
  if (COMPARING)
    printComparison(
      `server time per call, in process (both builds loaded in one process, their batches of calls alternating; ` +
        `${IN_PROCESS_ROUNDS} process${IN_PROCESS_ROUNDS === 1 ? "" : "es"} a store)`,
      table.rows,
    );
}

async function main(): Promise<void> {
  const [, , mode, ...rest] = process.argv;
  if (mode === "--in-process") return inProcess(rest[0], rest.slice(1));
  console.log(`\nmachine: ${machine()}`);
  if (!HAS_WRK) console.log("wrk is not used (not installed, or BENCH_CLIENT=node): a Node client in its own process drives the servers");
  await startup();
  await httpRows();
  serverTime();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
