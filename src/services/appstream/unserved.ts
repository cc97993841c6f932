// TEMPORARY: operations in the model whose handlers are being written. Each line goes when its operation is served.
import { ServiceError } from "../../errors/service-error";
import type { AppStreamHandlers } from "./api.generated";

const unserved = (): never => {
  throw new ServiceError("UnknownOperationException", "This operation is not served yet.");
};

export const unservedHandlers: Pick<
  AppStreamHandlers,
  | "CreateDirectoryConfig"
  | "CreateEntitlement"
  | "DeleteDirectoryConfig"
  | "DeleteEntitlement"
  | "DescribeDirectoryConfigs"
  | "DescribeEntitlements"
  | "ListEntitledApplications"
  | "UpdateDirectoryConfig"
  | "UpdateEntitlement"
> = {
  CreateDirectoryConfig: unserved,
  CreateEntitlement: unserved,
  DeleteDirectoryConfig: unserved,
  DeleteEntitlement: unserved,
  DescribeDirectoryConfigs: unserved,
  DescribeEntitlements: unserved,
  ListEntitledApplications: unserved,
  UpdateDirectoryConfig: unserved,
  UpdateEntitlement: unserved,
};
