// Allowed AMIs, per account and region ("Control the discovery and use of AMIs in Amazon EC2 with Allowed AMIs",
// EC2 User Guide, ec2-allowed-amis.html, and the API references of GetAllowedImagesSettings,
// EnableAllowedImagesSettings, DisableAllowedImagesSettings, ReplaceImageCriteriaInAllowedImagesSettings and
// ImageCriterionRequest). The setting is `disabled` (the default), `enabled` or `audit-mode`; its criteria stay
// when it is disabled. An AMI is allowed when it matches any ImageCriterion; it matches one when it matches every
// parameter the criterion sets, and a list parameter when it matches any of its values. The caller's own AMIs are
// always allowed.
//
// While `enabled`, only allowed AMIs are discoverable "by APIs that use images (for example, that describe, copy,
// store, or perform other actions that use images)" and "instances can only be launched using allowed AMIs": an AMI
// that is not allowed is, to the caller, an AMI that does not exist (InvalidAMIID.NotFound from DescribeImages by
// id, CopyImage, RunInstances, a launch template's launch and an EC2 Fleet's; karpenter-provider-aws PR 8197 reads
// that code when AMIs are blocked). While `audit-mode`, nothing is restricted and DescribeImages says of each AMI
// whether it would be allowed (`ImageAllowed`); while `disabled`, no AMI carries `ImageAllowed`.
import type { RequestContext } from "../../../gateway/context";
import { collection, inPartition } from "../../../state/collection";
import { listOf, object, schema, typed, type RecordOf } from "../../../state/record-schema";
import { wildcard } from "../../../util/wildcard";
import type { Ec2Handlers, ImageCriterion, ImageCriterionRequest } from "../api.generated";
import * as err from "../errors";
import type { AmiRecord } from "./records";

const DAY_MS = 24 * 3600 * 1000;

type State = "disabled" | "enabled" | "audit-mode";

const criterionSchema = schema({
  ImageProviders: "strings?",
  MarketplaceProductCodes: "strings?",
  ImageNames: "strings?",
  CreationDateCondition: object({ MaximumDaysSinceCreated: "count?" }, true),
  DeprecationTimeCondition: object({ MaximumDaysSinceDeprecated: "count?" }, true),
});

const settingsSchema = schema({
  state: typed<State>("string"),
  /** ReplaceImageCriteriaInAllowedImagesSettings' criteria, as GetAllowedImagesSettings shows them. */
  criteria: listOf(criterionSchema),
});
type SettingsRecord = RecordOf<typeof settingsSchema>;

/** One setting per account and region. */
export const allowedImagesSettings = collection<SettingsRecord>({
  type: "ec2.allowed-images-settings",
  schema: settingsSchema,
  key: () => "account",
});

const DEFAULT: SettingsRecord = { state: "disabled", criteria: [] };

function settingsOf(ctx: RequestContext, region = ctx.region): SettingsRecord {
  const scope = region === ctx.region ? ctx : inPartition(ctx, { account: ctx.accountId, region });
  return allowedImagesSettings.get(scope, "account") ?? DEFAULT;
}

// The limits of ImageCriterionRequest and of "Limits" in the user guide.
const MAX_CRITERIA = 10;
const MAX_PROVIDERS = 200;
const MAX_NAMES = 50;
const MAX_PRODUCT_CODES = 50;
const PROVIDER_ALIASES = new Set(["amazon", "aws-marketplace", "aws-backup-vault"]);
const ACCOUNT_ID = /^[0-9]{12}$/;
/** 1-128 of letters, digits, ( ) [ ] . / - ' @ _ * ? and spaces; at least 3 with a `?`. */
const IMAGE_NAME = /^[A-Za-z0-9()[\]./\-'@_*? ]{1,128}$/;
const PRODUCT_CODE = /^[A-Za-z0-9]{1,25}$/;

const invalid = (message: string) => err.invalidValue(message);

function checkCount(values: string[] | undefined, max: number, what: string, n: number): void {
  if ((values?.length ?? 0) > max) throw invalid(`ImageCriterion ${n} has ${values!.length} values for ${what}; the maximum is ${max}.`);
}

/** The criterion as stored, after checking each value against ImageCriterionRequest's rules. */
function checkCriterion(c: ImageCriterionRequest, n: number): ImageCriterion {
  checkCount(c.ImageProviders, MAX_PROVIDERS, "ImageProviders", n);
  checkCount(c.ImageNames, MAX_NAMES, "ImageNames", n);
  checkCount(c.MarketplaceProductCodes, MAX_PRODUCT_CODES, "MarketplaceProductCodes", n);
  for (const p of c.ImageProviders ?? []) {
    if (p !== "none" && !PROVIDER_ALIASES.has(p) && !ACCOUNT_ID.test(p)) {
      throw invalid(
        `The image provider '${p}' is not valid. Specify amazon, aws-marketplace, aws-backup-vault, none or a 12-digit account ID.`,
      );
    }
  }
  if (c.ImageProviders?.includes("none") && c.ImageProviders.length > 1) {
    throw invalid("When the image provider 'none' is specified, no other image providers can be specified.");
  }
  for (const name of c.ImageNames ?? []) {
    if (!IMAGE_NAME.test(name) || (name.includes("?") && name.length < 3)) {
      throw invalid(
        `The image name '${name}' is not valid. Image names are 1-128 characters (at least 3 with '?') of letters, numbers, spaces and ( ) [ ] . / - ' @ _ * ?.`,
      );
    }
  }
  for (const code of c.MarketplaceProductCodes ?? []) {
    if (!PRODUCT_CODE.test(code)) {
      throw invalid(`The product code '${code}' is not valid. Product codes are 1-25 letters and numbers.`);
    }
  }
  const created = c.CreationDateCondition?.MaximumDaysSinceCreated;
  const deprecated = c.DeprecationTimeCondition?.MaximumDaysSinceDeprecated;
  const out: ImageCriterion = {};
  if (c.ImageProviders?.length) out.ImageProviders = [...c.ImageProviders];
  if (c.MarketplaceProductCodes?.length) out.MarketplaceProductCodes = [...c.MarketplaceProductCodes];
  if (c.ImageNames?.length) out.ImageNames = [...c.ImageNames];
  if (created !== undefined) out.CreationDateCondition = { MaximumDaysSinceCreated: created };
  if (deprecated !== undefined) out.DeprecationTimeCondition = { MaximumDaysSinceDeprecated: deprecated };
  // A criterion of no parameter would allow every AMI; no page documents one, and imagelite refuses it.
  if (!Object.keys(out).length) throw invalid(`ImageCriterion ${n} specifies no criteria.`);
  return out;
}

/** One criterion as a test of an AMI at `now`: every parameter it sets must match. */
function criterionTest(c: ImageCriterion, now: number): (ami: AmiRecord) => boolean {
  const tests: ((ami: AmiRecord) => boolean)[] = [];
  if (c.ImageProviders) {
    // `none` allows the caller's own AMIs only, which every setting allows: it matches no other AMI.
    const providers = new Set(c.ImageProviders);
    tests.push((ami) => providers.has(ami.owner) || (ami.alias !== undefined && providers.has(ami.alias)));
  }
  if (c.ImageNames) {
    const names = c.ImageNames.map((n) => wildcard(n, { escapes: false }));
    tests.push((ami) => names.some((t) => t(ami.Name)));
  }
  if (c.MarketplaceProductCodes) {
    const codes = new Set(c.MarketplaceProductCodes);
    tests.push((ami) => (ami.ProductCodes ?? []).some((p) => p.ProductCodeType === "marketplace" && codes.has(p.ProductCodeId ?? "")));
  }
  const created = c.CreationDateCondition?.MaximumDaysSinceCreated;
  // "Allows images that were created within the last N days."
  if (created !== undefined) tests.push((ami) => now - ami.createdAt <= created * DAY_MS);
  const deprecated = c.DeprecationTimeCondition?.MaximumDaysSinceDeprecated;
  // An AMI not deprecated (or not yet) matches; a deprecated one while fewer days have passed ("0 excludes all").
  if (deprecated !== undefined) {
    tests.push((ami) => ami.deprecatesAt === undefined || ami.deprecatesAt > now || now - ami.deprecatesAt < deprecated * DAY_MS);
  }
  return (ami) => tests.every((t) => t(ami));
}

/** Whether the criteria allow the AMI for the caller: its own AMIs always, others when a criterion matches. */
function allowsTest(ctx: RequestContext, criteria: ImageCriterion[]): (ami: AmiRecord) => boolean {
  const tests = criteria.map((c) => criterionTest(c, ctx.now));
  return (ami) => ami.owner === ctx.accountId || tests.some((t) => t(ami));
}

/**
 * What the caller's setting in `region` makes of AMIs there, read once for a request: whether one is discoverable
 * (false only while `enabled` for an AMI not allowed), and its `ImageAllowed` (undefined while `disabled`).
 */
export interface AllowedView {
  discoverable(ami: AmiRecord): boolean;
  imageAllowed(ami: AmiRecord): boolean | undefined;
}

const UNRESTRICTED: AllowedView = { discoverable: () => true, imageAllowed: () => undefined };

export function allowedView(ctx: RequestContext, region = ctx.region): AllowedView {
  const settings = settingsOf(ctx, region);
  if (settings.state === "disabled") return UNRESTRICTED;
  const allows = allowsTest(ctx, settings.criteria);
  return {
    discoverable: settings.state === "enabled" ? allows : () => true,
    imageAllowed: allows,
  };
}

/** Whether the AMI is discoverable to the caller under its setting in the AMI's region. */
export const isDiscoverable = (ctx: RequestContext, ami: AmiRecord): boolean => allowedView(ctx, ami.region).discoverable(ami);

function save(ctx: RequestContext, change: Partial<SettingsRecord>): void {
  allowedImagesSettings.put(ctx, { ...settingsOf(ctx), ...change });
}

export const allowedImagesHandlers: Pick<
  Ec2Handlers,
  | "GetAllowedImagesSettings"
  | "EnableAllowedImagesSettings"
  | "DisableAllowedImagesSettings"
  | "ReplaceImageCriteriaInAllowedImagesSettings"
> = {
  GetAllowedImagesSettings(ctx) {
    const { state, criteria } = settingsOf(ctx);
    // Settings made directly in the account: no declarative policy of an organization manages them here.
    return { State: state, ImageCriteria: criteria.length ? criteria : undefined, ManagedBy: "account" };
  },

  EnableAllowedImagesSettings(ctx, { AllowedImagesSettingsState }) {
    save(ctx, { state: AllowedImagesSettingsState });
    return { AllowedImagesSettingsState };
  },

  DisableAllowedImagesSettings(ctx) {
    save(ctx, { state: "disabled" });
    return { AllowedImagesSettingsState: "disabled" };
  },

  ReplaceImageCriteriaInAllowedImagesSettings(ctx, { ImageCriteria }) {
    const given = ImageCriteria ?? [];
    if (given.length > MAX_CRITERIA) {
      throw invalid(`The ImageCriteria can include up to ${MAX_CRITERIA} ImageCriterion; ${given.length} were specified.`);
    }
    save(ctx, { criteria: given.map((c, i) => checkCriterion(c, i + 1)) });
    return { ReturnValue: true };
  },
};
