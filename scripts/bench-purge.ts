// node dist/scripts/bench-purge.js: what 5,000 RegisterImage/DeregisterImage pairs leave behind. Prints the
// time of a pair, the records left once the deregistered phase is over, and the p50/p90 server time of
// DescribeImages Owners=amazon before and after the pairs: for the memory and SQLite stores with 2-second
// phases (nothing is gone before the clock moves on), and with 0-second ones (each call finds the pair
// before it gone). Each case runs in a child process on the builds' compiled API. With a baseline build both
// builds are loaded in that process, each call of one followed by the same of the other, and the figures are
// of CPU time (the process's, for each call), which other load on the machine moves much less than the time
// a call takes. Numbers are printed, never asserted.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILDS, COMPARING, Collector, apiOf, callAws, interleave, pick, printComparison, type RawRequest } from "./bench-builds";

const PAIRS = Number(process.env.PAIRS ?? pick(5000, 3000, 1000));
const SAMPLES = pick(2000, 1000, 200);
/** The samples of one percentile stop early after this many milliseconds (other load on the machine slows them). */
const SAMPLE_MS = pick(Infinity, 3000, 1000);
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

function percentiles(ms: number[]): Percentiles {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.floor(q * (s.length - 1))];
  return { p50: at(0.5), p90: at(0.9) };
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

/** One case, in a child process, on each build at `roots`: prints one JSON line, a result per build. */
function run(store: "memory" | "sqlite", transitionSeconds: number, roots: string[]): void {
  const dirs = roots.map(() => mkdtempSync(join(tmpdir(), "imagelite-bench-purge-")));
  const apps = roots.map((root, k) =>
    apiOf(root).createApp({ inMemory: store === "memory", dataDir: dirs[k], log: false, clock: "manual", transitionSeconds }),
  );
  try {
    const call = (k: number, params: Record<string, string>) => {
      const r = callAws(apps[k], ec2(params));
      if (r.status !== 200) throw new Error(r.body);
      return r.body;
    };
    const describe = (k: number) => call(k, { Action: "DescribeImages", "Owner.1": "amazon" });
    /** Percentiles of each build's DescribeImages, after a tenth as many calls unmeasured. */
    const describes = () => {
      for (let k = 0; k < apps.length; k++) for (let i = 0; i < SAMPLES / 10; i++) describe(k);
      return interleave(apps.length, { count: SAMPLES, maxMs: SAMPLE_MS }, describe).map((s) => ({
        wall: percentiles(s.wall),
        cpu: percentiles(s.cpu),
      }));
    };
    const before = describes();
    // The AMIs' root snapshot (RegisterImage refuses an EBS root without one): a copy of one of Amazon's 8 GiB snapshots.
    const snapshots = apps.map((_, k) => {
      const amazon = call(k, { Action: "DescribeSnapshots", "Owner.1": "amazon", "Filter.1.Name": "volume-size", "Filter.1.Value.1": "8" });
      const copy = call(k, {
        Action: "CopySnapshot",
        SourceRegion: "us-east-1",
        SourceSnapshotId: /<snapshotId>([^<]+)</.exec(amazon)![1],
      });
      return /<snapshotId>([^<]+)</.exec(copy)![1];
    });
    const pairs = interleave(apps.length, { count: PAIRS }, (k, i) => {
      const body = call(k, {
        Action: "RegisterImage",
        Name: `pair-${i}`,
        Architecture: "x86_64",
        VirtualizationType: "hvm",
        RootDeviceName: "/dev/xvda",
        "BlockDeviceMapping.1.DeviceName": "/dev/xvda",
        "BlockDeviceMapping.1.Ebs.SnapshotId": snapshots[k],
        "BlockDeviceMapping.1.Ebs.VolumeSize": "8",
      });
      call(k, { Action: "DeregisterImage", ImageId: /<imageId>([^<]+)</.exec(body)![1] });
    });
    for (const app of apps) app.clock.advance(3600);
    const after = describes();
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const out: CaseResult[] = apps.map((app, k) => ({
      before: before[k],
      pairMs: { wall: mean(pairs[k].wall), cpu: mean(pairs[k].cpu) },
      after: after[k],
      left: app.store.dump().filter((r) => !r.type.startsWith("imagelite.")).length,
    }));
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    for (const app of apps) app.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const [, , mode, ...rest] = process.argv;
  if (mode === "--case") return run(rest[0] as Case[0], Number(rest[1]), rest.slice(2));
  const table = new Collector();
  const ms = (p: Percentiles) => `p50 ${p.p50.toFixed(3).padStart(7)} ms   p90 ${p.p90.toFixed(3).padStart(7)} ms`;
  for (const [store, seconds] of CASES) {
    const title = `${store} store, ${seconds}-second phases`;
    const r = spawnSync(process.execPath, [__filename, "--case", store, String(seconds), ...BUILDS.map((b) => b.root)], {
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`${title}: ${r.stderr}`);
    const results = JSON.parse(r.stdout.trim().split("\n").pop()!) as CaseResult[];
    if (!COMPARING) {
      const [out] = results;
      console.log(`\n${title}`);
      console.log(`  ${"DescribeImages Owners=amazon, no AMIs".padEnd(48)} ${ms(out.before.wall)}`);
      console.log(`  ${PAIRS} RegisterImage/DeregisterImage pairs: ${out.pairMs.wall.toFixed(3)} ms a pair`);
      console.log(`  ${`DescribeImages Owners=amazon, ${PAIRS} pairs later`.padEnd(48)} ${ms(out.after.wall)}`);
      console.log(`  records left in the store: ${out.left}`);
      continue;
    }
    table.heading(title);
    for (const [k, build] of BUILDS.entries()) {
      const out = results[k];
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
      `purge: ${PAIRS} RegisterImage/DeregisterImage pairs, in process (both builds loaded in one process, a call of one after a call of the other)`,
      table.rows,
    );
}

main();
