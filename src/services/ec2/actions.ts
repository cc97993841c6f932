// EC2's IAM actions and the resources each operation acts on ("Actions, resources, and condition keys for
// Amazon EC2"): Describe calls act on "*", the others on the resources they name or create.
import type { RequestContext } from "../../gateway/context";
import { ALL, str, strs, type ActionTable, type Resolver } from "../../auth/actions";
import { tagMap } from "./tags/records";
import type { Ec2Handlers } from "./api.generated";
import { arnOf as resourceArn, typeOfId, type Ec2Type } from "./resource-types";

/** EC2 resource ids → ARNs, by the type their prefix names (resource-types.ts). */
function arnOf(ctx: RequestContext, id: string, region = ctx.region): string {
  const type = typeOfId(id);
  return type ? resourceArn(type, region, ctx.accountId, id) : `arn:aws:ec2:${region}:${ctx.accountId}:${id}`;
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
const created =
  (type: Ec2Type): Resolver =>
  (ctx) => [{ arn: resourceArn(type, ctx.region, ctx.accountId, "*"), tags: () => undefined }];

export const ec2Actions: ActionTable<keyof Ec2Handlers> = {
  prefix: "ec2",
  operations: {
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
    CreateImage: (ctx, input) => [...created("image")(ctx, input), ...ids("InstanceId")(ctx, input)],
    CreateImageUsageReport: ids("ImageId"),
    CreateKeyPair: keyPair,
    CreateLaunchTemplate: created("launch-template"),
    CreateLaunchTemplateVersion: ids("LaunchTemplateId"),
    CreateNetworkInterface: (ctx, input) => [...created("network-interface")(ctx, input), ...ids("SubnetId")(ctx, input)],
    CreateSecurityGroup: created("security-group"),
    CreateSnapshot: (ctx, input) => [...created("snapshot")(ctx, input), ...ids("VolumeId")(ctx, input)],
    CreateTags: ids("Resources"),
    DeleteImageUsageReport: ids("ReportId"),
    DeleteKeyPair: keyPair,
    DeleteLaunchTemplate: ids("LaunchTemplateId"),
    DeleteLaunchTemplateVersions: ids("LaunchTemplateId"),
    DeleteNetworkInterface: ids("NetworkInterfaceId"),
    DeleteSecurityGroup: ids("GroupId"),
    DeleteSnapshot: ids("SnapshotId"),
    DeleteTags: ids("Resources"),
    DeleteVolume: ids("VolumeId"),
    DeregisterImage: ids("ImageId"),
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
    DescribeKeyPairs: ALL,
    DescribeLaunchTemplateVersions: ALL,
    DescribeLaunchTemplates: ALL,
    DescribeNetworkInterfaceAttribute: ALL,
    DescribeNetworkInterfaces: ALL,
    DescribeRegions: ALL,
    DescribeSecurityGroups: ALL,
    DescribeSnapshotAttribute: ids("SnapshotId"),
    DescribeSnapshots: ALL,
    DescribeSpotPriceHistory: ALL,
    DescribeSubnets: ALL,
    DescribeTags: ALL,
    DescribeVolumes: ALL,
    DescribeVpcs: ALL,
    DetachNetworkInterface: ALL,
    DisableFastLaunch: ids("ImageId"),
    DisableImage: ids("ImageId"),
    DisableImageBlockPublicAccess: ALL,
    DisableImageDeprecation: ids("ImageId"),
    DisableImageDeregistrationProtection: ids("ImageId"),
    DisassociateIamInstanceProfile: ALL,
    EnableFastLaunch: ids("ImageId"),
    EnableImage: ids("ImageId"),
    EnableImageBlockPublicAccess: ALL,
    EnableImageDeprecation: ids("ImageId"),
    EnableImageDeregistrationProtection: ids("ImageId"),
    GetImageBlockPublicAccessState: ALL,
    GetInstanceUefiData: ids("InstanceId"),
    GetLaunchTemplateData: ids("InstanceId"),
    GetPasswordData: ids("InstanceId"),
    ImportImage: created("import-image-task"),
    ImportKeyPair: keyPair,
    ModifyImageAttribute: ids("ImageId"),
    ModifyInstanceAttribute: ids("InstanceId"),
    ModifyInstanceCreditSpecification: ALL,
    ModifyInstanceMaintenanceOptions: ids("InstanceId"),
    ModifyInstanceMetadataOptions: ids("InstanceId"),
    ModifyLaunchTemplate: ids("LaunchTemplateId"),
    ModifyNetworkInterfaceAttribute: ids("NetworkInterfaceId"),
    ModifySnapshotAttribute: ids("SnapshotId"),
    MonitorInstances: ids("InstanceIds"),
    RegisterImage: created("image"),
    ReplaceIamInstanceProfileAssociation: ALL,
    ResetImageAttribute: ids("ImageId"),
    ResetSnapshotAttribute: ids("SnapshotId"),
    RunInstances: (ctx, input) => [...created("instance")(ctx, input), ...ids("ImageId")(ctx, input)],
    StartInstances: ids("InstanceIds"),
    StopInstances: ids("InstanceIds"),
    TerminateInstances: ids("InstanceIds"),
    UnmonitorInstances: ids("InstanceIds"),
  },
};
