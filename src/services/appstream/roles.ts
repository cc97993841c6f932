// IamRoleArn on fleets and image builders: "the Amazon Resource Name (ARN) of the IAM role to apply"
// (API reference, CreateFleet, UpdateFleet, CreateImageBuilder), which the instances assume through STS. Anything
// but an IAM role ARN of the Region's partition is no role AppStream can pass: InvalidRoleException, which the
// three operations list.
import type { RequestContext } from "../../gateway/context";
import { inPartitionOf } from "../../util/arn";
import * as err from "./errors";

/** arn:<partition>:iam::<account>:role/<path/name>, the form IAM gives role ARNs (IAM identifiers, "IAM ARNs"). */
const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):iam::[0-9]{12}:role\/[\w+=,.@\-/]{1,512}$/;

export function checkRoleArn(ctx: RequestContext, roleArn: string | undefined): void {
  if (roleArn === undefined) return;
  if (!ROLE_ARN.test(roleArn) || !inPartitionOf(roleArn, ctx.region)) {
    throw err.invalidRole(`The role ${roleArn} is not a valid IAM role ARN. Specify the ARN of an IAM role.`);
  }
}
