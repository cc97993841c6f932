// node dist/scripts/bench-purge.js: what 5,000 RegisterImage/DeregisterImage pairs leave behind. Prints the
// time of a pair, the records left once the deregistered phase is over, and the p50/p90 server time of
// DescribeImages Owners=amazon before and after the pairs: for the memory and SQLite stores with 2-second
// phases (nothing is gone before the clock moves on), and with 0-second ones (each call finds the pair
// before it gone). Each case runs in a child process on the build's compiled API; with a baseline build, each
// case of one build is followed by the same of the other, and the figures are of CPU time (the process's, for
// each call), which other load on the machine moves much less than the time a call takes. Numbers are
// printed, never asserted.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILDS, COMPARING, Collector, apiOf, pick, printComparison, type App } from "./bench-builds";

type RawRequest = Parameters<App["gateway"]["handleAws"]>[0];

const PAIRS = Number(process.env.PAIRS ?? pick(5000, 3000, 1000));
const SAMPLES = pick(2000, 1000, 200);
/** The samples of one percentile stop early after this many seconds (other load on the machine slows them). */
const SAMPLE_SECONDS = pick(Infinity, 2, 1);
const AUTH = "AWS4-HMAC-SHA256 Credential=111111111111/20261123/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0";

function ec2(params: Record<string, string>): RawRequest {
  return {
    method: "POST",
    path: "/",
    query: new URLSearchParams(),
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: AUTH },
    body: Buffer.from(new URLSearchParams({ Version: "2016-11-15", ...params }).toString()),
  };
}

interface Percentiles {
  p50: number;
  p90: number;
}

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/**
 * Milliseconds at the 50th and 90th percentiles, after a tenth as many calls unmeasured: of the time each call
 * took, and of the CPU time it used.
 */
function percentiles(fn: () => void): { wall: Percentiles; cpu: Percentiles } {
  for (let i = 0; i < SAMPLES / 10; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  const until = process.hrtime.bigint() + BigInt(Math.min(SAMPLE_SECONDS * 1e9, 1e12));
  for (let i = 0; i < SAMPLES; i++) {
    const c = cpuMicros();
    const t = process.hrtime.bigint();
    fn();
    wall.push(Number(process.hrtime.bigint() - t) / 1000);
    cpu.push(cpuMicros() - c);
    if (t > until) break;
  }
  const of = (micros: number[]) => {
    micros.sort((a, b) => a - b);
    const at = (q: number) => micros[Math.floor(q * (micros.length - 1))] / 1000;
    return { p50: at(0.5), p90: at(0.9) };
  };
  return { wall: of(wall), cpu: of(cpu) };
}

interface CaseResult {
  before: { wall: Percentiles; cpu: Percentiles };
  pairMs: { wall: number; cpu: number };
  after: { wall: Percentiles; cpu: Percentiles };
  left: number;
}

type Case = ["memory" | "sqlite", number];
const CASES: Case[] = [
  ["memory", 2],
  ["sqlite", 2],
  ["sqlite", 0],
];

/** One case, in a child process, on the build at `root`: prints one JSON line. */
function run(root: string, store: "memory" | "sqlite", transitionSeconds: number): void {
  const dir = mkdtempSync(join(tmpdir(), "imagelite-bench-purge-"));
  const app = apiOf(root).createApp({ inMemory: store === "memory", dataDir: dir, log: false, clock: "manual", transitionSeconds });
  try {
    const call = (params: Record<string, string>) => {
      const r = app.gateway.handleAws(ec2(params));
      if (r.status !== 200) throw new Error(r.body);
      return r.body;
    };
    const describe = () => call({ Action: "DescribeImages", "Owner.1": "amazon" });
    const before = percentiles(describe);
    const started = process.hrtime.bigint();
    const startedCpu = cpuMicros();
    for (let i = 0; i < PAIRS; i++) {
      const body = call({
        Action: "RegisterImage",
        Name: `pair-${i}`,
        Architecture: "x86_64",
        VirtualizationType: "hvm",
        RootDeviceName: "/dev/xvda",
        "BlockDeviceMapping.1.DeviceName": "/dev/xvda",
        "BlockDeviceMapping.1.Ebs.VolumeSize": "8",
      });
      call({ Action: "DeregisterImage", ImageId: /<imageId>([^<]+)</.exec(body)![1] });
    }
    const pairMs = { wall: Number(process.hrtime.bigint() - started) / 1e6 / PAIRS, cpu: (cpuMicros() - startedCpu) / 1000 / PAIRS };
    app.clock.advance(3600);
    const after = percentiles(describe);
    const left = app.store.dump().filter((r) => !r.type.startsWith("imagelite.")).length;
    process.stdout.write(`${JSON.stringify({ before, pairMs, after, left } satisfies CaseResult)}\n`);
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const [, , mode, ...rest] = process.argv;
  if (mode === "--case") return run(rest[0], rest[1] as Case[0], Number(rest[2]));
  const table = new Collector();
  const ms = (p: Percentiles) => `p50 ${p.p50.toFixed(3).padStart(7)} ms   p90 ${p.p90.toFixed(3).padStart(7)} ms`;
  for (const [store, seconds] of CASES) {
    const title = `${store} store, ${seconds}-second phases`;
    if (COMPARING) table.heading(title);
    for (const build of BUILDS) {
      const r = spawnSync(process.execPath, [__filename, "--case", build.root, store, String(seconds)], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`${build.name}, ${title}: ${r.stderr}`);
      const out = JSON.parse(r.stdout.trim().split("\n").pop()!) as CaseResult;
      if (!COMPARING) {
        console.log(`\n${title}`);
        console.log(`  ${"DescribeImages Owners=amazon, no AMIs".padEnd(48)} ${ms(out.before.wall)}`);
        console.log(`  ${PAIRS} RegisterImage/DeregisterImage pairs: ${out.pairMs.wall.toFixed(3)} ms a pair`);
        console.log(`  ${`DescribeImages Owners=amazon, ${PAIRS} pairs later`.padEnd(48)} ${ms(out.after.wall)}`);
        console.log(`  records left in the store: ${out.left}`);
        continue;
      }
      const add = (key: string, label: string, x: number) =>
        table.add(build, `  ${label}`, x, { better: "lower", digits: 3, key: `${title}: ${key}` });
      add("before p50", "DescribeImages Owners=amazon, no AMIs: p50 CPU ms", out.before.cpu.p50);
      add("before p90", "p90 CPU ms", out.before.cpu.p90);
      add("pair", "RegisterImage + DeregisterImage, CPU ms a pair", out.pairMs.cpu);
      add("after p50", `DescribeImages after ${PAIRS} pairs: p50 CPU ms`, out.after.cpu.p50);
      add("after p90", "p90 CPU ms", out.after.cpu.p90);
      table.add(build, "  records left in the store", out.left, { key: `${title}: left` });
    }
  }
  if (COMPARING)
    printComparison(
      `purge: ${PAIRS} RegisterImage/DeregisterImage pairs, in process (one run of each case and build, alternating)`,
      table.rows,
    );
}

main();
