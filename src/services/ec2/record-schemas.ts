// The members of each EC2 record that reads rely on (checked when a state document is imported).
import { listOf, object, type RecordSchema } from "../../state/record-schema";
import { amiNames, amiReferences, amis, launchPermissions, publicImages, sharedImages } from "./image-records";
import { clientTokens } from "./client-tokens";
import { LEGACY_TAG_TYPE, tagSets } from "./tags";
import { importTasks } from "./import-task-records";
import { fastLaunchSettings } from "./fast-launch-records";
import { usageReports } from "./usage-report-records";
import { amiUses } from "./usage-report-entries";
import { blockPublicAccess } from "./image-block-public-access";
import { publicSnapshots, sharedSnapshots, snapshots, snapshotUses, volumePermissions } from "./snapshot-records";
import { launchTemplates, launchTemplateVersions } from "./launch-template-records";
import { instances } from "./instance-records";
import { volumes } from "./volume-records";
import { addressCounters } from "./instance-network";
import { networkDefaults, securityGroups, subnets, vpcs } from "./network-records";
import { keyPairs } from "./key-pair-records";
import { quotaValues } from "./quota-records";

const ownerIndex: RecordSchema = { owner: "string" };
const amiIndex: RecordSchema = { owner: "string", name: "string?", alias: "string?" };

/** Types only earlier versions write: their records are still read from older files and exports. */
export const ec2LegacyTypes = [amiNames.type, LEGACY_TAG_TYPE];

export const ec2Records: Record<string, RecordSchema> = {
  [amis.type]: {
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
    createdAt: "number",
    deprecatesAt: "number?",
    SourceInstanceId: "string?",
    lastLaunchAt: "number?",
    reportedLaunchAt: "number?",
    protection: object({ cooldown: "boolean", until: "number?" }, true),
    public: "boolean",
    schedule: "schedule",
  },
  [amiNames.type]: { ImageId: "string" },
  [launchPermissions.type]: { Group: "string?", UserId: "string?", OrganizationArn: "string?", OrganizationalUnitArn: "string?" },
  [sharedImages.type]: amiIndex,
  [publicImages.type]: amiIndex,
  [clientTokens.type]: { fingerprint: "string" },
  [amiReferences.type]: { account: "string" },
  [tagSets.type]: { ResourceId: "string", ResourceType: "string", Tags: "stringMap" },
  // An export of an earlier version: its tag records are turned into tag sets once imported.
  [LEGACY_TAG_TYPE]: { ResourceId: "string", ResourceType: "string", Key: "string", Value: "string" },
  [importTasks.type]: {
    ImportTaskId: "string",
    owner: "string",
    region: "string",
    createdAt: "number",
    Architecture: "string",
    Encrypted: "boolean",
    LicenseType: "string",
    Platform: "string",
    UsageOperation: "string",
    LicenseSpecifications: listOf({}, true),
    disks: listOf({ DiskImageSize: "number", SnapshotId: "string", DeviceName: "string", UserBucket: "object?" }),
    ImageId: "string?",
    reason: "string?",
    schedule: "schedule",
  },
  [fastLaunchSettings.type]: {
    ImageId: "string",
    owner: "string",
    ResourceType: "string",
    TargetResourceCount: "number",
    MaxParallelLaunches: "number",
    LaunchTemplate: object({ LaunchTemplateId: "string?", LaunchTemplateName: "string?", Version: "string?" }),
    schedule: "schedule",
  },
  [usageReports.type]: {
    ReportId: "string",
    ImageId: "string",
    ResourceTypes: listOf({ ResourceType: "string?", ResourceTypeOptions: "array?" }),
    AccountIds: "strings?",
    createdAt: "number",
    schedule: "schedule",
    StateReason: "string?",
    entries: listOf({ ResourceType: "string", AccountId: "string", UsageCount: "number" }),
  },
  [blockPublicAccess.type]: { schedule: "schedule" },
  [snapshots.type]: {
    SnapshotId: "string",
    owner: "string",
    alias: "string?",
    region: "string",
    VolumeId: "string",
    VolumeSize: "number",
    Description: "string?",
    Encrypted: "boolean",
    KmsKeyId: "string?",
    createdAt: "number",
    public: "boolean",
    schedule: "schedule",
  },
  [volumePermissions.type]: { UserId: "string" },
  [sharedSnapshots.type]: ownerIndex,
  [publicSnapshots.type]: ownerIndex,
  [snapshotUses.type]: { account: "string" },
  [launchTemplates.type]: {
    LaunchTemplateId: "string",
    LaunchTemplateName: "string",
    owner: "string",
    region: "string",
    createdAt: "number",
    DefaultVersionNumber: "number",
    versions: "array",
    nextVersion: "number",
  },
  [launchTemplateVersions.type]: {
    LaunchTemplateId: "string",
    VersionNumber: "number",
    createdAt: "number",
    data: "object",
    amiOwner: "string?",
  },
  [amiUses.type]: { resourceType: "string", account: "string", region: "string", name: "string", arn: "string", at: "number" },
  [instances.type]: {
    InstanceId: "string",
    ReservationId: "string",
    owner: "string",
    region: "string",
    ImageId: "string",
    amiOwner: "string",
    InstanceType: "string",
    AmiLaunchIndex: "number",
    launchedAt: "number",
    Placement: object({ AvailabilityZone: "string" }),
    PrivateIpAddress: "string",
    PrivateDnsName: "string",
    Groups: listOf({ GroupId: "string?", GroupName: "string?" }),
    MetadataOptions: "object",
    schedule: "schedule",
  },
  [volumes.type]: {
    VolumeId: "string",
    owner: "string",
    region: "string",
    Size: "number",
    VolumeType: "string",
    Encrypted: "boolean",
    AvailabilityZone: "string",
    createdAt: "number",
    schedule: "schedule",
    attachment: "object?",
  },
  [addressCounters.type]: { next: "number" },
  [vpcs.type]: { VpcId: "string", CidrBlock: "string", IsDefault: "boolean", CidrAssociationId: "string", DhcpOptionsId: "string" },
  [subnets.type]: {
    SubnetId: "string",
    VpcId: "string",
    AvailabilityZone: "string",
    AvailabilityZoneId: "string",
    CidrBlock: "string",
    DefaultForAz: "boolean",
    MapPublicIpOnLaunch: "boolean",
  },
  [securityGroups.type]: {
    GroupId: "string",
    GroupName: "string",
    VpcId: "string",
    Description: "string",
    ingress: listOf({ SecurityGroupRuleId: "string", IpProtocol: "string" }),
    egress: listOf({ SecurityGroupRuleId: "string", IpProtocol: "string" }),
  },
  [networkDefaults.type]: { VpcId: "string" },
  [keyPairs.type]: {
    KeyName: "string",
    KeyPairId: "string",
    KeyFingerprint: "string",
    KeyType: "string",
    PublicKey: "string",
    createdAt: "number",
  },
  [quotaValues.type]: { code: "string", value: "number" },
};
