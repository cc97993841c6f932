// Generated from models/sts.json by scripts/generate-types.js. Do not edit.
/* eslint-disable */
import type { RequestContext } from "../../gateway/context";

export interface GetCallerIdentityRequest {
}
export interface GetCallerIdentityResponse {
  Account?: string;
  Arn?: string;
  UserId?: string;
}

/** The operations imagelite serves for sts: each handler gets the parsed, validated input. */
export interface StsHandlers {
  GetCallerIdentity(ctx: RequestContext, input: GetCallerIdentityRequest): GetCallerIdentityResponse;
}
