// Tags on images, image builders, fleets, stacks, applications, app blocks and app block builders, addressed
// by ARN (tagging-basic.html: at most 50 tags per resource; an existing key takes the new value).
import type { RequestContext } from "../../../gateway/context";
import type { Collection } from "../../../state/collection";
import { inPartitionOf, parseArn } from "../../../util/arn";
import type { AppStreamHandlers } from "../api.generated";
import * as err from "../errors";
import { builders } from "../image-builders/records";
import { fleets } from "../fleets/records";
import { images } from "../images/records";
import { stacks } from "../stacks/records";
import { applications } from "../applications/records";
import { appBlocks } from "../app-blocks/records";
import { appBlockBuilders } from "../app-block-builders/records";

export const MAX_TAGS = 50;

interface Tagged {
  tags: Record<string, string>;
}

const COLLECTION_OF: Record<string, Collection<Tagged>> = {
  image: images,
  "image-builder": builders,
  fleet: fleets,
  stack: stacks,
  application: applications,
  "app-block": appBlocks,
  "app-block-builder": appBlockBuilders,
};

/** The caller's resource that an ARN names, with a function that saves it back. */
function resolve(ctx: RequestContext, resourceArn: string): { rec: Tagged; save: () => void } {
  const a = parseArn(resourceArn);
  const m = a && a.service === "appstream" ? /^([a-z-]+)\/(.+)$/.exec(a.resource) : null;
  const c = m && COLLECTION_OF[m[1]];
  if (!a || !m || !c || a.account !== ctx.accountId || a.region !== ctx.region || !inPartitionOf(resourceArn, ctx.region)) {
    throw err.notFound(`The resource ${resourceArn} does not exist.`);
  }
  const rec = c.get(ctx, m[2]);
  if (!rec) throw err.notFound(`The resource ${resourceArn} does not exist.`);
  return { rec, save: () => c.put(ctx, rec) };
}

/** The tags of the caller's resource an ARN names, or undefined when there is none (policy conditions). */
export function tagsOfArn(ctx: RequestContext, resourceArn: string): Record<string, string> | undefined {
  try {
    return resolve(ctx, resourceArn).rec.tags;
  } catch {
    return undefined;
  }
}

export const tagHandlers: Pick<AppStreamHandlers, "TagResource" | "UntagResource" | "ListTagsForResource"> = {
  TagResource(ctx, { ResourceArn, Tags }) {
    const { rec, save } = resolve(ctx, ResourceArn);
    const merged = { ...rec.tags, ...Tags };
    if (Object.keys(merged).length > MAX_TAGS) throw err.limitExceeded(`The resource ${ResourceArn} can have at most ${MAX_TAGS} tags.`);
    rec.tags = merged;
    save();
    return {};
  },
  UntagResource(ctx, { ResourceArn, TagKeys }) {
    const { rec, save } = resolve(ctx, ResourceArn);
    for (const k of TagKeys) delete rec.tags[k];
    save();
    return {};
  },
  ListTagsForResource(ctx, { ResourceArn }) {
    return { Tags: resolve(ctx, ResourceArn).rec.tags };
  },
};
