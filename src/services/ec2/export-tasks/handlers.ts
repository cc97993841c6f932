// Export a VM from an AMI (VM Import/Export User Guide, vmexport_image.html): ExportImage,
// DescribeExportImageTasks and CancelExportTask for export image tasks. imagelite keeps no S3: the bucket and prefix
// are names, and nothing is written; a completed task names the file it would have left.
//
// The guide's limitations that EC2 refuses at once, with NotExportable ("The image ID provided (ami-...) is a
// marketplace AMI and is not exportable" is EC2's message for an AWS Marketplace AMI, aws/aws-sdk issue #203):
// an image with third-party software provided by AWS (Windows or SQL Server images, or any image made from an
// AWS Marketplace image), an image with encrypted EBS snapshots, an image shared from another account, volumes
// larger than 1 TiB, and more than one export task in progress for the same AMI. At most 5 conversion tasks may be
// in progress per Region (the default quota): ResourceCountLimitExceeded.
import { ServiceError } from "../../../errors/service-error";
import type { RequestContext } from "../../../gateway/context";
import { plan, type Schedule } from "../../../state/lifecycle";
import { hexId } from "../../../util/ids";
import type { Ec2Handlers, ExportImageRequest } from "../api.generated";
import { clientToken } from "../client-tokens";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { findImage } from "../images/access";
import { amiState, GONE, type AmiRecord } from "../images/records";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { visibleSnapshot } from "../snapshots/access";
import { putTags, tagMap, tagsFor } from "../tags/records";
import {
  EXPORT_STEPS,
  exportState,
  exportStatus,
  exportTasks,
  exportTaskView,
  findExportTask,
  RETENTION_SECONDS,
  type ExportTaskRecord,
} from "./records";

const MAX_ACTIVE_TASKS = 5;
const DEFAULT_FAILURE = "ClientError: The export of the image failed.";
const DEFAULT_CANCEL_REASON = "User initiated task cancelation";
const MAX_VOLUME_GIB = 1024;

const notExportable = (message: string) => new ServiceError("NotExportable", message);

const isActive = (ctx: RequestContext, t: ExportTaskRecord) => exportStatus(exportState(ctx, t)).status === "active";

/** The refusals of the guide's "Limitations for image exports". */
function checkExportable(ctx: RequestContext, ami: AmiRecord): void {
  const id = ami.ImageId;
  if (ami.owner !== ctx.accountId) throw notExportable(`The image ID provided (${id}) is not owned by this account and is not exportable.`);
  const state = amiState(ctx, ami);
  if (state !== "available") throw err.amiUnavailable(`The image id '[${id}]' is ${state}; only an available AMI can be exported.`);
  if ((ami.ProductCodes ?? []).some((p) => p.ProductCodeType === "marketplace")) {
    throw notExportable(`The image ID provided (${id}) is a marketplace AMI and is not exportable.`);
  }
  if (/Windows|SQL Server/.test(ami.PlatformDetails) && !/BYOL/.test(ami.PlatformDetails)) {
    throw notExportable(
      `The image ID provided (${id}) contains third-party software provided by AWS (${ami.PlatformDetails}) and is not exportable.`,
    );
  }
  if (ami.RootDeviceType !== "ebs") throw notExportable(`The image ID provided (${id}) is not an EBS-backed AMI and is not exportable.`);
  for (const m of ami.BlockDeviceMappings) {
    if (!m.Ebs) continue;
    const snap = m.Ebs.SnapshotId ? visibleSnapshot(ctx, m.Ebs.SnapshotId, ami.region) : undefined;
    if (m.Ebs.Encrypted || snap?.Encrypted) {
      throw notExportable(`The image ID provided (${id}) has encrypted EBS snapshots and is not exportable.`);
    }
    if ((snap?.VolumeSize ?? m.Ebs.VolumeSize ?? 0) > MAX_VOLUME_GIB) {
      throw notExportable(`The image ID provided (${id}) has a volume larger than 1 TiB and is not exportable.`);
    }
  }
  for (const { value } of exportTasks.lookup(ctx, "ami", { key: id })) {
    if (isActive(ctx, value))
      throw notExportable(`The image ID provided (${id}) already has an export image task in progress: ${value.ExportImageTaskId}.`);
  }
  let active = 0;
  for (const t of exportTasks.scan(ctx)) if (isActive(ctx, t)) active++;
  if (active >= MAX_ACTIVE_TASKS) {
    throw new ServiceError(
      "ResourceCountLimitExceeded",
      `You have reached the limit of ${MAX_ACTIVE_TASKS} active export image tasks in this Region.`,
    );
  }
}

function exportSchedule(ctx: RequestContext, failing: boolean): Schedule {
  const step = ctx.timings.seconds("exportStep");
  const active = EXPORT_STEPS.slice(0, failing ? 2 : undefined).map(([m]) => [`active:${m}`, step] as [string, number]);
  const end: [string, number?][] = failing
    ? [["deleting", ctx.timings.seconds("importCancel")], ["deleted", RETENTION_SECONDS], [GONE]]
    : [["completed", RETENTION_SECONDS], [GONE]];
  return plan(ctx.now, ...active, ...end);
}

function exportImage(ctx: RequestContext, input: ExportImageRequest, tokenId: string | undefined): ExportTaskRecord {
  if (!input.S3ExportLocation?.S3Bucket) throw err.missingParameter("S3ExportLocation.S3Bucket");
  const tags = tagsFor(input.TagSpecifications, "export-image-task");
  checkExportable(ctx, findImage(ctx, input.ImageId));
  const t: ExportTaskRecord = {
    ExportImageTaskId: hexId("export-ami"),
    owner: ctx.accountId,
    region: ctx.region,
    createdAt: ctx.now,
    ImageId: input.ImageId,
    Description: input.Description,
    DiskImageFormat: input.DiskImageFormat,
    RoleName: input.RoleName ?? "vmimport",
    S3ExportLocation: { S3Bucket: input.S3ExportLocation.S3Bucket, S3Prefix: input.S3ExportLocation.S3Prefix },
    schedule: exportSchedule(ctx, !!ctx.failure),
    reason: ctx.failure ? (ctx.failure.reason ?? DEFAULT_FAILURE) : undefined,
    clientToken: tokenId,
  };
  exportTasks.put(ctx, t);
  if (tags.length) putTags(ctx, t.ExportImageTaskId, "export-image-task", tags);
  return t;
}

export const exportTaskHandlers: Pick<Ec2Handlers, "ExportImage" | "DescribeExportImageTasks" | "CancelExportTask"> = {
  ExportImage(ctx, input) {
    // The same token with the same parameters answers the task it started while that task is listed.
    const token = clientToken(ctx, input, "ClientToken");
    const seen = token?.seen();
    const existing = seen && exportTasks.get(ctx, String(seen.ExportImageTaskId));
    const t = existing || exportImage(ctx, input, token?.id);
    if (token && !existing) token.keep({ ExportImageTaskId: t.ExportImageTaskId });
    return {
      ...exportTaskView(ctx, t, existing ? undefined : t.schedule[0].state),
      DiskImageFormat: t.DiskImageFormat as "VMDK",
      RoleName: t.RoleName,
    };
  },

  DescribeExportImageTasks(ctx, input) {
    const matches = compileFilters<ExportTaskRecord>(input.Filters, {
      fields: { "task-state": (t) => exportStatus(exportState(ctx, t)).status },
      tags: (t) => tagMap(ctx, t.ExportImageTaskId),
    });
    const ids = input.ExportImageTaskIds ?? [];
    if (ids.length) {
      const found = [...new Set(ids)].map((id) => findExportTask(ctx, id));
      return { ExportImageTasks: found.filter(matches).map((t) => exportTaskView(ctx, t)) };
    }
    const limit = pageLimit(input.MaxResults, 1, 500);
    const { page, more } = takePage(exportTasks.scan(ctx, { after: startAfter(ctx, input.NextToken) }), matches, limit);
    return {
      ExportImageTasks: page.map((t) => exportTaskView(ctx, t)),
      NextToken: more ? nextToken(ctx, page[page.length - 1].ExportImageTaskId) : undefined,
    };
  },

  // "Cancels an active export task ... If the export task is complete or is in the process of transferring the
  // final disk image, the command fails and returns an error" (CancelExportTask reference).
  CancelExportTask(ctx, { ExportTaskId }) {
    const t = findExportTask(ctx, ExportTaskId);
    const { status } = exportStatus(exportState(ctx, t));
    if (status !== "active")
      throw new ServiceError("IncorrectState", `The export task ${ExportTaskId} is ${status} and cannot be canceled.`);
    t.schedule = [
      ...t.schedule.filter((s) => s.at <= ctx.now),
      ...plan(ctx.now, ["deleting", ctx.timings.seconds("importCancel")], ["deleted", RETENTION_SECONDS], [GONE]),
    ];
    t.reason = DEFAULT_CANCEL_REASON;
    exportTasks.put(ctx, t);
    return {};
  },
};
