// DescribeAccountAttributes (its API reference page): the account's platforms (VPC alone since EC2-Classic's
// retirement), its default VPC in the Region, and the limits imagelite holds it to: 5 Elastic IP addresses per
// Region (addresses/records.ts, the default quota of "Elastic IP address quota"), 5 security groups per network
// interface ("Amazon VPC quotas"), and the old instance limit of 20, which the API still reports.
import type { RequestContext } from "../../../gateway/context";
import type { AccountAttribute, Ec2Handlers } from "../api.generated";
import { defaultVpc } from "../network/records";
import { MAX_ADDRESSES } from "../addresses/records";
import * as err from "../errors";

const ATTRIBUTES: Record<string, (ctx: RequestContext) => string[]> = {
  "supported-platforms": () => ["VPC"],
  "vpc-max-security-groups-per-interface": () => ["5"],
  "max-elastic-ips": () => [String(MAX_ADDRESSES)],
  "max-instances": () => ["20"],
  "vpc-max-elastic-ips": () => [String(MAX_ADDRESSES)],
  "default-vpc": (ctx) => [defaultVpc(ctx).VpcId],
};

export const accountAttributeHandlers: Pick<Ec2Handlers, "DescribeAccountAttributes"> = {
  DescribeAccountAttributes(ctx, input) {
    const names = input.AttributeNames?.length ? [...new Set(input.AttributeNames)] : Object.keys(ATTRIBUTES);
    const AccountAttributes: AccountAttribute[] = names.map((AttributeName) => {
      if (!Object.prototype.hasOwnProperty.call(ATTRIBUTES, AttributeName))
        throw err.invalidValue(`Invalid attribute name: ${AttributeName}`);
      return { AttributeName, AttributeValues: ATTRIBUTES[AttributeName](ctx).map((AttributeValue) => ({ AttributeValue })) };
    });
    return { AccountAttributes };
  },
};
