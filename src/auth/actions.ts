// The one table of IAM actions and resource ARNs for every operation imagelite serves, as the Service
// Authorization Reference names them ("Actions, resources, and condition keys for Amazon AppStream 2.0"
// and "... for Amazon EC2"): Describe/List calls act on "*"; the others on the resource they name.
import type { RequestContext } from "../gateway/context";
import { tagsOfArn as appstreamTags } from "../services/appstream/tags";
import { tagMap } from "../services/ec2/tags";

export interface ResourceRef { arn: string; tags: () => Record<string, string> | undefined }

type Input = Record<string, unknown>;
type Resolver = (ctx: RequestContext, input: Input) => ResourceRef[];

const str = (v: unknown) => (typeof v === "string" ? v : "");
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const ALL: Resolver = () => [{ arn: "*", tags: () => undefined }];

const appstreamArn = (ctx: RequestContext, type: string, name: string) => `arn:aws:appstream:${ctx.region}:${ctx.accountId}:${type}/${name}`;
const appstream = (type: string, member: string): Resolver => (ctx, input) => {
  const arn = appstreamArn(ctx, type, str(input[member]));
  return [{ arn, tags: () => appstreamTags(ctx, arn) }];
};
const appstreamByArn: Resolver = (ctx, input) => [{ arn: str(input.ResourceArn), tags: () => appstreamTags(ctx, str(input.ResourceArn)) }];

/** EC2 resource ids → ARNs (AMIs are regional resources without an account in their ARN). */
function ec2Arn(ctx: RequestContext, id: string, region = ctx.region): string {
  if (id.startsWith("ami-")) return `arn:aws:ec2:${region}::image/${id}`;
  if (id.startsWith("import-ami-")) return `arn:aws:ec2:${region}:${ctx.accountId}:import-image-task/${id}`;
  if (id.startsWith("amiur-")) return `arn:aws:ec2:${region}:${ctx.accountId}:image-usage-report/${id}`;
  return `arn:aws:ec2:${region}:${ctx.accountId}:${id}`;
}
const ec2Ids = (...members: string[]): Resolver => (ctx, input) =>
  members.flatMap((m) => (Array.isArray(input[m]) ? strs(input[m]) : [str(input[m])]))
    .map((id) => ({ arn: ec2Arn(ctx, id), tags: () => tagMap(ctx, id) }));
const ec2New = (type: string, account = true): Resolver => (ctx) =>
  [{ arn: `arn:aws:ec2:${ctx.region}:${account ? ctx.accountId : ""}:${type}/*`, tags: () => undefined }];

export const ACTIONS: Record<string, { prefix: string; operations: Record<string, Resolver> }> = {
  appstream: {
    prefix: "appstream",
    operations: {
      CopyImage: appstream("image", "SourceImageName"),
      CreateFleet: appstream("fleet", "Name"),
      CreateImageBuilder: appstream("image-builder", "Name"),
      CreateImportedImage: appstream("image", "Name"),
      CreateUpdatedImage: appstream("image", "existingImageName"),
      DeleteFleet: appstream("fleet", "Name"),
      DeleteImage: appstream("image", "Name"),
      DeleteImageBuilder: appstream("image-builder", "Name"),
      DeleteImagePermissions: appstream("image", "Name"),
      DescribeFleets: ALL,
      DescribeImageBuilders: ALL,
      DescribeImagePermissions: appstream("image", "Name"),
      DescribeImages: ALL,
      ListTagsForResource: appstreamByArn,
      StartFleet: appstream("fleet", "Name"),
      StartImageBuilder: appstream("image-builder", "Name"),
      StopFleet: appstream("fleet", "Name"),
      StopImageBuilder: appstream("image-builder", "Name"),
      TagResource: appstreamByArn,
      UntagResource: appstreamByArn,
      UpdateFleet: appstream("fleet", "Name"),
      UpdateImagePermissions: appstream("image", "Name"),
    },
  },
  ec2: {
    prefix: "ec2",
    operations: {
      CancelImportTask: ec2Ids("ImportTaskId"),
      CopyImage: (ctx, input) => [...ec2New("image", false)(ctx, input),
        { arn: ec2Arn(ctx, str(input.SourceImageId), str(input.SourceRegion) || ctx.region), tags: () => undefined }],
      CreateImageUsageReport: ec2Ids("ImageId"),
      CreateTags: ec2Ids("Resources"),
      DeleteImageUsageReport: ec2Ids("ReportId"),
      DeleteTags: ec2Ids("Resources"),
      DeregisterImage: ec2Ids("ImageId"),
      DescribeFastLaunchImages: ALL,
      DescribeImageAttribute: ec2Ids("ImageId"),
      DescribeImageUsageReportEntries: ALL,
      DescribeImageUsageReports: ALL,
      DescribeImages: ALL,
      DescribeImportImageTasks: ALL,
      DescribeTags: ALL,
      DisableFastLaunch: ec2Ids("ImageId"),
      EnableFastLaunch: ec2Ids("ImageId"),
      ImportImage: ec2New("import-image-task"),
      ModifyImageAttribute: ec2Ids("ImageId"),
      RegisterImage: ec2New("image", false),
      ResetImageAttribute: ec2Ids("ImageId"),
    },
  },
  sts: { prefix: "sts", operations: { GetCallerIdentity: ALL } },
};

/** Operations that need no permission ("GetCallerIdentity": no permissions are required to call it). */
export const ALWAYS_ALLOWED = new Set(["sts:GetCallerIdentity"]);
