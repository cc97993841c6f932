// Generated from models/ec2.json by scripts/generate-types.js. Do not edit.
/* eslint-disable */
import type { RequestContext } from "../../gateway/context";

export type ArchitectureValues = "i386" | "x86_64" | "arm64" | "x86_64_mac" | "arm64_mac";
export interface AttributeValue {
  Value?: string;
}
export type BillingProductList = string[];
export interface BlockDeviceMapping {
  DeviceName?: string;
  Ebs?: EbsBlockDevice;
  NoDevice?: string;
  VirtualName?: string;
}
export type BlockDeviceMappingList = BlockDeviceMapping[];
export type BlockDeviceMappingRequestList = BlockDeviceMapping[];
export type BootModeValues = "legacy-bios" | "uefi" | "uefi-preferred";
export interface CancelImportTaskRequest {
  CancelReason?: string;
  DryRun?: boolean;
  ImportTaskId?: string;
}
export interface CancelImportTaskResult {
  ImportTaskId?: string;
  PreviousState?: string;
  State?: string;
}
export interface ClientData {
  Comment?: string;
  UploadEnd?: Date;
  UploadSize?: number;
  UploadStart?: Date;
}
export interface CopyImageRequest {
  ClientToken?: string;
  CopyImageTags?: boolean;
  Description?: string;
  DestinationAvailabilityZone?: string;
  DestinationAvailabilityZoneId?: string;
  DestinationOutpostArn?: string;
  DryRun?: boolean;
  Encrypted?: boolean;
  KmsKeyId?: string;
  Name: string;
  SnapshotCopyCompletionDurationMinutes?: number;
  SourceImageId: string;
  SourceRegion: string;
  TagSpecifications?: TagSpecificationList;
}
export interface CopyImageResult {
  ImageId?: string;
}
export interface CreateImageUsageReportRequest {
  AccountIds?: ImageUsageReportUserIdStringList;
  ClientToken?: string;
  DryRun?: boolean;
  ImageId: string;
  ResourceTypes: ImageUsageResourceTypeRequestList;
  TagSpecifications?: TagSpecificationList;
}
export interface CreateImageUsageReportResult {
  ReportId?: string;
}
export interface CreateTagsRequest {
  DryRun?: boolean;
  Resources: ResourceIdList;
  Tags: TagList;
}
export interface DeleteImageUsageReportRequest {
  DryRun?: boolean;
  ReportId: string;
}
export interface DeleteImageUsageReportResult {
  Return?: boolean;
}
export type DeleteSnapshotResultSet = DeleteSnapshotReturnCode[];
export interface DeleteSnapshotReturnCode {
  ReturnCode?: SnapshotReturnCodes;
  SnapshotId?: string;
}
export interface DeleteTagsRequest {
  DryRun?: boolean;
  Resources: ResourceIdList;
  Tags?: TagList;
}
export interface DeregisterImageRequest {
  DeleteAssociatedSnapshots?: boolean;
  DryRun?: boolean;
  ImageId: string;
}
export interface DeregisterImageResult {
  DeleteSnapshotResults?: DeleteSnapshotResultSet;
  Return?: boolean;
}
export interface DescribeFastLaunchImagesRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  ImageIds?: FastLaunchImageIdList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeFastLaunchImagesResult {
  FastLaunchImages?: DescribeFastLaunchImagesSuccessSet;
  NextToken?: string;
}
export interface DescribeFastLaunchImagesSuccessItem {
  ImageId?: string;
  LaunchTemplate?: FastLaunchLaunchTemplateSpecificationResponse;
  MaxParallelLaunches?: number;
  OwnerId?: string;
  ResourceType?: FastLaunchResourceType;
  SnapshotConfiguration?: FastLaunchSnapshotConfigurationResponse;
  State?: FastLaunchStateCode;
  StateTransitionReason?: string;
  StateTransitionTime?: Date;
}
export type DescribeFastLaunchImagesSuccessSet = DescribeFastLaunchImagesSuccessItem[];
export interface DescribeImageAttributeRequest {
  Attribute: ImageAttributeName;
  DryRun?: boolean;
  ImageId: string;
}
export interface DescribeImageUsageReportEntriesRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  ImageIds?: DescribeImageUsageReportsImageIdStringList;
  MaxResults?: number;
  NextToken?: string;
  ReportIds?: ImageUsageReportIdStringList;
}
export interface DescribeImageUsageReportEntriesResult {
  ImageUsageReportEntries?: ImageUsageReportEntryList;
  NextToken?: string;
}
export type DescribeImageUsageReportsImageIdStringList = string[];
export interface DescribeImageUsageReportsRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  ImageIds?: DescribeImageUsageReportsImageIdStringList;
  MaxResults?: number;
  NextToken?: string;
  ReportIds?: ImageUsageReportIdStringList;
}
export interface DescribeImageUsageReportsResult {
  ImageUsageReports?: ImageUsageReportList;
  NextToken?: string;
}
export interface DescribeImagesRequest {
  DryRun?: boolean;
  ExecutableUsers?: ExecutableByStringList;
  Filters?: FilterList;
  ImageIds?: ImageIdStringList;
  IncludeDeprecated?: boolean;
  IncludeDisabled?: boolean;
  MaxResults?: number;
  NextToken?: string;
  Owners?: OwnerStringList;
}
export interface DescribeImagesResult {
  Images?: ImageList;
  NextToken?: string;
}
export interface DescribeImportImageTasksRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  ImportTaskIds?: ImportTaskIdList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeImportImageTasksResult {
  ImportImageTasks?: ImportImageTaskList;
  NextToken?: string;
}
export interface DescribeTagsRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeTagsResult {
  NextToken?: string;
  Tags?: TagDescriptionList;
}
export type DeviceType = "ebs" | "instance-store";
export interface DisableFastLaunchRequest {
  DryRun?: boolean;
  Force?: boolean;
  ImageId: string;
}
export interface DisableFastLaunchResult {
  ImageId?: string;
  LaunchTemplate?: FastLaunchLaunchTemplateSpecificationResponse;
  MaxParallelLaunches?: number;
  OwnerId?: string;
  ResourceType?: FastLaunchResourceType;
  SnapshotConfiguration?: FastLaunchSnapshotConfigurationResponse;
  State?: FastLaunchStateCode;
  StateTransitionReason?: string;
  StateTransitionTime?: Date;
}
export interface DisableImageBlockPublicAccessRequest {
  DryRun?: boolean;
}
export interface DisableImageBlockPublicAccessResult {
  ImageBlockPublicAccessState?: ImageBlockPublicAccessDisabledState;
}
export interface EbsBlockDevice {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  DeleteOnTermination?: boolean;
  EbsCardIndex?: number;
  Encrypted?: boolean;
  Iops?: number;
  KmsKeyId?: string;
  OutpostArn?: string;
  SnapshotId?: string;
  Throughput?: number;
  VolumeInitializationRate?: number;
  VolumeSize?: number;
  VolumeType?: VolumeType;
}
export interface EnableFastLaunchRequest {
  DryRun?: boolean;
  ImageId: string;
  LaunchTemplate?: FastLaunchLaunchTemplateSpecificationRequest;
  MaxParallelLaunches?: number;
  ResourceType?: string;
  SnapshotConfiguration?: FastLaunchSnapshotConfigurationRequest;
}
export interface EnableFastLaunchResult {
  ImageId?: string;
  LaunchTemplate?: FastLaunchLaunchTemplateSpecificationResponse;
  MaxParallelLaunches?: number;
  OwnerId?: string;
  ResourceType?: FastLaunchResourceType;
  SnapshotConfiguration?: FastLaunchSnapshotConfigurationResponse;
  State?: FastLaunchStateCode;
  StateTransitionReason?: string;
  StateTransitionTime?: Date;
}
export interface EnableImageBlockPublicAccessRequest {
  DryRun?: boolean;
  ImageBlockPublicAccessState: ImageBlockPublicAccessEnabledState;
}
export interface EnableImageBlockPublicAccessResult {
  ImageBlockPublicAccessState?: ImageBlockPublicAccessEnabledState;
}
export type ExecutableByStringList = string[];
export type FastLaunchImageIdList = string[];
export interface FastLaunchLaunchTemplateSpecificationRequest {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Version: string;
}
export interface FastLaunchLaunchTemplateSpecificationResponse {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Version?: string;
}
export type FastLaunchResourceType = "snapshot";
export interface FastLaunchSnapshotConfigurationRequest {
  TargetResourceCount?: number;
}
export interface FastLaunchSnapshotConfigurationResponse {
  TargetResourceCount?: number;
}
export type FastLaunchStateCode = "enabling" | "enabling-failed" | "enabled" | "enabled-failed" | "disabling" | "disabling-failed";
export interface Filter {
  Name?: string;
  Values?: ValueStringList;
}
export type FilterList = Filter[];
export interface GetImageBlockPublicAccessStateRequest {
  DryRun?: boolean;
}
export interface GetImageBlockPublicAccessStateResult {
  ImageBlockPublicAccessState?: string;
  ManagedBy?: ManagedBy;
}
export type HypervisorType = "ovm" | "xen";
export interface Image {
  Architecture?: ArchitectureValues;
  BlockDeviceMappings?: BlockDeviceMappingList;
  BootMode?: BootModeValues;
  CreationDate?: string;
  DeprecationTime?: string;
  DeregistrationProtection?: string;
  Description?: string;
  EnaSupport?: boolean;
  FreeTierEligible?: boolean;
  Hypervisor?: HypervisorType;
  ImageAllowed?: boolean;
  ImageId?: string;
  ImageLocation?: string;
  ImageOwnerAlias?: string;
  ImageType?: ImageTypeValues;
  ImdsSupport?: ImdsSupportValues;
  KernelId?: string;
  LastLaunchedTime?: string;
  Name?: string;
  OwnerId?: string;
  Platform?: PlatformValues;
  PlatformDetails?: string;
  ProductCodes?: ProductCodeList;
  Public?: boolean;
  RamdiskId?: string;
  RootDeviceName?: string;
  RootDeviceType?: DeviceType;
  SourceImageId?: string;
  SourceImageRegion?: string;
  SourceInstanceId?: string;
  SriovNetSupport?: string;
  State?: ImageState;
  StateReason?: StateReason;
  Tags?: TagList;
  TpmSupport?: TpmSupportValues;
  UsageOperation?: string;
  VirtualizationType?: VirtualizationType;
}
export interface ImageAttribute {
  BlockDeviceMappings?: BlockDeviceMappingList;
  BootMode?: AttributeValue;
  DeregistrationProtection?: AttributeValue;
  Description?: AttributeValue;
  ImageId?: string;
  ImdsSupport?: AttributeValue;
  KernelId?: AttributeValue;
  LastLaunchedTime?: AttributeValue;
  LaunchPermissions?: LaunchPermissionList;
  ProductCodes?: ProductCodeList;
  RamdiskId?: AttributeValue;
  SriovNetSupport?: AttributeValue;
  TpmSupport?: AttributeValue;
  UefiData?: AttributeValue;
}
export type ImageAttributeName = "description" | "kernel" | "ramdisk" | "launchPermission" | "productCodes" | "blockDeviceMapping" | "sriovNetSupport" | "bootMode" | "tpmSupport" | "uefiData" | "lastLaunchedTime" | "imdsSupport" | "deregistrationProtection";
export type ImageBlockPublicAccessDisabledState = "unblocked";
export type ImageBlockPublicAccessEnabledState = "block-new-sharing";
export interface ImageDiskContainer {
  Description?: string;
  DeviceName?: string;
  Format?: string;
  SnapshotId?: string;
  Url?: string;
  UserBucket?: UserBucket;
}
export type ImageDiskContainerList = ImageDiskContainer[];
export type ImageIdStringList = string[];
export type ImageList = Image[];
export type ImageState = "pending" | "available" | "invalid" | "deregistered" | "transient" | "failed" | "error" | "disabled";
export type ImageTypeValues = "machine" | "kernel" | "ramdisk";
export interface ImageUsageReport {
  AccountIds?: UserIdList;
  CreationTime?: Date;
  ExpirationTime?: Date;
  ImageId?: string;
  ReportId?: string;
  ResourceTypes?: ImageUsageResourceTypeList;
  State?: string;
  StateReason?: string;
  Tags?: TagList;
}
export interface ImageUsageReportEntry {
  AccountId?: string;
  ImageId?: string;
  ReportCreationTime?: Date;
  ReportId?: string;
  ResourceType?: string;
  UsageCount?: number;
}
export type ImageUsageReportEntryList = ImageUsageReportEntry[];
export type ImageUsageReportIdStringList = string[];
export type ImageUsageReportList = ImageUsageReport[];
export type ImageUsageReportUserIdStringList = string[];
export interface ImageUsageResourceType {
  ResourceType?: string;
  ResourceTypeOptions?: ImageUsageResourceTypeOptionList;
}
export type ImageUsageResourceTypeList = ImageUsageResourceType[];
export interface ImageUsageResourceTypeOption {
  OptionName?: string;
  OptionValues?: ImageUsageResourceTypeOptionValuesList;
}
export type ImageUsageResourceTypeOptionList = ImageUsageResourceTypeOption[];
export interface ImageUsageResourceTypeOptionRequest {
  OptionName?: string;
  OptionValues?: ImageUsageResourceTypeOptionValuesList;
}
export type ImageUsageResourceTypeOptionRequestList = ImageUsageResourceTypeOptionRequest[];
export type ImageUsageResourceTypeOptionValuesList = string[];
export interface ImageUsageResourceTypeRequest {
  ResourceType?: string;
  ResourceTypeOptions?: ImageUsageResourceTypeOptionRequestList;
}
export type ImageUsageResourceTypeRequestList = ImageUsageResourceTypeRequest[];
export type ImdsSupportValues = "v2.0";
export interface ImportImageLicenseConfigurationRequest {
  LicenseConfigurationArn?: string;
}
export interface ImportImageLicenseConfigurationResponse {
  LicenseConfigurationArn?: string;
}
export type ImportImageLicenseSpecificationListRequest = ImportImageLicenseConfigurationRequest[];
export type ImportImageLicenseSpecificationListResponse = ImportImageLicenseConfigurationResponse[];
export interface ImportImageRequest {
  Architecture?: string;
  BootMode?: BootModeValues;
  ClientData?: ClientData;
  ClientToken?: string;
  Description?: string;
  DiskContainers?: ImageDiskContainerList;
  DryRun?: boolean;
  Encrypted?: boolean;
  Hypervisor?: string;
  KmsKeyId?: string;
  LicenseSpecifications?: ImportImageLicenseSpecificationListRequest;
  LicenseType?: string;
  Platform?: string;
  RoleName?: string;
  TagSpecifications?: TagSpecificationList;
  UsageOperation?: string;
}
export interface ImportImageResult {
  Architecture?: string;
  Description?: string;
  Encrypted?: boolean;
  Hypervisor?: string;
  ImageId?: string;
  ImportTaskId?: string;
  KmsKeyId?: string;
  LicenseSpecifications?: ImportImageLicenseSpecificationListResponse;
  LicenseType?: string;
  Platform?: string;
  Progress?: string;
  SnapshotDetails?: SnapshotDetailList;
  Status?: string;
  StatusMessage?: string;
  Tags?: TagList;
  UsageOperation?: string;
}
export interface ImportImageTask {
  Architecture?: string;
  BootMode?: BootModeValues;
  Description?: string;
  Encrypted?: boolean;
  Hypervisor?: string;
  ImageId?: string;
  ImportTaskId?: string;
  KmsKeyId?: string;
  LicenseSpecifications?: ImportImageLicenseSpecificationListResponse;
  LicenseType?: string;
  Platform?: string;
  Progress?: string;
  SnapshotDetails?: SnapshotDetailList;
  Status?: string;
  StatusMessage?: string;
  Tags?: TagList;
  UsageOperation?: string;
}
export type ImportImageTaskList = ImportImageTask[];
export type ImportTaskIdList = string[];
export interface LaunchPermission {
  Group?: PermissionGroup;
  OrganizationArn?: string;
  OrganizationalUnitArn?: string;
  UserId?: string;
}
export type LaunchPermissionList = LaunchPermission[];
export interface LaunchPermissionModifications {
  Add?: LaunchPermissionList;
  Remove?: LaunchPermissionList;
}
export type ManagedBy = "account" | "declarative-policy";
export interface ModifyImageAttributeRequest {
  Attribute?: string;
  Description?: AttributeValue;
  DryRun?: boolean;
  ImageId: string;
  ImdsSupport?: AttributeValue;
  LaunchPermission?: LaunchPermissionModifications;
  OperationType?: OperationType;
  OrganizationArns?: OrganizationArnStringList;
  OrganizationalUnitArns?: OrganizationalUnitArnStringList;
  ProductCodes?: ProductCodeStringList;
  UserGroups?: UserGroupStringList;
  UserIds?: UserIdStringList;
  Value?: string;
}
export type OperationType = "add" | "remove";
export type OrganizationArnStringList = string[];
export type OrganizationalUnitArnStringList = string[];
export type OwnerStringList = string[];
export type PermissionGroup = "all";
export type PlatformValues = "Windows";
export interface ProductCode {
  ProductCodeId?: string;
  ProductCodeType?: ProductCodeValues;
}
export type ProductCodeList = ProductCode[];
export type ProductCodeStringList = string[];
export type ProductCodeValues = "devpay" | "marketplace";
export interface RegisterImageRequest {
  Architecture?: ArchitectureValues;
  BillingProducts?: BillingProductList;
  BlockDeviceMappings?: BlockDeviceMappingRequestList;
  BootMode?: BootModeValues;
  Description?: string;
  DryRun?: boolean;
  EnaSupport?: boolean;
  ImageLocation?: string;
  ImdsSupport?: ImdsSupportValues;
  KernelId?: string;
  Name: string;
  RamdiskId?: string;
  RootDeviceName?: string;
  SriovNetSupport?: string;
  TagSpecifications?: TagSpecificationList;
  TpmSupport?: TpmSupportValues;
  UefiData?: string;
  VirtualizationType?: string;
}
export interface RegisterImageResult {
  ImageId?: string;
}
export type ResetImageAttributeName = "launchPermission";
export interface ResetImageAttributeRequest {
  Attribute: ResetImageAttributeName;
  DryRun?: boolean;
  ImageId: string;
}
export type ResourceIdList = string[];
export type ResourceType = "capacity-reservation" | "client-vpn-endpoint" | "customer-gateway" | "carrier-gateway" | "coip-pool" | "declarative-policies-report" | "dedicated-host" | "dhcp-options" | "egress-only-internet-gateway" | "elastic-ip" | "elastic-gpu" | "export-image-task" | "export-instance-task" | "fleet" | "fpga-image" | "host-reservation" | "image" | "image-usage-report" | "import-image-task" | "import-snapshot-task" | "instance" | "instance-event-window" | "internet-gateway" | "ipam" | "ipam-pool" | "ipam-scope" | "ipv4pool-ec2" | "ipv6pool-ec2" | "key-pair" | "launch-template" | "local-gateway" | "local-gateway-route-table" | "local-gateway-virtual-interface" | "local-gateway-virtual-interface-group" | "local-gateway-route-table-vpc-association" | "local-gateway-route-table-virtual-interface-group-association" | "natgateway" | "network-acl" | "network-interface" | "network-insights-analysis" | "network-insights-path" | "network-insights-access-scope" | "network-insights-access-scope-analysis" | "outpost-lag" | "placement-group" | "prefix-list" | "replace-root-volume-task" | "reserved-instances" | "route-table" | "security-group" | "security-group-rule" | "service-link-virtual-interface" | "snapshot" | "spot-fleet-request" | "spot-instances-request" | "subnet" | "subnet-cidr-reservation" | "traffic-mirror-filter" | "traffic-mirror-session" | "traffic-mirror-target" | "transit-gateway" | "transit-gateway-attachment" | "transit-gateway-connect-peer" | "transit-gateway-multicast-domain" | "transit-gateway-policy-table" | "transit-gateway-metering-policy" | "transit-gateway-route-table" | "transit-gateway-route-table-announcement" | "volume" | "vpc" | "vpc-endpoint" | "vpc-endpoint-connection" | "vpc-endpoint-service" | "vpc-endpoint-service-permission" | "vpc-peering-connection" | "vpn-connection" | "vpn-gateway" | "vpc-flow-log" | "capacity-reservation-fleet" | "traffic-mirror-filter-rule" | "vpc-endpoint-connection-device-type" | "verified-access-instance" | "verified-access-group" | "verified-access-endpoint" | "verified-access-policy" | "verified-access-trust-provider" | "vpn-connection-device-type" | "vpc-block-public-access-exclusion" | "vpc-encryption-control" | "route-server" | "route-server-endpoint" | "route-server-peer" | "ipam-resource-discovery" | "ipam-resource-discovery-association" | "instance-connect-endpoint" | "verified-access-endpoint-target" | "ipam-external-resource-verification-token" | "capacity-block" | "mac-modification-task" | "ipam-prefix-list-resolver" | "ipam-policy" | "ipam-prefix-list-resolver-target" | "secondary-interface" | "secondary-network" | "secondary-subnet" | "capacity-manager-data-export" | "vpn-concentrator" | "ipam-pool-allocation";
export interface SnapshotDetail {
  Description?: string;
  DeviceName?: string;
  DiskImageSize?: number;
  Format?: string;
  Progress?: string;
  SnapshotId?: string;
  Status?: string;
  StatusMessage?: string;
  Url?: string;
  UserBucket?: UserBucketDetails;
}
export type SnapshotDetailList = SnapshotDetail[];
export type SnapshotReturnCodes = "success" | "skipped" | "missing-permissions" | "internal-error" | "client-error";
export interface StateReason {
  Code?: string;
  Message?: string;
}
export interface Tag {
  Key?: string;
  Value?: string;
}
export interface TagDescription {
  Key?: string;
  ResourceId?: string;
  ResourceType?: ResourceType;
  Value?: string;
}
export type TagDescriptionList = TagDescription[];
export type TagList = Tag[];
export interface TagSpecification {
  ResourceType?: ResourceType;
  Tags?: TagList;
}
export type TagSpecificationList = TagSpecification[];
export type TpmSupportValues = "v2.0";
export interface UserBucket {
  S3Bucket?: string;
  S3Key?: string;
}
export interface UserBucketDetails {
  S3Bucket?: string;
  S3Key?: string;
}
export type UserGroupStringList = string[];
export type UserIdList = string[];
export type UserIdStringList = string[];
export type ValueStringList = string[];
export type VirtualizationType = "hvm" | "paravirtual";
export type VolumeType = "standard" | "io1" | "io2" | "gp2" | "sc1" | "st1" | "gp3";

/** The operations imagelite serves for ec2: each handler gets the parsed, validated input. */
export interface Ec2Handlers {
  CancelImportTask(ctx: RequestContext, input: CancelImportTaskRequest): CancelImportTaskResult;
  CopyImage(ctx: RequestContext, input: CopyImageRequest): CopyImageResult;
  CreateImageUsageReport(ctx: RequestContext, input: CreateImageUsageReportRequest): CreateImageUsageReportResult;
  CreateTags(ctx: RequestContext, input: CreateTagsRequest): void;
  DeleteImageUsageReport(ctx: RequestContext, input: DeleteImageUsageReportRequest): DeleteImageUsageReportResult;
  DeleteTags(ctx: RequestContext, input: DeleteTagsRequest): void;
  DeregisterImage(ctx: RequestContext, input: DeregisterImageRequest): DeregisterImageResult;
  DescribeFastLaunchImages(ctx: RequestContext, input: DescribeFastLaunchImagesRequest): DescribeFastLaunchImagesResult;
  DescribeImageAttribute(ctx: RequestContext, input: DescribeImageAttributeRequest): ImageAttribute;
  DescribeImageUsageReportEntries(ctx: RequestContext, input: DescribeImageUsageReportEntriesRequest): DescribeImageUsageReportEntriesResult;
  DescribeImageUsageReports(ctx: RequestContext, input: DescribeImageUsageReportsRequest): DescribeImageUsageReportsResult;
  DescribeImages(ctx: RequestContext, input: DescribeImagesRequest): DescribeImagesResult;
  DescribeImportImageTasks(ctx: RequestContext, input: DescribeImportImageTasksRequest): DescribeImportImageTasksResult;
  DescribeTags(ctx: RequestContext, input: DescribeTagsRequest): DescribeTagsResult;
  DisableFastLaunch(ctx: RequestContext, input: DisableFastLaunchRequest): DisableFastLaunchResult;
  DisableImageBlockPublicAccess(ctx: RequestContext, input: DisableImageBlockPublicAccessRequest): DisableImageBlockPublicAccessResult;
  EnableFastLaunch(ctx: RequestContext, input: EnableFastLaunchRequest): EnableFastLaunchResult;
  EnableImageBlockPublicAccess(ctx: RequestContext, input: EnableImageBlockPublicAccessRequest): EnableImageBlockPublicAccessResult;
  GetImageBlockPublicAccessState(ctx: RequestContext, input: GetImageBlockPublicAccessStateRequest): GetImageBlockPublicAccessStateResult;
  ImportImage(ctx: RequestContext, input: ImportImageRequest): ImportImageResult;
  ModifyImageAttribute(ctx: RequestContext, input: ModifyImageAttributeRequest): void;
  RegisterImage(ctx: RequestContext, input: RegisterImageRequest): RegisterImageResult;
  ResetImageAttribute(ctx: RequestContext, input: ResetImageAttributeRequest): void;
}
