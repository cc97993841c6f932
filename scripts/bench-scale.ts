// npm run bench, scale section: imagelite holding many AMIs. For each scale and store: the time to load a seed
// file of that many AMIs (and to make them through the API), memory after a GC, start-up on the SQLite file,
// and p50/p99 of filtered DescribeImages and of the other planned describes. Each case runs in a child process
// of its own (so that its memory is its own) on the build's compiled API; calls go in process through
// app.gateway.invoke (validation, transaction and handler, no sockets). With a baseline build, each case of
// one build is followed by the same of the other, and the calls' figures are of CPU time (the process's, for
// each call), which other load on the machine moves much less than the time a call takes. Numbers are
// printed, never asserted.
//   BENCH_SCALE=1000,20000 node dist/scripts/bench-scale.js   (default: 1000,100000; 1000,20000 with --quick)
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILDS, COMPARING, Collector, apiOf, interleave, pick, printComparison, type App, type Build } from "./bench-builds";
import { cpuSeconds } from "./bench-load";

const VIEWER = "111111111111";
const OWNERS = [VIEWER, "222222222222", "333333333333", "444444444444", "555555555555"];
const REGION = "us-east-1";
const TEAMS = ["web", "data", "ml", "payments", "search", "infra"];
const ENVS = ["prod", "staging", "dev"];

/** A name in one of the schemes people use: golden images, application builds, and a few AL2023 derivatives. */
function amiName(i: number): string {
  const day = `2026${String((i % 12) + 1).padStart(2, "0")}${String((i % 28) + 1).padStart(2, "0")}`;
  switch (i % 10) {
    case 0:
      return `golden-al2023-${day}-${i}`;
    case 1:
      return `golden-windows-2022-${day}-${i}`;
    case 2:
      return `ubuntu-jammy-22.04-amd64-server-${day}-${i}`;
    case 3:
      return i % 100 === 3 ? `al2023-ami-custom-2023.9.${day}-${i}-x86_64` : `eks-node-1.31-${day}-${i}`;
    default:
      return `app-${TEAMS[i % TEAMS.length]}-build-${i}`;
  }
}

interface Spec {
  owner: string;
  entry: Record<string, unknown>;
}

/** n AMIs over five accounts: tags on each, one in 20 shared with the viewer, one in 50 public. */
function amis(n: number): Spec[] {
  return Array.from({ length: n }, (_, i) => {
    const owner = OWNERS[i % OWNERS.length];
    const perms = owner !== VIEWER && i % 20 === 1 ? [VIEWER] : i % 50 === 7 ? ["all"] : [];
    return {
      owner,
      entry: {
        Name: amiName(i),
        Description: `build ${i}`,
        Architecture: i % 3 ? "x86_64" : "arm64",
        VirtualizationType: "hvm",
        RootDeviceName: "/dev/xvda",
        BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 8 + (i % 4) * 8 } }],
        ...(perms.length ? { LaunchPermissions: perms } : {}),
        Tags: { team: TEAMS[i % TEAMS.length], env: ENVS[i % ENVS.length], build: String(i), ...(i % 1000 === 0 ? { audit: "2026" } : {}) },
      },
    };
  });
}

function seedDocument(specs: Spec[]): unknown {
  const accounts: Record<string, { [region: string]: { ec2: { amis: unknown[] } } }> = {};
  for (const s of specs) (accounts[s.owner] ??= { [REGION]: { ec2: { amis: [] } } })[REGION].ec2.amis.push(s.entry);
  return { accounts };
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function percentiles(samples: number[]): { p50: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)], p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] };
}

/** The longest that the samples of one call are taken (they stop before at their count). */
const SAMPLE_MS = pick(2000, 1500, 500);

/**
 * Calls of each app (the builds loaded in this process), a call of one after a call of the other, until `n`
 * samples of each or SAMPLE_MS, whichever comes first, after a warm-up. `inputs[k]` are app k's, in turn.
 */
function time(apps: App[], service: string, operation: string, account: string, inputs: Record<string, unknown>[][], n: number): Timing[] {
  const call = (k: number, i: number) =>
    apps[k].gateway.invoke(service, operation, { accountId: account, region: REGION }, inputs[k][i % inputs[k].length]) as Record<
      string,
      unknown[] | undefined
    >;
  for (let k = 0; k < apps.length; k++) for (let i = 0; i < Math.min(20, n); i++) call(k, i);
  const found = apps.map(() => 0);
  const samples = interleave(
    apps.length,
    {
      count: n,
      maxMs: SAMPLE_MS,
      after: (k, out: ReturnType<typeof call>) => (found[k] += Object.values(out).find(Array.isArray)?.length ?? 0),
    },
    call,
  );
  return samples.map((s, k) => ({ ...percentiles(s.wall), cpu: percentiles(s.cpu), found: Math.round(found[k] / s.wall.length) }));
}

interface Timing {
  /** Milliseconds a call took. */
  p50: number;
  p99: number;
  /** Milliseconds of CPU a call used. */
  cpu: { p50: number; p99: number };
  /** Resources in an answer, on average. */
  found: number;
}

interface Seeded {
  seedSeconds: number;
  seedCpuSeconds: number;
  rss: number;
  heapGrowth: number;
  dataBytes: number;
}

interface Calls {
  otherSeconds: number;
  results: Record<string, Timing>;
}

type CaseResult = Seeded & Calls;

/**
 * One case, in its own process, on the build at `root`: seeds a store of n AMIs (in `dir`) and prints one JSON
 * line, of the seeding and, unless `seedOnly`, of the calls.
 */
async function worker(root: string, n: number, store: "memory" | "sqlite", dir: string, seedOnly: boolean): Promise<void> {
  const { createApp } = apiOf(root);
  const specs = amis(n);
  const seedFile = join(dir, "seed.json");
  writeFileSync(seedFile, JSON.stringify(seedDocument(specs)));
  const config = { log: false, transitionSeconds: 0, ...(store === "memory" ? { inMemory: true } : { dataDir: join(dir, "data") }) };
  gc();
  const before = process.memoryUsage();
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const app = createApp({ ...config, seed: seedFile });
  const seedSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const seedCpuSeconds = (used.user + used.system) / 1e6;
  gc();
  const after = process.memoryUsage();
  const rss = after.rss;
  const heapGrowth = after.heapUsed + after.external - before.heapUsed - before.external;
  const dataBytes = specs.length ? JSON.stringify(app.store.dump()).length : 0;
  const seeded: Seeded = { seedSeconds, seedCpuSeconds, rss, heapGrowth, dataBytes };
  const out = seedOnly ? seeded : { ...seeded, ...(await calls([app], specs, n))[0] };
  app.close();
  process.stdout.write(JSON.stringify(out) + "\n");
}

/**
 * The calls of one case, in a process of its own, on the builds at `roots`, all loaded here, on the stores their
 * workers left in `dirs` (the SQLite file, or the seed file again in memory): prints one JSON line, a Calls per build.
 */
async function callsOfBuilds(n: number, store: "memory" | "sqlite", roots: string[], dirs: string[]): Promise<void> {
  const apps = roots.map((root, k) =>
    apiOf(root).createApp({
      log: false,
      transitionSeconds: 0,
      ...(store === "memory" ? { inMemory: true, seed: join(dirs[k], "seed.json") } : { dataDir: join(dirs[k], "data") }),
    }),
  );
  const out = await calls(apps, amis(n), n);
  for (const app of apps) app.close();
  process.stdout.write(JSON.stringify(out) + "\n");
}

/** The filtered describes on stores of n AMIs, then instances, snapshots and parameters made and described. */
async function calls(apps: App[], specs: Spec[], n: number): Promise<Calls[]> {
  // The viewer's own AMIs are every fifth: names and tags it can find.
  const mine = Array.from({ length: Math.ceil(n / 5 / 97) }, (_, k) => k * 5 * 97).filter((i) => i < n);
  const names = mine.map((i) => String(specs[i].entry.Name));
  const results: Record<string, Timing>[] = apps.map(() => ({}));
  const record = (label: string, timings: Timing[]) => timings.forEach((t, k) => (results[k][label] = t));
  const same = <T>(x: T) => apps.map(() => x);
  const images = (label: string, inputs: Record<string, unknown>[][], runs = 1000) =>
    record(label, time(apps, "ec2", "DescribeImages", VIEWER, inputs, runs));
  images("name exact", same(names.map((name) => ({ Filters: [{ Name: "name", Values: [name] }] }))));
  images("name al2023-ami-*", same([{ Filters: [{ Name: "name", Values: ["al2023-ami-*"] }], MaxResults: 100 }]));
  images("owner-id (another account), 100", same([{ Filters: [{ Name: "owner-id", Values: [OWNERS[1]] }], MaxResults: 100 }]));
  images("Owners=self, 100", same([{ Owners: ["self"], MaxResults: 100 }]));
  const viewerIds = apps.map((app) =>
    (
      app.gateway.invoke("ec2", "DescribeImages", { accountId: VIEWER, region: REGION }, { Owners: ["self"], MaxResults: 50 }) as {
        Images: { ImageId: string }[];
      }
    ).Images.map((r) => r.ImageId),
  );
  images(
    "image-id",
    viewerIds.map((ids) => ids.map((id) => ({ Filters: [{ Name: "image-id", Values: [id] }] }))),
  );
  images("tag:build=<one>", same(mine.map((i) => ({ Filters: [{ Name: "tag:build", Values: [String(i)] }] }))));
  images("tag-key audit", same([{ Filters: [{ Name: "tag-key", Values: ["audit"] }] }]));
  images("unindexed: description=build 4*, 100", same([{ Filters: [{ Name: "description", Values: ["build 4*"] }], MaxResults: 100 }]), 20);

  // Instances, snapshots and parameters at a smaller scale: as many as a tenth of the AMIs, at most 2,000.
  const small = Math.min(2000, Math.max(10, Math.floor(n / 10)));
  const otherSeconds: number[] = [];
  for (const [k, app] of apps.entries()) otherSeconds.push(await makeOthers(app, viewerIds[k], small));
  const tags = same(Array.from({ length: 50 }, (_, i) => ({ Filters: [{ Name: "tag:build", Values: [String((i * 37) % small)] }] })));
  record(`DescribeInstances tag (of ${small})`, time(apps, "ec2", "DescribeInstances", VIEWER, tags, 1000));
  record(`DescribeSnapshots tag (of ${small})`, time(apps, "ec2", "DescribeSnapshots", VIEWER, tags, 1000));
  record(
    `GetParametersByPath one team (of ${small})`,
    time(
      apps,
      "ssm",
      "GetParametersByPath",
      VIEWER,
      same(TEAMS.map((t) => ({ Path: `/apps/${t}`, Recursive: true, MaxResults: 10 }))),
      1000,
    ),
  );
  return apps.map((_, k) => ({ otherSeconds: otherSeconds[k], results: results[k] }));
}

/** `small` instances, snapshots and parameters of the viewer's, tagged; the seconds it took. */
async function makeOthers(app: App, viewerIds: string[], small: number): Promise<number> {
  // The viewer's vCPU quota raised to hold the instances.
  const quota = await app.gateway.handle({
    method: "POST",
    path: "/_imagelite/quotas",
    query: new URLSearchParams(),
    headers: { "content-type": "application/json" },
    body: Buffer.from(JSON.stringify({ accountId: VIEWER, region: REGION, quotas: { "L-1216C47A": 4 * small } })),
  });
  if (quota.status !== 200) throw new Error(`setting the vCPU quota: ${quota.status} ${String(quota.body)}`);
  const invoke = (service: string, op: string, input: Record<string, unknown>) =>
    app.gateway.invoke(service, op, { accountId: VIEWER, region: REGION }, input);
  const amazon = invoke("ec2", "DescribeSnapshots", { OwnerIds: ["amazon"], MaxResults: 5 }) as { Snapshots: { SnapshotId: string }[] };
  const source = amazon.Snapshots[0].SnapshotId;
  const start = process.hrtime.bigint();
  // Instances are launched a hundred at a time (each launch counts the account's instances against its quota),
  // then tagged one by one.
  const instances: string[] = [];
  for (let i = 0; i < small; i += 100) {
    const imageId = viewerIds[(i / 100) % viewerIds.length];
    const [image] = (invoke("ec2", "DescribeImages", { ImageIds: [imageId] }) as { Images: { Architecture: string }[] }).Images;
    const launched = invoke("ec2", "RunInstances", {
      ImageId: imageId,
      // RunInstances refuses an instance type of another architecture than the AMI's.
      InstanceType: image.Architecture === "arm64" ? "t4g.micro" : "t3.micro",
      MinCount: 1,
      MaxCount: Math.min(100, small - i),
    }) as { Instances: { InstanceId: string }[] };
    instances.push(...launched.Instances.map((x) => x.InstanceId));
  }
  for (let i = 0; i < small; i++) {
    invoke("ec2", "CreateTags", { Resources: [instances[i]], Tags: [{ Key: "build", Value: String(i) }] });
    invoke("ec2", "CopySnapshot", {
      SourceRegion: REGION,
      SourceSnapshotId: source,
      TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: "build", Value: String(i) }] }],
    });
    invoke("ssm", "PutParameter", { Name: `/apps/${TEAMS[i % TEAMS.length]}/${i}/image`, Value: `v${i}`, Type: "String" });
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** The resident memory of a process, from /proc (Linux), in bytes; 0 where /proc is not there. */
function rssOf(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Milliseconds from start to listening, as the CLI reports it (in memory, or on a data directory a case left),
 * and the server's resident memory once listening: what a restart on a large file costs before any call.
 */
function startUp(build: Build, dataDir: string | undefined, extra: string[] = []): Promise<{ ms: number; cpuMs: number; rss: number }> {
  const child = spawn(process.execPath, [
    build.cli,
    "--port",
    "0",
    "--quiet",
    ...(dataDir ? ["--data-dir", dataDir] : ["--in-memory"]),
    ...extra,
  ]);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening .* in (\d+) ms/.exec(out);
      if (m) {
        const rss = rssOf(child.pid);
        const cpuMs = 1000 * (cpuSeconds(child.pid!) ?? NaN);
        child.removeAllListeners("exit");
        // Once it has exited: its store may be opened next.
        child.once("exit", () => resolve({ ms: Number(m[1]), cpuMs, rss }));
        child.kill();
      }
    });
    child.once("exit", () => reject(new Error(`no start-up line: ${out}`)));
  });
}

const MB = 1024 * 1024;

/** Runs a child of this script; its last line of output, as JSON. */
function child<T>(args: string[], what: string): T {
  const r = spawnSync(process.execPath, ["--expose-gc", __filename, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${what}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as T;
}

async function main(): Promise<void> {
  const [, , mode, ...rest] = process.argv;
  if (mode === "--worker") return worker(rest[0], Number(rest[1]), rest[2] as "memory" | "sqlite", rest[3], rest[4] === "seed-only");
  if (mode === "--calls") {
    const pairs = rest.slice(2);
    return callsOfBuilds(
      Number(rest[0]),
      rest[1] as "memory" | "sqlite",
      pairs.filter((_, i) => i % 2 === 0),
      pairs.filter((_, i) => i % 2 === 1),
    );
  }
  const scales = (process.env.BENCH_SCALE ?? pick("1000,100000", "1000,100000", "1000,20000")).split(",").map(Number);
  console.log(`\nscale: many AMIs in one region (in process, through app.gateway.invoke; ${OWNERS.length} accounts, viewer ${VIEWER})`);
  const table = new Collector();
  if (COMPARING) table.heading("empty store");
  for (const build of BUILDS) {
    const { ms, cpuMs } = await startUp(build, undefined);
    if (!COMPARING) console.log(`start-up to listening, empty store: ${ms} ms in memory`);
    else {
      table.add(build, "  start-up to listening in memory, ms", ms, { better: "lower" });
      table.add(build, "  CPU ms", cpuMs, { better: "lower", key: "empty cpu" });
    }
  }
  for (const n of scales) {
    for (const store of ["memory", "sqlite"] as const) {
      const title = `${n.toLocaleString()} AMIs, ${store}`;
      const dirs = BUILDS.map(() => mkdtempSync(join(tmpdir(), "imagelite-scale-")));
      try {
        if (!COMPARING) {
          const [build] = BUILDS;
          const out = child<CaseResult>(["--worker", build.root, String(n), store, dirs[0]], title);
          const restart = store === "sqlite" ? await startUp(build, join(dirs[0], "data")) : undefined;
          // The server itself given the seed file, as a user starts it: until it listens, and its memory then.
          const seeded = await startUp(build, store === "sqlite" ? join(dirs[0], "cli-data") : undefined, [
            "--seed",
            join(dirs[0], "seed.json"),
          ]);
          printCase(n, store, out, restart, seeded);
          continue;
        }
        // Each build seeds a store in a process of its own (whose memory is then its own), and is started on it;
        // then both are loaded in one process for the calls, a call of one after a call of the other.
        table.heading(title);
        const add = (build: Build, label: string, x: number, digits = 0, better: "lower" | undefined = "lower", key = label) =>
          table.add(build, `  ${label}`, x, { better, digits, key: `${title}: ${key}` });
        for (const [k, build] of BUILDS.entries()) {
          const out = child<Seeded>(["--worker", build.root, String(n), store, dirs[k], "seed-only"], `${build.name}, ${title}`);
          add(build, "seed file, s", out.seedSeconds, 2);
          add(build, "seed file, CPU s", out.seedCpuSeconds, 2);
          add(build, "RSS after GC, MB", out.rss / MB);
          add(build, "heap growth, MB", out.heapGrowth / MB);
          add(build, "records as JSON, MB", out.dataBytes / MB, 0, undefined);
          if (store === "sqlite") {
            const restart = await startUp(build, join(dirs[k], "data"));
            add(build, "start-up with the file, ms", restart.ms);
            add(build, "CPU ms", restart.cpuMs, 0, "lower", "restart CPU");
            add(build, "RSS then, MB", restart.rss / MB, 0, "lower", "restart RSS");
          }
          const seeded = await startUp(build, store === "sqlite" ? join(dirs[k], "cli-data") : undefined, [
            "--seed",
            join(dirs[k], "seed.json"),
          ]);
          add(build, "server started with --seed: listening after, s", seeded.ms / 1000, 2);
          add(build, "CPU s", seeded.cpuMs / 1000, 2, "lower", "seeded CPU");
          add(build, "RSS then, MB", seeded.rss / MB, 0, "lower", "seeded RSS");
        }
        const calls = child<Calls[]>(["--calls", String(n), store, ...BUILDS.flatMap((b, k) => [b.root, dirs[k]])], `calls, ${title}`);
        for (const [k, build] of BUILDS.entries()) {
          add(build, "instances, snapshots and parameters made, s", calls[k].otherSeconds, 2);
          for (const [label, v] of Object.entries(calls[k].results)) {
            add(build, `${label}: p50 CPU ms`, v.cpu.p50, 3);
            add(build, `${label}: p99 CPU ms`, v.cpu.p99, 3);
          }
        }
        // Both builds must find the same: a difference is a change of behaviour, not of speed.
        for (const [label, v] of Object.entries(calls[0].results)) {
          const other = calls[1].results[label]?.found;
          if (other !== v.found) table.heading(`  note: ${label} found ${v.found} in the baseline, ${other} in the current build`);
        }
      } finally {
        for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  if (COMPARING)
    printComparison(
      "scale: many AMIs in one region (seeding and start-up: one run of each build in turn; calls: both builds " +
        "loaded in one process, a call of one after a call of the other)",
      table.rows,
    );
}

function printCase(
  n: number,
  store: string,
  out: CaseResult,
  restart: { ms: number; rss: number } | undefined,
  seeded: { ms: number; rss: number },
): void {
  const startMs = restart ? `, start-up with the file ${restart.ms} ms (RSS then ${mb(restart.rss)})` : "";
  console.log(
    `\n${n.toLocaleString()} AMIs, ${store}: seed file ${out.seedSeconds.toFixed(2)} s (CPU ${out.seedCpuSeconds.toFixed(2)} s),` +
      ` RSS after GC ${mb(out.rss)}, heap growth ${mb(out.heapGrowth)} for ${mb(out.dataBytes)} of records as JSON${startMs}`,
  );
  console.log(
    `  the server started with --seed: listening after ${(seeded.ms / 1000).toFixed(2)} s, RSS then ${mb(seeded.rss)}` +
      ` (the figures above are of the bench's own process, which also holds the AMIs it wrote)`,
  );
  for (const [label, v] of Object.entries(out.results)) {
    console.log(`  ${label.padEnd(44)} p50 ${v.p50.toFixed(2).padStart(7)} ms  p99 ${v.p99.toFixed(2).padStart(7)} ms  (${v.found} found)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
