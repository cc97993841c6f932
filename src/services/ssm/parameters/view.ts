// How a parameter version reads back: GetParameter's Parameter, GetParameterHistory's entries and
// DescribeParameters' metadata.
import { createHash } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import type { Parameter, ParameterHistory, ParameterMetadata } from "../api.generated";
import { current, type ParameterRecord, type ParameterVersionRecord } from "./records";
import type { PublicParameter, PublicVersion } from "./public";
import { arn } from "../../../util/arn";

/** `arn:<partition>:ssm:<region>:<account>:parameter/<name without its leading slash>` ("Working with parameter hierarchies"). */
export const parameterArn = (ctx: RequestContext, name: string): string =>
  arn("ssm", ctx.region, ctx.accountId, `parameter/${name.startsWith("/") ? name.slice(1) : name}`);

export const DEFAULT_KEY = "alias/aws/ssm";

/**
 * A SecureString read without WithDecryption shows its ciphertext (GetParameter: "Return decrypted values for
 * secure string parameters. This flag is ignored for String and StringList"). Nothing is encrypted here, so
 * the value is a stable, opaque base64 blob in the shape of a KMS ciphertext (`AQICAH…`) that reveals nothing
 * of the value; with WithDecryption the value comes back as it was put.
 */
export function ciphertext(ctx: RequestContext, name: string, v: ParameterVersionRecord): string {
  const h = (s: string) => createHash("sha256").update(s).digest();
  const seed = `${ctx.accountId} ${ctx.region} ${name} ${v.Version} ${v.KeyId ?? DEFAULT_KEY} ${v.Value}`;
  return "AQICAH" + Buffer.concat([h(seed), h(`iv ${seed}`), h(`tag ${seed}`)]).toString("base64");
}

const shownValue = (ctx: RequestContext, name: string, v: ParameterVersionRecord, decrypt: boolean | undefined): string =>
  v.Type === "SecureString" && !decrypt ? ciphertext(ctx, name, v) : v.Value;

export function parameterView(
  ctx: RequestContext,
  p: ParameterRecord,
  v: ParameterVersionRecord,
  decrypt: boolean | undefined,
  selector?: string,
): Parameter {
  return {
    Name: p.Name,
    Type: v.Type,
    Value: shownValue(ctx, p.Name, v, decrypt),
    Version: v.Version,
    Selector: selector,
    LastModifiedDate: new Date(v.modifiedAt),
    ARN: parameterArn(ctx, p.Name),
    DataType: v.DataType,
  };
}

/** Amazon's public parameters are plain Strings of data type text, whatever their value holds. */
export function publicView(p: PublicParameter, v: PublicVersion, selector?: string): Parameter {
  return {
    Name: p.Name,
    Type: "String",
    Value: v.Value,
    Version: v.Version,
    Selector: selector,
    LastModifiedDate: new Date(v.modifiedAt),
    ARN: p.ARN,
    DataType: "text",
  };
}

export function publicHistoryView(p: PublicParameter, v: PublicVersion): ParameterHistory {
  return {
    Name: p.Name,
    Type: "String",
    LastModifiedDate: new Date(v.modifiedAt),
    Value: v.Value,
    Version: v.Version,
    Labels: [],
    Tier: "Standard",
    Policies: [],
    DataType: "text",
  };
}

export function historyView(
  ctx: RequestContext,
  p: ParameterRecord,
  v: ParameterVersionRecord,
  decrypt: boolean | undefined,
): ParameterHistory {
  return {
    Name: p.Name,
    Type: v.Type,
    KeyId: v.KeyId,
    LastModifiedDate: new Date(v.modifiedAt),
    LastModifiedUser: v.LastModifiedUser,
    Description: v.Description,
    Value: shownValue(ctx, p.Name, v, decrypt),
    AllowedPattern: v.AllowedPattern,
    Version: v.Version,
    Labels: v.Labels,
    Tier: v.Tier,
    Policies: v.Policies ?? [],
    DataType: v.DataType,
  };
}

export function metadataView(ctx: RequestContext, p: ParameterRecord): ParameterMetadata {
  const v = current(p);
  return {
    Name: p.Name,
    ARN: parameterArn(ctx, p.Name),
    Type: v.Type,
    KeyId: v.KeyId,
    LastModifiedDate: new Date(v.modifiedAt),
    LastModifiedUser: v.LastModifiedUser,
    Description: v.Description,
    AllowedPattern: v.AllowedPattern,
    Version: v.Version,
    Tier: v.Tier,
    Policies: v.Policies ?? [],
    DataType: v.DataType,
  };
}
