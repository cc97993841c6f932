// The one error type a handler may throw. The protocol layer renders it in the service's own format.
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Extra members of the error body (AWS JSON only), e.g. a `Reason`. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = code;
  }
}

/** An error of the framework itself rather than of a service (bad body, unknown operation). */
export const internalError = (): ServiceError =>
  new ServiceError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500);

/**
 * A temporary failure of the server (imagelite's store is unreachable or damaged): 503, which SDKs retry.
 * The code is the same in every service here: "ServiceUnavailable" in the common errors of the AWS JSON and
 * query APIs (AppStream, SSM, STS API references, "Common Errors") and among the server error codes of EC2
 * (EC2 API reference, "Error codes for the Amazon EC2 API").
 */
export const serviceUnavailable = (): ServiceError =>
  new ServiceError("ServiceUnavailable", "The request has failed due to a temporary failure of the server.", 503);
