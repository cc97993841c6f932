// EC2's IAM actions and the resources each operation acts on ("Actions, resources, and condition keys for
// Amazon EC2"): Describe calls act on "*", the others on the resources they name or create.
import type { RequestContext } from "../../gateway/context";
import { ALL, str, strs, type ActionTable, type Resolver } from "../../auth/actions";
import { tagMap } from "./tags/records";
import type { Ec2Handlers } from "./api.generated";
import { arnOf as resourceArn, typeOfId, type Ec2Type } from "./resource-types";
import { arn } from "../../util/arn";

/** EC2 resource ids → ARNs, by the type their prefix names (resource-types.ts). */
function arnOf(ctx: RequestContext, id: string, region = ctx.region): string {
  const type = typeOfId(id);
  return type ? resourceArn(type, region, ctx.accountId, id) : arn("ec2", region, ctx.accountId, id);
}
const ids =
  (...members: string[]): Resolver =>
  (ctx, input) =>
    members
      .flatMap((m) => (Array.isArray(input[m]) ? strs(input[m]) : [str(input[m])]))
      .map((id) => ({ arn: arnOf(ctx, id), tags: () => tagMap(ctx, id) }));
/** Key pairs are named by the caller; the ARN names the pair. */
const keyPair: Resolver = (ctx, input) =>
  [str(input.KeyName) || str(input.KeyPairId)].map((name) => ({
    arn: resourceArn("key-pair", ctx.region, ctx.accountId, name),
    tags: () => undefined,
  }));
/** The resources a call names by the members it was given (optional ones may be absent). */
const given =
  (...members: string[]): Resolver =>
  (ctx, input) =>
    members
      .flatMap((m) => (Array.isArray(input[m]) ? strs(input[m]) : [str(input[m])]))
      .filter((id) => id)
      .map((id) => ({ arn: arnOf(ctx, id), tags: () => tagMap(ctx, id) }));
const created =
  (type: Ec2Type): Resolver =>
  (ctx) => [{ arn: resourceArn(type, ctx.region, ctx.accountId, "*"), tags: () => undefined }];

export const ec2Actions: ActionTable<keyof Ec2Handlers> = {
  prefix: "ec2",
  operations: {
    AllocateAddress: created("elastic-ip"),
    AssociateAddress: given("AllocationId", "InstanceId", "NetworkInterfaceId"),
    AssociateRouteTable: given("RouteTableId", "SubnetId", "GatewayId"),
    AttachInternetGateway: ids("InternetGatewayId", "VpcId"),
    AuthorizeSecurityGroupEgress: ids("GroupId"),
    AttachVolume: ids("VolumeId", "InstanceId"),
    AssociateIamInstanceProfile: ids("InstanceId"),
    AttachNetworkInterface: ids("InstanceId", "NetworkInterfaceId"),
    AuthorizeSecurityGroupIngress: ids("GroupId"),
    CancelImportTask: ids("ImportTaskId"),
    CopyImage: (ctx, input) => [
      ...created("image")(ctx, input),
      { arn: arnOf(ctx, str(input.SourceImageId), str(input.SourceRegion) || ctx.region), tags: () => undefined },
    ],
    CopySnapshot: (ctx, input) => [
      ...created("snapshot")(ctx, input),
      { arn: arnOf(ctx, str(input.SourceSnapshotId), str(input.SourceRegion) || ctx.region), tags: () => undefined },
    ],
    CreateDefaultVpc: created("vpc"),
    CreateFleet: created("fleet"),
    CreateImage: (ctx, input) => [...created("image")(ctx, input), ...ids("InstanceId")(ctx, input)],
    CreateImageUsageReport: ids("ImageId"),
    CreateInternetGateway: created("internet-gateway"),
    CreateKeyPair: keyPair,
    CreateLaunchTemplate: created("launch-template"),
    CreateLaunchTemplateVersion: ids("LaunchTemplateId"),
    CreateNetworkAcl: (ctx, input) => [...created("network-acl")(ctx, input), ...ids("VpcId")(ctx, input)],
    CreateNetworkAclEntry: ids("NetworkAclId"),
    CreateRoute: ids("RouteTableId"),
    CreateRouteTable: (ctx, input) => [...created("route-table")(ctx, input), ...ids("VpcId")(ctx, input)],
    CreateNetworkInterface: (ctx, input) => [...created("network-interface")(ctx, input), ...ids("SubnetId")(ctx, input)],
    CreateSecurityGroup: created("security-group"),
    CreateSnapshot: (ctx, input) => [...created("snapshot")(ctx, input), ...ids("VolumeId")(ctx, input)],
    CreateSubnet: (ctx, input) => [...created("subnet")(ctx, input), ...ids("VpcId")(ctx, input)],
    CreateTags: ids("Resources"),
    CreateVpc: created("vpc"),
    CreateVolume: created("volume"),
    DeleteFleets: ids("FleetIds"),
    DeleteImageUsageReport: ids("ReportId"),
    DeleteInternetGateway: ids("InternetGatewayId"),
    DeleteKeyPair: keyPair,
    DeleteLaunchTemplate: ids("LaunchTemplateId"),
    DeleteLaunchTemplateVersions: ids("LaunchTemplateId"),
    DeleteNetworkAcl: ids("NetworkAclId"),
    DeleteNetworkAclEntry: ids("NetworkAclId"),
    DeleteRoute: ids("RouteTableId"),
    DeleteRouteTable: ids("RouteTableId"),
    DeleteNetworkInterface: ids("NetworkInterfaceId"),
    DeleteSecurityGroup: ids("GroupId"),
    DeleteSnapshot: ids("SnapshotId"),
    DeleteSubnet: ids("SubnetId"),
    DeleteTags: ids("Resources"),
    DeleteVolume: ids("VolumeId"),
    DeleteVpc: ids("VpcId"),
    DeregisterImage: ids("ImageId"),
    DescribeAccountAttributes: ALL,
    DescribeAddresses: ALL,
    DescribeAddressesAttribute: ALL,
    DescribeAvailabilityZones: ALL,
    DescribeFastLaunchImages: ALL,
    DescribeIamInstanceProfileAssociations: ALL,
    DescribeImageAttribute: ids("ImageId"),
    DescribeImageReferences: ALL,
    DescribeImageUsageReportEntries: ALL,
    DescribeImageUsageReports: ALL,
    DescribeImages: ALL,
    DescribeImportImageTasks: ALL,
    DescribeInstanceAttribute: ids("InstanceId"),
    DescribeInstanceCreditSpecifications: ALL,
    DescribeInstanceStatus: ALL,
    DescribeInstanceTypeOfferings: ALL,
    DescribeInstanceTypes: ALL,
    DescribeInstances: ALL,
    DescribeInternetGateways: ALL,
    DescribeKeyPairs: ALL,
    DescribeLaunchTemplateVersions: ALL,
    DescribeLaunchTemplates: ALL,
    DescribeNetworkAcls: ALL,
    DescribeNetworkInterfaceAttribute: ALL,
    DescribeNetworkInterfaces: ALL,
    DescribeRegions: ALL,
    DescribeRouteTables: ALL,
    DescribeSecurityGroupRules: ALL,
    DescribeSecurityGroups: ALL,
    DescribeSnapshotAttribute: ids("SnapshotId"),
    DescribeSnapshotTierStatus: ALL,
    DescribeSnapshots: ALL,
    DescribeSpotInstanceRequests: ALL,
    DescribeSpotPriceHistory: ALL,
    DescribeSubnets: ALL,
    DescribeTags: ALL,
    DescribeVolumeAttribute: ids("VolumeId"),
    DescribeVolumeStatus: ALL,
    DescribeVolumes: ALL,
    DescribeVpcAttribute: ids("VpcId"),
    DescribeVpcClassicLink: ALL,
    DescribeVpcClassicLinkDnsSupport: ALL,
    DescribeVpcs: ALL,
    DetachInternetGateway: ids("InternetGatewayId", "VpcId"),
    DescribeVolumesModifications: ALL,
    DetachVolume: ids("VolumeId"),
    DisableEbsEncryptionByDefault: ALL,
    DetachNetworkInterface: ALL,
    DisableFastLaunch: ids("ImageId"),
    DisableImage: ids("ImageId"),
    DisableImageBlockPublicAccess: ALL,
    DisableImageDeprecation: ids("ImageId"),
    DisableImageDeregistrationProtection: ids("ImageId"),
    DisassociateAddress: ALL,
    DisassociateRouteTable: ALL,
    EnableEbsEncryptionByDefault: ALL,
    DisassociateIamInstanceProfile: ALL,
    EnableFastLaunch: ids("ImageId"),
    EnableImage: ids("ImageId"),
    EnableImageBlockPublicAccess: ALL,
    EnableImageDeprecation: ids("ImageId"),
    EnableImageDeregistrationProtection: ids("ImageId"),
    EnableVolumeIO: ids("VolumeId"),
    GetEbsDefaultKmsKeyId: ALL,
    GetEbsEncryptionByDefault: ALL,
    GetImageBlockPublicAccessState: ALL,
    GetInstanceUefiData: ids("InstanceId"),
    GetLaunchTemplateData: ids("InstanceId"),
    GetPasswordData: ids("InstanceId"),
    ImportImage: created("import-image-task"),
    ImportKeyPair: keyPair,
    ListImagesInRecycleBin: ALL,
    ListSnapshotsInRecycleBin: ALL,
    ListVolumesInRecycleBin: ALL,
    ModifyEbsDefaultKmsKeyId: ALL,
    ModifyImageAttribute: ids("ImageId"),
    ModifyInstanceAttribute: ids("InstanceId"),
    ModifyInstanceCreditSpecification: ALL,
    ModifyInstanceMaintenanceOptions: ids("InstanceId"),
    ModifyInstanceMetadataOptions: ids("InstanceId"),
    ModifyLaunchTemplate: ids("LaunchTemplateId"),
    ModifySecurityGroupRules: ids("GroupId"),
    ModifySnapshotAttribute: ids("SnapshotId"),
    ModifySubnetAttribute: ids("SubnetId"),
    ModifyVpcAttribute: ids("VpcId"),
    RegisterImage: created("image"),
    ReleaseAddress: given("AllocationId"),
    ReplaceNetworkAclAssociation: ids("NetworkAclId"),
    ReplaceNetworkAclEntry: ids("NetworkAclId"),
    ReplaceRoute: ids("RouteTableId"),
    ReplaceRouteTableAssociation: ids("RouteTableId"),
    ModifyNetworkInterfaceAttribute: ids("NetworkInterfaceId"),
    MonitorInstances: ids("InstanceIds"),
    ReplaceIamInstanceProfileAssociation: ALL,
    ResetImageAttribute: ids("ImageId"),
    ResetSnapshotAttribute: ids("SnapshotId"),
    RevokeSecurityGroupEgress: ids("GroupId"),
    RevokeSecurityGroupIngress: ids("GroupId"),
    ModifySnapshotTier: ids("SnapshotId"),
    ModifyVolume: ids("VolumeId"),
    ModifyVolumeAttribute: ids("VolumeId"),
    ResetEbsDefaultKmsKeyId: ALL,
    RestoreImageFromRecycleBin: ids("ImageId"),
    RestoreSnapshotFromRecycleBin: ids("SnapshotId"),
    RestoreSnapshotTier: ids("SnapshotId"),
    RestoreVolumeFromRecycleBin: ids("VolumeId"),
    RunInstances: (ctx, input) => [...created("instance")(ctx, input), ...ids("ImageId")(ctx, input)],
    StartInstances: ids("InstanceIds"),
    StopInstances: ids("InstanceIds"),
    TerminateInstances: ids("InstanceIds"),
    UnmonitorInstances: ids("InstanceIds"),
  },
};
