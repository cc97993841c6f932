// Streaming URLs and sessions (CreateStreamingURL, CreateImageBuilderStreamingURL, DescribeSessions,
// ExpireSession in the AppStream API reference). A URL is only an invitation: AWS starts a session when a
// user opens it and connects, which never happens against an emulator, so DescribeSessions always lists no
// sessions and ExpireSession has nothing to stop.
import { createHmac } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import { stateAt } from "../../../state/lifecycle";
import type { AppStreamHandlers } from "../api.generated";
import * as err from "../errors";
import { getBuilder } from "../image-builders/handlers";
import { getFleet } from "../fleets/handlers";
import { fleetsOfStack } from "../stacks/records";
import { mustGetStack } from "../stacks/handlers";

/** Validity in seconds: 1 to 604800 (API reference, CreateStreamingURL and CreateImageBuilderStreamingURL). */
const MAX_VALIDITY = 604800;

function validity(given: number | undefined, dflt: number): number {
  if (given === undefined) return dflt;
  if (given < 1 || given > MAX_VALIDITY) {
    throw err.invalidCombination(`The validity must be between 1 and ${MAX_VALIDITY} seconds.`);
  }
  return given;
}

/** https://appstream2.<region>.aws.amazon.com/authenticate?parameters=…&signature=…, as the service shapes its URLs. */
function streamingUrl(ctx: RequestContext, params: Record<string, unknown>): string {
  const parameters = Buffer.from(JSON.stringify({ ...params, awsAccountId: ctx.accountId })).toString("base64url");
  const signature = createHmac("sha256", "imagelite-streaming-url").update(parameters).digest("base64url");
  return `https://appstream2.${ctx.region}.aws.amazon.com/authenticate?parameters=${parameters}&signature=${signature}`;
}

export const streamingHandlers: Pick<
  AppStreamHandlers,
  "CreateStreamingURL" | "CreateImageBuilderStreamingURL" | "DescribeSessions" | "ExpireSession"
> = {
  CreateStreamingURL(ctx, input) {
    const seconds = validity(input.Validity, 60);
    mustGetStack(ctx, input.StackName);
    const fleet = getFleet(ctx, input.FleetName);
    if (!fleet) throw err.notFound(`Fleet ${input.FleetName} does not exist.`);
    if (!fleetsOfStack.get(ctx, [input.StackName, input.FleetName])) {
      throw err.invalidCombination(`Fleet ${input.FleetName} is not associated with stack ${input.StackName}.`);
    }
    const state = stateAt(fleet.schedule, ctx.now);
    if (state !== "RUNNING") {
      throw err.notAvailable(`Fleet ${input.FleetName} is ${state}. It must be RUNNING to stream from it.`);
    }
    const expires = ctx.now + seconds * 1000;
    const url = streamingUrl(ctx, {
      type: "END_USER",
      expires: Math.floor(expires / 1000),
      userId: input.UserId,
      catalogSource: `stack/${input.StackName}`,
      fleetRef: `fleet/${input.FleetName}`,
      ...(input.ApplicationId ? { applicationId: input.ApplicationId } : {}),
      ...(input.SessionContext ? { userContext: input.SessionContext } : {}),
    });
    return { StreamingURL: url, Expires: new Date(expires) };
  },

  CreateImageBuilderStreamingURL(ctx, input) {
    const seconds = validity(input.Validity, 3600);
    const builder = getBuilder(ctx, input.Name);
    if (!builder) throw err.notFound(`Image builder ${input.Name} does not exist.`);
    const state = stateAt(builder.schedule, ctx.now);
    if (state !== "RUNNING") {
      throw err.notPermitted(`The image builder ${input.Name} is in the ${state} state. It must be RUNNING for this action to succeed.`);
    }
    const expires = ctx.now + seconds * 1000;
    const url = streamingUrl(ctx, {
      type: "ADMIN",
      expires: Math.floor(expires / 1000),
      imageBuilderRef: `image-builder/${input.Name}`,
    });
    return { StreamingURL: url, Expires: new Date(expires) };
  },

  DescribeSessions(_ctx, input) {
    if (input.Limit !== undefined && input.Limit < 0) throw err.invalidCombination("The limit must not be negative.");
    // "If you specify a user ID, you must also specify the authentication type" (API reference, DescribeSessions).
    if (input.UserId !== undefined && input.AuthenticationType === undefined) {
      throw err.invalidCombination("AuthenticationType is required when UserId is specified.");
    }
    // No session ever starts (see the header). The stack and fleet are not looked up: the operation names no
    // ResourceNotFoundException, so an unknown pair lists no sessions either.
    return { Sessions: [] };
  },

  ExpireSession() {
    // The operation names no error: an unknown session id is accepted, and every id is unknown here.
    return {};
  },
};
