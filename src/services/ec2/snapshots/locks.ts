// Snapshot lock ("Amazon EBS snapshot lock", ebs-snapshot-lock.html; "Amazon EBS snapshot lock concepts",
// snapshot-lock-concepts.html; LockSnapshot, UnlockSnapshot and DescribeLockedSnapshots references). A snapshot of
// the caller's, pending or completed, is locked in governance mode, or in compliance mode with an optional
// cooling-off period of 1 to 72 hours, for a duration of 1 to 36,500 days or until an expiration date within the
// same bounds. The lock's state follows the clock: compliance-cooloff, then compliance; governance; expired once
// its duration has run. A lock on a pending snapshot counts its duration from the snapshot's completion.
// While locked (not expired), the snapshot cannot be deleted (access.ts). A governance lock, or a compliance lock
// in its cooling-off period, can be changed in any way or removed; a compliance lock after it can only be
// extended. DescribeLockedSnapshots lists the caller's locked snapshots (expired locks too) in snapshot-id order.
import type { RequestContext } from "../../../gateway/context";
import type { Ec2Handlers, LockedSnapshotsInfo } from "../api.generated";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { incorrectState } from "../volumes/errors";
import { checkSnapshotId, findOwnSnapshot, snapshotNotFound, snapshots } from "./access";
import { lockStateAt, type LockRecord, type SnapshotRecord } from "./records";

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** A lock lasts at least a day and at most 100 years (36,500 days): RetentionPeriodRequestDays. */
const MIN_DAYS = 1;
const MAX_DAYS = 36500;

function lockView(ctx: RequestContext, r: SnapshotRecord, lock: LockRecord): LockedSnapshotsInfo {
  return {
    OwnerId: r.owner,
    SnapshotId: r.SnapshotId,
    LockState: lockStateAt(lock, ctx.now),
    LockDuration: lock.days,
    CoolOffPeriod: lock.coolOffHours,
    CoolOffPeriodExpiresOn: lock.coolOffEndsAt === undefined ? undefined : new Date(lock.coolOffEndsAt),
    LockCreatedOn: new Date(lock.createdAt),
    LockDurationStartTime: new Date(lock.durationStart),
    LockExpiresOn: new Date(lock.expiresAt),
  };
}

/** When a pending snapshot completes (its lock duration starts then); now for a completed one. */
function durationStartOf(ctx: RequestContext, r: SnapshotRecord): number {
  const completed = r.schedule.find((s) => s.state === "completed")?.at;
  return completed !== undefined && completed > ctx.now ? completed : ctx.now;
}

export const snapshotLockHandlers: Pick<Ec2Handlers, "LockSnapshot" | "UnlockSnapshot" | "DescribeLockedSnapshots"> = {
  LockSnapshot(ctx, { SnapshotId, LockMode, CoolOffPeriod, LockDuration, ExpirationDate }) {
    const r = findOwnSnapshot(ctx, SnapshotId);
    if (LockDuration !== undefined && ExpirationDate !== undefined) {
      throw err.invalidCombination("The parameters LockDuration and ExpirationDate cannot be used together.");
    }
    if (LockDuration === undefined && ExpirationDate === undefined) throw err.missingParameter("LockDuration or ExpirationDate");
    if (CoolOffPeriod !== undefined && LockMode !== "compliance") {
      throw err.invalidCombination("The parameter CoolOffPeriod can only be used with the compliance lock mode.");
    }
    if (LockDuration !== undefined && (LockDuration < MIN_DAYS || LockDuration > MAX_DAYS)) {
      throw err.invalidValue(
        `Value (${LockDuration}) for parameter LockDuration is invalid. Expected a value from ${MIN_DAYS} to ${MAX_DAYS} days.`,
      );
    }
    if (CoolOffPeriod !== undefined && (CoolOffPeriod < 1 || CoolOffPeriod > 72)) {
      throw err.invalidValue(`Value (${CoolOffPeriod}) for parameter CoolOffPeriod is invalid. Expected a value from 1 to 72 hours.`);
    }
    const durationStart = durationStartOf(ctx, r);
    let expiresAt: number;
    if (ExpirationDate !== undefined) {
      expiresAt = ExpirationDate.getTime();
      if (expiresAt < ctx.now + MIN_DAYS * DAY_MS || expiresAt > ctx.now + MAX_DAYS * DAY_MS) {
        throw err.invalidValue(
          `Value (${ExpirationDate.toISOString()}) for parameter ExpirationDate is invalid. The lock must expire from ${MIN_DAYS} day to ${MAX_DAYS} days from now.`,
        );
      }
    } else expiresAt = durationStart + LockDuration! * DAY_MS;

    const current = r.lock;
    const state = current && lockStateAt(current, ctx.now);
    let lock: LockRecord;
    if (current && state === "compliance") {
      // After the cooling-off period: the lock can only be extended, in compliance mode.
      if (LockMode !== "compliance") {
        throw incorrectState(`Snapshot '${SnapshotId}' is locked in compliance mode: its lock mode can't be changed.`);
      }
      if (CoolOffPeriod !== undefined) {
        throw incorrectState(`Snapshot '${SnapshotId}' is past its cooling-off period: a cooling-off period can't be given.`);
      }
      if (expiresAt < current.expiresAt) {
        throw incorrectState(`Snapshot '${SnapshotId}' is locked in compliance mode: its lock duration can only be increased.`);
      }
      lock = {
        ...current,
        expiresAt,
        days: LockDuration,
        durationStart: LockDuration !== undefined ? durationStart : current.durationStart,
      };
    } else {
      // A new lock, or a change to a governance lock or to a compliance lock in its cooling-off period.
      const keep = current && state !== "expired";
      const createdAt = keep ? current.createdAt : ctx.now;
      const coolOffHours = LockMode === "compliance" ? (CoolOffPeriod ?? (keep ? current.coolOffHours : undefined)) : undefined;
      lock = {
        mode: LockMode,
        createdAt,
        durationStart,
        expiresAt,
        days: LockDuration,
        coolOffHours,
        // The cooling-off period runs from the compliance lock's creation (from now for a governance lock made compliance).
        coolOffEndsAt:
          coolOffHours === undefined ? undefined : (keep && current.mode === "compliance" ? createdAt : ctx.now) + coolOffHours * HOUR_MS,
      };
    }
    r.lock = lock;
    snapshots.put(ctx, r);
    const { OwnerId: _o, ...view } = lockView(ctx, r, lock);
    return view;
  },

  UnlockSnapshot(ctx, { SnapshotId }) {
    const r = findOwnSnapshot(ctx, SnapshotId);
    const state = r.lock && lockStateAt(r.lock, ctx.now);
    if (!r.lock) throw incorrectState(`Snapshot '${SnapshotId}' is not locked.`);
    if (state === "compliance") {
      throw incorrectState(
        `Snapshot '${SnapshotId}' is locked in compliance mode and its cooling-off period has expired: it can't be unlocked.`,
      );
    }
    r.lock = undefined;
    snapshots.put(ctx, r);
    return { SnapshotId };
  },

  DescribeLockedSnapshots(ctx, input) {
    const ids = input.SnapshotIds ?? [];
    ids.forEach(checkSnapshotId);
    const matches = compileFilters<LockedSnapshotsInfo>(input.Filters, {
      fields: { "lock-state": (s) => s.LockState, "snapshot-id": (s) => s.SnapshotId, "owner-id": (s) => s.OwnerId },
    });
    const limit = pageLimit(input.MaxResults, 5, 1000);
    if (ids.length) {
      const wanted = new Set(ids);
      for (const id of wanted) if (!snapshots.get(ctx, id)) throw snapshotNotFound(id);
    }
    const wanted = ids.length ? new Set(ids) : undefined;
    const rows = (function* () {
      for (const { value: r } of snapshots.entries(ctx, { after: startAfter(ctx, input.NextToken), batch: Math.min(limit + 1, 100) })) {
        if (r.lock && (!wanted || wanted.has(r.SnapshotId))) yield lockView(ctx, r, r.lock);
      }
    })();
    const { page, more } = takePage(rows, matches, limit);
    return { Snapshots: page, NextToken: more ? nextToken(ctx, page[page.length - 1].SnapshotId!) : undefined };
  },
};
