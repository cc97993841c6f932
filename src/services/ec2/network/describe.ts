// How DescribeVpcs, DescribeSubnets and DescribeSecurityGroups read: the ids asked for (each must exist),
// or the caller's records in id order, one page at a time after the NextToken; filters on both. A filter that
// names ids, a VPC or a tag reads its index (query-plan.ts) instead of every record.
import type { RequestContext } from "../../../gateway/context";
import type { Collection } from "../../../state/collection";
import { compileFilters, type Filter, type FilterSpec } from "../filters";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { byValues, candidates, collectionSource, conditionsOf, RANK, type DescribePlan, type Offer } from "../query-plan";
import { tagMap } from "../tags/records";

export interface DescribeSpec<T, I extends string> {
  ids?: string[];
  /** Checks an id and returns its record, or throws the resource's own error. */
  find(id: string): T;
  fields: FilterSpec<T>["fields"];
  idOf(item: T): string;
  /** The resource type its tags carry: `tag:<key>` and `tag-key` read the tag index. */
  tagType: string;
  /** The secondary indexes of the collection that filters read, and the filter names each answers. */
  indexes?: Partial<Record<I, string[]>>;
  /** The filter names that name the records' own ids. */
  idFilters: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export function describeRecords<T, I extends string>(
  ctx: RequestContext,
  records: Collection<T, string, I>,
  spec: DescribeSpec<T, I>,
): { items: T[]; NextToken?: string } {
  const matches = compileFilters<T>(spec.Filters, { fields: spec.fields, tags: (item) => tagMap(ctx, spec.idOf(item)) });
  const limit = pageLimit(spec.MaxResults, 5, 1000);
  if (spec.ids?.length) {
    const found = new Map<string, T>();
    for (const id of spec.ids) found.set(id, spec.find(id));
    return { items: [...found.values()].filter(matches) };
  }
  const indexes = Object.keys(spec.indexes ?? {}) as I[];
  const conditions: Record<string, (values: string[]) => Offer<"id" | I> | undefined> = {};
  for (const name of spec.idFilters) conditions[name] = byValues("id", RANK.id, RANK.idPrefix);
  for (const index of indexes) for (const name of spec.indexes![index]!) conditions[name] = byValues(index, RANK.key, RANK.keyPrefix);
  const plan: DescribePlan<T, I> = {
    idOf: spec.idOf,
    sources: [collectionSource(records, ctx, indexes, (_, v) => v)],
    tagType: spec.tagType,
    conditions,
  };
  const batch = Number.isFinite(limit) ? limit + 1 : 1000;
  const source = candidates(ctx, plan, conditionsOf({}, spec.Filters), { after: startAfter(ctx, spec.NextToken), batch });
  const { page, more } = takePage(source, matches, limit);
  return { items: page, NextToken: more ? nextToken(ctx, spec.idOf(page[page.length - 1])) : undefined };
}
