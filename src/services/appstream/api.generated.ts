// Generated from models/appstream.json by scripts/generate-types.js. Do not edit.
/* eslint-disable */
import type { RequestContext } from "../../gateway/context";

export interface AccessEndpoint {
  EndpointType: AccessEndpointType;
  VpceId?: string;
}
export type AccessEndpointList = AccessEndpoint[];
export type AccessEndpointType = "STREAMING";
export type Action = "CLIPBOARD_COPY_FROM_LOCAL_DEVICE" | "CLIPBOARD_COPY_TO_LOCAL_DEVICE" | "FILE_UPLOAD" | "FILE_DOWNLOAD" | "PRINTING_TO_LOCAL_DEVICE" | "DOMAIN_PASSWORD_SIGNIN" | "DOMAIN_SMART_CARD_SIGNIN" | "AUTO_TIME_ZONE_REDIRECTION";
export type AdminAppLicenseUsageList = AdminAppLicenseUsageRecord[];
export interface AdminAppLicenseUsageRecord {
  BillingPeriod: string;
  LicenseType: string;
  OwnerAWSAccountId: string;
  SubscriptionFirstUsedDate: Date;
  SubscriptionLastUsedDate: Date;
  UserArn: string;
  UserId: string;
}
export interface AgentAccessConfig {
  S3BucketArn?: string;
  ScreenImageFormat: ScreenImageFormat;
  ScreenResolution: ScreenResolution;
  ScreenshotsUploadEnabled?: boolean;
  Settings: AgentAccessSettingList;
}
export interface AgentAccessConfigForUpdate {
  S3BucketArn?: string;
  ScreenImageFormat?: ScreenImageFormat;
  ScreenResolution?: ScreenResolution;
  ScreenshotsUploadEnabled?: boolean;
  Settings?: AgentAccessSettingList;
}
export interface AgentAccessSetting {
  AgentAction: AgentAction;
  Permission: Permission;
}
export type AgentAccessSettingList = AgentAccessSetting[];
export type AgentAction = "COMPUTER_VISION" | "COMPUTER_INPUT";
export type AgentSoftwareVersion = "CURRENT_LATEST" | "ALWAYS_LATEST";
export interface AppBlock {
  AppBlockErrors?: ErrorDetailsList;
  Arn: string;
  CreatedTime?: Date;
  Description?: string;
  DisplayName?: string;
  Name: string;
  PackagingType?: PackagingType;
  PostSetupScriptDetails?: ScriptDetails;
  SetupScriptDetails?: ScriptDetails;
  SourceS3Location?: S3Location;
  State?: AppBlockState;
}
export interface AppBlockBuilder {
  AccessEndpoints?: AccessEndpointList;
  AppBlockBuilderErrors?: ResourceErrors;
  Arn: string;
  CreatedTime?: Date;
  Description?: string;
  DisableIMDSV1?: boolean;
  DisplayName?: string;
  EnableDefaultInternetAccess?: boolean;
  IamRoleArn?: string;
  InstanceType: string;
  Name: string;
  Platform: AppBlockBuilderPlatformType;
  State: AppBlockBuilderState;
  StateChangeReason?: AppBlockBuilderStateChangeReason;
  VpcConfig: VpcConfig;
}
export interface AppBlockBuilderAppBlockAssociation {
  AppBlockArn: string;
  AppBlockBuilderName: string;
}
export type AppBlockBuilderAppBlockAssociationsList = AppBlockBuilderAppBlockAssociation[];
export type AppBlockBuilderAttribute = "IAM_ROLE_ARN" | "ACCESS_ENDPOINTS" | "VPC_CONFIGURATION_SECURITY_GROUP_IDS";
export type AppBlockBuilderAttributes = AppBlockBuilderAttribute[];
export type AppBlockBuilderList = AppBlockBuilder[];
export type AppBlockBuilderPlatformType = "WINDOWS_SERVER_2019";
export type AppBlockBuilderState = "STARTING" | "RUNNING" | "STOPPING" | "STOPPED";
export interface AppBlockBuilderStateChangeReason {
  Code?: AppBlockBuilderStateChangeReasonCode;
  Message?: string;
}
export type AppBlockBuilderStateChangeReasonCode = "INTERNAL_ERROR";
export type AppBlockState = "INACTIVE" | "ACTIVE";
export type AppBlocks = AppBlock[];
export type AppCatalogConfig = ApplicationConfig[];
export type AppVisibility = "ALL" | "ASSOCIATED";
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
export type ApplicationAttribute = "LAUNCH_PARAMETERS" | "WORKING_DIRECTORY";
export type ApplicationAttributes = ApplicationAttribute[];
export interface ApplicationConfig {
  AbsoluteAppPath: string;
  AbsoluteIconPath?: string;
  AbsoluteManifestPath?: string;
  DisplayName?: string;
  LaunchParameters?: string;
  Name: string;
  WorkingDirectory?: string;
}
export interface ApplicationFleetAssociation {
  ApplicationArn: string;
  FleetName: string;
}
export type ApplicationFleetAssociationList = ApplicationFleetAssociation[];
export interface ApplicationSettings {
  Enabled: boolean;
  SettingsGroup?: string;
}
export interface ApplicationSettingsResponse {
  Enabled?: boolean;
  S3BucketName?: string;
  SettingsGroup?: string;
}
export type Applications = Application[];
export type ArnList = string[];
export interface AssociateAppBlockBuilderAppBlockRequest {
  AppBlockArn: string;
  AppBlockBuilderName: string;
}
export interface AssociateAppBlockBuilderAppBlockResult {
  AppBlockBuilderAppBlockAssociation?: AppBlockBuilderAppBlockAssociation;
}
export interface AssociateApplicationFleetRequest {
  ApplicationArn: string;
  FleetName: string;
}
export interface AssociateApplicationFleetResult {
  ApplicationFleetAssociation?: ApplicationFleetAssociation;
}
export interface AssociateApplicationToEntitlementRequest {
  ApplicationIdentifier: string;
  EntitlementName: string;
  StackName: string;
}
export interface AssociateApplicationToEntitlementResult {
}
export interface AssociateFleetRequest {
  FleetName: string;
  StackName: string;
}
export interface AssociateFleetResult {
}
export interface AssociateSoftwareToImageBuilderRequest {
  ImageBuilderName: string;
  SoftwareNames: StringList;
}
export interface AssociateSoftwareToImageBuilderResult {
}
export type AuthenticationType = "API" | "SAML" | "USERPOOL" | "AWS_AD";
export type AwsAccountIdList = string[];
export interface BatchAssociateUserStackRequest {
  UserStackAssociations: UserStackAssociationList;
}
export interface BatchAssociateUserStackResult {
  errors?: UserStackAssociationErrorList;
}
export interface BatchDisassociateUserStackRequest {
  UserStackAssociations: UserStackAssociationList;
}
export interface BatchDisassociateUserStackResult {
  errors?: UserStackAssociationErrorList;
}
export interface CertificateBasedAuthProperties {
  CertificateAuthorityArn?: string;
  Status?: CertificateBasedAuthStatus;
}
export type CertificateBasedAuthStatus = "DISABLED" | "ENABLED" | "ENABLED_NO_DIRECTORY_LOGIN_FALLBACK";
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
export interface ContentRedirection {
  HostToClient?: UrlRedirectionConfig;
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
export interface CreateAppBlockBuilderRequest {
  AccessEndpoints?: AccessEndpointList;
  Description?: string;
  DisableIMDSV1?: boolean;
  DisplayName?: string;
  EnableDefaultInternetAccess?: boolean;
  IamRoleArn?: string;
  InstanceType: string;
  Name: string;
  Platform: AppBlockBuilderPlatformType;
  Tags?: Tags;
  VpcConfig: VpcConfig;
}
export interface CreateAppBlockBuilderResult {
  AppBlockBuilder?: AppBlockBuilder;
}
export interface CreateAppBlockBuilderStreamingURLRequest {
  AppBlockBuilderName: string;
  Validity?: number;
}
export interface CreateAppBlockBuilderStreamingURLResult {
  Expires?: Date;
  StreamingURL?: string;
}
export interface CreateAppBlockRequest {
  Description?: string;
  DisplayName?: string;
  Name: string;
  PackagingType?: PackagingType;
  PostSetupScriptDetails?: ScriptDetails;
  SetupScriptDetails?: ScriptDetails;
  SourceS3Location: S3Location;
  Tags?: Tags;
}
export interface CreateAppBlockResult {
  AppBlock?: AppBlock;
}
export interface CreateApplicationRequest {
  AppBlockArn: string;
  Description?: string;
  DisplayName?: string;
  IconS3Location: S3Location;
  InstanceFamilies: StringList;
  LaunchParameters?: string;
  LaunchPath: string;
  Name: string;
  Platforms: Platforms;
  Tags?: Tags;
  WorkingDirectory?: string;
}
export interface CreateApplicationResult {
  Application?: Application;
}
export interface CreateDirectoryConfigRequest {
  CertificateBasedAuthProperties?: CertificateBasedAuthProperties;
  DirectoryName: string;
  OrganizationalUnitDistinguishedNames: OrganizationalUnitDistinguishedNamesList;
  ServiceAccountCredentials?: ServiceAccountCredentials;
}
export interface CreateDirectoryConfigResult {
  DirectoryConfig?: DirectoryConfig;
}
export interface CreateEntitlementRequest {
  AppVisibility: AppVisibility;
  Attributes: EntitlementAttributeList;
  Description?: string;
  Name: string;
  StackName: string;
}
export interface CreateEntitlementResult {
  Entitlement?: Entitlement;
}
export interface CreateExportImageTaskRequest {
  AmiDescription?: string;
  AmiName: string;
  IamRoleArn: string;
  ImageName: string;
  TagSpecifications?: Tags;
}
export interface CreateExportImageTaskResult {
  ExportImageTask?: ExportImageTask;
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
export interface CreateImageBuilderStreamingURLRequest {
  Name: string;
  Validity?: number;
}
export interface CreateImageBuilderStreamingURLResult {
  Expires?: Date;
  StreamingURL?: string;
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
export interface CreateStackRequest {
  AccessEndpoints?: AccessEndpointList;
  AgentAccessConfig?: AgentAccessConfig;
  ApplicationSettings?: ApplicationSettings;
  ContentRedirection?: ContentRedirection;
  Description?: string;
  DisplayName?: string;
  EmbedHostDomains?: EmbedHostDomains;
  FeedbackURL?: string;
  Name: string;
  RedirectURL?: string;
  StorageConnectors?: StorageConnectorList;
  StreamingExperienceSettings?: StreamingExperienceSettings;
  Tags?: Tags;
  UserSettings?: UserSettingList;
}
export interface CreateStackResult {
  Stack?: Stack;
}
export interface CreateStreamingURLRequest {
  ApplicationId?: string;
  FleetName: string;
  SessionContext?: string;
  StackName: string;
  UserId: string;
  Validity?: number;
}
export interface CreateStreamingURLResult {
  Expires?: Date;
  StreamingURL?: string;
}
export interface CreateThemeForStackRequest {
  FaviconS3Location: S3Location;
  FooterLinks?: ThemeFooterLinks;
  OrganizationLogoS3Location: S3Location;
  StackName: string;
  ThemeStyling: ThemeStyling;
  TitleText: string;
}
export interface CreateThemeForStackResult {
  Theme?: Theme;
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
export interface CreateUsageReportSubscriptionRequest {
}
export interface CreateUsageReportSubscriptionResult {
  S3BucketName?: string;
  Schedule?: UsageReportSchedule;
}
export interface CreateUserRequest {
  AuthenticationType: AuthenticationType;
  FirstName?: string;
  LastName?: string;
  MessageAction?: MessageAction;
  UserName: string;
}
export interface CreateUserResult {
}
export interface DeleteAppBlockBuilderRequest {
  Name: string;
}
export interface DeleteAppBlockBuilderResult {
}
export interface DeleteAppBlockRequest {
  Name: string;
}
export interface DeleteAppBlockResult {
}
export interface DeleteApplicationRequest {
  Name: string;
}
export interface DeleteApplicationResult {
}
export interface DeleteDirectoryConfigRequest {
  DirectoryName: string;
}
export interface DeleteDirectoryConfigResult {
}
export interface DeleteEntitlementRequest {
  Name: string;
  StackName: string;
}
export interface DeleteEntitlementResult {
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
export interface DeleteStackRequest {
  Name: string;
}
export interface DeleteStackResult {
}
export interface DeleteThemeForStackRequest {
  StackName: string;
}
export interface DeleteThemeForStackResult {
}
export interface DeleteUsageReportSubscriptionRequest {
}
export interface DeleteUsageReportSubscriptionResult {
}
export interface DeleteUserRequest {
  AuthenticationType: AuthenticationType;
  UserName: string;
}
export interface DeleteUserResult {
}
export interface DescribeAppBlockBuilderAppBlockAssociationsRequest {
  AppBlockArn?: string;
  AppBlockBuilderName?: string;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeAppBlockBuilderAppBlockAssociationsResult {
  AppBlockBuilderAppBlockAssociations?: AppBlockBuilderAppBlockAssociationsList;
  NextToken?: string;
}
export interface DescribeAppBlockBuildersRequest {
  MaxResults?: number;
  Names?: StringList;
  NextToken?: string;
}
export interface DescribeAppBlockBuildersResult {
  AppBlockBuilders?: AppBlockBuilderList;
  NextToken?: string;
}
export interface DescribeAppBlocksRequest {
  Arns?: ArnList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeAppBlocksResult {
  AppBlocks?: AppBlocks;
  NextToken?: string;
}
export interface DescribeAppLicenseUsageRequest {
  BillingPeriod: string;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeAppLicenseUsageResult {
  AppLicenseUsages?: AdminAppLicenseUsageList;
  NextToken?: string;
}
export interface DescribeApplicationFleetAssociationsRequest {
  ApplicationArn?: string;
  FleetName?: string;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeApplicationFleetAssociationsResult {
  ApplicationFleetAssociations?: ApplicationFleetAssociationList;
  NextToken?: string;
}
export interface DescribeApplicationsRequest {
  Arns?: ArnList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeApplicationsResult {
  Applications?: Applications;
  NextToken?: string;
}
export interface DescribeDirectoryConfigsRequest {
  DirectoryNames?: DirectoryNameList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeDirectoryConfigsResult {
  DirectoryConfigs?: DirectoryConfigList;
  NextToken?: string;
}
export interface DescribeEntitlementsRequest {
  MaxResults?: number;
  Name?: string;
  NextToken?: string;
  StackName: string;
}
export interface DescribeEntitlementsResult {
  Entitlements?: EntitlementList;
  NextToken?: string;
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
export interface DescribeSessionsRequest {
  AuthenticationType?: AuthenticationType;
  FleetName: string;
  InstanceId?: string;
  Limit?: number;
  NextToken?: string;
  StackName: string;
  UserId?: string;
}
export interface DescribeSessionsResult {
  NextToken?: string;
  Sessions?: SessionList;
}
export interface DescribeSoftwareAssociationsRequest {
  AssociatedResource: string;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeSoftwareAssociationsResult {
  AssociatedResource?: string;
  NextToken?: string;
  SoftwareAssociations?: SoftwareAssociationsList;
}
export interface DescribeStacksRequest {
  Names?: StringList;
  NextToken?: string;
}
export interface DescribeStacksResult {
  NextToken?: string;
  Stacks?: StackList;
}
export interface DescribeThemeForStackRequest {
  StackName: string;
}
export interface DescribeThemeForStackResult {
  Theme?: Theme;
}
export interface DescribeUsageReportSubscriptionsRequest {
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeUsageReportSubscriptionsResult {
  NextToken?: string;
  UsageReportSubscriptions?: UsageReportSubscriptionList;
}
export interface DescribeUserStackAssociationsRequest {
  AuthenticationType?: AuthenticationType;
  MaxResults?: number;
  NextToken?: string;
  StackName?: string;
  UserName?: string;
}
export interface DescribeUserStackAssociationsResult {
  NextToken?: string;
  UserStackAssociations?: UserStackAssociationList;
}
export interface DescribeUsersRequest {
  AuthenticationType: AuthenticationType;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeUsersResult {
  NextToken?: string;
  Users?: UserList;
}
export interface DirectoryConfig {
  CertificateBasedAuthProperties?: CertificateBasedAuthProperties;
  CreatedTime?: Date;
  DirectoryName: string;
  OrganizationalUnitDistinguishedNames?: OrganizationalUnitDistinguishedNamesList;
  ServiceAccountCredentials?: ServiceAccountCredentials;
}
export type DirectoryConfigList = DirectoryConfig[];
export type DirectoryNameList = string[];
export interface DisableUserRequest {
  AuthenticationType: AuthenticationType;
  UserName: string;
}
export interface DisableUserResult {
}
export interface DisassociateAppBlockBuilderAppBlockRequest {
  AppBlockArn: string;
  AppBlockBuilderName: string;
}
export interface DisassociateAppBlockBuilderAppBlockResult {
}
export interface DisassociateApplicationFleetRequest {
  ApplicationArn: string;
  FleetName: string;
}
export interface DisassociateApplicationFleetResult {
}
export interface DisassociateApplicationFromEntitlementRequest {
  ApplicationIdentifier: string;
  EntitlementName: string;
  StackName: string;
}
export interface DisassociateApplicationFromEntitlementResult {
}
export interface DisassociateFleetRequest {
  FleetName: string;
  StackName: string;
}
export interface DisassociateFleetResult {
}
export interface DisassociateSoftwareFromImageBuilderRequest {
  ImageBuilderName: string;
  SoftwareNames: StringList;
}
export interface DisassociateSoftwareFromImageBuilderResult {
}
export interface DomainJoinInfo {
  DirectoryName?: string;
  OrganizationalUnitDistinguishedName?: string;
}
export type DomainList = string[];
export interface DrainSessionInstanceRequest {
  SessionId: string;
}
export interface DrainSessionInstanceResult {
}
export interface DryRunOperationException {
  Message?: string;
}
export type DynamicAppProvidersEnabled = "ENABLED" | "DISABLED";
export type EmbedHostDomains = string[];
export interface EnableUserRequest {
  AuthenticationType: AuthenticationType;
  UserName: string;
}
export interface EnableUserResult {
}
export interface EntitledApplication {
  ApplicationIdentifier: string;
}
export type EntitledApplicationList = EntitledApplication[];
export interface Entitlement {
  AppVisibility: AppVisibility;
  Attributes: EntitlementAttributeList;
  CreatedTime?: Date;
  Description?: string;
  LastModifiedTime?: Date;
  Name: string;
  StackName: string;
}
export interface EntitlementAlreadyExistsException {
  Message?: string;
}
export interface EntitlementAttribute {
  Name: string;
  Value: string;
}
export type EntitlementAttributeList = EntitlementAttribute[];
export type EntitlementList = Entitlement[];
export interface EntitlementNotFoundException {
  Message?: string;
}
export interface ErrorDetails {
  ErrorCode?: string;
  ErrorMessage?: string;
}
export type ErrorDetailsList = ErrorDetails[];
export interface ExpireSessionRequest {
  SessionId: string;
}
export interface ExpireSessionResult {
}
export interface ExportImageTask {
  AmiDescription?: string;
  AmiId?: string;
  AmiName: string;
  CreatedDate: Date;
  ErrorDetails?: ErrorDetailsList;
  ImageArn: string;
  State?: ExportImageTaskState;
  TagSpecifications?: Tags;
  TaskId: string;
}
export type ExportImageTaskState = "EXPORTING" | "COMPLETED" | "FAILED";
export type ExportImageTasks = ExportImageTask[];
export interface Filter {
  Name: string;
  Values: FilterValues;
}
export type FilterValues = string[];
export type Filters = Filter[];
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
export interface GetExportImageTaskRequest {
  TaskId?: string;
}
export interface GetExportImageTaskResult {
  ExportImageTask?: ExportImageTask;
}
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
export type InstanceDrainStatus = "ACTIVE" | "DRAINING" | "NOT_APPLICABLE";
export interface InvalidAccountStatusException {
  Message?: string;
}
export interface InvalidParameterCombinationException {
  Message?: string;
}
export interface InvalidRoleException {
  Message?: string;
}
export interface LastReportGenerationExecutionError {
  ErrorCode?: UsageReportExecutionErrorCode;
  ErrorMessage?: string;
}
export type LastReportGenerationExecutionErrors = LastReportGenerationExecutionError[];
export type LatestAppstreamAgentVersion = "TRUE" | "FALSE";
export interface LimitExceededException {
  Message?: string;
}
export interface ListAssociatedFleetsRequest {
  NextToken?: string;
  StackName: string;
}
export interface ListAssociatedFleetsResult {
  Names?: StringList;
  NextToken?: string;
}
export interface ListAssociatedStacksRequest {
  FleetName: string;
  NextToken?: string;
}
export interface ListAssociatedStacksResult {
  Names?: StringList;
  NextToken?: string;
}
export interface ListEntitledApplicationsRequest {
  EntitlementName: string;
  MaxResults?: number;
  NextToken?: string;
  StackName: string;
}
export interface ListEntitledApplicationsResult {
  EntitledApplications?: EntitledApplicationList;
  NextToken?: string;
}
export interface ListExportImageTasksRequest {
  Filters?: Filters;
  MaxResults?: number;
  NextToken?: string;
}
export interface ListExportImageTasksResult {
  ExportImageTasks?: ExportImageTasks;
  NextToken?: string;
}
export interface ListTagsForResourceRequest {
  ResourceArn: string;
}
export interface ListTagsForResourceResponse {
  Tags?: Tags;
}
export type MessageAction = "SUPPRESS" | "RESEND";
export type Metadata = Record<string, string>;
export interface NetworkAccessConfiguration {
  EniId?: string;
  EniIpv6Addresses?: StringList;
  EniPrivateIpAddress?: string;
}
export interface OperationNotPermittedException {
  Message?: string;
}
export type OrganizationalUnitDistinguishedNamesList = string[];
export type PackagingType = "CUSTOM" | "APPSTREAM2";
export type Permission = "ENABLED" | "DISABLED";
export type PlatformType = "WINDOWS" | "WINDOWS_SERVER_2016" | "WINDOWS_SERVER_2019" | "WINDOWS_SERVER_2022" | "WINDOWS_SERVER_2025" | "AMAZON_LINUX2" | "RHEL8" | "ROCKY_LINUX8" | "UBUNTU_PRO_2404";
export type Platforms = PlatformType[];
export type PreferredProtocol = "TCP" | "UDP";
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
export type ScreenImageFormat = "PNG" | "JPEG";
export type ScreenResolution = "W_1280xH_720";
export interface ScriptDetails {
  ExecutableParameters?: string;
  ExecutablePath: string;
  ScriptS3Location: S3Location;
  TimeoutInSeconds: number;
}
export type SecurityGroupIdList = string[];
export interface ServiceAccountCredentials {
  AccountName: string;
  AccountPassword: string;
}
export interface Session {
  AuthenticationType?: AuthenticationType;
  ConnectionState?: SessionConnectionState;
  FleetName: string;
  Id: string;
  InstanceDrainStatus?: InstanceDrainStatus;
  InstanceId?: string;
  MaxExpirationTime?: Date;
  NetworkAccessConfiguration?: NetworkAccessConfiguration;
  StackName: string;
  StartTime?: Date;
  State: SessionState;
  UserId: string;
}
export type SessionConnectionState = "CONNECTED" | "NOT_CONNECTED";
export type SessionList = Session[];
export type SessionState = "ACTIVE" | "PENDING" | "EXPIRED";
export interface SharedImagePermissions {
  imagePermissions: ImagePermissions;
  sharedAccountId: string;
}
export type SharedImagePermissionsList = SharedImagePermissions[];
export interface SoftwareAssociations {
  DeploymentError?: ErrorDetailsList;
  SoftwareName?: string;
  Status?: SoftwareDeploymentStatus;
}
export type SoftwareAssociationsList = SoftwareAssociations[];
export type SoftwareDeploymentStatus = "STAGED_FOR_INSTALLATION" | "PENDING_INSTALLATION" | "INSTALLED" | "STAGED_FOR_UNINSTALLATION" | "PENDING_UNINSTALLATION" | "FAILED_TO_INSTALL" | "FAILED_TO_UNINSTALL";
export interface Stack {
  AccessEndpoints?: AccessEndpointList;
  AgentAccessConfig?: AgentAccessConfig;
  ApplicationSettings?: ApplicationSettingsResponse;
  Arn?: string;
  ContentRedirection?: ContentRedirection;
  CreatedTime?: Date;
  Description?: string;
  DisplayName?: string;
  EmbedHostDomains?: EmbedHostDomains;
  FeedbackURL?: string;
  Name: string;
  RedirectURL?: string;
  StackErrors?: StackErrors;
  StorageConnectors?: StorageConnectorList;
  StreamingExperienceSettings?: StreamingExperienceSettings;
  UserSettings?: UserSettingList;
}
export type StackAttribute = "STORAGE_CONNECTORS" | "STORAGE_CONNECTOR_HOMEFOLDERS" | "STORAGE_CONNECTOR_GOOGLE_DRIVE" | "STORAGE_CONNECTOR_ONE_DRIVE" | "REDIRECT_URL" | "FEEDBACK_URL" | "THEME_NAME" | "USER_SETTINGS" | "EMBED_HOST_DOMAINS" | "IAM_ROLE_ARN" | "ACCESS_ENDPOINTS" | "STREAMING_EXPERIENCE_SETTINGS" | "CONTENT_REDIRECTION" | "AGENT_ACCESS_CONFIG";
export type StackAttributes = StackAttribute[];
export interface StackError {
  ErrorCode?: StackErrorCode;
  ErrorMessage?: string;
}
export type StackErrorCode = "STORAGE_CONNECTOR_ERROR" | "INTERNAL_SERVICE_ERROR";
export type StackErrors = StackError[];
export type StackList = Stack[];
export interface StartAppBlockBuilderRequest {
  Name: string;
}
export interface StartAppBlockBuilderResult {
  AppBlockBuilder?: AppBlockBuilder;
}
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
export interface StartSoftwareDeploymentToImageBuilderRequest {
  ImageBuilderName: string;
  RetryFailedDeployments?: boolean;
}
export interface StartSoftwareDeploymentToImageBuilderResult {
}
export interface StopAppBlockBuilderRequest {
  Name: string;
}
export interface StopAppBlockBuilderResult {
  AppBlockBuilder?: AppBlockBuilder;
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
export interface StorageConnector {
  ConnectorType: StorageConnectorType;
  Domains?: DomainList;
  DomainsRequireAdminConsent?: DomainList;
  ResourceIdentifier?: string;
}
export type StorageConnectorList = StorageConnector[];
export type StorageConnectorType = "HOMEFOLDERS" | "GOOGLE_DRIVE" | "ONE_DRIVE";
export type StreamView = "APP" | "DESKTOP";
export interface StreamingExperienceSettings {
  PreferredProtocol?: PreferredProtocol;
}
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
export interface Theme {
  CreatedTime?: Date;
  StackName?: string;
  State?: ThemeState;
  ThemeFaviconURL?: string;
  ThemeFooterLinks?: ThemeFooterLinks;
  ThemeOrganizationLogoURL?: string;
  ThemeStyling?: ThemeStyling;
  ThemeTitleText?: string;
}
export type ThemeAttribute = "FOOTER_LINKS";
export type ThemeAttributes = ThemeAttribute[];
export interface ThemeFooterLink {
  DisplayName?: string;
  FooterLinkURL?: string;
}
export type ThemeFooterLinks = ThemeFooterLink[];
export type ThemeState = "ENABLED" | "DISABLED";
export type ThemeStyling = "LIGHT_BLUE" | "BLUE" | "PINK" | "RED";
export interface UntagResourceRequest {
  ResourceArn: string;
  TagKeys: TagKeyList;
}
export interface UntagResourceResponse {
}
export interface UpdateAppBlockBuilderRequest {
  AccessEndpoints?: AccessEndpointList;
  AttributesToDelete?: AppBlockBuilderAttributes;
  Description?: string;
  DisableIMDSV1?: boolean;
  DisplayName?: string;
  EnableDefaultInternetAccess?: boolean;
  IamRoleArn?: string;
  InstanceType?: string;
  Name: string;
  Platform?: PlatformType;
  VpcConfig?: VpcConfig;
}
export interface UpdateAppBlockBuilderResult {
  AppBlockBuilder?: AppBlockBuilder;
}
export interface UpdateApplicationRequest {
  AppBlockArn?: string;
  AttributesToDelete?: ApplicationAttributes;
  Description?: string;
  DisplayName?: string;
  IconS3Location?: S3Location;
  LaunchParameters?: string;
  LaunchPath?: string;
  Name: string;
  WorkingDirectory?: string;
}
export interface UpdateApplicationResult {
  Application?: Application;
}
export interface UpdateDirectoryConfigRequest {
  CertificateBasedAuthProperties?: CertificateBasedAuthProperties;
  DirectoryName: string;
  OrganizationalUnitDistinguishedNames?: OrganizationalUnitDistinguishedNamesList;
  ServiceAccountCredentials?: ServiceAccountCredentials;
}
export interface UpdateDirectoryConfigResult {
  DirectoryConfig?: DirectoryConfig;
}
export interface UpdateEntitlementRequest {
  AppVisibility?: AppVisibility;
  Attributes?: EntitlementAttributeList;
  Description?: string;
  Name: string;
  StackName: string;
}
export interface UpdateEntitlementResult {
  Entitlement?: Entitlement;
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
export interface UpdateStackRequest {
  AccessEndpoints?: AccessEndpointList;
  AgentAccessConfig?: AgentAccessConfigForUpdate;
  ApplicationSettings?: ApplicationSettings;
  AttributesToDelete?: StackAttributes;
  ContentRedirection?: ContentRedirection;
  DeleteStorageConnectors?: boolean;
  Description?: string;
  DisplayName?: string;
  EmbedHostDomains?: EmbedHostDomains;
  FeedbackURL?: string;
  Name: string;
  RedirectURL?: string;
  StorageConnectors?: StorageConnectorList;
  StreamingExperienceSettings?: StreamingExperienceSettings;
  UserSettings?: UserSettingList;
}
export interface UpdateStackResult {
  Stack?: Stack;
}
export interface UpdateThemeForStackRequest {
  AttributesToDelete?: ThemeAttributes;
  FaviconS3Location?: S3Location;
  FooterLinks?: ThemeFooterLinks;
  OrganizationLogoS3Location?: S3Location;
  StackName: string;
  State?: ThemeState;
  ThemeStyling?: ThemeStyling;
  TitleText?: string;
}
export interface UpdateThemeForStackResult {
  Theme?: Theme;
}
export type UrlPatternList = string[];
export interface UrlRedirectionConfig {
  AllowedUrls?: UrlPatternList;
  DeniedUrls?: UrlPatternList;
  Enabled: boolean;
}
export type UsageReportExecutionErrorCode = "RESOURCE_NOT_FOUND" | "ACCESS_DENIED" | "INTERNAL_SERVICE_ERROR";
export type UsageReportSchedule = "DAILY";
export interface UsageReportSubscription {
  LastGeneratedReportDate?: Date;
  S3BucketName?: string;
  Schedule?: UsageReportSchedule;
  SubscriptionErrors?: LastReportGenerationExecutionErrors;
}
export type UsageReportSubscriptionList = UsageReportSubscription[];
export type UsbDeviceFilterStrings = string[];
export interface User {
  Arn?: string;
  AuthenticationType: AuthenticationType;
  CreatedTime?: Date;
  Enabled?: boolean;
  FirstName?: string;
  LastName?: string;
  Status?: string;
  UserName?: string;
}
export type UserList = User[];
export interface UserSetting {
  Action: Action;
  MaximumLength?: number;
  Permission: Permission;
}
export type UserSettingList = UserSetting[];
export interface UserStackAssociation {
  AuthenticationType: AuthenticationType;
  SendEmailNotification?: boolean;
  StackName: string;
  UserName: string;
}
export interface UserStackAssociationError {
  ErrorCode?: UserStackAssociationErrorCode;
  ErrorMessage?: string;
  UserStackAssociation?: UserStackAssociation;
}
export type UserStackAssociationErrorCode = "STACK_NOT_FOUND" | "USER_NAME_NOT_FOUND" | "DIRECTORY_NOT_FOUND" | "INTERNAL_ERROR";
export type UserStackAssociationErrorList = UserStackAssociationError[];
export type UserStackAssociationList = UserStackAssociation[];
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
  AssociateAppBlockBuilderAppBlock(ctx: RequestContext, input: AssociateAppBlockBuilderAppBlockRequest): AssociateAppBlockBuilderAppBlockResult;
  AssociateApplicationFleet(ctx: RequestContext, input: AssociateApplicationFleetRequest): AssociateApplicationFleetResult;
  AssociateApplicationToEntitlement(ctx: RequestContext, input: AssociateApplicationToEntitlementRequest): AssociateApplicationToEntitlementResult;
  AssociateFleet(ctx: RequestContext, input: AssociateFleetRequest): AssociateFleetResult;
  AssociateSoftwareToImageBuilder(ctx: RequestContext, input: AssociateSoftwareToImageBuilderRequest): AssociateSoftwareToImageBuilderResult;
  BatchAssociateUserStack(ctx: RequestContext, input: BatchAssociateUserStackRequest): BatchAssociateUserStackResult;
  BatchDisassociateUserStack(ctx: RequestContext, input: BatchDisassociateUserStackRequest): BatchDisassociateUserStackResult;
  CopyImage(ctx: RequestContext, input: CopyImageRequest): CopyImageResponse;
  CreateAppBlock(ctx: RequestContext, input: CreateAppBlockRequest): CreateAppBlockResult;
  CreateAppBlockBuilder(ctx: RequestContext, input: CreateAppBlockBuilderRequest): CreateAppBlockBuilderResult;
  CreateAppBlockBuilderStreamingURL(ctx: RequestContext, input: CreateAppBlockBuilderStreamingURLRequest): CreateAppBlockBuilderStreamingURLResult;
  CreateApplication(ctx: RequestContext, input: CreateApplicationRequest): CreateApplicationResult;
  CreateDirectoryConfig(ctx: RequestContext, input: CreateDirectoryConfigRequest): CreateDirectoryConfigResult;
  CreateEntitlement(ctx: RequestContext, input: CreateEntitlementRequest): CreateEntitlementResult;
  CreateExportImageTask(ctx: RequestContext, input: CreateExportImageTaskRequest): CreateExportImageTaskResult;
  CreateFleet(ctx: RequestContext, input: CreateFleetRequest): CreateFleetResult;
  CreateImageBuilder(ctx: RequestContext, input: CreateImageBuilderRequest): CreateImageBuilderResult;
  CreateImageBuilderStreamingURL(ctx: RequestContext, input: CreateImageBuilderStreamingURLRequest): CreateImageBuilderStreamingURLResult;
  CreateImportedImage(ctx: RequestContext, input: CreateImportedImageRequest): CreateImportedImageResult;
  CreateStack(ctx: RequestContext, input: CreateStackRequest): CreateStackResult;
  CreateStreamingURL(ctx: RequestContext, input: CreateStreamingURLRequest): CreateStreamingURLResult;
  CreateThemeForStack(ctx: RequestContext, input: CreateThemeForStackRequest): CreateThemeForStackResult;
  CreateUpdatedImage(ctx: RequestContext, input: CreateUpdatedImageRequest): CreateUpdatedImageResult;
  CreateUsageReportSubscription(ctx: RequestContext, input: CreateUsageReportSubscriptionRequest): CreateUsageReportSubscriptionResult;
  CreateUser(ctx: RequestContext, input: CreateUserRequest): CreateUserResult;
  DeleteAppBlock(ctx: RequestContext, input: DeleteAppBlockRequest): DeleteAppBlockResult;
  DeleteAppBlockBuilder(ctx: RequestContext, input: DeleteAppBlockBuilderRequest): DeleteAppBlockBuilderResult;
  DeleteApplication(ctx: RequestContext, input: DeleteApplicationRequest): DeleteApplicationResult;
  DeleteDirectoryConfig(ctx: RequestContext, input: DeleteDirectoryConfigRequest): DeleteDirectoryConfigResult;
  DeleteEntitlement(ctx: RequestContext, input: DeleteEntitlementRequest): DeleteEntitlementResult;
  DeleteFleet(ctx: RequestContext, input: DeleteFleetRequest): DeleteFleetResult;
  DeleteImage(ctx: RequestContext, input: DeleteImageRequest): DeleteImageResult;
  DeleteImageBuilder(ctx: RequestContext, input: DeleteImageBuilderRequest): DeleteImageBuilderResult;
  DeleteImagePermissions(ctx: RequestContext, input: DeleteImagePermissionsRequest): DeleteImagePermissionsResult;
  DeleteStack(ctx: RequestContext, input: DeleteStackRequest): DeleteStackResult;
  DeleteThemeForStack(ctx: RequestContext, input: DeleteThemeForStackRequest): DeleteThemeForStackResult;
  DeleteUsageReportSubscription(ctx: RequestContext, input: DeleteUsageReportSubscriptionRequest): DeleteUsageReportSubscriptionResult;
  DeleteUser(ctx: RequestContext, input: DeleteUserRequest): DeleteUserResult;
  DescribeAppBlockBuilderAppBlockAssociations(ctx: RequestContext, input: DescribeAppBlockBuilderAppBlockAssociationsRequest): DescribeAppBlockBuilderAppBlockAssociationsResult;
  DescribeAppBlockBuilders(ctx: RequestContext, input: DescribeAppBlockBuildersRequest): DescribeAppBlockBuildersResult;
  DescribeAppBlocks(ctx: RequestContext, input: DescribeAppBlocksRequest): DescribeAppBlocksResult;
  DescribeAppLicenseUsage(ctx: RequestContext, input: DescribeAppLicenseUsageRequest): DescribeAppLicenseUsageResult;
  DescribeApplicationFleetAssociations(ctx: RequestContext, input: DescribeApplicationFleetAssociationsRequest): DescribeApplicationFleetAssociationsResult;
  DescribeApplications(ctx: RequestContext, input: DescribeApplicationsRequest): DescribeApplicationsResult;
  DescribeDirectoryConfigs(ctx: RequestContext, input: DescribeDirectoryConfigsRequest): DescribeDirectoryConfigsResult;
  DescribeEntitlements(ctx: RequestContext, input: DescribeEntitlementsRequest): DescribeEntitlementsResult;
  DescribeFleets(ctx: RequestContext, input: DescribeFleetsRequest): DescribeFleetsResult;
  DescribeImageBuilders(ctx: RequestContext, input: DescribeImageBuildersRequest): DescribeImageBuildersResult;
  DescribeImagePermissions(ctx: RequestContext, input: DescribeImagePermissionsRequest): DescribeImagePermissionsResult;
  DescribeImages(ctx: RequestContext, input: DescribeImagesRequest): DescribeImagesResult;
  DescribeSessions(ctx: RequestContext, input: DescribeSessionsRequest): DescribeSessionsResult;
  DescribeSoftwareAssociations(ctx: RequestContext, input: DescribeSoftwareAssociationsRequest): DescribeSoftwareAssociationsResult;
  DescribeStacks(ctx: RequestContext, input: DescribeStacksRequest): DescribeStacksResult;
  DescribeThemeForStack(ctx: RequestContext, input: DescribeThemeForStackRequest): DescribeThemeForStackResult;
  DescribeUsageReportSubscriptions(ctx: RequestContext, input: DescribeUsageReportSubscriptionsRequest): DescribeUsageReportSubscriptionsResult;
  DescribeUserStackAssociations(ctx: RequestContext, input: DescribeUserStackAssociationsRequest): DescribeUserStackAssociationsResult;
  DescribeUsers(ctx: RequestContext, input: DescribeUsersRequest): DescribeUsersResult;
  DisableUser(ctx: RequestContext, input: DisableUserRequest): DisableUserResult;
  DisassociateAppBlockBuilderAppBlock(ctx: RequestContext, input: DisassociateAppBlockBuilderAppBlockRequest): DisassociateAppBlockBuilderAppBlockResult;
  DisassociateApplicationFleet(ctx: RequestContext, input: DisassociateApplicationFleetRequest): DisassociateApplicationFleetResult;
  DisassociateApplicationFromEntitlement(ctx: RequestContext, input: DisassociateApplicationFromEntitlementRequest): DisassociateApplicationFromEntitlementResult;
  DisassociateFleet(ctx: RequestContext, input: DisassociateFleetRequest): DisassociateFleetResult;
  DisassociateSoftwareFromImageBuilder(ctx: RequestContext, input: DisassociateSoftwareFromImageBuilderRequest): DisassociateSoftwareFromImageBuilderResult;
  DrainSessionInstance(ctx: RequestContext, input: DrainSessionInstanceRequest): DrainSessionInstanceResult;
  EnableUser(ctx: RequestContext, input: EnableUserRequest): EnableUserResult;
  ExpireSession(ctx: RequestContext, input: ExpireSessionRequest): ExpireSessionResult;
  GetExportImageTask(ctx: RequestContext, input: GetExportImageTaskRequest): GetExportImageTaskResult;
  ListAssociatedFleets(ctx: RequestContext, input: ListAssociatedFleetsRequest): ListAssociatedFleetsResult;
  ListAssociatedStacks(ctx: RequestContext, input: ListAssociatedStacksRequest): ListAssociatedStacksResult;
  ListEntitledApplications(ctx: RequestContext, input: ListEntitledApplicationsRequest): ListEntitledApplicationsResult;
  ListExportImageTasks(ctx: RequestContext, input: ListExportImageTasksRequest): ListExportImageTasksResult;
  ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceRequest): ListTagsForResourceResponse;
  StartAppBlockBuilder(ctx: RequestContext, input: StartAppBlockBuilderRequest): StartAppBlockBuilderResult;
  StartFleet(ctx: RequestContext, input: StartFleetRequest): StartFleetResult;
  StartImageBuilder(ctx: RequestContext, input: StartImageBuilderRequest): StartImageBuilderResult;
  StartSoftwareDeploymentToImageBuilder(ctx: RequestContext, input: StartSoftwareDeploymentToImageBuilderRequest): StartSoftwareDeploymentToImageBuilderResult;
  StopAppBlockBuilder(ctx: RequestContext, input: StopAppBlockBuilderRequest): StopAppBlockBuilderResult;
  StopFleet(ctx: RequestContext, input: StopFleetRequest): StopFleetResult;
  StopImageBuilder(ctx: RequestContext, input: StopImageBuilderRequest): StopImageBuilderResult;
  TagResource(ctx: RequestContext, input: TagResourceRequest): TagResourceResponse;
  UntagResource(ctx: RequestContext, input: UntagResourceRequest): UntagResourceResponse;
  UpdateAppBlockBuilder(ctx: RequestContext, input: UpdateAppBlockBuilderRequest): UpdateAppBlockBuilderResult;
  UpdateApplication(ctx: RequestContext, input: UpdateApplicationRequest): UpdateApplicationResult;
  UpdateDirectoryConfig(ctx: RequestContext, input: UpdateDirectoryConfigRequest): UpdateDirectoryConfigResult;
  UpdateEntitlement(ctx: RequestContext, input: UpdateEntitlementRequest): UpdateEntitlementResult;
  UpdateFleet(ctx: RequestContext, input: UpdateFleetRequest): UpdateFleetResult;
  UpdateImagePermissions(ctx: RequestContext, input: UpdateImagePermissionsRequest): UpdateImagePermissionsResult;
  UpdateStack(ctx: RequestContext, input: UpdateStackRequest): UpdateStackResult;
  UpdateThemeForStack(ctx: RequestContext, input: UpdateThemeForStackRequest): UpdateThemeForStackResult;
}
