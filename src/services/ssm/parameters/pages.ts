// One page of parameters from a source in name order: the first `limit` that a filter set keeps, and whether more follow.
import type { ParameterRecord, ParameterVersionRecord } from "./records";

export function takePage(
  source: Iterable<ParameterRecord>,
  limit: number,
  match: (p: ParameterRecord) => ParameterVersionRecord | undefined,
): { items: { p: ParameterRecord; v: ParameterVersionRecord }[]; more: boolean } {
  const items: { p: ParameterRecord; v: ParameterVersionRecord }[] = [];
  for (const p of source) {
    const v = match(p);
    if (!v) continue;
    if (items.length === limit) return { items, more: true };
    items.push({ p, v });
  }
  return { items, more: false };
}
