// RunInstances (and launch templates) accept `resolve:ssm:<parameter>[:<version|label>]` in place of an AMI id
// ("Use a Systems Manager parameter instead of an AMI ID", finding-an-ami.html): EC2 reads the parameter at
// launch. Systems Manager Parameter Store is not part of imagelite yet, so no parameter exists and every
// reference is refused as one to a parameter that does not exist. When it is, resolve the name here.
import type { RequestContext } from "../../gateway/context";
import * as err from "./errors";

export const SSM_PREFIX = "resolve:ssm:";

export const isSsmReference = (imageId: string): boolean => imageId.startsWith(SSM_PREFIX);

/** The AMI id a `resolve:ssm:` reference names. */
export function resolveSsmImageId(_ctx: RequestContext, reference: string): string {
  const parameter = reference.slice(SSM_PREFIX.length);
  throw err.invalidValue(`Unable to resolve the SSM parameter '${parameter}' for the image id: the parameter does not exist.`);
}
