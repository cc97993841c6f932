// The conformance suite against PostgreSQL, each test on a fresh schema of the test server. Then what only a
// database that outlives the store shows: index entries across restarts.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PostgresStore } from "../../src/state/postgres-store";
import { Indexes } from "../../src/state/indexes";
import { storeConformance } from "./store.case";
import { postgresSchemas, sql } from "../support/postgres";

const schemas = postgresSchemas();

storeConformance("PostgresStore", (indexes) => new PostgresStore(schemas.url(), indexes));

describe("PostgresStore index entries across restarts", () => {
  const P = { account: "111111111111", region: "us-east-1" };
  const T = "test.named";
  const catalog = (derive: (v: { name: string }) => string) => {
    const c = new Indexes();
    c.define(T, { name: derive });
    return c;
  };
  const byName = (v: { name: string }) => v.name;
  const names = (s: PostgresStore, key?: string) =>
    s.lookup<{ name: string }>(T, P, "name", key === undefined ? {} : { key }).map((r) => `${r.key}/${r.id}`);
  const schemaOf = (url: string) => `"${new URL(url).searchParams.get("schema")}"`;

  function filled(): string {
    const url = schemas.url();
    const s = new PostgresStore(url, catalog(byName));
    s.transaction(() => {
      s.put(T, P, "a", { name: "web" });
      s.put(T, P, "b", { name: "db" });
    });
    s.close();
    return url;
  }

  it("keeps its entries, and does not rebuild them when nothing changed", async () => {
    const url = filled();
    // A record written behind the store's back has no entry: were the index rebuilt at open, it would.
    await sql(`INSERT INTO ${schemaOf(url)}.records (type, account, region, id, value) VALUES ($1, $2, $3, $4, $5)`, [
      T,
      P.account,
      P.region,
      "c",
      JSON.stringify({ name: "hidden" }),
    ]);
    const s = new PostgresStore(url, catalog(byName));
    assert.deepEqual(names(s), ["db/b", "web/a"]);
    s.close();
  });

  it("builds them when the schema has none for a declared type", async () => {
    const url = filled();
    await sql(`DELETE FROM ${schemaOf(url)}.record_index; DELETE FROM ${schemaOf(url)}.index_catalog`);
    const s = new PostgresStore(url, catalog(byName));
    assert.deepEqual(names(s), ["db/b", "web/a"]);
    s.close();
  });

  it("rebuilds them when the declaration changes, and drops those of a type that no longer has indexes", async () => {
    const url = filled();
    let s = new PostgresStore(
      url,
      catalog((v) => v.name.toUpperCase()),
    );
    assert.deepEqual(names(s), ["DB/b", "WEB/a"]);
    s.close();
    s = new PostgresStore(url, new Indexes());
    assert.deepEqual(names(s), []);
    s.close();
    assert.deepEqual(await sql(`SELECT count(*)::int AS n FROM ${schemaOf(url)}.record_index`), [{ n: 0 }]);
    s = new PostgresStore(url, catalog(byName));
    assert.deepEqual(names(s, "web"), ["web/a"]);
    s.close();
  });

  it("rebuilds more than one batch of records", () => {
    const url = schemas.url();
    let s = new PostgresStore(url, new Indexes());
    s.transaction(() => {
      for (let i = 0; i < 2500; i++) s.put(T, P, `r${String(i).padStart(4, "0")}`, { name: `n${i % 7}` });
    });
    s.close();
    s = new PostgresStore(url, catalog(byName));
    assert.equal(s.lookup(T, P, "name", {}).length, 2500);
    assert.equal(s.lookup(T, P, "name", { key: "n3" }).length, 357);
    s.close();
  });
});

describe("PostgresStore.partitions", () => {
  it("lists each partition that holds records of the type once, in (account, region) order", () => {
    const s = new PostgresStore(schemas.url());
    try {
      assert.deepEqual(s.partitions("t.a"), []);
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
        s.put("t.b", { account: "33\u0000", region: "global" }, "x", {});
      });
      assert.deepEqual(s.partitions("t.a"), [
        { account: "111", region: "eu-west-1" },
        { account: "111", region: "us-west-2" },
        { account: "222", region: "us-east-1" },
      ]);
      assert.deepEqual(s.partitions("t.b"), [
        { account: "33\u0000", region: "global" },
        { account: "333", region: "global" },
      ]);
      assert.deepEqual(s.partitions("t"), []);
      s.transaction(() => {
        for (let i = 0; i < 3; i++) s.delete("t.a", { account: "111", region: "us-west-2" }, `id-${i}`);
      });
      s.clear({ account: "222" });
      assert.deepEqual(s.partitions("t.a"), [{ account: "111", region: "eu-west-1" }]);
    } finally {
      s.close();
    }
  });
});
