// VM import: ImportImage, DescribeImportImageTasks and CancelImportTask. ImportImage stores the task with its
// whole schedule and, in the same transaction, the AMI it will produce, hidden (GONE) until the task
// completes; cancelling deletes that AMI, and a task that is to fail (a fault rule) never gets one. Reads are
// thus pure functions of the store and the clock.
import { ServiceError } from "../../../errors/service-error";
import type { RequestContext } from "../../../gateway/context";
import { inPartition } from "../../../state/collection";
import { plan, type Schedule } from "../../../state/lifecycle";
import { compileFilters } from "../filters";
import { hexId } from "../../../util/ids";
import type { Ec2Handlers, ImportImageRequest } from "../api.generated";
import * as err from "../errors";
import { amis, saveImage } from "../images/access";
import { checkImportImage, invalidParameter } from "./request";
import {
  ACTIVE_STEPS,
  activeState,
  findTask,
  importTasks,
  RETENTION_SECONDS,
  saveTask,
  statusOf,
  STEPS_BEFORE_FAILURE,
  storedTask,
  taskState,
  taskView,
  type ImportTaskRecord,
} from "./records";
import { createAmi } from "../images/handlers";
import { dropSnapshots } from "../images/backing-snapshots";
import { storeSnapshot } from "../snapshots/access";
import { COPY_VOLUME_ID } from "../snapshots/records";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { amiNames, GONE, partitionOf } from "../images/records";
import { clientToken } from "../client-tokens";
import { putTags, tagMap, tagsFor } from "../tags/records";
import { cancelSnapshotImport, IMPORT_SNAPSHOT_TASK_ID } from "./snapshot-tasks";

/** VM Import/Export quotas: at most 20 import image tasks in progress per Region. */
const MAX_ACTIVE_TASKS = 20;
const DEFAULT_FAILURE = "ClientError: Unsupported kernel version";
const DEFAULT_CANCEL_REASON = "User initiated task cancelation";

function checkQuota(ctx: RequestContext): void {
  let active = 0;
  for (const t of importTasks.scan(ctx)) if (statusOf(taskState(ctx, t)).status === "active") active++;
  if (active >= MAX_ACTIVE_TASKS) {
    throw new ServiceError(
      "ResourceCountLimitExceeded",
      `You have reached the limit of ${MAX_ACTIVE_TASKS} active import image tasks in this Region.`,
    );
  }
}

/** Every active step, then completed, or (on demand) the first steps then a failure; then 7 days of retention. */
function taskSchedule(ctx: RequestContext, failing: boolean): Schedule {
  const step = ctx.timings.seconds("importStep");
  const active = ACTIVE_STEPS.slice(0, failing ? STEPS_BEFORE_FAILURE : undefined).map(([m]) => [activeState(m), step] as [string, number]);
  const end: [string, number?][] = failing
    ? [["deleting", ctx.timings.seconds("importCancel")], ["deleted", RETENTION_SECONDS], [GONE]]
    : [["completed", RETENTION_SECONDS], [GONE]];
  return plan(ctx.now, ...active, ...end);
}

const completedAt = (s: Schedule) => s.find((x) => x.state === "completed")!.at;

/** Billing of the imported AMI ("AMI billing information" usage operations): Windows, Windows BYOL, Linux. */
function billing(platform: string, license: string): { PlatformDetails: string; UsageOperation: string } {
  if (platform !== "Windows") return { PlatformDetails: "Linux/UNIX", UsageOperation: "RunInstances" };
  return license === "BYOL"
    ? { PlatformDetails: "Windows BYOL", UsageOperation: "RunInstances:0800" }
    : { PlatformDetails: "Windows", UsageOperation: "RunInstances:0002" };
}

/** The AMI the task produces: named after the task as VM Import names it, invisible until the task completes. */
function createImportedAmi(ctx: RequestContext, t: ImportTaskRecord): string {
  // Its snapshots, like the AMI, appear when the task completes.
  const appear = [
    { state: GONE, at: ctx.now },
    { state: "completed", at: completedAt(t.schedule) },
  ];
  for (const d of t.disks) {
    storeSnapshot(
      ctx,
      {
        SnapshotId: d.SnapshotId,
        VolumeId: COPY_VOLUME_ID,
        VolumeSize: Math.max(1, Math.ceil(d.DiskImageSize / 1024 ** 3)),
        Description: `Created by AWS-VMImport service for ${t.ImportTaskId}`,
        Encrypted: t.Encrypted,
        KmsKeyId: t.KmsKeyId,
      },
      appear,
    );
  }
  const rec = createAmi(
    ctx,
    {
      Name: t.ImportTaskId,
      Description: t.Description,
      Architecture: t.Architecture,
      Platform: t.Platform === "Windows" ? "windows" : undefined,
      PlatformDetails: billing(t.Platform, t.LicenseType).PlatformDetails,
      UsageOperation: t.UsageOperation,
      RootDeviceName: t.disks[0].DeviceName,
      RootDeviceType: "ebs",
      VirtualizationType: "hvm",
      EnaSupport: true,
      BootMode: t.BootMode,
      BlockDeviceMappings: t.disks.map((d) => ({
        DeviceName: d.DeviceName,
        Ebs: {
          DeleteOnTermination: true,
          SnapshotId: d.SnapshotId,
          VolumeType: "gp2",
          Encrypted: t.Encrypted,
          KmsKeyId: t.KmsKeyId,
          VolumeSize: Math.max(1, Math.ceil(d.DiskImageSize / 1024 ** 3)),
        },
      })),
    },
    "amiRegister",
  );
  rec.schedule = [
    { state: GONE, at: ctx.now },
    { state: "available", at: completedAt(t.schedule) },
  ];
  saveImage(ctx, rec);
  return rec.ImageId;
}

function importImage(ctx: RequestContext, input: ImportImageRequest, clientToken: string | undefined): ImportTaskRecord {
  const disks = checkImportImage(input);
  const tags = tagsFor(input.TagSpecifications, "import-image-task");
  checkQuota(ctx);
  const platform = input.Platform ?? "Linux";
  const license = input.LicenseType ?? (platform === "Windows" ? "AWS" : "BYOL");
  const t: ImportTaskRecord = {
    ImportTaskId: hexId("import-ami"),
    owner: ctx.accountId,
    region: ctx.region,
    createdAt: ctx.now,
    Architecture: input.Architecture ?? "x86_64",
    Description: input.Description,
    Encrypted: input.Encrypted ?? false,
    Hypervisor: input.Hypervisor,
    KmsKeyId: input.KmsKeyId,
    LicenseType: license,
    Platform: platform,
    UsageOperation: input.UsageOperation ?? billing(platform, license).UsageOperation,
    BootMode: input.BootMode,
    LicenseSpecifications: input.LicenseSpecifications?.map((l) => ({ LicenseConfigurationArn: l.LicenseConfigurationArn })),
    disks,
    schedule: taskSchedule(ctx, !!ctx.failure),
    clientToken,
  };
  if (ctx.failure) t.reason = ctx.failure.reason ?? DEFAULT_FAILURE;
  else t.ImageId = createImportedAmi(ctx, t);
  saveTask(ctx, t);
  if (tags.length) putTags(ctx, t.ImportTaskId, "import-image-task", tags);
  return t;
}

export const importTaskHandlers: Pick<Ec2Handlers, "ImportImage" | "DescribeImportImageTasks" | "CancelImportTask"> = {
  ImportImage(ctx, input) {
    // ClientToken (not marked in the model): the same token with the same parameters answers the task it
    // started while that task is listed; afterwards the token starts a new one.
    const token = clientToken(ctx, input, "ClientToken");
    const seen = token?.seen();
    const existing = seen && storedTask(ctx, String(seen.ImportTaskId));
    const t = existing ?? importImage(ctx, input, token?.id);
    if (token && !existing) token.keep({ ImportTaskId: t.ImportTaskId });
    const { BootMode: _b, ...view } = taskView(ctx, t, existing ? undefined : t.schedule[0].state);
    return view;
  },

  DescribeImportImageTasks(ctx, input) {
    const matches = compileFilters<ImportTaskRecord>(input.Filters, {
      fields: { "task-state": (t) => statusOf(taskState(ctx, t)).status },
      tags: (t) => tagMap(ctx, t.ImportTaskId),
    });
    const ids = input.ImportTaskIds ?? [];
    if (ids.length) {
      const found = [...new Set(ids)].map((id) => findTask(ctx, id));
      return { ImportImageTasks: found.filter(matches).map((t) => taskView(ctx, t)) };
    }
    // The API reference states no range for MaxResults; EC2's usual 1-1000 is enforced.
    const limit = pageLimit(input.MaxResults, 1, 1000);
    const { page, more } = takePage(importTasks.scan(ctx, { after: startAfter(ctx, input.NextToken) }), matches, limit);
    return {
      ImportImageTasks: page.map((t) => taskView(ctx, t)),
      NextToken: more ? nextToken(ctx, page[page.length - 1].ImportTaskId) : undefined,
    };
  },

  CancelImportTask(ctx, { ImportTaskId, CancelReason }) {
    if (ImportTaskId === undefined) throw err.missingParameter("ImportTaskId");
    if (IMPORT_SNAPSHOT_TASK_ID.test(ImportTaskId)) return cancelSnapshotImport(ctx, ImportTaskId, CancelReason);
    const t = findTask(ctx, ImportTaskId);
    const { status } = statusOf(taskState(ctx, t));
    if (status !== "active") throw invalidParameter(`The import task ${ImportTaskId} is ${status} and cannot be canceled.`);
    t.schedule = [
      ...t.schedule.filter((s) => s.at <= ctx.now),
      ...plan(ctx.now, ["deleting", ctx.timings.seconds("importCancel")], ["deleted", RETENTION_SECONDS], [GONE]),
    ];
    t.reason = CancelReason ?? DEFAULT_CANCEL_REASON;
    // The hidden AMI goes with the task: it never appears.
    if (t.ImageId) {
      amis.delete(inPartition(ctx, partitionOf(t.owner, t.region)), t.ImageId);
      amiNames.delete(ctx, t.ImportTaskId);
      dropSnapshots(
        ctx,
        t.disks.map((d) => d.SnapshotId),
      );
      t.ImageId = undefined;
    }
    saveTask(ctx, t);
    return { ImportTaskId, PreviousState: status, State: "deleting" };
  },
};
