// Records of resources that are gone are purged — never before reads stop showing them — with everything that
// goes with them, for every resource that goes: AMIs, import tasks, fast launch settings, usage reports, image
// builders and the client tokens that made them. What survives reads the same. Also across a restart on
// SQLite (with a store from before the expiry index) and a state import. Deterministic: a manual clock.
import { RETIRED_MS } from "../../src/services/ec2/images/records";
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import {
  CancelImportTaskCommand,
  CopyImageCommand,
  CreateImageUsageReportCommand,
  CreateTagsCommand,
  DeleteImageUsageReportCommand,
  DeregisterImageCommand,
  DescribeFastLaunchImagesCommand,
  DescribeImagesCommand,
  DescribeImageUsageReportsCommand,
  DescribeImportImageTasksCommand,
  DescribeTagsCommand,
  DisableFastLaunchCommand,
  EnableFastLaunchCommand,
  ImportImageCommand,
  ModifyImageAttributeCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import {
  CreateImageBuilderCommand,
  DeleteImageBuilderCommand,
  DescribeImageBuildersCommand,
  type AppStreamClient,
} from "@aws-sdk/client-appstream";
import { startImagelite, type Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, appstreamClient, ec2Client, T, useServer } from "../support/server";
import { registerAmi, settle, WINDOWS } from "../ec2/helpers";

const DAY = 24 * 3600;
const BASE = "AppStream-WinServer2022-11-10-2025";

/** The records of the store, but imagelite's own (clock, expiry index). */
// Snapshots are resources of their own: they outlive the AMIs made of them until DeleteSnapshot (which AMIs use
// them, `ec2.snapshot-use`, goes with each AMI's registration and stays in view).
const stored = (server: Imagelite) =>
  server.exportState().records.filter((r) => !r.type.startsWith("imagelite.") && r.type !== "ec2.snapshot");
/** The records that name `id`, in their key or their value. */
const mentioning = (server: Imagelite, id: string) =>
  stored(server).filter((r) => r.id.includes(id) || JSON.stringify(r.value).includes(id));
const without = (records: ReturnType<typeof stored>, type: string) => records.filter((r) => r.type !== type);

describe("purge of what is gone", () => {
  let server: Imagelite;
  let a: EC2Client;
  let b: EC2Client;

  const fx = useServer();
  before(() => {
    server = fx.server;
    a = fx.ec2(ACCOUNT_A);
    b = fx.ec2(ACCOUNT_B);
  });

  /** What survivors look like to both accounts. */
  async function views() {
    return {
      ownA: (await a.send(new DescribeImagesCommand({ Owners: ["self"] }))).Images,
      seenByB: (await b.send(new DescribeImagesCommand({ ExecutableUsers: ["self", "all"] }))).Images,
      amazon: (await a.send(new DescribeImagesCommand({ Owners: ["amazon"] }))).Images?.length,
      tagsA: (await a.send(new DescribeTagsCommand({}))).Tags,
      tagsB: (await b.send(new DescribeTagsCommand({}))).Tags,
      fastLaunchA: (await a.send(new DescribeFastLaunchImagesCommand({}))).FastLaunchImages,
      fastLaunchB: (await b.send(new DescribeFastLaunchImagesCommand({}))).FastLaunchImages,
    };
  }

  it("deregistered AMIs leave nothing once their deregistered phase is over; survivors read the same", async () => {
    const kept = await registerAmi(a, "kept-shared", {
      ...WINDOWS,
      TagSpecifications: [{ ResourceType: "image", Tags: [{ Key: "keep", Value: "yes" }] }],
    });
    const keptPublic = await registerAmi(a, "kept-public");
    settle(server);
    await a.send(new ModifyImageAttributeCommand({ ImageId: kept, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
    await a.send(new ModifyImageAttributeCommand({ ImageId: keptPublic, LaunchPermission: { Add: [{ Group: "all" }] } }));
    await b.send(new CreateTagsCommand({ Resources: [kept, keptPublic], Tags: [{ Key: "b", Value: "mine" }] }));
    await b.send(new EnableFastLaunchCommand({ ImageId: kept }));
    settle(server); // enabled: what the survivors show no longer changes with time
    const survivors = stored(server);
    const seen = await views();

    // Pairs with everything that may hang on an AMI: tags of both accounts, grants, public, fast launch, a copy's token.
    const doomed: string[] = [];
    for (let i = 0; i < 40; i++) {
      doomed.push(
        await registerAmi(a, `pair-${i}`, {
          ...(i % 4 === 0 ? WINDOWS : {}),
          TagSpecifications: [{ ResourceType: "image", Tags: [{ Key: "n", Value: String(i) }] }],
        }),
      );
    }
    settle(server);
    for (const [i, id] of doomed.entries()) {
      if (i % 4 === 0) {
        await a.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
        await b.send(new EnableFastLaunchCommand({ ImageId: id }));
        await a.send(new EnableFastLaunchCommand({ ImageId: id }));
      }
      if (i % 4 === 1) await a.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ Group: "all" }] } }));
      if (i % 4 <= 1) await b.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "b", Value: String(i) }] }));
    }
    const copy = (
      await a.send(new CopyImageCommand({ SourceImageId: doomed[1], SourceRegion: "us-east-1", Name: "pair-copy", ClientToken: "copy-1" }))
    ).ImageId!;
    doomed.push(copy);
    settle(server);
    for (const id of doomed) await a.send(new DeregisterImageCommand({ ImageId: id }));

    // The owner still sees them, deregistered, for the whole phase: nothing of them is purged before it ends.
    server.clock.advance(T - 1);
    const shown = (await a.send(new DescribeImagesCommand({ ImageIds: doomed }))).Images!;
    assert.deepEqual(new Set(shown.map((i) => i.State)), new Set(["deregistered"]));
    assert.equal(shown.length, doomed.length);
    assert.ok(doomed.every((id) => mentioning(server, id).some((r) => r.type === "ec2.image")));

    server.clock.advance(1);
    assert.deepEqual(await views(), seen, "the survivors read the same");
    // The copy's client token is kept a day after its AMI is gone, and each AMI's id an hour (DescribeImages by id
    // answers no image rather than NotFound); nothing else of the pairs is left.
    assert.deepEqual(
      without(stored(server), "ec2.retired-image")
        .filter((r) => !survivors.some((s) => s.type === r.type && s.id === r.id))
        .map((r) => [r.type, r.id]),
      [["ec2.client-token", "CopyImage copy-1"]],
    );
    assert.deepEqual(
      stored(server)
        .filter((r) => r.type === "ec2.retired-image")
        .map((r) => r.id)
        .sort(),
      [...doomed].sort(),
    );
    assert.deepEqual(without(without(stored(server), "ec2.client-token"), "ec2.retired-image"), survivors);
    server.clock.advance(DAY);
    await a.send(new DescribeImagesCommand({ Owners: ["self"] }));
    assert.deepEqual(stored(server), survivors);
    // The token went with its AMI: used again, it makes a new copy.
    const again = await a.send(
      new CopyImageCommand({ SourceImageId: kept, SourceRegion: "us-east-1", Name: "pair-copy", ClientToken: "copy-1" }),
    );
    assert.notEqual(again.ImageId, copy);
  });

  it("keeps a name used again: only the deregistered AMI goes", async () => {
    const first = await registerAmi(a, "reused");
    await a.send(new DeregisterImageCommand({ ImageId: first }));
    const second = await registerAmi(a, "reused");
    server.clock.advance(T);
    const byName = (await a.send(new DescribeImagesCommand({ Owners: ["self"], Filters: [{ Name: "name", Values: ["reused"] }] }))).Images!;
    assert.deepEqual(
      byName.map((i) => i.ImageId),
      [second],
    );
    assert.deepEqual(
      mentioning(server, first).map((r) => r.type),
      ["ec2.retired-image"],
    );
    server.clock.advance(RETIRED_MS);
    await a.send(new DescribeImagesCommand({ Owners: ["self"] }));
    assert.deepEqual(mentioning(server, first), []);
    assert.deepEqual(
      stored(server)
        .map((r) => r.type)
        .sort(),
      ["ec2.image", "ec2.snapshot-use"],
    );
  });

  it("import tasks go at the end of their retention, with their tags and, a day later, their client token", async () => {
    const disk = { Format: "vmdk", UserBucket: { S3Bucket: "bucket", S3Key: "vm.vmdk" } };
    const tags = [{ ResourceType: "import-image-task" as const, Tags: [{ Key: "team", Value: "web" }] }];
    const completed = (await a.send(new ImportImageCommand({ DiskContainers: [disk], TagSpecifications: tags, ClientToken: "imp-1" })))
      .ImportTaskId!;
    const cancelled = (await a.send(new ImportImageCommand({ DiskContainers: [disk], TagSpecifications: tags }))).ImportTaskId!;
    // Cancelled one phase before the other completes (8 steps of 3 T), both end their 7 days at the same time.
    server.clock.advance(23 * T);
    await a.send(new CancelImportTaskCommand({ ImportTaskId: cancelled }));
    server.clock.advance(T);
    const ami = (await a.send(new DescribeImportImageTasksCommand({ ImportTaskIds: [completed] }))).ImportImageTasks![0].ImageId!;
    server.clock.advance(7 * DAY - 1);
    const listed = async () => (await a.send(new DescribeImportImageTasksCommand({}))).ImportImageTasks!.map((t) => t.ImportTaskId).sort();
    assert.deepEqual(await listed(), [completed, cancelled].sort(), "both are still listed at the end of their 7 days");
    assert.equal(mentioning(server, cancelled).length, 2, "the cancelled task and its tag");
    server.clock.advance(1);
    assert.deepEqual(await listed(), []);
    assert.deepEqual(mentioning(server, cancelled), []);
    // Its AMI lives on, named after the task.
    const amiRecords = ["ec2.image"];
    assert.deepEqual(
      mentioning(server, completed).map((r) => r.type),
      ["ec2.client-token", ...amiRecords],
    );
    assert.deepEqual((await a.send(new DescribeTagsCommand({}))).Tags, []);
    server.clock.advance(DAY);
    assert.deepEqual(
      (await a.send(new DescribeImagesCommand({ ImageIds: [ami] }))).Images!.map((i) => i.State),
      ["available"],
    );
    assert.deepEqual(
      mentioning(server, completed).map((r) => r.type),
      amiRecords,
    );
  });

  it("usage reports go 30 days after creation, with their tags; a deleted one's client token a day after", async () => {
    const ami = await registerAmi(a, "reported");
    settle(server);
    const create = async (token: string) =>
      (
        await a.send(
          new CreateImageUsageReportCommand({
            ImageId: ami,
            ResourceTypes: [{ ResourceType: "ec2:Instance" }],
            ClientToken: token,
            TagSpecifications: [{ ResourceType: "image-usage-report", Tags: [{ Key: "k", Value: token }] }],
          }),
        )
      ).ReportId!;
    const expiring = await create("r-1");
    const deleted = await create("r-2");
    await a.send(new DeleteImageUsageReportCommand({ ReportId: deleted }));
    assert.deepEqual(
      mentioning(server, deleted).map((r) => r.id),
      ["CreateImageUsageReport r-2"],
    );
    server.clock.advance(DAY);
    await a.send(new DescribeImageUsageReportsCommand({}));
    assert.deepEqual(mentioning(server, deleted), []);
    server.clock.advance(29 * DAY - 1);
    assert.equal((await a.send(new DescribeImageUsageReportsCommand({}))).ImageUsageReports!.length, 1);
    server.clock.advance(1);
    assert.deepEqual((await a.send(new DescribeImageUsageReportsCommand({}))).ImageUsageReports, []);
    assert.deepEqual(
      mentioning(server, expiring).map((r) => r.type),
      ["ec2.client-token"],
    );
    server.clock.advance(DAY);
    await a.send(new DescribeImageUsageReportsCommand({}));
    assert.deepEqual(mentioning(server, expiring), []);
  });

  it("disabled fast launch settings go once disabling is over; the AMI stays", async () => {
    const ami = await registerAmi(a, "win-fl", WINDOWS);
    settle(server);
    await a.send(new EnableFastLaunchCommand({ ImageId: ami }));
    server.clock.advance(3 * T);
    await a.send(new DisableFastLaunchCommand({ ImageId: ami }));
    server.clock.advance(2 * T - 1);
    assert.equal((await a.send(new DescribeFastLaunchImagesCommand({}))).FastLaunchImages![0].State, "disabling");
    server.clock.advance(1);
    assert.deepEqual((await a.send(new DescribeFastLaunchImagesCommand({}))).FastLaunchImages, []);
    assert.deepEqual(
      stored(server)
        .map((r) => r.type)
        .sort(),
      ["ec2.image", "ec2.snapshot-use"],
    );
  });

  it("deleted image builders go once DELETING is over; a builder of the same name made afterwards stays", async () => {
    const c: AppStreamClient = appstreamClient(server);
    try {
      const create = () =>
        c.send(new CreateImageBuilderCommand({ Name: "ib", ImageName: BASE, InstanceType: "stream.standard.small", Tags: { k: "v" } }));
      await create();
      server.clock.advance(T);
      await c.send(new DeleteImageBuilderCommand({ Name: "ib" }));
      server.clock.advance(T - 1);
      assert.equal((await c.send(new DescribeImageBuildersCommand({}))).ImageBuilders![0].State, "DELETING");
      assert.equal(stored(server).length, 1);
      server.clock.advance(1);
      assert.deepEqual((await c.send(new DescribeImageBuildersCommand({}))).ImageBuilders, []);
      assert.deepEqual(stored(server), []);
      await create();
      server.clock.advance(30 * DAY);
      assert.deepEqual(
        (await c.send(new DescribeImageBuildersCommand({}))).ImageBuilders!.map((i) => [i.Name, i.State]),
        [["ib", "RUNNING"]],
      );
    } finally {
      c.destroy();
    }
  });

  it("a dry run purges what is due too (the purge is not the call's)", async () => {
    const id = await registerAmi(a, "dry");
    await a.send(new DeregisterImageCommand({ ImageId: id }));
    server.clock.advance(T + RETIRED_MS);
    await a.send(new DescribeImagesCommand({ DryRun: true })).catch(() => undefined);
    assert.deepEqual(stored(server), []);
  });

  it("after a state import, what the document holds is purged when due, also from a document without the index", async () => {
    const id = await registerAmi(a, "exported");
    await a.send(new DeregisterImageCommand({ ImageId: id }));
    const doc = server.exportState();
    // The expiry index is derived from the records: not exported, and rebuilt by the import.
    assert.ok(!doc.records.some((r) => r.type.startsWith("imagelite.expiry")));
    // An earlier version's export holds the index, which the import passes over (here an entry far from due).
    const stale = { type: "imagelite.expiry", account: "imagelite", region: "global", id: `999999999999999 ec2.image x y ${id}` };
    const earlier = [...doc.records, { ...stale, value: { type: "ec2.image", account: "x", region: "y", id } }];
    for (const records of [doc.records, earlier]) {
      server.reset();
      await a.send(new DescribeImagesCommand({ Owners: ["self"] })); // this store now knows that nothing is due
      server.importState({ ...doc, records });
      assert.deepEqual(
        mentioning(server, id)
          .map((r) => r.type)
          .sort(),
        ["ec2.image", "ec2.retired-image"],
      );
      server.clock.advance(T + RETIRED_MS);
      await a.send(new DescribeImagesCommand({ Owners: ["self"] }));
      assert.deepEqual(mentioning(server, id), []);
    }
  });
});

describe("purge across a restart (SQLite)", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "imagelite-purge-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const start = (dataDir: string) => startImagelite({ inMemory: false, dataDir, transitionSeconds: T, clock: "manual" });

  async function deregisteredPairs(c: EC2Client, n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = await registerAmi(c, `pair-${i}`);
      await c.send(new DeregisterImageCommand({ ImageId: id }));
      ids.push(id);
    }
    return ids;
  }

  for (const [label, dropIndex] of [
    ["with its expiry index", false],
    ["from before the expiry index", true],
  ] as const) {
    it(`purges after a restart on a store ${label}`, async () => {
      const dataDir = join(dir, dropIndex ? "old" : "new");
      const first = await start(dataDir);
      const c1 = ec2Client(first);
      const kept = await registerAmi(c1, "kept");
      const ids = await deregisteredPairs(c1, 25);
      c1.destroy();
      await first.stop();
      if (dropIndex) {
        const db = new Database(join(dataDir, "imagelite.db"));
        db.prepare("DELETE FROM records WHERE type LIKE 'imagelite.expiry%'").run();
        db.close();
      }

      const second = await start(dataDir);
      const c = ec2Client(second);
      try {
        assert.equal(stored(second).filter((r) => r.type === "ec2.image").length, 26);
        second.clock.advance(T + RETIRED_MS);
        assert.deepEqual(
          (await c.send(new DescribeImagesCommand({ Owners: ["self"] }))).Images!.map((i) => i.ImageId),
          [kept],
        );
        assert.deepEqual(
          ids.flatMap((id) => mentioning(second, id)),
          [],
        );
        assert.deepEqual(
          stored(second)
            .map((r) => r.type)
            .sort(),
          ["ec2.image", "ec2.snapshot-use"],
        );
      } finally {
        c.destroy();
        await second.stop();
      }
    });
  }
});
