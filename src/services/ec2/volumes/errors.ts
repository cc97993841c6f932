// The EC2 errors of volumes' operations ("Error codes for the Amazon EC2 API", errors-overview.html):
// IncorrectState (a volume or snapshot not in a state the call needs), InvalidVolume.ZoneMismatch,
// AttachmentLimitExceeded, IncorrectModificationState and VolumeModificationRateExceeded (ModifyVolume:
// the previous modification is not completed, or four were made in the last 24 hours).
import { ServiceError } from "../../../errors/service-error";

export const incorrectState = (message: string) => new ServiceError("IncorrectState", message);
export const zoneMismatch = (volumeId: string, instanceId: string) =>
  new ServiceError(
    "InvalidVolume.ZoneMismatch",
    `The volume '${volumeId}' is not in the same availability zone as instance '${instanceId}'`,
  );
export const incorrectModificationState = (message: string) => new ServiceError("IncorrectModificationState", message);
export const modificationRateExceeded = (message: string) => new ServiceError("VolumeModificationRateExceeded", message);
