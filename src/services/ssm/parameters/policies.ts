// Parameter policies ("Assigning parameter policies", SSM User Guide, parameter-store-policies.html): a JSON
// array of at most ten policies of three types, each `{ Type, Version: "1.0", Attributes }` — Expiration
// (Attributes.Timestamp, an ISO 8601 time), ExpirationNotification (Before and Unit: Days or Hours) and
// NoChangeNotification (After and Unit). Only advanced parameters take them ("Managing parameter tiers": parameter
// policies available: Standard no, Advanced yes); Intelligent-Tiering makes a parameter with policies advanced.
// Each is kept as the ParameterInlinePolicy DescribeParameters and GetParameterHistory return, Pending until it
// is enforced.
import * as err from "../errors";

const MAX_POLICIES = 10;
const UNITS = ["Days", "Hours"];

/** What each policy type needs in its Attributes. */
const ATTRIBUTES: Record<string, (a: Record<string, unknown>) => string | undefined> = {
  Expiration: (a) =>
    typeof a.Timestamp === "string" && !Number.isNaN(Date.parse(a.Timestamp)) ? undefined : "Timestamp must be an ISO 8601 time",
  ExpirationNotification: (a) => count(a.Before, "Before") ?? unit(a.Unit),
  NoChangeNotification: (a) => count(a.After, "After") ?? unit(a.Unit),
};

function count(v: unknown, name: string): string | undefined {
  return typeof v === "string" && /^[1-9][0-9]{0,5}$/.test(v) ? undefined : `${name} must be a positive whole number, as a string`;
}
const unit = (v: unknown) => (typeof v === "string" && UNITS.includes(v) ? undefined : `Unit must be one of ${UNITS.join(", ")}`);

/** The policies of a PutParameter request, checked; throws SSM's error for the first that is wrong. */
/** A policy as it is kept and shown (ParameterInlinePolicy). */
export interface InlinePolicy {
  PolicyText: string;
  PolicyType: string;
  PolicyStatus: string;
}

export function parsePolicies(text: string): InlinePolicy[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw err.invalidPolicyAttribute("The policies are not a JSON array of policies.");
  }
  if (!Array.isArray(doc)) throw err.invalidPolicyAttribute("The policies are not a JSON array of policies.");
  if (doc.length > MAX_POLICIES) throw err.policiesLimit(`A parameter can have at most ${MAX_POLICIES} policies.`);
  const seen = new Set<string>();
  return doc.map((p: unknown) => {
    const policy = (p && typeof p === "object" ? p : {}) as Record<string, unknown>;
    const type = policy.Type;
    if (typeof type !== "string" || !(type in ATTRIBUTES)) {
      throw err.invalidPolicyType(
        `The policy type ${String(type)} isn't supported. Supported types: ${Object.keys(ATTRIBUTES).join(", ")}.`,
      );
    }
    if (policy.Version !== "1.0") throw err.invalidPolicyAttribute(`The ${type} policy's Version must be 1.0.`);
    const attributes = (policy.Attributes && typeof policy.Attributes === "object" ? policy.Attributes : {}) as Record<string, unknown>;
    const wrong = ATTRIBUTES[type](attributes);
    if (wrong) throw err.invalidPolicyAttribute(`The ${type} policy's attributes are invalid: ${wrong}.`);
    if (seen.has(type)) throw err.incompatiblePolicy(`A parameter can have only one ${type} policy.`);
    seen.add(type);
    return { PolicyText: JSON.stringify(policy), PolicyType: type, PolicyStatus: "Pending" };
  });
}
