// Resource ids: AWS's shape (prefix, dash, 17 hex digits), ascending within a process so that stores append
// them, and apart between processes that share a store.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { hexId } from "../src/util/ids";

const SHAPE = /^ami-0[0-9a-f]{16}$/;

describe("resource ids", () => {
  it("have the shape of AWS's, and sort in the order they were made", () => {
    const ids = Array.from({ length: 5000 }, () => hexId("ami"));
    for (const id of ids) assert.match(id, SHAPE);
    assert.equal(new Set(ids).size, ids.length);
    // The counter may wrap once in a process's life: past that point the order starts again.
    const descents = ids.slice(1).filter((id, i) => id <= ids[i]).length;
    assert.ok(descents <= 1, `${descents} ids sorted before the one made before them`);
  });

  it("differ between processes from their first digits on", () => {
    const script = `const { hexId } = require(${JSON.stringify(require.resolve("../src/util/ids"))}); console.log(hexId("ami"))`;
    const others = Array.from({ length: 3 }, () => spawnSync(process.execPath, ["-e", script], { encoding: "utf8" }).stdout.trim());
    const mine = hexId("ami");
    for (const other of others) {
      assert.match(other, SHAPE);
      // "ami-0" and the 6 digits drawn once per process.
      assert.notEqual(other.slice(0, 11), mine.slice(0, 11));
    }
  });
});
