// PostgreSQL going away under a running server (the real CLI), through a TCP proxy the test cuts and restores:
// every service answers ServiceUnavailable (503, which SDKs retry), the outage is told once and its end once,
// health keeps answering, and the server serves again by itself when PostgreSQL is back, with every
// acknowledged change kept and none of the refused ones made.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { AppStreamClient, DescribeFleetsCommand } from "@aws-sdk/client-appstream";
import { CreateKeyPairCommand, DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { GetParameterCommand, PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { cliScope, kill, type Running } from "../support/cli";
import { POSTGRES, postgresSchemas, sql } from "../support/postgres";
import { TcpProxy } from "../support/tcp-proxy";
import { isOutage } from "../../src/state/postgres-store";
import { PostgresError } from "../../src/state/postgres-link";

const schemas = postgresSchemas();
const cli = cliScope();
after(() => cli.cleanup());

const ACCOUNT = "111111111111";

/** A URL of a fresh schema that reaches PostgreSQL through the proxy. */
function throughProxy(proxy: TcpProxy, timeoutMs?: number): string {
  const u = new URL(schemas.url());
  u.port = String(proxy.port);
  if (timeoutMs) u.searchParams.set("timeout", String(timeoutMs));
  return u.toString();
}

function clients(endpoint: string, maxAttempts?: number) {
  const config = {
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: ACCOUNT, secretAccessKey: "x" },
    ...(maxAttempts ? { maxAttempts } : {}),
  };
  return { ec2: new EC2Client(config), ssm: new SSMClient(config), appstream: new AppStreamClient(config) };
}

type Failure = { name: string; $metadata?: { httpStatusCode?: number } };
const failure = (p: Promise<unknown>): Promise<Failure> =>
  p.then(
    () => assert.fail("the call was answered"),
    (e: Failure) => e,
  );

const lines = (r: Running, pattern: RegExp) =>
  r
    .stderr()
    .split("\n")
    .filter((l) => pattern.test(l));

async function health(r: Running): Promise<{ status: number; body: { status: string; store?: { state: string } } }> {
  const res = await fetch(`${r.endpoint}/_imagelite/health`);
  return { status: res.status, body: (await res.json()) as { status: string; store?: { state: string } } };
}

describe("a PostgreSQL outage", () => {
  let proxy: TcpProxy;
  before(async () => {
    const u = new URL(POSTGRES);
    proxy = await TcpProxy.start({ host: u.hostname, port: Number(u.port || 5432) });
  });
  after(() => proxy.close());

  it("is answered with ServiceUnavailable by every service, told once, and served again when PostgreSQL is back", async () => {
    proxy.restore();
    const server = await cli.start(cli.tempDir("imagelite-pg-"), ["--store", throughProxy(proxy)]);
    const c = clients(server.endpoint, 1);
    try {
      await c.ec2.send(new CreateKeyPairCommand({ KeyName: "before" }));
      await c.ssm.send(new PutParameterCommand({ Name: "/before", Value: "v", Type: "String" }));

      proxy.cut();
      const during = [
        await failure(c.ec2.send(new DescribeKeyPairsCommand({}))),
        await failure(c.ec2.send(new CreateKeyPairCommand({ KeyName: "during" }))),
        await failure(c.ssm.send(new GetParameterCommand({ Name: "/before" }))),
        await failure(c.ssm.send(new PutParameterCommand({ Name: "/during", Value: "v", Type: "String" }))),
        await failure(c.appstream.send(new DescribeFleetsCommand({}))),
      ];
      for (const e of during) {
        assert.equal(e.name, "ServiceUnavailable");
        assert.equal(e.$metadata?.httpStatusCode, 503);
      }
      // boto3 reads the same answer.
      const boto = await python(
        server.endpoint,
        `import boto3, botocore.config, botocore.exceptions
c = boto3.client("ec2", endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id="${ACCOUNT}", aws_secret_access_key="x",
    config=botocore.config.Config(retries={"total_max_attempts": 1}))
try:
    c.describe_key_pairs()
    print("answered")
except botocore.exceptions.ClientError as e:
    print(e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"])`,
      );
      assert.equal(boto.trim(), "ServiceUnavailable 503");

      const down = await health(server);
      assert.equal(down.status, 503);
      assert.equal(down.body.status, "unavailable");
      assert.equal(down.body.store?.state, "unreachable");
      const dashboard = await fetch(`${server.endpoint}/_imagelite/ui/`);
      assert.equal(dashboard.status, 200, "the dashboard's page is served");
      await dashboard.body?.cancel();
      assert.equal(lines(server, /is unreachable/).length, 1, server.stderr());
      assert.doesNotMatch(server.stderr(), /internal error/);

      proxy.restore();
      const { KeyPairs } = await c.ec2.send(new DescribeKeyPairsCommand({}));
      assert.deepEqual(
        KeyPairs?.map((k) => k.KeyName),
        ["before"],
        "what was acknowledged is there, what was refused is not",
      );
      assert.equal((await c.ssm.send(new GetParameterCommand({ Name: "/before" }))).Parameter?.Value, "v");
      assert.equal((await failure(c.ssm.send(new GetParameterCommand({ Name: "/during" })))).name, "ParameterNotFound");
      assert.equal(lines(server, /is back after [\d.]+ s: calls are served again/).length, 1, server.stderr());
      assert.equal((await health(server)).status, 200);
    } finally {
      for (const x of Object.values(c)) x.destroy();
      await kill(server);
    }
  });

  it("the SDK's default retry rides over it: a 503, then the answer once PostgreSQL is back", async () => {
    proxy.restore();
    const server = await cli.start(cli.tempDir("imagelite-pg-"), ["--store", throughProxy(proxy)]);
    const { ec2 } = clients(server.endpoint);
    try {
      await ec2.send(new CreateKeyPairCommand({ KeyName: "kept" }));
      proxy.cut();
      // PostgreSQL comes back as the first attempt fails: the SDK's retry, after its back-off, is answered.
      let failed = 0;
      ec2.middlewareStack.add(
        (next) => async (args) => {
          try {
            return await next(args);
          } catch (e) {
            failed++;
            proxy.restore();
            throw e;
          }
        },
        { step: "finalizeRequest", priority: "low", name: "restoreAfterFailure" },
      );
      const out = await ec2.send(new DescribeKeyPairsCommand({}));
      assert.deepEqual(
        out.KeyPairs?.map((k) => k.KeyName),
        ["kept"],
      );
      assert.equal(failed, 1);
      assert.equal(out.$metadata.attempts, 2);
    } finally {
      ec2.destroy();
      await kill(server);
    }
  });

  it("backends ended by PostgreSQL (pg_terminate_backend) are replaced: calls never answer a 500", async () => {
    proxy.restore();
    const server = await cli.start(cli.tempDir("imagelite-pg-"), ["--store", throughProxy(proxy)]);
    const { ec2 } = clients(server.endpoint, 1);
    const retrying = clients(server.endpoint).ec2;
    try {
      await ec2.send(new CreateKeyPairCommand({ KeyName: "k" }));
      for (let round = 0; round < 3; round++) {
        const ports = proxy.upstreamPorts();
        assert.ok(ports.length > 0, "the server holds a connection");
        const ended = await sql<{ pg_terminate_backend: boolean }>(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE client_port = ANY($1::int[]) AND backend_type = 'client backend'",
          [ports],
        );
        assert.ok(ended.length > 0);
        // Answered, or ServiceUnavailable if the call met the connection as it went: never an internal error.
        const first = await ec2.send(new DescribeKeyPairsCommand({})).then(
          () => "answered",
          (e: Failure) => `${e.name} ${e.$metadata?.httpStatusCode}`,
        );
        assert.ok(["answered", "ServiceUnavailable 503"].includes(first), first);
        const { KeyPairs } = await retrying.send(new DescribeKeyPairsCommand({}));
        assert.deepEqual(
          KeyPairs?.map((k) => k.KeyName),
          ["k"],
        );
      }
      assert.doesNotMatch(server.stderr(), /internal error/);
    } finally {
      ec2.destroy();
      retrying.destroy();
      await kill(server);
    }
  });

  it("a PostgreSQL that stops answering: ServiceUnavailable, and the next calls fail at once without holding the server", async () => {
    proxy.restore();
    const server = await cli.start(cli.tempDir("imagelite-pg-"), ["--store", throughProxy(proxy, 1000)]);
    const { ec2 } = clients(server.endpoint, 1);
    try {
      await ec2.send(new CreateKeyPairCommand({ KeyName: "k" }));
      proxy.silence();
      // The call that tries a new connection waits out its timeout (1 s here); one before it may meet the
      // connection the silence broke, and fail at once.
      for (let i = 0; i < 3 && proxy.silentConnections === 0; i++)
        assert.equal((await failure(ec2.send(new DescribeKeyPairsCommand({})))).name, "ServiceUnavailable");
      const attempts = proxy.silentConnections;
      for (let i = 0; i < 5; i++) assert.equal((await failure(ec2.send(new DescribeKeyPairsCommand({})))).name, "ServiceUnavailable");
      assert.equal(proxy.silentConnections, attempts, "the calls after it did not reach for PostgreSQL");
      assert.equal((await health(server)).body.store?.state, "unreachable");
      assert.equal(lines(server, /is unreachable/).length, 1, server.stderr());
    } finally {
      ec2.destroy();
      await kill(server);
      proxy.restore();
    }
  });
});

describe("which PostgreSQL failures are an outage", () => {
  it("a lost connection, a connection exception, a shutdown, too many connections, a statement timeout; not a statement refused", () => {
    const outage = (code: string | undefined) => isOutage(new PostgresError("x", code));
    for (const code of [
      undefined,
      "ECONNREFUSED",
      "ECONNRESET",
      "EPIPE",
      "ETIMEDOUT",
      "08006",
      "08001",
      "57P01",
      "57P02",
      "57P03",
      "53300",
      "57014",
    ])
      assert.equal(outage(code), true, String(code));
    for (const code of ["08P01", "40001", "23505", "42P01", "22P02", "XX000"]) assert.equal(outage(code), false, code);
    assert.equal(isOutage(new Error("Connection terminated")), false, "only the store's own errors");
  });
});

/** Runs a Python snippet (ENDPOINT set) without blocking the event loop, which the proxy needs. */
function python(endpoint: string, code: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn("python3", ["-c", `ENDPOINT = ${JSON.stringify(endpoint)}\n${code}`], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (err += s));
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done(out) : fail(new Error(`python3 exited with ${code}: ${err}`))));
  });
}
