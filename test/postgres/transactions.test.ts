// What only a shared database shows, made deterministic with two stores in one process: the second one's
// whole transaction runs inside the first one's, between its read and its write, as another process's would.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { Client } from "pg";
import { createServer, type AddressInfo } from "node:net";
import { once } from "node:events";
import { PostgresStore } from "../../src/state/postgres-store";
import { PostgresError } from "../../src/state/postgres-link";
import { StoreUnavailableError } from "../../src/state/store-unavailable";
import { StoreConflictError } from "../../src/state/conflicts";
import { Indexes } from "../../src/state/indexes";
import { POSTGRES, postgresSchemas, sql } from "../support/postgres";

const schemas = postgresSchemas();
const P = { account: "111111111111", region: "us-east-1" };
const T = "test.named";
const indexes = () => {
  const c = new Indexes();
  c.define<{ name: string }>(T, { name: (v) => v.name });
  return c;
};

const opened: PostgresStore[] = [];
after(() => opened.forEach((s) => s.close()));
function pair(url = schemas.url()): [PostgresStore, PostgresStore] {
  const a = new PostgresStore(url, indexes());
  const b = new PostgresStore(url, indexes());
  opened.push(a, b);
  return [a, b];
}

/** Like a handler that creates a named resource: refuses a name that an index says is taken. */
function createNamed(s: PostgresStore, id: string, name: string): void {
  if (s.lookup(T, P, "name", { key: name }).length) throw new Error(`${name} already exists`);
  s.put(T, P, id, { name });
}

describe("PostgresStore across processes", () => {
  it("runs a transaction again when another one changed what it read: no lost update", () => {
    const [a, b] = pair();
    a.put(T, P, "counter", { name: "c", n: 0 });
    let attempts = 0;
    a.transaction(() => {
      attempts++;
      const v = a.get<{ name: string; n: number }>(T, P, "counter")!;
      if (attempts === 1) b.transaction(() => b.put(T, P, "counter", { ...b.get<{ n: number }>(T, P, "counter")!, n: 100 }));
      a.put(T, P, "counter", { ...v, n: v.n + 1 });
    });
    assert.equal(attempts, 2);
    assert.equal(a.retries, 1);
    assert.deepEqual(b.get(T, P, "counter"), { name: "c", n: 101 });
  });

  it("of two creates of one name, the one that commits second is run again and finds the name taken", () => {
    const [a, b] = pair();
    let attempts = 0;
    assert.throws(
      () =>
        a.transaction(() => {
          attempts++;
          const taken = a.lookup(T, P, "name", { key: "web" }).length > 0;
          if (attempts === 1) b.transaction(() => createNamed(b, "from-b", "web"));
          if (taken) throw new Error("web already exists");
          a.put(T, P, "from-a", { name: "web" });
        }),
      /web already exists/,
    );
    assert.equal(attempts, 2);
    assert.deepEqual(
      a.lookup(T, P, "name", { key: "web" }).map((r) => r.id),
      ["from-b"],
    );
  });

  it("also when the other one created the same id (the record's key, not an index, is what collides)", () => {
    const [a, b] = pair();
    let attempts = 0;
    assert.throws(
      () =>
        a.transaction(() => {
          attempts++;
          if (a.get(T, P, "key-1")) throw new Error("key-1 already exists");
          if (attempts === 1) b.put(T, P, "key-1", { name: "b" });
          a.put(T, P, "key-1", { name: "a" });
        }),
      /key-1 already exists/,
    );
    assert.deepEqual(b.get(T, P, "key-1"), { name: "b" });
  });

  it("gives up after a bounded number of attempts", () => {
    const [a, b] = pair();
    a.put(T, P, "x", { name: "x", n: 0 });
    let attempts = 0;
    assert.throws(
      () =>
        a.transaction(() => {
          attempts++;
          a.get(T, P, "x");
          b.put(T, P, "x", { name: "x", n: attempts });
          a.put(T, P, "x", { name: "x", n: -1 });
        }),
      (e: unknown) => e instanceof StoreConflictError && e.cause instanceof PostgresError && e.cause.code === "40001",
    );
    assert.equal(attempts, 10);
    assert.deepEqual(b.get(T, P, "x"), { name: "x", n: 10 });
  });

  it("a dry run inside a transaction leaves nothing, also after it read", () => {
    const [a] = pair();
    a.transaction(() => {
      a.put(T, P, "kept", { name: "k" });
      a.rollback(() => {
        a.put(T, P, "dry", { name: "d" });
        assert.equal(a.lookup(T, P, "name", {}).length, 2);
        a.delete(T, P, "kept");
      });
      assert.deepEqual(a.get(T, P, "kept"), { name: "k" });
    });
    assert.deepEqual(
      a.list(T, P).map((r) => r.id),
      ["kept"],
    );
  });

  it("opens a schema that another store is migrating at the same moment, and migrates it once", async () => {
    // Both processes' first statements wait on the advisory lock that a third session holds, then go at once.
    const url = schemas.url();
    const schema = new URL(url).searchParams.get("schema")!;
    const holder = new Client({ connectionString: POSTGRES });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock($1, hashtext($2))", [0x1ae9e117, schema]);
    const { spawn } = await import("node:child_process");
    const open = () =>
      new Promise<number | null>((resolve) => {
        const code = `const { PostgresStore } = require(${JSON.stringify(require.resolve("../../src/state/postgres-store"))});
          const s = new PostgresStore(${JSON.stringify(url)}); s.put("test.x", { account: "1", region: "r" }, String(process.pid), 1); s.close();`;
        spawn(process.execPath, ["-e", code], { stdio: "inherit" }).on("exit", resolve);
      });
    const children = [open(), open(), open()];
    await new Promise((r) => setTimeout(r, 1500));
    await holder.query("SELECT pg_advisory_unlock($1, hashtext($2))", [0x1ae9e117, schema]);
    await holder.end();
    assert.deepEqual(await Promise.all(children), [0, 0, 0]);
    const versions = await sql<{ version: number }>(`SELECT version FROM "${schema}".schema_version`);
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2],
    );
    const rows = await sql<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".records WHERE type = 'test.x'`);
    assert.equal(rows[0].n, "3");
  });

  it("a statement that does not answer within the timeout fails as the store unavailable, and the store goes on", async () => {
    const url = schemas.url();
    const s = new PostgresStore(`${url}&timeout=1000`, indexes());
    opened.push(s);
    s.put(T, P, "a", { name: "a" });
    const schema = new URL(url).searchParams.get("schema")!;
    const locker = new Client({ connectionString: POSTGRES });
    await locker.connect();
    await locker.query(`BEGIN; LOCK TABLE "${schema}".records IN ACCESS EXCLUSIVE MODE`);
    try {
      assert.throws(
        () => s.get(T, P, "a"),
        (e: unknown) => e instanceof StoreUnavailableError && e.cause instanceof PostgresError && e.cause.code === "57014",
      );
      assert.equal(s.condition().state, "unreachable");
    } finally {
      await locker.query("ROLLBACK");
      await locker.end();
    }
    assert.deepEqual(s.get(T, P, "a"), { name: "a" });
    assert.equal(s.condition().state, "ok");
  });

  it("stops the start in bounded time when the server takes the connection but never answers", async () => {
    // The kernel accepts the connection (this process's event loop is blocked meanwhile); nothing ever answers.
    const silent = createServer(() => undefined);
    silent.listen(0, "127.0.0.1");
    await once(silent, "listening");
    const port = (silent.address() as AddressInfo).port;
    try {
      const started = Date.now();
      assert.throws(
        () => new PostgresStore(`postgres://postgres@127.0.0.1:${port}/test?schema=x&timeout=300`),
        /^PostgresOpenError: cannot use the PostgreSQL store postgres:\/\/postgres@127\.0\.0\.1:\d+\/test\?schema=x&timeout=300: .*timeout/,
      );
      assert.ok(Date.now() - started < 5_000, "the start gave up within its bound");
    } finally {
      silent.close();
    }
  });

  it("refuses to start on a server it cannot reach, naming the URL without its password", () => {
    assert.throws(
      () => new PostgresStore("postgres://someone:secret@127.0.0.1:1/test?schema=x"),
      (e: Error) =>
        e.message.startsWith("cannot use the PostgreSQL store postgres://someone@127.0.0.1:1/test?schema=x: ") &&
        /ECONNREFUSED/.test(e.message) &&
        !e.message.includes("secret"),
    );
  });
});
