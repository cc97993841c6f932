// How internet gateways are kept: one record per gateway in the account's partition of its Region, keyed by
// id, with the VPC it is attached to (a gateway attaches to one VPC at most, and a VPC has one gateway at most:
// "Internet gateways", VPC_Internet_Gateway.html); indexed by that VPC. The default VPC's gateway is made
// with the VPC's other defaults (vpc-defaults/records.ts).
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { schema, unchecked, type RecordOf } from "../../../state/record-schema";
import { taggable } from "../resource-types";
import * as err from "../vpc-defaults/errors";

const gatewaySchema = schema({
  InternetGatewayId: "string",
  /** The VPC it is attached to, if any. */
  VpcId: unchecked<string | undefined>(),
});
export type InternetGatewayRecord = RecordOf<typeof gatewaySchema>;

export const GATEWAY_ID = /^igw-([0-9a-f]{8}|[0-9a-f]{17})$/;

export const internetGateways = collection<InternetGatewayRecord, string, "vpc">({
  type: "ec2.internet-gateway",
  schema: gatewaySchema,
  key: (r) => r.InternetGatewayId,
  indexes: { vpc: (r) => r.VpcId },
  taggable: taggable("internet-gateway", (ctx, id) => findInternetGateway(ctx, id)),
});

export function findInternetGateway(ctx: RequestContext, id: string): InternetGatewayRecord {
  if (!GATEWAY_ID.test(id)) throw err.gatewayMalformed(id);
  const gw = internetGateways.get(ctx, id);
  if (!gw) throw err.gatewayNotFound(id);
  return gw;
}

/** The gateway attached to a VPC, if any. */
export const gatewayOf = (ctx: RequestContext, vpcId: string): InternetGatewayRecord | undefined =>
  internetGateways.find(ctx, "vpc", vpcId);
