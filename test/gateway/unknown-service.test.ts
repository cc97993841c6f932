// A request signed for a service imagelite does not serve (a client whose every endpoint is imagelite's) is
// answered with one error that names the service, UnknownService (400), in the wire format the request speaks,
// as the AWS SDK's own error parsers read it; the log names the service and explains it once; the request
// never reaches EC2, whose query fallback would answer MissingAction.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { SignatureV4 } from "@smithy/signature-v4";
import { loadRestJsonErrorCode, loadRestXmlErrorCode, parseJsonErrorBody, parseXmlErrorBody } from "@aws-sdk/core";
import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { createApp } from "../../src/runtime/app";
import { createHttpServer } from "../../src/runtime/http-server";
import type { RequestLine } from "../../src/gateway/request-log";
import { Sha256 } from "../../src/auth/sigv4";
import { ACCOUNT_A } from "../support/server";

const CREDENTIALS = { accessKeyId: ACCOUNT_A, secretAccessKey: "x" };
const SERVED = "it serves appstream, ec2, rbin, ssm, sts.";

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the SDK's deserializers take: the body's bytes and a context that decodes them. */
const sdkContext = { utf8Encoder: (b: Uint8Array) => Buffer.from(b).toString("utf8") } as never;
const bytes = (s: string) => new Uint8Array(Buffer.from(s));

describe("a service imagelite does not serve", () => {
  const lines: RequestLine[] = [];
  const warnings: string[] = [];
  const app = createApp(
    { port: 0, inMemory: true, clock: "manual" },
    { request: (l) => lines.push(l), failure: () => undefined, info: () => undefined, warn: (m) => warnings.push(m) },
  );
  const http = createHttpServer(app.gateway, () => {});
  let endpoint = "";

  before(async () => {
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", () => resolve()));
    endpoint = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  after(async () => {
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    app.close();
  });

  /** Signs a request for `service` as its SDK would, and sends it. */
  async function send(
    service: string,
    request: { method: string; path: string; query?: Record<string, string>; headers?: Record<string, string>; body?: string },
  ): Promise<Answer> {
    const url = new URL(endpoint);
    const signer = new SignatureV4({ credentials: CREDENTIALS, region: "us-east-1", service, sha256: Sha256 });
    const signed = await signer.sign({
      method: request.method,
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: request.path,
      query: request.query ?? {},
      headers: { host: url.host, ...request.headers },
      body: request.body,
    });
    const query = new URLSearchParams(request.query ?? {}).toString();
    const res = await fetch(`${endpoint}${request.path}${query ? `?${query}` : ""}`, {
      method: request.method,
      headers: Object.fromEntries(Object.entries(signed.headers).filter(([k]) => k !== "host")),
      body: request.body,
    });
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      headers[k] = v;
    });
    return { status: res.status, headers, body: await res.text() };
  }

  it("REST-JSON (Data Lifecycle Manager's CreateLifecyclePolicy): x-amzn-ErrorType and a JSON message naming the service", async () => {
    const r = await send("dlm", {
      method: "POST",
      path: "/policies",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ Description: "daily", State: "ENABLED" }),
    });
    assert.equal(r.status, 400);
    assert.equal(r.headers["content-type"], "application/json");
    const body = await parseJsonErrorBody(bytes(r.body), sdkContext);
    assert.equal(loadRestJsonErrorCode({ statusCode: r.status, headers: r.headers, body: undefined }, body), "UnknownService");
    assert.equal(body.message, `imagelite does not serve dlm; ${SERVED}`);
    assert.ok(r.headers["x-amzn-requestid"]);
  });

  it("Recycle Bin is served: a request signed for rbin reaches its REST-JSON API", async () => {
    const r = await send("rbin", {
      method: "POST",
      path: "/list-rules",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ResourceType: "EBS_SNAPSHOT" }),
    });
    assert.equal(r.status, 200, r.body);
    assert.deepEqual(JSON.parse(r.body), { Rules: [] });
  });

  it("REST-JSON without a body (Image Builder's GET): the same", async () => {
    const r = await send("imagebuilder", { method: "GET", path: "/ListImages" });
    assert.equal(r.status, 400);
    assert.equal(r.headers["x-amzn-errortype"], "UnknownService");
    assert.match(JSON.parse(r.body).message, /^imagelite does not serve imagebuilder;/);
  });

  it("a query API (IAM's ListUsers): the query error document", async () => {
    const r = await send("iam", {
      method: "POST",
      path: "/",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: "Action=ListUsers&Version=2010-05-08",
    });
    assert.equal(r.status, 400);
    assert.match(r.headers["content-type"], /xml/);
    const body = await parseXmlErrorBody(bytes(r.body), sdkContext);
    assert.equal(body.Error.Code, "UnknownService");
    assert.equal(body.Error.Message, `imagelite does not serve iam; ${SERVED}`);
  });

  it("AWS JSON (DynamoDB's ListTables, JSON 1.0): __type in the version the request used", async () => {
    const r = await send("dynamodb", {
      method: "POST",
      path: "/",
      headers: { "content-type": "application/x-amz-json-1.0", "x-amz-target": "DynamoDB_20120810.ListTables" },
      body: "{}",
    });
    assert.equal(r.status, 400);
    assert.equal(r.headers["content-type"], "application/x-amz-json-1.0");
    const body = await parseJsonErrorBody(bytes(r.body), sdkContext);
    assert.equal(loadRestJsonErrorCode({ statusCode: r.status, headers: r.headers, body: undefined }, body), "UnknownService");
    assert.equal(body.message, `imagelite does not serve dynamodb; ${SERVED}`);
  });

  it("REST-XML (S3's ListObjectsV2): the XML error S3 clients read", async () => {
    const r = await send("s3", { method: "GET", path: "/bucket", query: { "list-type": "2" } });
    assert.equal(r.status, 400);
    const body = await parseXmlErrorBody(bytes(r.body), sdkContext);
    assert.equal(loadRestXmlErrorCode({ statusCode: r.status, headers: r.headers, body: undefined }, body), "UnknownService");
    assert.equal(body.Error.Message, `imagelite does not serve s3; ${SERVED}`);
  });

  it("a presigned URL for another service, with a name no credential scope could carry: shown harmlessly", async () => {
    const credential = `${ACCOUNT_A}/20261123/us-east-1/<b>x y<b>/aws4_request`;
    const res = await fetch(`${endpoint}/?Action=ListUsers&X-Amz-Credential=${encodeURIComponent(credential)}`);
    assert.equal(res.status, 400);
    const text = await res.text();
    assert.match(text, /<Code>UnknownService<\/Code><Message>imagelite does not serve \?b\?x\?y\?b\?;/);
  });

  it("is logged under the service's name and explained once per service; the served ones still answer", async () => {
    lines.length = 0;
    warnings.length = 0;
    // Services no test above has asked for: each is explained the first time only.
    const ecr = {
      method: "POST",
      path: "/",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories",
      },
      body: "{}",
    };
    for (let i = 0; i < 2; i++) assert.equal((await send("ecr", ecr)).status, 400);
    await send("sns", {
      method: "POST",
      path: "/",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=ListTopics",
    });
    await send("dlm", { method: "GET", path: "/policies/policy-0123" });
    assert.deepEqual(
      lines.map((l) => [l.service, l.operation, l.account, l.region, l.status, l.error]),
      [
        ["ecr", "DescribeRepositories", ACCOUNT_A, "us-east-1", 400, "UnknownService"],
        ["ecr", "DescribeRepositories", ACCOUNT_A, "us-east-1", 400, "UnknownService"],
        ["sns", "ListTopics", ACCOUNT_A, "us-east-1", 400, "UnknownService"],
        ["dlm", "GET /policies/policy-0123", ACCOUNT_A, "us-east-1", 400, "UnknownService"],
      ],
    );
    assert.deepEqual(warnings, [
      `imagelite does not serve ecr; ${SERVED} Requests signed for ecr are answered UnknownService.`,
      `imagelite does not serve sns; ${SERVED} Requests signed for sns are answered UnknownService.`,
    ]);
    const ec2 = new EC2Client({ endpoint, region: "us-east-1", credentials: CREDENTIALS, maxAttempts: 1 });
    try {
      assert.ok((await ec2.send(new DescribeRegionsCommand({}))).Regions?.length);
    } finally {
      ec2.destroy();
    }
  });

  it("an unsigned request still goes to the query services, and an unknown target of a served one is its unknown operation", async () => {
    const unsigned = await fetch(`${endpoint}/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    assert.match(await unsigned.text(), /<Code>MissingAction<\/Code>/);
    const target = await send("appstream", {
      method: "POST",
      path: "/",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "Nothing.DescribeFleets" },
      body: "{}",
    });
    assert.equal(target.headers["x-amzn-errortype"], "UnknownOperationException");
  });
});
