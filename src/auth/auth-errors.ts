// How each service refuses a call it cannot authenticate or authorize (AWS "Common Errors" pages:
// IncompleteSignature 400, InvalidClientTokenId 403, MissingAuthenticationToken 403, RequestExpired 400;
// EC2 "Error codes": AuthFailure, UnauthorizedOperation 403; JSON services use the ...Exception names).
import { ServiceError } from "../errors/service-error";

export type AuthFailureKind = "missing" | "incomplete" | "unknownKey" | "badToken" | "mismatch" | "expired" | "denied";

const MISMATCH = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
const BAD_TOKEN = "The security token included in the request is invalid.";

type Table = Record<AuthFailureKind, [code: string, status: number, message: string]>;

const QUERY_COMMON: Omit<Table, "unknownKey" | "denied"> = {
  missing: ["MissingAuthenticationToken", 403, "Request is missing Authentication Token"],
  incomplete: ["IncompleteSignature", 400, ""],
  badToken: ["InvalidClientTokenId", 403, BAD_TOKEN],
  mismatch: ["SignatureDoesNotMatch", 403, MISMATCH],
  expired: ["RequestExpired", 400, "Request has expired."],
};

const TABLES: Record<string, Table> = {
  ec2: {
    ...QUERY_COMMON,
    unknownKey: ["AuthFailure", 401, "AWS was not able to validate the provided access credentials"],
    badToken: ["AuthFailure", 401, "AWS was not able to validate the provided access credentials"],
    denied: ["UnauthorizedOperation", 403, "You are not authorized to perform this operation."],
  },
  sts: {
    ...QUERY_COMMON,
    unknownKey: ["InvalidClientTokenId", 403, BAD_TOKEN],
    denied: ["AccessDenied", 403, "User is not authorized to perform this operation."],
  },
  appstream: {
    missing: ["MissingAuthenticationTokenException", 400, "Missing Authentication Token"],
    incomplete: ["IncompleteSignatureException", 400, ""],
    unknownKey: ["UnrecognizedClientException", 400, BAD_TOKEN],
    badToken: ["UnrecognizedClientException", 400, BAD_TOKEN],
    mismatch: ["InvalidSignatureException", 400, MISMATCH],
    expired: ["InvalidSignatureException", 400, "Signature expired."],
    denied: ["AccessDeniedException", 400, "User is not authorized to perform this operation."],
  },
};

/** The service's refusal; `detail` replaces the standard message where the service words it per request. */
export function authError(service: string, kind: AuthFailureKind, detail?: string): ServiceError {
  const [code, status, message] = (TABLES[service] ?? TABLES.sts)[kind];
  return new ServiceError(code, detail ?? message, status);
}
