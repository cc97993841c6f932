// AWS STS: just enough for clients to learn which account their keys map to.
import { loadModel } from "../../model/model";
import { ServiceError } from "../../errors/service-error";
import { awsValidationMessage } from "../../validation/validate";
import type { ServiceDefinition } from "../../gateway/service";
import type { StsHandlers } from "./api.generated";

const handlers: StsHandlers = {
  GetCallerIdentity: (ctx) => ({
    Account: ctx.accountId,
    Arn: `arn:aws:iam::${ctx.accountId}:root`,
    UserId: ctx.accountId,
  }),
};

export const sts: ServiceDefinition = {
  name: "sts",
  model: loadModel("sts"),
  handlers: handlers as unknown as ServiceDefinition["handlers"],
  records: {},
  validationError: (v) => new ServiceError("ValidationError", awsValidationMessage(v)),
  unknownOperation: (name) => new ServiceError("InvalidAction", `Could not find operation ${name} for version 2011-06-15`),
  internalError: () => new ServiceError("InternalFailure", "An internal error occurred.", 500),
  throttlingError: () => new ServiceError("Throttling", "Rate exceeded"),
};
