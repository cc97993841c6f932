// EC2's IAM actions and the resources each operation acts on ("Actions, resources, and condition keys for
// Amazon EC2"): Describe calls act on "*", the others on the resources they name or create.
import type { RequestContext } from "../../gateway/context";
import { ALL, str, strs, type ActionTable, type Resolver } from "../../auth/actions";
import { tagMap } from "./tags/records";
import type { Ec2Handlers } from "./api.generated";

const RESOURCE_TYPES: [prefix: string, type: string][] = [
  ["i-", "instance"],
  ["vol-", "volume"],
  ["lt-", "launch-template"],
  ["sg-", "security-group"],
  ["vpc-", "vpc"],
  ["subnet-", "subnet"],
  ["key-", "key-pair"],
];

/** EC2 resource ids → ARNs (AMIs are regional resources without an account in their ARN). */
function arnOf(ctx: RequestContext, id: string, region = ctx.region): string {
  if (id.startsWith("ami-")) return `arn:aws:ec2:${region}::image/${id}`;
  if (id.startsWith("import-ami-")) return `arn:aws:ec2:${region}:${ctx.accountId}:import-image-task/${id}`;
  if (id.startsWith("amiur-")) return `arn:aws:ec2:${region}:${ctx.accountId}:image-usage-report/${id}`;
  if (id.startsWith("snap-")) return `arn:aws:ec2:${region}::snapshot/${id}`;
  for (const [prefix, type] of RESOURCE_TYPES) if (id.startsWith(prefix)) return `arn:aws:ec2:${region}:${ctx.accountId}:${type}/${id}`;
  return `arn:aws:ec2:${region}:${ctx.accountId}:${id}`;
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
    arn: `arn:aws:ec2:${ctx.region}:${ctx.accountId}:key-pair/${name}`,
    tags: () => undefined,
  }));
const created =
  (type: string, account = true): Resolver =>
  (ctx) => [{ arn: `arn:aws:ec2:${ctx.region}:${account ? ctx.accountId : ""}:${type}/*`, tags: () => undefined }];

export const ec2Actions: ActionTable<keyof Ec2Handlers> = {
  prefix: "ec2",
  operations: {
    AuthorizeSecurityGroupIngress: ids("GroupId"),
    CancelImportTask: ids("ImportTaskId"),
    CopyImage: (ctx, input) => [
      ...created("image", false)(ctx, input),
      { arn: arnOf(ctx, str(input.SourceImageId), str(input.SourceRegion) || ctx.region), tags: () => undefined },
    ],
    CopySnapshot: (ctx, input) => [
      ...created("snapshot", false)(ctx, input),
      { arn: arnOf(ctx, str(input.SourceSnapshotId), str(input.SourceRegion) || ctx.region), tags: () => undefined },
    ],
    CreateImage: (ctx, input) => [...created("image", false)(ctx, input), ...ids("InstanceId")(ctx, input)],
    CreateImageUsageReport: ids("ImageId"),
    CreateKeyPair: keyPair,
    CreateLaunchTemplate: created("launch-template"),
    CreateLaunchTemplateVersion: ids("LaunchTemplateId"),
    CreateSecurityGroup: created("security-group"),
    CreateSnapshot: (ctx, input) => [...created("snapshot", false)(ctx, input), ...ids("VolumeId")(ctx, input)],
    CreateTags: ids("Resources"),
    DeleteImageUsageReport: ids("ReportId"),
    DeleteKeyPair: keyPair,
    DeleteLaunchTemplate: ids("LaunchTemplateId"),
    DeleteLaunchTemplateVersions: ids("LaunchTemplateId"),
    DeleteSecurityGroup: ids("GroupId"),
    DeleteSnapshot: ids("SnapshotId"),
    DeleteTags: ids("Resources"),
    DeleteVolume: ids("VolumeId"),
    DeregisterImage: ids("ImageId"),
    DescribeAvailabilityZones: ALL,
    DescribeFastLaunchImages: ALL,
    DescribeImageAttribute: ids("ImageId"),
    DescribeImageReferences: ALL,
    DescribeImageUsageReportEntries: ALL,
    DescribeImageUsageReports: ALL,
    DescribeImages: ALL,
    DescribeImportImageTasks: ALL,
    DescribeInstanceAttribute: ids("InstanceId"),
    DescribeInstanceStatus: ALL,
    DescribeInstanceTypeOfferings: ALL,
    DescribeInstanceTypes: ALL,
    DescribeInstances: ALL,
    DescribeKeyPairs: ALL,
    DescribeLaunchTemplateVersions: ALL,
    DescribeLaunchTemplates: ALL,
    DescribeRegions: ALL,
    DescribeSecurityGroups: ALL,
    DescribeSnapshotAttribute: ids("SnapshotId"),
    DescribeSnapshots: ALL,
    DescribeSpotPriceHistory: ALL,
    DescribeSubnets: ALL,
    DescribeTags: ALL,
    DescribeVolumes: ALL,
    DescribeVpcs: ALL,
    DisableFastLaunch: ids("ImageId"),
    DisableImage: ids("ImageId"),
    DisableImageBlockPublicAccess: ALL,
    DisableImageDeprecation: ids("ImageId"),
    DisableImageDeregistrationProtection: ids("ImageId"),
    EnableFastLaunch: ids("ImageId"),
    EnableImage: ids("ImageId"),
    EnableImageBlockPublicAccess: ALL,
    EnableImageDeprecation: ids("ImageId"),
    EnableImageDeregistrationProtection: ids("ImageId"),
    GetImageBlockPublicAccessState: ALL,
    ImportImage: created("import-image-task"),
    ImportKeyPair: keyPair,
    ModifyImageAttribute: ids("ImageId"),
    ModifyInstanceAttribute: ids("InstanceId"),
    ModifyLaunchTemplate: ids("LaunchTemplateId"),
    ModifySnapshotAttribute: ids("SnapshotId"),
    RegisterImage: created("image", false),
    ResetImageAttribute: ids("ImageId"),
    ResetSnapshotAttribute: ids("SnapshotId"),
    RunInstances: (ctx, input) => [...created("instance")(ctx, input), ...ids("ImageId")(ctx, input)],
    StartInstances: ids("InstanceIds"),
    StopInstances: ids("InstanceIds"),
    TerminateInstances: ids("InstanceIds"),
  },
};
