// What every VPC has from its creation on, made the first time a call needs it and kept as records so that
// their ids hold: its main route table with the `local` route for its CIDR block ("Configure route tables",
// VPC_Route_Tables.html) and its default network ACL (vpc-network-acls.html); the default VPC also has an
// internet gateway attached, and its main table routes 0.0.0.0/0 to it ("Default VPCs", default-vpc.html).
// VPCs are read through the network's own records (network/records.ts), whoever made them; a marker per VPC
// says its defaults exist. What belongs to a VPC that is no longer there goes with it, as DeleteVpc takes
// the main route table and the default ACL with the VPC.
import type { RequestContext } from "../../../gateway/context";
import { collection } from "../../../state/collection";
import { schema, type RecordOf } from "../../../state/record-schema";
import { hexId } from "../../../util/ids";
import { ensureDefaults, vpcs, type VpcRecord } from "../network/records";
import { dropTags } from "../tags/records";
import { internetGateways } from "../internet-gateways/records";
import { routeTables, type RouteRecord } from "../route-tables/records";
import { defaultRules, networkAcls } from "../network-acls/records";
import * as err from "./errors";

const markerSchema = schema({ VpcId: "string" });
/** One per VPC whose defaults exist, keyed by VPC id. */
export const vpcDefaults = collection<RecordOf<typeof markerSchema>>({
  type: "ec2.vpc-defaults",
  schema: markerSchema,
  key: (r) => r.VpcId,
});

/** The route every table of a VPC starts with: its CIDR block, delivered within the VPC. */
export const localRoute = (vpc: VpcRecord): RouteRecord => ({
  DestinationCidrBlock: vpc.CidrBlock,
  Origin: "CreateRouteTable",
  target: { GatewayId: "local" },
});

function makeDefaults(ctx: RequestContext, vpc: VpcRecord): void {
  const routes = [localRoute(vpc)];
  if (vpc.IsDefault) {
    const gatewayId = hexId("igw");
    internetGateways.put(ctx, { InternetGatewayId: gatewayId, VpcId: vpc.VpcId });
    routes.push({ DestinationCidrBlock: "0.0.0.0/0", Origin: "CreateRoute", target: { GatewayId: gatewayId } });
  }
  routeTables.put(ctx, {
    RouteTableId: hexId("rtb"),
    VpcId: vpc.VpcId,
    routes,
    associations: [{ RouteTableAssociationId: hexId("rtbassoc"), Main: true }],
  });
  networkAcls.put(ctx, { NetworkAclId: hexId("acl"), VpcId: vpc.VpcId, IsDefault: true, entries: defaultRules(), associations: [] });
  vpcDefaults.put(ctx, { VpcId: vpc.VpcId });
}

/** Makes a VPC's defaults if they are not there yet. */
export function ensureVpcDefaults(ctx: RequestContext, vpc: VpcRecord): void {
  if (!vpcDefaults.get(ctx, vpc.VpcId)) makeDefaults(ctx, vpc);
}

/** Drops what belonged to a VPC that is gone: its route tables and ACLs; its gateway is detached. */
function dropVpcLeftovers(ctx: RequestContext, vpcId: string): void {
  for (const t of [...routeTables.indexScan(ctx, "vpc", { key: vpcId })]) {
    routeTables.delete(ctx, t.id);
    dropTags(ctx, t.id);
  }
  for (const a of [...networkAcls.indexScan(ctx, "vpc", { key: vpcId })]) {
    networkAcls.delete(ctx, a.id);
    dropTags(ctx, a.id);
  }
  for (const g of [...internetGateways.indexScan(ctx, "vpc", { key: vpcId })]) internetGateways.put(ctx, { ...g.value, VpcId: undefined });
  vpcDefaults.delete(ctx, vpcId);
}

/**
 * Every VPC of the caller's with its defaults, and nothing left of a VPC that is gone: what a read of route
 * tables, ACLs or gateways starts with. Costs a read per VPC.
 */
export function ensureAllVpcDefaults(ctx: RequestContext): void {
  ensureDefaults(ctx);
  const live = new Set<string>();
  for (const vpc of vpcs.scan(ctx)) {
    live.add(vpc.VpcId);
    ensureVpcDefaults(ctx, vpc);
  }
  for (const m of [...vpcDefaults.scan(ctx)]) if (!live.has(m.VpcId)) dropVpcLeftovers(ctx, m.VpcId);
}

/**
 * What DeleteVpc must refuse while it is there (DeleteVpc reference: detach the internet gateway, delete the
 * route tables but the main one and the ACLs but the default one first): throws DependencyViolation.
 */
export function checkVpcDeletable(ctx: RequestContext, vpcId: string): void {
  if (routingDependentOf(ctx, vpcId)) throw err.dependencyViolation(`The vpc '${vpcId}' has dependencies and cannot be deleted.`);
}

/** The id of the first gateway, route table or network ACL that keeps the VPC from being deleted, if any. */
export const routingDependentOf = (ctx: RequestContext, vpcId: string): string | undefined =>
  internetGateways.find(ctx, "vpc", vpcId)?.InternetGatewayId ??
  [...routeTables.indexScan(ctx, "vpc", { key: vpcId })].find((t) => !t.value.associations.some((a) => a.Main))?.id ??
  [...networkAcls.indexScan(ctx, "vpc", { key: vpcId })].find((a) => !a.value.IsDefault)?.id;
