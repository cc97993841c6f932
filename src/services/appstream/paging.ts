// Page sizes and tokens as AppStream describes them: MaxResults 0 or absent means the default page.
import { decodeToken, encodeToken } from "../../util/pagination";
import type { Collection, Key, Scope, ScanOptions } from "../../state/collection";
import * as err from "./errors";

export const pageSize = (max: number | undefined, dflt: number): number => (max && max > 0 ? Math.min(max, dflt) : dflt);

export const appstreamPage = {
  encode: encodeToken,
  decode(scope: string, token: string): string {
    const key = decodeToken(scope, token);
    if (key === undefined) throw err.validation("The NextToken provided is not valid.");
    return key;
  },
};

/** One page of a collection, its token the last id served within `scope` (the operation and what narrows it). */
export function collectionPage<T, K extends Key>(
  c: Collection<T, K, string>,
  s: Scope,
  o: ScanOptions<K> & { limit: number; filter?: (v: T) => boolean },
  scope: string,
  token: string | undefined,
): { items: T[]; nextToken?: string } {
  const page = c.page(s, { ...o, after: token ? appstreamPage.decode(scope, token) : undefined });
  return { items: page.items.map((r) => r.value), nextToken: page.next === undefined ? undefined : encodeToken(scope, page.next) };
}

/** One page of a list already in order, its token the key of the last item served within `scope`. */
export function listPage<T>(items: T[], key: (v: T) => string, scope: string, token: string | undefined, limit: number) {
  const after = token ? appstreamPage.decode(scope, token) : undefined;
  const rest = after === undefined ? items : items.filter((v) => key(v) > after);
  const page = rest.slice(0, limit);
  return { items: page, nextToken: rest.length > limit ? encodeToken(scope, key(page[page.length - 1])) : undefined };
}
