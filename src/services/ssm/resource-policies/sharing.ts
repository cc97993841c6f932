// Which accounts a parameter's resource policies let read it ("Working with shared parameters"): a statement
// with Effect Allow, a Principal.AWS naming the account (its id, or an ARN in it), and an action covering the read.
import type { Scope } from "../../../state/collection";
import { wildcard } from "../../../util/wildcard";
import { policiesOf } from "./records";

export interface PolicyStatement {
  accounts: string[];
  actions: string[];
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** `123456789012`, `arn:aws:iam::123456789012:root` (or any IAM ARN in the account) → the account id. */
function accountOf(principal: unknown): string | undefined {
  if (typeof principal !== "string") return undefined;
  if (/^[0-9]{12}$/.test(principal)) return principal;
  return /^arn:(?:aws|aws-cn|aws-us-gov):iam::([0-9]{12}):/.exec(principal)?.[1];
}

/** The Allow statements of a policy document, or undefined when it is not one. */
export function parsePolicy(text: string): PolicyStatement[] | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== "object") return undefined;
  const statements = list((doc as { Statement?: unknown }).Statement);
  if (!statements.length) return undefined;
  const out: PolicyStatement[] = [];
  for (const s of statements) {
    if (!s || typeof s !== "object") return undefined;
    const { Effect, Principal, Action } = s as { Effect?: unknown; Principal?: unknown; Action?: unknown };
    if (Effect !== "Allow" && Effect !== "Deny") return undefined;
    const aws = Principal && typeof Principal === "object" ? (Principal as { AWS?: unknown }).AWS : undefined;
    const accounts = list(aws).map(accountOf);
    const actions = list(Action);
    if (!accounts.length || accounts.some((a) => a === undefined) || !actions.length || actions.some((a) => typeof a !== "string"))
      return undefined;
    if (Effect === "Allow") out.push({ accounts: accounts as string[], actions: actions as string[] });
  }
  return out;
}

/** An action pattern as IAM writes it (`ssm:Get*`), matched ignoring case without a regular expression. */
const covers = (pattern: string, action: string): boolean => wildcard(pattern, { escapes: false, ignoreCase: true })(action);

/** Whether the owner's policies on `name` allow `account` to perform `action` (e.g. `ssm:GetParameter`). */
export function sharedWith(owner: Scope, name: string, account: string, action: string): boolean {
  return policiesOf(owner, name).some((p) =>
    (parsePolicy(p.Policy) ?? []).some((s) => s.accounts.includes(account) && s.actions.some((a) => covers(a, action))),
  );
}
