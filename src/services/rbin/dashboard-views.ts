// Recycle Bin's kinds of resource in the dashboard (operator/admin/resource-view.ts): retention rules, as GetRule
// shows them to their owner.
import { view, type ResourceView } from "../../operator/admin/resource-view";
import { ruleStatus, rules } from "./rules/records";
import { ruleView } from "./rules/view";

export const rbinDashboardViews: ResourceView[] = [
  view({
    collection: rules,
    label: "Retention rules",
    name: (r) => r.Description,
    state: (ctx, r) => ruleStatus(r, ctx.now),
    created: (r) => r.createdAt,
    render: (ctx, r) => ({ ...ruleView(ctx, r), Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })) }),
  }),
];
