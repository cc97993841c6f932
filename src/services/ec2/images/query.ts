// Where DescribeImages reads its candidates from. The AMIs a caller can see come from four sources — the
// region's catalog, its own AMIs, the index of AMIs shared with it and the index of public ones — and every
// source has indexes: by id (its key), by name, by owner and by owner alias, and the caller's tags are indexed
// by key and value. The planner takes the most selective access the request offers (ids, then an exact name,
// an exact tag, an id prefix, a name prefix, a tag prefix, owners, tag keys), gathers the candidates of each
// source through it in AMI-id order, and leaves every filter to the caller to apply in full: the result is what
// the walk over everything visible (`visibleAfter`) gives, at the cost of the candidates.
import type { RequestContext } from "../../../gateway/context";
import { inPartition } from "../../../state/collection";
import type { DescribeImagesRequest } from "../api.generated";
import { catalog, catalogImage, catalogImagesAfter } from "../catalog/catalog";
import { amis, storedImage } from "./access";
import { publicImages, publicPartition, sharedImages, UNNAMED, type AmiRecord, type IndexRecord } from "./records";
import {
  accessEntries,
  allExact,
  byIdUnique,
  idRange,
  keyEntries,
  keyRange,
  sortedAfter,
  tagAccess,
  taggedAfter,
  valuesAccess,
  type KeyAccess,
  type TagAccess,
} from "../query-plan";
import { mergeById, resolved } from "../../../util/sorted-merge";

const ACCOUNT_ID = /^[0-9]{12}$/;

export type ImagePlan =
  | { kind: "walk"; unindexed: string[] }
  | { kind: "id"; accesses: KeyAccess[] }
  | { kind: "name"; accesses: KeyAccess[] }
  | { kind: "owner"; accounts: string[]; aliases: string[] }
  | { kind: "tag"; access: TagAccess };

const idOf = (r: AmiRecord) => r.ImageId;

/** The access path of a request's Owners and Filters (already checked), most selective first; a walk when none has one. */
export function planImages(ctx: RequestContext, input: DescribeImagesRequest): ImagePlan {
  let best: { rank: number; plan: ImagePlan } | undefined;
  const offer = (rank: number, plan: ImagePlan) => {
    if (!best || rank < best.rank) best = { rank, plan };
  };
  const unindexed: string[] = [];
  const owners = input.Owners ?? [];
  if (owners.length) {
    const accounts = owners.filter((o) => o === "self" || ACCOUNT_ID.test(o)).map((o) => (o === "self" ? ctx.accountId : o));
    offer(6, { kind: "owner", accounts, aliases: owners.filter((o) => o !== "self" && !ACCOUNT_ID.test(o)) });
  }
  if (input.ExecutableUsers?.length) unindexed.push("ExecutableUsers");
  for (const f of input.Filters ?? []) {
    const name = f.Name!;
    const values = f.Values ?? [];
    const tag = tagAccess(name, values);
    if (tag) {
      offer("tag" in tag ? (allExact(tag.values) ? 2 : 5) : 7, { kind: "tag", access: tag });
      continue;
    }
    const accesses = valuesAccess(values);
    const exact = accesses !== undefined && allExact(accesses);
    if (accesses && name === "image-id") offer(exact ? 0 : 3, { kind: "id", accesses });
    else if (accesses && name === "name") offer(exact ? 1 : 4, { kind: "name", accesses });
    else if (accesses && exact && name === "owner-id") offer(6, { kind: "owner", accounts: values, aliases: [] });
    else if (accesses && exact && name === "owner-alias") offer(6, { kind: "owner", accounts: [], aliases: values });
    else unindexed.push(name);
  }
  return best?.plan ?? { kind: "walk", unindexed: owners.length ? ["Owners", ...unindexed] : unindexed };
}

/** Every AMI the caller can see in the region, in id order after `after`, each once: the walk that plans stand in for. */
export function* visibleAfter(ctx: RequestContext, after: string): Generator<AmiRecord> {
  const region = ctx.region;
  const sources: Iterator<AmiRecord>[] = [
    catalogImagesAfter(ctx, after),
    amis.scan(ctx, { after }),
    resolved(sharedImages.entries(ctx, { after }), (id, v) => storedImage(ctx, v.owner, region, id)),
    resolved(publicImages.entries(inPartition(ctx, publicPartition(region)), { after }), (id, v) => publicImage(ctx, id, v)),
  ];
  yield* mergeById(sources, idOf);
}

const sharedImage = (ctx: RequestContext, id: string, v: IndexRecord) => storedImage(ctx, v.owner, ctx.region, id);

function publicImage(ctx: RequestContext, id: string, v: IndexRecord): AmiRecord | undefined {
  const r = storedImage(ctx, v.owner, ctx.region, id);
  return r?.public ? r : undefined;
}

/** The AMI with this id as the walk finds it: the first source that holds it, in the walk's order. */
function visibleById(ctx: RequestContext, id: string): AmiRecord | undefined {
  const fromCatalog = catalogImage(ctx, ctx.region, id);
  if (fromCatalog) return fromCatalog;
  const own = amis.get(ctx, id);
  if (own) return own;
  const shared = sharedImages.get(ctx, id);
  const viaShare = shared && sharedImage(ctx, id, shared);
  if (viaShare) return viaShare;
  const pub = publicImages.get(inPartition(ctx, publicPartition(ctx.region)), id);
  return pub && publicImage(ctx, id, pub);
}

/**
 * The candidates of a plan, in id order after `after`, each once; not yet filtered. Sources that are read
 * lazily (an owner's AMIs) read `batch` records at a time: a page and one more, when the caller takes one page.
 */
export function plannedImages(
  ctx: RequestContext,
  plan: Exclude<ImagePlan, { kind: "walk" }>,
  after: string,
  batch = 100,
): Iterator<AmiRecord> {
  const pub = inPartition(ctx, publicPartition(ctx.region));
  const cat = catalog(ctx);
  const sources: Iterator<AmiRecord>[] = [];
  /** Index records of the shared and public indexes, resolved to the AMIs the caller sees through them. */
  const throughIndexes = (shared: Iterable<{ id: string; value: IndexRecord }>, pubs: Iterable<{ id: string; value: IndexRecord }>) =>
    byIdUnique([...resolved(shared, (id, v) => sharedImage(ctx, id, v)), ...resolved(pubs, (id, v) => publicImage(ctx, id, v))], idOf);
  switch (plan.kind) {
    case "id": {
      const exact = plan.accesses.filter((a) => a.key !== undefined).map((a) => a.key!);
      const found = [...new Set(exact)].filter((id) => id > after).map((id) => visibleById(ctx, id));
      sources.push(
        byIdUnique(
          found.filter((r) => r !== undefined),
          idOf,
        ).values(),
      );
      for (const a of plan.accesses.filter((x) => x.prefix !== undefined)) {
        sources.push(
          keyRange(cat.list, idOf, a)
            .filter((r) => r.ImageId > after)
            .values(),
          [...idRange(amis, ctx, a, after)].map((e) => e.value).values(),
          resolved(idRange(sharedImages, ctx, a, after), (id, v) => sharedImage(ctx, id, v)),
          resolved(idRange(publicImages, pub, a, after), (id, v) => publicImage(ctx, id, v)),
        );
      }
      break;
    }
    case "name": {
      const lookups = [...plan.accesses, { key: UNNAMED }];
      sources.push(
        sortedAfter(
          byIdUnique(
            plan.accesses.flatMap((a) => keyRange(cat.byName, (r) => r.Name, a)),
            idOf,
          ),
          idOf,
          after,
        ),
        sortedAfter(
          byIdUnique(
            plan.accesses.flatMap((a) => accessEntries(amis, ctx, "name", a).map((e) => e.value)),
            idOf,
          ),
          idOf,
          after,
        ),
        sortedAfter(
          throughIndexes(
            lookups.flatMap((a) => accessEntries(sharedImages, ctx, "name", a)),
            lookups.flatMap((a) => accessEntries(publicImages, pub, "name", a)),
          ),
          idOf,
          after,
        ),
      );
      break;
    }
    case "owner": {
      for (const account of new Set(plan.accounts)) {
        sources.push(sortedAfter(cat.byOwner.get(account) ?? [], idOf, after));
        if (account === ctx.accountId) {
          // The caller's public AMIs are its own too: its partition has them all.
          sources.push(amis.scan(ctx, { after, batch }));
        } else {
          sources.push(
            resolved(keyEntries(sharedImages, ctx, "owner", account, after, batch), (id, v) => sharedImage(ctx, id, v)),
            resolved(keyEntries(publicImages, pub, "owner", account, after, batch), (id, v) => publicImage(ctx, id, v)),
          );
        }
      }
      for (const alias of new Set(plan.aliases)) {
        const keys: KeyAccess[] = [{ key: alias }, { key: UNNAMED }];
        sources.push(
          sortedAfter(cat.byAlias.get(alias) ?? [], idOf, after),
          sortedAfter(
            accessEntries(amis, ctx, "alias", { key: alias }).map((e) => e.value),
            idOf,
            after,
          ),
          sortedAfter(
            throughIndexes(
              keys.flatMap((a) => accessEntries(sharedImages, ctx, "alias", a)),
              keys.flatMap((a) => accessEntries(publicImages, pub, "alias", a)),
            ),
            idOf,
            after,
          ),
        );
      }
      break;
    }
    case "tag":
      sources.push(taggedAfter(ctx, "image", plan.access, after, (id) => visibleById(ctx, id)));
      break;
  }
  return mergeById(sources, idOf);
}
