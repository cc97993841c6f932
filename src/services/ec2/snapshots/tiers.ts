// Snapshot tiers ("Archive Amazon EBS snapshots", snapshot-archive.html; ModifySnapshotTier, RestoreSnapshotTier,
// DescribeSnapshotTierStatus): a completed snapshot of the caller's moves to the archive tier (archival in
// progress for a phase, the snapshot still standard meanwhile); an archived one is restored for a number of
// days (1-180), after which it returns to the archive tier, or for good. While archived, no volume is created
// from it. A temporarily restored snapshot can be given another restore period or made permanent. The phases
// run on imagelite's clock (AWS takes up to 72 hours: here, the length of a snapshot copy).
import type { RequestContext } from "../../../gateway/context";
import type { Ec2Handlers, SnapshotTierStatus, StorageTier, TieringOperationStatus } from "../api.generated";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { tagList, tagMap } from "../tags/records";
import { incorrectState } from "../volumes/errors";
import { findOwnSnapshot, snapshots } from "./access";
import { snapshotState, type SnapshotRecord } from "./records";

const DAY_MS = 24 * 3600 * 1000;

export interface TierView {
  StorageTier: StorageTier;
  status?: TieringOperationStatus;
  progress?: number;
  ArchivalCompleteTime?: Date;
  RestoreExpiryTime?: Date;
}

/** The snapshot's tier now, and the status of its last tiering operation. */
export function snapshotTier(ctx: RequestContext, r: SnapshotRecord): TierView {
  const t = r.tiering;
  if (!t) return { StorageTier: "standard" };
  const done = ctx.now >= t.completedAt;
  const progress = done ? 100 : Math.floor(((ctx.now - t.startedAt) / Math.max(1, t.completedAt - t.startedAt)) * 100);
  const archived = t.operation === "archival" && done ? new Date(t.completedAt) : new Date(t.archivedAt);
  switch (t.operation) {
    case "archival":
      return done
        ? { StorageTier: "archive", status: "archival-completed", progress, ArchivalCompleteTime: archived }
        : { StorageTier: "standard", status: "archival-in-progress", progress };
    case "temporary-restore": {
      if (!done) return { StorageTier: "archive", status: "temporary-restore-in-progress", progress, ArchivalCompleteTime: archived };
      const expired = t.expiresAt !== undefined && ctx.now >= t.expiresAt;
      return {
        StorageTier: expired ? "archive" : "standard",
        status: "temporary-restore-completed",
        progress,
        ArchivalCompleteTime: archived,
        RestoreExpiryTime: expired || t.expiresAt === undefined ? undefined : new Date(t.expiresAt),
      };
    }
    case "permanent-restore":
      return done
        ? { StorageTier: "standard", status: "permanent-restore-completed", progress, ArchivalCompleteTime: archived }
        : { StorageTier: "archive", status: "permanent-restore-in-progress", progress, ArchivalCompleteTime: archived };
  }
}

function tierStatus(ctx: RequestContext, r: SnapshotRecord): SnapshotTierStatus {
  const tier = snapshotTier(ctx, r);
  return {
    SnapshotId: r.SnapshotId,
    VolumeId: r.VolumeId,
    Status: snapshotState(ctx, r) as SnapshotTierStatus["Status"],
    OwnerId: r.owner,
    Tags: tagList(ctx, r.SnapshotId),
    StorageTier: tier.StorageTier,
    LastTieringStartTime: r.tiering ? new Date(r.tiering.startedAt) : undefined,
    LastTieringProgress: tier.progress,
    LastTieringOperationStatus: tier.status,
    LastTieringOperationStatusDetail: tier.status?.endsWith("-completed") ? "Tiering operation completed" : undefined,
    ArchivalCompleteTime: tier.ArchivalCompleteTime,
    RestoreExpiryTime: tier.RestoreExpiryTime,
  };
}

const inProgress = (ctx: RequestContext, r: SnapshotRecord) => r.tiering !== undefined && ctx.now < r.tiering.completedAt;

export const snapshotTierHandlers: Pick<Ec2Handlers, "ModifySnapshotTier" | "RestoreSnapshotTier" | "DescribeSnapshotTierStatus"> = {
  ModifySnapshotTier(ctx, { SnapshotId, StorageTier }) {
    const r = findOwnSnapshot(ctx, SnapshotId);
    if ((StorageTier ?? "archive") !== "archive") throw err.invalidValue(`Value (${StorageTier}) for parameter StorageTier is invalid.`);
    const state = snapshotState(ctx, r);
    if (state !== "completed") throw incorrectState(`Snapshot '${SnapshotId}' is ${state}: only a completed snapshot can be archived.`);
    if (inProgress(ctx, r)) throw incorrectState(`Snapshot '${SnapshotId}' has a tiering operation in progress.`);
    if (snapshotTier(ctx, r).StorageTier === "archive") throw incorrectState(`Snapshot '${SnapshotId}' is already in the archive tier.`);
    const completedAt = ctx.now + ctx.timings.seconds("snapshotCopy") * 1000;
    r.tiering = { operation: "archival", startedAt: ctx.now, completedAt, archivedAt: completedAt };
    snapshots.put(ctx, r);
    return { SnapshotId, TieringStartTime: new Date(ctx.now) };
  },

  RestoreSnapshotTier(ctx, { SnapshotId, TemporaryRestoreDays, PermanentRestore }) {
    const r = findOwnSnapshot(ctx, SnapshotId);
    if (TemporaryRestoreDays !== undefined && PermanentRestore) {
      throw err.invalidCombination("The parameters TemporaryRestoreDays and PermanentRestore cannot be used together.");
    }
    if (TemporaryRestoreDays === undefined && !PermanentRestore) throw err.missingParameter("TemporaryRestoreDays or PermanentRestore");
    if (TemporaryRestoreDays !== undefined && (TemporaryRestoreDays < 1 || TemporaryRestoreDays > 180)) {
      throw err.invalidValue(
        `Value (${TemporaryRestoreDays}) for parameter TemporaryRestoreDays is invalid. Expected a value from 1 to 180.`,
      );
    }
    const t = r.tiering;
    const tier = snapshotTier(ctx, r);
    if (!t || inProgress(ctx, r)) {
      throw incorrectState(
        t ? `Snapshot '${SnapshotId}' has a tiering operation in progress.` : `Snapshot '${SnapshotId}' is not in the archive tier.`,
      );
    }
    const temporarilyRestored = t.operation === "temporary-restore" && tier.StorageTier === "standard";
    if (tier.StorageTier !== "archive" && !temporarilyRestored)
      throw incorrectState(`Snapshot '${SnapshotId}' is not in the archive tier.`);
    if (temporarilyRestored) {
      // A temporary restore changed: a new period from now, or permanent, at once.
      r.tiering = PermanentRestore
        ? { operation: "permanent-restore", startedAt: ctx.now, completedAt: ctx.now, archivedAt: t.archivedAt }
        : { ...t, expiresAt: ctx.now + TemporaryRestoreDays! * DAY_MS, days: TemporaryRestoreDays };
    } else {
      const completedAt = ctx.now + ctx.timings.seconds("snapshotCopy") * 1000;
      r.tiering = PermanentRestore
        ? { operation: "permanent-restore", startedAt: ctx.now, completedAt, archivedAt: t.archivedAt }
        : {
            operation: "temporary-restore",
            startedAt: ctx.now,
            completedAt,
            archivedAt: t.archivedAt,
            expiresAt: completedAt + TemporaryRestoreDays! * DAY_MS,
            days: TemporaryRestoreDays,
          };
    }
    snapshots.put(ctx, r);
    return {
      SnapshotId,
      RestoreStartTime: new Date(r.tiering.startedAt),
      RestoreDuration: PermanentRestore ? undefined : TemporaryRestoreDays,
      IsPermanentRestore: !!PermanentRestore,
    };
  },

  DescribeSnapshotTierStatus(ctx, input) {
    const matches = compileFilters<SnapshotTierStatus>(input.Filters, {
      fields: {
        "snapshot-id": (s) => s.SnapshotId,
        "volume-id": (s) => s.VolumeId,
        "last-tiering-operation": (s) => s.LastTieringOperationStatus,
      },
      tags: (s) => tagMap(ctx, s.SnapshotId!),
    });
    const limit = pageLimit(input.MaxResults === undefined ? undefined : Math.min(input.MaxResults, 1000), 5, 1000);
    const rows = (function* () {
      for (const e of snapshots.entries(ctx, { after: startAfter(ctx, input.NextToken), batch: Math.min(limit + 1, 100) }))
        yield tierStatus(ctx, e.value);
    })();
    const { page, more } = takePage(rows, matches, limit);
    return { SnapshotTierStatuses: page, NextToken: more ? nextToken(ctx, page[page.length - 1].SnapshotId!) : undefined };
  },
};
