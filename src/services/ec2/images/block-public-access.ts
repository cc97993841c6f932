// Block public access for AMIs, per account and region ("Block public access to your AMIs", EC2 User Guide,
// block-public-access-to-amis.html; API_EnableImageBlockPublicAccess.html): while it is on, no AMI of the
// account can be made public (ModifyImageAttribute answers OperationNotPermitted), and AMIs already public
// stay public. A change takes a while to apply: GetImageBlockPublicAccessState shows the old state until
// it has, as AWS documents ("up to 10 minutes").
import type { RequestContext } from "../../../gateway/context";
import { plan, stateAt } from "../../../state/lifecycle";
import { collection } from "../../../state/collection";
import { schema, type RecordOf } from "../../../state/record-schema";
import type { Ec2Handlers } from "../api.generated";
import * as err from "../errors";

const blockPublicAccessSchema = schema({ schedule: "schedule" });
type BlockPublicAccessRecord = RecordOf<typeof blockPublicAccessSchema>;

/** One setting per account and region. */
export const blockPublicAccess = collection<BlockPublicAccessRecord>({
  type: "ec2.image-block-public-access",
  schema: blockPublicAccessSchema,
  key: () => "account",
});

type State = "unblocked" | "block-new-sharing";

function stateOf(ctx: RequestContext): State {
  const rec = blockPublicAccess.get(ctx, "account");
  return rec ? (stateAt(rec.schedule, ctx.now) as State) : "unblocked";
}

/** Moves the setting to `to` once the change has applied; the state shown until then is the current one. */
function change(ctx: RequestContext, to: State): void {
  const from = stateOf(ctx);
  blockPublicAccess.put(ctx, { schedule: plan(ctx.now, [from, ctx.timings.seconds("blockPublicAccess")], [to]) });
}

/** Refuses to make an AMI public while block public access is on for the caller's account and region. */
export function checkPublicSharingAllowed(ctx: RequestContext): void {
  if (stateOf(ctx) === "block-new-sharing") {
    throw err.operationNotPermitted(
      "This image cannot be shared publicly: block public access for AMIs is on for this account and Region. " +
        "Call DisableImageBlockPublicAccess to share AMIs publicly.",
    );
  }
}

export const blockPublicAccessHandlers: Pick<
  Ec2Handlers,
  "EnableImageBlockPublicAccess" | "DisableImageBlockPublicAccess" | "GetImageBlockPublicAccessState"
> = {
  EnableImageBlockPublicAccess(ctx, { ImageBlockPublicAccessState }) {
    change(ctx, ImageBlockPublicAccessState);
    return { ImageBlockPublicAccessState };
  },
  DisableImageBlockPublicAccess(ctx) {
    change(ctx, "unblocked");
    return { ImageBlockPublicAccessState: "unblocked" };
  },
  GetImageBlockPublicAccessState(ctx) {
    return { ImageBlockPublicAccessState: stateOf(ctx), ManagedBy: "account" };
  },
};
