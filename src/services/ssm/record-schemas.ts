// The members of each Parameter Store record that reads rely on (checked when a state document is imported).
import { listOf, type RecordSchema } from "../../state/record-schema";
import { parameters } from "./parameter-records";
import { resourcePolicies } from "./resource-policy-records";

export const ssmRecords: Record<string, RecordSchema> = {
  [parameters.type]: {
    Name: "string",
    tags: "stringMap",
    versions: listOf({
      Version: "number",
      Value: "string",
      Type: "string",
      KeyId: "string?",
      Description: "string?",
      AllowedPattern: "string?",
      DataType: "string",
      Tier: "string",
      Labels: "strings",
      modifiedAt: "number",
      LastModifiedUser: "string",
    }),
  },
  [resourcePolicies.type]: { Name: "string", PolicyId: "string", PolicyHash: "string", Policy: "string" },
};
