// Three imagelite processes (the real CLI) on one PostgreSQL schema, behind a round-robin HTTP proxy of the
// test's own: each request goes to the next process, so that consecutive calls of one client are served by
// different processes, and every answer must be the same whichever serves it. Lifecycles on the shared clock,
// sharing across accounts, paging tokens across processes, a fault rule spent across processes, a same-name
// race, the request tail, and a process killed mid-load losing no acknowledged write.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer, request, Agent, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  AppStreamClient,
  CreateImageBuilderCommand,
  DescribeImageBuildersCommand,
  DescribeImagesCommand as DescribeAppStreamImagesCommand,
  type DescribeImagesCommandOutput,
} from "@aws-sdk/client-appstream";
import {
  CreateKeyPairCommand,
  CreateTagsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  EC2Client,
  ModifyImageAttributeCommand,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import { cliScope, kill, type Running } from "../support/cli";
import { openStream } from "../support/event-stream";
import { postgresSchemas } from "../support/postgres";
import { ownSnapshot, registerAmi } from "../ec2/helpers";

const ACCOUNT_A = "111111111111";
const ACCOUNT_B = "222222222222";
const PROCESSES = 3;
/** Seconds each intermediate lifecycle state lasts on the processes' manual clock. */
const T = 10;

const schemas = postgresSchemas();
const cli = cliScope();
after(() => cli.cleanup());

/** A request the proxy passed on: to which process (its index), and the call (EC2's Action or the JSON target). */
interface Routed {
  to: number;
  call: string;
}

/**
 * Passes each request to the next live process in turn. A process that refuses or drops a connection leaves
 * the rotation, and the client gets a 502 for that request: it was not acknowledged, whatever became of it.
 */
function roundRobin(endpoints: string[]) {
  const live = endpoints.map(() => true);
  const routed: Routed[] = [];
  const agent = new Agent({ keepAlive: true });
  let next = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      let to = -1;
      for (let i = 0; i < endpoints.length && to < 0; i++) {
        const n = (next + i) % endpoints.length;
        if (live[n]) to = n;
      }
      if (to < 0) {
        res.writeHead(502, { "content-type": "text/plain" }).end("no process left");
        return;
      }
      next = (to + 1) % endpoints.length;
      const action = /Action=([A-Za-z]+)/.exec(body.toString("latin1"))?.[1];
      routed.push({
        to,
        call:
          action ??
          String(req.headers["x-amz-target"] ?? "")
            .split(".")
            .pop() ??
          "",
      });
      const target = new URL(endpoints[to]);
      const out = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on("error", () => res.destroy());
        },
      );
      out.on("error", () => {
        live[to] = false;
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" }).end("process gone");
        else res.destroy();
      });
      out.end(body);
    });
  });
  return {
    routed,
    live,
    async listen(): Promise<string> {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => {
      agent.destroy();
      server.closeAllConnections();
      server.close();
    },
  };
}

const config = (endpoint: string, account: string) => ({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: account, secretAccessKey: "x" },
  // No retry of the SDK's: each answer is the one process's that served it.
  maxAttempts: 1,
});

async function adminCall(endpoint: string, method: string, path: string, body?: unknown) {
  const res = await fetch(endpoint + path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("three processes on one PostgreSQL schema behind a round-robin proxy", () => {
  let processes: Running[] = [];
  let proxy: ReturnType<typeof roundRobin>;
  let endpoint = "";
  const clients: { destroy(): void }[] = [];
  const ec2 = (account = ACCOUNT_A) => {
    const c = new EC2Client(config(endpoint, account));
    clients.push(c);
    return c;
  };
  const appstream = (account = ACCOUNT_A) => {
    const c = new AppStreamClient(config(endpoint, account));
    clients.push(c);
    return c;
  };
  /** The processes that served the calls named `call`, in order. */
  const servedBy = (call: string, since: number) =>
    proxy.routed
      .slice(since)
      .filter((r) => r.call === call)
      .map((r) => r.to);

  before(async () => {
    const url = schemas.url();
    const args = ["--store", url, "--clock", "manual", "--transition-seconds", String(T)];
    processes = await Promise.all(Array.from({ length: PROCESSES }, () => cli.start(cli.tempDir("imagelite-pgc-"), args)));
    proxy = roundRobin(processes.map((p) => p.endpoint));
    endpoint = await proxy.listen();
  });
  after(async () => {
    clients.forEach((c) => c.destroy());
    proxy?.close();
    await Promise.all(processes.filter((p) => p.child.exitCode === null && p.child.signalCode === null).map((p) => kill(p, "SIGTERM")));
  });

  it("an image builder's lifecycle: the clock advanced through one process is the time of the others", async () => {
    const client = appstream();
    const since = proxy.routed.length;
    const state = async () => (await client.send(new DescribeImageBuildersCommand({ Names: ["builder"] }))).ImageBuilders![0].State;
    const created = await client.send(
      new CreateImageBuilderCommand({
        Name: "builder",
        ImageName: "AppStream-WinServer2022-11-10-2025",
        InstanceType: "stream.standard.small",
      }),
    );
    assert.equal(created.ImageBuilder!.State, "PENDING");
    assert.equal((await adminCall(processes[0].endpoint, "POST", "/_imagelite/clock", { advanceSeconds: T - 1 })).status, 200);
    assert.equal(await state(), "PENDING");
    assert.equal(await state(), "PENDING");
    assert.equal((await adminCall(processes[1].endpoint, "POST", "/_imagelite/clock", { advanceSeconds: 1 })).status, 200);
    assert.equal(await state(), "RUNNING");
    assert.equal(await state(), "RUNNING");
    assert.equal(await state(), "RUNNING");
    // The five reads went round all three processes.
    assert.deepEqual(new Set(servedBy("DescribeImageBuilders", since)), new Set([0, 1, 2]));
    const clocks = await Promise.all(processes.map(async (p) => (await adminCall(p.endpoint, "GET", "/_imagelite/clock")).body));
    assert.deepEqual(clocks.slice(1), [clocks[0], clocks[0]]);
  });

  it("an AMI account A shares with B is seen and launched by B, whichever process serves each call", async () => {
    const a = ec2(ACCOUNT_A);
    const b = ec2(ACCOUNT_B);
    const imageId = await registerAmi(a, "shared-with-b");
    await adminCall(processes[2].endpoint, "POST", "/_imagelite/clock", { advanceSeconds: 3 * T + 1 });
    await a.send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
    for (let i = 0; i < PROCESSES; i++) {
      const { Images } = await b.send(new DescribeImagesCommand({ ExecutableUsers: ["self"] }));
      assert.deepEqual(
        Images?.map((x) => [x.ImageId, x.State]),
        [[imageId, "available"]],
      );
    }
    const run = await b.send(new RunInstancesCommand({ ImageId: imageId, MinCount: 1, MaxCount: 1, InstanceType: "t3.micro" }));
    const instanceId = run.Instances![0].InstanceId!;
    for (let i = 0; i < PROCESSES; i++) {
      const { Reservations } = await b.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
      assert.equal(Reservations![0].Instances![0].ImageId, imageId);
      assert.equal(Reservations![0].OwnerId, ACCOUNT_B);
    }
  });

  it("EC2 DescribeImages pages: a token one process made is honoured by the next", async () => {
    const client = ec2("333333333333");
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await registerAmi(client, `paged-${String(i).padStart(2, "0")}`));
    const since = proxy.routed.length;
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new DescribeImagesCommand({ Owners: ["self"], MaxResults: 5, NextToken: token }));
      seen.push(...page.Images!.map((x) => x.ImageId!));
      token = page.NextToken;
    } while (token);
    assert.deepEqual(seen.sort(), ids.sort());
    const pages = servedBy("DescribeImages", since);
    assert.equal(pages.length, 3);
    for (let i = 1; i < pages.length; i++) assert.notEqual(pages[i], pages[i - 1], "consecutive pages from different processes");
  });

  it("AppStream DescribeImages pages: the same across processes as from one", async () => {
    const client = appstream();
    const since = proxy.routed.length;
    const paged: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new DescribeAppStreamImagesCommand({ Type: "PUBLIC", MaxResults: 7, NextToken: token }));
      paged.push(...page.Images!.map((x) => x.Name!));
      token = page.NextToken;
    } while (token);
    const pages = servedBy("DescribeImages", since);
    assert.ok(pages.length >= 3, `${pages.length} pages`);
    for (let i = 1; i < pages.length; i++) assert.notEqual(pages[i], pages[i - 1]);
    const whole = new AppStreamClient(config(processes[0].endpoint, ACCOUNT_A));
    clients.push(whole);
    const all: string[] = [];
    token = undefined;
    do {
      const page: DescribeImagesCommandOutput = await whole.send(new DescribeAppStreamImagesCommand({ Type: "PUBLIC", NextToken: token }));
      all.push(...page.Images!.map((x) => x.Name!));
      token = page.NextToken;
    } while (token);
    assert.deepEqual(paged, all);
  });

  it("a fault rule with times: 5 fires 5 times in all over 30 calls spread over the processes", async () => {
    const added = await adminCall(processes[1].endpoint, "POST", "/_imagelite/faults", {
      service: "ec2",
      operation: "DescribeKeyPairs",
      times: 5,
      error: { code: "RequestLimitExceeded", message: "Request limit exceeded.", status: 503 },
    });
    assert.equal(added.status, 200);
    const client = ec2("444444444444");
    const since = proxy.routed.length;
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => client.send(new DescribeKeyPairsCommand({}))));
    const failed = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    assert.equal(failed.length, 5);
    assert.deepEqual([...new Set(failed.map((r) => r.reason.name))], ["RequestLimitExceeded"]);
    assert.deepEqual(new Set(servedBy("DescribeKeyPairs", since)), new Set([0, 1, 2]));
    for (const p of processes) {
      const { body } = await adminCall(p.endpoint, "GET", "/_imagelite/faults");
      assert.equal((body.faults as { matched: number }[])[0].matched, 5);
    }
    await adminCall(processes[2].endpoint, "DELETE", `/_imagelite/faults/${added.body.id as string}`);
  });

  // A minute at most: on a loaded machine a call of the hundred has once gone unanswered (every process idle, no
  // PostgreSQL session waiting); the test then fails rather than holding the run until the file's own limit.
  it(
    "100 parallel CreateKeyPair of one name over the three processes: one winner, 99 InvalidKeyPair.Duplicate",
    { timeout: 60_000 },
    async () => {
      const client = ec2("555555555555");
      const since = proxy.routed.length;
      const results = await Promise.allSettled(
        Array.from({ length: 100 }, () => client.send(new CreateKeyPairCommand({ KeyName: "contested", KeyType: "ed25519" }))),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      const errors = (results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]).map((r) => r.reason.name as string);
      assert.equal(won.length, 1);
      assert.equal(errors.length, 99);
      assert.deepEqual([...new Set(errors)], ["InvalidKeyPair.Duplicate"]);
      assert.deepEqual(new Set(servedBy("CreateKeyPair", since)), new Set([0, 1, 2]));
      const { KeyPairs } = await client.send(new DescribeKeyPairsCommand({}));
      assert.deepEqual(
        KeyPairs?.map((k) => k.KeyName),
        ["contested"],
      );
    },
  );

  it("the request tail of every process, listed and opened through any one of them", async () => {
    const client = ec2("666666666666");
    for (let i = 0; i < PROCESSES; i++) await client.send(new DescribeKeyPairsCommand({}));
    // Each process writes its own waiting entries before it reads: asked in turn, the last one shows all three.
    let listed: { id: string; account: string; operation: string }[] = [];
    for (const p of processes) {
      listed = (await adminCall(p.endpoint, "GET", "/_imagelite/requests?q=666666666666")).body.requests as typeof listed;
    }
    assert.equal(listed.length, PROCESSES);
    assert.deepEqual(new Set(listed.map((r) => r.operation)), new Set(["DescribeKeyPairs"]));
    const tags = new Set(listed.map((r) => r.id.split("-")[0]));
    assert.equal(tags.size, PROCESSES, "one entry of each process");
    for (const r of listed) {
      const { status, body } = await adminCall(processes[0].endpoint, "GET", `/_imagelite/requests/${r.id}`);
      assert.equal(status, 200);
      assert.equal(body.id, r.id);
      assert.equal((body.request as { headers: Record<string, string> }).headers.authorization, "[redacted]");
    }
  });

  it("the live stream of every process's calls, through any one of them, resumed by a reconnecting client", async () => {
    const stream = openStream(processes[1].endpoint);
    await stream.opened();
    const client = ec2("888888888888");
    for (let i = 0; i < PROCESSES; i++) await client.send(new DescribeKeyPairsCommand({}));
    const mine = (e: { data: { account: string } }) => e.data.account === "888888888888";
    const streamed = await stream.count(PROCESSES, mine);
    stream.close();
    assert.equal(streamed.length, PROCESSES, "each call once");
    assert.equal(new Set(streamed.map((e) => e.data.id.split("-")[0])).size, PROCESSES, "one call of each process");
    for (const e of streamed) {
      const { status, body } = await adminCall(processes[2].endpoint, "GET", `/_imagelite/requests/${e.data.id}`);
      assert.equal(status, 200);
      assert.equal(body.operation, "DescribeKeyPairs");
    }
    // Back after the first event, through another process: the other two, and a call made while away.
    await client.send(new DescribeImagesCommand({ Owners: ["self"] }));
    const again = openStream(processes[0].endpoint, streamed[0].id);
    const resumed = await again.count(PROCESSES, mine);
    again.close();
    assert.deepEqual(
      resumed.map((e) => e.data.id),
      [...streamed.slice(1).map((e) => e.data.id), resumed[2].data.id],
    );
    assert.equal(resumed[2].data.operation, "DescribeImages");
  });

  it("SIGKILL of one process mid-load loses no acknowledged write", async () => {
    const client = ec2("777777777777");
    const acknowledged: { imageId: string; name: string; tagged: boolean }[] = [];
    let killed: Promise<void> | undefined;
    const snapshot = await ownSnapshot(client);
    const mappings = [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: snapshot, VolumeSize: 8 } }];
    let n = 0;
    /** One writer: registers AMIs and tags them until 60 were acknowledged; the 20th acknowledgement kills process 1. */
    async function writer(): Promise<void> {
      while (acknowledged.length < 60) {
        const name = `durable-${n++}`;
        let imageId: string;
        try {
          imageId = await registerAmi(client, name, { BlockDeviceMappings: mappings });
        } catch {
          continue; // not acknowledged (the process died under it): nothing to check
        }
        const entry = { imageId, name, tagged: false };
        acknowledged.push(entry);
        if (acknowledged.length === 20) killed = kill(processes[1], "SIGKILL");
        try {
          await client.send(new CreateTagsCommand({ Resources: [imageId], Tags: [{ Key: "name", Value: name }] }));
          entry.tagged = true;
        } catch {
          /* not acknowledged */
        }
      }
    }
    await Promise.all(Array.from({ length: 6 }, writer));
    await killed;
    assert.equal(processes[1].child.signalCode, "SIGKILL");
    assert.equal(proxy.live[1], false, "the proxy saw the killed process go");
    for (const survivor of [processes[0], processes[2]]) {
      const reader = new EC2Client(config(survivor.endpoint, "777777777777"));
      clients.push(reader);
      const { Images } = await reader.send(new DescribeImagesCommand({ Owners: ["self"] }));
      const byId = new Map(Images!.map((x) => [x.ImageId!, x]));
      for (const a of acknowledged) {
        const image = byId.get(a.imageId);
        assert.equal(image?.Name, a.name, `${a.imageId} registered`);
        if (a.tagged) assert.deepEqual(image!.Tags, [{ Key: "name", Value: a.name }]);
      }
    }
    assert.ok(acknowledged.filter((a) => a.tagged).length >= 50);
  });
});
