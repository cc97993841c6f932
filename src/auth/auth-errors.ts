// How a service refuses a call it cannot authenticate or authorize (AWS "Common Errors" pages:
// IncompleteSignature 400, InvalidClientTokenId 403, MissingAuthenticationToken 403, RequestExpired 400;
// EC2 "Error codes": AuthFailure, UnauthorizedOperation 403; JSON services use the ...Exception names).
// Each service declares its table on its definition; these are the pieces the tables share.
import { ServiceError } from "../errors/service-error";

export type AuthFailureKind = "missing" | "incomplete" | "unknownKey" | "badToken" | "mismatch" | "expired" | "denied";

export type AuthErrorTable = Record<AuthFailureKind, [code: string, status: number, message: string]>;

export const MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
export const BAD_TOKEN = "The security token included in the request is invalid.";

/** What the query-protocol services (EC2, STS) answer alike. */
export const QUERY_COMMON: Omit<AuthErrorTable, "unknownKey" | "denied"> = {
  missing: ["MissingAuthenticationToken", 403, "Request is missing Authentication Token"],
  incomplete: ["IncompleteSignature", 400, ""],
  badToken: ["InvalidClientTokenId", 403, BAD_TOKEN],
  mismatch: ["SignatureDoesNotMatch", 403, MISMATCH],
  expired: ["RequestExpired", 400, "Request has expired."],
};

/** What the AWS JSON services answer alike. */
export const JSON_COMMON: AuthErrorTable = {
  missing: ["MissingAuthenticationTokenException", 400, "Missing Authentication Token"],
  incomplete: ["IncompleteSignatureException", 400, ""],
  unknownKey: ["UnrecognizedClientException", 400, BAD_TOKEN],
  badToken: ["UnrecognizedClientException", 400, BAD_TOKEN],
  mismatch: ["InvalidSignatureException", 400, MISMATCH],
  expired: ["InvalidSignatureException", 400, "Signature expired."],
  denied: ["AccessDeniedException", 400, "User is not authorized to perform this operation."],
};

/**
 * What the REST-JSON services answer alike: the AWS JSON names, with 403 where a REST service refuses a request
 * it cannot authenticate or authorize.
 */
export const REST_JSON_COMMON: AuthErrorTable = {
  missing: ["MissingAuthenticationTokenException", 403, "Missing Authentication Token"],
  incomplete: ["IncompleteSignatureException", 403, ""],
  unknownKey: ["UnrecognizedClientException", 403, BAD_TOKEN],
  badToken: ["UnrecognizedClientException", 403, BAD_TOKEN],
  mismatch: ["InvalidSignatureException", 403, MISMATCH],
  expired: ["InvalidSignatureException", 403, "Signature expired."],
  denied: ["AccessDeniedException", 403, "User is not authorized to perform this operation."],
};

/** The refusal from a service's table; `detail` replaces the standard message where the service words it per request. */
export function authError(table: AuthErrorTable, kind: AuthFailureKind, detail?: string): ServiceError {
  const [code, status, message] = table[kind];
  return new ServiceError(code, detail ?? message, status);
}
