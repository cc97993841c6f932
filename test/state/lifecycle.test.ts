// Schedules are pure data: a state is computed from the clock, so every edge is a plain assertion.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { plan, settledAt, stateAt, stepAt } from "../../src/state/lifecycle";

const NOW = 1_700_000_000_000;

describe("plan", () => {
  it("starts now and lays phases end to end, in milliseconds", () => {
    assert.deepEqual(plan(NOW, ["PENDING", 2], ["STARTING", 0.5], ["RUNNING"]), [
      { state: "PENDING", at: NOW },
      { state: "STARTING", at: NOW + 2000 },
      { state: "RUNNING", at: NOW + 2500 },
    ]);
  });

  it("treats a missing, zero or negative duration as zero", () => {
    assert.deepEqual(
      plan(NOW, ["A"], ["B", 0], ["C", -5], ["D"]).map((s) => s.at),
      [NOW, NOW, NOW, NOW],
    );
  });

  it("ignores the duration of the last phase, which lasts for ever", () => {
    assert.deepEqual(plan(NOW, ["ONLY", 99]), [{ state: "ONLY", at: NOW }]);
  });

  it("of no phases is an empty schedule", () => {
    assert.deepEqual(plan(NOW), []);
  });
});

describe("stepAt / stateAt", () => {
  const s = plan(NOW, ["PENDING", 10], ["RUNNING", 5], ["STOPPED"]);

  it("is the first step before the schedule begins", () => {
    assert.deepEqual(stepAt(s, NOW - 1), { state: "PENDING", at: NOW });
    assert.equal(stateAt(s, 0), "PENDING");
  });

  it("switches exactly at a step's start (inclusive), not a millisecond before", () => {
    assert.equal(stateAt(s, NOW), "PENDING");
    assert.equal(stateAt(s, NOW + 9_999), "PENDING");
    assert.equal(stateAt(s, NOW + 10_000), "RUNNING");
    assert.equal(stateAt(s, NOW + 14_999), "RUNNING");
    assert.equal(stateAt(s, NOW + 15_000), "STOPPED");
  });

  it("stays in the last state for ever", () => {
    assert.equal(stateAt(s, Number.MAX_SAFE_INTEGER), "STOPPED");
  });

  it("skips zero-length phases: the last step that has begun wins", () => {
    const instant = plan(NOW, ["PENDING", 0], ["STARTING", 0], ["RUNNING"]);
    assert.equal(stateAt(instant, NOW), "RUNNING");
    // ...but before the start the first step is still reported.
    assert.equal(stateAt(instant, NOW - 1), "PENDING");
  });

  it("works on a schedule of one step", () => {
    const one = plan(NOW, ["AVAILABLE"]);
    assert.equal(stateAt(one, NOW - 1), "AVAILABLE");
    assert.equal(stateAt(one, NOW + 1), "AVAILABLE");
  });

  it("survives a JSON round trip (schedules are stored)", () => {
    const stored = JSON.parse(JSON.stringify(s)) as typeof s;
    assert.equal(stateAt(stored, NOW + 12_000), "RUNNING");
  });
});

describe("settledAt", () => {
  it("is when the last step begins", () => {
    assert.equal(settledAt(plan(NOW, ["PENDING", 10], ["RUNNING", 5], ["STOPPED"])), NOW + 15_000);
    assert.equal(settledAt(plan(NOW, ["PENDING", 0], ["RUNNING"])), NOW);
    assert.equal(settledAt(plan(NOW, ["AVAILABLE"])), NOW);
  });

  it("agrees with stateAt: the final state from then on", () => {
    const s = plan(NOW, ["A", 3], ["B", 4], ["C"]);
    assert.equal(stateAt(s, settledAt(s) - 1), "B");
    assert.equal(stateAt(s, settledAt(s)), "C");
  });
});
