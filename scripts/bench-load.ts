// Load generation for the benchmarks: servers in processes of their own, driven over HTTP by wrk (or, when
// wrk is not installed, by a Node client in another process), so that the client never shares an event loop
// with the server it measures.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync, rmSync, writeFileSync, mkdtempSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface HttpCall {
  headers: Record<string, string>;
  body: string;
}

export interface LoadResult {
  callsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 2xx, and socket errors. */
  failures: number;
  /** CPU seconds of the client per second of the run (2 = both cores of this machine), when known. */
  clientCpu?: number;
  /** CPU seconds of the server per second of the run. */
  serverCpu?: number;
}

/** Whether wrk drives the servers: when it is installed, unless BENCH_CLIENT=node asks for the Node client. */
export const HAS_WRK = process.env.BENCH_CLIENT !== "node" && spawnSync("wrk", ["--version"]).error === undefined;

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** One call over a fresh connection: its status and body. */
export function callOnce(port: number, call: HttpCall): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, method: "POST", path: "/", headers: { ...call.headers, "content-length": Buffer.byteLength(call.body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(call.body);
  });
}

export interface ServerProcess {
  port: number;
  child: ChildProcess;
  /** From spawn to the first line on its standard output (it is listening). */
  startMs: number;
  /** What the server says it took (imagelite's "listening ... in N ms": from the start of its process). */
  reportedMs?: number;
  /** The CPU time its process had used by then, in ms: what other load on the machine changes little. */
  startCpuMs?: number;
  stop(): Promise<void>;
}

/** Spawns a server that prints one line on its standard output once it listens. */
export function startProcess(args: string[], port: number, env: NodeJS.ProcessEnv = process.env): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"], env });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited (${code}) before listening`)));
    child.stdout!.once("data", (line: Buffer) => {
      const startMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const cpu = child.pid === undefined ? undefined : cpuSeconds(child.pid);
      const reported = / in (\d+) ms/.exec(line.toString("utf8"))?.[1];
      child.stdout!.resume();
      child.removeAllListeners("exit");
      resolve({
        port,
        child,
        startMs,
        reportedMs: reported === undefined ? undefined : Number(reported),
        startCpuMs: cpu === undefined ? undefined : cpu * 1000,
        stop: () =>
          new Promise<void>((done) => {
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}

/** Resident memory of a process, in MB (Linux). */
export function rssMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds a process has used so far (Linux): the sum of its threads' run time as the scheduler counts it,
 * in nanoseconds; where that is not kept, the process's clock ticks of 1/100 s.
 */
export function cpuSeconds(pid: number): number | undefined {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        /* a thread that has just ended */
      }
    }
    if (ns > 0) return ns / 1e9;
  } catch {
    /* no /proc, or the process is gone */
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const luaString = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;

/**
 * The wrk script of a call. With `counter`, each request's body is the call's body followed by a number that
 * grows, so that every write changes something.
 */
function wrkScript(call: HttpCall, counter: boolean): string {
  const lines = ['wrk.method = "POST"', `wrk.body = ${luaString(call.body)}`];
  for (const [k, v] of Object.entries(call.headers)) lines.push(`wrk.headers[${luaString(k)}] = ${luaString(v)}`);
  if (counter) {
    lines.push(
      "local n = 0",
      "local id = tostring(math.random(1, 1e9))",
      "request = function()",
      "  n = n + 1",
      "  return wrk.format(nil, nil, nil, wrk.body .. id .. '-' .. n)",
      "end",
    );
  }
  return `${lines.join("\n")}\n`;
}

/** wrk's latency ("1.23ms", "850.00us", "1.01s") in milliseconds. */
function wrkMs(s: string): number {
  const m = /^([0-9.]+)(us|ms|s|m)$/.exec(s.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === "us" ? n / 1000 : m[2] === "ms" ? n : m[2] === "s" ? n * 1000 : n * 60_000;
}

let scriptDir: string | undefined;

function runWrk(port: number, call: HttpCall, o: { seconds: number; connections: number; threads: number; counter: boolean }): LoadResult {
  if (scriptDir === undefined) {
    const dir = (scriptDir = mkdtempSync(join(tmpdir(), "imagelite-bench-wrk-")));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  const script = join(scriptDir, `call-${port}-${o.counter ? "n" : "1"}.lua`);
  writeFileSync(script, wrkScript(call, o.counter));
  // `times` prints the CPU time of the shell's children (wrk) on its second line.
  const cmd = `wrk -t${o.threads} -c${o.connections} -d${o.seconds}s --latency -s '${script}' http://127.0.0.1:${port}/ && times`;
  const r = spawnSync("bash", ["-c", cmd], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr || r.stdout}`);
  const out = r.stdout;
  const rps = Number(/Requests\/sec:\s+([0-9.]+)/.exec(out)?.[1]);
  const p50 = wrkMs(/^\s+50%\s+(\S+)/m.exec(out)?.[1] ?? "");
  const p99 = wrkMs(/^\s+99%\s+(\S+)/m.exec(out)?.[1] ?? "");
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  const times = out.trim().split("\n").slice(-1)[0];
  const t = /(\d+)m([0-9.]+)s\s+(\d+)m([0-9.]+)s/.exec(times);
  const clientCpu = t ? (Number(t[1]) * 60 + Number(t[2]) + Number(t[3]) * 60 + Number(t[4])) / o.seconds : undefined;
  return { callsPerSecond: rps, p50Ms: p50, p99Ms: p99, failures: non2xx + errors, clientCpu };
}

/** The Node client: keep-alive connections in a loop each, latencies of every call; prints JSON. */
const NODE_CLIENT = `
const http = require("node:http");
const [port, connections, seconds, counter] = process.argv.slice(1).map(Number);
const call = JSON.parse(process.env.BENCH_CALL);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies = [];
let failures = 0, n = 0;
const end = Date.now() + seconds * 1000;
const one = () => new Promise((resolve) => {
  const body = counter ? call.body + process.pid + "-" + ++n : call.body;
  const t = process.hrtime.bigint();
  const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", agent,
    headers: { ...call.headers, "content-length": Buffer.byteLength(body) } }, (res) => {
    res.resume();
    res.on("end", () => {
      if (res.statusCode >= 300) failures++;
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      resolve();
    });
  });
  req.on("error", () => { failures++; resolve(); });
  req.end(body);
});
const started = Date.now();
Promise.all(Array.from({ length: connections }, async () => { while (Date.now() < end) await one(); })).then(() => {
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.floor(q * (latencies.length - 1))];
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ callsPerSecond: latencies.length / elapsed, p50Ms: at(0.5), p99Ms: at(0.99), failures,
    clientCpu: (cpu.user + cpu.system) / 1e6 / elapsed }));
  agent.destroy();
});`;

function runNodeClient(port: number, call: HttpCall, o: { seconds: number; connections: number; counter: boolean }): LoadResult {
  const r = spawnSync(
    process.execPath,
    ["-e", NODE_CLIENT, String(port), String(o.connections), String(o.seconds), o.counter ? "1" : "0"],
    {
      encoding: "utf8",
      env: { ...process.env, BENCH_CALL: JSON.stringify(call) },
    },
  );
  if (r.status !== 0) throw new Error(`the Node client failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as LoadResult;
}

/**
 * Drives the server on `port` (process `pid`) with `call` for `seconds`, after a second of the same calls
 * unmeasured unless `warmUp` is false (the optimizing compiler's work falls there); `counter` makes every body differ.
 */
export function load(
  server: { port: number; pid?: number },
  call: HttpCall,
  o: { seconds: number; connections: number; threads?: number; counter?: boolean; warmUp?: boolean },
): LoadResult {
  if (o.warmUp ?? true) {
    const warmUp = { seconds: 1, connections: o.connections, threads: o.threads ?? 2, counter: o.counter ?? false };
    if (HAS_WRK) runWrk(server.port, call, warmUp);
    else runNodeClient(server.port, call, warmUp);
  }
  const before = server.pid === undefined ? undefined : cpuSeconds(server.pid);
  const opts = { seconds: o.seconds, connections: o.connections, threads: o.threads ?? 2, counter: o.counter ?? false };
  const result = HAS_WRK ? runWrk(server.port, call, opts) : runNodeClient(server.port, call, opts);
  const after = server.pid === undefined ? undefined : cpuSeconds(server.pid);
  if (before !== undefined && after !== undefined) result.serverCpu = (after - before) / o.seconds;
  return result;
}

/** A bare node:http server answering every request with one of fixed bodies: the JSON one when X-Amz-Target is sent. */
export const BARE_SERVER = `
const http = require("node:http");
const { xml, json } = JSON.parse(process.env.BENCH_BODIES);
const answer = (body, type) => ({ body, headers: { "content-type": type, "x-amzn-requestid": "00000000-0000-4000-8000-000000000000", "content-length": Buffer.byteLength(body) } });
const x = answer(xml, "text/xml;charset=UTF-8");
const j = answer(json, "application/x-amz-json-1.1");
http.createServer((req, res) => {
  const a = req.headers["x-amz-target"] === undefined ? x : j;
  req.resume();
  req.on("end", () => {
    res.writeHead(200, a.headers);
    res.end(a.body);
  });
}).listen(Number(process.argv[1]), "127.0.0.1", () => console.log("listening"));`;

/** A wrk script that cycles through the bodies, one POST each. */
export function rotatingWrkScript(dir: string, name: string, headers: Record<string, string>, bodies: string[]): string {
  const file = join(dir, `${name}.lua`);
  const h = Object.entries(headers)
    .map(([k, v]) => `[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
    .join(", ");
  writeFileSync(
    file,
    `local bodies = { ${bodies.map((b) => JSON.stringify(b)).join(", ")} }
local headers = { ${h} }
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/", headers, bodies[i])
end
`,
  );
  return file;
}
