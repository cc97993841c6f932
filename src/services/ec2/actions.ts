// EC2's IAM actions and the resources each operation acts on ("Actions, resources, and condition keys for
// Amazon EC2"): Describe calls act on "*", the others on the resources they name or create.
import type { RequestContext } from "../../gateway/context";
import { ALL, str, strs, type ActionTable, type Resolver } from "../../auth/actions";
import { tagMap } from "./tags";
import type { Ec2Handlers } from "./api.generated";

/** EC2 resource ids → ARNs (AMIs are regional resources without an account in their ARN). */
function arnOf(ctx: RequestContext, id: string, region = ctx.region): string {
  if (id.startsWith("ami-")) return `arn:aws:ec2:${region}::image/${id}`;
  if (id.startsWith("import-ami-")) return `arn:aws:ec2:${region}:${ctx.accountId}:import-image-task/${id}`;
  if (id.startsWith("amiur-")) return `arn:aws:ec2:${region}:${ctx.accountId}:image-usage-report/${id}`;
  return `arn:aws:ec2:${region}:${ctx.accountId}:${id}`;
}
const ids =
  (...members: string[]): Resolver =>
  (ctx, input) =>
    members
      .flatMap((m) => (Array.isArray(input[m]) ? strs(input[m]) : [str(input[m])]))
      .map((id) => ({ arn: arnOf(ctx, id), tags: () => tagMap(ctx, id) }));
const created =
  (type: string, account = true): Resolver =>
  (ctx) => [{ arn: `arn:aws:ec2:${ctx.region}:${account ? ctx.accountId : ""}:${type}/*`, tags: () => undefined }];

export const ec2Actions: ActionTable<keyof Ec2Handlers> = {
  prefix: "ec2",
  operations: {
    CancelImportTask: ids("ImportTaskId"),
    CopyImage: (ctx, input) => [
      ...created("image", false)(ctx, input),
      { arn: arnOf(ctx, str(input.SourceImageId), str(input.SourceRegion) || ctx.region), tags: () => undefined },
    ],
    CreateImageUsageReport: ids("ImageId"),
    CreateTags: ids("Resources"),
    DeleteImageUsageReport: ids("ReportId"),
    DeleteTags: ids("Resources"),
    DeregisterImage: ids("ImageId"),
    DescribeFastLaunchImages: ALL,
    DescribeImageAttribute: ids("ImageId"),
    DescribeImageUsageReportEntries: ALL,
    DescribeImageUsageReports: ALL,
    DescribeImages: ALL,
    DescribeImportImageTasks: ALL,
    DescribeTags: ALL,
    DisableFastLaunch: ids("ImageId"),
    DisableImageBlockPublicAccess: ALL,
    EnableFastLaunch: ids("ImageId"),
    EnableImageBlockPublicAccess: ALL,
    GetImageBlockPublicAccessState: ALL,
    ImportImage: created("import-image-task"),
    ModifyImageAttribute: ids("ImageId"),
    RegisterImage: created("image", false),
    ResetImageAttribute: ids("ImageId"),
  },
};
