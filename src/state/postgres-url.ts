// The --store postgres:// URL: what pg connects with, and imagelite's own parameters (schema, timeout).
// Apart from the store so that the command line can check a URL without loading the store.
export interface PostgresTarget {
  /** What pg connects with: the URL without imagelite's own parameters. */
  connectionString: string;
  /** The schema imagelite's tables live in (?schema=, default "imagelite"); created when missing. */
  schema: string;
  /** Bound of every statement, connection attempt and lock wait (?timeout= in ms, default 10000). */
  timeoutMs: number;
  /** The URL without its password, for messages. */
  display: string;
}

export const isPostgresUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s);

/** Reads imagelite's parameters off a postgres:// URL; throws a message an operator can act on. */
export function postgresTarget(url: string): PostgresTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--store ${JSON.stringify(url.replace(/:[^:@/]*@/, "@"))} is not a URL (postgres://user@host:port/database)`);
  }
  const schema = u.searchParams.get("schema") ?? "imagelite";
  const timeout = u.searchParams.get("timeout") ?? "10000";
  u.searchParams.delete("schema");
  u.searchParams.delete("timeout");
  const connectionString = u.toString();
  const shown = new URL(url);
  shown.password = "";
  shown.searchParams.set("schema", schema);
  const display = shown.toString();
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`the schema in ${display} must be a lower-case SQL name (letters, digits, _), not ${JSON.stringify(schema)}`);
  const timeoutMs = Number(timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000)
    throw new Error(`timeout in ${display} must be a number of milliseconds from 100 to 600000, not ${JSON.stringify(timeout)}`);
  return { connectionString, schema, timeoutMs, display };
}
