// Resource policies that share a parameter with other accounts ("Working with shared parameters"; SSM API
// reference: PutResourcePolicy). They live in the owner's partition beside the parameter, keyed by the
// parameter's name and the policy id, so a parameter's policies are one prefix scan.
import { collection, type Scope } from "../../../state/collection";
import { schema, type RecordOf } from "../../../state/record-schema";

const resourcePolicySchema = schema({ Name: "string", PolicyId: "string", PolicyHash: "string", Policy: "string" });
export type ResourcePolicyRecord = RecordOf<typeof resourcePolicySchema>;

export const resourcePolicies = collection<ResourcePolicyRecord, [name: string, policy: string]>({
  type: "ssm.resourcePolicy",
  schema: resourcePolicySchema,
  key: (p) => [p.Name, p.PolicyId],
});

/** A parameter's policies, in policy-id order. */
export const policiesOf = (s: Scope, name: string): ResourcePolicyRecord[] =>
  [...resourcePolicies.entries(s, { within: [name] })].map((r) => r.value);

/** A deleted parameter is shared no more: its policies go with it. */
export function dropPolicies(s: Scope, name: string): void {
  for (const p of policiesOf(s, name)) resourcePolicies.delete(s, [name, p.PolicyId]);
}
