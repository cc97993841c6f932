// How AppStream fleets are kept: one record per fleet in its owner's partition.
import { collection } from "../../state/collection";
import type { Schedule } from "../../state/lifecycle";
import type { ImageRef } from "./records";

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
}

export const fleets = collection<FleetRecord>({ type: "appstream.fleet", key: (r) => r.Name });
