// A request context for admin calls that act as an account in a region (?accountId=&region=).
import type { App } from "../app";
import type { RawRequest } from "../protocols/protocol";
import type { RequestContext } from "../gateway/context";
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from "../gateway/caller";
import { timings } from "../config";
import { requestId } from "../util/ids";
import { AdminError } from "./json";

export function adminContext(app: App, req: RawRequest, operation: string): RequestContext {
  const accountId = req.query.get("accountId") ?? DEFAULT_ACCOUNT;
  const region = req.query.get("region") ?? DEFAULT_REGION;
  if (!/^[0-9]{12}$/.test(accountId)) throw new AdminError(400, "InvalidAccountId", "accountId must be 12 digits.");
  if (!/^[a-z]{2}(-[a-z]+)+-[0-9]$/.test(region)) throw new AdminError(400, "InvalidRegion", `region ${region} is not a region name.`);
  return contextAt(app, accountId, region, app.clock.now(), operation);
}

/** A context that acts as an account in a region at a given time. */
export function contextAt(app: App, accountId: string, region: string, now: number, operation = "Seed"): RequestContext {
  return {
    service: "admin", operation, accountId, region, requestId: requestId(), now, store: app.store,
    timings: timings(app.config.transitionSeconds), partition: { account: accountId, region },
  };
}
