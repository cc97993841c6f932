// How VM import tasks (ImportImage) are kept and shown. A task is one record in the caller's partition whose
// schedule holds every step it will go through, so its Status, StatusMessage and Progress are computed from
// the clock when read. The step names follow the VM Import/Export User Guide page "Monitor an import image
// task": an `active` task reports pending, validating, validated, converting, updating, booting, booted and
// preparing ami; then `completed`; a cancelled or failed task goes `deleting` → `deleted`. The Progress
// percentages are imagelite's own (the guide shows only examples). Finished tasks stay listed for 7 days
// (DescribeImportImageTasks reference: tasks active now or completed or canceled in the previous 7 days).
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import { collection } from "../../../state/collection";
import { endsIn, stateAt } from "../../../state/lifecycle";
import { listOf, schema, typed, unchecked, type RecordOf } from "../../../state/record-schema";
import type { ImportImageLicenseConfigurationResponse, ImportImageTask, SnapshotDetail, UserBucketDetails } from "../api.generated";
import { retireToken } from "../client-tokens";
import { GONE } from "../images/records";
import { taggable } from "../resource-types";
import { dropTags, tagList } from "../tags/records";

/** `import-ami-` + 8 (older) or 17 hex digits; CancelImportTask also takes snapshot import ids. */
export const IMPORT_IMAGE_TASK_ID = /^import-ami-([0-9a-f]{8}|[0-9a-f]{17})$/;
export const IMPORT_TASK_ID = /^import-(ami|snap)-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** Seconds a finished task stays listed. */
export const RETENTION_SECONDS = 7 * 24 * 3600;

/** The active steps in order, with the Progress each reports (a percentage, as a string on the wire). */
export const ACTIVE_STEPS: readonly [message: string, progress: string][] = [
  ["pending", "2"],
  ["validating", "10"],
  ["validated", "19"],
  ["converting", "28"],
  ["updating", "41"],
  ["booting", "56"],
  ["booted", "67"],
  ["preparing ami", "79"],
];
/** A failing import gets this far before it is deleted. */
export const STEPS_BEFORE_FAILURE = 4;

const PROGRESS = new Map(ACTIVE_STEPS);

/** Schedule state of an active step: `active:<message>`. */
export const activeState = (message: string) => `active:${message}`;

const diskSchema = schema({
  Description: unchecked<string | undefined>(),
  Format: unchecked<string | undefined>(),
  Url: unchecked<string | undefined>(),
  /** An EBS snapshot given as the source. */
  SourceSnapshotId: unchecked<string | undefined>(),
  DiskImageSize: "count",
  /** The snapshot the completed import leaves (its AMI's block device). */
  SnapshotId: "string",
  DeviceName: "string",
  UserBucket: typed<UserBucketDetails>("object?"),
});
export type DiskRecord = RecordOf<typeof diskSchema>;

const importTaskSchema = schema({
  ImportTaskId: "string",
  owner: "string",
  region: "string",
  createdAt: "time",
  Architecture: "string",
  Description: unchecked<string | undefined>(),
  Encrypted: "boolean",
  Hypervisor: unchecked<string | undefined>(),
  KmsKeyId: unchecked<string | undefined>(),
  LicenseType: "string",
  Platform: "string",
  UsageOperation: "string",
  BootMode: unchecked<ImportImageTask["BootMode"]>(),
  LicenseSpecifications: typed<ImportImageLicenseConfigurationResponse[]>(listOf({}, true)),
  disks: listOf(diskSchema),
  /** The AMI the task produces, hidden until the task completes; absent when the task will fail. */
  ImageId: "string?",
  /** StatusMessage once deleting or deleted: the cancel reason or the failure. */
  reason: "string?",
  schedule: "schedule",
  /** The client token (its clientTokens id) of the ImportImage that started it. */
  clientToken: unchecked<string | undefined>(),
});
export type ImportTaskRecord = RecordOf<typeof importTaskSchema>;

const malformed = (id: string) => new ServiceError("InvalidConversionTaskId.Malformed", `The import task ID '${id}' is malformed.`);
export const taskNotFound = (id: string) => new ServiceError("InvalidConversionTaskId", `The import task ID '${id}' does not exist.`);

const goneAt = (t: ImportTaskRecord) => endsIn(t.schedule, GONE);

/**
 * In the caller's partition, keyed by task id; listed until its retention is over, then purged with its tags and,
 * a day later, the client token that started it.
 */
export const importTasks = collection<ImportTaskRecord>({
  type: "ec2.import-image-task",
  schema: importTaskSchema,
  key: (t) => t.ImportTaskId,
  // Its owner's partition of its region, by its members (what an import checks).
  rules: { partition: (t) => ({ account: t.owner, region: t.region }) },
  live: (t, now) => stateAt(t.schedule, now) !== GONE,
  expires: {
    goneAt,
    purge(scope, id, task) {
      importTasks.delete(scope, id);
      dropTags(scope, id);
      retireToken(scope, task.clientToken, "ImportTaskId", id, goneAt(task)!);
    },
  },
  taggable: taggable("import-image-task", (ctx, id) => findTask(ctx, id)),
});

export const taskState = (ctx: RequestContext, r: ImportTaskRecord): string => stateAt(r.schedule, ctx.now);

/** Status (active, completed, deleting, deleted) and, for an active task, its step. */
export function statusOf(state: string): { status: string; step?: string } {
  const colon = state.indexOf(":");
  return colon < 0 ? { status: state } : { status: state.slice(0, colon), step: state.slice(colon + 1) };
}

/** The caller's task with this id that is still listed, if any. */
export const storedTask = (ctx: RequestContext, id: string): ImportTaskRecord | undefined => importTasks.get(ctx, id);

/** The caller's listed task with this id (CancelImportTask also takes snapshot import ids, which find none), or EC2's error. */
export function findTask(ctx: RequestContext, id: string): ImportTaskRecord {
  if (!IMPORT_TASK_ID.test(id)) throw malformed(id);
  const r = IMPORT_IMAGE_TASK_ID.test(id) ? storedTask(ctx, id) : undefined;
  if (!r) throw taskNotFound(id);
  return r;
}

export const saveTask = (ctx: RequestContext, r: ImportTaskRecord): void => importTasks.put(ctx, r);

function diskView(d: DiskRecord, status: string, step: string | undefined): SnapshotDetail {
  const done = status === "completed";
  return {
    Description: d.Description,
    DeviceName: done ? d.DeviceName : undefined,
    DiskImageSize: d.DiskImageSize,
    Format: d.Format,
    Url: d.Url,
    UserBucket: d.UserBucket,
    SnapshotId: done ? d.SnapshotId : d.SourceSnapshotId,
    Status: status,
    StatusMessage: step,
    Progress: step && PROGRESS.get(step),
  };
}

/** The ImportImageTask shape at the request's time; `state` overrides it (a call shows the state it starts). */
export function taskView(ctx: RequestContext, r: ImportTaskRecord, state = taskState(ctx, r)): ImportImageTask {
  const { status, step } = statusOf(state);
  return {
    ImportTaskId: r.ImportTaskId,
    Architecture: r.Architecture,
    Description: r.Description,
    Encrypted: r.Encrypted,
    Hypervisor: r.Hypervisor,
    KmsKeyId: r.KmsKeyId,
    LicenseType: r.LicenseType,
    Platform: r.Platform,
    UsageOperation: r.UsageOperation,
    BootMode: r.BootMode,
    LicenseSpecifications: r.LicenseSpecifications?.length ? r.LicenseSpecifications : undefined,
    ImageId: status === "completed" ? r.ImageId : undefined,
    Status: status,
    StatusMessage: step ?? (status === "deleting" || status === "deleted" ? r.reason : undefined),
    Progress: step && PROGRESS.get(step),
    SnapshotDetails: r.disks.map((d) => diskView(d, status, step)),
    Tags: tagList(ctx, r.ImportTaskId),
  };
}
