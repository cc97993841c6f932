// Asynchronous states are schedules, not timers: a record stores when each state begins, and its
// current state is computed from the clock when read. States thus survive restarts and move with the
// test clock.

export interface Step {
  state: string;
  /** Epoch milliseconds at which this state begins. */
  at: number;
}

export type Schedule = Step[];

/**
 * Builds a schedule starting now: each phase lasts `durationSeconds`; the last one lasts for ever.
 * e.g. plan(now, ["PENDING", 2], ["RUNNING"]).
 */
export function plan(now: number, ...phases: [state: string, durationSeconds?: number][]): Schedule {
  const out: Schedule = [];
  let at = now;
  for (const [state, seconds] of phases) {
    out.push({ state, at });
    at += Math.max(0, seconds ?? 0) * 1000;
  }
  return out;
}

/** The step in force at `now` (the first step when the schedule has not begun). */
export function stepAt(schedule: Schedule, now: number): Step {
  let current = schedule[0];
  for (const step of schedule) {
    if (step.at <= now) current = step;
    else break;
  }
  return current;
}

export const stateAt = (schedule: Schedule, now: number): string => stepAt(schedule, now).state;

/** When the schedule reaches its last step (its final state). */
export const settledAt = (schedule: Schedule): number => schedule[schedule.length - 1].at;

/** When the schedule ends in `state` (e.g. the GONE of a deleted resource), the time it begins; otherwise undefined. */
export function endsIn(schedule: Schedule, state: string): number | undefined {
  const last = schedule[schedule.length - 1];
  return last?.state === state ? last.at : undefined;
}
