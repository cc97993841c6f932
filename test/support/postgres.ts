// A PostgreSQL for tests: the server of IMAGELITE_TEST_POSTGRES (default the local one, trust auth, database
// "test"), and a fresh schema per store, so that test files never see one another's records; every schema a
// file made is dropped when it is done.
import { after } from "node:test";
import { randomBytes } from "node:crypto";
import { Client } from "pg";

export const POSTGRES = process.env.IMAGELITE_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";

/** Makes URLs of fresh schemas (imagelite_test_<random>), and drops them after the file's tests. */
export function postgresSchemas() {
  const made: string[] = [];
  after(async () => {
    if (!made.length) return;
    const c = new Client({ connectionString: POSTGRES });
    await c.connect();
    try {
      for (const s of made) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    } finally {
      await c.end();
    }
  });
  return {
    /** A postgres:// URL of a schema no one has used yet. */
    url(): string {
      const schema = `imagelite_test_${randomBytes(6).toString("hex")}`;
      made.push(schema);
      const u = new URL(POSTGRES);
      u.searchParams.set("schema", schema);
      return u.toString();
    },
  };
}

/** Runs SQL on the test server, outside any store. */
export async function sql<R extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<R[]> {
  const c = new Client({ connectionString: POSTGRES });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as R[];
  } finally {
    await c.end();
  }
}
