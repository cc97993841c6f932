// What many connections and many large bodies at once can do: idle connections are closed after a time-out
// (requests in progress are spared), the number of connections is capped with a clear refusal, and the
// bytes of all bodies in flight are capped with each service's throttling error.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { connect, type Socket } from "node:net";
import { once } from "node:events";
import type { Imagelite } from "../../src/index";
import { useServer } from "../support/server";
import { envelopeProblem, errorCode } from "../fuzz/envelopes";
import { appstream, exchange, query, SCOPE } from "./http";

async function open(port: number): Promise<Socket> {
  const s = connect(port, "127.0.0.1");
  await once(s, "connect");
  s.on("error", () => undefined);
  return s;
}

const closed = (s: Socket) => (s.destroyed || s.readableEnded ? Promise.resolve() : once(s, "close").then(() => undefined));

describe("idle connections", () => {
  const fx = useServer({ http: { idleTimeoutMs: 300, keepAliveTimeoutMs: 300, checkIntervalMs: 50 } });
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });

  it("closes connections that never send a byte, and ones left idle after a request", async () => {
    const silent = await Promise.all(Array.from({ length: 20 }, () => open(server.port)));
    const r = await exchange(server.port, [`GET /_imagelite/health HTTP/1.1\r\nhost: localhost\r\n\r\n`], 5000);
    assert.match(r.text, /^HTTP\/1\.1 200 /);
    assert.ok(r.closed, "the keep-alive connection was closed once idle");
    await Promise.all(silent.map(closed));
  });

  it("spares a connection whose request takes longer than the idle time-out", async () => {
    const id = server.faults.add({ service: "appstream", operation: "DescribeFleets", latencyMs: 900 });
    try {
      const r = await appstream(server.endpoint, "DescribeFleets", "{}");
      assert.equal(r.status, 200);
    } finally {
      server.faults.remove(id);
    }
  });
});

describe("connection cap", () => {
  const fx = useServer({ http: { maxConnections: 30 } });
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });

  it("answers the connection past the cap with 503 and a reason, and serves again once connections close", async () => {
    const held = await Promise.all(Array.from({ length: 30 }, () => open(server.port)));
    const refused = await exchange(server.port, [`GET /_imagelite/health HTTP/1.1\r\nhost: localhost\r\n\r\n`], 5000);
    assert.match(refused.text, /^HTTP\/1\.1 503 /);
    assert.match(refused.text, /"code":"TooManyConnections"/);
    assert.ok(refused.closed);
    for (const s of held) s.destroy();
    await Promise.all(held.map(closed));
    // The server counts a connection gone once its close has been handled.
    for (let i = 0; i < 50; i++) {
      const ok = await fetch(`${server.endpoint}/_imagelite/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (ok === 200) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.fail("health did not answer after the held connections closed");
  });
});

describe("bytes of bodies in flight", () => {
  const MAX_BODY = 4000;
  const fx = useServer({ http: { maxBodyBytes: MAX_BODY, maxInFlightBodyBytes: 12_500 } });
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });

  /** A request whose body is 1,000 bytes short of its declared length: it holds its bytes until finished. */
  async function halfSent(target: string): Promise<Socket & { answer: Promise<string> }> {
    const s = (await open(server.port)) as Socket & { answer: Promise<string> };
    let text = "";
    s.on("data", (d) => {
      text += d.toString("latin1");
    });
    s.answer = closed(s).then(() => text);
    s.write(
      `POST / HTTP/1.1\r\nhost: localhost\r\nx-amz-target: PhotonAdminProxyService.${target}\r\ncontent-type: application/x-amz-json-1.1\r\n` +
        `authorization: ${SCOPE.json}\r\nconnection: close\r\ncontent-length: ${MAX_BODY}\r\n\r\n{"Names": ["${"a".repeat(MAX_BODY - 1000 - 12)}`,
    );
    return s;
  }

  it("refuses with the service's throttling error past the cap, in each protocol, and frees the bytes as requests end", async () => {
    const holders = [await halfSent("DescribeFleets"), await halfSent("DescribeFleets"), await halfSent("DescribeFleets")];
    await new Promise((r) => setTimeout(r, 50)); // their bytes are read

    const json = await appstream(server.endpoint, "DescribeFleets", JSON.stringify({ Names: ["x".repeat(3900)] }));
    assert.equal(json.status, 400);
    assert.equal(envelopeProblem("json", json), undefined);
    assert.equal(errorCode(json), "ThrottlingException");
    const ec2 = await query(server.endpoint, "ec2", `Action=DescribeImages&Version=2016-11-15&Owner.1=${"x".repeat(3900)}`);
    assert.equal(ec2.status, 503);
    assert.equal(errorCode(ec2), "RequestLimitExceeded");
    const sts = await query(server.endpoint, "query", `Action=GetCallerIdentity&Version=2011-06-15&x=${"x".repeat(3900)}`);
    assert.equal(errorCode(sts), "Throttling");
    // A small request still fits.
    assert.equal((await appstream(server.endpoint, "DescribeFleets", "{}")).status, 200);

    // The holders finish their bodies and are answered; then their bytes no longer count.
    for (const h of holders) h.end(`${"a".repeat(1000 - 3)}"]}`);
    // Answered for what they ask (no such fleet), not refused for their bytes.
    for (const h of holders) assert.match(await h.answer, /x-amzn-errortype: ResourceNotFoundException/);
    const again = await appstream(server.endpoint, "DescribeFleets", JSON.stringify({ Names: ["x".repeat(3900)] }));
    assert.equal(again.status, 400);
    assert.equal(errorCode(again), "ResourceNotFoundException", "refused for its name, no longer for the bytes in flight");
  });

  it("a client that disconnects mid-body frees its bytes", async () => {
    const holders = [await halfSent("DescribeFleets"), await halfSent("DescribeFleets"), await halfSent("DescribeFleets")];
    await new Promise((r) => setTimeout(r, 50));
    for (const h of holders) h.destroy();
    await new Promise((r) => setTimeout(r, 50));
    const r = await appstream(server.endpoint, "DescribeFleets", JSON.stringify({ Names: ["x".repeat(3900)] }));
    assert.equal(errorCode(r), "ResourceNotFoundException");
  });
});
