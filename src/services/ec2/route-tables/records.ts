// How route tables are kept ("Configure route tables", VPC_Route_Tables.html): one record per table in the
// account's partition of its Region, keyed by id, with its routes and its explicit associations. Every VPC has
// a main route table, whose `local` route covers the VPC's CIDR block and cannot be removed; the main
// association moves to another table with ReplaceRouteTableAssociation. Subnets without an explicit
// association use the main table (implicitly: no association is listed for them). Indexed by VPC, by the main
// table of each VPC, by associated subnet and by association id.
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { listOf, schema, unchecked, type RecordOf } from "../../../state/record-schema";
import { taggable } from "../resource-types";
import * as err from "../vpc-defaults/errors";

/** The targets a route may have (CreateRoute's members), by member name. */
export const ROUTE_TARGETS = [
  "GatewayId",
  "InstanceId",
  "NetworkInterfaceId",
  "NatGatewayId",
  "VpcPeeringConnectionId",
  "TransitGatewayId",
  "EgressOnlyInternetGatewayId",
  "LocalGatewayId",
  "CarrierGatewayId",
  "VpcEndpointId",
  "CoreNetworkArn",
  "OdbNetworkArn",
] as const;
export type RouteTarget = (typeof ROUTE_TARGETS)[number];

const routeSchema = schema({
  DestinationCidrBlock: unchecked<string | undefined>(),
  DestinationIpv6CidrBlock: unchecked<string | undefined>(),
  DestinationPrefixListId: unchecked<string | undefined>(),
  /** CreateRouteTable (the local route) or CreateRoute. */
  Origin: "string",
  /** The one target, by member name ({ GatewayId: "igw-..." }, { GatewayId: "local" }). */
  target: unchecked<Partial<Record<RouteTarget, string>>>(),
});
export type RouteRecord = RecordOf<typeof routeSchema>;

const associationSchema = schema({
  RouteTableAssociationId: "string",
  Main: "boolean",
  SubnetId: unchecked<string | undefined>(),
  GatewayId: unchecked<string | undefined>(),
});
export type RouteTableAssociationRecord = RecordOf<typeof associationSchema>;

const routeTableSchema = schema({
  RouteTableId: "string",
  VpcId: "string",
  routes: listOf(routeSchema),
  associations: listOf(associationSchema),
});
export type RouteTableRecord = RecordOf<typeof routeTableSchema>;

export const ROUTE_TABLE_ID = /^rtb-([0-9a-f]{8}|[0-9a-f]{17})$/;

export const routeTables = collection<RouteTableRecord, string, "vpc" | "main" | "subnet" | "association">({
  type: "ec2.route-table",
  schema: routeTableSchema,
  key: (r) => r.RouteTableId,
  indexes: {
    vpc: (r) => r.VpcId,
    main: (r) => (r.associations.some((a) => a.Main) ? r.VpcId : undefined),
    subnet: (r) => r.associations.flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
    association: (r) => r.associations.map((a) => a.RouteTableAssociationId),
  },
  taggable: taggable("route-table", (ctx, id) => findRouteTableRecord(ctx, id)),
});

/** The record of a route table, without making any VPC's defaults first (route-tables/handlers.ts does). */
export function findRouteTableRecord(ctx: RequestContext, id: string): RouteTableRecord {
  if (!ROUTE_TABLE_ID.test(id)) throw err.routeTableMalformed(id);
  const table = routeTables.get(ctx, id);
  if (!table) throw err.routeTableNotFound(id);
  return table;
}

/** A route's destination, whichever kind it has. */
export const destinationOf = (r: RouteRecord): string =>
  r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? "";

/** The main route table of a VPC, once it has one. */
export const mainTableOf = (ctx: RequestContext, vpcId: string): RouteTableRecord | undefined => routeTables.find(ctx, "main", vpcId);
