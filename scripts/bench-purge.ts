// node dist/scripts/bench-purge.js: what 5,000 RegisterImage/DeregisterImage pairs leave behind. Prints the
// time of a pair, the records left once the deregistered phase is over, and the p50/p90 server time of
// DescribeImages Owners=amazon before and after the pairs: for the memory and SQLite stores with 2-second
// phases (nothing is gone before the clock moves on), and with 0-second ones (each call finds the pair
// before it gone). Numbers are printed, never asserted.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../src/runtime/app";
import type { RawRequest } from "../src/protocols/protocol";
import { handleAws } from "./bench-calls";

const PAIRS = Number(process.env.PAIRS ?? 5000);
const SAMPLES = 2000;
const AUTH = "AWS4-HMAC-SHA256 Credential=111111111111/20261123/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0";

function ec2(params: Record<string, string>): RawRequest {
  return {
    method: "POST",
    path: "/",
    query: new URLSearchParams(),
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: AUTH },
    body: Buffer.from(new URLSearchParams({ Version: "2016-11-15", ...params }).toString()),
  };
}

function percentiles(label: string, fn: () => void): void {
  for (let i = 0; i < 200; i++) fn();
  const micros: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = process.hrtime.bigint();
    fn();
    micros.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  micros.sort((a, b) => a - b);
  const at = (q: number) => (micros[Math.floor(q * (micros.length - 1))] / 1000).toFixed(3);
  console.log(`  ${label.padEnd(48)} p50 ${at(0.5).padStart(7)} ms   p90 ${at(0.9).padStart(7)} ms`);
}

function run(store: "memory" | "sqlite", transitionSeconds: number): void {
  const dir = mkdtempSync(join(tmpdir(), "imagelite-bench-purge-"));
  const app = createApp({ inMemory: store === "memory", dataDir: dir, log: false, clock: "manual", transitionSeconds });
  try {
    const call = (params: Record<string, string>) => {
      const r = handleAws(app.gateway, ec2(params));
      if (r.status !== 200) throw new Error(r.body);
      return r.body;
    };
    const describe = () => call({ Action: "DescribeImages", "Owner.1": "amazon" });
    console.log(`\n${store} store, ${transitionSeconds}-second phases`);
    percentiles("DescribeImages Owners=amazon, no AMIs", describe);
    const started = process.hrtime.bigint();
    for (let i = 0; i < PAIRS; i++) {
      const body = call({
        Action: "RegisterImage",
        Name: `pair-${i}`,
        Architecture: "x86_64",
        VirtualizationType: "hvm",
        RootDeviceName: "/dev/xvda",
        "BlockDeviceMapping.1.DeviceName": "/dev/xvda",
        "BlockDeviceMapping.1.Ebs.VolumeSize": "8",
      });
      call({ Action: "DeregisterImage", ImageId: /<imageId>([^<]+)</.exec(body)![1] });
    }
    console.log(
      `  ${PAIRS} RegisterImage/DeregisterImage pairs: ${(Number(process.hrtime.bigint() - started) / 1e6 / PAIRS).toFixed(3)} ms a pair`,
    );
    app.clock.advance(3600);
    percentiles(`DescribeImages Owners=amazon, ${PAIRS} pairs later`, describe);
    console.log(`  records left in the store: ${app.store.dump().filter((r) => !r.type.startsWith("imagelite.")).length}`);
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

run("memory", 2);
run("sqlite", 2);
run("sqlite", 0);
