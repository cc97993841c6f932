// Reset, export and import of the whole state: what the admin routes and the in-process API
// (startImagelite) both do, in one place.
import type { App } from "../../runtime/app-types";
import { dumpPages, type RecordKey, type StoredRecord } from "../../state/store";
import { CLOCK_MAX_MS, CLOCK_MIN_MS, isClockTime } from "../../state/clock";
import { expiringKinds, forgetDueTime, isExpiryIndex, rebuildExpiryIndex } from "../../state/expiry";
import { checkedRecords } from "./state-checks";
import { ControlError as AdminError } from "./control-error";
import { CONTROL_TYPE, FAULT_TYPE, keepingControl, readControl } from "../../state/shared-control";

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

/**
 * Types that are not state to carry: a shared store's fault rules (no more state than a single process's,
 * which reset drops), derived indexes, and the clock's record, which the document's head carries (its other
 * members say what processes on one store have seen, and change with every import).
 */
const exported = (type: string) => type !== FAULT_TYPE && type !== CONTROL_TYPE && !isExpiryIndex(type);

function header(app: App) {
  return { format: STATE_FORMAT, version: 1, clock: { now: new Date(app.clock.now()).toISOString(), mode: app.clock.getMode() } };
}

/** The whole state as one object (the in-process API); the admin route streams it instead (exportChunks). */
export function exportState(app: App) {
  const records: StoredRecord[] = [];
  for (const page of dumpPages(app.store)) for (const r of page) if (exported(r.type)) records.push(r);
  return { ...header(app), records };
}

/** Records per read of the store, and the JSON a page may come to before the next is read smaller. */
const PAGE = 256;
const PAGE_CHARS = 4 * 1024 * 1024;
/** Text handed to the socket at once: a record larger than it goes alone. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The export's JSON text, the same as JSON.stringify(exportState(app)), in chunks read from the store page by
 * page as the consumer pulls them: neither the records nor the text are ever held whole. Pages shrink when
 * records are large, so that what one read holds stays near PAGE_CHARS. Not a snapshot: a call served between
 * two pages may or may not show (a state that fits one page is read at once).
 */
export function* exportChunks(app: App): Generator<string> {
  yield `${JSON.stringify(header(app)).slice(0, -1)},"records":[`;
  let text = "";
  let first = true;
  let after: RecordKey | undefined;
  let size = PAGE;
  for (;;) {
    const page = app.store.dump({ after, limit: size });
    let chars = 0;
    for (const r of page) {
      if (!exported(r.type)) continue;
      const json = JSON.stringify({ type: r.type, account: r.account, region: r.region, id: r.id, value: r.value });
      chars += json.length;
      text += first ? json : `,${json}`;
      first = false;
      if (text.length >= CHUNK_CHARS) {
        yield text;
        text = "";
      }
    }
    if (page.length < size) break;
    const last = page[page.length - 1];
    after = { type: last.type, account: last.account, region: last.region, id: last.id };
    size = chars > PAGE_CHARS ? Math.max(1, Math.floor((size * PAGE_CHARS) / chars)) : Math.min(PAGE, size * 2);
  }
  yield `${text}]}`;
}

/** Replaces the whole state with an exported document, in one transaction; the clock returns to its time. */
export function importState(app: App, doc: Record<string, unknown>): number {
  if (doc.format !== STATE_FORMAT || doc.version !== 1)
    throw new AdminError(400, "InvalidState", `Not an ${STATE_FORMAT} document of version 1.`);
  const clock = doc.clock as { now?: unknown; mode?: unknown } | undefined;
  const at = clock && typeof clock.now === "string" ? Date.parse(clock.now) : NaN;
  if (clock !== undefined && (!isClockTime(at) || (clock.mode !== "real" && clock.mode !== "manual"))) {
    throw new AdminError(
      400,
      "InvalidState",
      `clock must be {"now": ISO 8601 time from ${new Date(CLOCK_MIN_MS).toISOString()} to ${new Date(CLOCK_MAX_MS).toISOString()}, "mode": "real" | "manual"}.`,
    );
  }
  // Every record is checked before any replaces the state: one that reads would trip on never gets in.
  const records = checkedRecords(app, doc.records);
  app.store.transaction(() => {
    const before = readControl(app.store);
    keepingControl(
      app.store,
      () => {
        app.store.clear();
        for (const r of records) if (!isExpiryIndex(r.type)) app.store.put(r.type, { account: r.account, region: r.region }, r.id, r.value);
        // An export of an earlier version holds records of its own shapes.
        for (const d of app.services) d.upgradeRecords?.(app.store);
        // Derived from the records, never taken from the document (an earlier version exported it).
        rebuildExpiryIndex(app.store, expiringKinds(app.services.flatMap((d) => d.collections)));
      },
      // A document of an earlier version may hold the clock's record; one without keeps the store's.
      !records.some((r) => r.type === CONTROL_TYPE),
    );
    app.control?.stateReplaced(before);
  });
  forgetDueTime(app.store);
  app.control?.refresh();
  if (clock) app.clock.restore(clock.mode as "real" | "manual", at);
  return records.length;
}
