// Tags are kept as one set per resource and account. What earlier versions kept (a record per tag) becomes
// tag sets at start-up and after a state import, with nothing lost; DescribeTags still pages tag by tag.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { CreateTagsCommand, DeleteTagsCommand, DescribeImagesCommand, DescribeTagsCommand, type EC2Client } from "@aws-sdk/client-ec2";
import { startImagelite, type Imagelite } from "../../src/index";
import { ACCOUNT_A, REGION, ec2Client, startTestServer, T } from "../support/server";
import { registerAmi } from "./helpers";

const LEGACY = "ec2.tag";
const SETS = "ec2.tags";

/** The tag records an earlier version kept for these tags of an AMI. */
const legacyRecords = (imageId: string, tags: Record<string, string>) =>
  Object.entries(tags).map(([Key, Value]) => ({
    type: LEGACY,
    account: ACCOUNT_A,
    region: REGION,
    id: `${imageId}|${Key}`,
    value: { ResourceId: imageId, ResourceType: "image", Key, Value },
  }));

async function tagsOf(c: EC2Client, imageId: string) {
  const { Images } = await c.send(new DescribeImagesCommand({ ImageIds: [imageId] }));
  return Images![0].Tags;
}

describe("tag sets", () => {
  let server: Imagelite;
  let c: EC2Client;
  before(async () => {
    server = await startTestServer();
    c = ec2Client(server);
  });
  after(async () => {
    c.destroy();
    await server.stop();
  });

  it("keep one record per resource, and none once its last tag goes", async () => {
    const id = await registerAmi(c, "one-record");
    await c.send(new CreateTagsCommand({ Resources: [id], Tags: [1, 2, 3].map((n) => ({ Key: `k${n}`, Value: `v${n}` })) }));
    const mine = () => server.exportState().records.filter((r) => r.id === id && r.type.startsWith("ec2.tag"));
    assert.deepEqual(
      mine().map((r) => [r.type, r.value]),
      [[SETS, { ResourceId: id, ResourceType: "image", Tags: { k1: "v1", k2: "v2", k3: "v3" } }]],
    );
    await c.send(new DeleteTagsCommand({ Resources: [id], Tags: [{ Key: "k2" }] }));
    assert.deepEqual(await tagsOf(c, id), [
      { Key: "k1", Value: "v1" },
      { Key: "k3", Value: "v3" },
    ]);
    await c.send(new DeleteTagsCommand({ Resources: [id] }));
    assert.equal(await tagsOf(c, id), undefined);
    assert.deepEqual(mine(), []);
  });

  it("page DescribeTags tag by tag, across resources, without repeats or gaps", async () => {
    server.reset();
    const ids = [await registerAmi(c, "paged-a"), await registerAmi(c, "paged-b"), await registerAmi(c, "paged-c")];
    for (const id of ids)
      await c.send(new CreateTagsCommand({ Resources: [id], Tags: [1, 2, 3, 4].map((n) => ({ Key: `k${n}`, Value: id })) }));
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await c.send(new DescribeTagsCommand({ MaxResults: 5, NextToken }));
      assert.ok(page.Tags!.length <= 5);
      seen.push(...page.Tags!.map((t) => `${t.ResourceId}|${t.Key}`));
      NextToken = page.NextToken;
    } while (NextToken);
    const all = ids.flatMap((id) => [1, 2, 3, 4].map((n) => `${id}|k${n}`)).sort();
    assert.deepEqual(seen, all);
  });

  it("are made of an earlier version's tag records by a state import", async () => {
    server.reset();
    const id = await registerAmi(c, "from-an-old-export");
    const doc = server.exportState();
    doc.records.push(...legacyRecords(id, { team: "web", env: "prod" }));
    server.importState(doc);
    assert.deepEqual(await tagsOf(c, id), [
      { Key: "env", Value: "prod" },
      { Key: "team", Value: "web" },
    ]);
    const found = await c.send(new DescribeImagesCommand({ Owners: ["self"], Filters: [{ Name: "tag:team", Values: ["web"] }] }));
    assert.deepEqual(
      found.Images!.map((i) => i.ImageId),
      [id],
    );
    const types = server.exportState().records.map((r) => r.type);
    assert.equal(types.filter((t) => t === LEGACY).length, 0);
    assert.equal(types.filter((t) => t === SETS).length, 1);
  });
});

describe("tag sets on a SQLite file of an earlier version", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "imagelite-tag-sets-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("are made of its tag records at start-up, and merged with a set already there", async () => {
    const start = () => startImagelite({ inMemory: false, dataDir: dir, transitionSeconds: T, clock: "manual" });
    const first = await start();
    const c1 = ec2Client(first);
    const id = await registerAmi(c1, "old-file");
    await c1.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "kept", Value: "yes" }] }));
    c1.destroy();
    await first.stop();
    // The rows an earlier version wrote for two more tags.
    const db = new Database(join(dir, "imagelite.db"));
    const insert = db.prepare("INSERT INTO records (type, account, region, id, value) VALUES (?, ?, ?, ?, ?)");
    for (const r of legacyRecords(id, { team: "web", env: "prod" })) insert.run(r.type, r.account, r.region, r.id, JSON.stringify(r.value));
    db.close();
    const second = await start();
    const c2 = ec2Client(second);
    try {
      assert.deepEqual(await tagsOf(c2, id), [
        { Key: "env", Value: "prod" },
        { Key: "kept", Value: "yes" },
        { Key: "team", Value: "web" },
      ]);
      const found = await c2.send(new DescribeImagesCommand({ Owners: ["self"], Filters: [{ Name: "tag:env", Values: ["prod"] }] }));
      assert.deepEqual(
        found.Images!.map((i) => i.ImageId),
        [id],
      );
      assert.equal(second.exportState().records.filter((r) => r.type === LEGACY).length, 0);
    } finally {
      c2.destroy();
      await second.stop();
    }
  });
});
