// AppStream's IAM actions and the resources each operation acts on ("Actions, resources, and condition keys
// for Amazon AppStream 2.0"): Describe calls act on "*", the others on the resource they name.
import type { RequestContext } from "../../gateway/context";
import { ALL, str, type ActionTable, type Resolver } from "../../auth/actions";
import { tagsOfArn } from "./tags";
import type { AppStreamHandlers } from "./api.generated";

const arnOf = (ctx: RequestContext, type: string, name: string) => `arn:aws:appstream:${ctx.region}:${ctx.accountId}:${type}/${name}`;
const named =
  (type: string, member: string): Resolver =>
  (ctx, input) => {
    const arn = arnOf(ctx, type, str(input[member]));
    return [{ arn, tags: () => tagsOfArn(ctx, arn) }];
  };
const byArn: Resolver = (ctx, input) => [{ arn: str(input.ResourceArn), tags: () => tagsOfArn(ctx, str(input.ResourceArn)) }];

export const appstreamActions: ActionTable<keyof AppStreamHandlers> = {
  prefix: "appstream",
  operations: {
    CopyImage: named("image", "SourceImageName"),
    CreateFleet: named("fleet", "Name"),
    CreateImageBuilder: named("image-builder", "Name"),
    CreateImportedImage: named("image", "Name"),
    CreateUpdatedImage: named("image", "existingImageName"),
    DeleteFleet: named("fleet", "Name"),
    DeleteImage: named("image", "Name"),
    DeleteImageBuilder: named("image-builder", "Name"),
    DeleteImagePermissions: named("image", "Name"),
    DescribeFleets: ALL,
    DescribeImageBuilders: ALL,
    DescribeImagePermissions: named("image", "Name"),
    DescribeImages: ALL,
    ListTagsForResource: byArn,
    StartFleet: named("fleet", "Name"),
    StartImageBuilder: named("image-builder", "Name"),
    StopFleet: named("fleet", "Name"),
    StopImageBuilder: named("image-builder", "Name"),
    TagResource: byArn,
    UntagResource: byArn,
    UpdateFleet: named("fleet", "Name"),
    UpdateImagePermissions: named("image", "Name"),
  },
};
