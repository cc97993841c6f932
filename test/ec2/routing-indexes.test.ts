// The describes of internet gateways, route tables, network ACLs and Elastic IPs read through an index when a
// filter names an id, a VPC, a subnet, an association, an instance, a public address or a tag (query-plan.ts),
// and walk every record only otherwise, which they say at debug level; either way they answer the same.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createApp, type App } from "../../src/runtime/app";
import { timings } from "../../src/runtime/config";
import type { RequestContext } from "../../src/gateway/context";
import type { RequestLog } from "../../src/gateway/request-log";
import type { Filter } from "../../src/services/ec2/api.generated";
import { internetGatewayHandlers } from "../../src/services/ec2/internet-gateways/handlers";
import { routeTableHandlers } from "../../src/services/ec2/route-tables/handlers";
import { networkAclHandlers } from "../../src/services/ec2/network-acls/handlers";
import { addressHandlers } from "../../src/services/ec2/addresses/handlers";
import { ACCOUNT_A, REGION } from "../support/server";

describe("routing describes and their indexes", () => {
  let app: App;
  const debug: string[] = [];
  const ctx = (operation: string): RequestContext => ({
    service: "ec2",
    operation,
    accountId: ACCOUNT_A,
    region: REGION,
    requestId: "test",
    now: app.clock.now(),
    store: app.store,
    timings: timings(app.config.transitionSeconds),
    partition: { account: ACCOUNT_A, region: REGION },
    log: { debug: (m: string) => debug.push(m) } as unknown as RequestLog,
  });
  const inTx = <T>(fn: () => T): T => app.store.transaction(fn);
  let vpc: string;
  let tables: string[];

  before(() => {
    app = createApp({ clock: "manual", log: false, inMemory: true });
    inTx(() => {
      const c = ctx("CreateRouteTable");
      const main = routeTableHandlers.DescribeRouteTables(ctx("DescribeRouteTables"), {}).RouteTables![0];
      vpc = main.VpcId!;
      for (let i = 0; i < 6; i++) {
        routeTableHandlers.CreateRouteTable(c, {
          VpcId: vpc,
          TagSpecifications: [{ ResourceType: "route-table", Tags: [{ Key: "n", Value: String(i % 2) }] }],
        });
      }
      internetGatewayHandlers.CreateInternetGateway(ctx("CreateInternetGateway"), {});
      addressHandlers.AllocateAddress(ctx("AllocateAddress"), {});
      networkAclHandlers.CreateNetworkAcl(ctx("CreateNetworkAcl"), { VpcId: vpc });
      tables = routeTableHandlers.DescribeRouteTables(ctx("DescribeRouteTables"), {}).RouteTables!.map((t) => t.RouteTableId!);
    });
  });

  /** The ids a describe answers for these filters, and whether it said it walked everything. */
  function run(describeIt: (c: RequestContext, Filters: Filter[]) => string[], Filters: Filter[]) {
    debug.length = 0;
    const ids = inTx(() => describeIt(ctx("Describe"), Filters)).sort();
    return { ids, walked: debug.some((m) => m.includes("no index")) };
  }
  const routeTables = (c: RequestContext, Filters: Filter[]) =>
    routeTableHandlers.DescribeRouteTables(c, { Filters }).RouteTables!.map((t) => t.RouteTableId!);

  it("route tables: by id, VPC, tag and association through indexes; by route through the walk", () => {
    assert.deepEqual(run(routeTables, [{ Name: "route-table-id", Values: [tables[2]] }]), { ids: [tables[2]], walked: false });
    assert.deepEqual(run(routeTables, [{ Name: "vpc-id", Values: [vpc] }]), { ids: [...tables].sort(), walked: false });
    assert.equal(run(routeTables, [{ Name: "tag:n", Values: ["1"] }]).ids.length, 3);
    assert.equal(run(routeTables, [{ Name: "tag:n", Values: ["1"] }]).walked, false);
    const main = run(routeTables, [{ Name: "association.main", Values: ["true"] }]);
    assert.equal(main.walked, true, "association.main has no index of its own");
    const assoc = inTx(() => routeTableHandlers.DescribeRouteTables(ctx("Describe"), { RouteTableIds: [main.ids[0]] })).RouteTables![0]
      .Associations![0].RouteTableAssociationId!;
    assert.deepEqual(run(routeTables, [{ Name: "association.route-table-association-id", Values: [assoc] }]), {
      ids: main.ids,
      walked: false,
    });
    // The planned answer is the walk's answer, filtered.
    const walked = run(routeTables, [{ Name: "route.gateway-id", Values: ["local"] }]);
    assert.deepEqual(walked, { ids: [...tables].sort(), walked: true });
  });

  it("gateways, ACLs and addresses: by VPC, id and public address through indexes", () => {
    const gateways = (c: RequestContext, Filters: Filter[]) =>
      internetGatewayHandlers.DescribeInternetGateways(c, { Filters }).InternetGateways!.map((g) => g.InternetGatewayId!);
    assert.equal(run(gateways, [{ Name: "attachment.vpc-id", Values: [vpc] }]).ids.length, 1);
    assert.equal(run(gateways, [{ Name: "attachment.vpc-id", Values: [vpc] }]).walked, false);
    const acls = (c: RequestContext, Filters: Filter[]) =>
      networkAclHandlers.DescribeNetworkAcls(c, { Filters }).NetworkAcls!.map((a) => a.NetworkAclId!);
    assert.deepEqual(run(acls, [{ Name: "vpc-id", Values: [vpc] }]).ids.length, 2);
    assert.equal(run(acls, [{ Name: "vpc-id", Values: [vpc] }]).walked, false);
    const addresses = (c: RequestContext, Filters: Filter[]) =>
      addressHandlers.DescribeAddresses(c, { Filters }).Addresses!.map((a) => a.PublicIp!);
    const [ip] = run(addresses, []).ids;
    assert.deepEqual(run(addresses, [{ Name: "public-ip", Values: [ip] }]), { ids: [ip], walked: false });
    assert.deepEqual(run(addresses, [{ Name: "domain", Values: ["vpc"] }]), { ids: [ip], walked: true });
  });
});
