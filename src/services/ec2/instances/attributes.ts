// ModifyInstanceAttribute and DescribeInstanceAttribute for the attributes image tools touch (the two API
// references). One attribute per call, named by its own member or by Attribute + Value. The instance type,
// user data, EBS optimization, ENA and SR-IOV change only while the instance is stopped ("Change the instance
// type", "Work with instance user data"); kernel, RAM disk and root device name are read here, never changed.
// A volume's DeleteOnTermination is changed through the instance's block device mapping. User data is held to
// the limits of instances/user-data.ts.
import type { RequestContext } from "../../../gateway/context";
import type { Ec2Handlers, InstanceAttribute, InstanceAttributeName, ModifyInstanceAttributeRequest } from "../api.generated";
import * as err from "../errors";
import { findInstance, instanceState, saveInstance, type InstanceRecord } from "./records";
import { blockDevices } from "./view";
import { resolveGroups } from "./placement";
import { attachedVolumes, saveVolume } from "../volumes/records";
import { checkRawUserData, checkUserData } from "./user-data";
import { defaultCredits, isBurstable } from "./options";
import { interfacesOf, primaryInterface, saveNetworkInterface, type EniRecord } from "../network-interfaces/records";
import { ServiceError } from "../../../errors/service-error";

const SHUTDOWN_BEHAVIORS = ["stop", "terminate"];

function requireStopped(ctx: RequestContext, r: InstanceRecord): void {
  if (instanceState(ctx, r) !== "stopped")
    throw err.incorrectInstanceState(`The instance '${r.InstanceId}' is not in the 'stopped' state.`);
}

function bool(name: string, v: string): boolean {
  if (v !== "true" && v !== "false") throw err.invalidValue(`Value (${v}) for parameter ${name} is invalid. Expected: 'true' or 'false'.`);
  return v === "true";
}

type Change = { name: InstanceAttributeName; value: unknown };

/** The one change the request asks for: a member of its own, or Attribute with Value. */
function changeOf(input: ModifyInstanceAttributeRequest): Change {
  const given: Change[] = [];
  const add = (name: InstanceAttributeName, value: unknown) => value !== undefined && given.push({ name, value });
  add("instanceType", input.InstanceType?.Value);
  add("kernel", input.Kernel?.Value);
  add("ramdisk", input.Ramdisk?.Value);
  if (input.UserData?.Value !== undefined) {
    const raw = input.UserData.Value as Uint8Array;
    checkRawUserData(raw);
    add("userData", Buffer.from(raw).toString("base64"));
  }
  add("disableApiTermination", input.DisableApiTermination?.Value);
  add("disableApiStop", input.DisableApiStop?.Value);
  add("instanceInitiatedShutdownBehavior", input.InstanceInitiatedShutdownBehavior?.Value);
  add("sourceDestCheck", input.SourceDestCheck?.Value);
  add("ebsOptimized", input.EbsOptimized?.Value);
  add("enaSupport", input.EnaSupport?.Value);
  add("sriovNetSupport", input.SriovNetSupport?.Value);
  add("groupSet", input.Groups);
  add("blockDeviceMapping", input.BlockDeviceMappings);
  if (input.Attribute !== undefined) {
    if (input.Value === undefined) throw err.missingParameter("Value");
    const booleans: InstanceAttributeName[] = ["disableApiTermination", "disableApiStop", "sourceDestCheck", "ebsOptimized", "enaSupport"];
    // With Attribute, user data comes base64-encoded, as RunInstances takes it.
    if (input.Attribute === "userData") checkUserData(input.Value);
    given.push({ name: input.Attribute, value: booleans.includes(input.Attribute) ? bool(input.Attribute, input.Value) : input.Value });
  }
  if (given.length !== 1) {
    throw err.invalidCombination("Exactly one attribute may be modified in a single ModifyInstanceAttribute request.");
  }
  return given[0];
}

function modify(ctx: RequestContext, r: InstanceRecord, { name, value }: Change): void {
  const state = instanceState(ctx, r);
  if (state === "shutting-down" || state === "terminated") {
    throw err.incorrectInstanceState(`The instance '${r.InstanceId}' is not in a state from which it can be modified.`);
  }
  switch (name) {
    case "instanceType":
      requireStopped(ctx, r);
      r.InstanceType = value as string;
      // Credits belong to burstable types: a change keeps them, gives a burstable type its default, or drops them.
      r.CpuCredits = isBurstable(r.InstanceType) ? (r.CpuCredits ?? defaultCredits(r.InstanceType)) : undefined;
      return;
    case "userData":
      requireStopped(ctx, r);
      r.UserData = value as string;
      return;
    case "ebsOptimized":
      requireStopped(ctx, r);
      r.EbsOptimized = value as boolean;
      return;
    case "enaSupport":
      requireStopped(ctx, r);
      r.EnaSupport = value as boolean;
      return;
    case "sriovNetSupport":
      requireStopped(ctx, r);
      r.SriovNetSupport = value as string;
      return;
    case "disableApiTermination":
      r.DisableApiTermination = value as boolean;
      return;
    case "disableApiStop":
      r.DisableApiStop = value as boolean;
      return;
    case "sourceDestCheck":
      r.SourceDestCheck = value as boolean;
      withPrimaryInterface(ctx, r, (eni) => (eni.SourceDestCheck = r.SourceDestCheck));
      return;
    case "instanceInitiatedShutdownBehavior":
      if (!SHUTDOWN_BEHAVIORS.includes(value as string)) {
        throw err.invalidValue(
          `Value (${value as string}) for parameter instanceInitiatedShutdownBehavior is invalid. Expected: 'stop' or 'terminate'.`,
        );
      }
      r.InstanceInitiatedShutdownBehavior = value as string;
      return;
    case "groupSet":
      r.Groups = resolveGroups(ctx, r, value as string[]);
      withPrimaryInterface(ctx, r, (eni) => (eni.Groups = r.Groups));
      return;
    case "blockDeviceMapping": {
      const volumes = attachedVolumes(ctx, r.InstanceId);
      for (const m of value as NonNullable<ModifyInstanceAttributeRequest["BlockDeviceMappings"]>) {
        const v = volumes.find((x) => x.attachment!.Device === m.DeviceName);
        if (!v) throw err.invalidValue(`No device is currently mapped at ${m.DeviceName ?? ""}`);
        if (m.Ebs?.DeleteOnTermination === undefined) continue;
        v.attachment = { ...v.attachment!, DeleteOnTermination: m.Ebs.DeleteOnTermination };
        saveVolume(ctx, v);
      }
      return;
    }
    default:
      throw err.invalidValue(`The attribute '${name}' cannot be modified.`);
  }
}

/** The instance's primary interface changed as `change` says (source/dest check and groups are its). */
function withPrimaryInterface(ctx: RequestContext, r: InstanceRecord, change: (eni: EniRecord) => void): void {
  const eni = primaryInterface(ctx, r.InstanceId);
  if (!eni) return;
  // With more than one interface, the instance's attribute is ambiguous: EC2 asks for the interface instead.
  if (interfacesOf(ctx, r.InstanceId).length > 1) {
    throw new ServiceError(
      "InvalidInstanceID",
      `There are multiple interfaces attached to instance '${r.InstanceId}'. Please specify an interface ID for the operation instead.`,
    );
  }
  change(eni);
  saveNetworkInterface(ctx, eni);
}

function attributeOf(ctx: RequestContext, r: InstanceRecord, name: InstanceAttributeName): InstanceAttribute {
  const out: InstanceAttribute = { InstanceId: r.InstanceId };
  switch (name) {
    case "instanceType":
      return { ...out, InstanceType: { Value: r.InstanceType } };
    case "kernel":
      return { ...out, KernelId: { Value: r.KernelId } };
    case "ramdisk":
      return { ...out, RamdiskId: { Value: r.RamdiskId } };
    case "userData":
      return { ...out, UserData: { Value: r.UserData } };
    case "disableApiTermination":
      return { ...out, DisableApiTermination: { Value: r.DisableApiTermination } };
    case "disableApiStop":
      return { ...out, DisableApiStop: { Value: r.DisableApiStop } };
    case "instanceInitiatedShutdownBehavior":
      return { ...out, InstanceInitiatedShutdownBehavior: { Value: r.InstanceInitiatedShutdownBehavior } };
    case "rootDeviceName":
      return { ...out, RootDeviceName: { Value: r.RootDeviceName } };
    case "blockDeviceMapping":
      return { ...out, BlockDeviceMappings: blockDevices(ctx, r) };
    case "productCodes":
      return { ...out, ProductCodes: [] };
    case "sourceDestCheck":
      return { ...out, SourceDestCheck: { Value: r.SourceDestCheck } };
    case "groupSet":
      return { ...out, Groups: r.Groups };
    case "ebsOptimized":
      return { ...out, EbsOptimized: { Value: r.EbsOptimized } };
    case "enaSupport":
      return { ...out, EnaSupport: { Value: r.EnaSupport ?? false } };
    case "sriovNetSupport":
      return { ...out, SriovNetSupport: { Value: r.SriovNetSupport } };
    case "enclaveOptions":
      return { ...out, EnclaveOptions: { Enabled: r.EnclaveEnabled ?? false } };
  }
  throw err.invalidValue(`Value (${name as string}) for parameter attribute is invalid. Unknown attribute.`);
}

export const instanceAttributeHandlers: Pick<Ec2Handlers, "ModifyInstanceAttribute" | "DescribeInstanceAttribute"> = {
  ModifyInstanceAttribute(ctx, input) {
    const r = findInstance(ctx, input.InstanceId);
    modify(ctx, r, changeOf(input));
    saveInstance(ctx, r);
    return {};
  },

  DescribeInstanceAttribute(ctx, { InstanceId, Attribute }) {
    return attributeOf(ctx, findInstance(ctx, InstanceId), Attribute);
  },
};
