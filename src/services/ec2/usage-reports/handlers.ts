// AMI usage reports: CreateImageUsageReport, DescribeImageUsageReports, DescribeImageUsageReportEntries and
// DeleteImageUsageReport ("View your AMI usage", your-ec2-ami-usage.html). Only the AMI's owner can report on
// it. Report ids are `amiur-` + 17 hex digits; the describes page in report-id order.
import type { RequestContext } from "../../../gateway/context";
import { plan } from "../../../state/lifecycle";
import { hexId } from "../../../util/ids";
import { compileFilters } from "../filters";
import type { Ec2Handlers, ImageUsageReportEntry, ImageUsageResourceType, ImageUsageResourceTypeRequest } from "../api.generated";
import * as err from "../errors";
import { checkAmiId, findOwnImage } from "../images/access";
import { nextToken, startAfter, takePage } from "../paging";
import { amiState } from "../images/records";
import { dropTags, putTags, tagMap, tagsFor } from "../tags/records";
import { countUses } from "./entries";
import { idempotent, retireToken } from "../client-tokens";
import {
  checkReportId,
  findReport,
  reportNotFound,
  reportState,
  reportView,
  saveReport,
  storedReport,
  usageReports,
  type UsageReportRecord,
} from "./records";

const RESOURCE_TYPES = ["ec2:Instance", "ec2:LaunchTemplate"];
/** The one ec2:LaunchTemplate option: how many recent versions to check, 1 to 10000 (CreateImageUsageReport reference). */
const VERSION_DEPTH = "version-depth";
const ACCOUNT_ID = /^[0-9]{12}$/;

function checkResourceTypes(list: ImageUsageResourceTypeRequest[]): ImageUsageResourceType[] {
  if (!list.length) throw err.missingParameter("ResourceType");
  const seen = new Set<string>();
  return list.map((t, i) => {
    const type = t.ResourceType;
    if (type === undefined) throw err.missingParameter(`ResourceType.${i + 1}.ResourceType`);
    if (!RESOURCE_TYPES.includes(type))
      throw err.invalidValue(`Value (${type}) for parameter ResourceType is invalid. Expected: ${RESOURCE_TYPES.join(" | ")}.`);
    if (seen.has(type)) throw err.invalidValue(`The resource type ${type} is specified more than once.`);
    seen.add(type);
    const options = t.ResourceTypeOptions ?? [];
    if (options.length && type !== "ec2:LaunchTemplate") {
      throw err.invalidCombination(`ResourceTypeOptions are valid only for the resource type ec2:LaunchTemplate, not ${type}.`);
    }
    for (const o of options) {
      if (o.OptionName !== VERSION_DEPTH)
        throw err.invalidValue(`Value (${o.OptionName}) for parameter OptionName is invalid. Expected: ${VERSION_DEPTH}.`);
      const values = o.OptionValues ?? [];
      const depth = Number(values[0]);
      if (values.length !== 1 || !/^[0-9]+$/.test(values[0]) || depth < 1 || depth > 10000) {
        throw err.invalidValue(`The ${VERSION_DEPTH} option takes one integer between 1 and 10000.`);
      }
    }
    return {
      ResourceType: type,
      ResourceTypeOptions: t.ResourceTypeOptions?.map((o) => ({ OptionName: o.OptionName, OptionValues: o.OptionValues })),
    };
  });
}

/** The ec2:LaunchTemplate version-depth asked for, if any (checked above). */
function versionDepth(types: ImageUsageResourceType[]): number | undefined {
  const option = types
    .find((t) => t.ResourceType === "ec2:LaunchTemplate")
    ?.ResourceTypeOptions?.find((o) => o.OptionName === VERSION_DEPTH);
  return option?.OptionValues?.length ? Number(option.OptionValues[0]) : undefined;
}

interface Selection {
  ImageIds?: string[];
  ReportIds?: string[];
}

/** The caller's unexpired reports selected by ids, in report-id order, from `from` (inclusive) on. */
function* selectedReports(ctx: RequestContext, sel: Selection, from: string): Generator<UsageReportRecord> {
  sel.ImageIds?.forEach(checkAmiId);
  const images = sel.ImageIds?.length ? new Set(sel.ImageIds) : undefined;
  const wanted = (r: UsageReportRecord) => !images || images.has(r.ImageId);
  if (sel.ReportIds?.length) {
    sel.ReportIds.forEach(checkReportId);
    const ids = [...new Set(sel.ReportIds)].sort();
    const missing = ids.filter((id) => !storedReport(ctx, id));
    if (missing.length) throw reportNotFound(missing);
    for (const id of ids)
      if (id >= from) {
        const r = storedReport(ctx, id)!;
        if (wanted(r)) yield r;
      }
    return;
  }
  for (const r of usageReports.scan(ctx, { from, batch: 200 })) if (wanted(r)) yield r;
}

const creationTime = (r: UsageReportRecord) => new Date(r.createdAt).toISOString();

export const usageReportHandlers: Pick<
  Ec2Handlers,
  "CreateImageUsageReport" | "DescribeImageUsageReports" | "DeleteImageUsageReport" | "DescribeImageUsageReportEntries"
> = {
  CreateImageUsageReport(ctx, input) {
    const ami = findOwnImage(ctx, input.ImageId);
    if (amiState(ctx, ami) === "deregistered") throw err.amiUnavailable(`The image id '[${ami.ImageId}]' is no longer available`);
    const resourceTypes = checkResourceTypes(input.ResourceTypes);
    for (const a of input.AccountIds ?? []) if (!ACCOUNT_ID.test(a)) throw err.invalidUserId(a);
    const tags = tagsFor(input.TagSpecifications, "image-usage-report");
    return idempotent(ctx, input, (tokenId) => {
      const accounts = input.AccountIds?.length ? [...new Set(input.AccountIds)] : undefined;
      const rec: UsageReportRecord = {
        ReportId: hexId("amiur"),
        ImageId: ami.ImageId,
        ResourceTypes: resourceTypes,
        AccountIds: accounts,
        createdAt: ctx.now,
        schedule: plan(ctx.now, ["pending", ctx.timings.seconds("usageReport")], [ctx.failure ? "error" : "available"]),
        StateReason: ctx.failure ? (ctx.failure.reason ?? "The report could not be created because of an internal error.") : undefined,
        entries: ctx.failure
          ? []
          : countUses(
              ctx,
              ami.ImageId,
              resourceTypes.map((t) => t.ResourceType!),
              accounts,
              versionDepth(resourceTypes),
            ),
        clientToken: tokenId,
      };
      saveReport(ctx, rec);
      if (tags.length) putTags(ctx, rec.ReportId, "image-usage-report", tags);
      return { ReportId: rec.ReportId };
    });
  },

  DeleteImageUsageReport(ctx, { ReportId }) {
    const rec = findReport(ctx, ReportId);
    usageReports.delete(ctx, ReportId);
    dropTags(ctx, ReportId);
    retireToken(ctx, rec.clientToken, "ReportId", ReportId, ctx.now);
    return { Return: true };
  },

  DescribeImageUsageReports(ctx, input) {
    const matches = compileFilters<UsageReportRecord>(input.Filters, {
      fields: { "creation-time": creationTime, state: (r) => reportState(ctx, r) },
      tags: (r) => tagMap(ctx, r.ReportId),
    });
    const limit = input.MaxResults ?? Number.POSITIVE_INFINITY;
    const after = startAfter(ctx, input.NextToken);
    const { page, more } = takePage<UsageReportRecord>(
      selectedReports(ctx, input, after),
      (r) => r.ReportId !== after && matches(r),
      limit,
    );
    return {
      ImageUsageReports: page.map((r) => reportView(ctx, r)),
      NextToken: more ? nextToken(ctx, page[page.length - 1].ReportId) : undefined,
    };
  },

  // Entries exist only once a report is available; each is keyed `<report> <type> <account>` for paging.
  DescribeImageUsageReportEntries(ctx, input) {
    type Keyed = { key: string; entry: ImageUsageReportEntry };
    const matches = compileFilters<ImageUsageReportEntry>(input.Filters, {
      fields: {
        "account-id": (e) => e.AccountId,
        "creation-time": (e) => e.ReportCreationTime!.toISOString(),
        "resource-type": (e) => e.ResourceType,
      },
    });
    const limit = input.MaxResults ?? Number.POSITIVE_INFINITY;
    const after = startAfter(ctx, input.NextToken);
    const page: Keyed[] = [];
    let more = false;
    outer: for (const r of selectedReports(ctx, input, after.split(" ")[0])) {
      if (reportState(ctx, r) !== "available") continue;
      for (const e of r.entries) {
        const key = `${r.ReportId} ${e.ResourceType} ${e.AccountId}`;
        const entry: ImageUsageReportEntry = { ...e, ReportId: r.ReportId, ImageId: r.ImageId, ReportCreationTime: new Date(r.createdAt) };
        if (key <= after || !matches(entry)) continue;
        if (page.length >= limit) {
          more = true;
          break outer;
        }
        page.push({ key, entry });
      }
    }
    return {
      ImageUsageReportEntries: page.map((p) => p.entry),
      NextToken: more ? nextToken(ctx, page[page.length - 1].key) : undefined,
    };
  },
};
