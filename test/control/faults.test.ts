// Failure on demand: error rules (first N calls, a share of calls, latency) and lifecycle rules that send
// what an operation creates to its failure state, over HTTP and through the in-process API; the bounds on
// rules (count, total latency, message length) and their order.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CopyImageCommand,
  CreateImageBuilderCommand,
  DescribeFleetsCommand,
  DescribeImageBuildersCommand,
  DescribeImagesCommand,
  type AppStreamClient,
} from "@aws-sdk/client-appstream";
import { DescribeImagesCommand as Ec2DescribeImages } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { createApp } from "../../src/runtime/app";
import { FAULT_LIMITS, FaultRuleError, Faults } from "../../src/operator/faults/faults";
import type { RequestLine } from "../../src/gateway/request-log";
import { ACCOUNT_A, ACCOUNT_B, admin, createImageFromBuilder, ec2Client, rejection, T, useServer } from "../support/server";

const BASE = "AppStream-WinServer2022-11-10-2025";

describe("fault rules", () => {
  let server: Imagelite;
  let client: AppStreamClient;
  const fx = useServer();
  before(() => {
    server = fx.server;
    client = fx.appstream();
  });

  it("throttles the first N matching calls, then lets calls through", async () => {
    const { status, body } = await admin(server, "POST", "/_imagelite/faults", {
      service: "appstream",
      operation: "DescribeFleets",
      times: 2,
      error: { code: "ThrottlingException", message: "Rate exceeded" },
    });
    assert.equal(status, 200);
    assert.match(body.id, /^[0-9a-f-]{36}$/);
    for (let i = 0; i < 2; i++) {
      const e = await rejection(() => client.send(new DescribeFleetsCommand({})));
      assert.equal(e.name, "ThrottlingException");
      assert.equal(e.message, "Rate exceeded");
      assert.equal(e.$metadata?.httpStatusCode, 400);
    }
    assert.deepEqual((await client.send(new DescribeFleetsCommand({}))).Fleets, []);
    const listed = await admin(server, "GET", "/_imagelite/faults");
    assert.equal(listed.body.faults[0].matched, 2);
  });

  it("answers EC2 in its own envelope, and matches account and region", async () => {
    server.faults.add({
      service: "ec2",
      operation: "DescribeImages",
      accountId: ACCOUNT_B,
      error: { code: "RequestLimitExceeded", status: 503 },
    });
    const a = ec2Client(server, ACCOUNT_A);
    const b = ec2Client(server, ACCOUNT_B);
    await a.send(new Ec2DescribeImages({ Owners: ["self"] }));
    const e = await rejection(() => b.send(new Ec2DescribeImages({ Owners: ["self"] })));
    assert.equal(e.name, "RequestLimitExceeded");
    assert.equal(e.$metadata?.httpStatusCode, 503);
    a.destroy();
    b.destroy();
  });

  it("matches a share of calls and a named resource only", async () => {
    server.faults.add({ service: "appstream", operation: "*", probability: 0, error: { code: "ThrottlingException" } });
    for (let i = 0; i < 5; i++) await client.send(new DescribeFleetsCommand({}));
    server.faults.clear();
    server.faults.add({
      service: "appstream",
      operation: "DescribeImages",
      resource: BASE,
      error: { code: "ResourceNotFoundException", message: "gone" },
    });
    assert.equal((await client.send(new DescribeImagesCommand({ Names: ["AppStream-WinServer2019-11-10-2025"] }))).Images!.length, 1);
    assert.equal((await rejection(() => client.send(new DescribeImagesCommand({ Names: [BASE] })))).name, "ResourceNotFoundException");
  });

  it("adds latency", async () => {
    const id = server.faults.add({ service: "appstream", operation: "DescribeFleets", latencyMs: 150 });
    const started = Date.now();
    await client.send(new DescribeFleetsCommand({}));
    assert.ok(Date.now() - started >= 140, "the answer waited for the rule's latency");
    assert.equal(server.faults.remove(id), true);
    assert.equal((await admin(server, "DELETE", `/_imagelite/faults/${id}`)).body.code, "FaultNotFound");
  });

  it("sends a new image builder to FAILED with the service's reason", async () => {
    server.faults.add({
      service: "appstream",
      operation: "CreateImageBuilder",
      times: 1,
      lifecycle: { outcome: "fail", reason: "Subnet has no free addresses" },
    });
    const created = await client.send(
      new CreateImageBuilderCommand({ Name: "doomed", ImageName: BASE, InstanceType: "stream.standard.small" }),
    );
    assert.equal(created.ImageBuilder!.State, "PENDING");
    server.clock.advance(T);
    const [b] = (await client.send(new DescribeImageBuildersCommand({ Names: ["doomed"] }))).ImageBuilders!;
    assert.equal(b.State, "FAILED");
    assert.deepEqual(b.StateChangeReason, { Code: "INTERNAL_ERROR", Message: "Subnet has no free addresses" });
    assert.equal(b.ImageBuilderErrors![0].ErrorCode, "INTERNAL_SERVICE_ERROR");
    assert.ok(b.ImageBuilderErrors![0].ErrorTimestamp instanceof Date);
    const next = await client.send(new CreateImageBuilderCommand({ Name: "fine", ImageName: BASE, InstanceType: "stream.standard.small" }));
    server.clock.advance(T);
    assert.equal(
      (await client.send(new DescribeImageBuildersCommand({ Names: [next.ImageBuilder!.Name!] }))).ImageBuilders![0].State,
      "RUNNING",
      "the rule was spent",
    );
  });

  it("fails the Image Assistant's image and a copy", async () => {
    await client.send(new CreateImageBuilderCommand({ Name: "ib", ImageName: BASE, InstanceType: "stream.standard.small" }));
    server.clock.advance(T);
    assert.equal(
      (
        await admin(server, "POST", "/_imagelite/faults", {
          service: "appstream",
          operation: "CreateImage",
          times: 1,
          lifecycle: { outcome: "fail" },
        })
      ).status,
      200,
    );
    await createImageFromBuilder(server, "ib", "broken");
    server.clock.advance(3 * T);
    const [broken] = (await client.send(new DescribeImagesCommand({ Names: ["broken"] }))).Images!;
    assert.equal(broken.State, "FAILED");
    assert.equal(broken.StateChangeReason!.Code, "INTERNAL_ERROR");
    assert.equal((await createImageFromBuilder(server, "ib", "broken")).body.code, "OperationNotPermittedException", "the builder stopped");

    await client.send(new CreateImageBuilderCommand({ Name: "ib2", ImageName: BASE, InstanceType: "stream.standard.small" }));
    server.clock.advance(T);
    await createImageFromBuilder(server, "ib2", "good");
    server.clock.advance(3 * T);
    server.faults.add({ service: "appstream", operation: "CopyImage", lifecycle: { outcome: "fail", reason: "copy broke" } });
    await client.send(new CopyImageCommand({ SourceImageName: "good", DestinationImageName: "good-copy", DestinationRegion: "us-east-1" }));
    server.clock.advance(3 * T);
    const [copy] = (await client.send(new DescribeImagesCommand({ Names: ["good-copy"] }))).Images!;
    assert.equal(copy.State, "FAILED");
    assert.deepEqual(copy.StateChangeReason, { Code: "IMAGE_COPY_FAILURE", Message: "copy broke" });
  });

  it("refuses invalid rules with a code and a message", async () => {
    const bad: unknown[] = [
      "not json",
      [],
      {},
      { service: "appstream" },
      { service: "nope", operation: "X", error: { code: "A" } },
      { service: "appstream", operation: "MakeCoffee", error: { code: "A" } },
      { service: "appstream", operation: "DescribeFleets" },
      { service: "appstream", operation: "DescribeFleets", error: { code: "A" }, lifecycle: { outcome: "fail" } },
      { service: "appstream", operation: "DescribeFleets", times: 0, error: { code: "A" } },
      { service: "appstream", operation: "DescribeFleets", probability: 2, error: { code: "A" } },
      { service: "appstream", operation: "DescribeFleets", error: { code: "A", status: 200 } },
      { service: "appstream", operation: "DescribeFleets", lifecycle: { outcome: "succeed" } },
      { service: "appstream", operation: "DescribeFleets", error: { code: "A" }, extra: 1 },
    ];
    for (const body of bad) {
      const r = await admin(server, "POST", "/_imagelite/faults", typeof body === "string" ? body : body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.ok(["InvalidFaultRule", "InvalidJson"].includes(r.body.code), JSON.stringify(r.body));
      assert.equal(typeof r.body.message, "string");
    }
    assert.throws(() => server.faults.add({ service: "nope", operation: "X", error: { code: "A" } }), /Unknown service/);
  });

  it("keeps at most FAULT_LIMITS.rules rules, refusing one more with a code and a message", async () => {
    for (let i = 0; i < FAULT_LIMITS.rules; i++) {
      server.faults.add({ service: "ec2", operation: "DeregisterImage", resource: `ami-${i}`, error: { code: "InvalidAMIID.NotFound" } });
    }
    const more = { service: "appstream", operation: "DescribeFleets", error: { code: "ThrottlingException" } };
    const refused = await admin(server, "POST", "/_imagelite/faults", more);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, "TooManyFaultRules");
    assert.match(refused.body.message, /1000 fault rules/);
    assert.throws(
      () => server.faults.add(more),
      (e: unknown) => e instanceof FaultRuleError && e.code === "TooManyFaultRules",
    );
    assert.deepEqual((await client.send(new DescribeFleetsCommand({}))).Fleets, [], "rules for other operations leave a call alone");
    server.faults.remove(server.faults.list()[0].id);
    assert.equal((await admin(server, "POST", "/_imagelite/faults", more)).status, 200);
  });

  it("refuses an error message or a lifecycle reason over FAULT_LIMITS.messageLength characters", async () => {
    const long = "x".repeat(FAULT_LIMITS.messageLength + 1);
    for (const rule of [
      { service: "appstream", operation: "DescribeFleets", error: { code: "ThrottlingException", message: long } },
      { service: "appstream", operation: "CreateFleet", lifecycle: { outcome: "fail", reason: long } },
    ]) {
      const r = await admin(server, "POST", "/_imagelite/faults", rule);
      assert.equal(r.status, 400);
      assert.equal(r.body.code, "InvalidFaultRule");
      assert.match(r.body.message, /at most 1024 characters/);
    }
    const atMost = "x".repeat(FAULT_LIMITS.messageLength);
    assert.equal(
      (
        await admin(server, "POST", "/_imagelite/faults", {
          service: "appstream",
          operation: "DescribeFleets",
          error: { code: "ThrottlingException", message: atMost },
        })
      ).status,
      200,
    );
    assert.equal((await rejection(() => client.send(new DescribeFleetsCommand({})))).message, atMost);
  });

  it("is removed by reset", async () => {
    server.faults.add({ service: "appstream", operation: "DescribeFleets", error: { code: "ThrottlingException" } });
    assert.equal((await admin(server, "POST", "/_imagelite/reset")).status, 200);
    assert.deepEqual((await admin(server, "GET", "/_imagelite/faults")).body.faults, []);
    await client.send(new DescribeFleetsCommand({}));
  });
});

describe("request log", () => {
  it("names the fault rules that shaped a call", async () => {
    const lines: RequestLine[] = [];
    const app = createApp(
      { inMemory: true },
      { request: (l) => lines.push(l), failure: () => undefined, info: () => undefined, warn: () => undefined },
    );
    const id = app.faults.add({ service: "appstream", operation: "DescribeFleets", error: { code: "ThrottlingException" } });
    await app.gateway.handle({
      method: "POST",
      path: "/",
      query: new URLSearchParams(),
      body: Buffer.from("{}"),
      headers: {
        "x-amz-target": "PhotonAdminProxyService.DescribeFleets",
        authorization: "AWS4-HMAC-SHA256 Credential=111111111111/20261123/eu-west-1/appstream/aws4_request",
      },
    });
    assert.deepEqual(
      lines.map((l) => [l.service, l.operation, l.account, l.region, l.status, l.error, l.faults]),
      [["appstream", "DescribeFleets", "111111111111", "eu-west-1", 400, "ThrottlingException", [id]]],
    );
    app.close();
  });
});

describe("fault rules in memory", () => {
  const rule = (operation: string, more: object) => ({ service: "appstream", operation, ...more });
  const call = (faults: Faults) => faults.match("appstream", "DescribeFleets", "111111111111", "us-east-1", {});

  it("caps the latency a call gets from every matching rule at one rule's maximum", () => {
    const faults = new Faults();
    for (let i = 0; i < 100; i++) faults.add(rule(i % 2 ? "*" : "DescribeFleets", { latencyMs: FAULT_LIMITS.latencyMs }));
    const effect = call(faults)!;
    assert.equal(effect.ids.length, 100);
    assert.equal(effect.latencyMs, FAULT_LIMITS.latencyMs);
  });

  it("applies an operation's rules and its service's \"*\" rules in the order they were added", () => {
    const faults = new Faults();
    const first = faults.add(rule("*", { times: 1, error: { code: "First" } }));
    faults.add(rule("CreateFleet", { error: { code: "Elsewhere" } }));
    const named = faults.add(rule("DescribeFleets", { error: { code: "Named" }, latencyMs: 5 }));
    faults.add({ service: "ec2", operation: "*", error: { code: "OtherService" } });
    const last = faults.add(rule("*", { latencyMs: 7 }));
    assert.deepEqual(call(faults), {
      ids: [first, named, last],
      latencyMs: 12,
      error: { code: "First", message: "Injected fault First", status: 400 },
    });
    assert.deepEqual(call(faults)?.ids, [named, last], "the first rule is spent");
    assert.deepEqual(
      faults.list().map((f) => [f.operation, f.matched]),
      [
        ["*", 1],
        ["CreateFleet", 0],
        ["DescribeFleets", 2],
        ["*", 0],
        ["*", 2],
      ],
    );
    assert.equal(faults.remove(named), true);
    assert.equal(faults.remove(named), false);
    assert.deepEqual(call(faults), { ids: [last], latencyMs: 7 });
    faults.clear();
    assert.equal(call(faults), undefined);
    assert.equal(faults.size, 0);
  });
});
