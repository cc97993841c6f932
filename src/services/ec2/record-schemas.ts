// The members of each EC2 record that reads rely on (checked when a state document is imported).
import { isCount, listOf, object, type RecordSchema } from "../../state/record-schema";
import { keyed } from "../../state/keyed-schema";
import { amiNames, amiReferences, amis, launchPermissions, publicImages, sharedImages } from "./images/records";
import { clientTokens } from "./client-tokens";
import { LEGACY_TAG_TYPE, tagSets } from "./tags/records";
import { importTasks } from "./import/records";
import { fastLaunchSettings } from "./fast-launch/records";
import { usageReports } from "./usage-reports/records";
import { amiUses } from "./usage-reports/entries";
import { blockPublicAccess } from "./images/block-public-access";
import { publicSnapshots, sharedSnapshots, snapshots, snapshotUses, volumePermissions } from "./snapshots/records";
import { launchTemplates, launchTemplateVersions, versionKey, type LaunchTemplateRecord } from "./launch-templates/records";
import { instances } from "./instances/records";
import { volumes } from "./volumes/records";
import { addressCounters } from "./instances/placement";
import { networkDefaults, securityGroups, subnets, vpcs } from "./network/records";
import { keyPairs } from "./key-pairs/records";
import { quotaValues } from "./instances/quota-records";

/** Records in their owner's partition of their region (an instance, a volume, a launch template). */
const ownRegion = { partition: (r: { owner: string; region: string }) => ({ account: r.owner, region: r.region }) };

/**
 * A template's versions ascend, the default among them, and the next number above them: reads take the last
 * as the latest and look the default up, and a new version must not take a number in use.
 */
function versionChain(t: LaunchTemplateRecord): string | undefined {
  const v = t.versions;
  if (v.length === 0) return "versions must not be empty";
  for (let i = 0; i < v.length; i++) {
    if (!isCount(v[i]) || v[i] < 1 || (i > 0 && v[i] <= v[i - 1]))
      return `versions[${i}] must be a version number above the one before it, from 1`;
  }
  if (!v.includes(t.DefaultVersionNumber)) return "DefaultVersionNumber must be one of versions";
  if (t.nextVersion <= v[v.length - 1]) return "nextVersion must be above every version";
  return undefined;
}

const ownerIndex: RecordSchema = { owner: "string" };
const amiIndex: RecordSchema = { owner: "string", name: "string?", alias: "string?" };

/** Types only earlier versions write: their records are still read from older files and exports. */
export const ec2LegacyTypes = [amiNames.type, LEGACY_TAG_TYPE];

export const ec2Records: Record<string, RecordSchema> = {
  [amis.type]: keyed(amis, {
    ImageId: "string",
    owner: "string",
    alias: "string?",
    region: "string",
    Name: "string",
    Description: "string?",
    Architecture: "string",
    Platform: "string?",
    PlatformDetails: "string",
    UsageOperation: "string",
    RootDeviceName: "string?",
    RootDeviceType: "string",
    BlockDeviceMappings: listOf({ DeviceName: "string?", Ebs: "object?" }),
    ImageLocation: "string",
    VirtualizationType: "string",
    ProductCodes: listOf({}, true),
    createdAt: "time",
    deprecatesAt: "time?",
    SourceInstanceId: "string?",
    lastLaunchAt: "time?",
    reportedLaunchAt: "time?",
    protection: object({ cooldown: "boolean", until: "time?" }, true),
    public: "boolean",
    schedule: "schedule",
  }),
  [amiNames.type]: { ImageId: "string" },
  [launchPermissions.type]: { Group: "string?", UserId: "string?", OrganizationArn: "string?", OrganizationalUnitArn: "string?" },
  [sharedImages.type]: amiIndex,
  [publicImages.type]: amiIndex,
  [clientTokens.type]: { fingerprint: "string", until: "time?" },
  [amiReferences.type]: { account: "string" },
  [tagSets.type]: keyed(tagSets, { ResourceId: "string", ResourceType: "string", Tags: "stringMap" }),
  // An export of an earlier version: its tag records are turned into tag sets once imported.
  [LEGACY_TAG_TYPE]: { ResourceId: "string", ResourceType: "string", Key: "string", Value: "string" },
  [importTasks.type]: keyed(
    importTasks,
    {
      ImportTaskId: "string",
      owner: "string",
      region: "string",
      createdAt: "time",
      Architecture: "string",
      Encrypted: "boolean",
      LicenseType: "string",
      Platform: "string",
      UsageOperation: "string",
      LicenseSpecifications: listOf({}, true),
      disks: listOf({ DiskImageSize: "count", SnapshotId: "string", DeviceName: "string", UserBucket: "object?" }),
      ImageId: "string?",
      reason: "string?",
      schedule: "schedule",
    },
    ownRegion,
  ),
  [fastLaunchSettings.type]: keyed(fastLaunchSettings, {
    ImageId: "string",
    owner: "string",
    ResourceType: "string",
    TargetResourceCount: "count",
    MaxParallelLaunches: "count",
    LaunchTemplate: object({ LaunchTemplateId: "string?", LaunchTemplateName: "string?", Version: "string?" }),
    schedule: "schedule",
  }),
  [usageReports.type]: keyed(usageReports, {
    ReportId: "string",
    ImageId: "string",
    ResourceTypes: listOf({ ResourceType: "string?", ResourceTypeOptions: "array?" }),
    AccountIds: "strings?",
    createdAt: "time",
    schedule: "schedule",
    StateReason: "string?",
    entries: listOf({ ResourceType: "string", AccountId: "string", UsageCount: "count" }),
  }),
  [blockPublicAccess.type]: keyed(blockPublicAccess, { schedule: "schedule" }),
  [snapshots.type]: keyed(snapshots, {
    SnapshotId: "string",
    owner: "string",
    alias: "string?",
    region: "string",
    VolumeId: "string",
    VolumeSize: "count",
    Description: "string?",
    Encrypted: "boolean",
    KmsKeyId: "string?",
    createdAt: "time",
    public: "boolean",
    schedule: "schedule",
  }),
  [volumePermissions.type]: { UserId: "string" },
  [sharedSnapshots.type]: ownerIndex,
  [publicSnapshots.type]: ownerIndex,
  [snapshotUses.type]: { account: "string" },
  [launchTemplates.type]: keyed(
    launchTemplates,
    {
      LaunchTemplateId: "string",
      LaunchTemplateName: "string",
      owner: "string",
      region: "string",
      createdAt: "time",
      DefaultVersionNumber: "count",
      versions: "array",
      nextVersion: "count",
    },
    {
      ...ownRegion,
      check: versionChain,
      needs: (t: LaunchTemplateRecord) =>
        t.versions.map((v) => ({ type: launchTemplateVersions.type, id: launchTemplateVersions.id([t.LaunchTemplateId, versionKey(v)]) })),
    },
  ),
  [launchTemplateVersions.type]: keyed(launchTemplateVersions, {
    LaunchTemplateId: "string",
    VersionNumber: "count",
    createdAt: "time",
    data: "object",
    amiOwner: "string?",
  }),
  [amiUses.type]: { resourceType: "string", account: "string", region: "string", name: "string", arn: "string", at: "time" },
  [instances.type]: keyed(
    instances,
    {
      InstanceId: "string",
      ReservationId: "string",
      owner: "string",
      region: "string",
      ImageId: "string",
      amiOwner: "string",
      InstanceType: "string",
      AmiLaunchIndex: "count",
      launchedAt: "time",
      Placement: object({ AvailabilityZone: "string" }),
      PrivateIpAddress: "string",
      PrivateDnsName: "string",
      Groups: listOf({ GroupId: "string?", GroupName: "string?" }),
      MetadataOptions: "object",
      schedule: "schedule",
    },
    ownRegion,
  ),
  [volumes.type]: keyed(
    volumes,
    {
      VolumeId: "string",
      owner: "string",
      region: "string",
      Size: "count",
      VolumeType: "string",
      Encrypted: "boolean",
      AvailabilityZone: "string",
      createdAt: "time",
      schedule: "schedule",
      attachment: "object?",
    },
    ownRegion,
  ),
  [addressCounters.type]: { next: "count" },
  [vpcs.type]: keyed(vpcs, {
    VpcId: "string",
    CidrBlock: "string",
    IsDefault: "boolean",
    CidrAssociationId: "string",
    DhcpOptionsId: "string",
  }),
  [subnets.type]: keyed(subnets, {
    SubnetId: "string",
    VpcId: "string",
    AvailabilityZone: "string",
    AvailabilityZoneId: "string",
    CidrBlock: "string",
    DefaultForAz: "boolean",
    MapPublicIpOnLaunch: "boolean",
  }),
  [securityGroups.type]: keyed(securityGroups, {
    GroupId: "string",
    GroupName: "string",
    VpcId: "string",
    Description: "string",
    ingress: listOf({ SecurityGroupRuleId: "string", IpProtocol: "string" }),
    egress: listOf({ SecurityGroupRuleId: "string", IpProtocol: "string" }),
  }),
  [networkDefaults.type]: keyed(networkDefaults, { VpcId: "string" }),
  [keyPairs.type]: keyed(keyPairs, {
    KeyName: "string",
    KeyPairId: "string",
    KeyFingerprint: "string",
    KeyType: "string",
    PublicKey: "string",
    createdAt: "time",
  }),
  // A value for every account lives in imagelite's own partition (GLOBAL_QUOTAS).
  [quotaValues.type]: keyed(quotaValues, { code: "string", value: "count" }, { global: true }),
};
