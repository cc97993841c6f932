// CreateTags, DeleteTags and DescribeTags over the caller's tag sets (DescribeTags: filters key, value,
// resource-id, resource-type, tag:<key>; MaxResults between 5 and 1000).
import { compileFilters } from "../filters";
import type { Ec2Handlers } from "../api.generated";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { ec2Collections } from "../collections";
import { createTags, deleteTags, describeTag, taggableKinds, tagMap, tagsInOrder, type TagRecord } from "./records";

/** What CreateTags and DeleteTags accept: the kinds that EC2's collections declare taggable. */
const TAGGABLE = taggableKinds(ec2Collections);

export const tagHandlers: Pick<Ec2Handlers, "CreateTags" | "DeleteTags" | "DescribeTags"> = {
  CreateTags(ctx, { Resources, Tags }) {
    createTags(ctx, TAGGABLE, Resources, Tags);
  },

  DeleteTags(ctx, { Resources, Tags }) {
    deleteTags(ctx, TAGGABLE, Resources, Tags);
  },

  DescribeTags(ctx, input) {
    const resourceTags = new Map<string, Record<string, string>>();
    const matches = compileFilters<TagRecord>(input.Filters, {
      fields: {
        key: (t) => t.Key,
        value: (t) => t.Value,
        "resource-id": (t) => t.ResourceId,
        "resource-type": (t) => t.ResourceType,
      },
      // tag:<key> selects the tags of resources that carry that tag.
      tags: (t) => {
        let m = resourceTags.get(t.ResourceId);
        if (!m) {
          m = tagMap(ctx, t.ResourceId);
          resourceTags.set(t.ResourceId, m);
        }
        return m;
      },
    });
    const limit = pageLimit(input.MaxResults, 5, 1000);
    const { page, more } = takePage<{ id: string; value: TagRecord }>(
      tagsInOrder(ctx, startAfter(ctx, input.NextToken)),
      (r) => matches(r.value),
      limit,
    );
    return {
      Tags: page.map((r) => describeTag(r.value)),
      NextToken: more ? nextToken(ctx, page[page.length - 1].id) : undefined,
    };
  },
};
