// Image export tasks (CreateExportImageTask, GetExportImageTask, ListExportImageTasks in the AppStream API
// reference): an AppStream image "in an available state and owned by your account" becomes an EC2 AMI of the
// caller in the same region, with the AMI name ("unique within your account and region"), description and tags
// the task gives (TagSpecifications: "The tags to apply to the exported AMI"). The reverse of CreateImportedImage.
// The task is EXPORTING while the AMI is pending and COMPLETED when it is available: one schedule for both, so
// EC2 DescribeImages and GetExportImageTask never disagree. A fault rule makes the task end FAILED with its
// error details, and then no AMI is made.
import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import { plan, stateAt } from "../../../state/lifecycle";
import { ServiceError } from "../../../errors/service-error";
import { inPartitionOf } from "../../../util/arn";
import { amiNameTaken, createExportedAmi } from "../../ec2/shared";
import type { AppStreamHandlers, ExportImageTask, ExportImageTaskState, Filter } from "../api.generated";
import * as err from "../errors";
import { catalogImage } from "../images/catalog";
import { getOwnImage, imageState, sharedByName } from "../images/handlers";
import { collectionPage } from "../paging";
import { exportTasks, type ExportTaskRecord } from "./records";

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::[0-9]{12}:role\/[\w+=,.@\-/]{1,512}$/;
const DEFAULT_FAILURE = "The image could not be exported because of an internal service error.";
/** Root volume of the AMI, in GiB: the smallest root volume an AppStream instance has. */
const ROOT_VOLUME_GIB = 200;
const LINUX_PLATFORMS = new Set(["AMAZON_LINUX2", "RHEL8", "ROCKY_LINUX8", "UBUNTU_PRO_2404"]);

function taskView(ctx: RequestContext, r: ExportTaskRecord): ExportImageTask {
  const State = stateAt(r.schedule, ctx.now) as ExportImageTaskState;
  return {
    TaskId: r.TaskId,
    ImageArn: r.ImageArn,
    AmiName: r.AmiName,
    CreatedDate: new Date(r.createdAt),
    ...(r.AmiDescription !== undefined ? { AmiDescription: r.AmiDescription } : {}),
    State,
    ...(r.AmiId ? { AmiId: r.AmiId } : {}),
    ...(Object.keys(r.tags).length ? { TagSpecifications: { ...r.tags } } : {}),
    ...(State === "FAILED" && r.ErrorDetails ? { ErrorDetails: r.ErrorDetails.map((e) => ({ ...e })) } : {}),
  };
}

/** The image to export: the caller's own, AVAILABLE. */
function exportableImage(ctx: RequestContext, name: string) {
  const rec = getOwnImage(ctx, name);
  if (!rec) {
    if (catalogImage(name) || sharedByName(ctx, name)) {
      throw err.notPermitted(`The image ${name} is not owned by account ${ctx.accountId}: only your own images can be exported.`);
    }
    throw err.notFound(`The image ${name} for account ${ctx.accountId} does not exist.`);
  }
  const state = imageState(ctx, rec);
  if (state !== "AVAILABLE") {
    throw err.notAvailable(`The image ${name} is ${state}. The image must be in an AVAILABLE state for this action to succeed.`);
  }
  return rec;
}

const FILTER_NAMES = new Set(["State", "state", "ImageName", "image-name", "AmiName", "ami-name"]);

/** The filters ListExportImageTasks applies: by state and by image (name or ARN), values of one name ORed. */
function matches(ctx: RequestContext, r: ExportTaskRecord, filters: Filter[]): boolean {
  return filters.every((f) => {
    switch (f.Name) {
      case "State":
      case "state":
        return f.Values.some((v) => v.toUpperCase() === stateAt(r.schedule, ctx.now));
      case "ImageName":
      case "image-name":
        return f.Values.some((v) => v === r.ImageName || v === r.ImageArn);
      default:
        return f.Values.includes(r.AmiName);
    }
  });
}

export const exportTaskHandlers: Pick<AppStreamHandlers, "CreateExportImageTask" | "GetExportImageTask" | "ListExportImageTasks"> = {
  CreateExportImageTask(ctx, input) {
    if (!ROLE_ARN.test(input.IamRoleArn) || !inPartitionOf(input.IamRoleArn, ctx.region)) {
      throw new ServiceError("InvalidRoleException", `The role ${input.IamRoleArn} is not a valid IAM role ARN.`);
    }
    const image = exportableImage(ctx, input.ImageName);
    if (amiNameTaken(ctx, input.AmiName)) {
      throw err.notPermitted(`An AMI named ${input.AmiName} already exists in account ${ctx.accountId} in ${ctx.region}.`);
    }
    const phase = "appstreamExport" as const;
    const tags = { ...(input.TagSpecifications ?? {}) };
    const rec: ExportTaskRecord = {
      TaskId: randomUUID(),
      ImageArn: image.Arn,
      ImageName: image.Name,
      AmiName: input.AmiName,
      AmiDescription: input.AmiDescription,
      IamRoleArn: input.IamRoleArn,
      tags,
      createdAt: ctx.now,
      schedule: plan(ctx.now, ["EXPORTING", ctx.timings.seconds(phase)], [ctx.failure ? "FAILED" : "COMPLETED"]),
    };
    if (ctx.failure) {
      rec.ErrorDetails = [{ ErrorCode: "EXPORT_IMAGE_FAILURE", ErrorMessage: ctx.failure.reason ?? DEFAULT_FAILURE }];
    } else {
      rec.AmiId = createExportedAmi(ctx, {
        Name: input.AmiName,
        Description: input.AmiDescription,
        windows: !LINUX_PLATFORMS.has(image.Platform),
        volumeSize: ROOT_VOLUME_GIB,
        tags,
        phase,
      });
    }
    exportTasks.put(ctx, rec);
    return { ExportImageTask: taskView(ctx, rec) };
  },

  GetExportImageTask(ctx, { TaskId }) {
    if (!TaskId) throw err.notFound("Specify the TaskId of an export image task.");
    const rec = exportTasks.get(ctx, TaskId);
    if (!rec) throw err.notFound(`The export image task ${TaskId} does not exist.`);
    return { ExportImageTask: taskView(ctx, rec) };
  },

  ListExportImageTasks(ctx, input) {
    const filters = input.Filters ?? [];
    for (const f of filters) {
      if (!FILTER_NAMES.has(f.Name)) {
        throw err.validation(`The filter name ${f.Name} is not valid. Valid filter names: State, ImageName, AmiName.`);
      }
    }
    const limit = input.MaxResults && input.MaxResults > 0 ? Math.min(input.MaxResults, 500) : 50;
    const page = collectionPage(
      exportTasks,
      ctx,
      { limit, filter: (r) => matches(ctx, r, filters) },
      `ListExportImageTasks ${JSON.stringify(filters)}`,
      input.NextToken,
    );
    return { ExportImageTasks: page.items.map((r) => taskView(ctx, r)), NextToken: page.nextToken };
  },
};
