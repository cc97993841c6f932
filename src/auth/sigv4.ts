// Signature Version 4 verification for --auth strict: the Authorization header or presigned query
// parameters are read here, and the expected signature is computed by the AWS SDK's own signer
// (@smithy/signature-v4) from the request as received ("Signature Version 4 signing process", IAM User Guide).
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { SignatureV4 as SignatureV4Type } from "@smithy/signature-v4";
import type { RawRequest } from "../protocols/protocol";
import type { Credential } from "./credentials";
import type { AuthFailureKind } from "./auth-errors";
import { isRegion } from "../util/regions";

/** The SDK signer's hash interface, on Node's crypto. */
type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data): string | Uint8Array =>
  typeof d === "string" ? d : d instanceof ArrayBuffer ? new Uint8Array(d) : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);

export class Sha256 {
  private readonly hash;
  constructor(secret?: Data) {
    this.hash = secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(secret));
  }
  update(data: Data): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

/** Clock skew a signed request may have, and the longest a presigned URL may live. */
export const MAX_SKEW_MS = 5 * 60 * 1000;
const MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;

export interface SignedRequest {
  accessKeyId: string;
  date: Date;
  longDate: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  sessionToken?: string;
  /** Seconds a presigned URL is valid; absent for a header-signed request. */
  expires?: number;
}

export class AuthFailure extends Error {
  constructor(
    readonly kind: AuthFailureKind,
    message?: string,
  ) {
    super(message ?? kind);
  }
}

const LONG_DATE = /^([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})Z$/;

function parseLongDate(s: string): Date | undefined {
  const m = LONG_DATE.exec(s);
  if (!m) return undefined;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const toLongDate = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.[0-9]{3}/, "");

/** Reads what the request says about its signature; throws AuthFailure("missing" | "incomplete"). */
export function readSignature(req: RawRequest): SignedRequest {
  const header = req.headers["authorization"];
  const q = req.query;
  if (header === undefined && !q.has("X-Amz-Signature") && !q.has("X-Amz-Credential")) throw new AuthFailure("missing");
  let credential: string | undefined;
  let signedHeaders: string | undefined;
  let signature: string | undefined;
  let dateText: string | undefined;
  let expires: number | undefined;
  let sessionToken: string | undefined;
  if (header !== undefined) {
    if (!header.startsWith("AWS4-HMAC-SHA256 ")) {
      throw new AuthFailure(
        "incomplete",
        `Authorization header requires the AWS4-HMAC-SHA256 algorithm. Authorization=${header.slice(0, 40)}`,
      );
    }
    const parts = new Map<string, string>();
    for (const p of header.slice("AWS4-HMAC-SHA256 ".length).split(",")) {
      const eq = p.indexOf("=");
      if (eq > 0) parts.set(p.slice(0, eq).trim(), p.slice(eq + 1).trim());
    }
    credential = parts.get("Credential");
    signedHeaders = parts.get("SignedHeaders");
    signature = parts.get("Signature");
    const missing = ["Credential", "SignedHeaders", "Signature"].filter((k) => !parts.get(k));
    if (missing.length) {
      throw new AuthFailure("incomplete", missing.map((k) => `Authorization header requires '${k}' parameter.`).join(" "));
    }
    dateText = req.headers["x-amz-date"];
    if (dateText === undefined && req.headers["date"] !== undefined) {
      const d = new Date(req.headers["date"]);
      dateText = Number.isNaN(d.getTime()) ? "" : toLongDate(d);
    }
    if (dateText === undefined) {
      throw new AuthFailure("incomplete", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }
    sessionToken = req.headers["x-amz-security-token"];
  } else {
    const missing = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Expires"].filter(
      (k) => !q.get(k),
    );
    if (missing.length || q.get("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256") {
      throw new AuthFailure(
        "incomplete",
        `AWS query-string parameters must include ${missing.join(", ") || "X-Amz-Algorithm=AWS4-HMAC-SHA256"}.`,
      );
    }
    credential = q.get("X-Amz-Credential")!;
    signedHeaders = q.get("X-Amz-SignedHeaders")!;
    signature = q.get("X-Amz-Signature")!;
    dateText = q.get("X-Amz-Date")!;
    sessionToken = q.get("X-Amz-Security-Token") ?? undefined;
    expires = Number(q.get("X-Amz-Expires"));
    if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGNED_SECONDS) {
      throw new AuthFailure("incomplete", "X-Amz-Expires must be an integer number of seconds from 1 to 604800.");
    }
  }
  const scope = credential!.split("/");
  if (scope.length !== 5 || scope[4] !== "aws4_request" || !/^[0-9]{8}$/.test(scope[1])) {
    throw new AuthFailure("incomplete", `Credential must have the form <key>/<date>/<region>/<service>/aws4_request, not ${credential}.`);
  }
  const date = parseLongDate(dateText);
  if (!date) throw new AuthFailure("incomplete", `Date must be in ISO-8601 'basic format'. Got '${dateText}'.`);
  return {
    accessKeyId: scope[0],
    scopeDate: scope[1],
    region: scope[2],
    service: scope[3],
    date,
    longDate: dateText,
    signedHeaders: signedHeaders!.split(";").map((h) => h.trim().toLowerCase()),
    signature: signature!,
    sessionToken,
    expires,
  };
}

/** What a service asks of a signature. */
export interface SigningRules {
  signingName: string;
  /** Whether the signature may leave the body out (x-amz-content-sha256: UNSIGNED-PAYLOAD), as S3 allows. */
  acceptsUnsignedPayload?: boolean;
}

/** Checks time, scope, token and signature of a request against the credential its key names. */
export async function verifySignature(
  req: RawRequest,
  s: SignedRequest,
  cred: Credential,
  rules: SigningRules,
  nowMs: number,
): Promise<void> {
  const t = s.date.getTime();
  if (s.expires !== undefined) {
    if (nowMs > t + s.expires * 1000 || t - nowMs > MAX_SKEW_MS) throw new AuthFailure("expired");
  } else if (Math.abs(nowMs - t) > MAX_SKEW_MS) {
    const early = toLongDate(new Date(nowMs - MAX_SKEW_MS));
    const late = toLongDate(new Date(nowMs + MAX_SKEW_MS));
    throw new AuthFailure(
      "expired",
      t < nowMs
        ? `Signature expired: ${s.longDate} is now earlier than ${early} (${toLongDate(new Date(nowMs))} - 5 min.)`
        : `Signature not yet current: ${s.longDate} is still later than ${late} (${toLongDate(new Date(nowMs))} + 5 min.)`,
    );
  }
  if (s.scopeDate !== s.longDate.slice(0, 8)) {
    throw new AuthFailure(
      "mismatch",
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${s.scopeDate}' != '${s.longDate.slice(0, 8)}'`,
    );
  }
  if (s.service !== rules.signingName)
    throw new AuthFailure("mismatch", `Credential should be scoped to correct service: '${rules.signingName}'.`);
  if (!isRegion(s.region)) throw new AuthFailure("mismatch", `Credential should be scoped to a valid region, not '${s.region}'.`);
  if ((cred.sessionToken ?? undefined) !== (s.sessionToken ?? undefined)) throw new AuthFailure("badToken");

  const hashedPayload = payloadHash(req, rules);
  const credentials = { accessKeyId: cred.accessKeyId, secretAccessKey: cred.secretAccessKey, sessionToken: cred.sessionToken };
  const headers: Record<string, string> = {};
  for (const h of s.signedHeaders) {
    const v = req.headers[h];
    if (v !== undefined) headers[h] = v;
  }
  // A presigned URL's X-Amz-* parameters are part of its canonical query, as received; only the signature is not.
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of req.query) {
    if (k === "X-Amz-Signature") continue;
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  // The path as it came, percent-encoded: the signer encodes it once more, as every client of a service other than
  // S3 does when it signs (a REST label such as an ARN has its `/` and `:` encoded in the path it sent).
  const request = { method: req.method, protocol: "http:", hostname: headers.host ?? "", path: req.path, query, headers };
  const expected = await new (verifierClass(signerModule()))({
    credentials,
    region: s.region,
    service: s.service,
    sha256: Sha256,
  }).signatureOf(request, hashedPayload, s, credentials);
  const a = Buffer.from(expected);
  const b = Buffer.from(s.signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AuthFailure("mismatch");
}

/**
 * The payload hash of the canonical request, computed from the body: a client's x-amz-content-sha256 must
 * agree with it ("Create a signed AWS API request", IAM User Guide:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html). The literal
 * UNSIGNED-PAYLOAD is an Amazon S3 option (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html);
 * elsewhere it would let one signature carry any body.
 */
function payloadHash(req: RawRequest, rules: SigningRules): string {
  const claimed = req.headers["x-amz-content-sha256"];
  if (claimed === "UNSIGNED-PAYLOAD") {
    if (rules.acceptsUnsignedPayload) return claimed;
    throw new AuthFailure(
      "mismatch",
      `x-amz-content-sha256 UNSIGNED-PAYLOAD is not accepted by ${rules.signingName}: the signature must cover the request body.`,
    );
  }
  const actual = createHash("sha256").update(req.body).digest("hex");
  if (claimed !== undefined && claimed !== actual) {
    throw new AuthFailure("mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  return actual;
}

type SignerModule = typeof import("@smithy/signature-v4");

/** Loaded on first use: only --auth strict needs the signer, and start-up stays fast without it. */
const signerModule = (): SignerModule => require("@smithy/signature-v4") as SignerModule;

let Verifier: ReturnType<typeof makeVerifier> | undefined;
const verifierClass = (sdk: SignerModule) => (Verifier ??= makeVerifier(sdk));

/**
 * The SDK's signer, asked for the signature of a request over exactly the headers and query the client
 * signed and the payload hash computed here: its public sign() would add X-Amz-Date itself, and so could not
 * check a request signed with Date, and both sign() and presign() take the payload hash from the request's
 * own x-amz-content-sha256.
 */
function makeVerifier(sdk: SignerModule) {
  return class extends sdk.SignatureV4 {
    async signatureOf(
      request: Parameters<SignatureV4Type["presign"]>[0],
      payloadHash: string,
      s: SignedRequest,
      credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
    ): Promise<string> {
      const canonicalHeaders = sdk.getCanonicalHeaders(request, undefined, new Set(s.signedHeaders));
      const canonicalRequest = this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
      const scope = sdk.createScope(s.scopeDate, s.region, s.service);
      const stringToSign = await this.createStringToSign(s.longDate, scope, canonicalRequest, "AWS4-HMAC-SHA256");
      const key = await sdk.getSigningKey(Sha256, credentials, s.scopeDate, s.region, s.service);
      const hash = new Sha256(key);
      hash.update(stringToSign);
      return Buffer.from(await hash.digest()).toString("hex");
    }
  };
}
