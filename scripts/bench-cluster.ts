// node dist/scripts/bench-cluster.js [postgres://…]: read throughput of 1, 2 and 3 imagelite processes on one
// PostgreSQL schema, side by side with one process on the embedded SQLite store, for EC2 DescribeImages by id
// (AMIs of the caller's, from the store). Each process listens on its own port and gets a wrk of its own,
// all run at the same time, the connections split among them (as a load balancer would): calls/s is their
// sum, p99 the worst of their p99s. Each row starts its processes afresh. With a baseline build, each build
// has a store (file and schema) of its own, made by that build, and each row of one build is followed by the
// same of the other. Numbers are printed, never asserted. Without wrk or PostgreSQL the row is skipped.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { ownAmis } from "./bench-amis";
import { BUILDS, COMPARING, Collector, pick, printComparison, type Build } from "./bench-builds";
import { freePort, rotatingWrkScript } from "./bench-load";

const WRK = process.env.WRK ?? "/usr/bin/wrk";
const POSTGRES = process.argv[2] ?? process.env.IMAGELITE_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.SECONDS_PER_RUN ?? pick(4, 3, 2));
/** Connections in all, split among the processes. */
const CONNECTIONS = 12;
const AMIS = 100;
const ACCOUNT = "111111111111";
const REGION = "us-east-1";
const AUTH = `AWS4-HMAC-SHA256 Credential=${ACCOUNT}/20261123/${REGION}/ec2/aws4_request, SignedHeaders=host, Signature=0`;

/** A wrk script of DescribeImages by id over these AMIs, one each in turn. */
function wrkScript(dir: string, name: string, ids: string[]): string {
  const headers = { "content-type": "application/x-www-form-urlencoded", authorization: AUTH };
  return rotatingWrkScript(
    dir,
    name,
    headers,
    ids.map((id) => `Action=DescribeImages&Version=2016-11-15&ImageId.1=${id}`),
  );
}

async function start(build: Build, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [build.cli, "--port", String(port), "--quiet", "--transition-seconds", "0", ...args], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 400; i++) {
    try {
      const res = await fetch(`${url}/_imagelite/health`);
      await res.body?.cancel();
      if (res.ok) return { child, url };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill("SIGKILL");
  throw new Error(`imagelite ${args.join(" ")} did not start`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}

interface Result {
  callsPerSecond: number;
  p99Ms: number;
  errors: number;
}

const MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };

async function wrk(url: string, script: string, connections: number, seconds: number): Promise<Result> {
  const child = spawn(WRK, ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", "-s", script, url], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
  child.stderr.setEncoding("utf8").on("data", (s: string) => (err += s));
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`wrk failed: ${err}`);
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) + Number(/Socket errors: .*?(\d+)/.exec(out)?.[1] ?? 0);
  if (!rate || !p99) throw new Error(`unexpected wrk output:\n${out}`);
  return { callsPerSecond: Number(rate[1]), p99Ms: Number(p99[1]) * MS[p99[2]], errors };
}

/** One wrk per process, at once, the connections split among them. */
async function drive(urls: string[], script: string): Promise<Result> {
  const per = Math.ceil(CONNECTIONS / urls.length);
  await Promise.all(urls.map((u) => wrk(u, script, per, 1))); // warm-up: compiled code, caches, connections
  const all = await Promise.all(urls.map((u) => wrk(u, script, per, SECONDS)));
  return {
    callsPerSecond: all.reduce((n, r) => n + r.callsPerSecond, 0),
    p99Ms: Math.max(...all.map((r) => r.p99Ms)),
    errors: all.reduce((n, r) => n + r.errors, 0),
  };
}

async function postgresReachable(): Promise<boolean> {
  const c = new Client({ connectionString: POSTGRES, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  if (spawnSync(WRK, ["--version"]).error) {
    console.log(`\ncluster: ${WRK} is not installed; skipped`);
    return;
  }
  if (!(await postgresReachable())) {
    console.log(`\ncluster: no PostgreSQL at ${POSTGRES.replace(/:[^:@/]*@/, "@")}; skipped`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "imagelite-bench-cluster-"));
  const schemas: string[] = [];
  const running: ChildProcess[] = [];
  try {
    const load = loadavg()[0];
    const setups = BUILDS.map((build) => {
      const schema = `imagelite_bench_${randomBytes(4).toString("hex")}`;
      schemas.push(schema);
      const u = new URL(POSTGRES);
      u.searchParams.set("schema", schema);
      const store = u.toString();
      const data = join(dir, `${build.name}-data`);
      return {
        build,
        data,
        store,
        sqliteScript: wrkScript(dir, `${build.name}-sqlite`, ownAmis(build, { dataDir: data }, ACCOUNT, REGION, AMIS)),
        postgresScript: wrkScript(dir, `${build.name}-postgres`, ownAmis(build, { store }, ACCOUNT, REGION, AMIS)),
      };
    });
    const table = new Collector();
    const rows = ["SQLite, 1 process", ...[1, 2, 3].map((n) => `PostgreSQL, ${n} process${n > 1 ? "es" : ""}`)];
    const cells: { label: string; result: Result }[] = [];
    for (const [row, label] of rows.entries()) {
      if (COMPARING) table.heading(label);
      for (const { build, data, store, sqliteScript, postgresScript } of setups) {
        const processes: { child: ChildProcess; url: string }[] = [];
        try {
          for (let n = 0; n < Math.max(1, row); n++) {
            const args = row === 0 ? ["--data-dir", data] : ["--store", store, "--data-dir", join(dir, `${build.name}-pg-${n}`)];
            const p = await start(build, args);
            running.push(p.child);
            processes.push(p);
          }
          const result = await drive(
            processes.map((x) => x.url),
            row === 0 ? sqliteScript : postgresScript,
          );
          if (!COMPARING) cells.push({ label, result });
          else {
            table.add(build, "  calls/s", result.callsPerSecond, { better: "higher", key: `${label}: calls/s` });
            table.add(build, "  p99 ms", result.p99Ms, { better: "lower", digits: 2, key: `${label}: p99` });
            if (result.errors) table.heading(`  note: ${build.name}: ${result.errors} errors`);
          }
        } finally {
          await Promise.all(processes.map((p) => stop(p.child)));
        }
      }
    }

    const title =
      `cluster: EC2 DescribeImages by id (own AMIs) on one store, one wrk per process at once (${CONNECTIONS} connections ` +
      `in all, split among them; one ${SECONDS}-second run each${COMPARING ? ", builds alternating" : ""}, ${cpus().length} CPUs shared with wrk and ` +
      `PostgreSQL, load average ${load.toFixed(1)} before)`;
    if (COMPARING) {
      printComparison(title, table.rows);
      return;
    }
    console.log(`\n${title}`);
    for (const { label, result: r } of cells)
      console.log(
        `${label.padEnd(26)} ${Math.round(r.callsPerSecond).toLocaleString().padStart(8)} calls/s   p99 ${r.p99Ms.toFixed(2).padStart(7)} ms` +
          (r.errors ? `   (${r.errors} errors)` : ""),
      );
  } finally {
    await Promise.all(running.map(stop));
    const c = new Client({ connectionString: POSTGRES });
    await c.connect();
    for (const schema of schemas) await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
