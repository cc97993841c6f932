// Two connections to one SQLite file in shared mode stand for two worker processes: a call that read a
// snapshot the other has written over since runs again, as a whole, and decides on what is there now.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../src/state/sqlite-store";
import { INDEXES } from "../../src/state/indexes";
import { retryConflicts, StoreConflictError } from "../../src/state/conflicts";

const root = mkdtempSync(join(tmpdir(), "imagelite-shared-store-"));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const P = { account: "111111111111", region: "us-east-1" };

function pair(): [SqliteStore, SqliteStore] {
  const dir = join(root, String(n++));
  const a = new SqliteStore(dir, "normal", INDEXES, { shared: true });
  const b = new SqliteStore(dir, "normal", INDEXES, { shared: true });
  return [a, b];
}

/** Creates `name` unless it exists, the way a service's create does: read, then write. */
function create(store: SqliteStore, name: string, owner: string, meanwhile?: () => void): "created" | "exists" {
  return store.transaction(() => {
    if (store.get("t.thing", P, name)) return "exists";
    meanwhile?.();
    store.put("t.thing", P, name, { owner });
    return "created";
  });
}

describe("SQLite store shared by several processes", () => {
  it("runs a create again when another process created the same name after it read", () => {
    const [a, b] = pair();
    let attempts = 0;
    const outcome = create(a, "x", "a", () => {
      if (attempts++ === 0) assert.equal(create(b, "x", "b"), "created");
    });
    assert.equal(outcome, "exists");
    assert.equal(attempts, 1, "the second attempt saw b's record before it would write");
    assert.deepEqual(a.get("t.thing", P, "x"), { owner: "b" });
    a.close();
    b.close();
  });

  it("lets reads of both run together, and sees every committed write at the next read", () => {
    const [a, b] = pair();
    for (let i = 0; i < 20; i++) {
      (i % 2 ? a : b).transaction(() => (i % 2 ? a : b).put("t.thing", P, `k${i}`, { i }));
      assert.deepEqual((i % 2 ? b : a).get("t.thing", P, `k${i}`), { i });
    }
    const seen = a.transaction(() => b.transaction(() => b.list("t.thing", P).length));
    assert.equal(seen, 20);
    a.close();
    b.close();
  });

  it("undoes a dry run on a shared store too", () => {
    const [a, b] = pair();
    assert.equal(
      a.rollback(() => {
        a.put("t.thing", P, "dry", {});
        return "done";
      }),
      "done",
    );
    assert.equal(b.get("t.thing", P, "dry"), undefined);
    a.close();
    b.close();
  });

  it("opens beside a running shared store, and an exclusive open of the same directory is refused", () => {
    const [a, b] = pair();
    const dir = join(root, String(n - 1));
    assert.throws(() => new SqliteStore(dir), /in use by another imagelite process/);
    a.close();
    b.close();
  });

  it("gives up after the policy's attempts with a StoreConflictError", () => {
    let runs = 0;
    const busy = Object.assign(new Error("busy"), { busy: true });
    assert.throws(
      () =>
        retryConflicts({ isConflict: (e) => (e as { busy?: boolean }).busy === true, attempts: 3 }, () => {
          runs++;
          throw busy;
        }),
      StoreConflictError,
    );
    assert.equal(runs, 3);
    assert.throws(() => retryConflicts({ isConflict: () => false, attempts: 3 }, () => assert.fail("not a conflict")), /not a conflict/);
  });
});
