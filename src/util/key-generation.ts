// New key pairs (EC2 CreateKeyPair), drawn here as ids are drawn in ids.ts: one place a test that replays
// requests can make repeatable.
import { generateKeyPairSync, type KeyObject } from "node:crypto";

/** A new 2048-bit RSA or ED25519 key pair. */
export const newKeyPair = (type: "rsa" | "ed25519"): { privateKey: KeyObject; publicKey: KeyObject } =>
  type === "rsa" ? generateKeyPairSync("rsa", { modulusLength: 2048 }) : generateKeyPairSync("ed25519");
