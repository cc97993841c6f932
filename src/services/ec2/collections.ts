// Every kind of record EC2 stores, declared once on its collection (schema, key, indexes, expiry, tagging):
// the service definition lists them (index.ts), and so do the tagging calls (tags/handlers.ts). A collection
// left out of this list cannot be imported with a state document, and is neither purged nor tagged.
import { amis } from "./images/access";
import { amiNames, amiReferences, launchPermissions, publicImages, retiredImages, sharedImages } from "./images/records";
import { blockPublicAccess } from "./images/block-public-access";
import { allowedImagesSettings } from "./images/allowed";
import { clientTokens } from "./client-tokens";
import { legacyTags, tagSets } from "./tags/records";
import { importTasks } from "./import/records";
import { storedObjects, storeTasks } from "./store-tasks/records";
import { exportTasks } from "./export-tasks/records";
import { snapshotTasks } from "./import/snapshot-tasks";
import { conversionTasks } from "./import/conversion-tasks";
import { fastLaunchSettings } from "./fast-launch/records";
import { usageReports } from "./usage-reports/records";
import { amiUses } from "./usage-reports/entries";
import { snapshots } from "./snapshots/access";
import { snapshotBlockPublicAccess } from "./snapshots/block-public-access";
import { fastSnapshotRestores } from "./snapshots/fast-restores";
import { replaceRootVolumeTasks } from "./volumes/replace-root";
import { publicSnapshots, sharedSnapshots, snapshotUses, volumePermissions } from "./snapshots/records";
import { launchTemplates, launchTemplateVersions } from "./launch-templates/records";
import { instances } from "./instances/records";
import { addressCounters } from "./instances/placement";
import { quotaValues } from "./instances/quota-records";
import { volumes } from "./volumes/records";
import { networkDefaults, ruleOwners, securityGroups, subnets, vpcs } from "./network/records";
import { keyPairs } from "./key-pairs/records";
import { internetGateways } from "./internet-gateways/records";
import { routeTables } from "./route-tables/records";
import { networkAcls } from "./network-acls/records";
import { addresses } from "./addresses/records";
import { vpcDefaults } from "./vpc-defaults/records";
import { ebsEncryption } from "./ebs-encryption/records";
import { fleets, spotRequests } from "./fleets/records";
import { networkInterfaces } from "./network-interfaces/records";
import { recycleBin } from "./recycle-bin/records";

export const ec2Collections = [
  amis,
  amiNames,
  retiredImages,
  recycleBin,
  launchPermissions,
  sharedImages,
  publicImages,
  clientTokens,
  amiReferences,
  tagSets,
  legacyTags,
  importTasks,
  storeTasks,
  storedObjects,
  exportTasks,
  snapshotTasks,
  conversionTasks,
  fastLaunchSettings,
  usageReports,
  blockPublicAccess,
  allowedImagesSettings,
  snapshots,
  volumePermissions,
  sharedSnapshots,
  publicSnapshots,
  snapshotUses,
  snapshotBlockPublicAccess,
  fastSnapshotRestores,
  replaceRootVolumeTasks,
  launchTemplates,
  launchTemplateVersions,
  amiUses,
  instances,
  volumes,
  addressCounters,
  vpcs,
  subnets,
  securityGroups,
  ruleOwners,
  networkDefaults,
  keyPairs,
  quotaValues,
  internetGateways,
  routeTables,
  networkAcls,
  addresses,
  vpcDefaults,
  ebsEncryption,
  fleets,
  spotRequests,
  networkInterfaces,
];

/** Types only earlier versions write: their records are still read from older files and exports. */
export const ec2LegacyTypes = [amiNames.type, legacyTags.type];
