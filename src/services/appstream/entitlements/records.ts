// How AppStream entitlements are kept: one record per entitlement in its account's partition, keyed (stack,
// name), so that a stack's entitlements are read on their own and in name order.
import { collection, type Scope } from "../../../state/collection";
import type { AppVisibility, EntitlementAttribute } from "../api.generated";

export interface EntitlementRecord {
  Name: string;
  StackName: string;
  Description?: string;
  AppVisibility: AppVisibility;
  Attributes: EntitlementAttribute[];
  createdAt: number;
  modifiedAt: number;
}

export const entitlements = collection<EntitlementRecord, [stack: string, name: string]>({
  type: "appstream.entitlement",
  key: (r) => [r.StackName, r.Name],
});

/** A deleted stack's entitlements go with it (DeleteStack). */
export function forgetEntitlements(s: Scope, stack: string): void {
  for (const e of [...entitlements.scan(s, { within: [stack] })]) entitlements.delete(s, [stack, e.Name]);
}
