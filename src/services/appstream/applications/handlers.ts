// Applications of Elastic fleets (CreateApplication ... DescribeApplicationFleetAssociations in the API
// reference; "Applications", applications.html in the administration guide): how to launch an application
// from an app block, on which platforms and instance families. An application reaches users once associated
// with an ELASTIC fleet whose platform and instance family it supports ("Associate Applications to Elastic
// Fleets", associate-elastic.html). An application still associated with a fleet or an entitlement, like an
// app block still used by an application, cannot be deleted (ResourceInUseException).
import type { RequestContext } from "../../../gateway/context";
import { arn, parseArn } from "../../../util/arn";
import type { Application, AppStreamHandlers, ApplicationAttribute, ApplicationFleetAssociation } from "../api.generated";
import * as err from "../errors";
import { pick } from "../records";
import { collectionPage, listPage, pageSize } from "../paging";
import { applicationFleets, applications, type ApplicationRecord } from "./records";
import { mustGetAppBlockByArn } from "../app-blocks/handlers";
import { entitlements } from "../entitlements/records";
import { fleets } from "../fleets/records";
import { familyOf } from "../fleets/instance-types";

const KEPT = ["DisplayName", "Description", "IconS3Location", "LaunchPath", "WorkingDirectory", "LaunchParameters"] as const;

/** What an application may run on (CreateApplication: Platforms, InstanceFamilies). */
const PLATFORMS: ReadonlySet<string> = new Set(["WINDOWS_SERVER_2019", "AMAZON_LINUX2", "UBUNTU_PRO_2404"]);
const FAMILIES: ReadonlySet<string> = new Set(["GENERAL_PURPOSE", "GRAPHICS_G4"]);

const DELETABLE: Record<ApplicationAttribute, string> = { LAUNCH_PARAMETERS: "LaunchParameters", WORKING_DIRECTORY: "WorkingDirectory" };

export const applicationArn = (ctx: RequestContext, name: string) => arn("appstream", ctx.region, ctx.accountId, `application/${name}`);

/** The caller's application an ARN names, if any. */
export function applicationOfArn(ctx: RequestContext, given: string): ApplicationRecord | undefined {
  const a = parseArn(given);
  const m =
    a && a.service === "appstream" && a.account === ctx.accountId && a.region === ctx.region && /^application\/(.+)$/.exec(a.resource);
  const rec = m ? applications.get(ctx, m[1]) : undefined;
  return rec && rec.Arn === given ? rec : undefined;
}

function mustGetByArn(ctx: RequestContext, given: string): ApplicationRecord {
  const rec = applicationOfArn(ctx, given);
  if (!rec) throw err.notFound(`Application ${given} does not exist.`);
  return rec;
}

function mustGet(ctx: RequestContext, name: string): ApplicationRecord {
  const rec = applications.get(ctx, name);
  if (!rec) throw err.notFound(`Application ${name} does not exist.`);
  return rec;
}

/** An S3 object's address, as a client would fetch it: imagelite keeps no S3 and signs nothing. */
const objectUrl = (ctx: RequestContext, bucket: string, key: string | undefined) =>
  `https://${bucket}.s3.${ctx.region}.amazonaws.com/${key ?? ""}`;

export function applicationView(ctx: RequestContext, r: ApplicationRecord): Application {
  const attrs = structuredClone(r.attrs) as Partial<Application>;
  return {
    ...attrs,
    Name: r.Name,
    Arn: r.Arn,
    AppBlockArn: r.AppBlockArn,
    IconURL: attrs.IconS3Location ? objectUrl(ctx, attrs.IconS3Location.S3Bucket, attrs.IconS3Location.S3Key) : undefined,
    Enabled: true,
    Metadata: {},
    Platforms: [...r.Platforms],
    InstanceFamilies: [...r.InstanceFamilies],
    CreatedTime: new Date(r.createdAt),
  };
}

/**
 * Platforms and instance families must be ones Elastic fleets run (CreateApplication). The operation names no
 * error for another value: OperationNotPermittedException is the closest of those it lists.
 */
function targetsChecked(platforms: readonly string[], families: readonly string[]): void {
  if (!platforms.length) throw err.notPermitted("Specify at least one platform for the application.");
  const platform = platforms.find((p) => !PLATFORMS.has(p));
  if (platform) {
    throw err.notPermitted(`The platform ${platform} is not supported for applications. Supported: ${[...PLATFORMS].join(", ")}.`);
  }
  if (!families.length) throw err.notPermitted("Specify at least one instance family for the application.");
  const family = families.find((f) => !FAMILIES.has(f));
  if (family) {
    throw err.notPermitted(`The instance family ${family} is not supported for applications. Supported: ${[...FAMILIES].join(", ")}.`);
  }
}

export const applicationHandlers: Pick<
  AppStreamHandlers,
  | "CreateApplication"
  | "DescribeApplications"
  | "UpdateApplication"
  | "DeleteApplication"
  | "AssociateApplicationFleet"
  | "DisassociateApplicationFleet"
  | "DescribeApplicationFleetAssociations"
> = {
  CreateApplication(ctx, input) {
    if (applications.get(ctx, input.Name)) throw err.alreadyExists(`Application ${input.Name} already exists.`);
    targetsChecked(input.Platforms, input.InstanceFamilies);
    const block = mustGetAppBlockByArn(ctx, input.AppBlockArn);
    const rec: ApplicationRecord = {
      attrs: pick(input, KEPT),
      Name: input.Name,
      Arn: applicationArn(ctx, input.Name),
      AppBlockArn: block.Arn,
      Platforms: [...new Set(input.Platforms)],
      InstanceFamilies: [...new Set(input.InstanceFamilies)],
      createdAt: ctx.now,
      tags: { ...(input.Tags ?? {}) },
    };
    applications.put(ctx, rec);
    return { Application: applicationView(ctx, rec) };
  },

  DescribeApplications(ctx, input) {
    if (input.Arns?.length) return { Applications: input.Arns.map((a) => applicationView(ctx, mustGetByArn(ctx, a))) };
    const page = collectionPage(applications, ctx, { limit: pageSize(input.MaxResults, 50) }, "DescribeApplications", input.NextToken);
    return { Applications: page.items.map((r) => applicationView(ctx, r)), NextToken: page.nextToken };
  },

  UpdateApplication(ctx, input) {
    const rec = mustGet(ctx, input.Name);
    if (input.AppBlockArn !== undefined) rec.AppBlockArn = mustGetAppBlockByArn(ctx, input.AppBlockArn).Arn;
    const deleted = (input.AttributesToDelete ?? []).map((a) => DELETABLE[a]);
    const both = deleted.find((m) => (input as unknown as Record<string, unknown>)[m] !== undefined);
    if (both) throw err.notPermitted(`${both} cannot be both given and deleted in one call.`);
    Object.assign(rec.attrs, pick(input, KEPT));
    for (const m of deleted) delete rec.attrs[m];
    applications.put(ctx, rec);
    return { Application: applicationView(ctx, rec) };
  },

  DeleteApplication(ctx, { Name }) {
    mustGet(ctx, Name);
    const association = applicationFleets.find(ctx, "application", Name);
    if (association) {
      throw err.inUse(`Application ${Name} is associated with fleet ${association.fleet}. Disassociate it from the fleet first.`);
    }
    const entitlement = entitlements.find(ctx, "application", Name);
    if (entitlement) {
      throw err.inUse(
        `Application ${Name} is associated with entitlement ${entitlement.Name} of stack ${entitlement.StackName}. ` +
          "Disassociate it from the entitlement first.",
      );
    }
    applications.delete(ctx, Name);
    return {};
  },

  /**
   * Only an ELASTIC fleet takes applications (OperationNotPermittedException otherwise), of its platform and of
   * its instance type's family (InvalidParameterCombinationException otherwise). Associating again is accepted.
   */
  AssociateApplicationFleet(ctx, { FleetName, ApplicationArn }) {
    const fleet = fleets.get(ctx, FleetName);
    if (!fleet) throw err.notFound(`Fleet ${FleetName} does not exist.`);
    const app = mustGetByArn(ctx, ApplicationArn);
    if (fleet.attrs.FleetType !== "ELASTIC") {
      throw err.notPermitted(`Fleet ${FleetName} is not an ELASTIC fleet. Applications can only be associated with Elastic fleets.`);
    }
    const platform = String(fleet.attrs.Platform);
    if (!(app.Platforms as string[]).includes(platform)) {
      throw err.invalidCombination(
        `Application ${app.Name} does not support the platform ${platform} of fleet ${FleetName}. Its platforms: ${app.Platforms.join(", ")}.`,
      );
    }
    const family = familyOf(String(fleet.attrs.InstanceType));
    if (!family || !app.InstanceFamilies.includes(family)) {
      throw err.invalidCombination(
        `Application ${app.Name} does not support the instance family ${family ?? "unknown"} of fleet ${FleetName}. ` +
          `Its instance families: ${app.InstanceFamilies.join(", ")}.`,
      );
    }
    applicationFleets.put(ctx, { fleet: FleetName, application: app.Name, ApplicationArn: app.Arn });
    return { ApplicationFleetAssociation: { FleetName, ApplicationArn: app.Arn } };
  },

  /** The operation lists no ResourceNotFoundException: a pair that is not associated is a wrong combination. */
  DisassociateApplicationFleet(ctx, { FleetName, ApplicationArn }) {
    const app = applicationOfArn(ctx, ApplicationArn);
    if (!app || !applicationFleets.get(ctx, [FleetName, app.Name])) {
      throw err.invalidCombination(`Application ${ApplicationArn} is not associated with fleet ${FleetName}.`);
    }
    applicationFleets.delete(ctx, [FleetName, app.Name]);
    return {};
  },

  /** Either ApplicationArn or FleetName must be given (API reference). */
  DescribeApplicationFleetAssociations(ctx, input) {
    if (!input.ApplicationArn && !input.FleetName) throw err.invalidCombination("Either ApplicationArn or FleetName must be specified.");
    let found: ApplicationFleetAssociation[];
    if (input.FleetName) {
      found = [...applicationFleets.scan(ctx, { within: [input.FleetName] })]
        .filter((r) => !input.ApplicationArn || r.ApplicationArn === input.ApplicationArn)
        .map((r) => ({ FleetName: r.fleet, ApplicationArn: r.ApplicationArn }));
    } else {
      const app = applicationOfArn(ctx, input.ApplicationArn!);
      found = app
        ? applicationFleets
            .lookup(ctx, "application", { key: app.Name })
            .map((e) => ({ FleetName: e.value.fleet, ApplicationArn: e.value.ApplicationArn }))
        : [];
    }
    found.sort((a, b) => (a.FleetName + " " + a.ApplicationArn < b.FleetName + " " + b.ApplicationArn ? -1 : 1));
    const scope = `DescribeApplicationFleetAssociations ${input.FleetName ?? ""} ${input.ApplicationArn ?? ""}`;
    const page = listPage(found, (a) => `${a.FleetName} ${a.ApplicationArn}`, scope, input.NextToken, pageSize(input.MaxResults, 50));
    return { ApplicationFleetAssociations: page.items, NextToken: page.nextToken };
  },
};
