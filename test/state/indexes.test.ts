// Index keys on their own: composite keys are unambiguous, sort part by part, and keep the last part's
// prefixes; a prefix's successor bounds exactly the strings that start with it (in code point order, SQLite's).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { Indexes, indexKey, prefixSuccessor } from "../../src/state/indexes";

/** Code point order: the order of UTF-8 bytes, which SQLite compares. */
function byCodePoint(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}
const byParts = (a: string[], b: string[]) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
};
/** Fixed seeds, as every fuzz test here: a failure replays. */
const RUNS = { seed: 20261123, numRuns: 500 };
/** Strings rich in the characters the encoding escapes. */
const part = fc.string({ unit: fc.constantFrom("\u0000", "\u0001", "\u0002", "\u0003", "a", "b", "=", "é"), maxLength: 6 });

describe("indexKey", () => {
  it("sorts as its parts do, part by part, and never makes one key of two part lists", () => {
    fc.assert(
      fc.property(fc.array(fc.array(part, { minLength: 2, maxLength: 2 }), { maxLength: 30 }), (lists) => {
        const byKey = [...lists].sort((a, b) => {
          const x = indexKey(...a),
            y = indexKey(...b);
          return x < y ? -1 : x > y ? 1 : 0;
        });
        assert.deepEqual(
          byKey.map((l) => l.join("|")),
          [...lists].sort(byParts).map((l) => l.join("|")),
        );
        const keys = new Map(lists.map((l) => [indexKey(...l), JSON.stringify(l)]));
        for (const l of lists) assert.equal(keys.get(indexKey(...l)), JSON.stringify(l));
      }),
      RUNS,
    );
  });

  it("keeps the prefixes of its last part", () => {
    fc.assert(
      fc.property(part, part, fc.nat(6), (first, last, cut) => {
        assert.ok(indexKey(first, last).startsWith(indexKey(first, last.slice(0, cut))));
        assert.equal(indexKey(first + "x", "").startsWith(indexKey(first, "")), false);
      }),
      RUNS,
    );
  });

  it("of one part is that part", () => {
    assert.equal(indexKey("name"), "name");
    assert.equal(indexKey(), "");
  });
});

describe("prefixSuccessor", () => {
  const text = fc.string({ unit: fc.constantFrom("a", "b", "\ud7ff", "\ue000", "\uffff", "😀", "\u{10ffff}"), maxLength: 4 });

  it("bounds exactly the strings that start with the prefix", () => {
    fc.assert(
      fc.property(text, text, (prefix, s) => {
        const upper = prefixSuccessor(prefix);
        const inRange = byCodePoint(s, prefix) >= 0 && (upper === undefined || byCodePoint(s, upper) < 0);
        assert.equal(inRange, s.startsWith(prefix), `${JSON.stringify(s)} under ${JSON.stringify(prefix)}, upper ${JSON.stringify(upper)}`);
      }),
      RUNS,
    );
  });

  it("skips the surrogates and has none above an all-U+10FFFF prefix", () => {
    assert.equal(prefixSuccessor("a"), "b");
    assert.equal(prefixSuccessor("a\ud7ff"), "a\ue000");
    assert.equal(prefixSuccessor("a\u{10ffff}"), "b");
    assert.equal(prefixSuccessor("\u{10ffff}"), undefined);
    assert.equal(prefixSuccessor(""), undefined);
  });
});

describe("Indexes", () => {
  it("derives each index's keys, one entry per distinct key, and nothing for a type without indexes", () => {
    const c = new Indexes();
    c.define<{ n: string; t: string[] }>("x", { name: (v) => v.n, tag: (v) => v.t, none: () => undefined });
    assert.deepEqual(c.entries("x", { n: "a", t: ["k", "k", "j"] }), [
      { index: "name", key: "a" },
      { index: "tag", key: "k" },
      { index: "tag", key: "j" },
    ]);
    assert.equal(c.entries("y", {}), undefined);
    assert.deepEqual(c.types(), ["x"]);
  });

  it("changes its signature with a derivation or its version, not otherwise", () => {
    const sig = (f: (v: { n: string }) => string, version?: number) => {
      const c = new Indexes();
      c.define("x", { name: f }, version);
      return c.signature("x");
    };
    assert.equal(
      sig((v) => v.n),
      sig((v) => v.n),
    );
    assert.notEqual(
      sig((v) => v.n),
      sig((v) => v.n.toLowerCase()),
    );
    assert.notEqual(
      sig((v) => v.n),
      sig((v) => v.n, 1),
    );
  });
});
