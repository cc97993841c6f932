// App block builders: the instances that package an app block's applications (CreateAppBlockBuilder ...
// DescribeAppBlockBuilderAppBlockAssociations in the API reference; "App Block Builders",
// app-block-builders.html). A builder is created STOPPED; it starts only once associated with an app block
// (StartAppBlockBuilder), one builder per app block and one app block per builder, and only APPSTREAM2 app
// blocks take one ("Associate an App Block", appstream-app-blocks-associate.html). Start: STARTING → RUNNING;
// stop: STOPPING → STOPPED, on imagelite's clock as image builders move. UpdateAppBlockBuilder: nothing while
// STARTING or STOPPING, DisplayName and Description while RUNNING, anything but the name while STOPPED.
import type { RequestContext } from "../../../gateway/context";
import { plan, stateAt } from "../../../state/lifecycle";
import { arn } from "../../../util/arn";
import type {
  AppBlockBuilder,
  AppBlockBuilderAppBlockAssociation,
  AppBlockBuilderAttribute,
  AppStreamHandlers,
  UpdateAppBlockBuilderRequest,
  VpcConfig,
} from "../api.generated";
import * as err from "../errors";
import { errorsView, type StoredError } from "../failures";
import { networkErrors } from "../fleets/network";
import { checkQuota } from "../quotas";
import { deleteAttribute, pick } from "../records";
import { collectionPage, listPage, pageSize } from "../paging";
import { appBlockBuilders, type AppBlockBuilderRecord } from "./records";
import { appBlockOfArn, mustGetAppBlockByArn } from "../app-blocks/handlers";
import { streamingUrl, validity } from "../streaming/handlers";

/** Members of CreateAppBlockBuilder that the builder keeps and returns as given. */
const KEPT = [
  "DisplayName",
  "Description",
  "Platform",
  "InstanceType",
  "VpcConfig",
  "EnableDefaultInternetAccess",
  "IamRoleArn",
  "AccessEndpoints",
  "DisableIMDSV1",
] as const;

/** The instance types offered for app block builders (CreateAppBlockBuilder, InstanceType). */
const INSTANCE_TYPES: ReadonlySet<string> = new Set(["small", "medium", "large", "xlarge", "2xlarge"].map((s) => `stream.standard.${s}`));

const RUNNING_UPDATABLE: ReadonlySet<string> = new Set(["DisplayName", "Description"]);

/** AttributesToDelete → the member it removes ([member] or [member, sub-member]). */
const DELETABLE: Record<AppBlockBuilderAttribute, string[]> = {
  IAM_ROLE_ARN: ["IamRoleArn"],
  ACCESS_ENDPOINTS: ["AccessEndpoints"],
  VPC_CONFIGURATION_SECURITY_GROUP_IDS: ["VpcConfig", "SecurityGroupIds"],
};

const builderArn = (ctx: RequestContext, name: string) => arn("appstream", ctx.region, ctx.accountId, `app-block-builder/${name}`);

function mustGet(ctx: RequestContext, name: string): AppBlockBuilderRecord {
  const rec = appBlockBuilders.get(ctx, name);
  if (!rec) throw err.notFound(`App block builder ${name} does not exist.`);
  return rec;
}

/** `changed`: the answer to the call that just set a new schedule shows its first state, even when transitions take no time. */
export function appBlockBuilderView(ctx: RequestContext, r: AppBlockBuilderRecord, changed = false): AppBlockBuilder {
  const attrs = structuredClone(r.attrs) as Partial<AppBlockBuilder>;
  return {
    EnableDefaultInternetAccess: false,
    ...attrs,
    Name: r.Name,
    Arn: r.Arn,
    Platform: "WINDOWS_SERVER_2019",
    InstanceType: String(r.attrs.InstanceType),
    VpcConfig: (attrs.VpcConfig ?? {}) as VpcConfig,
    State: (changed ? r.schedule[0].state : stateAt(r.schedule, ctx.now)) as AppBlockBuilder["State"],
    CreatedTime: new Date(r.createdAt),
    AppBlockBuilderErrors: errorsView(attrs.AppBlockBuilderErrors as StoredError[] | undefined),
  };
}

/**
 * The instance type and the subnets an app block builder needs (CreateAppBlockBuilder: InstanceType, VpcConfig
 * "at least two subnets in different availability zones"): InvalidParameterCombinationException otherwise.
 */
function checked(attrs: Record<string, unknown>): void {
  const type = String(attrs.InstanceType);
  if (!INSTANCE_TYPES.has(type)) {
    throw err.invalidCombination(
      `The instance type ${type} is not available for app block builders. Available: ${[...INSTANCE_TYPES].join(", ")}.`,
    );
  }
  if (attrs.Platform !== "WINDOWS_SERVER_2019") {
    throw err.invalidCombination(`The platform ${String(attrs.Platform)} is not valid for app block builders: use WINDOWS_SERVER_2019.`);
  }
  const subnets = (attrs.VpcConfig as VpcConfig | undefined)?.SubnetIds ?? [];
  if (new Set(subnets).size < 2) {
    throw err.invalidCombination("App block builders require a VpcConfig with at least two subnets in different Availability Zones.");
  }
}

function wrongState(name: string, state: string, needed: string): string {
  return `The app block builder ${name} is in the ${state} state. It must be ${needed} for this action to succeed.`;
}

/** A builder moving between states is being changed (ConcurrentModificationException); else OperationNotPermittedException. */
function needState(rec: AppBlockBuilderRecord, state: string, needed: string): void {
  if (state === needed) return;
  if (state === "STARTING" || state === "STOPPING") throw err.concurrentModification(wrongState(rec.Name, state, needed));
  throw err.notPermitted(wrongState(rec.Name, state, needed));
}

function checkUpdateAllowed(rec: AppBlockBuilderRecord, state: string, input: UpdateAppBlockBuilderRequest): void {
  if (state === "STOPPED") return;
  if (state !== "RUNNING") {
    throw err.inUse(`Cannot update app block builder ${rec.Name} when it is ${state}. Wait until it is RUNNING or STOPPED and try again.`);
  }
  const refused = Object.entries(input).find(
    ([k, v]) => k !== "Name" && v !== undefined && !(k === "AttributesToDelete" && !(v as unknown[]).length) && !RUNNING_UPDATABLE.has(k),
  );
  if (refused) {
    throw err.inUse(
      `Cannot update the attribute ${refused[0]} for app block builder ${rec.Name} when it is RUNNING. ` +
        "The app block builder must be stopped to complete this action.",
    );
  }
}

function associationView(r: AppBlockBuilderRecord): AppBlockBuilderAppBlockAssociation {
  return { AppBlockBuilderName: r.Name, AppBlockArn: r.appBlockArn! };
}

export const appBlockBuilderHandlers: Pick<
  AppStreamHandlers,
  | "CreateAppBlockBuilder"
  | "DescribeAppBlockBuilders"
  | "UpdateAppBlockBuilder"
  | "DeleteAppBlockBuilder"
  | "StartAppBlockBuilder"
  | "StopAppBlockBuilder"
  | "CreateAppBlockBuilderStreamingURL"
  | "AssociateAppBlockBuilderAppBlock"
  | "DisassociateAppBlockBuilderAppBlock"
  | "DescribeAppBlockBuilderAppBlockAssociations"
> = {
  CreateAppBlockBuilder(ctx, input) {
    if (appBlockBuilders.get(ctx, input.Name)) throw err.alreadyExists(`App block builder ${input.Name} already exists.`);
    const attrs = pick(input, KEPT);
    checked(attrs);
    checkQuota(ctx, "app-block-builders");
    const rec: AppBlockBuilderRecord = {
      attrs,
      Name: input.Name,
      Arn: builderArn(ctx, input.Name),
      createdAt: ctx.now,
      schedule: plan(ctx.now, ["STOPPED"]),
      tags: { ...(input.Tags ?? {}) },
    };
    appBlockBuilders.put(ctx, rec);
    return { AppBlockBuilder: appBlockBuilderView(ctx, rec) };
  },

  DescribeAppBlockBuilders(ctx, input) {
    if (input.Names?.length) return { AppBlockBuilders: input.Names.map((n) => appBlockBuilderView(ctx, mustGet(ctx, n))) };
    const page = collectionPage(
      appBlockBuilders,
      ctx,
      { limit: pageSize(input.MaxResults, 25) },
      "DescribeAppBlockBuilders",
      input.NextToken,
    );
    return { AppBlockBuilders: page.items.map((r) => appBlockBuilderView(ctx, r)), NextToken: page.nextToken };
  },

  UpdateAppBlockBuilder(ctx, input) {
    const rec = mustGet(ctx, input.Name);
    checkUpdateAllowed(rec, stateAt(rec.schedule, ctx.now), input);
    const attrs = structuredClone(rec.attrs);
    Object.assign(attrs, pick(input, KEPT));
    for (const a of input.AttributesToDelete ?? []) deleteAttribute(attrs, DELETABLE[a]);
    checked(attrs);
    rec.attrs = attrs;
    appBlockBuilders.put(ctx, rec);
    return { AppBlockBuilder: appBlockBuilderView(ctx, rec) };
  },

  /** "An app block builder can only be deleted when it has no association with an app block" (API reference). */
  DeleteAppBlockBuilder(ctx, { Name }) {
    const rec = mustGet(ctx, Name);
    needState(rec, stateAt(rec.schedule, ctx.now), "STOPPED");
    if (rec.appBlockArn) {
      throw err.inUse(`App block builder ${Name} is associated with app block ${rec.appBlockArn}. Disassociate it first.`);
    }
    appBlockBuilders.delete(ctx, Name);
    return {};
  },

  /** "An app block builder can only be started when it's associated with an app block" (API reference). */
  StartAppBlockBuilder(ctx, { Name }) {
    const rec = mustGet(ctx, Name);
    needState(rec, stateAt(rec.schedule, ctx.now), "STOPPED");
    if (!rec.appBlockArn || !appBlockOfArn(ctx, rec.appBlockArn)) {
      throw err.notPermitted(`App block builder ${Name} is not associated with an app block. Associate one before starting it.`);
    }
    // Its instance is launched in its VpcConfig as a fleet's or image builder's is (fleets/network.ts): subnets or
    // groups that are not the caller's send it back to STOPPED with AppBlockBuilderErrors.
    const network = networkErrors(ctx, rec.attrs.VpcConfig as VpcConfig | undefined);
    rec.schedule = plan(ctx.now, ["STARTING", ctx.timings.seconds("builderStart")], [network.length ? "STOPPED" : "RUNNING"]);
    if (network.length) {
      rec.attrs.AppBlockBuilderErrors = network.map((e) => ({ ...e, ErrorTimestamp: ctx.now }));
      rec.attrs.StateChangeReason = { Code: "INTERNAL_ERROR", Message: network[0].ErrorMessage };
    } else {
      delete rec.attrs.AppBlockBuilderErrors;
      delete rec.attrs.StateChangeReason;
    }
    appBlockBuilders.put(ctx, rec);
    return { AppBlockBuilder: appBlockBuilderView(ctx, rec, true) };
  },

  StopAppBlockBuilder(ctx, { Name }) {
    const rec = mustGet(ctx, Name);
    needState(rec, stateAt(rec.schedule, ctx.now), "RUNNING");
    rec.schedule = plan(ctx.now, ["STOPPING", ctx.timings.seconds("builderStop")], ["STOPPED"]);
    appBlockBuilders.put(ctx, rec);
    return { AppBlockBuilder: appBlockBuilderView(ctx, rec, true) };
  },

  CreateAppBlockBuilderStreamingURL(ctx, input) {
    const seconds = validity(input.Validity, 3600);
    const rec = mustGet(ctx, input.AppBlockBuilderName);
    const state = stateAt(rec.schedule, ctx.now);
    if (state !== "RUNNING") throw err.notPermitted(wrongState(rec.Name, state, "RUNNING"));
    const expires = ctx.now + seconds * 1000;
    const url = streamingUrl(ctx, {
      type: "ADMIN",
      expires: Math.floor(expires / 1000),
      appBlockBuilderRef: `app-block-builder/${rec.Name}`,
    });
    return { StreamingURL: url, Expires: new Date(expires) };
  },

  /**
   * One app block per builder and one builder per app block (LimitExceededException otherwise), an APPSTREAM2
   * app block only (InvalidParameterCombinationException), and not while the builder runs with its app block
   * (OperationNotPermittedException). Associating the same pair again is accepted.
   */
  AssociateAppBlockBuilderAppBlock(ctx, { AppBlockBuilderName, AppBlockArn }) {
    const rec = mustGet(ctx, AppBlockBuilderName);
    const block = mustGetAppBlockByArn(ctx, AppBlockArn);
    if (rec.appBlockArn === block.Arn) return { AppBlockBuilderAppBlockAssociation: associationView(rec) };
    if (block.PackagingType !== "APPSTREAM2") {
      throw err.invalidCombination(
        `App block ${block.Name} has the ${block.PackagingType} packaging type: only APPSTREAM2 app blocks take an app block builder.`,
      );
    }
    needState(rec, stateAt(rec.schedule, ctx.now), "STOPPED");
    if (rec.appBlockArn) {
      throw err.limitExceeded(`App block builder ${AppBlockBuilderName} is already associated with app block ${rec.appBlockArn}.`);
    }
    const other = appBlockBuilders.find(ctx, "appBlock", block.Arn);
    if (other) throw err.limitExceeded(`App block ${block.Name} is already associated with app block builder ${other.Name}.`);
    rec.appBlockArn = block.Arn;
    appBlockBuilders.put(ctx, rec);
    return { AppBlockBuilderAppBlockAssociation: associationView(rec) };
  },

  DisassociateAppBlockBuilderAppBlock(ctx, { AppBlockBuilderName, AppBlockArn }) {
    const rec = mustGet(ctx, AppBlockBuilderName);
    if (rec.appBlockArn !== AppBlockArn) {
      throw err.invalidCombination(`App block builder ${AppBlockBuilderName} is not associated with app block ${AppBlockArn}.`);
    }
    needState(rec, stateAt(rec.schedule, ctx.now), "STOPPED");
    rec.appBlockArn = undefined;
    appBlockBuilders.put(ctx, rec);
    return {};
  },

  DescribeAppBlockBuilderAppBlockAssociations(ctx, input) {
    let found: AppBlockBuilderRecord[];
    if (input.AppBlockBuilderName) {
      const rec = appBlockBuilders.get(ctx, input.AppBlockBuilderName);
      found = rec?.appBlockArn && (!input.AppBlockArn || rec.appBlockArn === input.AppBlockArn) ? [rec] : [];
    } else if (input.AppBlockArn) {
      found = appBlockBuilders.lookup(ctx, "appBlock", { key: input.AppBlockArn }).map((e) => e.value);
    } else {
      found = [...appBlockBuilders.scan(ctx)].filter((r) => r.appBlockArn);
    }
    const scope = `DescribeAppBlockBuilderAppBlockAssociations ${input.AppBlockBuilderName ?? ""} ${input.AppBlockArn ?? ""}`;
    const page = listPage(found, (r) => r.Name, scope, input.NextToken, pageSize(input.MaxResults, 50));
    return { AppBlockBuilderAppBlockAssociations: page.items.map(associationView), NextToken: page.nextToken };
  },
};
