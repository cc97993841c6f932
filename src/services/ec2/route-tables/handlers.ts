// CreateRouteTable, DeleteRouteTable, DescribeRouteTables, CreateRoute, ReplaceRoute, DeleteRoute,
// AssociateRouteTable, DisassociateRouteTable and ReplaceRouteTableAssociation (the API reference page of each;
// "Configure route tables", VPC_Route_Tables.html). A route has one destination (IPv4 or IPv6 CIDR block, or a
// prefix list) and one target; the targets imagelite keeps are internet gateways attached to the table's VPC
// and instances of the VPC, and a route whose target has gone (a detached gateway, a terminated instance) is a
// `blackhole`. The `local` route stays; the main table and a table with associations cannot be deleted; a subnet
// has one explicit association at most; the main association moves only with ReplaceRouteTableAssociation.
import type { RequestContext } from "../../../gateway/context";
import { ServiceError } from "../../../errors/service-error";
import { echo } from "../../../errors/echo";
import { hexId } from "../../../util/ids";
import type { Ec2Handlers, Route, RouteTable, RouteTableAssociation } from "../api.generated";
import * as ec2err from "../errors";
import { idempotent } from "../client-tokens";
import { findSubnet, findVpc, subnets } from "../network/records";
import { findInstance, instances, instanceState } from "../instances/records";
import { dropTags, putTags, tagList, tagsFor } from "../tags/records";
import { describeIndexed } from "../vpc-defaults/describe";
import { ensureAllVpcDefaults, ensureVpcDefaults, localRoute } from "../vpc-defaults/records";
import { isIpv4Cidr, isIpv6Cidr } from "../vpc-defaults/cidr";
import * as err from "../vpc-defaults/errors";
import { findInternetGateway, GATEWAY_ID, internetGateways } from "../internet-gateways/records";
import {
  findRouteTableRecord,
  ROUTE_TARGETS,
  routeTables,
  type RouteRecord,
  type RouteTableAssociationRecord,
  type RouteTableRecord,
  type RouteTarget,
} from "./records";

const ASSOCIATED = { State: "associated" as const };

/** Whether a route's target is there to take traffic. */
function routeActive(ctx: RequestContext, table: RouteTableRecord, r: RouteRecord): boolean {
  const { GatewayId, InstanceId } = r.target;
  if (GatewayId === "local") return true;
  if (GatewayId) return internetGateways.get(ctx, GatewayId)?.VpcId === table.VpcId;
  if (InstanceId) {
    const instance = instances.get(ctx, InstanceId);
    const state = instance && instanceState(ctx, instance);
    return !!state && state !== "terminated" && state !== "shutting-down";
  }
  return false;
}

const routeView = (ctx: RequestContext, table: RouteTableRecord, r: RouteRecord): Route => ({
  DestinationCidrBlock: r.DestinationCidrBlock,
  DestinationIpv6CidrBlock: r.DestinationIpv6CidrBlock,
  DestinationPrefixListId: r.DestinationPrefixListId,
  ...r.target,
  InstanceOwnerId: r.target.InstanceId ? ctx.accountId : undefined,
  Origin: r.Origin as Route["Origin"],
  State: routeActive(ctx, table, r) ? "active" : "blackhole",
});

/** The associations still standing: not those of a subnet that is gone. */
const standing = (ctx: RequestContext, t: RouteTableRecord): RouteTableAssociationRecord[] =>
  t.associations.filter((a) => !a.SubnetId || subnets.get(ctx, a.SubnetId));

const associationView = (t: RouteTableRecord, a: RouteTableAssociationRecord): RouteTableAssociation => ({
  Main: a.Main,
  RouteTableAssociationId: a.RouteTableAssociationId,
  RouteTableId: t.RouteTableId,
  SubnetId: a.SubnetId,
  GatewayId: a.GatewayId,
  AssociationState: ASSOCIATED,
});

export const routeTableView = (ctx: RequestContext, t: RouteTableRecord): RouteTable => ({
  RouteTableId: t.RouteTableId,
  VpcId: t.VpcId,
  OwnerId: ctx.accountId,
  Routes: t.routes.map((r) => routeView(ctx, t, r)),
  Associations: standing(ctx, t).map((a) => associationView(t, a)),
  PropagatingVgws: [],
  Tags: tagList(ctx, t.RouteTableId) ?? [],
});

/** A route table of the caller's, once every VPC has its main table. */
function findRouteTable(ctx: RequestContext, id: string): RouteTableRecord {
  ensureAllVpcDefaults(ctx);
  return findRouteTableRecord(ctx, id);
}

type RouteInput = Partial<Record<RouteTarget, string>> & {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
};

/** The one destination a call names, checked: its member and value. */
function destination(input: RouteInput): { kind: "cidr" | "ipv6" | "prefix"; value: string; member: string } {
  const given = [
    input.DestinationCidrBlock !== undefined && {
      kind: "cidr" as const,
      value: input.DestinationCidrBlock,
      member: "destinationCidrBlock",
    },
    input.DestinationIpv6CidrBlock !== undefined && {
      kind: "ipv6" as const,
      value: input.DestinationIpv6CidrBlock,
      member: "destinationIpv6CidrBlock",
    },
    input.DestinationPrefixListId !== undefined && {
      kind: "prefix" as const,
      value: input.DestinationPrefixListId,
      member: "destinationPrefixListId",
    },
  ].filter((d) => d !== false);
  if (!given.length) throw ec2err.missingParameter("destinationCidrBlock, destinationIpv6CidrBlock or destinationPrefixListId");
  if (given.length > 1) {
    throw ec2err.invalidCombination(
      "Exactly one of destinationCidrBlock, destinationIpv6CidrBlock and destinationPrefixListId may be given.",
    );
  }
  const d = given[0];
  if (d.kind === "cidr" && !isIpv4Cidr(d.value)) {
    throw ec2err.invalidValue(
      `Value (${echo(d.value)}) for parameter destinationCidrBlock is invalid. This is not a valid IPv4 CIDR block.`,
    );
  }
  if (d.kind === "ipv6" && !isIpv6Cidr(d.value)) {
    throw ec2err.invalidValue(
      `Value (${echo(d.value)}) for parameter destinationIpv6CidrBlock is invalid. This is not a valid IPv6 CIDR block.`,
    );
  }
  // No prefix list is kept, managed or the caller's own.
  if (d.kind === "prefix") throw new ServiceError("InvalidPrefixListID.NotFound", `The prefix list ID '${echo(d.value)}' does not exist`);
  return d;
}

const matchesDestination = (r: RouteRecord, d: { kind: string; value: string }) =>
  d.kind === "cidr" ? r.DestinationCidrBlock === d.value : d.kind === "ipv6" ? r.DestinationIpv6CidrBlock === d.value : false;

/** Targets of kinds imagelite does not keep: none can be named, and each kind answers its own NotFound. */
const UNKEPT: Partial<Record<RouteTarget, [code: string, what: string]>> = {
  NatGatewayId: ["InvalidNatGatewayID.NotFound", "natGateway ID"],
  VpcPeeringConnectionId: ["InvalidVpcPeeringConnectionID.NotFound", "vpcPeeringConnection ID"],
  TransitGatewayId: ["InvalidTransitGatewayID.NotFound", "transitGateway ID"],
  EgressOnlyInternetGatewayId: ["InvalidGatewayID.NotFound", "gateway ID"],
  LocalGatewayId: ["InvalidLocalGatewayID.NotFound", "localGateway ID"],
  CarrierGatewayId: ["InvalidCarrierGatewayID.NotFound", "carrierGateway ID"],
  VpcEndpointId: ["InvalidVpcEndpointId.NotFound", "vpcEndpoint ID"],
  NetworkInterfaceId: ["InvalidNetworkInterfaceID.NotFound", "networkInterface ID"],
  CoreNetworkArn: ["InvalidParameterValue", "core network"],
  OdbNetworkArn: ["InvalidParameterValue", "ODB network"],
};

/** The one target a call names, checked against the table's VPC. */
function target(ctx: RequestContext, table: RouteTableRecord, input: RouteInput): Partial<Record<RouteTarget, string>> {
  const given = ROUTE_TARGETS.filter((m) => input[m] !== undefined);
  if (!given.length) {
    throw ec2err.missingParameter(
      "gatewayId, natGatewayId, networkInterfaceId, vpcPeeringConnectionId, egressOnlyInternetGatewayId, transitGatewayId, localGatewayId, carrierGatewayId, vpcEndpointId, coreNetworkArn or instanceId",
    );
  }
  if (given.length > 1) throw ec2err.invalidCombination(`Only one target may be given for a route (${given.join(", ")} were).`);
  const member = given[0];
  const id = input[member]!;
  if (member === "GatewayId") {
    if (!GATEWAY_ID.test(id)) throw err.routeGatewayNotFound(id);
    const gw = internetGateways.get(ctx, id);
    if (!gw) throw err.routeGatewayNotFound(id);
    if (gw.VpcId !== table.VpcId) {
      throw ec2err.invalidValue(`route table ${table.RouteTableId} and network gateway ${id} belong to different networks`);
    }
    return { GatewayId: id };
  }
  if (member === "InstanceId") {
    const instance = findInstance(ctx, id);
    if (instance.VpcId !== table.VpcId) {
      throw ec2err.invalidValue(`route table ${table.RouteTableId} and instance ${id} belong to different networks`);
    }
    return { InstanceId: id };
  }
  const [code, what] = UNKEPT[member]!;
  throw new ServiceError(code, `The ${what} '${echo(id)}' does not exist`);
}

/** A route's destination as DeleteRoute names it in its error. */
const destinationMember = (kind: string) =>
  kind === "cidr" ? "destination-cidr-block" : kind === "ipv6" ? "destination-ipv6-cidr-block" : "destination-prefix-list-id";

function findAssociation(
  ctx: RequestContext,
  associationId: string,
): { table: RouteTableRecord; association: RouteTableAssociationRecord } {
  ensureAllVpcDefaults(ctx);
  for (const e of routeTables.lookup(ctx, "association", { key: associationId })) {
    const association = standing(ctx, e.value).find((a) => a.RouteTableAssociationId === associationId);
    if (association) return { table: e.value, association };
  }
  throw err.associationNotFound(associationId);
}

const conflicting = (tableId: string) =>
  err.alreadyAttached(`the specified association for route table ${tableId} conflicts with an existing association`);

export const routeTableHandlers: Pick<
  Ec2Handlers,
  | "CreateRouteTable"
  | "DeleteRouteTable"
  | "DescribeRouteTables"
  | "CreateRoute"
  | "ReplaceRoute"
  | "DeleteRoute"
  | "AssociateRouteTable"
  | "DisassociateRouteTable"
  | "ReplaceRouteTableAssociation"
> = {
  CreateRouteTable(ctx, input) {
    const vpc = findVpc(ctx, input.VpcId);
    ensureVpcDefaults(ctx, vpc);
    const tags = tagsFor(input.TagSpecifications, "route-table");
    // The same ClientToken with the same parameters answers the table it made.
    const { RouteTableId } = idempotent(ctx, input, () => {
      const table: RouteTableRecord = { RouteTableId: hexId("rtb"), VpcId: vpc.VpcId, routes: [localRoute(vpc)], associations: [] };
      routeTables.put(ctx, table);
      if (tags.length) putTags(ctx, table.RouteTableId, "route-table", tags, true);
      return { RouteTableId: table.RouteTableId };
    });
    return { RouteTable: routeTableView(ctx, findRouteTableRecord(ctx, RouteTableId)), ClientToken: input.ClientToken };
  },

  DeleteRouteTable(ctx, input) {
    const table = findRouteTable(ctx, input.RouteTableId);
    if (standing(ctx, table).length) throw err.hasDependencies("routeTable", table.RouteTableId);
    routeTables.delete(ctx, table.RouteTableId);
    dropTags(ctx, table.RouteTableId);
    return {};
  },

  DescribeRouteTables(ctx, input) {
    ensureAllVpcDefaults(ctx);
    const routes =
      <V>(pick: (r: RouteRecord) => V) =>
      (t: RouteTableRecord) =>
        t.routes.map(pick) as never;
    const associations =
      <V>(pick: (a: RouteTableAssociationRecord) => V) =>
      (t: RouteTableRecord) =>
        standing(ctx, t).map(pick) as never;
    const { items, NextToken } = describeIndexed(ctx, {
      collection: routeTables,
      tagType: "route-table",
      idOf: (t) => t.RouteTableId,
      indexed: {
        "route-table-id": "id",
        "vpc-id": "vpc",
        "association.subnet-id": "subnet",
        "association.route-table-association-id": "association",
      },
      fields: {
        "route-table-id": (t) => t.RouteTableId,
        "vpc-id": (t) => t.VpcId,
        "owner-id": () => ctx.accountId,
        "association.route-table-association-id": associations((a) => a.RouteTableAssociationId),
        "association.route-table-id": (t) => standing(ctx, t).map(() => t.RouteTableId),
        "association.subnet-id": associations((a) => a.SubnetId),
        "association.gateway-id": associations((a) => a.GatewayId),
        "association.main": associations((a) => a.Main),
        "route.destination-cidr-block": routes((r) => r.DestinationCidrBlock),
        "route.destination-ipv6-cidr-block": routes((r) => r.DestinationIpv6CidrBlock),
        "route.destination-prefix-list-id": routes((r) => r.DestinationPrefixListId),
        "route.gateway-id": routes((r) => r.target.GatewayId),
        "route.instance-id": routes((r) => r.target.InstanceId),
        "route.nat-gateway-id": routes((r) => r.target.NatGatewayId),
        "route.transit-gateway-id": routes((r) => r.target.TransitGatewayId),
        "route.vpc-peering-connection-id": routes((r) => r.target.VpcPeeringConnectionId),
        "route.egress-only-internet-gateway-id": routes((r) => r.target.EgressOnlyInternetGatewayId),
        "route.network-interface-id": routes((r) => r.target.NetworkInterfaceId),
        "route.carrier-gateway-id": routes((r) => r.target.CarrierGatewayId),
        "route.local-gateway-id": routes((r) => r.target.LocalGatewayId),
        "route.core-network-arn": routes((r) => r.target.CoreNetworkArn),
        "route.origin": routes((r) => r.Origin),
        "route.state": (t) => t.routes.map((r) => (routeActive(ctx, t, r) ? "active" : "blackhole")),
      },
      ids: input.RouteTableIds,
      find: (id) => findRouteTableRecord(ctx, id),
      Filters: input.Filters,
      MaxResults: input.MaxResults,
      NextToken: input.NextToken,
      paging: { min: 5, max: 100 },
    });
    return { RouteTables: items.map((t) => routeTableView(ctx, t)), NextToken };
  },

  CreateRoute(ctx, input) {
    const table = findRouteTable(ctx, input.RouteTableId);
    const d = destination(input);
    const to = target(ctx, table, input);
    if (table.routes.some((r) => matchesDestination(r, d))) throw err.routeExists(d.value);
    const route: RouteRecord = {
      DestinationCidrBlock: d.kind === "cidr" ? d.value : undefined,
      DestinationIpv6CidrBlock: d.kind === "ipv6" ? d.value : undefined,
      Origin: "CreateRoute",
      target: to,
    };
    routeTables.put(ctx, { ...table, routes: [...table.routes, route] });
    return { Return: true };
  },

  ReplaceRoute(ctx, input) {
    const table = findRouteTable(ctx, input.RouteTableId);
    const d = destination(input);
    const i = table.routes.findIndex((r) => matchesDestination(r, d));
    if (i < 0) throw ec2err.invalidValue(`There is no route defined for '${echo(d.value)}' in the route table. Use CreateRoute instead.`);
    const old = table.routes[i];
    let to: RouteRecord["target"];
    if (input.LocalTarget) {
      if (ROUTE_TARGETS.some((m) => input[m] !== undefined))
        throw ec2err.invalidCombination("LocalTarget cannot be given with another target.");
      const vpc = findVpc(ctx, table.VpcId);
      if (old.DestinationCidrBlock !== vpc.CidrBlock) {
        throw ec2err.invalidValue(`The route ${echo(d.value)} is not the local route of route table ${table.RouteTableId}.`);
      }
      to = { GatewayId: "local" };
    } else {
      if (old.target.GatewayId === "local")
        throw ec2err.invalidValue(`cannot replace local route ${echo(d.value)} in route table ${table.RouteTableId}`);
      to = target(ctx, table, input);
    }
    const routes = [...table.routes];
    routes[i] = { ...old, target: to };
    routeTables.put(ctx, { ...table, routes });
    return {};
  },

  DeleteRoute(ctx, input) {
    const table = findRouteTable(ctx, input.RouteTableId);
    const d = destination(input);
    const route = table.routes.find((r) => matchesDestination(r, d));
    if (!route) throw err.routeNotFound(destinationMember(d.kind), d.value, table.RouteTableId);
    if (route.target.GatewayId === "local")
      throw ec2err.invalidValue(`cannot remove local route ${echo(d.value)} in route table ${table.RouteTableId}`);
    routeTables.put(ctx, { ...table, routes: table.routes.filter((r) => r !== route) });
    return {};
  },

  AssociateRouteTable(ctx, input) {
    const table = findRouteTable(ctx, input.RouteTableId);
    if (input.PublicIpv4Pool !== undefined) throw ec2err.invalidValue("No public IPv4 pool is kept: PublicIpv4Pool cannot be given.");
    if (!input.SubnetId === !input.GatewayId) {
      if (!input.SubnetId) throw ec2err.missingParameter("subnetId or gatewayId");
      throw ec2err.invalidCombination("The parameters subnetId and gatewayId cannot be given together.");
    }
    let association: RouteTableAssociationRecord;
    if (input.SubnetId) {
      const subnet = findSubnet(ctx, input.SubnetId);
      if (subnet.VpcId !== table.VpcId) {
        throw ec2err.invalidValue(`Route table ${table.RouteTableId} and subnet ${subnet.SubnetId} belong to different networks`);
      }
      const taken = routeTables.lookup(ctx, "subnet", { key: subnet.SubnetId });
      if (taken.length) throw conflicting(table.RouteTableId);
      association = { RouteTableAssociationId: hexId("rtbassoc"), Main: false, SubnetId: subnet.SubnetId };
    } else {
      const gw = findInternetGateway(ctx, input.GatewayId!);
      if (gw.VpcId !== table.VpcId) {
        throw ec2err.invalidValue(`Route table ${table.RouteTableId} and gateway ${gw.InternetGatewayId} belong to different networks`);
      }
      for (const t of routeTables.indexScan(ctx, "vpc", { key: table.VpcId })) {
        if (t.value.associations.some((a) => a.GatewayId === gw.InternetGatewayId)) throw conflicting(table.RouteTableId);
      }
      association = { RouteTableAssociationId: hexId("rtbassoc"), Main: false, GatewayId: gw.InternetGatewayId };
    }
    // An association left behind by a subnet that is gone goes now.
    routeTables.put(ctx, { ...table, associations: [...standing(ctx, table), association] });
    return { AssociationId: association.RouteTableAssociationId, AssociationState: ASSOCIATED };
  },

  DisassociateRouteTable(ctx, input) {
    const { table, association } = findAssociation(ctx, input.AssociationId);
    if (association.Main) {
      throw ec2err.invalidValue(`cannot disassociate the main route table association ${association.RouteTableAssociationId}`);
    }
    routeTables.put(ctx, { ...table, associations: table.associations.filter((a) => a !== association) });
    return {};
  },

  ReplaceRouteTableAssociation(ctx, input) {
    const { table, association } = findAssociation(ctx, input.AssociationId);
    const target = findRouteTableRecord(ctx, input.RouteTableId);
    if (target.VpcId !== table.VpcId) {
      throw ec2err.invalidValue(
        `Route table ${target.RouteTableId} belongs to another network than association ${association.RouteTableAssociationId}`,
      );
    }
    const moved: RouteTableAssociationRecord = { ...association, RouteTableAssociationId: hexId("rtbassoc") };
    const rest = table.associations.filter((a) => a !== association);
    if (target.RouteTableId === table.RouteTableId) {
      routeTables.put(ctx, { ...table, associations: [...rest, moved] });
    } else {
      routeTables.put(ctx, { ...table, associations: rest });
      routeTables.put(ctx, { ...target, associations: [...target.associations, moved] });
    }
    return { NewAssociationId: moved.RouteTableAssociationId, AssociationState: ASSOCIATED };
  },
};
