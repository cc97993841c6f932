// node dist/scripts/bench-workers.js: read throughput of one imagelite process against --workers 2 on one
// SQLite file, over HTTP with wrk (persistent connections, so that each keeps its worker): EC2
// DescribeImages by id (AMIs of the caller's, from the store) and AppStream DescribeImages by name. Prints
// calls/s and p99 side by side, and what they say. With a baseline build, each build's file is made by that
// build, and the rounds go baseline (one process, two workers), current (the same), and again. Numbers are
// printed, never asserted.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { ownAmis } from "./bench-amis";
import { BUILDS, COMPARING, Collector, pick, printComparison, type Build } from "./bench-builds";
import { freePort, rotatingWrkScript } from "./bench-load";

const WRK = process.env.WRK ?? "/usr/bin/wrk";
const SECONDS = Number(process.env.SECONDS_PER_RUN ?? pick(4, 3, 2));
/**
 * Rounds of (one process, two workers), alternated so that other load on the machine falls on both alike; the
 * best round counts (the median of them when two builds are compared).
 */
const ROUNDS = Number(process.env.ROUNDS ?? pick(2, 2, 1));
const CONNECTIONS = 16;
const AMIS = 100;
const ACCOUNT = "111111111111";
const REGION = "us-east-1";
const auth = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=${ACCOUNT}/20261123/${REGION}/${service}/aws4_request, SignedHeaders=host, Signature=0`;

async function start(build: Build, dataDir: string, workers: number): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [build.cli, "--data-dir", dataDir, "--port", String(port), "--workers", String(workers), "--quiet", "--transition-seconds", "0"],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const url = `http://127.0.0.1:${port}`;
  // Until every worker has answered (each new connection goes to the next worker).
  const seen = new Set<string | null>();
  for (let i = 0; i < 400 && seen.size < workers; i++) {
    try {
      const res = await fetch(`${url}/_imagelite/health`, { headers: { connection: "close" } });
      await res.body?.cancel();
      if (res.ok) seen.add(res.headers.get("x-imagelite-worker"));
    } catch {
      /* not listening yet */
    }
    if (seen.size < workers) await new Promise((r) => setTimeout(r, 25));
  }
  if (seen.size < workers) throw new Error(`imagelite --workers ${workers} did not start`);
  return { child, url };
}

interface Result {
  callsPerSecond: number;
  p99Ms: number;
  errors: number;
}

const MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };

function wrk(url: string, script: string, seconds: number): Result {
  const r = spawnSync(WRK, ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", "-s", script, url], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr || r.error}`);
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(r.stdout);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(r.stdout);
  const errors =
    Number(/Non-2xx or 3xx responses: (\d+)/.exec(r.stdout)?.[1] ?? 0) + Number(/Socket errors: .*?(\d+)/.exec(r.stdout)?.[1] ?? 0);
  if (!rate || !p99) throw new Error(`unexpected wrk output:\n${r.stdout}`);
  return { callsPerSecond: Number(rate[1]), p99Ms: Number(p99[1]) * MS[p99[2]], errors };
}

async function main(): Promise<void> {
  if (spawnSync(WRK, ["--version"]).error) {
    console.log(`\nworkers: ${WRK} is not installed; skipped`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "imagelite-bench-workers-"));
  try {
    const setups = BUILDS.map((build) => {
      const data = join(dir, build.name, "data");
      mkdirSync(join(dir, build.name));
      const ids = ownAmis(build, { dataDir: data }, ACCOUNT, REGION, AMIS);
      const scenarios = [
        {
          name: "EC2 DescribeImages by id (own AMIs, SQLite)",
          script: rotatingWrkScript(
            dir,
            `${build.name}-ec2`,
            { "content-type": "application/x-www-form-urlencoded", authorization: auth("ec2") },
            ids.map((id) => `Action=DescribeImages&Version=2016-11-15&ImageId.1=${id}`),
          ),
        },
        {
          name: "AppStream DescribeImages by name",
          script: rotatingWrkScript(
            dir,
            `${build.name}-appstream`,
            {
              "content-type": "application/x-amz-json-1.1",
              "x-amz-target": "PhotonAdminProxyService.DescribeImages",
              authorization: auth("appstream"),
            },
            ["AppStream-WinServer2022-11-10-2025", "AppStream-WinServer2019-11-10-2025"].map((n) => JSON.stringify({ Names: [n] })),
          ),
        },
      ];
      return { build, data, scenarios };
    });
    const load = await quietCpus();
    /** Per build and scenario, the runs of one process and of two workers, a round each. */
    const results = new Map(
      setups.map((s) => [s.build, new Map<string, [Result[], Result[]]>(s.scenarios.map((x) => [x.name, [[], []]]))]),
    );
    for (let round = 0; round < ROUNDS; round++) {
      for (const { build, data, scenarios } of setups) {
        for (const [slot, workers] of [1, 2].entries()) {
          const server = await start(build, data, workers);
          try {
            for (const s of scenarios) {
              wrk(server.url, s.script, 1); // warm-up: compiled code, page cache
              const runs = results.get(build)!.get(s.name)!;
              runs[slot].push(wrk(server.url, s.script, SECONDS));
            }
          } finally {
            const exited = once(server.child, "exit");
            server.child.kill("SIGTERM");
            await exited;
          }
        }
      }
    }
    const runs = `${ROUNDS} ${SECONDS}-second run${ROUNDS === 1 ? "" : "s"}`;
    if (COMPARING) {
      const table = new Collector();
      for (const [build, scenarios] of results) {
        for (const [name, slots] of scenarios) {
          if (build === BUILDS[0]) table.heading(name);
          for (const [slot, label] of ["1 process", "2 workers"].entries()) {
            const add = (what: string, x: number, better: "higher" | "lower", digits: number) =>
              table.add(build, `  ${label}: ${what}`, x, { better, digits, key: `${name}: ${label}: ${what}` });
            for (const r of slots[slot]) {
              add("calls/s", r.callsPerSecond, "higher", 0);
              add("p99 ms", r.p99Ms, "lower", 2);
            }
            const errors = slots[slot].reduce((n, r) => n + r.errors, 0);
            if (errors) table.heading(`  note: ${build.name}, ${label}: ${errors} errors`);
          }
        }
      }
      printComparison(
        `workers: one process against --workers 2 on one SQLite file (wrk, ${CONNECTIONS} connections, ${runs} of each, ` +
          `builds alternating, ${cpus().length} CPUs, ${load.toFixed(2)} of them busy before)`,
        table.rows,
      );
      return;
    }
    const best = (rs: Result[]) => rs.reduce((a, b) => (b.callsPerSecond > a.callsPerSecond ? b : a));
    console.log(
      `\nworkers: one process against --workers 2 on one SQLite file (wrk, ${CONNECTIONS} connections, best of ${runs}, ` +
        `${cpus().length} CPUs, ${load.toFixed(2)} of them busy before)`,
    );
    console.log(`${"".padEnd(46)} ${"1 process".padStart(22)} ${"2 workers".padStart(22)}`);
    let gains: number[] = [];
    for (const [name, slots] of results.get(BUILDS[0])!) {
      const [one, two] = slots.map(best);
      const cell = (r: Result) =>
        `${Math.round(r.callsPerSecond).toLocaleString().padStart(7)}/s p99 ${r.p99Ms.toFixed(2).padStart(6)} ms${r.errors ? ` (${r.errors} errors)` : ""}`;
      console.log(`${name.padEnd(46)} ${cell(one).padStart(22)} ${cell(two).padStart(22)}`);
      gains.push(two.callsPerSecond / one.callsPerSecond);
    }
    gains = gains.map((g) => Math.round((g - 1) * 100));
    const cores = cpus().length;
    const changes = gains.map((g) => `${g >= 0 ? "+" : ""}${g}%`).join(", ");
    if (load > cores / 4) {
      console.log(
        `conclusion: inconclusive (${changes}): other processes kept the CPUs busy (${load.toFixed(2)} of ${cores} ` +
          `CPUs), and two processes also win a larger share of contended CPUs than one; run again on a quiet machine.`,
      );
      return;
    }
    if (gains.every((g) => g >= 10)) {
      console.log(
        `conclusion: a second worker raises read throughput (${gains.map((g) => `+${g}%`).join(", ")}): reads of the shared SQLite ` +
          `file run in both processes at once (WAL), so --workers 2 pays where clients make many parallel calls.`,
      );
    } else {
      console.log(
        `conclusion: a second worker changes read throughput by ${changes}, ` +
          `not enough to be worth it here: with ${cores} CPU${cores === 1 ? "" : "s"} shared by wrk and the server, one ` +
          `process already keeps the CPUs busy, and a second one only takes turns with it.`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPUs busy over one second (all processes), from the kernel's counters of every CPU. */
async function busyCpus(): Promise<number> {
  const ticks = () =>
    cpus().reduce(
      (t, c) => {
        t.idle += c.times.idle;
        t.all += c.times.idle + c.times.user + c.times.nice + c.times.sys + c.times.irq;
        return t;
      },
      { idle: 0, all: 0 },
    );
  const a = ticks();
  await new Promise((r) => setTimeout(r, 1000));
  const b = ticks();
  return cpus().length * (1 - (b.idle - a.idle) / Math.max(1, b.all - a.all));
}

/**
 * How busy the CPUs are once the runs before this one have ended: the load average would still count them
 * for a minute, so the machine is sampled a second at a time until it is quiet (or 15 seconds have passed).
 */
async function quietCpus(): Promise<number> {
  let busy = await busyCpus();
  for (let i = 0; i < 14 && busy > cpus().length / 4; i++) busy = await busyCpus();
  return busy;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
