// Stacks: what users stream from (CreateStack, UpdateStack, DescribeStacks, DeleteStack in the AppStream API
// reference). A stack exists as soon as it is created; it has no states. UserSettings always come back as the
// full list of actions, in one fixed order: the actions the caller set, the others with their default
// permission (the defaults the console and the Terraform provider's documentation show for a new stack).
import { createHash } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import { arn } from "../../../util/arn";
import type {
  Action,
  AppStreamHandlers,
  ApplicationSettings,
  Stack,
  StackAttribute,
  StorageConnector,
  UserSetting,
} from "../api.generated";
import * as err from "../errors";
import { pick } from "../records";
import { collectionPage } from "../paging";
import { fleetsOfStack, stacks, type StackRecord } from "./records";
import { deleteUserStack, usersOfStack } from "../users/records";
import { forgetEntitlements } from "../entitlements/records";
import { forgetTheme } from "../themes/records";
import { checkQuota } from "../quotas";

/** Members of CreateStack/UpdateStack that the stack keeps and returns as given. */
const KEPT = [
  "Description",
  "DisplayName",
  "StorageConnectors",
  "RedirectURL",
  "FeedbackURL",
  "AccessEndpoints",
  "EmbedHostDomains",
  "StreamingExperienceSettings",
  "ContentRedirection",
  "AgentAccessConfig",
] as const;

/** Members that an empty string clears (the Terraform provider sends "" when one is removed from the configuration). */
const CLEARED_BY_EMPTY = new Set(["Description", "DisplayName", "RedirectURL", "FeedbackURL"]);

/** Every action, in the order of the model's Action enum, with the permission a new stack gives it. */
const DEFAULT_USER_SETTINGS: readonly UserSetting[] = [
  { Action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", Permission: "ENABLED" },
  { Action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", Permission: "ENABLED" },
  { Action: "FILE_UPLOAD", Permission: "ENABLED" },
  { Action: "FILE_DOWNLOAD", Permission: "ENABLED" },
  { Action: "PRINTING_TO_LOCAL_DEVICE", Permission: "ENABLED" },
  { Action: "DOMAIN_PASSWORD_SIGNIN", Permission: "ENABLED" },
  { Action: "DOMAIN_SMART_CARD_SIGNIN", Permission: "DISABLED" },
  { Action: "AUTO_TIME_ZONE_REDIRECTION", Permission: "DISABLED" },
];

/** AttributesToDelete → what it removes; THEME_NAME and IAM_ROLE_ARN name nothing a stack returns here. */
const DELETABLE: Record<StackAttribute, string | { connector: StorageConnector["ConnectorType"] } | null> = {
  STORAGE_CONNECTORS: "StorageConnectors",
  STORAGE_CONNECTOR_HOMEFOLDERS: { connector: "HOMEFOLDERS" },
  STORAGE_CONNECTOR_GOOGLE_DRIVE: { connector: "GOOGLE_DRIVE" },
  STORAGE_CONNECTOR_ONE_DRIVE: { connector: "ONE_DRIVE" },
  REDIRECT_URL: "RedirectURL",
  FEEDBACK_URL: "FeedbackURL",
  THEME_NAME: null,
  USER_SETTINGS: "UserSettings",
  EMBED_HOST_DOMAINS: "EmbedHostDomains",
  IAM_ROLE_ARN: null,
  ACCESS_ENDPOINTS: "AccessEndpoints",
  STREAMING_EXPERIENCE_SETTINGS: "StreamingExperienceSettings",
  CONTENT_REDIRECTION: "ContentRedirection",
  AGENT_ACCESS_CONFIG: "AgentAccessConfig",
};

const stackArn = (ctx: RequestContext, name: string) => arn("appstream", ctx.region, ctx.accountId, `stack/${name}`);

/**
 * The bucket of persistent application settings: "created the first time persistent application settings are
 * enabled for an account in a Region, unique to the account and the Region" (API reference,
 * ApplicationSettingsResponse), so derived from both rather than stored.
 */
export function appSettingsBucket(ctx: RequestContext): string {
  const suffix = createHash("sha256").update(`app-settings ${ctx.accountId} ${ctx.region}`).digest("hex").slice(0, 10);
  return `appstream-app-settings-${ctx.region}-${ctx.accountId}-${suffix}`;
}

export const getStack = (ctx: RequestContext, name: string): StackRecord | undefined => stacks.get(ctx, name);

export function mustGetStack(ctx: RequestContext, name: string): StackRecord {
  const rec = getStack(ctx, name);
  if (!rec) throw err.notFound(`Stack ${name} does not exist.`);
  return rec;
}

/** The actions a clipboard limit applies to (API reference, UserSetting: MaximumLength). */
const CLIPBOARD_ACTIONS: ReadonlySet<Action> = new Set(["CLIPBOARD_COPY_FROM_LOCAL_DEVICE", "CLIPBOARD_COPY_TO_LOCAL_DEVICE"]);
/** MaximumLength: between 1 and 20,971,520 characters (20 MB), which is also its value when an enabled clipboard action omits it. */
export const CLIPBOARD_MAX_LENGTH = 20_971_520;

/**
 * A user setting's MaximumLength as the API reference states it (UserSetting): only for the clipboard actions,
 * never with Permission DISABLED, and from 1 to 20,971,520.
 */
function checkMaximumLength(s: UserSetting): void {
  if (s.MaximumLength === undefined) return;
  if (!CLIPBOARD_ACTIONS.has(s.Action)) {
    throw err.invalidCombination(
      `MaximumLength can only be specified for the CLIPBOARD_COPY_FROM_LOCAL_DEVICE and CLIPBOARD_COPY_TO_LOCAL_DEVICE actions, not for ${s.Action}.`,
    );
  }
  if (s.Permission === "DISABLED") {
    throw err.invalidCombination(`MaximumLength cannot be specified for the action ${s.Action} when its permission is DISABLED.`);
  }
  if (!Number.isInteger(s.MaximumLength) || s.MaximumLength < 1 || s.MaximumLength > CLIPBOARD_MAX_LENGTH) {
    throw err.validation(`MaximumLength for the action ${s.Action} must be between 1 and ${CLIPBOARD_MAX_LENGTH}.`);
  }
}

/** The settings kept: `current`, overridden by `given` (UpdateStack changes only the actions it names); the view adds the defaults. */
function mergeUserSettings(current: UserSetting[] | undefined, given: UserSetting[]): UserSetting[] {
  const seen = new Set<Action>();
  for (const s of given) {
    if (seen.has(s.Action)) throw err.invalidCombination(`The action ${s.Action} is specified more than once in UserSettings.`);
    seen.add(s.Action);
    checkMaximumLength(s);
  }
  const byAction = new Map<Action, UserSetting>();
  for (const s of [...(current ?? []), ...given]) byAction.set(s.Action, { ...s });
  return [...byAction.values()];
}

function userSettingsView(kept: UserSetting[] | undefined): UserSetting[] {
  const byAction = new Map((kept ?? []).map((s) => [s.Action, s]));
  return DEFAULT_USER_SETTINGS.map((d) => {
    const s = { ...(byAction.get(d.Action) ?? d) };
    // An enabled clipboard action without a limit has the largest one.
    if (CLIPBOARD_ACTIONS.has(s.Action) && s.Permission === "ENABLED" && s.MaximumLength === undefined)
      s.MaximumLength = CLIPBOARD_MAX_LENGTH;
    return s;
  });
}

function applicationSettings(ctx: RequestContext, given: ApplicationSettings): Record<string, unknown> {
  return given.Enabled
    ? { Enabled: true, ...(given.SettingsGroup ? { SettingsGroup: given.SettingsGroup } : {}), S3BucketName: appSettingsBucket(ctx) }
    : { Enabled: false };
}

export function stackView(rec: StackRecord): Stack {
  return {
    ...rec.attrs,
    Arn: rec.Arn,
    Name: rec.Name,
    CreatedTime: new Date(rec.createdAt),
    UserSettings: userSettingsView(rec.attrs.UserSettings as UserSetting[] | undefined),
    ApplicationSettings: (rec.attrs.ApplicationSettings as Stack["ApplicationSettings"]) ?? { Enabled: false },
    StackErrors: [],
  };
}

/** DomainsRequireAdminConsent "can only be specified when ConnectorType=ONE_DRIVE" (API reference, StorageConnector). */
function checkStorageConnectors(connectors: StorageConnector[] | undefined): void {
  for (const c of connectors ?? []) {
    if (c.DomainsRequireAdminConsent !== undefined && c.ConnectorType !== "ONE_DRIVE") {
      throw err.invalidCombination(
        `DomainsRequireAdminConsent can only be specified for the ONE_DRIVE storage connector, not for ${c.ConnectorType}.`,
      );
    }
  }
}

/** The members of the input that the stack keeps; "" clears the text members that allow it. */
function applyKept(attrs: Record<string, unknown>, input: object): void {
  for (const [k, v] of Object.entries(pick(input, KEPT))) {
    if (v === "" && CLEARED_BY_EMPTY.has(k)) delete attrs[k];
    else attrs[k] = v;
  }
}

function deleteAttribute(attrs: Record<string, unknown>, a: StackAttribute): void {
  const what = DELETABLE[a];
  if (what === null) return;
  if (typeof what === "string") {
    delete attrs[what];
    return;
  }
  const left = ((attrs.StorageConnectors as StorageConnector[] | undefined) ?? []).filter((c) => c.ConnectorType !== what.connector);
  if (left.length) attrs.StorageConnectors = left;
  else delete attrs.StorageConnectors;
}

export const stackHandlers: Pick<AppStreamHandlers, "CreateStack" | "DescribeStacks" | "UpdateStack" | "DeleteStack"> = {
  CreateStack(ctx, input) {
    if (getStack(ctx, input.Name)) throw err.alreadyExists(`Stack ${input.Name} already exists.`);
    checkStorageConnectors(input.StorageConnectors);
    checkQuota(ctx, "L-A8B8B901");
    const attrs: Record<string, unknown> = {};
    applyKept(attrs, input);
    if (input.UserSettings) attrs.UserSettings = mergeUserSettings(undefined, input.UserSettings);
    if (input.ApplicationSettings) attrs.ApplicationSettings = applicationSettings(ctx, input.ApplicationSettings);
    const rec: StackRecord = {
      attrs,
      Name: input.Name,
      Arn: stackArn(ctx, input.Name),
      createdAt: ctx.now,
      tags: { ...(input.Tags ?? {}) },
    };
    stacks.put(ctx, rec);
    return { Stack: stackView(rec) };
  },

  DescribeStacks(ctx, input) {
    if (input.Names?.length) return { Stacks: input.Names.map((n) => stackView(mustGetStack(ctx, n))) };
    const page = collectionPage(stacks, ctx, { limit: 25 }, "DescribeStacks", input.NextToken);
    return { Stacks: page.items.map(stackView), NextToken: page.nextToken };
  },

  UpdateStack(ctx, input) {
    const rec = mustGetStack(ctx, input.Name);
    checkStorageConnectors(input.StorageConnectors);
    for (const a of input.AttributesToDelete ?? []) deleteAttribute(rec.attrs, a);
    if (input.DeleteStorageConnectors) delete rec.attrs.StorageConnectors;
    applyKept(rec.attrs, input);
    if (input.UserSettings) {
      rec.attrs.UserSettings = mergeUserSettings(rec.attrs.UserSettings as UserSetting[] | undefined, input.UserSettings);
    }
    if (input.ApplicationSettings) rec.attrs.ApplicationSettings = applicationSettings(ctx, input.ApplicationSettings);
    stacks.put(ctx, rec);
    return { Stack: stackView(rec) };
  },

  DeleteStack(ctx, { Name }) {
    mustGetStack(ctx, Name);
    // The service's wording (quoted in terraform-provider-aws issue #22625).
    if (fleetsOfStack.first(ctx, { within: [Name] })) {
      throw err.inUse(
        `Cannot delete stack ${Name}. This stack has fleets associated with it. Only stacks with no fleets associated with it can be deleted.`,
      );
    }
    // Users assigned to the stack lose the assignment with it.
    for (const a of [...usersOfStack.scan(ctx, { within: [Name] })]) deleteUserStack(ctx, a);
    // Its entitlements go with it.
    forgetEntitlements(ctx, Name);
    // And its theme.
    forgetTheme(ctx, Name);
    stacks.delete(ctx, Name);
    return {};
  },
};
