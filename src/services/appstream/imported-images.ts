// CreateImportedImage: an EC2 AMI becomes a private AppStream image. Being built.
import { ServiceError } from "../../errors/service-error";
import type { AppStreamHandlers } from "./api.generated";

export const importedImageHandlers: Pick<AppStreamHandlers, "CreateImportedImage"> = {
  CreateImportedImage: () => { throw new ServiceError("InternalFailure", "Not implemented yet.", 500); },
};
