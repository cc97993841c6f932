// Page sizes and tokens as AppStream describes them: MaxResults 0 or absent means the default page.
import { decodeToken, encodeToken } from "../../util/pagination";
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

/** One page of a store listing, skipping records that `keep` rejects (resources whose deletion finished). */
export function storePage<T>(
  list: (after: string | undefined, limit: number) => { id: string; value: T }[],
  keep: (v: T) => boolean, scope: string, token: string | undefined, limit: number,
): { items: T[]; nextToken?: string } {
  let after = token ? appstreamPage.decode(scope, token) : undefined;
  const items: { id: string; value: T }[] = [];
  for (;;) {
    const batch = list(after, limit + 1);
    for (const r of batch) if (keep(r.value)) items.push(r);
    if (batch.length <= limit || items.length > limit) break;
    after = batch[batch.length - 1].id;
  }
  const page = items.slice(0, limit);
  return {
    items: page.map((r) => r.value),
    nextToken: items.length > limit ? encodeToken(scope, page[page.length - 1].id) : undefined,
  };
}
