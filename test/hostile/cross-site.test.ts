// What a web page can ask of imagelite, request by request: a Host that could be rebound (DNS rebinding) is
// refused unless allowed, and so is a request another origin's page made (Origin, Sec-Fetch-Site), in the
// admin routes' JSON or in each service's own error format; the SDK and the AWS CLI reach imagelite by an
// allowed name; an allowed origin gets CORS answers, its preflights included.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo, LookupFunction } from "node:net";
import { hostname } from "node:os";
import { spawn } from "node:child_process";
import { CreateKeyPairCommand, DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { ACCOUNT_A, REGION, rejection, TEST_START, useServer } from "../support/server";
import type { RequestLine } from "../../src/gateway/request-log";
import { FORM, JSON_TYPE, SCOPE, TARGET } from "./http";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with exactly these headers, Host included (fetch would set Host, Origin and Sec-Fetch-* itself). */
function raw(port: number, method: string, path: string, headers: Record<string, string>, body = ""): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers, setHost: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const CREDENTIAL = encodeURIComponent(`${ACCOUNT_A}/20261123/${REGION}/ec2/aws4_request`);
const ec2Form = (action: string, extra = "") => `Action=${action}&Version=2016-11-15${extra}`;
const codeOf = (a: Answer) => /<Code>([^<]*)<\/Code>/.exec(a.body)?.[1] ?? (JSON.parse(a.body) as { code?: string; __type?: string }).code;

/** One call of each service, as an SDK sends it, with `headers` added. */
function calls(port: number, headers: Record<string, string>) {
  return {
    ec2: () => raw(port, "POST", "/", { ...headers, "content-type": FORM, authorization: SCOPE.ec2 }, ec2Form("DescribeKeyPairs")),
    sts: () =>
      raw(
        port,
        "POST",
        "/",
        { ...headers, "content-type": FORM, authorization: SCOPE.query },
        "Action=GetCallerIdentity&Version=2011-06-15",
      ),
    appstream: () =>
      raw(
        port,
        "POST",
        "/",
        { ...headers, "content-type": JSON_TYPE, "x-amz-target": `${TARGET}.DescribeFleets`, authorization: SCOPE.json },
        "{}",
      ),
    ssm: () =>
      raw(
        port,
        "POST",
        "/",
        {
          ...headers,
          "content-type": JSON_TYPE,
          "x-amz-target": "AmazonSSM.DescribeParameters",
          authorization: SCOPE.json.replace("/appstream/", "/ssm/"),
        },
        "{}",
      ),
    admin: () => raw(port, "GET", "/_imagelite/clock", headers),
  };
}

/** Each service's refusal: the code it denies a call with, 403, in its own format. */
async function assertRefusedEverywhere(port: number, headers: Record<string, string>, adminCode: string, hint: RegExp): Promise<void> {
  const c = calls(port, headers);
  const ec2 = await c.ec2();
  assert.equal(ec2.status, 403);
  assert.match(ec2.body, /^<\?xml[^>]*>\s*<Response><Errors><Error><Code>UnauthorizedOperation<\/Code><Message>/);
  assert.match(ec2.body, hint);
  const sts = await c.sts();
  assert.equal(sts.status, 403);
  assert.match(sts.body, /<ErrorResponse[^>]*><Error><Type>Sender<\/Type><Code>AccessDenied<\/Code>/);
  for (const json of [await c.appstream(), await c.ssm()]) {
    assert.equal(json.status, 403);
    assert.equal(json.headers["x-amzn-errortype"], "AccessDeniedException");
    const body = JSON.parse(json.body) as { __type: string; message: string };
    assert.equal(body.__type, "AccessDeniedException");
    assert.match(body.message, hint);
  }
  const admin = await c.admin();
  assert.equal(admin.status, 403);
  assert.equal(admin.headers["content-type"], "application/json");
  const body = JSON.parse(admin.body) as { code: string; message: string };
  assert.equal(body.code, adminCode);
  assert.match(body.message, hint);
}

/** What the server logs while `fn` runs: request lines and warnings. */
async function logged(fx: ReturnType<typeof useServer>, fn: () => Promise<void>): Promise<{ lines: RequestLine[]; warnings: string[] }> {
  const log = fx.server.app.log;
  const { request: keepRequest, warn: keepWarn } = log;
  const lines: RequestLine[] = [];
  const warnings: string[] = [];
  log.request = (line) => lines.push(line);
  log.warn = (message) => warnings.push(message);
  try {
    await fn();
  } finally {
    log.request = keepRequest;
    log.warn = keepWarn;
  }
  return { lines, warnings };
}

/** Every name resolves to 127.0.0.1: an SDK that reaches imagelite by a name such as a compose service's. */
const toLoopback = ((_name: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
  options.all ? callback(null, [{ address: "127.0.0.1", family: 4 }]) : callback(null, "127.0.0.1", 4)) as unknown as LookupFunction;

const ec2ByName = (name: string, port: number) =>
  new EC2Client({
    endpoint: `http://${name}:${port}`,
    region: REGION,
    credentials: { accessKeyId: ACCOUNT_A, secretAccessKey: "imagelite" },
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ lookup: toLoopback }) },
  });

describe("Host: DNS rebinding", () => {
  const fx = useServer();

  test("a request that names another host is refused, with what to do, as each service and the admin routes word a refusal", async () => {
    const { warnings, lines } = await logged(fx, () =>
      assertRefusedEverywhere(fx.server.port, { host: `evil.example:${fx.server.port}` }, "HostNotAllowed", /--allow-host evil\.example/),
    );
    // The operator's log says it once per name, and has a line for every refused request.
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /"evil\.example".*DNS rebinding.*--allow-host evil\.example \(IMAGELITE_ALLOW_HOST\)/);
    assert.deepEqual(
      lines.map((l) => [l.service, l.status, l.error]),
      [
        ["ec2", 403, "UnauthorizedOperation"],
        ["sts", 403, "AccessDenied"],
        ["appstream", 403, "AccessDeniedException"],
        ["ssm", 403, "AccessDeniedException"],
        ["admin", 403, "HostNotAllowed"],
      ],
    );
  });

  test("a refused call changes nothing: no key pair is made, the state is not reset, the clock does not move", async () => {
    await fx.ec2().send(new CreateKeyPairCommand({ KeyName: "kept" }));
    const host = { host: "rebound.example" };
    const port = fx.server.port;
    const made = await raw(
      port,
      "POST",
      `/?X-Amz-Credential=${CREDENTIAL}`,
      { ...host, "content-type": FORM },
      ec2Form("CreateKeyPair", "&KeyName=rebound"),
    );
    assert.equal(made.status, 403);
    assert.equal((await raw(port, "POST", "/_imagelite/reset", host)).status, 403);
    const clock = await raw(
      port,
      "POST",
      "/_imagelite/clock",
      { ...host, "content-type": "application/json" },
      '{"advanceSeconds":31536000}',
    );
    assert.equal(clock.status, 403);
    const pairs = await fx.ec2().send(new DescribeKeyPairsCommand({}));
    assert.deepEqual(
      pairs.KeyPairs?.map((k) => k.KeyName),
      ["kept"],
    );
    assert.equal(fx.server.clock.now().getTime(), TEST_START);
  });

  test("names that cannot be rebound are answered: IP literals, localhost and *.localhost, the bound address, this machine's name", async () => {
    const port = fx.server.port;
    for (const host of [
      `127.0.0.1:${port}`,
      "127.0.0.1",
      `localhost:${port}`,
      `LOCALHOST:${port}`,
      `imagelite.localhost:${port}`,
      `[::1]:${port}`,
      "[fe80::1]",
      `192.168.10.20:${port}`,
      `${hostname()}:${port}`,
    ]) {
      const c = calls(port, { host });
      assert.equal((await c.admin()).status, 200, host);
      assert.equal((await c.ec2()).status, 200, host);
    }
  });

  test("names that could be rebound, or that are malformed, are refused", async () => {
    const port = fx.server.port;
    for (const host of [
      "evil.example",
      "localhost.evil.example",
      "127.0.0.1.nip.io",
      "localhost.",
      `localhost:${port}x`,
      "[::1",
      "0x7f.1",
      "",
    ]) {
      const a = await raw(port, "GET", "/_imagelite/health", { host });
      assert.equal(a.status, 403, JSON.stringify(host));
      assert.equal(codeOf(a), "HostNotAllowed");
    }
  });

  test("the SDK that reaches imagelite by a name it was not told of gets the refusal and what to do", async () => {
    const client = ec2ByName("imagelite-service", fx.server.port);
    try {
      const e = await rejection(() => client.send(new DescribeKeyPairsCommand({})));
      assert.equal(e.name, "UnauthorizedOperation");
      assert.equal(e.$metadata?.httpStatusCode, 403);
      assert.match(e.message, /--allow-host imagelite-service/);
    } finally {
      client.destroy();
    }
  });
});

/** An HTTP forward proxy that sends every request to imagelite, Host unchanged: a client that names it as it likes. */
async function forwardingProxy(port: number): Promise<Server> {
  const proxy = createServer((req, res) => {
    const url = new URL(req.url!);
    const upstream = request(
      { host: "127.0.0.1", port, method: req.method, path: url.pathname + url.search, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode!, r.headers);
        r.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  return proxy;
}

function awsCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_") && !/_proxy$/i.test(k)));
    const child = spawn("aws", ["--output", "json", ...args], {
      env: {
        ...clean,
        AWS_ACCESS_KEY_ID: ACCOUNT_A,
        AWS_SECRET_ACCESS_KEY: "x",
        AWS_DEFAULT_REGION: REGION,
        AWS_CONFIG_FILE: "/dev/null",
        AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
        AWS_EC2_METADATA_DISABLED: "true",
        AWS_PAGER: "",
        AWS_MAX_ATTEMPTS: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c));
    child.stderr.on("data", (c: Buffer) => (stderr += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("--allow-host", () => {
  const fx = useServer({ allowHosts: ["evil.example", "imagelite"] });
  let proxy: Server;
  before(async () => {
    proxy = await forwardingProxy(fx.server.port);
  });
  after(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

  test("an allowed name is answered by every service and the admin routes", async () => {
    const c = calls(fx.server.port, { host: `evil.example:${fx.server.port}` });
    for (const call of Object.values(c)) assert.equal((await call()).status, 200);
    // Only the names given: another is still refused.
    assert.equal((await calls(fx.server.port, { host: "other.example" }).admin()).status, 403);
  });

  test("the AWS SDK and the AWS CLI reach imagelite by an allowed name, as clients of a docker compose service do", async () => {
    const client = ec2ByName("imagelite", fx.server.port);
    try {
      await client.send(new CreateKeyPairCommand({ KeyName: "from-the-sdk" }));
    } finally {
      client.destroy();
    }
    const r = await awsCli(["--endpoint-url", `http://imagelite:${fx.server.port}`, "ec2", "describe-key-pairs"], {
      HTTP_PROXY: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      NO_PROXY: "",
    });
    assert.equal(r.code, 0, r.stderr);
    const names = (JSON.parse(r.stdout) as { KeyPairs: { KeyName: string }[] }).KeyPairs.map((k) => k.KeyName);
    assert.deepEqual(names, ["from-the-sdk"]);
  });
});

describe("--allow-host *", () => {
  const fx = useServer({ allowHosts: ["*"] });
  test("answers any host name", async () => {
    assert.equal((await calls(fx.server.port, { host: "anything.example" }).ec2()).status, 200);
  });
});

describe("cross-site requests", () => {
  const fx = useServer();
  let own: string;
  beforeEach(() => {
    own = `127.0.0.1:${fx.server.port}`;
  });

  test("another origin's request is refused everywhere, a same-site one (localhost:3000 → localhost:4566) too", async () => {
    const port = fx.server.port;
    for (const origin of ["https://evil.example", `http://127.0.0.1:${port + 1}`, `http://localhost:${port}`, "null"]) {
      await assertRefusedEverywhere(port, { host: own, origin, "sec-fetch-site": "cross-site" }, "CrossSiteRequest", /other origins/);
    }
    await assertRefusedEverywhere(
      port,
      { host: `localhost:${port}`, origin: "http://localhost:3000", "sec-fetch-site": "same-site" },
      "CrossSiteRequest",
      /--allow-origin http:\/\/localhost:3000 \(IMAGELITE_ALLOW_ORIGIN\)/,
    );
  });

  test("a page's request without Origin (an image, a GET fetch) is refused when the browser marks it cross-site or same-site", async () => {
    const port = fx.server.port;
    for (const site of ["cross-site", "same-site"]) {
      await assertRefusedEverywhere(
        port,
        { host: own, "sec-fetch-site": site, "sec-fetch-mode": "no-cors" },
        "CrossSiteRequest",
        /other sites/,
      );
      const get = await raw(port, "GET", `/?${ec2Form("CreateKeyPair", "&KeyName=by-image")}&X-Amz-Credential=${CREDENTIAL}`, {
        host: own,
        "sec-fetch-site": site,
        "sec-fetch-mode": "no-cors",
        "sec-fetch-dest": "image",
      });
      assert.equal(get.status, 403);
      assert.equal(codeOf(get), "UnauthorizedOperation");
    }
    assert.deepEqual((await fx.ec2().send(new DescribeKeyPairsCommand({}))).KeyPairs, []);
  });

  test("the page's own requests are answered: same origin (http and https behind a proxy), and the browser's own navigations", async () => {
    const port = fx.server.port;
    const pages: Record<string, string>[] = [
      { host: own, origin: `http://${own}`, "sec-fetch-site": "same-origin" },
      { host: `localhost:${port}`, origin: `http://localhost:${port}`, "sec-fetch-site": "same-origin" },
      { host: "127.0.0.1", origin: "https://127.0.0.1", "sec-fetch-site": "same-origin" },
      { host: own, "sec-fetch-site": "same-origin" },
      { host: own, "sec-fetch-site": "none", "sec-fetch-mode": "navigate" },
    ];
    for (const headers of pages) {
      for (const call of Object.values(calls(port, headers))) assert.equal((await call()).status, 200, JSON.stringify(headers));
    }
  });

  test("a link from another site opens the dashboard, but no other route and no API call", async () => {
    const port = fx.server.port;
    const link = { host: own, "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" };
    const page = await raw(port, "GET", "/_imagelite/ui/", link);
    assert.notEqual(page.status, 403);
    assert.equal((await raw(port, "GET", "/_imagelite/state", link)).status, 403);
    const api = await raw(port, "GET", `/?${ec2Form("CreateKeyPair", "&KeyName=by-link")}&X-Amz-Credential=${CREDENTIAL}`, link);
    assert.equal(api.status, 403);
    assert.equal((await raw(port, "POST", "/_imagelite/ui/", { ...link, origin: "https://evil.example" })).status, 403);
  });

  test("a preflight of an origin not allowed is refused and says nothing of CORS", async () => {
    const a = await raw(fx.server.port, "OPTIONS", "/_imagelite/clock", {
      host: own,
      origin: "https://evil.example",
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type",
    });
    assert.equal(a.status, 403);
    assert.equal(a.headers["access-control-allow-origin"], undefined);
  });
});

describe("--allow-origin", () => {
  const APP = "http://localhost:3000";
  const fx = useServer({ allowOrigins: [APP] });
  let own: string;
  beforeEach(() => {
    own = `127.0.0.1:${fx.server.port}`;
  });

  test("a preflight of the allowed origin is answered with what it may send", async () => {
    const a = await raw(fx.server.port, "OPTIONS", "/", {
      host: own,
      origin: APP,
      "sec-fetch-site": "cross-site",
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type,x-amz-date,x-amz-target,amz-sdk-invocation-id",
      "access-control-request-private-network": "true",
    });
    assert.equal(a.status, 204);
    assert.equal(a.headers["access-control-allow-origin"], APP);
    assert.match(String(a.headers["access-control-allow-methods"]), /POST/);
    assert.equal(a.headers["access-control-allow-headers"], "authorization,content-type,x-amz-date,x-amz-target,amz-sdk-invocation-id");
    assert.equal(a.headers["access-control-allow-private-network"], "true");
    assert.match(String(a.headers.vary), /origin/);
    // A header list that is not one is not echoed.
    const odd = await raw(fx.server.port, "OPTIONS", "/", {
      host: own,
      origin: APP,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type; x=y",
    });
    assert.equal(odd.status, 204);
    assert.equal(odd.headers["access-control-allow-headers"], undefined);
  });

  test("the allowed origin's calls are answered with CORS headers that let its SDK read the request id", async () => {
    const headers = { host: own, origin: APP, "sec-fetch-site": "cross-site" };
    for (const [name, call] of Object.entries(calls(fx.server.port, headers))) {
      const a = await call();
      assert.equal(a.status, 200, name);
      assert.equal(a.headers["access-control-allow-origin"], APP, name);
      assert.match(String(a.headers["access-control-expose-headers"]), /x-amzn-requestid/);
      assert.equal(a.headers.vary, "origin");
    }
    // Another port is another origin.
    const other = await calls(fx.server.port, { host: own, origin: "http://localhost:3001" }).admin();
    assert.equal(other.status, 403);
  });

  test("an SDK's call, without Origin, carries no CORS header", async () => {
    const a = await calls(fx.server.port, { host: own }).ec2();
    assert.equal(a.status, 200);
    assert.equal(a.headers["access-control-allow-origin"], undefined);
  });
});

describe("--allow-origin as the CLI writes it", () => {
  const fx = useServer({ allowOrigins: ["HTTP://App.Example:8080/"] });
  test("is compared as the browser serializes the origin", async () => {
    const a = await calls(fx.server.port, { host: `127.0.0.1:${fx.server.port}`, origin: "http://app.example:8080" }).admin();
    assert.equal(a.status, 200);
    assert.equal(a.headers["access-control-allow-origin"], "http://app.example:8080");
  });
});
