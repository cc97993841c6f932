// How the describes of internet gateways, route tables, network ACLs and Elastic IPs read: the ids asked for
// (each must exist, or the resource's own error), or the caller's records through the most selective index a
// filter names (query-plan.ts: an id, a VPC, a subnet, an association, a tag), else every record in id order;
// each filter is then applied in full, and a page ends after MaxResults with a NextToken.
import type { RequestContext } from "../../../gateway/context";
import type { Collection } from "../../../state/collection";
import { compileFilters, type Filter, type FilterSpec } from "../filters";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { byValues, candidates, collectionSource, conditionsOf, RANK, type DescribePlan } from "../query-plan";
import { tagMap } from "../tags/records";
import type { Ec2Type } from "../resource-types";
import { ServiceError } from "../../../errors/service-error";

export interface IndexedDescribe<T, I extends string> {
  collection: Collection<T, string, I>;
  /** The resource type of its tags (tag:<key> and tag-key read the tag index). */
  tagType: Ec2Type;
  idOf(r: T): string;
  /** Filter name → the index that answers it by its values. */
  indexed: Record<string, "id" | I>;
  fields: FilterSpec<T>["fields"];
  /** The ids asked for by parameter; each found by `find`, which throws the resource's error. */
  ids?: string[];
  find(id: string): T;
  /** Records that are not shown (their VPC is gone). */
  shown?(r: T): boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  /** MaxResults' range, when the operation pages. */
  paging?: { min: number; max: number };
}

export function describeIndexed<T, I extends string>(ctx: RequestContext, d: IndexedDescribe<T, I>): { items: T[]; NextToken?: string } {
  const filter = compileFilters<T>(d.Filters, { fields: d.fields, tags: (r) => tagMap(ctx, d.idOf(r)) });
  const matches = (r: T) => (d.shown ? d.shown(r) : true) && filter(r);
  const limit = d.paging ? pageLimit(d.MaxResults, d.paging.min, d.paging.max) : Number.POSITIVE_INFINITY;
  if (d.ids?.length) {
    if (d.MaxResults !== undefined) throw idsWithPaging();
    const found = new Map<string, T>();
    for (const id of d.ids) found.set(id, d.find(id));
    return { items: [...found.values()].filter(matches) };
  }
  const indexes = [...new Set(Object.values(d.indexed).filter((i): i is I => i !== "id"))];
  const conditions: DescribePlan<T, I>["conditions"] = {};
  for (const [name, index] of Object.entries(d.indexed) as [string, "id" | I][]) {
    conditions[name] = byValues<"id" | I>(index, index === "id" ? RANK.id : RANK.key, index === "id" ? RANK.idPrefix : RANK.keyPrefix);
  }
  const plan: DescribePlan<T, I> = {
    idOf: d.idOf,
    sources: [collectionSource(d.collection, ctx, indexes, (_, r) => r)],
    tagType: d.tagType,
    conditions,
  };
  const batch = Number.isFinite(limit) ? limit + 1 : 1000;
  const source = candidates(ctx, plan, conditionsOf({}, d.Filters), { after: startAfter(ctx, d.NextToken), batch });
  const { page, more } = takePage(source, matches, limit);
  return { items: page, NextToken: more ? nextToken(ctx, d.idOf(page[page.length - 1])) : undefined };
}

const idsWithPaging = () =>
  new ServiceError("InvalidParameterCombination", "The parameter MaxResults cannot be used with the ids of the resources to describe");
