// How key pairs are kept: the public half only (never the private key), in the account's partition of the
// Region, keyed by name (names are unique per Region) and indexed by KeyPairId.
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { schema, typed, type RecordOf } from "../../../state/record-schema";
import type { KeyType } from "../api.generated";
import * as err from "../errors";
import { taggable } from "../resource-types";

const keyPairSchema = schema({
  KeyName: "string",
  KeyPairId: "string",
  KeyFingerprint: "string",
  KeyType: typed<KeyType>("string"),
  /** The public key in OpenSSH format (`ssh-rsa AAAA...`), as DescribeKeyPairs IncludePublicKey shows it. */
  PublicKey: "string",
  createdAt: "time",
});
export type KeyPairRecord = RecordOf<typeof keyPairSchema>;

export const KEY_PAIR_ID = /^key-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** Tagged by KeyPairId (`key-...`): what CreateTags names is the pair of that id. */
export const keyPairs = collection<KeyPairRecord, string, "id">({
  type: "ec2.key-pair",
  schema: keyPairSchema,
  key: (r) => r.KeyName,
  indexes: { id: (r) => r.KeyPairId },
  taggable: taggable("key-pair", (ctx, id) => {
    if (!KEY_PAIR_ID.test(id)) throw err.keyPairIdMalformed(id);
    if (!keyPairs.find(ctx, "id", id)) throw err.keyPairNotFound(id);
  }),
});

/** The caller's key pair of this name (RunInstances' KeyName), or EC2's error. */
export function findKeyPair(ctx: RequestContext, name: string): KeyPairRecord {
  const pair = keyPairs.get(ctx, name);
  if (!pair) throw err.keyPairNotFound(name);
  return pair;
}
