// Choosing the store on the command line: --store and IMAGELITE_STORE, SQLite by default, and the refusals.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { configFrom } from "../../src/runtime/cli";
import { cliScope } from "../support/cli";

const cli = cliScope();
after(() => cli.cleanup());

describe("--store", () => {
  it("is SQLite by default; a postgres:// URL comes from the flag, or else from IMAGELITE_STORE", () => {
    assert.equal(configFrom([], {}).store, undefined);
    assert.equal(configFrom(["--store", "sqlite"], { IMAGELITE_STORE: "postgres://a@h/db" }).store, undefined);
    assert.equal(configFrom([], { IMAGELITE_STORE: "postgres://a@h/db" }).store, "postgres://a@h/db");
    assert.equal(configFrom(["--store", "postgresql://b@h:5433/db?schema=s"], {}).store, "postgresql://b@h:5433/db?schema=s");
  });

  it("refuses what is neither sqlite nor a postgres:// URL, and a URL with --in-memory, without echoing a password", async () => {
    const other = await cli.run(["--store", "mysql://u:hunter2@h/db"]);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /--store must be sqlite or a postgres:\/\/ URL/);
    assert.doesNotMatch(other.stderr, /hunter2/);
    const both = await cli.run(["--store", "postgres://u@h/db", "--in-memory"]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--in-memory and a PostgreSQL --store exclude each other/);
  });

  it("stops with a message naming the URL (not its password) when PostgreSQL cannot be reached", async () => {
    const r = await cli.run(["--store", "postgres://imagelite:hunter2@127.0.0.1:1/db"]);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /^imagelite: cannot use the PostgreSQL store postgres:\/\/imagelite@127\.0\.0\.1:1\/db\?schema=imagelite: .*ECONNREFUSED/,
    );
    assert.match(r.stderr, /Start PostgreSQL/);
    assert.doesNotMatch(r.stderr, /hunter2/);
  });
});
