// Applications associated with an entitlement one by one (AssociateApplicationToEntitlement,
// DisassociateApplicationFromEntitlement, API reference): what ListEntitledApplications lists for an
// entitlement whose AppVisibility is ASSOCIATED. The identifier names an application the stack's fleets offer:
// one of their images' applications, or an application associated with one of its Elastic fleets.
import type { AppStreamHandlers } from "../api.generated";
import * as err from "../errors";
import { entitlements } from "../entitlements/records";
import { mustGetEntitlement, stackApplications } from "../entitlements/handlers";

export const entitlementApplicationHandlers: Pick<
  AppStreamHandlers,
  "AssociateApplicationToEntitlement" | "DisassociateApplicationFromEntitlement"
> = {
  AssociateApplicationToEntitlement(ctx, { StackName, EntitlementName, ApplicationIdentifier }) {
    const rec = mustGetEntitlement(ctx, StackName, EntitlementName);
    if (!stackApplications(ctx, StackName).includes(ApplicationIdentifier)) {
      throw err.notFound(`Application ${ApplicationIdentifier} is not offered by the fleets of stack ${StackName}.`);
    }
    const names = new Set(rec.applications ?? []);
    if (!names.has(ApplicationIdentifier)) {
      rec.applications = [...names.add(ApplicationIdentifier)].sort();
      entitlements.put(ctx, rec);
    }
    return {};
  },

  DisassociateApplicationFromEntitlement(ctx, { StackName, EntitlementName, ApplicationIdentifier }) {
    const rec = mustGetEntitlement(ctx, StackName, EntitlementName);
    if (!rec.applications?.includes(ApplicationIdentifier)) {
      throw err.notFound(`Application ${ApplicationIdentifier} is not associated with entitlement ${EntitlementName}.`);
    }
    const rest = rec.applications.filter((n) => n !== ApplicationIdentifier);
    rec.applications = rest.length ? rest : undefined;
    entitlements.put(ctx, rec);
    return {};
  },
};
