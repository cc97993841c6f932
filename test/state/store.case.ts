// One conformance suite for every Store: the in-memory store must behave exactly like SQLite, since
// tests run against the first and users against the second.
import { describe, it, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import type { Partition, Store } from "../../src/state/store";

const A: Partition = { account: "111111111111", region: "us-east-1" };
const T = "test.thing";

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
/** Zero-padded so that string order is numeric order. */
const pad = (n: number) => `id-${String(n).padStart(5, "0")}`;

export function storeConformance(name: string, make: () => Store): void {
  describe(`Store conformance: ${name}`, () => {
    let s: Store;
    beforeEach(() => { s = make(); });
    afterEach(() => { s.close(); });

    describe("get / put / delete", () => {
      it("round-trips JSON values of every kind", () => {
        const values: unknown[] = [{ a: 1, b: [true, null, "x"], c: { d: 1.5 } }, [1, 2], "text", 0, false, null, "üñï €"];
        values.forEach((v, i) => s.put(T, A, `k${i}`, v));
        values.forEach((v, i) => assert.deepEqual(s.get(T, A, `k${i}`), v));
      });

      it("returns undefined for a missing id", () => {
        assert.equal(s.get(T, A, "nope"), undefined);
      });

      it("overwrites on a second put", () => {
        s.put(T, A, "x", { v: 1 });
        s.put(T, A, "x", { v: 2 });
        assert.deepEqual(s.get(T, A, "x"), { v: 2 });
        assert.deepEqual(ids(s.list(T, A)), ["x"]);
      });

      it("delete reports whether something was deleted", () => {
        s.put(T, A, "x", 1);
        assert.equal(s.delete(T, A, "x"), true);
        assert.equal(s.get(T, A, "x"), undefined);
        assert.equal(s.delete(T, A, "x"), false);
        assert.equal(s.delete("never.seen", A, "x"), false);
        assert.deepEqual(s.list(T, A), []);
      });
    });

    describe("partitions", () => {
      it("isolate by type, account and region", () => {
        const others: [string, Partition][] = [
          ["test.other", A],
          [T, { account: "222222222222", region: A.region }],
          [T, { account: A.account, region: "eu-west-1" }],
          [T, { account: A.account, region: "global" }],
        ];
        s.put(T, A, "same", "home");
        others.forEach(([t, p], i) => s.put(t, p, "same", `other${i}`));
        assert.equal(s.get(T, A, "same"), "home");
        others.forEach(([t, p], i) => {
          assert.equal(s.get(t, p, "same"), `other${i}`);
          assert.deepEqual(s.list(t, p).map((r) => r.value), [`other${i}`]);
        });
        assert.equal(s.delete(T, A, "same"), true);
        others.forEach(([t, p], i) => assert.equal(s.get(t, p, "same"), `other${i}`));
      });

      it("do not leak through a type that is a prefix of another", () => {
        s.put("test.a", A, "x", 1);
        s.put("test.ab", A, "y", 2);
        assert.deepEqual(ids(s.list("test.a", A)), ["x"]);
      });
    });

    describe("list", () => {
      // Inserted out of order: the store, not the caller, sorts.
      const all = ["a", "ab", "abc", "b", "ba", "c"];
      beforeEach(() => { for (const id of ["c", "ab", "b", "a", "ba", "abc"]) s.put(T, A, id, { id }); });

      it("orders by id and returns values", () => {
        const rows = s.list<{ id: string }>(T, A);
        assert.deepEqual(ids(rows), all);
        for (const r of rows) assert.deepEqual(r.value, { id: r.id });
      });

      it("after is exclusive, also for an id that is not stored", () => {
        assert.deepEqual(ids(s.list(T, A, { after: "ab" })), ["abc", "b", "ba", "c"]);
        assert.deepEqual(ids(s.list(T, A, { after: "aa" })), ["ab", "abc", "b", "ba", "c"]);
        assert.deepEqual(ids(s.list(T, A, { after: "c" })), []);
      });

      it("from is inclusive, also for an id that is not stored", () => {
        assert.deepEqual(ids(s.list(T, A, { from: "ab" })), ["ab", "abc", "b", "ba", "c"]);
        assert.deepEqual(ids(s.list(T, A, { from: "bb" })), ["c"]);
      });

      it("prefix selects ids that start with it", () => {
        assert.deepEqual(ids(s.list(T, A, { prefix: "a" })), ["a", "ab", "abc"]);
        assert.deepEqual(ids(s.list(T, A, { prefix: "ab" })), ["ab", "abc"]);
        assert.deepEqual(ids(s.list(T, A, { prefix: "z" })), []);
        assert.deepEqual(ids(s.list(T, A, { prefix: "" })), all);
      });

      it("limit caps the page", () => {
        assert.deepEqual(ids(s.list(T, A, { limit: 2 })), ["a", "ab"]);
        assert.deepEqual(ids(s.list(T, A, { limit: 100 })), all);
        assert.deepEqual(ids(s.list(T, A, { limit: 0 })), []);
      });

      it("combines after, from, prefix and limit", () => {
        assert.deepEqual(ids(s.list(T, A, { prefix: "a", after: "a" })), ["ab", "abc"]);
        assert.deepEqual(ids(s.list(T, A, { prefix: "a", after: "a", limit: 1 })), ["ab"]);
        assert.deepEqual(ids(s.list(T, A, { prefix: "b", from: "a" })), ["b", "ba"]);
        assert.deepEqual(ids(s.list(T, A, { prefix: "a", from: "ab" })), ["ab", "abc"]);
        assert.deepEqual(ids(s.list(T, A, { prefix: "a", from: "b" })), []);
        // The stricter of after and from wins, whichever it is.
        assert.deepEqual(ids(s.list(T, A, { after: "ab", from: "b" })), ["b", "ba", "c"]);
        assert.deepEqual(ids(s.list(T, A, { after: "b", from: "ab" })), ["ba", "c"]);
        assert.deepEqual(ids(s.list(T, A, { after: "b", from: "b" })), ["ba", "c"]);
        assert.deepEqual(ids(s.list(T, A, { after: "a", prefix: "b", limit: 1 })), ["b"]);
      });

      it("of an empty partition is empty", () => {
        assert.deepEqual(s.list("test.empty", A, { prefix: "a", limit: 5 }), []);
      });
    });

    it("keyset pagination over 1,000 ids with inserts between pages never repeats or skips an existing id", () => {
      // Even numbers exist up front; odd ones arrive while the caller pages, on both sides of the cursor.
      const existing = new Set<string>();
      for (let i = 0; i < 2000; i += 2) { s.put(T, A, pad(i), i); existing.add(pad(i)); }
      assert.equal(existing.size, 1000);
      const seen: string[] = [];
      let after: string | undefined;
      let inserted = 0;
      for (;;) {
        const page = s.list<number>(T, A, { after, limit: 20 });
        if (!page.length) break;
        seen.push(...ids(page));
        after = page[page.length - 1].id;
        // One insert just behind the cursor, one just ahead of it (which the next page may show); both
        // stay inside the original range so that the walk ends.
        const cursor = page[page.length - 1].value;
        if (cursor > 0) { s.put(T, A, pad(cursor - 1), cursor - 1); inserted++; }
        if (cursor + 1 < 2000) { s.put(T, A, pad(cursor + 1), cursor + 1); inserted++; }
      }
      assert.ok(inserted > 50, "pages were interleaved with inserts");
      assert.equal(new Set(seen).size, seen.length, "no id repeats");
      assert.deepEqual(seen, [...seen].sort(), "ids arrive in order");
      for (const id of existing) assert.ok(seen.includes(id), `${id} was skipped`);
    });

    describe("transaction", () => {
      it("commits and returns fn's result", () => {
        const r = s.transaction(() => { s.put(T, A, "x", 1); s.put(T, A, "y", 2); return "done"; });
        assert.equal(r, "done");
        assert.deepEqual(ids(s.list(T, A)), ["x", "y"]);
      });

      it("sees its own writes", () => {
        s.transaction(() => {
          s.put(T, A, "x", 1);
          assert.equal(s.get(T, A, "x"), 1);
          assert.deepEqual(ids(s.list(T, A)), ["x"]);
        });
      });

      it("rolls back every put, overwrite and delete when fn throws, and rethrows the same error", () => {
        s.put(T, A, "keep", "old");
        s.put(T, A, "gone", "old");
        s.put("test.other", A, "o", "old");
        const before = s.dump();
        const boom = new Error("boom");
        assert.throws(() => s.transaction(() => {
          s.put(T, A, "new", 1);
          s.put(T, A, "keep", "changed");
          s.put(T, A, "keep", "changed twice");
          assert.equal(s.delete(T, A, "gone"), true);
          s.put(T, A, "gone", "resurrected");
          s.delete(T, A, "new");
          s.put(T, A, "new", 2);
          s.put("test.other", { account: "222222222222", region: "eu-west-1" }, "p", 1);
          assert.equal(s.delete("test.other", A, "o"), true);
          throw boom;
        }), (e) => e === boom);
        assert.deepEqual(s.dump(), before);
        assert.deepEqual(ids(s.list(T, A)), ["gone", "keep"]);
      });

      it("rolls back a clear", () => {
        s.put(T, A, "x", 1);
        s.put("test.other", { account: "222222222222", region: "global" }, "y", 2);
        const before = s.dump();
        assert.throws(() => s.transaction(() => { s.clear({ account: A.account }); s.clear(); throw new Error("no"); }), /no/);
        assert.deepEqual(s.dump(), before);
        // The restored records are live, not a stale copy.
        s.put(T, A, "x", 3);
        assert.deepEqual(s.list(T, A).map((r) => r.value), [3]);
      });

      it("is usable again after a rollback", () => {
        assert.throws(() => s.transaction(() => { s.put(T, A, "x", 1); throw new Error("no"); }));
        s.transaction(() => s.put(T, A, "y", 2));
        assert.deepEqual(ids(s.list(T, A)), ["y"]);
      });

      it("nested transaction joins the outer: the outer's failure undoes the inner's changes", () => {
        const inner = s.transaction(() => {
          s.put(T, A, "outer", 1);
          return s.transaction(() => { s.put(T, A, "inner", 2); return "inner result"; });
        });
        assert.equal(inner, "inner result");
        assert.deepEqual(ids(s.list(T, A)), ["inner", "outer"]);

        assert.throws(() => s.transaction(() => {
          s.transaction(() => s.put(T, A, "inner2", 3));
          assert.equal(s.get(T, A, "inner2"), 3);
          throw new Error("outer fails");
        }), /outer fails/);
        assert.equal(s.get(T, A, "inner2"), undefined);
      });

      it("nested transaction that throws fails the outer when the error propagates", () => {
        assert.throws(() => s.transaction(() => {
          s.put(T, A, "outer", 1);
          s.transaction(() => { s.put(T, A, "inner", 2); throw new Error("inner fails"); });
        }), /inner fails/);
        assert.deepEqual(s.dump(), []);
      });
    });

    describe("rollback", () => {
      it("returns fn's result and discards its changes", () => {
        s.put(T, A, "keep", "old");
        s.put(T, A, "gone", "old");
        const before = s.dump();
        const r = s.rollback(() => {
          s.put(T, A, "new", 1);
          s.put(T, A, "keep", "changed");
          s.delete(T, A, "gone");
          return { seen: s.get(T, A, "keep") };
        });
        assert.deepEqual(r, { seen: "changed" });
        assert.deepEqual(s.dump(), before);
      });

      it("propagates fn's error and still discards", () => {
        assert.throws(() => s.rollback(() => { s.put(T, A, "x", 1); throw new TypeError("bad"); }), TypeError);
        assert.equal(s.get(T, A, "x"), undefined);
      });

      it("inside a transaction discards only its own changes", () => {
        s.transaction(() => {
          s.put(T, A, "outer", 1);
          assert.equal(s.rollback(() => { s.put(T, A, "dry", 2); s.put(T, A, "outer", 9); return 7; }), 7);
          assert.equal(s.get(T, A, "dry"), undefined);
          assert.equal(s.get(T, A, "outer"), 1);
          s.put(T, A, "after", 3);
        });
        assert.deepEqual(s.list(T, A).map((r) => [r.id, r.value]), [["after", 3], ["outer", 1]]);
      });
    });

    describe("clear", () => {
      const B: Partition = { account: "222222222222", region: "us-east-1" };
      const W: Partition = { account: A.account, region: "eu-west-1" };
      beforeEach(() => {
        for (const p of [A, B, W]) {
          s.put("appstream.fleet", p, "f", 1);
          s.put("ec2.image", p, "i", 2);
        }
      });
      const keys = () => s.dump().map((r) => `${r.type}/${r.account}/${r.region}`);

      it("with no filter empties everything", () => {
        s.clear();
        assert.deepEqual(s.dump(), []);
      });

      it("by account", () => {
        s.clear({ account: A.account });
        assert.deepEqual(keys(), ["appstream.fleet/222222222222/us-east-1", "ec2.image/222222222222/us-east-1"]);
      });

      it("by region", () => {
        s.clear({ region: "us-east-1" });
        assert.deepEqual(keys(), ["appstream.fleet/111111111111/eu-west-1", "ec2.image/111111111111/eu-west-1"]);
      });

      it("by type prefix", () => {
        s.clear({ typePrefix: "appstream." });
        assert.deepEqual(keys(), ["ec2.image/111111111111/eu-west-1", "ec2.image/111111111111/us-east-1", "ec2.image/222222222222/us-east-1"]);
      });

      it("by every filter at once", () => {
        s.clear({ account: A.account, region: "us-east-1", typePrefix: "ec2" });
        assert.equal(s.get("ec2.image", A, "i"), undefined);
        assert.equal(s.dump().length, 5);
      });

      it("leaves the store usable", () => {
        s.clear();
        s.put("appstream.fleet", A, "g", 3);
        assert.deepEqual(ids(s.list("appstream.fleet", A)), ["g"]);
      });
    });

    it("dump returns every record in (type, account, region, id) order", () => {
      const puts: [string, string, string, string][] = [
        ["b.type", "2", "r1", "z"], ["a.type", "2", "r1", "b"], ["b.type", "1", "r2", "a"], ["b.type", "1", "r1", "y"],
        ["a.type", "1", "r1", "c"], ["a.type", "2", "r1", "a"], ["b.type", "1", "r1", "x"],
      ];
      for (const [type, account, region, id] of puts) s.put(type, { account, region }, id, { id });
      assert.deepEqual(s.dump().map((r) => [r.type, r.account, r.region, r.id]), [
        ["a.type", "1", "r1", "c"], ["a.type", "2", "r1", "a"], ["a.type", "2", "r1", "b"],
        ["b.type", "1", "r1", "x"], ["b.type", "1", "r1", "y"], ["b.type", "1", "r2", "a"], ["b.type", "2", "r1", "z"],
      ]);
      for (const r of s.dump()) assert.deepEqual(r.value, { id: r.id });
    });

    it("values are copies: mutating what goes in or comes out does not change the store", () => {
      const input = { tags: { a: "1" }, list: [1] };
      s.put(T, A, "x", input);
      input.tags.a = "changed";
      input.list.push(2);
      const got = s.get<typeof input>(T, A, "x")!;
      assert.deepEqual(got, { tags: { a: "1" }, list: [1] });
      got.tags.a = "mutated";
      s.list<typeof input>(T, A)[0].value.list.push(3);
      (s.dump()[0].value as typeof input).tags.a = "dumped";
      assert.deepEqual(s.get(T, A, "x"), { tags: { a: "1" }, list: [1] });
    });
  });
}
