// npm run soak [-- --minutes N --stores memory,sqlite,postgres --workers N --clients N]: N minutes (default 10)
// of mixed load on the real CLI for each store in turn — AppStream fleets, EC2 AMIs, tags and instances, SSM
// parameters, reads, clock moves and exports — with a SIGKILL of a random worker process every 15 to 45 seconds
// on the stores that several processes share (the primary replaces it). After each kill every write the server
// had acknowledged must be there (creates, the last value put) or gone (deletes). Memory (of every process of
// the server) must stay flat after warm-up, and at the end the exported state, imported into a fresh server of
// the same store, must export again to the same records. Not part of npm test: it runs for minutes.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Client } from "pg";
import {
  AppStreamClient,
  CreateFleetCommand,
  DeleteFleetCommand,
  DescribeFleetsCommand,
  DescribeImagesCommand,
  TagResourceCommand,
  type Fleet,
} from "@aws-sdk/client-appstream";
import {
  CopySnapshotCommand,
  CreateTagsCommand,
  DeregisterImageCommand,
  DescribeImagesCommand as DescribeAmis,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  EC2Client,
  RegisterImageCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from "@aws-sdk/client-ec2";
import { DeleteParameterCommand, GetParametersByPathCommand, PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { cliScope, kill, type Running } from "../test/support/cli";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    stores: { type: "string", default: "memory,sqlite,postgres" },
    workers: { type: "string", default: "2" },
    clients: { type: "string", default: "8" },
  },
});
const MINUTES = Number(values.minutes);
const STORES = values.stores.split(",") as StoreKind[];
const WORKERS = Number(values.workers);
const CLIENTS = Number(values.clients);
const POSTGRES = process.env.IMAGELITE_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";
const ACCOUNT = "111111111111";
const IMAGE = "AppStream-WinServer2022-11-10-2025";

type StoreKind = "memory" | "sqlite" | "postgres";

/** Resident memory of a process and of its children (the workers), in MB. */
function rssMb(pid: number): number {
  const one = (p: number) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) / 1024;
    } catch {
      return 0; // it exited between the listing and the read
    }
  };
  return one(pid) + children(pid).reduce((s, c) => s + one(c), 0);
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const clients = (endpoint: string) => {
  const config = { endpoint, region: "us-east-1", credentials: { accessKeyId: ACCOUNT, secretAccessKey: "x" }, maxAttempts: 1 };
  return { app: new AppStreamClient(config), ec2: new EC2Client(config), ssm: new SSMClient(config) };
};
type Clients = ReturnType<typeof clients>;
const destroy = (c: Clients) => {
  c.app.destroy();
  c.ec2.destroy();
  c.ssm.destroy();
};

/** One store's run: what the server acknowledged, and what a cut-off call may or may not have done. */
class Soak {
  readonly fleets = new Set<string>();
  readonly deletedFleets = new Set<string>();
  readonly amis = new Set<string>();
  readonly deregistered = new Set<string>();
  /** Parameter name → the value last acknowledged, or null when a later put or delete was cut off. */
  readonly parameters = new Map<string, string | null>();
  /** Names and ids whose last write was cut off by a kill: either outcome is right. */
  readonly uncertain = new Set<string>();
  readonly counts = { requests: 0, answered: 0, refused: 0, cutOff: 0, serverErrors: 0, kills: 0, lost: 0, exports: 0, clockMoves: 0 };
  readonly rss: { at: number; mb: number }[] = [];
  /** Error code → how many calls were refused with it (deletes of what a kill left uncertain, a fleet still starting, …). */
  readonly refusals = new Map<string, number>();
  /** Closed while the acknowledged writes are checked, so that no write lands between a check's reads. */
  private gate: Promise<void> | undefined;
  private inFlight = 0;

  /** The call's answer; undefined when refused (4xx) or cut off ("cut" is then passed to onCut). */
  async call<T>(fn: () => Promise<T>, onCut?: () => void): Promise<T | undefined> {
    while (this.gate) await this.gate;
    this.counts.requests++;
    this.inFlight++;
    try {
      const r = await fn();
      this.counts.answered++;
      return r;
    } catch (e) {
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === undefined) {
        this.counts.cutOff++; // the kill cut the connection: neither acknowledged nor refused
        onCut?.();
      } else if (status >= 500) {
        this.counts.serverErrors++;
        console.error(`server error ${status}: ${(e as Error).name} ${(e as Error).message}`);
      } else {
        this.counts.refused++;
        const code = (e as Error).name;
        this.refusals.set(code, (this.refusals.get(code) ?? 0) + 1);
      }
      return undefined;
    } finally {
      this.inFlight--;
    }
  }

  /** Runs fn with the clients held back and no request of theirs in flight. */
  async quiet<T>(fn: () => Promise<T>): Promise<T> {
    let open!: () => void;
    this.gate = new Promise((resolve) => {
      open = resolve;
    });
    while (this.inFlight > 0) await new Promise((r) => setTimeout(r, 5));
    try {
      return await fn();
    } finally {
      this.gate = undefined;
      open();
    }
  }
}

/** What every client builds on: one of Amazon's AMIs to launch, a snapshot of the account's own to register AMIs of. */
interface Base {
  ami: string;
  snapshot: string;
}

async function client(s: Soak, id: number, endpoint: string, base: Base, until: number): Promise<void> {
  const c = clients(endpoint);
  let n = 0;
  let instance: string | undefined;
  /** The AMIs this client registered and has not deregistered, oldest first. */
  const mine: string[] = [];
  while (Date.now() < until) {
    const name = `w${id}-${n++}`;
    switch (n % 9) {
      case 0:
        if (
          await s.call(
            () =>
              c.app.send(
                new CreateFleetCommand({
                  Name: name,
                  ImageName: IMAGE,
                  InstanceType: "stream.standard.small",
                  ComputeCapacity: { DesiredInstances: 1 },
                }),
              ),
            () => s.uncertain.add(name),
          )
        )
          s.fleets.add(name);
        break;
      case 1: {
        const victim = [...s.fleets].find((f) => f.startsWith(`w${id}-`) && !s.deletedFleets.has(f) && !s.uncertain.has(f));
        if (
          victim &&
          (await s.call(
            () => c.app.send(new DeleteFleetCommand({ Name: victim })),
            () => s.uncertain.add(victim),
          ))
        )
          s.deletedFleets.add(victim);
        break;
      }
      case 2: {
        const r = await s.call(() =>
          c.ec2.send(
            new RegisterImageCommand({
              Name: name,
              Architecture: "x86_64",
              RootDeviceName: "/dev/xvda",
              VirtualizationType: "hvm",
              BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: base.snapshot } }],
            }),
          ),
        );
        if (r?.ImageId) {
          s.amis.add(r.ImageId);
          mine.push(r.ImageId);
          await s.call(() => c.ec2.send(new CreateTagsCommand({ Resources: [r.ImageId!], Tags: [{ Key: "soak", Value: name }] })));
        }
        break;
      }
      case 3: {
        // The client's own oldest AMI: each client deregisters what it registered, so the state stays the same size.
        const victim = mine[0];
        if (!victim) break;
        const done = await s.call(
          () => c.ec2.send(new DeregisterImageCommand({ ImageId: victim })),
          () => s.uncertain.add(victim),
        );
        if (done) s.deregistered.add(victim);
        if (done || s.uncertain.has(victim)) mine.shift(); // refused (still pending): tried again next time
        break;
      }
      case 4: {
        // A bounded set of names per client, each overwritten again and again, so that the state stays the same size.
        const param = `/soak/w${id}/p${n % 20}`;
        const value = `v${n}-${randomBytes(4).toString("hex")}`;
        const put = await s.call(
          () => c.ssm.send(new PutParameterCommand({ Name: param, Value: value, Type: "String", Overwrite: true })),
          () => s.parameters.set(param, null),
        );
        if (put) s.parameters.set(param, value);
        if (n % 45 === 4 && put) {
          const deleted = await s.call(
            () => c.ssm.send(new DeleteParameterCommand({ Name: param })),
            () => s.parameters.set(param, null),
          );
          if (deleted) s.parameters.delete(param);
        }
        break;
      }
      case 5:
        if (instance) {
          const id = instance;
          instance = undefined;
          await s.call(() => c.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] })));
        } else {
          const r = await s.call(() =>
            c.ec2.send(new RunInstancesCommand({ ImageId: base.ami, InstanceType: "t3.micro", MinCount: 1, MaxCount: 1 })),
          );
          instance = r?.Instances?.[0]?.InstanceId;
        }
        break;
      case 6:
        await s.call(() =>
          c.ec2.send(new DescribeAmis({ Owners: ["amazon"], Filters: [{ Name: "name", Values: ["Windows_Server-2022*"] }] })),
        );
        break;
      case 7:
        await s.call(() => c.ec2.send(new DescribeInstancesCommand({ MaxResults: 50 })));
        break;
      default:
        await s.call(() => c.app.send(new DescribeImagesCommand({ MaxResults: 25 })));
        break;
    }
    const live = n % 50 === 0 && [...s.fleets].find((f) => f.startsWith(`w${id}-`) && !s.deletedFleets.has(f) && !s.uncertain.has(f));
    if (live)
      await s.call(() =>
        c.app.send(new TagResourceCommand({ ResourceArn: `arn:aws:appstream:us-east-1:${ACCOUNT}:fleet/${live}`, Tags: { a: "b" } })),
      );
  }
  destroy(c);
}

/** Clock moves and exports beside the clients' load, until `until`. */
async function operator(s: Soak, endpoint: string, until: number): Promise<void> {
  let n = 0;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 2_000));
    if (n++ % 5 === 0) {
      const r = await s.call(() => admin(endpoint, "GET", "/_imagelite/state"));
      if (r) s.counts.exports++;
    } else {
      const r = await s.call(() => admin(endpoint, "POST", "/_imagelite/clock", { advanceSeconds: 600 }));
      if (r) s.counts.clockMoves++;
    }
  }
}

/** An admin call; throws as the SDKs do (with $metadata.httpStatusCode) so that Soak.call counts it alike. */
async function admin(endpoint: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(`${endpoint}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw Object.assign(new Error(`${method} ${path}: ${(e as Error).message}`), { $metadata: {} });
  }
  const text = await res.text();
  if (!res.ok)
    throw Object.assign(new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`), { $metadata: { httpStatusCode: res.status } });
  return JSON.parse(text) as Record<string, unknown>;
}

/** Every acknowledged write is there; returns how many are not. */
async function verify(s: Soak, endpoint: string): Promise<number> {
  const c = clients(endpoint);
  try {
    const fleets: Fleet[] = [];
    let NextToken: string | undefined;
    do {
      const p = await c.app.send(new DescribeFleetsCommand({ NextToken }));
      fleets.push(...p.Fleets!);
      NextToken = p.NextToken;
    } while (NextToken);
    const names = new Set(fleets.map((f) => f.Name));
    const sure = (x: string) => !s.uncertain.has(x);
    let lost = [...s.fleets].filter((f) => sure(f) && !s.deletedFleets.has(f) && !names.has(f)).length;
    lost += [...s.deletedFleets].filter((f) => names.has(f)).length;
    const own = new Set<string>();
    let token: string | undefined;
    do {
      const p = await c.ec2.send(new DescribeAmis({ Owners: ["self"], MaxResults: 1000, NextToken: token }));
      for (const i of p.Images!) if (i.State !== "deregistered") own.add(i.ImageId!);
      token = p.NextToken;
    } while (token);
    lost += [...s.amis].filter((a) => sure(a) && !s.deregistered.has(a) && !own.has(a)).length;
    lost += [...s.deregistered].filter((a) => own.has(a)).length;
    const params = new Map<string, string>();
    let next: string | undefined;
    do {
      const p = await c.ssm.send(new GetParametersByPathCommand({ Path: "/soak", Recursive: true, NextToken: next }));
      for (const x of p.Parameters!) params.set(x.Name!, x.Value!);
      next = p.NextToken;
    } while (next);
    for (const [name, value] of s.parameters) if (value !== null && params.get(name) !== value) lost++;
    if (lost) console.error(`  ${lost} acknowledged writes not found`);
    return lost;
  } finally {
    destroy(c);
  }
}

/** The records of an export, in one canonical order, as text. */
function canonical(doc: Record<string, unknown>): string {
  const records = (doc.records as Record<string, unknown>[]).map((r) => JSON.stringify(r, Object.keys(r).sort()));
  return records.sort().join("\n");
}

async function soakStore(kind: StoreKind, cli: ReturnType<typeof cliScope>): Promise<boolean> {
  const s = new Soak();
  const schemas: string[] = [];
  /** A new server on a new, empty store of this kind. */
  const start = (): Promise<Running> => {
    const dir = cli.tempDir("imagelite-soak-");
    const args = ["--transition-seconds", "1"];
    if (kind === "memory") return cli.start(dir, [...args, "--in-memory"]);
    if (kind === "sqlite") return cli.start(dir, [...args, "--workers", String(WORKERS)]);
    const schema = `imagelite_soak_${randomBytes(6).toString("hex")}`;
    schemas.push(schema);
    const u = new URL(POSTGRES);
    u.searchParams.set("schema", schema);
    return cli.start(dir, [...args, "--store", u.toString(), "--workers", String(WORKERS)]);
  };
  const server = await start();
  const pid = server.child.pid!;
  const boot = clients(server.endpoint);
  const ami = (await boot.ec2.send(new DescribeAmis({ Owners: ["amazon"], Filters: [{ Name: "name", Values: ["al2023-ami-2023*"] }] })))
    .Images![0].ImageId!;
  const amazonSnapshot = (await boot.ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ["amazon"], MaxResults: 5 }))).Snapshots![0];
  const snapshot = (
    await boot.ec2.send(new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: amazonSnapshot.SnapshotId! }))
  ).SnapshotId!;
  const base = { ami, snapshot };
  destroy(boot);

  const started = Date.now();
  const until = started + MINUTES * 60_000;
  const sampler = setInterval(() => s.rss.push({ at: Date.now() - started, mb: rssMb(pid) }), 5_000);
  const load = Promise.all([
    ...Array.from({ length: CLIENTS }, (_, i) => client(s, i, server.endpoint, base, until)),
    operator(s, server.endpoint, until),
  ]);
  if (kind !== "memory") {
    while (Date.now() < until - 20_000) {
      await new Promise((r) => setTimeout(r, 15_000 + Math.random() * 30_000));
      const workers = children(pid);
      if (!workers.length) continue;
      const victim = workers[Math.floor(Math.random() * workers.length)];
      process.kill(victim, "SIGKILL");
      s.counts.kills++;
      // The primary replaces the worker; until then the others serve.
      await new Promise((r) => setTimeout(r, 1_000));
      const lost = await s.quiet(() => verify(s, server.endpoint));
      s.counts.lost += lost;
      console.log(
        `  ${kind} ${((Date.now() - started) / 1000).toFixed(0)} s: kill ${s.counts.kills} (worker pid ${victim}), ${s.counts.requests} requests, ${lost} acknowledged writes lost, rss ${rssMb(pid).toFixed(0)} MB`,
      );
    }
  }
  await load;
  clearInterval(sampler);
  s.counts.lost += await s.quiet(() => verify(s, server.endpoint));

  // Export, import into a fresh server of the same store, export again: the same records.
  const exported = await admin(server.endpoint, "GET", "/_imagelite/state");
  await kill(server, "SIGTERM");
  const fresh = await start();
  await admin(fresh.endpoint, "POST", "/_imagelite/state", exported);
  const again = await admin(fresh.endpoint, "GET", "/_imagelite/state");
  await kill(fresh, "SIGTERM");
  const roundTrip = canonical(exported) === canonical(again);
  await dropSchemas(schemas);

  // Memory: the median of the samples just after warm-up (a fifth of the run, at least a minute) against that of
  // the last fifth. Flat means it grew by less than a fifth or 25 MB, whichever is larger.
  const warm = Math.max(60_000, MINUTES * 12_000);
  const warmed = s.rss.filter((x) => x.at >= warm);
  const after = warmed.length ? warmed : s.rss;
  const early = median(after.slice(0, Math.max(1, Math.floor(after.length / 5))).map((x) => x.mb));
  const late = median(after.slice(-Math.max(1, Math.floor(after.length / 5))).map((x) => x.mb));
  const flat = late - early < Math.max(25, early * 0.2);

  const c = s.counts;
  console.log(
    `\nsoak ${kind}: ${MINUTES} min, ${CLIENTS} clients${kind === "memory" ? "" : `, ${WORKERS} workers, ${c.kills} worker SIGKILLs`}`,
  );
  console.log(
    `  requests ${c.requests}: answered ${c.answered}, refused (4xx) ${c.refused} (${[...s.refusals].map(([k, v]) => `${k} ${v}`).join(", ")}), cut off by a kill ${c.cutOff}, server errors (5xx) ${c.serverErrors}; ${c.exports} exports, ${c.clockMoves} clock moves`,
  );
  console.log(
    `  acknowledged: ${s.fleets.size} fleets created, ${s.deletedFleets.size} deleted, ${s.amis.size} AMIs registered, ${s.deregistered.size} deregistered, ${s.parameters.size} parameters; lost ${c.lost}`,
  );
  console.log(
    `  memory (RSS, all processes): ${s.rss[0]?.mb.toFixed(0)} MB at start, ${early.toFixed(0)} MB after warm-up, ${late.toFixed(0)} MB at the end: ${flat ? "flat" : "GROWING"}`,
  );
  console.log(`  export → import → export: ${(exported.records as unknown[]).length} records, ${roundTrip ? "the same" : "DIFFERENT"}`);
  return c.lost === 0 && c.serverErrors === 0 && flat && roundTrip;
}

async function dropSchemas(schemas: string[]): Promise<void> {
  if (!schemas.length) return;
  const c = new Client({ connectionString: POSTGRES });
  await c.connect();
  try {
    for (const schema of schemas) await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const cli = cliScope();
  let ok = true;
  try {
    for (const kind of STORES) ok = (await soakStore(kind, cli)) && ok;
  } finally {
    cli.cleanup();
  }
  console.log(ok ? "\nsoak: passed" : "\nsoak: FAILED");
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
