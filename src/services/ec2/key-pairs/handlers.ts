// CreateKeyPair, ImportKeyPair, DescribeKeyPairs and DeleteKeyPair (API reference pages of each; "Amazon EC2
// key pairs", ec2-key-pairs.html). EC2 keeps the public key only; the private key of a created pair is in the
// answer and nowhere else. Names are unique per account and Region. Deleting a pair that is not there
// succeeds, as EC2 does (DeleteKeyPair answers true).
import type { RequestContext } from "../../../gateway/context";
import { hexId } from "../../../util/ids";
import type { Ec2Handlers, KeyPairInfo } from "../api.generated";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { generateKey, readPublicKey } from "./material";
import { findKeyPair, KEY_PAIR_ID, keyPairs, type KeyPairRecord } from "./records";

import { dropTags, putTags, tagList, tagMap, tagsFor } from "../tags/records";

const MAX_NAME = 255;

function checkName(name: string): void {
  if (!name) throw err.missingParameter("KeyName");
  if (name.length > MAX_NAME || !/^[\x20-\x7e]+$/.test(name) || name.trim() !== name) {
    throw err.invalidValue(
      `Value (${name}) for parameter KeyName is invalid. Key names are up to ${MAX_NAME} ASCII characters, without leading or trailing spaces.`,
    );
  }
}

function findById(ctx: RequestContext, id: string): KeyPairRecord {
  if (!KEY_PAIR_ID.test(id)) throw err.keyPairIdMalformed(id);
  const pair = keyPairs.find(ctx, "id", id);
  if (!pair) throw err.keyPairNotFound(id);
  return pair;
}

/** Stores a new pair named `name` (refused if the name is taken) with the tags its TagSpecifications give. */
function save(
  ctx: RequestContext,
  pair: Omit<KeyPairRecord, "KeyPairId" | "createdAt">,
  specs: Parameters<typeof tagsFor>[0],
): KeyPairRecord {
  checkName(pair.KeyName);
  const tags = tagsFor(specs, "key-pair");
  if (keyPairs.get(ctx, pair.KeyName)) throw err.keyPairDuplicate(pair.KeyName);
  const rec: KeyPairRecord = { ...pair, KeyPairId: hexId("key"), createdAt: ctx.now };
  keyPairs.put(ctx, rec);
  if (tags.length) putTags(ctx, rec.KeyPairId, "key-pair", tags);
  return rec;
}

export const keyPairView = (ctx: RequestContext, r: KeyPairRecord, includePublicKey: boolean): KeyPairInfo => ({
  KeyPairId: r.KeyPairId,
  KeyName: r.KeyName,
  KeyType: r.KeyType,
  KeyFingerprint: r.KeyFingerprint,
  CreateTime: new Date(r.createdAt),
  PublicKey: includePublicKey ? r.PublicKey : undefined,
  Tags: tagList(ctx, r.KeyPairId) ?? [],
});

export const keyPairHandlers: Pick<Ec2Handlers, "CreateKeyPair" | "ImportKeyPair" | "DescribeKeyPairs" | "DeleteKeyPair"> = {
  CreateKeyPair(ctx, input) {
    checkName(input.KeyName);
    const type = input.KeyType ?? "rsa";
    const made = generateKey(type, input.KeyFormat ?? "pem", input.KeyName);
    const rec = save(
      ctx,
      { KeyName: input.KeyName, KeyType: type, KeyFingerprint: made.KeyFingerprint, PublicKey: made.PublicKey },
      input.TagSpecifications,
    );
    return {
      KeyName: rec.KeyName,
      KeyPairId: rec.KeyPairId,
      KeyFingerprint: rec.KeyFingerprint,
      KeyMaterial: made.KeyMaterial,
      Tags: tagList(ctx, rec.KeyPairId),
    };
  },

  ImportKeyPair(ctx, input) {
    checkName(input.KeyName);
    const key = readPublicKey(input.PublicKeyMaterial);
    if (!key) throw err.keyFormat("Key is not in valid OpenSSH public key format");
    const rec = save(ctx, { KeyName: input.KeyName, ...key }, input.TagSpecifications);
    return { KeyName: rec.KeyName, KeyPairId: rec.KeyPairId, KeyFingerprint: rec.KeyFingerprint, Tags: tagList(ctx, rec.KeyPairId) };
  },

  DescribeKeyPairs(ctx, input) {
    const matches = compileFilters<KeyPairRecord>(input.Filters, {
      fields: {
        "key-pair-id": (r) => r.KeyPairId,
        "key-name": (r) => r.KeyName,
        fingerprint: (r) => r.KeyFingerprint,
        "key-type": (r) => r.KeyType,
      },
      tags: (r) => tagMap(ctx, r.KeyPairId),
    });
    const names = input.KeyNames ?? [];
    const ids = input.KeyPairIds ?? [];
    let pairs: KeyPairRecord[];
    if (names.length || ids.length) {
      const found = new Map<string, KeyPairRecord>();
      for (const name of names) found.set(name, findKeyPair(ctx, name));
      for (const id of ids) {
        const r = findById(ctx, id);
        found.set(r.KeyName, r);
      }
      pairs = [...found.values()];
    } else {
      pairs = [...keyPairs.scan(ctx)];
    }
    return { KeyPairs: pairs.filter(matches).map((r) => keyPairView(ctx, r, input.IncludePublicKey === true)) };
  },

  DeleteKeyPair(ctx, input) {
    if (!input.KeyName && !input.KeyPairId) throw err.missingParameter("KeyName or KeyPairId");
    if (input.KeyPairId && !KEY_PAIR_ID.test(input.KeyPairId)) throw err.keyPairIdMalformed(input.KeyPairId);
    const rec = input.KeyPairId ? keyPairs.find(ctx, "id", input.KeyPairId) : keyPairs.get(ctx, input.KeyName!);
    if (rec && (!input.KeyName || rec.KeyName === input.KeyName)) {
      keyPairs.delete(ctx, rec.KeyName);
      dropTags(ctx, rec.KeyPairId);
      return { Return: true, KeyPairId: rec.KeyPairId };
    }
    return { Return: true };
  },
};
