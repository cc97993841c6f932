// A real browser attack: pages of another site (localhost → 127.0.0.1) and of another origin on the same site
// (127.0.0.1, another port) send imagelite what any web page can send without reading the answer (no-cors
// fetches, an image, a form posted into a frame) to reset the state, move the clock a year, and make a key
// pair and a security group in an account named by X-Amz-Credential in the URL, and try to frame the
// dashboard. Every request reaches imagelite and is refused, and nothing changes. A browser app of an origin
// the operator allowed calls imagelite through CORS (preflights included) and reads the answers.
import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CreateKeyPairCommand, DescribeKeyPairsCommand, DescribeSecurityGroupsCommand } from "@aws-sdk/client-ec2";
import { ACCOUNT_A, REGION, TEST_START, useServer, type ServerFixture } from "../support/server";
import type { RequestLine } from "../../src/gateway/request-log";
import { openBrowser, type Browser } from "./support/browser";

const CREDENTIAL = encodeURIComponent(`${ACCOUNT_A}/20261123/${REGION}/ec2/aws4_request`);
const YEAR = 365 * 24 * 3600;

/** What a hostile page does with imagelite at `target`; its title becomes "done" once every attempt has ended. */
const attackPage = (target: string) => `<!doctype html>
<title>loading</title>
<form id="form" method="POST" action="${target}/?X-Amz-Credential=${CREDENTIAL}" target="sink">
  <input name="Action" value="CreateSecurityGroup" /><input name="Version" value="2016-11-15" />
  <input name="GroupName" value="from-a-form" /><input name="GroupDescription" value="made by a web page" />
</form>
<iframe name="sink"></iframe>
<iframe id="framed"></iframe>
<script>
  const t = ${JSON.stringify(target)};
  const cred = ${JSON.stringify(CREDENTIAL)};
  const ec2 = (query) => t + "/?" + query + "&X-Amz-Credential=" + cred;
  const loaded = (element, start) => new Promise((done) => { element.onload = element.onerror = done; start(element); });
  Promise.allSettled([
    fetch(t + "/_imagelite/reset", { method: "POST", mode: "no-cors" }),
    fetch(t + "/_imagelite/clock", { method: "POST", mode: "no-cors", body: JSON.stringify({ advanceSeconds: ${YEAR} }) }),
    fetch(t + "/?X-Amz-Credential=" + cred, {
      method: "POST",
      mode: "no-cors",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=CreateKeyPair&Version=2016-11-15&KeyName=from-a-post",
    }),
    fetch(ec2("Action=CreateKeyPair&Version=2016-11-15&KeyName=from-a-get"), { mode: "no-cors" }),
    fetch(t + "/_imagelite/state"),
    loaded(new Image(), (image) => { image.src = ec2("Action=CreateKeyPair&Version=2016-11-15&KeyName=from-an-image"); }),
    loaded(document.getElementsByName("sink")[0], () => document.getElementById("form").submit()),
    loaded(document.getElementById("framed"), () => { document.getElementById("framed").src = t + "/_imagelite/ui/"; }),
  ]).then(() => { document.title = "done"; });
</script>`;

/** A browser app of an allowed origin: a preflighted admin call and a preflighted EC2 call, whose answers it reads. */
const appPage = (target: string) => `<!doctype html>
<title>loading</title>
<script>
  (async () => {
    const t = ${JSON.stringify(target)};
    const result = {};
    try {
      const clock = await fetch(t + "/_imagelite/clock", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ advanceSeconds: 60 }),
      });
      result.clock = { status: clock.status, body: await clock.json() };
      const key = await fetch(t + "/?X-Amz-Credential=${CREDENTIAL}", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-amz-date": "20261123T120000Z" },
        body: "Action=CreateKeyPair&Version=2016-11-15&KeyName=from-the-app",
      });
      result.key = { status: key.status, requestId: key.headers.get("x-amzn-requestid"), body: await key.text() };
    } catch (e) {
      result.error = String(e);
    }
    window.result = result;
    document.title = "done";
  })();
</script>`;

/** A second HTTP server, on another port, serving `html(imagelite's endpoint)` at /. */
async function pageServer(html: () => string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url !== "/") {
      res.writeHead(404).end();
      return;
    }
    const body = html();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

/** Request lines imagelite logs while `fn` runs. */
async function requestLines(fx: ServerFixture, fn: () => Promise<void>): Promise<RequestLine[]> {
  const log = fx.server.app.log;
  const keep = log.request;
  const lines: RequestLine[] = [];
  log.request = (line) => lines.push(line);
  try {
    await fn();
  } finally {
    log.request = keep;
  }
  return lines;
}

describe("a hostile web page", () => {
  const fx = useServer();
  let browser: Browser;
  let pages: Server;
  before(async () => {
    browser = await openBrowser();
    pages = await pageServer(() => attackPage(fx.server.endpoint));
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => pages?.close(resolve));
  });
  afterEach(() => {
    browser.urls.length = 0;
  });

  for (const [kind, pageHost] of [
    ["of another site", "localhost"],
    ["of another origin on the same site", "127.0.0.1"],
  ]) {
    test(`${kind} reaches imagelite and is refused: no reset, no clock move, no key pair, no security group, no frame`, async () => {
      const ec2 = fx.ec2();
      await ec2.send(new CreateKeyPairCommand({ KeyName: "kept" }));
      const page = await browser.page();
      const lines = await requestLines(fx, async () => {
        await page.goto(`http://${pageHost}:${portOf(pages)}/`);
        await page.waitForFunction('document.title === "done"');
      });
      await page.close();

      // Every attempt arrived and was refused with 403 (the framed dashboard's page only was served, to a frame that shows nothing).
      const refused = lines.filter((l) => l.status === 403).map((l) => `${l.service} ${l.operation} ${l.error}`);
      assert.deepEqual(refused.sort(), [
        "admin GET /_imagelite/state CrossSiteRequest",
        "admin POST /_imagelite/clock CrossSiteRequest",
        "admin POST /_imagelite/reset CrossSiteRequest",
        "ec2 CreateKeyPair UnauthorizedOperation",
        "ec2 CreateKeyPair UnauthorizedOperation",
        "ec2 CreateKeyPair UnauthorizedOperation",
        "ec2 CreateSecurityGroup UnauthorizedOperation",
      ]);
      assert.deepEqual(
        lines.filter((l) => l.status !== 403).map((l) => `${l.service} ${l.operation} ${l.status}`),
        ["admin GET /_imagelite/ui/ 200"],
      );
      // The dashboard refused to be framed: its script never loaded.
      assert.ok(browser.urls.includes(`${fx.server.endpoint}/_imagelite/ui/`), "the frame asked for the dashboard");
      assert.ok(!browser.urls.some((u) => u.endsWith("/_imagelite/ui/main.js")), "the framed dashboard never ran");

      assert.deepEqual(
        (await ec2.send(new DescribeKeyPairsCommand({}))).KeyPairs?.map((k) => k.KeyName),
        ["kept"],
      );
      const groups = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["from-a-form"] }] }));
      assert.deepEqual(groups.SecurityGroups, []);
      assert.equal(fx.server.clock.now().getTime(), TEST_START);
    });
  }
});

describe("a browser app of an allowed origin", () => {
  let browser: Browser;
  let pages: Server;
  before(async () => {
    browser = await openBrowser();
    pages = await pageServer(() => appPage(fx.server.endpoint));
  });
  const fx = useServer(() => ({ allowOrigins: [`http://localhost:${portOf(pages)}`] }));
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => pages?.close(resolve));
  });

  const run = async (origin: string) => {
    const page = await browser.page();
    await page.goto(`${origin}/`);
    await page.waitForFunction('document.title === "done"');
    const result = await page.evaluate("window.result");
    await page.close();
    return result as {
      clock?: { status: number; body: { now: string } };
      key?: { status: number; requestId: string | null; body: string };
      error?: string;
    };
  };

  test("calls the admin routes and EC2 through CORS, preflights included, and reads the answers and the request id", async () => {
    const result = await run(`http://localhost:${portOf(pages)}`);
    assert.equal(result.error, undefined);
    assert.equal(result.clock?.status, 200);
    assert.equal(Date.parse(result.clock!.body.now), TEST_START + 60_000);
    assert.equal(result.key?.status, 200);
    assert.match(result.key!.body, /<keyName>from-the-app<\/keyName>/);
    assert.match(result.key!.requestId ?? "", /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      (await fx.ec2().send(new DescribeKeyPairsCommand({}))).KeyPairs?.map((k) => k.KeyName),
      ["from-the-app"],
    );
  });

  test("the same app served from an origin not allowed reads nothing and changes nothing", async () => {
    const result = await run(`http://127.0.0.1:${portOf(pages)}`);
    assert.match(result.error ?? "", /TypeError/);
    assert.equal(result.clock, undefined);
    assert.equal(fx.server.clock.now().getTime(), TEST_START);
    assert.deepEqual((await fx.ec2().send(new DescribeKeyPairsCommand({}))).KeyPairs, []);
  });
});
