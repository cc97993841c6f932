// One conformance suite for every Store: the in-memory store must behave exactly like SQLite, since
// tests run against the first and users against the second.
import { describe, it, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { dumpPages, type Partition, type Store } from "../../src/state/store";
import { Indexes, indexKey, type IndexCatalog } from "../../src/state/indexes";

const A: Partition = { account: "111111111111", region: "us-east-1" };
const T = "test.thing";

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
/** Zero-padded so that string order is numeric order. */
const pad = (n: number) => `id-${String(n).padStart(5, "0")}`;

/** A record type with indexes, for the index cases: a name, any number of tags, a flag. */
const X = "test.indexed";
interface Thing {
  name?: string;
  tags?: Record<string, string>;
  flag?: boolean;
}
function testIndexes(): Indexes {
  const indexes = new Indexes();
  indexes.define<Thing>(X, {
    name: (t) => t.name,
    tag: (t) => Object.entries(t.tags ?? {}).map(([k, v]) => indexKey(k, v)),
    flagged: (t) => (t.flag ? "yes" : undefined),
    // Reads a member that a record may lack: such a record has no key in it.
    shouting: (t) => t.name!.toUpperCase(),
  });
  return indexes;
}

const rows = (r: { key: string; id: string }[]) => r.map((x) => `${x.key}/${x.id}`);

export function storeConformance(name: string, make: (indexes?: IndexCatalog) => Store): void {
  describe(`Store conformance: ${name}`, () => {
    let s: Store;
    beforeEach(() => {
      s = make(testIndexes());
    });
    afterEach(() => {
      s.close();
    });

    describe("get / put / delete", () => {
      it("round-trips JSON values of every kind", () => {
        const values: unknown[] = [{ a: 1, b: [true, null, "x"], c: { d: 1.5 } }, [1, 2], "text", 0, false, null, "üñï €"];
        values.forEach((v, i) => s.put(T, A, `k${i}`, v));
        values.forEach((v, i) => assert.deepEqual(s.get(T, A, `k${i}`), v));
      });

      it("holdsRecords: whether any record is stored, leaving out the types under a prefix if asked", () => {
        assert.equal(s.holdsRecords(), false);
        s.put("imagelite.clock", A, "clock", {});
        assert.equal(s.holdsRecords(), true);
        assert.equal(s.holdsRecords("imagelite."), false);
        s.put("zzz.after", A, "x", {});
        assert.equal(s.holdsRecords("imagelite."), true);
        s.delete("zzz.after", A, "x");
        s.put("aaa.before", A, "x", {});
        assert.equal(s.holdsRecords("imagelite."), true);
        s.delete("aaa.before", A, "x");
        assert.equal(s.holdsRecords("imagelite."), false);
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
          assert.deepEqual(
            s.list(t, p).map((r) => r.value),
            [`other${i}`],
          );
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
      beforeEach(() => {
        for (const id of ["c", "ab", "b", "a", "ba", "abc"]) s.put(T, A, id, { id });
      });

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
      for (let i = 0; i < 2000; i += 2) {
        s.put(T, A, pad(i), i);
        existing.add(pad(i));
      }
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
        if (cursor > 0) {
          s.put(T, A, pad(cursor - 1), cursor - 1);
          inserted++;
        }
        if (cursor + 1 < 2000) {
          s.put(T, A, pad(cursor + 1), cursor + 1);
          inserted++;
        }
      }
      assert.ok(inserted > 50, "pages were interleaved with inserts");
      assert.equal(new Set(seen).size, seen.length, "no id repeats");
      assert.deepEqual(seen, [...seen].sort(), "ids arrive in order");
      for (const id of existing) assert.ok(seen.includes(id), `${id} was skipped`);
    });

    describe("transaction", () => {
      it("commits and returns fn's result", () => {
        const r = s.transaction(() => {
          s.put(T, A, "x", 1);
          s.put(T, A, "y", 2);
          return "done";
        });
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
        assert.throws(
          () =>
            s.transaction(() => {
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
            }),
          (e) => e === boom,
        );
        assert.deepEqual(s.dump(), before);
        assert.deepEqual(ids(s.list(T, A)), ["gone", "keep"]);
        // Reads by id, which a store may answer from what it read lately, agree.
        assert.equal(s.get(T, A, "keep"), "old");
        assert.equal(s.get(T, A, "gone"), "old");
        assert.equal(s.get(T, A, "new"), undefined);
      });

      it("reads by id inside a transaction see its writes, and after its failure see what was there", () => {
        s.put(T, A, "x", "old");
        assert.equal(s.get(T, A, "x"), "old");
        assert.throws(() =>
          s.transaction(() => {
            s.put(T, A, "x", "new");
            assert.equal(s.get(T, A, "x"), "new");
            s.delete(T, A, "x");
            assert.equal(s.get(T, A, "x"), undefined);
            s.put(T, A, "x", "newer");
            assert.equal(s.get(T, A, "x"), "newer");
            throw new Error("no");
          }),
        );
        assert.equal(s.get(T, A, "x"), "old");
        s.rollback(() => {
          s.put(T, A, "x", "dry");
          assert.equal(s.get(T, A, "x"), "dry");
        });
        assert.equal(s.get(T, A, "x"), "old");
        s.put(T, A, "x", "last");
        assert.equal(s.get(T, A, "x"), "last");
        s.clear();
        assert.equal(s.get(T, A, "x"), undefined);
      });

      it("rolls back a clear", () => {
        s.put(T, A, "x", 1);
        s.put("test.other", { account: "222222222222", region: "global" }, "y", 2);
        const before = s.dump();
        assert.throws(
          () =>
            s.transaction(() => {
              s.clear({ account: A.account });
              s.clear();
              throw new Error("no");
            }),
          /no/,
        );
        assert.deepEqual(s.dump(), before);
        // The restored records are live, not a stale copy.
        s.put(T, A, "x", 3);
        assert.deepEqual(
          s.list(T, A).map((r) => r.value),
          [3],
        );
      });

      it("is usable again after a rollback", () => {
        assert.throws(() =>
          s.transaction(() => {
            s.put(T, A, "x", 1);
            throw new Error("no");
          }),
        );
        s.transaction(() => s.put(T, A, "y", 2));
        assert.deepEqual(ids(s.list(T, A)), ["y"]);
      });

      it("nested transaction joins the outer: the outer's failure undoes the inner's changes", () => {
        const inner = s.transaction(() => {
          s.put(T, A, "outer", 1);
          return s.transaction(() => {
            s.put(T, A, "inner", 2);
            return "inner result";
          });
        });
        assert.equal(inner, "inner result");
        assert.deepEqual(ids(s.list(T, A)), ["inner", "outer"]);

        assert.throws(
          () =>
            s.transaction(() => {
              s.transaction(() => s.put(T, A, "inner2", 3));
              assert.equal(s.get(T, A, "inner2"), 3);
              throw new Error("outer fails");
            }),
          /outer fails/,
        );
        assert.equal(s.get(T, A, "inner2"), undefined);
      });

      it("nested transaction that throws fails the outer when the error propagates", () => {
        assert.throws(
          () =>
            s.transaction(() => {
              s.put(T, A, "outer", 1);
              s.transaction(() => {
                s.put(T, A, "inner", 2);
                throw new Error("inner fails");
              });
            }),
          /inner fails/,
        );
        assert.deepEqual(s.dump(), []);
      });
    });

    describe("bulk (a seed's one transaction)", () => {
      const bulk = <R>(fn: () => R): R => (s.bulk ? s.bulk(fn) : s.transaction(fn));
      const B: Partition = { account: "222222222222", region: "eu-west-1" };

      it("commits whatever it writes, indexes included", () => {
        s.put(T, A, "before", 0);
        bulk(() => {
          for (let i = 0; i < 300; i++) s.put(X, B, pad(i), { name: `n${i % 7}`, tags: { team: i % 2 ? "web" : "data" } });
          s.put(T, A, "before", 1);
          assert.equal(s.lookup(X, B, "name", { key: "n3" }).length, 43, "its own entries are read back inside it");
        });
        assert.equal(s.list(X, B).length, 300);
        assert.equal(s.lookup(X, B, "tag", { key: indexKey("team", "web") }).length, 150);
        assert.equal(s.get(T, A, "before"), 1);
      });

      it("leaves nothing of a failure: new partitions go whole, changes to existing ones are undone", () => {
        s.put(T, A, "kept", "old");
        s.put(X, A, "thing", { name: "old" });
        const before = s.dump();
        assert.throws(
          () =>
            bulk(() => {
              for (let i = 0; i < 50; i++) s.put(X, B, pad(i), { name: "new" });
              s.put(T, A, "kept", "changed");
              s.put(X, A, "thing", { name: "changed" });
              s.put(T, A, "added", 1);
              s.delete(X, B, pad(3));
              throw new Error("bad entry");
            }),
          /bad entry/,
        );
        assert.deepEqual(s.dump(), before);
        assert.deepEqual(s.lookup(X, A, "name", { key: "old" }).length, 1);
        assert.deepEqual(s.lookup(X, A, "name", { key: "changed" }), []);
        assert.deepEqual(s.lookup(X, B, "name", { key: "new" }), []);
        // And the store takes writes again, in the partitions the failure dropped.
        s.put(X, B, "again", { name: "new" });
        assert.deepEqual(ids(s.lookup(X, B, "name", { key: "new" })), ["again"]);
      });

      it("discards a dry run inside it, also in a partition it made", () => {
        bulk(() => {
          s.put(X, B, "made", { name: "a" });
          s.rollback(() => {
            s.put(X, B, "dry", { name: "a" });
            s.put(X, B, "made", { name: "b" });
          });
        });
        assert.deepEqual(ids(s.list(X, B)), ["made"]);
        assert.deepEqual(ids(s.lookup(X, B, "name", { key: "a" })), ["made"]);
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
        assert.throws(
          () =>
            s.rollback(() => {
              s.put(T, A, "x", 1);
              throw new TypeError("bad");
            }),
          TypeError,
        );
        assert.equal(s.get(T, A, "x"), undefined);
      });

      it("inside a transaction discards only its own changes", () => {
        s.transaction(() => {
          s.put(T, A, "outer", 1);
          assert.equal(
            s.rollback(() => {
              s.put(T, A, "dry", 2);
              s.put(T, A, "outer", 9);
              return 7;
            }),
            7,
          );
          assert.equal(s.get(T, A, "dry"), undefined);
          assert.equal(s.get(T, A, "outer"), 1);
          s.put(T, A, "after", 3);
        });
        assert.deepEqual(
          s.list(T, A).map((r) => [r.id, r.value]),
          [
            ["after", 3],
            ["outer", 1],
          ],
        );
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
        assert.deepEqual(keys(), [
          "ec2.image/111111111111/eu-west-1",
          "ec2.image/111111111111/us-east-1",
          "ec2.image/222222222222/us-east-1",
        ]);
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
        ["b.type", "2", "r1", "z"],
        ["a.type", "2", "r1", "b"],
        ["b.type", "1", "r2", "a"],
        ["b.type", "1", "r1", "y"],
        ["a.type", "1", "r1", "c"],
        ["a.type", "2", "r1", "a"],
        ["b.type", "1", "r1", "x"],
      ];
      for (const [type, account, region, id] of puts) s.put(type, { account, region }, id, { id });
      assert.deepEqual(
        s.dump().map((r) => [r.type, r.account, r.region, r.id]),
        [
          ["a.type", "1", "r1", "c"],
          ["a.type", "2", "r1", "a"],
          ["a.type", "2", "r1", "b"],
          ["b.type", "1", "r1", "x"],
          ["b.type", "1", "r1", "y"],
          ["b.type", "1", "r2", "a"],
          ["b.type", "2", "r1", "z"],
        ],
      );
      for (const r of s.dump()) assert.deepEqual(r.value, { id: r.id });
    });

    it("dump reads in pages: each after the last key of the one before, in the same order, whatever the page size", () => {
      const puts: [string, string, string, string][] = [
        ["b.type", "2", "r1", "z"],
        ["a.type", "2", "r1", "b"],
        ["b.type", "1", "r2", "a"],
        ["b.type", "1", "r1", "y"],
        ["a.type", "1", "r1", "c"],
        ["a.type", "2", "r1", "a"],
        ["b.type", "1", "r1", "x"],
        ["b.type", "1", "r1", "x\u0000y"],
      ];
      for (const [type, account, region, id] of puts) s.put(type, { account, region }, id, { id });
      const all = s.dump();
      assert.equal(all.length, puts.length);
      for (const size of [1, 2, 3, 7, 8, 50]) {
        const pages = [...dumpPages(s, size)];
        assert.deepEqual(pages.flat(), all, `pages of ${size}`);
        assert.ok(pages.every((p) => p.length <= size && p.length > 0));
      }
      // A page after a key that is not stored starts at the next one.
      const after = { type: "b.type", account: "1", region: "r1", id: "xa" };
      assert.deepEqual(
        s.dump({ after, limit: 2 }).map((r) => r.id),
        ["y", "a"],
      );
      assert.deepEqual(s.dump({ limit: 0 }), []);
      assert.deepEqual(s.dump({ after: { type: "c", account: "", region: "", id: "" } }), []);
    });

    describe("secondary indexes", () => {
      const B: Partition = { account: "222222222222", region: A.region };
      const put = (id: string, t: Thing, p = A) => s.put(X, p, id, t);
      const lookup = (index: string, o: Parameters<Store["lookup"]>[3], p = A) => rows(s.lookup(X, p, index, o));

      it("finds records by exact key in id order, with their values", () => {
        put("c", { name: "web" });
        put("a", { name: "web" });
        put("b", { name: "db" });
        put("d", { name: "webx" });
        const found = s.lookup<Thing>(X, A, "name", { key: "web" });
        assert.deepEqual(rows(found), ["web/a", "web/c"]);
        assert.deepEqual(
          found.map((r) => r.value),
          [{ name: "web" }, { name: "web" }],
        );
        assert.deepEqual(lookup("name", { key: "nothing" }), []);
      });

      it("finds records by key prefix in (key, id) order", () => {
        for (const [id, n] of [
          ["1", "al2023-ami-b"],
          ["2", "al2023-ami-a"],
          ["3", "al2-ami"],
          ["4", "al2023-ami-a"],
          ["5", "amzn"],
          ["6", "al2023-ami-"],
        ])
          put(id, { name: n });
        assert.deepEqual(lookup("name", { prefix: "al2023-ami-" }), [
          "al2023-ami-/6",
          "al2023-ami-a/2",
          "al2023-ami-a/4",
          "al2023-ami-b/1",
        ]);
        assert.deepEqual(lookup("name", { prefix: "al2" }), [
          "al2-ami/3",
          "al2023-ami-/6",
          "al2023-ami-a/2",
          "al2023-ami-a/4",
          "al2023-ami-b/1",
        ]);
        assert.deepEqual(lookup("name", { prefix: "" }).length, 6);
        assert.deepEqual(lookup("name", {}).length, 6);
        assert.deepEqual(lookup("name", { prefix: "b" }), []);
      });

      it("lists a record once per key it has, and not at all when it has none", () => {
        put("r1", { tags: { env: "prod", team: "web" } });
        put("r2", { tags: { env: "dev" } });
        put("r3", {});
        assert.deepEqual(lookup("tag", { key: indexKey("env", "prod") }), [`${indexKey("env", "prod")}/r1`]);
        assert.deepEqual(
          s.lookup(X, A, "tag", { prefix: indexKey("env", "") }).map((r) => r.id),
          ["r2", "r1"],
        );
        assert.deepEqual(
          s.lookup(X, A, "tag", {}).map((r) => r.id),
          ["r2", "r1", "r1"],
        );
        assert.deepEqual(lookup("flagged", {}), []);
      });

      it("follows overwrites and deletes", () => {
        put("a", { name: "old", flag: true });
        put("a", { name: "new" });
        assert.deepEqual(lookup("name", { key: "old" }), []);
        assert.deepEqual(lookup("name", { key: "new" }), ["new/a"]);
        assert.deepEqual(lookup("flagged", {}), []);
        assert.equal(s.delete(X, A, "a"), true);
        assert.deepEqual(lookup("name", {}), []);
        put("a", { name: "again" });
        assert.deepEqual(lookup("name", {}), ["again/a"]);
      });

      it("after is exclusive in (key, id) order, also for an entry that is not stored", () => {
        for (const [id, n] of [
          ["a", "x"],
          ["b", "x"],
          ["c", "x"],
          ["a", "y"],
          ["b", "xy"],
        ] as const)
          put(`${id}-${n}`, { name: n });
        assert.deepEqual(lookup("name", { key: "x", after: { key: "x", id: "a-x" } }), ["x/b-x", "x/c-x"]);
        assert.deepEqual(lookup("name", { key: "x", after: { key: "x", id: "b" } }), ["x/b-x", "x/c-x"]);
        assert.deepEqual(lookup("name", { key: "x", after: { key: "w", id: "z" } }), ["x/a-x", "x/b-x", "x/c-x"]);
        assert.deepEqual(lookup("name", { key: "x", after: { key: "xa", id: "" } }), []);
        assert.deepEqual(lookup("name", { prefix: "x", after: { key: "x", id: "c-x" } }), ["xy/b-xy"]);
        assert.deepEqual(lookup("name", { prefix: "x", after: { key: "x", id: "b-x" }, limit: 1 }), ["x/c-x"]);
        assert.deepEqual(lookup("name", { prefix: "x", after: { key: "xy", id: "b-xy" } }), []);
        assert.deepEqual(lookup("name", { prefix: "x", after: { key: "y", id: "" } }), []);
        assert.deepEqual(lookup("name", { prefix: "x", after: { key: "a", id: "z" } }), ["x/a-x", "x/b-x", "x/c-x", "xy/b-xy"]);
        assert.deepEqual(lookup("name", { after: { key: "xy", id: "b-xy" } }), ["y/a-y"]);
        assert.deepEqual(lookup("name", { limit: 2 }), ["x/a-x", "x/b-x"]);
        assert.deepEqual(lookup("name", { limit: 0 }), []);
      });

      it("leave out of an index a record that its derivation cannot read, and keep it writable", () => {
        put("a", {});
        assert.deepEqual(lookup("shouting", {}), []);
        put("a", { name: "web" });
        assert.deepEqual(lookup("shouting", {}), ["WEB/a"]);
        put("a", { tags: {} });
        assert.deepEqual(lookup("shouting", {}), []);
        assert.equal(s.delete(X, A, "a"), true);
      });

      it("keep an entry that an overwrite leaves as it was, and move only the others", () => {
        put("a", { name: "same", flag: true });
        put("a", { name: "same", tags: { k: "v" } });
        assert.deepEqual([lookup("name", {}), lookup("flagged", {}), lookup("tag", {})], [["same/a"], [], [`${indexKey("k", "v")}/a`]]);
      });

      it("isolate by partition, type and index", () => {
        put("a", { name: "k", tags: { k: "" } });
        put("b", { name: "k" }, B);
        s.put("test.unindexed", A, "c", { name: "k" });
        assert.deepEqual(lookup("name", { key: "k" }), ["k/a"]);
        assert.deepEqual(lookup("name", { key: "k" }, B), ["k/b"]);
        assert.deepEqual(s.lookup("test.unindexed", A, "name", { key: "k" }), []);
        assert.deepEqual(lookup("nope", {}), []);
        assert.deepEqual(lookup("tag", { key: "k" }), []);
      });

      it("match prefixes exactly, whatever the characters", () => {
        const names = ["é", "éa", "éé", "f", "e", "日本", "日", "x😀", "x\uffff", "x", "xa\u0001b", "xa\u0000"];
        names.forEach((n, i) => put(`id${i}`, { name: n }));
        const keys = (prefix: string) =>
          s
            .lookup(X, A, "name", { prefix })
            .map((r) => r.key)
            .sort();
        assert.deepEqual(keys("é"), ["é", "éa", "éé"]);
        assert.deepEqual(keys("日"), ["日", "日本"]);
        // Order among the characters above U+FFFF and below it may differ between stores: compared as sets.
        assert.deepEqual(keys("x"), ["x", "xa\u0000", "xa\u0001b", "x\uffff", "x😀"].sort());
        assert.deepEqual(keys("xa"), ["xa\u0000", "xa\u0001b"]);
        assert.deepEqual(keys("x😀"), ["x😀"]);
      });

      it("composite keys find a tag by key and value, by key alone and by value prefix", () => {
        put("1", { tags: { Name: "web-1", env: "prod" } });
        put("2", { tags: { Name: "web-2" } });
        put("3", { tags: { Name: "db", Name2: "web-9" } });
        put("4", { tags: { Nam: "eweb" } });
        const ids = (o: Parameters<Store["lookup"]>[3]) => s.lookup(X, A, "tag", o).map((r) => r.id);
        assert.deepEqual(ids({ key: indexKey("Name", "web-1") }), ["1"]);
        assert.deepEqual(ids({ prefix: indexKey("Name", "web-") }), ["1", "2"]);
        assert.deepEqual(ids({ prefix: indexKey("Name", "") }), ["3", "1", "2"]);
        assert.deepEqual(ids({ prefix: indexKey("Nam", "") }), ["4"]);
      });

      it("roll back with the records: put, overwrite, delete and clear", () => {
        put("keep", { name: "k", tags: { a: "1" } });
        put("gone", { name: "g" });
        const before = () => [lookup("name", {}), lookup("tag", {}), lookup("flagged", {})];
        const snapshot = before();
        assert.throws(
          () =>
            s.transaction(() => {
              put("new", { name: "n", flag: true });
              put("keep", { name: "changed" });
              put("keep", { name: "changed twice", flag: true });
              s.delete(X, A, "gone");
              put("gone", { name: "resurrected" });
              s.clear({ account: A.account });
              put("after-clear", { name: "z" });
              throw new Error("no");
            }),
          /no/,
        );
        assert.deepEqual(before(), snapshot);
        assert.deepEqual(
          s.rollback(() => {
            put("dry", { name: "d" });
            s.delete(X, A, "keep");
            return lookup("name", {});
          }),
          ["d/dry", "g/gone"],
        );
        assert.deepEqual(before(), snapshot);
      });

      it("clear drops the entries of what it clears, and only those", () => {
        put("a", { name: "n" });
        put("b", { name: "n" }, B);
        s.clear({ account: A.account });
        assert.deepEqual(lookup("name", {}), []);
        assert.deepEqual(lookup("name", {}, B), ["n/b"]);
        s.clear({ typePrefix: "test." });
        assert.deepEqual(lookup("name", {}, B), []);
        put("c", { name: "n" });
        assert.deepEqual(lookup("name", {}), ["n/c"]);
      });

      it("are not part of dump", () => {
        put("a", { name: "n", tags: { k: "v" } });
        assert.deepEqual(s.dump(), [{ type: X, account: A.account, region: A.region, id: "a", value: { name: "n", tags: { k: "v" } } }]);
      });

      it("keyset pagination by prefix with inserts and deletes between pages never repeats or skips an entry that stays", () => {
        // 600 records over 60 names of one prefix (and some of another); pages of 25 while records come and go.
        const stays = new Set<string>();
        for (let i = 0; i < 600; i++) {
          put(pad(i), { name: `img-${String(i % 60).padStart(2, "0")}` });
          if (i % 3 !== 0) stays.add(pad(i));
          put(`other-${i}`, { name: `imh-${i}` });
        }
        const seen: string[] = [];
        let after: { key: string; id: string } | undefined;
        let n = 0;
        for (;;) {
          const page = s.lookup<Thing>(X, A, "name", { prefix: "img-", after, limit: 25 });
          if (!page.length) break;
          seen.push(...page.map((r) => `${r.key}/${r.id}`));
          after = { key: page[page.length - 1].key, id: page[page.length - 1].id };
          // A record that does not stay goes; a new one arrives on either side of the cursor.
          s.delete(X, A, pad(n * 3));
          put(`new-${n}`, { name: `img-${String((n * 7) % 60).padStart(2, "0")}` });
          n++;
        }
        assert.equal(new Set(seen).size, seen.length, "no entry repeats");
        assert.deepEqual(seen, [...seen].sort(), "entries arrive in (key, id) order");
        const ids = new Set(seen.map((r) => r.split("/")[1]));
        for (const id of stays) assert.ok(ids.has(id), `${id} was skipped`);
        assert.ok(![...ids].some((id) => id.startsWith("other-")));
      });
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
