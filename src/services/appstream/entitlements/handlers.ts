// Entitlements: which SAML users (by attribute) may launch which applications of a stack (CreateEntitlement
// ... ListEntitledApplications, API reference). With AppVisibility ALL the entitled applications are those of
// the stack's fleets: of their images, as DescribeImages lists them, and those associated with its Elastic
// fleets; with ASSOCIATED, those associated with the entitlement one by one (AssociateApplicationToEntitlement,
// applications/entitlement-associations.ts).
import type { RequestContext } from "../../../gateway/context";
import { inPartition } from "../../../state/collection";
import type { AppStreamHandlers, Application, Entitlement, EntitlementAttribute } from "../api.generated";
import { catalogApplicationsOf, catalogImage } from "../images/catalog";
import { entitlements, type EntitlementRecord } from "./records";
import * as err from "../errors";
import { getFleet } from "../fleets/handlers";
import { images } from "../images/records";
import { catalogApplications } from "../imported-images/records";
import { appstreamPage, collectionPage, pageSize } from "../paging";
import { ownerPartition, type ImageRef } from "../records";
import { fleetsOfStack, stacks } from "../stacks/records";
import { applicationsOfFleet } from "../applications/records";

/** Whether the caller has a stack of that name. */
export function stackExists(ctx: RequestContext, name: string): boolean {
  return stacks.get(ctx, name) !== undefined;
}

/** The names of the fleets associated with the caller's stack. */
function stackFleets(ctx: RequestContext, name: string): string[] {
  return [...fleetsOfStack.scan(ctx, { within: [name] })].map((r) => r.fleet);
}

function mustHaveStack(ctx: RequestContext, name: string): void {
  if (!stackExists(ctx, name)) throw err.notFound(`Stack ${name} does not exist.`);
}

const notFoundMessage = (stack: string, name: string) => `Entitlement ${name} does not exist for stack ${stack}.`;

export function mustGetEntitlement(ctx: RequestContext, stack: string, name: string): EntitlementRecord {
  mustHaveStack(ctx, stack);
  const rec = entitlements.get(ctx, [stack, name]);
  if (!rec) throw err.entitlementNotFound(notFoundMessage(stack, name));
  return rec;
}

/** The SAML PrincipalTag attributes an entitlement can match (API reference, EntitlementAttribute: Name). */
export const ENTITLEMENT_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set([
  "roles",
  "department",
  "organization",
  "groups",
  "title",
  "costCenter",
  "userType",
]);

/** The attributes as kept: supported names only, and no attribute twice. */
function checkedAttributes(given: EntitlementAttribute[]): EntitlementAttribute[] {
  const seen = new Set<string>();
  for (const a of given) {
    if (!ENTITLEMENT_ATTRIBUTE_NAMES.has(a.Name)) {
      throw err.validation(
        `The attribute name ${a.Name} is not supported. Supported attribute names: ${[...ENTITLEMENT_ATTRIBUTE_NAMES].join(", ")}.`,
      );
    }
    const key = `${a.Name}\u0000${a.Value}`;
    if (seen.has(key)) throw err.validation(`The attribute ${a.Name} with the value ${a.Value} is specified more than once.`);
    seen.add(key);
  }
  return given.map((a) => ({ Name: a.Name, Value: a.Value }));
}

export const view = (r: EntitlementRecord): Entitlement => ({
  Name: r.Name,
  StackName: r.StackName,
  Description: r.Description,
  AppVisibility: r.AppVisibility,
  Attributes: r.Attributes.map((a) => ({ ...a })),
  CreatedTime: new Date(r.createdAt),
  LastModifiedTime: new Date(r.modifiedAt),
});

/** The applications of an image as DescribeImages lists them: the catalog's, or an own or shared image's. */
function imageApplications(ctx: RequestContext, ref: ImageRef): Application[] {
  if (ref.owner === "") {
    const c = catalogImage(ref.name);
    return c ? catalogApplicationsOf(c) : [];
  }
  const rec = images.get(inPartition(ctx, ownerPartition(ctx, ref.owner)), ref.name);
  return rec ? catalogApplications(rec) : [];
}

/** The names of the applications the stack's fleets offer (their images', or an Elastic fleet's), sorted and without repeats. */
export function stackApplications(ctx: RequestContext, stack: string): string[] {
  const names = new Set<string>();
  for (const fleetName of stackFleets(ctx, stack)) {
    const image = getFleet(ctx, fleetName)?.image;
    if (image) for (const app of imageApplications(ctx, image)) if (app.Name) names.add(app.Name);
    for (const name of applicationsOfFleet(ctx, fleetName)) names.add(name);
  }
  return [...names].sort();
}

/** The names of the applications an entitlement grants, sorted and without repeats. */
function entitledApplications(ctx: RequestContext, rec: EntitlementRecord): string[] {
  return rec.AppVisibility === "ALL" ? stackApplications(ctx, rec.StackName) : [...(rec.applications ?? [])];
}

export const entitlementHandlers: Pick<
  AppStreamHandlers,
  "CreateEntitlement" | "DescribeEntitlements" | "UpdateEntitlement" | "DeleteEntitlement" | "ListEntitledApplications"
> = {
  CreateEntitlement(ctx, input) {
    mustHaveStack(ctx, input.StackName);
    if (entitlements.get(ctx, [input.StackName, input.Name])) {
      throw err.entitlementAlreadyExists(`Entitlement ${input.Name} already exists for stack ${input.StackName}.`);
    }
    const rec: EntitlementRecord = {
      Name: input.Name,
      StackName: input.StackName,
      Description: input.Description,
      AppVisibility: input.AppVisibility,
      Attributes: checkedAttributes(input.Attributes),
      createdAt: ctx.now,
      modifiedAt: ctx.now,
    };
    entitlements.put(ctx, rec);
    return { Entitlement: view(rec) };
  },

  DescribeEntitlements(ctx, input) {
    mustHaveStack(ctx, input.StackName);
    if (input.Name !== undefined) {
      const rec = entitlements.get(ctx, [input.StackName, input.Name]);
      // An unknown name is ResourceNotFoundException here, not EntitlementNotFoundException: the Terraform
      // provider's aws_appstream_entitlement waits for a deletion to finish until DescribeEntitlements says
      // ResourceNotFoundException (or lists nothing), and fails on any other error.
      if (!rec) throw err.notFound(notFoundMessage(input.StackName, input.Name));
      return { Entitlements: [view(rec)] };
    }
    const page = collectionPage(
      entitlements,
      ctx,
      { within: [input.StackName], limit: pageSize(input.MaxResults, 50) },
      `DescribeEntitlements ${input.StackName}`,
      input.NextToken,
    );
    return { Entitlements: page.items.map(view), NextToken: page.nextToken };
  },

  UpdateEntitlement(ctx, input) {
    const rec = mustGetEntitlement(ctx, input.StackName, input.Name);
    if (input.Description !== undefined) rec.Description = input.Description;
    if (input.AppVisibility !== undefined) rec.AppVisibility = input.AppVisibility;
    if (input.Attributes !== undefined) rec.Attributes = checkedAttributes(input.Attributes);
    rec.modifiedAt = ctx.now;
    entitlements.put(ctx, rec);
    return { Entitlement: view(rec) };
  },

  DeleteEntitlement(ctx, { StackName, Name }) {
    mustGetEntitlement(ctx, StackName, Name);
    entitlements.delete(ctx, [StackName, Name]);
    return {};
  },

  ListEntitledApplications(ctx, input) {
    const rec = mustGetEntitlement(ctx, input.StackName, input.EntitlementName);
    const scope = `ListEntitledApplications ${input.StackName} ${input.EntitlementName}`;
    const after = input.NextToken ? appstreamPage.decode(scope, input.NextToken) : undefined;
    const names = entitledApplications(ctx, rec).filter((n) => after === undefined || n > after);
    const limit = pageSize(input.MaxResults, 50);
    const page = names.slice(0, limit);
    return {
      EntitledApplications: page.map((ApplicationIdentifier) => ({ ApplicationIdentifier })),
      NextToken: names.length > limit ? appstreamPage.encode(scope, page[page.length - 1]) : undefined,
    };
  },
};
