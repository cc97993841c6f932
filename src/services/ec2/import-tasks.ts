// VM import (ImportImage, DescribeImportImageTasks, CancelImportTask): being built.
import { ServiceError } from "../../errors/service-error";
import type { Ec2Handlers } from "./api.generated";

const pending = () => { throw new ServiceError("InternalError", "Not implemented yet.", 500); };

export const importTaskHandlers: Pick<Ec2Handlers, "ImportImage" | "DescribeImportImageTasks" | "CancelImportTask"> = {
  ImportImage: pending, DescribeImportImageTasks: pending, CancelImportTask: pending,
};
