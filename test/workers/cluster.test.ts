// --workers 2 on SQLite through the real CLI: every worker answers every request the same way. Clients
// open a new connection per request, so that Node's cluster hands them to the workers in turn, and each
// answer's x-imagelite-worker header says which worker gave it.
import { describe, it, after, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Agent } from "node:http";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { CreateKeyPairCommand, DescribeImagesCommand, DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  AppStreamClient,
  CreateFleetCommand,
  CreateImageBuilderCommand,
  DescribeFleetsCommand,
  DescribeImageBuildersCommand,
} from "@aws-sdk/client-appstream";
import { cliScope, kill, type Running } from "../support/cli";
import { openStream } from "../support/event-stream";
import { configFrom } from "../../src/runtime/cli";

const cli = cliScope();
after(() => cli.cleanup());

const ACCOUNT = "111111111111";
type Client = EC2Client | AppStreamClient;

/** Which worker answered each call the client made, in order. */
function withWorkers<C extends Client>(client: C): { client: C; workers: string[] } {
  const workers: string[] = [];
  (client as EC2Client).middlewareStack.add(
    (next) => async (args) => {
      try {
        const out = await next(args);
        workers.push(String((out.response as { headers: Record<string, string> }).headers["x-imagelite-worker"]));
        return out;
      } catch (e) {
        workers.push("none");
        throw e;
      }
    },
    { step: "deserialize", priority: "low" },
  );
  return { client, workers };
}

const config = (endpoint: string) => ({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: ACCOUNT, secretAccessKey: "x" },
  maxAttempts: 1,
  // A connection per request: the cluster hands each to the next worker.
  requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: false }) }),
});
const ec2 = (endpoint: string) => withWorkers(new EC2Client(config(endpoint)));
const appstream = (endpoint: string) => withWorkers(new AppStreamClient(config(endpoint)));

/** An admin request on a connection of its own: the JSON answer and the worker that gave it. */
async function admin(endpoint: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${endpoint}${path}`, {
    method,
    headers: { connection: "close", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as any, worker: res.headers.get("x-imagelite-worker") };
}

/** Waits until both workers answer (the first to listen answers the health check that start() waits for). */
async function bothListening(endpoint: string): Promise<void> {
  const seen = new Set<string | null>();
  for (let i = 0; i < 200 && seen.size < 2; i++) {
    seen.add((await admin(endpoint, "GET", "/_imagelite/health")).worker);
    if (seen.size < 2) await new Promise((r) => setTimeout(r, 50));
  }
  assert.deepEqual([...seen].sort(), ["1", "2"]);
}

/** The worker processes of the primary (Linux: /proc lists a process's children). */
function workerPids(primary: Running): number[] {
  const pid = primary.child.pid!;
  return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
}

const rejection = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error) => e.name,
  );

describe("--workers 2 on one SQLite store (real CLI)", () => {
  let server: Running;
  before(async () => {
    server = await cli.start(cli.tempDir("imagelite-workers-"), ["--workers", "2", "--clock", "manual", "--transition-seconds", "60"]);
    await bothListening(server.endpoint);
  });
  after(() => kill(server, "SIGTERM"));

  it("shows every worker the clock advanced through one of them", async () => {
    const { client, workers } = appstream(server.endpoint);
    await client.send(
      new CreateImageBuilderCommand({
        Name: "clocked",
        ImageName: "AppStream-WinServer2022-11-10-2025",
        InstanceType: "stream.standard.small",
      }),
    );
    const before = await admin(server.endpoint, "GET", "/_imagelite/clock");
    const advanced = await admin(server.endpoint, "POST", "/_imagelite/clock", { advanceSeconds: 3600 });
    assert.equal(Date.parse(advanced.body.now) - Date.parse(before.body.now), 3600_000);
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await admin(server.endpoint, "GET", "/_imagelite/clock"));
    assert.deepEqual(new Set(answers.map((a) => a.body.now)), new Set([advanced.body.now]));
    assert.deepEqual(new Set(answers.map((a) => a.worker)), new Set(["1", "2"]));
    for (let i = 0; i < 20; i++) {
      const { ImageBuilders } = await client.send(new DescribeImageBuildersCommand({ Names: ["clocked"] }));
      assert.equal(ImageBuilders![0].State, "RUNNING", `call ${i} (worker ${workers.at(-1)})`);
    }
    assert.deepEqual(new Set(workers.slice(1)), new Set(["1", "2"]));
    client.destroy();
  });

  it("fires a fault rule with times: 5 exactly 5 times across 40 calls on both workers", async () => {
    const rule = await admin(server.endpoint, "POST", "/_imagelite/faults", {
      service: "ec2",
      operation: "DescribeImages",
      times: 5,
      error: { code: "RequestLimitExceeded" },
    });
    assert.equal(rule.status, 200);
    const { client, workers } = ec2(server.endpoint);
    const outcomes: (string | undefined)[] = [];
    // Eight at a time, so that both workers spend the rule at once.
    for (let batch = 0; batch < 5; batch++) {
      outcomes.push(
        ...(await Promise.all(Array.from({ length: 8 }, () => rejection(client.send(new DescribeImagesCommand({ Owners: ["self"] })))))),
      );
    }
    assert.equal(outcomes.length, 40);
    assert.equal(outcomes.filter((o) => o === "RequestLimitExceeded").length, 5);
    assert.equal(outcomes.filter((o) => o === undefined).length, 35);
    assert.deepEqual(new Set(workers), new Set(["1", "2"]));
    const listed = await admin(server.endpoint, "GET", "/_imagelite/faults");
    assert.deepEqual(
      listed.body.faults.map((f: { id: string; matched: number }) => [f.id, f.matched]),
      [[rule.body.id, 5]],
    );
    assert.equal((await admin(server.endpoint, "DELETE", "/_imagelite/faults")).status, 200);
    client.destroy();
  });

  it("lets one of 50 parallel CreateKeyPair of one name win, and gives the rest InvalidKeyPair.Duplicate", async () => {
    const { client, workers } = ec2(server.endpoint);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => rejection(client.send(new CreateKeyPairCommand({ KeyName: "race", KeyType: "ed25519" })))),
    );
    assert.equal(outcomes.filter((o) => o === undefined).length, 1);
    assert.equal(outcomes.filter((o) => o === "InvalidKeyPair.Duplicate").length, 49);
    assert.deepEqual(new Set(workers), new Set(["1", "2"]));
    const { KeyPairs } = await client.send(new DescribeKeyPairsCommand({ KeyNames: ["race"] }));
    assert.equal(KeyPairs?.length, 1);
    client.destroy();
  });

  it("lets one of 50 parallel CreateFleet of one name win, and gives the rest ResourceAlreadyExistsException", async () => {
    const { client, workers } = appstream(server.endpoint);
    const create = () =>
      client.send(
        new CreateFleetCommand({
          Name: "race",
          ImageName: "AppStream-WinServer2019-11-10-2025",
          InstanceType: "stream.standard.small",
          ComputeCapacity: { DesiredInstances: 1 },
        }),
      );
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => rejection(create())));
    assert.equal(outcomes.filter((o) => o === undefined).length, 1);
    assert.equal(outcomes.filter((o) => o === "ResourceAlreadyExistsException").length, 49);
    assert.deepEqual(new Set(workers), new Set(["1", "2"]));
    const { Fleets } = await client.send(new DescribeFleetsCommand({}));
    assert.deepEqual(
      Fleets?.map((f) => f.Name),
      ["race"],
    );
    client.destroy();
  });

  it("lists the recent requests of every worker, and the detail of each, whichever worker answers", async () => {
    const { client, workers } = appstream(server.endpoint);
    for (let i = 0; i < 6; i++) await client.send(new DescribeFleetsCommand({}));
    assert.deepEqual(new Set(workers), new Set(["1", "2"]));
    for (let i = 0; i < 2; i++) {
      const { body } = await admin(server.endpoint, "GET", "/_imagelite/requests?service=appstream&q=DescribeFleets&limit=1000");
      const ids: string[] = body.requests.map((r: { id: string }) => r.id);
      assert.ok(ids.length >= 6);
      const byWorker = ["w1-", "w2-"].map((w) => ids.find((id) => id.startsWith(w)));
      assert.ok(byWorker.every(Boolean), ids.join(", "));
      for (const id of byWorker) {
        const detail = await admin(server.endpoint, "GET", `/_imagelite/requests/${id}`);
        assert.equal(detail.status, 200);
        assert.equal(detail.body.id, id);
        assert.equal(detail.body.operation, "DescribeFleets");
      }
    }
    assert.equal((await admin(server.endpoint, "GET", "/_imagelite/requests/w9-r-1")).status, 404);
    client.destroy();
  });

  it("streams every worker's calls live, with ids that open their detail, and resumes a reconnecting client", async () => {
    const stream = openStream(server.endpoint);
    await stream.opened();
    const { client, workers } = appstream(server.endpoint);
    for (let i = 0; i < 6; i++) await client.send(new DescribeFleetsCommand({}));
    assert.deepEqual(new Set(workers), new Set(["1", "2"]));
    const streamed = await stream.count(6, (e) => e.data.operation === "DescribeFleets");
    stream.close();
    assert.equal(streamed.length, 6);
    assert.deepEqual(new Set(streamed.map((e) => e.data.id.slice(0, 3))), new Set(["w1-", "w2-"]));
    for (const e of streamed) {
      const detail = await admin(server.endpoint, "GET", `/_imagelite/requests/${e.data.id}`);
      assert.equal(detail.status, 200, e.data.id);
      assert.equal(detail.body.operation, "DescribeFleets");
    }
    // Back after the third event: the other three, and the calls made while away, from both workers.
    for (let i = 0; i < 4; i++) await client.send(new DescribeImageBuildersCommand({}));
    const again = openStream(server.endpoint, streamed[2].id);
    await again.count(7);
    again.close();
    assert.deepEqual(
      again.events.slice(0, 3).map((e) => e.data.id),
      streamed.slice(3).map((e) => e.data.id),
    );
    const missed = again.events.slice(3).filter((e) => e.data.operation === "DescribeImageBuilders");
    assert.equal(missed.length, 4);
    client.destroy();
  });

  it("shows every acknowledged write to the next read, on the other worker too", async () => {
    const { client, workers } = ec2(server.endpoint);
    const pairs = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const { KeyPairId } = await client.send(new CreateKeyPairCommand({ KeyName: `seen-${i}`, KeyType: "ed25519" }));
      const { KeyPairs } = await client.send(new DescribeKeyPairsCommand({ KeyNames: [`seen-${i}`] }));
      assert.equal(KeyPairs?.[0]?.KeyPairId, KeyPairId, `seen-${i}`);
      pairs.add(workers.slice(-2).join(" then "));
    }
    assert.ok(pairs.has("1 then 2") || pairs.has("2 then 1"), [...pairs].join(", "));
    client.destroy();
  });
});

describe("--workers 2: a worker killed mid-load", () => {
  it("loses no acknowledged write, and is replaced", async () => {
    const server = await cli.start(cli.tempDir("imagelite-workers-kill-"), ["--workers", "2"]);
    await bothListening(server.endpoint);
    const [victim, survivor] = workerPids(server);
    const { client } = ec2(server.endpoint);
    const acknowledged: string[] = [];
    let attempts = 0;
    let killed = false;
    // Four writers at once; the kill comes after the 20th acknowledgement, whatever the timing.
    await Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; i < 25; i++) {
          const name = `load-${w}-${i}`;
          attempts++;
          try {
            await client.send(new CreateKeyPairCommand({ KeyName: name, KeyType: "ed25519" }));
            acknowledged.push(name);
          } catch {
            /* cut off with the worker: not acknowledged */
          }
          if (!killed && acknowledged.length >= 20) {
            killed = true;
            process.kill(victim, "SIGKILL");
          }
        }
      }),
    );
    assert.ok(killed);
    assert.equal(attempts, 100);
    assert.ok(acknowledged.length >= 20);
    // The primary starts another worker; both answer again.
    await bothListening(server.endpoint);
    const now = workerPids(server);
    assert.equal(now.length, 2);
    assert.ok(now.includes(survivor));
    assert.ok(!now.includes(victim));
    const { KeyPairs } = await client.send(new DescribeKeyPairsCommand({}));
    const stored = new Set(KeyPairs!.map((k) => k.KeyName));
    for (const name of acknowledged) assert.ok(stored.has(name), `${name} was acknowledged`);
    assert.match(server.stderr(), /worker \d \(pid \d+\) exited with SIGKILL; starting another/);
    client.destroy();
    await kill(server, "SIGTERM");
    assert.equal(server.child.exitCode, 0);
    for (const pid of now) assert.throws(() => process.kill(pid, 0), /ESRCH/, `worker ${pid} stopped with the primary`);
  });

  it("refuses --workers with --in-memory, and counts that are not 1 to 64", async () => {
    const r = await cli.run(["--workers", "2", "--in-memory"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--workers needs the SQLite store or a PostgreSQL one/);
    for (const bad of ["0", "1.5", "65", "two"]) {
      const b = await cli.run(["--workers", bad, "--data-dir", cli.tempDir()]);
      assert.equal(b.code, 2, bad);
      assert.match(b.stderr, /--workers must be/, bad);
    }
    assert.equal(configFrom([], {}).workers, 1);
    assert.equal(configFrom([], { IMAGELITE_WORKERS: "3" }).workers, 3);
    assert.equal(configFrom(["--workers", "2"], { IMAGELITE_WORKERS: "3" }).workers, 2);
  });
});
