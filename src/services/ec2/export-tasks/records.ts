// How export image tasks (ExportImage) are kept and shown, as VM import tasks are (import/records.ts): one record
// in the caller's partition whose schedule holds every step, so that Status, StatusMessage and Progress are
// computed from the clock when read. An `active` task reports validating, updating and converting, then is
// `completed`; a cancelled or failed one goes `deleting` → `deleted`. The step names and the Progress of
// `updating` (21) follow the VM Import/Export User Guide's "Monitor an export image task" example; the other
// percentages are imagelite's own. DescribeExportImageTasks filters on task-state (active, completed, deleting,
// deleted). Finished tasks stay listed for 7 days, as import tasks do.
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import { collection } from "../../../state/collection";
import { endsIn, stateAt } from "../../../state/lifecycle";
import { schema, typed, unchecked, type RecordOf } from "../../../state/record-schema";
import type { ExportImageTask, ExportTaskS3Location } from "../api.generated";
import { retireToken } from "../client-tokens";
import { GONE } from "../images/records";
import { taggable } from "../resource-types";
import { dropTags, tagList } from "../tags/records";
import { RETENTION_SECONDS } from "../import/records";

export { RETENTION_SECONDS };

/** `export-ami-` + 17 hex digits (the EC2 error codes page: "in the form export-ami-xxxxxxxxxxxxxxxxx"). */
export const EXPORT_IMAGE_TASK_ID = /^export-ami-([0-9a-f]{8}|[0-9a-f]{17})$/;
/** CancelExportTask takes the ids of instance exports too (ExportVmTaskId): `export-i-`. */
export const EXPORT_TASK_ID = /^export-(ami|i)-([0-9a-f]{8}|[0-9a-f]{17})$/;

export const EXPORT_STEPS: readonly [message: string, progress: string][] = [
  ["validating", "5"],
  ["updating", "21"],
  ["converting", "48"],
];
const PROGRESS = new Map(EXPORT_STEPS);

const exportTaskSchema = schema({
  ExportImageTaskId: "string",
  owner: "string",
  region: "string",
  createdAt: "time",
  ImageId: "string",
  Description: unchecked<string | undefined>(),
  DiskImageFormat: "string",
  RoleName: "string",
  S3ExportLocation: typed<ExportTaskS3Location>("object"),
  /** StatusMessage once deleting or deleted: the cancel reason or the failure. */
  reason: "string?",
  schedule: "schedule",
  clientToken: unchecked<string | undefined>(),
});
export type ExportTaskRecord = RecordOf<typeof exportTaskSchema>;

export const exportTaskMalformed = (id: string) =>
  new ServiceError(
    "InvalidExportTaskID.Malformed",
    `The export task ID '${id}' is malformed. Ensure that you specify the ID in the form export-ami-xxxxxxxxxxxxxxxxx.`,
  );
export const exportTaskNotFound = (id: string) =>
  new ServiceError("InvalidExportTaskID.NotFound", `The export task ID '${id}' does not exist.`);

const goneAt = (t: ExportTaskRecord) => endsIn(t.schedule, GONE);

export const exportTasks = collection<ExportTaskRecord, string, "ami">({
  type: "ec2.export-image-task",
  schema: exportTaskSchema,
  key: (t) => t.ExportImageTaskId,
  rules: { partition: (t) => ({ account: t.owner, region: t.region }) },
  indexes: { ami: (t) => t.ImageId },
  live: (t, now) => stateAt(t.schedule, now) !== GONE,
  expires: {
    goneAt,
    purge(scope, id, task) {
      exportTasks.delete(scope, id);
      dropTags(scope, id);
      retireToken(scope, task.clientToken, "ExportImageTaskId", id, goneAt(task)!);
    },
  },
  taggable: taggable("export-image-task", (ctx, id) => findExportTask(ctx, id)),
});

export const exportState = (ctx: RequestContext, t: ExportTaskRecord): string => stateAt(t.schedule, ctx.now);

/** Status (active, completed, deleting, deleted) and, for an active task, its step. */
export function exportStatus(state: string): { status: string; step?: string } {
  const colon = state.indexOf(":");
  return colon < 0 ? { status: state } : { status: state.slice(0, colon), step: state.slice(colon + 1) };
}

/** The caller's listed export image task with this id, or EC2's error. */
export function findExportTask(ctx: RequestContext, id: string): ExportTaskRecord {
  if (!EXPORT_TASK_ID.test(id)) throw exportTaskMalformed(id);
  const t = EXPORT_IMAGE_TASK_ID.test(id) ? exportTasks.get(ctx, id) : undefined;
  if (!t) throw exportTaskNotFound(id);
  return t;
}

/** The ExportImageTask shape at the request's time; `state` overrides it (a call shows the state it starts). */
export function exportTaskView(ctx: RequestContext, t: ExportTaskRecord, state = exportState(ctx, t)): ExportImageTask {
  const { status, step } = exportStatus(state);
  return {
    ExportImageTaskId: t.ExportImageTaskId,
    Description: t.Description,
    ImageId: t.ImageId,
    S3ExportLocation: t.S3ExportLocation,
    Status: status,
    StatusMessage: step ?? (status === "deleting" || status === "deleted" ? t.reason : undefined),
    Progress: step && PROGRESS.get(step),
    Tags: tagList(ctx, t.ExportImageTaskId),
  };
}

/** The S3 object a completed export writes: `<S3Prefix><task id>.<format>` (the guide's "Monitor an export image task"). */
export const exportObjectKey = (t: ExportTaskRecord): string =>
  `${t.S3ExportLocation.S3Prefix ?? ""}${t.ExportImageTaskId}.${t.DiskImageFormat.toLowerCase()}`;
