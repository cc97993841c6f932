// The errors of internet gateways, route tables, network ACLs and Elastic IPs, with the codes of "Error codes for
// the Amazon EC2 API" (AWSEC2/latest/APIReference/errors-overview.html) and EC2's wording.
import { ServiceError } from "../../../errors/service-error";
import { echo } from "../../../errors/echo";

const malformed = (code: string, prefix: string) => (id: string) =>
  new ServiceError(code, `Invalid id: "${echo(id)}" (expecting "${prefix}-...")`);
const notFound = (code: string, what: string) => (id: string) => new ServiceError(code, `The ${what} '${echo(id)}' does not exist`);

export const gatewayMalformed = malformed("InvalidInternetGatewayId.Malformed", "igw");
export const gatewayNotFound = notFound("InvalidInternetGatewayID.NotFound", "internetGateway ID");
/** A route's target gateway that is no internet gateway of the caller's. */
export const routeGatewayNotFound = notFound("InvalidGatewayID.NotFound", "gateway ID");
export const gatewayNotAttached = (gatewayId: string, vpcId: string) =>
  new ServiceError("Gateway.NotAttached", `resource ${gatewayId} is not attached to network ${vpcId}`);
export const vpcWithoutGateway = (vpcId: string) =>
  new ServiceError("Gateway.NotAttached", `Network ${vpcId} is not attached to any internet gateway`);
export const alreadyAttached = (message: string) => new ServiceError("Resource.AlreadyAssociated", message);
export const dependencyViolation = (message: string) => new ServiceError("DependencyViolation", message);
export const hasDependencies = (kind: string, id: string) =>
  new ServiceError("DependencyViolation", `The ${kind} '${echo(id)}' has dependencies and cannot be deleted.`);

export const routeTableMalformed = malformed("InvalidRouteTableId.Malformed", "rtb");
export const routeTableNotFound = notFound("InvalidRouteTableID.NotFound", "routeTable ID");
export const associationNotFound = notFound("InvalidAssociationID.NotFound", "association ID");
export const routeExists = (destination: string) =>
  new ServiceError("RouteAlreadyExists", `The route identified by ${echo(destination)} already exists.`);
export const routeNotFound = (kind: string, destination: string, tableId: string) =>
  new ServiceError("InvalidRoute.NotFound", `no route with ${kind} ${echo(destination)} in route table ${tableId}`);

export const aclMalformed = malformed("InvalidNetworkAclId.Malformed", "acl");
export const aclNotFound = notFound("InvalidNetworkAclID.NotFound", "network ACL ID");
export const aclEntryExists = (rule: number, egress: boolean) =>
  new ServiceError(
    "NetworkAclEntryAlreadyExists",
    `The network acl entry identified by ${rule} already exists${egress ? " (egress)" : ""}.`,
  );
export const aclEntryNotFound = (rule: number, egress: boolean, aclId: string) =>
  new ServiceError(
    "InvalidNetworkAclEntry.NotFound",
    `The network acl entry identified by ${rule} (${egress ? "egress" : "ingress"}) does not exist in ${aclId}.`,
  );

export const allocationMalformed = malformed("InvalidAllocationID.Malformed", "eipalloc");
export const allocationNotFound = notFound("InvalidAllocationID.NotFound", "allocation ID");
export const addressNotFound = (ip: string) => new ServiceError("InvalidAddress.NotFound", `Address '${echo(ip)}' not found.`);
export const addressInUse = (ip: string) => new ServiceError("InvalidIPAddress.InUse", `Address ${echo(ip)} is in use.`);
export const addressLimit = () => new ServiceError("AddressLimitExceeded", "The maximum number of addresses has been reached.");
export const interfaceMalformed = malformed("InvalidNetworkInterfaceID.Malformed", "eni");
export const interfaceNotFound = notFound("InvalidNetworkInterfaceID.NotFound", "networkInterface ID");
