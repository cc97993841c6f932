// The network's own EC2 errors, worded as EC2 words them ("Error codes for the Amazon EC2 API",
// errors-overview.html): the VPC, subnet and security group rule codes beside the shared ones of ../errors.ts.
import { ServiceError } from "../../../errors/service-error";
import { echo } from "../../../errors/echo";

export const ruleMalformed = (id: string) =>
  new ServiceError("InvalidSecurityGroupRuleId.Malformed", `Invalid id: "${echo(id)}" (expecting "sgr-...")`);
export const ruleNotFound = (id: string) =>
  new ServiceError("InvalidSecurityGroupRuleId.NotFound", `The security group rule ID '${echo(id)}' does not exist`);
/** A revoke of rules that are not there (errors-overview.html: "The specified rule does not exist in this security group"). */
export const permissionNotFound = () =>
  new ServiceError("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
export const noDefaultVpc = () => new ServiceError("VPCIdNotSpecified", "No default VPC for this user");
export const defaultVpcExists = () =>
  new ServiceError("DefaultVpcAlreadyExists", "A Default VPC already exists for this account in this region.");
export const vpcRange = (cidr: string) => new ServiceError("InvalidVpc.Range", `The CIDR '${echo(cidr)}' is invalid.`);
export const subnetRange = (cidr: string) => new ServiceError("InvalidSubnet.Range", `The CIDR '${echo(cidr)}' is invalid.`);
export const subnetConflict = (cidr: string) =>
  new ServiceError("InvalidSubnet.Conflict", `The CIDR '${echo(cidr)}' conflicts with another subnet`);
export const vpcLimit = () => new ServiceError("VpcLimitExceeded", "The maximum number of VPCs has been reached.");
export const subnetLimit = () => new ServiceError("SubnetLimitExceeded", "The maximum number of subnets has been reached.");
export const rulesLimit = () =>
  new ServiceError("RulesPerSecurityGroupLimitExceeded", "The maximum number of rules per security group has been reached.");
export const invalidVpcState = (message: string) => new ServiceError("IncorrectState", message);
