// The dashboard's request tail (/_imagelite/requests...): the last calls newest first, filtered, each with its
// request (secrets redacted) and its response, also with the request log off; and the live stream of them
// over Server-Sent Events, which lets go of its subscriber when the client leaves and ends when the server stops.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { request, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { DescribeImagesCommand, DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { GetParameterCommand } from "@aws-sdk/client-ssm";
import { createApp, type Imagelite } from "../../src/index";
import { createHttpServer } from "../../src/runtime/http-server";
import { ACCOUNT_A, admin, rejection, useServer } from "../support/server";

interface Stream {
  res: IncomingMessage;
  /** Resolves with the first event whose data `match` accepts. */
  next(match: (data: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  close(): void;
}

/** Opens the event stream and parses its events as they come. */
function openStream(server: Imagelite, headers: Record<string, string> = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.endpoint}/_imagelite/requests/stream`, { headers: { accept: "text/event-stream", ...headers } });
    req.on("error", reject);
    req.on("response", (res) => {
      res.setEncoding("utf8");
      let buffered = "";
      const events: Record<string, unknown>[] = [];
      const waiting: { match: (d: Record<string, unknown>) => boolean; resolve: (d: Record<string, unknown>) => void }[] = [];
      const deliver = () => {
        for (const w of [...waiting]) {
          const found = events.find(w.match);
          if (found) {
            waiting.splice(waiting.indexOf(w), 1);
            w.resolve(found);
          }
        }
      };
      res.on("data", (chunk: string) => {
        buffered += chunk;
        let end: number;
        while ((end = buffered.indexOf("\n\n")) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const lines = block.split("\n");
          if (!lines.includes("event: request")) continue;
          const data = lines.find((l) => l.startsWith("data: "));
          if (data) events.push(JSON.parse(data.slice("data: ".length)));
        }
        deliver();
      });
      resolve({
        res,
        next: (match) =>
          new Promise((ok) => {
            waiting.push({ match, resolve: ok });
            deliver();
          }),
        close: () => req.destroy(),
      });
    });
    req.end();
  });
}

/** Waits until the server has seen the stream's client go (its close is asynchronous). */
async function subscribersBecome(server: Imagelite, n: number): Promise<void> {
  for (let i = 0; i < 200 && server.app.history.subscribers !== n; i++) await new Promise((r) => setImmediate(r));
  assert.equal(server.app.history.subscribers, n);
}

describe("dashboard request routes", () => {
  const fx = useServer();
  let server: Imagelite;
  let ec2: EC2Client;
  before(() => {
    server = fx.server;
    ec2 = fx.ec2(ACCOUNT_A);
  });
  const get = (path: string) => admin(server, "GET", path);

  it("lists the last calls newest first, with the log off, filtered by service, status and text", async () => {
    assert.equal(server.app.config.log, false);
    await ec2.send(new DescribeRegionsCommand({}));
    await rejection(() => ec2.send(new DescribeImagesCommand({ ImageIds: ["ami-0123456789abcdef0"] })));
    await rejection(() => fx.ssm(ACCOUNT_A).send(new GetParameterCommand({ Name: "/nope" })));
    const r = await get("/_imagelite/requests?limit=3");
    assert.equal(r.status, 200);
    const [ssm, images, regions] = r.body.requests;
    assert.equal(ssm.service, "ssm");
    assert.equal(ssm.operation, "GetParameter");
    assert.equal(ssm.error, "ParameterNotFound");
    assert.equal(images.operation, "DescribeImages");
    assert.equal(images.status, 400);
    assert.equal(images.error, "InvalidAMIID.NotFound");
    assert.equal(images.account, ACCOUNT_A);
    assert.equal(images.region, "us-east-1");
    assert.equal(typeof images.micros, "number");
    assert.ok(!Number.isNaN(Date.parse(images.time)));
    assert.match(images.id, /^r-\d+$/);
    assert.deepEqual(Object.keys(regions).sort(), ["account", "id", "micros", "operation", "region", "service", "status", "time"]);
    assert.equal(regions.status, 200);

    const ec2Errors = await get("/_imagelite/requests?service=ec2&status=error");
    assert.deepEqual(
      ec2Errors.body.requests.map((e: { operation: string }) => e.operation),
      ["DescribeImages"],
    );
    const ok = await get("/_imagelite/requests?status=ok&q=regions");
    assert.deepEqual(
      ok.body.requests.map((e: { operation: string }) => e.operation),
      ["DescribeRegions"],
    );
    const none = await get("/_imagelite/requests?service=sts");
    assert.deepEqual(none.body.requests, []);
  });

  it("names the fault rule that shaped a call", async () => {
    const id = server.faults.add({ service: "ec2", operation: "DescribeRegions", error: { code: "RequestLimitExceeded", status: 503 } });
    await rejection(() => ec2.send(new DescribeRegionsCommand({})));
    const [last] = (await get("/_imagelite/requests?limit=1")).body.requests;
    assert.equal(last.error, "RequestLimitExceeded");
    assert.deepEqual(last.faults, [id]);
  });

  it("shows a call's request, its authorization redacted, and its response", async () => {
    await rejection(() => ec2.send(new DescribeImagesCommand({ ImageIds: ["ami-0123456789abcdef0"] })));
    const [last] = (await get("/_imagelite/requests?limit=1")).body.requests;
    const r = await get(`/_imagelite/requests/${last.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.id, last.id);
    assert.equal(r.body.operation, "DescribeImages");
    assert.equal(r.body.request.method, "POST");
    assert.equal(r.body.request.path, "/");
    assert.equal(r.body.request.headers.authorization, "[redacted]");
    assert.doesNotMatch(JSON.stringify(r.body), /Signature=/);
    assert.match(r.body.request.body, /Action=DescribeImages/);
    assert.match(r.body.request.body, /ami-0123456789abcdef0/);
    assert.equal(r.body.response.status, 400);
    assert.match(r.body.response.body, /InvalidAMIID\.NotFound/);

    const missing = await get("/_imagelite/requests/r-999999999");
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, "RequestNotFound");
    assert.equal((await get("/_imagelite/requests/nonsense")).status, 404);
  });

  it("keeps and shows the first 64 KiB of a larger body, and says how large it was", async () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `ami-${i.toString(16).padStart(17, "0")}`);
    await rejection(() => ec2.send(new DescribeImagesCommand({ ImageIds: ids })));
    await ec2.send(new DescribeImagesCommand({ Owners: ["amazon"] }));
    const [catalog, many] = (await get("/_imagelite/requests?limit=2")).body.requests;
    const big = (await get(`/_imagelite/requests/${many.id}`)).body;
    assert.equal(big.request.truncated, true);
    assert.ok(big.request.bytes > 64 * 1024);
    assert.equal(Buffer.byteLength(big.request.body), 64 * 1024);
    assert.match(big.request.body, /^Action=DescribeImages/);
    const listed = (await get(`/_imagelite/requests/${catalog.id}`)).body;
    assert.equal(listed.response.truncated, true, `a response of ${listed.response.bytes} bytes`);
    assert.ok(listed.response.bytes > 64 * 1024);
    assert.ok(Buffer.byteLength(listed.response.body) <= 64 * 1024 + 3);
    assert.match(listed.response.body, /^<\?xml/);
  });

  it("keeps only the last 1,000 calls", async () => {
    // In process: the same gateway and the same ring, without a thousand round trips.
    const calls = server.app.history.size + 5;
    for (let i = 0; i < calls; i++) server.app.gateway.invoke("ec2", "DescribeRegions", { accountId: ACCOUNT_A, region: "us-east-1" }, {});
    const r = await get("/_imagelite/requests?limit=1000");
    assert.equal(r.body.requests.length, 1000);
    const first = Number(r.body.requests[999].id.slice(2));
    assert.equal(first, Number(r.body.requests[0].id.slice(2)) - 999);
    assert.equal((await get(`/_imagelite/requests/r-${first - 1}`)).status, 404);
  });

  it("streams a request event for a new SDK call, and lets the subscriber go when the client leaves", async () => {
    const stream = await openStream(server);
    assert.equal(stream.res.statusCode, 200);
    assert.match(String(stream.res.headers["content-type"]), /^text\/event-stream/);
    await subscribersBecome(server, 1);
    const event = stream.next((d) => d.operation === "DescribeRegions");
    await ec2.send(new DescribeRegionsCommand({}));
    const data = await event;
    assert.equal(data.service, "ec2");
    assert.equal(data.account, ACCOUNT_A);
    assert.equal(data.status, 200);
    assert.match(String(data.id), /^r-\d+$/);
    stream.close();
    await subscribersBecome(server, 0);
  });

  it("replays what a reconnecting client missed (Last-Event-ID)", async () => {
    await ec2.send(new DescribeRegionsCommand({}));
    const [seen] = (await get("/_imagelite/requests?limit=1")).body.requests;
    await rejection(() => ec2.send(new DescribeImagesCommand({ ImageIds: ["ami-0123456789abcdef0"] })));
    const stream = await openStream(server, { "last-event-id": seen.id });
    const missed = await stream.next((d) => d.operation === "DescribeImages");
    assert.equal(missed.error, "InvalidAMIID.NotFound");
    stream.close();
    await subscribersBecome(server, 0);
  });

  it("keeps no subscriber after many connects and disconnects", async () => {
    for (let round = 0; round < 5; round++) {
      const streams = await Promise.all(Array.from({ length: 20 }, () => openStream(server)));
      await subscribersBecome(server, 20);
      for (const s of streams) s.close();
      await subscribersBecome(server, 0);
    }
  });

  it("refuses malformed query parameters with a 400 JSON error", async () => {
    for (const query of ["limit=0", "limit=1001", "limit=x", "status=maybe", "service=ec2&service=ssm", "q=%01", "other=1"]) {
      const r = await get(`/_imagelite/requests?${query}`);
      assert.equal(r.status, 400, query);
      assert.equal(typeof r.body.code, "string");
    }
  });
});

describe("dashboard request stream on a server that closes", () => {
  it("ends open streams when the HTTP server closes, so that close() completes and the process may exit", async () => {
    const app = createApp({ port: 0, inMemory: true, log: false, clock: "manual" });
    const http = createHttpServer(app.gateway, () => {});
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", () => resolve()));
    const endpoint = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const server = { endpoint, app } as unknown as Imagelite;
    const streams = await Promise.all([openStream(server), openStream(server)]);
    const ended = streams.map((s) => new Promise<void>((resolve) => s.res.once("close", () => resolve())));
    const event = streams[0].next((d) => d.operation === "DescribeRegions");
    const client = new EC2Client({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: ACCOUNT_A, secretAccessKey: "x" },
      maxAttempts: 1,
    });
    await client.send(new DescribeRegionsCommand({}));
    await event;
    client.destroy();
    // close() alone, without closeAllConnections: the streams must end for it to call back.
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await Promise.all(ended);
    assert.equal(app.history.subscribers, 0);
    app.close();
  });
});
