// What a launch template keeps, how one is found, and how RunInstances resolves one (resolveLaunchTemplate).
// A template and each of its versions are records in the owner's partition; names are unique per account and
// region (CreateLaunchTemplate reference). Version numbers start at 1 and are never reused once deleted
// ("Modify a launch template (manage launch template versions)", manage-launch-template-versions.html).
// Error codes and wording: "Error codes for the Amazon EC2 API" (errors-overview.html), as EC2 words them.
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import { collection, type Scope } from "../../../state/collection";
import { isCount, schema, typed, unchecked, type RecordOf } from "../../../state/record-schema";
import type { LaunchTemplate, LaunchTemplateVersion, ResponseLaunchTemplateData } from "../api.generated";
import { taggable } from "../resource-types";
import { tagList } from "../tags/records";
import { arn } from "../../../util/arn";

export const TEMPLATE_ID = /^lt-[0-9a-f]{17}$/;
export const TEMPLATE_NAME = /^[a-zA-Z0-9().\-/_]{3,128}$/;

const launchTemplateSchema = schema({
  LaunchTemplateId: "string",
  LaunchTemplateName: "string",
  owner: "string",
  region: "string",
  createdAt: "time",
  DefaultVersionNumber: "count",
  /** The numbers of the versions that exist, ascending (deleted ones leave). */
  versions: typed<number[]>("array"),
  /** The number the next version gets: numbers are never reused. */
  nextVersion: "count",
  clientToken: unchecked<string | undefined>(),
});
export type LaunchTemplateRecord = RecordOf<typeof launchTemplateSchema>;

const versionSchema = schema({
  LaunchTemplateId: "string",
  VersionNumber: "count",
  VersionDescription: unchecked<string | undefined>(),
  createdAt: "time",
  /** As DescribeLaunchTemplateVersions returns it; timestamps kept as ISO strings. */
  data: typed<ResponseLaunchTemplateData>("object"),
  /** The owner of the AMI that data.ImageId names, when it named one the caller could see (AMI usage reports). */
  amiOwner: "string?",
  clientToken: unchecked<string | undefined>(),
});
export type LaunchTemplateVersionRecord = RecordOf<typeof versionSchema>;

/**
 * A template's versions ascend, the default among them, and the next number above them: reads take the last
 * as the latest and look the default up, and a new version must not take a number in use.
 */
function versionChain(t: LaunchTemplateRecord): string | undefined {
  const v = t.versions;
  if (v.length === 0) return "versions must not be empty";
  for (let i = 0; i < v.length; i++) {
    if (!isCount(v[i]) || v[i] < 1 || (i > 0 && v[i] <= v[i - 1]))
      return `versions[${i}] must be a version number above the one before it, from 1`;
  }
  if (!v.includes(t.DefaultVersionNumber)) return "DefaultVersionNumber must be one of versions";
  if (t.nextVersion <= v[v.length - 1]) return "nextVersion must be above every version";
  return undefined;
}

/** Owner's partition, keyed by template id; by name for the name lookups. */
export const launchTemplates = collection<LaunchTemplateRecord, string, "name">({
  type: "ec2.launch-template",
  schema: launchTemplateSchema,
  key: (r) => r.LaunchTemplateId,
  rules: {
    // Its owner's partition of its region, by its members (what an import checks).
    partition: (t) => ({ account: t.owner, region: t.region }),
    check: versionChain,
    needs: (t) =>
      t.versions.map((v) => ({ type: launchTemplateVersions.type, id: launchTemplateVersions.id([t.LaunchTemplateId, versionKey(v)]) })),
  },
  indexes: { name: (r) => r.LaunchTemplateName },
  taggable: taggable("launch-template", (ctx, id) => templateById(ctx, id)),
});

/** Version keys sort newest first, as DescribeLaunchTemplateVersions lists versions. */
export const versionKey = (n: number): string => String(9_999_999_999 - n).padStart(10, "0");

/** Owner's partition, keyed (template id, versionKey: newest first). */
export const launchTemplateVersions = collection<LaunchTemplateVersionRecord, [template: string, version: string]>({
  type: "ec2.launch-template-version",
  schema: versionSchema,
  key: (r) => [r.LaunchTemplateId, versionKey(r.VersionNumber)],
});

export const latestVersion = (t: LaunchTemplateRecord): number => t.versions[t.versions.length - 1];

// --- errors -------------------------------------------------------------------------------------------------

export const templateIdMalformed = (id: string) =>
  new ServiceError("InvalidLaunchTemplateId.Malformed", `The specified launch template ID ${id} is malformed.`);
export const templateIdNotFound = (id: string) =>
  new ServiceError("InvalidLaunchTemplateId.NotFound", `The specified launch template, with template ID ${id}, does not exist.`);
export const templateNameNotFound = (name: string) =>
  new ServiceError(
    "InvalidLaunchTemplateName.NotFoundException",
    `The specified launch template, with template name ${name}, does not exist.`,
  );
export const templateNameMalformed = () =>
  new ServiceError(
    "InvalidLaunchTemplateName.MalformedException",
    "A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.'",
  );
export const templateNameTaken = (name: string) =>
  new ServiceError("InvalidLaunchTemplateName.AlreadyExistsException", `Launch template name already in use: ${name}`);
export const versionNotFound = (id: string, version: string | number) =>
  new ServiceError(
    "InvalidLaunchTemplateId.VersionNotFound",
    `Could not find the specified version ${version} for the launch template with ID ${id}.`,
  );
/** Neither or both of LaunchTemplateId and LaunchTemplateName (MissingParameter / InvalidParameterCombination). */
const missingIdOrName = () =>
  new ServiceError("MissingParameter", "The request must contain the parameter launchTemplateName or launchTemplateId");
const bothIdAndName = () =>
  new ServiceError(
    "InvalidParameterCombination",
    "The parameters launchTemplateName and launchTemplateId cannot be specified together. Specify only one of them.",
  );

// --- lookups ------------------------------------------------------------------------------------------------

export function checkTemplateId(id: string): void {
  if (!TEMPLATE_ID.test(id)) throw templateIdMalformed(id);
}

export function checkTemplateName(name: string): void {
  if (!TEMPLATE_NAME.test(name)) throw templateNameMalformed();
}

export function templateById(s: Scope, id: string): LaunchTemplateRecord {
  checkTemplateId(id);
  const t = launchTemplates.get(s, id);
  if (!t) throw templateIdNotFound(id);
  return t;
}

export function templateByName(s: Scope, name: string): LaunchTemplateRecord | undefined {
  return launchTemplates.find(s, "name", name);
}

/** The caller's template named by exactly one of id and name, or the documented error. */
export function findTemplate(s: Scope, spec: { LaunchTemplateId?: string; LaunchTemplateName?: string }): LaunchTemplateRecord {
  const { LaunchTemplateId: id, LaunchTemplateName: name } = spec;
  if (id !== undefined && name !== undefined) throw bothIdAndName();
  if (id !== undefined) return templateById(s, id);
  if (name === undefined) throw missingIdOrName();
  checkTemplateName(name);
  const t = templateByName(s, name);
  if (!t) throw templateNameNotFound(name);
  return t;
}

/** A version string ("3", "$Latest", "$Default") → its number in this template, or undefined when it names none. */
export function versionNumberOf(t: LaunchTemplateRecord, version: string): number | undefined {
  if (version === "$Latest") return latestVersion(t);
  if (version === "$Default") return t.DefaultVersionNumber;
  if (!/^[0-9]{1,18}$/.test(version)) return undefined;
  const n = Number(version);
  return t.versions.includes(n) ? n : undefined;
}

export const versionRecord = (s: Scope, t: LaunchTemplateRecord, n: number): LaunchTemplateVersionRecord | undefined =>
  launchTemplateVersions.get(s, [t.LaunchTemplateId, versionKey(n)]);

// --- what RunInstances needs ----------------------------------------------------------------------------------

export interface ResolvedTemplate {
  LaunchTemplateId: string;
  LaunchTemplateName: string;
  VersionNumber: number;
  data: ResponseLaunchTemplateData;
}

/**
 * The launch template version a launch names (RunInstances' LaunchTemplateSpecification): by id or name, and
 * version number, `$Latest` or `$Default` (the default when absent). Throws AWS's errors for a malformed or
 * unknown template and for a version it does not have.
 */
export function resolveLaunchTemplate(
  ctx: RequestContext,
  spec: { LaunchTemplateId?: string; LaunchTemplateName?: string; Version?: string },
): ResolvedTemplate {
  const t = findTemplate(ctx, spec);
  const version = spec.Version ?? "$Default";
  const n = versionNumberOf(t, version);
  const v = n === undefined ? undefined : versionRecord(ctx, t, n);
  if (!v) throw versionNotFound(t.LaunchTemplateId, version);
  return {
    LaunchTemplateId: t.LaunchTemplateId,
    LaunchTemplateName: t.LaunchTemplateName,
    VersionNumber: v.VersionNumber,
    data: dataView(v.data),
  };
}

// --- views ----------------------------------------------------------------------------------------------------

/** The IAM ARN of the template's creator: its owner's root, in the partition of the template's Region. */
export const createdBy = (t: { owner: string; region: string }): string => arn("iam", t.region, t.owner, "root");

/** A deep copy with the stored timestamps (ISO strings) back as dates: SpotOptions.ValidUntil is the one there is. */
export function dataView(data: ResponseLaunchTemplateData): ResponseLaunchTemplateData {
  const copy = structuredClone(data);
  const spot = copy.InstanceMarketOptions?.SpotOptions;
  if (spot?.ValidUntil !== undefined) spot.ValidUntil = new Date(spot.ValidUntil);
  return copy;
}

export function templateView(ctx: RequestContext, t: LaunchTemplateRecord): LaunchTemplate {
  return {
    LaunchTemplateId: t.LaunchTemplateId,
    LaunchTemplateName: t.LaunchTemplateName,
    CreateTime: new Date(t.createdAt),
    CreatedBy: createdBy(t),
    DefaultVersionNumber: t.DefaultVersionNumber,
    LatestVersionNumber: latestVersion(t),
    Operator: { Managed: false },
    Tags: tagList(ctx, t.LaunchTemplateId),
  };
}

export function versionView(t: LaunchTemplateRecord, v: LaunchTemplateVersionRecord): LaunchTemplateVersion {
  return {
    LaunchTemplateId: t.LaunchTemplateId,
    LaunchTemplateName: t.LaunchTemplateName,
    VersionNumber: v.VersionNumber,
    VersionDescription: v.VersionDescription,
    CreateTime: new Date(v.createdAt),
    CreatedBy: createdBy(t),
    DefaultVersion: v.VersionNumber === t.DefaultVersionNumber,
    LaunchTemplateData: dataView(v.data),
    Operator: { Managed: false },
  };
}
