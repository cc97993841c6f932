// Root volume replacement (CreateReplaceRootVolumeTask and DescribeReplaceRootVolumeTasks references; "Replace the
// root volume for an Amazon EC2 instance", replace-root.html). A task replaces the EBS root volume of an instance
// of the caller's, running or stopped, with a new volume restored to the root volume's launch state (the snapshot
// it was created from), to a snapshot taken of that root volume, or from an AMI (its root device's snapshot, of
// the same architecture as the instance). The task is `pending` for a phase, `in-progress` for another, then
// `succeeded`: the old root volume is detaching while it runs and, once it has, available (or deleted with
// DeleteReplacedRootVolume); the new one is creating meanwhile and attached under the root device name from then,
// with the old one's DeleteOnTermination. Everything is written when the task is made, with its times, so that
// no timer runs. An instance has one task under way at a time.
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import { collection } from "../../../state/collection";
import { plan, stateAt } from "../../../state/lifecycle";
import { schema, unchecked, type RecordOf } from "../../../state/record-schema";
import { hexId } from "../../../util/ids";
import type { Ec2Handlers, ReplaceRootVolumeTask, ReplaceRootVolumeTaskState } from "../api.generated";
import { idempotent } from "../client-tokens";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { findImage } from "../images/access";
import { amiState, GONE } from "../images/records";
import { findInstance, instanceState } from "../instances/records";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { canCreateVolume, findSnapshot, snapshotNotFound } from "../snapshots/access";
import { snapshotState } from "../snapshots/records";
import { putTags, tagList, tagsFor } from "../tags/records";
import { incorrectState } from "./errors";
import { attachedVolumes, saveVolume, type VolumeRecord } from "./records";

const taskSchema = schema({
  ReplaceRootVolumeTaskId: "string",
  InstanceId: "string",
  ImageId: unchecked<string | undefined>(),
  SnapshotId: unchecked<string | undefined>(),
  DeleteReplacedRootVolume: "boolean",
  /** pending → in-progress → succeeded. */
  schedule: "schedule",
  startedAt: "time",
  completedAt: "time",
  oldVolumeId: "string",
  newVolumeId: "string",
});
type TaskRecord = RecordOf<typeof taskSchema>;

/** In the caller's partition, keyed by task id. */
export const replaceRootVolumeTasks = collection<TaskRecord>({
  type: "ec2.replace-root-volume-task",
  schema: taskSchema,
  key: (r) => r.ReplaceRootVolumeTaskId,
});

const TASK_ID = /^replacevol-[0-9a-f]{17}$/;
const taskNotFound = (id: string) =>
  new ServiceError("InvalidReplaceRootVolumeTaskId.NotFound", `The replace root volume task ID '${id}' does not exist.`);

const taskState = (ctx: RequestContext, r: TaskRecord) => stateAt(r.schedule, ctx.now) as ReplaceRootVolumeTaskState;

function view(ctx: RequestContext, r: TaskRecord): ReplaceRootVolumeTask {
  const state = taskState(ctx, r);
  return {
    ReplaceRootVolumeTaskId: r.ReplaceRootVolumeTaskId,
    InstanceId: r.InstanceId,
    TaskState: state,
    StartTime: new Date(r.startedAt).toISOString(),
    CompleteTime: state === "succeeded" ? new Date(r.completedAt).toISOString() : undefined,
    Tags: tagList(ctx, r.ReplaceRootVolumeTaskId) ?? [],
    ImageId: r.ImageId,
    SnapshotId: r.SnapshotId,
    DeleteReplacedRootVolume: r.DeleteReplacedRootVolume,
  };
}

/** The snapshot and size the new root volume is restored from. */
function source(
  ctx: RequestContext,
  root: VolumeRecord,
  input: { SnapshotId?: string; ImageId?: string },
  architecture: string,
): { snapshotId?: string; size: number } {
  if (input.SnapshotId !== undefined && input.ImageId !== undefined) {
    throw err.invalidCombination("The parameters SnapshotId and ImageId cannot be used together.");
  }
  if (input.SnapshotId !== undefined) {
    const snap = findSnapshot(ctx, input.SnapshotId);
    if (!canCreateVolume(ctx, snap)) throw snapshotNotFound(input.SnapshotId);
    if (snap.VolumeId !== root.VolumeId) {
      throw err.invalidValue(`The snapshot '${input.SnapshotId}' was not taken from the root volume '${root.VolumeId}' of the instance.`);
    }
    const state = snapshotState(ctx, snap);
    if (state !== "completed") throw incorrectState(`Snapshot '${input.SnapshotId}' is currently in invalid state - ${state}`);
    return { snapshotId: snap.SnapshotId, size: Math.max(root.Size, snap.VolumeSize) };
  }
  if (input.ImageId !== undefined) {
    const ami = findImage(ctx, input.ImageId);
    if (amiState(ctx, ami) !== "available") throw err.amiUnavailable(`The image id '[${input.ImageId}]' is not available.`);
    if (ami.Architecture !== architecture) {
      throw err.invalidValue(
        `The AMI '${input.ImageId}' (${ami.Architecture}) does not match the instance's architecture (${architecture}).`,
      );
    }
    const rootMapping = ami.BlockDeviceMappings.find((m) => m.DeviceName === ami.RootDeviceName);
    if (!rootMapping?.Ebs?.SnapshotId) throw err.invalidValue(`The AMI '${input.ImageId}' is not EBS-backed.`);
    return { snapshotId: rootMapping.Ebs.SnapshotId, size: rootMapping.Ebs.VolumeSize ?? root.Size };
  }
  // The launch state: the snapshot the root volume was created from.
  return { snapshotId: root.SnapshotId, size: root.Size };
}

export const replaceRootVolumeHandlers: Pick<Ec2Handlers, "CreateReplaceRootVolumeTask" | "DescribeReplaceRootVolumeTasks"> = {
  CreateReplaceRootVolumeTask(ctx, input) {
    const { ReplaceRootVolumeTaskId } = idempotent(ctx, input, () => {
      const inst = findInstance(ctx, input.InstanceId);
      const istate = instanceState(ctx, inst);
      if (istate !== "running" && istate !== "stopped") {
        throw err.incorrectInstanceState(`The instance '${input.InstanceId}' is not in the running or stopped state.`);
      }
      if (input.VolumeInitializationRate !== undefined && (input.VolumeInitializationRate < 100 || input.VolumeInitializationRate > 300)) {
        throw err.invalidValue(
          `Value (${input.VolumeInitializationRate}) for parameter VolumeInitializationRate is invalid. Expected a value from 100 to 300 MiB/s.`,
        );
      }
      const tags = tagsFor(input.TagSpecifications, "replace-root-volume-task");
      for (const t of replaceRootVolumeTasks.scan(ctx)) {
        if (t.InstanceId === input.InstanceId && taskState(ctx, t) !== "succeeded") {
          throw incorrectState(
            `The instance '${input.InstanceId}' has a root volume replacement task under way: ${t.ReplaceRootVolumeTaskId}.`,
          );
        }
      }
      const root = attachedVolumes(ctx, input.InstanceId).find((v) => v.attachment!.Device === inst.RootDeviceName);
      if (!root) throw incorrectState(`The instance '${input.InstanceId}' has no EBS root volume attached.`);
      const from = source(ctx, root, input, inst.Architecture);
      const phase = ctx.timings.seconds("volumeCreate");
      const inProgressAt = ctx.now + phase * 1000;
      const doneAt = ctx.now + 2 * phase * 1000;
      const a = root.attachment!;
      // The old root volume: detaching while the task runs, then available or deleted.
      root.attachment = { ...a, attachingUntil: undefined, detachingAt: inProgressAt, detachedAt: doneAt };
      root.schedule = [
        ...root.schedule.filter((s) => s.at <= ctx.now),
        ...(input.DeleteReplacedRootVolume
          ? plan(ctx.now, ["in-use", 2 * phase], ["deleting", phase], [GONE])
          : plan(ctx.now, ["in-use", 2 * phase], ["available"])),
      ];
      saveVolume(ctx, root);
      // The new one: creating while the task runs, attached as the root device once it succeeds.
      const fresh: VolumeRecord = {
        VolumeId: hexId("vol"),
        owner: ctx.accountId,
        region: ctx.region,
        Size: from.size,
        SnapshotId: from.snapshotId,
        VolumeType: root.VolumeType,
        Iops: root.Iops,
        Throughput: root.Throughput,
        Encrypted: root.Encrypted,
        KmsKeyId: root.KmsKeyId,
        AvailabilityZone: root.AvailabilityZone,
        createdAt: ctx.now,
        schedule: plan(ctx.now, ["creating", 2 * phase], ["in-use"]),
        attachment: { InstanceId: inst.InstanceId, Device: a.Device, DeleteOnTermination: a.DeleteOnTermination, attachedAt: doneAt },
        initializationRate: input.VolumeInitializationRate,
      };
      saveVolume(ctx, fresh);
      const task: TaskRecord = {
        ReplaceRootVolumeTaskId: hexId("replacevol"),
        InstanceId: inst.InstanceId,
        ImageId: input.ImageId,
        SnapshotId: input.SnapshotId,
        DeleteReplacedRootVolume: !!input.DeleteReplacedRootVolume,
        schedule: plan(ctx.now, ["pending", phase], ["in-progress", phase], ["succeeded"]),
        startedAt: ctx.now,
        completedAt: doneAt,
        oldVolumeId: root.VolumeId,
        newVolumeId: fresh.VolumeId,
      };
      replaceRootVolumeTasks.put(ctx, task);
      if (tags.length) putTags(ctx, task.ReplaceRootVolumeTaskId, "replace-root-volume-task", tags, true);
      return { ReplaceRootVolumeTaskId: task.ReplaceRootVolumeTaskId };
    });
    return { ReplaceRootVolumeTask: view(ctx, replaceRootVolumeTasks.get(ctx, ReplaceRootVolumeTaskId)!) };
  },

  DescribeReplaceRootVolumeTasks(ctx, input) {
    const ids = input.ReplaceRootVolumeTaskIds ?? [];
    for (const id of ids) if (!TASK_ID.test(id)) throw err.invalidValue(`Invalid replace root volume task ID: '${id}'`);
    const matches = compileFilters<ReplaceRootVolumeTask>(input.Filters, {
      fields: { "instance-id": (t) => t.InstanceId, "task-state": (t) => t.TaskState },
    });
    if (ids.length) {
      if (input.MaxResults !== undefined) {
        throw err.invalidCombination("The parameter ReplaceRootVolumeTaskIds cannot be used with the parameter MaxResults");
      }
      const found = [...new Set(ids)].map((id) => {
        const t = replaceRootVolumeTasks.get(ctx, id);
        if (!t) throw taskNotFound(id);
        return view(ctx, t);
      });
      return { ReplaceRootVolumeTasks: found.filter(matches) };
    }
    const limit = pageLimit(input.MaxResults, 1, 50);
    const rows = (function* () {
      for (const { value } of replaceRootVolumeTasks.entries(ctx, {
        after: startAfter(ctx, input.NextToken),
        batch: Math.min(limit + 1, 100),
      }))
        yield view(ctx, value);
    })();
    const { page, more } = takePage(rows, matches, limit);
    return {
      ReplaceRootVolumeTasks: page,
      NextToken: more ? nextToken(ctx, page[page.length - 1].ReplaceRootVolumeTaskId!) : undefined,
    };
  },
};
