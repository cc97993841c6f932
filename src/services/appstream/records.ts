// What every AppStream resource's records share: the state after which it is gone, and small helpers. Each
// resource keeps its collection beside its handlers (images/records.ts, image-builders/records.ts, fleets/records.ts).
import type { RequestContext } from "../../gateway/context";
import type { Partition } from "../../state/store";
import { stateAt, type Schedule } from "../../state/lifecycle";
import { listOf, object, schema, type RecordOf } from "../../state/record-schema";

/** A state after which a resource no longer exists (its deletion finished). */
export const GONE = "GONE";

export const notGone = (r: { schedule: Schedule }, now: number) => stateAt(r.schedule, now) !== GONE;

export const imageRefSchema = schema({ owner: "string", name: "string", arn: "string" });
/** An image as a fleet or builder names it: public (owner ""), own or shared. */
export type ImageRef = RecordOf<typeof imageRefSchema>;

/** A StateChangeReason as an image or a builder keeps it. */
export const stateChangeReason = object({ Code: "string?", Message: "string?" }, true);
/** ImageErrors or ImageBuilderErrors as kept (failures.ts). */
export const storedErrors = listOf({ ErrorCode: "string?", ErrorMessage: "string?", ErrorTimestamp: "time?" }, true);

export const stateOf = (r: { schedule: Schedule }, ctx: RequestContext): string => stateAt(r.schedule, ctx.now);

export const ownerPartition = (ctx: RequestContext, owner: string): Partition => ({ account: owner, region: ctx.region });

/** Keeps the members of `input` that the output shape also has (the attributes a resource returns as given). */
export function pick(input: object, members: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of members) {
    const v = (input as Record<string, unknown>)[m];
    if (v !== undefined) out[m] = v;
  }
  return out;
}

/** Removes what an AttributesToDelete entry names: a member, or (two names) a member of a member. */
export function deleteAttribute(attrs: Record<string, unknown>, path: string[]): void {
  if (path.length === 1) {
    delete attrs[path[0]];
    return;
  }
  const parent = attrs[path[0]] as Record<string, unknown> | undefined;
  if (parent) delete parent[path[1]];
}
