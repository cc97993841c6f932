// Systems Manager Parameter Store: the operation table, and how the service words errors the framework raises.
import { loadModel } from "../../model/model";
import { ServiceError, serviceUnavailable } from "../../errors/service-error";
import { awsValidationMessage } from "../../validation/validate";
import type { ServiceDefinition } from "../../gateway/service";
import { JSON_COMMON } from "../../auth/auth-errors";
import type { SsmHandlers } from "./api.generated";
import { parameterHandlers } from "./parameters/handlers";
import { describeParametersHandlers } from "./parameters/describe";
import { tagHandlers } from "./tags/handlers";
import { resourcePolicyHandlers } from "./resource-policies/handlers";
import { ssmActions } from "./actions";
import { ssmCollections } from "./collections";
import { ssmDashboardViews } from "./dashboard-views";
import { arn } from "../../util/arn";

const handlers: SsmHandlers = {
  ...parameterHandlers,
  ...describeParametersHandlers,
  ...tagHandlers,
  ...resourcePolicyHandlers,
};

export const ssm: ServiceDefinition = {
  name: "ssm",
  model: loadModel("ssm"),
  handlers: handlers as unknown as ServiceDefinition["handlers"],
  collections: ssmCollections,
  dashboardViews: ssmDashboardViews,
  validationError: (v) => new ServiceError("ValidationException", awsValidationMessage(v)),
  unknownOperation: (name) => new ServiceError("UnknownOperationException", name ? `Unknown operation ${name}.` : "Unknown operation."),
  // The model's InternalServerError is the service's own 500.
  internalError: () => new ServiceError("InternalServerError", "An internal error occurred.", 500),
  throttlingError: () => new ServiceError("ThrottlingException", "Rate exceeded"),
  unavailableError: serviceUnavailable,
  auth: {
    actions: ssmActions,
    errors: JSON_COMMON,
    deniedMessage: (caller, action, resource) =>
      `User: ${arn("iam", caller.region, caller.accountId, `user/${caller.accessKeyId}`)} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
  },
};
