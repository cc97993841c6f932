// Amazon Recycle Bin: retention rules, which EC2's DeregisterImage, DeleteSnapshot and DeleteVolume consult
// (ec2/recycle-bin/): the operation table, and how the service words the errors the framework raises.
import { loadModel } from "../../model/model";
import { ServiceError, serviceUnavailable } from "../../errors/service-error";
import { awsValidationMessage } from "../../validation/validate";
import type { ServiceDefinition } from "../../gateway/service";
import { REST_JSON_COMMON } from "../../auth/auth-errors";
import { arn } from "../../util/arn";
import type { RbinHandlers } from "./api.generated";
import { ruleHandlers } from "./rules/handlers";
import { tagHandlers } from "./tags/handlers";
import { rbinActions } from "./actions";
import { rules } from "./rules/records";
import { rbinDashboardViews } from "./dashboard-views";

const handlers: RbinHandlers = { ...ruleHandlers, ...tagHandlers };

export const rbin: ServiceDefinition = {
  name: "rbin",
  model: loadModel("rbin"),
  handlers: handlers as unknown as ServiceDefinition["handlers"],
  collections: [rules],
  dashboardViews: rbinDashboardViews,
  validationError: (v) => new ServiceError("ValidationException", awsValidationMessage(v), 400, { Reason: "INVALID_PARAMETER_VALUE" }),
  // A request whose method and path take no route of the API.
  unknownOperation: (name) =>
    new ServiceError("UnknownOperationException", name ? `No operation of Recycle Bin is ${name}.` : "Unknown operation.", 404),
  internalError: () =>
    new ServiceError("InternalServerException", "The service could not respond to the request due to an internal problem.", 500),
  throttlingError: () => new ServiceError("ThrottlingException", "Rate exceeded", 429),
  unavailableError: serviceUnavailable,
  auth: {
    actions: rbinActions,
    errors: REST_JSON_COMMON,
    deniedMessage: (caller, action, resource) =>
      `User: ${arn("iam", caller.region, caller.accountId, `user/${caller.accessKeyId}`)} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
  },
};
