// The thread that talks to PostgreSQL for PostgresStore (state/postgres-store.ts). The store's callers are
// synchronous, and `pg` is not: the main thread posts a batch of statements on a MessagePort and sleeps in
// Atomics.wait on a shared flag; this thread runs the batch, posts the answer back and raises the flag.
// Batches run one at a time on one connection, which the thread keeps (the store runs one transaction at a
// time, and a statement outside a transaction only when none is open); the pool replaces it when it breaks.
import { parentPort, workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import { Pool, type PoolClient } from "pg";

export interface Step {
  /** A name makes it a prepared statement, parsed once per connection. */
  name?: string;
  text: string;
  values?: unknown[];
}

export interface Request {
  id: number;
  steps: Step[];
  /** The batch ends a transaction (COMMIT or ROLLBACK): if it fails before its end, the transaction is rolled back. */
  ends?: boolean;
  /** Close the pool; the thread then ends. */
  close?: boolean;
}

export interface StepResult {
  rows: Record<string, unknown>[];
  count: number;
}

export type Response =
  { id: number; results: StepResult[] } | { id: number; error: { message: string; code?: string; step: number; results: StepResult[] } };

export interface WorkerSetup {
  connectionString: string;
  /** Bound of a statement, of a connection attempt and of a wait for a lock, in milliseconds. */
  timeoutMs: number;
  /** off: a commit returns before PostgreSQL has flushed it to disk (durability "normal"). */
  synchronousCommit: "on" | "off";
  flag: SharedArrayBuffer;
  port: MessagePort;
}

if (parentPort) serve(workerData as WorkerSetup);

function serve(setup: WorkerSetup): void {
  const flag = new Int32Array(setup.flag);
  const pool = new Pool({
    connectionString: setup.connectionString,
    max: 1,
    connectionTimeoutMillis: setup.timeoutMs,
    // PostgreSQL cancels a statement at the timeout (SQLSTATE 57014, the connection stays usable); pg gives
    // up a second later, when the server itself does not answer (the connection is then closed).
    statement_timeout: setup.timeoutMs,
    query_timeout: setup.timeoutMs + 1_000,
    options: [
      // Sequential scans take a predicate lock on the whole table, which makes every pair of concurrent
      // serializable transactions conflict; the store's statements all have an index to use instead.
      "-c enable_seqscan=off",
      "-c default_transaction_isolation=serializable",
      `-c synchronous_commit=${setup.synchronousCommit}`,
      // A process stopped in the middle of a transaction (a debugger, SIGSTOP) does not hold its locks for
      // longer than a statement may wait for them: PostgreSQL ends its session.
      `-c idle_in_transaction_session_timeout=${setup.timeoutMs}`,
    ].join(" "),
    application_name: "imagelite",
  });
  // An idle connection's failure is the pool's to handle (it drops the connection), not the thread's end.
  pool.on("error", () => undefined);
  let session: PoolClient | undefined;
  /** Closes the connection (it broke, or a client-side timeout left it mid-statement); the next batch gets another. */
  const drop = (client: PoolClient) => {
    if (session !== client) return;
    session = undefined;
    client.release(true);
  };
  async function connection(): Promise<PoolClient> {
    if (session) return session;
    const client = await pool.connect();
    // A connection lost while idle (a server restart) is replaced at the next batch, not a crash of the thread.
    client.on("error", () => drop(client));
    return (session = client);
  }

  const answer = (r: Response) => {
    setup.port.postMessage(r);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };

  // One batch at a time, each answered only once its connection is back where it belongs.
  let queue = Promise.resolve();
  setup.port.on("message", (req: Request) => {
    queue = queue
      .then(() => handle(req))
      .catch((e: unknown) =>
        answer({ id: req.id, error: { message: `imagelite's PostgreSQL worker: ${String(e)}`, step: 0, results: [] } }),
      );
  });

  async function handle(req: Request): Promise<void> {
    if (req.close) {
      if (session) drop(session);
      await pool.end().catch(() => undefined);
      answer({ id: req.id, results: [] });
      setup.port.close();
      return;
    }
    const results: StepResult[] = [];
    let response: Response;
    let client: PoolClient | undefined;
    try {
      client = await connection();
      for (const step of req.steps) {
        const r = await client.query({ name: step.name, text: step.text, values: step.values });
        results.push({ rows: r.rows, count: r.rowCount ?? 0 });
      }
      response = { id: req.id, results };
    } catch (e) {
      const err = e as { message?: string; code?: string };
      response = { id: req.id, error: { message: err.message ?? String(e), code: err.code, step: results.length, results } };
      // Without an SQL state the connection itself failed: it is not trusted with another statement.
      if (client && !err.code) drop(client);
      // A batch that was to end its transaction failed before the end: the transaction is ended here.
      else if (client && req.ends) await client.query("ROLLBACK").catch(() => drop(client!));
    }
    answer(response);
  }
}
