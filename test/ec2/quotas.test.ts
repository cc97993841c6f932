// The account's On-Demand quotas through the AWS SDK and /_imagelite/quotas ("On-Demand Instance quotas",
// ec2-on-demand-instances.html): RunInstances refuses, before it makes anything, a launch the vCPU quota of its
// instance class cannot hold (VcpuLimitExceeded), launches as many as there is room for above MinCount, and
// refuses when not even MinCount fits; StartInstances holds to the same quotas; an instance count quota, when
// set, answers InstanceLimitExceeded. The admin route reads and sets values per account and region or for every
// account; they survive a restart, and a reset forgets them as it forgets fault rules.
import { beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
  type RunInstancesCommandInput,
} from "@aws-sdk/client-ec2";
import { startImagelite, type Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, admin, ec2Client, REGION, rejection, T, useServer } from "../support/server";
import { registerAmi } from "./helpers";

const STANDARD = "L-1216C47A";
const P = "L-417A185B";

const fx = useServer();
let server: Imagelite;
let a: EC2Client;
let image: string;

beforeEach(async () => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  image = await registerAmi(a, "base");
  server.clock.advance(T + 1);
});

const run = (input: Partial<RunInstancesCommandInput>, client = a) =>
  client.send(new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1, InstanceType: "t3.micro", ...input }));

async function instanceIds(client = a): Promise<string[]> {
  const out = await client.send(new DescribeInstancesCommand({}));
  return (out.Reservations ?? []).flatMap((r) => r.Instances!.map((i) => i.InstanceId!));
}

const setQuotas = (quotas: Record<string, number | null>, level: { accountId?: string; region?: string } = {}) =>
  admin(server, "POST", "/_imagelite/quotas", { ...level, quotas });

const A_HERE = { accountId: ACCOUNT_A, region: REGION };

test("MaxCount=1000000000 is refused with VcpuLimitExceeded and makes nothing", async () => {
  const e = await rejection(() => run({ MaxCount: 1_000_000_000, InstanceType: undefined }));
  assert.equal(e.name, "VcpuLimitExceeded");
  assert.match(e.message, /^You have requested more vCPU capacity than your current vCPU limit of 1152 allows for the instance bucket/);
  assert.equal(e.$metadata?.httpStatusCode, 400);
  assert.deepEqual(await instanceIds(), []);
  assert.deepEqual((await a.send(new DescribeVolumesCommand({}))).Volumes, []);
});

test("the default Standard quota is 1,152 vCPUs: 576 t3.micro launch, the 577th does not", async () => {
  assert.equal((await run({ MinCount: 576, MaxCount: 576 })).Instances!.length, 576);
  assert.equal((await rejection(() => run({}))).name, "VcpuLimitExceeded");
  assert.equal((await instanceIds()).length, 576);
});

test("as many as there is room for above MinCount; none when MinCount does not fit", async () => {
  await setQuotas({ [STANDARD]: 8 }, A_HERE); // four t3.micro (2 vCPUs each)
  assert.equal((await run({ MaxCount: 3 })).Instances!.length, 3);
  // One more fits: MaxCount 4 is within the quota, so the launch takes the room there is.
  assert.equal((await run({ MaxCount: 4 })).Instances!.length, 1);
  assert.equal((await rejection(() => run({}))).name, "VcpuLimitExceeded");
  // A MaxCount beyond the whole quota is refused whatever room there is.
  const ids = await instanceIds();
  await a.send(new TerminateInstancesCommand({ InstanceIds: ids }));
  server.clock.advance(T + 1); // shutting-down instances still hold their capacity
  const beyond = await rejection(() => run({ MaxCount: 5 }));
  assert.equal(beyond.name, "VcpuLimitExceeded");
  assert.match(beyond.message, /vCPU limit of 8 allows/);
  assert.equal((await run({ MinCount: 2, MaxCount: 4 })).Instances!.length, 4);
  assert.equal((await rejection(() => run({ MinCount: 2, MaxCount: 2 }))).name, "VcpuLimitExceeded");
});

test("each instance class has its own vCPU quota: P instances count against P's 128", async () => {
  assert.equal((await rejection(() => run({ InstanceType: "p3.2xlarge", MaxCount: 17 }))).name, "VcpuLimitExceeded");
  assert.equal((await run({ InstanceType: "p3.2xlarge", MaxCount: 16 })).Instances!.length, 16);
  assert.equal((await rejection(() => run({ InstanceType: "p3.2xlarge" }))).name, "VcpuLimitExceeded");
  // Standard instances are not held back by P's.
  assert.equal((await run({ InstanceType: "m5.large", MaxCount: 10 })).Instances!.length, 10);
  const view = await admin(server, "GET", `/_imagelite/quotas?accountId=${ACCOUNT_A}&region=${REGION}`);
  const byCode = Object.fromEntries(view.body.quotas.map((q: { code: string }) => [q.code, q]));
  assert.equal(byCode[P].usage, 128);
  assert.equal(byCode[STANDARD].usage, 20);
  assert.equal(byCode.instances.usage, 26);
});

test("stopped and terminated instances free their vCPUs; StartInstances needs room again", async () => {
  await setQuotas({ [STANDARD]: 4 }, A_HERE);
  const [first, second] = (await run({ MaxCount: 2 })).Instances!.map((i) => i.InstanceId!);
  server.clock.advance(T + 1);
  await a.send(new StopInstancesCommand({ InstanceIds: [first] }));
  server.clock.advance(T + 1);
  const third = (await run({})).Instances![0].InstanceId!;
  const refused = await rejection(() => a.send(new StartInstancesCommand({ InstanceIds: [first] })));
  assert.equal(refused.name, "VcpuLimitExceeded");
  await a.send(new TerminateInstancesCommand({ InstanceIds: [third] }));
  server.clock.advance(T + 1);
  const started = await a.send(new StartInstancesCommand({ InstanceIds: [first, second] }));
  assert.deepEqual(
    started.StartingInstances!.map((s) => s.CurrentState!.Name),
    ["pending", "running"],
  );
});

test("an instance count quota, once set, answers InstanceLimitExceeded", async () => {
  await setQuotas({ instances: 2 }, A_HERE);
  assert.equal((await run({ MaxCount: 2 })).Instances!.length, 2);
  const e = await rejection(() => run({}));
  assert.equal(e.name, "InstanceLimitExceeded");
  assert.match(
    e.message,
    /^You have requested more instances \(3\) than your current instance limit of 2 allows for the specified instance type\./,
  );
  assert.equal((await rejection(() => run({ MaxCount: 3 }))).name, "InstanceLimitExceeded");
  await setQuotas({ instances: null }, A_HERE);
  assert.equal((await run({})).Instances!.length, 1);
});

describe("/_imagelite/quotas", () => {
  test("values for one account and region, for every account, and the order in which they apply", async () => {
    const b = fx.ec2(ACCOUNT_B);
    const west = fx.ec2(ACCOUNT_A, "us-west-2");
    const westImage = await registerAmi(west, "image-west");
    server.clock.advance(T + 1);

    const set = await setQuotas({ [STANDARD]: 2 }, A_HERE);
    assert.equal(set.status, 200);
    const standard = set.body.quotas.find((q: { code: string }) => q.code === STANDARD);
    assert.deepEqual(standard, {
      code: STANDARD,
      name: "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances",
      unit: "vCPU",
      value: 2,
      defaultValue: 1152,
      setFor: "account",
      usage: 0,
    });
    await run({});
    assert.equal((await rejection(() => run({}))).name, "VcpuLimitExceeded");
    // Another account, and the same account in another region, keep the default.
    const bImage = await registerAmi(b, "image-b");
    server.clock.advance(T + 1);
    assert.equal((await run({ ImageId: bImage, MaxCount: 3 }, b)).Instances!.length, 3);
    assert.equal((await run({ ImageId: westImage, MaxCount: 3 }, west)).Instances!.length, 3);

    // A value for every account applies where no account's own value is set.
    await setQuotas({ [STANDARD]: 6 });
    assert.equal((await rejection(() => run({ ImageId: bImage }, b))).name, "VcpuLimitExceeded");
    assert.equal((await rejection(() => run({}))).name, "VcpuLimitExceeded", "the account's own value (2) wins");
    const global = await admin(server, "GET", "/_imagelite/quotas");
    assert.equal(global.body.quotas.find((q: { code: string }) => q.code === STANDARD).setFor, "global");
    assert.equal(global.body.accountId, undefined);

    // null forgets the account's value: the global one applies; DELETE forgets the global ones.
    await setQuotas({ [STANDARD]: null }, A_HERE);
    assert.equal((await run({ MaxCount: 2 })).Instances!.length, 2);
    const deleted = await admin(server, "DELETE", "/_imagelite/quotas");
    assert.equal(deleted.body.quotas.find((q: { code: string }) => q.code === STANDARD).value, 1152);
    assert.equal((await run({ ImageId: bImage }, b)).Instances!.length, 1);
  });

  test("refuses what it cannot apply, and changes nothing then", async () => {
    const cases: [unknown, string][] = [
      [{ quotas: { "L-00000000": 5 } }, "UnknownQuota"],
      [{ quotas: { [STANDARD]: -1 } }, "InvalidQuotaValue"],
      [{ quotas: { [STANDARD]: 1.5 } }, "InvalidQuotaValue"],
      [{ quotas: { [STANDARD]: "64" } }, "InvalidQuotaValue"],
      [{ quotas: { [STANDARD]: 64, [P]: 1e12 } }, "InvalidQuotaValue"],
      [{ quotas: {} }, "InvalidQuotas"],
      [{ quotas: [] }, "InvalidQuotas"],
      [{ accountId: ACCOUNT_A, quotas: { [STANDARD]: 64 } }, "InvalidRegion"],
      [{ region: REGION, quotas: { [STANDARD]: 64 } }, "InvalidAccountId"],
      [{ accountId: ACCOUNT_A, region: "mars-east-1", quotas: { [STANDARD]: 64 } }, "InvalidRegion"],
    ];
    for (const [body, code] of cases) {
      const r = await admin(server, "POST", "/_imagelite/quotas", body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.code, code, JSON.stringify(body));
    }
    assert.equal((await admin(server, "GET", "/_imagelite/quotas?accountId=1")).body.code, "InvalidAccountId");
    assert.equal((await admin(server, "GET", "/_imagelite/quotas?account=1")).body.code, "InvalidParameter");
    const view = await admin(server, "GET", `/_imagelite/quotas?accountId=${ACCOUNT_A}&region=${REGION}`);
    assert.ok(view.body.quotas.every((q: { setFor: unknown }) => q.setFor === null));
    assert.equal(view.body.quotas.find((q: { code: string }) => q.code === STANDARD).value, 1152);
  });

  test("a reset forgets the values set, as it forgets fault rules", async () => {
    await setQuotas({ [STANDARD]: 2 }, A_HERE);
    await setQuotas({ [P]: 0 });
    assert.equal((await admin(server, "POST", "/_imagelite/reset", { accountId: ACCOUNT_B })).status, 200);
    let view = await admin(server, "GET", `/_imagelite/quotas?accountId=${ACCOUNT_A}&region=${REGION}`);
    assert.equal(view.body.quotas.find((q: { code: string }) => q.code === STANDARD).value, 2, "another account's reset keeps it");
    assert.equal((await admin(server, "POST", "/_imagelite/reset", {})).status, 200);
    view = await admin(server, "GET", `/_imagelite/quotas?accountId=${ACCOUNT_A}&region=${REGION}`);
    assert.equal(view.body.quotas.find((q: { code: string }) => q.code === STANDARD).value, 1152);
    assert.equal(view.body.quotas.find((q: { code: string }) => q.code === P).value, 128);
  });
});

test("quota values survive a restart on the same data directory", async () => {
  const dir = mkdtempSync(join(tmpdir(), "imagelite-quotas-"));
  try {
    const first = await startImagelite({ inMemory: false, dataDir: dir, transitionSeconds: T, clock: "manual" });
    assert.equal((await admin(first, "POST", "/_imagelite/quotas", { ...A_HERE, quotas: { [STANDARD]: 1 } })).status, 200);
    await first.stop();
    const second = await startImagelite({ inMemory: false, dataDir: dir, transitionSeconds: T, clock: "manual" });
    const c = ec2Client(second, ACCOUNT_A);
    try {
      const mine = await registerAmi(c, "restart");
      second.clock.advance(T + 1);
      const e = await rejection(() =>
        c.send(new RunInstancesCommand({ ImageId: mine, MinCount: 1, MaxCount: 1, InstanceType: "t3.micro" })),
      );
      assert.equal(e.name, "VcpuLimitExceeded");
      assert.match(e.message, /vCPU limit of 1 allows/);
    } finally {
      c.destroy();
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
