// Generated from models/appstream.json by scripts/generate-types.js. Do not edit.
/* eslint-disable */
import type { RequestContext } from "../../gateway/context";

export interface AccessEndpoint {
  EndpointType: AccessEndpointType;
  VpceId?: string;
}
export type AccessEndpointList = AccessEndpoint[];
export type AccessEndpointType = "STREAMING";
export type AgentSoftwareVersion = "CURRENT_LATEST" | "ALWAYS_LATEST";
export type AppCatalogConfig = ApplicationConfig[];
export interface Application {
  AppBlockArn?: string;
  Arn?: string;
  CreatedTime?: Date;
  Description?: string;
  DisplayName?: string;
  Enabled?: boolean;
  IconS3Location?: S3Location;
  IconURL?: string;
  InstanceFamilies?: StringList;
  LaunchParameters?: string;
  LaunchPath?: string;
  Metadata?: Metadata;
  Name?: string;
  Platforms?: Platforms;
  WorkingDirectory?: string;
}
export interface ApplicationConfig {
  AbsoluteAppPath: string;
  AbsoluteIconPath?: string;
  AbsoluteManifestPath?: string;
  DisplayName?: string;
  LaunchParameters?: string;
  Name: string;
  WorkingDirectory?: string;
}
export type Applications = Application[];
export type ArnList = string[];
export type AwsAccountIdList = string[];
export interface ComputeCapacity {
  DesiredInstances?: number;
  DesiredSessions?: number;
}
export interface ComputeCapacityStatus {
  ActiveUserSessions?: number;
  ActualUserSessions?: number;
  Available?: number;
  AvailableUserSessions?: number;
  Desired: number;
  DesiredUserSessions?: number;
  DrainModeActiveUserSessions?: number;
  DrainModeUnusedUserSessions?: number;
  Draining?: number;
  InUse?: number;
  Running?: number;
}
export interface ConcurrentModificationException {
  Message?: string;
}
export interface CopyImageRequest {
  DestinationImageDescription?: string;
  DestinationImageName: string;
  DestinationRegion: string;
  SourceImageName: string;
}
export interface CopyImageResponse {
  DestinationImageName?: string;
}
export interface CreateFleetRequest {
  ComputeCapacity?: ComputeCapacity;
  Description?: string;
  DisableIMDSV1?: boolean;
  DisconnectTimeoutInSeconds?: number;
  DisplayName?: string;
  DomainJoinInfo?: DomainJoinInfo;
  EnableDefaultInternetAccess?: boolean;
  FleetType?: FleetType;
  IamRoleArn?: string;
  IdleDisconnectTimeoutInSeconds?: number;
  ImageArn?: string;
  ImageName?: string;
  InstanceType: string;
  MaxConcurrentSessions?: number;
  MaxSessionsPerInstance?: number;
  MaxUserDurationInSeconds?: number;
  Name: string;
  Platform?: PlatformType;
  RootVolumeConfig?: VolumeConfig;
  SessionScriptS3Location?: S3Location;
  StreamView?: StreamView;
  Tags?: Tags;
  UsbDeviceFilterStrings?: UsbDeviceFilterStrings;
  VpcConfig?: VpcConfig;
}
export interface CreateFleetResult {
  Fleet?: Fleet;
}
export interface CreateImageBuilderRequest {
  AccessEndpoints?: AccessEndpointList;
  AppstreamAgentVersion?: string;
  Description?: string;
  DisableIMDSV1?: boolean;
  DisplayName?: string;
  DomainJoinInfo?: DomainJoinInfo;
  EnableDefaultInternetAccess?: boolean;
  IamRoleArn?: string;
  ImageArn?: string;
  ImageName?: string;
  InstanceType: string;
  Name: string;
  RootVolumeConfig?: VolumeConfig;
  SoftwaresToInstall?: StringList;
  SoftwaresToUninstall?: StringList;
  Tags?: Tags;
  VpcConfig?: VpcConfig;
}
export interface CreateImageBuilderResult {
  ImageBuilder?: ImageBuilder;
}
export interface CreateImportedImageRequest {
  AgentSoftwareVersion?: AgentSoftwareVersion;
  AppCatalogConfig?: AppCatalogConfig;
  Description?: string;
  DisplayName?: string;
  DryRun?: boolean;
  IamRoleArn: string;
  Name: string;
  RuntimeValidationConfig?: RuntimeValidationConfig;
  SourceAmiId: string;
  Tags?: Tags;
}
export interface CreateImportedImageResult {
  Image?: Image;
}
export interface CreateUpdatedImageRequest {
  dryRun?: boolean;
  existingImageName: string;
  newImageDescription?: string;
  newImageDisplayName?: string;
  newImageName: string;
  newImageTags?: Tags;
}
export interface CreateUpdatedImageResult {
  canUpdateImage?: boolean;
  image?: Image;
}
export interface DeleteFleetRequest {
  Name: string;
}
export interface DeleteFleetResult {
}
export interface DeleteImageBuilderRequest {
  Name: string;
}
export interface DeleteImageBuilderResult {
  ImageBuilder?: ImageBuilder;
}
export interface DeleteImagePermissionsRequest {
  Name: string;
  SharedAccountId: string;
}
export interface DeleteImagePermissionsResult {
}
export interface DeleteImageRequest {
  Name: string;
}
export interface DeleteImageResult {
  Image?: Image;
}
export interface DescribeFleetsRequest {
  Names?: StringList;
  NextToken?: string;
}
export interface DescribeFleetsResult {
  Fleets?: FleetList;
  NextToken?: string;
}
export interface DescribeImageBuildersRequest {
  MaxResults?: number;
  Names?: StringList;
  NextToken?: string;
}
export interface DescribeImageBuildersResult {
  ImageBuilders?: ImageBuilderList;
  NextToken?: string;
}
export interface DescribeImagePermissionsRequest {
  MaxResults?: number;
  Name: string;
  NextToken?: string;
  SharedAwsAccountIds?: AwsAccountIdList;
}
export interface DescribeImagePermissionsResult {
  Name?: string;
  NextToken?: string;
  SharedImagePermissionsList?: SharedImagePermissionsList;
}
export interface DescribeImagesRequest {
  Arns?: ArnList;
  MaxResults?: number;
  Names?: StringList;
  NextToken?: string;
  Type?: VisibilityType;
}
export interface DescribeImagesResult {
  Images?: ImageList;
  NextToken?: string;
}
export interface DomainJoinInfo {
  DirectoryName?: string;
  OrganizationalUnitDistinguishedName?: string;
}
export interface DryRunOperationException {
  Message?: string;
}
export type DynamicAppProvidersEnabled = "ENABLED" | "DISABLED";
export interface Fleet {
  Arn: string;
  ComputeCapacityStatus: ComputeCapacityStatus;
  CreatedTime?: Date;
  Description?: string;
  DisableIMDSV1?: boolean;
  DisconnectTimeoutInSeconds?: number;
  DisplayName?: string;
  DomainJoinInfo?: DomainJoinInfo;
  EnableDefaultInternetAccess?: boolean;
  FleetErrors?: FleetErrors;
  FleetType?: FleetType;
  IamRoleArn?: string;
  IdleDisconnectTimeoutInSeconds?: number;
  ImageArn?: string;
  ImageName?: string;
  InstanceType: string;
  MaxConcurrentSessions?: number;
  MaxSessionsPerInstance?: number;
  MaxUserDurationInSeconds?: number;
  Name: string;
  Platform?: PlatformType;
  RootVolumeConfig?: VolumeConfig;
  SessionScriptS3Location?: S3Location;
  State: FleetState;
  StreamView?: StreamView;
  UsbDeviceFilterStrings?: UsbDeviceFilterStrings;
  VpcConfig?: VpcConfig;
}
export type FleetAttribute = "VPC_CONFIGURATION" | "VPC_CONFIGURATION_SECURITY_GROUP_IDS" | "DOMAIN_JOIN_INFO" | "IAM_ROLE_ARN" | "USB_DEVICE_FILTER_STRINGS" | "SESSION_SCRIPT_S3_LOCATION" | "MAX_SESSIONS_PER_INSTANCE" | "VOLUME_CONFIGURATION";
export type FleetAttributes = FleetAttribute[];
export interface FleetError {
  ErrorCode?: FleetErrorCode;
  ErrorMessage?: string;
}
export type FleetErrorCode = "IAM_SERVICE_ROLE_MISSING_ENI_DESCRIBE_ACTION" | "IAM_SERVICE_ROLE_MISSING_ENI_CREATE_ACTION" | "IAM_SERVICE_ROLE_MISSING_ENI_DELETE_ACTION" | "NETWORK_INTERFACE_LIMIT_EXCEEDED" | "INTERNAL_SERVICE_ERROR" | "IAM_SERVICE_ROLE_IS_MISSING" | "MACHINE_ROLE_IS_MISSING" | "STS_DISABLED_IN_REGION" | "SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES" | "IAM_SERVICE_ROLE_MISSING_DESCRIBE_SUBNET_ACTION" | "SUBNET_NOT_FOUND" | "IMAGE_NOT_FOUND" | "INVALID_SUBNET_CONFIGURATION" | "SECURITY_GROUPS_NOT_FOUND" | "IGW_NOT_ATTACHED" | "IAM_SERVICE_ROLE_MISSING_DESCRIBE_SECURITY_GROUPS_ACTION" | "FLEET_STOPPED" | "FLEET_INSTANCE_PROVISIONING_FAILURE" | "DOMAIN_JOIN_ERROR_FILE_NOT_FOUND" | "DOMAIN_JOIN_ERROR_ACCESS_DENIED" | "DOMAIN_JOIN_ERROR_LOGON_FAILURE" | "DOMAIN_JOIN_ERROR_INVALID_PARAMETER" | "DOMAIN_JOIN_ERROR_MORE_DATA" | "DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN" | "DOMAIN_JOIN_ERROR_NOT_SUPPORTED" | "DOMAIN_JOIN_NERR_INVALID_WORKGROUP_NAME" | "DOMAIN_JOIN_NERR_WORKSTATION_NOT_STARTED" | "DOMAIN_JOIN_ERROR_DS_MACHINE_ACCOUNT_QUOTA_EXCEEDED" | "DOMAIN_JOIN_NERR_PASSWORD_EXPIRED" | "DOMAIN_JOIN_INTERNAL_SERVICE_ERROR" | "VALIDATION_ERROR";
export type FleetErrors = FleetError[];
export type FleetList = Fleet[];
export type FleetState = "STARTING" | "RUNNING" | "STOPPING" | "STOPPED";
export type FleetType = "ALWAYS_ON" | "ON_DEMAND" | "ELASTIC";
export interface Image {
  Applications?: Applications;
  AppstreamAgentVersion?: string;
  Arn?: string;
  BaseImageArn?: string;
  CreatedTime?: Date;
  Description?: string;
  DisplayName?: string;
  DynamicAppProvidersEnabled?: DynamicAppProvidersEnabled;
  ImageBuilderName?: string;
  ImageBuilderSupported?: boolean;
  ImageErrors?: ResourceErrors;
  ImagePermissions?: ImagePermissions;
  ImageSharedWithOthers?: ImageSharedWithOthers;
  ImageType?: ImageType;
  LatestAppstreamAgentVersion?: LatestAppstreamAgentVersion;
  ManagedSoftwareIncluded?: boolean;
  Name: string;
  Platform?: PlatformType;
  PublicBaseImageReleasedDate?: Date;
  State?: ImageState;
  StateChangeReason?: ImageStateChangeReason;
  SupportedInstanceFamilies?: StringList;
  Visibility?: VisibilityType;
}
export interface ImageBuilder {
  AccessEndpoints?: AccessEndpointList;
  AppstreamAgentVersion?: string;
  Arn?: string;
  CreatedTime?: Date;
  Description?: string;
  DisableIMDSV1?: boolean;
  DisplayName?: string;
  DomainJoinInfo?: DomainJoinInfo;
  EnableDefaultInternetAccess?: boolean;
  IamRoleArn?: string;
  ImageArn?: string;
  ImageBuilderErrors?: ResourceErrors;
  InstanceType?: string;
  LatestAppstreamAgentVersion?: LatestAppstreamAgentVersion;
  Name: string;
  NetworkAccessConfiguration?: NetworkAccessConfiguration;
  Platform?: PlatformType;
  RootVolumeConfig?: VolumeConfig;
  State?: ImageBuilderState;
  StateChangeReason?: ImageBuilderStateChangeReason;
  VpcConfig?: VpcConfig;
}
export type ImageBuilderList = ImageBuilder[];
export type ImageBuilderState = "PENDING" | "UPDATING_AGENT" | "RUNNING" | "STOPPING" | "STOPPED" | "REBOOTING" | "SNAPSHOTTING" | "DELETING" | "FAILED" | "UPDATING" | "PENDING_QUALIFICATION" | "PENDING_SYNCING_APPS" | "SYNCING_APPS" | "PENDING_IMAGE_IMPORT";
export interface ImageBuilderStateChangeReason {
  Code?: ImageBuilderStateChangeReasonCode;
  Message?: string;
}
export type ImageBuilderStateChangeReasonCode = "INTERNAL_ERROR" | "IMAGE_UNAVAILABLE";
export type ImageList = Image[];
export interface ImagePermissions {
  allowFleet?: boolean;
  allowImageBuilder?: boolean;
}
export type ImageSharedWithOthers = "TRUE" | "FALSE";
export type ImageState = "PENDING" | "AVAILABLE" | "FAILED" | "COPYING" | "DELETING" | "CREATING" | "IMPORTING" | "VALIDATING";
export interface ImageStateChangeReason {
  Code?: ImageStateChangeReasonCode;
  Message?: string;
}
export type ImageStateChangeReasonCode = "INTERNAL_ERROR" | "IMAGE_BUILDER_NOT_AVAILABLE" | "IMAGE_COPY_FAILURE" | "IMAGE_UPDATE_FAILURE" | "IMAGE_IMPORT_FAILURE";
export type ImageType = "CUSTOM" | "NATIVE";
export interface IncompatibleImageException {
  Message?: string;
}
export interface InvalidAccountStatusException {
  Message?: string;
}
export interface InvalidParameterCombinationException {
  Message?: string;
}
export interface InvalidRoleException {
  Message?: string;
}
export type LatestAppstreamAgentVersion = "TRUE" | "FALSE";
export interface LimitExceededException {
  Message?: string;
}
export interface ListTagsForResourceRequest {
  ResourceArn: string;
}
export interface ListTagsForResourceResponse {
  Tags?: Tags;
}
export type Metadata = Record<string, string>;
export interface NetworkAccessConfiguration {
  EniId?: string;
  EniIpv6Addresses?: StringList;
  EniPrivateIpAddress?: string;
}
export interface OperationNotPermittedException {
  Message?: string;
}
export type PlatformType = "WINDOWS" | "WINDOWS_SERVER_2016" | "WINDOWS_SERVER_2019" | "WINDOWS_SERVER_2022" | "WINDOWS_SERVER_2025" | "AMAZON_LINUX2" | "RHEL8" | "ROCKY_LINUX8" | "UBUNTU_PRO_2404";
export type Platforms = PlatformType[];
export interface RequestLimitExceededException {
  Message?: string;
}
export interface ResourceAlreadyExistsException {
  Message?: string;
}
export interface ResourceError {
  ErrorCode?: FleetErrorCode;
  ErrorMessage?: string;
  ErrorTimestamp?: Date;
}
export type ResourceErrors = ResourceError[];
export interface ResourceInUseException {
  Message?: string;
}
export interface ResourceNotAvailableException {
  Message?: string;
}
export interface ResourceNotFoundException {
  Message?: string;
}
export interface RuntimeValidationConfig {
  IntendedInstanceType?: string;
}
export interface S3Location {
  S3Bucket: string;
  S3Key?: string;
}
export type SecurityGroupIdList = string[];
export interface SharedImagePermissions {
  imagePermissions: ImagePermissions;
  sharedAccountId: string;
}
export type SharedImagePermissionsList = SharedImagePermissions[];
export interface StartFleetRequest {
  Name: string;
}
export interface StartFleetResult {
}
export interface StartImageBuilderRequest {
  AppstreamAgentVersion?: string;
  Name: string;
}
export interface StartImageBuilderResult {
  ImageBuilder?: ImageBuilder;
}
export interface StopFleetRequest {
  Name: string;
}
export interface StopFleetResult {
}
export interface StopImageBuilderRequest {
  Name: string;
}
export interface StopImageBuilderResult {
  ImageBuilder?: ImageBuilder;
}
export type StreamView = "APP" | "DESKTOP";
export type StringList = string[];
export type SubnetIdList = string[];
export type TagKeyList = string[];
export interface TagResourceRequest {
  ResourceArn: string;
  Tags: Tags;
}
export interface TagResourceResponse {
}
export type Tags = Record<string, string>;
export interface UntagResourceRequest {
  ResourceArn: string;
  TagKeys: TagKeyList;
}
export interface UntagResourceResponse {
}
export interface UpdateFleetRequest {
  AttributesToDelete?: FleetAttributes;
  ComputeCapacity?: ComputeCapacity;
  DeleteVpcConfig?: boolean;
  Description?: string;
  DisableIMDSV1?: boolean;
  DisconnectTimeoutInSeconds?: number;
  DisplayName?: string;
  DomainJoinInfo?: DomainJoinInfo;
  EnableDefaultInternetAccess?: boolean;
  IamRoleArn?: string;
  IdleDisconnectTimeoutInSeconds?: number;
  ImageArn?: string;
  ImageName?: string;
  InstanceType?: string;
  MaxConcurrentSessions?: number;
  MaxSessionsPerInstance?: number;
  MaxUserDurationInSeconds?: number;
  Name?: string;
  Platform?: PlatformType;
  RootVolumeConfig?: VolumeConfig;
  SessionScriptS3Location?: S3Location;
  StreamView?: StreamView;
  UsbDeviceFilterStrings?: UsbDeviceFilterStrings;
  VpcConfig?: VpcConfig;
}
export interface UpdateFleetResult {
  Fleet?: Fleet;
}
export interface UpdateImagePermissionsRequest {
  ImagePermissions: ImagePermissions;
  Name: string;
  SharedAccountId: string;
}
export interface UpdateImagePermissionsResult {
}
export type UsbDeviceFilterStrings = string[];
export type VisibilityType = "PUBLIC" | "PRIVATE" | "SHARED";
export interface VolumeConfig {
  VolumeSizeInGb?: number;
}
export interface VpcConfig {
  SecurityGroupIds?: SecurityGroupIdList;
  SubnetIds?: SubnetIdList;
}

/** The operations imagelite serves for appstream: each handler gets the parsed, validated input. */
export interface AppStreamHandlers {
  CopyImage(ctx: RequestContext, input: CopyImageRequest): CopyImageResponse;
  CreateFleet(ctx: RequestContext, input: CreateFleetRequest): CreateFleetResult;
  CreateImageBuilder(ctx: RequestContext, input: CreateImageBuilderRequest): CreateImageBuilderResult;
  CreateImportedImage(ctx: RequestContext, input: CreateImportedImageRequest): CreateImportedImageResult;
  CreateUpdatedImage(ctx: RequestContext, input: CreateUpdatedImageRequest): CreateUpdatedImageResult;
  DeleteFleet(ctx: RequestContext, input: DeleteFleetRequest): DeleteFleetResult;
  DeleteImage(ctx: RequestContext, input: DeleteImageRequest): DeleteImageResult;
  DeleteImageBuilder(ctx: RequestContext, input: DeleteImageBuilderRequest): DeleteImageBuilderResult;
  DeleteImagePermissions(ctx: RequestContext, input: DeleteImagePermissionsRequest): DeleteImagePermissionsResult;
  DescribeFleets(ctx: RequestContext, input: DescribeFleetsRequest): DescribeFleetsResult;
  DescribeImageBuilders(ctx: RequestContext, input: DescribeImageBuildersRequest): DescribeImageBuildersResult;
  DescribeImagePermissions(ctx: RequestContext, input: DescribeImagePermissionsRequest): DescribeImagePermissionsResult;
  DescribeImages(ctx: RequestContext, input: DescribeImagesRequest): DescribeImagesResult;
  ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceRequest): ListTagsForResourceResponse;
  StartFleet(ctx: RequestContext, input: StartFleetRequest): StartFleetResult;
  StartImageBuilder(ctx: RequestContext, input: StartImageBuilderRequest): StartImageBuilderResult;
  StopFleet(ctx: RequestContext, input: StopFleetRequest): StopFleetResult;
  StopImageBuilder(ctx: RequestContext, input: StopImageBuilderRequest): StopImageBuilderResult;
  TagResource(ctx: RequestContext, input: TagResourceRequest): TagResourceResponse;
  UntagResource(ctx: RequestContext, input: UntagResourceRequest): UntagResourceResponse;
  UpdateFleet(ctx: RequestContext, input: UpdateFleetRequest): UpdateFleetResult;
  UpdateImagePermissions(ctx: RequestContext, input: UpdateImagePermissionsRequest): UpdateImagePermissionsResult;
}
