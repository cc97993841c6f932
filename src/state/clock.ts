// The one clock that lifecycles read. "real" runs with wall time plus an offset; "manual" stands still
// until advanced, so a test can take a resource through its states deterministically.
export type ClockMode = "real" | "manual";

export interface ClockState { mode: ClockMode; offsetMs: number; frozenAt?: number }

export class Clock {
  private mode: ClockMode;
  private offsetMs = 0;
  private frozenAt = 0;
  /** Called after every change of time or mode (the app keeps the clock in the store with it). */
  onChange?: () => void;

  constructor(mode: ClockMode = "real", private readonly wall: () => number = Date.now) {
    this.mode = mode;
    if (mode === "manual") this.frozenAt = wall();
  }

  now(): number {
    return this.mode === "manual" ? this.frozenAt : this.wall() + this.offsetMs;
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError("advanceSeconds must be a non-negative number");
    if (this.mode === "manual") this.frozenAt += seconds * 1000;
    else this.offsetMs += seconds * 1000;
    this.onChange?.();
  }

  setMode(mode: ClockMode): void {
    if (mode === this.mode) return;
    const now = this.now();
    this.mode = mode;
    if (mode === "manual") this.frozenAt = now;
    else this.offsetMs = now - this.wall();
    this.onChange?.();
  }

  getMode(): ClockMode { return this.mode; }

  /** Sets the mode and the current time (a restored state resumes at the time it was exported). */
  restore(mode: ClockMode, now: number): void {
    this.mode = mode;
    if (mode === "manual") this.frozenAt = now;
    else this.offsetMs = now - this.wall();
    this.onChange?.();
  }

  snapshot(): ClockState {
    return { mode: this.mode, offsetMs: this.offsetMs, ...(this.mode === "manual" ? { frozenAt: this.frozenAt } : {}) };
  }
}
