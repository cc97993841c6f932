// npm run bench: calls per second and latency over HTTP, side by side with a bare node:http server answering
// a fixed body of the same size, each server in its own process and driven by wrk (bench-load.ts); durable
// writes on SQLite; start-up time and idle memory; and the server time of the same calls in process (no
// sockets). Numbers are printed, never asserted: tests do not time anything. BENCH_SECONDS sets the length
// of each run (default 3), BENCH_ROUNDS the number of rounds (default 3).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../src/runtime/app";
import type { RawRequest } from "../src/protocols/protocol";
import { handleAws } from "./bench-calls";
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

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 8;
const AMIS = 1000;
/** The server measured over HTTP: this tree's, or another build's (BENCH_CLI=path/to/bin/imagelite.js) to compare with. */
const CLI = process.env.BENCH_CLI ?? join(__dirname, "..", "..", "bin", "imagelite.js");
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

const registerImage = (i: number) =>
  ec2Call({
    Action: "RegisterImage",
    Name: `bench-ami-${String(i).padStart(5, "0")}`,
    Architecture: "x86_64",
    RootDeviceName: "/dev/xvda",
    VirtualizationType: "hvm",
    "BlockDeviceMapping.1.DeviceName": "/dev/xvda",
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
  for (let i = 0; i < AMIS; i += 8) {
    const answers = await Promise.all(Array.from({ length: Math.min(8, AMIS - i) }, (_, j) => callOnce(port, registerImage(i + j))));
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
  call: HttpCall;
  target: { port: number; pid?: number };
  threads?: number;
  counter?: boolean;
  unit?: string;
  /** The bare server's row this one is compared with, round by round. */
  bare?: Row;
  results: LoadResult[];
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

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
    // Each round's ratio to the bare server's run just before it, so that a change in the machine's load
    // between rounds moves both.
    r.bare ? `${fmt(median(r.results.map((x, i) => (100 * x.callsPerSecond) / r.bare!.results[i].callsPerSecond)))} %` : "",
    cell(
      of(r, (x) => x.clientCpu),
      2,
    ),
    cell(
      of(r, (x) => x.serverCpu),
      2,
    ),
    cell(
      of(r, (x) => (x.serverCpu === undefined ? undefined : (1e6 * x.serverCpu) / x.callsPerSecond)),
      1,
    ),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(row(head));
  for (const l of lines) console.log(row(l));
  for (const r of rows) {
    const failures = r.results.reduce((n, x) => n + x.failures, 0);
    if (failures) console.log(`  ${r.label}: ${fmt(failures)} failed calls`);
  }
}

async function httpRows(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "imagelite-bench-"));
  const stores: [string, string[]][] = [
    ["memory", ["--in-memory"]],
    ["SQLite", ["--data-dir", dataDir]],
  ];
  const bodies = { xml: "", json: "" };
  const servers: ServerProcess[] = [];
  const rows: Row[] = [];
  try {
    const measured: { store: string; server: ServerProcess; ami: string }[] = [];
    for (const [store, args] of stores) {
      const port = await freePort();
      const server = await startProcess([CLI, ...args, "--port", String(port), "--quiet"], port);
      servers.push(server);
      const ami = await populate(port);
      bodies.xml ||= await expectOk(port, describeImageById(ami), "DescribeImages");
      bodies.json ||= await expectOk(port, describeAppStreamImage, "AppStream DescribeImages");
      await expectOk(port, createTags(ami), "CreateTags");
      measured.push({ store, server, ami });
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
    rows.push(bareOneThread, bareXml, bareJson);
    for (const { store, server, ami } of measured) {
      const target = { port: server.port, pid: server.child.pid };
      rows.push(
        { label: `${store}: EC2 DescribeImages by id (${AMIS} AMIs)`, call: describeImageById(ami), target, bare: bareXml, results: [] },
        { label: `${store}: AppStream DescribeImages by name`, call: describeAppStreamImage, target, bare: bareJson, results: [] },
      );
      if (store === "SQLite")
        rows.push({
          label: `${store}: EC2 CreateTags (one transaction each)`,
          call: createTags(ami),
          target,
          counter: true,
          unit: "mutations/s",
          results: [],
        });
    }
    // Rounds of every row in turn: a bare server's run and the runs compared with it are seconds apart.
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
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    `\nHTTP, ${CONNECTIONS} connections, ${ROUNDS} round${ROUNDS === 1 ? "" : "s"} of ${SECONDS} s each (medians), unsigned scope auth, request log off`,
  );
  console.log("(client and server CPU: seconds of CPU per second, of the 2 the machine has; server µs/call: its CPU time per call)");
  printTable(rows);
  const one = median(rows[0].results.map((x) => x.callsPerSecond));
  const two = median(rows[1].results.map((x) => x.callsPerSecond));
  const clientCpu = Math.max(...rows.flatMap((r) => r.results.map((x) => x.clientCpu ?? 0)));
  console.log(
    `client check: the bare server with 1 client thread does ${fmt((100 * one) / two)} % of what it does with 2; ` +
      `the client used at most ${fmt(clientCpu, 2)} CPU of 2 in any run`,
  );
}

async function startup(): Promise<void> {
  for (const [store, args] of [
    ["memory", ["--in-memory"]],
    ["SQLite", []],
  ] as const) {
    const times: number[] = [];
    const reported: number[] = [];
    let rss: number | undefined;
    for (let i = 0; i < 5; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), "imagelite-bench-start-"));
      const port = await freePort();
      const server = await startProcess([CLI, ...args, "--data-dir", dataDir, "--port", String(port), "--quiet"], port);
      times.push(server.startMs);
      if (server.reportedMs !== undefined) reported.push(server.reportedMs);
      if (i === 0) {
        await new Promise((r) => setTimeout(r, 500));
        rss = rssMb(server.child.pid!);
      }
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    console.log(
      `start-up to listening, empty ${store} store: ${fmt(median(times))} ms from spawn` +
        `${reported.length ? `, ${fmt(median(reported))} ms as the server reports it` : ""} (medians of 5); idle RSS ${rss === undefined ? "?" : fmt(rss, 1)} MB`,
    );
  }
}

// ---- server time in process: the gateway alone, without sockets ----

function rawRequest(call: HttpCall): RawRequest {
  return { method: "POST", path: "/", query: new URLSearchParams(), headers: { ...call.headers }, body: Buffer.from(call.body) };
}

/** The median of ten batches of n/10 calls, after a thousand unmeasured: one slow batch (another process's turn) moves it little. */
function timeCalls(label: string, n: number, fn: (i: number) => unknown): void {
  for (let i = 0; i < Math.min(1000, n); i++) fn(i);
  const batch = Math.ceil(n / 10);
  const perCall: number[] = [];
  for (let b = 0; b < 10; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn(b * batch + i);
    perCall.push(Number(process.hrtime.bigint() - start) / 1000 / batch);
  }
  const micros = median(perCall);
  console.log(`  ${label.padEnd(50)} ${micros.toFixed(1).padStart(7)} µs/call  ${fmt(1e6 / micros).padStart(9)} calls/s`);
}

function serverTime(): void {
  for (const store of ["memory", "SQLite"]) {
    const dataDir = mkdtempSync(join(tmpdir(), "imagelite-bench-"));
    const app = createApp({ inMemory: store === "memory", dataDir, log: false, transitionSeconds: 0 });
    try {
      const g = app.gateway;
      const ok = (r: { status: number; body: string }) => {
        if (r.status !== 200) throw new Error(r.body);
        return r.body;
      };
      let ami = "";
      for (let i = 0; i < AMIS; i++) {
        const id = /<imageId>([^<]+)</.exec(ok(handleAws(g, rawRequest(registerImage(i)))))![1];
        if (i === AMIS >> 1) ami = id;
      }
      console.log(`\nserver time per call, in process (${store} store, ${AMIS} AMIs)`);
      const byId = rawRequest(describeImageById(ami));
      timeCalls("EC2 DescribeImages by id", 20000, () => ok(handleAws(g, byId)));
      const byName = rawRequest(describeAppStreamImage);
      timeCalls("AppStream DescribeImages by name", 20000, () => ok(handleAws(g, byName)));
      const tags = createTags(ami);
      timeCalls("EC2 CreateTags (a write)", 5000, (i) => ok(handleAws(g, rawRequest({ ...tags, body: `${tags.body}${i}` }))));
      const invalid = rawRequest(appstreamCall("CreateFleet", { Name: "-bad" }));
      timeCalls("AppStream CreateFleet validation error", 20000, () => handleAws(g, invalid));
    } finally {
      app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

async function main(): Promise<void> {
  console.log(`machine: ${machine()}`);
  if (!HAS_WRK) console.log("wrk is not used (not installed, or BENCH_CLIENT=node): a Node client in its own process drives the servers");
  if (process.env.BENCH_CLI) console.log(`server: ${CLI} (the in-process rows, which measure this tree, are left out)`);
  await startup();
  await httpRows();
  if (!process.env.BENCH_CLI) serverTime();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
