// The app block builder's "finish packaging" inside a running builder ("Create an app block with AppStream 2.0
// packaging", appstream-app-blocks-create.html): the applications installed in the streaming session become the
// application package (VHD) of the builder's app block, which is then ACTIVE (AppBlock.State). AppStream has no
// public API for it, so imagelite offers it as an internal operation (seed files) that runs like the others.
import type { ServiceModel, Shape } from "../../../model/model";
import type { InternalOperation } from "../../../gateway/service";
import type { RequestContext } from "../../../gateway/context";
import { stateAt } from "../../../state/lifecycle";
import * as err from "../errors";
import { appBlocks } from "../app-blocks/records";
import { appBlockOfArn, appBlockView } from "../app-blocks/handlers";
import { appBlockBuilders } from "./records";

export function finishPackaging(ctx: RequestContext, builderName: string) {
  const builder = appBlockBuilders.get(ctx, builderName);
  if (!builder) throw err.notFound(`App block builder ${builderName} does not exist.`);
  const state = stateAt(builder.schedule, ctx.now);
  if (state !== "RUNNING") {
    throw err.notPermitted(`The app block builder ${builderName} is in the ${state} state. It must be RUNNING for this action to succeed.`);
  }
  const block = builder.appBlockArn ? appBlockOfArn(ctx, builder.appBlockArn) : undefined;
  if (!block) throw err.notPermitted(`App block builder ${builderName} is not associated with an app block.`);
  block.packaged = true;
  appBlocks.put(ctx, block);
  return { AppBlock: appBlockView(block) };
}

export function appBlockBuilderAssistant(model: ServiceModel): Record<string, InternalOperation> {
  const input: Shape = {
    name: "FinishAppBlockPackagingRequest",
    type: "structure",
    required: new Set(["Builder"]),
    members: { Builder: { name: "Builder", shape: model.shapes.get("Name")! } },
  };
  return { FinishAppBlockPackaging: { input, handler: (ctx, i: { Builder: string }) => finishPackaging(ctx, i.Builder) } };
}
