// DisableImage and EnableImage ("Disable an Amazon EC2 AMI", disable-an-ami.html). Disabling is a step of the
// AMI's schedule: `disabled` from now on, so that every module that reads amiState() (RunInstances, CopyImage,
// AppStream's CreateImportedImage, fast launch) refuses it as it refuses any AMI that is not available. It also
// removes every launch permission, public or shared: the grantees lose the AMI and, once it is enabled again
// (`available`), do not get it back until it is shared anew. Only the owner disables or enables an AMI.
import { ServiceError } from "../../../errors/service-error";
import type { RequestContext } from "../../../gateway/context";
import type { Ec2Handlers } from "../api.generated";
import { findOwnLiveImage, saveImage } from "./access";
import { amiState, type AmiRecord } from "./records";
import { resetPermissions } from "./launch-permissions";

const incorrectState = (message: string) => new ServiceError("IncorrectState", message);

/** Ends the schedule with `state` from now on (its past steps other than the current one are of no more use). */
function enter(ctx: RequestContext, rec: AmiRecord, state: string): void {
  const past = rec.schedule.filter((s) => s.at <= ctx.now);
  rec.schedule = [...past.slice(-1), { state, at: ctx.now }];
  saveImage(ctx, rec);
}

export const imageDisableHandlers: Pick<Ec2Handlers, "DisableImage" | "EnableImage"> = {
  DisableImage(ctx, { ImageId }) {
    const rec = findOwnLiveImage(ctx, ImageId);
    const state = amiState(ctx, rec);
    if (state === "disabled") return { Return: true };
    if (state !== "available") throw incorrectState(`The image '${ImageId}' is ${state}; only an available image can be disabled.`);
    resetPermissions(ctx, rec);
    enter(ctx, rec, "disabled");
    return { Return: true };
  },

  EnableImage(ctx, { ImageId }) {
    const rec = findOwnLiveImage(ctx, ImageId);
    const state = amiState(ctx, rec);
    if (state === "available") return { Return: true };
    if (state !== "disabled") throw incorrectState(`The image '${ImageId}' is ${state}; only a disabled image can be enabled.`);
    enter(ctx, rec, "available");
    return { Return: true };
  },
};
