// Known credentials for --auth strict (and the identity policies they carry), from --credentials FILE
// (JSON or YAML) and IMAGELITE_CREDENTIALS ("<accessKeyId>:<secretAccessKey>[:<accountId>]").
import { readFileSync } from "node:fs";
import { parseYaml } from "../util/yaml";
import { checkPolicy, PolicyError, type PolicyDocument } from "./policy";
import { accountOf } from "../gateway/caller";

export interface Credential {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  sessionToken?: string;
  policies: PolicyDocument[];
}

export class CredentialsError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function parseCredentials(doc: unknown, where: string): Map<string, Credential> {
  if (!isObject(doc)) throw new CredentialsError(`${where}: credentials are an object keyed by access key id`);
  const out = new Map<string, Credential>();
  for (const [accessKeyId, v] of Object.entries(doc)) {
    const at = `${where}: ${accessKeyId}`;
    if (!/^[A-Za-z0-9]{4,128}$/.test(accessKeyId)) throw new CredentialsError(`${at}: an access key id is 4 to 128 letters and digits`);
    if (!isObject(v) || typeof v.secretAccessKey !== "string" || v.secretAccessKey === "")
      throw new CredentialsError(`${at}: secretAccessKey is required`);
    const accountId = v.accountId === undefined ? accountOf(accessKeyId) : String(v.accountId);
    if (!/^[0-9]{12}$/.test(accountId)) throw new CredentialsError(`${at}: accountId must be 12 digits`);
    if (v.sessionToken !== undefined && typeof v.sessionToken !== "string")
      throw new CredentialsError(`${at}: sessionToken must be a string`);
    if (v.policies !== undefined && !Array.isArray(v.policies))
      throw new CredentialsError(`${at}: policies must be a list of IAM policy documents`);
    let policies: PolicyDocument[];
    try {
      policies = ((v.policies as unknown[]) ?? []).map((p, i) => checkPolicy(p, `${at}.policies[${i}]`));
    } catch (e) {
      if (e instanceof PolicyError) throw new CredentialsError(e.message);
      throw e;
    }
    out.set(accessKeyId, {
      accessKeyId,
      secretAccessKey: v.secretAccessKey,
      accountId,
      sessionToken: v.sessionToken as string | undefined,
      policies,
    });
  }
  return out;
}

export function loadCredentials(file: string | undefined, inline: string | undefined): Map<string, Credential> {
  const out = new Map<string, Credential>();
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new CredentialsError(`cannot read credentials file ${file}: ${(e as Error).message}`);
    }
    let doc: unknown;
    try {
      doc = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
      throw new CredentialsError(`credentials file ${file} does not parse: ${(e as Error).message}`);
    }
    for (const [k, c] of parseCredentials(doc, file)) out.set(k, c);
  }
  if (inline) {
    const [accessKeyId, secretAccessKey, accountId, ...rest] = inline.split(":");
    if (!accessKeyId || !secretAccessKey || rest.length)
      throw new CredentialsError("IMAGELITE_CREDENTIALS is <accessKeyId>:<secretAccessKey>[:<accountId>]");
    for (const [k, c] of parseCredentials({ [accessKeyId]: { secretAccessKey, accountId } }, "IMAGELITE_CREDENTIALS")) out.set(k, c);
  }
  return out;
}
