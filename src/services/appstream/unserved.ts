// TEMPORARY: operations in the model whose handlers are being written. Each line goes when its operation is served.
import { ServiceError } from "../../errors/service-error";
import type { AppStreamHandlers } from "./api.generated";

const unserved = (): never => {
  throw new ServiceError("UnknownOperationException", "This operation is not served yet.");
};

export const unservedHandlers: Pick<
  AppStreamHandlers,
  | "AssociateFleet"
  | "BatchAssociateUserStack"
  | "BatchDisassociateUserStack"
  | "CreateEntitlement"
  | "CreateImageBuilderStreamingURL"
  | "CreateStack"
  | "CreateStreamingURL"
  | "CreateUsageReportSubscription"
  | "CreateUser"
  | "DeleteEntitlement"
  | "DeleteStack"
  | "DeleteUsageReportSubscription"
  | "DeleteUser"
  | "DescribeEntitlements"
  | "DescribeSessions"
  | "DescribeStacks"
  | "DescribeUsageReportSubscriptions"
  | "DescribeUserStackAssociations"
  | "DescribeUsers"
  | "DisableUser"
  | "DisassociateFleet"
  | "EnableUser"
  | "ExpireSession"
  | "ListAssociatedFleets"
  | "ListAssociatedStacks"
  | "ListEntitledApplications"
  | "UpdateEntitlement"
  | "UpdateStack"
> = {
  AssociateFleet: unserved,
  BatchAssociateUserStack: unserved,
  BatchDisassociateUserStack: unserved,
  CreateEntitlement: unserved,
  CreateImageBuilderStreamingURL: unserved,
  CreateStack: unserved,
  CreateStreamingURL: unserved,
  CreateUsageReportSubscription: unserved,
  CreateUser: unserved,
  DeleteEntitlement: unserved,
  DeleteStack: unserved,
  DeleteUsageReportSubscription: unserved,
  DeleteUser: unserved,
  DescribeEntitlements: unserved,
  DescribeSessions: unserved,
  DescribeStacks: unserved,
  DescribeUsageReportSubscriptions: unserved,
  DescribeUserStackAssociations: unserved,
  DescribeUsers: unserved,
  DisableUser: unserved,
  DisassociateFleet: unserved,
  EnableUser: unserved,
  ExpireSession: unserved,
  ListAssociatedFleets: unserved,
  ListAssociatedStacks: unserved,
  ListEntitledApplications: unserved,
  UpdateEntitlement: unserved,
  UpdateStack: unserved,
};
