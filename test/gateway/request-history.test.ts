// The request history packs each call into a ring of bytes: what goes in comes out (line, request, response,
// an in-process call's input and output), large bodies are cut and their sizes kept, and when the bytes run
// out the oldest entries go whole, never half-overwritten.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { RequestHistory, MAX_BODY_KEPT, type HistoryEntry } from "../../src/gateway/request-history";
import type { RequestLine } from "../../src/gateway/request-log";
import type { Call } from "../../src/gateway/call";
import type { RawRequest, RawResponse } from "../../src/protocols/protocol";

const line = (over: Partial<RequestLine> = {}): RequestLine => ({
  service: "ec2",
  operation: "DescribeImages",
  account: "111111111111",
  region: "us-east-1",
  status: 200,
  micros: 41.6,
  ...over,
});

function wire(body: string | Buffer, query = ""): Call {
  const req: RawRequest = {
    method: "POST",
    path: "/",
    query: new URLSearchParams(query),
    headers: { host: "127.0.0.1:4566", "content-type": "application/x-www-form-urlencoded", authorization: "AWS4-HMAC-SHA256 x" },
    body: Buffer.isBuffer(body) ? body : Buffer.from(body),
  };
  return { started: 0n, requestId: "r", req, caller: { accountId: "111111111111", region: "us-east-1" } };
}

const answer = (body: string, status = 200): RawResponse => ({
  status,
  headers: { "content-type": "text/xml;charset=UTF-8", "x-amzn-requestid": "abc" },
  body,
});

describe("request history ring", () => {
  it("gives back a wire call as it came: line, request and response", () => {
    const h = new RequestHistory();
    h.add(
      line({ status: 400, error: "InvalidAMIID.NotFound", faults: ["f-1", "f-2"] }),
      wire("Action=DescribeImages&ImageId.1=ami-1", "a=1&b=%C3%A9"),
      answer("<Response>é ✓</Response>", 400),
    );
    const [listed] = h.newest(10);
    assert.equal(listed.id, "r-1");
    assert.equal(listed.line.error, "InvalidAMIID.NotFound");
    assert.deepEqual(listed.line.faults, ["f-1", "f-2"]);
    assert.equal(listed.line.micros, 42);
    assert.ok(Math.abs(listed.time - Date.now()) < 5000);
    const e = h.get("r-1")!;
    assert.equal(e.req!.method, "POST");
    assert.equal(e.req!.query.get("b"), "é");
    assert.equal(e.req!.headers.authorization, "AWS4-HMAC-SHA256 x");
    assert.equal(e.req!.body.toString(), "Action=DescribeImages&ImageId.1=ami-1");
    assert.deepEqual(e.response, answer("<Response>é ✓</Response>", 400));
    assert.equal(e.cut, undefined);
  });

  it("keeps an in-process call's input and output", () => {
    const h = new RequestHistory();
    const call: Call = {
      started: 0n,
      requestId: "r",
      caller: { accountId: "1", region: "r" },
      input: { Name: "x", List: [1, "ü"] },
      output: { ImageId: "ami-1" },
    };
    h.add(line({ operation: "RegisterImage" }), call, undefined);
    const e = h.get("r-1")!;
    assert.equal(e.req, undefined);
    assert.deepEqual(e.input, { Name: "x", List: [1, "ü"] });
    assert.deepEqual(e.output, { ImageId: "ami-1" });
  });

  it("cuts bodies past 64 KiB and keeps their whole sizes", () => {
    const h = new RequestHistory();
    h.add(line(), wire(Buffer.alloc(MAX_BODY_KEPT + 10, 0x61)), answer("é".repeat(MAX_BODY_KEPT)));
    const e = h.get("r-1")!;
    assert.equal(e.req!.body.length, MAX_BODY_KEPT);
    assert.deepEqual(e.cut, { request: MAX_BODY_KEPT + 10, response: 2 * MAX_BODY_KEPT });
    assert.ok(Buffer.byteLength(e.response!.body) <= MAX_BODY_KEPT + 3);
    assert.match(e.response!.body, /^é+/);
  });

  it("drops the oldest entries whole when its bytes run out, and finds every other one intact", () => {
    const h = new RequestHistory(1000, 64 * 1024);
    for (let i = 1; i <= 60; i++) h.add(line({ operation: `Op${i}` }), wire(`n=${i}&` + "x".repeat(5000)), answer(`<n>${i}</n>`));
    const kept = h.newest(1000);
    assert.ok(kept.length > 5 && kept.length < 15, `${kept.length} entries of about 5 KB in 64 KiB`);
    kept.forEach((e, k) => {
      const n = 60 - k;
      assert.equal(e.line.operation, `Op${n}`);
      const full = h.get(e.id)!;
      assert.ok(full.req!.body.toString().startsWith(`n=${n}&xxx`));
      assert.equal(full.response!.body, `<n>${n}</n>`);
    });
    assert.equal(h.get("r-1"), undefined);
    assert.equal(h.get(`r-${60 - kept.length}`), undefined);
  });

  it("keeps the last `size` calls when they are small", () => {
    const h = new RequestHistory(50);
    for (let i = 1; i <= 120; i++) h.add(line(), wire(`n=${i}`), answer("<ok/>"));
    const kept = h.newest(1000);
    assert.equal(kept.length, 50);
    assert.equal(kept[0].id, "r-120");
    assert.equal(kept[49].id, "r-71");
    assert.equal(h.get("r-70"), undefined);
    assert.equal(h.get("r-71")!.req!.body.toString(), "n=71");
  });

  it("hands subscribers whole entries once per turn of the event loop", async () => {
    const h = new RequestHistory();
    const batches: HistoryEntry[][] = [];
    const stop = h.subscribe((b) => batches.push(b));
    h.add(line(), wire("a=1"), answer("<a/>"));
    h.add(line(), wire("a=2"), answer("<b/>"));
    await new Promise((r) => setImmediate(r));
    stop();
    assert.equal(batches.length, 1);
    assert.deepEqual(
      batches[0].map((e) => e.response!.body),
      ["<a/>", "<b/>"],
    );
    assert.equal(h.subscribers, 0);
  });
});
