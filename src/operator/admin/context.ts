// Who an admin call acts as: an account in a region (?accountId=&region=), the defaults otherwise.
import type { RawRequest } from "../../protocols/protocol";
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from "../../gateway/caller";
import type { InProcessCaller } from "../../gateway/gateway";
import { AdminError } from "./json";

export function adminCaller(req: RawRequest): InProcessCaller {
  const accountId = req.query.get("accountId") ?? DEFAULT_ACCOUNT;
  const region = req.query.get("region") ?? DEFAULT_REGION;
  if (!/^[0-9]{12}$/.test(accountId)) throw new AdminError(400, "InvalidAccountId", "accountId must be 12 digits.");
  if (!/^[a-z]{2}(-[a-z]+)+-[0-9]$/.test(region)) throw new AdminError(400, "InvalidRegion", `region ${region} is not a region name.`);
  return { accountId, region };
}
