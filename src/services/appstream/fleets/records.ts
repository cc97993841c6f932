// How AppStream fleets are kept: one record per fleet in its owner's partition, found by the directory its
// instances join (DeleteDirectoryConfig refuses while one does).
import { collection } from "../../../state/collection";
import { listOf, object, schema, typed, type RecordOf } from "../../../state/record-schema";
import type { NetworkError } from "./network";
import { imageRefSchema } from "../records";

/**
 * How a running fleet's instances move toward the desired count: `from` instances at `at` (epoch ms), then one
 * more (or one fewer) every `stepMs`, as a fleet scaling out or in does.
 */
const rampSchema = schema({ from: "count", at: "time", stepMs: "count" });
export type CapacityRamp = RecordOf<typeof rampSchema>;

const fleetSchema = schema({
  /** Members of the Fleet shape kept as given. */
  attrs: "object",
  Name: "string",
  Arn: "string",
  image: object(imageRefSchema, true),
  desired: object({ instances: "count?", sessions: "count?" }),
  createdAt: "time",
  schedule: "schedule",
  tags: "stringMap",
  /** Set by StartFleet and by UpdateFleet's capacity changes; absent on a fleet never started. */
  ramp: object(rampSchema, true),
  /** Why its last start failed (fleets/network.ts): shown as FleetErrors once it is STOPPED again. */
  startErrors: typed<NetworkError[]>(listOf({ ErrorCode: "string", ErrorMessage: "string" }, true)),
});
export type FleetRecord = RecordOf<typeof fleetSchema>;

export const fleets = collection<FleetRecord, string, "directory">({
  type: "appstream.fleet",
  schema: fleetSchema,
  key: (r) => r.Name,
  indexes: { directory: (r) => (r.attrs.DomainJoinInfo as { DirectoryName?: string } | undefined)?.DirectoryName },
});

/** The instances running at `now` along the ramp toward `desired`. */
export function runningAt(ramp: CapacityRamp | undefined, desired: number, now: number): number {
  if (!ramp) return 0;
  const steps = ramp.stepMs > 0 ? Math.floor(Math.max(0, now - ramp.at) / ramp.stepMs) : Infinity;
  return ramp.from <= desired ? Math.min(desired, ramp.from + steps) : Math.max(desired, ramp.from - steps);
}
