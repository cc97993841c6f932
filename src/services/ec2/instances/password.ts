// GetPasswordData ("Connect to your Windows instance using RDP", connecting_to_windows_instance.html, and the API
// reference): a Windows instance launched with an RSA key pair gets a random administrator password, which EC2
// gives back encrypted with the key pair's public key (RSA PKCS#1 v1.5), base64-encoded, so that the key pair's
// private key decrypts it. EC2 needs a few minutes after launch before it has one ("wait at least four minutes");
// until then PasswordData is empty. The password is encrypted when the instance is launched: imagelite never
// keeps it in the clear, and a key pair deleted later changes nothing. ED25519 key pairs cannot be used with
// Windows instances (the same guide).
import { constants, createPublicKey, publicEncrypt, randomBytes } from "node:crypto";
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

/** A new administrator password, encrypted with the key pair's public key; ED25519 pairs are refused. */
export function encryptedPassword(pair: KeyPairRecord): string {
  const key = pair.KeyType === "rsa" ? rsaPublicKey(pair.PublicKey) : undefined;
  if (!key)
    throw err.invalidValue(`ED25519 key pairs are not supported with Windows AMIs. Use an RSA key pair instead of '${pair.KeyName}'.`);
  const password = [...randomBytes(32)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return publicEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(password)).toString("base64");
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
