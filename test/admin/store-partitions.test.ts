// Store.partitions, which the dashboard's lists and account choices read: the (account, region) pairs that hold
// records of a type, in order, each once, and none that a delete or a clear emptied.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "../../src/state/store";
import { MemoryStore } from "../../src/state/memory-store";
import { SqliteStore } from "../../src/state/sqlite-store";

const root = mkdtempSync(join(tmpdir(), "imagelite-partitions-"));
after(() => rmSync(root, { recursive: true, force: true }));

let dirs = 0;
const stores: [string, () => Store][] = [
  ["MemoryStore", () => new MemoryStore()],
  ["SqliteStore", () => new SqliteStore(join(root, String(dirs++)))],
];

for (const [name, make] of stores) {
  describe(`${name}.partitions`, () => {
    it("lists each partition that holds records of the type once, in (account, region) order", () => {
      const s = make();
      try {
        assert.deepEqual(s.partitions!("t.a"), []);
        s.transaction(() => {
          for (const [account, region] of [
            ["222", "us-east-1"],
            ["111", "us-west-2"],
            ["111", "eu-west-1"],
            ["222", "us-east-1"],
          ]) {
            for (let i = 0; i < 3; i++) s.put("t.a", { account, region }, `id-${i}`, { i });
          }
          s.put("t.b", { account: "333", region: "global" }, "x", {});
        });
        assert.deepEqual(s.partitions!("t.a"), [
          { account: "111", region: "eu-west-1" },
          { account: "111", region: "us-west-2" },
          { account: "222", region: "us-east-1" },
        ]);
        assert.deepEqual(s.partitions!("t.b"), [{ account: "333", region: "global" }]);
        assert.deepEqual(s.partitions!("t"), []);
        s.transaction(() => {
          for (let i = 0; i < 3; i++) s.delete("t.a", { account: "111", region: "us-west-2" }, `id-${i}`);
        });
        s.clear({ account: "222" });
        assert.deepEqual(s.partitions!("t.a"), [{ account: "111", region: "eu-west-1" }]);
      } finally {
        s.close();
      }
    });
  });
}
