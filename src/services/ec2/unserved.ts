// TEMPORARY: operations in the model whose handlers are being written. Each line goes when its operation is served.
import { ServiceError } from "../../errors/service-error";
import type { Ec2Handlers } from "./api.generated";

const unserved = (): never => {
  throw new ServiceError("InvalidAction", "This operation is not served yet.");
};

export const unservedHandlers: Pick<
  Ec2Handlers,
  | "AuthorizeSecurityGroupIngress"
  | "CopySnapshot"
  | "CreateImage"
  | "CreateKeyPair"
  | "CreateLaunchTemplate"
  | "CreateLaunchTemplateVersion"
  | "CreateSecurityGroup"
  | "CreateSnapshot"
  | "DeleteKeyPair"
  | "DeleteLaunchTemplate"
  | "DeleteLaunchTemplateVersions"
  | "DeleteSecurityGroup"
  | "DeleteSnapshot"
  | "DeleteVolume"
  | "DescribeAvailabilityZones"
  | "DescribeInstanceAttribute"
  | "DescribeInstanceStatus"
  | "DescribeInstances"
  | "DescribeKeyPairs"
  | "DescribeLaunchTemplateVersions"
  | "DescribeLaunchTemplates"
  | "DescribeRegions"
  | "DescribeSecurityGroups"
  | "DescribeSnapshotAttribute"
  | "DescribeSnapshots"
  | "DescribeSubnets"
  | "DescribeVolumes"
  | "DescribeVpcs"
  | "ImportKeyPair"
  | "ModifyInstanceAttribute"
  | "ModifyLaunchTemplate"
  | "ModifySnapshotAttribute"
  | "ResetSnapshotAttribute"
  | "RunInstances"
  | "StartInstances"
  | "StopInstances"
  | "TerminateInstances"
> = {
  AuthorizeSecurityGroupIngress: unserved,
  CopySnapshot: unserved,
  CreateImage: unserved,
  CreateKeyPair: unserved,
  CreateLaunchTemplate: unserved,
  CreateLaunchTemplateVersion: unserved,
  CreateSecurityGroup: unserved,
  CreateSnapshot: unserved,
  DeleteKeyPair: unserved,
  DeleteLaunchTemplate: unserved,
  DeleteLaunchTemplateVersions: unserved,
  DeleteSecurityGroup: unserved,
  DeleteSnapshot: unserved,
  DeleteVolume: unserved,
  DescribeAvailabilityZones: unserved,
  DescribeInstanceAttribute: unserved,
  DescribeInstanceStatus: unserved,
  DescribeInstances: unserved,
  DescribeKeyPairs: unserved,
  DescribeLaunchTemplateVersions: unserved,
  DescribeLaunchTemplates: unserved,
  DescribeRegions: unserved,
  DescribeSecurityGroups: unserved,
  DescribeSnapshotAttribute: unserved,
  DescribeSnapshots: unserved,
  DescribeSubnets: unserved,
  DescribeVolumes: unserved,
  DescribeVpcs: unserved,
  ImportKeyPair: unserved,
  ModifyInstanceAttribute: unserved,
  ModifyLaunchTemplate: unserved,
  ModifySnapshotAttribute: unserved,
  ResetSnapshotAttribute: unserved,
  RunInstances: unserved,
  StartInstances: unserved,
  StopInstances: unserved,
  TerminateInstances: unserved,
};
