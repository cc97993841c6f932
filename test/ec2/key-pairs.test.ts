// Key pairs through the AWS SDK: CreateKeyPair hands out real private keys (PKCS#1 PEM for RSA, the OpenSSH
// format for ED25519, or PPK) whose fingerprints are those "Verify the fingerprint of your key pair"
// (verify-keys.html) computes; ImportKeyPair takes OpenSSH public keys; DescribeKeyPairs and DeleteKeyPair.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { createHash, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import {
  CreateKeyPairCommand,
  CreateTagsCommand,
  DeleteKeyPairCommand,
  DescribeKeyPairsCommand,
  ImportKeyPairCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import { ACCOUNT_A, ACCOUNT_B, rejection, TEST_START, useServer } from "../support/server";

let a: EC2Client;
let b: EC2Client;

const fx = useServer();
beforeEach(() => {
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

const describe = async (input = {}, client = a) => (await client.send(new DescribeKeyPairsCommand(input))).KeyPairs!;

/** SSH wire strings (RFC 4251), to build public keys and read the OpenSSH private key format. */
const sshString = (b: Buffer | string) => {
  const body = Buffer.from(b);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
};
const mpint = (b: Buffer) => sshString(b[0] & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
function reader(buf: Buffer) {
  let at = 0;
  return {
    string() {
      const len = buf.readUInt32BE(at);
      const v = buf.subarray(at + 4, at + 4 + len);
      at += 4 + len;
      return v;
    },
    uint32() {
      at += 4;
      return buf.readUInt32BE(at - 4);
    },
    skip(n: number) {
      at += n;
    },
  };
}

/** `ssh-rsa AAAA... comment` / `ssh-ed25519 AAAA...` of a public key, as ssh-keygen writes it. */
function openSshPublic(key: KeyObject, comment = "me@host"): string {
  const jwk = key.export({ format: "jwk" });
  const blob =
    jwk.kty === "RSA"
      ? Buffer.concat([sshString("ssh-rsa"), mpint(Buffer.from(jwk.e!, "base64url")), mpint(Buffer.from(jwk.n!, "base64url"))])
      : Buffer.concat([sshString("ssh-ed25519"), sshString(Buffer.from(jwk.x!, "base64url"))]);
  return `${jwk.kty === "RSA" ? "ssh-rsa" : "ssh-ed25519"} ${blob.toString("base64")} ${comment}`;
}

const colonHex = (b: Buffer) => b.toString("hex").match(/../g)!.join(":");

test("CreateKeyPair: a 2048-bit RSA key in PKCS#1 PEM, fingerprinted with SHA-1 of its PKCS#8 DER", async () => {
  const created = await a.send(new CreateKeyPairCommand({ KeyName: "builder" }));
  assert.equal(created.KeyName, "builder");
  assert.match(created.KeyPairId!, /^key-[0-9a-f]{17}$/);
  assert.match(created.KeyMaterial!, /^-----BEGIN RSA PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END RSA PRIVATE KEY-----$/);
  const key = createPrivateKey(created.KeyMaterial!);
  assert.equal(key.asymmetricKeyType, "rsa");
  assert.equal(key.asymmetricKeyDetails!.modulusLength, 2048);
  const der = key.export({ type: "pkcs8", format: "der" });
  assert.equal(created.KeyFingerprint, colonHex(createHash("sha1").update(der).digest()));
  const [info] = await describe({ KeyNames: ["builder"], IncludePublicKey: true });
  assert.equal(info.KeyPairId, created.KeyPairId);
  assert.equal(info.KeyType, "rsa");
  assert.equal(info.KeyFingerprint, created.KeyFingerprint);
  assert.equal(info.CreateTime!.getTime(), TEST_START);
  // The public key shown is the created key's own.
  assert.equal(info.PublicKey!.split(" ").slice(0, 2).join(" "), openSshPublic(createPublicKey(key)).split(" ").slice(0, 2).join(" "));
  const [plain] = await describe({ KeyNames: ["builder"] });
  assert.equal(plain.PublicKey, undefined);
  assert.equal(JSON.stringify(await describe()).includes("PRIVATE"), false);
});

test("CreateKeyPair: ED25519 in the OpenSSH private key format, fingerprinted with base64 SHA-256", async () => {
  const created = await a.send(new CreateKeyPairCommand({ KeyName: "ed", KeyType: "ed25519" }));
  const pem = created.KeyMaterial!;
  assert.match(pem, /^-----BEGIN OPENSSH PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END OPENSSH PRIVATE KEY-----\n$/);
  const body = Buffer.from(pem.split("\n").slice(1, -2).join(""), "base64");
  assert.equal(body.subarray(0, 15).toString(), "openssh-key-v1\0");
  const r = reader(body);
  r.skip(15);
  assert.equal(r.string().toString(), "none");
  assert.equal(r.string().toString(), "none");
  r.string();
  assert.equal(r.uint32(), 1);
  const publicBlob = r.string();
  const priv = reader(r.string());
  assert.equal(priv.uint32(), priv.uint32());
  assert.equal(priv.string().toString(), "ssh-ed25519");
  const pub = priv.string();
  const secret = priv.string();
  assert.deepEqual(secret.subarray(32), pub);
  // The private half in the file makes the public half that the file and EC2 name.
  const key = createPrivateKey({
    key: { kty: "OKP", crv: "Ed25519", d: secret.subarray(0, 32).toString("base64url"), x: pub.toString("base64url") },
    format: "jwk",
  });
  assert.equal(createPublicKey(key).export({ format: "jwk" }).x, pub.toString("base64url"));
  assert.deepEqual(publicBlob, Buffer.concat([sshString("ssh-ed25519"), sshString(pub)]));
  assert.equal(created.KeyFingerprint, createHash("sha256").update(publicBlob).digest("base64"));
  const [info] = await describe({ KeyPairIds: [created.KeyPairId!], IncludePublicKey: true });
  assert.equal(info.KeyType, "ed25519");
  assert.equal(info.PublicKey, `ssh-ed25519 ${publicBlob.toString("base64")}`);
});

test("CreateKeyPair: PPK (PuTTY key file, version 2) with a MAC PuTTY accepts", async () => {
  const created = await a.send(new CreateKeyPairCommand({ KeyName: "putty", KeyFormat: "ppk" }));
  const lines = created.KeyMaterial!.split("\r\n");
  assert.equal(lines[0], "PuTTY-User-Key-File-2: ssh-rsa");
  assert.equal(lines[1], "Encryption: none");
  assert.equal(lines[2], "Comment: putty");
  const pubCount = Number(lines[3].split(": ")[1]);
  const pub = Buffer.from(lines.slice(4, 4 + pubCount).join(""), "base64");
  const privCount = Number(lines[4 + pubCount].split(": ")[1]);
  const priv = Buffer.from(lines.slice(5 + pubCount, 5 + pubCount + privCount).join(""), "base64");
  const macKey = createHash("sha1").update("putty-private-key-file-mac-key").digest();
  const mac = createHmac("sha1", macKey)
    .update(Buffer.concat([sshString("ssh-rsa"), sshString("none"), sshString("putty"), sshString(pub), sshString(priv)]))
    .digest("hex");
  assert.equal(lines[5 + pubCount + privCount], `Private-MAC: ${mac}`);
  const [info] = await describe({ KeyNames: ["putty"], IncludePublicKey: true });
  assert.equal(info.PublicKey, `ssh-rsa ${pub.toString("base64")}`);
  // d, p, q, iqmp: p·q is the public modulus.
  const pr = reader(priv);
  pr.string();
  const p = BigInt("0x" + pr.string().toString("hex"));
  const q = BigInt("0x" + pr.string().toString("hex"));
  const pu = reader(pub);
  pu.string();
  pu.string();
  assert.equal(p * q, BigInt("0x" + pu.string().toString("hex")));
});

test("CreateKeyPair: a name once per account and Region; tags; the name's rules", async () => {
  const created = await a.send(
    new CreateKeyPairCommand({
      KeyName: "dup",
      TagSpecifications: [{ ResourceType: "key-pair", Tags: [{ Key: "team", Value: "images" }] }],
    }),
  );
  assert.deepEqual(created.Tags, [{ Key: "team", Value: "images" }]);
  const dup = await rejection(() => a.send(new CreateKeyPairCommand({ KeyName: "dup", KeyType: "ed25519" })));
  assert.equal(dup.name, "InvalidKeyPair.Duplicate");
  assert.equal(dup.message, "The keypair 'dup' already exists.");
  await b.send(new CreateKeyPairCommand({ KeyName: "dup" }));
  assert.equal((await rejection(() => a.send(new CreateKeyPairCommand({ KeyName: " padded " })))).name, "InvalidParameterValue");
  assert.deepEqual(
    (await describe({ Filters: [{ Name: "tag:team", Values: ["images"] }] })).map((k) => k.KeyName),
    ["dup"],
  );
  await a.send(new CreateTagsCommand({ Resources: [created.KeyPairId!], Tags: [{ Key: "stage", Value: "prod" }] }));
  assert.deepEqual(
    (await describe({ Filters: [{ Name: "tag-key", Values: ["stage"] }] })).map((k) => k.KeyPairId),
    [created.KeyPairId],
  );
});

test("ImportKeyPair: OpenSSH RSA and ED25519 public keys; RSA fingerprinted with MD5 of the DER public key", async () => {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 3072 });
  const imported = await a.send(
    new ImportKeyPairCommand({ KeyName: "mine", PublicKeyMaterial: Buffer.from(openSshPublic(rsa.publicKey)) }),
  );
  assert.match(imported.KeyPairId!, /^key-[0-9a-f]{17}$/);
  const der = rsa.publicKey.export({ type: "spki", format: "der" });
  assert.equal(imported.KeyFingerprint, colonHex(createHash("md5").update(der).digest()));
  const ed = generateKeyPairSync("ed25519");
  const edLine = openSshPublic(ed.publicKey);
  const importedEd = await a.send(new ImportKeyPairCommand({ KeyName: "mine-ed", PublicKeyMaterial: Buffer.from(edLine) }));
  const blob = Buffer.from(edLine.split(" ")[1], "base64");
  assert.equal(importedEd.KeyFingerprint, createHash("sha256").update(blob).digest("base64"));
  const pairs = await describe({ IncludePublicKey: true, Filters: [{ Name: "key-name", Values: ["mine*"] }] });
  assert.deepEqual(pairs.map((p) => [p.KeyName, p.KeyType]).sort(), [
    ["mine", "rsa"],
    ["mine-ed", "ed25519"],
  ]);
  assert.equal(pairs.find((p) => p.KeyName === "mine-ed")!.PublicKey, edLine.split(" ").slice(0, 2).join(" "));
  assert.deepEqual(
    (await describe({ Filters: [{ Name: "fingerprint", Values: [imported.KeyFingerprint!] }] })).map((p) => p.KeyName),
    ["mine"],
  );
  const dup = await rejection(() => a.send(new ImportKeyPairCommand({ KeyName: "mine", PublicKeyMaterial: Buffer.from(edLine) })));
  assert.equal(dup.name, "InvalidKeyPair.Duplicate");
});

test("ImportKeyPair: material that is no public key is InvalidKey.Format", async () => {
  for (const material of ["not a key", "ssh-rsa AAAAB3NzaC1yc2E=", "ssh-ed25519 " + Buffer.from("garbage").toString("base64")]) {
    const bad = await rejection(() => a.send(new ImportKeyPairCommand({ KeyName: "bad", PublicKeyMaterial: Buffer.from(material) })));
    assert.equal(bad.name, "InvalidKey.Format", material);
    assert.equal(bad.message, "Key is not in valid OpenSSH public key format");
  }
  assert.deepEqual(await describe(), []);
});

test("DescribeKeyPairs: unknown names and ids are InvalidKeyPair.NotFound; other accounts' pairs are not seen", async () => {
  await a.send(new CreateKeyPairCommand({ KeyName: "one", KeyType: "ed25519" }));
  const missing = await rejection(() => describe({ KeyNames: ["x"] }));
  assert.equal(missing.name, "InvalidKeyPair.NotFound");
  assert.equal(missing.message, "The key pair 'x' does not exist");
  const missingId = await rejection(() => describe({ KeyPairIds: ["key-0123456789abcdef0"] }));
  assert.equal(missingId.name, "InvalidKeyPair.NotFound");
  assert.deepEqual(await describe({}, b), []);
  assert.equal((await rejection(() => describe({ KeyNames: ["one"] }, b))).name, "InvalidKeyPair.NotFound");
});

test("DeleteKeyPair: by name or by id; a pair that is not there is no error", async () => {
  const one = await a.send(new CreateKeyPairCommand({ KeyName: "one", KeyType: "ed25519" }));
  const two = await a.send(new CreateKeyPairCommand({ KeyName: "two", KeyType: "ed25519" }));
  const byName = await a.send(new DeleteKeyPairCommand({ KeyName: "one" }));
  assert.equal(byName.Return, true);
  assert.equal(byName.KeyPairId, one.KeyPairId);
  await a.send(new DeleteKeyPairCommand({ KeyPairId: two.KeyPairId }));
  assert.deepEqual(await describe(), []);
  assert.equal((await a.send(new DeleteKeyPairCommand({ KeyName: "one" }))).Return, true);
  assert.equal((await a.send(new DeleteKeyPairCommand({ KeyPairId: "key-0123456789abcdef0" }))).Return, true);
  // The name is free again.
  await a.send(new CreateKeyPairCommand({ KeyName: "one", KeyType: "ed25519" }));
});
