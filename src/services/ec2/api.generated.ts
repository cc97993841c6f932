// Generated from models/ec2.json by scripts/generate-types.js. Do not edit.
/* eslint-disable */
import type { RequestContext } from "../../gateway/context";

export interface AcceleratorCount {
  Max?: number;
  Min?: number;
}
export interface AcceleratorCountRequest {
  Max?: number;
  Min?: number;
}
export type AcceleratorManufacturer = "amazon-web-services" | "amd" | "nvidia" | "xilinx" | "habana";
export type AcceleratorManufacturerSet = AcceleratorManufacturer[];
export type AcceleratorName = "a100" | "inferentia" | "k520" | "k80" | "m60" | "radeon-pro-v520" | "t4" | "vu9p" | "v100" | "a10g" | "h100" | "t4g" | "l40s" | "l4" | "gaudi-hl-205" | "inferentia2" | "trainium" | "trainium2" | "u30";
export type AcceleratorNameSet = AcceleratorName[];
export interface AcceleratorTotalMemoryMiB {
  Max?: number;
  Min?: number;
}
export interface AcceleratorTotalMemoryMiBRequest {
  Max?: number;
  Min?: number;
}
export type AcceleratorType = "gpu" | "fpga" | "inference" | "media";
export type AcceleratorTypeSet = AcceleratorType[];
export interface AccountAttribute {
  AttributeName?: string;
  AttributeValues?: AccountAttributeValueList;
}
export type AccountAttributeList = AccountAttribute[];
export type AccountAttributeName = "supported-platforms" | "default-vpc";
export type AccountAttributeNameStringList = AccountAttributeName[];
export interface AccountAttributeValue {
  AttributeValue?: string;
}
export type AccountAttributeValueList = AccountAttributeValue[];
export interface Address {
  AllocationId?: string;
  AssociationId?: string;
  CarrierIp?: string;
  CustomerOwnedIp?: string;
  CustomerOwnedIpv4Pool?: string;
  Domain?: DomainType;
  InstanceId?: string;
  NetworkBorderGroup?: string;
  NetworkInterfaceId?: string;
  NetworkInterfaceOwnerId?: string;
  PrivateIpAddress?: string;
  PublicIp?: string;
  PublicIpv4Pool?: string;
  ServiceManaged?: ServiceManaged;
  SubnetId?: string;
  Tags?: TagList;
}
export interface AddressAttribute {
  AllocationId?: string;
  PtrRecord?: string;
  PtrRecordUpdate?: PtrUpdateStatus;
  PublicIp?: string;
}
export type AddressAttributeName = "domain-name";
export type AddressList = Address[];
export type AddressSet = AddressAttribute[];
export interface AllocateAddressRequest {
  Address?: string;
  CustomerOwnedIpv4Pool?: string;
  Domain?: DomainType;
  DryRun?: boolean;
  IpamPoolId?: string;
  NetworkBorderGroup?: string;
  PublicIpv4Pool?: string;
  TagSpecifications?: TagSpecificationList;
}
export interface AllocateAddressResult {
  AllocationId?: string;
  CarrierIp?: string;
  CustomerOwnedIp?: string;
  CustomerOwnedIpv4Pool?: string;
  Domain?: DomainType;
  NetworkBorderGroup?: string;
  PublicIp?: string;
  PublicIpv4Pool?: string;
}
export type AllocationIdList = string[];
export type AllocationIds = string[];
export type AllowedImagesSettingsDisabledState = "disabled";
export type AllowedImagesSettingsEnabledState = "enabled" | "audit-mode";
export type AllowedInstanceTypeSet = string[];
export type AmdSevSnpSpecification = "enabled" | "disabled";
export type ArchitectureType = "i386" | "x86_64" | "arm64" | "x86_64_mac" | "arm64_mac";
export type ArchitectureTypeList = ArchitectureType[];
export type ArchitectureValues = "i386" | "x86_64" | "arm64" | "x86_64_mac" | "arm64_mac";
export interface AssociateAddressRequest {
  AllocationId?: string;
  AllowReassociation?: boolean;
  DryRun?: boolean;
  InstanceId?: string;
  NetworkInterfaceId?: string;
  PrivateIpAddress?: string;
  PublicIp?: string;
}
export interface AssociateAddressResult {
  AssociationId?: string;
}
export interface AssociateIamInstanceProfileRequest {
  IamInstanceProfile: IamInstanceProfileSpecification;
  InstanceId: string;
}
export interface AssociateIamInstanceProfileResult {
  IamInstanceProfileAssociation?: IamInstanceProfileAssociation;
}
export interface AssociateRouteTableRequest {
  DryRun?: boolean;
  GatewayId?: string;
  PublicIpv4Pool?: string;
  RouteTableId: string;
  SubnetId?: string;
}
export interface AssociateRouteTableResult {
  AssociationId?: string;
  AssociationState?: RouteTableAssociationState;
}
export type AssociatedSubnetList = string[];
export type AssociationIdList = string[];
export interface AttachInternetGatewayRequest {
  DryRun?: boolean;
  InternetGatewayId: string;
  VpcId: string;
}
export interface AttachNetworkInterfaceRequest {
  DeviceIndex: number;
  DryRun?: boolean;
  EnaQueueCount?: number;
  EnaSrdSpecification?: EnaSrdSpecification;
  InstanceId: string;
  NetworkCardIndex?: number;
  NetworkInterfaceId: string;
}
export interface AttachNetworkInterfaceResult {
  AttachmentId?: string;
  NetworkCardIndex?: number;
}
export interface AttachVolumeRequest {
  Device: string;
  DryRun?: boolean;
  EbsCardIndex?: number;
  InstanceId: string;
  VolumeId: string;
}
export interface AttachmentEnaSrdSpecification {
  EnaSrdEnabled?: boolean;
  EnaSrdUdpSpecification?: AttachmentEnaSrdUdpSpecification;
}
export interface AttachmentEnaSrdUdpSpecification {
  EnaSrdUdpEnabled?: boolean;
}
export type AttachmentLimitType = "shared" | "dedicated";
export type AttachmentStatus = "attaching" | "attached" | "detaching" | "detached";
export interface AttributeBooleanValue {
  Value?: boolean;
}
export interface AttributeValue {
  Value?: string;
}
export interface AuthorizeSecurityGroupEgressRequest {
  CidrIp?: string;
  DryRun?: boolean;
  FromPort?: number;
  GroupId: string;
  IpPermissions?: IpPermissionList;
  IpProtocol?: string;
  SourceSecurityGroupName?: string;
  SourceSecurityGroupOwnerId?: string;
  TagSpecifications?: TagSpecificationList;
  ToPort?: number;
}
export interface AuthorizeSecurityGroupEgressResult {
  Return?: boolean;
  SecurityGroupRules?: SecurityGroupRuleList;
}
export interface AuthorizeSecurityGroupIngressRequest {
  CidrIp?: string;
  DryRun?: boolean;
  FromPort?: number;
  GroupId?: string;
  GroupName?: string;
  IpPermissions?: IpPermissionList;
  IpProtocol?: string;
  SourceSecurityGroupName?: string;
  SourceSecurityGroupOwnerId?: string;
  TagSpecifications?: TagSpecificationList;
  ToPort?: number;
}
export interface AuthorizeSecurityGroupIngressResult {
  Return?: boolean;
  SecurityGroupRules?: SecurityGroupRuleList;
}
export interface AvailabilityZone {
  Geography?: AvailabilityZoneGeographyList;
  GroupLongName?: string;
  GroupName?: string;
  Messages?: AvailabilityZoneMessageList;
  NetworkBorderGroup?: string;
  OptInStatus?: AvailabilityZoneOptInStatus;
  ParentZoneId?: string;
  ParentZoneName?: string;
  RegionName?: string;
  State?: AvailabilityZoneState;
  SubGeography?: AvailabilityZoneSubGeographyList;
  ZoneId?: string;
  ZoneName?: string;
  ZoneType?: string;
}
export interface AvailabilityZoneGeography {
  Name?: string;
}
export type AvailabilityZoneGeographyList = AvailabilityZoneGeography[];
export type AvailabilityZoneIdStringList = string[];
export type AvailabilityZoneList = AvailabilityZone[];
export interface AvailabilityZoneMessage {
  Message?: string;
}
export type AvailabilityZoneMessageList = AvailabilityZoneMessage[];
export type AvailabilityZoneOptInStatus = "opt-in-not-required" | "opted-in" | "not-opted-in";
export type AvailabilityZoneState = "available" | "information" | "impaired" | "unavailable" | "constrained";
export type AvailabilityZoneStringList = string[];
export interface AvailabilityZoneSubGeography {
  Name?: string;
}
export type AvailabilityZoneSubGeographyList = AvailabilityZoneSubGeography[];
export type BandwidthWeightingType = "default" | "vpc-1" | "ebs-1";
export type BandwidthWeightingTypeList = BandwidthWeightingType[];
export type BareMetal = "included" | "required" | "excluded";
export interface BaselineEbsBandwidthMbps {
  Max?: number;
  Min?: number;
}
export interface BaselineEbsBandwidthMbpsRequest {
  Max?: number;
  Min?: number;
}
export interface BaselinePerformanceFactors {
  Cpu?: CpuPerformanceFactor;
}
export interface BaselinePerformanceFactorsRequest {
  Cpu?: CpuPerformanceFactorRequest;
}
export type BillingProductList = string[];
export interface BlobAttributeValue {
  Value?: Uint8Array;
}
export interface BlockDeviceMapping {
  DeviceName?: string;
  Ebs?: EbsBlockDevice;
  NoDevice?: string;
  VirtualName?: string;
}
export type BlockDeviceMappingList = BlockDeviceMapping[];
export type BlockDeviceMappingRequestList = BlockDeviceMapping[];
export interface BlockDeviceMappingResponse {
  DeviceName?: string;
  Ebs?: EbsBlockDeviceResponse;
  NoDevice?: string;
  VirtualName?: string;
}
export type BlockDeviceMappingResponseList = BlockDeviceMappingResponse[];
export type BlockPublicAccessMode = "off" | "block-bidirectional" | "block-ingress";
export interface BlockPublicAccessStates {
  InternetGatewayBlockMode?: BlockPublicAccessMode;
}
export type BootModeType = "legacy-bios" | "uefi";
export type BootModeTypeList = BootModeType[];
export type BootModeValues = "legacy-bios" | "uefi" | "uefi-preferred";
export type BurstablePerformance = "included" | "required" | "excluded";
export interface CancelConversionRequest {
  ConversionTaskId: string;
  DryRun?: boolean;
  ReasonMessage?: string;
}
export interface CancelExportTaskRequest {
  ExportTaskId: string;
}
export interface CancelImageLaunchPermissionRequest {
  DryRun?: boolean;
  ImageId: string;
}
export interface CancelImageLaunchPermissionResult {
  Return?: boolean;
}
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
export interface CapacityReservationOptionsRequest {
  UsageStrategy?: FleetCapacityReservationUsageStrategy;
}
export type CapacityReservationPreference = "capacity-reservations-only" | "open" | "none";
export interface CapacityReservationSpecification {
  CapacityReservationPreference?: CapacityReservationPreference;
  CapacityReservationTarget?: CapacityReservationTarget;
}
export interface CapacityReservationSpecificationResponse {
  CapacityReservationPreference?: CapacityReservationPreference;
  CapacityReservationTarget?: CapacityReservationTargetResponse;
}
export interface CapacityReservationTarget {
  CapacityReservationId?: string;
  CapacityReservationResourceGroupArn?: string;
}
export interface CapacityReservationTargetResponse {
  CapacityReservationId?: string;
  CapacityReservationResourceGroupArn?: string;
}
export interface ClassicLinkDnsSupport {
  ClassicLinkDnsSupported?: boolean;
  VpcId?: string;
}
export type ClassicLinkDnsSupportList = ClassicLinkDnsSupport[];
export interface ClientData {
  Comment?: string;
  UploadEnd?: Date;
  UploadSize?: number;
  UploadStart?: Date;
}
export interface ConnectionTrackingConfiguration {
  TcpEstablishedTimeout?: number;
  UdpStreamTimeout?: number;
  UdpTimeout?: number;
}
export interface ConnectionTrackingSpecification {
  TcpEstablishedTimeout?: number;
  UdpStreamTimeout?: number;
  UdpTimeout?: number;
}
export interface ConnectionTrackingSpecificationRequest {
  TcpEstablishedTimeout?: number;
  UdpStreamTimeout?: number;
  UdpTimeout?: number;
}
export interface ConnectionTrackingSpecificationResponse {
  TcpEstablishedTimeout?: number;
  UdpStreamTimeout?: number;
  UdpTimeout?: number;
}
export type ConversionIdStringList = string[];
export interface ConversionTask {
  ConversionTaskId?: string;
  ExpirationTime?: string;
  ImportInstance?: ImportInstanceTaskDetails;
  ImportVolume?: ImportVolumeTaskDetails;
  State?: ConversionTaskState;
  StatusMessage?: string;
  Tags?: TagList;
}
export type ConversionTaskState = "active" | "cancelling" | "cancelled" | "completed";
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
export interface CopySnapshotRequest {
  CompletionDurationMinutes?: number;
  Description?: string;
  DestinationAvailabilityZone?: string;
  DestinationOutpostArn?: string;
  DestinationRegion?: string;
  DryRun?: boolean;
  Encrypted?: boolean;
  KmsKeyId?: string;
  PresignedUrl?: string;
  SourceRegion: string;
  SourceSnapshotId: string;
  TagSpecifications?: TagSpecificationList;
}
export interface CopySnapshotResult {
  SnapshotId?: string;
  Tags?: TagList;
}
export type CopyTagsFromSource = "volume";
export interface CopyVolumesRequest {
  ClientToken?: string;
  DryRun?: boolean;
  Iops?: number;
  MultiAttachEnabled?: boolean;
  Size?: number;
  SourceVolumeId: string;
  TagSpecifications?: TagSpecificationList;
  Throughput?: number;
  VolumeType?: VolumeType;
}
export interface CopyVolumesResult {
  Volumes?: VolumeList;
}
export type CoreCountList = number[];
export type CpuManufacturer = "intel" | "amd" | "amazon-web-services" | "apple";
export type CpuManufacturerSet = CpuManufacturer[];
export interface CpuOptions {
  AmdSevSnp?: AmdSevSnpSpecification;
  CoreCount?: number;
  NestedVirtualization?: NestedVirtualizationSpecification;
  ThreadsPerCore?: number;
}
export interface CpuOptionsRequest {
  AmdSevSnp?: AmdSevSnpSpecification;
  CoreCount?: number;
  NestedVirtualization?: NestedVirtualizationSpecification;
  ThreadsPerCore?: number;
}
export interface CpuPerformanceFactor {
  References?: PerformanceFactorReferenceSet;
}
export interface CpuPerformanceFactorRequest {
  References?: PerformanceFactorReferenceSetRequest;
}
export interface CreateDefaultVpcRequest {
  DryRun?: boolean;
}
export interface CreateDefaultVpcResult {
  Vpc?: Vpc;
}
export interface CreateDelegateMacVolumeOwnershipTaskRequest {
  ClientToken?: string;
  DryRun?: boolean;
  InstanceId: string;
  MacCredentials: string;
  TagSpecifications?: TagSpecificationList;
}
export interface CreateDelegateMacVolumeOwnershipTaskResult {
  MacModificationTask?: MacModificationTask;
}
export interface CreateFleetError {
  ErrorCode?: string;
  ErrorMessage?: string;
  LaunchTemplateAndOverrides?: LaunchTemplateAndOverridesResponse;
  Lifecycle?: InstanceLifecycle;
}
export type CreateFleetErrorsSet = CreateFleetError[];
export interface CreateFleetInstance {
  InstanceIds?: InstanceIdsSet;
  InstanceType?: InstanceType;
  LaunchTemplateAndOverrides?: LaunchTemplateAndOverridesResponse;
  Lifecycle?: InstanceLifecycle;
  Platform?: PlatformValues;
}
export type CreateFleetInstancesSet = CreateFleetInstance[];
export interface CreateFleetRequest {
  ClientToken?: string;
  Context?: string;
  DryRun?: boolean;
  ExcessCapacityTerminationPolicy?: FleetExcessCapacityTerminationPolicy;
  LaunchTemplateConfigs: FleetLaunchTemplateConfigListRequest;
  OnDemandOptions?: OnDemandOptionsRequest;
  ReplaceUnhealthyInstances?: boolean;
  ReservedCapacityOptions?: ReservedCapacityOptionsRequest;
  SpotOptions?: SpotOptionsRequest;
  TagSpecifications?: TagSpecificationList;
  TargetCapacitySpecification: TargetCapacitySpecificationRequest;
  TerminateInstancesWithExpiration?: boolean;
  Type?: FleetType;
  ValidFrom?: Date;
  ValidUntil?: Date;
}
export interface CreateFleetResult {
  Errors?: CreateFleetErrorsSet;
  FleetId?: string;
  Instances?: CreateFleetInstancesSet;
}
export interface CreateImageRequest {
  BlockDeviceMappings?: BlockDeviceMappingRequestList;
  Description?: string;
  DryRun?: boolean;
  InstanceId: string;
  Name: string;
  NoReboot?: boolean;
  SnapshotLocation?: SnapshotLocationEnum;
  TagSpecifications?: TagSpecificationList;
}
export interface CreateImageResult {
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
export interface CreateInternetGatewayRequest {
  DryRun?: boolean;
  TagSpecifications?: TagSpecificationList;
}
export interface CreateInternetGatewayResult {
  InternetGateway?: InternetGateway;
}
export interface CreateKeyPairRequest {
  DryRun?: boolean;
  KeyFormat?: KeyFormat;
  KeyName: string;
  KeyType?: KeyType;
  TagSpecifications?: TagSpecificationList;
}
export interface CreateLaunchTemplateRequest {
  ClientToken?: string;
  DryRun?: boolean;
  LaunchTemplateData: RequestLaunchTemplateData;
  LaunchTemplateName: string;
  Operator?: OperatorRequest;
  TagSpecifications?: TagSpecificationList;
  VersionDescription?: string;
}
export interface CreateLaunchTemplateResult {
  LaunchTemplate?: LaunchTemplate;
  Warning?: ValidationWarning;
}
export interface CreateLaunchTemplateVersionRequest {
  ClientToken?: string;
  DryRun?: boolean;
  LaunchTemplateData: RequestLaunchTemplateData;
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  ResolveAlias?: boolean;
  SourceVersion?: string;
  VersionDescription?: string;
}
export interface CreateLaunchTemplateVersionResult {
  LaunchTemplateVersion?: LaunchTemplateVersion;
  Warning?: ValidationWarning;
}
export interface CreateMacSystemIntegrityProtectionModificationTaskRequest {
  ClientToken?: string;
  DryRun?: boolean;
  InstanceId: string;
  MacCredentials?: string;
  MacSystemIntegrityProtectionConfiguration?: MacSystemIntegrityProtectionConfigurationRequest;
  MacSystemIntegrityProtectionStatus: MacSystemIntegrityProtectionSettingStatus;
  TagSpecifications?: TagSpecificationList;
}
export interface CreateMacSystemIntegrityProtectionModificationTaskResult {
  MacModificationTask?: MacModificationTask;
}
export interface CreateNetworkAclEntryRequest {
  CidrBlock?: string;
  DryRun?: boolean;
  Egress: boolean;
  IcmpTypeCode?: IcmpTypeCode;
  Ipv6CidrBlock?: string;
  NetworkAclId: string;
  PortRange?: PortRange;
  Protocol: string;
  RuleAction: RuleAction;
  RuleNumber: number;
}
export interface CreateNetworkAclRequest {
  ClientToken?: string;
  DryRun?: boolean;
  TagSpecifications?: TagSpecificationList;
  VpcId: string;
}
export interface CreateNetworkAclResult {
  ClientToken?: string;
  NetworkAcl?: NetworkAcl;
}
export interface CreateNetworkInterfaceRequest {
  ClientToken?: string;
  ConnectionTrackingSpecification?: ConnectionTrackingSpecificationRequest;
  Description?: string;
  DryRun?: boolean;
  EnablePrimaryIpv6?: boolean;
  Groups?: SecurityGroupIdStringList;
  InterfaceType?: NetworkInterfaceCreationType;
  Ipv4PrefixCount?: number;
  Ipv4Prefixes?: Ipv4PrefixList;
  Ipv6AddressCount?: number;
  Ipv6Addresses?: InstanceIpv6AddressList;
  Ipv6PrefixCount?: number;
  Ipv6Prefixes?: Ipv6PrefixList;
  Operator?: OperatorRequest;
  PrivateIpAddress?: string;
  PrivateIpAddresses?: PrivateIpAddressSpecificationList;
  SecondaryPrivateIpAddressCount?: number;
  SubnetId: string;
  TagSpecifications?: TagSpecificationList;
}
export interface CreateNetworkInterfaceResult {
  ClientToken?: string;
  NetworkInterface?: NetworkInterface;
}
export interface CreateReplaceRootVolumeTaskRequest {
  ClientToken?: string;
  DeleteReplacedRootVolume?: boolean;
  DryRun?: boolean;
  ImageId?: string;
  InstanceId: string;
  SnapshotId?: string;
  TagSpecifications?: TagSpecificationList;
  VolumeInitializationRate?: number;
}
export interface CreateReplaceRootVolumeTaskResult {
  ReplaceRootVolumeTask?: ReplaceRootVolumeTask;
}
export interface CreateRestoreImageTaskRequest {
  Bucket: string;
  DryRun?: boolean;
  Name?: string;
  ObjectKey: string;
  TagSpecifications?: TagSpecificationList;
}
export interface CreateRestoreImageTaskResult {
  ImageId?: string;
}
export interface CreateRouteRequest {
  CarrierGatewayId?: string;
  CoreNetworkArn?: string;
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
  DryRun?: boolean;
  EgressOnlyInternetGatewayId?: string;
  GatewayId?: string;
  InstanceId?: string;
  LocalGatewayId?: string;
  NatGatewayId?: string;
  NetworkInterfaceId?: string;
  OdbNetworkArn?: string;
  RouteTableId: string;
  TransitGatewayId?: string;
  VpcEndpointId?: string;
  VpcPeeringConnectionId?: string;
}
export interface CreateRouteResult {
  Return?: boolean;
}
export interface CreateRouteTableRequest {
  ClientToken?: string;
  DryRun?: boolean;
  TagSpecifications?: TagSpecificationList;
  VpcId: string;
}
export interface CreateRouteTableResult {
  ClientToken?: string;
  RouteTable?: RouteTable;
}
export interface CreateSecurityGroupRequest {
  Description: string;
  DryRun?: boolean;
  GroupName: string;
  TagSpecifications?: TagSpecificationList;
  VpcId?: string;
}
export interface CreateSecurityGroupResult {
  GroupId?: string;
  SecurityGroupArn?: string;
  Tags?: TagList;
}
export interface CreateSnapshotRequest {
  Description?: string;
  DryRun?: boolean;
  Location?: SnapshotLocationEnum;
  OutpostArn?: string;
  TagSpecifications?: TagSpecificationList;
  VolumeId: string;
}
export interface CreateSnapshotsRequest {
  CopyTagsFromSource?: CopyTagsFromSource;
  Description?: string;
  DryRun?: boolean;
  InstanceSpecification: InstanceSpecification;
  Location?: SnapshotLocationEnum;
  OutpostArn?: string;
  TagSpecifications?: TagSpecificationList;
}
export interface CreateSnapshotsResult {
  Snapshots?: SnapshotSet;
}
export interface CreateStoreImageTaskRequest {
  Bucket: string;
  DryRun?: boolean;
  ImageId: string;
  S3ObjectTags?: S3ObjectTagList;
}
export interface CreateStoreImageTaskResult {
  ObjectKey?: string;
}
export interface CreateSubnetRequest {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  CidrBlock?: string;
  DryRun?: boolean;
  Ipv4IpamPoolId?: string;
  Ipv4NetmaskLength?: number;
  Ipv6CidrBlock?: string;
  Ipv6IpamPoolId?: string;
  Ipv6Native?: boolean;
  Ipv6NetmaskLength?: number;
  OutpostArn?: string;
  TagSpecifications?: TagSpecificationList;
  VpcId: string;
}
export interface CreateSubnetResult {
  Subnet?: Subnet;
}
export interface CreateTagsRequest {
  DryRun?: boolean;
  Resources: ResourceIdList;
  Tags: TagList;
}
export interface CreateVolumePermission {
  Group?: PermissionGroup;
  UserId?: string;
}
export type CreateVolumePermissionList = CreateVolumePermission[];
export interface CreateVolumePermissionModifications {
  Add?: CreateVolumePermissionList;
  Remove?: CreateVolumePermissionList;
}
export interface CreateVolumeRequest {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  ClientToken?: string;
  DryRun?: boolean;
  Encrypted?: boolean;
  Iops?: number;
  KmsKeyId?: string;
  MultiAttachEnabled?: boolean;
  Operator?: OperatorRequest;
  OutpostArn?: string;
  Size?: number;
  SnapshotId?: string;
  TagSpecifications?: TagSpecificationList;
  Throughput?: number;
  VolumeInitializationRate?: number;
  VolumeType?: VolumeType;
}
export interface CreateVpcRequest {
  AmazonProvidedIpv6CidrBlock?: boolean;
  CidrBlock?: string;
  DryRun?: boolean;
  InstanceTenancy?: Tenancy;
  Ipv4IpamPoolId?: string;
  Ipv4NetmaskLength?: number;
  Ipv6CidrBlock?: string;
  Ipv6CidrBlockNetworkBorderGroup?: string;
  Ipv6IpamPoolId?: string;
  Ipv6NetmaskLength?: number;
  Ipv6Pool?: string;
  TagSpecifications?: TagSpecificationList;
  VpcEncryptionControl?: VpcEncryptionControlConfiguration;
}
export interface CreateVpcResult {
  Vpc?: Vpc;
}
export interface CreationDateCondition {
  MaximumDaysSinceCreated?: number;
}
export interface CreationDateConditionRequest {
  MaximumDaysSinceCreated?: number;
}
export interface CreditSpecification {
  CpuCredits?: string;
}
export interface CreditSpecificationRequest {
  CpuCredits: string;
}
export interface DefaultConnectionTrackingConfiguration {
  DefaultTcpEstablishedTimeout?: number;
  DefaultUdpStreamTimeout?: number;
  DefaultUdpTimeout?: number;
}
export type DefaultTargetCapacityType = "spot" | "on-demand" | "capacity-block" | "reserved-capacity";
export interface DeleteFleetError {
  Code?: DeleteFleetErrorCode;
  Message?: string;
}
export type DeleteFleetErrorCode = "fleetIdDoesNotExist" | "fleetIdMalformed" | "fleetNotInDeletableState" | "unexpectedError";
export interface DeleteFleetErrorItem {
  Error?: DeleteFleetError;
  FleetId?: string;
}
export type DeleteFleetErrorSet = DeleteFleetErrorItem[];
export interface DeleteFleetSuccessItem {
  CurrentFleetState?: FleetStateCode;
  FleetId?: string;
  PreviousFleetState?: FleetStateCode;
}
export type DeleteFleetSuccessSet = DeleteFleetSuccessItem[];
export interface DeleteFleetsRequest {
  DryRun?: boolean;
  FleetIds: FleetIdSet;
  TerminateInstances: boolean;
}
export interface DeleteFleetsResult {
  SuccessfulFleetDeletions?: DeleteFleetSuccessSet;
  UnsuccessfulFleetDeletions?: DeleteFleetErrorSet;
}
export interface DeleteImageUsageReportRequest {
  DryRun?: boolean;
  ReportId: string;
}
export interface DeleteImageUsageReportResult {
  Return?: boolean;
}
export interface DeleteInternetGatewayRequest {
  DryRun?: boolean;
  InternetGatewayId: string;
}
export interface DeleteKeyPairRequest {
  DryRun?: boolean;
  KeyName?: string;
  KeyPairId?: string;
}
export interface DeleteKeyPairResult {
  KeyPairId?: string;
  Return?: boolean;
}
export interface DeleteLaunchTemplateRequest {
  DryRun?: boolean;
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
}
export interface DeleteLaunchTemplateResult {
  LaunchTemplate?: LaunchTemplate;
}
export interface DeleteLaunchTemplateVersionsRequest {
  DryRun?: boolean;
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Versions: VersionStringList;
}
export interface DeleteLaunchTemplateVersionsResponseErrorItem {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  ResponseError?: ResponseError;
  VersionNumber?: number;
}
export type DeleteLaunchTemplateVersionsResponseErrorSet = DeleteLaunchTemplateVersionsResponseErrorItem[];
export interface DeleteLaunchTemplateVersionsResponseSuccessItem {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  VersionNumber?: number;
}
export type DeleteLaunchTemplateVersionsResponseSuccessSet = DeleteLaunchTemplateVersionsResponseSuccessItem[];
export interface DeleteLaunchTemplateVersionsResult {
  SuccessfullyDeletedLaunchTemplateVersions?: DeleteLaunchTemplateVersionsResponseSuccessSet;
  UnsuccessfullyDeletedLaunchTemplateVersions?: DeleteLaunchTemplateVersionsResponseErrorSet;
}
export interface DeleteNetworkAclEntryRequest {
  DryRun?: boolean;
  Egress: boolean;
  NetworkAclId: string;
  RuleNumber: number;
}
export interface DeleteNetworkAclRequest {
  DryRun?: boolean;
  NetworkAclId: string;
}
export interface DeleteNetworkInterfaceRequest {
  DryRun?: boolean;
  NetworkInterfaceId: string;
}
export interface DeleteRouteRequest {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
  DryRun?: boolean;
  RouteTableId: string;
}
export interface DeleteRouteTableRequest {
  DryRun?: boolean;
  RouteTableId: string;
}
export interface DeleteSecurityGroupRequest {
  DryRun?: boolean;
  GroupId?: string;
  GroupName?: string;
}
export interface DeleteSecurityGroupResult {
  GroupId?: string;
  Return?: boolean;
}
export interface DeleteSnapshotRequest {
  DryRun?: boolean;
  SnapshotId: string;
}
export type DeleteSnapshotResultSet = DeleteSnapshotReturnCode[];
export interface DeleteSnapshotReturnCode {
  ReturnCode?: SnapshotReturnCodes;
  SnapshotId?: string;
}
export interface DeleteSubnetRequest {
  DryRun?: boolean;
  SubnetId: string;
}
export interface DeleteTagsRequest {
  DryRun?: boolean;
  Resources: ResourceIdList;
  Tags?: TagList;
}
export interface DeleteVolumeRequest {
  DryRun?: boolean;
  VolumeId: string;
}
export interface DeleteVpcRequest {
  DryRun?: boolean;
  VpcId: string;
}
export interface DeprecationTimeCondition {
  MaximumDaysSinceDeprecated?: number;
}
export interface DeprecationTimeConditionRequest {
  MaximumDaysSinceDeprecated?: number;
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
export interface DescribeAccountAttributesRequest {
  AttributeNames?: AccountAttributeNameStringList;
  DryRun?: boolean;
}
export interface DescribeAccountAttributesResult {
  AccountAttributes?: AccountAttributeList;
}
export interface DescribeAddressesAttributeRequest {
  AllocationIds?: AllocationIds;
  Attribute?: AddressAttributeName;
  DryRun?: boolean;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeAddressesAttributeResult {
  Addresses?: AddressSet;
  NextToken?: string;
}
export interface DescribeAddressesRequest {
  AllocationIds?: AllocationIdList;
  DryRun?: boolean;
  Filters?: FilterList;
  PublicIps?: PublicIpStringList;
}
export interface DescribeAddressesResult {
  Addresses?: AddressList;
}
export interface DescribeAvailabilityZonesRequest {
  AllAvailabilityZones?: boolean;
  DryRun?: boolean;
  Filters?: FilterList;
  ZoneIds?: ZoneIdStringList;
  ZoneNames?: ZoneNameStringList;
}
export interface DescribeAvailabilityZonesResult {
  AvailabilityZones?: AvailabilityZoneList;
}
export type DescribeConversionTaskList = ConversionTask[];
export interface DescribeConversionTasksRequest {
  ConversionTaskIds?: ConversionIdStringList;
  DryRun?: boolean;
}
export interface DescribeConversionTasksResult {
  ConversionTasks?: DescribeConversionTaskList;
}
export interface DescribeExportImageTasksRequest {
  DryRun?: boolean;
  ExportImageTaskIds?: ExportImageTaskIdList;
  Filters?: FilterList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeExportImageTasksResult {
  ExportImageTasks?: ExportImageTaskList;
  NextToken?: string;
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
export interface DescribeFastSnapshotRestoreSuccessItem {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  DisabledTime?: Date;
  DisablingTime?: Date;
  EnabledTime?: Date;
  EnablingTime?: Date;
  OptimizingTime?: Date;
  OwnerAlias?: string;
  OwnerId?: string;
  SnapshotId?: string;
  State?: FastSnapshotRestoreStateCode;
  StateTransitionReason?: string;
}
export type DescribeFastSnapshotRestoreSuccessSet = DescribeFastSnapshotRestoreSuccessItem[];
export interface DescribeFastSnapshotRestoresRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeFastSnapshotRestoresResult {
  FastSnapshotRestores?: DescribeFastSnapshotRestoreSuccessSet;
  NextToken?: string;
}
export interface DescribeIamInstanceProfileAssociationsRequest {
  AssociationIds?: AssociationIdList;
  Filters?: FilterList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeIamInstanceProfileAssociationsResult {
  IamInstanceProfileAssociations?: IamInstanceProfileAssociationSet;
  NextToken?: string;
}
export interface DescribeImageAttributeRequest {
  Attribute: ImageAttributeName;
  DryRun?: boolean;
  ImageId: string;
}
export type DescribeImageReferencesImageIdStringList = string[];
export interface DescribeImageReferencesRequest {
  DryRun?: boolean;
  ImageIds: DescribeImageReferencesImageIdStringList;
  IncludeAllResourceTypes?: boolean;
  MaxResults?: number;
  NextToken?: string;
  ResourceTypes?: ResourceTypeRequestList;
}
export interface DescribeImageReferencesResult {
  ImageReferences?: ImageReferenceList;
  NextToken?: string;
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
export interface DescribeImportSnapshotTasksRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  ImportTaskIds?: ImportSnapshotTaskIdList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeImportSnapshotTasksResult {
  ImportSnapshotTasks?: ImportSnapshotTaskList;
  NextToken?: string;
}
export interface DescribeInstanceAttributeRequest {
  Attribute: InstanceAttributeName;
  DryRun?: boolean;
  InstanceId: string;
}
export interface DescribeInstanceCreditSpecificationsRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  InstanceIds?: InstanceIdStringList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeInstanceCreditSpecificationsResult {
  InstanceCreditSpecifications?: InstanceCreditSpecificationList;
  NextToken?: string;
}
export interface DescribeInstanceImageMetadataRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  InstanceIds?: InstanceIdStringList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeInstanceImageMetadataResult {
  InstanceImageMetadata?: InstanceImageMetadataList;
  NextToken?: string;
}
export interface DescribeInstanceStatusRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  IncludeAllInstances?: boolean;
  IncludeManagedResources?: boolean;
  InstanceIds?: InstanceIdStringList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeInstanceStatusResult {
  InstanceStatuses?: InstanceStatusList;
  NextToken?: string;
}
export interface DescribeInstanceTypeOfferingsRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  LocationType?: LocationType;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeInstanceTypeOfferingsResult {
  InstanceTypeOfferings?: InstanceTypeOfferingsList;
  NextToken?: string;
}
export interface DescribeInstanceTypesRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  IncludeUnsupportedInRegion?: boolean;
  InstanceTypes?: RequestInstanceTypeList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeInstanceTypesResult {
  InstanceTypes?: InstanceTypeInfoList;
  NextToken?: string;
}
export interface DescribeInstancesRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  IncludeManagedResources?: boolean;
  InstanceIds?: InstanceIdStringList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeInstancesResult {
  NextToken?: string;
  Reservations?: ReservationList;
}
export interface DescribeInternetGatewaysRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  InternetGatewayIds?: InternetGatewayIdList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeInternetGatewaysResult {
  InternetGateways?: InternetGatewayList;
  NextToken?: string;
}
export interface DescribeKeyPairsRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  IncludePublicKey?: boolean;
  KeyNames?: KeyNameStringList;
  KeyPairIds?: KeyPairIdStringList;
}
export interface DescribeKeyPairsResult {
  KeyPairs?: KeyPairList;
}
export interface DescribeLaunchTemplateVersionsRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  IncludeManagedResources?: boolean;
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  MaxResults?: number;
  MaxVersion?: string;
  MinVersion?: string;
  NextToken?: string;
  ResolveAlias?: boolean;
  Versions?: VersionStringList;
}
export interface DescribeLaunchTemplateVersionsResult {
  LaunchTemplateVersions?: LaunchTemplateVersionSet;
  NextToken?: string;
}
export interface DescribeLaunchTemplatesRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  IncludeManagedResources?: boolean;
  LaunchTemplateIds?: LaunchTemplateIdStringList;
  LaunchTemplateNames?: LaunchTemplateNameStringList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeLaunchTemplatesResult {
  LaunchTemplates?: LaunchTemplateSet;
  NextToken?: string;
}
export interface DescribeLockedSnapshotsRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  MaxResults?: number;
  NextToken?: string;
  SnapshotIds?: SnapshotIdStringList;
}
export interface DescribeLockedSnapshotsResult {
  NextToken?: string;
  Snapshots?: LockedSnapshotsInfoList;
}
export interface DescribeMacModificationTasksRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  MacModificationTaskIds?: MacModificationTaskIdList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeMacModificationTasksResult {
  MacModificationTasks?: MacModificationTaskList;
  NextToken?: string;
}
export interface DescribeNetworkAclsRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  MaxResults?: number;
  NetworkAclIds?: NetworkAclIdStringList;
  NextToken?: string;
}
export interface DescribeNetworkAclsResult {
  NetworkAcls?: NetworkAclList;
  NextToken?: string;
}
export interface DescribeNetworkInterfaceAttributeRequest {
  Attribute?: NetworkInterfaceAttribute;
  DryRun?: boolean;
  NetworkInterfaceId: string;
}
export interface DescribeNetworkInterfaceAttributeResult {
  AssociatePublicIpAddress?: boolean;
  Attachment?: NetworkInterfaceAttachment;
  Description?: AttributeValue;
  Groups?: GroupIdentifierList;
  NetworkInterfaceId?: string;
  SourceDestCheck?: AttributeBooleanValue;
}
export interface DescribeNetworkInterfacesRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  IncludeManagedResources?: boolean;
  MaxResults?: number;
  NetworkInterfaceIds?: NetworkInterfaceIdList;
  NextToken?: string;
}
export interface DescribeNetworkInterfacesResult {
  NetworkInterfaces?: NetworkInterfaceList;
  NextToken?: string;
}
export interface DescribeRegionsRequest {
  AllRegions?: boolean;
  DryRun?: boolean;
  Filters?: FilterList;
  RegionNames?: RegionNameStringList;
}
export interface DescribeRegionsResult {
  Regions?: RegionList;
}
export interface DescribeReplaceRootVolumeTasksRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  MaxResults?: number;
  NextToken?: string;
  ReplaceRootVolumeTaskIds?: ReplaceRootVolumeTaskIds;
}
export interface DescribeReplaceRootVolumeTasksResult {
  NextToken?: string;
  ReplaceRootVolumeTasks?: ReplaceRootVolumeTasks;
}
export interface DescribeRouteTablesRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  MaxResults?: number;
  NextToken?: string;
  RouteTableIds?: RouteTableIdStringList;
}
export interface DescribeRouteTablesResult {
  NextToken?: string;
  RouteTables?: RouteTableList;
}
export interface DescribeSecurityGroupRulesRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  MaxResults?: number;
  NextToken?: string;
  SecurityGroupRuleIds?: SecurityGroupRuleIdList;
}
export interface DescribeSecurityGroupRulesResult {
  NextToken?: string;
  SecurityGroupRules?: SecurityGroupRuleList;
}
export interface DescribeSecurityGroupsRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  GroupIds?: GroupIdStringList;
  GroupNames?: GroupNameStringList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeSecurityGroupsResult {
  NextToken?: string;
  SecurityGroups?: SecurityGroupList;
}
export interface DescribeSnapshotAttributeRequest {
  Attribute: SnapshotAttributeName;
  DryRun?: boolean;
  SnapshotId: string;
}
export interface DescribeSnapshotAttributeResult {
  CreateVolumePermissions?: CreateVolumePermissionList;
  ProductCodes?: ProductCodeList;
  SnapshotId?: string;
}
export interface DescribeSnapshotTierStatusRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeSnapshotTierStatusResult {
  NextToken?: string;
  SnapshotTierStatuses?: snapshotTierStatusSet;
}
export interface DescribeSnapshotsRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  MaxResults?: number;
  NextToken?: string;
  OwnerIds?: OwnerStringList;
  RestorableByUserIds?: RestorableByStringList;
  SnapshotIds?: SnapshotIdStringList;
}
export interface DescribeSnapshotsResult {
  NextToken?: string;
  Snapshots?: SnapshotList;
}
export interface DescribeSpotInstanceRequestsRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  MaxResults?: number;
  NextToken?: string;
  SpotInstanceRequestIds?: SpotInstanceRequestIdList;
}
export interface DescribeSpotInstanceRequestsResult {
  NextToken?: string;
  SpotInstanceRequests?: SpotInstanceRequestList;
}
export interface DescribeSpotPriceHistoryRequest {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  DryRun?: boolean;
  EndTime?: Date;
  Filters?: FilterList;
  InstanceTypes?: InstanceTypeList;
  MaxResults?: number;
  NextToken?: string;
  ProductDescriptions?: ProductDescriptionList;
  StartTime?: Date;
}
export interface DescribeSpotPriceHistoryResult {
  NextToken?: string;
  SpotPriceHistory?: SpotPriceHistoryList;
}
export interface DescribeStoreImageTasksRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  ImageIds?: ImageIdList;
  MaxResults?: number;
  NextToken?: string;
}
export interface DescribeStoreImageTasksResult {
  NextToken?: string;
  StoreImageTaskResults?: StoreImageTaskResultSet;
}
export interface DescribeSubnetsRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  MaxResults?: number;
  NextToken?: string;
  SubnetIds?: SubnetIdStringList;
}
export interface DescribeSubnetsResult {
  NextToken?: string;
  Subnets?: SubnetList;
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
export interface DescribeVolumeAttributeRequest {
  Attribute: VolumeAttributeName;
  DryRun?: boolean;
  VolumeId: string;
}
export interface DescribeVolumeAttributeResult {
  AutoEnableIO?: AttributeBooleanValue;
  ProductCodes?: ProductCodeList;
  VolumeId?: string;
}
export interface DescribeVolumeStatusRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  IncludeManagedResources?: boolean;
  MaxResults?: number;
  NextToken?: string;
  VolumeIds?: VolumeIdStringList;
}
export interface DescribeVolumeStatusResult {
  NextToken?: string;
  VolumeStatuses?: VolumeStatusList;
}
export interface DescribeVolumesModificationsRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  MaxResults?: number;
  NextToken?: string;
  VolumeIds?: VolumeIdStringList;
}
export interface DescribeVolumesModificationsResult {
  NextToken?: string;
  VolumesModifications?: VolumeModificationList;
}
export interface DescribeVolumesRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  IncludeManagedResources?: boolean;
  MaxResults?: number;
  NextToken?: string;
  VolumeIds?: VolumeIdStringList;
}
export interface DescribeVolumesResult {
  NextToken?: string;
  Volumes?: VolumeList;
}
export interface DescribeVpcAttributeRequest {
  Attribute: VpcAttributeName;
  DryRun?: boolean;
  VpcId: string;
}
export interface DescribeVpcAttributeResult {
  EnableDnsHostnames?: AttributeBooleanValue;
  EnableDnsSupport?: AttributeBooleanValue;
  EnableNetworkAddressUsageMetrics?: AttributeBooleanValue;
  VpcId?: string;
}
export interface DescribeVpcClassicLinkDnsSupportRequest {
  MaxResults?: number;
  NextToken?: string;
  VpcIds?: VpcClassicLinkIdList;
}
export interface DescribeVpcClassicLinkDnsSupportResult {
  NextToken?: string;
  Vpcs?: ClassicLinkDnsSupportList;
}
export interface DescribeVpcClassicLinkRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  VpcIds?: VpcClassicLinkIdList;
}
export interface DescribeVpcClassicLinkResult {
  Vpcs?: VpcClassicLinkList;
}
export interface DescribeVpcsRequest {
  DryRun?: boolean;
  Filters?: FilterList;
  MaxResults?: number;
  NextToken?: string;
  VpcIds?: VpcIdStringList;
}
export interface DescribeVpcsResult {
  NextToken?: string;
  Vpcs?: VpcList;
}
export interface DetachInternetGatewayRequest {
  DryRun?: boolean;
  InternetGatewayId: string;
  VpcId: string;
}
export interface DetachNetworkInterfaceRequest {
  AttachmentId: string;
  DryRun?: boolean;
  Force?: boolean;
}
export interface DetachVolumeRequest {
  Device?: string;
  DryRun?: boolean;
  Force?: boolean;
  InstanceId?: string;
  VolumeId: string;
}
export type DeviceType = "ebs" | "instance-store";
export interface DisableAllowedImagesSettingsRequest {
  DryRun?: boolean;
}
export interface DisableAllowedImagesSettingsResult {
  AllowedImagesSettingsState?: AllowedImagesSettingsDisabledState;
}
export interface DisableEbsEncryptionByDefaultRequest {
  DryRun?: boolean;
}
export interface DisableEbsEncryptionByDefaultResult {
  EbsEncryptionByDefault?: boolean;
}
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
export interface DisableFastSnapshotRestoreErrorItem {
  FastSnapshotRestoreStateErrors?: DisableFastSnapshotRestoreStateErrorSet;
  SnapshotId?: string;
}
export type DisableFastSnapshotRestoreErrorSet = DisableFastSnapshotRestoreErrorItem[];
export interface DisableFastSnapshotRestoreStateError {
  Code?: string;
  Message?: string;
}
export interface DisableFastSnapshotRestoreStateErrorItem {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  Error?: DisableFastSnapshotRestoreStateError;
}
export type DisableFastSnapshotRestoreStateErrorSet = DisableFastSnapshotRestoreStateErrorItem[];
export interface DisableFastSnapshotRestoreSuccessItem {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  DisabledTime?: Date;
  DisablingTime?: Date;
  EnabledTime?: Date;
  EnablingTime?: Date;
  OptimizingTime?: Date;
  OwnerAlias?: string;
  OwnerId?: string;
  SnapshotId?: string;
  State?: FastSnapshotRestoreStateCode;
  StateTransitionReason?: string;
}
export type DisableFastSnapshotRestoreSuccessSet = DisableFastSnapshotRestoreSuccessItem[];
export interface DisableFastSnapshotRestoresRequest {
  AvailabilityZoneIds?: AvailabilityZoneIdStringList;
  AvailabilityZones?: AvailabilityZoneStringList;
  DryRun?: boolean;
  SourceSnapshotIds: SnapshotIdStringList;
}
export interface DisableFastSnapshotRestoresResult {
  Successful?: DisableFastSnapshotRestoreSuccessSet;
  Unsuccessful?: DisableFastSnapshotRestoreErrorSet;
}
export interface DisableImageBlockPublicAccessRequest {
  DryRun?: boolean;
}
export interface DisableImageBlockPublicAccessResult {
  ImageBlockPublicAccessState?: ImageBlockPublicAccessDisabledState;
}
export interface DisableImageDeprecationRequest {
  DryRun?: boolean;
  ImageId: string;
}
export interface DisableImageDeprecationResult {
  Return?: boolean;
}
export interface DisableImageDeregistrationProtectionRequest {
  DryRun?: boolean;
  ImageId: string;
}
export interface DisableImageDeregistrationProtectionResult {
  Return?: string;
}
export interface DisableImageRequest {
  DryRun?: boolean;
  ImageId: string;
}
export interface DisableImageResult {
  Return?: boolean;
}
export interface DisableSnapshotBlockPublicAccessRequest {
  DryRun?: boolean;
}
export interface DisableSnapshotBlockPublicAccessResult {
  State?: SnapshotBlockPublicAccessState;
}
export interface DisassociateAddressRequest {
  AssociationId?: string;
  DryRun?: boolean;
  PublicIp?: string;
}
export interface DisassociateIamInstanceProfileRequest {
  AssociationId: string;
}
export interface DisassociateIamInstanceProfileResult {
  IamInstanceProfileAssociation?: IamInstanceProfileAssociation;
}
export interface DisassociateRouteTableRequest {
  AssociationId: string;
  DryRun?: boolean;
}
export interface DiskImageDescription {
  Checksum?: string;
  Format?: DiskImageFormat;
  ImportManifestUrl?: string;
  Size?: number;
}
export interface DiskImageDetail {
  Bytes: number;
  Format: DiskImageFormat;
  ImportManifestUrl: string;
}
export type DiskImageFormat = "VMDK" | "RAW" | "VHD";
export interface DiskImageVolumeDescription {
  Id?: string;
  Size?: number;
}
export interface DiskInfo {
  Count?: number;
  SizeInGB?: number;
  Type?: DiskType;
}
export type DiskInfoList = DiskInfo[];
export type DiskType = "hdd" | "ssd";
export type DomainType = "vpc" | "standard";
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
export interface EbsBlockDeviceResponse {
  DeleteOnTermination?: boolean;
  Encrypted?: boolean;
  Iops?: number;
  KmsKeyId?: string;
  SnapshotId?: string;
  Throughput?: number;
  VolumeSize?: number;
  VolumeType?: VolumeType;
}
export interface EbsCardInfo {
  BaselineBandwidthInMbps?: number;
  BaselineIops?: number;
  BaselineThroughputInMBps?: number;
  EbsCardIndex?: number;
  MaximumBandwidthInMbps?: number;
  MaximumIops?: number;
  MaximumThroughputInMBps?: number;
}
export type EbsCardInfoList = EbsCardInfo[];
export type EbsEncryptionSupport = "unsupported" | "supported";
export interface EbsInfo {
  AttachmentLimitType?: AttachmentLimitType;
  EbsCards?: EbsCardInfoList;
  EbsOptimizedInfo?: EbsOptimizedInfo;
  EbsOptimizedSupport?: EbsOptimizedSupport;
  EncryptionSupport?: EbsEncryptionSupport;
  MaximumEbsAttachments?: number;
  MaximumEbsCards?: number;
  NvmeSupport?: EbsNvmeSupport;
}
export interface EbsInstanceBlockDevice {
  AssociatedResource?: string;
  AttachTime?: Date;
  DeleteOnTermination?: boolean;
  EbsCardIndex?: number;
  Operator?: OperatorResponse;
  Status?: AttachmentStatus;
  VolumeId?: string;
  VolumeOwnerId?: string;
}
export interface EbsInstanceBlockDeviceSpecification {
  DeleteOnTermination?: boolean;
  VolumeId?: string;
}
export type EbsNvmeSupport = "unsupported" | "supported" | "required";
export interface EbsOptimizedInfo {
  BaselineBandwidthInMbps?: number;
  BaselineIops?: number;
  BaselineThroughputInMBps?: number;
  MaximumBandwidthInMbps?: number;
  MaximumIops?: number;
  MaximumThroughputInMBps?: number;
}
export type EbsOptimizedSupport = "unsupported" | "supported" | "default";
export interface EbsStatusDetails {
  ImpairedSince?: Date;
  Name?: StatusName;
  Status?: StatusType;
}
export type EbsStatusDetailsList = EbsStatusDetails[];
export interface EbsStatusSummary {
  Details?: EbsStatusDetailsList;
  Status?: SummaryStatus;
}
export interface EfaInfo {
  MaximumEfaInterfaces?: number;
}
export interface ElasticGpuAssociation {
  ElasticGpuAssociationId?: string;
  ElasticGpuAssociationState?: string;
  ElasticGpuAssociationTime?: string;
  ElasticGpuId?: string;
}
export type ElasticGpuAssociationList = ElasticGpuAssociation[];
export interface ElasticGpuSpecification {
  Type: string;
}
export type ElasticGpuSpecificationList = ElasticGpuSpecification[];
export interface ElasticGpuSpecificationResponse {
  Type?: string;
}
export type ElasticGpuSpecificationResponseList = ElasticGpuSpecificationResponse[];
export type ElasticGpuSpecifications = ElasticGpuSpecification[];
export interface ElasticInferenceAccelerator {
  Count?: number;
  Type: string;
}
export interface ElasticInferenceAcceleratorAssociation {
  ElasticInferenceAcceleratorArn?: string;
  ElasticInferenceAcceleratorAssociationId?: string;
  ElasticInferenceAcceleratorAssociationState?: string;
  ElasticInferenceAcceleratorAssociationTime?: Date;
}
export type ElasticInferenceAcceleratorAssociationList = ElasticInferenceAcceleratorAssociation[];
export type ElasticInferenceAccelerators = ElasticInferenceAccelerator[];
export interface EnaSrdSpecification {
  EnaSrdEnabled?: boolean;
  EnaSrdUdpSpecification?: EnaSrdUdpSpecification;
}
export interface EnaSrdSpecificationRequest {
  EnaSrdEnabled?: boolean;
  EnaSrdUdpSpecification?: EnaSrdUdpSpecificationRequest;
}
export interface EnaSrdUdpSpecification {
  EnaSrdUdpEnabled?: boolean;
}
export interface EnaSrdUdpSpecificationRequest {
  EnaSrdUdpEnabled?: boolean;
}
export type EnaSupport = "unsupported" | "supported" | "required";
export interface EnableAllowedImagesSettingsRequest {
  AllowedImagesSettingsState: AllowedImagesSettingsEnabledState;
  DryRun?: boolean;
}
export interface EnableAllowedImagesSettingsResult {
  AllowedImagesSettingsState?: AllowedImagesSettingsEnabledState;
}
export interface EnableEbsEncryptionByDefaultRequest {
  DryRun?: boolean;
}
export interface EnableEbsEncryptionByDefaultResult {
  EbsEncryptionByDefault?: boolean;
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
export interface EnableFastSnapshotRestoreErrorItem {
  FastSnapshotRestoreStateErrors?: EnableFastSnapshotRestoreStateErrorSet;
  SnapshotId?: string;
}
export type EnableFastSnapshotRestoreErrorSet = EnableFastSnapshotRestoreErrorItem[];
export interface EnableFastSnapshotRestoreStateError {
  Code?: string;
  Message?: string;
}
export interface EnableFastSnapshotRestoreStateErrorItem {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  Error?: EnableFastSnapshotRestoreStateError;
}
export type EnableFastSnapshotRestoreStateErrorSet = EnableFastSnapshotRestoreStateErrorItem[];
export interface EnableFastSnapshotRestoreSuccessItem {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  DisabledTime?: Date;
  DisablingTime?: Date;
  EnabledTime?: Date;
  EnablingTime?: Date;
  OptimizingTime?: Date;
  OwnerAlias?: string;
  OwnerId?: string;
  SnapshotId?: string;
  State?: FastSnapshotRestoreStateCode;
  StateTransitionReason?: string;
}
export type EnableFastSnapshotRestoreSuccessSet = EnableFastSnapshotRestoreSuccessItem[];
export interface EnableFastSnapshotRestoresRequest {
  AvailabilityZoneIds?: AvailabilityZoneIdStringList;
  AvailabilityZones?: AvailabilityZoneStringList;
  DryRun?: boolean;
  SourceSnapshotIds: SnapshotIdStringList;
}
export interface EnableFastSnapshotRestoresResult {
  Successful?: EnableFastSnapshotRestoreSuccessSet;
  Unsuccessful?: EnableFastSnapshotRestoreErrorSet;
}
export interface EnableImageBlockPublicAccessRequest {
  DryRun?: boolean;
  ImageBlockPublicAccessState: ImageBlockPublicAccessEnabledState;
}
export interface EnableImageBlockPublicAccessResult {
  ImageBlockPublicAccessState?: ImageBlockPublicAccessEnabledState;
}
export interface EnableImageDeprecationRequest {
  DeprecateAt: Date;
  DryRun?: boolean;
  ImageId: string;
}
export interface EnableImageDeprecationResult {
  Return?: boolean;
}
export interface EnableImageDeregistrationProtectionRequest {
  DryRun?: boolean;
  ImageId: string;
  WithCooldown?: boolean;
}
export interface EnableImageDeregistrationProtectionResult {
  Return?: string;
}
export interface EnableImageRequest {
  DryRun?: boolean;
  ImageId: string;
}
export interface EnableImageResult {
  Return?: boolean;
}
export interface EnableSnapshotBlockPublicAccessRequest {
  DryRun?: boolean;
  State: SnapshotBlockPublicAccessState;
}
export interface EnableSnapshotBlockPublicAccessResult {
  State?: SnapshotBlockPublicAccessState;
}
export interface EnableVolumeIORequest {
  DryRun?: boolean;
  VolumeId: string;
}
export interface EnclaveOptions {
  Enabled?: boolean;
}
export interface EnclaveOptionsRequest {
  Enabled?: boolean;
}
export type EphemeralNvmeSupport = "unsupported" | "supported" | "required";
export type ErrorSet = ValidationError[];
export type EventCode = "instance-reboot" | "system-reboot" | "system-maintenance" | "instance-retirement" | "instance-stop";
export type ExcludedInstanceTypeSet = string[];
export type ExecutableByStringList = string[];
export interface ExportImageRequest {
  ClientToken?: string;
  Description?: string;
  DiskImageFormat: DiskImageFormat;
  DryRun?: boolean;
  ImageId: string;
  RoleName?: string;
  S3ExportLocation: ExportTaskS3LocationRequest;
  TagSpecifications?: TagSpecificationList;
}
export interface ExportImageResult {
  Description?: string;
  DiskImageFormat?: DiskImageFormat;
  ExportImageTaskId?: string;
  ImageId?: string;
  Progress?: string;
  RoleName?: string;
  S3ExportLocation?: ExportTaskS3Location;
  Status?: string;
  StatusMessage?: string;
  Tags?: TagList;
}
export interface ExportImageTask {
  Description?: string;
  ExportImageTaskId?: string;
  ImageId?: string;
  Progress?: string;
  S3ExportLocation?: ExportTaskS3Location;
  Status?: string;
  StatusMessage?: string;
  Tags?: TagList;
}
export type ExportImageTaskIdList = string[];
export type ExportImageTaskList = ExportImageTask[];
export interface ExportTaskS3Location {
  S3Bucket?: string;
  S3Prefix?: string;
}
export interface ExportTaskS3LocationRequest {
  S3Bucket: string;
  S3Prefix?: string;
}
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
export type FastSnapshotRestoreStateCode = "enabling" | "optimizing" | "enabled" | "disabling" | "disabled";
export interface Filter {
  Name?: string;
  Values?: ValueStringList;
}
export type FilterList = Filter[];
export interface FleetBlockDeviceMappingRequest {
  DeviceName?: string;
  Ebs?: FleetEbsBlockDeviceRequest;
  NoDevice?: string;
  VirtualName?: string;
}
export type FleetBlockDeviceMappingRequestList = FleetBlockDeviceMappingRequest[];
export type FleetCapacityReservationUsageStrategy = "use-capacity-reservations-first";
export interface FleetEbsBlockDeviceRequest {
  DeleteOnTermination?: boolean;
  Encrypted?: boolean;
  Iops?: number;
  KmsKeyId?: string;
  SnapshotId?: string;
  Throughput?: number;
  VolumeSize?: number;
  VolumeType?: VolumeType;
}
export type FleetExcessCapacityTerminationPolicy = "no-termination" | "termination";
export type FleetIdSet = string[];
export type FleetLaunchTemplateConfigListRequest = FleetLaunchTemplateConfigRequest[];
export interface FleetLaunchTemplateConfigRequest {
  LaunchTemplateSpecification?: FleetLaunchTemplateSpecificationRequest;
  Overrides?: FleetLaunchTemplateOverridesListRequest;
}
export interface FleetLaunchTemplateOverrides {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  BlockDeviceMappings?: BlockDeviceMappingResponseList;
  ImageId?: string;
  InstanceRequirements?: InstanceRequirements;
  InstanceType?: InstanceType;
  MaxPrice?: string;
  Placement?: PlacementResponse;
  Priority?: number;
  SubnetId?: string;
  WeightedCapacity?: number;
}
export type FleetLaunchTemplateOverridesListRequest = FleetLaunchTemplateOverridesRequest[];
export interface FleetLaunchTemplateOverridesRequest {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  BlockDeviceMappings?: FleetBlockDeviceMappingRequestList;
  ImageId?: string;
  InstanceRequirements?: InstanceRequirementsRequest;
  InstanceType?: InstanceType;
  MaxPrice?: string;
  Placement?: Placement;
  Priority?: number;
  SubnetId?: string;
  WeightedCapacity?: number;
}
export interface FleetLaunchTemplateSpecification {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Version?: string;
}
export interface FleetLaunchTemplateSpecificationRequest {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Version?: string;
}
export type FleetOnDemandAllocationStrategy = "lowest-price" | "prioritized";
export type FleetReplacementStrategy = "launch" | "launch-before-terminate";
export type FleetReservationType = "interruptible-capacity-reservation";
export interface FleetSpotCapacityRebalanceRequest {
  ReplacementStrategy?: FleetReplacementStrategy;
  TerminationDelay?: number;
}
export interface FleetSpotMaintenanceStrategiesRequest {
  CapacityRebalance?: FleetSpotCapacityRebalanceRequest;
}
export type FleetStateCode = "submitted" | "active" | "deleted" | "failed" | "deleted_running" | "deleted_terminating" | "modifying";
export type FleetType = "request" | "maintain" | "instant";
export type FlexibleEnaQueuesSupport = "unsupported" | "supported";
export interface FpgaDeviceInfo {
  Count?: number;
  Manufacturer?: string;
  MemoryInfo?: FpgaDeviceMemoryInfo;
  Name?: string;
}
export type FpgaDeviceInfoList = FpgaDeviceInfo[];
export interface FpgaDeviceMemoryInfo {
  SizeInMiB?: number;
}
export interface FpgaInfo {
  Fpgas?: FpgaDeviceInfoList;
  TotalFpgaMemoryInMiB?: number;
}
export interface GetAllowedImagesSettingsRequest {
  DryRun?: boolean;
}
export interface GetAllowedImagesSettingsResult {
  ImageCriteria?: ImageCriterionList;
  ManagedBy?: ManagedBy;
  State?: string;
}
export interface GetEbsDefaultKmsKeyIdRequest {
  DryRun?: boolean;
}
export interface GetEbsDefaultKmsKeyIdResult {
  KmsKeyId?: string;
}
export interface GetEbsEncryptionByDefaultRequest {
  DryRun?: boolean;
}
export interface GetEbsEncryptionByDefaultResult {
  EbsEncryptionByDefault?: boolean;
  SseType?: SSEType;
}
export interface GetImageAncestryRequest {
  DryRun?: boolean;
  ImageId: string;
}
export interface GetImageAncestryResult {
  ImageAncestryEntries?: ImageAncestryEntryList;
}
export interface GetImageBlockPublicAccessStateRequest {
  DryRun?: boolean;
}
export interface GetImageBlockPublicAccessStateResult {
  ImageBlockPublicAccessState?: string;
  ManagedBy?: ManagedBy;
}
export interface GetInstanceUefiDataRequest {
  DryRun?: boolean;
  InstanceId: string;
}
export interface GetInstanceUefiDataResult {
  InstanceId?: string;
  UefiData?: string;
}
export interface GetLaunchTemplateDataRequest {
  DryRun?: boolean;
  InstanceId: string;
}
export interface GetLaunchTemplateDataResult {
  LaunchTemplateData?: ResponseLaunchTemplateData;
}
export interface GetPasswordDataRequest {
  DryRun?: boolean;
  InstanceId: string;
}
export interface GetPasswordDataResult {
  InstanceId?: string;
  PasswordData?: string;
  Timestamp?: Date;
}
export interface GetSnapshotBlockPublicAccessStateRequest {
  DryRun?: boolean;
}
export interface GetSnapshotBlockPublicAccessStateResult {
  ManagedBy?: ManagedBy;
  State?: SnapshotBlockPublicAccessState;
}
export interface GpuDeviceInfo {
  Count?: number;
  GpuPartitionSize?: number;
  LogicalGpuCount?: number;
  Manufacturer?: string;
  MemoryInfo?: GpuDeviceMemoryInfo;
  Name?: string;
  Workloads?: WorkloadsList;
}
export type GpuDeviceInfoList = GpuDeviceInfo[];
export interface GpuDeviceMemoryInfo {
  SizeInMiB?: number;
}
export interface GpuInfo {
  Gpus?: GpuDeviceInfoList;
  TotalGpuMemoryInMiB?: number;
}
export type GroupIdStringList = string[];
export interface GroupIdentifier {
  GroupId?: string;
  GroupName?: string;
}
export type GroupIdentifierList = GroupIdentifier[];
export type GroupNameStringList = string[];
export interface HibernationOptions {
  Configured?: boolean;
}
export interface HibernationOptionsRequest {
  Configured?: boolean;
}
export type HostnameType = "ip-name" | "resource-name";
export type HttpTokensState = "optional" | "required";
export type HypervisorType = "ovm" | "xen";
export interface IamInstanceProfile {
  Arn?: string;
  Id?: string;
}
export interface IamInstanceProfileAssociation {
  AssociationId?: string;
  IamInstanceProfile?: IamInstanceProfile;
  InstanceId?: string;
  State?: IamInstanceProfileAssociationState;
  Timestamp?: Date;
}
export type IamInstanceProfileAssociationSet = IamInstanceProfileAssociation[];
export type IamInstanceProfileAssociationState = "associating" | "associated" | "disassociating" | "disassociated";
export interface IamInstanceProfileSpecification {
  Arn?: string;
  Name?: string;
}
export interface IcmpTypeCode {
  Code?: number;
  Type?: number;
}
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
export interface ImageAncestryEntry {
  CreationDate?: Date;
  ImageId?: string;
  ImageOwnerAlias?: string;
  SourceImageId?: string;
  SourceImageRegion?: string;
}
export type ImageAncestryEntryList = ImageAncestryEntry[];
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
export interface ImageCriterion {
  CreationDateCondition?: CreationDateCondition;
  DeprecationTimeCondition?: DeprecationTimeCondition;
  ImageNames?: ImageNameList;
  ImageProviders?: ImageProviderList;
  MarketplaceProductCodes?: MarketplaceProductCodeList;
}
export type ImageCriterionList = ImageCriterion[];
export interface ImageCriterionRequest {
  CreationDateCondition?: CreationDateConditionRequest;
  DeprecationTimeCondition?: DeprecationTimeConditionRequest;
  ImageNames?: ImageNameCriteriaRequestList;
  ImageProviders?: ImageProviderRequestList;
  MarketplaceProductCodes?: MarketplaceProductCodeRequestList;
}
export type ImageCriterionRequestList = ImageCriterionRequest[];
export interface ImageDiskContainer {
  Description?: string;
  DeviceName?: string;
  Format?: string;
  SnapshotId?: string;
  Url?: string;
  UserBucket?: UserBucket;
}
export type ImageDiskContainerList = ImageDiskContainer[];
export type ImageIdList = string[];
export type ImageIdStringList = string[];
export type ImageList = Image[];
export interface ImageMetadata {
  CreationDate?: string;
  DeprecationTime?: string;
  ImageAllowed?: boolean;
  ImageId?: string;
  ImageOwnerAlias?: string;
  IsPublic?: boolean;
  Name?: string;
  OwnerId?: string;
  State?: ImageState;
}
export type ImageNameCriteriaRequestList = string[];
export type ImageNameList = string[];
export type ImageProviderList = string[];
export type ImageProviderRequestList = string[];
export interface ImageRecycleBinInfo {
  Description?: string;
  ImageId?: string;
  Name?: string;
  RecycleBinEnterTime?: Date;
  RecycleBinExitTime?: Date;
}
export type ImageRecycleBinInfoList = ImageRecycleBinInfo[];
export interface ImageReference {
  Arn?: string;
  ImageId?: string;
  ResourceType?: ImageReferenceResourceType;
}
export type ImageReferenceList = ImageReference[];
export type ImageReferenceOptionName = "state-name" | "version-depth";
export type ImageReferenceResourceType = "ec2:Instance" | "ec2:LaunchTemplate" | "ssm:Parameter" | "imagebuilder:ImageRecipe" | "imagebuilder:ContainerRecipe";
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
export interface ImportInstanceTaskDetails {
  Description?: string;
  InstanceId?: string;
  Platform?: PlatformValues;
  Volumes?: ImportInstanceVolumeDetailSet;
}
export interface ImportInstanceVolumeDetailItem {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  BytesConverted?: number;
  Description?: string;
  Image?: DiskImageDescription;
  Status?: string;
  StatusMessage?: string;
  Volume?: DiskImageVolumeDescription;
}
export type ImportInstanceVolumeDetailSet = ImportInstanceVolumeDetailItem[];
export interface ImportKeyPairRequest {
  DryRun?: boolean;
  KeyName: string;
  PublicKeyMaterial: Uint8Array;
  TagSpecifications?: TagSpecificationList;
}
export interface ImportKeyPairResult {
  KeyFingerprint?: string;
  KeyName?: string;
  KeyPairId?: string;
  Tags?: TagList;
}
export interface ImportSnapshotRequest {
  ClientData?: ClientData;
  ClientToken?: string;
  Description?: string;
  DiskContainer?: SnapshotDiskContainer;
  DryRun?: boolean;
  Encrypted?: boolean;
  KmsKeyId?: string;
  RoleName?: string;
  TagSpecifications?: TagSpecificationList;
}
export interface ImportSnapshotResult {
  Description?: string;
  ImportTaskId?: string;
  SnapshotTaskDetail?: SnapshotTaskDetail;
  Tags?: TagList;
}
export interface ImportSnapshotTask {
  Description?: string;
  ImportTaskId?: string;
  SnapshotTaskDetail?: SnapshotTaskDetail;
  Tags?: TagList;
}
export type ImportSnapshotTaskIdList = string[];
export type ImportSnapshotTaskList = ImportSnapshotTask[];
export type ImportTaskIdList = string[];
export interface ImportVolumeRequest {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  Description?: string;
  DryRun?: boolean;
  Image: DiskImageDetail;
  Volume: VolumeDetail;
}
export interface ImportVolumeResult {
  ConversionTask?: ConversionTask;
}
export interface ImportVolumeTaskDetails {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  BytesConverted?: number;
  Description?: string;
  Image?: DiskImageDescription;
  Volume?: DiskImageVolumeDescription;
}
export interface InferenceAcceleratorInfo {
  Accelerators?: InferenceDeviceInfoList;
  TotalInferenceMemoryInMiB?: number;
}
export interface InferenceDeviceInfo {
  Count?: number;
  Manufacturer?: string;
  MemoryInfo?: InferenceDeviceMemoryInfo;
  Name?: string;
}
export type InferenceDeviceInfoList = InferenceDeviceInfo[];
export interface InferenceDeviceMemoryInfo {
  SizeInMiB?: number;
}
export interface InitializationStatusDetails {
  EstimatedTimeToCompleteInSeconds?: number;
  InitializationType?: InitializationType;
  Progress?: number;
}
export type InitializationType = "default" | "provisioned-rate" | "volume-copy";
export interface Instance {
  AmiLaunchIndex?: number;
  Architecture?: ArchitectureValues;
  BlockDeviceMappings?: InstanceBlockDeviceMappingList;
  BootMode?: BootModeValues;
  CapacityBlockId?: string;
  CapacityReservationId?: string;
  CapacityReservationSpecification?: CapacityReservationSpecificationResponse;
  ClientToken?: string;
  CpuOptions?: CpuOptions;
  CurrentInstanceBootMode?: InstanceBootModeValues;
  EbsOptimized?: boolean;
  ElasticGpuAssociations?: ElasticGpuAssociationList;
  ElasticInferenceAcceleratorAssociations?: ElasticInferenceAcceleratorAssociationList;
  EnaSupport?: boolean;
  EnclaveOptions?: EnclaveOptions;
  HibernationOptions?: HibernationOptions;
  Hypervisor?: HypervisorType;
  IamInstanceProfile?: IamInstanceProfile;
  ImageId?: string;
  InstanceId?: string;
  InstanceLifecycle?: InstanceLifecycleType;
  InstanceType?: InstanceType;
  Ipv6Address?: string;
  KernelId?: string;
  KeyName?: string;
  LaunchTime?: Date;
  Licenses?: LicenseList;
  MaintenanceOptions?: InstanceMaintenanceOptions;
  MetadataOptions?: InstanceMetadataOptionsResponse;
  Monitoring?: Monitoring;
  NetworkInterfaces?: InstanceNetworkInterfaceList;
  NetworkPerformanceOptions?: InstanceNetworkPerformanceOptions;
  Operator?: OperatorResponse;
  OutpostArn?: string;
  Placement?: Placement;
  Platform?: PlatformValues;
  PlatformDetails?: string;
  PrivateDnsName?: string;
  PrivateDnsNameOptions?: PrivateDnsNameOptionsResponse;
  PrivateIpAddress?: string;
  ProductCodes?: ProductCodeList;
  PublicDnsName?: string;
  PublicIpAddress?: string;
  RamdiskId?: string;
  RootDeviceName?: string;
  RootDeviceType?: DeviceType;
  SecondaryInterfaces?: InstanceSecondaryInterfaceList;
  SecurityGroups?: GroupIdentifierList;
  SourceDestCheck?: boolean;
  SpotInstanceRequestId?: string;
  SriovNetSupport?: string;
  State?: InstanceState;
  StateReason?: StateReason;
  StateTransitionReason?: string;
  SubnetId?: string;
  Tags?: TagList;
  TpmSupport?: string;
  UsageOperation?: string;
  UsageOperationUpdateTime?: Date;
  VirtualizationType?: VirtualizationType;
  VpcId?: string;
}
export interface InstanceAttachmentEnaSrdSpecification {
  EnaSrdEnabled?: boolean;
  EnaSrdUdpSpecification?: InstanceAttachmentEnaSrdUdpSpecification;
}
export interface InstanceAttachmentEnaSrdUdpSpecification {
  EnaSrdUdpEnabled?: boolean;
}
export interface InstanceAttribute {
  BlockDeviceMappings?: InstanceBlockDeviceMappingList;
  DisableApiStop?: AttributeBooleanValue;
  DisableApiTermination?: AttributeBooleanValue;
  EbsOptimized?: AttributeBooleanValue;
  EnaSupport?: AttributeBooleanValue;
  EnclaveOptions?: EnclaveOptions;
  Groups?: GroupIdentifierList;
  InstanceId?: string;
  InstanceInitiatedShutdownBehavior?: AttributeValue;
  InstanceType?: AttributeValue;
  KernelId?: AttributeValue;
  ProductCodes?: ProductCodeList;
  RamdiskId?: AttributeValue;
  RootDeviceName?: AttributeValue;
  SourceDestCheck?: AttributeBooleanValue;
  SriovNetSupport?: AttributeValue;
  UserData?: AttributeValue;
}
export type InstanceAttributeName = "instanceType" | "kernel" | "ramdisk" | "userData" | "disableApiTermination" | "instanceInitiatedShutdownBehavior" | "rootDeviceName" | "blockDeviceMapping" | "productCodes" | "sourceDestCheck" | "groupSet" | "ebsOptimized" | "sriovNetSupport" | "enaSupport" | "enclaveOptions" | "disableApiStop";
export type InstanceAutoRecoveryState = "disabled" | "default";
export type InstanceBandwidthWeighting = "default" | "vpc-1" | "ebs-1";
export interface InstanceBlockDeviceMapping {
  DeviceName?: string;
  Ebs?: EbsInstanceBlockDevice;
}
export type InstanceBlockDeviceMappingList = InstanceBlockDeviceMapping[];
export interface InstanceBlockDeviceMappingSpecification {
  DeviceName?: string;
  Ebs?: EbsInstanceBlockDeviceSpecification;
  NoDevice?: string;
  VirtualName?: string;
}
export type InstanceBlockDeviceMappingSpecificationList = InstanceBlockDeviceMappingSpecification[];
export type InstanceBootModeValues = "legacy-bios" | "uefi";
export interface InstanceCreditSpecification {
  CpuCredits?: string;
  InstanceId?: string;
}
export type InstanceCreditSpecificationList = InstanceCreditSpecification[];
export type InstanceCreditSpecificationListRequest = InstanceCreditSpecificationRequest[];
export interface InstanceCreditSpecificationRequest {
  CpuCredits?: string;
  InstanceId: string;
}
export type InstanceGeneration = "current" | "previous";
export type InstanceGenerationSet = InstanceGeneration[];
export type InstanceIdStringList = string[];
export type InstanceIdsSet = string[];
export interface InstanceImageMetadata {
  AvailabilityZone?: string;
  ImageMetadata?: ImageMetadata;
  InstanceId?: string;
  InstanceType?: InstanceType;
  LaunchTime?: Date;
  Operator?: OperatorResponse;
  OwnerId?: string;
  State?: InstanceState;
  Tags?: TagList;
  ZoneId?: string;
}
export type InstanceImageMetadataList = InstanceImageMetadata[];
export type InstanceInterruptionBehavior = "hibernate" | "stop" | "terminate";
export interface InstanceIpv4Prefix {
  Ipv4Prefix?: string;
}
export type InstanceIpv4PrefixList = InstanceIpv4Prefix[];
export interface InstanceIpv6Address {
  Ipv6Address?: string;
  IsPrimaryIpv6?: boolean;
}
export type InstanceIpv6AddressList = InstanceIpv6Address[];
export type InstanceIpv6AddressListRequest = InstanceIpv6AddressRequest[];
export interface InstanceIpv6AddressRequest {
  Ipv6Address?: string;
}
export interface InstanceIpv6Prefix {
  Ipv6Prefix?: string;
}
export type InstanceIpv6PrefixList = InstanceIpv6Prefix[];
export type InstanceLifecycle = "spot" | "on-demand" | "interruptible-capacity-reservation";
export type InstanceLifecycleType = "spot" | "scheduled" | "capacity-block" | "interruptible-capacity-reservation";
export type InstanceList = Instance[];
export interface InstanceMaintenanceOptions {
  AutoRecovery?: InstanceAutoRecoveryState;
  RebootMigration?: InstanceRebootMigrationState;
}
export interface InstanceMaintenanceOptionsRequest {
  AutoRecovery?: InstanceAutoRecoveryState;
}
export interface InstanceMarketOptionsRequest {
  MarketType?: MarketType;
  SpotOptions?: SpotMarketOptions;
}
export type InstanceMetadataEndpointState = "disabled" | "enabled";
export interface InstanceMetadataOptionsRequest {
  HttpEndpoint?: InstanceMetadataEndpointState;
  HttpProtocolIpv6?: InstanceMetadataProtocolState;
  HttpPutResponseHopLimit?: number;
  HttpTokens?: HttpTokensState;
  InstanceMetadataTags?: InstanceMetadataTagsState;
}
export interface InstanceMetadataOptionsResponse {
  HttpEndpoint?: InstanceMetadataEndpointState;
  HttpProtocolIpv6?: InstanceMetadataProtocolState;
  HttpPutResponseHopLimit?: number;
  HttpTokens?: HttpTokensState;
  InstanceMetadataTags?: InstanceMetadataTagsState;
  State?: InstanceMetadataOptionsState;
}
export type InstanceMetadataOptionsState = "pending" | "applied";
export type InstanceMetadataProtocolState = "disabled" | "enabled";
export type InstanceMetadataTagsState = "disabled" | "enabled";
export interface InstanceMonitoring {
  InstanceId?: string;
  Monitoring?: Monitoring;
}
export type InstanceMonitoringList = InstanceMonitoring[];
export interface InstanceNetworkInterface {
  Association?: InstanceNetworkInterfaceAssociation;
  Attachment?: InstanceNetworkInterfaceAttachment;
  ConnectionTrackingConfiguration?: ConnectionTrackingSpecificationResponse;
  Description?: string;
  Groups?: GroupIdentifierList;
  InterfaceType?: string;
  Ipv4Prefixes?: InstanceIpv4PrefixList;
  Ipv6Addresses?: InstanceIpv6AddressList;
  Ipv6Prefixes?: InstanceIpv6PrefixList;
  MacAddress?: string;
  NetworkInterfaceId?: string;
  Operator?: OperatorResponse;
  OwnerId?: string;
  PrivateDnsName?: string;
  PrivateIpAddress?: string;
  PrivateIpAddresses?: InstancePrivateIpAddressList;
  SourceDestCheck?: boolean;
  Status?: NetworkInterfaceStatus;
  SubnetId?: string;
  VpcId?: string;
}
export interface InstanceNetworkInterfaceAssociation {
  CarrierIp?: string;
  CustomerOwnedIp?: string;
  IpOwnerId?: string;
  PublicDnsName?: string;
  PublicIp?: string;
}
export interface InstanceNetworkInterfaceAttachment {
  AttachTime?: Date;
  AttachmentId?: string;
  DeleteOnTermination?: boolean;
  DeviceIndex?: number;
  EnaQueueCount?: number;
  EnaSrdSpecification?: InstanceAttachmentEnaSrdSpecification;
  NetworkCardIndex?: number;
  Status?: AttachmentStatus;
}
export type InstanceNetworkInterfaceList = InstanceNetworkInterface[];
export interface InstanceNetworkInterfaceSpecification {
  AssociateCarrierIpAddress?: boolean;
  AssociatePublicIpAddress?: boolean;
  ConnectionTrackingSpecification?: ConnectionTrackingSpecificationRequest;
  DeleteOnTermination?: boolean;
  Description?: string;
  DeviceIndex?: number;
  EnaQueueCount?: number;
  EnaSrdSpecification?: EnaSrdSpecificationRequest;
  Groups?: SecurityGroupIdStringList;
  InterfaceType?: string;
  Ipv4PrefixCount?: number;
  Ipv4Prefixes?: Ipv4PrefixList;
  Ipv6AddressCount?: number;
  Ipv6Addresses?: InstanceIpv6AddressList;
  Ipv6PrefixCount?: number;
  Ipv6Prefixes?: Ipv6PrefixList;
  NetworkCardIndex?: number;
  NetworkInterfaceId?: string;
  PrimaryIpv6?: boolean;
  PrivateIpAddress?: string;
  PrivateIpAddresses?: PrivateIpAddressSpecificationList;
  SecondaryPrivateIpAddressCount?: number;
  SubnetId?: string;
}
export type InstanceNetworkInterfaceSpecificationList = InstanceNetworkInterfaceSpecification[];
export interface InstanceNetworkPerformanceOptions {
  BandwidthWeighting?: InstanceBandwidthWeighting;
}
export interface InstanceNetworkPerformanceOptionsRequest {
  BandwidthWeighting?: InstanceBandwidthWeighting;
}
export interface InstancePrivateIpAddress {
  Association?: InstanceNetworkInterfaceAssociation;
  Primary?: boolean;
  PrivateDnsName?: string;
  PrivateIpAddress?: string;
}
export type InstancePrivateIpAddressList = InstancePrivateIpAddress[];
export type InstanceRebootMigrationState = "disabled" | "default";
export interface InstanceRequirements {
  AcceleratorCount?: AcceleratorCount;
  AcceleratorManufacturers?: AcceleratorManufacturerSet;
  AcceleratorNames?: AcceleratorNameSet;
  AcceleratorTotalMemoryMiB?: AcceleratorTotalMemoryMiB;
  AcceleratorTypes?: AcceleratorTypeSet;
  AllowedInstanceTypes?: AllowedInstanceTypeSet;
  BareMetal?: BareMetal;
  BaselineEbsBandwidthMbps?: BaselineEbsBandwidthMbps;
  BaselinePerformanceFactors?: BaselinePerformanceFactors;
  BurstablePerformance?: BurstablePerformance;
  CpuManufacturers?: CpuManufacturerSet;
  ExcludedInstanceTypes?: ExcludedInstanceTypeSet;
  InstanceGenerations?: InstanceGenerationSet;
  LocalStorage?: LocalStorage;
  LocalStorageTypes?: LocalStorageTypeSet;
  MaxSpotPriceAsPercentageOfOptimalOnDemandPrice?: number;
  MemoryGiBPerVCpu?: MemoryGiBPerVCpu;
  MemoryMiB?: MemoryMiB;
  NetworkBandwidthGbps?: NetworkBandwidthGbps;
  NetworkInterfaceCount?: NetworkInterfaceCount;
  OnDemandMaxPricePercentageOverLowestPrice?: number;
  RequireEncryptionInTransit?: boolean;
  RequireHibernateSupport?: boolean;
  SpotMaxPricePercentageOverLowestPrice?: number;
  TotalLocalStorageGB?: TotalLocalStorageGB;
  VCpuCount?: VCpuCountRange;
}
export interface InstanceRequirementsRequest {
  AcceleratorCount?: AcceleratorCountRequest;
  AcceleratorManufacturers?: AcceleratorManufacturerSet;
  AcceleratorNames?: AcceleratorNameSet;
  AcceleratorTotalMemoryMiB?: AcceleratorTotalMemoryMiBRequest;
  AcceleratorTypes?: AcceleratorTypeSet;
  AllowedInstanceTypes?: AllowedInstanceTypeSet;
  BareMetal?: BareMetal;
  BaselineEbsBandwidthMbps?: BaselineEbsBandwidthMbpsRequest;
  BaselinePerformanceFactors?: BaselinePerformanceFactorsRequest;
  BurstablePerformance?: BurstablePerformance;
  CpuManufacturers?: CpuManufacturerSet;
  ExcludedInstanceTypes?: ExcludedInstanceTypeSet;
  InstanceGenerations?: InstanceGenerationSet;
  LocalStorage?: LocalStorage;
  LocalStorageTypes?: LocalStorageTypeSet;
  MaxSpotPriceAsPercentageOfOptimalOnDemandPrice?: number;
  MemoryGiBPerVCpu?: MemoryGiBPerVCpuRequest;
  MemoryMiB: MemoryMiBRequest;
  NetworkBandwidthGbps?: NetworkBandwidthGbpsRequest;
  NetworkInterfaceCount?: NetworkInterfaceCountRequest;
  OnDemandMaxPricePercentageOverLowestPrice?: number;
  RequireEncryptionInTransit?: boolean;
  RequireHibernateSupport?: boolean;
  SpotMaxPricePercentageOverLowestPrice?: number;
  TotalLocalStorageGB?: TotalLocalStorageGBRequest;
  VCpuCount: VCpuCountRangeRequest;
}
export interface InstanceSecondaryInterface {
  Attachment?: InstanceSecondaryInterfaceAttachment;
  InterfaceType?: SecondaryInterfaceType;
  MacAddress?: string;
  OwnerId?: string;
  PrivateIpAddresses?: InstanceSecondaryInterfacePrivateIpAddressList;
  SecondaryInterfaceId?: string;
  SecondaryNetworkId?: string;
  SecondarySubnetId?: string;
  SourceDestCheck?: boolean;
  Status?: SecondaryInterfaceStatus;
}
export interface InstanceSecondaryInterfaceAttachment {
  AttachTime?: Date;
  AttachmentId?: string;
  DeleteOnTermination?: boolean;
  DeviceIndex?: number;
  NetworkCardIndex?: number;
  Status?: AttachmentStatus;
}
export type InstanceSecondaryInterfaceList = InstanceSecondaryInterface[];
export interface InstanceSecondaryInterfacePrivateIpAddress {
  PrivateIpAddress?: string;
}
export type InstanceSecondaryInterfacePrivateIpAddressList = InstanceSecondaryInterfacePrivateIpAddress[];
export type InstanceSecondaryInterfacePrivateIpAddressListRequest = InstanceSecondaryInterfacePrivateIpAddressRequest[];
export interface InstanceSecondaryInterfacePrivateIpAddressRequest {
  PrivateIpAddress: string;
}
export type InstanceSecondaryInterfaceSpecificationListRequest = InstanceSecondaryInterfaceSpecificationRequest[];
export interface InstanceSecondaryInterfaceSpecificationRequest {
  DeleteOnTermination?: boolean;
  DeviceIndex?: number;
  InterfaceType?: SecondaryInterfaceType;
  NetworkCardIndex?: number;
  PrivateIpAddressCount?: number;
  PrivateIpAddresses?: InstanceSecondaryInterfacePrivateIpAddressListRequest;
  SecondarySubnetId?: string;
}
export interface InstanceSpecification {
  ExcludeBootVolume?: boolean;
  ExcludeDataVolumeIds?: VolumeIdStringList;
  InstanceId: string;
}
export interface InstanceState {
  Code?: number;
  Name?: InstanceStateName;
}
export interface InstanceStateChange {
  CurrentState?: InstanceState;
  InstanceId?: string;
  PreviousState?: InstanceState;
}
export type InstanceStateChangeList = InstanceStateChange[];
export type InstanceStateName = "pending" | "running" | "shutting-down" | "terminated" | "stopping" | "stopped";
export interface InstanceStatus {
  AttachedEbsStatus?: EbsStatusSummary;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  Events?: InstanceStatusEventList;
  InstanceId?: string;
  InstanceState?: InstanceState;
  InstanceStatus?: InstanceStatusSummary;
  Operator?: OperatorResponse;
  OutpostArn?: string;
  SystemStatus?: InstanceStatusSummary;
}
export interface InstanceStatusDetails {
  ImpairedSince?: Date;
  Name?: StatusName;
  Status?: StatusType;
}
export type InstanceStatusDetailsList = InstanceStatusDetails[];
export interface InstanceStatusEvent {
  Code?: EventCode;
  Description?: string;
  InstanceEventId?: string;
  NotAfter?: Date;
  NotBefore?: Date;
  NotBeforeDeadline?: Date;
}
export type InstanceStatusEventList = InstanceStatusEvent[];
export type InstanceStatusList = InstanceStatus[];
export interface InstanceStatusSummary {
  Details?: InstanceStatusDetailsList;
  Status?: SummaryStatus;
}
export type InstanceStorageEncryptionSupport = "unsupported" | "required";
export interface InstanceStorageInfo {
  Disks?: DiskInfoList;
  EncryptionSupport?: InstanceStorageEncryptionSupport;
  NvmeSupport?: EphemeralNvmeSupport;
  TotalSizeInGB?: number;
}
export type InstanceType = "a1.medium" | "a1.large" | "a1.xlarge" | "a1.2xlarge" | "a1.4xlarge" | "a1.metal" | "c1.medium" | "c1.xlarge" | "c3.large" | "c3.xlarge" | "c3.2xlarge" | "c3.4xlarge" | "c3.8xlarge" | "c4.large" | "c4.xlarge" | "c4.2xlarge" | "c4.4xlarge" | "c4.8xlarge" | "c5.large" | "c5.xlarge" | "c5.2xlarge" | "c5.4xlarge" | "c5.9xlarge" | "c5.12xlarge" | "c5.18xlarge" | "c5.24xlarge" | "c5.metal" | "c5a.large" | "c5a.xlarge" | "c5a.2xlarge" | "c5a.4xlarge" | "c5a.8xlarge" | "c5a.12xlarge" | "c5a.16xlarge" | "c5a.24xlarge" | "c5ad.large" | "c5ad.xlarge" | "c5ad.2xlarge" | "c5ad.4xlarge" | "c5ad.8xlarge" | "c5ad.12xlarge" | "c5ad.16xlarge" | "c5ad.24xlarge" | "c5d.large" | "c5d.xlarge" | "c5d.2xlarge" | "c5d.4xlarge" | "c5d.9xlarge" | "c5d.12xlarge" | "c5d.18xlarge" | "c5d.24xlarge" | "c5d.metal" | "c5n.large" | "c5n.xlarge" | "c5n.2xlarge" | "c5n.4xlarge" | "c5n.9xlarge" | "c5n.18xlarge" | "c5n.metal" | "c6g.medium" | "c6g.large" | "c6g.xlarge" | "c6g.2xlarge" | "c6g.4xlarge" | "c6g.8xlarge" | "c6g.12xlarge" | "c6g.16xlarge" | "c6g.metal" | "c6gd.medium" | "c6gd.large" | "c6gd.xlarge" | "c6gd.2xlarge" | "c6gd.4xlarge" | "c6gd.8xlarge" | "c6gd.12xlarge" | "c6gd.16xlarge" | "c6gd.metal" | "c6gn.medium" | "c6gn.large" | "c6gn.xlarge" | "c6gn.2xlarge" | "c6gn.4xlarge" | "c6gn.8xlarge" | "c6gn.12xlarge" | "c6gn.16xlarge" | "c6i.large" | "c6i.xlarge" | "c6i.2xlarge" | "c6i.4xlarge" | "c6i.8xlarge" | "c6i.12xlarge" | "c6i.16xlarge" | "c6i.24xlarge" | "c6i.32xlarge" | "c6i.metal" | "cc1.4xlarge" | "cc2.8xlarge" | "cg1.4xlarge" | "cr1.8xlarge" | "d2.xlarge" | "d2.2xlarge" | "d2.4xlarge" | "d2.8xlarge" | "d3.xlarge" | "d3.2xlarge" | "d3.4xlarge" | "d3.8xlarge" | "d3en.xlarge" | "d3en.2xlarge" | "d3en.4xlarge" | "d3en.6xlarge" | "d3en.8xlarge" | "d3en.12xlarge" | "dl1.24xlarge" | "f1.2xlarge" | "f1.4xlarge" | "f1.16xlarge" | "g2.2xlarge" | "g2.8xlarge" | "g3.4xlarge" | "g3.8xlarge" | "g3.16xlarge" | "g3s.xlarge" | "g4ad.xlarge" | "g4ad.2xlarge" | "g4ad.4xlarge" | "g4ad.8xlarge" | "g4ad.16xlarge" | "g4dn.xlarge" | "g4dn.2xlarge" | "g4dn.4xlarge" | "g4dn.8xlarge" | "g4dn.12xlarge" | "g4dn.16xlarge" | "g4dn.metal" | "g5.xlarge" | "g5.2xlarge" | "g5.4xlarge" | "g5.8xlarge" | "g5.12xlarge" | "g5.16xlarge" | "g5.24xlarge" | "g5.48xlarge" | "g5g.xlarge" | "g5g.2xlarge" | "g5g.4xlarge" | "g5g.8xlarge" | "g5g.16xlarge" | "g5g.metal" | "hi1.4xlarge" | "hpc6a.48xlarge" | "hs1.8xlarge" | "h1.2xlarge" | "h1.4xlarge" | "h1.8xlarge" | "h1.16xlarge" | "i2.xlarge" | "i2.2xlarge" | "i2.4xlarge" | "i2.8xlarge" | "i3.large" | "i3.xlarge" | "i3.2xlarge" | "i3.4xlarge" | "i3.8xlarge" | "i3.16xlarge" | "i3.metal" | "i3en.large" | "i3en.xlarge" | "i3en.2xlarge" | "i3en.3xlarge" | "i3en.6xlarge" | "i3en.12xlarge" | "i3en.24xlarge" | "i3en.metal" | "im4gn.large" | "im4gn.xlarge" | "im4gn.2xlarge" | "im4gn.4xlarge" | "im4gn.8xlarge" | "im4gn.16xlarge" | "inf1.xlarge" | "inf1.2xlarge" | "inf1.6xlarge" | "inf1.24xlarge" | "is4gen.medium" | "is4gen.large" | "is4gen.xlarge" | "is4gen.2xlarge" | "is4gen.4xlarge" | "is4gen.8xlarge" | "m1.small" | "m1.medium" | "m1.large" | "m1.xlarge" | "m2.xlarge" | "m2.2xlarge" | "m2.4xlarge" | "m3.medium" | "m3.large" | "m3.xlarge" | "m3.2xlarge" | "m4.large" | "m4.xlarge" | "m4.2xlarge" | "m4.4xlarge" | "m4.10xlarge" | "m4.16xlarge" | "m5.large" | "m5.xlarge" | "m5.2xlarge" | "m5.4xlarge" | "m5.8xlarge" | "m5.12xlarge" | "m5.16xlarge" | "m5.24xlarge" | "m5.metal" | "m5a.large" | "m5a.xlarge" | "m5a.2xlarge" | "m5a.4xlarge" | "m5a.8xlarge" | "m5a.12xlarge" | "m5a.16xlarge" | "m5a.24xlarge" | "m5ad.large" | "m5ad.xlarge" | "m5ad.2xlarge" | "m5ad.4xlarge" | "m5ad.8xlarge" | "m5ad.12xlarge" | "m5ad.16xlarge" | "m5ad.24xlarge" | "m5d.large" | "m5d.xlarge" | "m5d.2xlarge" | "m5d.4xlarge" | "m5d.8xlarge" | "m5d.12xlarge" | "m5d.16xlarge" | "m5d.24xlarge" | "m5d.metal" | "m5dn.large" | "m5dn.xlarge" | "m5dn.2xlarge" | "m5dn.4xlarge" | "m5dn.8xlarge" | "m5dn.12xlarge" | "m5dn.16xlarge" | "m5dn.24xlarge" | "m5dn.metal" | "m5n.large" | "m5n.xlarge" | "m5n.2xlarge" | "m5n.4xlarge" | "m5n.8xlarge" | "m5n.12xlarge" | "m5n.16xlarge" | "m5n.24xlarge" | "m5n.metal" | "m5zn.large" | "m5zn.xlarge" | "m5zn.2xlarge" | "m5zn.3xlarge" | "m5zn.6xlarge" | "m5zn.12xlarge" | "m5zn.metal" | "m6a.large" | "m6a.xlarge" | "m6a.2xlarge" | "m6a.4xlarge" | "m6a.8xlarge" | "m6a.12xlarge" | "m6a.16xlarge" | "m6a.24xlarge" | "m6a.32xlarge" | "m6a.48xlarge" | "m6g.metal" | "m6g.medium" | "m6g.large" | "m6g.xlarge" | "m6g.2xlarge" | "m6g.4xlarge" | "m6g.8xlarge" | "m6g.12xlarge" | "m6g.16xlarge" | "m6gd.metal" | "m6gd.medium" | "m6gd.large" | "m6gd.xlarge" | "m6gd.2xlarge" | "m6gd.4xlarge" | "m6gd.8xlarge" | "m6gd.12xlarge" | "m6gd.16xlarge" | "m6i.large" | "m6i.xlarge" | "m6i.2xlarge" | "m6i.4xlarge" | "m6i.8xlarge" | "m6i.12xlarge" | "m6i.16xlarge" | "m6i.24xlarge" | "m6i.32xlarge" | "m6i.metal" | "mac1.metal" | "p2.xlarge" | "p2.8xlarge" | "p2.16xlarge" | "p3.2xlarge" | "p3.8xlarge" | "p3.16xlarge" | "p3dn.24xlarge" | "p4d.24xlarge" | "r3.large" | "r3.xlarge" | "r3.2xlarge" | "r3.4xlarge" | "r3.8xlarge" | "r4.large" | "r4.xlarge" | "r4.2xlarge" | "r4.4xlarge" | "r4.8xlarge" | "r4.16xlarge" | "r5.large" | "r5.xlarge" | "r5.2xlarge" | "r5.4xlarge" | "r5.8xlarge" | "r5.12xlarge" | "r5.16xlarge" | "r5.24xlarge" | "r5.metal" | "r5a.large" | "r5a.xlarge" | "r5a.2xlarge" | "r5a.4xlarge" | "r5a.8xlarge" | "r5a.12xlarge" | "r5a.16xlarge" | "r5a.24xlarge" | "r5ad.large" | "r5ad.xlarge" | "r5ad.2xlarge" | "r5ad.4xlarge" | "r5ad.8xlarge" | "r5ad.12xlarge" | "r5ad.16xlarge" | "r5ad.24xlarge" | "r5b.large" | "r5b.xlarge" | "r5b.2xlarge" | "r5b.4xlarge" | "r5b.8xlarge" | "r5b.12xlarge" | "r5b.16xlarge" | "r5b.24xlarge" | "r5b.metal" | "r5d.large" | "r5d.xlarge" | "r5d.2xlarge" | "r5d.4xlarge" | "r5d.8xlarge" | "r5d.12xlarge" | "r5d.16xlarge" | "r5d.24xlarge" | "r5d.metal" | "r5dn.large" | "r5dn.xlarge" | "r5dn.2xlarge" | "r5dn.4xlarge" | "r5dn.8xlarge" | "r5dn.12xlarge" | "r5dn.16xlarge" | "r5dn.24xlarge" | "r5dn.metal" | "r5n.large" | "r5n.xlarge" | "r5n.2xlarge" | "r5n.4xlarge" | "r5n.8xlarge" | "r5n.12xlarge" | "r5n.16xlarge" | "r5n.24xlarge" | "r5n.metal" | "r6g.medium" | "r6g.large" | "r6g.xlarge" | "r6g.2xlarge" | "r6g.4xlarge" | "r6g.8xlarge" | "r6g.12xlarge" | "r6g.16xlarge" | "r6g.metal" | "r6gd.medium" | "r6gd.large" | "r6gd.xlarge" | "r6gd.2xlarge" | "r6gd.4xlarge" | "r6gd.8xlarge" | "r6gd.12xlarge" | "r6gd.16xlarge" | "r6gd.metal" | "r6i.large" | "r6i.xlarge" | "r6i.2xlarge" | "r6i.4xlarge" | "r6i.8xlarge" | "r6i.12xlarge" | "r6i.16xlarge" | "r6i.24xlarge" | "r6i.32xlarge" | "r6i.metal" | "t1.micro" | "t2.nano" | "t2.micro" | "t2.small" | "t2.medium" | "t2.large" | "t2.xlarge" | "t2.2xlarge" | "t3.nano" | "t3.micro" | "t3.small" | "t3.medium" | "t3.large" | "t3.xlarge" | "t3.2xlarge" | "t3a.nano" | "t3a.micro" | "t3a.small" | "t3a.medium" | "t3a.large" | "t3a.xlarge" | "t3a.2xlarge" | "t4g.nano" | "t4g.micro" | "t4g.small" | "t4g.medium" | "t4g.large" | "t4g.xlarge" | "t4g.2xlarge" | "u-6tb1.56xlarge" | "u-6tb1.112xlarge" | "u-9tb1.112xlarge" | "u-12tb1.112xlarge" | "u-6tb1.metal" | "u-9tb1.metal" | "u-12tb1.metal" | "u-18tb1.metal" | "u-24tb1.metal" | "vt1.3xlarge" | "vt1.6xlarge" | "vt1.24xlarge" | "x1.16xlarge" | "x1.32xlarge" | "x1e.xlarge" | "x1e.2xlarge" | "x1e.4xlarge" | "x1e.8xlarge" | "x1e.16xlarge" | "x1e.32xlarge" | "x2iezn.2xlarge" | "x2iezn.4xlarge" | "x2iezn.6xlarge" | "x2iezn.8xlarge" | "x2iezn.12xlarge" | "x2iezn.metal" | "x2gd.medium" | "x2gd.large" | "x2gd.xlarge" | "x2gd.2xlarge" | "x2gd.4xlarge" | "x2gd.8xlarge" | "x2gd.12xlarge" | "x2gd.16xlarge" | "x2gd.metal" | "z1d.large" | "z1d.xlarge" | "z1d.2xlarge" | "z1d.3xlarge" | "z1d.6xlarge" | "z1d.12xlarge" | "z1d.metal" | "x2idn.16xlarge" | "x2idn.24xlarge" | "x2idn.32xlarge" | "x2iedn.xlarge" | "x2iedn.2xlarge" | "x2iedn.4xlarge" | "x2iedn.8xlarge" | "x2iedn.16xlarge" | "x2iedn.24xlarge" | "x2iedn.32xlarge" | "c6a.large" | "c6a.xlarge" | "c6a.2xlarge" | "c6a.4xlarge" | "c6a.8xlarge" | "c6a.12xlarge" | "c6a.16xlarge" | "c6a.24xlarge" | "c6a.32xlarge" | "c6a.48xlarge" | "c6a.metal" | "m6a.metal" | "i4i.large" | "i4i.xlarge" | "i4i.2xlarge" | "i4i.4xlarge" | "i4i.8xlarge" | "i4i.16xlarge" | "i4i.32xlarge" | "i4i.metal" | "x2idn.metal" | "x2iedn.metal" | "c7g.medium" | "c7g.large" | "c7g.xlarge" | "c7g.2xlarge" | "c7g.4xlarge" | "c7g.8xlarge" | "c7g.12xlarge" | "c7g.16xlarge" | "mac2.metal" | "c6id.large" | "c6id.xlarge" | "c6id.2xlarge" | "c6id.4xlarge" | "c6id.8xlarge" | "c6id.12xlarge" | "c6id.16xlarge" | "c6id.24xlarge" | "c6id.32xlarge" | "c6id.metal" | "m6id.large" | "m6id.xlarge" | "m6id.2xlarge" | "m6id.4xlarge" | "m6id.8xlarge" | "m6id.12xlarge" | "m6id.16xlarge" | "m6id.24xlarge" | "m6id.32xlarge" | "m6id.metal" | "r6id.large" | "r6id.xlarge" | "r6id.2xlarge" | "r6id.4xlarge" | "r6id.8xlarge" | "r6id.12xlarge" | "r6id.16xlarge" | "r6id.24xlarge" | "r6id.32xlarge" | "r6id.metal" | "r6a.large" | "r6a.xlarge" | "r6a.2xlarge" | "r6a.4xlarge" | "r6a.8xlarge" | "r6a.12xlarge" | "r6a.16xlarge" | "r6a.24xlarge" | "r6a.32xlarge" | "r6a.48xlarge" | "r6a.metal" | "p4de.24xlarge" | "u-3tb1.56xlarge" | "u-18tb1.112xlarge" | "u-24tb1.112xlarge" | "trn1.2xlarge" | "trn1.32xlarge" | "hpc6id.32xlarge" | "c6in.large" | "c6in.xlarge" | "c6in.2xlarge" | "c6in.4xlarge" | "c6in.8xlarge" | "c6in.12xlarge" | "c6in.16xlarge" | "c6in.24xlarge" | "c6in.32xlarge" | "m6in.large" | "m6in.xlarge" | "m6in.2xlarge" | "m6in.4xlarge" | "m6in.8xlarge" | "m6in.12xlarge" | "m6in.16xlarge" | "m6in.24xlarge" | "m6in.32xlarge" | "m6idn.large" | "m6idn.xlarge" | "m6idn.2xlarge" | "m6idn.4xlarge" | "m6idn.8xlarge" | "m6idn.12xlarge" | "m6idn.16xlarge" | "m6idn.24xlarge" | "m6idn.32xlarge" | "r6in.large" | "r6in.xlarge" | "r6in.2xlarge" | "r6in.4xlarge" | "r6in.8xlarge" | "r6in.12xlarge" | "r6in.16xlarge" | "r6in.24xlarge" | "r6in.32xlarge" | "r6idn.large" | "r6idn.xlarge" | "r6idn.2xlarge" | "r6idn.4xlarge" | "r6idn.8xlarge" | "r6idn.12xlarge" | "r6idn.16xlarge" | "r6idn.24xlarge" | "r6idn.32xlarge" | "c7g.metal" | "m7g.medium" | "m7g.large" | "m7g.xlarge" | "m7g.2xlarge" | "m7g.4xlarge" | "m7g.8xlarge" | "m7g.12xlarge" | "m7g.16xlarge" | "m7g.metal" | "r7g.medium" | "r7g.large" | "r7g.xlarge" | "r7g.2xlarge" | "r7g.4xlarge" | "r7g.8xlarge" | "r7g.12xlarge" | "r7g.16xlarge" | "r7g.metal" | "c6in.metal" | "m6in.metal" | "m6idn.metal" | "r6in.metal" | "r6idn.metal" | "inf2.xlarge" | "inf2.8xlarge" | "inf2.24xlarge" | "inf2.48xlarge" | "trn1n.32xlarge" | "i4g.large" | "i4g.xlarge" | "i4g.2xlarge" | "i4g.4xlarge" | "i4g.8xlarge" | "i4g.16xlarge" | "hpc7g.4xlarge" | "hpc7g.8xlarge" | "hpc7g.16xlarge" | "c7gn.medium" | "c7gn.large" | "c7gn.xlarge" | "c7gn.2xlarge" | "c7gn.4xlarge" | "c7gn.8xlarge" | "c7gn.12xlarge" | "c7gn.16xlarge" | "p5.48xlarge" | "m7i.large" | "m7i.xlarge" | "m7i.2xlarge" | "m7i.4xlarge" | "m7i.8xlarge" | "m7i.12xlarge" | "m7i.16xlarge" | "m7i.24xlarge" | "m7i.48xlarge" | "m7i-flex.large" | "m7i-flex.xlarge" | "m7i-flex.2xlarge" | "m7i-flex.4xlarge" | "m7i-flex.8xlarge" | "m7a.medium" | "m7a.large" | "m7a.xlarge" | "m7a.2xlarge" | "m7a.4xlarge" | "m7a.8xlarge" | "m7a.12xlarge" | "m7a.16xlarge" | "m7a.24xlarge" | "m7a.32xlarge" | "m7a.48xlarge" | "m7a.metal-48xl" | "hpc7a.12xlarge" | "hpc7a.24xlarge" | "hpc7a.48xlarge" | "hpc7a.96xlarge" | "c7gd.medium" | "c7gd.large" | "c7gd.xlarge" | "c7gd.2xlarge" | "c7gd.4xlarge" | "c7gd.8xlarge" | "c7gd.12xlarge" | "c7gd.16xlarge" | "m7gd.medium" | "m7gd.large" | "m7gd.xlarge" | "m7gd.2xlarge" | "m7gd.4xlarge" | "m7gd.8xlarge" | "m7gd.12xlarge" | "m7gd.16xlarge" | "r7gd.medium" | "r7gd.large" | "r7gd.xlarge" | "r7gd.2xlarge" | "r7gd.4xlarge" | "r7gd.8xlarge" | "r7gd.12xlarge" | "r7gd.16xlarge" | "r7a.medium" | "r7a.large" | "r7a.xlarge" | "r7a.2xlarge" | "r7a.4xlarge" | "r7a.8xlarge" | "r7a.12xlarge" | "r7a.16xlarge" | "r7a.24xlarge" | "r7a.32xlarge" | "r7a.48xlarge" | "c7i.large" | "c7i.xlarge" | "c7i.2xlarge" | "c7i.4xlarge" | "c7i.8xlarge" | "c7i.12xlarge" | "c7i.16xlarge" | "c7i.24xlarge" | "c7i.48xlarge" | "mac2-m2pro.metal" | "r7iz.large" | "r7iz.xlarge" | "r7iz.2xlarge" | "r7iz.4xlarge" | "r7iz.8xlarge" | "r7iz.12xlarge" | "r7iz.16xlarge" | "r7iz.32xlarge" | "c7a.medium" | "c7a.large" | "c7a.xlarge" | "c7a.2xlarge" | "c7a.4xlarge" | "c7a.8xlarge" | "c7a.12xlarge" | "c7a.16xlarge" | "c7a.24xlarge" | "c7a.32xlarge" | "c7a.48xlarge" | "c7a.metal-48xl" | "r7a.metal-48xl" | "r7i.large" | "r7i.xlarge" | "r7i.2xlarge" | "r7i.4xlarge" | "r7i.8xlarge" | "r7i.12xlarge" | "r7i.16xlarge" | "r7i.24xlarge" | "r7i.48xlarge" | "dl2q.24xlarge" | "mac2-m2.metal" | "i4i.12xlarge" | "i4i.24xlarge" | "c7i.metal-24xl" | "c7i.metal-48xl" | "m7i.metal-24xl" | "m7i.metal-48xl" | "r7i.metal-24xl" | "r7i.metal-48xl" | "r7iz.metal-16xl" | "r7iz.metal-32xl" | "c7gd.metal" | "m7gd.metal" | "r7gd.metal" | "g6.xlarge" | "g6.2xlarge" | "g6.4xlarge" | "g6.8xlarge" | "g6.12xlarge" | "g6.16xlarge" | "g6.24xlarge" | "g6.48xlarge" | "gr6.4xlarge" | "gr6.8xlarge" | "c7i-flex.large" | "c7i-flex.xlarge" | "c7i-flex.2xlarge" | "c7i-flex.4xlarge" | "c7i-flex.8xlarge" | "u7i-12tb.224xlarge" | "u7in-16tb.224xlarge" | "u7in-24tb.224xlarge" | "u7in-32tb.224xlarge" | "u7ib-12tb.224xlarge" | "c7gn.metal" | "r8g.medium" | "r8g.large" | "r8g.xlarge" | "r8g.2xlarge" | "r8g.4xlarge" | "r8g.8xlarge" | "r8g.12xlarge" | "r8g.16xlarge" | "r8g.24xlarge" | "r8g.48xlarge" | "r8g.metal-24xl" | "r8g.metal-48xl" | "mac2-m1ultra.metal" | "g6e.xlarge" | "g6e.2xlarge" | "g6e.4xlarge" | "g6e.8xlarge" | "g6e.12xlarge" | "g6e.16xlarge" | "g6e.24xlarge" | "g6e.48xlarge" | "c8g.medium" | "c8g.large" | "c8g.xlarge" | "c8g.2xlarge" | "c8g.4xlarge" | "c8g.8xlarge" | "c8g.12xlarge" | "c8g.16xlarge" | "c8g.24xlarge" | "c8g.48xlarge" | "c8g.metal-24xl" | "c8g.metal-48xl" | "m8g.medium" | "m8g.large" | "m8g.xlarge" | "m8g.2xlarge" | "m8g.4xlarge" | "m8g.8xlarge" | "m8g.12xlarge" | "m8g.16xlarge" | "m8g.24xlarge" | "m8g.48xlarge" | "m8g.metal-24xl" | "m8g.metal-48xl" | "x8g.medium" | "x8g.large" | "x8g.xlarge" | "x8g.2xlarge" | "x8g.4xlarge" | "x8g.8xlarge" | "x8g.12xlarge" | "x8g.16xlarge" | "x8g.24xlarge" | "x8g.48xlarge" | "x8g.metal-24xl" | "x8g.metal-48xl" | "i7ie.large" | "i7ie.xlarge" | "i7ie.2xlarge" | "i7ie.3xlarge" | "i7ie.6xlarge" | "i7ie.12xlarge" | "i7ie.18xlarge" | "i7ie.24xlarge" | "i7ie.48xlarge" | "i8g.large" | "i8g.xlarge" | "i8g.2xlarge" | "i8g.4xlarge" | "i8g.8xlarge" | "i8g.12xlarge" | "i8g.16xlarge" | "i8g.24xlarge" | "i8g.metal-24xl" | "u7i-6tb.112xlarge" | "u7i-8tb.112xlarge" | "u7inh-32tb.480xlarge" | "p5e.48xlarge" | "p5en.48xlarge" | "f2.12xlarge" | "f2.48xlarge" | "trn2.48xlarge" | "c7i-flex.12xlarge" | "c7i-flex.16xlarge" | "m7i-flex.12xlarge" | "m7i-flex.16xlarge" | "i7ie.metal-24xl" | "i7ie.metal-48xl" | "i8g.48xlarge" | "c8gd.medium" | "c8gd.large" | "c8gd.xlarge" | "c8gd.2xlarge" | "c8gd.4xlarge" | "c8gd.8xlarge" | "c8gd.12xlarge" | "c8gd.16xlarge" | "c8gd.24xlarge" | "c8gd.48xlarge" | "c8gd.metal-24xl" | "c8gd.metal-48xl" | "i7i.large" | "i7i.xlarge" | "i7i.2xlarge" | "i7i.4xlarge" | "i7i.8xlarge" | "i7i.12xlarge" | "i7i.16xlarge" | "i7i.24xlarge" | "i7i.48xlarge" | "i7i.metal-24xl" | "i7i.metal-48xl" | "p6-b200.48xlarge" | "m8gd.medium" | "m8gd.large" | "m8gd.xlarge" | "m8gd.2xlarge" | "m8gd.4xlarge" | "m8gd.8xlarge" | "m8gd.12xlarge" | "m8gd.16xlarge" | "m8gd.24xlarge" | "m8gd.48xlarge" | "m8gd.metal-24xl" | "m8gd.metal-48xl" | "r8gd.medium" | "r8gd.large" | "r8gd.xlarge" | "r8gd.2xlarge" | "r8gd.4xlarge" | "r8gd.8xlarge" | "r8gd.12xlarge" | "r8gd.16xlarge" | "r8gd.24xlarge" | "r8gd.48xlarge" | "r8gd.metal-24xl" | "r8gd.metal-48xl" | "c8gn.medium" | "c8gn.large" | "c8gn.xlarge" | "c8gn.2xlarge" | "c8gn.4xlarge" | "c8gn.8xlarge" | "c8gn.12xlarge" | "c8gn.16xlarge" | "c8gn.24xlarge" | "c8gn.48xlarge" | "c8gn.metal-24xl" | "c8gn.metal-48xl" | "f2.6xlarge" | "p6e-gb200.36xlarge" | "g6f.large" | "g6f.xlarge" | "g6f.2xlarge" | "g6f.4xlarge" | "gr6f.4xlarge" | "p5.4xlarge" | "r8i.large" | "r8i.xlarge" | "r8i.2xlarge" | "r8i.4xlarge" | "r8i.8xlarge" | "r8i.12xlarge" | "r8i.16xlarge" | "r8i.24xlarge" | "r8i.32xlarge" | "r8i.48xlarge" | "r8i.96xlarge" | "r8i.metal-48xl" | "r8i.metal-96xl" | "r8i-flex.large" | "r8i-flex.xlarge" | "r8i-flex.2xlarge" | "r8i-flex.4xlarge" | "r8i-flex.8xlarge" | "r8i-flex.12xlarge" | "r8i-flex.16xlarge" | "m8i.large" | "m8i.xlarge" | "m8i.2xlarge" | "m8i.4xlarge" | "m8i.8xlarge" | "m8i.12xlarge" | "m8i.16xlarge" | "m8i.24xlarge" | "m8i.32xlarge" | "m8i.48xlarge" | "m8i.96xlarge" | "m8i.metal-48xl" | "m8i.metal-96xl" | "m8i-flex.large" | "m8i-flex.xlarge" | "m8i-flex.2xlarge" | "m8i-flex.4xlarge" | "m8i-flex.8xlarge" | "m8i-flex.12xlarge" | "m8i-flex.16xlarge" | "i8ge.large" | "i8ge.xlarge" | "i8ge.2xlarge" | "i8ge.3xlarge" | "i8ge.6xlarge" | "i8ge.12xlarge" | "i8ge.18xlarge" | "i8ge.24xlarge" | "i8ge.48xlarge" | "i8ge.metal-24xl" | "i8ge.metal-48xl" | "mac-m4.metal" | "mac-m4pro.metal" | "r8gn.medium" | "r8gn.large" | "r8gn.xlarge" | "r8gn.2xlarge" | "r8gn.4xlarge" | "r8gn.8xlarge" | "r8gn.12xlarge" | "r8gn.16xlarge" | "r8gn.24xlarge" | "r8gn.48xlarge" | "r8gn.metal-24xl" | "r8gn.metal-48xl" | "c8i.large" | "c8i.xlarge" | "c8i.2xlarge" | "c8i.4xlarge" | "c8i.8xlarge" | "c8i.12xlarge" | "c8i.16xlarge" | "c8i.24xlarge" | "c8i.32xlarge" | "c8i.48xlarge" | "c8i.96xlarge" | "c8i.metal-48xl" | "c8i.metal-96xl" | "c8i-flex.large" | "c8i-flex.xlarge" | "c8i-flex.2xlarge" | "c8i-flex.4xlarge" | "c8i-flex.8xlarge" | "c8i-flex.12xlarge" | "c8i-flex.16xlarge" | "r8gb.medium" | "r8gb.large" | "r8gb.xlarge" | "r8gb.2xlarge" | "r8gb.4xlarge" | "r8gb.8xlarge" | "r8gb.12xlarge" | "r8gb.16xlarge" | "r8gb.24xlarge" | "r8gb.metal-24xl" | "m8a.medium" | "m8a.large" | "m8a.xlarge" | "m8a.2xlarge" | "m8a.4xlarge" | "m8a.8xlarge" | "m8a.12xlarge" | "m8a.16xlarge" | "m8a.24xlarge" | "m8a.48xlarge" | "m8a.metal-24xl" | "m8a.metal-48xl" | "trn2.3xlarge" | "r8a.medium" | "r8a.large" | "r8a.xlarge" | "r8a.2xlarge" | "r8a.4xlarge" | "r8a.8xlarge" | "r8a.12xlarge" | "r8a.16xlarge" | "r8a.24xlarge" | "r8a.48xlarge" | "r8a.metal-24xl" | "r8a.metal-48xl" | "p6-b300.48xlarge" | "c8a.medium" | "c8a.large" | "c8a.xlarge" | "c8a.2xlarge" | "c8a.4xlarge" | "c8a.8xlarge" | "c8a.12xlarge" | "c8a.16xlarge" | "c8a.24xlarge" | "c8a.48xlarge" | "c8a.metal-24xl" | "c8a.metal-48xl" | "c8gb.12xlarge" | "c8gb.16xlarge" | "c8gb.24xlarge" | "c8gb.2xlarge" | "c8gb.4xlarge" | "c8gb.8xlarge" | "c8gb.large" | "c8gb.medium" | "c8gb.metal-24xl" | "c8gb.xlarge" | "c8gb.48xlarge" | "c8gb.metal-48xl" | "m8gb.12xlarge" | "m8gb.16xlarge" | "m8gb.24xlarge" | "m8gb.2xlarge" | "m8gb.4xlarge" | "m8gb.8xlarge" | "m8gb.large" | "m8gb.medium" | "m8gb.xlarge" | "m8gb.48xlarge" | "m8gb.metal-24xl" | "m8gb.metal-48xl" | "m8gn.12xlarge" | "m8gn.16xlarge" | "m8gn.24xlarge" | "m8gn.2xlarge" | "m8gn.48xlarge" | "m8gn.4xlarge" | "m8gn.8xlarge" | "m8gn.large" | "m8gn.medium" | "m8gn.xlarge" | "m8gn.metal-24xl" | "m8gn.metal-48xl" | "x8aedz.12xlarge" | "x8aedz.24xlarge" | "x8aedz.3xlarge" | "x8aedz.6xlarge" | "x8aedz.large" | "x8aedz.metal-12xl" | "x8aedz.metal-24xl" | "x8aedz.xlarge" | "m8azn.medium" | "m8azn.large" | "m8azn.xlarge" | "m8azn.3xlarge" | "m8azn.6xlarge" | "m8azn.12xlarge" | "m8azn.24xlarge" | "m8azn.metal-12xl" | "m8azn.metal-24xl" | "x8i.large" | "x8i.xlarge" | "x8i.2xlarge" | "x8i.4xlarge" | "x8i.8xlarge" | "x8i.12xlarge" | "x8i.16xlarge" | "x8i.24xlarge" | "x8i.32xlarge" | "x8i.48xlarge" | "x8i.64xlarge" | "x8i.96xlarge" | "x8i.metal-48xl" | "x8i.metal-96xl" | "mac-m4max.metal" | "g7e.2xlarge" | "g7e.4xlarge" | "g7e.8xlarge" | "g7e.12xlarge" | "g7e.24xlarge" | "g7e.48xlarge" | "r8id.large" | "r8id.xlarge" | "r8id.2xlarge" | "r8id.4xlarge" | "r8id.8xlarge" | "r8id.12xlarge" | "r8id.16xlarge" | "r8id.24xlarge" | "r8id.32xlarge" | "r8id.48xlarge" | "r8id.96xlarge" | "r8id.metal-48xl" | "r8id.metal-96xl" | "c8id.large" | "c8id.xlarge" | "c8id.2xlarge" | "c8id.4xlarge" | "c8id.8xlarge" | "c8id.12xlarge" | "c8id.16xlarge" | "c8id.24xlarge" | "c8id.32xlarge" | "c8id.48xlarge" | "c8id.96xlarge" | "c8id.metal-48xl" | "c8id.metal-96xl" | "m8id.large" | "m8id.xlarge" | "m8id.2xlarge" | "m8id.4xlarge" | "m8id.8xlarge" | "m8id.12xlarge" | "m8id.16xlarge" | "m8id.24xlarge" | "m8id.32xlarge" | "m8id.48xlarge" | "m8id.96xlarge" | "m8id.metal-48xl" | "m8id.metal-96xl" | "hpc8a.96xlarge";
export type InstanceTypeHypervisor = "nitro" | "xen";
export interface InstanceTypeInfo {
  AutoRecoverySupported?: boolean;
  BareMetal?: boolean;
  BurstablePerformanceSupported?: boolean;
  CurrentGeneration?: boolean;
  DedicatedHostsSupported?: boolean;
  EbsInfo?: EbsInfo;
  FpgaInfo?: FpgaInfo;
  FreeTierEligible?: boolean;
  GpuInfo?: GpuInfo;
  HibernationSupported?: boolean;
  Hypervisor?: InstanceTypeHypervisor;
  InferenceAcceleratorInfo?: InferenceAcceleratorInfo;
  InstanceStorageInfo?: InstanceStorageInfo;
  InstanceStorageSupported?: boolean;
  InstanceType?: InstanceType;
  MediaAcceleratorInfo?: MediaAcceleratorInfo;
  MemoryInfo?: MemoryInfo;
  NetworkInfo?: NetworkInfo;
  NeuronInfo?: NeuronInfo;
  NitroEnclavesSupport?: NitroEnclavesSupport;
  NitroTpmInfo?: NitroTpmInfo;
  NitroTpmSupport?: NitroTpmSupport;
  PhcSupport?: PhcSupport;
  PlacementGroupInfo?: PlacementGroupInfo;
  ProcessorInfo?: ProcessorInfo;
  RebootMigrationSupport?: RebootMigrationSupport;
  SupportedBootModes?: BootModeTypeList;
  SupportedInRegion?: boolean;
  SupportedRootDeviceTypes?: RootDeviceTypeList;
  SupportedUsageClasses?: UsageClassTypeList;
  SupportedVirtualizationTypes?: VirtualizationTypeList;
  VCpuInfo?: VCpuInfo;
}
export type InstanceTypeInfoList = InstanceTypeInfo[];
export type InstanceTypeList = InstanceType[];
export interface InstanceTypeOffering {
  InstanceType?: InstanceType;
  Location?: string;
  LocationType?: LocationType;
}
export type InstanceTypeOfferingsList = InstanceTypeOffering[];
export interface InternetGateway {
  Attachments?: InternetGatewayAttachmentList;
  InternetGatewayId?: string;
  OwnerId?: string;
  Tags?: TagList;
}
export interface InternetGatewayAttachment {
  State?: AttachmentStatus;
  VpcId?: string;
}
export type InternetGatewayAttachmentList = InternetGatewayAttachment[];
export type InternetGatewayIdList = string[];
export type InternetGatewayList = InternetGateway[];
export interface IpPermission {
  FromPort?: number;
  IpProtocol?: string;
  IpRanges?: IpRangeList;
  Ipv6Ranges?: Ipv6RangeList;
  PrefixListIds?: PrefixListIdList;
  ToPort?: number;
  UserIdGroupPairs?: UserIdGroupPairList;
}
export type IpPermissionList = IpPermission[];
export interface IpRange {
  CidrIp?: string;
  Description?: string;
}
export type IpRangeList = IpRange[];
export type IpSource = "amazon" | "byoip" | "none";
export type Ipv4PrefixList = Ipv4PrefixSpecificationRequest[];
export type Ipv4PrefixListResponse = Ipv4PrefixSpecificationResponse[];
export interface Ipv4PrefixSpecification {
  Ipv4Prefix?: string;
}
export interface Ipv4PrefixSpecificationRequest {
  Ipv4Prefix?: string;
}
export interface Ipv4PrefixSpecificationResponse {
  Ipv4Prefix?: string;
}
export type Ipv4PrefixesList = Ipv4PrefixSpecification[];
export type Ipv6AddressAttribute = "public" | "private";
export type Ipv6PrefixList = Ipv6PrefixSpecificationRequest[];
export type Ipv6PrefixListResponse = Ipv6PrefixSpecificationResponse[];
export interface Ipv6PrefixSpecification {
  Ipv6Prefix?: string;
}
export interface Ipv6PrefixSpecificationRequest {
  Ipv6Prefix?: string;
}
export interface Ipv6PrefixSpecificationResponse {
  Ipv6Prefix?: string;
}
export type Ipv6PrefixesList = Ipv6PrefixSpecification[];
export interface Ipv6Range {
  CidrIpv6?: string;
  Description?: string;
}
export type Ipv6RangeList = Ipv6Range[];
export type KeyFormat = "pem" | "ppk";
export type KeyNameStringList = string[];
export interface KeyPair {
  KeyFingerprint?: string;
  KeyMaterial?: string;
  KeyName?: string;
  KeyPairId?: string;
  Tags?: TagList;
}
export type KeyPairIdStringList = string[];
export interface KeyPairInfo {
  CreateTime?: Date;
  KeyFingerprint?: string;
  KeyName?: string;
  KeyPairId?: string;
  KeyType?: KeyType;
  PublicKey?: string;
  Tags?: TagList;
}
export type KeyPairList = KeyPairInfo[];
export type KeyType = "rsa" | "ed25519";
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
export interface LaunchSpecification {
  AddressingType?: string;
  BlockDeviceMappings?: BlockDeviceMappingList;
  EbsOptimized?: boolean;
  IamInstanceProfile?: IamInstanceProfileSpecification;
  ImageId?: string;
  InstanceType?: InstanceType;
  KernelId?: string;
  KeyName?: string;
  Monitoring?: RunInstancesMonitoringEnabled;
  NetworkInterfaces?: InstanceNetworkInterfaceSpecificationList;
  Placement?: SpotPlacement;
  RamdiskId?: string;
  SecurityGroups?: GroupIdentifierList;
  SubnetId?: string;
  UserData?: string;
}
export interface LaunchTemplate {
  CreateTime?: Date;
  CreatedBy?: string;
  DefaultVersionNumber?: number;
  LatestVersionNumber?: number;
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Operator?: OperatorResponse;
  Tags?: TagList;
}
export interface LaunchTemplateAndOverridesResponse {
  LaunchTemplateSpecification?: FleetLaunchTemplateSpecification;
  Overrides?: FleetLaunchTemplateOverrides;
}
export type LaunchTemplateAutoRecoveryState = "default" | "disabled";
export interface LaunchTemplateBlockDeviceMapping {
  DeviceName?: string;
  Ebs?: LaunchTemplateEbsBlockDevice;
  NoDevice?: string;
  VirtualName?: string;
}
export type LaunchTemplateBlockDeviceMappingList = LaunchTemplateBlockDeviceMapping[];
export interface LaunchTemplateBlockDeviceMappingRequest {
  DeviceName?: string;
  Ebs?: LaunchTemplateEbsBlockDeviceRequest;
  NoDevice?: string;
  VirtualName?: string;
}
export type LaunchTemplateBlockDeviceMappingRequestList = LaunchTemplateBlockDeviceMappingRequest[];
export interface LaunchTemplateCapacityReservationSpecificationRequest {
  CapacityReservationPreference?: CapacityReservationPreference;
  CapacityReservationTarget?: CapacityReservationTarget;
}
export interface LaunchTemplateCapacityReservationSpecificationResponse {
  CapacityReservationPreference?: CapacityReservationPreference;
  CapacityReservationTarget?: CapacityReservationTargetResponse;
}
export interface LaunchTemplateCpuOptions {
  AmdSevSnp?: AmdSevSnpSpecification;
  CoreCount?: number;
  NestedVirtualization?: NestedVirtualizationSpecification;
  ThreadsPerCore?: number;
}
export interface LaunchTemplateCpuOptionsRequest {
  AmdSevSnp?: AmdSevSnpSpecification;
  CoreCount?: number;
  NestedVirtualization?: NestedVirtualizationSpecification;
  ThreadsPerCore?: number;
}
export interface LaunchTemplateEbsBlockDevice {
  DeleteOnTermination?: boolean;
  EbsCardIndex?: number;
  Encrypted?: boolean;
  Iops?: number;
  KmsKeyId?: string;
  SnapshotId?: string;
  Throughput?: number;
  VolumeInitializationRate?: number;
  VolumeSize?: number;
  VolumeType?: VolumeType;
}
export interface LaunchTemplateEbsBlockDeviceRequest {
  DeleteOnTermination?: boolean;
  EbsCardIndex?: number;
  Encrypted?: boolean;
  Iops?: number;
  KmsKeyId?: string;
  SnapshotId?: string;
  Throughput?: number;
  VolumeInitializationRate?: number;
  VolumeSize?: number;
  VolumeType?: VolumeType;
}
export interface LaunchTemplateElasticInferenceAccelerator {
  Count?: number;
  Type: string;
}
export type LaunchTemplateElasticInferenceAcceleratorList = LaunchTemplateElasticInferenceAccelerator[];
export interface LaunchTemplateElasticInferenceAcceleratorResponse {
  Count?: number;
  Type?: string;
}
export type LaunchTemplateElasticInferenceAcceleratorResponseList = LaunchTemplateElasticInferenceAcceleratorResponse[];
export interface LaunchTemplateEnaSrdSpecification {
  EnaSrdEnabled?: boolean;
  EnaSrdUdpSpecification?: LaunchTemplateEnaSrdUdpSpecification;
}
export interface LaunchTemplateEnaSrdUdpSpecification {
  EnaSrdUdpEnabled?: boolean;
}
export interface LaunchTemplateEnclaveOptions {
  Enabled?: boolean;
}
export interface LaunchTemplateEnclaveOptionsRequest {
  Enabled?: boolean;
}
export type LaunchTemplateErrorCode = "launchTemplateIdDoesNotExist" | "launchTemplateIdMalformed" | "launchTemplateNameDoesNotExist" | "launchTemplateNameMalformed" | "launchTemplateVersionDoesNotExist" | "unexpectedError";
export interface LaunchTemplateHibernationOptions {
  Configured?: boolean;
}
export interface LaunchTemplateHibernationOptionsRequest {
  Configured?: boolean;
}
export type LaunchTemplateHttpTokensState = "optional" | "required";
export interface LaunchTemplateIamInstanceProfileSpecification {
  Arn?: string;
  Name?: string;
}
export interface LaunchTemplateIamInstanceProfileSpecificationRequest {
  Arn?: string;
  Name?: string;
}
export type LaunchTemplateIdStringList = string[];
export interface LaunchTemplateInstanceMaintenanceOptions {
  AutoRecovery?: LaunchTemplateAutoRecoveryState;
}
export interface LaunchTemplateInstanceMaintenanceOptionsRequest {
  AutoRecovery?: LaunchTemplateAutoRecoveryState;
}
export interface LaunchTemplateInstanceMarketOptions {
  MarketType?: MarketType;
  SpotOptions?: LaunchTemplateSpotMarketOptions;
}
export interface LaunchTemplateInstanceMarketOptionsRequest {
  MarketType?: MarketType;
  SpotOptions?: LaunchTemplateSpotMarketOptionsRequest;
}
export type LaunchTemplateInstanceMetadataEndpointState = "disabled" | "enabled";
export interface LaunchTemplateInstanceMetadataOptions {
  HttpEndpoint?: LaunchTemplateInstanceMetadataEndpointState;
  HttpProtocolIpv6?: LaunchTemplateInstanceMetadataProtocolIpv6;
  HttpPutResponseHopLimit?: number;
  HttpTokens?: LaunchTemplateHttpTokensState;
  InstanceMetadataTags?: LaunchTemplateInstanceMetadataTagsState;
  State?: LaunchTemplateInstanceMetadataOptionsState;
}
export interface LaunchTemplateInstanceMetadataOptionsRequest {
  HttpEndpoint?: LaunchTemplateInstanceMetadataEndpointState;
  HttpProtocolIpv6?: LaunchTemplateInstanceMetadataProtocolIpv6;
  HttpPutResponseHopLimit?: number;
  HttpTokens?: LaunchTemplateHttpTokensState;
  InstanceMetadataTags?: LaunchTemplateInstanceMetadataTagsState;
}
export type LaunchTemplateInstanceMetadataOptionsState = "pending" | "applied";
export type LaunchTemplateInstanceMetadataProtocolIpv6 = "disabled" | "enabled";
export type LaunchTemplateInstanceMetadataTagsState = "disabled" | "enabled";
export interface LaunchTemplateInstanceNetworkInterfaceSpecification {
  AssociateCarrierIpAddress?: boolean;
  AssociatePublicIpAddress?: boolean;
  ConnectionTrackingSpecification?: ConnectionTrackingSpecification;
  DeleteOnTermination?: boolean;
  Description?: string;
  DeviceIndex?: number;
  EnaQueueCount?: number;
  EnaSrdSpecification?: LaunchTemplateEnaSrdSpecification;
  Groups?: GroupIdStringList;
  InterfaceType?: string;
  Ipv4PrefixCount?: number;
  Ipv4Prefixes?: Ipv4PrefixListResponse;
  Ipv6AddressCount?: number;
  Ipv6Addresses?: InstanceIpv6AddressList;
  Ipv6PrefixCount?: number;
  Ipv6Prefixes?: Ipv6PrefixListResponse;
  NetworkCardIndex?: number;
  NetworkInterfaceId?: string;
  PrimaryIpv6?: boolean;
  PrivateIpAddress?: string;
  PrivateIpAddresses?: PrivateIpAddressSpecificationList;
  SecondaryPrivateIpAddressCount?: number;
  SubnetId?: string;
}
export type LaunchTemplateInstanceNetworkInterfaceSpecificationList = LaunchTemplateInstanceNetworkInterfaceSpecification[];
export interface LaunchTemplateInstanceNetworkInterfaceSpecificationRequest {
  AssociateCarrierIpAddress?: boolean;
  AssociatePublicIpAddress?: boolean;
  ConnectionTrackingSpecification?: ConnectionTrackingSpecificationRequest;
  DeleteOnTermination?: boolean;
  Description?: string;
  DeviceIndex?: number;
  EnaQueueCount?: number;
  EnaSrdSpecification?: EnaSrdSpecificationRequest;
  Groups?: SecurityGroupIdStringList;
  InterfaceType?: string;
  Ipv4PrefixCount?: number;
  Ipv4Prefixes?: Ipv4PrefixList;
  Ipv6AddressCount?: number;
  Ipv6Addresses?: InstanceIpv6AddressListRequest;
  Ipv6PrefixCount?: number;
  Ipv6Prefixes?: Ipv6PrefixList;
  NetworkCardIndex?: number;
  NetworkInterfaceId?: string;
  PrimaryIpv6?: boolean;
  PrivateIpAddress?: string;
  PrivateIpAddresses?: PrivateIpAddressSpecificationList;
  SecondaryPrivateIpAddressCount?: number;
  SubnetId?: string;
}
export type LaunchTemplateInstanceNetworkInterfaceSpecificationRequestList = LaunchTemplateInstanceNetworkInterfaceSpecificationRequest[];
export interface LaunchTemplateInstanceSecondaryInterfaceSpecification {
  DeleteOnTermination?: boolean;
  DeviceIndex?: number;
  InterfaceType?: SecondaryInterfaceType;
  NetworkCardIndex?: number;
  PrivateIpAddressCount?: number;
  PrivateIpAddresses?: SecondaryInterfacePrivateIpAddressSpecificationList;
  SecondarySubnetId?: string;
}
export type LaunchTemplateInstanceSecondaryInterfaceSpecificationList = LaunchTemplateInstanceSecondaryInterfaceSpecification[];
export interface LaunchTemplateInstanceSecondaryInterfaceSpecificationRequest {
  DeleteOnTermination?: boolean;
  DeviceIndex?: number;
  InterfaceType?: SecondaryInterfaceType;
  NetworkCardIndex?: number;
  PrivateIpAddressCount?: number;
  PrivateIpAddresses?: SecondaryInterfacePrivateIpAddressSpecificationListRequest;
  SecondarySubnetId?: string;
}
export type LaunchTemplateInstanceSecondaryInterfaceSpecificationRequestList = LaunchTemplateInstanceSecondaryInterfaceSpecificationRequest[];
export interface LaunchTemplateLicenseConfiguration {
  LicenseConfigurationArn?: string;
}
export interface LaunchTemplateLicenseConfigurationRequest {
  LicenseConfigurationArn?: string;
}
export type LaunchTemplateLicenseList = LaunchTemplateLicenseConfiguration[];
export type LaunchTemplateLicenseSpecificationListRequest = LaunchTemplateLicenseConfigurationRequest[];
export type LaunchTemplateNameStringList = string[];
export interface LaunchTemplateNetworkPerformanceOptions {
  BandwidthWeighting?: InstanceBandwidthWeighting;
}
export interface LaunchTemplateNetworkPerformanceOptionsRequest {
  BandwidthWeighting?: InstanceBandwidthWeighting;
}
export interface LaunchTemplatePlacement {
  Affinity?: string;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  GroupId?: string;
  GroupName?: string;
  HostId?: string;
  HostResourceGroupArn?: string;
  PartitionNumber?: number;
  SpreadDomain?: string;
  Tenancy?: Tenancy;
}
export interface LaunchTemplatePlacementRequest {
  Affinity?: string;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  GroupId?: string;
  GroupName?: string;
  HostId?: string;
  HostResourceGroupArn?: string;
  PartitionNumber?: number;
  SpreadDomain?: string;
  Tenancy?: Tenancy;
}
export interface LaunchTemplatePrivateDnsNameOptions {
  EnableResourceNameDnsAAAARecord?: boolean;
  EnableResourceNameDnsARecord?: boolean;
  HostnameType?: HostnameType;
}
export interface LaunchTemplatePrivateDnsNameOptionsRequest {
  EnableResourceNameDnsAAAARecord?: boolean;
  EnableResourceNameDnsARecord?: boolean;
  HostnameType?: HostnameType;
}
export type LaunchTemplateSet = LaunchTemplate[];
export interface LaunchTemplateSpecification {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Version?: string;
}
export interface LaunchTemplateSpotMarketOptions {
  BlockDurationMinutes?: number;
  InstanceInterruptionBehavior?: InstanceInterruptionBehavior;
  MaxPrice?: string;
  SpotInstanceType?: SpotInstanceType;
  ValidUntil?: Date;
}
export interface LaunchTemplateSpotMarketOptionsRequest {
  BlockDurationMinutes?: number;
  InstanceInterruptionBehavior?: InstanceInterruptionBehavior;
  MaxPrice?: string;
  SpotInstanceType?: SpotInstanceType;
  ValidUntil?: Date;
}
export interface LaunchTemplateTagSpecification {
  ResourceType?: ResourceType;
  Tags?: TagList;
}
export type LaunchTemplateTagSpecificationList = LaunchTemplateTagSpecification[];
export interface LaunchTemplateTagSpecificationRequest {
  ResourceType?: ResourceType;
  Tags?: TagList;
}
export type LaunchTemplateTagSpecificationRequestList = LaunchTemplateTagSpecificationRequest[];
export interface LaunchTemplateVersion {
  CreateTime?: Date;
  CreatedBy?: string;
  DefaultVersion?: boolean;
  LaunchTemplateData?: ResponseLaunchTemplateData;
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Operator?: OperatorResponse;
  VersionDescription?: string;
  VersionNumber?: number;
}
export type LaunchTemplateVersionSet = LaunchTemplateVersion[];
export interface LaunchTemplatesMonitoring {
  Enabled?: boolean;
}
export interface LaunchTemplatesMonitoringRequest {
  Enabled?: boolean;
}
export interface LicenseConfiguration {
  LicenseConfigurationArn?: string;
}
export interface LicenseConfigurationRequest {
  LicenseConfigurationArn?: string;
}
export type LicenseList = LicenseConfiguration[];
export type LicenseSpecificationListRequest = LicenseConfigurationRequest[];
export interface ListImagesInRecycleBinRequest {
  DryRun?: boolean;
  ImageIds?: ImageIdStringList;
  MaxResults?: number;
  NextToken?: string;
}
export interface ListImagesInRecycleBinResult {
  Images?: ImageRecycleBinInfoList;
  NextToken?: string;
}
export interface ListSnapshotsInRecycleBinRequest {
  DryRun?: boolean;
  MaxResults?: number;
  NextToken?: string;
  SnapshotIds?: SnapshotIdStringList;
}
export interface ListSnapshotsInRecycleBinResult {
  NextToken?: string;
  Snapshots?: SnapshotRecycleBinInfoList;
}
export interface ListVolumesInRecycleBinRequest {
  DryRun?: boolean;
  MaxResults?: number;
  NextToken?: string;
  VolumeIds?: VolumeIdStringList;
}
export interface ListVolumesInRecycleBinResult {
  NextToken?: string;
  Volumes?: VolumeRecycleBinInfoList;
}
export type LocalStorage = "included" | "required" | "excluded";
export type LocalStorageType = "hdd" | "ssd";
export type LocalStorageTypeSet = LocalStorageType[];
export type LocationType = "region" | "availability-zone" | "availability-zone-id" | "outpost";
export type LockMode = "compliance" | "governance";
export interface LockSnapshotRequest {
  CoolOffPeriod?: number;
  DryRun?: boolean;
  ExpirationDate?: Date;
  LockDuration?: number;
  LockMode: LockMode;
  SnapshotId: string;
}
export interface LockSnapshotResult {
  CoolOffPeriod?: number;
  CoolOffPeriodExpiresOn?: Date;
  LockCreatedOn?: Date;
  LockDuration?: number;
  LockDurationStartTime?: Date;
  LockExpiresOn?: Date;
  LockState?: LockState;
  SnapshotId?: string;
}
export type LockState = "compliance" | "governance" | "compliance-cooloff" | "expired";
export interface LockedSnapshotsInfo {
  CoolOffPeriod?: number;
  CoolOffPeriodExpiresOn?: Date;
  LockCreatedOn?: Date;
  LockDuration?: number;
  LockDurationStartTime?: Date;
  LockExpiresOn?: Date;
  LockState?: LockState;
  OwnerId?: string;
  SnapshotId?: string;
}
export type LockedSnapshotsInfoList = LockedSnapshotsInfo[];
export interface MacModificationTask {
  InstanceId?: string;
  MacModificationTaskId?: string;
  MacSystemIntegrityProtectionConfig?: MacSystemIntegrityProtectionConfiguration;
  StartTime?: Date;
  Tags?: TagList;
  TaskState?: MacModificationTaskState;
  TaskType?: MacModificationTaskType;
}
export type MacModificationTaskIdList = string[];
export type MacModificationTaskList = MacModificationTask[];
export type MacModificationTaskState = "successful" | "failed" | "in-progress" | "pending";
export type MacModificationTaskType = "sip-modification" | "volume-ownership-delegation";
export interface MacSystemIntegrityProtectionConfiguration {
  AppleInternal?: MacSystemIntegrityProtectionSettingStatus;
  BaseSystem?: MacSystemIntegrityProtectionSettingStatus;
  DTraceRestrictions?: MacSystemIntegrityProtectionSettingStatus;
  DebuggingRestrictions?: MacSystemIntegrityProtectionSettingStatus;
  FilesystemProtections?: MacSystemIntegrityProtectionSettingStatus;
  KextSigning?: MacSystemIntegrityProtectionSettingStatus;
  NvramProtections?: MacSystemIntegrityProtectionSettingStatus;
  Status?: MacSystemIntegrityProtectionSettingStatus;
}
export interface MacSystemIntegrityProtectionConfigurationRequest {
  AppleInternal?: MacSystemIntegrityProtectionSettingStatus;
  BaseSystem?: MacSystemIntegrityProtectionSettingStatus;
  DTraceRestrictions?: MacSystemIntegrityProtectionSettingStatus;
  DebuggingRestrictions?: MacSystemIntegrityProtectionSettingStatus;
  FilesystemProtections?: MacSystemIntegrityProtectionSettingStatus;
  KextSigning?: MacSystemIntegrityProtectionSettingStatus;
  NvramProtections?: MacSystemIntegrityProtectionSettingStatus;
}
export type MacSystemIntegrityProtectionSettingStatus = "enabled" | "disabled";
export type ManagedBy = "account" | "declarative-policy";
export type MarketType = "spot" | "capacity-block" | "interruptible-capacity-reservation";
export type MarketplaceProductCodeList = string[];
export type MarketplaceProductCodeRequestList = string[];
export interface MediaAcceleratorInfo {
  Accelerators?: MediaDeviceInfoList;
  TotalMediaMemoryInMiB?: number;
}
export interface MediaDeviceInfo {
  Count?: number;
  Manufacturer?: string;
  MemoryInfo?: MediaDeviceMemoryInfo;
  Name?: string;
}
export type MediaDeviceInfoList = MediaDeviceInfo[];
export interface MediaDeviceMemoryInfo {
  SizeInMiB?: number;
}
export interface MemoryGiBPerVCpu {
  Max?: number;
  Min?: number;
}
export interface MemoryGiBPerVCpuRequest {
  Max?: number;
  Min?: number;
}
export interface MemoryInfo {
  SizeInMiB?: number;
}
export interface MemoryMiB {
  Max?: number;
  Min?: number;
}
export interface MemoryMiBRequest {
  Max?: number;
  Min: number;
}
export interface ModifyEbsDefaultKmsKeyIdRequest {
  DryRun?: boolean;
  KmsKeyId: string;
}
export interface ModifyEbsDefaultKmsKeyIdResult {
  KmsKeyId?: string;
}
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
export interface ModifyInstanceAttributeRequest {
  Attribute?: InstanceAttributeName;
  BlockDeviceMappings?: InstanceBlockDeviceMappingSpecificationList;
  DisableApiStop?: AttributeBooleanValue;
  DisableApiTermination?: AttributeBooleanValue;
  DryRun?: boolean;
  EbsOptimized?: AttributeBooleanValue;
  EnaSupport?: AttributeBooleanValue;
  Groups?: GroupIdStringList;
  InstanceId: string;
  InstanceInitiatedShutdownBehavior?: AttributeValue;
  InstanceType?: AttributeValue;
  Kernel?: AttributeValue;
  Ramdisk?: AttributeValue;
  SourceDestCheck?: AttributeBooleanValue;
  SriovNetSupport?: AttributeValue;
  UserData?: BlobAttributeValue;
  Value?: string;
}
export interface ModifyInstanceCreditSpecificationRequest {
  ClientToken?: string;
  DryRun?: boolean;
  InstanceCreditSpecifications: InstanceCreditSpecificationListRequest;
}
export interface ModifyInstanceCreditSpecificationResult {
  SuccessfulInstanceCreditSpecifications?: SuccessfulInstanceCreditSpecificationSet;
  UnsuccessfulInstanceCreditSpecifications?: UnsuccessfulInstanceCreditSpecificationSet;
}
export interface ModifyInstanceMaintenanceOptionsRequest {
  AutoRecovery?: InstanceAutoRecoveryState;
  DryRun?: boolean;
  InstanceId: string;
  RebootMigration?: InstanceRebootMigrationState;
}
export interface ModifyInstanceMaintenanceOptionsResult {
  AutoRecovery?: InstanceAutoRecoveryState;
  InstanceId?: string;
  RebootMigration?: InstanceRebootMigrationState;
}
export interface ModifyInstanceMetadataOptionsRequest {
  DryRun?: boolean;
  HttpEndpoint?: InstanceMetadataEndpointState;
  HttpProtocolIpv6?: InstanceMetadataProtocolState;
  HttpPutResponseHopLimit?: number;
  HttpTokens?: HttpTokensState;
  InstanceId: string;
  InstanceMetadataTags?: InstanceMetadataTagsState;
}
export interface ModifyInstanceMetadataOptionsResult {
  InstanceId?: string;
  InstanceMetadataOptions?: InstanceMetadataOptionsResponse;
}
export interface ModifyLaunchTemplateRequest {
  ClientToken?: string;
  DefaultVersion?: string;
  DryRun?: boolean;
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
}
export interface ModifyLaunchTemplateResult {
  LaunchTemplate?: LaunchTemplate;
}
export interface ModifyNetworkInterfaceAttributeRequest {
  AssociatePublicIpAddress?: boolean;
  AssociatedSubnetIds?: SubnetIdList;
  Attachment?: NetworkInterfaceAttachmentChanges;
  ConnectionTrackingSpecification?: ConnectionTrackingSpecificationRequest;
  Description?: AttributeValue;
  DryRun?: boolean;
  EnaSrdSpecification?: EnaSrdSpecification;
  EnablePrimaryIpv6?: boolean;
  Groups?: SecurityGroupIdStringList;
  NetworkInterfaceId: string;
  SourceDestCheck?: AttributeBooleanValue;
}
export interface ModifySecurityGroupRulesRequest {
  DryRun?: boolean;
  GroupId: string;
  SecurityGroupRules: SecurityGroupRuleUpdateList;
}
export interface ModifySecurityGroupRulesResult {
  Return?: boolean;
}
export interface ModifySnapshotAttributeRequest {
  Attribute?: SnapshotAttributeName;
  CreateVolumePermission?: CreateVolumePermissionModifications;
  DryRun?: boolean;
  GroupNames?: GroupNameStringList;
  OperationType?: OperationType;
  SnapshotId: string;
  UserIds?: UserIdStringList;
}
export interface ModifySnapshotTierRequest {
  DryRun?: boolean;
  SnapshotId: string;
  StorageTier?: TargetStorageTier;
}
export interface ModifySnapshotTierResult {
  SnapshotId?: string;
  TieringStartTime?: Date;
}
export interface ModifySubnetAttributeRequest {
  AssignIpv6AddressOnCreation?: AttributeBooleanValue;
  CustomerOwnedIpv4Pool?: string;
  DisableLniAtDeviceIndex?: AttributeBooleanValue;
  EnableDns64?: AttributeBooleanValue;
  EnableLniAtDeviceIndex?: number;
  EnableResourceNameDnsAAAARecordOnLaunch?: AttributeBooleanValue;
  EnableResourceNameDnsARecordOnLaunch?: AttributeBooleanValue;
  MapCustomerOwnedIpOnLaunch?: AttributeBooleanValue;
  MapPublicIpOnLaunch?: AttributeBooleanValue;
  PrivateDnsHostnameTypeOnLaunch?: HostnameType;
  SubnetId: string;
}
export interface ModifyVolumeAttributeRequest {
  AutoEnableIO?: AttributeBooleanValue;
  DryRun?: boolean;
  VolumeId: string;
}
export interface ModifyVolumeRequest {
  DryRun?: boolean;
  Iops?: number;
  MultiAttachEnabled?: boolean;
  Size?: number;
  Throughput?: number;
  VolumeId: string;
  VolumeType?: VolumeType;
}
export interface ModifyVolumeResult {
  VolumeModification?: VolumeModification;
}
export interface ModifyVpcAttributeRequest {
  EnableDnsHostnames?: AttributeBooleanValue;
  EnableDnsSupport?: AttributeBooleanValue;
  EnableNetworkAddressUsageMetrics?: AttributeBooleanValue;
  VpcId: string;
}
export interface MonitorInstancesRequest {
  DryRun?: boolean;
  InstanceIds: InstanceIdStringList;
}
export interface MonitorInstancesResult {
  InstanceMonitorings?: InstanceMonitoringList;
}
export interface Monitoring {
  State?: MonitoringState;
}
export type MonitoringState = "disabled" | "disabling" | "enabled" | "pending";
export type NestedVirtualizationSpecification = "enabled" | "disabled";
export interface NetworkAcl {
  Associations?: NetworkAclAssociationList;
  Entries?: NetworkAclEntryList;
  IsDefault?: boolean;
  NetworkAclId?: string;
  OwnerId?: string;
  Tags?: TagList;
  VpcId?: string;
}
export interface NetworkAclAssociation {
  NetworkAclAssociationId?: string;
  NetworkAclId?: string;
  SubnetId?: string;
}
export type NetworkAclAssociationList = NetworkAclAssociation[];
export interface NetworkAclEntry {
  CidrBlock?: string;
  Egress?: boolean;
  IcmpTypeCode?: IcmpTypeCode;
  Ipv6CidrBlock?: string;
  PortRange?: PortRange;
  Protocol?: string;
  RuleAction?: RuleAction;
  RuleNumber?: number;
}
export type NetworkAclEntryList = NetworkAclEntry[];
export type NetworkAclIdStringList = string[];
export type NetworkAclList = NetworkAcl[];
export interface NetworkBandwidthGbps {
  Max?: number;
  Min?: number;
}
export interface NetworkBandwidthGbpsRequest {
  Max?: number;
  Min?: number;
}
export interface NetworkCardInfo {
  AdditionalFlexibleNetworkInterfaces?: number;
  BaselineBandwidthInGbps?: number;
  DefaultEnaQueueCountPerInterface?: number;
  MaximumEnaQueueCount?: number;
  MaximumEnaQueueCountPerInterface?: number;
  MaximumNetworkInterfaces?: number;
  NetworkCardIndex?: number;
  NetworkPerformance?: string;
  PeakBandwidthInGbps?: number;
}
export type NetworkCardInfoList = NetworkCardInfo[];
export interface NetworkInfo {
  BandwidthWeightings?: BandwidthWeightingTypeList;
  ConnectionTrackingConfiguration?: DefaultConnectionTrackingConfiguration;
  DefaultNetworkCardIndex?: number;
  EfaInfo?: EfaInfo;
  EfaSupported?: boolean;
  EnaSrdSupported?: boolean;
  EnaSupport?: EnaSupport;
  EncryptionInTransitSupported?: boolean;
  FlexibleEnaQueuesSupport?: FlexibleEnaQueuesSupport;
  Ipv4AddressesPerInterface?: number;
  Ipv4AddressesPerSecondaryInterface?: number;
  Ipv6AddressesPerInterface?: number;
  Ipv6Supported?: boolean;
  MaximumNetworkCards?: number;
  MaximumNetworkInterfaces?: number;
  MaximumSecondaryNetworkInterfaces?: number;
  NetworkCards?: NetworkCardInfoList;
  NetworkPerformance?: string;
  SecondaryNetworkSupported?: boolean;
}
export interface NetworkInterface {
  AssociatedSubnets?: AssociatedSubnetList;
  Association?: NetworkInterfaceAssociation;
  Attachment?: NetworkInterfaceAttachment;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  ConnectionTrackingConfiguration?: ConnectionTrackingConfiguration;
  DenyAllIgwTraffic?: boolean;
  Description?: string;
  Groups?: GroupIdentifierList;
  InterfaceType?: NetworkInterfaceType;
  Ipv4Prefixes?: Ipv4PrefixesList;
  Ipv6Address?: string;
  Ipv6Addresses?: NetworkInterfaceIpv6AddressesList;
  Ipv6Native?: boolean;
  Ipv6Prefixes?: Ipv6PrefixesList;
  MacAddress?: string;
  NetworkInterfaceId?: string;
  Operator?: OperatorResponse;
  OutpostArn?: string;
  OwnerId?: string;
  PrivateDnsName?: string;
  PrivateIpAddress?: string;
  PrivateIpAddresses?: NetworkInterfacePrivateIpAddressList;
  PublicDnsName?: string;
  PublicIpDnsNameOptions?: PublicIpDnsNameOptions;
  RequesterId?: string;
  RequesterManaged?: boolean;
  SourceDestCheck?: boolean;
  Status?: NetworkInterfaceStatus;
  SubnetId?: string;
  TagSet?: TagList;
  VpcId?: string;
}
export interface NetworkInterfaceAssociation {
  AllocationId?: string;
  AssociationId?: string;
  CarrierIp?: string;
  CustomerOwnedIp?: string;
  IpOwnerId?: string;
  PublicDnsName?: string;
  PublicIp?: string;
}
export interface NetworkInterfaceAttachment {
  AttachTime?: Date;
  AttachmentId?: string;
  DeleteOnTermination?: boolean;
  DeviceIndex?: number;
  EnaQueueCount?: number;
  EnaSrdSpecification?: AttachmentEnaSrdSpecification;
  InstanceId?: string;
  InstanceOwnerId?: string;
  NetworkCardIndex?: number;
  Status?: AttachmentStatus;
}
export interface NetworkInterfaceAttachmentChanges {
  AttachmentId?: string;
  DefaultEnaQueueCount?: boolean;
  DeleteOnTermination?: boolean;
  EnaQueueCount?: number;
}
export type NetworkInterfaceAttribute = "description" | "groupSet" | "sourceDestCheck" | "attachment" | "associatePublicIpAddress";
export interface NetworkInterfaceCount {
  Max?: number;
  Min?: number;
}
export interface NetworkInterfaceCountRequest {
  Max?: number;
  Min?: number;
}
export type NetworkInterfaceCreationType = "efa" | "efa-only" | "branch" | "trunk";
export type NetworkInterfaceIdList = string[];
export interface NetworkInterfaceIpv6Address {
  Ipv6Address?: string;
  IsPrimaryIpv6?: boolean;
  PublicIpv6DnsName?: string;
}
export type NetworkInterfaceIpv6AddressesList = NetworkInterfaceIpv6Address[];
export type NetworkInterfaceList = NetworkInterface[];
export interface NetworkInterfacePrivateIpAddress {
  Association?: NetworkInterfaceAssociation;
  Primary?: boolean;
  PrivateDnsName?: string;
  PrivateIpAddress?: string;
}
export type NetworkInterfacePrivateIpAddressList = NetworkInterfacePrivateIpAddress[];
export type NetworkInterfaceStatus = "available" | "associated" | "attaching" | "in-use" | "detaching";
export type NetworkInterfaceType = "interface" | "natGateway" | "efa" | "efa-only" | "trunk" | "load_balancer" | "network_load_balancer" | "vpc_endpoint" | "branch" | "transit_gateway" | "lambda" | "quicksight" | "global_accelerator_managed" | "api_gateway_managed" | "gateway_load_balancer" | "gateway_load_balancer_endpoint" | "iot_rules_managed" | "aws_codestar_connections_managed";
export interface NeuronDeviceCoreInfo {
  Count?: number;
  Version?: number;
}
export interface NeuronDeviceInfo {
  CoreInfo?: NeuronDeviceCoreInfo;
  Count?: number;
  MemoryInfo?: NeuronDeviceMemoryInfo;
  Name?: string;
}
export type NeuronDeviceInfoList = NeuronDeviceInfo[];
export interface NeuronDeviceMemoryInfo {
  SizeInMiB?: number;
}
export interface NeuronInfo {
  NeuronDevices?: NeuronDeviceInfoList;
  TotalNeuronDeviceMemoryInMiB?: number;
}
export type NitroEnclavesSupport = "unsupported" | "supported";
export interface NitroTpmInfo {
  SupportedVersions?: NitroTpmSupportedVersionsList;
}
export type NitroTpmSupport = "unsupported" | "supported";
export type NitroTpmSupportedVersionsList = string[];
export interface OnDemandOptionsRequest {
  AllocationStrategy?: FleetOnDemandAllocationStrategy;
  CapacityReservationOptions?: CapacityReservationOptionsRequest;
  MaxTotalPrice?: string;
  MinTargetCapacity?: number;
  SingleAvailabilityZone?: boolean;
  SingleInstanceType?: boolean;
}
export type OperationType = "add" | "remove";
export interface OperatorRequest {
  Principal?: string;
}
export interface OperatorResponse {
  HiddenByDefault?: boolean;
  Managed?: boolean;
  Principal?: string;
}
export type OrganizationArnStringList = string[];
export type OrganizationalUnitArnStringList = string[];
export type OwnerStringList = string[];
export interface PerformanceFactorReference {
  InstanceFamily?: string;
}
export interface PerformanceFactorReferenceRequest {
  InstanceFamily?: string;
}
export type PerformanceFactorReferenceSet = PerformanceFactorReference[];
export type PerformanceFactorReferenceSetRequest = PerformanceFactorReferenceRequest[];
export type PermissionGroup = "all";
export type PhcSupport = "unsupported" | "supported";
export interface Placement {
  Affinity?: string;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  GroupId?: string;
  GroupName?: string;
  HostId?: string;
  HostResourceGroupArn?: string;
  PartitionNumber?: number;
  SpreadDomain?: string;
  Tenancy?: Tenancy;
}
export interface PlacementGroupInfo {
  SupportedStrategies?: PlacementGroupStrategyList;
}
export type PlacementGroupStrategy = "cluster" | "partition" | "spread";
export type PlacementGroupStrategyList = PlacementGroupStrategy[];
export interface PlacementResponse {
  GroupName?: string;
}
export type PlatformValues = "Windows";
export interface PortRange {
  From?: number;
  To?: number;
}
export interface PrefixListId {
  Description?: string;
  PrefixListId?: string;
}
export type PrefixListIdList = PrefixListId[];
export interface PrivateDnsNameOptionsOnLaunch {
  EnableResourceNameDnsAAAARecord?: boolean;
  EnableResourceNameDnsARecord?: boolean;
  HostnameType?: HostnameType;
}
export interface PrivateDnsNameOptionsRequest {
  EnableResourceNameDnsAAAARecord?: boolean;
  EnableResourceNameDnsARecord?: boolean;
  HostnameType?: HostnameType;
}
export interface PrivateDnsNameOptionsResponse {
  EnableResourceNameDnsAAAARecord?: boolean;
  EnableResourceNameDnsARecord?: boolean;
  HostnameType?: HostnameType;
}
export interface PrivateIpAddressSpecification {
  Primary?: boolean;
  PrivateIpAddress?: string;
}
export type PrivateIpAddressSpecificationList = PrivateIpAddressSpecification[];
export interface ProcessorInfo {
  Manufacturer?: string;
  SupportedArchitectures?: ArchitectureTypeList;
  SupportedFeatures?: SupportedAdditionalProcessorFeatureList;
  SustainedClockSpeedInGhz?: number;
}
export interface ProductCode {
  ProductCodeId?: string;
  ProductCodeType?: ProductCodeValues;
}
export type ProductCodeList = ProductCode[];
export type ProductCodeStringList = string[];
export type ProductCodeValues = "devpay" | "marketplace";
export type ProductDescriptionList = string[];
export interface PropagatingVgw {
  GatewayId?: string;
}
export type PropagatingVgwList = PropagatingVgw[];
export interface PtrUpdateStatus {
  Reason?: string;
  Status?: string;
  Value?: string;
}
export interface PublicIpDnsNameOptions {
  DnsHostnameType?: string;
  PublicDualStackDnsName?: string;
  PublicIpv4DnsName?: string;
  PublicIpv6DnsName?: string;
}
export type PublicIpStringList = string[];
export type RIProductDescription = "Linux/UNIX" | "Linux/UNIX (Amazon VPC)" | "Windows" | "Windows (Amazon VPC)";
export type RebootMigrationSupport = "unsupported" | "supported";
export interface ReferencedSecurityGroup {
  GroupId?: string;
  PeeringStatus?: string;
  UserId?: string;
  VpcId?: string;
  VpcPeeringConnectionId?: string;
}
export interface Region {
  Endpoint?: string;
  Geography?: RegionGeographyList;
  OptInStatus?: string;
  RegionName?: string;
}
export interface RegionGeography {
  Name?: string;
}
export type RegionGeographyList = RegionGeography[];
export type RegionList = Region[];
export type RegionNameStringList = string[];
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
export interface ReleaseAddressRequest {
  AllocationId?: string;
  DryRun?: boolean;
  NetworkBorderGroup?: string;
  PublicIp?: string;
}
export interface ReplaceIamInstanceProfileAssociationRequest {
  AssociationId: string;
  IamInstanceProfile: IamInstanceProfileSpecification;
}
export interface ReplaceIamInstanceProfileAssociationResult {
  IamInstanceProfileAssociation?: IamInstanceProfileAssociation;
}
export interface ReplaceImageCriteriaInAllowedImagesSettingsRequest {
  DryRun?: boolean;
  ImageCriteria?: ImageCriterionRequestList;
}
export interface ReplaceImageCriteriaInAllowedImagesSettingsResult {
  ReturnValue?: boolean;
}
export interface ReplaceNetworkAclAssociationRequest {
  AssociationId: string;
  DryRun?: boolean;
  NetworkAclId: string;
}
export interface ReplaceNetworkAclAssociationResult {
  NewAssociationId?: string;
}
export interface ReplaceNetworkAclEntryRequest {
  CidrBlock?: string;
  DryRun?: boolean;
  Egress: boolean;
  IcmpTypeCode?: IcmpTypeCode;
  Ipv6CidrBlock?: string;
  NetworkAclId: string;
  PortRange?: PortRange;
  Protocol: string;
  RuleAction: RuleAction;
  RuleNumber: number;
}
export interface ReplaceRootVolumeTask {
  CompleteTime?: string;
  DeleteReplacedRootVolume?: boolean;
  ImageId?: string;
  InstanceId?: string;
  ReplaceRootVolumeTaskId?: string;
  SnapshotId?: string;
  StartTime?: string;
  Tags?: TagList;
  TaskState?: ReplaceRootVolumeTaskState;
}
export type ReplaceRootVolumeTaskIds = string[];
export type ReplaceRootVolumeTaskState = "pending" | "in-progress" | "failing" | "succeeded" | "failed" | "failed-detached";
export type ReplaceRootVolumeTasks = ReplaceRootVolumeTask[];
export interface ReplaceRouteRequest {
  CarrierGatewayId?: string;
  CoreNetworkArn?: string;
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
  DryRun?: boolean;
  EgressOnlyInternetGatewayId?: string;
  GatewayId?: string;
  InstanceId?: string;
  LocalGatewayId?: string;
  LocalTarget?: boolean;
  NatGatewayId?: string;
  NetworkInterfaceId?: string;
  OdbNetworkArn?: string;
  RouteTableId: string;
  TransitGatewayId?: string;
  VpcEndpointId?: string;
  VpcPeeringConnectionId?: string;
}
export interface ReplaceRouteTableAssociationRequest {
  AssociationId: string;
  DryRun?: boolean;
  RouteTableId: string;
}
export interface ReplaceRouteTableAssociationResult {
  AssociationState?: RouteTableAssociationState;
  NewAssociationId?: string;
}
export type RequestInstanceTypeList = InstanceType[];
export interface RequestLaunchTemplateData {
  BlockDeviceMappings?: LaunchTemplateBlockDeviceMappingRequestList;
  CapacityReservationSpecification?: LaunchTemplateCapacityReservationSpecificationRequest;
  CpuOptions?: LaunchTemplateCpuOptionsRequest;
  CreditSpecification?: CreditSpecificationRequest;
  DisableApiStop?: boolean;
  DisableApiTermination?: boolean;
  EbsOptimized?: boolean;
  ElasticGpuSpecifications?: ElasticGpuSpecificationList;
  ElasticInferenceAccelerators?: LaunchTemplateElasticInferenceAcceleratorList;
  EnclaveOptions?: LaunchTemplateEnclaveOptionsRequest;
  HibernationOptions?: LaunchTemplateHibernationOptionsRequest;
  IamInstanceProfile?: LaunchTemplateIamInstanceProfileSpecificationRequest;
  ImageId?: string;
  InstanceInitiatedShutdownBehavior?: ShutdownBehavior;
  InstanceMarketOptions?: LaunchTemplateInstanceMarketOptionsRequest;
  InstanceRequirements?: InstanceRequirementsRequest;
  InstanceType?: InstanceType;
  KernelId?: string;
  KeyName?: string;
  LicenseSpecifications?: LaunchTemplateLicenseSpecificationListRequest;
  MaintenanceOptions?: LaunchTemplateInstanceMaintenanceOptionsRequest;
  MetadataOptions?: LaunchTemplateInstanceMetadataOptionsRequest;
  Monitoring?: LaunchTemplatesMonitoringRequest;
  NetworkInterfaces?: LaunchTemplateInstanceNetworkInterfaceSpecificationRequestList;
  NetworkPerformanceOptions?: LaunchTemplateNetworkPerformanceOptionsRequest;
  Operator?: OperatorRequest;
  Placement?: LaunchTemplatePlacementRequest;
  PrivateDnsNameOptions?: LaunchTemplatePrivateDnsNameOptionsRequest;
  RamDiskId?: string;
  SecondaryInterfaces?: LaunchTemplateInstanceSecondaryInterfaceSpecificationRequestList;
  SecurityGroupIds?: SecurityGroupIdStringList;
  SecurityGroups?: SecurityGroupStringList;
  TagSpecifications?: LaunchTemplateTagSpecificationRequestList;
  UserData?: string;
}
export interface Reservation {
  Groups?: GroupIdentifierList;
  Instances?: InstanceList;
  OwnerId?: string;
  RequesterId?: string;
  ReservationId?: string;
}
export type ReservationList = Reservation[];
export type ReservationTypeListRequest = FleetReservationType[];
export interface ReservedCapacityOptionsRequest {
  ReservationTypes?: ReservationTypeListRequest;
}
export interface ResetEbsDefaultKmsKeyIdRequest {
  DryRun?: boolean;
}
export interface ResetEbsDefaultKmsKeyIdResult {
  KmsKeyId?: string;
}
export type ResetImageAttributeName = "launchPermission";
export interface ResetImageAttributeRequest {
  Attribute: ResetImageAttributeName;
  DryRun?: boolean;
  ImageId: string;
}
export interface ResetSnapshotAttributeRequest {
  Attribute: SnapshotAttributeName;
  DryRun?: boolean;
  SnapshotId: string;
}
export type ResourceIdList = string[];
export type ResourceType = "capacity-reservation" | "client-vpn-endpoint" | "customer-gateway" | "carrier-gateway" | "coip-pool" | "declarative-policies-report" | "dedicated-host" | "dhcp-options" | "egress-only-internet-gateway" | "elastic-ip" | "elastic-gpu" | "export-image-task" | "export-instance-task" | "fleet" | "fpga-image" | "host-reservation" | "image" | "image-usage-report" | "import-image-task" | "import-snapshot-task" | "instance" | "instance-event-window" | "internet-gateway" | "ipam" | "ipam-pool" | "ipam-scope" | "ipv4pool-ec2" | "ipv6pool-ec2" | "key-pair" | "launch-template" | "local-gateway" | "local-gateway-route-table" | "local-gateway-virtual-interface" | "local-gateway-virtual-interface-group" | "local-gateway-route-table-vpc-association" | "local-gateway-route-table-virtual-interface-group-association" | "natgateway" | "network-acl" | "network-interface" | "network-insights-analysis" | "network-insights-path" | "network-insights-access-scope" | "network-insights-access-scope-analysis" | "outpost-lag" | "placement-group" | "prefix-list" | "replace-root-volume-task" | "reserved-instances" | "route-table" | "security-group" | "security-group-rule" | "service-link-virtual-interface" | "snapshot" | "spot-fleet-request" | "spot-instances-request" | "subnet" | "subnet-cidr-reservation" | "traffic-mirror-filter" | "traffic-mirror-session" | "traffic-mirror-target" | "transit-gateway" | "transit-gateway-attachment" | "transit-gateway-connect-peer" | "transit-gateway-multicast-domain" | "transit-gateway-policy-table" | "transit-gateway-metering-policy" | "transit-gateway-route-table" | "transit-gateway-route-table-announcement" | "volume" | "vpc" | "vpc-endpoint" | "vpc-endpoint-connection" | "vpc-endpoint-service" | "vpc-endpoint-service-permission" | "vpc-peering-connection" | "vpn-connection" | "vpn-gateway" | "vpc-flow-log" | "capacity-reservation-fleet" | "traffic-mirror-filter-rule" | "vpc-endpoint-connection-device-type" | "verified-access-instance" | "verified-access-group" | "verified-access-endpoint" | "verified-access-policy" | "verified-access-trust-provider" | "vpn-connection-device-type" | "vpc-block-public-access-exclusion" | "vpc-encryption-control" | "route-server" | "route-server-endpoint" | "route-server-peer" | "ipam-resource-discovery" | "ipam-resource-discovery-association" | "instance-connect-endpoint" | "verified-access-endpoint-target" | "ipam-external-resource-verification-token" | "capacity-block" | "mac-modification-task" | "ipam-prefix-list-resolver" | "ipam-policy" | "ipam-prefix-list-resolver-target" | "secondary-interface" | "secondary-network" | "secondary-subnet" | "capacity-manager-data-export" | "vpn-concentrator" | "ipam-pool-allocation";
export interface ResourceTypeOption {
  OptionName?: ImageReferenceOptionName;
  OptionValues?: ResourceTypeOptionValuesList;
}
export type ResourceTypeOptionList = ResourceTypeOption[];
export type ResourceTypeOptionValuesList = string[];
export interface ResourceTypeRequest {
  ResourceType?: ImageReferenceResourceType;
  ResourceTypeOptions?: ResourceTypeOptionList;
}
export type ResourceTypeRequestList = ResourceTypeRequest[];
export interface ResponseError {
  Code?: LaunchTemplateErrorCode;
  Message?: string;
}
export interface ResponseLaunchTemplateData {
  BlockDeviceMappings?: LaunchTemplateBlockDeviceMappingList;
  CapacityReservationSpecification?: LaunchTemplateCapacityReservationSpecificationResponse;
  CpuOptions?: LaunchTemplateCpuOptions;
  CreditSpecification?: CreditSpecification;
  DisableApiStop?: boolean;
  DisableApiTermination?: boolean;
  EbsOptimized?: boolean;
  ElasticGpuSpecifications?: ElasticGpuSpecificationResponseList;
  ElasticInferenceAccelerators?: LaunchTemplateElasticInferenceAcceleratorResponseList;
  EnclaveOptions?: LaunchTemplateEnclaveOptions;
  HibernationOptions?: LaunchTemplateHibernationOptions;
  IamInstanceProfile?: LaunchTemplateIamInstanceProfileSpecification;
  ImageId?: string;
  InstanceInitiatedShutdownBehavior?: ShutdownBehavior;
  InstanceMarketOptions?: LaunchTemplateInstanceMarketOptions;
  InstanceRequirements?: InstanceRequirements;
  InstanceType?: InstanceType;
  KernelId?: string;
  KeyName?: string;
  LicenseSpecifications?: LaunchTemplateLicenseList;
  MaintenanceOptions?: LaunchTemplateInstanceMaintenanceOptions;
  MetadataOptions?: LaunchTemplateInstanceMetadataOptions;
  Monitoring?: LaunchTemplatesMonitoring;
  NetworkInterfaces?: LaunchTemplateInstanceNetworkInterfaceSpecificationList;
  NetworkPerformanceOptions?: LaunchTemplateNetworkPerformanceOptions;
  Operator?: OperatorResponse;
  Placement?: LaunchTemplatePlacement;
  PrivateDnsNameOptions?: LaunchTemplatePrivateDnsNameOptions;
  RamDiskId?: string;
  SecondaryInterfaces?: LaunchTemplateInstanceSecondaryInterfaceSpecificationList;
  SecurityGroupIds?: ValueStringList;
  SecurityGroups?: ValueStringList;
  TagSpecifications?: LaunchTemplateTagSpecificationList;
  UserData?: string;
}
export type RestorableByStringList = string[];
export interface RestoreImageFromRecycleBinRequest {
  DryRun?: boolean;
  ImageId: string;
}
export interface RestoreImageFromRecycleBinResult {
  Return?: boolean;
}
export interface RestoreSnapshotFromRecycleBinRequest {
  DryRun?: boolean;
  SnapshotId: string;
}
export interface RestoreSnapshotFromRecycleBinResult {
  Description?: string;
  Encrypted?: boolean;
  OutpostArn?: string;
  OwnerId?: string;
  Progress?: string;
  SnapshotId?: string;
  SseType?: SSEType;
  StartTime?: Date;
  State?: SnapshotState;
  VolumeId?: string;
  VolumeSize?: number;
}
export interface RestoreSnapshotTierRequest {
  DryRun?: boolean;
  PermanentRestore?: boolean;
  SnapshotId: string;
  TemporaryRestoreDays?: number;
}
export interface RestoreSnapshotTierResult {
  IsPermanentRestore?: boolean;
  RestoreDuration?: number;
  RestoreStartTime?: Date;
  SnapshotId?: string;
}
export interface RestoreVolumeFromRecycleBinRequest {
  DryRun?: boolean;
  VolumeId: string;
}
export interface RestoreVolumeFromRecycleBinResult {
  Return?: boolean;
}
export interface RevokeSecurityGroupEgressRequest {
  CidrIp?: string;
  DryRun?: boolean;
  FromPort?: number;
  GroupId: string;
  IpPermissions?: IpPermissionList;
  IpProtocol?: string;
  SecurityGroupRuleIds?: SecurityGroupRuleIdList;
  SourceSecurityGroupName?: string;
  SourceSecurityGroupOwnerId?: string;
  ToPort?: number;
}
export interface RevokeSecurityGroupEgressResult {
  Return?: boolean;
  RevokedSecurityGroupRules?: RevokedSecurityGroupRuleList;
  UnknownIpPermissions?: IpPermissionList;
}
export interface RevokeSecurityGroupIngressRequest {
  CidrIp?: string;
  DryRun?: boolean;
  FromPort?: number;
  GroupId?: string;
  GroupName?: string;
  IpPermissions?: IpPermissionList;
  IpProtocol?: string;
  SecurityGroupRuleIds?: SecurityGroupRuleIdList;
  SourceSecurityGroupName?: string;
  SourceSecurityGroupOwnerId?: string;
  ToPort?: number;
}
export interface RevokeSecurityGroupIngressResult {
  Return?: boolean;
  RevokedSecurityGroupRules?: RevokedSecurityGroupRuleList;
  UnknownIpPermissions?: IpPermissionList;
}
export interface RevokedSecurityGroupRule {
  CidrIpv4?: string;
  CidrIpv6?: string;
  Description?: string;
  FromPort?: number;
  GroupId?: string;
  IpProtocol?: string;
  IsEgress?: boolean;
  PrefixListId?: string;
  ReferencedGroupId?: string;
  SecurityGroupRuleId?: string;
  ToPort?: number;
}
export type RevokedSecurityGroupRuleList = RevokedSecurityGroupRule[];
export type RootDeviceType = "ebs" | "instance-store";
export type RootDeviceTypeList = RootDeviceType[];
export interface Route {
  CarrierGatewayId?: string;
  CoreNetworkArn?: string;
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
  EgressOnlyInternetGatewayId?: string;
  GatewayId?: string;
  InstanceId?: string;
  InstanceOwnerId?: string;
  IpAddress?: string;
  LocalGatewayId?: string;
  NatGatewayId?: string;
  NetworkInterfaceId?: string;
  OdbNetworkArn?: string;
  Origin?: RouteOrigin;
  State?: RouteState;
  TransitGatewayId?: string;
  VpcPeeringConnectionId?: string;
}
export type RouteList = Route[];
export type RouteOrigin = "CreateRouteTable" | "CreateRoute" | "EnableVgwRoutePropagation" | "Advertisement";
export type RouteState = "active" | "blackhole" | "filtered";
export interface RouteTable {
  Associations?: RouteTableAssociationList;
  OwnerId?: string;
  PropagatingVgws?: PropagatingVgwList;
  RouteTableId?: string;
  Routes?: RouteList;
  Tags?: TagList;
  VpcId?: string;
}
export interface RouteTableAssociation {
  AssociationState?: RouteTableAssociationState;
  GatewayId?: string;
  Main?: boolean;
  PublicIpv4Pool?: string;
  RouteTableAssociationId?: string;
  RouteTableId?: string;
  SubnetId?: string;
}
export type RouteTableAssociationList = RouteTableAssociation[];
export interface RouteTableAssociationState {
  State?: RouteTableAssociationStateCode;
  StatusMessage?: string;
}
export type RouteTableAssociationStateCode = "associating" | "associated" | "disassociating" | "disassociated" | "failed";
export type RouteTableIdStringList = string[];
export type RouteTableList = RouteTable[];
export type RuleAction = "allow" | "deny";
export interface RunInstancesMonitoringEnabled {
  Enabled: boolean;
}
export interface RunInstancesRequest {
  AdditionalInfo?: string;
  BlockDeviceMappings?: BlockDeviceMappingRequestList;
  CapacityReservationSpecification?: CapacityReservationSpecification;
  ClientToken?: string;
  CpuOptions?: CpuOptionsRequest;
  CreditSpecification?: CreditSpecificationRequest;
  DisableApiStop?: boolean;
  DisableApiTermination?: boolean;
  DryRun?: boolean;
  EbsOptimized?: boolean;
  ElasticGpuSpecification?: ElasticGpuSpecifications;
  ElasticInferenceAccelerators?: ElasticInferenceAccelerators;
  EnablePrimaryIpv6?: boolean;
  EnclaveOptions?: EnclaveOptionsRequest;
  HibernationOptions?: HibernationOptionsRequest;
  IamInstanceProfile?: IamInstanceProfileSpecification;
  ImageId?: string;
  InstanceInitiatedShutdownBehavior?: ShutdownBehavior;
  InstanceMarketOptions?: InstanceMarketOptionsRequest;
  InstanceType?: InstanceType;
  Ipv6AddressCount?: number;
  Ipv6Addresses?: InstanceIpv6AddressList;
  KernelId?: string;
  KeyName?: string;
  LaunchTemplate?: LaunchTemplateSpecification;
  LicenseSpecifications?: LicenseSpecificationListRequest;
  MaintenanceOptions?: InstanceMaintenanceOptionsRequest;
  MaxCount: number;
  MetadataOptions?: InstanceMetadataOptionsRequest;
  MinCount: number;
  Monitoring?: RunInstancesMonitoringEnabled;
  NetworkInterfaces?: InstanceNetworkInterfaceSpecificationList;
  NetworkPerformanceOptions?: InstanceNetworkPerformanceOptionsRequest;
  Operator?: OperatorRequest;
  Placement?: Placement;
  PrivateDnsNameOptions?: PrivateDnsNameOptionsRequest;
  PrivateIpAddress?: string;
  RamdiskId?: string;
  SecondaryInterfaces?: InstanceSecondaryInterfaceSpecificationListRequest;
  SecurityGroupIds?: SecurityGroupIdStringList;
  SecurityGroups?: SecurityGroupStringList;
  SubnetId?: string;
  TagSpecifications?: TagSpecificationList;
  UserData?: string;
}
export interface S3ObjectTag {
  Key?: string;
  Value?: string;
}
export type S3ObjectTagList = S3ObjectTag[];
export type SSEType = "sse-ebs" | "sse-kms" | "none";
export interface SecondaryInterfacePrivateIpAddressSpecification {
  PrivateIpAddress?: string;
}
export type SecondaryInterfacePrivateIpAddressSpecificationList = SecondaryInterfacePrivateIpAddressSpecification[];
export type SecondaryInterfacePrivateIpAddressSpecificationListRequest = SecondaryInterfacePrivateIpAddressSpecificationRequest[];
export interface SecondaryInterfacePrivateIpAddressSpecificationRequest {
  PrivateIpAddress?: string;
}
export type SecondaryInterfaceStatus = "available" | "in-use";
export type SecondaryInterfaceType = "secondary";
export interface SecurityGroup {
  Description?: string;
  GroupId?: string;
  GroupName?: string;
  IpPermissions?: IpPermissionList;
  IpPermissionsEgress?: IpPermissionList;
  OwnerId?: string;
  SecurityGroupArn?: string;
  Tags?: TagList;
  VpcId?: string;
}
export type SecurityGroupIdStringList = string[];
export type SecurityGroupList = SecurityGroup[];
export interface SecurityGroupRule {
  CidrIpv4?: string;
  CidrIpv6?: string;
  Description?: string;
  FromPort?: number;
  GroupId?: string;
  GroupOwnerId?: string;
  IpProtocol?: string;
  IsEgress?: boolean;
  PrefixListId?: string;
  ReferencedGroupInfo?: ReferencedSecurityGroup;
  SecurityGroupRuleArn?: string;
  SecurityGroupRuleId?: string;
  Tags?: TagList;
  ToPort?: number;
}
export type SecurityGroupRuleIdList = string[];
export type SecurityGroupRuleList = SecurityGroupRule[];
export interface SecurityGroupRuleRequest {
  CidrIpv4?: string;
  CidrIpv6?: string;
  Description?: string;
  FromPort?: number;
  IpProtocol?: string;
  PrefixListId?: string;
  ReferencedGroupId?: string;
  ToPort?: number;
}
export interface SecurityGroupRuleUpdate {
  SecurityGroupRule?: SecurityGroupRuleRequest;
  SecurityGroupRuleId: string;
}
export type SecurityGroupRuleUpdateList = SecurityGroupRuleUpdate[];
export type SecurityGroupStringList = string[];
export type ServiceManaged = "alb" | "nlb" | "rnat" | "rds";
export type ShutdownBehavior = "stop" | "terminate";
export interface Snapshot {
  AvailabilityZone?: string;
  CompletionDurationMinutes?: number;
  CompletionTime?: Date;
  DataEncryptionKeyId?: string;
  Description?: string;
  Encrypted?: boolean;
  FullSnapshotSizeInBytes?: number;
  KmsKeyId?: string;
  OutpostArn?: string;
  OwnerAlias?: string;
  OwnerId?: string;
  Progress?: string;
  RestoreExpiryTime?: Date;
  SnapshotId?: string;
  SseType?: SSEType;
  StartTime?: Date;
  State?: SnapshotState;
  StateMessage?: string;
  StorageTier?: StorageTier;
  Tags?: TagList;
  TransferType?: TransferType;
  VolumeId?: string;
  VolumeSize?: number;
}
export type SnapshotAttributeName = "productCodes" | "createVolumePermission";
export type SnapshotBlockPublicAccessState = "block-all-sharing" | "block-new-sharing" | "unblocked";
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
export interface SnapshotDiskContainer {
  Description?: string;
  Format?: string;
  Url?: string;
  UserBucket?: UserBucket;
}
export type SnapshotIdStringList = string[];
export interface SnapshotInfo {
  AvailabilityZone?: string;
  Description?: string;
  Encrypted?: boolean;
  OutpostArn?: string;
  OwnerId?: string;
  Progress?: string;
  SnapshotId?: string;
  SseType?: SSEType;
  StartTime?: Date;
  State?: SnapshotState;
  Tags?: TagList;
  VolumeId?: string;
  VolumeSize?: number;
}
export type SnapshotList = Snapshot[];
export type SnapshotLocationEnum = "regional" | "local";
export interface SnapshotRecycleBinInfo {
  Description?: string;
  RecycleBinEnterTime?: Date;
  RecycleBinExitTime?: Date;
  SnapshotId?: string;
  VolumeId?: string;
}
export type SnapshotRecycleBinInfoList = SnapshotRecycleBinInfo[];
export type SnapshotReturnCodes = "success" | "skipped" | "missing-permissions" | "internal-error" | "client-error";
export type SnapshotSet = SnapshotInfo[];
export type SnapshotState = "pending" | "completed" | "error" | "recoverable" | "recovering";
export interface SnapshotTaskDetail {
  Description?: string;
  DiskImageSize?: number;
  Encrypted?: boolean;
  Format?: string;
  KmsKeyId?: string;
  Progress?: string;
  SnapshotId?: string;
  Status?: string;
  StatusMessage?: string;
  Url?: string;
  UserBucket?: UserBucketDetails;
}
export interface SnapshotTierStatus {
  ArchivalCompleteTime?: Date;
  LastTieringOperationStatus?: TieringOperationStatus;
  LastTieringOperationStatusDetail?: string;
  LastTieringProgress?: number;
  LastTieringStartTime?: Date;
  OwnerId?: string;
  RestoreExpiryTime?: Date;
  SnapshotId?: string;
  Status?: SnapshotState;
  StorageTier?: StorageTier;
  Tags?: TagList;
  VolumeId?: string;
}
export type SpotAllocationStrategy = "lowest-price" | "diversified" | "capacity-optimized" | "capacity-optimized-prioritized" | "price-capacity-optimized";
export type SpotInstanceInterruptionBehavior = "hibernate" | "stop" | "terminate";
export interface SpotInstanceRequest {
  ActualBlockHourlyPrice?: string;
  AvailabilityZoneGroup?: string;
  BlockDurationMinutes?: number;
  CreateTime?: Date;
  Fault?: SpotInstanceStateFault;
  InstanceId?: string;
  InstanceInterruptionBehavior?: InstanceInterruptionBehavior;
  LaunchGroup?: string;
  LaunchSpecification?: LaunchSpecification;
  LaunchedAvailabilityZone?: string;
  LaunchedAvailabilityZoneId?: string;
  ProductDescription?: RIProductDescription;
  SpotInstanceRequestId?: string;
  SpotPrice?: string;
  State?: SpotInstanceState;
  Status?: SpotInstanceStatus;
  Tags?: TagList;
  Type?: SpotInstanceType;
  ValidFrom?: Date;
  ValidUntil?: Date;
}
export type SpotInstanceRequestIdList = string[];
export type SpotInstanceRequestList = SpotInstanceRequest[];
export type SpotInstanceState = "open" | "active" | "closed" | "cancelled" | "failed" | "disabled";
export interface SpotInstanceStateFault {
  Code?: string;
  Message?: string;
}
export interface SpotInstanceStatus {
  Code?: string;
  Message?: string;
  UpdateTime?: Date;
}
export type SpotInstanceType = "one-time" | "persistent";
export interface SpotMarketOptions {
  BlockDurationMinutes?: number;
  InstanceInterruptionBehavior?: InstanceInterruptionBehavior;
  MaxPrice?: string;
  SpotInstanceType?: SpotInstanceType;
  ValidUntil?: Date;
}
export interface SpotOptionsRequest {
  AllocationStrategy?: SpotAllocationStrategy;
  InstanceInterruptionBehavior?: SpotInstanceInterruptionBehavior;
  InstancePoolsToUseCount?: number;
  MaintenanceStrategies?: FleetSpotMaintenanceStrategiesRequest;
  MaxTotalPrice?: string;
  MinTargetCapacity?: number;
  SingleAvailabilityZone?: boolean;
  SingleInstanceType?: boolean;
}
export interface SpotPlacement {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  GroupName?: string;
  Tenancy?: Tenancy;
}
export interface SpotPrice {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  InstanceType?: InstanceType;
  ProductDescription?: RIProductDescription;
  SpotPrice?: string;
  Timestamp?: Date;
}
export type SpotPriceHistoryList = SpotPrice[];
export interface StartInstancesRequest {
  AdditionalInfo?: string;
  DryRun?: boolean;
  InstanceIds: InstanceIdStringList;
}
export interface StartInstancesResult {
  StartingInstances?: InstanceStateChangeList;
}
export interface StateReason {
  Code?: string;
  Message?: string;
}
export type StatusName = "reachability";
export type StatusType = "passed" | "failed" | "insufficient-data" | "initializing";
export interface StopInstancesRequest {
  DryRun?: boolean;
  Force?: boolean;
  Hibernate?: boolean;
  InstanceIds: InstanceIdStringList;
  SkipOsShutdown?: boolean;
}
export interface StopInstancesResult {
  StoppingInstances?: InstanceStateChangeList;
}
export type StorageTier = "archive" | "standard";
export interface StoreImageTaskResult {
  AmiId?: string;
  Bucket?: string;
  ProgressPercentage?: number;
  S3objectKey?: string;
  StoreTaskFailureReason?: string;
  StoreTaskState?: string;
  TaskStartTime?: Date;
}
export type StoreImageTaskResultSet = StoreImageTaskResult[];
export interface Subnet {
  AssignIpv6AddressOnCreation?: boolean;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  AvailableIpAddressCount?: number;
  BlockPublicAccessStates?: BlockPublicAccessStates;
  CidrBlock?: string;
  CustomerOwnedIpv4Pool?: string;
  DefaultForAz?: boolean;
  EnableDns64?: boolean;
  EnableLniAtDeviceIndex?: number;
  Ipv6CidrBlockAssociationSet?: SubnetIpv6CidrBlockAssociationSet;
  Ipv6Native?: boolean;
  MapCustomerOwnedIpOnLaunch?: boolean;
  MapPublicIpOnLaunch?: boolean;
  OutpostArn?: string;
  OwnerId?: string;
  PrivateDnsNameOptionsOnLaunch?: PrivateDnsNameOptionsOnLaunch;
  State?: SubnetState;
  SubnetArn?: string;
  SubnetId?: string;
  Tags?: TagList;
  Type?: string;
  VpcId?: string;
}
export interface SubnetCidrBlockState {
  State?: SubnetCidrBlockStateCode;
  StatusMessage?: string;
}
export type SubnetCidrBlockStateCode = "associating" | "associated" | "disassociating" | "disassociated" | "failing" | "failed";
export type SubnetIdList = string[];
export type SubnetIdStringList = string[];
export interface SubnetIpv6CidrBlockAssociation {
  AssociationId?: string;
  IpSource?: IpSource;
  Ipv6AddressAttribute?: Ipv6AddressAttribute;
  Ipv6CidrBlock?: string;
  Ipv6CidrBlockState?: SubnetCidrBlockState;
}
export type SubnetIpv6CidrBlockAssociationSet = SubnetIpv6CidrBlockAssociation[];
export type SubnetList = Subnet[];
export type SubnetState = "pending" | "available" | "unavailable" | "failed" | "failed-insufficient-capacity";
export interface SuccessfulInstanceCreditSpecificationItem {
  InstanceId?: string;
}
export type SuccessfulInstanceCreditSpecificationSet = SuccessfulInstanceCreditSpecificationItem[];
export type SummaryStatus = "ok" | "impaired" | "insufficient-data" | "not-applicable" | "initializing";
export type SupportedAdditionalProcessorFeature = "amd-sev-snp" | "nested-virtualization";
export type SupportedAdditionalProcessorFeatureList = SupportedAdditionalProcessorFeature[];
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
export interface TargetCapacitySpecificationRequest {
  DefaultTargetCapacityType?: DefaultTargetCapacityType;
  OnDemandTargetCapacity?: number;
  SpotTargetCapacity?: number;
  TargetCapacityUnitType?: TargetCapacityUnitType;
  TotalTargetCapacity: number;
}
export type TargetCapacityUnitType = "vcpu" | "memory-mib" | "units";
export type TargetStorageTier = "archive";
export type Tenancy = "default" | "dedicated" | "host";
export interface TerminateInstancesRequest {
  DryRun?: boolean;
  Force?: boolean;
  InstanceIds: InstanceIdStringList;
  SkipOsShutdown?: boolean;
}
export interface TerminateInstancesResult {
  TerminatingInstances?: InstanceStateChangeList;
}
export type ThreadsPerCoreList = number[];
export type TieringOperationStatus = "archival-in-progress" | "archival-completed" | "archival-failed" | "temporary-restore-in-progress" | "temporary-restore-completed" | "temporary-restore-failed" | "permanent-restore-in-progress" | "permanent-restore-completed" | "permanent-restore-failed";
export interface TotalLocalStorageGB {
  Max?: number;
  Min?: number;
}
export interface TotalLocalStorageGBRequest {
  Max?: number;
  Min?: number;
}
export type TpmSupportValues = "v2.0";
export type TransferType = "time-based" | "standard";
export interface UnlockSnapshotRequest {
  DryRun?: boolean;
  SnapshotId: string;
}
export interface UnlockSnapshotResult {
  SnapshotId?: string;
}
export interface UnmonitorInstancesRequest {
  DryRun?: boolean;
  InstanceIds: InstanceIdStringList;
}
export interface UnmonitorInstancesResult {
  InstanceMonitorings?: InstanceMonitoringList;
}
export type UnsuccessfulInstanceCreditSpecificationErrorCode = "InvalidInstanceID.Malformed" | "InvalidInstanceID.NotFound" | "IncorrectInstanceState" | "InstanceCreditSpecification.NotSupported";
export interface UnsuccessfulInstanceCreditSpecificationItem {
  Error?: UnsuccessfulInstanceCreditSpecificationItemError;
  InstanceId?: string;
}
export interface UnsuccessfulInstanceCreditSpecificationItemError {
  Code?: UnsuccessfulInstanceCreditSpecificationErrorCode;
  Message?: string;
}
export type UnsuccessfulInstanceCreditSpecificationSet = UnsuccessfulInstanceCreditSpecificationItem[];
export type UsageClassType = "spot" | "on-demand" | "capacity-block";
export type UsageClassTypeList = UsageClassType[];
export interface UserBucket {
  S3Bucket?: string;
  S3Key?: string;
}
export interface UserBucketDetails {
  S3Bucket?: string;
  S3Key?: string;
}
export type UserGroupStringList = string[];
export interface UserIdGroupPair {
  Description?: string;
  GroupId?: string;
  GroupName?: string;
  PeeringStatus?: string;
  UserId?: string;
  VpcId?: string;
  VpcPeeringConnectionId?: string;
}
export type UserIdGroupPairList = UserIdGroupPair[];
export type UserIdList = string[];
export type UserIdStringList = string[];
export interface VCpuCountRange {
  Max?: number;
  Min?: number;
}
export interface VCpuCountRangeRequest {
  Max?: number;
  Min: number;
}
export interface VCpuInfo {
  DefaultCores?: number;
  DefaultThreadsPerCore?: number;
  DefaultVCpus?: number;
  ValidCores?: CoreCountList;
  ValidThreadsPerCore?: ThreadsPerCoreList;
}
export interface ValidationError {
  Code?: string;
  Message?: string;
}
export interface ValidationWarning {
  Errors?: ErrorSet;
}
export type ValueStringList = string[];
export type VersionStringList = string[];
export type VirtualizationType = "hvm" | "paravirtual";
export type VirtualizationTypeList = VirtualizationType[];
export interface Volume {
  Attachments?: VolumeAttachmentList;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  CreateTime?: Date;
  Encrypted?: boolean;
  FastRestored?: boolean;
  Iops?: number;
  KmsKeyId?: string;
  MultiAttachEnabled?: boolean;
  Operator?: OperatorResponse;
  OutpostArn?: string;
  Size?: number;
  SnapshotId?: string;
  SourceVolumeId?: string;
  SseType?: SSEType;
  State?: VolumeState;
  Tags?: TagList;
  Throughput?: number;
  VolumeId?: string;
  VolumeInitializationRate?: number;
  VolumeType?: VolumeType;
}
export interface VolumeAttachment {
  AssociatedResource?: string;
  AttachTime?: Date;
  DeleteOnTermination?: boolean;
  Device?: string;
  EbsCardIndex?: number;
  InstanceId?: string;
  InstanceOwningService?: string;
  State?: VolumeAttachmentState;
  VolumeId?: string;
}
export type VolumeAttachmentList = VolumeAttachment[];
export type VolumeAttachmentState = "attaching" | "attached" | "detaching" | "detached" | "busy";
export type VolumeAttributeName = "autoEnableIO" | "productCodes";
export interface VolumeDetail {
  Size: number;
}
export type VolumeIdStringList = string[];
export type VolumeList = Volume[];
export interface VolumeModification {
  EndTime?: Date;
  ModificationState?: VolumeModificationState;
  Operator?: OperatorResponse;
  OriginalIops?: number;
  OriginalMultiAttachEnabled?: boolean;
  OriginalSize?: number;
  OriginalThroughput?: number;
  OriginalVolumeType?: VolumeType;
  Progress?: number;
  StartTime?: Date;
  StatusMessage?: string;
  TargetIops?: number;
  TargetMultiAttachEnabled?: boolean;
  TargetSize?: number;
  TargetThroughput?: number;
  TargetVolumeType?: VolumeType;
  VolumeId?: string;
}
export type VolumeModificationList = VolumeModification[];
export type VolumeModificationState = "modifying" | "optimizing" | "completed" | "failed";
export interface VolumeRecycleBinInfo {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  CreateTime?: Date;
  Iops?: number;
  Operator?: OperatorResponse;
  OutpostArn?: string;
  RecycleBinEnterTime?: Date;
  RecycleBinExitTime?: Date;
  Size?: number;
  SnapshotId?: string;
  SourceVolumeId?: string;
  State?: VolumeState;
  Throughput?: number;
  VolumeId?: string;
  VolumeType?: VolumeType;
}
export type VolumeRecycleBinInfoList = VolumeRecycleBinInfo[];
export type VolumeState = "creating" | "available" | "in-use" | "deleting" | "deleted" | "error";
export interface VolumeStatusAction {
  Code?: string;
  Description?: string;
  EventId?: string;
  EventType?: string;
}
export type VolumeStatusActionsList = VolumeStatusAction[];
export interface VolumeStatusAttachmentStatus {
  InstanceId?: string;
  IoPerformance?: string;
}
export type VolumeStatusAttachmentStatusList = VolumeStatusAttachmentStatus[];
export interface VolumeStatusDetails {
  Name?: VolumeStatusName;
  Status?: string;
}
export type VolumeStatusDetailsList = VolumeStatusDetails[];
export interface VolumeStatusEvent {
  Description?: string;
  EventId?: string;
  EventType?: string;
  InstanceId?: string;
  NotAfter?: Date;
  NotBefore?: Date;
}
export type VolumeStatusEventsList = VolumeStatusEvent[];
export interface VolumeStatusInfo {
  Details?: VolumeStatusDetailsList;
  Status?: VolumeStatusInfoStatus;
}
export type VolumeStatusInfoStatus = "ok" | "impaired" | "insufficient-data" | "warning";
export interface VolumeStatusItem {
  Actions?: VolumeStatusActionsList;
  AttachmentStatuses?: VolumeStatusAttachmentStatusList;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  Events?: VolumeStatusEventsList;
  InitializationStatusDetails?: InitializationStatusDetails;
  Operator?: OperatorResponse;
  OutpostArn?: string;
  VolumeId?: string;
  VolumeStatus?: VolumeStatusInfo;
}
export type VolumeStatusList = VolumeStatusItem[];
export type VolumeStatusName = "io-enabled" | "io-performance" | "initialization-state";
export type VolumeType = "standard" | "io1" | "io2" | "gp2" | "sc1" | "st1" | "gp3";
export interface Vpc {
  BlockPublicAccessStates?: BlockPublicAccessStates;
  CidrBlock?: string;
  CidrBlockAssociationSet?: VpcCidrBlockAssociationSet;
  DhcpOptionsId?: string;
  EncryptionControl?: VpcEncryptionControl;
  InstanceTenancy?: Tenancy;
  Ipv6CidrBlockAssociationSet?: VpcIpv6CidrBlockAssociationSet;
  IsDefault?: boolean;
  OwnerId?: string;
  State?: VpcState;
  Tags?: TagList;
  VpcId?: string;
}
export type VpcAttributeName = "enableDnsSupport" | "enableDnsHostnames" | "enableNetworkAddressUsageMetrics";
export interface VpcCidrBlockAssociation {
  AssociationId?: string;
  CidrBlock?: string;
  CidrBlockState?: VpcCidrBlockState;
}
export type VpcCidrBlockAssociationSet = VpcCidrBlockAssociation[];
export interface VpcCidrBlockState {
  State?: VpcCidrBlockStateCode;
  StatusMessage?: string;
}
export type VpcCidrBlockStateCode = "associating" | "associated" | "disassociating" | "disassociated" | "failing" | "failed";
export interface VpcClassicLink {
  ClassicLinkEnabled?: boolean;
  Tags?: TagList;
  VpcId?: string;
}
export type VpcClassicLinkIdList = string[];
export type VpcClassicLinkList = VpcClassicLink[];
export interface VpcEncryptionControl {
  Mode?: VpcEncryptionControlMode;
  ResourceExclusions?: VpcEncryptionControlExclusions;
  State?: VpcEncryptionControlState;
  StateMessage?: string;
  Tags?: TagList;
  VpcEncryptionControlId?: string;
  VpcId?: string;
}
export interface VpcEncryptionControlConfiguration {
  EgressOnlyInternetGatewayExclusion?: VpcEncryptionControlExclusionStateInput;
  ElasticFileSystemExclusion?: VpcEncryptionControlExclusionStateInput;
  InternetGatewayExclusion?: VpcEncryptionControlExclusionStateInput;
  LambdaExclusion?: VpcEncryptionControlExclusionStateInput;
  Mode: VpcEncryptionControlMode;
  NatGatewayExclusion?: VpcEncryptionControlExclusionStateInput;
  VirtualPrivateGatewayExclusion?: VpcEncryptionControlExclusionStateInput;
  VpcLatticeExclusion?: VpcEncryptionControlExclusionStateInput;
  VpcPeeringExclusion?: VpcEncryptionControlExclusionStateInput;
}
export interface VpcEncryptionControlExclusion {
  State?: VpcEncryptionControlExclusionState;
  StateMessage?: string;
}
export type VpcEncryptionControlExclusionState = "enabling" | "enabled" | "disabling" | "disabled";
export type VpcEncryptionControlExclusionStateInput = "enable" | "disable";
export interface VpcEncryptionControlExclusions {
  EgressOnlyInternetGateway?: VpcEncryptionControlExclusion;
  ElasticFileSystem?: VpcEncryptionControlExclusion;
  InternetGateway?: VpcEncryptionControlExclusion;
  Lambda?: VpcEncryptionControlExclusion;
  NatGateway?: VpcEncryptionControlExclusion;
  VirtualPrivateGateway?: VpcEncryptionControlExclusion;
  VpcLattice?: VpcEncryptionControlExclusion;
  VpcPeering?: VpcEncryptionControlExclusion;
}
export type VpcEncryptionControlMode = "monitor" | "enforce";
export type VpcEncryptionControlState = "enforce-in-progress" | "monitor-in-progress" | "enforce-failed" | "monitor-failed" | "deleting" | "deleted" | "available" | "creating" | "delete-failed";
export type VpcIdStringList = string[];
export interface VpcIpv6CidrBlockAssociation {
  AssociationId?: string;
  IpSource?: IpSource;
  Ipv6AddressAttribute?: Ipv6AddressAttribute;
  Ipv6CidrBlock?: string;
  Ipv6CidrBlockState?: VpcCidrBlockState;
  Ipv6Pool?: string;
  NetworkBorderGroup?: string;
}
export type VpcIpv6CidrBlockAssociationSet = VpcIpv6CidrBlockAssociation[];
export type VpcList = Vpc[];
export type VpcState = "pending" | "available";
export type WorkloadsList = string[];
export type ZoneIdStringList = string[];
export type ZoneNameStringList = string[];
export type snapshotTierStatusSet = SnapshotTierStatus[];

/** The operations imagelite serves for ec2: each handler gets the parsed, validated input. */
export interface Ec2Handlers {
  AllocateAddress(ctx: RequestContext, input: AllocateAddressRequest): AllocateAddressResult;
  AssociateAddress(ctx: RequestContext, input: AssociateAddressRequest): AssociateAddressResult;
  AssociateIamInstanceProfile(ctx: RequestContext, input: AssociateIamInstanceProfileRequest): AssociateIamInstanceProfileResult;
  AssociateRouteTable(ctx: RequestContext, input: AssociateRouteTableRequest): AssociateRouteTableResult;
  AttachInternetGateway(ctx: RequestContext, input: AttachInternetGatewayRequest): void;
  AttachNetworkInterface(ctx: RequestContext, input: AttachNetworkInterfaceRequest): AttachNetworkInterfaceResult;
  AttachVolume(ctx: RequestContext, input: AttachVolumeRequest): VolumeAttachment;
  AuthorizeSecurityGroupEgress(ctx: RequestContext, input: AuthorizeSecurityGroupEgressRequest): AuthorizeSecurityGroupEgressResult;
  AuthorizeSecurityGroupIngress(ctx: RequestContext, input: AuthorizeSecurityGroupIngressRequest): AuthorizeSecurityGroupIngressResult;
  CancelConversionTask(ctx: RequestContext, input: CancelConversionRequest): void;
  CancelExportTask(ctx: RequestContext, input: CancelExportTaskRequest): void;
  CancelImageLaunchPermission(ctx: RequestContext, input: CancelImageLaunchPermissionRequest): CancelImageLaunchPermissionResult;
  CancelImportTask(ctx: RequestContext, input: CancelImportTaskRequest): CancelImportTaskResult;
  CopyImage(ctx: RequestContext, input: CopyImageRequest): CopyImageResult;
  CopySnapshot(ctx: RequestContext, input: CopySnapshotRequest): CopySnapshotResult;
  CopyVolumes(ctx: RequestContext, input: CopyVolumesRequest): CopyVolumesResult;
  CreateDefaultVpc(ctx: RequestContext, input: CreateDefaultVpcRequest): CreateDefaultVpcResult;
  CreateDelegateMacVolumeOwnershipTask(ctx: RequestContext, input: CreateDelegateMacVolumeOwnershipTaskRequest): CreateDelegateMacVolumeOwnershipTaskResult;
  CreateFleet(ctx: RequestContext, input: CreateFleetRequest): CreateFleetResult;
  CreateImage(ctx: RequestContext, input: CreateImageRequest): CreateImageResult;
  CreateImageUsageReport(ctx: RequestContext, input: CreateImageUsageReportRequest): CreateImageUsageReportResult;
  CreateInternetGateway(ctx: RequestContext, input: CreateInternetGatewayRequest): CreateInternetGatewayResult;
  CreateKeyPair(ctx: RequestContext, input: CreateKeyPairRequest): KeyPair;
  CreateLaunchTemplate(ctx: RequestContext, input: CreateLaunchTemplateRequest): CreateLaunchTemplateResult;
  CreateLaunchTemplateVersion(ctx: RequestContext, input: CreateLaunchTemplateVersionRequest): CreateLaunchTemplateVersionResult;
  CreateMacSystemIntegrityProtectionModificationTask(ctx: RequestContext, input: CreateMacSystemIntegrityProtectionModificationTaskRequest): CreateMacSystemIntegrityProtectionModificationTaskResult;
  CreateNetworkAcl(ctx: RequestContext, input: CreateNetworkAclRequest): CreateNetworkAclResult;
  CreateNetworkAclEntry(ctx: RequestContext, input: CreateNetworkAclEntryRequest): void;
  CreateNetworkInterface(ctx: RequestContext, input: CreateNetworkInterfaceRequest): CreateNetworkInterfaceResult;
  CreateReplaceRootVolumeTask(ctx: RequestContext, input: CreateReplaceRootVolumeTaskRequest): CreateReplaceRootVolumeTaskResult;
  CreateRestoreImageTask(ctx: RequestContext, input: CreateRestoreImageTaskRequest): CreateRestoreImageTaskResult;
  CreateRoute(ctx: RequestContext, input: CreateRouteRequest): CreateRouteResult;
  CreateRouteTable(ctx: RequestContext, input: CreateRouteTableRequest): CreateRouteTableResult;
  CreateSecurityGroup(ctx: RequestContext, input: CreateSecurityGroupRequest): CreateSecurityGroupResult;
  CreateSnapshot(ctx: RequestContext, input: CreateSnapshotRequest): Snapshot;
  CreateSnapshots(ctx: RequestContext, input: CreateSnapshotsRequest): CreateSnapshotsResult;
  CreateStoreImageTask(ctx: RequestContext, input: CreateStoreImageTaskRequest): CreateStoreImageTaskResult;
  CreateSubnet(ctx: RequestContext, input: CreateSubnetRequest): CreateSubnetResult;
  CreateTags(ctx: RequestContext, input: CreateTagsRequest): void;
  CreateVolume(ctx: RequestContext, input: CreateVolumeRequest): Volume;
  CreateVpc(ctx: RequestContext, input: CreateVpcRequest): CreateVpcResult;
  DeleteFleets(ctx: RequestContext, input: DeleteFleetsRequest): DeleteFleetsResult;
  DeleteImageUsageReport(ctx: RequestContext, input: DeleteImageUsageReportRequest): DeleteImageUsageReportResult;
  DeleteInternetGateway(ctx: RequestContext, input: DeleteInternetGatewayRequest): void;
  DeleteKeyPair(ctx: RequestContext, input: DeleteKeyPairRequest): DeleteKeyPairResult;
  DeleteLaunchTemplate(ctx: RequestContext, input: DeleteLaunchTemplateRequest): DeleteLaunchTemplateResult;
  DeleteLaunchTemplateVersions(ctx: RequestContext, input: DeleteLaunchTemplateVersionsRequest): DeleteLaunchTemplateVersionsResult;
  DeleteNetworkAcl(ctx: RequestContext, input: DeleteNetworkAclRequest): void;
  DeleteNetworkAclEntry(ctx: RequestContext, input: DeleteNetworkAclEntryRequest): void;
  DeleteNetworkInterface(ctx: RequestContext, input: DeleteNetworkInterfaceRequest): void;
  DeleteRoute(ctx: RequestContext, input: DeleteRouteRequest): void;
  DeleteRouteTable(ctx: RequestContext, input: DeleteRouteTableRequest): void;
  DeleteSecurityGroup(ctx: RequestContext, input: DeleteSecurityGroupRequest): DeleteSecurityGroupResult;
  DeleteSnapshot(ctx: RequestContext, input: DeleteSnapshotRequest): void;
  DeleteSubnet(ctx: RequestContext, input: DeleteSubnetRequest): void;
  DeleteTags(ctx: RequestContext, input: DeleteTagsRequest): void;
  DeleteVolume(ctx: RequestContext, input: DeleteVolumeRequest): void;
  DeleteVpc(ctx: RequestContext, input: DeleteVpcRequest): void;
  DeregisterImage(ctx: RequestContext, input: DeregisterImageRequest): DeregisterImageResult;
  DescribeAccountAttributes(ctx: RequestContext, input: DescribeAccountAttributesRequest): DescribeAccountAttributesResult;
  DescribeAddresses(ctx: RequestContext, input: DescribeAddressesRequest): DescribeAddressesResult;
  DescribeAddressesAttribute(ctx: RequestContext, input: DescribeAddressesAttributeRequest): DescribeAddressesAttributeResult;
  DescribeAvailabilityZones(ctx: RequestContext, input: DescribeAvailabilityZonesRequest): DescribeAvailabilityZonesResult;
  DescribeConversionTasks(ctx: RequestContext, input: DescribeConversionTasksRequest): DescribeConversionTasksResult;
  DescribeExportImageTasks(ctx: RequestContext, input: DescribeExportImageTasksRequest): DescribeExportImageTasksResult;
  DescribeFastLaunchImages(ctx: RequestContext, input: DescribeFastLaunchImagesRequest): DescribeFastLaunchImagesResult;
  DescribeFastSnapshotRestores(ctx: RequestContext, input: DescribeFastSnapshotRestoresRequest): DescribeFastSnapshotRestoresResult;
  DescribeIamInstanceProfileAssociations(ctx: RequestContext, input: DescribeIamInstanceProfileAssociationsRequest): DescribeIamInstanceProfileAssociationsResult;
  DescribeImageAttribute(ctx: RequestContext, input: DescribeImageAttributeRequest): ImageAttribute;
  DescribeImageReferences(ctx: RequestContext, input: DescribeImageReferencesRequest): DescribeImageReferencesResult;
  DescribeImageUsageReportEntries(ctx: RequestContext, input: DescribeImageUsageReportEntriesRequest): DescribeImageUsageReportEntriesResult;
  DescribeImageUsageReports(ctx: RequestContext, input: DescribeImageUsageReportsRequest): DescribeImageUsageReportsResult;
  DescribeImages(ctx: RequestContext, input: DescribeImagesRequest): DescribeImagesResult;
  DescribeImportImageTasks(ctx: RequestContext, input: DescribeImportImageTasksRequest): DescribeImportImageTasksResult;
  DescribeImportSnapshotTasks(ctx: RequestContext, input: DescribeImportSnapshotTasksRequest): DescribeImportSnapshotTasksResult;
  DescribeInstanceAttribute(ctx: RequestContext, input: DescribeInstanceAttributeRequest): InstanceAttribute;
  DescribeInstanceCreditSpecifications(ctx: RequestContext, input: DescribeInstanceCreditSpecificationsRequest): DescribeInstanceCreditSpecificationsResult;
  DescribeInstanceImageMetadata(ctx: RequestContext, input: DescribeInstanceImageMetadataRequest): DescribeInstanceImageMetadataResult;
  DescribeInstanceStatus(ctx: RequestContext, input: DescribeInstanceStatusRequest): DescribeInstanceStatusResult;
  DescribeInstanceTypeOfferings(ctx: RequestContext, input: DescribeInstanceTypeOfferingsRequest): DescribeInstanceTypeOfferingsResult;
  DescribeInstanceTypes(ctx: RequestContext, input: DescribeInstanceTypesRequest): DescribeInstanceTypesResult;
  DescribeInstances(ctx: RequestContext, input: DescribeInstancesRequest): DescribeInstancesResult;
  DescribeInternetGateways(ctx: RequestContext, input: DescribeInternetGatewaysRequest): DescribeInternetGatewaysResult;
  DescribeKeyPairs(ctx: RequestContext, input: DescribeKeyPairsRequest): DescribeKeyPairsResult;
  DescribeLaunchTemplateVersions(ctx: RequestContext, input: DescribeLaunchTemplateVersionsRequest): DescribeLaunchTemplateVersionsResult;
  DescribeLaunchTemplates(ctx: RequestContext, input: DescribeLaunchTemplatesRequest): DescribeLaunchTemplatesResult;
  DescribeLockedSnapshots(ctx: RequestContext, input: DescribeLockedSnapshotsRequest): DescribeLockedSnapshotsResult;
  DescribeMacModificationTasks(ctx: RequestContext, input: DescribeMacModificationTasksRequest): DescribeMacModificationTasksResult;
  DescribeNetworkAcls(ctx: RequestContext, input: DescribeNetworkAclsRequest): DescribeNetworkAclsResult;
  DescribeNetworkInterfaceAttribute(ctx: RequestContext, input: DescribeNetworkInterfaceAttributeRequest): DescribeNetworkInterfaceAttributeResult;
  DescribeNetworkInterfaces(ctx: RequestContext, input: DescribeNetworkInterfacesRequest): DescribeNetworkInterfacesResult;
  DescribeRegions(ctx: RequestContext, input: DescribeRegionsRequest): DescribeRegionsResult;
  DescribeReplaceRootVolumeTasks(ctx: RequestContext, input: DescribeReplaceRootVolumeTasksRequest): DescribeReplaceRootVolumeTasksResult;
  DescribeRouteTables(ctx: RequestContext, input: DescribeRouteTablesRequest): DescribeRouteTablesResult;
  DescribeSecurityGroupRules(ctx: RequestContext, input: DescribeSecurityGroupRulesRequest): DescribeSecurityGroupRulesResult;
  DescribeSecurityGroups(ctx: RequestContext, input: DescribeSecurityGroupsRequest): DescribeSecurityGroupsResult;
  DescribeSnapshotAttribute(ctx: RequestContext, input: DescribeSnapshotAttributeRequest): DescribeSnapshotAttributeResult;
  DescribeSnapshotTierStatus(ctx: RequestContext, input: DescribeSnapshotTierStatusRequest): DescribeSnapshotTierStatusResult;
  DescribeSnapshots(ctx: RequestContext, input: DescribeSnapshotsRequest): DescribeSnapshotsResult;
  DescribeSpotInstanceRequests(ctx: RequestContext, input: DescribeSpotInstanceRequestsRequest): DescribeSpotInstanceRequestsResult;
  DescribeSpotPriceHistory(ctx: RequestContext, input: DescribeSpotPriceHistoryRequest): DescribeSpotPriceHistoryResult;
  DescribeStoreImageTasks(ctx: RequestContext, input: DescribeStoreImageTasksRequest): DescribeStoreImageTasksResult;
  DescribeSubnets(ctx: RequestContext, input: DescribeSubnetsRequest): DescribeSubnetsResult;
  DescribeTags(ctx: RequestContext, input: DescribeTagsRequest): DescribeTagsResult;
  DescribeVolumeAttribute(ctx: RequestContext, input: DescribeVolumeAttributeRequest): DescribeVolumeAttributeResult;
  DescribeVolumeStatus(ctx: RequestContext, input: DescribeVolumeStatusRequest): DescribeVolumeStatusResult;
  DescribeVolumes(ctx: RequestContext, input: DescribeVolumesRequest): DescribeVolumesResult;
  DescribeVolumesModifications(ctx: RequestContext, input: DescribeVolumesModificationsRequest): DescribeVolumesModificationsResult;
  DescribeVpcAttribute(ctx: RequestContext, input: DescribeVpcAttributeRequest): DescribeVpcAttributeResult;
  DescribeVpcClassicLink(ctx: RequestContext, input: DescribeVpcClassicLinkRequest): DescribeVpcClassicLinkResult;
  DescribeVpcClassicLinkDnsSupport(ctx: RequestContext, input: DescribeVpcClassicLinkDnsSupportRequest): DescribeVpcClassicLinkDnsSupportResult;
  DescribeVpcs(ctx: RequestContext, input: DescribeVpcsRequest): DescribeVpcsResult;
  DetachInternetGateway(ctx: RequestContext, input: DetachInternetGatewayRequest): void;
  DetachNetworkInterface(ctx: RequestContext, input: DetachNetworkInterfaceRequest): void;
  DetachVolume(ctx: RequestContext, input: DetachVolumeRequest): VolumeAttachment;
  DisableAllowedImagesSettings(ctx: RequestContext, input: DisableAllowedImagesSettingsRequest): DisableAllowedImagesSettingsResult;
  DisableEbsEncryptionByDefault(ctx: RequestContext, input: DisableEbsEncryptionByDefaultRequest): DisableEbsEncryptionByDefaultResult;
  DisableFastLaunch(ctx: RequestContext, input: DisableFastLaunchRequest): DisableFastLaunchResult;
  DisableFastSnapshotRestores(ctx: RequestContext, input: DisableFastSnapshotRestoresRequest): DisableFastSnapshotRestoresResult;
  DisableImage(ctx: RequestContext, input: DisableImageRequest): DisableImageResult;
  DisableImageBlockPublicAccess(ctx: RequestContext, input: DisableImageBlockPublicAccessRequest): DisableImageBlockPublicAccessResult;
  DisableImageDeprecation(ctx: RequestContext, input: DisableImageDeprecationRequest): DisableImageDeprecationResult;
  DisableImageDeregistrationProtection(ctx: RequestContext, input: DisableImageDeregistrationProtectionRequest): DisableImageDeregistrationProtectionResult;
  DisableSnapshotBlockPublicAccess(ctx: RequestContext, input: DisableSnapshotBlockPublicAccessRequest): DisableSnapshotBlockPublicAccessResult;
  DisassociateAddress(ctx: RequestContext, input: DisassociateAddressRequest): void;
  DisassociateIamInstanceProfile(ctx: RequestContext, input: DisassociateIamInstanceProfileRequest): DisassociateIamInstanceProfileResult;
  DisassociateRouteTable(ctx: RequestContext, input: DisassociateRouteTableRequest): void;
  EnableAllowedImagesSettings(ctx: RequestContext, input: EnableAllowedImagesSettingsRequest): EnableAllowedImagesSettingsResult;
  EnableEbsEncryptionByDefault(ctx: RequestContext, input: EnableEbsEncryptionByDefaultRequest): EnableEbsEncryptionByDefaultResult;
  EnableFastLaunch(ctx: RequestContext, input: EnableFastLaunchRequest): EnableFastLaunchResult;
  EnableFastSnapshotRestores(ctx: RequestContext, input: EnableFastSnapshotRestoresRequest): EnableFastSnapshotRestoresResult;
  EnableImage(ctx: RequestContext, input: EnableImageRequest): EnableImageResult;
  EnableImageBlockPublicAccess(ctx: RequestContext, input: EnableImageBlockPublicAccessRequest): EnableImageBlockPublicAccessResult;
  EnableImageDeprecation(ctx: RequestContext, input: EnableImageDeprecationRequest): EnableImageDeprecationResult;
  EnableImageDeregistrationProtection(ctx: RequestContext, input: EnableImageDeregistrationProtectionRequest): EnableImageDeregistrationProtectionResult;
  EnableSnapshotBlockPublicAccess(ctx: RequestContext, input: EnableSnapshotBlockPublicAccessRequest): EnableSnapshotBlockPublicAccessResult;
  EnableVolumeIO(ctx: RequestContext, input: EnableVolumeIORequest): void;
  ExportImage(ctx: RequestContext, input: ExportImageRequest): ExportImageResult;
  GetAllowedImagesSettings(ctx: RequestContext, input: GetAllowedImagesSettingsRequest): GetAllowedImagesSettingsResult;
  GetEbsDefaultKmsKeyId(ctx: RequestContext, input: GetEbsDefaultKmsKeyIdRequest): GetEbsDefaultKmsKeyIdResult;
  GetEbsEncryptionByDefault(ctx: RequestContext, input: GetEbsEncryptionByDefaultRequest): GetEbsEncryptionByDefaultResult;
  GetImageAncestry(ctx: RequestContext, input: GetImageAncestryRequest): GetImageAncestryResult;
  GetImageBlockPublicAccessState(ctx: RequestContext, input: GetImageBlockPublicAccessStateRequest): GetImageBlockPublicAccessStateResult;
  GetInstanceUefiData(ctx: RequestContext, input: GetInstanceUefiDataRequest): GetInstanceUefiDataResult;
  GetLaunchTemplateData(ctx: RequestContext, input: GetLaunchTemplateDataRequest): GetLaunchTemplateDataResult;
  GetPasswordData(ctx: RequestContext, input: GetPasswordDataRequest): GetPasswordDataResult;
  GetSnapshotBlockPublicAccessState(ctx: RequestContext, input: GetSnapshotBlockPublicAccessStateRequest): GetSnapshotBlockPublicAccessStateResult;
  ImportImage(ctx: RequestContext, input: ImportImageRequest): ImportImageResult;
  ImportKeyPair(ctx: RequestContext, input: ImportKeyPairRequest): ImportKeyPairResult;
  ImportSnapshot(ctx: RequestContext, input: ImportSnapshotRequest): ImportSnapshotResult;
  ImportVolume(ctx: RequestContext, input: ImportVolumeRequest): ImportVolumeResult;
  ListImagesInRecycleBin(ctx: RequestContext, input: ListImagesInRecycleBinRequest): ListImagesInRecycleBinResult;
  ListSnapshotsInRecycleBin(ctx: RequestContext, input: ListSnapshotsInRecycleBinRequest): ListSnapshotsInRecycleBinResult;
  ListVolumesInRecycleBin(ctx: RequestContext, input: ListVolumesInRecycleBinRequest): ListVolumesInRecycleBinResult;
  LockSnapshot(ctx: RequestContext, input: LockSnapshotRequest): LockSnapshotResult;
  ModifyEbsDefaultKmsKeyId(ctx: RequestContext, input: ModifyEbsDefaultKmsKeyIdRequest): ModifyEbsDefaultKmsKeyIdResult;
  ModifyImageAttribute(ctx: RequestContext, input: ModifyImageAttributeRequest): void;
  ModifyInstanceAttribute(ctx: RequestContext, input: ModifyInstanceAttributeRequest): void;
  ModifyInstanceCreditSpecification(ctx: RequestContext, input: ModifyInstanceCreditSpecificationRequest): ModifyInstanceCreditSpecificationResult;
  ModifyInstanceMaintenanceOptions(ctx: RequestContext, input: ModifyInstanceMaintenanceOptionsRequest): ModifyInstanceMaintenanceOptionsResult;
  ModifyInstanceMetadataOptions(ctx: RequestContext, input: ModifyInstanceMetadataOptionsRequest): ModifyInstanceMetadataOptionsResult;
  ModifyLaunchTemplate(ctx: RequestContext, input: ModifyLaunchTemplateRequest): ModifyLaunchTemplateResult;
  ModifyNetworkInterfaceAttribute(ctx: RequestContext, input: ModifyNetworkInterfaceAttributeRequest): void;
  ModifySecurityGroupRules(ctx: RequestContext, input: ModifySecurityGroupRulesRequest): ModifySecurityGroupRulesResult;
  ModifySnapshotAttribute(ctx: RequestContext, input: ModifySnapshotAttributeRequest): void;
  ModifySnapshotTier(ctx: RequestContext, input: ModifySnapshotTierRequest): ModifySnapshotTierResult;
  ModifySubnetAttribute(ctx: RequestContext, input: ModifySubnetAttributeRequest): void;
  ModifyVolume(ctx: RequestContext, input: ModifyVolumeRequest): ModifyVolumeResult;
  ModifyVolumeAttribute(ctx: RequestContext, input: ModifyVolumeAttributeRequest): void;
  ModifyVpcAttribute(ctx: RequestContext, input: ModifyVpcAttributeRequest): void;
  MonitorInstances(ctx: RequestContext, input: MonitorInstancesRequest): MonitorInstancesResult;
  RegisterImage(ctx: RequestContext, input: RegisterImageRequest): RegisterImageResult;
  ReleaseAddress(ctx: RequestContext, input: ReleaseAddressRequest): void;
  ReplaceIamInstanceProfileAssociation(ctx: RequestContext, input: ReplaceIamInstanceProfileAssociationRequest): ReplaceIamInstanceProfileAssociationResult;
  ReplaceImageCriteriaInAllowedImagesSettings(ctx: RequestContext, input: ReplaceImageCriteriaInAllowedImagesSettingsRequest): ReplaceImageCriteriaInAllowedImagesSettingsResult;
  ReplaceNetworkAclAssociation(ctx: RequestContext, input: ReplaceNetworkAclAssociationRequest): ReplaceNetworkAclAssociationResult;
  ReplaceNetworkAclEntry(ctx: RequestContext, input: ReplaceNetworkAclEntryRequest): void;
  ReplaceRoute(ctx: RequestContext, input: ReplaceRouteRequest): void;
  ReplaceRouteTableAssociation(ctx: RequestContext, input: ReplaceRouteTableAssociationRequest): ReplaceRouteTableAssociationResult;
  ResetEbsDefaultKmsKeyId(ctx: RequestContext, input: ResetEbsDefaultKmsKeyIdRequest): ResetEbsDefaultKmsKeyIdResult;
  ResetImageAttribute(ctx: RequestContext, input: ResetImageAttributeRequest): void;
  ResetSnapshotAttribute(ctx: RequestContext, input: ResetSnapshotAttributeRequest): void;
  RestoreImageFromRecycleBin(ctx: RequestContext, input: RestoreImageFromRecycleBinRequest): RestoreImageFromRecycleBinResult;
  RestoreSnapshotFromRecycleBin(ctx: RequestContext, input: RestoreSnapshotFromRecycleBinRequest): RestoreSnapshotFromRecycleBinResult;
  RestoreSnapshotTier(ctx: RequestContext, input: RestoreSnapshotTierRequest): RestoreSnapshotTierResult;
  RestoreVolumeFromRecycleBin(ctx: RequestContext, input: RestoreVolumeFromRecycleBinRequest): RestoreVolumeFromRecycleBinResult;
  RevokeSecurityGroupEgress(ctx: RequestContext, input: RevokeSecurityGroupEgressRequest): RevokeSecurityGroupEgressResult;
  RevokeSecurityGroupIngress(ctx: RequestContext, input: RevokeSecurityGroupIngressRequest): RevokeSecurityGroupIngressResult;
  RunInstances(ctx: RequestContext, input: RunInstancesRequest): Reservation;
  StartInstances(ctx: RequestContext, input: StartInstancesRequest): StartInstancesResult;
  StopInstances(ctx: RequestContext, input: StopInstancesRequest): StopInstancesResult;
  TerminateInstances(ctx: RequestContext, input: TerminateInstancesRequest): TerminateInstancesResult;
  UnlockSnapshot(ctx: RequestContext, input: UnlockSnapshotRequest): UnlockSnapshotResult;
  UnmonitorInstances(ctx: RequestContext, input: UnmonitorInstancesRequest): UnmonitorInstancesResult;
}
