// How many block devices one request may ask for, and that no device is named twice (RunInstances, launch
// templates at launch, RegisterImage, CreateImage). Errors: "Error codes for the Amazon EC2 API"
// (errors-overview.html): AttachmentLimitExceeded, InvalidBlockDeviceMapping.
import { ServiceError } from "../../../errors/service-error";
import type { BlockDeviceMapping } from "../api.generated";
import * as err from "../errors";

/**
 * "Amazon EBS volume limits for Amazon EC2 instances" (volume_limits.html): most Nitro instances have 28
 * attachments, shared between network interfaces, EBS volumes and instance store volumes. A launch whose
 * block devices and network interfaces (one at least) need more is refused before anything is made.
 */
export const MAX_ATTACHMENTS = 28;

export const attachmentLimitExceeded = (n: number) =>
  new ServiceError(
    "AttachmentLimitExceeded",
    `The request needs ${n} attachments of block devices and network interfaces; an instance has at most ${MAX_ATTACHMENTS}.`,
  );

/** One list of block device mappings (a launch's, its launch template's, an AMI's): no device named twice, and not too many. */
export function checkMappingList(list: BlockDeviceMapping[] | undefined): void {
  if (!list?.length) return;
  if (list.length > MAX_ATTACHMENTS) throw attachmentLimitExceeded(list.length + 1);
  const seen = new Set<string>();
  for (const m of list) {
    if (m.DeviceName === undefined) continue;
    if (seen.has(m.DeviceName)) {
      throw err.invalidBlockDeviceMapping(
        `The device '${m.DeviceName.replace(/^\/dev\//, "")}' is used in more than one block-device mapping`,
      );
    }
    seen.add(m.DeviceName);
  }
}
