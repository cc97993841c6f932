// PutParameter (SSM API reference; "Creating Systems Manager parameters"; "Managing parameter tiers";
// "Native parameter support for Amazon Machine Image IDs"): every put of a name is a new version, from 1.
import type { RequestContext } from "../../../gateway/context";
import { amiState, visibleImage } from "../../ec2/shared";
import type { PutParameterRequest, PutParameterResult, ParameterTier } from "../api.generated";
import { linearRegex, RegexRefused, type LinearRegex } from "../../../util/linear-regex";
import * as err from "../errors";
import { current, parameters, type ParameterRecord, type ParameterVersionRecord } from "./records";
import { checkNewName } from "./names";
import { DEFAULT_KEY } from "./view";
import { MAX_TAGS, tagMap } from "../tags/handlers";
import { parsePolicies } from "./policies";
import { arn as arnOf, inPartitionOf } from "../../../util/arn";

/** "Standard: 4 KB; Advanced: 8 KB" (Managing parameter tiers). */
const VALUE_LIMIT: Record<string, number> = { Standard: 4096, Advanced: 8192 };
/** "Parameter Store stores up to 100 versions of a parameter" (Working with parameter versions). */
export const MAX_VERSIONS = 100;
const DATA_TYPES = ["text", "aws:ec2:image", "aws:ssm:integration"];
const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

function tierOf(input: PutParameterRequest, prev: ParameterVersionRecord | undefined, withPolicies: boolean): ParameterTier {
  // Intelligent-Tiering picks the advanced tier only when the value, its policies or the parameter's past need it.
  if (input.Tier === "Intelligent-Tiering")
    return input.Value.length > VALUE_LIMIT.Standard || withPolicies || prev?.Tier === "Advanced" ? "Advanced" : "Standard";
  const tier = input.Tier ?? (prev?.Tier === "Advanced" ? "Advanced" : "Standard");
  if (tier === "Standard" && withPolicies) {
    throw err.validation(
      "Standard tier parameters don't support parameter policies. To assign policies, use the advanced-parameter tier (Tier Advanced or Intelligent-Tiering).",
    );
  }
  if (prev?.Tier === "Advanced" && tier === "Standard") {
    throw err.validation(
      "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter.",
    );
  }
  return tier;
}

/**
 * An `aws:ec2:image` value must name an AMI the caller may launch in the region. AWS checks the format at once
 * but the AMI after answering: "If you submit an invalid AMI value, the PutParameter operation will return
 * success, but the asynchronous validation will fail and the parameter will not be created or updated"
 * (PutParameter API reference, DataType). Here that check takes no time: a valid AMI's version is readable at
 * once, and a put naming an AMI the caller cannot use answers as a success that never lands.
 */
function checkImageFormat(value: string): void {
  if (!AMI_ID.test(value)) {
    throw err.validation(
      `Parameter value, ${value}, is not in a valid format for the aws:ec2:image data type. Specify a value in the format ami-12345abcdeEXAMPLE.`,
    );
  }
}

function imageAvailable(ctx: RequestContext, value: string): boolean {
  const ami = visibleImage(ctx, value);
  const state = ami && amiState(ctx, ami);
  return !!ami && state !== "deregistered" && state !== "failed" && state !== "GONE";
}

/**
 * The KMS key of a SecureString must exist. imagelite keeps no KMS keys of its own, so the one that always exists is
 * the account's AWS managed key for Systems Manager, `alias/aws/ssm`, named by its alias or its alias ARN.
 */
function checkKeyId(ctx: RequestContext, keyId: string): void {
  const arn = /^arn:[a-z-]+:kms:([a-z0-9-]+):([0-9]{12}):(alias\/.+)$/.exec(keyId);
  const known =
    keyId === DEFAULT_KEY ||
    (!!arn && inPartitionOf(keyId, ctx.region) && arn[1] === ctx.region && arn[2] === ctx.accountId && arn[3] === DEFAULT_KEY);
  if (!known) throw err.invalidKeyId(`Invalid KeyId: ${keyId} names no KMS key of account ${ctx.accountId} in ${ctx.region}.`);
}

function checkValue(
  ctx: RequestContext,
  input: PutParameterRequest,
  type: string,
  dataType: string,
  tier: ParameterTier,
  pattern: string | undefined,
): void {
  if (!DATA_TYPES.includes(dataType))
    throw err.validation(`The following data type is not supported: ${dataType} (Data type names are all lowercase.)`);
  if (dataType === "aws:ec2:image" && type !== "String")
    throw err.validation(`The data type aws:ec2:image can only be used with parameters of type String.`);
  if (input.KeyId !== undefined && type !== "SecureString") throw err.validation("KeyId is required for SecureString type parameter only.");
  if (input.KeyId !== undefined) checkKeyId(ctx, input.KeyId);
  if (input.Value.length === 0)
    throw err.validation(
      "1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1.",
    );
  if (input.Value.length > VALUE_LIMIT[tier]) {
    throw err.validation(
      tier === "Standard"
        ? "Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html"
        : "Advanced tier parameters support a maximum parameter value of 8192 characters.",
    );
  }
  if (pattern) checkPattern(pattern, input.Value);
}

/**
 * AllowedPattern must match the whole value: the walkthrough "Manage parameters using hierarchies" (SSM User
 * Guide) accepts `100` and refuses `10,000` under `\d{1,4}`, so anchors are optional. The pattern runs on RE2,
 * in time linear in the value; what RE2 cannot run is refused as an invalid pattern, with the reason.
 * An empty pattern constrains nothing.
 */
function checkPattern(pattern: string, value: string): void {
  let re: LinearRegex;
  try {
    re = linearRegex(pattern);
  } catch (e) {
    if (!(e instanceof RegexRefused)) throw e;
    throw err.invalidAllowedPattern(`The allowed pattern ${pattern} is not a valid regular expression: ${e.message}.`);
  }
  if (!re.matchesWhole(value)) throw err.patternMismatch(`Parameter value, cannot be validated against allowedPattern: ${pattern}`);
}

export function putParameter(ctx: RequestContext, input: PutParameterRequest): PutParameterResult {
  const { Name, Overwrite } = input;
  checkNewName(Name);
  if (Overwrite && input.Tags?.length) {
    throw err.validation(
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    );
  }
  const existing = parameters.get(ctx, Name);
  if (existing && !Overwrite) {
    throw err.alreadyExists("The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
  }
  const prev = existing && current(existing);
  const Type = input.Type ?? prev?.Type;
  if (!Type) throw err.validation("A parameter type is required when you create a parameter.");
  const DataType = input.DataType ?? prev?.DataType ?? "text";
  const Policies = input.Policies !== undefined ? parsePolicies(input.Policies) : prev?.Policies;
  const Tier = tierOf(input, prev, !!Policies?.length);
  const AllowedPattern = input.AllowedPattern ?? prev?.AllowedPattern;
  checkValue(ctx, input, Type, DataType, Tier, AllowedPattern);
  if (DataType === "aws:ec2:image") checkImageFormat(input.Value);
  const tags = existing ? existing.tags : tagMap(input.Tags ?? []);
  if (Object.keys(tags).length > MAX_TAGS) throw err.tooManyTags("");

  const version: ParameterVersionRecord = {
    Version: (prev?.Version ?? 0) + 1,
    Value: input.Value,
    Type,
    KeyId: Type === "SecureString" ? (input.KeyId ?? (prev?.Type === "SecureString" ? prev.KeyId : undefined) ?? DEFAULT_KEY) : undefined,
    Description: input.Description ?? prev?.Description,
    AllowedPattern,
    DataType,
    Tier,
    Labels: [],
    Policies: Policies?.length ? Policies : undefined,
    modifiedAt: ctx.now,
    LastModifiedUser: arnOf("iam", ctx.region, ctx.accountId, "root"),
  };
  const versions = [...(existing?.versions ?? []), version];
  if (versions.length > MAX_VERSIONS) {
    const oldest = versions[0];
    if (oldest.Labels.length) {
      throw err.maxVersionLimit(
        `You attempted to create a new version of ${Name} by calling the PutParameter API with the overwrite flag. Version ${oldest.Version}, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.`,
      );
    }
    versions.shift();
  }
  // The asynchronous validation's failure: the caller hears success, and the parameter stays as it was.
  if (DataType === "aws:ec2:image" && !imageAvailable(ctx, input.Value)) return { Version: version.Version, Tier };
  const rec: ParameterRecord = { Name, versions, tags };
  parameters.put(ctx, rec);
  return { Version: version.Version, Tier };
}
