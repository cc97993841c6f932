// Who calls and where: the SigV4 credential scope names the access key, region and service.
// An access key id of 12 digits is the account id; any other key is the default account.
import type { RawRequest } from "../protocols/protocol";

export const DEFAULT_ACCOUNT = "000000000000";
export const DEFAULT_REGION = "us-east-1";

export interface Caller {
  accessKeyId?: string;
  accountId: string;
  region: string;
  /** The signing name from the credential scope (appstream, ec2, sts), when the request is signed. */
  service?: string;
}

const SCOPE = /Credential=([^/,\s]+)\/[0-9]{8}\/([a-z0-9-]{1,40})\/([a-z0-9-]{1,40})\/aws4_request/;

export function accountOf(accessKeyId: string | undefined): string {
  return accessKeyId && /^[0-9]{12}$/.test(accessKeyId) ? accessKeyId : DEFAULT_ACCOUNT;
}

export function callerOf(req: RawRequest): Caller {
  const header = req.headers["authorization"];
  const m = header ? SCOPE.exec(header) : null;
  let parts: string[] | undefined = m ? [m[1], m[2], m[3]] : undefined;
  if (!parts) {
    const credential = req.query.get("X-Amz-Credential");
    const p = credential?.split("/");
    if (p && p.length === 5) parts = [p[0], p[2], p[3]];
  }
  if (!parts) return { accountId: DEFAULT_ACCOUNT, region: DEFAULT_REGION };
  return { accessKeyId: parts[0], accountId: accountOf(parts[0]), region: parts[1], service: parts[2] };
}
