// How AppStream stacks are kept, and which fleets serve them: one record per stack in its owner's partition;
// an association is two index records, one per direction, so that listing either side reads only its own.
import type { Scope } from "../../../state/collection";
import { collection } from "../../../state/collection";

export interface StackRecord {
  /** Members of the Stack shape kept as given (Description, StorageConnectors, UserSettings, ...). */
  attrs: Record<string, unknown>;
  Name: string;
  Arn: string;
  createdAt: number;
  tags: Record<string, string>;
}

export const stacks = collection<StackRecord>({ type: "appstream.stack", key: (r) => r.Name });

export interface FleetStackRecord {
  stack: string;
  fleet: string;
}

/** Keyed (stack, fleet): ListAssociatedFleets. */
export const fleetsOfStack = collection<FleetStackRecord, [stack: string, fleet: string]>({
  type: "appstream.stack-fleet",
  key: (r) => [r.stack, r.fleet],
});

/** Keyed (fleet, stack): ListAssociatedStacks, and what DeleteFleet checks. */
export const stacksOfFleetIndex = collection<FleetStackRecord, [fleet: string, stack: string]>({
  type: "appstream.fleet-stack",
  key: (r) => [r.fleet, r.stack],
});

/** The stacks a fleet of the caller's partition is associated with. */
export function stacksOfFleet(ctx: Scope, fleetName: string): string[] {
  return [...stacksOfFleetIndex.scan(ctx, { within: [fleetName] })].map((r) => r.stack);
}
