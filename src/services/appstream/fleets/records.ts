// How AppStream fleets are kept: one record per fleet in its owner's partition, found by the directory its
// instances join (DeleteDirectoryConfig refuses while one does).
import { collection } from "../../../state/collection";
import type { Schedule } from "../../../state/lifecycle";
import type { ImageRef } from "../records";

/**
 * How a running fleet's instances move toward the desired count: `from` instances at `at` (epoch ms), then one
 * more (or one fewer) every `stepMs`, as a fleet scaling out or in does.
 */
export interface CapacityRamp {
  from: number;
  at: number;
  stepMs: number;
}

export interface FleetRecord {
  /** Members of the Fleet shape kept as given. */
  attrs: Record<string, unknown>;
  Name: string;
  Arn: string;
  image?: ImageRef;
  desired: { instances?: number; sessions?: number };
  createdAt: number;
  schedule: Schedule;
  tags: Record<string, string>;
  /** Set by StartFleet and by UpdateFleet's capacity changes; absent on a fleet never started. */
  ramp?: CapacityRamp;
}

export const fleets = collection<FleetRecord, string, "directory">({
  type: "appstream.fleet",
  key: (r) => r.Name,
  indexes: { directory: (r) => (r.attrs.DomainJoinInfo as { DirectoryName?: string } | undefined)?.DirectoryName },
});

/** The instances running at `now` along the ramp toward `desired`. */
export function runningAt(ramp: CapacityRamp | undefined, desired: number, now: number): number {
  if (!ramp) return 0;
  const steps = ramp.stepMs > 0 ? Math.floor(Math.max(0, now - ramp.at) / ramp.stepMs) : Infinity;
  return ramp.from <= desired ? Math.min(desired, ramp.from + steps) : Math.max(desired, ramp.from - steps);
}
