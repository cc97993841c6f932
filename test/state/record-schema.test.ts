// Record schemas (state/record-schema.ts) as collections declare them: what a state import checks of a record,
// the rules a collection derives from its key and partition, and the record type inferred from the schema.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { collection } from "../../src/state/collection";
import { checkRecord, listOf, object, RULES, schema, typed, unchecked, type RecordOf } from "../../src/state/record-schema";

const thing = schema({
  Name: "string",
  note: "string?",
  kind: typed<"a" | "b">("string"),
  size: "count",
  extra: unchecked<{ any: unknown } | undefined>(),
  made: unchecked<number>(),
  parts: listOf({ id: "string", weight: "number?" }),
  box: object({ open: "boolean" }, true),
});
type Thing = RecordOf<typeof thing>;

const valid: Thing = { Name: "t", kind: "a", size: 1, made: 0, parts: [{ id: "p" }] };

describe("record schemas", () => {
  it("infer the record type: required and optional members, narrowed and unchecked ones", () => {
    const t: Thing = { ...valid, note: "n", extra: { any: 1 }, box: { open: true }, parts: [{ id: "p", weight: 2 }] };
    t.kind = "b";
    // @ts-expect-error a member the schema requires
    const missing: Thing = { Name: "t", kind: "a", made: 0, parts: [] };
    // @ts-expect-error a narrowed member takes only its names
    t.kind = "c";
    assert.ok(t && missing);
  });

  it("check the members they check, and take unchecked ones as they come", () => {
    assert.equal(checkRecord(thing, valid), undefined);
    assert.equal(checkRecord(thing, { ...valid, extra: "anything", made: "not a number" }), undefined);
    const { made: _made, ...withoutMade } = valid;
    assert.equal(checkRecord(thing, withoutMade), undefined);
    assert.equal(checkRecord(thing, { ...valid, kind: 7 }), "kind must be a string of at most 262144 characters");
    assert.equal(checkRecord(thing, { ...valid, size: -1 }), "size must be a whole number from 0 to 2^53 - 1");
    assert.equal(checkRecord(thing, { ...valid, parts: [{ id: 1 }] }), "parts[0].id must be a string of at most 262144 characters");
    assert.equal(checkRecord(thing, { ...valid, box: "shut" }), "box must be an object");
    assert.equal(checkRecord(thing, { Name: "t" }), "kind is missing");
  });

  it("take the id and partition rules from their collection's key and partition, beside its own rules", () => {
    const things = collection<Thing>({
      type: "test.thing",
      schema: thing,
      key: (t) => t.Name,
      partition: () => ({ account: "111111111111", region: "us-east-1" }),
      rules: { check: (t) => (t.parts.length ? undefined : "parts must not be empty") },
    });
    const rules = things.schema![RULES]!;
    assert.equal(rules.id!(valid as never), "t");
    assert.deepEqual(rules.partition!(valid as never), { account: "111111111111", region: "us-east-1" });
    assert.equal(checkRecord(things.schema!, { ...valid, parts: [] }), "parts must not be empty");
    const index = collection<{ owner: string }>({ type: "test.index", schema: schema({ owner: "string" }) });
    assert.equal(index.schema![RULES]!.id, undefined, "index records have no key to check");
  });
});
