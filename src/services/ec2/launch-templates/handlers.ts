// Launch templates: CreateLaunchTemplate, CreateLaunchTemplateVersion, ModifyLaunchTemplate,
// DescribeLaunchTemplates, DescribeLaunchTemplateVersions, DeleteLaunchTemplate, DeleteLaunchTemplateVersions
// (the EC2 API reference page of each). EC2 stores template data without checking that it could launch
// anything: an ImageId that names no AMI, or a `resolve:ssm:` parameter, is kept as given and only RunInstances
// fails on it ("Create a launch template", create-launch-template.html: parameters are optional and validated
// at launch). Request and response data have the same members (RequestLaunchTemplateData →
// ResponseLaunchTemplateData); the protocol gives each its wire names.
import { isSsmReference, resolveSsmImageId } from "../instances/ssm-image-ids";
import type { RequestContext } from "../../../gateway/context";
import type {
  DeleteLaunchTemplateVersionsResponseErrorItem,
  DeleteLaunchTemplateVersionsResponseSuccessItem,
  Ec2Handlers,
  LaunchTemplateVersion,
  RequestLaunchTemplateData,
  ResponseLaunchTemplateData,
} from "../api.generated";
import { ServiceError } from "../../../errors/service-error";
import { hexId } from "../../../util/ids";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { dropTags, putTags, tagMap, tagsFor } from "../tags/records";
import { idempotent, retireToken } from "../client-tokens";
import {
  checkTemplateId,
  checkTemplateName,
  findTemplate,
  latestVersion,
  launchTemplateVersions,
  launchTemplates,
  templateByName,
  templateIdNotFound,
  templateNameNotFound,
  templateNameTaken,
  templateView,
  versionKey,
  versionNotFound,
  versionNumberOf,
  versionRecord,
  versionView,
  type LaunchTemplateRecord,
  type LaunchTemplateVersionRecord,
} from "./records";
import { addVersionUse, amiOwnerOf, dropVersionUse } from "./ami-uses";
import { checkTemplateUserData } from "../instances/user-data";

/**
 * "Restrictions" of launch templates (ec2-launch-templates.html#launch-template-restrictions): 5,000 launch
 * templates per Region and 10,000 versions per launch template.
 */
const MAX_TEMPLATES = 5000;
const MAX_VERSIONS = 10000;
/** DescribeLaunchTemplateVersions without MaxResults answers pages of MaxResults' maximum, with a NextToken. */
const VERSIONS_PAGE = 200;
/** DeleteLaunchTemplateVersions takes at most 200 versions (its reference). */
const MAX_DELETE = 200;

/** Request data as stored: undefined members dropped, dates as ISO strings (JSON round trip). */
function storedData(data: RequestLaunchTemplateData | undefined): ResponseLaunchTemplateData {
  return JSON.parse(JSON.stringify(data ?? {})) as ResponseLaunchTemplateData;
}

function newVersion(
  ctx: RequestContext,
  t: LaunchTemplateRecord,
  data: ResponseLaunchTemplateData,
  description: string | undefined,
  tokenId: string | undefined,
): LaunchTemplateVersionRecord {
  const v: LaunchTemplateVersionRecord = {
    LaunchTemplateId: t.LaunchTemplateId,
    VersionNumber: t.nextVersion,
    VersionDescription: description,
    createdAt: ctx.now,
    data,
    amiOwner: amiOwnerOf(ctx, data.ImageId),
    clientToken: tokenId,
  };
  launchTemplateVersions.put(ctx, v);
  addVersionUse(ctx, t, v);
  t.versions.push(v.VersionNumber);
  t.nextVersion++;
  return v;
}

function dropVersion(ctx: RequestContext, t: LaunchTemplateRecord, v: LaunchTemplateVersionRecord): void {
  launchTemplateVersions.delete(ctx, [t.LaunchTemplateId, versionKey(v.VersionNumber)]);
  dropVersionUse(ctx, t, v);
  retireToken(ctx, v.clientToken, "VersionNumber", String(v.VersionNumber), ctx.now);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** How many items there are, counting no further than `limit`. */
function countUpTo(items: Iterable<unknown>, limit: number): number {
  let n = 0;
  for (const _ of items) if (++n >= limit) break;
  return n;
}

/** The filters of DescribeLaunchTemplateVersions (its reference), over a version and its template. */
type VersionItem = { t: LaunchTemplateRecord; v: LaunchTemplateVersionRecord };
const versionFilters = {
  "create-time": ({ v }: VersionItem) => iso(v.createdAt),
  "ebs-optimized": ({ v }: VersionItem) => v.data.EbsOptimized,
  "http-endpoint": ({ v }: VersionItem) => v.data.MetadataOptions?.HttpEndpoint,
  "host-resource-group-arn": ({ v }: VersionItem) => v.data.Placement?.HostResourceGroupArn,
  // The IPv4 endpoint of the instance metadata service is the one HttpEndpoint turns on or off.
  "http-protocol-ipv4": ({ v }: VersionItem) => v.data.MetadataOptions?.HttpEndpoint,
  "http-tokens": ({ v }: VersionItem) => v.data.MetadataOptions?.HttpTokens,
  "iam-instance-profile": ({ v }: VersionItem) => [v.data.IamInstanceProfile?.Arn, v.data.IamInstanceProfile?.Name],
  "image-id": ({ v }: VersionItem) => v.data.ImageId,
  "instance-type": ({ v }: VersionItem) => v.data.InstanceType,
  "is-default-version": ({ t, v }: VersionItem) => v.VersionNumber === t.DefaultVersionNumber,
  "kernel-id": ({ v }: VersionItem) => v.data.KernelId,
  "license-configuration-arn": ({ v }: VersionItem) => (v.data.LicenseSpecifications ?? []).map((l) => l.LicenseConfigurationArn),
  "network-card-index": ({ v }: VersionItem) => (v.data.NetworkInterfaces ?? []).map((n) => n.NetworkCardIndex),
  "ram-disk-id": ({ v }: VersionItem) => v.data.RamDiskId,
};

const versionCursor = ({ t, v }: VersionItem) => `${t.LaunchTemplateId} ${versionKey(v.VersionNumber)}`;

/** The versions DescribeLaunchTemplateVersions selects, in (template id, newest first) order, after `after`. */
function* selectedVersions(ctx: RequestContext, input: Parameters<Ec2Handlers["DescribeLaunchTemplateVersions"]>[1], after: string) {
  const named = input.LaunchTemplateId !== undefined || input.LaunchTemplateName !== undefined;
  const versions = input.Versions ?? [];
  if (!named) {
    // Without a template, only $Latest and $Default make sense: those versions of every template of the caller.
    const aliases = new Set(versions);
    if (!aliases.size || [...aliases].some((a) => a !== "$Latest" && a !== "$Default")) {
      throw err.invalidCombination(
        "A launch template ID or name must be specified, unless the versions are $Latest and/or $Default, which describe those versions of all your launch templates.",
      );
    }
    if (input.MinVersion !== undefined || input.MaxVersion !== undefined)
      throw err.invalidCombination("MinVersion and MaxVersion can only be used with a launch template ID or name.");
    for (const t of launchTemplates.scan(ctx, { from: after.split(" ")[0] })) {
      const numbers = new Set<number>();
      if (aliases.has("$Latest")) numbers.add(latestVersion(t));
      if (aliases.has("$Default")) numbers.add(t.DefaultVersionNumber);
      for (const n of [...numbers].sort((a, b) => b - a)) {
        const v = versionRecord(ctx, t, n);
        if (v) yield { t, v };
      }
    }
    return;
  }
  const t = findTemplate(ctx, input);
  // A bound is a number (that need not name an existing version), $Latest or $Default.
  const bound = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    if (value === "$Latest" || value === "$Default") return versionNumberOf(t, value);
    if (!/^[0-9]{1,18}$/.test(value))
      throw err.invalidValue(`Value (${value}) for parameter ${name} is invalid. Expected a version number.`);
    return Number(value);
  };
  const min = bound("MinVersion", input.MinVersion);
  const max = bound("MaxVersion", input.MaxVersion);
  if (versions.length) {
    const numbers = new Set<number>();
    for (const s of versions) {
      const n = versionNumberOf(t, s);
      if (n === undefined) throw versionNotFound(t.LaunchTemplateId, s);
      numbers.add(n);
    }
    for (const n of [...numbers].sort((a, b) => b - a)) {
      const v = versionRecord(ctx, t, n)!;
      if ((min === undefined || n >= min) && (max === undefined || n <= max)) yield { t, v };
    }
    return;
  }
  const start = after.startsWith(`${t.LaunchTemplateId} `) ? { after } : {};
  for (const v of launchTemplateVersions.scan(ctx, { within: [t.LaunchTemplateId], ...start })) {
    if ((min === undefined || v.VersionNumber >= min) && (max === undefined || v.VersionNumber <= max)) yield { t, v };
  }
}

export const launchTemplateHandlers: Pick<
  Ec2Handlers,
  | "CreateLaunchTemplate"
  | "CreateLaunchTemplateVersion"
  | "ModifyLaunchTemplate"
  | "DescribeLaunchTemplates"
  | "DescribeLaunchTemplateVersions"
  | "DeleteLaunchTemplate"
  | "DeleteLaunchTemplateVersions"
> = {
  CreateLaunchTemplate(ctx, input) {
    checkTemplateName(input.LaunchTemplateName);
    checkTemplateUserData(input.LaunchTemplateData?.UserData);
    const tags = tagsFor(input.TagSpecifications, "launch-template");
    const made = idempotent(ctx, input, (tokenId) => {
      if (templateByName(ctx, input.LaunchTemplateName)) throw templateNameTaken(input.LaunchTemplateName);
      if (countUpTo(launchTemplates.scan(ctx, { batch: 1000 }), MAX_TEMPLATES) >= MAX_TEMPLATES) {
        throw new ServiceError("MaxTemplateLimitExceeded", "Account has already reached max permitted templates");
      }
      const t: LaunchTemplateRecord = {
        LaunchTemplateId: hexId("lt"),
        LaunchTemplateName: input.LaunchTemplateName,
        owner: ctx.accountId,
        region: ctx.region,
        createdAt: ctx.now,
        DefaultVersionNumber: 1,
        versions: [],
        nextVersion: 1,
        clientToken: tokenId,
      };
      newVersion(ctx, t, storedData(input.LaunchTemplateData), input.VersionDescription, undefined);
      launchTemplates.put(ctx, t);
      if (tags.length) putTags(ctx, t.LaunchTemplateId, "launch-template", tags);
      return { LaunchTemplateId: t.LaunchTemplateId };
    });
    const t = launchTemplates.get(ctx, made.LaunchTemplateId);
    if (!t) throw templateIdNotFound(made.LaunchTemplateId);
    return { LaunchTemplate: templateView(ctx, t) };
  },

  CreateLaunchTemplateVersion(ctx, input) {
    checkTemplateUserData(input.LaunchTemplateData?.UserData);
    const made = idempotent(ctx, input, (tokenId) => {
      const t = findTemplate(ctx, input);
      if (t.versions.length >= MAX_VERSIONS) {
        throw new ServiceError(
          "VersionLimitExceeded",
          `The launch template ${t.LaunchTemplateId} already has the maximum of ${MAX_VERSIONS} versions.`,
        );
      }
      let data = storedData(input.LaunchTemplateData);
      if (input.SourceVersion !== undefined) {
        // The new version takes the source version's parameters, and those given replace theirs (CreateLaunchTemplateVersion reference).
        const n = versionNumberOf(t, input.SourceVersion);
        const source = n === undefined ? undefined : versionRecord(ctx, t, n);
        if (!source) throw versionNotFound(t.LaunchTemplateId, input.SourceVersion);
        data = { ...structuredClone(source.data), ...data };
      }
      const v = newVersion(ctx, t, data, input.VersionDescription, tokenId);
      launchTemplates.put(ctx, t);
      return { LaunchTemplateId: t.LaunchTemplateId, VersionNumber: String(v.VersionNumber) };
    });
    const t = launchTemplates.get(ctx, made.LaunchTemplateId);
    const v = t && versionRecord(ctx, t, Number(made.VersionNumber));
    if (!t || !v) throw versionNotFound(made.LaunchTemplateId, made.VersionNumber);
    return { LaunchTemplateVersion: versionView(t, v) };
  },

  ModifyLaunchTemplate(ctx, input) {
    const t = findTemplate(ctx, input);
    if (input.DefaultVersion !== undefined) {
      const n = /^[0-9]+$/.test(input.DefaultVersion) ? versionNumberOf(t, input.DefaultVersion) : undefined;
      if (n === undefined) throw versionNotFound(t.LaunchTemplateId, input.DefaultVersion);
      t.DefaultVersionNumber = n;
      launchTemplates.put(ctx, t);
    }
    return { LaunchTemplate: templateView(ctx, t) };
  },

  DeleteLaunchTemplate(ctx, input) {
    const t = findTemplate(ctx, input);
    const view = templateView(ctx, t);
    for (const v of [...launchTemplateVersions.scan(ctx, { within: [t.LaunchTemplateId] })]) dropVersion(ctx, t, v);
    launchTemplates.delete(ctx, t.LaunchTemplateId);
    dropTags(ctx, t.LaunchTemplateId);
    retireToken(ctx, t.clientToken, "LaunchTemplateId", t.LaunchTemplateId, ctx.now);
    return { LaunchTemplate: view };
  },

  // Each version is deleted or reported with its ResponseError code (ResponseError: launchTemplateVersionDoesNotExist,
  // unexpectedError); the default version stays ("Delete a launch template version", delete-launch-template.html).
  DeleteLaunchTemplateVersions(ctx, input) {
    const t = findTemplate(ctx, input);
    if (input.Versions.length > MAX_DELETE) {
      throw err.invalidValue(`You can delete at most ${MAX_DELETE} launch template versions in one request.`);
    }
    const ok: DeleteLaunchTemplateVersionsResponseSuccessItem[] = [];
    const failed: DeleteLaunchTemplateVersionsResponseErrorItem[] = [];
    const ids = { LaunchTemplateId: t.LaunchTemplateId, LaunchTemplateName: t.LaunchTemplateName };
    for (const s of input.Versions) {
      if (!/^[0-9]{1,18}$/.test(s))
        throw err.invalidValue(`Value (${s}) for parameter LaunchTemplateVersion is invalid. Expected a version number.`);
      const n = Number(s);
      const v = t.versions.includes(n) ? versionRecord(ctx, t, n) : undefined;
      if (!v) {
        failed.push({
          ...ids,
          VersionNumber: n,
          ResponseError: { Code: "launchTemplateVersionDoesNotExist", Message: "The specified launch template version does not exist." },
        });
      } else if (n === t.DefaultVersionNumber) {
        failed.push({
          ...ids,
          VersionNumber: n,
          ResponseError: { Code: "unexpectedError", Message: "Cannot delete the default version of a launch template." },
        });
      } else {
        dropVersion(ctx, t, v);
        t.versions = t.versions.filter((x) => x !== n);
        ok.push({ ...ids, VersionNumber: n });
      }
    }
    launchTemplates.put(ctx, t);
    return {
      SuccessfullyDeletedLaunchTemplateVersions: ok.length ? ok : undefined,
      UnsuccessfullyDeletedLaunchTemplateVersions: failed.length ? failed : undefined,
    };
  },

  DescribeLaunchTemplates(ctx, input) {
    const limit = pageLimit(input.MaxResults, 1, 200);
    const after = startAfter(ctx, input.NextToken);
    const matches = compileFilters<LaunchTemplateRecord>(input.Filters, {
      fields: {
        "create-time": (t) => iso(t.createdAt),
        "launch-template-name": (t) => t.LaunchTemplateName,
      },
      tags: (t) => tagMap(ctx, t.LaunchTemplateId),
    });
    const ids = input.LaunchTemplateIds ?? [];
    const names = input.LaunchTemplateNames ?? [];
    let candidates: Iterable<LaunchTemplateRecord>;
    if (ids.length || names.length) {
      const found = new Map<string, LaunchTemplateRecord>();
      for (const id of ids) {
        checkTemplateId(id);
        const t = launchTemplates.get(ctx, id);
        if (!t) throw templateIdNotFound(id);
        found.set(id, t);
      }
      for (const name of names) {
        checkTemplateName(name);
        const t = templateByName(ctx, name);
        if (!t) throw templateNameNotFound(name);
        found.set(t.LaunchTemplateId, t);
      }
      candidates = [...found.values()]
        .filter((t) => t.LaunchTemplateId > after)
        .sort((a, b) => (a.LaunchTemplateId < b.LaunchTemplateId ? -1 : 1));
    } else {
      candidates = launchTemplates.scan(ctx, { after, batch: Number.isFinite(limit) ? limit + 1 : undefined });
    }
    const { page, more } = takePage(candidates, matches, limit);
    return {
      LaunchTemplates: page.map((t) => templateView(ctx, t)),
      NextToken: more ? nextToken(ctx, page[page.length - 1].LaunchTemplateId) : undefined,
    };
  },

  DescribeLaunchTemplateVersions(ctx, input) {
    const limit = pageLimit(input.MaxResults ?? VERSIONS_PAGE, 1, 200);
    const after = startAfter(ctx, input.NextToken);
    const matches = compileFilters<VersionItem>(input.Filters, { fields: versionFilters });
    const { page, more } = takePage<VersionItem>(
      selectedVersions(ctx, input, after),
      (item) => (!after || versionCursor(item) > after) && matches(item),
      limit,
    );
    const versions: LaunchTemplateVersion[] = page.map(({ t, v }) => resolved(ctx, versionView(t, v), input.ResolveAlias));
    return {
      LaunchTemplateVersions: versions,
      NextToken: more ? nextToken(ctx, versionCursor(page[page.length - 1])) : undefined,
    };
  },
};

/**
 * ResolveAlias: "If true, and if a Systems Manager parameter is specified for ImageId, the AMI ID is displayed in
 * the response for imageId" (DescribeLaunchTemplateVersions). A parameter that no longer resolves stays as it is.
 */
function resolved(ctx: RequestContext, version: LaunchTemplateVersion, resolveAlias: boolean | undefined): LaunchTemplateVersion {
  const imageId = version.LaunchTemplateData?.ImageId;
  if (!resolveAlias || !imageId || !isSsmReference(imageId)) return version;
  let ami: string;
  try {
    ami = resolveSsmImageId(ctx, imageId);
  } catch {
    return version;
  }
  return { ...version, LaunchTemplateData: { ...version.LaunchTemplateData, ImageId: ami } };
}
