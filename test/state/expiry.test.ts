// The expiry index on its own, over a made-up kind: what is due goes, nothing before its time, in bounded
// batches, at the cost of one comparison when nothing is due, and an index is built for stores without one.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { expiringKinds, forgetDueTime, sweepExpired, trackExpiry, type ExpiringKind } from "../../src/state/expiry";
import { MemoryStore } from "../../src/state/memory-store";
import type { Store } from "../../src/state/store";

const TYPE = "test.thing";
const P = { account: "111111111111", region: "us-east-1" };
const NOW = 1_700_000_000_000;

interface Thing {
  goneAt?: number;
  fail?: boolean;
}

const thing: ExpiringKind<Thing> = {
  type: TYPE,
  goneAt: (t) => t.goneAt,
  purge({ store, partition }, id, t) {
    if (t.fail) throw new Error("purge failed");
    store.delete(TYPE, partition, id);
    store.delete("test.thing-name", partition, id);
  },
};
const kinds = expiringKinds([{ expiring: thing }]);

function save(store: Store, id: string, t: Thing): void {
  store.transaction(() => {
    store.put(TYPE, P, id, t);
    trackExpiry(store, thing, P, id, t);
  });
}

const ids = (store: Store, type = TYPE) => store.list(type, P).map((r) => r.id);
const noFailure = (e: unknown) => {
  throw e;
};

/** A store that counts the calls made to it. */
function counted(): { store: Store; calls: () => number } {
  let n = 0;
  const inner = new MemoryStore();
  const store = new Proxy(inner, {
    get(target, key) {
      const v = Reflect.get(target, key);
      return typeof v === "function"
        ? (...args: unknown[]) => {
            n++;
            return v.apply(target, args);
          }
        : v;
    },
  });
  return { store, calls: () => n };
}

describe("expiry index", () => {
  it("purges a record, with what goes with it, at the time it is gone and not before", () => {
    const store = new MemoryStore();
    save(store, "a", { goneAt: NOW + 1000 });
    store.put("test.thing-name", P, "a", {});
    save(store, "b", {});
    sweepExpired(store, kinds, NOW + 999, noFailure);
    assert.deepEqual(ids(store), ["a", "b"]);
    sweepExpired(store, kinds, NOW + 1000, noFailure);
    assert.deepEqual(ids(store), ["b"]);
    assert.deepEqual(ids(store, "test.thing-name"), []);
    assert.deepEqual(store.list("imagelite.expiry", { account: "imagelite", region: "global" }), [], "the entry went too");
  });

  it("follows the record, not the entry: a record no longer going stays, one going later goes later", () => {
    const store = new MemoryStore();
    save(store, "revived", { goneAt: NOW + 1000 });
    save(store, "revived", {});
    save(store, "postponed", { goneAt: NOW + 1000 });
    store.transaction(() => store.put(TYPE, P, "postponed", { goneAt: NOW + 5000 })); // saved without tracking
    sweepExpired(store, kinds, NOW + 2000, noFailure);
    sweepExpired(store, kinds, NOW + 4999, noFailure);
    assert.deepEqual(ids(store), ["postponed", "revived"]);
    sweepExpired(store, kinds, NOW + 5000, noFailure);
    assert.deepEqual(ids(store), ["revived"]);
  });

  it("purges a backlog in batches of 100, one batch per sweep", () => {
    const store = new MemoryStore();
    for (let i = 0; i < 250; i++) save(store, `t${String(i).padStart(3, "0")}`, { goneAt: NOW + i });
    const left = [250];
    for (let i = 0; i < 3; i++) {
      sweepExpired(store, kinds, NOW + 1000, noFailure);
      left.push(ids(store).length);
    }
    assert.deepEqual(left, [250, 150, 50, 0]);
  });

  it("costs no store access while nothing is due", () => {
    const { store, calls } = counted();
    save(store, "later", { goneAt: NOW + 60_000 });
    sweepExpired(store, kinds, NOW, noFailure); // learns when the next purge is due
    const before = calls();
    for (let t = 0; t < 100; t++) sweepExpired(store, kinds, NOW + t * 100, noFailure);
    assert.equal(calls(), before);
    save(store, "sooner", { goneAt: NOW + 20_000 }); // a registration brings the next sweep forward
    sweepExpired(store, kinds, NOW + 20_000, noFailure);
    assert.deepEqual(ids(store), ["later"]);
  });

  it("builds the index once for a store that has none (state from before it), then purges what is due", () => {
    const store = new MemoryStore();
    store.transaction(() => {
      store.put(TYPE, P, "old-gone", { goneAt: NOW - 1 });
      store.put(TYPE, P, "old-live", {});
    });
    sweepExpired(store, kinds, NOW, noFailure);
    assert.deepEqual(ids(store), ["old-live"]);
  });

  it("reads the due time again after the records were replaced (state import)", () => {
    const store = new MemoryStore();
    sweepExpired(store, kinds, NOW, noFailure); // knows that nothing is due
    const imported = new MemoryStore();
    save(imported, "x", { goneAt: NOW + 10 });
    store.transaction(() => {
      store.clear();
      for (const r of imported.dump()) store.put(r.type, r, r.id, r.value);
    });
    forgetDueTime(store);
    sweepExpired(store, kinds, NOW + 10, noFailure);
    assert.deepEqual(ids(store), []);
  });

  it("reports a failing purge, undoes the sweep and tries again on the next one", () => {
    const store = new MemoryStore();
    save(store, "bad", { goneAt: NOW, fail: true });
    save(store, "good", { goneAt: NOW });
    const errors: unknown[] = [];
    sweepExpired(store, kinds, NOW, (e) => errors.push(e));
    sweepExpired(store, kinds, NOW, (e) => errors.push(e));
    assert.equal(errors.length, 2);
    assert.deepEqual(ids(store), ["bad", "good"], "nothing of a failed sweep is kept");
    store.transaction(() => store.put(TYPE, P, "bad", { goneAt: NOW }));
    sweepExpired(store, kinds, NOW, noFailure);
    assert.deepEqual(ids(store), []);
  });
});
