// Drives an in-process imagelite with the clients people actually use from Python: boto3 and the AWS CLI.
// Each Python file (test/python/test_*.py) talks to its own server at IMAGELITE_ENDPOINT and moves that
// server's manual clock itself through /_imagelite/clock.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
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

/**
 * The Python files run in PROCESSES groups side by side, the files of a group one after the other in one Python
 * process (test/python/run_modules.py), which loads boto3 and the AWS CLI once. Each file has a server of its own,
 * so that it sees only its own resources and moves only its own clock. Larger files are spread first, so that the
 * groups take about as long.
 */
const PROCESSES = 3;
const root = repoRoot();
const dir = join(root, "test", "python");
const files = readdirSync(dir)
  .filter((f) => /^test_.*\.py$/.test(f))
  .sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size || a.localeCompare(b));
const groups: string[][] = Array.from({ length: PROCESSES }, () => []);
files.forEach((f, i) => groups[i % PROCESSES].push(f.replace(/\.py$/, "")));

describe("boto3 and the AWS CLI against imagelite (test/python/test_*.py)", { concurrency: PROCESSES }, () => {
  for (const modules of groups.filter((g) => g.length)) {
    test(modules.join(", "), { timeout: 1_210_000 }, async () => {
      const servers = await Promise.all(modules.map(() => startTestServer()));
      try {
        for (const server of servers) resetTestServer(server);
        const env: NodeJS.ProcessEnv = { ...process.env, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1" };
        // Module names, not paths: `test/python/x.py` would name the module test.python.x, and CPython's own `test`
        // package shadows this repository's test/.
        const args = modules.map((m, i) => `${m}=${servers[i].endpoint}`);
        const r = await run("python3", ["run_modules.py", ...args], dir, env, 1_200_000);
        assert.equal(r.code, 0, `python3 run_modules.py ${modules.join(" ")} exited with ${r.code ?? r.signal}:\n${r.output}`);
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    });
  }
});
