// A clock moved forward survives a restart on the same data directory, so that lifecycle states computed
// from it never go back in time.
import { it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateImageBuilderCommand, DescribeImageBuildersCommand } from "@aws-sdk/client-appstream";
import { startImagelite } from "../../src/index";
import { appstreamClient } from "../support/server";

it("keeps the clock's time across a restart", async () => {
  const dir = mkdtempSync(join(tmpdir(), "imagelite-clock-"));
  try {
    const first = await startImagelite({ inMemory: false, dataDir: dir, transitionSeconds: 600 });
    const c = appstreamClient(first);
    first.clock.advance(86_400);
    await c.send(
      new CreateImageBuilderCommand({ Name: "b", ImageName: "AppStream-WinServer2022-11-10-2025", InstanceType: "stream.standard.small" }),
    );
    c.destroy();
    const before = first.clock.now().getTime();
    await first.stop();

    const second = await startImagelite({ inMemory: false, dataDir: dir, transitionSeconds: 600 });
    const c2 = appstreamClient(second);
    assert.ok(second.clock.now().getTime() >= before, "the clock resumed a day ahead, where it was");
    assert.equal((await c2.send(new DescribeImageBuildersCommand({ Names: ["b"] }))).ImageBuilders![0].State, "PENDING");
    second.clock.advance(600);
    assert.equal((await c2.send(new DescribeImageBuildersCommand({ Names: ["b"] }))).ImageBuilders![0].State, "RUNNING");
    c2.destroy();
    await second.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
