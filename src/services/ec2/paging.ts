// EC2 pagination ("Pagination", Query-Requests.html#api-pagination): MaxResults within the operation's range,
// and an opaque NextToken carrying the sort key of the last item served, so that pages never repeat or skip
// an item whatever changes between calls. A token made for another operation, account or region is refused.
import type { RequestContext } from "../../gateway/context";
import { decodeToken, encodeToken } from "../../util/pagination";
import * as err from "./errors";

const scopeOf = (ctx: RequestContext) => `${ctx.operation} ${ctx.accountId} ${ctx.region}`;

export const nextToken = (ctx: RequestContext, lastKey: string): string => encodeToken(scopeOf(ctx), lastKey);

/** The key after which the page starts ("" for the first page). */
export function startAfter(ctx: RequestContext, token: string | undefined): string {
  if (token === undefined) return "";
  const key = decodeToken(scopeOf(ctx), token);
  if (key === undefined) throw err.invalidNextToken();
  return key;
}

/** MaxResults checked against the operation's range; undefined (no MaxResults) means every result in one page. */
export function pageLimit(max: number | undefined, min: number, upper: number): number {
  if (max === undefined) return Number.POSITIVE_INFINITY;
  if (max < min || max > upper) {
    throw err.invalidValue(`Value ( ${max} ) for parameter maxResults is invalid. Expecting a value between ${min} and ${upper}.`);
  }
  return max;
}

/** The first `limit` items that match, read lazily, and whether another match follows (then a NextToken is due). */
export function takePage<T>(items: Iterable<T>, matches: (item: T) => boolean, limit: number): { page: T[]; more: boolean } {
  const page: T[] = [];
  for (const item of items) {
    if (!matches(item)) continue;
    if (page.length >= limit) return { page, more: true };
    page.push(item);
  }
  return { page, more: false };
}
