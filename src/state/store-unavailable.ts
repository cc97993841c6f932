// When the store cannot serve a call: its database is unreachable (a PostgreSQL outage) or its file is
// damaged. Not a bug of imagelite's: the gateway answers it with the service's unavailable error (503,
// which SDKs retry), and the store tells the operator once, when its condition changes, not once per call.

/** Whether the store can serve calls now; what the health route reports. */
export type StoreCondition =
  | {
      state: "ok";
      /** After an outage: that the store is back, and after how long. */
      message?: string;
    }
  | {
      state: "unreachable" | "damaged";
      /** Since when (epoch ms). */
      since: number;
      /** What the operator reads: what is wrong, with which store, and what to do. */
      message: string;
    };

export class StoreUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "StoreUnavailableError";
  }
}

/** Keeps a store's condition and tells its listener each change, once. */
export class ConditionWatch {
  current: StoreCondition = { state: "ok" };
  listener?: (c: StoreCondition) => void;

  /** `name` says which store, in the message that it is back ("the PostgreSQL store postgres://..."). */
  constructor(private readonly name: string) {}

  /** The store failed: the first failure of an outage is told, the others are not. */
  fail(state: "unreachable" | "damaged", message: string): void {
    if (this.current.state === state) return;
    this.set({ state, since: Date.now(), message });
  }

  /** The store served a call again. */
  ok(): void {
    const was = this.current;
    if (was.state === "ok") return;
    const seconds = ((Date.now() - was.since) / 1000).toFixed(1);
    this.set({ state: "ok", message: `${this.name} is back after ${seconds} s: calls are served again` });
  }

  private set(c: StoreCondition): void {
    this.current = c;
    try {
      this.listener?.(c);
    } catch {
      // A listener that fails (a closed log stream) never fails the call that changed the condition.
    }
  }
}
