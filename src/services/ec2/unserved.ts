// TEMPORARY: operations in the model whose handlers are being written. Each line goes when its operation is served.
import { ServiceError } from "../../errors/service-error";
import type { Ec2Handlers } from "./api.generated";

const unserved = (): never => {
  throw new ServiceError("InvalidAction", "This operation is not served yet.");
};

export const unservedHandlers: Pick<
  Ec2Handlers,
  | "CopySnapshot"
  | "CreateImage"
  | "CreateLaunchTemplate"
  | "CreateLaunchTemplateVersion"
  | "CreateSnapshot"
  | "DeleteLaunchTemplate"
  | "DeleteLaunchTemplateVersions"
  | "DeleteSnapshot"
  | "DeleteVolume"
  | "DescribeImageReferences"
  | "DescribeInstanceAttribute"
  | "DescribeInstanceStatus"
  | "DescribeInstances"
  | "DescribeLaunchTemplateVersions"
  | "DescribeLaunchTemplates"
  | "DescribeSnapshotAttribute"
  | "DescribeSnapshots"
  | "DescribeVolumes"
  | "DisableImage"
  | "DisableImageDeprecation"
  | "DisableImageDeregistrationProtection"
  | "EnableImage"
  | "EnableImageDeprecation"
  | "EnableImageDeregistrationProtection"
  | "ModifyInstanceAttribute"
  | "ModifyLaunchTemplate"
  | "ModifySnapshotAttribute"
  | "ResetSnapshotAttribute"
  | "RunInstances"
  | "StartInstances"
  | "StopInstances"
  | "TerminateInstances"
> = {
  CopySnapshot: unserved,
  CreateImage: unserved,
  CreateLaunchTemplate: unserved,
  CreateLaunchTemplateVersion: unserved,
  CreateSnapshot: unserved,
  DeleteLaunchTemplate: unserved,
  DeleteLaunchTemplateVersions: unserved,
  DeleteSnapshot: unserved,
  DeleteVolume: unserved,
  DescribeImageReferences: unserved,
  DescribeInstanceAttribute: unserved,
  DescribeInstanceStatus: unserved,
  DescribeInstances: unserved,
  DescribeLaunchTemplateVersions: unserved,
  DescribeLaunchTemplates: unserved,
  DescribeSnapshotAttribute: unserved,
  DescribeSnapshots: unserved,
  DescribeVolumes: unserved,
  DisableImage: unserved,
  DisableImageDeprecation: unserved,
  DisableImageDeregistrationProtection: unserved,
  EnableImage: unserved,
  EnableImageDeprecation: unserved,
  EnableImageDeregistrationProtection: unserved,
  ModifyInstanceAttribute: unserved,
  ModifyLaunchTemplate: unserved,
  ModifySnapshotAttribute: unserved,
  ResetSnapshotAttribute: unserved,
  RunInstances: unserved,
  StartInstances: unserved,
  StopInstances: unserved,
  TerminateInstances: unserved,
};
