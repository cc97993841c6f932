// Whole-call retries for a store that other processes write at the same time (SQLite under --workers,
// PostgreSQL). A transaction that lost a race (it read a snapshot another process has since written over,
// or the database chose it as a serialization victim) is undone and run again from the start, so that it
// decides on what is there now: of parallel creates of one name, exactly one wins and the rest see it.
// Only the outermost transaction retries; a nested one joins it and lets the conflict through. This is the
// one retry of a lost race, in the store (both stores use it): the gateway does not run a call again, it
// answers a StoreConflictError with the service's throttling error, which the client's SDK may retry.

/** How a store recognises a lost race, and how many times a call runs at most. */
export interface ConflictPolicy {
  isConflict(e: unknown): boolean;
  attempts: number;
}

/** Conflicts went on past the policy's attempts: the caller is asked to try again later (a throttling error). */
export class StoreConflictError extends Error {
  constructor(attempts: number, cause: unknown) {
    super(`the store was busy with other processes' writes through ${attempts} attempts`, { cause });
    this.name = "StoreConflictError";
  }
}

/** Runs `attempt` (given its number, 0 first) until it returns, fails otherwise, or conflicts `attempts` times. */
export function retryConflicts<R>(policy: ConflictPolicy, attempt: (n: number) => R): R {
  for (let n = 0; ; n++) {
    try {
      return attempt(n);
    } catch (e) {
      if (!policy.isConflict(e)) throw e;
      if (n + 1 >= policy.attempts) throw new StoreConflictError(policy.attempts, e);
    }
  }
}
