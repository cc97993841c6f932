// Typed collections (state/collection.ts), against both stores: keys and ids, what is live, scans and pages in
// batches, index records written by key, lookups by a declared index, and expiry kept up by put.
import { describe, it, beforeEach, afterEach, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collection, inPartition, type Scope } from "../../src/state/collection";
import { indexKey } from "../../src/state/indexes";
import { expiringKinds, sweepExpired } from "../../src/state/expiry";
import { MemoryStore } from "../../src/state/memory-store";
import { SqliteStore } from "../../src/state/sqlite-store";
import type { Partition, Store } from "../../src/state/store";

const A: Partition = { account: "111111111111", region: "us-east-1" };
const B: Partition = { account: "222222222222", region: "us-east-1" };
const NOW = 1_700_000_000_000;

interface Widget {
  Name: string;
  owner: string;
  kind: string;
  tags: Record<string, string>;
  goneAt?: number;
}

/** Documents keyed by their name, in their owner's partition, gone at goneAt, indexed by kind and tag. */
const widgets = collection<Widget, string, "kind" | "tag">({
  type: "test.widget",
  key: (w) => w.Name,
  partition: (w) => ({ account: w.owner, region: A.region }),
  live: (w, now) => w.goneAt === undefined || now < w.goneAt,
  indexes: {
    kind: (w) => w.kind,
    tag: (w) => Object.entries(w.tags).map(([k, v]) => indexKey(k, v)),
  },
  expires: { goneAt: (w) => w.goneAt },
});

/** Index records keyed by (widget, kind, account), written with set: their value does not hold the key. */
const grants = collection<{ note: string }, [widget: string, kind: string, account: string]>({ type: "test.grant" });
const piped = collection<{ n: number }, [string, string]>({ type: "test.piped", separator: "|", key: (v) => [String(v.n), "x"] });

const root = mkdtempSync(join(tmpdir(), "imagelite-collection-"));
after(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;

const stores: [string, () => Store][] = [
  ["MemoryStore", () => new MemoryStore()],
  ["SqliteStore", () => new SqliteStore(join(root, String(dirs++)))],
];

const w = (Name: string, more: Partial<Widget> = {}): Widget => ({ Name, owner: A.account, kind: "plain", tags: {}, ...more });
const names = (items: Iterable<Widget>) => [...items].map((x) => x.Name);

for (const [label, make] of stores) {
  describe(`collection over ${label}`, () => {
    let store: Store;
    let s: Scope;
    beforeEach(() => {
      store = make();
      s = { store, partition: A, now: NOW };
    });
    afterEach(() => store.close());

    it("writes a record under the key it derives, in the partition it names, with the ids of old", () => {
      widgets.put(s, w("a"));
      widgets.put(s, w("b", { owner: B.account }));
      assert.deepEqual(
        store.list("test.widget", A).map((r) => r.id),
        ["a"],
      );
      assert.deepEqual(widgets.get(inPartition(s, B), "b"), w("b", { owner: B.account }));
      assert.equal(widgets.get(s, "b"), undefined);
      piped.put(s, { n: 7 });
      assert.deepEqual(
        store.list("test.piped", A).map((r) => r.id),
        ["7|x"],
      );
      assert.equal(piped.id(["7", "x"]), "7|x");
      assert.deepEqual(piped.get(s, ["7", "x"]), { n: 7 });
      assert.equal(widgets.delete(s, "a"), true);
      assert.equal(widgets.delete(s, "a"), false);
    });

    it("shows only live records, except to getAny", () => {
      widgets.put(s, w("live"));
      widgets.put(s, w("gone", { goneAt: NOW, kind: "k" }));
      widgets.put(s, w("going", { goneAt: NOW + 1, kind: "k" }));
      assert.equal(widgets.get(s, "gone"), undefined);
      assert.equal(widgets.getAny(s, "gone")?.Name, "gone");
      assert.deepEqual(names(widgets.scan(s)), ["going", "live"]);
      assert.deepEqual(names(widgets.page(s, { limit: 10 }).items.map((r) => r.value)), ["going", "live"]);
      assert.deepEqual(
        widgets.lookup(s, "kind", { key: "k" }).map((r) => r.id),
        ["going"],
      );
      assert.deepEqual(names(widgets.scan({ ...s, now: NOW + 1 })), ["live"]);
    });

    it("scans in id order across batches, after or from an id", () => {
      const all: string[] = [];
      for (let i = 0; i < 250; i++) {
        const n = `w${String(i).padStart(3, "0")}`;
        all.push(n);
        widgets.put(s, w(n, i % 10 === 0 ? { goneAt: NOW } : {}));
      }
      const liveOnes = all.filter((_, i) => i % 10 !== 0);
      assert.deepEqual(names(widgets.scan(s)), liveOnes);
      assert.deepEqual(
        names(widgets.scan(s, { after: "w150" })),
        liveOnes.filter((n) => n > "w150"),
      );
      assert.deepEqual(
        names(widgets.scan(s, { from: "w151" })),
        liveOnes.filter((n) => n >= "w151"),
      );
      assert.deepEqual(
        [...widgets.entries(s, { after: "w247" })].map((r) => r.id),
        ["w248", "w249"],
      );
    });

    it("pages live records that the filter keeps, telling whether more follow", () => {
      for (let i = 0; i < 30; i++)
        widgets.put(s, w(`p${String(i).padStart(2, "0")}`, { goneAt: i < 20 ? NOW : undefined, kind: i % 2 ? "odd" : "even" }));
      // Twenty records that are gone come first: the page reads past them.
      const first = widgets.page(s, { limit: 3 });
      assert.deepEqual(
        first.items.map((r) => r.id),
        ["p20", "p21", "p22"],
      );
      assert.equal(first.next, "p22");
      const odd = widgets.page(s, { limit: 3, after: first.next, filter: (x) => x.kind === "odd" });
      assert.deepEqual(
        odd.items.map((r) => r.id),
        ["p23", "p25", "p27"],
      );
      assert.equal(odd.next, "p27");
      const last = widgets.page(s, { limit: 3, after: odd.next, filter: (x) => x.kind === "odd" });
      assert.deepEqual(
        last.items.map((r) => r.id),
        ["p29"],
      );
      assert.equal(last.next, undefined);
      assert.deepEqual(widgets.page(s, { limit: 7, after: "p22" }).next, undefined);
      assert.deepEqual(widgets.page(s, { limit: 6, after: "p22" }).next, "p28");
    });

    it("writes index records by key and scans those under a leading part of it", () => {
      grants.set(s, ["w1", "user", "1"], { note: "a" });
      grants.set(s, ["w1", "user", "2"], { note: "b" });
      grants.set(s, ["w1", "org", "o"], { note: "c" });
      grants.set(s, ["w10", "user", "1"], { note: "d" });
      assert.deepEqual(
        store.list("test.grant", A).map((r) => r.id),
        ["w1 org o", "w1 user 1", "w1 user 2", "w10 user 1"],
      );
      assert.deepEqual(
        [...grants.scan(s, { within: ["w1"] })].map((g) => g.note),
        ["c", "a", "b"],
      );
      assert.deepEqual(
        [...grants.scan(s, { within: ["w1", "user"] })].map((g) => g.note),
        ["a", "b"],
      );
      assert.deepEqual(grants.page(s, { within: ["w1"], limit: 1 }), {
        items: [{ id: "w1 org o", value: { note: "c" } }],
        next: "w1 org o",
      });
      assert.throws(() => grants.put(s, { note: "x" }), /set\(key, value\)/);
    });

    it("looks records up by a declared index, by key or prefix, in (key, id) order, page by page", () => {
      widgets.put(s, w("b", { kind: "al2023-ami-x", tags: { env: "prod", team: "web" } }));
      widgets.put(s, w("a", { kind: "al2023-ami-y", tags: { env: "prod" } }));
      widgets.put(s, w("c", { kind: "al2-ami", tags: { env: "dev" } }));
      widgets.put(s, w("d", { kind: "al2023-ami-x", goneAt: NOW }));
      assert.deepEqual(
        widgets.lookup(s, "kind", { prefix: "al2023-ami-" }).map((r) => `${r.key} ${r.id}`),
        ["al2023-ami-x b", "al2023-ami-y a"],
      );
      assert.deepEqual(
        widgets.lookup(s, "tag", { key: indexKey("env", "prod") }).map((r) => r.id),
        ["a", "b"],
      );
      assert.deepEqual(
        widgets.lookup(s, "tag", { prefix: indexKey("env", "") }).map((r) => r.id),
        ["c", "a", "b"],
      );
      assert.deepEqual(
        widgets.lookup(s, "tag", { prefix: indexKey("env", ""), limit: 2 }).map((r) => r.id),
        ["c", "a"],
      );
      const next = widgets.lookup(s, "tag", { prefix: indexKey("env", ""), after: { key: indexKey("env", "prod"), id: "a" } });
      assert.deepEqual(
        next.map((r) => r.id),
        ["b"],
      );
      assert.equal(widgets.find(s, "kind", "al2-ami")?.Name, "c");
      assert.equal(widgets.find(s, "kind", "al2023"), undefined);
    });

    it("pages a lookup past many records that are not live", () => {
      for (let i = 0; i < 250; i++) widgets.put(s, w(`g${String(i).padStart(3, "0")}`, { kind: "k", goneAt: i < 240 ? NOW : undefined }));
      assert.deepEqual(
        widgets.lookup(s, "kind", { key: "k", limit: 3 }).map((r) => r.id),
        ["g240", "g241", "g242"],
      );
      assert.equal(widgets.lookup(s, "kind", { key: "k" }).length, 10);
    });

    it("keeps the expiry index: a record that goes is purged once gone, by default alone", () => {
      widgets.put(s, w("doomed", { goneAt: NOW + 1000 }));
      widgets.put(s, w("kept"));
      const fail = (e: unknown) => {
        throw e;
      };
      sweepExpired(store, expiringKinds([widgets]), NOW + 999, fail);
      assert.equal(widgets.getAny(s, "doomed")?.Name, "doomed");
      sweepExpired(store, expiringKinds([widgets]), NOW + 1000, fail);
      assert.equal(widgets.getAny(s, "doomed"), undefined);
      assert.deepEqual(
        store.lookup("test.widget", A, "kind", {}).map((r) => r.id),
        ["kept"],
      );
    });
  });
}
