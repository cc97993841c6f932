// Amazon EC2 Mac tasks: CreateDelegateMacVolumeOwnershipTask, CreateMacSystemIntegrityProtectionModificationTask
// and DescribeMacModificationTasks (their API references; "Configure SIP for Amazon EC2 instances" in the EC2 User
// Guide). Both tasks act on an EC2 Mac instance (the delegation on an Apple silicon one), and imagelite runs none:
// its catalog has no mac instance types (instance-types/), so every instance a call can name is not a Mac. Such a
// call is answered, once the tags and the instance id are checked (InvalidInstanceID.Malformed or .NotFound), with
// UnsupportedOperation ("Error codes for the Amazon EC2 API", errors-overview.html: "The specified request includes
// an unsupported operation"), which is what EC2 answers for an operation the named resource does not support; the
// references list no error of their own. A dry run checks the request as the call
// would, so it meets the same errors. No task is ever made, so DescribeMacModificationTasks lists none, after
// checking what it is given: task ids (`macmodification-` and 17 hex digits), the filters the reference lists
// (instance-id, task-state, mac-system-integrity-protection-configuration.sip-status, start-time, task-type, tags),
// MaxResults (5-500, as the reference says) and NextToken.
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import type { Ec2Handlers, TagSpecification } from "../api.generated";
import * as err from "../errors";
import { compileFilters } from "../filters";
import { nextToken, pageLimit, startAfter, takePage } from "../paging";
import { tagsFor } from "../tags/records";
import { findInstance } from "./records";

const MAC_TASK_ID = /^macmodification-([0-9a-f]{8}|[0-9a-f]{17})$/;

interface MacTask {
  MacModificationTaskId: string;
}

/** The instance the call names, which is never a Mac here; EC2's error either way. */
function notAMac(ctx: RequestContext, instanceId: string, tags: TagSpecification[] | undefined, action: string): never {
  tagsFor(tags, "mac-modification-task");
  const instance = findInstance(ctx, instanceId);
  throw new ServiceError(
    "UnsupportedOperation",
    `The instance '${instance.InstanceId}' is of type '${instance.InstanceType}', which does not support ${action}: it is not an Amazon EC2 Mac instance.`,
  );
}

export const macTaskHandlers: Pick<
  Ec2Handlers,
  "CreateDelegateMacVolumeOwnershipTask" | "CreateMacSystemIntegrityProtectionModificationTask" | "DescribeMacModificationTasks"
> = {
  CreateDelegateMacVolumeOwnershipTask(ctx, input) {
    notAMac(ctx, input.InstanceId, input.TagSpecifications, "delegating root volume ownership (Apple silicon Mac instances only)");
  },

  CreateMacSystemIntegrityProtectionModificationTask(ctx, input) {
    notAMac(ctx, input.InstanceId, input.TagSpecifications, "System Integrity Protection modification (Mac instances only)");
  },

  DescribeMacModificationTasks(ctx, input) {
    const matches = compileFilters<MacTask>(input.Filters, {
      fields: {
        "instance-id": () => undefined,
        "task-state": () => undefined,
        "mac-system-integrity-protection-configuration.sip-status": () => undefined,
        "start-time": () => undefined,
        "task-type": () => undefined,
      },
      tags: () => ({}),
    });
    for (const id of input.MacModificationTaskIds ?? []) {
      if (!MAC_TASK_ID.test(id)) throw err.invalidValue(`Invalid id: "${id}" (expecting "macmodification-...")`);
    }
    const limit = pageLimit(input.MaxResults, 5, 500);
    startAfter(ctx, input.NextToken);
    const { page, more } = takePage<MacTask>([], matches, limit);
    return {
      MacModificationTasks: [],
      NextToken: more ? nextToken(ctx, page[page.length - 1].MacModificationTaskId) : undefined,
    };
  },
};
