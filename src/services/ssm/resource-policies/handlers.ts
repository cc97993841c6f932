// Sharing a parameter through a resource policy (SSM API reference: PutResourcePolicy, GetResourcePolicies,
// DeleteResourcePolicy; "Working with shared parameters"): only an advanced-tier parameter can be shared, a
// policy is at most 1024 bytes, and an update or delete names the policy by id and its current hash.
import { createHash, randomUUID } from "node:crypto";
import type { RequestContext } from "../../../gateway/context";
import type { SsmHandlers } from "../api.generated";
import * as err from "../errors";
import { ownParameterName } from "../parameters/lookup";
import { current, parameters, type ParameterRecord } from "../parameters/records";
import { parsePolicy } from "./sharing";
import { policiesOf, resourcePolicies, type ResourcePolicyRecord } from "./records";
import { decode, encode, pageSize } from "../paging";

/** "A policy can't be greater than 1024 bytes in size" (PutResourcePolicy, ResourcePolicyLimitExceededException). */
const MAX_POLICY_BYTES = 1024;

const hashOf = (policy: string): string => createHash("sha256").update(policy).digest("base64");

function sharedParameter(ctx: RequestContext, arn: string): ParameterRecord {
  const name = ownParameterName(ctx, arn);
  const p = name === undefined ? undefined : parameters.get(ctx, name);
  if (!p) throw err.resourceNotFound(`The specified resource ${arn} could not be found.`);
  return p;
}

function existingPolicy(ctx: RequestContext, name: string, id: string, hash: string | undefined): ResourcePolicyRecord {
  const found = resourcePolicies.get(ctx, [name, id]);
  if (!found) throw err.policyNotFound(`No policy with id ${id} could be found for the resource.`);
  if (found.PolicyHash !== hash)
    throw err.policyConflict("The policy hash doesn't match the hash of the stored policy. Get the current policy and try again.");
  return found;
}

export const resourcePolicyHandlers: Pick<SsmHandlers, "PutResourcePolicy" | "GetResourcePolicies" | "DeleteResourcePolicy"> = {
  PutResourcePolicy(ctx, { ResourceArn, Policy, PolicyId, PolicyHash }) {
    const p = sharedParameter(ctx, ResourceArn);
    if (current(p).Tier !== "Advanced")
      throw err.policyInvalidParameter(
        "Only advanced-tier parameters can be shared. Change the parameter to the advanced tier and try again.",
      );
    if (Buffer.byteLength(Policy) > MAX_POLICY_BYTES)
      throw err.policyLimitExceeded(`The policy exceeds the maximum size of ${MAX_POLICY_BYTES} bytes.`);
    if (!parsePolicy(Policy)) throw err.malformedPolicy("The policy document is malformed or invalid.");
    if (PolicyId !== undefined) existingPolicy(ctx, p.Name, PolicyId, PolicyHash);
    else if (PolicyHash !== undefined) throw err.policyInvalidParameter("PolicyHash can only be given with a PolicyId.");
    const rec: ResourcePolicyRecord = { Name: p.Name, PolicyId: PolicyId ?? randomUUID(), PolicyHash: hashOf(Policy), Policy };
    resourcePolicies.put(ctx, rec);
    return { PolicyId: rec.PolicyId, PolicyHash: rec.PolicyHash };
  },

  GetResourcePolicies(ctx, { ResourceArn, MaxResults, NextToken }) {
    const p = sharedParameter(ctx, ResourceArn);
    const limit = pageSize(MaxResults, 50);
    const scope = `GetResourcePolicies ${ctx.accountId} ${ctx.region} ${p.Name}`;
    const after = decode(scope, NextToken);
    const rest = policiesOf(ctx, p.Name).filter((r) => after === undefined || r.PolicyId > after);
    const page = rest.slice(0, limit);
    return {
      Policies: page.map(({ PolicyId, PolicyHash, Policy }) => ({ PolicyId, PolicyHash, Policy })),
      NextToken: rest.length > limit ? encode(scope, page[page.length - 1].PolicyId) : undefined,
    };
  },

  DeleteResourcePolicy(ctx, { ResourceArn, PolicyId, PolicyHash }) {
    const p = sharedParameter(ctx, ResourceArn);
    existingPolicy(ctx, p.Name, PolicyId, PolicyHash);
    resourcePolicies.delete(ctx, [p.Name, PolicyId]);
    return {};
  },
};
