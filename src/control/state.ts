// Reset, export and import of the whole state: what the admin routes and the in-process API
// (startImagelite) both do, in one place.
import type { App } from "../app";
import type { StoredRecord } from "../state/store";
import { checkRecord } from "../state/record-schema";
import { CLOCK_MAX_MS, CLOCK_MIN_MS, isClockTime } from "../state/clock";
import { forgetDueTime } from "../state/expiry";
import { ControlError as AdminError } from "./control-error";
import { FAULT_TYPE, keepingControl, readControl } from "../state/shared-control";

export const STATE_FORMAT = "imagelite-state";

export function reset(app: App, scope: { accountId?: string; region?: string; service?: string } = {}): void {
  // The clock is not state to reset: it keeps its time, and its record in the store.
  app.store.transaction(() =>
    keepingControl(
      app.store,
      () =>
        app.store.clear({ account: scope.accountId, region: scope.region, typePrefix: scope.service ? `${scope.service}.` : undefined }),
      true,
    ),
  );
  for (const f of app.faults.list()) {
    if (
      (!scope.service || f.service === scope.service) &&
      (!scope.accountId || !f.accountId || f.accountId === scope.accountId) &&
      (!scope.region || !f.region || f.region === scope.region)
    )
      app.faults.remove(f.id);
  }
}

export function exportState(app: App) {
  return {
    format: STATE_FORMAT,
    version: 1,
    clock: { now: new Date(app.clock.now()).toISOString(), mode: app.clock.getMode() },
    // A shared store's fault rules are records too, but no more state than a single process's (reset drops them).
    records: app.store.dump().filter((r) => r.type !== FAULT_TYPE),
  };
}

/** Replaces the whole state with an exported document, in one transaction; the clock returns to its time. */
export function importState(app: App, doc: Record<string, unknown>): number {
  if (doc.format !== STATE_FORMAT || doc.version !== 1)
    throw new AdminError(400, "InvalidState", `Not an ${STATE_FORMAT} document of version 1.`);
  if (!Array.isArray(doc.records)) throw new AdminError(400, "InvalidState", "records must be a list.");
  const records = doc.records as StoredRecord[];
  records.forEach((r, i) => {
    if (
      typeof r !== "object" ||
      r === null ||
      typeof r.type !== "string" ||
      typeof r.account !== "string" ||
      typeof r.region !== "string" ||
      typeof r.id !== "string" ||
      r.id === "" ||
      r.value === undefined
    ) {
      throw new AdminError(400, "InvalidState", `records[${i}] must have string type, account, region and id, and a value.`);
    }
    // Every record is checked against its type before any replaces the state: one that reads would
    // trip on never gets in.
    const schema = app.recordSchemas.get(r.type);
    if (!schema) throw new AdminError(400, "InvalidState", `records[${i}] has the unknown type ${JSON.stringify(r.type.slice(0, 100))}.`);
    const problem = checkRecord(schema, r.value);
    if (problem) throw new AdminError(400, "InvalidState", `records[${i}] (${r.type} ${JSON.stringify(r.id.slice(0, 100))}): ${problem}.`);
  });
  const clock = doc.clock as { now?: unknown; mode?: unknown } | undefined;
  const at = clock && typeof clock.now === "string" ? Date.parse(clock.now) : NaN;
  if (clock !== undefined && (!isClockTime(at) || (clock.mode !== "real" && clock.mode !== "manual"))) {
    throw new AdminError(
      400,
      "InvalidState",
      `clock must be {"now": ISO 8601 time from ${new Date(CLOCK_MIN_MS).toISOString()} to ${new Date(CLOCK_MAX_MS).toISOString()}, "mode": "real" | "manual"}.`,
    );
  }
  app.store.transaction(() => {
    const before = readControl(app.store);
    keepingControl(
      app.store,
      () => {
        app.store.clear();
        for (const r of records) app.store.put(r.type, { account: r.account, region: r.region }, r.id, r.value);
        // An export of an earlier version holds records of its own shapes.
        for (const d of app.services) d.upgradeRecords?.(app.store);
      },
      false,
    );
    app.control?.stateReplaced(before);
  });
  forgetDueTime(app.store);
  app.control?.refresh();
  if (clock) app.clock.restore(clock.mode as "real" | "manual", at);
  return records.length;
}
