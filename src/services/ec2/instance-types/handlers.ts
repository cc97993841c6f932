// The instance-type operations of EC2: the catalog described, where it is offered, and its Spot prices.
import type { Ec2Handlers } from "../api.generated";
import { describeInstanceTypesHandlers } from "./describe";
import { instanceTypeOfferingHandlers } from "./offerings";
import { spotPriceHandlers } from "./spot-prices";

export const instanceTypeHandlers: Pick<
  Ec2Handlers,
  "DescribeInstanceTypes" | "DescribeInstanceTypeOfferings" | "DescribeSpotPriceHistory"
> = {
  ...describeInstanceTypesHandlers,
  ...instanceTypeOfferingHandlers,
  ...spotPriceHandlers,
};
