// The clock cannot be moved out of the range of dates that clients parse: an advance or a state import
// that would leave it is refused with a 400 and changes nothing, and a saved clock out of range found at
// start is not used (it would make every later answer fail).
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { CreateImageBuilderCommand, DescribeImageBuildersCommand } from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { startImagelite } from "../../src/index";
import { CLOCK_MAX_MS } from "../../src/state/clock";
import { admin, appstreamClient, useServer } from "../support/server";

describe("clock range", () => {
  const fx = useServer();
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });

  async function stillWorks() {
    const clock = await admin(server, "GET", "/_imagelite/clock");
    assert.equal(clock.status, 200);
    const state = await admin(server, "GET", "/_imagelite/state");
    assert.equal(state.status, 200);
    const c = appstreamClient(server);
    try {
      const name = `b${Date.now()}`;
      await c.send(
        new CreateImageBuilderCommand({
          Name: name,
          ImageName: "AppStream-WinServer2022-11-10-2025",
          InstanceType: "stream.standard.small",
        }),
      );
      const { ImageBuilders } = await c.send(new DescribeImageBuildersCommand({ Names: [name] }));
      assert.ok(ImageBuilders?.[0].CreatedTime instanceof Date && !Number.isNaN(ImageBuilders[0].CreatedTime.getTime()));
    } finally {
      c.destroy();
    }
  }

  it("refuses an advance past the latest date with a 400 and keeps the time", async () => {
    const before = (await admin(server, "GET", "/_imagelite/clock")).body;
    for (const advanceSeconds of [1e300, Number.MAX_SAFE_INTEGER, CLOCK_MAX_MS / 1000]) {
      const r = await admin(server, "POST", "/_imagelite/clock", { advanceSeconds });
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.code, "InvalidAdvance");
    }
    // A mode change asked for with a refused advance is not applied either.
    const mixed = await admin(server, "POST", "/_imagelite/clock", { mode: "real", advanceSeconds: 1e300 });
    assert.equal(mixed.status, 400);
    assert.deepEqual((await admin(server, "GET", "/_imagelite/clock")).body, before);
    await stillWorks();
  });

  it("refuses the advance that would add up past the latest date, after accepting the ones before it", async () => {
    const step = 1000 * 365 * 86_400; // a thousand years
    let accepted = 0;
    for (let i = 0; i < 20; i++) {
      const r = await admin(server, "POST", "/_imagelite/clock", { advanceSeconds: step });
      if (r.status === 400) break;
      assert.equal(r.status, 200);
      accepted++;
    }
    assert.ok(accepted >= 5 && accepted < 20, `${accepted} advances accepted`);
    const now = Date.parse((await admin(server, "GET", "/_imagelite/clock")).body.now);
    assert.ok(now <= CLOCK_MAX_MS && now + step * 1000 > CLOCK_MAX_MS);
    await stillWorks();
  });

  it("the in-process clock refuses the same way", () => {
    const before = server.clock.now().getTime();
    assert.throws(() => server.clock.advance(1e300), RangeError);
    assert.equal(server.clock.now().getTime(), before);
  });

  it("refuses a state import whose clock is out of range, and keeps the current state", async () => {
    const doc = (await admin(server, "GET", "/_imagelite/state")).body;
    for (const now of ["+275760-09-13T00:00:00.000Z", "10000-01-01T00:00:00.000Z", "1969-12-31T23:59:59.000Z", "not a date"]) {
      const r = await admin(server, "POST", "/_imagelite/state", { ...doc, clock: { now, mode: "manual" } });
      assert.equal(r.status, 400, now);
      assert.equal(r.body.code, "InvalidState");
    }
    assert.deepEqual((await admin(server, "GET", "/_imagelite/state")).body, doc);
  });
});

it("starts at the current time when the saved clock is out of range, with a warning", async () => {
  const dir = mkdtempSync(join(tmpdir(), "imagelite-clock-range-"));
  try {
    const first = await startImagelite({ inMemory: false, dataDir: dir });
    await first.stop();
    // A clock saved by a version that did not check the range.
    const db = new Database(join(dir, "imagelite.db"));
    db.prepare(
      "INSERT OR REPLACE INTO records (type, account, region, id, value) VALUES ('imagelite.clock', 'imagelite', 'global', 'clock', ?)",
    ).run(JSON.stringify({ mode: "manual", offsetMs: 0, frozenAt: 1e300 }));
    db.close();
    const warnings: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => {
      warnings.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    let second: Imagelite;
    try {
      second = await startImagelite({ inMemory: false, dataDir: dir });
    } finally {
      process.stderr.write = write;
    }
    try {
      const now = second.clock.now().getTime();
      assert.ok(Math.abs(now - Date.now()) < 60_000, new Date(now).toISOString());
      assert.match(warnings.join(""), /saved clock .* is not a time the clock can show/);
      const r = await admin(second, "GET", "/_imagelite/state");
      assert.equal(r.status, 200);
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
