// What every process serving one shared store (--workers, PostgreSQL) must agree on besides the records:
// the clock, and versions of the fault rules and of the whole state. They are one record, the clock's, that
// each call reads once (one get by key) before it looks at faults or the time: a process then takes the
// stored clock, reloads the fault rules only when their version moved, and forgets what it remembers of
// the records (the expiry sweep's next due time) when a state import replaced them. A process that changes
// any of them does so in a store transaction that starts from the stored record, so that changes made by
// several processes at once all count (two advances of a minute make two minutes).
import type { Store, Partition } from "./store";
import type { Clock, ClockState } from "./clock";
import type { RecordSchema } from "./record-schema";
import { forgetDueTime } from "./expiry";

export const CONTROL_TYPE = "imagelite.clock";
/** The fault rules of a shared store (faults/shared-faults.ts). */
export const FAULT_TYPE = "imagelite.fault";
export const CONTROL_ID = "clock";
export const IMAGELITE_PARTITION: Partition = { account: "imagelite", region: "global" };

export interface ControlState extends ClockState {
  /** Moves on with every change of the set of fault rules. */
  faults?: number;
  /** Moves on with every state import. */
  epoch?: number;
}

export const CONTROL_SCHEMA: RecordSchema = {
  mode: "string",
  offsetMs: "number",
  frozenAt: "number?",
  faults: "number?",
  epoch: "number?",
};

export const readControl = (store: Store): ControlState | undefined =>
  store.get<ControlState>(CONTROL_TYPE, IMAGELITE_PARTITION, CONTROL_ID);

export class SharedControl {
  private faultsVersion?: number;
  private epoch?: number;
  /** The fault rules this process keeps in memory, reloaded from the store when their version moved. */
  faults?: { reload(): void };

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    clock.transact = (change) =>
      store.transaction(() => {
        const stored = readControl(store);
        if (stored) clock.load(stored);
        change();
        this.save(clock.snapshot(), stored, {});
      });
  }

  /** Brings this process's copies up to date with the store; called before each call and admin request. */
  refresh(): void {
    const c = readControl(this.store);
    if (!c) return;
    this.clock.load(c);
    if (c.faults !== this.faultsVersion) {
      this.faults?.reload();
      this.faultsVersion = c.faults;
    }
    if (c.epoch !== this.epoch) {
      if (this.epoch !== undefined) forgetDueTime(this.store);
      this.epoch = c.epoch;
    }
  }

  /** Within the caller's transaction: the fault rules changed. */
  faultsChanged(): void {
    const stored = readControl(this.store);
    this.save(stored ?? this.clock.snapshot(), stored, { faults: true });
  }

  /**
   * Within the caller's transaction, after a state import put its records: every process reloads what it keeps.
   * The clock is the imported one if the import had it, else the one before.
   */
  stateReplaced(before: ControlState | undefined): void {
    const imported = readControl(this.store);
    this.save(imported ?? before ?? this.clock.snapshot(), before, { faults: true, epoch: true });
  }

  /** Writes a clock state with the stored versions (those named moved on by one). */
  private save(clock: ClockState, stored: ControlState | undefined, bump: { faults?: boolean; epoch?: boolean }): void {
    const next = (v: number | undefined, moved?: boolean) => (moved ? (v ?? 0) + 1 : v);
    const value: ControlState = { mode: clock.mode, offsetMs: clock.offsetMs };
    if (clock.frozenAt !== undefined && clock.mode === "manual") value.frozenAt = clock.frozenAt;
    const faults = next(stored?.faults, bump.faults);
    const epoch = next(stored?.epoch, bump.epoch);
    if (faults !== undefined) value.faults = faults;
    if (epoch !== undefined) value.epoch = epoch;
    this.store.put(CONTROL_TYPE, IMAGELITE_PARTITION, CONTROL_ID, value);
  }
}

/**
 * Runs `clear` (a reset's or a state import's) and puts back what is not state to clear: the fault rules
 * of a shared store, and the clock's record unless the caller replaces it.
 */
export function keepingControl(store: Store, clear: () => void, keepClock: boolean): void {
  const kept = store.list(FAULT_TYPE, IMAGELITE_PARTITION).map((r) => ({ type: FAULT_TYPE, ...r }));
  const control = keepClock ? readControl(store) : undefined;
  if (control) kept.push({ type: CONTROL_TYPE, id: CONTROL_ID, value: control });
  clear();
  for (const r of kept) store.put(r.type, IMAGELITE_PARTITION, r.id, r.value);
}
