// Tags on parameters (AddTagsToResource, ListTagsForResource, RemoveTagsFromResource; "Tagging Systems Manager
// parameters"): the resource is named by ResourceType `Parameter` and the parameter's name; at most 50 tags.
import type { RequestContext } from "../../../gateway/context";
import type { SsmHandlers, Tag } from "../api.generated";
import * as err from "../errors";
import { parameters, type ParameterRecord } from "../parameters/records";

export const MAX_TAGS = 50;

export const tagMap = (tags: Tag[]): Record<string, string> => Object.fromEntries(tags.map((t) => [t.Key, t.Value]));

/** Only parameters are served: an id of any other resource type names nothing that exists. */
function tagged(ctx: RequestContext, type: string, id: string): ParameterRecord {
  const p = type === "Parameter" ? parameters.get(ctx, id) : undefined;
  if (!p) throw err.invalidResourceId("");
  return p;
}

/** A parameter's tags for policy conditions, or undefined when there is none. */
export const tagsOfParameter = (ctx: RequestContext, name: string): Record<string, string> | undefined => parameters.get(ctx, name)?.tags;

export const tagHandlers: Pick<SsmHandlers, "AddTagsToResource" | "ListTagsForResource" | "RemoveTagsFromResource"> = {
  AddTagsToResource(ctx, { ResourceType, ResourceId, Tags }) {
    const p = tagged(ctx, ResourceType, ResourceId);
    const merged = { ...p.tags, ...tagMap(Tags) };
    if (Object.keys(merged).length > MAX_TAGS) throw err.tooManyTags("");
    parameters.put(ctx, { ...p, tags: merged });
    return {};
  },
  ListTagsForResource(ctx, { ResourceType, ResourceId }) {
    const p = tagged(ctx, ResourceType, ResourceId);
    return { TagList: Object.entries(p.tags).map(([Key, Value]) => ({ Key, Value })) };
  },
  RemoveTagsFromResource(ctx, { ResourceType, ResourceId, TagKeys }) {
    const p = tagged(ctx, ResourceType, ResourceId);
    const tags = { ...p.tags };
    for (const k of TagKeys) delete tags[k];
    parameters.put(ctx, { ...p, tags });
    return {};
  },
};
