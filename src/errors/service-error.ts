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
