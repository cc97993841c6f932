// EC2 tags for any taggable resource, kept apart from the resources: one record per resource (its tag set) in
// the tagging account's partition, so tags a grantee puts on a shared or public AMI stay in its own account.
// Which resources tagging calls name is declared on their collections (`taggable`, resource-types.ts): the
// calls take the kinds the service's collections declare (tags/handlers.ts).
// Limits: "Tag your Amazon EC2 resources" (Using_Tags.html, tag restrictions): 50 user tags per resource,
// keys up to 128 and values up to 256 characters, the `aws:` prefix reserved.
import type { RequestContext } from "../../../gateway/context";
import type { Partition, Store } from "../../../state/store";
import { collection, inPartition, type Scope, type Taggable } from "../../../state/collection";
import { indexKey } from "../../../state/indexes";
import { schema, typed, type RecordOf } from "../../../state/record-schema";
import type { ResourceType, Tag, TagDescription, TagSpecification } from "../api.generated";
import * as err from "../errors";

export const MAX_TAGS = 50;
const MAX_RESOURCES = 1000;

/** The taggable kinds among a service's collections, longest prefix first ("import-ami-" before "ami-"). */
export const taggableKinds = (collections: readonly { taggable?: Taggable }[]): Taggable[] =>
  collections.flatMap((c) => (c.taggable ? [c.taggable] : [])).sort((a, b) => b.prefix.length - a.prefix.length);

const tagRecordSchema = schema({ ResourceId: "string", ResourceType: typed<ResourceType>("string"), Key: "string", Value: "string" });
/** One tag of a resource, as DescribeTags lists it. */
type TagRecord = RecordOf<typeof tagRecordSchema>;

const tagSetSchema = schema({
  ResourceId: "string",
  ResourceType: typed<ResourceType>("string"),
  /** Key → value, keys in sorted order. */
  Tags: "stringMap",
});
/** The tags one account keeps on one resource. */
type TagSet = RecordOf<typeof tagSetSchema>;

/**
 * In the tagging account's partition, keyed by resource id: one record however many tags (a record per tag
 * made loading 100,000 tagged AMIs write three times the rows). Indexed by resource type, key and value
 * (indexKey), once per tag: tag:Name=web (a key), tag:Name=web-* and tag-key Name (prefixes) find the
 * tagged resources.
 */
export const tagSets = collection<TagSet, string, "tag">({
  type: "ec2.tags",
  schema: tagSetSchema,
  key: (t) => t.ResourceId,
  indexes: { tag: (t) => Object.keys(t.Tags).map((k) => indexKey(t.ResourceType, k, t.Tags[k])) },
});

/**
 * What earlier versions kept: a record per (resource, key). Read only to turn them into tag sets
 * (upgradeTagRecords), at start-up and when a state import of an older export brings them.
 */
export const legacyTags = collection<TagRecord>({ type: "ec2.tag", schema: tagRecordSchema });

/** The caller's tags on a resource, as a map (filters) — one read. */
export function tagMap(ctx: RequestContext, resourceId: string, partition: Partition = ctx.partition): Record<string, string> {
  return tagSets.get(inPartition(ctx, partition), resourceId)?.Tags ?? {};
}

/** The caller's tags on a resource as the Tag list of a describe result, or undefined when there are none. */
export function tagList(ctx: RequestContext, resourceId: string): Tag[] | undefined {
  const tags = tagMap(ctx, resourceId);
  const keys = Object.keys(tags).sort();
  return keys.length ? keys.map((Key) => ({ Key, Value: tags[Key] })) : undefined;
}

/** Writes a resource's tags, keys sorted; no tags, no record. */
function saveTags(s: Scope, resourceId: string, resourceType: ResourceType, tags: Record<string, string>): void {
  const keys = Object.keys(tags).sort();
  if (!keys.length) {
    tagSets.delete(s, resourceId);
    return;
  }
  const sorted: Record<string, string> = {};
  for (const k of keys) sorted[k] = tags[k];
  tagSets.put(s, { ResourceId: resourceId, ResourceType: resourceType, Tags: sorted });
}

/** Tags EC2 itself puts on a resource (aws: keys), without the checks a caller's tags get. */
export function putSystemTags(ctx: RequestContext, resourceId: string, resourceType: ResourceType, tags: Record<string, string>): void {
  saveTags(ctx, resourceId, resourceType, { ...tagMap(ctx, resourceId), ...tags });
}

/** Takes off a tag EC2 itself put on a resource (an aws: key). */
export function dropSystemTag(ctx: RequestContext, resourceId: string, key: string): void {
  const set = tagSets.get(ctx, resourceId);
  if (!set || !(key in set.Tags)) return;
  const { [key]: _, ...rest } = set.Tags;
  saveTags(ctx, resourceId, set.ResourceType, rest);
}

/** A resource's tags, one by one in key order, with their ids (`<resource>|<key>`, DescribeTags' order and page token). */
export function* tagsInOrder(s: Scope, after: string): Generator<{ id: string; value: TagRecord }> {
  const cut = after.lastIndexOf("|");
  const [fromResource, afterKey] = cut < 0 ? [after, undefined] : [after.slice(0, cut), after.slice(cut + 1)];
  for (const set of tagSets.scan(s, { from: fromResource, batch: 200 })) {
    for (const Key of Object.keys(set.Tags).sort()) {
      if (set.ResourceId === fromResource && afterKey !== undefined && Key <= afterKey) continue;
      const value: TagRecord = { ResourceId: set.ResourceId, ResourceType: set.ResourceType, Key, Value: set.Tags[Key] };
      yield { id: `${set.ResourceId}|${Key}`, value };
    }
  }
}

export const reserved = (key: string) => key.toLowerCase().startsWith("aws:");

function checkTag(t: Tag): { Key: string; Value: string } {
  if (t.Key === undefined) throw err.missingParameter("Tag.Key");
  if (t.Key === "") throw err.invalidValue("Tag key cannot be empty.");
  // Code points are counted only when there may be too many (never more than UTF-16 units).
  if (t.Key.length > 128 && [...t.Key].length > 128)
    throw err.invalidValue(`Tag key exceeds the maximum length of 128 characters: ${t.Key}`);
  if (reserved(t.Key)) throw err.invalidValue("Tag keys starting with 'aws:' are reserved for internal use");
  const value = t.Value ?? "";
  if (value.length > 256 && [...value].length > 256)
    throw err.invalidValue(`Tag value exceeds the maximum length of 256 characters: ${value}`);
  return { Key: t.Key, Value: value };
}

/**
 * Adds or overwrites tags on one resource of the caller (CreateTags, TagSpecifications). `created`: the resource
 * came into being in this call under an id drawn for it, so it has no tags yet to read (a seed makes 100,000).
 */
export function putTags(ctx: RequestContext, resourceId: string, resourceType: ResourceType, tags: Tag[], created = false): void {
  const checked = tags.map(checkTag);
  const current = created ? {} : tagMap(ctx, resourceId);
  const next: Record<string, string> = { ...current };
  for (const t of checked) next[t.Key] = t.Value;
  if (Object.keys(next).filter((k) => !reserved(k)).length > MAX_TAGS) {
    throw err.tagLimitExceeded(
      `The maximum number of tags for resource '${resourceId}' has been reached: a resource can have at most ${MAX_TAGS} tags.`,
    );
  }
  saveTags(ctx, resourceId, resourceType, next);
}

/** Removes every tag an account keeps on a resource (the resource is gone). */
export function dropTags(s: Scope, resourceId: string): void {
  tagSets.delete(s, resourceId);
}

/** The tags that TagSpecifications give to a new resource of `resourceType`; any other resource type fails the request. */
export function tagsFor(
  specs: TagSpecification[] | undefined,
  resourceType: ResourceType,
  allowed: ResourceType[] = [resourceType],
): Tag[] {
  const out: Tag[] = [];
  for (const s of specs ?? []) {
    if (!s.ResourceType) throw err.missingParameter("TagSpecification.ResourceType");
    if (!allowed.includes(s.ResourceType)) {
      throw err.invalidValue(`'${s.ResourceType}' is not a valid taggable resource type for this operation.`);
    }
    if (s.ResourceType === resourceType) out.push(...(s.Tags ?? []));
  }
  out.forEach(checkTag);
  return out;
}

/** Checks each id against the taggable kinds (taggableKinds); the kind of each. */
function checkResources(ctx: RequestContext, kinds: readonly Taggable[], ids: string[]): Taggable[] {
  if (!ids.length) throw err.missingParameter("ResourceId");
  if (ids.length > MAX_RESOURCES) throw err.invalidValue(`Too many resource ids: at most ${MAX_RESOURCES} are allowed in one request.`);
  return ids.map((id) => {
    const kind = kinds.find((k) => id.startsWith(k.prefix));
    if (!kind) throw err.invalidId(id);
    kind.check(ctx, id);
    return kind;
  });
}

export function createTags(ctx: RequestContext, kinds: readonly Taggable[], ids: string[], tags: Tag[]): void {
  const resolved = checkResources(ctx, kinds, ids);
  if (!tags.length) throw err.missingParameter("Tag");
  ids.forEach((id, i) => {
    putTags(ctx, id, resolved[i].resourceType as ResourceType, tags);
    resolved[i].tagged?.(ctx, id);
  });
}

/** DeleteTags: no tags → every user tag; a key alone → whatever its value; key and value → only that value. */
export function deleteTags(ctx: RequestContext, kinds: readonly Taggable[], ids: string[], tags: Tag[] | undefined): void {
  checkResources(ctx, kinds, ids);
  for (const t of tags ?? []) {
    if (t.Key === undefined) throw err.missingParameter("Tag.Key");
    if (reserved(t.Key)) throw err.invalidValue("Tag keys starting with 'aws:' are reserved for internal use");
  }
  for (const id of ids) {
    const set = tagSets.get(ctx, id);
    if (!set) continue;
    const kept: Record<string, string> = {};
    for (const [key, value] of Object.entries(set.Tags)) {
      const doomed = !reserved(key) && (!tags?.length || tags.some((t) => t.Key === key && (t.Value === undefined || t.Value === value)));
      if (!doomed) kept[key] = value;
    }
    if (Object.keys(kept).length !== Object.keys(set.Tags).length) saveTags(ctx, id, set.ResourceType, kept);
  }
}

/**
 * Turns the tag records of earlier versions (one per resource and key) into tag sets, in every partition
 * that has them: at start-up, and after a state import of an older export.
 */
export function upgradeTagRecords(store: Store): void {
  const partitions = store.partitions?.(legacyTags.type) ?? [];
  if (!partitions.length) return;
  store.transaction(() => {
    for (const p of partitions) {
      const old = store.list<TagRecord>(legacyTags.type, p);
      const sets = new Map<string, TagSet>();
      for (const { id, value: t } of old) {
        let set = sets.get(t.ResourceId);
        if (!set) {
          const stored = store.get<TagSet>(tagSets.type, p, t.ResourceId);
          set = stored ?? { ResourceId: t.ResourceId, ResourceType: t.ResourceType, Tags: {} };
          sets.set(t.ResourceId, set);
        }
        set.Tags[t.Key] = t.Value;
        store.delete(legacyTags.type, p, id);
      }
      const scope: Scope = { store, partition: p, now: 0 };
      for (const set of sets.values()) saveTags(scope, set.ResourceId, set.ResourceType, set.Tags);
    }
  });
}

export type { TagRecord };
export const describeTag = (r: TagRecord): TagDescription => ({
  ResourceId: r.ResourceId,
  ResourceType: r.ResourceType,
  Key: r.Key,
  Value: r.Value,
});
