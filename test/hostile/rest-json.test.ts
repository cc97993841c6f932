// Hostile input on the REST-JSON protocol (the Recycle Bin's): bodies that are not JSON objects, nested past any
// use, too large; paths that match no route, labels badly encoded or huge, query strings of thousands of
// parameters, members of the wrong type; and a generated mix of methods, paths and bodies. Each gets a client error
// in the protocol's envelope (a 4xx status, `x-amzn-ErrorType`, a JSON body with a message) in bounded time, and
// the server goes on serving: a rule made afterwards is read back.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { useServer } from "../support/server";

const SCOPE = "AWS4-HMAC-SHA256 Credential=111111111111/20261123/us-east-1/rbin/aws4_request, SignedHeaders=host, Signature=abc";

interface Reply {
  status: number;
  type: string | null;
  body: string;
}

async function rest(endpoint: string, method: string, path: string, body?: string | Buffer): Promise<Reply> {
  const res = await fetch(endpoint + path, {
    method,
    headers: { authorization: SCOPE, "content-type": "application/json" },
    body: method === "GET" || method === "HEAD" ? undefined : body,
  });
  return { status: res.status, type: res.headers.get("x-amzn-errortype"), body: await res.text() };
}

/** A client error in REST-JSON's envelope: 4xx, the error type header, a JSON object with a message. */
function assertClientError(r: Reply, what: string): void {
  assert.ok(r.status >= 400 && r.status < 500, `${what}: status ${r.status} ${r.body.slice(0, 200)}`);
  assert.ok(r.type, `${what}: x-amzn-ErrorType is set`);
  const doc = JSON.parse(r.body) as Record<string, unknown>;
  assert.equal(typeof (doc.message ?? doc.Message), "string", `${what}: a message (${r.body.slice(0, 200)})`);
}

const RULE = JSON.stringify({ ResourceType: "EBS_SNAPSHOT", RetentionPeriod: { RetentionPeriodValue: 7, RetentionPeriodUnit: "DAYS" } });

describe("REST-JSON under hostile input", () => {
  const fx = useServer();

  it("refuses bodies that are not JSON objects, nested too deep or too large", async () => {
    const endpoint = fx.server.endpoint;
    const cases: [string, string | Buffer][] = [
      ["not JSON", "{ResourceType: EBS_SNAPSHOT"],
      ["an array", "[1,2,3]"],
      ["a string", '"rule"'],
      ["null", "null"],
      ["nested 200,000 deep", "[".repeat(200_000)],
      ["an object nested 50,000 deep", '{"a":'.repeat(50_000) + "1" + "}".repeat(50_000)],
      ["20 MB", Buffer.alloc(20 * 1024 * 1024, 0x20)],
      ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
    ];
    for (const [what, body] of cases) assertClientError(await rest(endpoint, "POST", "/rules", body), what);
  });

  it("refuses members of the wrong type or out of range, and unknown routes and methods", async () => {
    const endpoint = fx.server.endpoint;
    const bad: [string, string][] = [
      [
        "a string retention",
        JSON.stringify({ ResourceType: "EBS_SNAPSHOT", RetentionPeriod: { RetentionPeriodValue: "seven", RetentionPeriodUnit: "DAYS" } }),
      ],
      [
        "an unknown resource type",
        JSON.stringify({ ResourceType: "S3_BUCKET", RetentionPeriod: { RetentionPeriodValue: 7, RetentionPeriodUnit: "DAYS" } }),
      ],
      [
        "a retention of 10^12 days",
        JSON.stringify({ ResourceType: "EC2_IMAGE", RetentionPeriod: { RetentionPeriodValue: 1e12, RetentionPeriodUnit: "DAYS" } }),
      ],
      [
        "10,000 tags",
        JSON.stringify({
          ResourceType: "EC2_IMAGE",
          RetentionPeriod: { RetentionPeriodValue: 7, RetentionPeriodUnit: "DAYS" },
          Tags: Array.from({ length: 10_000 }, (_, i) => ({ Key: `k${i}`, Value: "v" })),
        }),
      ],
    ];
    for (const [what, body] of bad) assertClientError(await rest(endpoint, "POST", "/rules", body), what);
    const routes: [string, string, string][] = [
      ["no route", "GET", "/rules/a/b/c/d"],
      ["a method the route has not", "PUT", "/rules"],
      ["a label badly %-encoded", "GET", "/rules/%E0%A4%A"],
      ["a label of 8,000 characters", "GET", `/rules/${"a".repeat(8_000)}`],
      [
        "1,500 query parameters",
        "GET",
        `/tags/arn%3Aaws%3Arbin%3Aus-east-1%3A111111111111%3Arule%2Fabc?${Array.from({ length: 1500 }, (_, i) => `p${i}=x`).join("&")}`,
      ],
      ["a rule that is not there", "GET", "/rules/abcdefghijk"],
    ];
    for (const [what, method, path] of routes) assertClientError(await rest(endpoint, method, path), what);
    // A request line past what the HTTP server reads at all is refused before any service sees it, as a front end
    // refuses it: a 4xx with no service envelope.
    const huge = await rest(endpoint, "GET", `/rules/${"a".repeat(100_000)}`);
    assert.ok(huge.status >= 400 && huge.status < 500, `a label of 100,000 characters: ${huge.status}`);
  });

  it("answers a generated mix of methods, paths and bodies with a success or a client error, never a 5xx", async () => {
    const endpoint = fx.server.endpoint;
    const segment = fc.oneof(
      fc.constantFrom("rules", "list-rules", "tags", "lock", "unlock", "%", "%2F", "..", ""),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
    );
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join("/")}`);
    const body = fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ maxLength: 64 }), fc.constant(RULE));
    const method = fc.constantFrom("GET", "POST", "PATCH", "DELETE", "PUT");
    await fc.assert(
      fc.asyncProperty(method, path, body, async (m, p, b) => {
        const r = await rest(endpoint, m, p, b);
        assert.ok(r.status < 500, `${m} ${p} ${b.slice(0, 80)}: ${r.status} ${r.body.slice(0, 200)}`);
        if (r.status >= 400) assertClientError(r, `${m} ${p}`);
      }),
      { numRuns: 300, seed: 20261208 },
    );
    // Still serving: a rule made now is read back.
    const made = await rest(endpoint, "POST", "/rules", RULE);
    assert.equal(made.status, 201, made.body);
    const { Identifier } = JSON.parse(made.body) as { Identifier: string };
    const read = await rest(endpoint, "GET", `/rules/${Identifier}`);
    assert.equal(read.status, 200, read.body);
  });
});
