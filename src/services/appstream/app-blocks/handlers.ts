// App blocks: where an Elastic fleet's applications come from (CreateAppBlock, DescribeAppBlocks,
// DeleteAppBlock in the API reference; "App Blocks", app-blocks.html). A CUSTOM app block names its package
// (VHD) and the setup script that mounts it; an APPSTREAM2 one is packaged by an app block builder and may
// name a post-setup script. imagelite keeps no S3: the locations are kept and returned as given, never read.
// State (AppBlock, API reference): a CUSTOM app block is always ACTIVE; an APPSTREAM2 one is INACTIVE until
// it has an application package, which it has from the start when SourceS3Location names an existing package
// (an S3 object: "Create an app block with an existing application package", appstream-app-blocks-create-VHD.html).
import type { RequestContext } from "../../../gateway/context";
import { arn, parseArn } from "../../../util/arn";
import type { AppBlock, AppStreamHandlers, CreateAppBlockRequest, ScriptDetails } from "../api.generated";
import * as err from "../errors";
import { pick } from "../records";
import { collectionPage, pageSize } from "../paging";
import { appBlocks, type AppBlockRecord } from "./records";
import { applications } from "../applications/records";
import { appBlockBuilders } from "../app-block-builders/records";

const KEPT = ["Description", "DisplayName", "SourceS3Location", "SetupScriptDetails", "PostSetupScriptDetails"] as const;

export const appBlockArn = (ctx: RequestContext, name: string) => arn("appstream", ctx.region, ctx.accountId, `app-block/${name}`);

/** The caller's app block an ARN names, if any. */
export function appBlockOfArn(ctx: RequestContext, given: string): AppBlockRecord | undefined {
  const a = parseArn(given);
  const m =
    a && a.service === "appstream" && a.account === ctx.accountId && a.region === ctx.region && /^app-block\/(.+)$/.exec(a.resource);
  const rec = m ? appBlocks.get(ctx, m[1]) : undefined;
  return rec && rec.Arn === given ? rec : undefined;
}

export function mustGetAppBlockByArn(ctx: RequestContext, given: string): AppBlockRecord {
  const rec = appBlockOfArn(ctx, given);
  if (!rec) throw err.notFound(`App block ${given} does not exist.`);
  return rec;
}

export function appBlockView(r: AppBlockRecord): AppBlock {
  return {
    ...(structuredClone(r.attrs) as Partial<AppBlock>),
    Name: r.Name,
    Arn: r.Arn,
    PackagingType: r.PackagingType,
    State: r.PackagingType === "CUSTOM" || r.packaged ? "ACTIVE" : "INACTIVE",
    CreatedTime: new Date(r.createdAt),
  };
}

function scriptChecked(member: string, s: ScriptDetails | undefined): void {
  if (s && s.TimeoutInSeconds <= 0) {
    throw err.validation(
      `The value ${s.TimeoutInSeconds} for ${member}.TimeoutInSeconds is not valid. It must be a positive number of seconds.`,
    );
  }
}

/**
 * The scripts each packaging takes (CreateAppBlock, API reference): CUSTOM must have a setup script and no
 * post-setup script, APPSTREAM2 no setup script. CreateAppBlock names no error for a missing or extra member:
 * ValidationException, common to every operation, is the one used.
 */
function packagingChecked(input: CreateAppBlockRequest, packaging: string): void {
  if (packaging === "CUSTOM") {
    if (!input.SetupScriptDetails) throw err.validation("SetupScriptDetails is required for app blocks with the CUSTOM packaging type.");
    if (input.PostSetupScriptDetails) {
      throw err.validation("PostSetupScriptDetails can only be provided for app blocks with the APPSTREAM2 packaging type.");
    }
  } else if (input.SetupScriptDetails) {
    throw err.validation("SetupScriptDetails can only be provided for app blocks with the CUSTOM packaging type.");
  }
  scriptChecked("SetupScriptDetails", input.SetupScriptDetails);
  scriptChecked("PostSetupScriptDetails", input.PostSetupScriptDetails);
}

export const appBlockHandlers: Pick<AppStreamHandlers, "CreateAppBlock" | "DescribeAppBlocks" | "DeleteAppBlock"> = {
  CreateAppBlock(ctx, input) {
    if (appBlocks.get(ctx, input.Name)) throw err.alreadyExists(`App block ${input.Name} already exists.`);
    const packaging = input.PackagingType ?? "CUSTOM";
    packagingChecked(input, packaging);
    const rec: AppBlockRecord = {
      attrs: pick(input, KEPT),
      Name: input.Name,
      Arn: appBlockArn(ctx, input.Name),
      PackagingType: packaging,
      packaged: packaging === "APPSTREAM2" && input.SourceS3Location.S3Key !== undefined,
      createdAt: ctx.now,
      tags: { ...(input.Tags ?? {}) },
    };
    appBlocks.put(ctx, rec);
    return { AppBlock: appBlockView(rec) };
  },

  DescribeAppBlocks(ctx, input) {
    if (input.Arns?.length) return { AppBlocks: input.Arns.map((a) => appBlockView(mustGetAppBlockByArn(ctx, a))) };
    const page = collectionPage(appBlocks, ctx, { limit: pageSize(input.MaxResults, 50) }, "DescribeAppBlocks", input.NextToken);
    return { AppBlocks: page.items.map(appBlockView), NextToken: page.nextToken };
  },

  DeleteAppBlock(ctx, { Name }) {
    const rec = appBlocks.get(ctx, Name);
    if (!rec) throw err.notFound(`App block ${Name} does not exist.`);
    const app = applications.find(ctx, "appBlock", rec.Arn);
    if (app) throw err.inUse(`App block ${Name} is used by application ${app.Name}. Delete the application first.`);
    const builder = appBlockBuilders.find(ctx, "appBlock", rec.Arn);
    if (builder) {
      throw err.inUse(`App block ${Name} is associated with app block builder ${builder.Name}. Disassociate it first.`);
    }
    appBlocks.delete(ctx, Name);
    return {};
  },
};
