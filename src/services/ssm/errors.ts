// Parameter Store's errors: HTTP 400 with a JSON `__type` and `message` (SSM API reference, each operation's
// Errors section, and "Common Errors").
import { ServiceError } from "../../errors/service-error";

const e = (code: string) => (message: string) => new ServiceError(code, message, 400);

export const validation = e("ValidationException");
export const accessDenied = e("AccessDeniedException");
export const alreadyExists = e("ParameterAlreadyExists");
export const hierarchyLimit = e("HierarchyLevelLimitExceededException");
export const versionLabelLimit = e("ParameterVersionLabelLimitExceeded");
export const maxVersionLimit = e("ParameterMaxVersionLimitExceeded");
export const patternMismatch = e("ParameterPatternMismatchException");
export const invalidAllowedPattern = e("InvalidAllowedPatternException");
export const invalidFilterKey = e("InvalidFilterKey");
export const invalidFilterOption = e("InvalidFilterOption");
export const invalidFilterValue = e("InvalidFilterValue");
export const invalidNextToken = e("InvalidNextToken");
export const invalidResourceType = e("InvalidResourceType");
export const invalidResourceId = e("InvalidResourceId");
export const tooManyTags = e("TooManyTagsError");
export const invalidKeyId = e("InvalidKeyId");
export const invalidPolicyType = e("InvalidPolicyTypeException");
export const invalidPolicyAttribute = e("InvalidPolicyAttributeException");
export const incompatiblePolicy = e("IncompatiblePolicyException");
export const policiesLimit = e("PoliciesLimitExceededException");

/** GetParameter and DeleteParameter answer an unknown name with an empty ParameterNotFound. */
export const notFound = (message = ""): ServiceError => new ServiceError("ParameterNotFound", message, 400);

export const versionNotFound = (name: string, version: number | string): ServiceError =>
  new ServiceError(
    "ParameterVersionNotFound",
    `Systems Manager could not find version ${version} of ${name}. Verify the version and try again.`,
  );

// Resource policies (SSM API reference: PutResourcePolicy, GetResourcePolicies, DeleteResourcePolicy).
export const resourceNotFound = e("ResourceNotFoundException");
export const malformedPolicy = e("MalformedResourcePolicyDocumentException");
export const policyInvalidParameter = e("ResourcePolicyInvalidParameterException");
export const policyLimitExceeded = e("ResourcePolicyLimitExceededException");
export const policyConflict = e("ResourcePolicyConflictException");
export const policyNotFound = e("ResourcePolicyNotFoundException");
