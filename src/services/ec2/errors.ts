// EC2's errors, rendered by the ec2 protocol as <Response><Errors><Error>. Codes and their meaning follow
// "Error codes for the Amazon EC2 API" (AWSEC2/latest/APIReference/errors-overview.html).
import { ServiceError } from "../../errors/service-error";
import { echo } from "../../errors/echo";

const e =
  (code: string, status = 400) =>
  (message: string) =>
    new ServiceError(code, message, status);

export const missingParameter = (name: string) => new ServiceError("MissingParameter", `The request must contain the parameter ${name}`);
export const invalidValue = e("InvalidParameterValue");
export const invalidCombination = e("InvalidParameterCombination");
export const invalidDependency = e("InvalidParameterDependency");
export const authFailure = e("AuthFailure");
export const invalidNextToken = () => new ServiceError("InvalidNextToken", "The specified NextToken is not valid.");
export const idempotentMismatch = e("IdempotentParameterMismatch");
export const invalidRegion = e("InvalidRegion");
export const invalidId = (id: string) => new ServiceError("InvalidID", `The ID '${id}' is not valid`);
export const invalidUserId = (id: string) => new ServiceError("InvalidUserID.Malformed", `Invalid user id: '${id}'`);
export const tagLimitExceeded = e("TagLimitExceeded");

export const amiMalformed = (id: string) => new ServiceError("InvalidAMIID.Malformed", `Invalid id: "${id}" (expecting "ami-...")`);
export const amiNotFound = (ids: string[]) =>
  new ServiceError(
    "InvalidAMIID.NotFound",
    ids.length === 1 ? `The image id '[${ids[0]}]' does not exist` : `The image ids '[${ids.join(", ")}]' do not exist`,
  );
export const amiUnavailable = e("InvalidAMIID.Unavailable");
export const amiNameDuplicate = e("InvalidAMIName.Duplicate");
export const amiNameMalformed = e("InvalidAMIName.Malformed");
export const attributeItemValue = e("InvalidAMIAttributeItemValue");
export const snapshotMalformed = (id: string) =>
  new ServiceError("InvalidSnapshotID.Malformed", `Invalid id: "${id}" (expecting "snap-...")`);
export const notAuthorizedForImage = (id: string) => new ServiceError("AuthFailure", `Not authorized for image:${id}`);
export const operationNotPermitted = e("OperationNotPermitted");

// Instances and volumes ("Error codes for the Amazon EC2 API").
export const instanceMalformed = (id: string) => new ServiceError("InvalidInstanceID.Malformed", `Invalid id: "${id}" (expecting "i-...")`);
export const instanceNotFound = (ids: string[]) =>
  new ServiceError(
    "InvalidInstanceID.NotFound",
    ids.length === 1 ? `The instance ID '${ids[0]}' does not exist` : `The instance IDs '${ids.join(", ")}' do not exist`,
  );
export const incorrectInstanceState = e("IncorrectInstanceState");
export const volumeMalformed = (id: string) => new ServiceError("InvalidVolumeID.Malformed", `Invalid id: "${id}" (expecting "vol-...")`);
export const volumeNotFound = (ids: string[]) =>
  new ServiceError(
    "InvalidVolume.NotFound",
    ids.length === 1 ? `The volume '${ids[0]}' does not exist.` : `The volumes '${ids.join(", ")}' do not exist.`,
  );
export const volumeInUse = e("VolumeInUse");
export const invalidBlockDeviceMapping = e("InvalidBlockDeviceMapping");
// VPCs, subnets, security groups and key pairs, worded as EC2 words them (errors-overview.html).
const malformed = (code: string, prefix: string) => (id: string) =>
  new ServiceError(code, `Invalid id: "${echo(id)}" (expecting "${prefix}-...")`);
export const vpcMalformed = malformed("InvalidVpcID.Malformed", "vpc");
export const subnetMalformed = malformed("InvalidSubnetID.Malformed", "subnet");
export const groupIdMalformed = malformed("InvalidGroupId.Malformed", "sg");
export const keyPairIdMalformed = malformed("InvalidKeyPair.Malformed", "key");
export const vpcNotFound = (id: string) => new ServiceError("InvalidVpcID.NotFound", `The vpc ID '${echo(id)}' does not exist`);
export const subnetNotFound = (id: string) => new ServiceError("InvalidSubnetID.NotFound", `The subnet ID '${echo(id)}' does not exist`);
export const groupNotFound = (id: string) => new ServiceError("InvalidGroup.NotFound", `The security group '${echo(id)}' does not exist`);
export const groupNameNotFound = (name: string, vpcId: string, isDefault: boolean) =>
  new ServiceError(
    "InvalidGroup.NotFound",
    `The security group '${echo(name)}' does not exist in ${isDefault ? "default VPC" : "VPC"} '${vpcId}'`,
  );
export const groupDuplicate = (name: string, vpcId: string) =>
  new ServiceError("InvalidGroup.Duplicate", `The security group '${echo(name)}' already exists for VPC '${vpcId}'`);
export const cannotDelete = e("CannotDelete");
export const dependencyViolation = e("DependencyViolation");
export const permissionDuplicate = e("InvalidPermission.Duplicate");
export const permissionMalformed = e("InvalidPermission.Malformed");
export const keyPairNotFound = (name: string) => new ServiceError("InvalidKeyPair.NotFound", `The key pair '${echo(name)}' does not exist`);
export const keyPairDuplicate = (name: string) =>
  new ServiceError("InvalidKeyPair.Duplicate", `The keypair '${echo(name)}' already exists.`);
export const keyFormat = e("InvalidKey.Format");
