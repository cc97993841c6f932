// A retention rule as the API returns it: every member any of the rule operations' outputs has (each output
// writes only the members its shape names), and the summary ListRules gives.
import type { RequestContext } from "../../../gateway/context";
import type { GetRuleResponse, LockConfiguration, RuleSummary, Tag } from "../api.generated";
import { lockState, ruleArn, ruleStatus, type RuleRecord } from "./records";

export type RuleView = GetRuleResponse & { LockConfiguration?: LockConfiguration; Tags?: Tag[] };

const DAY_MS = 24 * 3600 * 1000;
export const days = (n: number): number => n * DAY_MS;

export const retentionPeriod = (r: RuleRecord) => ({ RetentionPeriodValue: r.retentionDays, RetentionPeriodUnit: "DAYS" as const });

const lockConfiguration = (r: RuleRecord): LockConfiguration | undefined =>
  r.lock && { UnlockDelay: { UnlockDelayValue: r.lock.unlockDelayDays, UnlockDelayUnit: "DAYS" } };

export const tagList = (tags: Record<string, string>): Tag[] => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

export function ruleView(ctx: RequestContext, r: RuleRecord): RuleView {
  const state = lockState(r, ctx.now);
  return {
    Identifier: r.Identifier,
    Description: r.Description,
    ResourceType: r.ResourceType,
    RetentionPeriod: retentionPeriod(r),
    ResourceTags: r.ResourceTags,
    ExcludeResourceTags: r.ExcludeResourceTags,
    Status: ruleStatus(r, ctx.now),
    LockConfiguration: lockConfiguration(r),
    LockState: state,
    // "Only returned for retention rules that have been unlocked and that are still within the unlock delay period."
    LockEndTime: state === "pending_unlock" ? new Date(r.lock!.unlockAt!) : undefined,
    RuleArn: ruleArn(ctx, r.Identifier),
  };
}

export const ruleSummary = (ctx: RequestContext, r: RuleRecord): RuleSummary => ({
  Identifier: r.Identifier,
  Description: r.Description,
  RetentionPeriod: retentionPeriod(r),
  LockState: lockState(r, ctx.now),
  RuleArn: ruleArn(ctx, r.Identifier),
});
