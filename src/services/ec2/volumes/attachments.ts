// AttachVolume and DetachVolume (their API references; "Attach an Amazon EBS volume to an instance",
// ebs-attaching-volume.html; "Detach an Amazon EBS volume", ebs-detaching-volume.html; "Device names on
// Linux instances", device_naming.html). An available volume attaches to a running or stopped instance of the
// caller in the same zone, under a device name the instance does not use, within the instance's attachments
// (block-device-limits.ts): the volume is `in-use` at once and its attachment `attaching` for a phase, then
// `attached`. Detaching is `detaching` for a phase, then the volume is `available`; a running instance's root
// volume cannot be detached. A volume attaches to one instance at a time, but a Multi-Attach one (io1, io2) to
// up to 16 ("Attach a volume to multiple instances with Amazon EBS Multi-Attach", ebs-volumes-multi.html): it
// is detached from one instance at a time, named by InstanceId, and is available once detached from all.
import { plan } from "../../../state/lifecycle";
import { ServiceError } from "../../../errors/service-error";
import type { Ec2Handlers, VolumeAttachment } from "../api.generated";
import * as err from "../errors";
import { attachmentLimitExceeded, MAX_ATTACHMENTS } from "../instances/block-device-limits";
import { findInstance, instanceState } from "../instances/records";
import { incorrectState, zoneMismatch } from "./errors";
import { attachedVolumes, attachmentsAt, attachmentViews, findVolume, saveVolume, volumeState, type AttachmentRecord } from "./records";

/** Instances a Multi-Attach volume attaches to at most. */
const MULTI_ATTACH_INSTANCES = 16;

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
    const current = attachmentsAt(ctx, v);
    if (current.some((a) => a.InstanceId === InstanceId)) throw err.volumeInUse(`${VolumeId} is already attached to ${InstanceId}`);
    if (current.length && !v.MultiAttachEnabled) throw err.volumeInUse(`${VolumeId} is already attached to an instance`);
    if (current.length >= MULTI_ATTACH_INSTANCES) {
      throw new ServiceError(
        "AttachmentLimitExceeded",
        `${VolumeId} is attached to ${MULTI_ATTACH_INSTANCES} instances, the most a Multi-Attach volume is.`,
      );
    }
    const state = volumeState(ctx, v);
    if (state !== (current.length ? "in-use" : "available")) throw incorrectState(`${VolumeId} is not 'available'.`);
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
    const made: AttachmentRecord = {
      InstanceId,
      Device,
      DeleteOnTermination: false,
      attachedAt: ctx.now,
      attachingUntil: ctx.now + ctx.timings.seconds("volumeCreate") * 1000,
    };
    if (current.length && current.includes(v.attachment!)) v.moreAttachments = [...(v.moreAttachments ?? []), made];
    else v.attachment = made;
    if (!current.length) v.schedule = [...v.schedule.filter((s) => s.at <= ctx.now), ...plan(ctx.now, ["in-use"])];
    saveVolume(ctx, v);
    return attachmentViews(ctx, findVolume(ctx, VolumeId)).find((x) => x.InstanceId === InstanceId) as VolumeAttachment;
  },

  DetachVolume(ctx, { VolumeId, InstanceId, Device, Force }) {
    const v = findVolume(ctx, VolumeId);
    if (InstanceId !== undefined) findInstance(ctx, InstanceId);
    const current = attachmentsAt(ctx, v);
    if (!current.length) throw incorrectState(`Volume '${VolumeId}' is in the '${volumeState(ctx, v)}' state.`);
    if (current.length > 1 && InstanceId === undefined) throw err.missingParameter("InstanceId");
    const a = current.find((x) => x.InstanceId === InstanceId) ?? current[0];
    if ((InstanceId !== undefined && InstanceId !== a.InstanceId) || (Device !== undefined && Device !== a.Device)) {
      throw invalidAttachment(`The volume '${VolumeId}' is not attached to ${InstanceId ?? a.InstanceId} as ${Device ?? a.Device}.`);
    }
    const view = attachmentViews(ctx, v).find((x) => x.InstanceId === a.InstanceId)!;
    if (view.State === "detaching") return view;
    const inst = findInstance(ctx, a.InstanceId);
    if (inst.RootDeviceName === a.Device && instanceState(ctx, inst) !== "stopped") {
      throw incorrectState(`Unable to detach root volume '${VolumeId}' from instance '${a.InstanceId}'`);
    }
    // A forced detachment does not wait for the instance to let go of the volume.
    const seconds = Force ? 0 : ctx.timings.seconds("volumeCreate");
    const detaching: AttachmentRecord = { ...a, attachingUntil: undefined, detachingAt: ctx.now, detachedAt: ctx.now + seconds * 1000 };
    if (v.attachment === a) v.attachment = detaching;
    else v.moreAttachments = v.moreAttachments!.map((x) => (x === a ? detaching : x));
    v.schedule = [...v.schedule.filter((s) => s.at <= ctx.now), ...plan(ctx.now, ["in-use", seconds], ["available"])];
    saveVolume(ctx, v);
    return { ...view, State: "detaching" };
  },
};
