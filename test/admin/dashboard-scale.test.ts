// The resource lists over more records than a page may read: 25,000 AMIs, written straight to the store (copies
// of one made by the SDK). A search that matches nothing answers a short page with `next` instead of reading
// everything; an order other than ids past the sort cap is applied to each page (`sortLimited`).
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, admin, REGION, useServer } from "../support/server";
import { registerAmi } from "../ec2/helpers";
import { SCAN_BUDGET, SORT_CAP } from "../../src/operator/admin/resource-routes";

const COUNT = 25_000;

describe("dashboard lists over many records", () => {
  const fx = useServer();
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });
  const get = (path: string) => admin(server, "GET", path);

  async function manyAmis(): Promise<void> {
    const id = await registerAmi(fx.ec2(ACCOUNT_A), "template");
    const store = server.app.store;
    const p = { account: ACCOUNT_A, region: REGION };
    const template = store.get<Record<string, unknown>>("ec2.image", p, id)!;
    store.transaction(() => {
      for (let i = 0; i < COUNT; i++) {
        const ImageId = `ami-${i.toString(16).padStart(17, "0")}`;
        // Names in the reverse order of ids, so that a page sorted by name differs from one in id order.
        store.put("ec2.image", p, ImageId, { ...template, ImageId, Name: `bulk-${String(COUNT - i).padStart(6, "0")}` });
      }
    });
  }

  it("answers a search that matches nothing page by page, each reading a bounded number of records", async () => {
    assert.ok(COUNT > SCAN_BUDGET && COUNT > SORT_CAP);
    await manyAmis();
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await get(`/_imagelite/resources?kind=ec2.image&q=no-such-name${token ? `&next=${token}` : ""}`);
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.items, []);
      token = r.body.next;
      pages++;
    } while (token);
    // The 25,000 copies and the AMI they copy, SCAN_BUDGET records a page.
    assert.equal(pages, Math.ceil((COUNT + 1) / SCAN_BUDGET));
    // A search that matches, past the budget of the first page's records.
    const late = `bulk-${String(COUNT - 24_000).padStart(6, "0")}`;
    let next: string | undefined;
    const found: string[] = [];
    do {
      const r = await get(`/_imagelite/resources?kind=ec2.image&q=${late}${next ? `&next=${next}` : ""}`);
      found.push(...r.body.items.map((i: { name: string }) => i.name));
      next = r.body.next;
    } while (next);
    assert.deepEqual(found, [late]);
  });

  it("sorts each page on its own past the sort cap, and says so", async () => {
    await manyAmis();
    const r = await get("/_imagelite/resources?kind=ec2.image&sort=name&limit=10");
    assert.equal(r.status, 200);
    assert.equal(r.body.sortLimited, true);
    const names = r.body.items.map((i: { name: string }) => i.name);
    assert.equal(names.length, 10);
    assert.deepEqual(names, [...names].sort());
    // The page is the first ten ids (the lowest ids carry the highest names).
    assert.equal(r.body.items[9].id, "ami-00000000000000000");
    const next = await get(`/_imagelite/resources?kind=ec2.image&sort=name&limit=10&next=${r.body.next}`);
    assert.equal(next.body.sortLimited, true);
    assert.equal(next.body.items.length, 10);
    assert.ok(next.body.items.every((i: { id: string }) => i.id > "ami-00000000000000009"));
  });
});
