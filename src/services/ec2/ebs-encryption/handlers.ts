// EnableEbsEncryptionByDefault, DisableEbsEncryptionByDefault, GetEbsEncryptionByDefault, GetEbsDefaultKmsKeyId,
// ModifyEbsDefaultKmsKeyId and ResetEbsDefaultKmsKeyId (their API references): the account's setting in the
// caller's Region. New volumes follow it (records.ts); existing ones keep their encryption.
import type { Ec2Handlers } from "../api.generated";
import { checkKeySpec, specArn } from "./keys";
import { defaultKeySpec, saveSettings, settingsOf } from "./records";

export const ebsEncryptionHandlers: Pick<
  Ec2Handlers,
  | "EnableEbsEncryptionByDefault"
  | "DisableEbsEncryptionByDefault"
  | "GetEbsEncryptionByDefault"
  | "GetEbsDefaultKmsKeyId"
  | "ModifyEbsDefaultKmsKeyId"
  | "ResetEbsDefaultKmsKeyId"
> = {
  EnableEbsEncryptionByDefault(ctx) {
    saveSettings(ctx, { ...settingsOf(ctx), enabled: true });
    return { EbsEncryptionByDefault: true };
  },
  DisableEbsEncryptionByDefault(ctx) {
    saveSettings(ctx, { ...settingsOf(ctx), enabled: false });
    return { EbsEncryptionByDefault: false };
  },
  GetEbsEncryptionByDefault(ctx) {
    return { EbsEncryptionByDefault: settingsOf(ctx).enabled, SseType: "none" };
  },
  GetEbsDefaultKmsKeyId(ctx) {
    return { KmsKeyId: defaultKeySpec(ctx) };
  },
  ModifyEbsDefaultKmsKeyId(ctx, { KmsKeyId }) {
    checkKeySpec(ctx, KmsKeyId);
    saveSettings(ctx, { ...settingsOf(ctx), kmsKeyId: specArn(ctx, KmsKeyId) });
    return { KmsKeyId: defaultKeySpec(ctx) };
  },
  ResetEbsDefaultKmsKeyId(ctx) {
    saveSettings(ctx, { enabled: settingsOf(ctx).enabled });
    return { KmsKeyId: defaultKeySpec(ctx) };
  },
};
