// Tags on retention rules (TagResource, UntagResource, ListTagsForResource; "Tag Recycle Bin retention rules"):
// the rule is named by its ARN, which must be one of the caller's rules in the caller's Region. Keys that begin
// with `aws:` are reserved; a rule has at most 50 tags.
import type { RequestContext } from "../../../gateway/context";
import type { RbinHandlers, Tag } from "../api.generated";
import * as err from "../errors";
import { ruleOfArn, rules, type RuleRecord } from "../rules/records";
import { tagList } from "../rules/view";

export const MAX_TAGS = 50;

export function checkTags(tags: Tag[]): void {
  for (const t of tags) {
    if (t.Key.toLowerCase().startsWith("aws:")) throw err.validation(`Tag keys that begin with 'aws:' are reserved: ${t.Key}.`);
  }
}

function taggedRule(ctx: RequestContext, resourceArn: string): RuleRecord {
  const r = ruleOfArn(ctx, resourceArn);
  if (!r) throw err.ruleNotFound(resourceArn);
  return r;
}

export const tagHandlers: Pick<RbinHandlers, "TagResource" | "UntagResource" | "ListTagsForResource"> = {
  TagResource(ctx, { ResourceArn, Tags }) {
    const r = taggedRule(ctx, ResourceArn);
    checkTags(Tags);
    const tags = { ...r.tags, ...Object.fromEntries(Tags.map((t) => [t.Key, t.Value])) };
    if (Object.keys(tags).length > MAX_TAGS) {
      throw err.quotaExceeded(`The request would give the retention rule more than ${MAX_TAGS} tags.`);
    }
    rules.put(ctx, { ...r, tags });
    return {};
  },

  UntagResource(ctx, { ResourceArn, TagKeys }) {
    const r = taggedRule(ctx, ResourceArn);
    const tags = { ...r.tags };
    for (const k of TagKeys) delete tags[k];
    rules.put(ctx, { ...r, tags });
    return {};
  },

  ListTagsForResource(ctx, { ResourceArn }) {
    return { Tags: tagList(taggedRule(ctx, ResourceArn).tags) };
  },
};
