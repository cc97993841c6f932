// Importing a disk as a snapshot (VM Import/Export User Guide, vmimport-import-snapshot.html): ImportSnapshot,
// DescribeImportSnapshotTasks, and CancelImportTask for `import-snap-` tasks. A task is kept as an import image task
// is (records.ts): one record whose schedule holds every step, read against the clock. Its SnapshotTaskDetail is
// `active` with the StatusMessage the guide's "Monitor an import snapshot task" shows, pending (Progress 3) then
// downloading/converting (Progress 42), then `completed` with its SnapshotId; a cancelled or failed task goes
// `deleting` → `deleted`. The snapshot is stored with the task, hidden until the task completes; a cancel drops it.
// imagelite keeps no S3: the disk image's bucket and key, or URL, are names, and its size is made up from them.
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import { collection } from "../../../state/collection";
import { endsIn, plan, stateAt, type Schedule } from "../../../state/lifecycle";
import { schema, typed, unchecked, type RecordOf } from "../../../state/record-schema";
import { hexId } from "../../../util/ids";
import type { CancelImportTaskResult, Ec2Handlers, ImportSnapshotRequest, ImportSnapshotTask, UserBucketDetails } from "../api.generated";
import { clientToken, retireToken } from "../client-tokens";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { dropSnapshots } from "../images/backing-snapshots";
import { GONE } from "../images/records";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { taggable } from "../resource-types";
import { storeSnapshot } from "../snapshots/access";
import { COPY_VOLUME_ID } from "../snapshots/records";
import { dropTags, putTags, tagList, tagMap, tagsFor } from "../tags/records";
import { RETENTION_SECONDS, statusOf, taskNotFound } from "./records";
import { invalidParameter, sizeOf } from "./request";

export const IMPORT_SNAPSHOT_TASK_ID = /^import-snap-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** The active steps, with their Progress ("Monitor an import snapshot task"). */
export const SNAPSHOT_STEPS: readonly [message: string, progress: string][] = [
  ["pending", "3"],
  ["downloading/converting", "42"],
];
const PROGRESS = new Map(SNAPSHOT_STEPS);
/** ImportSnapshot's DiskContainer Format: "Valid values: VHD | VMDK | RAW". */
const FORMATS = ["VHD", "VMDK", "RAW"];
const DEFAULT_FAILURE = "ClientError: Disk validation failed [Unsupported specified file format]";
const DEFAULT_CANCEL_REASON = "User initiated task cancelation";

const snapshotTaskSchema = schema({
  ImportTaskId: "string",
  owner: "string",
  region: "string",
  createdAt: "time",
  Description: unchecked<string | undefined>(),
  DiskDescription: unchecked<string | undefined>(),
  Format: "string",
  Url: unchecked<string | undefined>(),
  UserBucket: typed<UserBucketDetails>("object?"),
  DiskImageSize: "count",
  Encrypted: "boolean",
  KmsKeyId: unchecked<string | undefined>(),
  RoleName: "string",
  /** The snapshot the task leaves, hidden until it completes; absent when the task will fail or was cancelled. */
  SnapshotId: "string?",
  reason: "string?",
  schedule: "schedule",
  clientToken: unchecked<string | undefined>(),
});
export type SnapshotTaskRecord = RecordOf<typeof snapshotTaskSchema>;

const goneAt = (t: SnapshotTaskRecord) => endsIn(t.schedule, GONE);

export const snapshotTasks = collection<SnapshotTaskRecord>({
  type: "ec2.import-snapshot-task",
  schema: snapshotTaskSchema,
  key: (t) => t.ImportTaskId,
  rules: { partition: (t) => ({ account: t.owner, region: t.region }) },
  live: (t, now) => stateAt(t.schedule, now) !== GONE,
  expires: {
    goneAt,
    purge(scope, id, task) {
      snapshotTasks.delete(scope, id);
      dropTags(scope, id);
      retireToken(scope, task.clientToken, "ImportTaskId", id, goneAt(task)!);
    },
  },
  taggable: taggable("import-snapshot-task", (ctx, id) => findSnapshotTask(ctx, id)),
});

const malformed = (id: string) => new ServiceError("InvalidConversionTaskId.Malformed", `The import task ID '${id}' is malformed.`);

export function findSnapshotTask(ctx: RequestContext, id: string): SnapshotTaskRecord {
  if (!/^import-(ami|snap)-([0-9a-f]{8}|[0-9a-f]{17})$/.test(id)) throw malformed(id);
  const t = IMPORT_SNAPSHOT_TASK_ID.test(id) ? snapshotTasks.get(ctx, id) : undefined;
  if (!t) throw taskNotFound(id);
  return t;
}

export const snapshotTaskState = (ctx: RequestContext, t: SnapshotTaskRecord): string => stateAt(t.schedule, ctx.now);

/** The ImportSnapshotTask shape at the request's time; `state` overrides it (a call shows the state it starts). */
export function snapshotTaskView(ctx: RequestContext, t: SnapshotTaskRecord, state = snapshotTaskState(ctx, t)): ImportSnapshotTask {
  const { status, step } = statusOf(state);
  return {
    ImportTaskId: t.ImportTaskId,
    Description: t.Description,
    SnapshotTaskDetail: {
      Description: t.DiskDescription,
      DiskImageSize: t.DiskImageSize,
      Encrypted: t.Encrypted,
      KmsKeyId: t.Encrypted ? t.KmsKeyId : undefined,
      Format: t.Format,
      Url: t.Url,
      UserBucket: t.UserBucket,
      SnapshotId: status === "completed" ? t.SnapshotId : undefined,
      Status: status,
      StatusMessage: step ?? (status === "deleting" || status === "deleted" ? t.reason : undefined),
      Progress: step && PROGRESS.get(step),
    },
    Tags: tagList(ctx, t.ImportTaskId),
  };
}

function taskSchedule(ctx: RequestContext, failing: boolean): Schedule {
  const step = ctx.timings.seconds("importSnapshotStep");
  const active = SNAPSHOT_STEPS.map(([m]) => [`active:${m}`, step] as [string, number]);
  const end: [string, number?][] = failing
    ? [["deleting", ctx.timings.seconds("importCancel")], ["deleted", RETENTION_SECONDS], [GONE]]
    : [["completed", RETENTION_SECONDS], [GONE]];
  return plan(ctx.now, ...active, ...end);
}

/** The disk's format as given, or from the file name's extension. */
function formatOf(format: string | undefined, name: string): string {
  const f = format?.toUpperCase() ?? /\.(vhd|vmdk|raw|img)$/i.exec(name)?.[1].toUpperCase().replace("IMG", "RAW");
  if (!f) throw invalidParameter(`DiskContainer: the disk image format could not be determined; specify Format (${FORMATS.join(", ")}).`);
  if (!FORMATS.includes(f))
    throw invalidParameter(`DiskContainer: unsupported disk image format '${format}'. Valid formats are: ${FORMATS.join(", ")}.`);
  return f;
}

function importSnapshot(ctx: RequestContext, input: ImportSnapshotRequest, tokenId: string | undefined): SnapshotTaskRecord {
  const c = input.DiskContainer;
  if (!c) throw err.missingParameter("DiskContainer");
  if ((c.Url === undefined) === (c.UserBucket === undefined))
    throw invalidParameter("DiskContainer must specify exactly one of Url or UserBucket.");
  if (c.Url !== undefined && !/^(https|s3):\/\/[^/]+\/.+/.test(c.Url)) {
    throw invalidParameter(`DiskContainer.Url '${c.Url}' is not valid: use an https:// or s3:// URL of the disk image.`);
  }
  if (c.UserBucket && (!c.UserBucket.S3Bucket || !c.UserBucket.S3Key)) {
    throw err.missingParameter(`DiskContainer.UserBucket.${c.UserBucket.S3Bucket ? "S3Key" : "S3Bucket"}`);
  }
  if (input.KmsKeyId !== undefined && !input.Encrypted) {
    throw err.invalidDependency("The parameter KmsKeyId requires the parameter Encrypted to be true.");
  }
  const source = c.Url ?? `s3://${c.UserBucket!.S3Bucket}/${c.UserBucket!.S3Key}`;
  const format = formatOf(c.Format, source);
  const tags = tagsFor(input.TagSpecifications, "import-snapshot-task");
  const failing = !!ctx.failure;
  const t: SnapshotTaskRecord = {
    ImportTaskId: hexId("import-snap"),
    owner: ctx.accountId,
    region: ctx.region,
    createdAt: ctx.now,
    Description: input.Description,
    DiskDescription: c.Description,
    Format: format,
    Url: c.Url,
    UserBucket: c.UserBucket ? { S3Bucket: c.UserBucket.S3Bucket, S3Key: c.UserBucket.S3Key } : undefined,
    DiskImageSize: sizeOf(source),
    Encrypted: input.Encrypted ?? false,
    KmsKeyId: input.KmsKeyId,
    RoleName: input.RoleName ?? "vmimport",
    reason: failing ? (ctx.failure!.reason ?? DEFAULT_FAILURE) : undefined,
    schedule: taskSchedule(ctx, failing),
    clientToken: tokenId,
  };
  if (!failing) {
    const completed = t.schedule.find((s) => s.state === "completed")!.at;
    const snap = storeSnapshot(
      ctx,
      {
        VolumeId: COPY_VOLUME_ID,
        VolumeSize: Math.max(1, Math.ceil(t.DiskImageSize / 1024 ** 3)),
        Description: `Created by AWS-VMImport service for ${t.ImportTaskId}`,
        Encrypted: t.Encrypted,
        KmsKeyId: t.KmsKeyId,
      },
      [
        { state: GONE, at: ctx.now },
        { state: "completed", at: completed },
      ],
    );
    t.SnapshotId = snap.SnapshotId;
  }
  snapshotTasks.put(ctx, t);
  if (tags.length) putTags(ctx, t.ImportTaskId, "import-snapshot-task", tags);
  return t;
}

/** CancelImportTask for an `import-snap-` id. */
export function cancelSnapshotImport(ctx: RequestContext, id: string, reason: string | undefined): CancelImportTaskResult {
  const t = findSnapshotTask(ctx, id);
  const { status } = statusOf(snapshotTaskState(ctx, t));
  if (status !== "active") throw invalidParameter(`The import task ${id} is ${status} and cannot be canceled.`);
  t.schedule = [
    ...t.schedule.filter((s) => s.at <= ctx.now),
    ...plan(ctx.now, ["deleting", ctx.timings.seconds("importCancel")], ["deleted", RETENTION_SECONDS], [GONE]),
  ];
  t.reason = reason ?? DEFAULT_CANCEL_REASON;
  if (t.SnapshotId) dropSnapshots(ctx, [t.SnapshotId]);
  t.SnapshotId = undefined;
  snapshotTasks.put(ctx, t);
  return { ImportTaskId: id, PreviousState: status, State: "deleting" };
}

export const snapshotTaskHandlers: Pick<Ec2Handlers, "ImportSnapshot" | "DescribeImportSnapshotTasks"> = {
  ImportSnapshot(ctx, input) {
    const token = clientToken(ctx, input, "ClientToken");
    const seen = token?.seen();
    const existing = seen && snapshotTasks.get(ctx, String(seen.ImportTaskId));
    const t = existing || importSnapshot(ctx, input, token?.id);
    if (token && !existing) token.keep({ ImportTaskId: t.ImportTaskId });
    return snapshotTaskView(ctx, t, existing ? undefined : t.schedule[0].state);
  },

  DescribeImportSnapshotTasks(ctx, input) {
    const matches = compileFilters<SnapshotTaskRecord>(input.Filters, {
      fields: { "task-state": (t) => statusOf(snapshotTaskState(ctx, t)).status },
      tags: (t) => tagMap(ctx, t.ImportTaskId),
    });
    const ids = input.ImportTaskIds ?? [];
    if (ids.length) {
      const found = [...new Set(ids)].map((id) => findSnapshotTask(ctx, id));
      return { ImportSnapshotTasks: found.filter(matches).map((t) => snapshotTaskView(ctx, t)) };
    }
    const limit = pageLimit(input.MaxResults, 1, 1000);
    const { page, more } = takePage(snapshotTasks.scan(ctx, { after: startAfter(ctx, input.NextToken) }), matches, limit);
    return {
      ImportSnapshotTasks: page.map((t) => snapshotTaskView(ctx, t)),
      NextToken: more ? nextToken(ctx, page[page.length - 1].ImportTaskId) : undefined,
    };
  },
};
