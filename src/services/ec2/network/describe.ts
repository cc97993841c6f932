// How DescribeVpcs, DescribeSubnets and DescribeSecurityGroups read: the ids asked for (each must exist),
// or every record of the caller in id order, one page at a time after the NextToken; filters on both.
import type { RequestContext } from "../../../gateway/context";
import type { Collection } from "../../../state/collection";
import { compileFilters, type Filter, type FilterSpec } from "../filters";
import { nextToken, pageLimit, startAfter } from "../paging";
import { tagMap } from "../tags/records";

export interface DescribeSpec<T> {
  ids?: string[];
  /** Checks an id and returns its record, or throws the resource's own error. */
  find(id: string): T;
  fields: FilterSpec<T>["fields"];
  idOf(item: T): string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export function describeRecords<T>(
  ctx: RequestContext,
  records: Collection<T, string, string>,
  spec: DescribeSpec<T>,
): { items: T[]; NextToken?: string } {
  const matches = compileFilters<T>(spec.Filters, { fields: spec.fields, tags: (item) => tagMap(ctx, spec.idOf(item)) });
  const limit = pageLimit(spec.MaxResults, 5, 1000);
  if (spec.ids?.length) {
    const found = new Map<string, T>();
    for (const id of spec.ids) found.set(id, spec.find(id));
    return { items: [...found.values()].filter(matches) };
  }
  const page = records.page(ctx, { after: startAfter(ctx, spec.NextToken), limit: Number.isFinite(limit) ? limit : 1e9, filter: matches });
  return { items: page.items.map((r) => r.value), NextToken: page.next === undefined ? undefined : nextToken(ctx, page.next) };
}
