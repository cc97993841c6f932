// Recycle Bin's IAM actions and the resources each operation acts on ("Actions, resources, and condition keys for
// Amazon Recycle Bin"): a rule is `arn:<partition>:rbin:<region>:<account>:rule/<identifier>`; CreateRule and
// ListRules act on "*".
import { ALL, str, type ActionTable, type Resolver } from "../../auth/actions";
import type { RbinHandlers } from "./api.generated";
import { ruleArn, ruleOfArn, rules } from "./rules/records";

const byIdentifier: Resolver = (ctx, input) => {
  const id = str(input.Identifier);
  return [{ arn: ruleArn(ctx, id), tags: () => rules.get(ctx, id)?.tags }];
};
const byArn: Resolver = (ctx, input) => {
  const a = str(input.ResourceArn);
  return [{ arn: a, tags: () => ruleOfArn(ctx, a)?.tags }];
};

export const rbinActions: ActionTable<keyof RbinHandlers> = {
  prefix: "rbin",
  operations: {
    CreateRule: ALL,
    DeleteRule: byIdentifier,
    GetRule: byIdentifier,
    ListRules: ALL,
    ListTagsForResource: byArn,
    LockRule: byIdentifier,
    TagResource: byArn,
    UnlockRule: byIdentifier,
    UntagResource: byArn,
    UpdateRule: byIdentifier,
  },
};
