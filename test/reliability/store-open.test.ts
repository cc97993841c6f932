// What imagelite does with a data directory it cannot trust: a damaged store, a directory another process
// holds, a directory it cannot write. Each refusal names the path, the cause and what to do, and nothing
// is written into a store that is refused.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { AppStreamClient, CreateFleetCommand, DescribeFleetsCommand } from "@aws-sdk/client-appstream";
import { startImagelite } from "../../src/index";
import { SqliteStore } from "../../src/state/sqlite-store";
import { StoreOpenError } from "../../src/state/store-open-error";
import { cliScope, kill } from "../support/cli";

const cli = cliScope();
after(() => cli.cleanup());

const P = { account: "111111111111", region: "us-east-1" };

/** A store of a few MB, then 16 KB of damage in the middle of its file. */
function damagedStore(): { dir: string; file: string; bytes: Buffer } {
  const dir = cli.tempDir();
  const store = new SqliteStore(dir);
  store.transaction(() => {
    for (let i = 0; i < 20_000; i++) store.put("appstream.fleet", P, `fleet-${String(i).padStart(5, "0")}`, { pad: "x".repeat(100) });
  });
  store.close();
  const file = join(dir, "imagelite.db");
  const middle = Math.floor(statSync(file).size / 2 / 4096) * 4096;
  const fd = openSync(file, "r+");
  writeSync(fd, Buffer.alloc(16 * 1024, 0x5a), 0, 16 * 1024, middle);
  closeSync(fd);
  return { dir, file, bytes: readFileSync(file) };
}

describe("a damaged store", () => {
  it("is refused at start, naming the file and what to do, and is left as it was", async () => {
    const { dir, file, bytes } = damagedStore();
    const r = await cli.run(["--data-dir", dir]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`the store ${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is damaged`));
    assert.match(r.stderr, /Move the file aside/);
    assert.ok(readFileSync(file).equals(bytes), "the damaged file was not written to");
  });

  it("is refused in process too, with a StoreOpenError", () => {
    const { dir } = damagedStore();
    assert.throws(
      () => new SqliteStore(dir),
      (e: unknown) => e instanceof StoreOpenError && e.problem === "damaged",
    );
  });

  it("damage found while serving is answered with ServiceUnavailable, told once with the file, and shown by the health route", async () => {
    const { dir, file } = damagedStore();
    // A mark that matches the damaged file, as damage below the file system (a failing disk) would leave it:
    // the start spares the check, and the damage is met when a call reads it.
    const st = statSync(file, { bigint: true });
    writeFileSync(
      `${file}-clean`,
      JSON.stringify({ size: String(st.size), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), ino: String(st.ino) }),
    );
    const server = await cli.start(dir);
    const c = new AppStreamClient({
      endpoint: server.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "111111111111", secretAccessKey: "x" },
      maxAttempts: 1,
    });
    try {
      for (let i = 0; i < 3; i++) {
        const e = await c.send(new DescribeFleetsCommand({})).then(
          () => assert.fail("a read through the damage answered"),
          (err: { name: string; $metadata?: { httpStatusCode?: number } }) => err,
        );
        assert.equal(e.name, "ServiceUnavailable");
        assert.equal(e.$metadata?.httpStatusCode, 503);
      }
      const write = await c
        .send(
          new CreateFleetCommand({
            Name: "after",
            ImageName: "AppStream-WinServer2022-11-10-2025",
            InstanceType: "stream.standard.small",
            ComputeCapacity: { DesiredInstances: 1 },
          }),
        )
        .catch((err: { name: string }) => err);
      assert.equal((write as { name: string }).name, "ServiceUnavailable", "no more writes");
      const health = await fetch(`${server.endpoint}/_imagelite/health`);
      const body = (await health.json()) as { status: string; store: { state: string; message: string } };
      assert.equal(health.status, 503);
      assert.equal(body.status, "unavailable");
      assert.equal(body.store.state, "damaged");
      assert.ok(body.store.message.includes(file));
      const told = server
        .stderr()
        .split("\n")
        .filter((l) => l.includes(`the store ${file} is damaged`));
      assert.equal(told.length, 1, server.stderr());
      assert.match(told[0], /Stop imagelite, then: Move the file aside/);
      assert.doesNotMatch(server.stderr(), /internal error/);
    } finally {
      c.destroy();
      await kill(server, "SIGTERM");
    }
    // Not marked clean: the next start checks the file, and refuses it.
    const again = await cli.run(["--data-dir", dir]);
    assert.equal(again.code, 1, again.stderr);
    assert.match(again.stderr, /is damaged/);
  });

  it("a file that is not a database at all is damaged too", async () => {
    const dir = cli.tempDir();
    writeFileSync(join(dir, "imagelite.db"), "this is not a database ".repeat(500));
    const r = await cli.run(["--data-dir", dir]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /is damaged \(file is not a database\)/);
  });
});

describe("one process per data directory", () => {
  it("a second CLI on the same directory is refused with a message naming it; the first keeps serving", async () => {
    const dir = cli.tempDir();
    const first = await cli.start(dir);
    const c = new AppStreamClient({
      endpoint: first.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "111111111111", secretAccessKey: "x" },
      maxAttempts: 1,
    });
    try {
      await c.send(
        new CreateFleetCommand({
          Name: "f1",
          ImageName: "AppStream-WinServer2022-11-10-2025",
          InstanceType: "stream.standard.small",
          ComputeCapacity: { DesiredInstances: 1 },
        }),
      );
      const second = await cli.run(["--data-dir", dir]);
      assert.equal(second.code, 1, second.stderr);
      assert.match(second.stderr, /the data directory .* is in use by another imagelite process/);
      assert.ok(second.stderr.includes(dir), second.stderr);
      const { Fleets } = await c.send(new DescribeFleetsCommand({ Names: ["f1"] }));
      assert.equal(Fleets?.[0].Name, "f1");
    } finally {
      c.destroy();
      await kill(first);
    }
    // The lock goes with the process, kill -9 included: the next start takes the directory.
    const third = await cli.start(dir);
    await kill(third, "SIGTERM");
  });

  it("two in-process servers on one directory: the second start throws, and the first lets go when stopped", async () => {
    const dir = cli.tempDir();
    const first = await startImagelite({ inMemory: false, dataDir: dir });
    await assert.rejects(
      startImagelite({ inMemory: false, dataDir: dir }),
      (e: unknown) => e instanceof StoreOpenError && e.problem === "locked",
    );
    await first.stop();
    const again = await startImagelite({ inMemory: false, dataDir: dir });
    await again.stop();
  });
});

describe("a directory that cannot be used", () => {
  it("names the path and the operating system's reason", async () => {
    const file = join(cli.tempDir(), "a-file");
    writeFileSync(file, "");
    const r = await cli.run(["--data-dir", join(file, "data")]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /cannot use the data directory .*a-file\/data: ENOTDIR: not a directory, mkdir/);
  });
});

describe("durability", () => {
  it("--durability full makes every commit wait for the disk; the default is normal", () => {
    const dir = cli.tempDir();
    for (const [durability, expected] of [
      ["full", 2],
      ["normal", 1],
    ] as const) {
      const store = new SqliteStore(dir, durability);
      try {
        // synchronous: 1 = NORMAL, 2 = FULL.
        assert.equal(
          (store as unknown as { db: { pragma(s: string, o: object): unknown } }).db.pragma("synchronous", { simple: true }),
          expected,
        );
      } finally {
        store.close();
      }
    }
  });

  it("the CLI refuses an unknown durability", async () => {
    const r = await cli.run(["--in-memory", "--durability", "sometimes"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--durability must be normal or full/);
  });
});
