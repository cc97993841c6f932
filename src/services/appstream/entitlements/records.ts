// How AppStream entitlements are kept: one record per entitlement in its account's partition, keyed (stack,
// name), so that a stack's entitlements are read on their own and in name order; the applications associated
// with one (AssociateApplicationToEntitlement) are on it, and found by the `application` index.
import { collection, type Scope } from "../../../state/collection";
import { listOf, schema, typed, type RecordOf } from "../../../state/record-schema";
import type { AppVisibility } from "../api.generated";

const entitlementSchema = schema({
  Name: "string",
  StackName: "string",
  Description: "string?",
  AppVisibility: typed<AppVisibility>("string"),
  Attributes: listOf({ Name: "string", Value: "string" }),
  createdAt: "time",
  modifiedAt: "time",
  /** The identifiers of the applications associated with it, sorted. */
  applications: "strings?",
});
export type EntitlementRecord = RecordOf<typeof entitlementSchema>;

export const entitlements = collection<EntitlementRecord, [stack: string, name: string], "application">({
  type: "appstream.entitlement",
  schema: entitlementSchema,
  key: (r) => [r.StackName, r.Name],
  indexes: { application: (r) => r.applications },
});

/** A deleted stack's entitlements go with it (DeleteStack). */
export function forgetEntitlements(s: Scope, stack: string): void {
  for (const e of [...entitlements.scan(s, { within: [stack] })]) entitlements.delete(s, [stack, e.Name]);
}
