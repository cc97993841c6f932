// Drives an in-process imagelite with the clients people actually use from Python: boto3 and the AWS CLI.
// The Python suite (test/python/test_appstream_clients.py) talks to the server at IMAGELITE_ENDPOINT and
// moves the manual clock itself through /_imagelite/clock.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Imagelite } from "../src/index";
import { useServer } from "./support/server";

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

let server: Imagelite;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
});

test("boto3 and the AWS CLI against imagelite (test/python/test_*.py)", { timeout: 180_000 }, async () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    IMAGELITE_ENDPOINT: server.endpoint,
    PYTHONUNBUFFERED: "1",
    PYTHONDONTWRITEBYTECODE: "1",
  };
  // Not `python3 -m unittest test/python/test_appstream_clients.py`: that path names the module
  // test.python.test_appstream_clients, and CPython's own `test` package shadows this repository's test/.
  const args = ["-m", "unittest", "discover", "-v", "-s", "test/python", "-t", "test/python", "-p", "test_*.py"];
  const r = await run("python3", args, repoRoot(), env, 170_000);
  assert.equal(r.code, 0, `python3 -m unittest exited with ${r.code ?? r.signal}:\n${r.output}`);
});
