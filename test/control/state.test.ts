// Reset (everything, or one account, region or service), state export and import, the clock and config
// routes, and --admin off.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateFleetCommand,
  CreateImageBuilderCommand,
  DescribeFleetsCommand,
  DescribeImageBuildersCommand,
  DescribeImagesCommand,
  UpdateImagePermissionsCommand,
} from "@aws-sdk/client-appstream";
import { DescribeImagesCommand as Ec2DescribeImages, RegisterImageCommand } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { startImagelite } from "../../src/index";
import {
  ACCOUNT_A,
  ACCOUNT_B,
  admin,
  appstreamClient,
  createImageFromBuilder,
  ec2Client,
  startTestServer,
  T,
  useServer,
} from "../support/server";
import { ownSnapshot } from "../ec2/helpers";

const BASE = "AppStream-WinServer2022-11-10-2025";

async function populate(server: Imagelite): Promise<void> {
  for (const [account, region] of [
    [ACCOUNT_A, "us-east-1"],
    [ACCOUNT_A, "eu-west-1"],
    [ACCOUNT_B, "us-east-1"],
  ]) {
    const c = appstreamClient(server, account, region);
    await c.send(
      new CreateFleetCommand({
        Name: "f",
        ImageName: BASE,
        InstanceType: "stream.standard.small",
        ComputeCapacity: { DesiredInstances: 1 },
      }),
    );
    c.destroy();
    const e = ec2Client(server, account, region);
    await e.send(
      new RegisterImageCommand({
        Name: "ami-one",
        RootDeviceName: "/dev/xvda",
        BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: await ownSnapshot(e) } }],
        Architecture: "x86_64",
        VirtualizationType: "hvm",
      }),
    );
    e.destroy();
  }
}

async function fleetNames(server: Imagelite, account: string, region: string): Promise<string[]> {
  const c = appstreamClient(server, account, region);
  const names = (await c.send(new DescribeFleetsCommand({}))).Fleets!.map((f) => f.Name!);
  c.destroy();
  return names;
}

async function amiCount(server: Imagelite, account: string, region: string): Promise<number> {
  const e = ec2Client(server, account, region);
  const n = (await e.send(new Ec2DescribeImages({ Owners: ["self"] }))).Images!.length;
  e.destroy();
  return n;
}

describe("reset", () => {
  const fx = useServer();
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });

  it("empties one account, one region or one service, and everything", async () => {
    await populate(server);
    assert.equal((await admin(server, "POST", "/_imagelite/reset?accountId=222222222222")).status, 200);
    assert.deepEqual(await fleetNames(server, ACCOUNT_B, "us-east-1"), []);
    assert.deepEqual(await fleetNames(server, ACCOUNT_A, "us-east-1"), ["f"]);

    await admin(server, "POST", "/_imagelite/reset", { region: "eu-west-1" });
    assert.deepEqual(await fleetNames(server, ACCOUNT_A, "eu-west-1"), []);
    assert.equal(await amiCount(server, ACCOUNT_A, "eu-west-1"), 0);
    assert.equal(await amiCount(server, ACCOUNT_A, "us-east-1"), 1);

    await admin(server, "POST", "/_imagelite/reset?service=ec2");
    assert.equal(await amiCount(server, ACCOUNT_A, "us-east-1"), 0);
    assert.deepEqual(await fleetNames(server, ACCOUNT_A, "us-east-1"), ["f"]);

    server.reset();
    assert.deepEqual(await fleetNames(server, ACCOUNT_A, "us-east-1"), []);
    const c = appstreamClient(server);
    assert.ok((await c.send(new DescribeImagesCommand({ Type: "PUBLIC" }))).Images!.length > 0, "the public catalog stays");
    c.destroy();
  });

  it("refuses bad scopes", async () => {
    for (const [path, code] of [
      ["/_imagelite/reset?accountId=abc", "InvalidAccountId"],
      ["/_imagelite/reset?service=s3", "UnknownService"],
    ]) {
      const r = await admin(server, "POST", path);
      assert.equal(r.status, 400);
      assert.equal(r.body.code, code);
    }
  });
});

describe("state export and import", () => {
  it("round-trips the whole state into another server, clock included", async () => {
    const one = await startTestServer();
    const two = await startTestServer();
    try {
      await populate(one);
      const a = appstreamClient(one);
      await a.send(new CreateImageBuilderCommand({ Name: "ib", ImageName: BASE, InstanceType: "stream.standard.small" }));
      one.clock.advance(T);
      await createImageFromBuilder(one, "ib", "golden");
      one.clock.advance(3 * T);
      await a.send(
        new UpdateImagePermissionsCommand({ Name: "golden", SharedAccountId: ACCOUNT_B, ImagePermissions: { allowFleet: true } }),
      );
      await a.send(new CreateImageBuilderCommand({ Name: "half-way", ImageName: BASE, InstanceType: "stream.standard.small" }));
      a.destroy();

      const exported = await admin(one, "GET", "/_imagelite/state");
      assert.equal(exported.status, 200);
      assert.equal(exported.body.format, "imagelite-state");
      const imported = await admin(two, "POST", "/_imagelite/state", exported.body);
      assert.equal(imported.status, 200);
      assert.equal(imported.body.imported, exported.body.records.length);
      assert.deepEqual((await admin(two, "GET", "/_imagelite/state")).body, exported.body);

      const b2 = appstreamClient(two, ACCOUNT_B);
      const shared = (await b2.send(new DescribeImagesCommand({ Type: "SHARED" }))).Images!;
      assert.deepEqual(
        shared.map((i) => [i.Name, i.Visibility, i.State]),
        [["golden", "SHARED", "AVAILABLE"]],
      );
      b2.destroy();
      const a2 = appstreamClient(two);
      assert.equal(
        (await a2.send(new DescribeImageBuildersCommand({ Names: ["half-way"] }))).ImageBuilders![0].State,
        "PENDING",
        "the clock came along",
      );
      two.clock.advance(T);
      assert.equal((await a2.send(new DescribeImageBuildersCommand({ Names: ["half-way"] }))).ImageBuilders![0].State, "RUNNING");
      a2.destroy();
      assert.deepEqual(two.exportState().records, (await admin(two, "GET", "/_imagelite/state")).body.records);

      // The in-process API does the same: reset, then import what the first server exported.
      two.reset();
      assert.deepEqual(await fleetNames(two, ACCOUNT_A, "us-east-1"), []);
      two.importState(one.exportState());
      assert.deepEqual(await fleetNames(two, ACCOUNT_A, "us-east-1"), ["f"]);
      assert.deepEqual(two.exportState().records, one.exportState().records);
    } finally {
      await one.stop();
      await two.stop();
    }
  });

  it("refuses documents that are not an exported state, and keeps the state it had", async () => {
    const server = await startTestServer();
    try {
      await populate(server);
      for (const doc of [
        {},
        { format: "imagelite-state", version: 2, records: [] },
        { format: "imagelite-state", version: 1, records: {} },
        { format: "imagelite-state", version: 1, records: [{ type: "x" }] },
        { format: "imagelite-state", version: 1, records: [], clock: { now: "yesterday", mode: "real" } },
      ]) {
        const r = await admin(server, "POST", "/_imagelite/state", doc);
        assert.equal(r.status, 400, JSON.stringify(doc));
        assert.equal(r.body.code, "InvalidState");
      }
      assert.deepEqual(await fleetNames(server, ACCOUNT_A, "us-east-1"), ["f"]);
    } finally {
      await server.stop();
    }
  });
});

describe("clock and config routes", () => {
  const fx = useServer({ transitionSeconds: 4 });
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });

  it("shows, advances, freezes and releases the clock", async () => {
    const first = await admin(server, "GET", "/_imagelite/clock");
    assert.equal(first.body.mode, "manual");
    const advanced = await admin(server, "POST", "/_imagelite/clock", { advanceSeconds: 90 });
    assert.equal(Date.parse(advanced.body.now) - Date.parse(first.body.now), 90_000);
    assert.equal((await admin(server, "POST", "/_imagelite/clock", { mode: "real" })).body.mode, "real");
    server.clock.set("manual");
    assert.equal((await admin(server, "GET", "/_imagelite/clock")).body.mode, "manual");
    for (const body of [{ mode: "fast" }, { advanceSeconds: -1 }, { advanceSeconds: "10" }, "[1]"]) {
      const r = await admin(server, "POST", "/_imagelite/clock", body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.ok(r.body.code && r.body.message);
    }
  });

  it("shows the timing profile scaled by --transition-seconds", async () => {
    const { body } = await admin(server, "GET", "/_imagelite/config");
    assert.equal(body.transitionSeconds, 4);
    assert.equal(body.phaseSeconds.builderStart, 4);
    assert.ok(body.phaseSeconds.importStep > body.phaseSeconds.builderStart, "an import step lasts longer than a builder start");
  });

  it("answers unknown routes and methods with JSON errors", async () => {
    assert.deepEqual((await admin(server, "GET", "/_imagelite/nope")).body.code, "UnknownRoute");
    const r = await admin(server, "PUT", "/_imagelite/clock", {});
    assert.equal(r.status, 405);
    assert.equal(r.body.code, "MethodNotAllowed");
  });
});

describe("--admin off", () => {
  it("leaves only health", async () => {
    const server = await startImagelite({ admin: "off" });
    try {
      assert.equal((await admin(server, "GET", "/_imagelite/health")).status, 200);
      for (const [method, path] of [
        ["GET", "/_imagelite/clock"],
        ["POST", "/_imagelite/reset"],
        ["GET", "/_imagelite/state"],
        ["POST", "/_imagelite/faults"],
      ]) {
        assert.equal((await admin(server, method, path)).status, 404, path);
      }
      const c = appstreamClient(server);
      assert.ok((await c.send(new DescribeImagesCommand({ MaxResults: 1 }))).Images!.length === 1);
      c.destroy();
    } finally {
      await server.stop();
    }
  });
});
