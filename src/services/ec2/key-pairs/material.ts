// Key material as EC2 hands it out and takes it in ("Create a key pair", create-key-pairs.html; CreateKeyPair
// reference: an unencrypted PEM PKCS#1 RSA key, or for ED25519 the OpenSSH private key format; or PuTTY's
// PPK) and the fingerprints it shows ("Verify the fingerprint of your key pair", verify-keys.html): for a key
// EC2 made, RSA is the SHA-1 of the PKCS#8 DER private key and ED25519 the base64 SHA-256 of the public key;
// for an imported RSA key, the MD5 of the DER public key. Imported keys come as OpenSSH public keys
// (`ssh-rsa AAAA... comment`), RFC 4716 SSH2 public key files, or base64 DER (import-key-pair.html).
import { createHash, createHmac, createPublicKey, randomBytes, type KeyObject } from "node:crypto";
import { newKeyPair } from "../../../util/key-generation";
import type { KeyFormat, KeyType } from "../api.generated";

/** The SSH wire encoding (RFC 4251): strings and multiple-precision integers with a 32-bit length. */
const sshString = (b: Buffer | string): Buffer => {
  const body = typeof b === "string" ? Buffer.from(b) : b;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
};
const mpint = (b: Buffer): Buffer => {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  const trimmed = b.subarray(i);
  return sshString(trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
};
const uint32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

const jwkBytes = (v: string | undefined): Buffer => Buffer.from(v ?? "", "base64url");

const colonHex = (digest: Buffer): string => digest.toString("hex").replace(/(..)(?!$)/g, "$1:");
const sha256Fingerprint = (blob: Buffer): string => createHash("sha256").update(blob).digest("base64");

const wrap = (text: string, width: number): string => text.replace(new RegExp(`(.{${width}})`, "g"), "$1\n").replace(/\n$/, "");

/** The SSH public key blob: `ssh-rsa` e n, or `ssh-ed25519` and the 32-byte key. */
function publicBlob(key: KeyObject): Buffer {
  const jwk = key.export({ format: "jwk" });
  if (jwk.kty === "RSA") return Buffer.concat([sshString("ssh-rsa"), mpint(jwkBytes(jwk.e)), mpint(jwkBytes(jwk.n))]);
  return Buffer.concat([sshString("ssh-ed25519"), sshString(jwkBytes(jwk.x))]);
}

const algorithmOf = (type: KeyType) => (type === "rsa" ? "ssh-rsa" : "ssh-ed25519");

/** The OpenSSH private key format (PROTOCOL.key in OpenSSH's sources), unencrypted, as ssh-keygen writes it. */
function openSshPrivateKey(privateKey: KeyObject, publicKey: KeyObject, comment: string): string {
  const jwk = privateKey.export({ format: "jwk" });
  const seed = jwkBytes(jwk.d);
  const pub = jwkBytes(jwk.x);
  const check = randomBytes(4);
  let section = Buffer.concat([
    check,
    check,
    sshString("ssh-ed25519"),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])),
    sshString(comment),
  ]);
  const pad = (8 - (section.length % 8)) % 8;
  section = Buffer.concat([section, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))]);
  const body = Buffer.concat([
    Buffer.from("openssh-key-v1\0"),
    sshString("none"),
    sshString("none"),
    sshString(""),
    uint32(1),
    sshString(publicBlob(publicKey)),
    sshString(section),
  ]);
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(body.toString("base64"), 70)}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

/** PuTTY's private key file, version 2, unencrypted (PuTTY manual, appendix C "PPK file format"). */
function ppk(type: KeyType, privateKey: KeyObject, publicKey: KeyObject, comment: string): string {
  const jwk = privateKey.export({ format: "jwk" });
  const algorithm = algorithmOf(type);
  let priv: Buffer;
  if (type === "rsa") {
    priv = Buffer.concat([mpint(jwkBytes(jwk.d)), mpint(jwkBytes(jwk.p)), mpint(jwkBytes(jwk.q)), mpint(jwkBytes(jwk.qi))]);
  } else {
    // PuTTY keeps the EdDSA private key as a little-endian integer, without its high zero bytes.
    const seed = jwkBytes(jwk.d);
    let end = seed.length;
    while (end > 0 && seed[end - 1] === 0) end--;
    priv = sshString(seed.subarray(0, end));
  }
  const pub = publicBlob(publicKey);
  const macKey = createHash("sha1").update("putty-private-key-file-mac-key").digest();
  const mac = createHmac("sha1", macKey)
    .update(Buffer.concat([sshString(algorithm), sshString("none"), sshString(comment), sshString(pub), sshString(priv)]))
    .digest("hex");
  const lines = (b: Buffer) => wrap(b.toString("base64"), 64).split("\n");
  const pubLines = lines(pub);
  const privLines = lines(priv);
  return [
    `PuTTY-User-Key-File-2: ${algorithm}`,
    "Encryption: none",
    `Comment: ${comment}`,
    `Public-Lines: ${pubLines.length}`,
    ...pubLines,
    `Private-Lines: ${privLines.length}`,
    ...privLines,
    `Private-MAC: ${mac}`,
    "",
  ].join("\r\n");
}

export interface NewKey {
  KeyMaterial: string;
  KeyFingerprint: string;
  /** `ssh-rsa AAAA...` / `ssh-ed25519 AAAA...`: what IncludePublicKey shows. */
  PublicKey: string;
}

/** A new key pair, 2048-bit RSA or ED25519, its private key in `format` and its fingerprint as EC2 computes it. */
export function generateKey(type: KeyType, format: KeyFormat, name: string): NewKey {
  const { privateKey, publicKey } = newKeyPair(type);
  const blob = publicBlob(publicKey);
  const KeyFingerprint =
    type === "rsa"
      ? colonHex(
          createHash("sha1")
            .update(privateKey.export({ type: "pkcs8", format: "der" }))
            .digest(),
        )
      : sha256Fingerprint(blob);
  let KeyMaterial: string;
  if (format === "ppk") KeyMaterial = ppk(type, privateKey, publicKey, name);
  else if (type === "rsa") KeyMaterial = (privateKey.export({ type: "pkcs1", format: "pem" }) as string).trimEnd();
  else KeyMaterial = openSshPrivateKey(privateKey, publicKey, "");
  return { KeyMaterial, KeyFingerprint, PublicKey: `${algorithmOf(type)} ${blob.toString("base64")}` };
}

export interface ImportedKey {
  KeyType: KeyType;
  KeyFingerprint: string;
  PublicKey: string;
}

/** Reads one SSH wire string at `at`; undefined past the end. */
function readString(b: Buffer, at: number): { value: Buffer; next: number } | undefined {
  if (at + 4 > b.length) return undefined;
  const len = b.readUInt32BE(at);
  if (at + 4 + len > b.length) return undefined;
  return { value: b.subarray(at + 4, at + 4 + len), next: at + 4 + len };
}

function fromBlob(blob: Buffer): ImportedKey | undefined {
  const type = readString(blob, 0);
  if (!type) return undefined;
  const name = type.value.toString();
  if (name === "ssh-rsa") {
    const e = readString(blob, type.next);
    const n = e && readString(blob, e.next);
    if (!e || !n || n.next !== blob.length) return undefined;
    return fromKeyObject(rsaKey(e.value, n.value), blob);
  }
  if (name === "ssh-ed25519") {
    const pub = readString(blob, type.next);
    if (!pub || pub.next !== blob.length || pub.value.length !== 32) return undefined;
    return fromKeyObject(createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: pub.value.toString("base64url") }, format: "jwk" }), blob);
  }
  return undefined;
}

const rsaKey = (e: Buffer, n: Buffer): KeyObject =>
  createPublicKey({ key: { kty: "RSA", e: e.toString("base64url"), n: stripZero(n).toString("base64url") }, format: "jwk" });
const stripZero = (b: Buffer): Buffer => (b.length > 1 && b[0] === 0 ? b.subarray(1) : b);

const MIN_RSA_BITS = 1024;
const MAX_RSA_BITS = 16384;

function fromKeyObject(key: KeyObject, blob = publicBlob(key)): ImportedKey | undefined {
  if (key.asymmetricKeyType === "rsa") {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) return undefined;
    const der = key.export({ type: "spki", format: "der" });
    return {
      KeyType: "rsa",
      KeyFingerprint: colonHex(createHash("md5").update(der).digest()),
      PublicKey: `ssh-rsa ${blob.toString("base64")}`,
    };
  }
  if (key.asymmetricKeyType === "ed25519") {
    return { KeyType: "ed25519", KeyFingerprint: sha256Fingerprint(blob), PublicKey: `ssh-ed25519 ${blob.toString("base64")}` };
  }
  return undefined;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The public key of ImportKeyPair's material; undefined when it is none of the accepted formats. */
export function readPublicKey(material: Uint8Array): ImportedKey | undefined {
  const text = Buffer.from(material).toString("utf8").trim();
  try {
    // OpenSSH: `<type> <base64 blob> [comment]`.
    const openssh = /^(ssh-rsa|ssh-ed25519)\s+([A-Za-z0-9+/]+={0,2})(\s.*)?$/s.exec(text);
    if (openssh) {
      const key = fromBlob(Buffer.from(openssh[2], "base64"));
      return key && key.PublicKey.split(" ")[0] === openssh[1] ? key : undefined;
    }
    // RFC 4716: header lines (`Name: value`, possibly continued with `\`) then the base64 blob.
    if (text.startsWith("---- BEGIN SSH2 PUBLIC KEY ----")) {
      const lines = text.split(/\r?\n/).slice(1);
      const end = lines.findIndex((l) => l.trim() === "---- END SSH2 PUBLIC KEY ----");
      if (end < 0) return undefined;
      let body = "";
      let continued = false;
      for (const line of lines.slice(0, end)) {
        const header: boolean = continued || /^[^\s:]+:/.test(line);
        continued = header && line.endsWith("\\");
        if (!header) body += line.trim();
      }
      return BASE64.test(body) ? fromBlob(Buffer.from(body, "base64")) : undefined;
    }
    // PEM or base64 DER SubjectPublicKeyInfo.
    if (text.startsWith("-----BEGIN PUBLIC KEY-----")) return fromKeyObject(createPublicKey(text));
    const compact = text.replace(/\s+/g, "");
    if (BASE64.test(compact)) return fromKeyObject(createPublicKey({ key: Buffer.from(compact, "base64"), format: "der", type: "spki" }));
  } catch {
    return undefined;
  }
  return undefined;
}
