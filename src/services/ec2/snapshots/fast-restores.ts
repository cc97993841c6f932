// Fast snapshot restore ("Amazon EBS fast snapshot restore", ebs-fast-snapshot-restore.html;
// EnableFastSnapshotRestores, DisableFastSnapshotRestores and DescribeFastSnapshotRestores references). An account
// enables it for a snapshot it may use (its own, or one shared with it or public), completed, in zones of its
// Region named by name or id: each snapshot and zone is `enabling`, then `optimizing`, then `enabled`, a phase
// each on the clock; disabling is `disabling` for a phase, then `disabled`. A volume created from the snapshot in
// a zone where it is `enabled` is fast-restored (Volume.FastRestored, the `fast-restored` filter). The calls
// answer for each snapshot and zone: what succeeded in Successful, what did not in Unsuccessful with its error
// (an unknown or unusable snapshot, an unknown zone, a snapshot not completed, nothing to disable).
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { schema, unchecked, type RecordOf } from "../../../state/record-schema";
import type {
  DescribeFastSnapshotRestoreSuccessItem,
  EnableFastSnapshotRestoreErrorItem,
  Ec2Handlers,
  FastSnapshotRestoreStateCode,
} from "../api.generated";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { zonesOf } from "../network/zones";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { canCreateVolume, checkSnapshotId, visibleSnapshot } from "./access";
import { snapshotState } from "./records";

const restoreSchema = schema({
  SnapshotId: "string",
  AvailabilityZone: "string",
  /** The snapshot's owner and alias, as the calls show them. */
  owner: "string",
  alias: unchecked<string | undefined>(),
  enablingAt: "time",
  optimizingAt: "time",
  enabledAt: "time",
  disablingAt: unchecked<number | undefined>(),
  disabledAt: unchecked<number | undefined>(),
});
type RestoreRecord = RecordOf<typeof restoreSchema>;

/** In the enabling account's partition, keyed (snapshot, zone). */
export const fastSnapshotRestores = collection<RestoreRecord, [snapshot: string, zone: string]>({
  type: "ec2.fast-snapshot-restore",
  schema: restoreSchema,
  key: (r) => [r.SnapshotId, r.AvailabilityZone],
});

function stateOf(ctx: RequestContext, r: RestoreRecord): FastSnapshotRestoreStateCode {
  if (r.disabledAt !== undefined && ctx.now >= r.disabledAt) return "disabled";
  if (r.disablingAt !== undefined && ctx.now >= r.disablingAt) return "disabling";
  if (ctx.now >= r.enabledAt) return "enabled";
  if (ctx.now >= r.optimizingAt) return "optimizing";
  return "enabling";
}

/** Whether a volume the caller creates now from the snapshot in the zone is fast-restored. */
export function isFastRestored(ctx: RequestContext, snapshotId: string, zone: string): boolean {
  const r = fastSnapshotRestores.get(ctx, [snapshotId, zone]);
  return r !== undefined && stateOf(ctx, r) === "enabled";
}

const at = (t: number | undefined, now: number) => (t !== undefined && t <= now ? new Date(t) : undefined);

function view(ctx: RequestContext, r: RestoreRecord): DescribeFastSnapshotRestoreSuccessItem {
  const state = stateOf(ctx, r);
  const zone = zonesOf(ctx.region).find((z) => z.ZoneName === r.AvailabilityZone);
  return {
    SnapshotId: r.SnapshotId,
    AvailabilityZone: r.AvailabilityZone,
    AvailabilityZoneId: zone?.ZoneId,
    State: state,
    StateTransitionReason: `Client.UserInitiated${state === "optimizing" || state === "enabled" ? " - Lifecycle state transition" : ""}`,
    OwnerId: r.owner,
    OwnerAlias: r.alias,
    EnablingTime: at(r.enablingAt, ctx.now),
    OptimizingTime: at(r.optimizingAt, ctx.now),
    EnabledTime: at(r.enabledAt, ctx.now),
    DisablingTime: at(r.disablingAt, ctx.now),
    DisabledTime: at(r.disabledAt, ctx.now),
  };
}

type Failure = { code: string; message: string };
type Target = { zone: string; zoneId?: string; failure?: Failure };

/** The zones a request names, by name or by id; an unknown one fails for every snapshot. */
function targets(ctx: RequestContext, names: string[] | undefined, ids: string[] | undefined): Target[] {
  if (names?.length && ids?.length) {
    throw err.invalidCombination("The parameters AvailabilityZones and AvailabilityZoneIds cannot be used together.");
  }
  if (!names?.length && !ids?.length) throw err.missingParameter("AvailabilityZones");
  const zones = zonesOf(ctx.region);
  if (ids?.length) {
    return [...new Set(ids)].map((id) => {
      const z = zones.find((x) => x.ZoneId === id);
      return z
        ? { zone: z.ZoneName, zoneId: id }
        : { zone: "", zoneId: id, failure: { code: "InvalidParameterValue", message: `Invalid availability zone id: [${id}]` } };
    });
  }
  return [...new Set(names)].map((name) =>
    zones.some((z) => z.ZoneName === name)
      ? { zone: name }
      : { zone: name, failure: { code: "InvalidParameterValue", message: `Invalid availability zone: [${name}]` } },
  );
}

interface Outcome {
  Successful: DescribeFastSnapshotRestoreSuccessItem[];
  Unsuccessful: EnableFastSnapshotRestoreErrorItem[];
}

/** Runs `act` for every snapshot and zone, gathering what succeeded and, per snapshot, what failed. */
function each(
  ctx: RequestContext,
  input: { SourceSnapshotIds: string[]; AvailabilityZones?: string[]; AvailabilityZoneIds?: string[] },
  act: (snapshotId: string, t: Target) => RestoreRecord | Failure,
): Outcome {
  input.SourceSnapshotIds.forEach(checkSnapshotId);
  const zones = targets(ctx, input.AvailabilityZones, input.AvailabilityZoneIds);
  const out: Outcome = { Successful: [], Unsuccessful: [] };
  for (const id of [...new Set(input.SourceSnapshotIds)]) {
    const errors: NonNullable<EnableFastSnapshotRestoreErrorItem["FastSnapshotRestoreStateErrors"]> = [];
    for (const t of zones) {
      const r = t.failure ?? act(id, t);
      if ("code" in r) {
        errors.push({
          AvailabilityZone: t.zoneId === undefined ? t.zone : undefined,
          AvailabilityZoneId: t.zoneId,
          Error: { Code: r.code, Message: r.message },
        });
      } else out.Successful.push(view(ctx, r));
    }
    if (errors.length) out.Unsuccessful.push({ SnapshotId: id, FastSnapshotRestoreStateErrors: errors });
  }
  return out;
}

export const fastSnapshotRestoreHandlers: Pick<
  Ec2Handlers,
  "EnableFastSnapshotRestores" | "DisableFastSnapshotRestores" | "DescribeFastSnapshotRestores"
> = {
  EnableFastSnapshotRestores(ctx, input) {
    return each(ctx, input, (id, t) => {
      const snap = visibleSnapshot(ctx, id);
      if (!snap || !canCreateVolume(ctx, snap))
        return { code: "InvalidSnapshot.NotFound", message: `The snapshot '${id}' does not exist.` };
      const state = snapshotState(ctx, snap);
      if (state !== "completed") return { code: "IncorrectState", message: `Snapshot '${id}' is ${state}: it must be completed.` };
      const current = fastSnapshotRestores.get(ctx, [id, t.zone]);
      const currentState = current && stateOf(ctx, current);
      if (current && currentState !== "disabled" && currentState !== "disabling") return current;
      const phase = ctx.timings.seconds("volumeCreate") * 1000;
      const r: RestoreRecord = {
        SnapshotId: id,
        AvailabilityZone: t.zone,
        owner: snap.owner,
        alias: snap.alias,
        enablingAt: ctx.now,
        optimizingAt: ctx.now + phase,
        enabledAt: ctx.now + 2 * phase,
      };
      fastSnapshotRestores.put(ctx, r);
      return r;
    });
  },

  DisableFastSnapshotRestores(ctx, input) {
    return each(ctx, input, (id, t) => {
      const current = fastSnapshotRestores.get(ctx, [id, t.zone]);
      const state = current && stateOf(ctx, current);
      if (!current || state === "disabled") {
        return { code: "IncorrectState", message: `Fast snapshot restores are not enabled for snapshot '${id}' in ${t.zone}.` };
      }
      if (state === "disabling") return current;
      const r = { ...current, disablingAt: ctx.now, disabledAt: ctx.now + ctx.timings.seconds("volumeCreate") * 1000 };
      fastSnapshotRestores.put(ctx, r);
      return r;
    });
  },

  DescribeFastSnapshotRestores(ctx, input) {
    const matches = compileFilters<DescribeFastSnapshotRestoreSuccessItem>(input.Filters, {
      fields: {
        "snapshot-id": (s) => s.SnapshotId,
        "availability-zone": (s) => s.AvailabilityZone,
        "availability-zone-id": (s) => s.AvailabilityZoneId,
        "owner-id": (s) => s.OwnerId,
        state: (s) => s.State,
      },
    });
    const limit = pageLimit(input.MaxResults === 0 ? undefined : input.MaxResults, 1, 200);
    const rows = (function* () {
      for (const { id, value } of fastSnapshotRestores.entries(ctx, {
        after: startAfter(ctx, input.NextToken),
        batch: Math.min(limit + 1, 100),
      })) {
        yield { id, item: view(ctx, value) };
      }
    })();
    const { page, more } = takePage(rows, (r) => matches(r.item), limit);
    return {
      FastSnapshotRestores: page.map((r) => r.item),
      NextToken: more ? nextToken(ctx, page[page.length - 1].id) : undefined,
    };
  },
};
