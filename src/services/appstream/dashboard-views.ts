// AppStream's kinds of resource in the dashboard (operator/admin/resource-view.ts): each rendered by the view its
// describe call uses, as the owner sees it.
import { view, type ResourceView } from "../../operator/admin/resource-view";
import { stateAt } from "../../state/lifecycle";
import { images, permissions } from "./images/records";
import { imageView } from "./images/handlers";
import { builders } from "./image-builders/records";
import { builderView } from "./image-builders/handlers";
import { fleets } from "./fleets/records";
import { fleetView } from "./fleets/handlers";
import { stacks } from "./stacks/records";
import { stackView } from "./stacks/handlers";
import { users } from "./users/records";
import { userView } from "./users/handlers";
import { entitlements } from "./entitlements/records";
import { view as entitlementView } from "./entitlements/handlers";
import { directoryConfigs } from "./directory-configs/records";
import { view as directoryConfigView } from "./directory-configs/handlers";
import { usageReportSubscriptionHandlers, usageReportSubscriptions } from "./usage-reports/handlers";
import { exportTasks } from "./export-tasks/records";
import { exportTaskHandlers } from "./export-tasks/handlers";
import { themes } from "./themes/records";
import { themeHandlers } from "./themes/handlers";
import { sessions } from "./streaming/records";
import { sessionView } from "./streaming/sessions";
import { applications } from "./applications/records";
import { applicationView } from "./applications/handlers";
import { appBlocks } from "./app-blocks/records";
import { appBlockView } from "./app-blocks/handlers";
import { appBlockBuilders } from "./app-block-builders/records";
import { appBlockBuilderView } from "./app-block-builders/handlers";

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
    collection: appBlocks,
    label: "App blocks",
    name: (r) => r.attrs.DisplayName as string | undefined,
    state: (_ctx, r) => appBlockView(r).State,
    created: (r) => r.createdAt,
    render: (_ctx, r) => appBlockView(r),
  }),
  view({
    collection: appBlockBuilders,
    label: "App block builders",
    name: (r) => r.attrs.DisplayName as string | undefined,
    state: (ctx, r) => stateAt(r.schedule, ctx.now),
    created: (r) => r.createdAt,
    render: (ctx, r) => appBlockBuilderView(ctx, r),
    schedule: (r) => r.schedule,
  }),
  view({
    collection: applications,
    label: "Applications",
    name: (r) => r.attrs.DisplayName as string | undefined,
    created: (r) => r.createdAt,
    render: applicationView,
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
    render: (ctx, r) => userView(ctx, r),
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
  view({
    collection: themes,
    label: "Stack themes",
    name: (r) => r.TitleText,
    state: (_ctx, r) => r.State,
    created: (r) => r.createdAt,
    render: (ctx, r) => themeHandlers.DescribeThemeForStack(ctx, { StackName: r.StackName }).Theme,
  }),
  view({
    collection: exportTasks,
    label: "Image export tasks",
    name: (r) => r.AmiName,
    state: (ctx, r) => stateAt(r.schedule, ctx.now),
    created: (r) => r.createdAt,
    render: (ctx, r) => exportTaskHandlers.GetExportImageTask(ctx, { TaskId: r.TaskId }).ExportImageTask,
    schedule: (r) => r.schedule,
  }),
  view({
    collection: sessions,
    label: "Streaming sessions",
    name: (r) => r.UserId,
    state: (ctx, r) => stateAt(r.schedule, ctx.now),
    created: (r) => r.startedAt,
    render: (ctx, r) => sessionView(ctx, r),
    schedule: (r) => r.schedule,
  }),
];
