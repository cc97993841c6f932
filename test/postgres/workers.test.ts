// --workers N with a PostgreSQL store: the primary migrates the schema once, each worker opens its own
// PostgreSQL store, and the clock and fault rules of the database are every worker's. Each request below
// goes on a new connection, which the primary hands to the next worker.
import { describe, it, after, before } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { cliScope, kill, type Running } from "../support/cli";
import { postgresSchemas, sql } from "../support/postgres";

const schemas = postgresSchemas();
const cli = cliScope();
after(() => cli.cleanup());

interface Answer {
  status: number;
  worker: string;
  body: string;
}

/** One request on a connection of its own. */
function call(endpoint: string, method: string, path: string, body = "", headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const u = new URL(path, endpoint);
    const req = request(u, { method, agent: false, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (s: string) => (text += s));
      res.on("end", () => resolve({ status: res.statusCode!, worker: String(res.headers["x-imagelite-worker"]), body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const describeKeyPairs = (endpoint: string) =>
  call(endpoint, "POST", "/", "Action=DescribeKeyPairs&Version=2016-11-15", {
    "content-type": "application/x-www-form-urlencoded",
    authorization: "AWS4-HMAC-SHA256 Credential=111111111111/20261123/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0",
  });

describe("--workers 2 --store postgres://", () => {
  let server: Running;
  let schema = "";
  before(async () => {
    const url = schemas.url();
    schema = new URL(url).searchParams.get("schema")!;
    server = await cli.start(cli.tempDir("imagelite-pgw-"), ["--store", url, "--workers", "2", "--clock", "manual"]);
    // The health check saw one worker listen; the primary hands connections to the second once it listens too.
    const deadline = Date.now() + 10_000;
    while ((await call(server.endpoint, "GET", "/_imagelite/health")).worker !== "2") {
      if (Date.now() > deadline) throw new Error("worker 2 did not answer within 10 s");
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  after(() => kill(server, "SIGTERM"));

  it("migrated the schema once", async () => {
    const versions = await sql<{ version: number }>(`SELECT version FROM "${schema}".schema_version`);
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2],
    );
  });

  it("a clock advanced through one worker is the time of both", async () => {
    const before = JSON.parse((await call(server.endpoint, "GET", "/_imagelite/clock")).body) as { now: string };
    await call(server.endpoint, "POST", "/_imagelite/clock", JSON.stringify({ advanceSeconds: 3600 }), {
      "content-type": "application/json",
    });
    const expected = new Date(Date.parse(before.now) + 3600_000).toISOString();
    const seen = new Map<string, string>();
    for (let i = 0; i < 4; i++) {
      const a = await call(server.endpoint, "GET", "/_imagelite/clock");
      seen.set(a.worker, (JSON.parse(a.body) as { now: string }).now);
    }
    assert.deepEqual([...seen.keys()].sort(), ["1", "2"]);
    assert.deepEqual([...new Set(seen.values())], [expected]);
  });

  it("a fault rule with times: 3 fires three times over both workers", async () => {
    const rule = { service: "ec2", operation: "DescribeKeyPairs", times: 3, error: { code: "RequestLimitExceeded", status: 503 } };
    const added = await call(server.endpoint, "POST", "/_imagelite/faults", JSON.stringify(rule), { "content-type": "application/json" });
    assert.equal(added.status, 200);
    const answers: Answer[] = [];
    for (let i = 0; i < 8; i++) answers.push(await describeKeyPairs(server.endpoint));
    assert.deepEqual(new Set(answers.map((a) => a.worker)), new Set(["1", "2"]));
    assert.deepEqual(
      answers.map((a) => a.status),
      [503, 503, 503, 200, 200, 200, 200, 200],
    );
  });
});
