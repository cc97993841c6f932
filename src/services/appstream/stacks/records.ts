// How AppStream stacks are kept, and which fleets serve them: one record per stack in its owner's partition;
// an association is two index records, one per direction, so that listing either side reads only its own.
import { collection, type Scope } from "../../../state/collection";
import { schema, type RecordOf } from "../../../state/record-schema";

const stackSchema = schema({
  /** Members of the Stack shape kept as given (Description, StorageConnectors, UserSettings, ...). */
  attrs: "object",
  Name: "string",
  Arn: "string",
  createdAt: "time",
  tags: "stringMap",
});
export type StackRecord = RecordOf<typeof stackSchema>;

export const stacks = collection<StackRecord>({ type: "appstream.stack", schema: stackSchema, key: (r) => r.Name });

const fleetStackSchema = schema({ stack: "string", fleet: "string" });
export type FleetStackRecord = RecordOf<typeof fleetStackSchema>;

/** Keyed (stack, fleet): ListAssociatedFleets. */
export const fleetsOfStack = collection<FleetStackRecord, [stack: string, fleet: string]>({
  type: "appstream.stack-fleet",
  schema: fleetStackSchema,
  key: (r) => [r.stack, r.fleet],
});

/** Keyed (fleet, stack): ListAssociatedStacks, and what DeleteFleet checks. */
export const stacksOfFleetIndex = collection<FleetStackRecord, [fleet: string, stack: string]>({
  type: "appstream.fleet-stack",
  schema: fleetStackSchema,
  key: (r) => [r.fleet, r.stack],
});

/** The stacks a fleet of the caller's partition is associated with. */
export function stacksOfFleet(ctx: Scope, fleetName: string): string[] {
  return [...stacksOfFleetIndex.scan(ctx, { within: [fleetName] })].map((r) => r.stack);
}
