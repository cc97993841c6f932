// Retention rules, in their account's partition of their Region ("Work with Recycle Bin retention rules",
// EBS User Guide), keyed by identifier and indexed by the resource type they retain. A rule is `pending` for a
// phase after its creation, then `available`; only an available rule retains resources (GetRule: "Only
// retention rules that are in the available state retain resources"). Its lock is kept as its unlock delay and,
// once UnlockRule was called, the time the delay ends: locked until then is `pending_unlock`, after it
// `unlocked` ("Unlock a Recycle Bin retention rule"); a rule never locked has no lock state.
import { randomInt } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import { collection, type Scope } from "../../../state/collection";
import { listOf, object, schema, typed, type RecordOf } from "../../../state/record-schema";
import type { LockState, ResourceTag, ResourceType, RuleStatus } from "../api.generated";
import { arn } from "../../../util/arn";
import * as err from "../errors";

const resourceTagSchema = schema({ ResourceTagKey: "string", ResourceTagValue: "string?" });

const lockSchema = schema({
  /** UnlockDelay, in days. */
  unlockDelayDays: "count",
  /** When the unlock delay that UnlockRule began ends; absent while the rule is locked. */
  unlockAt: "time?",
});

const ruleSchema = schema({
  Identifier: "string",
  Description: "string?",
  ResourceType: typed<ResourceType>("string"),
  /** RetentionPeriod, in days (the only unit). */
  retentionDays: "count",
  /** Empty for a Region-level rule. */
  ResourceTags: listOf(resourceTagSchema),
  /** A Region-level rule's exclusion tags. */
  ExcludeResourceTags: listOf(resourceTagSchema, true),
  /** The rule's own tags (TagResource), key → value. */
  tags: "stringMap",
  createdAt: "time",
  /** When it leaves `pending` and starts retaining resources. */
  availableAt: "time",
  /** Absent while it was never locked. */
  lock: object(lockSchema, true),
});
export type RuleRecord = RecordOf<typeof ruleSchema>;

export const rules = collection<RuleRecord, string, "type">({
  type: "rbin.rule",
  schema: ruleSchema,
  key: (r) => r.Identifier,
  indexes: { type: (r) => r.ResourceType },
});

/** "Retention rules per Region": 250 (Recycle Bin quotas). */
export const MAX_RULES = 250;

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** 11 letters and digits, as AWS's rule identifiers are (`[0-9a-zA-Z]{11}`, e.g. 6lsJ2Fa9nh9). */
export function newIdentifier(s: Scope): string {
  for (;;) {
    let id = "";
    for (let i = 0; i < 11; i++) id += ALPHABET[randomInt(ALPHABET.length)];
    if (!rules.getAny(s, id)) return id;
  }
}

export const ruleArn = (ctx: RequestContext, id: string): string => arn("rbin", ctx.region, ctx.accountId, `rule/${id}`);

/** The caller's rule of this identifier, or ResourceNotFoundException. */
export function findRule(ctx: RequestContext, id: string): RuleRecord {
  const r = rules.get(ctx, id);
  if (!r) throw err.ruleNotFound(id);
  return r;
}

/** The rule a rule ARN names, if it is one of the caller's in the caller's Region. */
export function ruleOfArn(ctx: RequestContext, ruleArnText: string): RuleRecord | undefined {
  const m = /^arn:[^:]+:rbin:([^:]*):([0-9]{12}):rule\/([0-9a-zA-Z]{11})$/.exec(ruleArnText);
  if (!m || m[1] !== ctx.region || m[2] !== ctx.accountId || ruleArn(ctx, m[3]) !== ruleArnText) return undefined;
  return rules.get(ctx, m[3]);
}

export const ruleStatus = (r: RuleRecord, now: number): RuleStatus => (now >= r.availableAt ? "available" : "pending");

export function lockState(r: RuleRecord, now: number): LockState | undefined {
  if (!r.lock) return undefined;
  if (r.lock.unlockAt === undefined) return "locked";
  return now < r.lock.unlockAt ? "pending_unlock" : "unlocked";
}

export const isRegionLevel = (r: { ResourceTags?: ResourceTag[] }): boolean => !r.ResourceTags?.length;

/** Whether a resource's tags have one of the pairs; a pair without a value names its key whatever the value. */
const hasAny = (pairs: ResourceTag[], tags: Record<string, string>): boolean =>
  pairs.some(
    (p) =>
      Object.prototype.hasOwnProperty.call(tags, p.ResourceTagKey) &&
      (p.ResourceTagValue === undefined || tags[p.ResourceTagKey] === p.ResourceTagValue),
  );

/**
 * Whether the rule retains a resource with these tags: a tag-level rule one that has at least one of its tag
 * pairs, a Region-level rule any that has none of its exclusion tags.
 */
export const retains = (r: RuleRecord, tags: Record<string, string>): boolean =>
  isRegionLevel(r) ? !hasAny(r.ExcludeResourceTags ?? [], tags) : hasAny(r.ResourceTags, tags);

export interface Retention {
  /** The rule that retains it. */
  ruleId: string;
  days: number;
}

/**
 * How long the Recycle Bin keeps a resource of this type and these tags deleted now, or undefined when no
 * available rule retains it: "If a resource matches more than one retention rule upon deletion, then the
 * retention rule with the longest retention period takes precedence" (Considerations for Recycle Bin).
 */
export function retentionFor(s: Scope, type: ResourceType, tags: Record<string, string>): Retention | undefined {
  let best: Retention | undefined;
  for (const { value: r } of rules.lookup(s, "type", { key: type })) {
    if (ruleStatus(r, s.now) !== "available" || !retains(r, tags)) continue;
    if (!best || r.retentionDays > best.days) best = { ruleId: r.Identifier, days: r.retentionDays };
  }
  return best;
}
