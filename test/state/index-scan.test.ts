// A collection's lazy index scan (state/collection.ts indexScan), against both stores: one key's entries in id
// order after an id, a prefix's in (key, id) order after a place, live entries only across batches, and reads
// of the store only as far as the caller goes.
import { describe, it, beforeEach, afterEach, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collection, type Scope } from "../../src/state/collection";
import { MemoryStore } from "../../src/state/memory-store";
import { SqliteStore } from "../../src/state/sqlite-store";
import type { LookupOptions, Partition, Store } from "../../src/state/store";

const A: Partition = { account: "111111111111", region: "us-east-1" };
const NOW = 1_700_000_000_000;

interface Gadget {
  id: string;
  kind: string;
  goneAt?: number;
}

const gadgets = collection<Gadget, string, "kind">({
  type: "test.gadget",
  key: (g) => g.id,
  live: (g, now) => g.goneAt === undefined || now < g.goneAt,
  indexes: { kind: (g) => g.kind },
});

const root = mkdtempSync(join(tmpdir(), "imagelite-index-scan-"));
after(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;

const stores: [string, () => Store][] = [
  ["MemoryStore", () => new MemoryStore()],
  ["SqliteStore", () => new SqliteStore(join(root, String(dirs++)))],
];

/** The store with every index lookup it is asked for recorded. */
function recording(store: Store): { store: Store; asked: LookupOptions[] } {
  const asked: LookupOptions[] = [];
  const wrapped: Store = Object.create(store);
  wrapped.lookup = (type, p, index, o) => {
    asked.push(o);
    return store.lookup(type, p, index, o);
  };
  return { store: wrapped, asked };
}

const ids = (entries: Iterable<{ id: string }>) => [...entries].map((e) => e.id);

for (const [label, make] of stores) {
  describe(`indexScan over ${label}`, () => {
    let store: Store;
    let s: Scope;
    beforeEach(() => {
      store = make();
      s = { store, partition: A, now: NOW };
      for (const [id, kind] of [
        ["e", "beta"],
        ["a", "alpha-2"],
        ["c", "alpha-1"],
        ["b", "alpha-1"],
        ["d", "alpha-1"],
      ])
        gadgets.put(s, { id, kind });
    });
    afterEach(() => store.close());

    it("reads one key's entries in id order, after an id of it", () => {
      assert.deepEqual(ids(gadgets.indexScan(s, "kind", { key: "alpha-1" })), ["b", "c", "d"]);
      assert.deepEqual(ids(gadgets.indexScan(s, "kind", { key: "alpha-1" }, { after: "b" })), ["c", "d"]);
      assert.deepEqual(ids(gadgets.indexScan(s, "kind", { key: "alpha-1" }, { after: "" })), ["b", "c", "d"]);
      assert.deepEqual(ids(gadgets.indexScan(s, "kind", { key: "gamma" })), []);
    });

    it("reads a prefix's entries in (key, id) order, after a place in it", () => {
      assert.deepEqual(
        [...gadgets.indexScan(s, "kind", { prefix: "alpha-" })].map((e) => `${e.key} ${e.id}`),
        ["alpha-1 b", "alpha-1 c", "alpha-1 d", "alpha-2 a"],
      );
      assert.deepEqual(ids(gadgets.indexScan(s, "kind", { prefix: "alpha-" }, { after: { key: "alpha-1", id: "c" } })), ["d", "a"]);
      assert.deepEqual(ids(gadgets.indexScan(s, "kind", { prefix: "" }, { batch: 2 })), ["b", "c", "d", "a", "e"]);
    });

    it("yields live entries only, across batches of entries that are not", () => {
      for (let i = 0; i < 30; i++) gadgets.put(s, { id: `g${String(i).padStart(2, "0")}`, kind: "k", goneAt: i % 10 ? NOW : undefined });
      assert.deepEqual(ids(gadgets.indexScan(s, "kind", { key: "k" }, { batch: 4 })), ["g00", "g10", "g20"]);
    });

    it("asks the store for a batch at a time, and only as far as the caller goes", () => {
      for (let i = 0; i < 50; i++) gadgets.put(s, { id: `h${String(i).padStart(2, "0")}`, kind: "many" });
      const r = recording(store);
      const scan = gadgets.indexScan({ ...s, store: r.store }, "kind", { key: "many" }, { after: "h09", batch: 4 });
      assert.equal(r.asked.length, 0, "nothing is read before the first entry is asked for");
      const taken: string[] = [];
      for (const e of scan) {
        taken.push(e.id);
        if (taken.length === 5) break;
      }
      assert.deepEqual(taken, ["h10", "h11", "h12", "h13", "h14"]);
      assert.deepEqual(
        r.asked.map((o) => [o.key, o.after, o.limit]),
        [
          ["many", { key: "many", id: "h09" }, 4],
          ["many", { key: "many", id: "h13" }, 4],
        ],
      );
    });
  });
}
