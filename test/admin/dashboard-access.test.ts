// Who reaches the dashboard and its files: the routes follow the other admin routes' rules (--admin off turns
// them and the page off; --auth strict asks for the admin token, except for the page's own files); the files
// come from the built directory only, with their content types and caching, and a browser opening "/" is sent
// to the page.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Imagelite } from "../../src/index";
import { startTestServer } from "../support/server";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request with its path sent exactly as written (fetch would resolve `..` before sending it). */
function raw(server: Imagelite, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, path, method: "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const json = (a: Answer) => JSON.parse(a.body.toString("utf8")) as { code: string; message: string };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10]);
const ROUTES = [
  "/_imagelite/resources/kinds",
  "/_imagelite/resources/accounts",
  "/_imagelite/resources?kind=ec2.image",
  "/_imagelite/requests",
];

describe("dashboard files", () => {
  let dir: string;
  let ui: string;
  let server: Imagelite;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "imagelite-ui-"));
    ui = join(dir, "ui");
    mkdirSync(join(ui, "assets"), { recursive: true });
    writeFileSync(join(ui, "index.html"), "<!doctype html><title>imagelite</title>");
    writeFileSync(join(ui, "assets", "app-3f9a2c1b.js"), "console.log('dashboard');");
    writeFileSync(join(ui, "style.css"), "body { margin: 0 }");
    writeFileSync(join(ui, "logo.png"), PNG);
    writeFileSync(join(dir, "secret.txt"), "SECRET");
    symlinkSync(join(dir, "secret.txt"), join(ui, "link.txt"));
    server = await startTestServer({ uiDir: ui });
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves index.html, uncached, at /_imagelite/ui/, and sends /_imagelite/ui there", async () => {
    const index = await raw(server, "/_imagelite/ui/");
    assert.equal(index.status, 200);
    assert.equal(index.headers["content-type"], "text/html; charset=utf-8");
    assert.equal(index.headers["cache-control"], "no-cache");
    assert.match(index.body.toString(), /<title>imagelite<\/title>/);
    const bare = await raw(server, "/_imagelite/ui");
    assert.equal(bare.status, 302);
    assert.equal(bare.headers.location, "/_imagelite/ui/");
    // A page of the dashboard's own (no extension, no file) is its index.html.
    const page = await raw(server, "/_imagelite/ui/requests");
    assert.equal(page.status, 200);
    assert.match(page.body.toString(), /<title>/);
  });

  it("sends its pages with a Content-Security-Policy, refuses framing, and keeps its address from other sites", async () => {
    for (const path of [
      "/_imagelite/ui/",
      "/_imagelite/ui/requests",
      "/_imagelite/ui/assets/app-3f9a2c1b.js",
      "/_imagelite/ui/style.css",
    ]) {
      const a = await raw(server, path);
      assert.equal(a.status, 200, path);
      const csp = String(a.headers["content-security-policy"]);
      // Only its own files run: no inline script, no eval, nothing from elsewhere; no page may frame it.
      assert.match(csp, /(^|; )default-src 'none'(;|$)/, path);
      assert.match(csp, /(^|; )script-src 'self'(;|$)/, path);
      assert.match(csp, /(^|; )connect-src 'self'(;|$)/, path);
      assert.match(csp, /(^|; )frame-ancestors 'none'(;|$)/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.equal(a.headers["x-frame-options"], "DENY", path);
      assert.equal(a.headers["x-content-type-options"], "nosniff", path);
      assert.equal(a.headers["referrer-policy"], "no-referrer", path);
    }
  });

  it("serves built files with their content types, hashed ones cached for a year", async () => {
    const js = await raw(server, "/_imagelite/ui/assets/app-3f9a2c1b.js");
    assert.equal(js.status, 200);
    assert.equal(js.headers["content-type"], "text/javascript; charset=utf-8");
    assert.equal(js.headers["cache-control"], "public, max-age=31536000, immutable");
    const css = await raw(server, "/_imagelite/ui/style.css");
    assert.equal(css.headers["content-type"], "text/css; charset=utf-8");
    assert.equal(css.headers["cache-control"], "no-cache");
    const png = await raw(server, "/_imagelite/ui/logo.png");
    assert.equal(png.headers["content-type"], "image/png");
    assert.deepEqual(png.body, PNG, "bytes as stored");
    assert.equal(png.headers["content-length"], String(PNG.length));
    const missing = await raw(server, "/_imagelite/ui/missing.js");
    assert.equal(missing.status, 404);
    assert.equal(json(missing).code, "NotFound");
  });

  it("never serves a file outside the directory", async () => {
    for (const path of [
      "/_imagelite/ui/../secret.txt",
      "/_imagelite/ui/assets/../../secret.txt",
      "/_imagelite/ui/%2e%2e/secret.txt",
      "/_imagelite/ui/.%2e/secret.txt",
      "/_imagelite/ui/..%2fsecret.txt",
      "/_imagelite/ui/assets%2f..%2f..%2fsecret.txt",
      "/_imagelite/ui/..%5csecret.txt",
      "/_imagelite/ui/%5c..%5csecret.txt",
      "/_imagelite/ui//secret.txt",
      "/_imagelite/ui/./index.html",
      "/_imagelite/ui/secret.txt%00.html",
      "/_imagelite/ui/%E0%A4%A",
      "/_imagelite/ui/link.txt",
      `/_imagelite/ui/${encodeURIComponent(join(dir, "secret.txt"))}`,
    ]) {
      const r = await raw(server, path);
      assert.ok(r.status === 400 || r.status === 404, `${path}: ${r.status}`);
      assert.doesNotMatch(r.body.toString(), /SECRET/, path);
      assert.equal(typeof json(r).code, "string", path);
    }
  });

  it("sends a browser that opens / to the dashboard, and leaves every other request at / as it was", async () => {
    const browser = await raw(server, "/", { accept: "text/html,application/xhtml+xml,*/*;q=0.8" });
    assert.equal(browser.status, 302);
    assert.equal(browser.headers.location, "/_imagelite/ui/");
    const others: Record<string, string>[] = [
      {},
      { accept: "application/json" },
      { accept: "text/html", authorization: "AWS4-HMAC-SHA256 x" },
      { accept: "text/html", "x-amz-target": "x" },
    ];
    for (const headers of others) {
      const r = await raw(server, "/", headers);
      assert.notEqual(r.status, 302, JSON.stringify(headers));
    }
    assert.notEqual((await raw(server, "/?Action=DescribeRegions", { accept: "text/html" })).status, 302);
  });
});

describe("dashboard without a build", () => {
  let server: Imagelite;
  before(async () => {
    server = await startTestServer({ uiDir: join(tmpdir(), "imagelite-no-such-ui-dir") });
  });
  after(() => server.stop());

  it("answers 404 naming npm run build", async () => {
    const r = await raw(server, "/_imagelite/ui/");
    assert.equal(r.status, 404);
    assert.equal(json(r).code, "DashboardNotBuilt");
    assert.match(json(r).message, /npm run build/);
  });
});

describe("dashboard with --admin off", () => {
  let dir: string;
  let server: Imagelite;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "imagelite-ui-"));
    writeFileSync(join(dir, "index.html"), "<!doctype html>");
    server = await startTestServer({ admin: "off", uiDir: dir });
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers 404 for every dashboard route and file, and sends no browser to it", async () => {
    for (const path of [
      ...ROUTES,
      "/_imagelite/requests/stream",
      "/_imagelite/requests/r-1",
      "/_imagelite/ui/",
      "/_imagelite/ui/index.html",
    ]) {
      const r = await raw(server, path);
      assert.equal(r.status, 404, path);
      assert.equal(json(r).code, "UnknownRoute", path);
    }
    assert.notEqual((await raw(server, "/", { accept: "text/html" })).status, 302);
  });
});

describe("dashboard with --auth strict", () => {
  let dir: string;
  let server: Imagelite;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "imagelite-ui-"));
    writeFileSync(join(dir, "index.html"), "<!doctype html>");
    server = await startTestServer({
      auth: "strict",
      adminToken: "dash-token",
      credentials: "AKIDDASHBOARD:secret:111111111111",
      uiDir: dir,
    });
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("asks for the admin token on every route, the stream included, but serves the page that asks for it", async () => {
    for (const path of [...ROUTES, "/_imagelite/requests/stream", "/_imagelite/resources/ec2.image/111111111111/us-east-1/ami-1"]) {
      const r = await raw(server, path);
      assert.equal(r.status, 401, path);
      assert.equal(json(r).code, "Unauthorized");
      const wrong = await raw(server, path, { authorization: "Bearer not-it" });
      assert.equal(wrong.status, 401, path);
    }
    for (const path of ROUTES) assert.equal((await raw(server, path, { authorization: "Bearer dash-token" })).status, 200, path);
    const page = await raw(server, "/_imagelite/ui/");
    assert.equal(page.status, 200);
  });
});
