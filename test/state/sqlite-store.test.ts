// Each test gets its own fresh database directory; all of them are removed when the file is done. Then what
// only a file shows: index entries across restarts.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../src/state/sqlite-store";
import { Indexes } from "../../src/state/indexes";
import { StoreOpenError } from "../../src/state/store-open-error";
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

describe("SqliteStore damage check at open", () => {
  const P = { account: "111111111111", region: "us-east-1" };
  const mark = (dir: string) => join(dir, "imagelite.db-clean");

  it("a clean close marks the file; the next open takes the mark away, so that only a clean close spares the check", () => {
    const dir = join(root, `clean-${n++}`);
    const s = new SqliteStore(dir);
    s.put("test.thing", P, "a", { v: 1 });
    assert.equal(existsSync(mark(dir)), false, "no mark while the store is open");
    s.close();
    assert.equal(existsSync(mark(dir)), true);
    const again = new SqliteStore(dir);
    assert.equal(existsSync(mark(dir)), false, "an open store may change the file: its mark is gone");
    assert.deepEqual(again.get("test.thing", P, "a"), { v: 1 });
    again.close();
  });

  it("a file written after its clean close no longer matches its mark and is checked in full", () => {
    const dir = join(root, `clean-${n++}`);
    const s = new SqliteStore(dir);
    s.transaction(() => {
      for (let i = 0; i < 3000; i++) s.put("test.thing", P, `id-${String(i).padStart(5, "0")}`, { pad: "x".repeat(200) });
    });
    s.close();
    const file = join(dir, "imagelite.db");
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    closeSync(fd);
    assert.throws(
      () => new SqliteStore(dir),
      (e: unknown) => e instanceof StoreOpenError && e.problem === "damaged",
    );
  });
});
