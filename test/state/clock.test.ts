// The clock takes its wall time from a function, so every case here runs on a fake wall: no sleeps.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Clock } from "../../src/state/clock";

/** A wall clock that moves only when told to. */
function fakeWall(start = 1_700_000_000_000) {
  let t = start;
  return {
    now: () => t,
    move: (ms: number) => {
      t += ms;
    },
  };
}

describe("Clock", () => {
  it("defaults to real mode on Date.now", () => {
    const c = new Clock();
    assert.equal(c.getMode(), "real");
    const before = Date.now();
    const now = c.now();
    assert.ok(now >= before && now <= Date.now());
  });

  it("real mode follows the wall", () => {
    const w = fakeWall();
    const c = new Clock("real", w.now);
    assert.equal(c.now(), w.now());
    w.move(1234);
    assert.equal(c.now(), w.now());
  });

  it("manual mode starts at the wall time and stands still", () => {
    const w = fakeWall();
    const c = new Clock("manual", w.now);
    const start = w.now();
    assert.equal(c.now(), start);
    w.move(60_000);
    assert.equal(c.now(), start);
    assert.deepEqual(c.snapshot(), { mode: "manual", offsetMs: 0, frozenAt: start });
  });

  it("advance moves manual time by exactly the given seconds, fractions included", () => {
    const w = fakeWall();
    const c = new Clock("manual", w.now);
    const start = c.now();
    c.advance(10);
    c.advance(0.25);
    c.advance(0);
    assert.equal(c.now(), start + 10_250);
  });

  it("advance in real mode adds an offset to the running wall", () => {
    const w = fakeWall();
    const c = new Clock("real", w.now);
    c.advance(30);
    assert.equal(c.now(), w.now() + 30_000);
    w.move(500);
    assert.equal(c.now(), w.now() + 30_000);
    assert.deepEqual(c.snapshot(), { mode: "real", offsetMs: 30_000 });
  });

  it("refuses a negative or non-finite advance and leaves the time alone", () => {
    const w = fakeWall();
    for (const mode of ["manual", "real"] as const) {
      const c = new Clock(mode, w.now);
      const before = c.now();
      for (const bad of [-1, -0.001, NaN, Infinity, -Infinity]) assert.throws(() => c.advance(bad), RangeError);
      assert.equal(c.now(), before);
    }
  });

  it("switching real → manual freezes at the current time, offset included", () => {
    const w = fakeWall();
    const c = new Clock("real", w.now);
    c.advance(100);
    const at = c.now();
    c.setMode("manual");
    assert.equal(c.getMode(), "manual");
    assert.equal(c.now(), at);
    w.move(5_000);
    assert.equal(c.now(), at);
  });

  it("switching manual → real resumes from the frozen time, never jumping back", () => {
    const w = fakeWall();
    const c = new Clock("manual", w.now);
    c.advance(3600);
    w.move(10_000);
    const at = c.now();
    c.setMode("real");
    assert.equal(c.getMode(), "real");
    assert.equal(c.now(), at);
    w.move(250);
    assert.equal(c.now(), at + 250);
  });

  it("setting the mode it already has changes nothing", () => {
    const w = fakeWall();
    const c = new Clock("manual", w.now);
    c.advance(5);
    const at = c.now();
    w.move(1_000);
    c.setMode("manual");
    assert.equal(c.now(), at);
    const r = new Clock("real", w.now);
    r.advance(7);
    r.setMode("real");
    assert.equal(r.now(), w.now() + 7_000);
  });

  it("keeps its time across several round trips between modes", () => {
    const w = fakeWall();
    const c = new Clock("real", w.now);
    let expected = w.now();
    for (let i = 0; i < 5; i++) {
      c.setMode("manual");
      c.advance(2);
      expected += 2_000;
      w.move(777); // the wall moves while frozen: not seen
      c.setMode("real");
      w.move(100);
      expected += 100;
      assert.equal(c.now(), expected);
    }
  });
});
