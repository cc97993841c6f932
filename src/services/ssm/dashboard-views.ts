// SSM's kinds of resource in the dashboard (operator/admin/resource-view.ts): parameters, as GetParameter (without
// decryption) and DescribeParameters show them to their owner.
import { view, type ResourceView } from "../../operator/admin/resource-view";
import { current, parameters } from "./parameters/records";
import { metadataView, parameterView } from "./parameters/view";

export const ssmDashboardViews: ResourceView[] = [
  view({
    collection: parameters,
    label: "Parameters",
    name: (p) => current(p).Description,
    created: (p) => p.versions[0]?.modifiedAt,
    render: (ctx, p) => ({ ...metadataView(ctx, p), ...parameterView(ctx, p, current(p), false) }),
  }),
];
