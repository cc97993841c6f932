// node dist/scripts/bench-postgres.js [postgres://…]: what the PostgreSQL store costs, per store call and per
// API call (gateway only, no sockets), on a fresh schema that is dropped afterwards. Printed, never asserted.
import { randomBytes } from "node:crypto";
import { createApp } from "../src/runtime/app";
import { PostgresStore } from "../src/state/postgres-store";
import type { RawRequest } from "../src/protocols/protocol";
import { handleAws } from "./bench-calls";

const base = process.argv[2] ?? process.env.IMAGELITE_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";
const AUTH = "AWS4-HMAC-SHA256 Credential=111111111111/20261123/us-east-1/appstream/aws4_request, SignedHeaders=host, Signature=0";

function url(): string {
  const u = new URL(base);
  u.searchParams.set("schema", `imagelite_bench_${randomBytes(4).toString("hex")}`);
  return u.toString();
}

function time(label: string, n: number, fn: (i: number) => unknown): void {
  for (let i = 0; i < Math.min(200, n); i++) fn(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn(i);
  const micros = Number(process.hrtime.bigint() - start) / 1000 / n;
  console.log(`${label.padEnd(52)} ${micros.toFixed(0).padStart(8)} µs/call`);
}

const call = (operation: string, body: unknown): RawRequest => ({
  method: "POST",
  path: "/",
  query: new URLSearchParams(),
  headers: { "x-amz-target": `PhotonAdminProxyService.${operation}`, "content-type": "application/x-amz-json-1.1", authorization: AUTH },
  body: Buffer.from(JSON.stringify(body)),
});

function dropSchema(s: PostgresStore): void {
  // Through the store's own connection: a transaction whose only statement is the DROP.
  (s as unknown as { link: { run(steps: { text: string }[]): unknown } }).link.run([{ text: `DROP SCHEMA "${s.target.schema}" CASCADE` }]);
}

let started = process.hrtime.bigint();
const s = new PostgresStore(url());
console.log(`open (worker, connection, migration of a fresh schema)      ${Number(process.hrtime.bigint() - started) / 1e6} ms`);
const P = { account: "111111111111", region: "us-east-1" };
s.put("bench.x", P, "a", { n: 0 });
console.log("\nstore calls");
time("get (outside a transaction)", 3000, () => s.get("bench.x", P, "a"));
time("put (outside a transaction)", 3000, (i) => s.put("bench.x", P, `p${i % 500}`, { n: i }));
time("transaction: get, then put", 2000, () =>
  s.transaction(() => s.put("bench.x", P, "a", { n: s.get<{ n: number }>("bench.x", P, "a")!.n + 1 })),
);
time("transaction: 5 gets (1 read, 4 remembered), list, 2 puts", 2000, () =>
  s.transaction(() => {
    for (let k = 0; k < 5; k++) s.get("bench.x", P, "a");
    s.list("bench.x", P, { limit: 10 });
    s.put("bench.x", P, "a", { n: 1 });
    s.put("bench.x", P, "b", { n: 1 });
  }),
);
time("transaction that only writes (one round trip)", 2000, (i) => s.transaction(() => s.put("bench.x", P, `w${i % 500}`, { n: i })));
dropSchema(s);
s.close();

started = process.hrtime.bigint();
const app = createApp({ store: url(), log: false, transitionSeconds: 0 });
console.log(`\ncreateApp on a fresh schema                                 ${Number(process.hrtime.bigint() - started) / 1e6} ms`);
const g = app.gateway;
for (let i = 0; i < 500; i++) {
  const r = handleAws(
    g,
    call("CreateFleet", {
      Name: `fleet-${String(i).padStart(5, "0")}`,
      ImageName: "AppStream-WinServer2022-11-10-2025",
      InstanceType: "stream.standard.small",
      ComputeCapacity: { DesiredInstances: 1 },
    }),
  );
  if (r.status !== 200) throw new Error(r.body);
}
console.log("\nserver time per call (PostgreSQL store, 500 fleets stored)");
const one = call("DescribeFleets", { Names: ["fleet-00100"] });
time("DescribeFleets one name", 2000, () => handleAws(g, one));
time("DescribeFleets first page", 500, () => handleAws(g, call("DescribeFleets", {})));
time("TagResource (a write)", 2000, (n) =>
  handleAws(g, call("TagResource", { ResourceArn: "arn:aws:appstream:us-east-1:111111111111:fleet/fleet-00001", Tags: { k: String(n) } })),
);
time("CreateFleet", 500, (n) =>
  handleAws(
    g,
    call("CreateFleet", {
      Name: `more-${n}`,
      ImageName: "AppStream-WinServer2022-11-10-2025",
      InstanceType: "stream.standard.small",
      ComputeCapacity: { DesiredInstances: 1 },
    }),
  ),
);
dropSchema(app.store as PostgresStore);
app.close();
