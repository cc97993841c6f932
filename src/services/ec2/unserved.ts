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
  | "CreateSecurityGroup"
  | "CreateSnapshot"
  | "DeleteKeyPair"
  | "DeleteSecurityGroup"
  | "DeleteSnapshot"
  | "DescribeAvailabilityZones"
  | "DescribeImageReferences"
  | "DescribeKeyPairs"
  | "DescribeRegions"
  | "DescribeSecurityGroups"
  | "DescribeSnapshotAttribute"
  | "DescribeSnapshots"
  | "DescribeSubnets"
  | "DescribeVpcs"
  | "DisableImage"
  | "DisableImageDeprecation"
  | "DisableImageDeregistrationProtection"
  | "EnableImage"
  | "EnableImageDeprecation"
  | "EnableImageDeregistrationProtection"
  | "ImportKeyPair"
  | "ModifySnapshotAttribute"
  | "ResetSnapshotAttribute"
> = {
  AuthorizeSecurityGroupIngress: unserved,
  CopySnapshot: unserved,
  CreateImage: unserved,
  CreateKeyPair: unserved,
  CreateSecurityGroup: unserved,
  CreateSnapshot: unserved,
  DeleteKeyPair: unserved,
  DeleteSecurityGroup: unserved,
  DeleteSnapshot: unserved,
  DescribeAvailabilityZones: unserved,
  DescribeImageReferences: unserved,
  DescribeKeyPairs: unserved,
  DescribeRegions: unserved,
  DescribeSecurityGroups: unserved,
  DescribeSnapshotAttribute: unserved,
  DescribeSnapshots: unserved,
  DescribeSubnets: unserved,
  DescribeVpcs: unserved,
  DisableImage: unserved,
  DisableImageDeprecation: unserved,
  DisableImageDeregistrationProtection: unserved,
  EnableImage: unserved,
  EnableImageDeprecation: unserved,
  EnableImageDeregistrationProtection: unserved,
  ImportKeyPair: unserved,
  ModifySnapshotAttribute: unserved,
  ResetSnapshotAttribute: unserved,
};
