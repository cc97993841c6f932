// End to end on PostgreSQL: client suites of boto3 and the AWS CLI (test/python) against a server whose store
// is a fresh PostgreSQL schema, as python-clients.test.ts runs them against the in-memory store.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { resetTestServer, startTestServer } from "../support/server";
import { postgresSchemas } from "../support/postgres";

const schemas = postgresSchemas();
const pythonDir = join(resolve(__dirname, "..", "..", ".."), "test", "python");

/** Runs a Python test module without blocking the event loop (the server answers from this very process). */
function unittest(module: string, endpoint: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn("python3", ["-m", "unittest", "-v", module], {
      cwd: pythonDir,
      env: { ...process.env, IMAGELITE_ENDPOINT: endpoint, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    const timer = setTimeout(() => child.kill("SIGKILL"), 240_000);
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, output: Buffer.concat(chunks).toString("utf8") });
    });
  });
}

describe("client suites against a server on PostgreSQL", () => {
  for (const module of ["test_ec2_image_lifecycle_clients"]) {
    test(module, { timeout: 250_000 }, async () => {
      const server = await startTestServer({ store: schemas.url() });
      try {
        resetTestServer(server);
        const r = await unittest(module, server.endpoint);
        assert.equal(r.code, 0, `python3 -m unittest ${module} exited with ${r.code}:\n${r.output}`);
      } finally {
        await server.stop();
      }
    });
  }
});
