// --allow-host and --allow-origin as the CLI reads them (flags, repeated or comma-separated, over the
// IMAGELITE_* variables), refused when malformed; a server listening on every address says at start which
// names its clients may use, answers the names allowed and explains a refusal in its log.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { hostname } from "node:os";
import { configFrom } from "../src/runtime/cli";
import { cliScope } from "./support/cli";

function status(endpoint: string, host: string): Promise<number> {
  const url = new URL(`${endpoint}/_imagelite/health`);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, headers: { host }, setHost: false }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("--allow-host and --allow-origin", () => {
  const cli = cliScope();
  after(() => cli.cleanup());

  it("take repeated flags and comma-separated lists, the flag over the variable, origins as browsers write them", () => {
    assert.deepEqual(configFrom([], {}).allowHosts, []);
    assert.deepEqual(configFrom(["--allow-host", "imagelite, ci-runner", "--allow-host", "*"], {}).allowHosts, [
      "imagelite",
      "ci-runner",
      "*",
    ]);
    assert.deepEqual(configFrom([], { IMAGELITE_ALLOW_HOST: "imagelite,,other" }).allowHosts, ["imagelite", "other"]);
    assert.deepEqual(configFrom(["--allow-host", "flag"], { IMAGELITE_ALLOW_HOST: "variable" }).allowHosts, ["flag"]);
    assert.deepEqual(
      configFrom(["--allow-origin", "HTTP://LocalHost:3000/", "--allow-origin", "https://app.example:443"], {}).allowOrigins,
      ["http://localhost:3000", "https://app.example"],
    );
    assert.deepEqual(configFrom([], { IMAGELITE_ALLOW_ORIGIN: "http://a.example,http://b.example:8080" }).allowOrigins, [
      "http://a.example",
      "http://b.example:8080",
    ]);
  });

  it("refuse a host with a port or a scheme, and an origin with a path or without a scheme", async () => {
    for (const [flag, value, says] of [
      ["--allow-host", "imagelite:4566", /--allow-host must be a host name/],
      ["--allow-host", "http://imagelite", /--allow-host must be a host name/],
      ["--allow-origin", "localhost:3000", /--allow-origin must be an origin/],
      ["--allow-origin", "http://localhost:3000/app", /--allow-origin must be an origin/],
      ["--allow-origin", "*", /--allow-origin must be an origin/],
    ] as const) {
      const r = await cli.run(["--in-memory", flag, value]);
      assert.equal(r.code, 2, `${flag} ${value}`);
      assert.match(r.stderr, says);
    }
  });

  it("on every address: says which names clients may use, answers the allowed ones and explains a refusal", async () => {
    const server = await cli.start(cli.tempDir(), ["--host", "0.0.0.0", "--allow-host", "imagelite"]);
    assert.match(
      server.stderr(),
      new RegExp(`by IP address, localhost or .*${hostname()}.*imagelite.*--allow-host NAME \\(IMAGELITE_ALLOW_HOST=NAME\\)`),
    );
    const port = new URL(server.endpoint).port;
    assert.equal(await status(server.endpoint, `imagelite:${port}`), 200);
    assert.equal(await status(server.endpoint, `${hostname()}:${port}`), 200);
    assert.equal(await status(server.endpoint, `localhost:${port}`), 200);
    assert.equal(await status(server.endpoint, `compose-service:${port}`), 403);
    // The log says what to do, even with the request log off.
    for (let i = 0; i < 100 && !server.stderr().includes("compose-service"); i++) await new Promise((r) => setTimeout(r, 20));
    assert.match(server.stderr(), /"compose-service".*--allow-host compose-service \(IMAGELITE_ALLOW_HOST\)/);
  });
});
