// Property-based fuzzing of the clock controls (fast-check, fixed seed): whatever advance, mode or imported
// time a caller sends, the answer is a 200 or a JSON 400, the clock stays a time that clients can parse,
// and the clock route, state export and a describe keep answering. FUZZ_SEED and FUZZ_RUNS override.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { DescribeImageBuildersCommand } from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { CLOCK_MAX_MS, CLOCK_MIN_MS } from "../../src/state/clock";
import { admin, appstreamClient, useServer } from "../support/server";

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Math.max(50, Math.round(Number(process.env.FUZZ_RUNS ?? 10_000) / 20));

/** Numbers a caller might send as seconds: small, huge, negative, fractional, not finite, and not numbers. */
const secondsArb = fc.oneof(
  fc.integer({ min: 0, max: 10 ** 6 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(1e300, -1, 0, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 1e-300, CLOCK_MAX_MS / 1000, 8.64e12),
  fc.constantFrom("60", null, true, [], {}),
);
/** Times as an exported state document carries them: ISO strings near and beyond the clock's range, and junk. */
const timeArb = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms).toISOString()),
  fc.constantFrom("+275760-09-13T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "1970-01-01T00:00:00.000Z", "2026-02-30T00:00:00Z", "now", ""),
  fc.string(),
);
const bodyArb = fc.oneof(
  fc.record({ advanceSeconds: secondsArb }, { requiredKeys: [] }),
  fc.record({ mode: fc.constantFrom("manual", "real", "paused", 7), advanceSeconds: secondsArb }, { requiredKeys: [] }),
  fc.record({ state: fc.record({ now: timeArb, mode: fc.constantFrom("manual", "real") }) }),
);

describe(`clock fuzz (seed ${SEED}, ${RUNS} requests)`, () => {
  const fx = useServer();
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });

  it("keeps the clock in range and every route answering, whatever it is sent", async () => {
    const c = appstreamClient(server);
    const doc = server.exportState();
    try {
      for (const body of fc.sample(bodyArb, { seed: SEED, numRuns: RUNS })) {
        const r =
          "state" in body
            ? await admin(server, "POST", "/_imagelite/state", { ...doc, clock: body.state })
            : await admin(server, "POST", "/_imagelite/clock", body);
        assert.ok(
          r.status === 200 || (r.status === 400 && typeof r.body.code === "string"),
          `${JSON.stringify(body)} → ${r.status} ${JSON.stringify(r.body)}`,
        );
        const clock = await admin(server, "GET", "/_imagelite/clock");
        assert.equal(clock.status, 200);
        const now = Date.parse(clock.body.now);
        assert.ok(now >= CLOCK_MIN_MS && now <= CLOCK_MAX_MS, `${JSON.stringify(body)} left the clock at ${clock.body.now}`);
        // Each time the clock gets near its end, start again from a sound state.
        if (now > CLOCK_MAX_MS - 365 * 86_400_000) server.importState(doc);
      }
      assert.equal((await admin(server, "GET", "/_imagelite/state")).status, 200);
      assert.ok((await c.send(new DescribeImageBuildersCommand({}))).ImageBuilders);
    } finally {
      c.destroy();
    }
  });
});
