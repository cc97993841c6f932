// CreateRule, GetRule, UpdateRule, DeleteRule and ListRules (Recycle Bin API reference; "Create a Recycle Bin
// retention rule", "Update ...", "Delete ...", EBS User Guide). A rule retains one resource type, for 1 to 7 days
// (EBS volumes) or 1 to 365 days (snapshots and AMIs); it is tag-level (resource tags) or Region-level (none, with
// exclusion tags if any, never both); only a Region-level rule without exclusion tags can be locked. A locked
// rule, or one within its unlock delay, cannot be updated or deleted. At most 250 rules per Region, and one tag
// pair in at most five rules.
import type { RequestContext } from "../../../gateway/context";
import { plan, settledAt } from "../../../state/lifecycle";
import { decodeToken, encodeToken } from "../../../util/pagination";
import type { RbinHandlers, ResourceTag, ResourceType, RetentionPeriod, Tag } from "../api.generated";
import * as err from "../errors";
import { checkLockable, lockRuleHandlers } from "./locks";
import { findRule, isRegionLevel, lockState, MAX_RULES, newIdentifier, rules, type RuleRecord } from "./records";
import { ruleSummary, ruleView, tagList } from "./view";
import { checkTags, MAX_TAGS } from "../tags/handlers";

/** "The supported retention periods are: EBS volumes: 1 - 7 days; EBS snapshots and EBS-backed AMIs: 1 - 365 days." */
const MAX_RETENTION_DAYS: Record<ResourceType, number> = { EBS_VOLUME: 7, EBS_SNAPSHOT: 365, EC2_IMAGE: 365 };

/** "You can add the same tag key and value pair to a maximum of five retention rules" (CreateRule, ResourceTags). */
const MAX_RULES_PER_TAG = 5;

function checkRetention(type: ResourceType, period: RetentionPeriod): void {
  const max = MAX_RETENTION_DAYS[type];
  if (period.RetentionPeriodValue > max) {
    throw err.validation(
      `The retention period for ${type} resources must be between 1 and ${max} days; ${period.RetentionPeriodValue} was specified.`,
    );
  }
}

function checkKind(resourceTags: ResourceTag[] | undefined, exclude: ResourceTag[] | undefined): void {
  if (resourceTags?.length && exclude?.length) {
    throw err.validation("ExcludeResourceTags can be specified only for Region-level retention rules, which have no ResourceTags.");
  }
}

const pairKey = (t: ResourceTag) => JSON.stringify([t.ResourceTagKey, t.ResourceTagValue ?? null]);

/** One tag pair in at most five rules (the rule being changed, `except`, left out of the count). */
function checkTagPairs(ctx: RequestContext, resourceTags: ResourceTag[] | undefined, except?: string): void {
  if (!resourceTags?.length) return;
  const counts = new Map<string, number>();
  for (const r of rules.scan(ctx)) {
    if (r.Identifier === except) continue;
    for (const k of new Set(r.ResourceTags.map(pairKey))) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  for (const t of resourceTags) {
    if ((counts.get(pairKey(t)) ?? 0) >= MAX_RULES_PER_TAG) {
      throw err.quotaExceeded(
        `The tag key and value pair ${t.ResourceTagKey}=${t.ResourceTagValue ?? ""} is already used by ${MAX_RULES_PER_TAG} retention rules, the most a pair can be used by.`,
      );
    }
  }
}

/** A locked rule, or one within its unlock delay, cannot be changed ("Unlock a Recycle Bin retention rule"). */
export function checkChangeable(ctx: RequestContext, r: RuleRecord, what: "updated" | "deleted"): void {
  const state = lockState(r, ctx.now);
  if (state === "locked") throw err.invalidRuleState(`The retention rule ${r.Identifier} is locked and can't be ${what}. Unlock it first.`);
  if (state === "pending_unlock") {
    throw err.invalidRuleState(
      `The retention rule ${r.Identifier} is in its unlock delay period until ${new Date(r.lock!.unlockAt!).toISOString()} and can't be ${what} before then.`,
    );
  }
}

const tagMapOf = (tags: Tag[] | undefined): Record<string, string> => Object.fromEntries((tags ?? []).map((t) => [t.Key, t.Value]));

const PAGE_SCOPE = (ctx: RequestContext, type: string) => `ListRules ${ctx.accountId} ${ctx.region} ${type}`;

/** NextToken in the model's alphabet (`[A-Za-z0-9+/=]`): the pagination token, in standard base64. */
const pageToken = (ctx: RequestContext, type: string, lastId: string) =>
  Buffer.from(encodeToken(PAGE_SCOPE(ctx, type), lastId)).toString("base64");

function afterToken(ctx: RequestContext, type: string, token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const last = decodeToken(PAGE_SCOPE(ctx, type), Buffer.from(token, "base64").toString("utf8"));
  if (last === undefined) throw err.invalidPageToken();
  return last;
}

/** Whether the rule has every pair asked for. */
const hasPairs = (have: ResourceTag[] | undefined, wanted: ResourceTag[] | undefined): boolean => {
  if (!wanted?.length) return true;
  const keys = new Set((have ?? []).map(pairKey));
  return wanted.every((t) => keys.has(pairKey(t)));
};

export const ruleHandlers: Pick<
  RbinHandlers,
  "CreateRule" | "GetRule" | "UpdateRule" | "DeleteRule" | "ListRules" | "LockRule" | "UnlockRule"
> = {
  CreateRule(ctx, input) {
    checkRetention(input.ResourceType, input.RetentionPeriod);
    checkKind(input.ResourceTags, input.ExcludeResourceTags);
    if (input.LockConfiguration) checkLockable({ ResourceTags: input.ResourceTags, ExcludeResourceTags: input.ExcludeResourceTags });
    checkTags(input.Tags ?? []);
    if (input.Tags && Object.keys(tagMapOf(input.Tags)).length > MAX_TAGS) {
      throw err.quotaExceeded(`A retention rule can have at most ${MAX_TAGS} tags.`);
    }
    let count = 0;
    for (const _ of rules.scan(ctx))
      if (++count >= MAX_RULES) throw err.quotaExceeded(`You can have at most ${MAX_RULES} retention rules per Region.`);
    checkTagPairs(ctx, input.ResourceTags);
    const schedule = plan(ctx.now, ["pending", ctx.timings.seconds("rbinRule")], ["available"]);
    const rec: RuleRecord = {
      Identifier: newIdentifier(ctx),
      Description: input.Description,
      ResourceType: input.ResourceType,
      retentionDays: input.RetentionPeriod.RetentionPeriodValue,
      ResourceTags: input.ResourceTags ?? [],
      ExcludeResourceTags: input.ExcludeResourceTags?.length ? input.ExcludeResourceTags : undefined,
      tags: tagMapOf(input.Tags),
      createdAt: ctx.now,
      availableAt: settledAt(schedule),
      lock: input.LockConfiguration && { unlockDelayDays: input.LockConfiguration.UnlockDelay.UnlockDelayValue },
    };
    rules.put(ctx, rec);
    return { ...ruleView(ctx, rec), Tags: input.Tags?.length ? tagList(rec.tags) : undefined };
  },

  GetRule(ctx, { Identifier }) {
    return ruleView(ctx, findRule(ctx, Identifier));
  },

  UpdateRule(ctx, input) {
    const r = findRule(ctx, input.Identifier);
    checkChangeable(ctx, r, "updated");
    // "You can't update a retention rule's resource type after creation."
    if (input.ResourceType !== undefined && input.ResourceType !== r.ResourceType) {
      throw err.validation(`The resource type of a retention rule can't be changed: ${r.Identifier} retains ${r.ResourceType}.`);
    }
    const next: RuleRecord = {
      ...r,
      Description: input.Description ?? r.Description,
      retentionDays: input.RetentionPeriod?.RetentionPeriodValue ?? r.retentionDays,
      ResourceTags: input.ResourceTags ?? r.ResourceTags,
      ExcludeResourceTags:
        input.ExcludeResourceTags !== undefined
          ? input.ExcludeResourceTags.length
            ? input.ExcludeResourceTags
            : undefined
          : r.ExcludeResourceTags,
    };
    if (input.RetentionPeriod) checkRetention(r.ResourceType, input.RetentionPeriod);
    checkKind(next.ResourceTags, next.ExcludeResourceTags);
    if (input.ResourceTags) checkTagPairs(ctx, input.ResourceTags, r.Identifier);
    rules.put(ctx, next);
    return ruleView(ctx, next);
  },

  DeleteRule(ctx, { Identifier }) {
    const r = findRule(ctx, Identifier);
    checkChangeable(ctx, r, "deleted");
    rules.delete(ctx, Identifier);
    return {};
  },

  ListRules(ctx, input) {
    const limit = input.MaxResults ?? 1000;
    const after = afterToken(ctx, input.ResourceType, input.NextToken);
    const matches = (r: RuleRecord) =>
      r.ResourceType === input.ResourceType &&
      hasPairs(r.ResourceTags, input.ResourceTags) &&
      hasPairs(r.ExcludeResourceTags, input.ExcludeResourceTags) &&
      (input.LockState === undefined || lockState(r, ctx.now) === input.LockState) &&
      // Asking for exclusion tags asks for Region-level rules.
      (!input.ExcludeResourceTags?.length || isRegionLevel(r));
    const page = rules.page(ctx, { after, limit, filter: matches });
    return {
      Rules: page.items.map(({ value }) => ruleSummary(ctx, value)),
      NextToken: page.next === undefined ? undefined : pageToken(ctx, input.ResourceType, page.next),
    };
  },

  ...lockRuleHandlers,
};
