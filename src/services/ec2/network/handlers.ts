// The network's operations, as one slice of EC2's handler table: Regions and zones, VPCs, subnets, security
// groups and their rules.
import type { Ec2Handlers } from "../api.generated";
import { regionHandlers } from "./regions";
import { securityGroupRuleHandlers } from "./security-group-rules";
import { securityGroupHandlers } from "./security-groups";
import { subnetHandlers } from "./subnets";
import { vpcHandlers } from "./vpcs";

export const networkHandlers = {
  ...regionHandlers,
  ...vpcHandlers,
  ...subnetHandlers,
  ...securityGroupHandlers,
  ...securityGroupRuleHandlers,
} satisfies Partial<Ec2Handlers>;
