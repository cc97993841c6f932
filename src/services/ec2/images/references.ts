// DescribeImageReferences ("Identify your resources referencing specified AMIs", ec2-ami-references.html): the
// CALLER's resources that reference the given AMIs, whoever owns them. Whatever uses an AMI keeps a use record
// in the AMI owner's partition, keyed (AMI, kind, account, resource) (usage-reports/entries.ts), so the caller's
// references to one AMI are one key-prefix scan: O(the caller's uses), never the other accounts'.
//
// Resource types: IncludeAllResourceTypes, ResourceTypes, or both (the types' options then override the
// defaults). ec2:Instance reads the caller's instances through their index by AMI, whoever owns the AMI (Amazon's
// public ones included), and takes `state-name` (default: every state, terminated ones included while they are
// listed; ResourceTypeOption, API reference); ec2:LaunchTemplate reads the uses launch templates keep and takes
// `version-depth` (default: the 10 most recent versions). ssm:Parameter finds the caller's parameters of data type
// aws:ec2:image that name the AMI now, through an index of the parameters by the AMI they name. imagelite keeps no
// Image Builder recipes yet, so those types are accepted and find nothing. An AMI id the caller cannot see finds
// nothing either.
import type { RequestContext } from "../../../gateway/context";
import { inPartition } from "../../../state/collection";
import type { Ec2Handlers, ImageReference, ImageReferenceResourceType, ResourceTypeRequest } from "../api.generated";
import * as err from "../errors";
import { checkAmiId, visibleImage } from "./access";
import { partitionOf } from "./records";
import { nextToken, pageLimit, startAfter } from "../paging";
import { amiUses } from "../usage-reports/entries";
import { launchTemplates } from "../launch-templates/records";
import { instances, instanceState } from "../instances/records";
import { arnOf } from "../resource-types";
import type { LaunchTemplateUse } from "../launch-templates/ami-uses";
import { parametersNamingImage } from "../../ssm/parameters/records";
import { parameterArn } from "../../ssm/parameters/view";

const RESOURCE_TYPES: ImageReferenceResourceType[] = [
  "ec2:Instance",
  "ec2:LaunchTemplate",
  "ssm:Parameter",
  "imagebuilder:ImageRecipe",
  "imagebuilder:ContainerRecipe",
];
const INSTANCE_STATES = ["pending", "running", "shutting-down", "terminated", "stopping", "stopped"];
const DEFAULT_VERSION_DEPTH = 10;

/** What to look for: per resource type, its options as they apply. */
interface Scan {
  instanceStates?: Set<string>;
  versionDepth?: number;
}
type Plan = Map<ImageReferenceResourceType, Scan>;

function optionsOf(t: ResourceTypeRequest, type: ImageReferenceResourceType): Scan {
  const scan: Scan = {};
  for (const o of t.ResourceTypeOptions ?? []) {
    const values = o.OptionValues ?? [];
    if (o.OptionName === "state-name" && type === "ec2:Instance") {
      const bad = values.find((v) => !INSTANCE_STATES.includes(v));
      if (!values.length || bad !== undefined) {
        throw err.invalidValue(`Value (${bad ?? ""}) for option state-name is invalid. Expected: ${INSTANCE_STATES.join(" | ")}.`);
      }
      scan.instanceStates = new Set(values);
    } else if (o.OptionName === "version-depth" && type === "ec2:LaunchTemplate") {
      const depth = Number(values[0]);
      if (values.length !== 1 || !/^[0-9]+$/.test(values[0]) || depth < 1 || depth > 10000) {
        throw err.invalidValue("The version-depth option takes one integer between 1 and 10000.");
      }
      scan.versionDepth = depth;
    } else {
      throw err.invalidCombination(
        `The option ${o.OptionName ?? ""} is not valid for the resource type ${type}: state-name applies to ec2:Instance, version-depth to ec2:LaunchTemplate.`,
      );
    }
  }
  return scan;
}

function planOf(includeAll: boolean | undefined, types: ResourceTypeRequest[]): Plan {
  if (!includeAll && !types.length) {
    throw err.missingParameter("IncludeAllResourceTypes or ResourceType");
  }
  const plan: Plan = new Map();
  if (includeAll) for (const t of RESOURCE_TYPES) plan.set(t, {});
  types.forEach((t, i) => {
    const type = t.ResourceType;
    if (type === undefined) throw err.missingParameter(`ResourceType.${i + 1}.ResourceType`);
    if (!RESOURCE_TYPES.includes(type)) {
      throw err.invalidValue(`Value (${type}) for parameter ResourceType is invalid. Expected: ${RESOURCE_TYPES.join(" | ")}.`);
    }
    plan.set(type, optionsOf(t, type));
  });
  return plan;
}

/** The caller's references to one AMI, of the planned types, in (type, ARN) order. */
function referencesTo(ctx: RequestContext, imageId: string, plan: Plan): ImageReference[] {
  const ami = visibleImage(ctx, imageId);
  if (!ami) return [];
  const out: ImageReference[] = [];
  const instanceScan = plan.get("ec2:Instance");
  if (instanceScan) {
    for (const { id, value } of instances.lookup(ctx, "image", { key: imageId })) {
      if (instanceScan.instanceStates && !instanceScan.instanceStates.has(instanceState(ctx, value))) continue;
      out.push({ ImageId: imageId, ResourceType: "ec2:Instance", Arn: arnOf("instance", ctx.region, ctx.accountId, id) });
    }
  }
  const templateScan = plan.get("ec2:LaunchTemplate");
  if (templateScan) {
    const owner = inPartition(ctx, partitionOf(ami.owner, ctx.region));
    for (const { id, value } of amiUses.entries(owner, { within: [imageId, "launch-template", ctx.accountId] })) {
      const template = id.split(" ").slice(3).join(" ");
      if (!withinDepth(ctx, template, value, templateScan.versionDepth ?? DEFAULT_VERSION_DEPTH)) continue;
      out.push({
        ImageId: imageId,
        ResourceType: "ec2:LaunchTemplate",
        Arn: arnOf("launch-template", ctx.region, ctx.accountId, template),
      });
    }
  }
  if (plan.has("ssm:Parameter")) {
    for (const name of parametersNamingImage(ctx, imageId)) {
      out.push({ ImageId: imageId, ResourceType: "ssm:Parameter", Arn: parameterArn(ctx, name) });
    }
  }
  return out.sort((x, y) => (`${x.ResourceType} ${x.Arn}` < `${y.ResourceType} ${y.Arn}` ? -1 : 1));
}

/**
 * Whether one of the template's versions that name the AMI (its use record lists them, launch-templates/ami-uses.ts)
 * is among the template's `depth` most recent versions.
 */
function withinDepth(ctx: RequestContext, templateId: string, use: object, depth: number): boolean {
  const template = launchTemplates.get(ctx, templateId);
  const naming = (use as Partial<LaunchTemplateUse>).versions;
  if (!template || !Array.isArray(naming)) return false;
  const recent = new Set(template.versions.slice(-depth));
  return naming.some((v) => recent.has(v));
}

export const imageReferenceHandlers: Pick<Ec2Handlers, "DescribeImageReferences"> = {
  DescribeImageReferences(ctx, input) {
    input.ImageIds.forEach(checkAmiId);
    const plan = planOf(input.IncludeAllResourceTypes, input.ResourceTypes ?? []);
    const limit = pageLimit(input.MaxResults, 5, 1000);
    const after = startAfter(ctx, input.NextToken);
    // One ordered list over the AMIs in id order; a page token is the sort key of the last reference served.
    const all = [...new Set(input.ImageIds)]
      .sort()
      .flatMap((id) => referencesTo(ctx, id, plan).map((r) => ({ key: `${id} ${r.ResourceType} ${r.Arn}`, r })));
    const rest = after ? all.filter((x) => x.key > after) : all;
    const page = rest.slice(0, Number.isFinite(limit) ? limit : undefined);
    return {
      ImageReferences: page.map((x) => x.r),
      NextToken: rest.length > page.length ? nextToken(ctx, page[page.length - 1].key) : undefined,
    };
  },
};
