// Fault rules of a store that several processes share: each rule is a record, so that every process
// matches the same rules, and a rule with `times` is spent in a store transaction that counts its uses,
// so that it fires N times across all processes together. Each process keeps the rules in memory, as a
// single process does, and reloads them when the control record says that the set changed
// (state/shared-control.ts); only a call that matches a rule touches the store for it.
import { randomUUID } from "node:crypto";
import type { Store } from "../../state/store";
import { FAULT_TYPE, IMAGELITE_PARTITION, type SharedControl } from "../../state/shared-control";
import { checkRoom, effectOf, Faults, type FaultEffect, type FaultRule, type StoredFault } from "./faults";

const P = IMAGELITE_PARTITION;

/** A rule as stored: its place in the order rules were added, for the first error to win everywhere alike. */
interface FaultRecord extends StoredFault {
  seq: number;
}

const bySeq = (a: FaultRecord, b: FaultRecord) => a.seq - b.seq;
const view = ({ seq: _seq, ...rule }: FaultRecord): StoredFault => rule;

export class SharedFaults extends Faults {
  constructor(
    private readonly store: Store,
    private readonly control: SharedControl,
    random?: () => number,
  ) {
    super(random);
    control.faults = this;
  }

  private stored(): FaultRecord[] {
    return this.store
      .list<FaultRecord>(FAULT_TYPE, P)
      .map((r) => r.value)
      .sort(bySeq);
  }

  /** Takes the stored rules as this process's. */
  reload(): void {
    this.rules.clear();
    for (const r of this.stored()) this.rules.add(view(r));
  }

  override add(rule: FaultRule): string {
    const id = randomUUID();
    this.store.transaction(() => {
      const all = this.stored();
      checkRoom(all.length);
      const seq = all.length ? all[all.length - 1].seq + 1 : 0;
      this.store.put(FAULT_TYPE, P, id, { ...rule, id, matched: 0, seq } satisfies FaultRecord);
      this.control.faultsChanged();
    });
    this.control.refresh();
    return id;
  }

  override list(): StoredFault[] {
    return this.stored().map(view);
  }

  override remove(id: string): boolean {
    const removed = this.store.transaction(() => {
      const gone = this.store.delete(FAULT_TYPE, P, id);
      if (gone) this.control.faultsChanged();
      return gone;
    });
    this.control.refresh();
    return removed;
  }

  override clear(): void {
    this.store.transaction(() => {
      const all = this.store.list(FAULT_TYPE, P);
      for (const r of all) this.store.delete(FAULT_TYPE, P, r.id);
      if (all.length) this.control.faultsChanged();
    });
    this.control.refresh();
  }

  /** The rules this process finds applicable are spent in the store, where another process may have spent them first. */
  override match(
    service: string,
    operation: string,
    accountId: string,
    region: string,
    input: Record<string, unknown> | undefined,
  ): FaultEffect | undefined {
    const applying = this.applicable(service, operation, accountId, region, input);
    if (!applying.length) return undefined;
    const spent = this.store.transaction(() => {
      const out: FaultRecord[] = [];
      for (const r of applying) {
        const rec = this.store.get<FaultRecord>(FAULT_TYPE, P, r.id);
        if (!rec || (rec.times !== undefined && rec.matched >= rec.times)) continue;
        rec.matched++;
        this.store.put(FAULT_TYPE, P, r.id, rec);
        out.push(rec);
      }
      return out;
    });
    // What this process knows of each rule's uses, so that a rule used up elsewhere is not tried again.
    for (const r of applying) r.matched = spent.find((s) => s.id === r.id)?.matched ?? r.times ?? r.matched;
    return effectOf(spent.map(view));
  }
}
