// Every entry point takes the one way of a call: a request over HTTP, a seed file's entries and the Image
// Assistant's admin route all get the same validation, fault rules and log line; a target no service
// serves is refused as AWS refuses it.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateImageBuilderCommand, DescribeImageBuildersCommand } from "@aws-sdk/client-appstream";
import { createApp } from "../../src/runtime/app";
import type { RequestLine } from "../../src/gateway/request-log";
import { appstream as post, SCOPE } from "../hostile/http";
import { appstreamClient, createImageFromBuilder, startTestServer, T } from "../support/server";

function recordingApp(overrides: Parameters<typeof createApp>[0] = {}) {
  const lines: RequestLine[] = [];
  const app = createApp(
    { inMemory: true, clock: "manual", transitionSeconds: T, ...overrides },
    { request: (l) => lines.push(l), failure: () => undefined, info: () => undefined, warn: () => undefined },
  );
  return { app, lines };
}

describe("one way for every call", () => {
  it("an X-Amz-Target prefix that names no service is UnknownOperationException (400), and the server keeps serving", async () => {
    const server = await startTestServer();
    try {
      for (const target of ["SomethingElse.DescribeImages", "DescribeImages", "AmazonEC2ContainerRegistry_V20150921.DescribeImages"]) {
        const r = await post(server.endpoint, "DescribeImages", "{}", { "x-amz-target": target });
        assert.equal(r.status, 400, target);
        assert.equal(r.headers["x-amzn-errortype"], "UnknownOperationException", target);
        assert.equal(JSON.parse(r.body).__type, "UnknownOperationException");
      }
      const ok = await post(server.endpoint, "DescribeImages", JSON.stringify({ MaxResults: 1 }), { authorization: SCOPE.json });
      assert.equal(ok.status, 200);
    } finally {
      await server.stop();
    }
  });

  it("the Image Assistant route is validated, shaped by fault rules and logged like a request", async () => {
    const { app, lines } = recordingApp();
    const server = await startTestServer();
    try {
      const c = appstreamClient(server);
      await c.send(
        new CreateImageBuilderCommand({
          Name: "ib",
          ImageName: "AppStream-WinServer2022-11-10-2025",
          InstanceType: "stream.standard.small",
        }),
      );
      server.clock.advance(T);
      // Validated against the model's shapes: a display name over 100 characters, tags that are not strings.
      assert.equal(
        (await createImageFromBuilder(server, "ib", "x", undefined, undefined, { DisplayName: "d".repeat(101) })).body.code,
        "ValidationException",
      );
      assert.equal(
        (await createImageFromBuilder(server, "ib", "x", undefined, undefined, { Tags: { a: 1 } })).body.code,
        "SerializationException",
      );
      const id = server.faults.add({ service: "appstream", operation: "CreateImage", times: 1, error: { code: "ThrottlingException" } });
      const throttled = await createImageFromBuilder(server, "ib", "x");
      assert.equal(throttled.body.code, "ThrottlingException");
      assert.equal(server.faults.list().find((f) => f.id === id)?.matched, 1);
      assert.equal((await createImageFromBuilder(server, "ib", "x")).status, 200);
      c.destroy();

      // The log line, through an app whose log is recorded.
      app.gateway.invoke(
        "appstream",
        "CreateImageBuilder",
        { accountId: "111111111111", region: "us-east-1" },
        { Name: "ib", ImageName: "AppStream-WinServer2022-11-10-2025", InstanceType: "stream.standard.small" },
      );
      app.clock.advance(T);
      assert.throws(
        () => app.gateway.invoke("appstream", "CreateImage", { accountId: "111111111111", region: "us-east-1" }, { Builder: "ib" }),
        (e: Error & { code?: string }) => e.code === "ValidationException",
      );
      const last = lines[lines.length - 1];
      assert.deepEqual(
        [last.service, last.operation, last.account, last.region, last.status, last.error],
        ["appstream", "CreateImage", "111111111111", "us-east-1", 400, "ValidationException"],
      );
    } finally {
      await server.stop();
      app.close();
    }
  });

  it("a seed file's entries are calls with their log lines, made in the past", async () => {
    const dir = mkdtempSync(join(tmpdir(), "imagelite-pipeline-"));
    try {
      const seed = join(dir, "seed.yaml");
      writeFileSync(
        seed,
        `accounts:
  "111111111111":
    us-east-1:
      appstream:
        imageBuilders: [{ Name: ib, ImageName: AppStream-WinServer2022-11-10-2025, InstanceType: stream.standard.small }]
        images: [{ ImageName: golden, Builder: ib }]
`,
      );
      const { app, lines } = recordingApp({ seed });
      try {
        assert.deepEqual(
          lines.map((l) => [l.service, l.operation, l.status]),
          [
            ["appstream", "CreateImageBuilder", 200],
            ["appstream", "CreateImage", 200],
          ],
        );
        const out = app.gateway.invoke(
          "appstream",
          "DescribeImages",
          { accountId: "111111111111", region: "us-east-1" },
          { Names: ["golden"] },
        ) as { Images: { State: string; CreatedTime: Date }[] };
        assert.equal(out.Images[0].State, "AVAILABLE");
        assert.ok(out.Images[0].CreatedTime.getTime() < app.clock.now() - 60_000, "made in the past");
      } finally {
        app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the SDK reads what the in-process path made", async () => {
    const server = await startTestServer();
    try {
      server.app.gateway.invoke(
        "appstream",
        "CreateImageBuilder",
        { accountId: "111111111111", region: "us-east-1" },
        { Name: "made-in-process", ImageName: "AppStream-WinServer2022-11-10-2025", InstanceType: "stream.standard.small" },
      );
      const c = appstreamClient(server);
      const { ImageBuilders } = await c.send(new DescribeImageBuildersCommand({ Names: ["made-in-process"] }));
      assert.equal(ImageBuilders?.[0].State, "PENDING");
      c.destroy();
    } finally {
      await server.stop();
    }
  });
});
