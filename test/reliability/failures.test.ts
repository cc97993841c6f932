// Failures of the machine or of the operator, answered as the service would and logged usefully: a full
// disk, a malformed admin path, a strict server without credentials.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { CreateImageBuilderCommand, DescribeImageBuildersCommand } from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { startImagelite } from "../../src/index";
import { admin, appstreamClient, rejection } from "../support/server";
import { cliScope } from "../support/cli";

const cli = cliScope();
after(() => cli.cleanup());

/** Runs fn with everything written to stderr collected (the failure log writes there). */
async function capturingStderr<R>(fn: () => Promise<R>): Promise<{ result: R; text: string }> {
  const chunks: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    return { result: await fn(), text: chunks.join("") };
  } finally {
    process.stderr.write = write;
  }
}

describe("a full disk", () => {
  it("answers the service's internal error, logs the stack once and one line per request, and serves reads", async () => {
    const server: Imagelite = await startImagelite({ inMemory: false, dataDir: cli.tempDir() });
    const c = appstreamClient(server);
    try {
      await c.send(
        new CreateImageBuilderCommand({
          Name: "before",
          ImageName: "AppStream-WinServer2022-11-10-2025",
          InstanceType: "stream.standard.small",
        }),
      );
      // SQLite answers SQLITE_FULL once the file may not grow: as a full file system does.
      const db = (server.app.store as unknown as { db: { pragma(s: string, o?: object): unknown } }).db;
      db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true })}`);
      const { result: errors, text } = await capturingStderr(async () => {
        const out = [];
        for (let i = 0; i < 5; i++) {
          out.push(
            await rejection(() =>
              c.send(
                new CreateImageBuilderCommand({
                  Name: `after-${i}`,
                  ImageName: "AppStream-WinServer2022-11-10-2025",
                  InstanceType: "stream.standard.small",
                  Description: "d".repeat(256),
                  // About 20 KB: more than a page holds, so the write needs pages the file may not add.
                  Tags: Object.fromEntries(Array.from({ length: 50 }, (_, k) => [`k${k}-`.padEnd(128, "k"), "v".repeat(256)])),
                }),
              ),
            ),
          );
        }
        return out;
      });
      for (const e of errors) {
        assert.equal(e.name, "InternalFailure");
        assert.equal(e.$metadata?.httpStatusCode, 500);
      }
      const lines = text.trimEnd().split("\n");
      assert.equal(lines.filter((l) => /internal error in appstream CreateImageBuilder/.test(l)).length, 5, text);
      assert.equal(lines.filter((l) => /^\s+at /.test(l)).length > 0, true, "the stack is written");
      assert.equal(text.match(/SqliteError: database or disk is full\n\s+at /g)?.length, 1, "and written once");
      assert.equal(lines.filter((l) => /database or disk is full \(stack above\)/.test(l)).length, 4);
      // Nothing half-written, and reads go on.
      const { ImageBuilders } = await c.send(new DescribeImageBuildersCommand({}));
      assert.deepEqual(
        ImageBuilders?.map((b) => b.Name),
        ["before"],
      );
    } finally {
      c.destroy();
      await server.stop();
    }
  });
});

describe("admin paths", () => {
  it("a malformed %-escape in a route parameter is a 400, not a 500", async () => {
    const server = await startImagelite({});
    try {
      for (const path of [
        "/_imagelite/faults/%E0%A4%A",
        "/_imagelite/appstream/image-builders/%zz/create-image?accountId=111111111111&region=us-east-1",
      ]) {
        const method = path.includes("faults") ? "DELETE" : "POST";
        const r = await admin(server, method, path, method === "POST" ? { ImageName: "x" } : undefined);
        assert.equal(r.status, 400, path);
        assert.equal(r.body.code, "InvalidPath");
      }
      assert.equal((await admin(server, "GET", "/_imagelite/health")).status, 200);
    } finally {
      await server.stop();
    }
  });
});

describe("--auth strict without credentials", () => {
  it("starts, with a warning that every request will be refused", async () => {
    const r = await cli.run(["--in-memory", "--auth", "strict", "--admin", "off", "--port", "-1"]);
    assert.equal(r.code, 2, "refused for its port, after the warning");
    const started = await capturingStderr(async () => {
      const s = await startImagelite({ auth: "strict", admin: "off" });
      await s.stop();
    });
    assert.match(started.text, /warning: --auth strict without credentials .* every AWS request will be refused/);
  });
});
