// EC2 tags for any taggable resource, kept apart from the resources: one record per (resource, key) in the
// tagging account's partition, so tags a grantee puts on a shared or public AMI stay in its own account.
// A resource kind registers its id prefix (ami-, later import-ami-, amiur-, ...) with how to check an id.
// Limits: "Tag your Amazon EC2 resources" (Using_Tags.html, tag restrictions): 50 user tags per resource,
// keys up to 128 and values up to 256 characters, the `aws:` prefix reserved.
import type { RequestContext } from "../../gateway/context";
import type { Partition } from "../../state/store";
import { collection, inPartition, type Scope } from "../../state/collection";
import { indexKey } from "../../state/indexes";
import type { ResourceType, Tag, TagDescription, TagSpecification } from "./api.generated";
import * as err from "./errors";

export const MAX_TAGS = 50;
const MAX_RESOURCES = 1000;

export interface TaggableKind {
  /** Id prefix with its dash, e.g. "ami-". Longer prefixes win ("import-ami-" over "ami-"). */
  prefix: string;
  resourceType: ResourceType;
  /** Throws the kind's own error when the id is malformed or names nothing the caller can see. */
  check(ctx: RequestContext, id: string): void;
  /** After CreateTags put the caller's tags on the resource. */
  tagged?(ctx: RequestContext, id: string): void;
}

const kinds: TaggableKind[] = [];

export function registerTaggable(kind: TaggableKind): void {
  kinds.push(kind);
  kinds.sort((a, b) => b.prefix.length - a.prefix.length);
}

export function kindOf(id: string): TaggableKind | undefined {
  return kinds.find((k) => id.startsWith(k.prefix));
}

interface TagRecord {
  ResourceId: string;
  ResourceType: ResourceType;
  Key: string;
  Value: string;
}

/**
 * In the tagging account's partition, keyed (resource, key) with "|". Indexed by resource type, key and value
 * (indexKey): tag:Name=web (a key), tag:Name=web-* and tag-key Name (prefixes) find the tagged resources.
 */
export const tagRecords = collection<TagRecord, [resource: string, key: string], "tag">({
  type: "ec2.tag",
  separator: "|",
  key: (t) => [t.ResourceId, t.Key],
  indexes: { tag: (t) => indexKey(t.ResourceType, t.Key, t.Value) },
});

/** The caller's tags on a resource, as a map (filters) — one prefix scan. */
export function tagMap(ctx: RequestContext, resourceId: string, partition: Partition = ctx.partition): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tagRecords.scan(inPartition(ctx, partition), { within: [resourceId] })) out[t.Key] = t.Value;
  return out;
}

/** The caller's tags on a resource as the Tag list of a describe result, or undefined when there are none. */
export function tagList(ctx: RequestContext, resourceId: string): Tag[] | undefined {
  const tags = Object.entries(tagMap(ctx, resourceId)).map(([Key, Value]) => ({ Key, Value }));
  return tags.length ? tags : undefined;
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
  const existing = created ? [] : Object.keys(tagMap(ctx, resourceId)).filter((k) => !reserved(k));
  const keys = new Set([...existing, ...checked.map((t) => t.Key)]);
  if (keys.size > MAX_TAGS) {
    throw err.tagLimitExceeded(
      `The maximum number of tags for resource '${resourceId}' has been reached: a resource can have at most ${MAX_TAGS} tags.`,
    );
  }
  for (const t of checked) tagRecords.put(ctx, { ResourceId: resourceId, ResourceType: resourceType, ...t });
}

/** Removes every tag an account keeps on a resource (the resource is gone). */
export function dropTags(s: Scope, resourceId: string): void {
  for (const t of tagRecords.scan(s, { within: [resourceId] })) tagRecords.delete(s, [resourceId, t.Key]);
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

function checkResources(ctx: RequestContext, ids: string[]): TaggableKind[] {
  if (!ids.length) throw err.missingParameter("ResourceId");
  if (ids.length > MAX_RESOURCES) throw err.invalidValue(`Too many resource ids: at most ${MAX_RESOURCES} are allowed in one request.`);
  return ids.map((id) => {
    const kind = kindOf(id);
    if (!kind) throw err.invalidId(id);
    kind.check(ctx, id);
    return kind;
  });
}

export function createTags(ctx: RequestContext, ids: string[], tags: Tag[]): void {
  const resolved = checkResources(ctx, ids);
  if (!tags.length) throw err.missingParameter("Tag");
  ids.forEach((id, i) => {
    putTags(ctx, id, resolved[i].resourceType, tags);
    resolved[i].tagged?.(ctx, id);
  });
}

/** DeleteTags: no tags → every user tag; a key alone → whatever its value; key and value → only that value. */
export function deleteTags(ctx: RequestContext, ids: string[], tags: Tag[] | undefined): void {
  checkResources(ctx, ids);
  for (const t of tags ?? []) {
    if (t.Key === undefined) throw err.missingParameter("Tag.Key");
    if (reserved(t.Key)) throw err.invalidValue("Tag keys starting with 'aws:' are reserved for internal use");
  }
  for (const id of ids) {
    const current = tagMap(ctx, id);
    for (const [key, value] of Object.entries(current)) {
      if (reserved(key)) continue;
      const doomed = !tags?.length || tags.some((t) => t.Key === key && (t.Value === undefined || t.Value === value));
      if (doomed) tagRecords.delete(ctx, [id, key]);
    }
  }
}

export type { TagRecord };
export const describeTag = (r: TagRecord): TagDescription => ({
  ResourceId: r.ResourceId,
  ResourceType: r.ResourceType,
  Key: r.Key,
  Value: r.Value,
});
