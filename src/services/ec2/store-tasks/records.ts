// How AMI store tasks (CreateStoreImageTask) and the objects they write are kept. imagelite keeps no S3: a bucket
// and an object key are names only, and the "object" is a record in the storing account's partition of its Region
// holding what a restore needs (the AMI's attributes and the sizes of its snapshots).
//
// A store task has no id of its own in EC2: DescribeStoreImageTasks names it by its AMI (AmiId) and lists tasks
// "in reverse chronological order ... only tasks from the past 31 days" (DescribeStoreImageTasks reference). A task
// is keyed here by its start time counted down, then its AMI, so that a scan in key order is newest first and a
// page token is a key. Its StoreTaskState is InProgress, then Completed (or Failed, with StoreTaskFailureReason);
// ProgressPercentage grows with the clock while it is in progress.
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { endsIn, stateAt } from "../../../state/lifecycle";
import { schema, unchecked, type RecordOf } from "../../../state/record-schema";
import type { BlockDeviceMapping, S3ObjectTag, StoreImageTaskResult } from "../api.generated";
import { GONE } from "../images/records";

/** Seconds a task stays listed (31 days). */
export const STORE_RETENTION_SECONDS = 31 * 24 * 3600;

/** Keys count down from here (epoch milliseconds, 15 digits until the year 33658). */
const KEY_TIME = 999_999_999_999_999;

export const storeTaskKey = (at: number, amiId: string): string => `${String(KEY_TIME - at).padStart(15, "0")}-${amiId}`;

const storeTaskSchema = schema({
  key: "string",
  owner: "string",
  region: "string",
  createdAt: "time",
  AmiId: "string",
  Bucket: "string",
  S3objectKey: "string",
  /** InProgress → Completed or Failed → GONE. */
  schedule: "schedule",
  /** StoreTaskFailureReason of a failed task. */
  reason: "string?",
});
export type StoreTaskRecord = RecordOf<typeof storeTaskSchema>;

export const storeTasks = collection<StoreTaskRecord, string, "ami">({
  type: "ec2.store-image-task",
  schema: storeTaskSchema,
  key: (t) => t.key,
  rules: { partition: (t) => ({ account: t.owner, region: t.region }) },
  indexes: { ami: (t) => t.AmiId },
  live: (t, now) => stateAt(t.schedule, now) !== GONE,
  expires: {
    goneAt: (t) => endsIn(t.schedule, GONE),
    purge(scope, id) {
      storeTasks.delete(scope, id);
    },
  },
});

export const storeState = (ctx: RequestContext, t: StoreTaskRecord): string => stateAt(t.schedule, ctx.now);

/** The StoreImageTaskResult shape at the request's time. */
export function storeTaskView(ctx: RequestContext, t: StoreTaskRecord): StoreImageTaskResult {
  const state = storeState(ctx, t);
  const start = t.schedule[0].at;
  const end = t.schedule[1].at;
  const progress =
    state === "InProgress"
      ? Math.min(99, Math.floor(((ctx.now - start) / Math.max(1, end - start)) * 100))
      : state === "Completed"
        ? 100
        : undefined;
  return {
    AmiId: t.AmiId,
    TaskStartTime: new Date(t.createdAt),
    Bucket: t.Bucket,
    S3objectKey: t.S3objectKey,
    ProgressPercentage: progress,
    StoreTaskState: state,
    StoreTaskFailureReason: state === "Failed" ? t.reason : undefined,
  };
}

/** What a restore makes an AMI of: the stored AMI's attributes, its mappings with every snapshot's size. */
export interface StoredImage {
  Name: string;
  Description?: string;
  Architecture: string;
  Platform?: "windows";
  PlatformDetails: string;
  UsageOperation: string;
  RootDeviceName?: string;
  VirtualizationType: string;
  EnaSupport?: boolean;
  SriovNetSupport?: string;
  BootMode?: string;
  TpmSupport?: string;
  ImdsSupport?: string;
  UefiData?: string;
  KernelId?: string;
  RamdiskId?: string;
  BlockDeviceMappings: BlockDeviceMapping[];
  /** The AMI it was stored from. */
  SourceImageId: string;
}

const storedObjectSchema = schema({
  Bucket: "string",
  ObjectKey: "string",
  owner: "string",
  region: "string",
  /** What the object holds once its store completes. */
  image: unchecked<StoredImage | undefined>(),
  S3ObjectTags: unchecked<S3ObjectTag[] | undefined>(),
  /** A store in progress: the object (re)written with `next` at `at`. */
  next: unchecked<{ at: number; image: StoredImage; S3ObjectTags?: S3ObjectTag[] } | undefined>(),
});
export type StoredObjectRecord = RecordOf<typeof storedObjectSchema>;

export const objectId = (bucket: string, key: string): string => `${bucket}/${key}`;

/** The objects stores wrote, by bucket and key; one exists once its first store completes. */
export const storedObjects = collection<StoredObjectRecord>({
  type: "ec2.stored-image-object",
  schema: storedObjectSchema,
  key: (o) => objectId(o.Bucket, o.ObjectKey),
  rules: { partition: (o) => ({ account: o.owner, region: o.region }) },
  live: (o, now) => o.image !== undefined || (o.next !== undefined && o.next.at <= now),
});

/** The object's content at `now`: a completed pending write replaces what was there. */
export function settle(o: StoredObjectRecord, now: number): StoredObjectRecord {
  if (!o.next || o.next.at > now) return o;
  return { ...o, image: o.next.image, S3ObjectTags: o.next.S3ObjectTags, next: undefined };
}
