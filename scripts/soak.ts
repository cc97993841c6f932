// npm run soak [-- --minutes N --workers N]: mixed load on the real CLI (SQLite store) with a SIGKILL every
// 15 to 45 seconds and a restart on the same data directory. After each restart every write the server had
// acknowledged must be there (creates) or gone (deletes). Prints requests, errors, acknowledged writes lost
// and the server's memory at start and end. Not part of npm test: it runs for minutes.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
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
  CreateTagsCommand,
  DeregisterImageCommand,
  DescribeImagesCommand as DescribeAmis,
  EC2Client,
  RegisterImageCommand,
} from "@aws-sdk/client-ec2";
import { cliScope, kill, type Running } from "../test/support/cli";

const { values } = parseArgs({ options: { minutes: { type: "string", default: "10" }, workers: { type: "string", default: "8" } } });
const MINUTES = Number(values.minutes);
const WORKERS = Number(values.workers);
const ACCOUNT = "111111111111";
const IMAGE = "AppStream-WinServer2022-11-10-2025";

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

const clients = (endpoint: string) => {
  const config = { endpoint, region: "us-east-1", credentials: { accessKeyId: ACCOUNT, secretAccessKey: "x" }, maxAttempts: 1 };
  return { app: new AppStreamClient(config), ec2: new EC2Client(config) };
};

/** What the server acknowledged: these fleets and AMIs must exist, those must not. */
const acked = { fleets: new Set<string>(), deletedFleets: new Set<string>(), amis: new Set<string>(), deregistered: new Set<string>() };
const counts = { requests: 0, answered: 0, cutOff: 0, serverErrors: 0, kills: 0, lost: 0 };

/** Closed while the acknowledged writes are checked, so that no write lands between a check's reads. */
let gate: Promise<void> | undefined;
let inFlight = 0;

async function call<T>(fn: () => Promise<T>): Promise<T | undefined> {
  while (gate) await gate;
  counts.requests++;
  inFlight++;
  try {
    const r = await fn();
    counts.answered++;
    return r;
  } catch (e) {
    const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === undefined)
      counts.cutOff++; // the kill cut the connection: neither acknowledged nor refused
    else if (status >= 500) {
      counts.serverErrors++;
      console.error(`server error ${status}: ${(e as Error).name} ${(e as Error).message}`);
    } else counts.answered++;
    return undefined;
  } finally {
    inFlight--;
  }
}

/** Runs fn with the workers held back and no request of theirs in flight. */
async function quiet<T>(fn: () => Promise<T>): Promise<T> {
  let open!: () => void;
  gate = new Promise((resolve) => {
    open = resolve;
  });
  while (inFlight > 0) await new Promise((r) => setTimeout(r, 5));
  try {
    return await fn();
  } finally {
    gate = undefined;
    open();
  }
}

async function worker(id: number, endpoint: () => string, until: number): Promise<void> {
  let n = 0;
  let current = "";
  let c = clients(endpoint());
  while (Date.now() < until) {
    if (current !== endpoint()) {
      c.app.destroy();
      c.ec2.destroy();
      current = endpoint();
      c = clients(current);
    }
    const name = `w${id}-${n++}`;
    switch (n % 6) {
      case 0:
        if (
          await call(() =>
            c.app.send(
              new CreateFleetCommand({
                Name: name,
                ImageName: IMAGE,
                InstanceType: "stream.standard.small",
                ComputeCapacity: { DesiredInstances: 1 },
              }),
            ),
          )
        )
          acked.fleets.add(name);
        break;
      case 1: {
        const [victim] = [...acked.fleets].filter((f) => f.startsWith(`w${id}-`) && !acked.deletedFleets.has(f));
        if (victim && (await call(() => c.app.send(new DeleteFleetCommand({ Name: victim }))))) acked.deletedFleets.add(victim);
        break;
      }
      case 2: {
        const r = await call(() =>
          c.ec2.send(
            new RegisterImageCommand({
              Name: name,
              Architecture: "x86_64",
              RootDeviceName: "/dev/xvda",
              VirtualizationType: "hvm",
              BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: "snap-0123456789abcdef0" } }],
            }),
          ),
        );
        if (r?.ImageId) acked.amis.add(r.ImageId);
        if (r?.ImageId)
          await call(() => c.ec2.send(new CreateTagsCommand({ Resources: [r.ImageId!], Tags: [{ Key: "soak", Value: name }] })));
        break;
      }
      case 3: {
        const [victim] = [...acked.amis].filter((a) => !acked.deregistered.has(a)).slice(id, id + 1);
        if (victim && (await call(() => c.ec2.send(new DeregisterImageCommand({ ImageId: victim }))))) acked.deregistered.add(victim);
        break;
      }
      case 4:
        await call(() =>
          c.ec2.send(new DescribeAmis({ Owners: ["amazon"], Filters: [{ Name: "name", Values: ["Windows_Server-2022*"] }] })),
        );
        break;
      default:
        await call(() => c.app.send(new DescribeImagesCommand({ MaxResults: 25 })));
        break;
    }
    if (n % 50 === 0)
      await call(() =>
        c.app.send(new TagResourceCommand({ ResourceArn: `arn:aws:appstream:us-east-1:${ACCOUNT}:fleet/${name}`, Tags: { a: "b" } })),
      );
  }
  c.app.destroy();
  c.ec2.destroy();
}

/** Every acknowledged write is there after a restart; returns how many are not. */
async function verify(endpoint: string): Promise<number> {
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
    let lost = [...acked.fleets].filter((f) => !acked.deletedFleets.has(f) && !names.has(f)).length;
    lost += [...acked.deletedFleets].filter((f) => names.has(f)).length;
    const own = new Set<string>();
    let token: string | undefined;
    do {
      const p = await c.ec2.send(new DescribeAmis({ Owners: ["self"], MaxResults: 1000, NextToken: token }));
      for (const i of p.Images!) if (i.State !== "deregistered") own.add(i.ImageId!);
      token = p.NextToken;
    } while (token);
    lost += [...acked.amis].filter((a) => !acked.deregistered.has(a) && !own.has(a)).length;
    lost += [...acked.deregistered].filter((a) => own.has(a)).length;
    return lost;
  } finally {
    c.app.destroy();
    c.ec2.destroy();
  }
}

async function main(): Promise<void> {
  const cli = cliScope();
  const dir = cli.tempDir("imagelite-soak-");
  let server: Running = await cli.start(dir, ["--transition-seconds", "1"]);
  const startRss = rssMb(server.child.pid!);
  let maxRss = startRss;
  const until = Date.now() + MINUTES * 60_000;
  const started = Date.now();
  const load = Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i, () => server.endpoint, until)));
  while (Date.now() < until - 20_000) {
    await new Promise((r) => setTimeout(r, 15_000 + Math.random() * 30_000));
    const before = rssMb(server.child.pid!);
    maxRss = Math.max(maxRss, before);
    await kill(server);
    counts.kills++;
    server = await cli.start(dir, ["--transition-seconds", "1"]);
    const lost = await quiet(() => verify(server.endpoint));
    counts.lost += lost;
    console.log(
      `${((Date.now() - started) / 1000).toFixed(0)} s: kill ${counts.kills}, ${counts.requests} requests, ${lost} acknowledged writes lost, rss ${before.toFixed(0)} MB before the kill`,
    );
  }
  await load;
  const endRss = rssMb(server.child.pid!);
  maxRss = Math.max(maxRss, endRss);
  counts.lost += await verify(server.endpoint);
  await kill(server, "SIGTERM");
  cli.cleanup();
  console.log(`\nsoak: ${MINUTES} min, ${WORKERS} workers, ${counts.kills} SIGKILLs`);
  console.log(
    `requests ${counts.requests}, answered ${counts.answered}, cut off by a kill ${counts.cutOff}, server errors (5xx) ${counts.serverErrors}`,
  );
  console.log(
    `acknowledged writes: ${acked.fleets.size} fleets created, ${acked.deletedFleets.size} deleted, ${acked.amis.size} AMIs registered, ${acked.deregistered.size} deregistered; lost ${counts.lost}`,
  );
  console.log(
    `server memory (RSS): ${startRss.toFixed(0)} MB at start, ${endRss.toFixed(0)} MB at the end, ${maxRss.toFixed(0)} MB at most before a kill`,
  );
  process.exit(counts.lost === 0 && counts.serverErrors === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
