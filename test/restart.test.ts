// Durability through the real CLI: whatever the server acknowledged must survive a kill -9 and a restart
// on the same data directory. Runs bin/imagelite.js (the packed server, as npm start runs it) as a separate process.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import Database from "better-sqlite3";
import {
  AppStreamClient,
  CreateFleetCommand,
  CreateImageBuilderCommand,
  DescribeFleetsCommand,
  DescribeImageBuildersCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  type Fleet,
} from "@aws-sdk/client-appstream";
import { cliScope, kill } from "./support/cli";

const IMAGE = "AppStream-WinServer2022-11-10-2025";
const INSTANCE_TYPE = "stream.standard.medium";

const cli = cliScope();
// Safety net: whatever a failed test left running or on disk.
after(() => cli.cleanup());
const tempDir = () => cli.tempDir("imagelite-restart-");
const startCli = (dataDir: string) => cli.start(dataDir);

const client = (endpoint: string) =>
  new AppStreamClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "111111111111", secretAccessKey: "x" },
    maxAttempts: 1,
  });

async function allFleets(c: AppStreamClient): Promise<Fleet[]> {
  const out: Fleet[] = [];
  let NextToken: string | undefined;
  do {
    const page = await c.send(new DescribeFleetsCommand({ NextToken }));
    out.push(...(page.Fleets ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

describe("restart durability (real CLI, SQLite, kill -9)", () => {
  it("keeps an image builder, a fleet, its capacity and its tags across kill -9", async () => {
    const dataDir = tempDir();
    const first = await startCli(dataDir);
    const c1 = client(first.endpoint);
    await c1.send(new CreateImageBuilderCommand({ Name: "builder-1", ImageName: IMAGE, InstanceType: INSTANCE_TYPE }));
    const { Fleet: created } = await c1.send(
      new CreateFleetCommand({
        Name: "fleet-1",
        ImageName: IMAGE,
        InstanceType: INSTANCE_TYPE,
        ComputeCapacity: { DesiredInstances: 2 },
      }),
    );
    assert.ok(created?.Arn);
    await c1.send(new TagResourceCommand({ ResourceArn: created.Arn, Tags: { team: "imaging", env: "test" } }));
    c1.destroy();
    await kill(first);

    const second = await startCli(dataDir);
    const c2 = client(second.endpoint);
    try {
      const { ImageBuilders } = await c2.send(new DescribeImageBuildersCommand({ Names: ["builder-1"] }));
      assert.equal(ImageBuilders?.length, 1);
      assert.equal(ImageBuilders[0].Name, "builder-1");
      assert.equal(ImageBuilders[0].InstanceType, INSTANCE_TYPE);

      const { Fleets } = await c2.send(new DescribeFleetsCommand({ Names: ["fleet-1"] }));
      assert.equal(Fleets?.length, 1);
      const fleet = Fleets[0];
      assert.equal(fleet.Arn, created.Arn);
      assert.equal(fleet.InstanceType, INSTANCE_TYPE);
      assert.equal(fleet.ImageName, IMAGE);
      assert.equal(fleet.ComputeCapacityStatus?.Desired, 2);

      const { Tags } = await c2.send(new ListTagsForResourceCommand({ ResourceArn: created.Arn }));
      assert.deepEqual(Tags, { team: "imaging", env: "test" });
    } finally {
      c2.destroy();
      await kill(second, "SIGTERM");
    }
  });

  it("after kill -9 in the middle of concurrent creates, every acknowledged one is there and the DB is sound", async (t) => {
    const dataDir = tempDir();
    const first = await startCli(dataDir);
    const c1 = client(first.endpoint);
    // Beyond the default quota of 10 fleets a Region: raised for the account first, as an administrator would.
    const raised = await fetch(`${first.endpoint}/_imagelite/quotas`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ service: "appstream", accountId: "111111111111", region: "us-east-1", quotas: { "L-3FEADC0C": 1000 } }),
    });
    assert.equal(raised.status, 200, await raised.text());
    const TOTAL = 200;
    const KILL_AFTER = 40;
    const acked: string[] = [];
    let killing: Promise<void> | undefined;
    const creates = Array.from({ length: TOTAL }, (_, i) => {
      const Name = `fleet-${String(i).padStart(3, "0")}`;
      return c1
        .send(new CreateFleetCommand({ Name, ImageName: IMAGE, InstanceType: INSTANCE_TYPE, ComputeCapacity: { DesiredInstances: 1 } }))
        .then(() => {
          acked.push(Name);
          // Killed from inside a response handler, so that plenty of requests are still in flight.
          if (acked.length === KILL_AFTER) killing = kill(first);
        });
    });
    const results = await Promise.allSettled(creates);
    await killing;
    c1.destroy();
    assert.ok(killing, "the server was killed");
    const failed = results.filter((r) => r.status === "rejected").length;
    assert.ok(failed > 0, "some creates were cut off by the kill");
    assert.equal(acked.length + failed, TOTAL);

    const second = await startCli(dataDir);
    const c2 = client(second.endpoint);
    let names: Set<string>;
    try {
      names = new Set((await allFleets(c2)).map((f) => f.Name!));
      // A create may have committed without its answer getting out; an acknowledged one must be there.
      const lost = acked.filter((n) => !names.has(n));
      assert.deepEqual(lost, [], "acknowledged creates lost by the kill");
      t.diagnostic(`${acked.length} acknowledged, ${failed} cut off, ${names.size} present after restart`);
    } finally {
      c2.destroy();
      await kill(second, "SIGTERM");
    }

    // The file itself is sound and holds every record the server described.
    const db = new Database(join(dataDir, "imagelite.db"), { readonly: true });
    try {
      assert.equal(db.pragma("integrity_check", { simple: true }), "ok");
      const rows = db.prepare("SELECT count(*) FROM records").pluck().get() as number;
      assert.ok(rows >= names.size, `${rows} records for ${names.size} fleets`);
    } finally {
      db.close();
    }
  });
});
