// AppStream 2.0: the operation table, and how the service words errors the framework raises.
import { loadModel } from "../../model/model";
import { ServiceError, serviceUnavailable } from "../../errors/service-error";
import { awsValidationMessage } from "../../validation/validate";
import type { ServiceDefinition } from "../../gateway/service";
import { appstreamCollections } from "./collections";
import type { AppStreamHandlers } from "./api.generated";
import { imageHandlers } from "./images/handlers";
import { describeImagesHandlers } from "./images/describe";
import { imagePermissionHandlers } from "./images/permissions";
import { builderHandlers } from "./image-builders/handlers";
import { fleetHandlers } from "./fleets/handlers";
import { tagHandlers } from "./tags/handlers";
import { importedImageHandlers } from "./imported-images/handlers";
import { directoryConfigHandlers } from "./directory-configs/handlers";
import { entitlementHandlers } from "./entitlements/handlers";
import { stackHandlers } from "./stacks/handlers";
import { fleetAssociationHandlers } from "./stacks/fleet-associations";
import { userHandlers } from "./users/handlers";
import { streamingHandlers } from "./streaming/handlers";
import { usageReportSubscriptionHandlers } from "./usage-reports/handlers";
import { themeHandlers } from "./themes/handlers";
import { exportTaskHandlers } from "./export-tasks/handlers";
import { softwareHandlers } from "./image-builders/software";
import { sessionHandlers } from "./streaming/sessions";
import { applicationHandlers } from "./applications/handlers";
import { entitlementApplicationHandlers } from "./applications/entitlement-associations";
import { appBlockHandlers } from "./app-blocks/handlers";
import { appBlockBuilderHandlers } from "./app-block-builders/handlers";
import { appstreamActions } from "./actions";
import { imageAssistant } from "./images/assistant";
import { appBlockBuilderAssistant } from "./app-block-builders/assistant";
import { networkAssistant } from "./fleets/network";
import { appstreamSeedLists } from "./seed-lists";
import { appstreamDashboardViews } from "./dashboard-views";
import { JSON_COMMON } from "../../auth/auth-errors";
import { arn } from "../../util/arn";

const handlers: AppStreamHandlers = {
  ...imageHandlers,
  ...describeImagesHandlers,
  ...imagePermissionHandlers,
  ...builderHandlers,
  ...fleetHandlers,
  ...tagHandlers,
  ...importedImageHandlers,
  ...directoryConfigHandlers,
  ...entitlementHandlers,
  ...stackHandlers,
  ...fleetAssociationHandlers,
  ...userHandlers,
  ...streamingHandlers,
  ...usageReportSubscriptionHandlers,
  ...themeHandlers,
  ...exportTaskHandlers,
  ...softwareHandlers,
  ...sessionHandlers,
  ...applicationHandlers,
  ...entitlementApplicationHandlers,
  ...appBlockHandlers,
  ...appBlockBuilderHandlers,
};

const model = loadModel("appstream");

export const appstream: ServiceDefinition = {
  name: "appstream",
  model,
  handlers: handlers as unknown as ServiceDefinition["handlers"],
  collections: appstreamCollections,
  validationError: (v) => new ServiceError("ValidationException", awsValidationMessage(v)),
  unknownOperation: (name) => new ServiceError("UnknownOperationException", name ? `Unknown operation ${name}.` : "Unknown operation."),
  internalError: () =>
    new ServiceError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500),
  throttlingError: () => new ServiceError("ThrottlingException", "Rate exceeded"),
  unavailableError: serviceUnavailable,
  internal: { ...imageAssistant(model), ...appBlockBuilderAssistant(model), ...networkAssistant },
  seedLists: appstreamSeedLists,
  dashboardViews: appstreamDashboardViews,
  auth: {
    actions: appstreamActions,
    errors: JSON_COMMON,
    deniedMessage: (caller, action, resource) =>
      `User: ${arn("iam", caller.region, caller.accountId, `user/${caller.accessKeyId}`)} is not authorized to perform: ${action} on resource: ${resource}`,
  },
};
