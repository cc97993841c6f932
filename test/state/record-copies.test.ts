// Stores read records through readRecord: each read is the value JSON.parse gives, and the caller's own.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { readRecord } from "../../src/state/record-copies";

describe("readRecord", () => {
  it("gives what JSON.parse gives, member order included, for any JSON document", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const json = JSON.stringify(v);
        for (let i = 0; i < 2; i++) {
          const read = readRecord(json);
          assert.deepEqual(read, JSON.parse(json));
          assert.equal(JSON.stringify(read), json);
        }
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });

  it("hands out a new copy at every read: changing one changes neither the store's nor the next read", () => {
    const json = JSON.stringify({ ImageId: "ami-1", Tags: [{ Key: "a", Value: "b" }], Ebs: { VolumeSize: 8 } });
    const first = readRecord<{ Tags: { Key: string }[]; Ebs: { VolumeSize: number } }>(json);
    first.Tags[0].Key = "changed";
    first.Tags.push({ Key: "more" });
    first.Ebs.VolumeSize = 100;
    assert.deepEqual(readRecord(json), JSON.parse(json));
  });

  it("keeps a member named __proto__ as a member, as JSON.parse does", () => {
    const json = '{"__proto__":{"polluted":true},"a":1}';
    for (let i = 0; i < 2; i++) {
      const read = readRecord<Record<string, unknown>>(json);
      assert.deepEqual(Object.keys(read), ["__proto__", "a"]);
      assert.equal(Object.getPrototypeOf(read), Object.prototype);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(JSON.stringify(read), json);
    }
  });
});
