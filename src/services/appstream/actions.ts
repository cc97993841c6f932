// AppStream's IAM actions and the resources each operation acts on ("Actions, resources, and condition keys
// for Amazon AppStream 2.0"): Describe calls act on "*", the others on the resource they name.
import type { RequestContext } from "../../gateway/context";
import { ALL, str, type ActionTable, type Resolver } from "../../auth/actions";
import { tagsOfArn } from "./tags/handlers";
import type { AppStreamHandlers } from "./api.generated";
import { arn } from "../../util/arn";

const arnOf = (ctx: RequestContext, type: string, name: string) => arn("appstream", ctx.region, ctx.accountId, `${type}/${name}`);
const named =
  (type: string, member: string): Resolver =>
  (ctx, input) => {
    const arn = arnOf(ctx, type, str(input[member]));
    return [{ arn, tags: () => tagsOfArn(ctx, arn) }];
  };
const byArn: Resolver = (ctx, input) => [{ arn: str(input.ResourceArn), tags: () => tagsOfArn(ctx, str(input.ResourceArn)) }];
/** Resources named by an ARN member, then by a name member. */
const arnAnd =
  (member: string, type: string, nameMember: string): Resolver =>
  (ctx, input) => [{ arn: str(input[member]), tags: () => tagsOfArn(ctx, str(input[member])) }, ...named(type, nameMember)(ctx, input)];

export const appstreamActions: ActionTable<keyof AppStreamHandlers> = {
  prefix: "appstream",
  operations: {
    AssociateAppBlockBuilderAppBlock: arnAnd("AppBlockArn", "app-block-builder", "AppBlockBuilderName"),
    AssociateApplicationFleet: arnAnd("ApplicationArn", "fleet", "FleetName"),
    AssociateApplicationToEntitlement: named("stack", "StackName"),
    AssociateFleet: named("fleet", "FleetName"),
    AssociateSoftwareToImageBuilder: named("image-builder", "ImageBuilderName"),
    BatchAssociateUserStack: ALL,
    BatchDisassociateUserStack: ALL,
    CopyImage: named("image", "SourceImageName"),
    CreateAppBlock: named("app-block", "Name"),
    CreateAppBlockBuilder: named("app-block-builder", "Name"),
    CreateAppBlockBuilderStreamingURL: named("app-block-builder", "AppBlockBuilderName"),
    CreateApplication: named("application", "Name"),
    CreateDirectoryConfig: ALL,
    CreateEntitlement: named("stack", "StackName"),
    CreateExportImageTask: named("image", "ImageName"),
    CreateFleet: named("fleet", "Name"),
    CreateImageBuilder: named("image-builder", "Name"),
    CreateImageBuilderStreamingURL: named("image-builder", "Name"),
    CreateImportedImage: named("image", "Name"),
    CreateStack: named("stack", "Name"),
    CreateStreamingURL: named("stack", "StackName"),
    CreateThemeForStack: named("stack", "StackName"),
    CreateUpdatedImage: named("image", "existingImageName"),
    CreateUsageReportSubscription: ALL,
    CreateUser: ALL,
    DeleteAppBlock: named("app-block", "Name"),
    DeleteAppBlockBuilder: named("app-block-builder", "Name"),
    DeleteApplication: named("application", "Name"),
    DeleteDirectoryConfig: ALL,
    DeleteEntitlement: named("stack", "StackName"),
    DeleteFleet: named("fleet", "Name"),
    DeleteImage: named("image", "Name"),
    DeleteImageBuilder: named("image-builder", "Name"),
    DeleteImagePermissions: named("image", "Name"),
    DeleteStack: named("stack", "Name"),
    DeleteThemeForStack: named("stack", "StackName"),
    DeleteUsageReportSubscription: ALL,
    DeleteUser: ALL,
    DescribeAppLicenseUsage: ALL,
    DescribeAppBlockBuilderAppBlockAssociations: ALL,
    DescribeAppBlockBuilders: ALL,
    DescribeAppBlocks: ALL,
    DescribeApplicationFleetAssociations: ALL,
    DescribeApplications: ALL,
    DescribeDirectoryConfigs: ALL,
    DescribeEntitlements: ALL,
    DescribeFleets: ALL,
    DescribeImageBuilders: ALL,
    DescribeImagePermissions: named("image", "Name"),
    DescribeImages: ALL,
    DescribeSessions: ALL,
    DescribeSoftwareAssociations: ALL,
    DescribeStacks: ALL,
    DescribeThemeForStack: named("stack", "StackName"),
    DescribeUsageReportSubscriptions: ALL,
    DescribeUserStackAssociations: ALL,
    DescribeUsers: ALL,
    DisableUser: ALL,
    DisassociateAppBlockBuilderAppBlock: arnAnd("AppBlockArn", "app-block-builder", "AppBlockBuilderName"),
    DisassociateApplicationFleet: arnAnd("ApplicationArn", "fleet", "FleetName"),
    DisassociateApplicationFromEntitlement: named("stack", "StackName"),
    DisassociateFleet: named("fleet", "FleetName"),
    DisassociateSoftwareFromImageBuilder: named("image-builder", "ImageBuilderName"),
    DrainSessionInstance: ALL,
    EnableUser: ALL,
    ExpireSession: ALL,
    GetExportImageTask: ALL,
    ListAssociatedFleets: named("stack", "StackName"),
    ListAssociatedStacks: named("fleet", "FleetName"),
    ListEntitledApplications: named("stack", "StackName"),
    ListExportImageTasks: ALL,
    ListTagsForResource: byArn,
    StartAppBlockBuilder: named("app-block-builder", "Name"),
    StartFleet: named("fleet", "Name"),
    StartImageBuilder: named("image-builder", "Name"),
    StartSoftwareDeploymentToImageBuilder: named("image-builder", "ImageBuilderName"),
    StopAppBlockBuilder: named("app-block-builder", "Name"),
    StopFleet: named("fleet", "Name"),
    StopImageBuilder: named("image-builder", "Name"),
    TagResource: byArn,
    UntagResource: byArn,
    UpdateAppBlockBuilder: named("app-block-builder", "Name"),
    UpdateApplication: named("application", "Name"),
    UpdateDirectoryConfig: ALL,
    UpdateEntitlement: named("stack", "StackName"),
    UpdateFleet: named("fleet", "Name"),
    UpdateImagePermissions: named("image", "Name"),
    UpdateStack: named("stack", "Name"),
    UpdateThemeForStack: named("stack", "StackName"),
  },
};
