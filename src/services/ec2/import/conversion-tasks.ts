// The legacy VM import of a single volume (ImportVolume API reference, API_ImportVolume.html; ConversionTask,
// API_ConversionTask.html): ImportVolume, DescribeConversionTasks and CancelConversionTask. A task is kept as the
// other import tasks are (records.ts): one record whose schedule holds every step, read against the clock. Its
// State is `active` (StatusMessage "Pending", then "Converting", BytesConverted growing), then `completed`, when
// the new volume appears in the account; a cancelled task is `cancelling`, then `cancelled` with the reason. A
// task that is complete, or already cancelled, cannot be cancelled ("If the conversion is complete ... the command
// fails"). The volume is stored with the task, hidden until it completes, and dropped by a cancel. imagelite
// keeps no S3: the manifest URL is a name, and the image's parts are taken as uploaded. Only ImportVolume makes
// conversion tasks here: ImportInstance needs an instance converted from the image, which imagelite does not do.
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import { collection } from "../../../state/collection";
import { endsIn, plan, stateAt, type Schedule } from "../../../state/lifecycle";
import { schema, unchecked, type RecordOf } from "../../../state/record-schema";
import type { ConversionTask, ConversionTaskState, DiskImageFormat, Ec2Handlers, ImportVolumeRequest } from "../api.generated";
import * as err from "../errors";
import { GONE } from "../images/records";
import { newVolumeEncryption } from "../ebs-encryption/records";
import { requestedZone, zoneIdOf } from "../volumes/handlers";
import { saveVolume, volumes } from "../volumes/records";
import { VOLUME_TYPES } from "../volumes/types";
import { dropTags } from "../tags/records";
import { hexId } from "../../../util/ids";
import { RETENTION_SECONDS, statusOf, taskNotFound } from "./records";
import { invalidParameter } from "./request";

/** `import-vol-` (ImportVolume) or `import-i-` (ImportInstance) and 8 to 17 lowercase letters and digits. */
export const CONVERSION_TASK_ID = /^import-(vol|i)-[0-9a-z]{8,17}$/;
const IMPORT_VOLUME_ID = /^import-vol-[0-9a-z]{8,17}$/;

/** The active steps: Pending while the parts are checked, then Converting (half the bytes converted). */
export const CONVERSION_STEPS = ["Pending", "Converting"] as const;
/** How long a task may stay active before it expires (ExpirationTime); imagelite's choice, as AWS states none. */
const EXPIRES_AFTER_SECONDS = 7 * 24 * 3600;
const DEFAULT_CANCEL_REASON = "User initiated task cancelation";
/** Legacy imports make magnetic (standard) volumes, so a volume is 1 GiB to 1 TiB. */
const VOLUME_TYPE = "standard";

const conversionTaskSchema = schema({
  ConversionTaskId: "string",
  owner: "string",
  region: "string",
  createdAt: "time",
  Description: unchecked<string | undefined>(),
  AvailabilityZone: "string",
  Format: "string",
  Bytes: "count",
  ImportManifestUrl: "string",
  VolumeSize: "count",
  /** The volume the task leaves, hidden until it completes; absent once cancelled. */
  VolumeId: "string?",
  reason: "string?",
  schedule: "schedule",
});
export type ConversionTaskRecord = RecordOf<typeof conversionTaskSchema>;

const goneAt = (t: ConversionTaskRecord) => endsIn(t.schedule, GONE);

export const conversionTasks = collection<ConversionTaskRecord>({
  type: "ec2.conversion-task",
  schema: conversionTaskSchema,
  key: (t) => t.ConversionTaskId,
  rules: { partition: (t) => ({ account: t.owner, region: t.region }) },
  live: (t, now) => stateAt(t.schedule, now) !== GONE,
  expires: {
    goneAt,
    purge(scope, id) {
      conversionTasks.delete(scope, id);
      dropTags(scope, id);
    },
  },
});

const malformed = (id: string) => new ServiceError("InvalidConversionTaskId.Malformed", `The conversion task ID '${id}' is malformed.`);

export function findConversionTask(ctx: RequestContext, id: string): ConversionTaskRecord {
  if (!CONVERSION_TASK_ID.test(id)) throw malformed(id);
  const t = IMPORT_VOLUME_ID.test(id) ? conversionTasks.get(ctx, id) : undefined;
  if (!t) throw taskNotFound(id);
  return t;
}

/** 8 lowercase letters and digits, as AWS's conversion task ids have. */
function conversionTaskId(): string {
  const hex = hexId("x").slice(2);
  return `import-vol-${BigInt(`0x${hex}`).toString(36).slice(-8).padStart(8, "0")}`;
}

export function conversionTaskView(ctx: RequestContext, t: ConversionTaskRecord, state = stateAt(t.schedule, ctx.now)): ConversionTask {
  const { status, step } = statusOf(state);
  const done = status === "completed";
  return {
    ConversionTaskId: t.ConversionTaskId,
    ExpirationTime: new Date(t.createdAt + EXPIRES_AFTER_SECONDS * 1000).toISOString(),
    ImportVolume: {
      AvailabilityZone: t.AvailabilityZone,
      AvailabilityZoneId: zoneIdOf(ctx, t.AvailabilityZone),
      BytesConverted: done ? t.Bytes : step === "Converting" ? Math.floor(t.Bytes / 2) : 0,
      Description: t.Description,
      Image: { Format: t.Format as DiskImageFormat, ImportManifestUrl: t.ImportManifestUrl, Size: t.Bytes },
      Volume: { Id: done ? t.VolumeId : undefined, Size: t.VolumeSize },
    },
    State: status as ConversionTaskState,
    StatusMessage: step ?? (status === "cancelling" || status === "cancelled" ? t.reason : undefined),
    Tags: [],
  };
}

function checkImportVolume(input: ImportVolumeRequest): void {
  const image = input.Image;
  if (!image) throw err.missingParameter("image");
  if (!input.Volume) throw err.missingParameter("volume");
  if (!(image.Bytes > 0)) throw err.invalidValue(`Value (${image.Bytes}) for parameter image.bytes is invalid. It must be positive.`);
  if (!/^https:\/\/[^/]+\/.+/.test(image.ImportManifestUrl ?? "")) {
    throw invalidParameter(
      `Image.ImportManifestUrl '${image.ImportManifestUrl}' is not valid: use the https:// URL of the import manifest.`,
    );
  }
  const { minSize, maxSize } = VOLUME_TYPES[VOLUME_TYPE];
  const size = input.Volume.Size;
  if (!(size >= minSize && size <= maxSize)) {
    throw err.invalidValue(`Value (${size}) for parameter volume.size is invalid. Expected a size from ${minSize} to ${maxSize} GiB.`);
  }
}

function taskSchedule(ctx: RequestContext): Schedule {
  const step = ctx.timings.seconds("importSnapshotStep");
  return plan(ctx.now, ...CONVERSION_STEPS.map((m) => [`active:${m}`, step] as [string, number]), ["completed", RETENTION_SECONDS], [GONE]);
}

function importVolume(ctx: RequestContext, input: ImportVolumeRequest): ConversionTaskRecord {
  const zone = requestedZone(ctx, input.AvailabilityZone, input.AvailabilityZoneId);
  checkImportVolume(input);
  const t: ConversionTaskRecord = {
    ConversionTaskId: conversionTaskId(),
    owner: ctx.accountId,
    region: ctx.region,
    createdAt: ctx.now,
    Description: input.Description,
    AvailabilityZone: zone,
    Format: input.Image.Format,
    Bytes: input.Image.Bytes,
    ImportManifestUrl: input.Image.ImportManifestUrl,
    VolumeSize: input.Volume.Size,
    schedule: taskSchedule(ctx),
  };
  const completed = t.schedule.find((s) => s.state === "completed")!.at;
  const VolumeId = hexId("vol");
  saveVolume(ctx, {
    VolumeId,
    owner: ctx.accountId,
    region: ctx.region,
    Size: t.VolumeSize,
    VolumeType: VOLUME_TYPE,
    ...newVolumeEncryption(ctx, {}, undefined),
    AvailabilityZone: zone,
    createdAt: completed,
    schedule: [
      { state: GONE, at: ctx.now },
      { state: "available", at: completed },
    ],
  });
  t.VolumeId = VolumeId;
  conversionTasks.put(ctx, t);
  return t;
}

export const conversionTaskHandlers: Pick<Ec2Handlers, "ImportVolume" | "DescribeConversionTasks" | "CancelConversionTask"> = {
  ImportVolume(ctx, input) {
    const t = importVolume(ctx, input);
    return { ConversionTask: conversionTaskView(ctx, t, t.schedule[0].state) };
  },

  DescribeConversionTasks(ctx, input) {
    const ids = input.ConversionTaskIds ?? [];
    const found = ids.length ? [...new Set(ids)].map((id) => findConversionTask(ctx, id)) : [...conversionTasks.scan(ctx, {})];
    return { ConversionTasks: found.map((t) => conversionTaskView(ctx, t)) };
  },

  CancelConversionTask(ctx, input) {
    const id = input.ConversionTaskId;
    const t = findConversionTask(ctx, id);
    const { status } = statusOf(stateAt(t.schedule, ctx.now));
    if (status !== "active") {
      throw new ServiceError("IncorrectState", `The conversion task ${id} is ${status} and cannot be cancelled.`);
    }
    t.schedule = [
      ...t.schedule.filter((s) => s.at <= ctx.now),
      ...plan(ctx.now, ["cancelling", ctx.timings.seconds("importCancel")], ["cancelled", RETENTION_SECONDS], [GONE]),
    ];
    t.reason = input.ReasonMessage ?? DEFAULT_CANCEL_REASON;
    if (t.VolumeId) {
      volumes.delete(ctx, t.VolumeId);
      dropTags(ctx, t.VolumeId);
    }
    t.VolumeId = undefined;
    conversionTasks.put(ctx, t);
  },
};
