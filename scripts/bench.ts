// npm run bench: server time per call (gateway only, no sockets), start-up time, idle memory, and
// throughput over HTTP. Numbers are printed, never asserted: tests do not time anything.
import { spawnSync } from "node:child_process";
import { request, Agent } from "node:http";
import { join } from "node:path";
import { createApp } from "../src/app";
import { startImagelite } from "../src/index";
import { FAULT_LIMITS } from "../src/faults/faults";
import type { RawRequest } from "../src/protocols/protocol";

const AUTH = "AWS4-HMAC-SHA256 Credential=111111111111/20261123/us-east-1/appstream/aws4_request, SignedHeaders=host, Signature=0";

function jsonRequest(operation: string, body: unknown): RawRequest {
  return {
    method: "POST",
    path: "/",
    query: new URLSearchParams(),
    headers: { "x-amz-target": `PhotonAdminProxyService.${operation}`, "content-type": "application/x-amz-json-1.1", authorization: AUTH },
    body: Buffer.from(JSON.stringify(body)),
  };
}

function timeCalls(label: string, n: number, fn: () => unknown): void {
  for (let i = 0; i < Math.min(1000, n); i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const micros = Number(process.hrtime.bigint() - start) / 1000 / n;
  console.log(
    `${label.padEnd(52)} ${micros.toFixed(1).padStart(8)} µs/call  ${Math.round(1e6 / micros)
      .toLocaleString()
      .padStart(9)} calls/s`,
  );
}

async function serverTime(): Promise<void> {
  for (const [storeName, overrides] of [
    ["memory", { inMemory: true }],
    ["sqlite", { inMemory: false, dataDir: join(require("node:os").tmpdir(), `imagelite-bench-${process.pid}`) }],
  ] as const) {
    const app = createApp({ ...overrides, log: false, transitionSeconds: 0 });
    const g = app.gateway;
    for (let i = 0; i < 2000; i++) {
      const r = g.handleAws(
        jsonRequest("CreateFleet", {
          Name: `fleet-${String(i).padStart(5, "0")}`,
          ImageName: "AppStream-WinServer2022-11-10-2025",
          InstanceType: "stream.standard.small",
          ComputeCapacity: { DesiredInstances: 1 },
        }),
      );
      if (r.status !== 200) throw new Error(r.body);
    }
    console.log(`\nserver time per call (${storeName} store, 2,000 fleets stored)`);
    const one = jsonRequest("DescribeFleets", { Names: ["fleet-01000"] });
    timeCalls("DescribeFleets one name", 20000, () => g.handleAws(one));
    const page = jsonRequest("DescribeFleets", {});
    timeCalls("DescribeFleets first page (50 of 2,000)", 2000, () => g.handleAws(page));
    const images = jsonRequest("DescribeImages", { MaxResults: 10 });
    timeCalls("DescribeImages 10", 10000, () => g.handleAws(images));
    const invalid = jsonRequest("CreateFleet", { Name: "-bad" });
    timeCalls("CreateFleet validation error", 20000, () => g.handleAws(invalid));
    let n = 0;
    timeCalls("TagResource (a write)", 5000, () =>
      g.handleAws(
        jsonRequest("TagResource", { ResourceArn: "arn:aws:appstream:us-east-1:111111111111:fleet/fleet-00001", Tags: { k: String(n++) } }),
      ),
    );
    for (let i = 0; i < FAULT_LIMITS.rules; i++)
      app.faults.add({ service: "appstream", operation: "CreateFleet", resource: `fleet-${i}`, latencyMs: 1 });
    timeCalls(`DescribeFleets one name + ${FAULT_LIMITS.rules} CreateFleet faults`, 20000, () => g.handleAws(one));
    app.close();
  }
}

async function throughput(): Promise<void> {
  const server = await startImagelite({ log: false });
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const body = JSON.stringify({});
  const headers = {
    "x-amz-target": "PhotonAdminProxyService.DescribeFleets",
    "content-type": "application/x-amz-json-1.1",
    authorization: AUTH,
    "content-length": Buffer.byteLength(body),
  };
  const call = () =>
    new Promise<void>((resolve, reject) => {
      const req = request(`${server.endpoint}/`, { method: "POST", agent, headers }, (res) => {
        res.resume();
        res.on("end", resolve);
      });
      req.on("error", reject);
      req.end(body);
    });
  const total = 20000;
  let sent = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (sent++ < total) await call();
    }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `\nHTTP keep-alive, 16 connections, DescribeFleets: ${Math.round(total / seconds).toLocaleString()} calls/s (client in the same process)`,
  );
  agent.destroy();
  await server.stop();
}

function startup(): void {
  const cli = join(__dirname, "..", "..", "bin", "imagelite.js");
  const probe = `
    const { spawn } = require("node:child_process");
    const t0 = process.hrtime.bigint();
    const p = spawn(process.execPath, [${JSON.stringify(cli)}, "--in-memory", "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "inherit"] });
    p.stdout.on("data", () => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      setTimeout(() => {
        const rss = require("node:fs").readFileSync("/proc/" + p.pid + "/status", "utf8").match(/VmRSS:\\s+(\\d+)/)[1];
        console.log("start-up to listening: " + ms.toFixed(0) + " ms; idle RSS: " + (rss / 1024).toFixed(1) + " MB");
        p.kill();
      }, 500);
    });`;
  spawnSync(process.execPath, ["-e", probe], { stdio: "inherit" });
}

async function main(): Promise<void> {
  startup();
  await serverTime();
  await throughput();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
