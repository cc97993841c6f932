// AWS STS: just enough for clients to learn which account their keys map to.
import { loadModel } from "../../model/model";
import { ServiceError, serviceUnavailable } from "../../errors/service-error";
import { awsValidationMessage } from "../../validation/validate";
import type { ServiceDefinition } from "../../gateway/service";
import type { StsHandlers } from "./api.generated";
import { ALL, type ActionTable } from "../../auth/actions";
import { BAD_TOKEN, QUERY_COMMON } from "../../auth/auth-errors";
import { arn } from "../../util/arn";

const actions: ActionTable<keyof StsHandlers> = {
  prefix: "sts",
  operations: { GetCallerIdentity: ALL },
  // "No permissions are required to perform this operation" (GetCallerIdentity, STS API reference).
  alwaysAllowed: new Set(["GetCallerIdentity"]),
};

const handlers: StsHandlers = {
  GetCallerIdentity: (ctx) => ({
    Account: ctx.accountId,
    Arn: arn("iam", ctx.region, ctx.accountId, "root"),
    UserId: ctx.accountId,
  }),
};

export const sts: ServiceDefinition = {
  name: "sts",
  model: loadModel("sts"),
  handlers: handlers as unknown as ServiceDefinition["handlers"],
  collections: [],
  validationError: (v) => new ServiceError("ValidationError", awsValidationMessage(v)),
  unknownOperation: (name) => new ServiceError("InvalidAction", `Could not find operation ${name} for version 2011-06-15`),
  internalError: () => new ServiceError("InternalFailure", "An internal error occurred.", 500),
  throttlingError: () => new ServiceError("Throttling", "Rate exceeded"),
  unavailableError: serviceUnavailable,
  auth: {
    actions,
    errors: {
      ...QUERY_COMMON,
      unknownKey: ["InvalidClientTokenId", 403, BAD_TOKEN],
      denied: ["AccessDenied", 403, "User is not authorized to perform this operation."],
    },
  },
};
