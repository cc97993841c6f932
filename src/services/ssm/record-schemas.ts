// The members of each Parameter Store record that reads rely on (checked when a state document is imported).
import { nonEmptyListOf, type RecordSchema } from "../../state/record-schema";
import { keyed } from "../../state/keyed-schema";
import { parameters, type ParameterRecord } from "./parameters/records";
import { resourcePolicies } from "./resource-policies/records";

/** Versions oldest first, each above the one before: the last is the current one, and GetParameter reads it. */
function versionsInOrder(p: ParameterRecord): string | undefined {
  for (let i = 0; i < p.versions.length; i++) {
    const v = p.versions[i].Version;
    if (v < 1 || (i > 0 && v <= p.versions[i - 1].Version)) return `versions[${i}].Version must be above the version before it, from 1`;
  }
  return undefined;
}

export const ssmRecords: Record<string, RecordSchema> = {
  [parameters.type]: keyed(
    parameters,
    {
      Name: "string",
      tags: "stringMap",
      versions: nonEmptyListOf({
        Version: "count",
        Value: "string",
        Type: "string",
        KeyId: "string?",
        Description: "string?",
        AllowedPattern: "string?",
        DataType: "string",
        Tier: "string",
        Labels: "strings",
        modifiedAt: "time",
        LastModifiedUser: "string",
      }),
    },
    { check: versionsInOrder },
  ),
  [resourcePolicies.type]: keyed(resourcePolicies, { Name: "string", PolicyId: "string", PolicyHash: "string", Policy: "string" }),
};
