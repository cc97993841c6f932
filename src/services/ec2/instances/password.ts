// GetPasswordData ("Connect to your Windows instance using RDP", connecting_to_windows_instance.html, and the API
// reference): a Windows instance launched with an RSA key pair gets a random administrator password, which EC2
// gives back encrypted with the key pair's public key (RSA PKCS#1 v1.5), base64-encoded, so that the key pair's
// private key decrypts it. EC2 needs a few minutes after launch before it has one ("wait at least four minutes");
// until then PasswordData is empty. The password is encrypted when the instance is launched: imagelite never
// keeps it in the clear, and a key pair deleted later changes nothing. ED25519 key pairs cannot be used with
// Windows instances (the same guide).
import { createHash, createPublicKey } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import * as err from "../errors";
import type { KeyPairRecord } from "../key-pairs/records";
import { instanceState, type InstanceRecord } from "./records";

/** Phases of instanceStart after the instance first runs before its password is ready (four minutes at EC2's pace). */
const READY_PHASES = 4;

/** The SSH wire form of an `ssh-rsa` public key, as a key object. */
function rsaPublicKey(openSsh: string) {
  const blob = Buffer.from(openSsh.trim().split(/\s+/)[1] ?? "", "base64");
  const parts: Buffer[] = [];
  for (let at = 0; at + 4 <= blob.length && parts.length < 3;) {
    const n = blob.readUInt32BE(at);
    parts.push(blob.subarray(at + 4, at + 4 + n));
    at += 4 + n;
  }
  const [type, e, n] = parts;
  if (type?.toString() !== "ssh-rsa" || !e || !n) return undefined;
  const strip = (b: Buffer) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    return b.subarray(i).toString("base64url");
  };
  return createPublicKey({ key: { kty: "RSA", n: strip(n), e: strip(e) }, format: "jwk" });
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!$%&*()-.?;@";

const digest = (...parts: string[]) => createHash("sha256").update(parts.join(" ")).digest();

/** x^e mod n. */
function modPow(x: bigint, e: bigint, n: bigint): bigint {
  let [result, base] = [1n, x % n];
  for (; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * base) % n;
    base = (base * base) % n;
  }
  return result;
}

/**
 * RSAES-PKCS1-v1_5 encryption (RFC 8017, 7.2.1) whose padding string is drawn from `seed` rather than at random,
 * so that a state replayed from the same requests holds the same answer.
 */
function pkcs1Encrypt(jwk: { n: string; e: string }, message: Buffer, seed: string): Buffer {
  const n = Buffer.from(jwk.n, "base64url");
  const k = n.length;
  const padding: number[] = [];
  for (let i = 0; padding.length < k - message.length - 3; i++) for (const b of digest("pad", seed, String(i))) if (b) padding.push(b);
  const block = Buffer.concat([Buffer.from([0, 2]), Buffer.from(padding.slice(0, k - message.length - 3)), Buffer.from([0]), message]);
  const big = (b: Buffer) => BigInt(`0x${b.toString("hex") || "0"}`);
  const c = modPow(big(block), big(Buffer.from(jwk.e, "base64url")), big(n));
  return Buffer.from(c.toString(16).padStart(2 * k, "0"), "hex");
}

/**
 * The instance's administrator password, encrypted with the key pair's public key; ED25519 pairs are refused.
 * imagelite runs no Windows: the password is drawn from the instance and the key (no secret of its own to keep),
 * which is all a client can check (it decrypts with the pair's private key).
 */
export function encryptedPassword(pair: KeyPairRecord, instanceId: string, launchedAt: number): string {
  const key = pair.KeyType === "rsa" ? rsaPublicKey(pair.PublicKey) : undefined;
  if (!key)
    throw err.invalidValue(`ED25519 key pairs are not supported with Windows AMIs. Use an RSA key pair instead of '${pair.KeyName}'.`);
  const seed = `${instanceId} ${launchedAt} ${pair.KeyFingerprint}`;
  const password = [...digest("password", seed)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  const jwk = key.export({ format: "jwk" }) as { n: string; e: string };
  return pkcs1Encrypt(jwk, Buffer.from(password), seed).toString("base64");
}

/** When the instance first reached `running`, if it has. */
function firstRunning(r: InstanceRecord, now: number): number | undefined {
  return r.schedule.find((s) => s.state === "running" && s.at <= now)?.at;
}

/** What GetPasswordData answers: the encrypted password once ready, "" before, or for an instance without one. */
export function passwordData(ctx: RequestContext, r: InstanceRecord): string {
  if (!r.windowsPassword || instanceState(ctx, r) === "terminated") return "";
  const since = firstRunning(r, ctx.now);
  if (since === undefined) return "";
  return ctx.now >= since + READY_PHASES * ctx.timings.seconds("instanceStart") * 1000 ? r.windowsPassword : "";
}
