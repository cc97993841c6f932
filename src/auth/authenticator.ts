// Who is calling, by --auth mode: `off` — everyone is the default account; `scope` — the credential
// scope names account and region, unchecked; `strict` — the SigV4 signature is verified against known
// credentials. Known credentials also bring their account and identity policies in `scope` mode.
import type { RawRequest } from "../protocols/protocol";
import { callerOf, DEFAULT_ACCOUNT, type Caller } from "../gateway/caller";
import type { Credential } from "./credentials";
import { AuthFailure, readSignature, verifySignature, type SigningRules } from "./sigv4";

export type AuthMode = "off" | "scope" | "strict";

export interface Identity extends Caller {
  credential?: Credential;
}

export class Authenticator {
  constructor(
    readonly mode: AuthMode,
    private readonly credentials: Map<string, Credential>,
    private readonly now: () => number = Date.now,
  ) {}

  get credentialCount(): number {
    return this.credentials.size;
  }

  /** The caller without checking a signature (modes off and scope); `caller` when the scope is read already. */
  unverified(req: RawRequest, caller: Caller = callerOf(req)): Identity {
    if (this.mode === "off") return { ...caller, accountId: DEFAULT_ACCOUNT };
    const credential = caller.accessKeyId ? this.credentials.get(caller.accessKeyId) : undefined;
    return credential ? { ...caller, accountId: credential.accountId, credential } : caller;
  }

  /** The verified caller; throws AuthFailure with the kind of refusal. */
  async identify(req: RawRequest, rules: SigningRules): Promise<Identity> {
    if (this.mode !== "strict") return this.unverified(req);
    const signed = readSignature(req);
    const credential = this.credentials.get(signed.accessKeyId);
    if (!credential) throw new AuthFailure("unknownKey");
    await verifySignature(req, signed, credential, rules, this.now());
    return { accessKeyId: signed.accessKeyId, accountId: credential.accountId, region: signed.region, service: signed.service, credential };
  }
}
