// Where DescribeImages reads its candidates from (query-plan.ts plans the read). The AMIs a caller can see come
// from four sources — the region's catalog, its own AMIs, the index of AMIs shared with it and the index of
// public ones — and every source is indexed by id (its key), name, owner and owner alias; the caller's tags
// are indexed by key and value. The most selective access a request offers wins: ids, then an exact name, an
// exact tag, an id prefix, a name prefix, a tag prefix, owners, tag keys.
import type { RequestContext } from "../../../gateway/context";
import { inPartition, type Scope } from "../../../state/collection";
import { catalog } from "../catalog/catalog";
import { amis, storedImage } from "./access";
import { publicImages, publicPartition, sharedImages, UNNAMED, type AmiRecord, type IndexRecord } from "./records";
import {
  byValues,
  collectionSource,
  groupedList,
  idList,
  keyedList,
  ownedBy,
  ownedByOthers,
  RANK,
  type DescribePlan,
  type IndexRead,
} from "../query-plan";

const ACCOUNT_ID = /^[0-9]{12}$/;

type ImageIndex = "name" | "owner" | "alias";

const idOf = (r: AmiRecord) => r.ImageId;

/** Index records written before names were kept sit under UNNAMED in the name and alias indexes: candidates of every one. */
const orUnnamed =
  <T>(read: IndexRead<T>): IndexRead<T> =>
  (accesses, after, batch) =>
    read([...accesses, { key: UNNAMED }], after, batch);

/** DescribeImages' plan for the caller: its sources, and the conditions (Owners and filters) that indexes answer. */
export function imagePlan(ctx: RequestContext): DescribePlan<AmiRecord, ImageIndex> {
  const cat = catalog(ctx);
  const own = collectionSource(amis, ctx, ["name", "alias"], (_, r) => r);
  const grants = (c: typeof sharedImages, s: Scope, serve: (id: string, v: IndexRecord) => AmiRecord | undefined) => {
    const source = collectionSource(c, s, ["owner", "name", "alias"], serve);
    return { ...source, owner: ownedByOthers(ctx.accountId, source.owner), name: orUnnamed(source.name), alias: orUnnamed(source.alias) };
  };
  const shared = (id: string, v: IndexRecord) => storedImage(ctx, v.owner, ctx.region, id);
  const publicOne = (id: string, v: IndexRecord) => {
    const r = storedImage(ctx, v.owner, ctx.region, id);
    return r?.public ? r : undefined;
  };
  return {
    idOf,
    sources: [
      {
        id: idList(cat.list, idOf),
        name: keyedList(cat.byName, (r) => r.Name, idOf),
        owner: groupedList(cat.byOwner, idOf),
        alias: groupedList(cat.byAlias, idOf),
      },
      { ...own, owner: ownedBy(ctx.accountId, own.id) },
      grants(sharedImages, ctx, shared),
      grants(publicImages, inPartition(ctx, publicPartition(ctx.region)), publicOne),
    ],
    tagType: "image",
    conditions: {
      // Owners are accounts (`self` the caller) or aliases; checked before the plan is asked.
      Owners: (owners) => ({
        rank: RANK.owner,
        reads: [
          {
            index: "owner",
            accesses: owners.filter((o) => o === "self" || ACCOUNT_ID.test(o)).map((o) => ({ key: o === "self" ? ctx.accountId : o })),
          },
          { index: "alias", accesses: owners.filter((o) => o !== "self" && !ACCOUNT_ID.test(o)).map((key) => ({ key })) },
        ],
      }),
      "image-id": byValues("id", RANK.id, RANK.idPrefix),
      name: byValues("name", RANK.key, RANK.keyPrefix),
      "owner-id": byValues("owner", RANK.owner),
      "owner-alias": byValues("alias", RANK.owner),
    },
  };
}
