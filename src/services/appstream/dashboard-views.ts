// AppStream's kinds of resource in the dashboard (admin/resource-view.ts): each rendered by the view its
// describe call uses, as the owner sees it.
import { view, type ResourceView } from "../../admin/resource-view";
import { stateAt } from "../../state/lifecycle";
import { images, permissions } from "./image-records";
import { imageView } from "./images";
import { builders } from "./builder-records";
import { builderView } from "./image-builders";
import { fleets } from "./fleet-records";
import { fleetView } from "./fleets";
import { stacks } from "./stack-records";
import { stackView } from "./stacks";
import { users } from "./user-records";
import { userView } from "./users";
import { entitlements } from "./entitlement-records";
import { view as entitlementView } from "./entitlements";
import { directoryConfigs } from "./directory-config-records";
import { view as directoryConfigView } from "./directory-configs";
import { usageReportSubscriptionHandlers, usageReportSubscriptions } from "./usage-report-subscriptions";

export const appstreamDashboardViews: ResourceView[] = [
  view({
    collection: images,
    label: "Images",
    name: (r) => r.DisplayName,
    state: (ctx, r) => stateAt(r.schedule, ctx.now),
    created: (r) => r.createdAt,
    render: (ctx, r) => imageView(ctx, r),
    schedule: (r) => r.schedule,
    // The accounts DescribeImagePermissions lists, and what each may do (ImagePermissions).
    sharing: (ctx, r) =>
      [...permissions.scan(ctx, { within: [r.Name] })].map((p) => ({
        principal: p.account,
        kind: "account" as const,
        permissions: Object.entries(p.permissions)
          .filter(([, allowed]) => allowed === true)
          .map(([name]) => name),
      })),
  }),
  view({
    collection: builders,
    label: "Image builders",
    name: (r) => r.attrs.DisplayName as string | undefined,
    state: (ctx, r) => stateAt(r.schedule, ctx.now),
    created: (r) => r.createdAt,
    render: (ctx, r) => builderView(ctx, r),
    schedule: (r) => r.schedule,
  }),
  view({
    collection: fleets,
    label: "Fleets",
    name: (r) => r.attrs.DisplayName as string | undefined,
    state: (ctx, r) => stateAt(r.schedule, ctx.now),
    created: (r) => r.createdAt,
    render: fleetView,
    schedule: (r) => r.schedule,
  }),
  view({
    collection: stacks,
    label: "Stacks",
    name: (r) => r.attrs.DisplayName as string | undefined,
    created: (r) => r.createdAt,
    render: (_ctx, r) => stackView(r),
  }),
  view({
    collection: users,
    label: "Users",
    name: (r) => r.UserName,
    state: (_ctx, r) => (r.Enabled ? "ENABLED" : "DISABLED"),
    created: (r) => r.createdAt,
    render: (_ctx, r) => userView(r),
  }),
  view({
    collection: entitlements,
    label: "Entitlements",
    name: (r) => r.Name,
    created: (r) => r.createdAt,
    render: (_ctx, r) => entitlementView(r),
  }),
  view({
    collection: directoryConfigs,
    label: "Directory configs",
    created: (r) => r.createdAt,
    render: (_ctx, r) => directoryConfigView(r),
  }),
  view({
    collection: usageReportSubscriptions,
    label: "Usage report subscriptions",
    name: (r) => r.S3BucketName,
    created: (r) => r.createdAt,
    render: (ctx) => usageReportSubscriptionHandlers.DescribeUsageReportSubscriptions(ctx, {}).UsageReportSubscriptions?.[0],
  }),
];
