// Processes that share one store agree on the clock, the fault rules and the state: two apps opened as
// workers on one SQLite file stand for two processes (test/workers/ runs the real cluster).
import { describe, it, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { CreateKeyPairCommand, DescribeKeyPairsCommand, DescribeImagesCommand } from "@aws-sdk/client-ec2";
import { createApp, type App } from "../../src/runtime/app";
import { createHttpServer } from "../../src/runtime/http-server";
import { streamLog } from "../../src/gateway/request-log";
import { startImagelite, type Imagelite } from "../../src/index";
import { ACCOUNT_A, admin, ec2Client, rejection, TEST_START } from "../support/server";

const root = mkdtempSync(join(tmpdir(), "imagelite-shared-control-"));
after(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;

interface Worker extends Imagelite {
  app: App;
}

/** One worker process's app and HTTP server, on the shared store in `dir`. */
async function worker(dir: string): Promise<Worker> {
  const app = createApp({ port: 0, dataDir: dir, clock: "manual", transitionSeconds: 10 }, streamLog(false), { worker: true });
  const server = createHttpServer(app.gateway, () => {});
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    app,
    endpoint: `http://127.0.0.1:${port}`,
    port,
    credentials: (accountId = "000000000000") => ({ accessKeyId: accountId, secretAccessKey: "x" }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          app.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  } as Worker;
}

describe("control state shared by the processes of one store", () => {
  let a: Worker;
  let b: Worker;
  beforeEach(async () => {
    const dir = join(root, String(dirs++));
    // The primary's set-up: the store alone, the clock resumed and saved.
    createApp({ dataDir: dir, clock: "manual" }, streamLog(false)).close();
    a = await worker(dir);
    b = await worker(dir);
    assert.equal(
      (
        await admin(a, "POST", "/_imagelite/state", {
          format: "imagelite-state",
          version: 1,
          records: [],
          clock: { now: new Date(TEST_START).toISOString(), mode: "manual" },
        })
      ).status,
      200,
    );
  });
  afterEach(async () => {
    await a.stop();
    await b.stop();
  });

  it("starts every process on the primary's clock, and adds up advances made through either", async () => {
    assert.equal((await admin(b, "GET", "/_imagelite/clock")).body.now, new Date(TEST_START).toISOString());
    await admin(a, "POST", "/_imagelite/clock", { advanceSeconds: 60 });
    await admin(b, "POST", "/_imagelite/clock", { advanceSeconds: 60 });
    // b's advance started from a's time although b had not read it before.
    a.app.clock.advance(60);
    b.app.clock.advance(60);
    const at = new Date(TEST_START + 240_000).toISOString();
    assert.equal((await admin(a, "GET", "/_imagelite/clock")).body.now, at);
    assert.equal((await admin(b, "GET", "/_imagelite/clock")).body.now, at);
    await admin(b, "POST", "/_imagelite/clock", { mode: "real" });
    assert.equal((await admin(a, "GET", "/_imagelite/clock")).body.mode, "real");
  });

  it("matches the rules added through either process, and spends a rule's times once across both", async () => {
    const { body } = await admin(a, "POST", "/_imagelite/faults", {
      service: "ec2",
      operation: "DescribeImages",
      times: 3,
      error: { code: "RequestLimitExceeded" },
    });
    const clients = [ec2Client(a), ec2Client(b)];
    const failed: string[] = [];
    for (let i = 0; i < 10; i++) {
      const e = await clients[i % 2].send(new DescribeImagesCommand({ Owners: ["self"] })).then(
        () => undefined,
        (err: Error) => err.name,
      );
      if (e) failed.push(`${i % 2 ? "b" : "a"} ${e}`);
    }
    assert.deepEqual(failed, ["a RequestLimitExceeded", "b RequestLimitExceeded", "a RequestLimitExceeded"]);
    assert.deepEqual(
      (await admin(b, "GET", "/_imagelite/faults")).body.faults.map((f: { matched: number }) => f.matched),
      [3],
    );
    // An unlimited rule removed through b stops at once in a.
    const second = await admin(a, "POST", "/_imagelite/faults", { service: "ec2", operation: "*", error: { code: "InternalError" } });
    assert.equal((await rejection(() => clients[0].send(new DescribeImagesCommand({})))).name, "InternalError");
    assert.equal((await admin(b, "DELETE", `/_imagelite/faults/${second.body.id}`)).status, 200);
    await clients[0].send(new DescribeImagesCommand({ Owners: ["self"] }));
    assert.equal((await admin(a, "GET", "/_imagelite/faults")).body.faults[0].id, body.id);
    await admin(b, "DELETE", "/_imagelite/faults");
    assert.deepEqual((await admin(a, "GET", "/_imagelite/faults")).body.faults, []);
    for (const c of clients) c.destroy();
  });

  it("keeps rules and clock through a reset, and reloads all of them after a state import", async () => {
    await admin(a, "POST", "/_imagelite/faults", { service: "appstream", operation: "*", accountId: "222222222222", latencyMs: 1 });
    await admin(a, "POST", "/_imagelite/clock", { advanceSeconds: 3600 });
    const c = ec2Client(b);
    await c.send(new CreateKeyPairCommand({ KeyName: "kept", KeyType: "ed25519" }));
    const exported = (await admin(b, "GET", "/_imagelite/state")).body;
    assert.ok(!exported.records.some((r: { type: string }) => r.type === "imagelite.fault"), "fault rules are not state to export");
    assert.equal((await admin(a, "POST", "/_imagelite/reset", { accountId: ACCOUNT_A })).status, 200);
    assert.deepEqual((await c.send(new DescribeKeyPairsCommand({}))).KeyPairs, []);
    assert.equal((await admin(b, "GET", "/_imagelite/faults")).body.faults.length, 1);
    assert.equal((await admin(b, "GET", "/_imagelite/clock")).body.now, new Date(TEST_START + 3600_000).toISOString());
    // The export goes back in through a: b sees its records and its clock, and still the rule.
    await admin(a, "POST", "/_imagelite/clock", { advanceSeconds: 60 });
    assert.equal((await admin(a, "POST", "/_imagelite/state", exported)).status, 200);
    assert.equal((await c.send(new DescribeKeyPairsCommand({}))).KeyPairs?.[0]?.KeyName, "kept");
    assert.equal((await admin(b, "GET", "/_imagelite/clock")).body.now, exported.clock.now);
    assert.equal((await admin(b, "GET", "/_imagelite/faults")).body.faults.length, 1);
    c.destroy();
    // What a shared store exports, a single process imports.
    const single = await startImagelite();
    assert.equal((await admin(single, "POST", "/_imagelite/state", exported)).status, 200);
    await single.stop();
  });
});
