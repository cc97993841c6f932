// The Image Assistant's "create image" inside a running builder: AppStream has no public API for it, so
// imagelite offers it as an internal operation (admin route, seed files) that runs like the others. Its
// input is made of the model's own shapes, so it is validated as CreateImageBuilder's members are.
import type { ServiceModel, Shape } from "../../../model/model";
import type { InternalOperation } from "../../../gateway/service";
import { createImageFromBuilder, type CreateImageRequest } from "../image-builders/handlers";

export function imageAssistant(model: ServiceModel): Record<string, InternalOperation> {
  const member = (name: string, shape: string) => ({ name, shape: model.shapes.get(shape)! });
  const input: Shape = {
    name: "CreateImageRequest",
    type: "structure",
    required: new Set(["Builder", "ImageName"]),
    members: {
      Builder: member("Builder", "Name"),
      ImageName: member("ImageName", "Name"),
      DisplayName: member("DisplayName", "DisplayName"),
      Description: member("Description", "Description"),
      Tags: member("Tags", "Tags"),
    },
  };
  return {
    CreateImage: { input, handler: (ctx, i: CreateImageRequest & { Builder: string }) => createImageFromBuilder(ctx, i.Builder, i) },
  };
}
