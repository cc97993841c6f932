// Property-based fuzzing of the three protocols (fast-check, fixed seed): every request, valid or not, gets
// a success or a well-formed error in its protocol's envelope, never a 5xx; the server stays up; and the
// state equals the state that the successful requests alone build. FUZZ_SEED and FUZZ_RUNS override.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import fc from "fast-check";
import { createApp, type App } from "../../src/runtime/app";
import { createHttpServer } from "../../src/runtime/http-server";
import { loadModel, type Operation } from "../../src/model/model";
import { envelopeProblem, errorCode, type Answer, type Proto } from "./envelopes";
import { mutate, mutationArb, valueArb, type Mutation } from "./generators";
import { TEMPLATES } from "./templates";
import { encode, mutateWire, toRaw, wireMutationArb, type WireMutation, type WireRequest } from "./wire";
import { handleAs, numberNext, replay, type Event } from "./replay";

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** One request in HTTP_SHARE goes over real HTTP, on top of RUNS in-process ones. */
const HTTP_SHARE = 10;
const START = Date.parse("2026-11-23T12:00:00Z");
const APP = { inMemory: true, clock: "manual" as const, transitionSeconds: 5, log: false };

const MODEL: Record<Proto, string> = { json: "appstream", ssm: "ssm", ec2: "ec2", query: "sts" };
const ID_OR_ARN =
  /(?:import-ami|amiur|ami|snap|i|vol|lt|sg|key)-[0-9a-f]{17}|arn:aws:appstream:[a-z0-9-]+:[0-9]{12}:[a-z-]+\/[A-Za-z0-9_.() -]+/g;

interface Case {
  op: Operation;
  input: Record<string, unknown>;
  mutation: Mutation;
  wire: WireMutation;
  account: string;
  region: string;
}

/** Half model-driven inputs (own operations, a few of another service's), half plausible templates; then mutated. */
function caseArb(proto: Proto): fc.Arbitrary<Case> {
  const own = [...loadModel(MODEL[proto]).operations.values()];
  const foreign = [...loadModel(proto === "ec2" ? "appstream" : "ec2").operations.values()].slice(0, 5);
  const ops = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: fc.constantFrom(...foreign) });
  const fromModel = ops.chain((op) =>
    fc.tuple(fc.constant(op), (op.input ? valueArb(op.input) : fc.constant({})) as fc.Arbitrary<Record<string, unknown>>),
  );
  const model = loadModel(MODEL[proto]);
  const templates =
    proto === "query"
      ? []
      : TEMPLATES[proto].map((t) => t.map(({ op, input }) => [model.operations.get(op)!, input] as [Operation, Record<string, unknown>]));
  const inputs = templates.length
    ? fc.oneof({ weight: 1, arbitrary: fromModel }, { weight: 1, arbitrary: fc.oneof(...templates) })
    : fromModel;
  return inputs.chain(([op, input]) =>
    fc.record({
      op: fc.constant(op),
      input: fc.constant(input),
      mutation: mutationArb,
      wire: wireMutationArb,
      account: fc.constantFrom("111111111111", "222222222222"),
      region: fc.constantFrom("us-east-1", "eu-west-1"),
    }),
  );
}

describe(`fuzz (seed ${SEED}, ${RUNS} in-process + ${RUNS / HTTP_SHARE} HTTP requests per protocol)`, () => {
  let app: App;
  let server: Server;
  let endpoint: string;
  const events: Event[] = [];
  const pool: string[] = [];
  /** Exceptions that escaped the gateway to the HTTP adapter (there should be none). */
  const crashes: string[] = [];
  let seq = 0;

  before(async () => {
    console.log(`fuzz seed ${SEED} (FUZZ_SEED to change), ${RUNS} runs per protocol`);
    app = createApp(APP);
    app.clock.restore("manual", START);
    server = createHttpServer(app.gateway, (e) => {
      crashes.push(String(e));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    app.close();
  });

  async function send(req: WireRequest, overHttp: boolean): Promise<Answer> {
    if (!overHttp) return handleAs(app, seq, toRaw(req));
    numberNext(seq);
    const res = await fetch(endpoint + req.path + (req.query ? `?${req.query}` : ""), {
      method: req.method,
      headers: req.headers,
      body: req.body,
    });
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      headers[k] = v;
    });
    return { status: res.status, headers, body: await res.text() };
  }

  for (const proto of ["json", "ssm", "ec2", "query"] as Proto[]) {
    it(`answers ${proto} requests with a success or a well-formed ${proto} error`, async () => {
      const started = Date.now();
      const total = RUNS + RUNS / HTTP_SHARE;
      const cases = fc.sample(caseArb(proto), { seed: SEED + proto.length, numRuns: total });
      const problems: string[] = [];
      const codes = new Map<string, number>();
      let ok = 0;
      for (let i = 0; i < cases.length; i++) {
        const c = cases[i];
        if (i % 500 === 499) {
          const seconds = ((i / 500) % 4) * 3;
          app.clock.advance(seconds);
          events.push({ kind: "advance", seconds });
        }
        const input = mutate(c.input, c.mutation, c.op);
        const req = mutateWire(encode(proto, c.op.name, input, c.op.input, c.account, c.region, pool), c.wire);
        seq++;
        const answer = await send(req, i % (HTTP_SHARE + 1) === 0);
        // Over HTTP a query string beyond Node's header limit gets the bare 431 of the HTTP layer.
        const problem = answer.status === 431 && req.query.length > 16_000 ? undefined : envelopeProblem(proto, answer);
        if (problem && problems.length < 20)
          problems.push(
            `${proto} ${c.op.name} → ${problem}: ${answer.status} ${answer.body.slice(0, 300)}\n  request: ${req.body.toString().slice(0, 300)}`,
          );
        const code = errorCode(answer) ?? String(answer.status);
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (answer.status === 200) {
          ok++;
          events.push({ kind: "request", seq, raw: toRaw(req) });
          for (const token of answer.body.match(ID_OR_ARN) ?? []) if (!pool.includes(token) && pool.length < 500) pool.push(token);
        }
      }
      const top = [...codes]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([k, n]) => `${k}:${n}`)
        .join(" ");
      console.log(`${proto}: ${cases.length} requests, ${ok} succeeded, ${Date.now() - started} ms; ${top}`);
      assert.deepEqual(problems, []);
    });
  }

  it("keeps serving, and its state equals the state the successful requests alone build", async () => {
    const health = await fetch(`${endpoint}/_imagelite/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(crashes, []);
    const started = Date.now();
    const fresh = createApp(APP);
    fresh.clock.restore("manual", START);
    const { replayed, failed } = await replay(fresh, events);
    console.log(`replayed ${replayed} successful requests in ${Date.now() - started} ms; ${app.store.dump().length} records`);
    assert.deepEqual(failed.slice(0, 10), []);
    assert.deepEqual(fresh.store.dump(), app.store.dump());
    fresh.close();
  });
});
