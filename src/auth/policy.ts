// IAM-style identity policies: Effect, Action/NotAction and Resource/NotResource with wildcards, and
// conditions on aws:RequestedRegion and aws:ResourceTag/<key> ("Policy evaluation logic", IAM User Guide:
// an explicit deny wins; without a matching allow the request is denied).
import { wildcard } from "../util/wildcard";

export interface PolicyDocument {
  Version?: string;
  Statement: Statement | Statement[];
}

interface Statement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface AuthzRequest {
  /** e.g. appstream:CreateFleet */
  action: string;
  /** The resources the call acts on, each with a function that reads its tags (for aws:ResourceTag). */
  resources: { arn: string; tags: () => Record<string, string> | undefined }[];
  region: string;
}

export class PolicyError extends Error {}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const wildcardCache = new Map<string, (subject: string) => boolean>();
/**
 * IAM wildcards: `*` any run of characters, `?` one character; actions compare case-insensitively. Matched by
 * the linear wildcard matcher, never a regular expression, so that no pattern can make a check backtrack.
 * The cache is bounded by the credentials file, the only source of these policies.
 */
function like(pattern: string, ignoreCase: boolean): (subject: string) => boolean {
  const key = `${ignoreCase ? "i" : "s"}${pattern}`;
  let test = wildcardCache.get(key);
  if (!test) {
    test = wildcard(pattern, { escapes: false, ignoreCase });
    wildcardCache.set(key, test);
  }
  return test;
}

const matchesAny = (patterns: string[], value: string, ignoreCase: boolean) => patterns.some((p) => like(p, ignoreCase)(value));

/** Checks a policy's shape once, when credentials are loaded, so that evaluation never meets a malformed one. */
export function checkPolicy(doc: unknown, where: string): PolicyDocument {
  const fail = (m: string): never => {
    throw new PolicyError(`${where}: ${m}`);
  };
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) fail("a policy is a JSON object");
  const d = doc as Record<string, unknown>;
  if (d.Version !== undefined && d.Version !== "2012-10-17" && d.Version !== "2008-10-17") fail(`unknown Version ${String(d.Version)}`);
  const statements = Array.isArray(d.Statement) ? d.Statement : d.Statement !== undefined ? [d.Statement] : fail("Statement is required");
  for (const [i, s] of (statements as unknown[]).entries()) {
    const st = s as Record<string, unknown>;
    const at = `Statement[${i}]`;
    if (typeof st !== "object" || st === null) fail(`${at} must be an object`);
    if (st.Effect !== "Allow" && st.Effect !== "Deny") fail(`${at}.Effect must be Allow or Deny`);
    if ((st.Action === undefined) === (st.NotAction === undefined)) fail(`${at} needs exactly one of Action and NotAction`);
    if (st.Resource !== undefined && st.NotResource !== undefined) fail(`${at} has both Resource and NotResource`);
    for (const k of ["Action", "NotAction", "Resource", "NotResource"]) {
      const v = st[k];
      if (v !== undefined && typeof v !== "string" && !(Array.isArray(v) && v.every((x) => typeof x === "string")))
        fail(`${at}.${k} must be a string or a list of strings`);
    }
    if (st.Condition !== undefined) {
      if (typeof st.Condition !== "object" || st.Condition === null) fail(`${at}.Condition must be an object`);
      for (const [op, keys] of Object.entries(st.Condition as object)) {
        if (!OPERATORS.has(op.replace(/IfExists$/, ""))) fail(`${at}.Condition: unsupported operator ${op}`);
        if (typeof keys !== "object" || keys === null) fail(`${at}.Condition.${op} must map keys to values`);
        for (const [key, v] of Object.entries(keys as object)) {
          if (!/^aws:(requestedregion|resourcetag\/.+)$/i.test(key))
            fail(`${at}.Condition.${op}: unsupported key ${key} (aws:RequestedRegion, aws:ResourceTag/<key>)`);
          if (typeof v !== "string" && typeof v !== "boolean" && !(Array.isArray(v) && v.every((x) => typeof x === "string")))
            fail(`${at}.Condition.${op}.${key} must be a string or a list of strings`);
        }
      }
    }
  }
  return { Version: d.Version as string | undefined, Statement: statements as Statement[] };
}

const OPERATORS = new Set([
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
  "Null",
]);

/** The value of a condition key for one resource, or undefined when the request has none. */
function keyValue(key: string, req: AuthzRequest, resource: AuthzRequest["resources"][number] | undefined): string | undefined {
  const lower = key.toLowerCase();
  if (lower === "aws:requestedregion") return req.region;
  if (lower.startsWith("aws:resourcetag/")) return resource?.tags()?.[key.slice("aws:ResourceTag/".length)];
  return undefined;
}

function conditionHolds(cond: Statement["Condition"], req: AuthzRequest, resource: AuthzRequest["resources"][number] | undefined): boolean {
  for (const [rawOp, keys] of Object.entries(cond ?? {})) {
    const ifExists = rawOp.endsWith("IfExists");
    const op = ifExists ? rawOp.slice(0, -"IfExists".length) : rawOp;
    for (const [key, expected] of Object.entries(keys)) {
      const values = list(expected as string | string[]).map(String);
      const actual = keyValue(key, req, resource);
      if (op === "Null") {
        if ((actual === undefined) !== (values[0] === "true")) return false;
        continue;
      }
      if (actual === undefined) {
        if (ifExists || op.startsWith("StringNot")) continue;
        return false;
      }
      const hit = op.endsWith("Like")
        ? values.some((v) => like(v, false)(actual))
        : op.endsWith("IgnoreCase")
          ? values.some((v) => v.toLowerCase() === actual.toLowerCase())
          : values.includes(actual);
      if (op.startsWith("StringNot") ? hit : !hit) return false;
    }
  }
  return true;
}

function statementApplies(s: Statement, req: AuthzRequest, resource: AuthzRequest["resources"][number] | undefined, arn: string): boolean {
  const actionHit =
    s.Action !== undefined ? matchesAny(list(s.Action), req.action, true) : !matchesAny(list(s.NotAction), req.action, true);
  if (!actionHit) return false;
  const resourceHit =
    s.NotResource !== undefined ? !matchesAny(list(s.NotResource), arn, false) : matchesAny(list(s.Resource ?? "*"), arn, false);
  return resourceHit && conditionHolds(s.Condition, req, resource);
}

/** Whether identity policies allow the request: every resource needs an allow, and no deny may match. */
export function isAllowed(policies: PolicyDocument[], req: AuthzRequest): boolean {
  const statements = policies.flatMap((p) => list(p.Statement as never) as unknown as Statement[]);
  const targets = req.resources.length ? req.resources : [undefined];
  for (const resource of targets) {
    const arn = resource?.arn ?? "*";
    let allowed = false;
    for (const s of statements) {
      if (!statementApplies(s, req, resource, arn)) continue;
      if (s.Effect === "Deny") return false;
      allowed = true;
    }
    if (!allowed) return false;
  }
  return true;
}
