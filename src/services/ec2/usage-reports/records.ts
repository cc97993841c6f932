// How AMI usage reports are kept: one record per report in its creator's partition, `pending` for a phase,
// then `available` (or `error` when a fault rule fails it). "View your AMI usage" (your-ec2-ami-usage.html):
// EC2 deletes a report 30 days after creation, so a report past its ExpirationTime no longer exists.
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import { collection } from "../../../state/collection";
import { stateAt } from "../../../state/lifecycle";
import { listOf, schema, typed, unchecked, type RecordOf } from "../../../state/record-schema";
import type { ImageUsageReport, ImageUsageResourceType } from "../api.generated";
import { retireToken } from "../client-tokens";
import { taggable } from "../resource-types";
import { dropTags, tagList } from "../tags/records";

export const REPORT_ID = /^amiur-[0-9a-f]{17}$/;
export const RETENTION_MS = 30 * 24 * 3600 * 1000;

const entrySchema = schema({ ResourceType: "string", AccountId: "string", UsageCount: "count" });
/** One line of a report: how many resources of a type in an account reference the AMI. */
export type UsageEntry = RecordOf<typeof entrySchema>;

const usageReportSchema = schema({
  ReportId: "string",
  ImageId: "string",
  ResourceTypes: typed<ImageUsageResourceType[]>(listOf({ ResourceType: "string?", ResourceTypeOptions: "array?" })),
  AccountIds: "strings?",
  createdAt: "time",
  schedule: "schedule",
  StateReason: "string?",
  /** Counted when the report was requested: a report shows the usage of that moment. */
  entries: listOf(entrySchema),
  /** The client token (its clientTokens id) of the CreateImageUsageReport that made it. */
  clientToken: unchecked<string | undefined>(),
});
export type UsageReportRecord = RecordOf<typeof usageReportSchema>;

export const reportMalformed = (id: string) =>
  new ServiceError("InvalidImageUsageReportId.Malformed", `Invalid id: "${id}" (expecting "amiur-...")`);
export const reportNotFound = (ids: string[]) =>
  new ServiceError(
    "InvalidImageUsageReportId.NotFound",
    `The image usage report ID${ids.length > 1 ? "s" : ""} '${ids.join(", ")}' ${ids.length > 1 ? "do" : "does"} not exist`,
  );

export const reportState = (ctx: RequestContext, r: UsageReportRecord): string => stateAt(r.schedule, ctx.now);
export const expiresAt = (r: UsageReportRecord): number => r.createdAt + RETENTION_MS;

/**
 * In its creator's partition, keyed by report id; there until it expires, then purged with its tags and, a day
 * later, the client token that made it.
 */
export const usageReports = collection<UsageReportRecord>({
  type: "ec2.image-usage-report",
  schema: usageReportSchema,
  key: (r) => r.ReportId,
  live: (r, now) => now < expiresAt(r),
  expires: {
    goneAt: expiresAt,
    purge(scope, id, report) {
      usageReports.delete(scope, id);
      dropTags(scope, id);
      retireToken(scope, report.clientToken, "ReportId", id, expiresAt(report));
    },
  },
  taggable: taggable("image-usage-report", (ctx, id) => findReport(ctx, id)),
});

export function checkReportId(id: string): void {
  if (!REPORT_ID.test(id)) throw reportMalformed(id);
}

/** The caller's unexpired report with this id, if any. */
export const storedReport = (ctx: RequestContext, id: string): UsageReportRecord | undefined => usageReports.get(ctx, id);

export const saveReport = (ctx: RequestContext, rec: UsageReportRecord): void => usageReports.put(ctx, rec);

export function findReport(ctx: RequestContext, id: string): UsageReportRecord {
  checkReportId(id);
  const rec = storedReport(ctx, id);
  if (!rec) throw reportNotFound([id]);
  return rec;
}

export function reportView(ctx: RequestContext, r: UsageReportRecord): ImageUsageReport {
  const state = reportState(ctx, r);
  return {
    ImageId: r.ImageId,
    ReportId: r.ReportId,
    ResourceTypes: r.ResourceTypes,
    AccountIds: r.AccountIds,
    State: state,
    StateReason: state === "error" ? r.StateReason : undefined,
    CreationTime: new Date(r.createdAt),
    ExpirationTime: new Date(expiresAt(r)),
    Tags: tagList(ctx, r.ReportId),
  };
}
