// What the routing families offer the rest of EC2: checkVpcDeletable, which DeleteVpc consults (DeleteVpc's API
// reference: detach the internet gateway, delete the route tables but the main one and the ACLs but the default one
// first), and elasticIpOf, the address the instance view shows for an instance.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createApp, type App } from "../../src/runtime/app";
import { timings } from "../../src/runtime/config";
import type { RequestContext } from "../../src/gateway/context";
import { internetGatewayHandlers } from "../../src/services/ec2/internet-gateways/handlers";
import { routeTableHandlers } from "../../src/services/ec2/route-tables/handlers";
import { networkAclHandlers } from "../../src/services/ec2/network-acls/handlers";
import { checkVpcDeletable } from "../../src/services/ec2/vpc-defaults/records";
import { addresses, elasticIpOf } from "../../src/services/ec2/addresses/records";
import { ACCOUNT_A, REGION } from "../support/server";

describe("routing hooks", () => {
  let app: App;
  const ctx = (): RequestContext => ({
    service: "ec2",
    operation: "Test",
    accountId: ACCOUNT_A,
    region: REGION,
    requestId: "test",
    now: app.clock.now(),
    store: app.store,
    timings: timings(app.config.transitionSeconds),
    partition: { account: ACCOUNT_A, region: REGION },
  });
  const inTx = <T>(fn: () => T): T => app.store.transaction(fn);
  const VPC = "vpc-0aaaaaaaaaaaaaaa1";

  before(() => {
    app = createApp({ clock: "manual", log: false, inMemory: true });
    app.store.put("ec2.vpc", { account: ACCOUNT_A, region: REGION }, VPC, {
      VpcId: VPC,
      CidrBlock: "10.0.0.0/16",
      IsDefault: false,
      CidrAssociationId: "vpc-cidr-assoc-0aaaaaaaaaaaaaaa1",
      DhcpOptionsId: "dopt-0aaaaaaaaaaaaaaa1",
    });
  });

  const refusal = () => {
    try {
      inTx(() => checkVpcDeletable(ctx(), VPC));
      return undefined;
    } catch (e) {
      return (e as { code?: string }).code ?? (e as Error).name;
    }
  };

  it("checkVpcDeletable: the main table and default ACL do not hold a VPC back; a gateway, a table, an ACL do", () => {
    inTx(() => routeTableHandlers.DescribeRouteTables(ctx(), {}));
    assert.equal(refusal(), undefined);

    const gw = inTx(() => internetGatewayHandlers.CreateInternetGateway(ctx(), {})).InternetGateway!.InternetGatewayId!;
    inTx(() => internetGatewayHandlers.AttachInternetGateway(ctx(), { InternetGatewayId: gw, VpcId: VPC }));
    assert.equal(refusal(), "DependencyViolation");
    inTx(() => internetGatewayHandlers.DetachInternetGateway(ctx(), { InternetGatewayId: gw, VpcId: VPC }));
    assert.equal(refusal(), undefined);

    const table = inTx(() => routeTableHandlers.CreateRouteTable(ctx(), { VpcId: VPC })).RouteTable!.RouteTableId!;
    assert.equal(refusal(), "DependencyViolation");
    inTx(() => routeTableHandlers.DeleteRouteTable(ctx(), { RouteTableId: table }));

    const acl = inTx(() => networkAclHandlers.CreateNetworkAcl(ctx(), { VpcId: VPC })).NetworkAcl!.NetworkAclId!;
    assert.equal(refusal(), "DependencyViolation");
    inTx(() => networkAclHandlers.DeleteNetworkAcl(ctx(), { NetworkAclId: acl }));
    assert.equal(refusal(), undefined);
  });

  it("elasticIpOf: none for an instance without an associated address, or whose association is gone", () => {
    inTx(() => addresses.put(ctx(), { AllocationId: "eipalloc-0aaaaaaaaaaaaaaa1", PublicIp: "192.0.2.9" }));
    assert.equal(
      inTx(() => elasticIpOf(ctx(), "i-0aaaaaaaaaaaaaaa1")),
      undefined,
    );
    // Associated with an instance that is not there (terminated and purged): no address shows.
    inTx(() =>
      addresses.put(ctx(), {
        AllocationId: "eipalloc-0aaaaaaaaaaaaaaa1",
        PublicIp: "192.0.2.9",
        AssociationId: "eipassoc-0aaaaaaaaaaaaaaa1",
        InstanceId: "i-0aaaaaaaaaaaaaaa1",
        PrivateIpAddress: "10.0.0.4",
      }),
    );
    assert.equal(
      inTx(() => elasticIpOf(ctx(), "i-0aaaaaaaaaaaaaaa1")),
      undefined,
    );
  });
});
