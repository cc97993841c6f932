// Limits a hostile caller meets at the HTTP layer: body size (answered in the protocol the headers name),
// header size, and requests that are sent slowly or never finished. The server keeps serving after each.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Imagelite } from "../../src/index";
import { useServer } from "../support/server";
import { envelopeProblem, errorCode } from "../fuzz/envelopes";
import { appstream, exchange, FORM, post, query, SCOPE } from "./http";

const MAX_BODY = 4096;
// Short time-outs so that the test is fast; the defaults are 30 s for headers and 60 s for a request.
const HTTP = { maxBodyBytes: MAX_BODY, headersTimeoutMs: 300, requestTimeoutMs: 600, checkIntervalMs: 50 };

describe("HTTP limits", () => {
  const fx = useServer({ http: HTTP });
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });

  async function stillServes() {
    const r = await appstream(server.endpoint, "DescribeFleets", "{}");
    assert.equal(r.status, 200);
    const h = await fetch(`${server.endpoint}/_imagelite/health`);
    assert.equal(h.status, 200);
  }

  it("refuses an oversized body with 413 in the format of the protocol the headers name", async () => {
    const big = "x".repeat(MAX_BODY + 1);
    const json = await appstream(server.endpoint, "DescribeFleets", big);
    assert.equal(json.status, 413);
    assert.equal(envelopeProblem("json", json), undefined);
    assert.equal(json.headers["x-amzn-errortype"], "RequestEntityTooLargeException");

    const ec2 = await query(server.endpoint, "ec2", `Action=DescribeImages&Version=2016-11-15&x=${big}`);
    assert.equal(ec2.status, 413);
    assert.equal(envelopeProblem("ec2", ec2), undefined, ec2.body);
    assert.equal(errorCode(ec2), "RequestEntityTooLarge");

    const sts = await query(server.endpoint, "query", `Action=GetCallerIdentity&Version=2011-06-15&x=${big}`);
    assert.equal(sts.status, 413);
    assert.equal(envelopeProblem("query", sts), undefined, sts.body);

    // Without a credential scope, the query string's Version names the service.
    const unsigned = await post(server.endpoint, big, { "content-type": FORM }, "/?Version=2011-06-15");
    assert.equal(envelopeProblem("query", unsigned), undefined, unsigned.body);

    // Admin routes too (but a state import, whose limit is its own: test/reliability/state-stream.test.ts).
    const admin = await post(server.endpoint, big, { "content-type": "application/json" }, "/_imagelite/faults");
    assert.equal(admin.status, 413);
    assert.equal(JSON.parse(admin.body).__type, "RequestEntityTooLargeException");
    await stillServes();
  });

  it("counts a chunked body as it arrives, without a Content-Length to trust", async () => {
    const chunk = "a".repeat(1000);
    const parts = [
      `POST / HTTP/1.1\r\nhost: localhost\r\nx-amz-target: PhotonAdminProxyService.DescribeFleets\r\nauthorization: ${SCOPE.json}\r\ntransfer-encoding: chunked\r\n\r\n`,
    ];
    for (let i = 0; i < 6; i++) parts.push(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const r = await exchange(server.port, parts, 2000);
    assert.match(r.text, /^HTTP\/1\.1 413 /);
    assert.match(r.text, /"__type":"RequestEntityTooLargeException"/);
    await stillServes();
  });

  it("answers 431 and closes for headers beyond maxHeaderSize", async () => {
    const r = await exchange(
      server.port,
      [`GET /_imagelite/health HTTP/1.1\r\nhost: localhost\r\nx-big: ${"h".repeat(20_000)}\r\n\r\n`],
      2000,
    );
    assert.match(r.text, /^HTTP\/1\.1 431 /);
    assert.ok(r.closed);
    await stillServes();
  });

  it("answers 400 and closes for bytes that are not HTTP", async () => {
    const r = await exchange(server.port, [Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a])], 2000);
    assert.match(r.text, /^HTTP\/1\.1 400 /);
    assert.ok(r.closed);
    await stillServes();
  });

  it("drops half-sent headers, half-sent bodies and silent connections after the time-outs, and keeps serving", async () => {
    const pending = Promise.all([
      exchange(server.port, ["POST / HTTP/1.1\r\nhost: localhost\r\nx-amz-tar"], 5000),
      exchange(
        server.port,
        [`POST / HTTP/1.1\r\nhost: localhost\r\nx-amz-target: PhotonAdminProxyService.DescribeFleets\r\ncontent-length: 100\r\n\r\n{"Na`],
        5000,
      ),
      exchange(server.port, [], 5000),
    ]);
    await stillServes(); // while the three hang
    const [headers, body, silent] = await pending;
    for (const r of [headers, body, silent]) {
      assert.ok(r.closed, "the server closes the connection");
      assert.ok(r.ms < 3000, `closed after ${r.ms} ms`);
      assert.ok(r.text === "" || /^HTTP\/1\.1 408 /.test(r.text), r.text);
    }
    await stillServes();
  });
});
