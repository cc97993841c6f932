// How streaming sessions and the license usage they leave are kept. A session is keyed (fleet, stack, id), so that
// DescribeSessions reads one stack and fleet and StopFleet one fleet; an index finds it by id alone
// (ExpireSession, DrainSessionInstance). It is purged once gone.
import { collection } from "../../../state/collection";
import { endsIn } from "../../../state/lifecycle";
import { schema, typed, type RecordOf } from "../../../state/record-schema";
import type { AuthenticationType } from "../api.generated";
import { GONE, notGone } from "../records";

const sessionSchema = schema({
  Id: "string",
  UserId: "string",
  StackName: "string",
  FleetName: "string",
  AuthenticationType: typed<AuthenticationType>("string"),
  InstanceId: "string",
  /** On a multi-session fleet (MaxSessionsPerInstance above 1), where instances can be drained. */
  multiSession: "boolean",
  /** DrainSessionInstance was called for its instance. */
  draining: "boolean?",
  startedAt: "time",
  /** When the fleet's MaxUserDurationInSeconds ends it. */
  maxExpiration: "time",
  /** PENDING → ACTIVE → EXPIRED → GONE. */
  schedule: "schedule",
});
export type SessionRecord = RecordOf<typeof sessionSchema>;

export const sessions = collection<SessionRecord, [fleet: string, stack: string, id: string], "id">({
  type: "appstream.session",
  schema: sessionSchema,
  key: (r) => [r.FleetName, r.StackName, r.Id],
  indexes: { id: (r) => r.Id },
  live: notGone,
  expires: { goneAt: (r) => endsIn(r.schedule, GONE) },
});

const licenseUsageSchema = schema({
  BillingPeriod: "string",
  LicenseType: "string",
  UserArn: "string",
  UserId: "string",
  OwnerAWSAccountId: "string",
  firstUsedAt: "time",
  lastUsedAt: "time",
});
export type LicenseUsageRecord = RecordOf<typeof licenseUsageSchema>;

/** Keyed (billing period yyyy-mm, user ARN, license): one record per user and license-included software a month. */
export const licenseUsage = collection<LicenseUsageRecord, [period: string, user: string, license: string]>({
  type: "appstream.app-license-usage",
  schema: licenseUsageSchema,
  key: (r) => [r.BillingPeriod, r.UserArn, r.LicenseType],
});
