// Amazon EC2 (AMIs and tags): the operation table, and how EC2 words the errors the framework raises
// (errors-overview.html: MissingParameter, InvalidParameterValue, InvalidAction, DryRunOperation, InternalError).
import { loadModel } from "../../model/model";
import { ServiceError, serviceUnavailable } from "../../errors/service-error";
import { echo } from "../../errors/echo";
import type { ServiceDefinition } from "../../gateway/service";
import { ec2Collections } from "./collections";
import { ec2Actions } from "./actions";
import { ec2SeedLists } from "./seed-lists";
import { ec2DashboardViews } from "./dashboard-views";
import { QUERY_COMMON } from "../../auth/auth-errors";
import type { Violation } from "../../validation/validate";
import type { Ec2Handlers } from "./api.generated";
import { imageHandlers } from "./images/handlers";
import { describeImagesHandlers } from "./images/describe";
import { imageAttributeHandlers } from "./images/attributes";
import { tagHandlers } from "./tags/handlers";
import { upgradeTagRecords } from "./tags/records";
import { importTaskHandlers } from "./import/handlers";
import { storeTaskHandlers } from "./store-tasks/handlers";
import { exportTaskHandlers } from "./export-tasks/handlers";
import { snapshotTaskHandlers } from "./import/snapshot-tasks";
import { conversionTaskHandlers } from "./import/conversion-tasks";
import { macTaskHandlers } from "./instances/mac-tasks";
import { fastLaunchHandlers } from "./fast-launch/handlers";
import { usageReportHandlers } from "./usage-reports/handlers";
import { blockPublicAccessHandlers } from "./images/block-public-access";
import { allowedImagesHandlers } from "./images/allowed";
import { cancelLaunchPermissionHandlers } from "./images/launch-permissions";
import { imageAncestryHandlers } from "./images/ancestry";
import { instanceImageMetadataHandlers } from "./instances/image-metadata";
import { snapshotHandlers } from "./snapshots/handlers";
import { describeSnapshotsHandlers } from "./snapshots/describe";
import { imageDeprecationHandlers } from "./images/deprecation";
import { imageProtectionHandlers } from "./images/protection";
import { imageDisableHandlers } from "./images/disable";
import { imageReferenceHandlers } from "./images/references";
import { launchTemplateHandlers } from "./launch-templates/handlers";
import { templateNameMalformed } from "./launch-templates/records";
import { runInstancesHandlers } from "./instances/run";
import { instanceLifecycleHandlers } from "./instances/lifecycle";
import { describeInstancesHandlers } from "./instances/describe";
import { instanceAttributeHandlers } from "./instances/attributes";
import { volumeHandlers } from "./volumes/handlers";
import { attachmentHandlers } from "./volumes/attachments";
import { modificationHandlers } from "./volumes/modifications";
import { volumeAttributeHandlers } from "./volumes/attributes";
import { copyVolumeHandlers } from "./volumes/copy";
import { replaceRootVolumeHandlers } from "./volumes/replace-root";
import { ebsEncryptionHandlers } from "./ebs-encryption/handlers";
import { snapshotTierHandlers } from "./snapshots/tiers";
import { snapshotLockHandlers } from "./snapshots/locks";
import { multiVolumeSnapshotHandlers } from "./snapshots/multi-volume";
import { fastSnapshotRestoreHandlers } from "./snapshots/fast-restores";
import { snapshotBlockPublicAccessHandlers } from "./snapshots/block-public-access";
import { fleetHandlers } from "./fleets/handlers";
import { createImageHandlers } from "./images/create-image";
import { networkHandlers } from "./network/handlers";
import { upgradeRuleOwners } from "./network/records";
import { keyPairHandlers } from "./key-pairs/handlers";
import { instanceTypeHandlers } from "./instance-types/handlers";
import { internetGatewayHandlers } from "./internet-gateways/handlers";
import { routeTableHandlers } from "./route-tables/handlers";
import { networkAclHandlers } from "./network-acls/handlers";
import { addressHandlers } from "./addresses/handlers";
import { accountAttributeHandlers } from "./account-attributes/handlers";
import { instanceTypesNotFound, invalidInstanceTypeValue } from "./instance-types/errors";
import { networkInterfaceHandlers } from "./network-interfaces/handlers";
import { instanceSettingHandlers } from "./instances/settings";
import { iamProfileHandlers } from "./instances/iam-profiles";
import { launchTemplateDataHandlers } from "./launch-templates/instance-data";
import { recycleBinHandlers } from "./recycle-bin/handlers";

const handlers: Ec2Handlers = {
  ...imageHandlers,
  ...describeImagesHandlers,
  ...imageAttributeHandlers,
  ...tagHandlers,
  ...importTaskHandlers,
  ...storeTaskHandlers,
  ...exportTaskHandlers,
  ...snapshotTaskHandlers,
  ...conversionTaskHandlers,
  ...macTaskHandlers,
  ...fastLaunchHandlers,
  ...usageReportHandlers,
  ...blockPublicAccessHandlers,
  ...allowedImagesHandlers,
  ...cancelLaunchPermissionHandlers,
  ...imageAncestryHandlers,
  ...instanceImageMetadataHandlers,
  ...snapshotHandlers,
  ...describeSnapshotsHandlers,
  ...imageDeprecationHandlers,
  ...imageProtectionHandlers,
  ...imageDisableHandlers,
  ...imageReferenceHandlers,
  ...launchTemplateHandlers,
  ...runInstancesHandlers,
  ...instanceLifecycleHandlers,
  ...describeInstancesHandlers,
  ...instanceAttributeHandlers,
  ...volumeHandlers,
  ...attachmentHandlers,
  ...modificationHandlers,
  ...volumeAttributeHandlers,
  ...copyVolumeHandlers,
  ...replaceRootVolumeHandlers,
  ...ebsEncryptionHandlers,
  ...snapshotTierHandlers,
  ...snapshotLockHandlers,
  ...multiVolumeSnapshotHandlers,
  ...fastSnapshotRestoreHandlers,
  ...snapshotBlockPublicAccessHandlers,
  ...fleetHandlers,
  ...createImageHandlers,
  ...networkHandlers,
  ...keyPairHandlers,
  ...instanceTypeHandlers,
  ...internetGatewayHandlers,
  ...routeTableHandlers,
  ...networkAclHandlers,
  ...addressHandlers,
  ...accountAttributeHandlers,
  ...networkInterfaceHandlers,
  ...instanceSettingHandlers,
  ...iamProfileHandlers,
  ...launchTemplateDataHandlers,
  ...recycleBinHandlers,
};

const model = loadModel("ec2");

/** Top-level input member → the name the caller sent on the wire (Resources → ResourceId); made on the first error. */
let wireNames: Map<string, string> | undefined;
function wireNamesOf(): Map<string, string> {
  if (wireNames) return wireNames;
  wireNames = new Map();
  for (const op of model.operations.values()) {
    for (const [name, m] of Object.entries(op.input?.members ?? {})) {
      const wire = m.queryName ?? ((l) => l[0].toUpperCase() + l.slice(1))(m.locationName ?? name);
      wireNames.set(name, wire);
    }
  }
  return wireNames;
}

function wirePath(memberPath: string): string {
  const [head, ...rest] = memberPath.split(".");
  return [wireNamesOf().get(head) ?? head, ...rest].join(".");
}

/** EC2 reports the first violation: a missing member, or a value outside the model's constraints. */
function validationError(violations: Violation[]): ServiceError {
  const v = violations[0];
  // A name that is no instance type is EC2's own error: RunInstances' InstanceType, or the types a describe names.
  if (v.kind === "enum" && v.memberPath === "InstanceType") return invalidInstanceTypeValue(String(v.value));
  if (v.kind === "enum" && /^InstanceTypes\.\d+$/.test(v.memberPath)) {
    return instanceTypesNotFound(
      violations.filter((x) => x.kind === "enum" && /^InstanceTypes\.\d+$/.test(x.memberPath)).map((x) => String(x.value)),
    );
  }
  // A launch template name outside the model's pattern or length is EC2's own error (errors-overview.html).
  if (v.kind !== "required" && /^LaunchTemplateNames?(\.|$)/.test(v.memberPath)) return templateNameMalformed();
  const name = echo(wirePath(v.memberPath));
  if (v.kind === "required") return new ServiceError("MissingParameter", `The request must contain the parameter ${name}`);
  const shown = Array.isArray(v.value) ? `${v.value.length} items` : echo(v.value);
  return new ServiceError("InvalidParameterValue", `Value (${shown}) for parameter ${name} is invalid. ${v.constraint}`);
}

export const ec2: ServiceDefinition = {
  name: "ec2",
  model,
  handlers: handlers as unknown as ServiceDefinition["handlers"],
  collections: ec2Collections,
  validationError,
  unknownOperation: (name) => new ServiceError("InvalidAction", `The action ${name} is not valid for this web service.`),
  internalError: () => new ServiceError("InternalError", "An internal error has occurred.", 500),
  throttlingError: () => new ServiceError("RequestLimitExceeded", "Request limit exceeded.", 503),
  unavailableError: serviceUnavailable,
  seedLists: ec2SeedLists,
  dashboardViews: ec2DashboardViews,
  upgradeRecords: (store) => {
    upgradeTagRecords(store);
    upgradeRuleOwners(store);
  },
  auth: {
    actions: ec2Actions,
    errors: {
      ...QUERY_COMMON,
      unknownKey: ["AuthFailure", 401, "AWS was not able to validate the provided access credentials"],
      badToken: ["AuthFailure", 401, "AWS was not able to validate the provided access credentials"],
      denied: ["UnauthorizedOperation", 403, "You are not authorized to perform this operation."],
    },
  },
  isDryRun: (input) => input.DryRun === true,
  dryRunSuccess: () => new ServiceError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412),
};
