// ModifyImageAttribute, DescribeImageAttribute and ResetImageAttribute: one attribute at a time, on an AMI
// the caller owns. Modify accepts the attribute as a structure (LaunchPermission, Description, ImdsSupport)
// or as Attribute with OperationType/UserIds/UserGroups/Value (ModifyImageAttribute reference).
import type { RequestContext } from "../../../gateway/context";
import type { Ec2Handlers, ImageAttribute, LaunchPermission, ModifyImageAttributeRequest } from "../api.generated";
import * as err from "../errors";
import { findOwnImage, saveImage } from "./access";
import { listPermissions, modifyPermissions, resetPermissions } from "./launch-permissions";
import { amiState, lastLaunchedTime, type AmiRecord } from "./records";
import { protectionStatus } from "./protection";

const MODIFIABLE = ["description", "launchPermission", "imdsSupport"] as const;
type Modifiable = (typeof MODIFIABLE)[number];

/** The one attribute a ModifyImageAttribute request changes. */
function attributeOf(input: ModifyImageAttributeRequest): Modifiable {
  const given = new Set<string>();
  if (input.LaunchPermission) given.add("launchPermission");
  if (input.Description) given.add("description");
  if (input.ImdsSupport) given.add("imdsSupport");
  if (input.Attribute !== undefined) {
    // EC2 reads the attribute's name without regard to case or surrounding spaces: Ansible's ec2_ami sends
    // "LaunchPermission" and "Description " (amazon.aws 5.5, ec2_ami.py) and works against EC2.
    const named = MODIFIABLE.find((m) => m.toLowerCase() === input.Attribute!.trim().toLowerCase());
    if (!named) {
      throw err.invalidValue(
        `Value (${input.Attribute}) for parameter attribute is invalid. Valid values: description | imdsSupport | launchPermission.`,
      );
    }
    given.add(named);
  }
  if (given.size === 0) throw err.invalidCombination("No attributes specified.");
  if (given.size > 1) throw err.invalidCombination("Only one attribute can be modified at a time.");
  return [...given][0] as Modifiable;
}

function launchPermissionChanges(input: ModifyImageAttributeRequest): { add: LaunchPermission[]; remove: LaunchPermission[] } {
  if (input.LaunchPermission) {
    // Packer (step_modify_ami_attributes.go) sends UserIds/UserGroups beside LaunchPermission.Add naming the same
    // grantees, without OperationType, and EC2 accepts it: the flat members then add nothing of their own.
    const added = input.LaunchPermission.Add ?? [];
    const repeated =
      !input.OperationType &&
      (input.UserIds ?? []).every((u) => added.some((p) => p.UserId === u)) &&
      (input.UserGroups ?? []).every((g) => added.some((p) => p.Group === g));
    if (input.OperationType || (!repeated && (input.UserIds?.length || input.UserGroups?.length))) {
      throw err.invalidCombination("LaunchPermission cannot be combined with OperationType, UserId or UserGroup.");
    }
    return { add: input.LaunchPermission.Add ?? [], remove: input.LaunchPermission.Remove ?? [] };
  }
  if (!input.OperationType) throw err.missingParameter("OperationType");
  const items: LaunchPermission[] = [
    ...(input.UserIds ?? []).map((UserId) => ({ UserId })),
    ...(input.UserGroups ?? []).map((g) => ({ Group: g as "all" })),
    ...(input.OrganizationArns ?? []).map((OrganizationArn) => ({ OrganizationArn })),
    ...(input.OrganizationalUnitArns ?? []).map((OrganizationalUnitArn) => ({ OrganizationalUnitArn })),
  ];
  if (!items.length) throw err.missingParameter("UserId or UserGroup");
  return input.OperationType === "add" ? { add: items, remove: [] } : { add: [], remove: items };
}

function modifiableImage(ctx: RequestContext, id: string): AmiRecord {
  const rec = findOwnImage(ctx, id);
  if (amiState(ctx, rec) === "deregistered") throw err.amiUnavailable(`The image id '[${id}]' is no longer available`);
  return rec;
}

const launchOnly = (input: ModifyImageAttributeRequest) =>
  input.OperationType ||
  input.UserIds?.length ||
  input.UserGroups?.length ||
  input.OrganizationArns?.length ||
  input.OrganizationalUnitArns?.length;

export const imageAttributeHandlers: Pick<Ec2Handlers, "ModifyImageAttribute" | "DescribeImageAttribute" | "ResetImageAttribute"> = {
  ModifyImageAttribute(ctx, input) {
    const attribute = attributeOf(input);
    const rec = modifiableImage(ctx, input.ImageId);
    if (attribute !== "launchPermission" && launchOnly(input)) {
      throw err.invalidCombination("OperationType, UserId and UserGroup can be used only with the launchPermission attribute.");
    }
    if (attribute === "launchPermission") {
      if (input.Value !== undefined)
        throw err.invalidCombination("Value can be used only with the description and imdsSupport attributes.");
      const { add, remove } = launchPermissionChanges(input);
      // "Disable an Amazon EC2 AMI": a disabled AMI can't be shared.
      if (add.length && amiState(ctx, rec) === "disabled") {
        throw err.operationNotPermitted(`The image '${rec.ImageId}' is disabled and can't be shared. Enable it first.`);
      }
      modifyPermissions(ctx, rec, add, remove);
      return;
    }
    const value = attribute === "description" ? (input.Description?.Value ?? input.Value) : (input.ImdsSupport?.Value ?? input.Value);
    if (attribute === "description") {
      if (value === undefined) throw err.missingParameter("Value");
      rec.Description = value;
    } else {
      // IMDSv2 can be required, never relaxed again (ModifyImageAttribute, ImdsSupport).
      if (value !== "v2.0")
        throw err.invalidValue(`Value (${value ?? ""}) for parameter ImdsSupport is invalid. The only valid value is v2.0.`);
      rec.ImdsSupport = value;
    }
    saveImage(ctx, rec);
  },

  DescribeImageAttribute(ctx, { ImageId, Attribute }) {
    const rec = findOwnImage(ctx, ImageId);
    const v = (Value: string | undefined) => (Value === undefined ? {} : { Value });
    const out: ImageAttribute = { ImageId };
    switch (Attribute) {
      case "description":
        out.Description = v(rec.Description);
        break;
      case "kernel":
        out.KernelId = v(rec.KernelId);
        break;
      case "ramdisk":
        out.RamdiskId = v(rec.RamdiskId);
        break;
      case "launchPermission":
        out.LaunchPermissions = listPermissions(ctx, rec);
        break;
      case "productCodes":
        out.ProductCodes = rec.ProductCodes ?? [];
        break;
      case "blockDeviceMapping":
        out.BlockDeviceMappings = rec.BlockDeviceMappings;
        break;
      case "sriovNetSupport":
        out.SriovNetSupport = v(rec.SriovNetSupport);
        break;
      case "bootMode":
        out.BootMode = v(rec.BootMode);
        break;
      case "tpmSupport":
        out.TpmSupport = v(rec.TpmSupport);
        break;
      case "uefiData":
        out.UefiData = v(rec.UefiData);
        break;
      case "lastLaunchedTime": {
        const at = lastLaunchedTime(ctx, rec);
        out.LastLaunchedTime = v(at === undefined ? undefined : new Date(at).toISOString());
        break;
      }
      case "imdsSupport":
        out.ImdsSupport = v(rec.ImdsSupport);
        break;
      case "deregistrationProtection":
        out.DeregistrationProtection = { Value: protectionStatus(ctx, rec) };
        break;
    }
    return out;
  },

  ResetImageAttribute(ctx, { ImageId }) {
    // The model allows only launchPermission: back to private, no grants.
    resetPermissions(ctx, modifiableImage(ctx, ImageId));
  },
};
