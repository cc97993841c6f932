// How EC2 words what goes wrong with an instance type ("Error codes for the Amazon EC2 API",
// errors-overview.html: InvalidInstanceType, InvalidParameterValue), message for message as EC2 answers.
import { ServiceError } from "../../../errors/service-error";
import { echo } from "../../../errors/echo";

/** DescribeInstanceTypes naming types that do not exist in the Region. */
export const instanceTypesNotFound = (names: string[]) =>
  new ServiceError("InvalidInstanceType", `The following supplied instance types do not exist: ${echo(names)}`);

/** RunInstances with a name that is no instance type. */
export const invalidInstanceTypeValue = (name: string) =>
  new ServiceError("InvalidParameterValue", `Invalid value '${echo(name)}' for InstanceType.`);

/** RunInstances with a type whose processors cannot run the AMI. */
export const architectureMismatch = (typeArch: string, amiArch: string) =>
  new ServiceError(
    "InvalidParameterValue",
    `The architecture '${typeArch}' of the specified instance type does not match the architecture '${amiArch}' of the specified AMI. ` +
      "Specify an instance type and an AMI that have matching architectures, and try again. " +
      "You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.",
  );
