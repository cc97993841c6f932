// Failure on demand for AppStream (a fault rule with a lifecycle outcome): what a builder or an image
// carries when it ends FAILED, in the shapes the service uses (StateChangeReason, ImageBuilderErrors, ImageErrors).
import type { RequestContext } from "../../gateway/context";
import type { ImageBuilderStateChangeReason, ImageStateChangeReason, ImageStateChangeReasonCode, ResourceError } from "./api.generated";

/** Stored timestamps are epoch milliseconds; views turn them into Dates. */
export type StoredError = Omit<ResourceError, "ErrorTimestamp"> & { ErrorTimestamp?: number };

export function builderFailure(
  ctx: RequestContext,
  reason?: string,
): { StateChangeReason: ImageBuilderStateChangeReason; ImageBuilderErrors: StoredError[] } {
  const message = reason ?? "The image builder could not be launched because of an internal service error.";
  return {
    StateChangeReason: { Code: "INTERNAL_ERROR", Message: message },
    ImageBuilderErrors: [{ ErrorCode: "INTERNAL_SERVICE_ERROR", ErrorMessage: message, ErrorTimestamp: ctx.now }],
  };
}

export function imageFailure(
  ctx: RequestContext,
  code: ImageStateChangeReasonCode,
  reason?: string,
): { StateChangeReason: ImageStateChangeReason; ImageErrors: StoredError[] } {
  const message = reason ?? "The image could not be created because of an internal service error.";
  return {
    StateChangeReason: { Code: code, Message: message },
    ImageErrors: [{ ErrorCode: "INTERNAL_SERVICE_ERROR", ErrorMessage: message, ErrorTimestamp: ctx.now }],
  };
}

/** Stored errors → the ResourceError shape. */
export const errorsView = (errors: StoredError[] | undefined): ResourceError[] | undefined =>
  errors?.map((e) => ({ ...e, ErrorTimestamp: e.ErrorTimestamp !== undefined ? new Date(e.ErrorTimestamp) : undefined }));
