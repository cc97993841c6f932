// Windows fast launch (EnableFastLaunch, DisableFastLaunch, DescribeFastLaunchImages): being built.
import { ServiceError } from "../../errors/service-error";
import type { Ec2Handlers } from "./api.generated";

const pending = () => { throw new ServiceError("InternalError", "Not implemented yet.", 500); };

export const fastLaunchHandlers: Pick<Ec2Handlers, "EnableFastLaunch" | "DisableFastLaunch" | "DescribeFastLaunchImages"> = {
  EnableFastLaunch: pending, DisableFastLaunch: pending, DescribeFastLaunchImages: pending,
};
