// Usage report subscriptions (CreateUsageReportSubscription, DescribeUsageReportSubscriptions,
// DeleteUsageReportSubscription): one per account and Region. Reports go to a bucket the service creates,
// "unique to the account and the Region" ("AppStream 2.0 Usage Reports", enable-usage-reports.html), so its
// name is derived from both. Reports are generated daily; the last one is the latest midnight (UTC) that has
// passed since the subscription began.
import { createHash } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { schema, type RecordOf } from "../../../state/record-schema";
import type { AppStreamHandlers } from "../api.generated";
import * as err from "../errors";

const subscriptionSchema = schema({ S3BucketName: "string", createdAt: "time" });

/** At most one record per partition, under a fixed key. */
export const usageReportSubscriptions = collection<RecordOf<typeof subscriptionSchema>>({
  type: "appstream.usage-report-subscription",
  schema: subscriptionSchema,
  key: () => "subscription",
});

const DAY = 86_400_000;

function bucketName(ctx: RequestContext): string {
  const suffix = createHash("sha256").update(`usage-reports ${ctx.accountId} ${ctx.region}`).digest("hex").slice(0, 10);
  return `appstream-logs-${ctx.region}-${ctx.accountId}-${suffix}`;
}

function lastReport(createdAt: number, now: number): Date | undefined {
  const midnight = Math.floor(now / DAY) * DAY;
  return midnight > createdAt ? new Date(midnight) : undefined;
}

export const usageReportSubscriptionHandlers: Pick<
  AppStreamHandlers,
  "CreateUsageReportSubscription" | "DescribeUsageReportSubscriptions" | "DeleteUsageReportSubscription"
> = {
  // Subscribing again keeps the subscription and its bucket.
  CreateUsageReportSubscription(ctx) {
    let rec = usageReportSubscriptions.get(ctx, "subscription");
    if (!rec) {
      rec = { S3BucketName: bucketName(ctx), createdAt: ctx.now };
      usageReportSubscriptions.put(ctx, rec);
    }
    return { S3BucketName: rec.S3BucketName, Schedule: "DAILY" };
  },

  DescribeUsageReportSubscriptions(ctx) {
    const rec = usageReportSubscriptions.get(ctx, "subscription");
    if (!rec) return { UsageReportSubscriptions: [] };
    const last = lastReport(rec.createdAt, ctx.now);
    return {
      UsageReportSubscriptions: [
        {
          S3BucketName: rec.S3BucketName,
          Schedule: "DAILY",
          ...(last ? { LastGeneratedReportDate: last } : {}),
          SubscriptionErrors: [],
        },
      ],
    };
  },

  DeleteUsageReportSubscription(ctx) {
    if (!usageReportSubscriptions.get(ctx, "subscription"))
      throw err.notFound("The account has no usage report subscription in this Region.");
    usageReportSubscriptions.delete(ctx, "subscription");
    return {};
  },
};
