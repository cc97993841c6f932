// How key pairs are kept: the public half only (never the private key), in the account's partition of the
// Region, keyed by name (names are unique per Region) and indexed by KeyPairId.
import { collection } from "../../../state/collection";
import type { KeyType } from "../api.generated";

export interface KeyPairRecord {
  KeyName: string;
  KeyPairId: string;
  KeyFingerprint: string;
  KeyType: KeyType;
  /** The public key in OpenSSH format (`ssh-rsa AAAA...`), as DescribeKeyPairs IncludePublicKey shows it. */
  PublicKey: string;
  createdAt: number;
}

export const keyPairs = collection<KeyPairRecord, string, "id">({
  type: "ec2.key-pair",
  key: (r) => r.KeyName,
  indexes: { id: (r) => r.KeyPairId },
});

export const KEY_PAIR_ID = /^key-([0-9a-f]{8}|[0-9a-f]{17})$/;
