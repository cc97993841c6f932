// Every kind of record AppStream stores, declared once on its collection (schema, key, indexes, expiry): the
// service definition lists them (index.ts). A collection left out of this list cannot be imported with a state
// document, and is not purged.
import { images, imageUses, permissions, sharedWithMe } from "./images/records";
import { builders } from "./image-builders/records";
import { fleets } from "./fleets/records";
import { directoryConfigs } from "./directory-configs/records";
import { entitlements } from "./entitlements/records";
import { fleetsOfStack, stacks, stacksOfFleetIndex } from "./stacks/records";
import { stacksOfUser, users, usersOfStack } from "./users/records";
import { usageReportSubscriptions } from "./usage-reports/handlers";
import { themes } from "./themes/records";
import { exportTasks } from "./export-tasks/records";
import { builderSoftware } from "./image-builders/records";
import { licenseUsage, sessions } from "./streaming/records";
import { applicationFleets, applications } from "./applications/records";
import { appBlocks } from "./app-blocks/records";
import { appBlockBuilders } from "./app-block-builders/records";
import { appstreamQuotaValues } from "./quotas";

export const appstreamCollections = [
  images,
  permissions,
  sharedWithMe,
  builders,
  fleets,
  directoryConfigs,
  entitlements,
  imageUses,
  stacks,
  fleetsOfStack,
  stacksOfFleetIndex,
  users,
  usersOfStack,
  stacksOfUser,
  usageReportSubscriptions,
  themes,
  exportTasks,
  builderSoftware,
  sessions,
  licenseUsage,
  applications,
  applicationFleets,
  appBlocks,
  appBlockBuilders,
  appstreamQuotaValues,
];
