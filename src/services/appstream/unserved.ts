// TEMPORARY: operations in the model whose handlers are being written. Each line goes when its operation is served.
import { ServiceError } from "../../errors/service-error";
import type { AppStreamHandlers } from "./api.generated";

const unserved = (): never => {
  throw new ServiceError("UnknownOperationException", "This operation is not served yet.");
};

export const unservedHandlers: Pick<
  AppStreamHandlers,
  "CreateEntitlement" | "DeleteEntitlement" | "DescribeEntitlements" | "ListEntitledApplications" | "UpdateEntitlement"
> = {
  CreateEntitlement: unserved,
  DeleteEntitlement: unserved,
  DescribeEntitlements: unserved,
  ListEntitledApplications: unserved,
  UpdateEntitlement: unserved,
};
