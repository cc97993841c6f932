// AttachVolume and DetachVolume (their API references; "Attach an Amazon EBS volume to an instance",
// ebs-attaching-volume.html; "Detach an Amazon EBS volume", ebs-detaching-volume.html; "Device names on
// Linux instances", device_naming.html). An available volume attaches to a running or stopped instance of the
// caller in the same zone, under a device name the instance does not use, within the instance's attachments
// (block-device-limits.ts): the volume is `in-use` at once and its attachment `attaching` for a phase, then
// `attached`. Detaching is `detaching` for a phase, then the volume is `available`; a running instance's root
// volume cannot be detached. A volume attaches to one instance at a time.
import { plan } from "../../../state/lifecycle";
import { ServiceError } from "../../../errors/service-error";
import type { Ec2Handlers, VolumeAttachment } from "../api.generated";
import * as err from "../errors";
import { attachmentLimitExceeded, MAX_ATTACHMENTS } from "../instances/block-device-limits";
import { findInstance, instanceState } from "../instances/records";
import { incorrectState, zoneMismatch } from "./errors";
import { attachedVolumes, attachmentAt, attachmentView, findVolume, saveVolume, volumeState } from "./records";

/** /dev/sd[a-z], /dev/xvd[a-z], /dev/hd[a-z] (with a second letter or a partition 1-15), or xvd[a-z] as Windows names them. */
const DEVICE_NAME = /^(\/dev\/(sd|xvd|hd)[a-z]{1,2}([1-9]|1[0-5])?|xvd[a-z]{1,2})$/;

export function checkDeviceName(device: string): void {
  if (!DEVICE_NAME.test(device)) {
    throw err.invalidValue(`Value (${device}) for parameter device is invalid. ${device} is not a valid EBS device name.`);
  }
}

const invalidAttachment = (message: string) => new ServiceError("InvalidAttachment.NotFound", message);

export const attachmentHandlers: Pick<Ec2Handlers, "AttachVolume" | "DetachVolume"> = {
  AttachVolume(ctx, { VolumeId, InstanceId, Device }) {
    const v = findVolume(ctx, VolumeId);
    const inst = findInstance(ctx, InstanceId);
    checkDeviceName(Device);
    const current = attachmentAt(ctx, v);
    if (current) {
      throw err.volumeInUse(
        current.InstanceId === InstanceId
          ? `${VolumeId} is already attached to ${InstanceId}`
          : `${VolumeId} is already attached to an instance`,
      );
    }
    const state = volumeState(ctx, v);
    if (state !== "available") throw incorrectState(`${VolumeId} is not 'available'.`);
    const istate = instanceState(ctx, inst);
    if (istate !== "running" && istate !== "stopped") {
      throw err.incorrectInstanceState(`Instance '${InstanceId}' is not 'running'.`);
    }
    if (v.AvailabilityZone !== inst.Placement.AvailabilityZone) throw zoneMismatch(VolumeId, InstanceId);
    const attached = attachedVolumes(ctx, InstanceId);
    if (attached.some((x) => x.attachment!.Device === Device)) {
      throw err.invalidValue(`Invalid value '${Device}' for unixDevice. Attachment point ${Device} is already in use`);
    }
    // One network interface at least shares the instance's attachments with its volumes.
    if (attached.length + 2 > MAX_ATTACHMENTS) throw attachmentLimitExceeded(attached.length + 2);
    v.attachment = {
      InstanceId,
      Device,
      DeleteOnTermination: false,
      attachedAt: ctx.now,
      attachingUntil: ctx.now + ctx.timings.seconds("volumeCreate") * 1000,
    };
    v.schedule = [...v.schedule.filter((s) => s.at <= ctx.now), ...plan(ctx.now, ["in-use"])];
    saveVolume(ctx, v);
    return attachmentView(ctx, v) as VolumeAttachment;
  },

  DetachVolume(ctx, { VolumeId, InstanceId, Device, Force }) {
    const v = findVolume(ctx, VolumeId);
    if (InstanceId !== undefined) findInstance(ctx, InstanceId);
    const a = attachmentAt(ctx, v);
    if (!a) throw incorrectState(`Volume '${VolumeId}' is in the '${volumeState(ctx, v)}' state.`);
    if ((InstanceId !== undefined && InstanceId !== a.InstanceId) || (Device !== undefined && Device !== a.Device)) {
      throw invalidAttachment(`The volume '${VolumeId}' is not attached to ${InstanceId ?? a.InstanceId} as ${Device ?? a.Device}.`);
    }
    const view = attachmentView(ctx, v)!;
    if (view.State === "detaching") return view;
    const inst = findInstance(ctx, a.InstanceId);
    if (inst.RootDeviceName === a.Device && instanceState(ctx, inst) !== "stopped") {
      throw incorrectState(`Unable to detach root volume '${VolumeId}' from instance '${a.InstanceId}'`);
    }
    // A forced detachment does not wait for the instance to let go of the volume.
    const seconds = Force ? 0 : ctx.timings.seconds("volumeCreate");
    const detachedAt = ctx.now + seconds * 1000;
    v.attachment = { ...a, attachingUntil: undefined, detachingAt: ctx.now, detachedAt };
    v.schedule = [...v.schedule.filter((s) => s.at <= ctx.now), ...plan(ctx.now, ["in-use", seconds], ["available"])];
    saveVolume(ctx, v);
    return { ...view, State: "detaching" };
  },
};
