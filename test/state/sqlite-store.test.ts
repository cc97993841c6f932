// Each test gets its own fresh database directory; all of them are removed when the file is done. Then what
// only a file shows: index entries across restarts.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../src/state/sqlite-store";
import { Indexes } from "../../src/state/indexes";
import { StoreOpenError } from "../../src/state/store-open-error";
import { StoreUnavailableError, type StoreCondition } from "../../src/state/store-unavailable";
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

  /** A closed store of 3,000 records, then 8 KB overwritten in the middle of its file. */
  function damaged(): { dir: string; file: string } {
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
    return { dir, file };
  }

  it("bytes overwritten in place, with the size and modification time given back (touch -d), are still checked and refused", () => {
    const dir = join(root, `clean-${n++}`);
    const s = new SqliteStore(dir);
    s.transaction(() => {
      for (let i = 0; i < 3000; i++) s.put("test.thing", P, `id-${String(i).padStart(5, "0")}`, { pad: "x".repeat(200) });
    });
    s.close();
    const file = join(dir, "imagelite.db");
    const before = statSync(file);
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(before.size / 2 / 4096) * 4096);
    closeSync(fd);
    utimesSync(file, before.atime, before.mtime);
    assert.equal(statSync(file).mtimeMs, before.mtimeMs);
    assert.equal(statSync(file).size, before.size);
    assert.throws(
      () => new SqliteStore(dir),
      (e: unknown) => e instanceof StoreOpenError && e.problem === "damaged",
    );
  });

  it("damage the file system never saw is met when read: the unavailable error, no more writes, told once, refused at the next open", () => {
    const { dir, file } = damaged();
    // A mark that matches the damaged file, as damage below the file system (a failing disk) would leave it.
    const st = statSync(file, { bigint: true });
    writeFileSync(
      `${file}-clean`,
      JSON.stringify({ size: String(st.size), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), ino: String(st.ino) }),
    );
    const s = new SqliteStore(dir);
    const told: StoreCondition[] = [];
    s.onCondition = (c) => told.push(c);
    try {
      assert.deepEqual(s.get("test.thing", P, "id-00000"), { pad: "x".repeat(200) }, "what is not damaged is read");
      for (let i = 0; i < 2; i++)
        assert.throws(
          () => s.list("test.thing", P),
          (e: unknown) => e instanceof StoreUnavailableError && e.message.includes(file) && /Move the file aside/.test(e.message),
        );
      assert.throws(
        () => s.put("test.thing", P, "new", { v: 1 }),
        (e: unknown) => e instanceof StoreUnavailableError,
        "a damaged store takes no more writes",
      );
      assert.throws(() => s.transaction(() => s.delete("test.thing", P, "id-00000")), StoreUnavailableError);
      assert.equal(told.length, 1, "told once");
      assert.equal(told[0].state, "damaged");
      assert.equal(s.condition().state, "damaged");
    } finally {
      s.close();
    }
    assert.equal(existsSync(`${file}-clean`), false, "a damaged store is not marked clean");
    assert.throws(
      () => new SqliteStore(dir),
      (e: unknown) => e instanceof StoreOpenError && e.problem === "damaged",
    );
  });

  it("a stored record that is not JSON is damage too, not an internal error", () => {
    const dir = join(root, `clean-${n++}`);
    const s = new SqliteStore(dir);
    s.put("test.thing", P, "a", { v: 1 });
    s.put("test.thing", P, "b", { v: 2 });
    s.close();
    const db = new Database(join(dir, "imagelite.db"));
    db.prepare("UPDATE records SET value = ? WHERE id = 'b'").run('{"v": 2, trailing');
    db.close();
    const again = new SqliteStore(dir);
    try {
      assert.deepEqual(again.get("test.thing", P, "a"), { v: 1 });
      assert.throws(
        () => again.get("test.thing", P, "b"),
        (e: unknown) => e instanceof StoreUnavailableError && /a stored record is not JSON/.test(e.message),
      );
      assert.equal(again.condition().state, "damaged");
    } finally {
      again.close();
    }
  });
});
