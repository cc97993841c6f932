// The services' declared indexes follow whatever way records reach the store: the API, a state import, and a
// restart on a SQLite file from before the indexes. Read through the collections themselves.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { CreateTagsCommand, DeregisterImageCommand, ModifyImageAttributeCommand, type EC2Client } from "@aws-sdk/client-ec2";
import { startImagelite, type Imagelite } from "../../src/index";
import { indexKey } from "../../src/state/indexes";
import { amis } from "../../src/services/ec2/images/access";
import { partitionOf, publicImages, publicPartition, sharedImages } from "../../src/services/ec2/images/records";
import { tagSets } from "../../src/services/ec2/tags/records";
import { ACCOUNT_A, ACCOUNT_B, ec2Client, REGION, startTestServer, T } from "../support/server";
import { registerAmi, settle } from "../ec2/helpers";

/** What the indexes find, by name, tag, share and public owner. */
function found(server: Imagelite) {
  const at = (account: string) => ({ store: server.app.store, partition: partitionOf(account, REGION), now: server.clock.now().getTime() });
  const names = (o: Parameters<typeof amis.lookup>[2]) => amis.lookup(at(ACCOUNT_A), "name", o).map((r) => r.value.Name);
  return {
    al2023: names({ prefix: "al2023-ami-" }),
    exact: names({ key: "golden" }),
    prod: tagSets.lookup(at(ACCOUNT_A), "tag", { key: indexKey("image", "env", "prod") }).map((r) => r.value.ResourceId),
    envKey: tagSets
      .lookup(at(ACCOUNT_A), "tag", { prefix: indexKey("image", "env", "") })
      .map((r) => `${r.value.ResourceId}=${r.value.Tags.env}`),
    sharedWithB: sharedImages.lookup(at(ACCOUNT_B), "owner", { key: ACCOUNT_A }).map((r) => r.id),
    publicOfA: publicImages.lookup({ ...at(ACCOUNT_A), partition: publicPartition(REGION) }, "owner", { key: ACCOUNT_A }).map((r) => r.id),
  };
}

/** AMIs with names, tags, a share and a public one; one deregistered and gone. */
async function populate(server: Imagelite, c: EC2Client) {
  const ids: Record<string, string> = {};
  for (const name of ["al2023-ami-b", "golden", "al2023-ami-a", "al2-ami", "doomed"]) ids[name] = await registerAmi(c, name);
  settle(server);
  await c.send(new CreateTagsCommand({ Resources: [ids["golden"], ids["al2023-ami-a"]], Tags: [{ Key: "env", Value: "prod" }] }));
  await c.send(new CreateTagsCommand({ Resources: [ids["al2-ami"]], Tags: [{ Key: "env", Value: "dev" }] }));
  await c.send(new ModifyImageAttributeCommand({ ImageId: ids["golden"], LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  await c.send(new ModifyImageAttributeCommand({ ImageId: ids["al2-ami"], LaunchPermission: { Add: [{ Group: "all" }] } }));
  await c.send(new DeregisterImageCommand({ ImageId: ids["doomed"] }));
  server.clock.advance(T);
  const sorted = (...names: string[]) => names.map((n) => ids[n]).sort();
  return {
    al2023: ["al2023-ami-a", "al2023-ami-b"],
    exact: ["golden"],
    prod: sorted("al2023-ami-a", "golden"),
    envKey: [`${ids["al2-ami"]}=dev`, ...sorted("al2023-ami-a", "golden").map((id) => `${id}=prod`)],
    sharedWithB: [ids["golden"]],
    publicOfA: [ids["al2-ami"]],
  };
}

describe("the services' indexes", () => {
  let server: Imagelite;
  let c: EC2Client;
  before(async () => {
    server = await startTestServer();
    c = ec2Client(server, ACCOUNT_A);
  });
  after(async () => {
    c.destroy();
    await server.stop();
  });

  it("follow the API, and a state import of the same records", async () => {
    const expected = await populate(server, c);
    assert.deepEqual(found(server), expected);
    const doc = server.exportState();
    server.reset();
    assert.deepEqual(found(server), { al2023: [], exact: [], prod: [], envKey: [], sharedWithB: [], publicOfA: [] });
    server.importState(doc);
    assert.deepEqual(found(server), expected);
  });
});

describe("the services' indexes on SQLite", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "imagelite-indexes-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("are built at start for a store from before them", async () => {
    const start = () => startImagelite({ inMemory: false, dataDir: dir, transitionSeconds: T, clock: "manual" });
    const first = await start();
    const c1 = ec2Client(first, ACCOUNT_A);
    const expected = await populate(first, c1);
    assert.deepEqual(found(first), expected);
    c1.destroy();
    await first.stop();
    const db = new Database(join(dir, "imagelite.db"));
    db.exec("DROP TABLE record_index; DROP TABLE index_catalog");
    db.close();
    const second = await start();
    try {
      assert.deepEqual(found(second), expected);
    } finally {
      await second.stop();
    }
  });
});
