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
  | "DeleteVolume"
  | "DescribeAvailabilityZones"
  | "DescribeInstanceAttribute"
  | "DescribeInstanceStatus"
  | "DescribeInstances"
  | "DescribeKeyPairs"
  | "DescribeRegions"
  | "DescribeSecurityGroups"
  | "DescribeSnapshotAttribute"
  | "DescribeSnapshots"
  | "DescribeSubnets"
  | "DescribeVolumes"
  | "DescribeVpcs"
  | "ImportKeyPair"
  | "ModifyInstanceAttribute"
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
  CreateSecurityGroup: unserved,
  CreateSnapshot: unserved,
  DeleteKeyPair: unserved,
  DeleteSecurityGroup: unserved,
  DeleteSnapshot: unserved,
  DeleteVolume: unserved,
  DescribeAvailabilityZones: unserved,
  DescribeInstanceAttribute: unserved,
  DescribeInstanceStatus: unserved,
  DescribeInstances: unserved,
  DescribeKeyPairs: unserved,
  DescribeRegions: unserved,
  DescribeSecurityGroups: unserved,
  DescribeSnapshotAttribute: unserved,
  DescribeSnapshots: unserved,
  DescribeSubnets: unserved,
  DescribeVolumes: unserved,
  DescribeVpcs: unserved,
  ImportKeyPair: unserved,
  ModifyInstanceAttribute: unserved,
  ModifySnapshotAttribute: unserved,
  ResetSnapshotAttribute: unserved,
  RunInstances: unserved,
  StartInstances: unserved,
  StopInstances: unserved,
  TerminateInstances: unserved,
};
