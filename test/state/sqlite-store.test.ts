// Each test gets its own fresh database directory; all of them are removed when the file is done. Then what
// only a file shows: index entries across restarts.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../src/state/sqlite-store";
import { Indexes } from "../../src/state/indexes";
import { storeConformance } from "./store.case";

const root = mkdtempSync(join(tmpdir(), "imagelite-sqlite-store-"));
let n = 0;
after(() => rmSync(root, { recursive: true, force: true }));

storeConformance("SqliteStore", (indexes) => new SqliteStore(join(root, String(n++)), "normal", indexes));

describe("SqliteStore index entries across restarts", () => {
  const P = { account: "111111111111", region: "us-east-1" };
  const T = "test.named";
  const catalog = (derive: (v: { name: string }) => string) => {
    const c = new Indexes();
    c.define(T, { name: derive });
    return c;
  };
  const byName = (v: { name: string }) => v.name;
  const names = (s: SqliteStore, key?: string) =>
    s.lookup<{ name: string }>(T, P, "name", key === undefined ? {} : { key }).map((r) => `${r.key}/${r.id}`);

  function filled(): string {
    const dir = join(root, `restart-${n++}`);
    const s = new SqliteStore(dir, "normal", catalog(byName));
    s.transaction(() => {
      s.put(T, P, "a", { name: "web" });
      s.put(T, P, "b", { name: "db" });
    });
    s.close();
    return dir;
  }

  it("keeps its entries, and does not rebuild them when nothing changed", () => {
    const dir = filled();
    // A record written behind the store's back has no entry: were the index rebuilt at open, it would.
    const db = new Database(join(dir, "imagelite.db"));
    db.prepare("INSERT INTO records (type, account, region, id, value) VALUES (?, ?, ?, ?, ?)").run(
      T,
      P.account,
      P.region,
      "c",
      JSON.stringify({ name: "hidden" }),
    );
    db.close();
    const s = new SqliteStore(dir, "normal", catalog(byName));
    assert.deepEqual(names(s), ["db/b", "web/a"]);
    s.close();
  });

  it("builds them for a file from before indexes", () => {
    const dir = filled();
    const db = new Database(join(dir, "imagelite.db"));
    db.exec("DROP TABLE record_index; DROP TABLE index_catalog");
    db.close();
    const s = new SqliteStore(dir, "normal", catalog(byName));
    assert.deepEqual(names(s), ["db/b", "web/a"]);
    s.close();
  });

  it("rebuilds them when the declaration changes, and drops those of a type that no longer has indexes", () => {
    const dir = filled();
    let s = new SqliteStore(
      dir,
      "normal",
      catalog((v) => v.name.toUpperCase()),
    );
    assert.deepEqual(names(s), ["DB/b", "WEB/a"]);
    s.close();
    s = new SqliteStore(dir, "normal", new Indexes());
    assert.deepEqual(names(s), []);
    s.close();
    const db = new Database(join(dir, "imagelite.db"));
    assert.deepEqual(db.prepare("SELECT count(*) AS n FROM record_index").get(), { n: 0 });
    db.close();
    s = new SqliteStore(dir, "normal", catalog(byName));
    assert.deepEqual(names(s, "web"), ["web/a"]);
    s.close();
  });
});
