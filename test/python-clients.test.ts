// Drives an in-process imagelite with the clients people actually use from Python: boto3 and the AWS CLI.
// Each Python file (test/python/test_*.py) talks to its own server at IMAGELITE_ENDPOINT and moves that
// server's manual clock itself through /_imagelite/clock.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { resetTestServer, startTestServer } from "./support/server";

/** The repository root: this file runs compiled from dist/test, the sources live in test/. */
function repoRoot(): string {
  for (let dir = __dirname, i = 0; i < 4; i++, dir = resolve(dir, "..")) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "test", "python"))) return dir;
  }
  throw new Error(`cannot find the repository root above ${__dirname}`);
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs a command without blocking the event loop (the server answers from this very process). */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Run> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolveRun({ code, signal, output: Buffer.concat(chunks).toString("utf8") });
    });
  });
}

/** Python files run side by side, each against its own server (each moves its server's clock). */
const PARALLEL = 3;
const root = repoRoot();
const files = readdirSync(join(root, "test", "python"))
  .filter((f) => /^test_.*\.py$/.test(f))
  .sort();

describe("boto3 and the AWS CLI against imagelite (test/python/test_*.py)", { concurrency: PARALLEL }, () => {
  for (const file of files) {
    const module = file.replace(/\.py$/, "");
    test(module, { timeout: 610_000 }, async () => {
      const server = await startTestServer();
      try {
        resetTestServer(server);
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          IMAGELITE_ENDPOINT: server.endpoint,
          PYTHONUNBUFFERED: "1",
          PYTHONDONTWRITEBYTECODE: "1",
        };
        // A module name, not a path: `test/python/x.py` would name the module test.python.x, and CPython's
        // own `test` package shadows this repository's test/.
        const r = await run("python3", ["-m", "unittest", "-v", module], join(root, "test", "python"), env, 600_000);
        assert.equal(r.code, 0, `python3 -m unittest ${module} exited with ${r.code ?? r.signal}:\n${r.output}`);
      } finally {
        await server.stop();
      }
    });
  }
});
