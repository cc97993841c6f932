// `--port 0` lets the system choose a port: the start-up line names the one bound, so that a script can use it.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";

const CLI = join(__dirname, "..", "..", "bin", "imagelite.js");

describe("the CLI on --port 0", () => {
  const child = spawn(process.execPath, [CLI, "--in-memory", "--port", "0"], { stdio: ["ignore", "pipe", "ignore"] });
  after(() => {
    child.kill("SIGKILL");
  });

  it("says which port it listens on, and answers there", async () => {
    let out = "";
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start-up line: ${out}`)), 10_000);
      child.stdout!.setEncoding("utf8").on("data", (s: string) => {
        out += s;
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+) /.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
    assert.ok(port > 0, out);
    const res = await fetch(`http://127.0.0.1:${port}/_imagelite/health`);
    assert.equal(res.status, 200);
    await res.body?.cancel();
  });
});
