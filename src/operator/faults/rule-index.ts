// Fault rules by service and operation: a call looks only at the rules of its own operation and of its
// service's "*", so rules for other operations cost it nothing. Both keep the order the rules came in.

export interface IndexedRule {
  id: string;
  service: string;
  operation: string;
}

interface Entry<R> {
  rule: R;
  seq: number;
}

const NONE: never[] = [];

export class RuleIndex<R extends IndexedRule> {
  /** Every rule, in the order added (a Map iterates in insertion order). */
  private readonly byId = new Map<string, Entry<R>>();
  /** service → operation or "*" → entries in the order added. */
  private readonly byService = new Map<string, Map<string, Entry<R>[]>>();
  private seq = 0;

  get size(): number {
    return this.byId.size;
  }

  add(rule: R): void {
    const entry = { rule, seq: this.seq++ };
    this.byId.set(rule.id, entry);
    let ops = this.byService.get(rule.service);
    if (!ops) this.byService.set(rule.service, (ops = new Map()));
    const list = ops.get(rule.operation);
    if (list) list.push(entry);
    else ops.set(rule.operation, [entry]);
  }

  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.byId.delete(id);
    const { service, operation } = entry.rule;
    const ops = this.byService.get(service)!;
    const list = ops.get(operation)!;
    list.splice(list.indexOf(entry), 1);
    if (list.length === 0) ops.delete(operation);
    if (ops.size === 0) this.byService.delete(service);
    return true;
  }

  clear(): void {
    this.byId.clear();
    this.byService.clear();
  }

  all(): R[] {
    return [...this.byId.values()].map((e) => e.rule);
  }

  /** The rules that name this operation or "*" of this service, in the order added. */
  *candidates(service: string, operation: string): Generator<R> {
    const ops = this.byService.get(service);
    if (!ops) return;
    const named = ops.get(operation) ?? NONE;
    const any = ops.get("*") ?? NONE;
    let i = 0;
    let j = 0;
    while (i < named.length || j < any.length) {
      yield j === any.length || (i < named.length && named[i].seq < any[j].seq) ? named[i++].rule : any[j++].rule;
    }
  }
}
