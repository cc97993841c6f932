// EBS encryption by default, per account and Region ("Encryption by default", encryption-by-default.html):
// off until enabled; the default KMS key is the AWS managed key `alias/aws/ebs` until another is set.
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { schema, type RecordOf } from "../../../state/record-schema";
import * as err from "../errors";
import { AWS_MANAGED_ALIAS, keyArn, specArn } from "./keys";

const settingsSchema = schema({ enabled: "boolean", kmsKeyId: "string?" });
type Settings = RecordOf<typeof settingsSchema>;

/** One record per account and Region. */
export const ebsEncryption = collection<Settings>({
  type: "ec2.ebs-encryption-default",
  schema: settingsSchema,
  key: () => "account",
});

export const settingsOf = (ctx: RequestContext): Settings => ebsEncryption.get(ctx, "account") ?? { enabled: false };

export const saveSettings = (ctx: RequestContext, s: Settings): void => ebsEncryption.put(ctx, s);

/** The default key, as GetEbsDefaultKmsKeyId shows it: the ARN of the alias or key set, or of alias/aws/ebs. */
export const defaultKeySpec = (ctx: RequestContext): string => specArn(ctx, settingsOf(ctx).kmsKeyId ?? AWS_MANAGED_ALIAS);

export interface Encryption {
  Encrypted: boolean;
  KmsKeyId?: string;
}

/**
 * Whether a new volume is encrypted, and with which key: encrypted when asked, when its snapshot is, or when
 * encryption by default is on; with the key given, else the snapshot's, else the default key. A key given
 * without encryption is refused, unless encryption by default makes the volume encrypted anyway.
 */
export function newVolumeEncryption(
  ctx: RequestContext,
  asked: { Encrypted?: boolean; KmsKeyId?: string },
  snapshot?: { Encrypted: boolean; KmsKeyId?: string },
): Encryption {
  const settings = settingsOf(ctx);
  const encrypted = !!asked.Encrypted || !!snapshot?.Encrypted || settings.enabled;
  if (asked.KmsKeyId !== undefined && !asked.Encrypted && !settings.enabled) {
    throw err.invalidDependency("The parameter KmsKeyId requires the parameter Encrypted to be set.");
  }
  if (!encrypted) return { Encrypted: false };
  if (asked.KmsKeyId !== undefined) return { Encrypted: true, KmsKeyId: keyArn(ctx, asked.KmsKeyId) };
  if (snapshot?.Encrypted && snapshot.KmsKeyId) return { Encrypted: true, KmsKeyId: snapshot.KmsKeyId };
  return { Encrypted: true, KmsKeyId: keyArn(ctx, settings.kmsKeyId ?? AWS_MANAGED_ALIAS) };
}

/**
 * The encryption of a volume a launch makes from a block device mapping: as the mapping says while encryption by
 * default is off; encrypted, with the mapping's key or the default key, while it is on.
 */
export function launchedVolumeEncryption(ctx: RequestContext, ebs: { Encrypted?: boolean; KmsKeyId?: string }): Encryption {
  const settings = settingsOf(ctx);
  if (!settings.enabled) return { Encrypted: ebs.Encrypted ?? false, KmsKeyId: ebs.KmsKeyId };
  if (ebs.KmsKeyId !== undefined) return { Encrypted: true, KmsKeyId: ebs.KmsKeyId };
  return { Encrypted: true, KmsKeyId: keyArn(ctx, settings.kmsKeyId ?? AWS_MANAGED_ALIAS) };
}
