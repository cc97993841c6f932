// The one clock that lifecycles read. "real" runs with wall time plus an offset; "manual" stands still
// until advanced, so a test can take a resource through its states deterministically.
export type ClockMode = "real" | "manual";

export interface ClockState {
  mode: ClockMode;
  offsetMs: number;
  frozenAt?: number;
}

/**
 * The clock stays within 1970 and the start of year 9999: every time it yields, plus the longest phase a
 * lifecycle schedules after it (retention of 30 days), is a valid Date that clients parse as an ISO 8601
 * timestamp with four-digit years. Beyond that, dates would need expanded years or be invalid altogether.
 */
export const CLOCK_MIN_MS = 0;
export const CLOCK_MAX_MS = Date.UTC(9999, 0, 1);

export class ClockRangeError extends RangeError {}

export const isClockTime = (ms: number): boolean => Number.isFinite(ms) && ms >= CLOCK_MIN_MS && ms <= CLOCK_MAX_MS;

function checkTime(ms: number): number {
  if (!isClockTime(ms)) {
    throw new ClockRangeError(
      `The clock must stay between ${new Date(CLOCK_MIN_MS).toISOString()} and ${new Date(CLOCK_MAX_MS).toISOString()}.`,
    );
  }
  return ms;
}

export class Clock {
  private mode: ClockMode;
  private offsetMs = 0;
  private frozenAt = 0;
  /** Called after every change of time or mode (the app keeps the clock in the store with it). */
  onChange?: () => void;
  /**
   * Runs a change where other processes cannot interleave (a shared store's transaction that first loads
   * the stored clock and then saves the result), so that two advances from two processes add up.
   */
  transact?: (change: () => void) => void;

  constructor(
    mode: ClockMode = "real",
    private readonly wall: () => number = Date.now,
  ) {
    this.mode = mode;
    if (mode === "manual") this.frozenAt = wall();
  }

  now(): number {
    return this.mode === "manual" ? this.frozenAt : this.wall() + this.offsetMs;
  }

  /** Moves time forward; refuses (and changes nothing) when the result would leave the clock's range. */
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new ClockRangeError("advanceSeconds must be a non-negative number");
    const ms = seconds * 1000;
    this.change(() => {
      checkTime(this.now() + ms);
      if (this.mode === "manual") this.frozenAt += ms;
      else this.offsetMs += ms;
    });
  }

  setMode(mode: ClockMode): void {
    if (!this.transact && mode === this.mode) return;
    this.change(() => {
      if (mode === this.mode) return;
      const now = this.now();
      this.mode = mode;
      if (mode === "manual") this.frozenAt = now;
      else this.offsetMs = now - this.wall();
    });
  }

  getMode(): ClockMode {
    return this.mode;
  }

  /** Sets the mode and the current time (a restored state resumes at the time it was exported). */
  restore(mode: ClockMode, now: number): void {
    checkTime(now);
    this.change(() => {
      this.mode = mode;
      if (mode === "manual") this.frozenAt = now;
      else this.offsetMs = now - this.wall();
    });
  }

  snapshot(): ClockState {
    return { mode: this.mode, offsetMs: this.offsetMs, ...(this.mode === "manual" ? { frozenAt: this.frozenAt } : {}) };
  }

  /**
   * Takes a state another process saved (a shared store's), without calling onChange; false, and nothing
   * changes, when it is not a state the clock can show.
   */
  load(state: ClockState): boolean {
    const { mode, offsetMs, frozenAt } = state;
    if (mode === "manual" ? frozenAt === undefined || !isClockTime(frozenAt) : mode !== "real" || !Number.isFinite(offsetMs)) return false;
    this.mode = mode;
    this.offsetMs = offsetMs;
    if (mode === "manual") this.frozenAt = frozenAt!;
    return true;
  }

  private change(apply: () => void): void {
    if (this.transact) this.transact(apply);
    else apply();
    this.onChange?.();
  }
}
