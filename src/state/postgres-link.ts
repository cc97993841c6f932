// The synchronous side of the PostgreSQL worker (state/postgres-worker.ts): posts a batch of statements and
// blocks the calling thread in Atomics.wait until the worker raises the shared flag, then takes the answer
// from the port with receiveMessageOnPort. Every wait is bounded: a worker that does not answer in time is
// ended (PostgreSQL rolls back what its connections had open) and the next batch starts a new one.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { join } from "node:path";
import type { Request, Response, Step, StepResult, WorkerSetup } from "./postgres-worker";

/** An error PostgreSQL (or the way to it) reported, with its SQLSTATE when there is one. */
export class PostgresError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    /** The results of the batch's steps before the failing one. */
    readonly results: StepResult[] = [],
  ) {
    super(message);
    this.name = "PostgresError";
  }

  /**
   * The way to PostgreSQL failed (no connection, or the connection broke) rather than a statement: no SQLSTATE,
   * or a code of Node's network errors (ECONNREFUSED, ECONNRESET, EPIPE...). The worker has dropped the connection.
   */
  get lost(): boolean {
    return this.code === undefined || /^E[A-Z_]+$/.test(this.code);
  }
}

/** Beyond the statement timeout: pg's own (a second later), and time for the worker to report it. */
const GRACE_MS = 3_000;

export class PostgresLink {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private seq = 0;

  constructor(
    private readonly connectionString: string,
    readonly timeoutMs: number,
    private readonly synchronousCommit: "on" | "off",
  ) {}

  /** Runs the steps in order and returns their results; the first failing step throws a PostgresError. */
  run(steps: Step[], options: { ends?: boolean } = {}): StepResult[] {
    const r = this.send({ id: 0, steps, ...options });
    if ("error" in r) throw new PostgresError(r.error.message, r.error.code, r.error.results);
    return r.results;
  }

  /**
   * Sends the steps without waiting for them: the worker runs them after what was sent before, and before what
   * is sent after (one connection, one batch at a time), and their answer, or failure, is dropped.
   */
  post(steps: Step[], options: { ends?: boolean } = {}): void {
    const port = this.port ?? this.start();
    port.postMessage({ id: ++this.seq, steps, ...options } satisfies Request);
  }

  close(): void {
    if (!this.worker) return;
    try {
      this.send({ id: 0, steps: [], close: true });
    } catch {
      /* ended below either way */
    }
    this.stop();
  }

  private start(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    const setup: WorkerSetup = {
      connectionString: this.connectionString,
      timeoutMs: this.timeoutMs,
      synchronousCommit: this.synchronousCommit,
      flag: this.flag.buffer as SharedArrayBuffer,
      port: port2,
    };
    this.worker = new Worker(join(__dirname, "postgres-worker.js"), { workerData: setup, transferList: [port2] });
    // The worker never keeps the process alive, and an error of its own surfaces as a timeout of the caller.
    this.worker.unref();
    this.worker.on("error", () => undefined);
    this.port = port1;
    return port1;
  }

  private stop(): void {
    void this.worker?.terminate();
    this.port?.close();
    this.worker = undefined;
    this.port = undefined;
  }

  private send(req: Request): Response {
    const port = this.port ?? this.start();
    const id = ++this.seq;
    port.postMessage({ ...req, id });
    const deadline = Date.now() + this.timeoutMs + GRACE_MS;
    for (;;) {
      // Lowered before the port is read: an answer posted after this raises it again, so none is slept through.
      Atomics.store(this.flag, 0, 0);
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const r = m.message as Response;
        if (r.id === id) return r;
        // An answer to a batch that timed out earlier: its caller is gone.
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        this.stop();
        throw new PostgresError(`PostgreSQL did not answer within ${this.timeoutMs + GRACE_MS} ms`, undefined);
      }
      Atomics.wait(this.flag, 0, 0, left);
    }
  }
}
