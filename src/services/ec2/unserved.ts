// TEMPORARY: operations in the model whose handlers are being written. Each line goes when its operation is served.
import { ServiceError } from "../../errors/service-error";
import type { Ec2Handlers } from "./api.generated";

const unserved = (): never => {
  throw new ServiceError("InvalidAction", "This operation is not served yet.");
};

export const unservedHandlers: Pick<
  Ec2Handlers,
  | "AuthorizeSecurityGroupIngress"
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
  | "DeleteVolume"
  | "DescribeAvailabilityZones"
  | "DescribeImageReferences"
  | "DescribeInstanceAttribute"
  | "DescribeInstanceStatus"
  | "DescribeInstances"
  | "DescribeKeyPairs"
  | "DescribeLaunchTemplateVersions"
  | "DescribeLaunchTemplates"
  | "DescribeRegions"
  | "DescribeSecurityGroups"
  | "DescribeSubnets"
  | "DescribeVolumes"
  | "DescribeVpcs"
  | "DisableImage"
  | "DisableImageDeprecation"
  | "DisableImageDeregistrationProtection"
  | "EnableImage"
  | "EnableImageDeprecation"
  | "EnableImageDeregistrationProtection"
  | "ImportKeyPair"
  | "ModifyInstanceAttribute"
  | "ModifyLaunchTemplate"
  | "RunInstances"
  | "StartInstances"
  | "StopInstances"
  | "TerminateInstances"
> = {
  AuthorizeSecurityGroupIngress: unserved,
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
  DeleteVolume: unserved,
  DescribeAvailabilityZones: unserved,
  DescribeImageReferences: unserved,
  DescribeInstanceAttribute: unserved,
  DescribeInstanceStatus: unserved,
  DescribeInstances: unserved,
  DescribeKeyPairs: unserved,
  DescribeLaunchTemplateVersions: unserved,
  DescribeLaunchTemplates: unserved,
  DescribeRegions: unserved,
  DescribeSecurityGroups: unserved,
  DescribeSubnets: unserved,
  DescribeVolumes: unserved,
  DescribeVpcs: unserved,
  DisableImage: unserved,
  DisableImageDeprecation: unserved,
  DisableImageDeregistrationProtection: unserved,
  EnableImage: unserved,
  EnableImageDeprecation: unserved,
  EnableImageDeregistrationProtection: unserved,
  ImportKeyPair: unserved,
  ModifyInstanceAttribute: unserved,
  ModifyLaunchTemplate: unserved,
  RunInstances: unserved,
  StartInstances: unserved,
  StopInstances: unserved,
  TerminateInstances: unserved,
};
