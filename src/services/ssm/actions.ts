// Parameter Store's IAM actions and the resources each operation acts on ("Actions, resources, and condition
// keys for AWS Systems Manager"): a parameter is `arn:<partition>:ssm:<region>:<account>:parameter/<name without its
// leading slash>`; GetParametersByPath acts on the path's ARN; DescribeParameters on "*"; the resource-policy
// operations on the parameter their ResourceArn names.
import type { RequestContext } from "../../gateway/context";
import { ALL, str, strs, type ActionTable, type Resolver } from "../../auth/actions";
import type { SsmHandlers } from "./api.generated";
import { parseSelector } from "./parameters/names";
import { parameterArn } from "./parameters/view";
import { tagsOfParameter } from "./tags/handlers";

const ref = (ctx: RequestContext, given: string) => {
  // A name may be given as its ARN (GetParameter), with or without a selector.
  if (given.startsWith("arn:")) {
    const arn = given.split(":").slice(0, 6).join(":");
    return { arn, tags: () => undefined };
  }
  const name = parseSelector(given).name;
  return { arn: parameterArn(ctx, name), tags: () => tagsOfParameter(ctx, name) };
};
const named =
  (member: string): Resolver =>
  (ctx, input) => [ref(ctx, str(input[member]))];
const namedAll =
  (member: string): Resolver =>
  (ctx, input) =>
    strs(input[member]).map((n) => ref(ctx, n));
const resource: Resolver = (ctx, input) => (str(input.ResourceType) === "Parameter" ? [ref(ctx, str(input.ResourceId))] : ALL(ctx, input));

export const ssmActions: ActionTable<keyof SsmHandlers> = {
  prefix: "ssm",
  operations: {
    AddTagsToResource: resource,
    DeleteParameter: named("Name"),
    DeleteParameters: namedAll("Names"),
    DeleteResourcePolicy: named("ResourceArn"),
    DescribeParameters: ALL,
    GetParameter: named("Name"),
    GetParameterHistory: named("Name"),
    GetParameters: namedAll("Names"),
    GetParametersByPath: named("Path"),
    GetResourcePolicies: named("ResourceArn"),
    LabelParameterVersion: named("Name"),
    ListTagsForResource: resource,
    PutParameter: named("Name"),
    PutResourcePolicy: named("ResourceArn"),
    RemoveTagsFromResource: resource,
  },
};
