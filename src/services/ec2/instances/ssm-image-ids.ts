// RunInstances (and launch templates) accept `resolve:ssm:<parameter>[:<version|label>]` in place of an AMI id
// ("Use a Systems Manager parameter instead of an AMI ID", finding-an-ami.html): EC2 reads the parameter at
// launch, the caller's own in the region or one of Amazon's public ones.
import type { RequestContext } from "../../../gateway/context";
import { resolveParameter } from "../../ssm/parameters/lookup";
import * as err from "../errors";

export const SSM_PREFIX = "resolve:ssm:";

export const isSsmReference = (imageId: string): boolean => imageId.startsWith(SSM_PREFIX);

/** The AMI id a `resolve:ssm:` reference names. */
export function resolveSsmImageId(ctx: RequestContext, reference: string): string {
  const parameter = reference.slice(SSM_PREFIX.length);
  const found = resolveParameter(ctx, parameter);
  if (!found) throw err.invalidValue(`Unable to resolve the SSM parameter '${parameter}' for the image id: the parameter does not exist.`);
  if (found.type !== "String")
    throw err.invalidValue(`The SSM parameter '${parameter}' for the image id must be of type String, not ${found.type}.`);
  return found.value;
}
