// --auth strict through the real clients: good signatures pass; a wrong secret, an unknown key, a wrong
// service or region, a skewed clock, a missing or wrong session token, unsigned and malformed requests and
// expired presigned URLs and payloads left out of the signature are refused with each service's own code.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppStreamClient, DescribeFleetsCommand } from "@aws-sdk/client-appstream";
import { DescribeImagesCommand, EC2Client, RegisterImageCommand } from "@aws-sdk/client-ec2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { CreateRuleCommand, ListTagsForResourceCommand, RbinClient } from "@aws-sdk/client-rbin";
import { spawn } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { BuildMiddleware, HttpRequest } from "@smithy/types";
import { startImagelite, type Imagelite } from "../../src/index";
import { rejection, useServer } from "../support/server";
import { Sha256 } from "../../src/auth/sigv4";
import { ownSnapshot } from "../ec2/helpers";

const A = { accessKeyId: "AKIAIMAGELITEA", secretAccessKey: "secret-a" };
const B = { accessKeyId: "AKIAIMAGELITEB", secretAccessKey: "secret-b", sessionToken: "token-b" };

/** Has a client sign the literal UNSIGNED-PAYLOAD instead of the body's hash, as the SDK does when the request carries it. */
function unsignedPayload<C extends { middlewareStack: { add(m: BuildMiddleware<object, object>, o: { step: "build" }): void } }>(
  client: C,
): C {
  client.middlewareStack.add(
    (next) => (args) => {
      (args.request as HttpRequest).headers["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD";
      return next(args);
    },
    { step: "build" },
  );
  return client;
}

/** Runs python3 without blocking the event loop: the server answers from this very process. */
function python(code: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", ["-c", code], {
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString() });
    });
  });
}

/** Presigns EC2 DescribeImages URLs with botocore, sends them, and prints each answer's status and start. */
const BOTOCORE_PRESIGN = `
import json, os, urllib.error, urllib.request
import boto3
from botocore.auth import SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

endpoint = os.environ["IMAGELITE_ENDPOINT"]
a = Credentials(*os.environ["KEY_A"].split(":"))
b = Credentials(*os.environ["KEY_B"].split(":"))
params = {"Action": "DescribeImages", "Version": "2016-11-15", "Owner.1": "amazon", "MaxResults": "5"}

def query_auth(creds, extra=None):
    req = AWSRequest(method="GET", url=endpoint + "/", params={**params, **(extra or {})})
    SigV4QueryAuth(creds, "ec2", "us-east-1", expires=300).add_auth(req)
    return req.prepare().url

def send(url, method="GET"):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=20) as res:
            return [res.status, res.read(300).decode()]
    except urllib.error.HTTPError as e:
        return [e.code, e.read(600).decode()]

ec2 = boto3.client("ec2", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=a.access_key, aws_secret_access_key=a.secret_key)
op = {"Owners": ["amazon"], "MaxResults": 5}
signed_post = ec2.generate_presigned_url("describe_images", Params=op, ExpiresIn=300)
good = query_auth(a)
print(json.dumps({
    "query-auth A": send(good),
    "query-auth B (session token)": send(query_auth(b)),
    "query-auth, filter values to encode": send(query_auth(a, {"Filter.1.Name": "name", "Filter.1.Value.1": "al2023 ami*/=~+\u00fc"})),
    "generate_presigned_url GET": send(ec2.generate_presigned_url("describe_images", Params=op, ExpiresIn=300, HttpMethod="GET")),
    "generate_presigned_url POST, sent as POST": send(signed_post, "POST"),
    "generate_presigned_url POST, sent as GET": send(signed_post),
    "query-auth, a parameter changed": send(good.replace("MaxResults=5", "MaxResults=6")),
    "query-auth, a parameter added": send(good.replace("Owner.1=amazon", "Owner.1=amazon&Owner.2=self")),
    "query-auth, the wrong secret": send(query_auth(Credentials(a.access_key, "wrong"))),
    "query-auth B without its token": send(query_auth(b).replace("X-Amz-Security-Token=", "X-Amz-Security-Tokem=")),
}))
`;

describe("--auth strict", () => {
  let dir: string;
  const fx = useServer(() => {
    dir = mkdtempSync(join(tmpdir(), "imagelite-auth-"));
    const file = join(dir, "credentials.yaml");
    writeFileSync(
      file,
      `${B.accessKeyId}:\n  secretAccessKey: ${B.secretAccessKey}\n  accountId: "222222222222"\n  sessionToken: ${B.sessionToken}\n`,
    );
    return {
      auth: "strict",
      credentials: `${A.accessKeyId}:${A.secretAccessKey}:111111111111`,
      credentialsFile: file,
      adminToken: "let-me-in",
    };
  });
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const cfg = (credentials: object, extra: object = {}) =>
    ({ endpoint: server.endpoint, region: "us-east-1", credentials, maxAttempts: 1, ...extra }) as never;

  it("accepts requests signed with known credentials, as their account", async () => {
    assert.equal((await new STSClient(cfg(A)).send(new GetCallerIdentityCommand({}))).Account, "111111111111");
    assert.equal((await new STSClient(cfg(B)).send(new GetCallerIdentityCommand({}))).Account, "222222222222");
    assert.deepEqual((await new AppStreamClient(cfg(A)).send(new DescribeFleetsCommand({}))).Fleets, []);
    assert.ok((await new EC2Client(cfg(A)).send(new DescribeImagesCommand({ Owners: ["amazon"], MaxResults: 5 }))).Images!.length > 0);
  });

  it("verifies REST-JSON requests whose path carries an encoded label (a rule's ARN), and refuses them with a wrong secret", async () => {
    const rbin = new RbinClient(cfg(A));
    const rule = await rbin.send(
      new CreateRuleCommand({ ResourceType: "EBS_SNAPSHOT", RetentionPeriod: { RetentionPeriodValue: 1, RetentionPeriodUnit: "DAYS" } }),
    );
    assert.match(rule.RuleArn!, /^arn:aws:rbin:us-east-1:111111111111:rule\//);
    assert.deepEqual((await rbin.send(new ListTagsForResourceCommand({ ResourceArn: rule.RuleArn }))).Tags, []);
    const wrong = await rejection(() =>
      new RbinClient(cfg({ ...A, secretAccessKey: "nope" })).send(new ListTagsForResourceCommand({ ResourceArn: rule.RuleArn })),
    );
    assert.equal(wrong.name, "InvalidSignatureException");
    assert.equal(wrong.$metadata?.httpStatusCode, 403);
    rbin.destroy();
  });

  it("refuses a wrong secret", async () => {
    const wrong = { ...A, secretAccessKey: "nope" };
    assert.equal(
      (await rejection(() => new AppStreamClient(cfg(wrong)).send(new DescribeFleetsCommand({})))).name,
      "InvalidSignatureException",
    );
    const ec2 = await rejection(() => new EC2Client(cfg(wrong)).send(new DescribeImagesCommand({})));
    assert.equal(ec2.name, "SignatureDoesNotMatch");
    assert.equal(ec2.$metadata?.httpStatusCode, 403);
    assert.equal((await rejection(() => new STSClient(cfg(wrong)).send(new GetCallerIdentityCommand({})))).name, "SignatureDoesNotMatch");
  });

  it("refuses an unknown access key", async () => {
    const unknown = { accessKeyId: "AKIANOBODY", secretAccessKey: "x" };
    assert.equal(
      (await rejection(() => new AppStreamClient(cfg(unknown)).send(new DescribeFleetsCommand({})))).name,
      "UnrecognizedClientException",
    );
    const ec2 = await rejection(() => new EC2Client(cfg(unknown)).send(new DescribeImagesCommand({})));
    assert.equal(ec2.name, "AuthFailure");
    assert.equal(ec2.$metadata?.httpStatusCode, 401);
    assert.equal((await rejection(() => new STSClient(cfg(unknown)).send(new GetCallerIdentityCommand({})))).name, "InvalidClientTokenId");
  });

  it("refuses a region that does not exist", async () => {
    const e = await rejection(() => new EC2Client(cfg(A, { region: "us-nowhere-9" })).send(new DescribeImagesCommand({})));
    assert.equal(e.name, "SignatureDoesNotMatch");
    assert.match(e.message, /valid region/);
  });

  it("refuses a clock skewed by more than five minutes", async () => {
    for (const offset of [-10 * 60_000, 10 * 60_000]) {
      const e = await rejection(() => new AppStreamClient(cfg(A, { systemClockOffset: offset })).send(new DescribeFleetsCommand({})));
      assert.equal(e.name, "InvalidSignatureException");
      assert.match(e.message, /Signature (expired|not yet current)/);
      const q = await rejection(() => new EC2Client(cfg(A, { systemClockOffset: offset })).send(new DescribeImagesCommand({})));
      assert.equal(q.name, "RequestExpired");
    }
    await new AppStreamClient(cfg(A, { systemClockOffset: 2 * 60_000 })).send(new DescribeFleetsCommand({}));
  });

  it("checks session tokens", async () => {
    const noToken = { accessKeyId: B.accessKeyId, secretAccessKey: B.secretAccessKey };
    assert.equal((await rejection(() => new STSClient(cfg(noToken)).send(new GetCallerIdentityCommand({})))).name, "InvalidClientTokenId");
    assert.equal(
      (await rejection(() => new AppStreamClient(cfg({ ...B, sessionToken: "other" })).send(new DescribeFleetsCommand({})))).name,
      "UnrecognizedClientException",
    );
  });

  it("refuses unsigned and malformed requests in each protocol's format", async () => {
    const unsigned = await fetch(server.endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=DescribeImages&Version=2016-11-15",
    });
    assert.equal(unsigned.status, 403);
    assert.match(await unsigned.text(), /<Code>MissingAuthenticationToken<\/Code>/);
    const json = await fetch(server.endpoint, {
      method: "POST",
      headers: { "x-amz-target": "PhotonAdminProxyService.DescribeFleets", "content-type": "application/x-amz-json-1.1" },
      body: "{}",
    });
    assert.equal(((await json.json()) as { __type: string }).__type, "MissingAuthenticationTokenException");
    const malformed = await fetch(server.endpoint, {
      method: "POST",
      body: "{}",
      headers: {
        "x-amz-target": "PhotonAdminProxyService.DescribeFleets",
        "content-type": "application/x-amz-json-1.1",
        authorization: "AWS4-HMAC-SHA256 Credential=AKIAIMAGELITEA/20261123/us-east-1/appstream/aws4_request",
      },
    });
    const body = (await malformed.json()) as { __type: string; message: string };
    assert.equal(body.__type, "IncompleteSignatureException");
    assert.match(body.message, /requires 'SignedHeaders' parameter/);
  });

  it("accepts presigned URLs until they expire", async () => {
    const signer = new SignatureV4({ credentials: A, region: "us-east-1", service: "ec2", sha256: Sha256 });
    const url = new URL(server.endpoint);
    const request = {
      method: "GET",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: "/",
      query: { Action: "DescribeImages", Version: "2016-11-15", "Owner.1": "amazon", MaxResults: "5" },
      headers: { host: url.host },
    };
    const toUrl = (r: { query?: Record<string, unknown> }) =>
      `${server.endpoint}/?${new URLSearchParams(r.query as Record<string, string>)}`;
    const good = await fetch(toUrl(await signer.presign(request, { expiresIn: 300 })));
    assert.equal(good.status, 200);
    assert.match(await good.text(), /<DescribeImagesResponse/);

    const tampered = await signer.presign(request, { expiresIn: 300 });
    tampered.query!.MaxResults = "6";
    const bad = await fetch(toUrl(tampered));
    assert.equal(bad.status, 403);
    assert.match(await bad.text(), /SignatureDoesNotMatch/);

    const old = await signer.presign(request, { expiresIn: 60, signingDate: new Date(Date.now() - 120_000) });
    const expired = await fetch(toUrl(old));
    assert.equal(expired.status, 400);
    assert.match(await expired.text(), /<Code>RequestExpired<\/Code>/);
  });

  it("accepts URLs presigned by botocore, with and without a session token, and refuses them tampered", { timeout: 90_000 }, async () => {
    // botocore signs an EC2 URL with SigV4QueryAuth: operation parameters first, then the X-Amz-* ones, all
    // percent-encoded (space as %20, `*` as %2A), the host with its port as the one signed header, and the
    // empty body's hash. The client's generate_presigned_url signs the operation's own method, POST for EC2,
    // unless told GET: such a URL works with POST and, as on AWS, not with GET.
    const r = await python(BOTOCORE_PRESIGN, {
      IMAGELITE_ENDPOINT: server.endpoint,
      KEY_A: `${A.accessKeyId}:${A.secretAccessKey}`,
      KEY_B: `${B.accessKeyId}:${B.secretAccessKey}:${B.sessionToken}`,
    });
    assert.equal(r.code, 0, r.err);
    const answers = JSON.parse(r.out) as Record<string, [number, string]>;
    const expected: Record<string, [number, string]> = {
      "query-auth A": [200, "DescribeImagesResponse"],
      "query-auth B (session token)": [200, "DescribeImagesResponse"],
      "query-auth, filter values to encode": [200, "DescribeImagesResponse"],
      "generate_presigned_url GET": [200, "DescribeImagesResponse"],
      "generate_presigned_url POST, sent as POST": [200, "DescribeImagesResponse"],
      "generate_presigned_url POST, sent as GET": [403, "SignatureDoesNotMatch"],
      "query-auth, a parameter changed": [403, "SignatureDoesNotMatch"],
      "query-auth, a parameter added": [403, "SignatureDoesNotMatch"],
      "query-auth, the wrong secret": [403, "SignatureDoesNotMatch"],
      "query-auth B without its token": [401, "AuthFailure"],
    };
    for (const [name, [status, code]] of Object.entries(expected)) {
      assert.ok(answers[name], name);
      assert.equal(answers[name][0], status, `${name}: ${answers[name][1]}`);
      assert.match(answers[name][1], new RegExp(code), name);
    }
  });

  it("verifies a request signed with the Date header, and checks X-Amz-Content-Sha256 against the body", async () => {
    // A SigV4 signature over `date` instead of `x-amz-date`, computed here step by step (canonical request,
    // string to sign, signing key) as the IAM User Guide describes it.
    const body = "Action=GetCallerIdentity&Version=2011-06-15";
    const now = new Date();
    const longDate = now
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.[0-9]{3}/, "");
    const host = new URL(server.endpoint).host;
    const hex = (d: string | Buffer) => createHash("sha256").update(d).digest("hex");
    const hmac = (k: string | Buffer, d: string) => createHmac("sha256", k).update(d).digest();
    const canonical = [
      "POST",
      "/",
      "",
      `content-type:application/x-www-form-urlencoded`,
      `date:${now.toUTCString()}`,
      `host:${host}`,
      "",
      "content-type;date;host",
      hex(body),
    ].join("\n");
    const scope = `${longDate.slice(0, 8)}/us-east-1/sts/aws4_request`;
    const toSign = ["AWS4-HMAC-SHA256", longDate, scope, hex(canonical)].join("\n");
    let key = hmac(`AWS4${A.secretAccessKey}`, longDate.slice(0, 8));
    for (const part of ["us-east-1", "sts", "aws4_request"]) key = hmac(key, part);
    const signature = createHmac("sha256", key).update(toSign).digest("hex");
    const headers = {
      "content-type": "application/x-www-form-urlencoded",
      date: now.toUTCString(),
      authorization: `AWS4-HMAC-SHA256 Credential=${A.accessKeyId}/${scope}, SignedHeaders=content-type;date;host, Signature=${signature}`,
    };
    const ok = await fetch(server.endpoint, { method: "POST", headers, body });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /<Account>111111111111<\/Account>/);
    const tamperedBody = await fetch(server.endpoint, { method: "POST", headers, body: `${body}&x=1` });
    assert.equal(tamperedBody.status, 403);

    const signer = new SignatureV4({ credentials: A, region: "us-east-1", service: "sts", sha256: Sha256 });
    const signed = await signer.sign({
      method: "POST",
      protocol: "http:",
      hostname: new URL(server.endpoint).hostname,
      path: "/",
      query: {},
      headers: { host, "content-type": "application/x-www-form-urlencoded", "x-amz-content-sha256": hex(body) },
      body,
    });
    const good = await fetch(server.endpoint, { method: "POST", headers: signed.headers as Record<string, string>, body });
    assert.equal(good.status, 200);
    const swapped = await fetch(server.endpoint, {
      method: "POST",
      headers: signed.headers as Record<string, string>,
      body: body.replace("2011", "2012"),
    });
    assert.equal(swapped.status, 403);
    assert.match(await swapped.text(), /x-amz-content-sha256/);
  });

  it("refuses a signature that leaves the body out (UNSIGNED-PAYLOAD), with each service's own code", async () => {
    const calls: [string, () => Promise<unknown>, string, number][] = [
      [
        "ec2",
        () => unsignedPayload(new EC2Client(cfg(A))).send(new DescribeImagesCommand({ Owners: ["self"] })),
        "SignatureDoesNotMatch",
        403,
      ],
      [
        "appstream",
        () => unsignedPayload(new AppStreamClient(cfg(A))).send(new DescribeFleetsCommand({})),
        "InvalidSignatureException",
        400,
      ],
      ["sts", () => unsignedPayload(new STSClient(cfg(A))).send(new GetCallerIdentityCommand({})), "SignatureDoesNotMatch", 403],
    ];
    for (const [service, call, code, status] of calls) {
      const e = await rejection(call);
      assert.equal(e.name, code, service);
      assert.equal(e.$metadata?.httpStatusCode, status, service);
      assert.match(e.message, /UNSIGNED-PAYLOAD/, service);
    }

    // A signature made for a DescribeImages body must not carry a RegisterImage body (of the same length:
    // Content-Length is signed).
    const swapped = unsignedPayload(new EC2Client(cfg(A)));
    const register =
      "Action=RegisterImage&Version=2016-11-15&Name=smuggled&RootDeviceName=%2Fdev%2Fxvda" +
      "&BlockDeviceMapping.1.DeviceName=%2Fdev%2Fxvda&BlockDeviceMapping.1.Ebs.SnapshotId=snap-0123456789abcdef0&Description=";
    swapped.middlewareStack.add(
      (next) => (args) => {
        const request = args.request as HttpRequest;
        request.body = register.padEnd(Buffer.byteLength(request.body as string), "x");
        return next(args);
      },
      { step: "deserialize" },
    );
    const describe = new DescribeImagesCommand({ Owners: ["self"], Filters: [{ Name: "description", Values: ["a".repeat(150)] }] });
    assert.equal((await rejection(() => swapped.send(describe))).name, "SignatureDoesNotMatch");
    const mine = await new EC2Client(cfg(A)).send(new DescribeImagesCommand({ Owners: ["self"] }));
    assert.deepEqual(mine.Images, [], "nothing was registered");

    // Signed as usual, the same client's calls go through.
    const honest = new EC2Client(cfg(A));
    await honest.send(
      new RegisterImageCommand({
        Name: "honest",
        RootDeviceName: "/dev/xvda",
        BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: await ownSnapshot(honest) } }],
      }),
    );
  });

  it("guards the admin routes with the admin token, except health", async () => {
    assert.equal((await fetch(`${server.endpoint}/_imagelite/health`)).status, 200);
    const denied = await fetch(`${server.endpoint}/_imagelite/clock`);
    assert.equal(denied.status, 401);
    assert.equal(((await denied.json()) as { code: string }).code, "Unauthorized");
    assert.equal((await fetch(`${server.endpoint}/_imagelite/clock`, { headers: { authorization: "Bearer wrong" } })).status, 401);
    assert.equal((await fetch(`${server.endpoint}/_imagelite/clock`, { headers: { authorization: "Bearer let-me-in" } })).status, 200);
  });

  it("needs an admin token to start in strict mode", async () => {
    await assert.rejects(startImagelite({ auth: "strict" }), /--admin-token/);
  });
});

describe("--auth off", () => {
  it("treats every caller as the default account", async () => {
    const server = await startImagelite({ auth: "off" });
    try {
      const id = await new STSClient({
        endpoint: server.endpoint,
        region: "eu-west-1",
        credentials: { accessKeyId: "111111111111", secretAccessKey: "x" },
      }).send(new GetCallerIdentityCommand({}));
      assert.equal(id.Account, "000000000000");
    } finally {
      await server.stop();
    }
  });
});
