// Route tables through the AWS SDK ("Configure route tables", VPC_Route_Tables.html; the API reference pages of
// CreateRouteTable, DeleteRouteTable, DescribeRouteTables, CreateRoute, ReplaceRoute, DeleteRoute,
// AssociateRouteTable, DisassociateRouteTable and ReplaceRouteTableAssociation): every VPC's main table with its
// local route (the default VPC's also to its internet gateway), routes and their states, associations, filters.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  DeleteRouteCommand,
  DeleteRouteTableCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DetachInternetGatewayCommand,
  DisassociateRouteTableCommand,
  ReplaceRouteCommand,
  ReplaceRouteTableAssociationCommand,
  TerminateInstancesCommand,
  type EC2Client,
  type Filter,
  type RouteTable,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, useServer } from "../support/server";
import { addVpc, defaultSubnets, defaultVpcId, dropVpc, runningInstance } from "./vpc-fixtures";

let server: Imagelite;
let a: EC2Client;
let b: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

type Query = { RouteTableIds?: string[]; Filters?: Filter[]; MaxResults?: number; NextToken?: string };
const tables = async (input: Query = {}, c = a) => c.send(new DescribeRouteTablesCommand(input));
const table = async (id: string) => (await tables({ RouteTableIds: [id] })).RouteTables![0];
const ids = (ts: RouteTable[] | undefined) => (ts ?? []).map((t) => t.RouteTableId!).sort();
const create = async (VpcId: string, tags?: Record<string, string>) =>
  (
    await a.send(
      new CreateRouteTableCommand({
        VpcId,
        TagSpecifications: tags
          ? [{ ResourceType: "route-table", Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }]
          : undefined,
      }),
    )
  ).RouteTable!;
const defaultGateway = async () => (await a.send(new DescribeInternetGatewaysCommand({}))).InternetGateways![0].InternetGatewayId!;

test("the default VPC's main route table: local route, a route to its internet gateway, the main association", async () => {
  const vpc = await defaultVpcId(a);
  const igw = await defaultGateway();
  const all = (await tables()).RouteTables!;
  assert.equal(all.length, 1);
  const [main] = all;
  assert.match(main.RouteTableId!, /^rtb-[0-9a-f]{17}$/);
  assert.equal(main.VpcId, vpc);
  assert.equal(main.OwnerId, ACCOUNT_A);
  assert.deepEqual(main.Routes, [
    { DestinationCidrBlock: "172.31.0.0/16", GatewayId: "local", Origin: "CreateRouteTable", State: "active" },
    { DestinationCidrBlock: "0.0.0.0/0", GatewayId: igw, Origin: "CreateRoute", State: "active" },
  ]);
  assert.equal(main.Associations!.length, 1);
  const [assoc] = main.Associations!;
  assert.equal(assoc.Main, true);
  assert.equal(assoc.RouteTableId, main.RouteTableId);
  assert.match(assoc.RouteTableAssociationId!, /^rtbassoc-/);
  assert.deepEqual(assoc.AssociationState, { State: "associated" });
  assert.deepEqual((await tables()).RouteTables, all, "the same table on every read");
  assert.notEqual((await tables({}, b)).RouteTables![0].RouteTableId, main.RouteTableId);
});

test("a VPC made elsewhere gets its main table with its local route on first need", async () => {
  const { vpcId } = addVpc(server, "10.5.0.0/16");
  const mains = (await tables({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] })).RouteTables!;
  assert.equal(mains.length, 1);
  assert.deepEqual(mains[0].Routes, [
    { DestinationCidrBlock: "10.5.0.0/16", GatewayId: "local", Origin: "CreateRouteTable", State: "active" },
  ]);
  assert.equal(mains[0].Associations![0].Main, true);
  const made = await create(vpcId);
  assert.deepEqual(made.Routes, mains[0].Routes);
  assert.deepEqual(made.Associations, []);
  assert.deepEqual(ids((await tables({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] })).RouteTables), ids([mains[0], made]));
});

test("CreateRoute, ReplaceRoute and DeleteRoute; states follow their targets", async () => {
  const { vpcId } = addVpc(server, "10.6.0.0/16");
  const t = await create(vpcId, { Name: "public" });
  assert.deepEqual(t.Tags, [{ Key: "Name", Value: "public" }]);
  const id = t.RouteTableId!;
  const { InternetGateway } = await a.send(new CreateInternetGatewayCommand({}));
  const igw = InternetGateway!.InternetGatewayId!;

  const detached = await rejection(() =>
    a.send(new CreateRouteCommand({ RouteTableId: id, DestinationCidrBlock: "0.0.0.0/0", GatewayId: igw })),
  );
  assert.equal(detached.name, "InvalidParameterValue", "a gateway of another network");
  await a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
  await a.send(new CreateRouteCommand({ RouteTableId: id, DestinationCidrBlock: "0.0.0.0/0", GatewayId: igw }));
  assert.deepEqual((await table(id)).Routes![1], {
    DestinationCidrBlock: "0.0.0.0/0",
    GatewayId: igw,
    Origin: "CreateRoute",
    State: "active",
  });

  const exists = await rejection(() =>
    a.send(new CreateRouteCommand({ RouteTableId: id, DestinationCidrBlock: "0.0.0.0/0", GatewayId: igw })),
  );
  assert.equal(exists.name, "RouteAlreadyExists");
  const local = await rejection(() =>
    a.send(new CreateRouteCommand({ RouteTableId: id, DestinationCidrBlock: "10.6.0.0/16", GatewayId: igw })),
  );
  assert.equal(local.name, "RouteAlreadyExists");
  const badCidr = await rejection(() =>
    a.send(new CreateRouteCommand({ RouteTableId: id, DestinationCidrBlock: "10.0.0.0/33", GatewayId: igw })),
  );
  assert.equal(badCidr.name, "InvalidParameterValue");
  const noTarget = await rejection(() => a.send(new CreateRouteCommand({ RouteTableId: id, DestinationCidrBlock: "10.9.0.0/16" })));
  assert.equal(noTarget.name, "MissingParameter");
  const twoTargets = await rejection(() =>
    a.send(new CreateRouteCommand({ RouteTableId: id, DestinationCidrBlock: "10.9.0.0/16", GatewayId: igw, NatGatewayId: "nat-0123" })),
  );
  assert.equal(twoTargets.name, "InvalidParameterCombination");
  const nat = await rejection(() =>
    a.send(new CreateRouteCommand({ RouteTableId: id, DestinationCidrBlock: "10.9.0.0/16", NatGatewayId: "nat-0123456789abcdef0" })),
  );
  assert.equal(nat.name, "InvalidNatGatewayID.NotFound");
  const unknownGw = await rejection(() =>
    a.send(new CreateRouteCommand({ RouteTableId: id, DestinationCidrBlock: "10.9.0.0/16", GatewayId: "igw-0123456789abcdef0" })),
  );
  assert.equal(unknownGw.name, "InvalidGatewayID.NotFound");

  await a.send(new CreateRouteCommand({ RouteTableId: id, DestinationIpv6CidrBlock: "::/0", GatewayId: igw }));
  assert.equal((await table(id)).Routes!.find((r) => r.DestinationIpv6CidrBlock === "::/0")?.GatewayId, igw);

  // Detached, the gateway's routes are blackholes; attached again, active.
  await a.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
  assert.deepEqual(
    (await table(id)).Routes!.map((r) => r.State),
    ["active", "blackhole", "blackhole"],
  );
  assert.deepEqual(ids((await tables({ Filters: [{ Name: "route.state", Values: ["blackhole"] }] })).RouteTables), [id]);
  await a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));

  const missing = await rejection(() =>
    a.send(new ReplaceRouteCommand({ RouteTableId: id, DestinationCidrBlock: "10.7.0.0/16", GatewayId: igw })),
  );
  assert.equal(missing.name, "InvalidParameterValue");
  const replaceLocal = await rejection(() =>
    a.send(new ReplaceRouteCommand({ RouteTableId: id, DestinationCidrBlock: "10.6.0.0/16", GatewayId: igw })),
  );
  assert.equal(replaceLocal.name, "InvalidParameterValue");

  const removeLocal = await rejection(() => a.send(new DeleteRouteCommand({ RouteTableId: id, DestinationCidrBlock: "10.6.0.0/16" })));
  assert.equal(removeLocal.name, "InvalidParameterValue");
  await a.send(new DeleteRouteCommand({ RouteTableId: id, DestinationCidrBlock: "0.0.0.0/0" }));
  await a.send(new DeleteRouteCommand({ RouteTableId: id, DestinationIpv6CidrBlock: "::/0" }));
  assert.equal((await table(id)).Routes!.length, 1);
  const gone = await rejection(() => a.send(new DeleteRouteCommand({ RouteTableId: id, DestinationCidrBlock: "0.0.0.0/0" })));
  assert.equal(gone.name, "InvalidRoute.NotFound");
});

test("a route to an instance, replaced by a route to the gateway; a terminated instance's route is a blackhole", async () => {
  const vpc = await defaultVpcId(a);
  const instance = await runningInstance(server, a);
  const t = await create(vpc);
  const id = t.RouteTableId!;
  await a.send(new CreateRouteCommand({ RouteTableId: id, DestinationCidrBlock: "192.168.0.0/16", InstanceId: instance }));
  const route = (await table(id)).Routes![1];
  assert.equal(route.InstanceId, instance);
  assert.equal(route.InstanceOwnerId, ACCOUNT_A);
  assert.equal(route.State, "active");
  assert.deepEqual(ids((await tables({ Filters: [{ Name: "route.instance-id", Values: [instance] }] })).RouteTables), [id]);

  await a.send(new TerminateInstancesCommand({ InstanceIds: [instance] }));
  server.clock.advance(3 * T + 1);
  assert.equal((await table(id)).Routes![1].State, "blackhole");

  const igw = await defaultGateway();
  await a.send(new ReplaceRouteCommand({ RouteTableId: id, DestinationCidrBlock: "192.168.0.0/16", GatewayId: igw }));
  assert.deepEqual((await table(id)).Routes![1], {
    DestinationCidrBlock: "192.168.0.0/16",
    GatewayId: igw,
    Origin: "CreateRoute",
    State: "active",
  });
  const otherVpc = addVpc(server, "10.8.0.0/16");
  const foreign = await create(otherVpc.vpcId);
  const instance2 = await runningInstance(server, a);
  const wrongNetwork = await rejection(() =>
    a.send(new CreateRouteCommand({ RouteTableId: foreign.RouteTableId!, DestinationCidrBlock: "0.0.0.0/0", InstanceId: instance2 })),
  );
  assert.equal(wrongNetwork.name, "InvalidParameterValue");
});

test("subnet associations: associate, conflicts, replace, disassociate; the main association moves", async () => {
  const vpc = await defaultVpcId(a);
  const [s1, s2] = await defaultSubnets(a);
  const [main] = (await tables()).RouteTables!;
  const mainAssoc = main.Associations![0].RouteTableAssociationId!;
  const t1 = (await create(vpc)).RouteTableId!;
  const t2 = (await create(vpc)).RouteTableId!;

  const r = await a.send(new AssociateRouteTableCommand({ RouteTableId: t1, SubnetId: s1 }));
  assert.match(r.AssociationId!, /^rtbassoc-/);
  assert.deepEqual(r.AssociationState, { State: "associated" });
  assert.deepEqual((await table(t1)).Associations, [
    { Main: false, RouteTableAssociationId: r.AssociationId, RouteTableId: t1, SubnetId: s1, AssociationState: { State: "associated" } },
  ]);
  const conflict = await rejection(() => a.send(new AssociateRouteTableCommand({ RouteTableId: t2, SubnetId: s1 })));
  assert.equal(conflict.name, "Resource.AlreadyAssociated");
  const { vpcId: other, subnetId: otherSubnet } = addVpc(server, "10.2.0.0/16", "10.2.1.0/24");
  const foreign = await rejection(() => a.send(new AssociateRouteTableCommand({ RouteTableId: t2, SubnetId: otherSubnet })));
  assert.equal(foreign.name, "InvalidParameterValue");
  const unknown = await rejection(() => a.send(new AssociateRouteTableCommand({ RouteTableId: t2, SubnetId: "subnet-0123456789abcdef0" })));
  assert.equal(unknown.name, "InvalidSubnetID.NotFound");

  // Filters by association.
  assert.deepEqual(ids((await tables({ Filters: [{ Name: "association.subnet-id", Values: [s1] }] })).RouteTables), [t1]);
  assert.deepEqual(
    ids((await tables({ Filters: [{ Name: "association.route-table-association-id", Values: [r.AssociationId!] }] })).RouteTables),
    [t1],
  );
  assert.deepEqual(
    ids(
      (
        await tables({
          Filters: [
            { Name: "association.main", Values: ["true"] },
            { Name: "vpc-id", Values: [vpc] },
          ],
        })
      ).RouteTables,
    ),
    [main.RouteTableId],
  );
  assert.deepEqual(
    ids((await tables({ Filters: [{ Name: "association.main", Values: ["false"] }] })).RouteTables),
    [t1],
    "tables without associations are not listed",
  );

  // A table with an association cannot go; nor the main one.
  const busy = await rejection(() => a.send(new DeleteRouteTableCommand({ RouteTableId: t1 })));
  assert.equal(busy.name, "DependencyViolation");
  const mainGoes = await rejection(() => a.send(new DeleteRouteTableCommand({ RouteTableId: main.RouteTableId! })));
  assert.equal(mainGoes.name, "DependencyViolation");

  // The subnet moves to t2 under a new association id.
  const moved = await a.send(new ReplaceRouteTableAssociationCommand({ AssociationId: r.AssociationId!, RouteTableId: t2 }));
  assert.notEqual(moved.NewAssociationId, r.AssociationId);
  assert.deepEqual((await table(t1)).Associations, []);
  assert.equal((await table(t2)).Associations![0].SubnetId, s1);
  const old = await rejection(() => a.send(new DisassociateRouteTableCommand({ AssociationId: r.AssociationId! })));
  assert.equal(old.name, "InvalidAssociationID.NotFound");

  // The main association moves to t1; t1 is then the main table.
  const cannot = await rejection(() => a.send(new DisassociateRouteTableCommand({ AssociationId: mainAssoc })));
  assert.equal(cannot.name, "InvalidParameterValue");
  const newMain = await a.send(new ReplaceRouteTableAssociationCommand({ AssociationId: mainAssoc, RouteTableId: t1 }));
  assert.equal((await table(t1)).Associations![0].Main, true);
  assert.equal((await table(t1)).Associations![0].RouteTableAssociationId, newMain.NewAssociationId);
  assert.deepEqual((await table(main.RouteTableId!)).Associations, []);
  await a.send(new DeleteRouteTableCommand({ RouteTableId: main.RouteTableId! }));
  const otherTable = (await create(other)).RouteTableId!;
  const acrossVpcs = await rejection(() =>
    a.send(new ReplaceRouteTableAssociationCommand({ AssociationId: newMain.NewAssociationId!, RouteTableId: otherTable })),
  );
  assert.equal(acrossVpcs.name, "InvalidParameterValue");

  await a.send(new AssociateRouteTableCommand({ RouteTableId: t1, SubnetId: s2 }));
  const s2Assoc = (await table(t1)).Associations!.find((x) => x.SubnetId === s2)!.RouteTableAssociationId!;
  await a.send(new DisassociateRouteTableCommand({ AssociationId: s2Assoc }));
  await a.send(new DisassociateRouteTableCommand({ AssociationId: moved.NewAssociationId! }));
  await a.send(new DeleteRouteTableCommand({ RouteTableId: t2 }));
  const gone = await rejection(() => table(t2));
  assert.equal(gone.name, "InvalidRouteTableID.NotFound");
});

test("edge association with the VPC's internet gateway", async () => {
  const vpc = await defaultVpcId(a);
  const igw = await defaultGateway();
  const t = (await create(vpc)).RouteTableId!;
  const { AssociationId } = await a.send(new AssociateRouteTableCommand({ RouteTableId: t, GatewayId: igw }));
  assert.equal((await table(t)).Associations![0].GatewayId, igw);
  assert.deepEqual(ids((await tables({ Filters: [{ Name: "association.gateway-id", Values: [igw] }] })).RouteTables), [t]);
  const twice = await rejection(() => a.send(new AssociateRouteTableCommand({ RouteTableId: t, GatewayId: igw })));
  assert.equal(twice.name, "Resource.AlreadyAssociated");
  await a.send(new DisassociateRouteTableCommand({ AssociationId }));
});

test("a VPC that is gone takes its route tables with it; a subnet that is gone, its association", async () => {
  const { vpcId, subnetId } = addVpc(server, "10.3.0.0/16", "10.3.0.0/24");
  const t = (await create(vpcId)).RouteTableId!;
  await a.send(new AssociateRouteTableCommand({ RouteTableId: t, SubnetId: subnetId }));
  server.app.store.delete("ec2.subnet", { account: ACCOUNT_A, region: "us-east-1" }, subnetId!);
  assert.deepEqual((await table(t)).Associations, []);
  dropVpc(server, vpcId);
  assert.deepEqual((await tables({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] })).RouteTables, []);
  const gone = await rejection(() => table(t));
  assert.equal(gone.name, "InvalidRouteTableID.NotFound");
});

test("ids, tags, filters and pages", async () => {
  const vpc = await defaultVpcId(a);
  const malformed = await rejection(() => tables({ RouteTableIds: ["rtb"] }));
  assert.equal(malformed.name, "InvalidRouteTableId.Malformed");
  const missing = await rejection(() => tables({ RouteTableIds: ["rtb-0123456789abcdef0"] }));
  assert.equal(missing.name, "InvalidRouteTableID.NotFound");
  const unknownVpc = await rejection(() => a.send(new CreateRouteTableCommand({ VpcId: "vpc-0123456789abcdef0" })));
  assert.equal(unknownVpc.name, "InvalidVpcID.NotFound");

  const web = await create(vpc, { tier: "web" });
  const db = await create(vpc, { tier: "db" });
  assert.deepEqual(ids((await tables({ Filters: [{ Name: "tag:tier", Values: ["web"] }] })).RouteTables), [web.RouteTableId]);
  assert.deepEqual(ids((await tables({ Filters: [{ Name: "tag-key", Values: ["tier"] }] })).RouteTables), ids([web, db]));
  assert.deepEqual(ids((await tables({ Filters: [{ Name: "route-table-id", Values: [db.RouteTableId!] }] })).RouteTables), [
    db.RouteTableId,
  ]);
  assert.deepEqual(
    ids((await tables({ Filters: [{ Name: "route.destination-cidr-block", Values: ["0.0.0.0/0"] }] })).RouteTables).length,
    1,
    "only the main table routes to the internet",
  );
  assert.equal((await tables({ Filters: [{ Name: "route.gateway-id", Values: ["local"] }] })).RouteTables!.length, 3);
  const bad = await rejection(() => tables({ Filters: [{ Name: "nope", Values: ["x"] }] }));
  assert.equal(bad.name, "InvalidParameterValue");

  for (let i = 0; i < 5; i++) await create(vpc);
  const all = ids((await tables()).RouteTables);
  assert.equal(all.length, 8);
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const page = await tables({ MaxResults: 5, NextToken: token });
    seen.push(...page.RouteTables!.map((t) => t.RouteTableId!));
    token = page.NextToken;
  } while (token);
  assert.deepEqual(seen.sort(), all);

  const dry = await rejection(() => a.send(new CreateRouteTableCommand({ VpcId: vpc, DryRun: true })));
  assert.equal(dry.name, "DryRunOperation");
  assert.equal(ids((await tables()).RouteTables).length, 8);
});

test("CreateRouteTable with a ClientToken makes one table; other parameters are a mismatch", async () => {
  const vpc = await defaultVpcId(a);
  const first = (await a.send(new CreateRouteTableCommand({ VpcId: vpc, ClientToken: "rt-1" }))).RouteTable!;
  const again = await a.send(new CreateRouteTableCommand({ VpcId: vpc, ClientToken: "rt-1" }));
  assert.equal(again.RouteTable!.RouteTableId, first.RouteTableId);
  assert.equal(again.ClientToken, "rt-1");
  assert.equal((await tables()).RouteTables!.length, 2);
  const { vpcId } = addVpc(server, "10.11.0.0/16");
  const mismatch = await rejection(() => a.send(new CreateRouteTableCommand({ VpcId: vpcId, ClientToken: "rt-1" })));
  assert.equal(mismatch.name, "IdempotentParameterMismatch");
});
