// LockRule and UnlockRule ("Lock a Recycle Bin retention rule", "Unlock ..."): only a Region-level rule without
// exclusion tags can be locked; a locked rule can't be modified or deleted. UnlockRule starts its unlock delay
// (7 to 30 days), during which it is `pending_unlock` and still can't be changed; after it the rule is
// `unlocked`. A rule can be locked again during its unlock delay or after it ("Relocking the retention rule resets
// the unlock delay period"), but not while it is locked.
import type { RbinHandlers, ResourceTag } from "../api.generated";
import * as err from "../errors";
import { findRule, isRegionLevel, lockState, rules, type RuleRecord } from "./records";
import { days, ruleView } from "./view";

/** "You can't lock tag-level retention rules, or Region-level retention rules that have exclusion tags." */
export function checkLockable(r: { ResourceTags?: ResourceTag[]; ExcludeResourceTags?: ResourceTag[] }): void {
  if (!isRegionLevel(r)) throw err.validation("Tag-level retention rules can't be locked; only Region-level retention rules can.");
  if (r.ExcludeResourceTags?.length) throw err.validation("Region-level retention rules that have exclusion tags can't be locked.");
}

export const lockRuleHandlers: Pick<RbinHandlers, "LockRule" | "UnlockRule"> = {
  LockRule(ctx, { Identifier, LockConfiguration }) {
    const r = findRule(ctx, Identifier);
    checkLockable(r);
    if (lockState(r, ctx.now) === "locked") throw err.invalidRuleState(`The retention rule ${Identifier} is already locked.`);
    const next: RuleRecord = { ...r, lock: { unlockDelayDays: LockConfiguration.UnlockDelay.UnlockDelayValue } };
    rules.put(ctx, next);
    return ruleView(ctx, next);
  },

  UnlockRule(ctx, { Identifier }) {
    const r = findRule(ctx, Identifier);
    const state = lockState(r, ctx.now);
    if (state !== "locked") {
      throw err.invalidRuleState(
        state === undefined
          ? `The retention rule ${Identifier} is not locked.`
          : `The retention rule ${Identifier} is already ${state.replace("_", " ")}.`,
      );
    }
    const next: RuleRecord = { ...r, lock: { ...r.lock!, unlockAt: ctx.now + days(r.lock!.unlockDelayDays) } };
    rules.put(ctx, next);
    return ruleView(ctx, next);
  },
};
