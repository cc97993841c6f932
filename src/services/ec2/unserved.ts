// TEMPORARY: operations in the model whose handlers are being written. Each line goes when its operation is served.
import { ServiceError } from "../../errors/service-error";
import type { Ec2Handlers } from "./api.generated";

const unserved = (): never => {
  throw new ServiceError("InvalidAction", "This operation is not served yet.");
};

export const unservedHandlers: Pick<Ec2Handlers, "CreateImage"> = {
  CreateImage: unserved,
};
