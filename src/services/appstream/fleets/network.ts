// The network a fleet or an image builder is placed in (VpcConfig), checked against the caller's EC2 subnets and
// security groups in the same account and Region. CreateFleet and CreateImageBuilder take any ids; what is wrong
// with them shows when the instances are launched: a fleet's start ends STOPPED with FleetErrors, a builder ends
// FAILED with ImageBuilderErrors, each with the FleetErrorCode of the fault (FleetError, API reference:
// SUBNET_NOT_FOUND, SECURITY_GROUPS_NOT_FOUND, INVALID_SUBNET_CONFIGURATION). An Elastic fleet needs at least two
// subnets in different Availability Zones (CreateFleet, VpcConfig), which CreateFleet and UpdateFleet check when
// they know the subnets' zones.
import type { RequestContext } from "../../../gateway/context";
import type { InternalOperation } from "../../../gateway/service";
import { defaultNetwork, securityGroupIfAny, subnetIfAny } from "../../ec2/shared";
import type { FleetErrorCode, VpcConfig } from "../api.generated";
import * as err from "../errors";

export interface NetworkError {
  ErrorCode: FleetErrorCode;
  ErrorMessage: string;
}

/** What keeps instances from being launched in `vpc`: none when the subnets and groups are the caller's, in one VPC. */
export function networkErrors(ctx: RequestContext, vpc: VpcConfig | undefined): NetworkError[] {
  const out: NetworkError[] = [];
  const subnetIds = vpc?.SubnetIds ?? [];
  const found = subnetIds.map((id) => subnetIfAny(ctx, id));
  subnetIds.forEach((id, i) => {
    if (!found[i]) out.push({ ErrorCode: "SUBNET_NOT_FOUND", ErrorMessage: `The subnet ID '${id}' does not exist.` });
  });
  const vpcIds = [...new Set(found.flatMap((s) => (s ? [s.VpcId] : [])))];
  if (vpcIds.length > 1) {
    out.push({
      ErrorCode: "INVALID_SUBNET_CONFIGURATION",
      ErrorMessage: `The subnets ${subnetIds.join(", ")} are in different VPCs (${vpcIds.join(", ")}); they must all be in one VPC.`,
    });
  }
  const vpcId = vpcIds.length === 1 ? vpcIds[0] : undefined;
  for (const id of vpc?.SecurityGroupIds ?? []) {
    const group = securityGroupIfAny(ctx, id);
    if (!group) out.push({ ErrorCode: "SECURITY_GROUPS_NOT_FOUND", ErrorMessage: `The security group '${id}' does not exist.` });
    else if (vpcId && group.VpcId !== vpcId) {
      out.push({
        ErrorCode: "SECURITY_GROUPS_NOT_FOUND",
        ErrorMessage: `The security group '${id}' does not exist in VPC '${vpcId}': it belongs to VPC '${group.VpcId}'.`,
      });
    }
  }
  return out;
}

/** An Elastic fleet's subnets, when all of them exist, must span at least two Availability Zones. */
export function checkElasticZones(ctx: RequestContext, vpc: VpcConfig | undefined): void {
  const found = (vpc?.SubnetIds ?? []).map((id) => subnetIfAny(ctx, id));
  if (!found.length || found.some((s) => !s)) return;
  const zones = new Set(found.map((s) => s!.AvailabilityZone));
  if (zones.size < 2) {
    throw err.invalidCombination(
      `Elastic fleets require at least two subnets in different Availability Zones; the subnets given are all in ${[...zones][0]}.`,
    );
  }
}

/**
 * The VpcConfig a seed file's Elastic fleet or app block builder gets when it names none: the default VPC's
 * subnets of its first two zones and its default group, as a client would read them from EC2 first (a seed file
 * cannot know their ids). An internal operation, for seed files only.
 */
export const networkAssistant: Record<string, InternalOperation> = {
  DefaultVpcConfig: {
    input: { name: "DefaultVpcConfigRequest", type: "structure", required: new Set(), members: {} },
    handler: (ctx) => {
      const { subnets, group } = defaultNetwork(ctx);
      return { VpcConfig: { SubnetIds: subnets.slice(0, 2), SecurityGroupIds: [group] } };
    },
  },
};
