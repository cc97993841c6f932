// AppStream's errors: HTTP 400 with a JSON `__type` and `message` (AppStream API reference, "Common Errors"
// and each operation's Errors section).
import { ServiceError } from "../../errors/service-error";

const e = (code: string) => (message: string) => new ServiceError(code, message, 400);

export const notFound = e("ResourceNotFoundException");
export const alreadyExists = e("ResourceAlreadyExistsException");
export const inUse = e("ResourceInUseException");
export const notAvailable = e("ResourceNotAvailableException");
export const notPermitted = e("OperationNotPermittedException");
export const concurrentModification = e("ConcurrentModificationException");
export const invalidCombination = e("InvalidParameterCombinationException");
export const limitExceeded = e("LimitExceededException");
export const incompatibleImage = e("IncompatibleImageException");
export const validation = e("ValidationException");
export const entitlementAlreadyExists = e("EntitlementAlreadyExistsException");
export const entitlementNotFound = e("EntitlementNotFoundException");
export const invalidRole = e("InvalidRoleException");
