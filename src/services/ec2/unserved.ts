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
  | "CreateSecurityGroup"
  | "DeleteKeyPair"
  | "DeleteSecurityGroup"
  | "DescribeAvailabilityZones"
  | "DescribeImageReferences"
  | "DescribeKeyPairs"
  | "DescribeRegions"
  | "DescribeSecurityGroups"
  | "DescribeSubnets"
  | "DescribeVpcs"
  | "DisableImage"
  | "DisableImageDeprecation"
  | "DisableImageDeregistrationProtection"
  | "EnableImage"
  | "EnableImageDeprecation"
  | "EnableImageDeregistrationProtection"
  | "ImportKeyPair"
> = {
  AuthorizeSecurityGroupIngress: unserved,
  CreateImage: unserved,
  CreateKeyPair: unserved,
  CreateSecurityGroup: unserved,
  DeleteKeyPair: unserved,
  DeleteSecurityGroup: unserved,
  DescribeAvailabilityZones: unserved,
  DescribeImageReferences: unserved,
  DescribeKeyPairs: unserved,
  DescribeRegions: unserved,
  DescribeSecurityGroups: unserved,
  DescribeSubnets: unserved,
  DescribeVpcs: unserved,
  DisableImage: unserved,
  DisableImageDeprecation: unserved,
  DisableImageDeregistrationProtection: unserved,
  EnableImage: unserved,
  EnableImageDeprecation: unserved,
  EnableImageDeregistrationProtection: unserved,
  ImportKeyPair: unserved,
};
