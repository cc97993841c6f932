// Streaming sessions (DescribeSessions, ExpireSession, DrainSessionInstance in the AppStream API reference) and
// the license usage they leave (DescribeAppLicenseUsage). imagelite has no one to open a streaming URL, so it
// takes a URL as opened when it is made: CreateStreamingURL starts the user's session on the fleet (or finds the
// one the user already has there, as a user who opens a second URL reconnects to it). The session is PENDING
// while an instance gets ready, then ACTIVE and CONNECTED until the fleet's MaxUserDurationInSeconds ends it
// (MaxExpirationTime), until ExpireSession, or until the fleet stops; it is EXPIRED for a moment, then no
// longer listed. A user of the user pool whose name is the session's user id has signed in once that session
// is ACTIVE, and is CONFIRMED from then on (users/handlers.ts).
//
// On a multi-session fleet (MaxSessionsPerInstance above 1) sessions share instances up to that number, and
// DrainSessionInstance drains the instance of a session: its sessions go on (InstanceDrainStatus DRAINING) and
// new sessions go to other instances. On a single-session fleet draining does not apply (NOT_APPLICABLE).
//
// A session on a fleet whose image has license-included software (installed on the image builder it was made
// from, image-builders/software.ts) counts as the user's use of each: one usage record per user, software and
// billing period (yyyy-mm, UTC), with the first and the last day it was used.
import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import { plan, stateAt } from "../../../state/lifecycle";
import { hexId } from "../../../util/ids";
import { arn } from "../../../util/arn";
import type { AppStreamHandlers, AuthenticationType, Session, SessionState } from "../api.generated";
import * as err from "../errors";
import { GONE } from "../records";
import { collectionPage, pageSize } from "../paging";
import type { FleetRecord } from "../fleets/records";
import { getOwnImage } from "../images/handlers";
import { users } from "../users/records";
import { licenseUsage, sessions, type SessionRecord } from "./records";

const stateOf = (ctx: RequestContext, r: SessionRecord) => stateAt(r.schedule, ctx.now) as SessionState | typeof GONE;
const isOpen = (ctx: RequestContext, r: SessionRecord) => {
  const s = stateOf(ctx, r);
  return s === "PENDING" || s === "ACTIVE";
};

export function sessionView(ctx: RequestContext, r: SessionRecord): Session {
  const State = stateOf(ctx, r) as SessionState;
  return {
    Id: r.Id,
    UserId: r.UserId,
    StackName: r.StackName,
    FleetName: r.FleetName,
    State,
    ConnectionState: State === "ACTIVE" ? "CONNECTED" : "NOT_CONNECTED",
    StartTime: new Date(r.startedAt),
    MaxExpirationTime: new Date(r.maxExpiration),
    AuthenticationType: r.AuthenticationType,
    InstanceId: r.InstanceId,
    InstanceDrainStatus: r.multiSession ? (r.draining ? "DRAINING" : "ACTIVE") : "NOT_APPLICABLE",
  };
}

/** The schedule of a session that ends now: EXPIRED for a moment, then gone. */
function endNow(ctx: RequestContext, r: SessionRecord): void {
  const before = r.schedule.filter((s) => s.at <= ctx.now && s.state !== "EXPIRED" && s.state !== GONE);
  r.schedule = [...before, ...plan(ctx.now, ["EXPIRED", ctx.timings.seconds("sessionEnd")], [GONE])];
  sessions.put(ctx, r);
}

/** The instance a new session of a multi-session fleet goes to: one not draining with a free slot, or a new one. */
function instanceFor(ctx: RequestContext, fleet: FleetRecord, perInstance: number): string {
  const load = new Map<string, number>();
  const drained = new Set<string>();
  for (const s of sessions.scan(ctx, { within: [fleet.Name] })) {
    if (!isOpen(ctx, s)) continue;
    if (s.draining) drained.add(s.InstanceId);
    load.set(s.InstanceId, (load.get(s.InstanceId) ?? 0) + 1);
  }
  for (const [id, n] of load) if (!drained.has(id) && n < perInstance) return id;
  return hexId("i");
}

const billingPeriod = (at: number) => new Date(at).toISOString().slice(0, 7);

/** The usage of each license-included software on the fleet's image by the session's user. */
function noteLicenseUsage(ctx: RequestContext, fleet: FleetRecord, s: SessionRecord, userArn: string): void {
  const image = fleet.image && fleet.image.owner !== "" ? getOwnImage(ctx, fleet.image.name, fleet.image.owner) : undefined;
  for (const license of image?.software ?? []) {
    const BillingPeriod = billingPeriod(s.startedAt);
    const old = licenseUsage.get(ctx, [BillingPeriod, userArn, license]);
    licenseUsage.put(ctx, {
      BillingPeriod,
      LicenseType: license,
      UserArn: userArn,
      UserId: s.UserId,
      OwnerAWSAccountId: ctx.accountId,
      firstUsedAt: old?.firstUsedAt ?? s.startedAt,
      lastUsedAt: s.startedAt,
    });
  }
}

/**
 * The session a streaming URL opens for the user on the stack and fleet (the fleet RUNNING and associated with
 * the stack, as CreateStreamingURL checked): the user's open session there, or a new one.
 */
export function openSession(ctx: RequestContext, stack: string, fleet: FleetRecord, userId: string): SessionRecord {
  const auth: AuthenticationType = "API";
  for (const s of sessions.scan(ctx, { within: [fleet.Name, stack] })) {
    if (s.UserId === userId && s.AuthenticationType === auth && isOpen(ctx, s)) return s;
  }
  const perInstance = Number(fleet.attrs.MaxSessionsPerInstance ?? 1) || 1;
  const maxSeconds = Number(fleet.attrs.MaxUserDurationInSeconds ?? 57600);
  const ready = ctx.now + ctx.timings.seconds("sessionStart") * 1000;
  const maxExpiration = ready + maxSeconds * 1000;
  const rec: SessionRecord = {
    Id: randomUUID(),
    UserId: userId,
    StackName: stack,
    FleetName: fleet.Name,
    AuthenticationType: auth,
    InstanceId: perInstance > 1 ? instanceFor(ctx, fleet, perInstance) : hexId("i"),
    multiSession: perInstance > 1,
    startedAt: ready,
    maxExpiration,
    schedule: [
      { state: "PENDING", at: ctx.now },
      { state: "ACTIVE", at: ready },
      { state: "EXPIRED", at: maxExpiration },
      { state: GONE, at: maxExpiration + ctx.timings.seconds("sessionEnd") * 1000 },
    ],
  };
  sessions.put(ctx, rec);
  // A user of the pool of that name has now signed in.
  const user = users.get(ctx, ["USERPOOL", userId]);
  if (user && user.confirmedAt === undefined) users.put(ctx, { ...user, confirmedAt: ready });
  noteLicenseUsage(ctx, fleet, rec, user?.Arn ?? arn("appstream", ctx.region, ctx.accountId, `user/${auth.toLowerCase()}/${userId}`));
  return rec;
}

/** The fleet's sessions that have not ended (PENDING or ACTIVE), for its ComputeCapacityStatus. */
export const openSessions = (ctx: RequestContext, fleetName: string): SessionRecord[] =>
  [...sessions.scan(ctx, { within: [fleetName] })].filter((s) => isOpen(ctx, s));

/** A fleet that stops ends its sessions. */
export function endFleetSessions(ctx: RequestContext, fleetName: string): void {
  for (const s of [...sessions.scan(ctx, { within: [fleetName] })]) if (isOpen(ctx, s)) endNow(ctx, s);
}

function mustGetSession(ctx: RequestContext, id: string): SessionRecord {
  const s = sessions.find(ctx, "id", id);
  if (!s) throw err.notFound(`Session ${id} does not exist.`);
  return s;
}

const BILLING_PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export const sessionHandlers: Pick<
  AppStreamHandlers,
  "DescribeSessions" | "ExpireSession" | "DrainSessionInstance" | "DescribeAppLicenseUsage"
> = {
  DescribeSessions(ctx, input) {
    if (input.Limit !== undefined && input.Limit < 0) throw err.invalidCombination("The limit must not be negative.");
    // "If you specify a user ID, you must also specify the authentication type" (API reference, DescribeSessions).
    if (input.UserId !== undefined && input.AuthenticationType === undefined) {
      throw err.invalidCombination("AuthenticationType is required when UserId is specified.");
    }
    // "If an authentication type is not provided, the default is to authenticate users using a streaming URL."
    const auth = input.AuthenticationType ?? "API";
    // The operation names no ResourceNotFoundException: an unknown stack or fleet has no sessions.
    const page = collectionPage(
      sessions,
      ctx,
      {
        within: [input.FleetName, input.StackName],
        limit: pageSize(input.Limit, 50),
        filter: (s) =>
          s.AuthenticationType === auth &&
          (input.UserId === undefined || s.UserId === input.UserId) &&
          (input.InstanceId === undefined || s.InstanceId === input.InstanceId),
      },
      `DescribeSessions ${input.FleetName} ${input.StackName} ${auth} ${input.UserId ?? ""} ${input.InstanceId ?? ""}`,
      input.NextToken,
    );
    return { Sessions: page.items.map((s) => sessionView(ctx, s)), NextToken: page.nextToken };
  },

  ExpireSession(ctx, { SessionId }) {
    // The operation names no error: an unknown or ended session id is accepted.
    const s = sessions.find(ctx, "id", SessionId);
    if (s && isOpen(ctx, s)) endNow(ctx, s);
    return {};
  },

  DrainSessionInstance(ctx, { SessionId }) {
    const s = mustGetSession(ctx, SessionId);
    if (!s.multiSession) {
      throw err.notPermitted(`Session ${SessionId} runs on a single-session fleet: only instances of multi-session fleets can be drained.`);
    }
    if (!isOpen(ctx, s)) throw err.notPermitted(`Session ${SessionId} has ended.`);
    for (const other of [...sessions.scan(ctx, { within: [s.FleetName] })]) {
      if (other.InstanceId === s.InstanceId && !other.draining) sessions.put(ctx, { ...other, draining: true });
    }
    return {};
  },

  DescribeAppLicenseUsage(ctx, input) {
    if (!BILLING_PERIOD.test(input.BillingPeriod)) {
      throw err.invalidCombination(`The billing period ${input.BillingPeriod} is not valid: specify it as yyyy-mm, e.g. 2025-08.`);
    }
    const page = collectionPage(
      licenseUsage,
      ctx,
      { within: [input.BillingPeriod], limit: pageSize(input.MaxResults, 50) },
      `DescribeAppLicenseUsage ${input.BillingPeriod}`,
      input.NextToken,
    );
    return {
      AppLicenseUsages: page.items.map((u) => ({
        UserArn: u.UserArn,
        BillingPeriod: u.BillingPeriod,
        OwnerAWSAccountId: u.OwnerAWSAccountId,
        SubscriptionFirstUsedDate: new Date(u.firstUsedAt),
        SubscriptionLastUsedDate: new Date(u.lastUsedAt),
        LicenseType: u.LicenseType,
        UserId: u.UserId,
      })),
      NextToken: page.nextToken,
    };
  },
};
