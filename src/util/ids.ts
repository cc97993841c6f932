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

/** `ami-` + 17 hex digits, `import-ami-` + 17, `amiur-` + 17, ... */
export const hexId = (prefix: string, digits = 17): string =>
  `${prefix}-${random(Math.ceil(digits / 2))
    .toString("hex")
    .slice(0, digits)}`;
