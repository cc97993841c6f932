// Recycle Bin's errors (Recycle Bin API reference, each operation's Errors section): REST-JSON errors whose
// status the model gives (ValidationException 400, ServiceQuotaExceededException 402, ResourceNotFoundException
// 404, ConflictException 409, InternalServerException 500), each with a `Reason` the model enumerates.
import { ServiceError } from "../../errors/service-error";

export const validation = (message: string): ServiceError =>
  new ServiceError("ValidationException", message, 400, { Reason: "INVALID_PARAMETER_VALUE" });

export const invalidPageToken = (): ServiceError =>
  new ServiceError("ValidationException", "The pagination token is not valid.", 400, { Reason: "INVALID_PAGE_TOKEN" });

export const ruleNotFound = (id: string): ServiceError =>
  new ServiceError("ResourceNotFoundException", `The retention rule ${id} does not exist.`, 404, { Reason: "RULE_NOT_FOUND" });

/** A change that the rule's lock state forbids ("The specified retention rule lock request can't be completed."). */
export const invalidRuleState = (message: string): ServiceError =>
  new ServiceError("ConflictException", message, 409, { Reason: "INVALID_RULE_STATE" });

export const quotaExceeded = (message: string): ServiceError =>
  new ServiceError("ServiceQuotaExceededException", message, 402, { Reason: "SERVICE_QUOTA_EXCEEDED" });
