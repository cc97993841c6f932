// Elastic IP addresses and account attributes through the AWS SDK ("Elastic IP addresses",
// elastic-ip-addresses-eip.html; the API reference pages of AllocateAddress, AssociateAddress,
// DisassociateAddress, ReleaseAddress, DescribeAddresses, DescribeAddressesAttribute and DescribeAccountAttributes),
// and what an association changes in DescribeInstances and DescribeNetworkInterfaces.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AttachNetworkInterfaceCommand,
  CreateNetworkInterfaceCommand,
  DeleteNetworkInterfaceCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DetachNetworkInterfaceCommand,
  DescribeAccountAttributesCommand,
  DescribeAddressesAttributeCommand,
  DescribeAddressesCommand,
  DescribeInternetGatewaysCommand,
  DetachInternetGatewayCommand,
  DisassociateAddressCommand,
  ReleaseAddressCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
  type Filter,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, useServer } from "../support/server";
import { defaultSubnets, defaultVpcId, runningInstance } from "./vpc-fixtures";

let server: Imagelite;
let a: EC2Client;
let b: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

const DOC_RANGES = /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/;
const allocate = async (tags?: Record<string, string>, c = a) =>
  c.send(
    new AllocateAddressCommand({
      Domain: "vpc",
      TagSpecifications: tags
        ? [{ ResourceType: "elastic-ip", Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }]
        : undefined,
    }),
  );
type Query = { AllocationIds?: string[]; PublicIps?: string[]; Filters?: Filter[] };
const addresses = async (input: Query = {}, c = a) => (await c.send(new DescribeAddressesCommand(input))).Addresses!;

test("AllocateAddress gives a documentation-range address for use in a VPC, with its tags", async () => {
  const r = await allocate({ Name: "bastion" });
  assert.match(r.AllocationId!, /^eipalloc-[0-9a-f]{17}$/);
  assert.match(r.PublicIp!, DOC_RANGES);
  assert.equal(r.Domain, "vpc");
  assert.equal(r.PublicIpv4Pool, "amazon");
  assert.equal(r.NetworkBorderGroup, "us-east-1");
  assert.deepEqual(await addresses(), [
    {
      AllocationId: r.AllocationId,
      PublicIp: r.PublicIp,
      Domain: "vpc",
      PublicIpv4Pool: "amazon",
      NetworkBorderGroup: "us-east-1",
      Tags: [{ Key: "Name", Value: "bastion" }],
    },
  ]);
  const other = await allocate();
  assert.notEqual(other.PublicIp, r.PublicIp);
  assert.equal((await addresses({}, b)).length, 0, "another account sees none of them");

  const classic = await rejection(() => a.send(new AllocateAddressCommand({ Domain: "standard" })));
  assert.equal(classic.name, "InvalidParameterValue");
  const wrongGroup = await rejection(() => a.send(new AllocateAddressCommand({ NetworkBorderGroup: "us-west-2" })));
  assert.equal(wrongGroup.name, "InvalidParameterValue");
});

test("five addresses per Region, as DescribeAccountAttributes says", async () => {
  for (let i = 0; i < 5; i++) await allocate();
  const over = await rejection(() => allocate());
  assert.equal(over.name, "AddressLimitExceeded");
  assert.equal(new Set((await addresses()).map((x) => x.PublicIp)).size, 5);
  const { AccountAttributes } = await a.send(new DescribeAccountAttributesCommand({}));
  const attr = (name: string) => AccountAttributes!.find((x) => x.AttributeName === name)!.AttributeValues!.map((v) => v.AttributeValue);
  assert.deepEqual(attr("vpc-max-elastic-ips"), ["5"]);
  assert.deepEqual(attr("max-elastic-ips"), ["5"]);
  assert.deepEqual(attr("supported-platforms"), ["VPC"]);
  assert.deepEqual(attr("default-vpc"), [await defaultVpcId(a)]);
  assert.deepEqual(attr("max-instances"), ["20"]);
  assert.deepEqual(attr("vpc-max-security-groups-per-interface"), ["5"]);
  const one = await a.send(new DescribeAccountAttributesCommand({ AttributeNames: ["default-vpc"] }));
  assert.deepEqual(one.AccountAttributes, [{ AttributeName: "default-vpc", AttributeValues: [{ AttributeValue: await defaultVpcId(a) }] }]);
});

test("associate with an instance, move with AllowReassociation, disassociate, release", async () => {
  const i1 = await runningInstance(server, a);
  const i2 = await runningInstance(server, a);
  const { AllocationId, PublicIp } = await allocate();
  const { AssociationId } = await a.send(new AssociateAddressCommand({ AllocationId, InstanceId: i1 }));
  assert.match(AssociationId!, /^eipassoc-/);
  const [seen] = await addresses({ AllocationIds: [AllocationId!] });
  assert.equal(seen.AssociationId, AssociationId);
  assert.equal(seen.InstanceId, i1);
  assert.match(seen.PrivateIpAddress!, /^172\.31\./);
  assert.equal((await addresses({ Filters: [{ Name: "instance-id", Values: [i1] }] })).length, 1);
  assert.equal((await addresses({ Filters: [{ Name: "association-id", Values: [AssociationId!] }] })).length, 1);

  const taken = await rejection(() => a.send(new AssociateAddressCommand({ AllocationId, InstanceId: i2 })));
  assert.equal(taken.name, "Resource.AlreadyAssociated");
  const inUse = await rejection(() => a.send(new ReleaseAddressCommand({ AllocationId })));
  assert.equal(inUse.name, "InvalidIPAddress.InUse");

  const moved = await a.send(new AssociateAddressCommand({ AllocationId, InstanceId: i2, AllowReassociation: true }));
  assert.notEqual(moved.AssociationId, AssociationId);
  assert.equal((await addresses({ PublicIps: [PublicIp!] }))[0].InstanceId, i2);

  // A second address for the same instance takes the place of the first.
  const second = await allocate();
  await a.send(new AssociateAddressCommand({ AllocationId: second.AllocationId, InstanceId: i2 }));
  assert.equal((await addresses({ AllocationIds: [AllocationId!] }))[0].InstanceId, undefined);

  const stale = await rejection(() => a.send(new DisassociateAddressCommand({ AssociationId: moved.AssociationId })));
  assert.equal(stale.name, "InvalidAssociationID.NotFound");
  await a.send(new DisassociateAddressCommand({ PublicIp: second.PublicIp }));
  await a.send(new ReleaseAddressCommand({ AllocationId: second.AllocationId }));
  await a.send(new ReleaseAddressCommand({ AllocationId }));
  assert.deepEqual(await addresses(), []);
  const gone = await rejection(() => a.send(new ReleaseAddressCommand({ AllocationId })));
  assert.equal(gone.name, "InvalidAllocationID.NotFound");
});

test("associations follow the instance: stopped keeps it, terminated ends it", async () => {
  const i1 = await runningInstance(server, a);
  const { AllocationId } = await allocate();
  await a.send(new AssociateAddressCommand({ AllocationId, InstanceId: i1 }));
  await a.send(new StopInstancesCommand({ InstanceIds: [i1] }));
  server.clock.advance(3 * T + 1);
  assert.equal((await addresses())[0].InstanceId, i1);
  await a.send(new TerminateInstancesCommand({ InstanceIds: [i1] }));
  server.clock.advance(3 * T + 1);
  const [after] = await addresses();
  assert.equal(after.InstanceId, undefined);
  assert.equal(after.AssociationId, undefined);
  await a.send(new ReleaseAddressCommand({ AllocationId }));
  const fresh = (await allocate()).AllocationId;
  const terminated = await rejection(() => a.send(new AssociateAddressCommand({ AllocationId: fresh, InstanceId: i1 })));
  assert.equal(terminated.name, "IncorrectInstanceState");
});

test("an instance's VPC needs an internet gateway; network interfaces and errors", async () => {
  const i1 = await runningInstance(server, a);
  const { AllocationId, PublicIp } = await allocate();
  const [gw] = (await a.send(new DescribeInternetGatewaysCommand({}))).InternetGateways!;
  const vpc = await defaultVpcId(a);
  await a.send(new DetachInternetGatewayCommand({ InternetGatewayId: gw.InternetGatewayId!, VpcId: vpc }));
  const noGateway = await rejection(() => a.send(new AssociateAddressCommand({ AllocationId, InstanceId: i1 })));
  assert.equal(noGateway.name, "Gateway.NotAttached");

  const eni = await rejection(() => a.send(new AssociateAddressCommand({ AllocationId, NetworkInterfaceId: "eni-0123456789abcdef0" })));
  assert.equal(eni.name, "InvalidNetworkInterfaceID.NotFound");
  const neither = await rejection(() => a.send(new AssociateAddressCommand({ AllocationId })));
  assert.equal(neither.name, "MissingParameter");
  const unknownInstance = await rejection(() => a.send(new AssociateAddressCommand({ AllocationId, InstanceId: "i-0123456789abcdef0" })));
  assert.equal(unknownInstance.name, "InvalidInstanceID.NotFound");
  const malformed = await rejection(() => addresses({ AllocationIds: ["eipalloc-x"] }));
  assert.equal(malformed.name, "InvalidAllocationID.Malformed");
  const missing = await rejection(() => addresses({ AllocationIds: ["eipalloc-0123456789abcdef0"] }));
  assert.equal(missing.name, "InvalidAllocationID.NotFound");
  const noIp = await rejection(() => addresses({ PublicIps: ["198.51.100.250"] }, b));
  assert.equal(noIp.name, "InvalidAddress.NotFound");
  const byIp = await rejection(() => a.send(new ReleaseAddressCommand({ PublicIp })));
  assert.equal(byIp.name, "InvalidParameterValue", "a VPC address is released by its allocation id");
  const foreign = await rejection(() => b.send(new ReleaseAddressCommand({ AllocationId })));
  assert.equal(foreign.name, "InvalidAllocationID.NotFound");
});

test("filters, tags, DescribeAddressesAttribute, DryRun", async () => {
  const web = await allocate({ role: "web" });
  const db = await allocate({ role: "db" });
  const ids = (list: { AllocationId?: string }[]) => list.map((x) => x.AllocationId).sort();
  assert.deepEqual(ids(await addresses({ Filters: [{ Name: "tag:role", Values: ["web"] }] })), [web.AllocationId]);
  assert.deepEqual(ids(await addresses({ Filters: [{ Name: "tag-key", Values: ["role"] }] })), ids([web, db]));
  assert.deepEqual(ids(await addresses({ Filters: [{ Name: "public-ip", Values: [db.PublicIp!] }] })), [db.AllocationId]);
  assert.deepEqual(ids(await addresses({ Filters: [{ Name: "allocation-id", Values: [web.AllocationId!] }] })), [web.AllocationId]);
  assert.deepEqual(ids(await addresses({ Filters: [{ Name: "domain", Values: ["vpc"] }] })), ids([web, db]));
  const bad = await rejection(() => addresses({ Filters: [{ Name: "nope", Values: ["x"] }] }));
  assert.equal(bad.name, "InvalidParameterValue");

  const attrs = await a.send(new DescribeAddressesAttributeCommand({ AllocationIds: [web.AllocationId!], Attribute: "domain-name" }));
  assert.deepEqual(attrs.Addresses, [{ AllocationId: web.AllocationId, PublicIp: web.PublicIp }]);
  const everyAttr = await a.send(new DescribeAddressesAttributeCommand({ Attribute: "domain-name", MaxResults: 1 }));
  assert.equal(everyAttr.Addresses!.length, 1);
  assert.ok(everyAttr.NextToken);

  const dry = await rejection(() => a.send(new AllocateAddressCommand({ Domain: "vpc", DryRun: true })));
  assert.equal(dry.name, "DryRunOperation");
  assert.equal((await addresses()).length, 2);
});

const instance = async (id: string) => (await a.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0].Instances![0];
const eni = async (id: string) => (await a.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [id] }))).NetworkInterfaces![0];
const dns = (ip: string) => `ec2-${ip.replace(/\./g, "-")}.compute-1.amazonaws.com`;
const ids = (list: { AllocationId?: string }[]) => list.map((x) => x.AllocationId).sort();

test("associated with an instance: its primary interface shows the address, and the public address EC2 gave is released", async () => {
  const i1 = await runningInstance(server, a);
  const before = await instance(i1);
  const given = before.PublicIpAddress!;
  assert.ok(given && !DOC_RANGES.test(given), "a default subnet gives the instance a public address");
  const primary = before.NetworkInterfaces![0].NetworkInterfaceId!;
  const { AllocationId, PublicIp } = await allocate();
  const { AssociationId } = await a.send(new AssociateAddressCommand({ AllocationId, InstanceId: i1 }));

  const shown = await instance(i1);
  assert.equal(shown.PublicIpAddress, PublicIp);
  assert.equal(shown.PublicDnsName, dns(PublicIp!));
  assert.deepEqual(shown.NetworkInterfaces![0].Association, { IpOwnerId: ACCOUNT_A, PublicIp, PublicDnsName: dns(PublicIp!) });
  const iface = await eni(primary);
  const association = { IpOwnerId: ACCOUNT_A, PublicIp, PublicDnsName: dns(PublicIp!), AllocationId, AssociationId };
  assert.deepEqual(iface.Association, association);
  assert.deepEqual(iface.PrivateIpAddresses![0].Association, association);
  const byAllocation = await a.send(
    new DescribeNetworkInterfacesCommand({ Filters: [{ Name: "association.allocation-id", Values: [AllocationId!] }] }),
  );
  assert.deepEqual(
    byAllocation.NetworkInterfaces!.map((n) => n.NetworkInterfaceId),
    [primary],
  );
  const byIp = (await a.send(new DescribeInstancesCommand({ Filters: [{ Name: "ip-address", Values: [PublicIp!] }] }))).Reservations!;
  assert.equal(byIp[0].Instances![0].InstanceId, i1);
  assert.equal(
    (await a.send(new DescribeInstancesCommand({ Filters: [{ Name: "ip-address", Values: [given] }] }))).Reservations!.length,
    0,
  );

  const [address] = await addresses();
  assert.equal(address.InstanceId, i1);
  assert.equal(address.NetworkInterfaceId, primary);
  assert.equal(address.NetworkInterfaceOwnerId, ACCOUNT_A);
  assert.equal(address.PrivateIpAddress, shown.PrivateIpAddress);
  for (const [Name, value] of [
    ["instance-id", i1],
    ["network-interface-id", primary],
    ["network-interface-owner-id", ACCOUNT_A],
    ["private-ip-address", shown.PrivateIpAddress!],
    ["association-id", AssociationId!],
  ]) {
    assert.deepEqual(ids(await addresses({ Filters: [{ Name, Values: [value] }] })), [AllocationId], Name);
    assert.deepEqual(await addresses({ Filters: [{ Name, Values: ["x-0123456789abcdef0"] }] }), [], Name);
  }

  // A stop keeps the Elastic IP (the public address EC2 gives is released on stop), and a start gives no other.
  await a.send(new StopInstancesCommand({ InstanceIds: [i1] }));
  server.clock.advance(3 * T + 1);
  assert.equal((await instance(i1)).PublicIpAddress, PublicIp);
  await a.send(new StartInstancesCommand({ InstanceIds: [i1] }));
  server.clock.advance(3 * T + 1);
  assert.equal((await instance(i1)).PublicIpAddress, PublicIp);
  assert.equal((await eni(primary)).Association!.AllocationId, AllocationId);

  // Disassociated, the instance gets a new public address from EC2, as its subnet maps one on launch.
  await a.send(new DisassociateAddressCommand({ AssociationId }));
  const after = await instance(i1);
  assert.ok(after.PublicIpAddress && after.PublicIpAddress !== PublicIp && !DOC_RANGES.test(after.PublicIpAddress));
  assert.equal(after.PublicDnsName, dns(after.PublicIpAddress));
  assert.deepEqual((await eni(primary)).Association, {
    IpOwnerId: "amazon",
    PublicIp: after.PublicIpAddress,
    PublicDnsName: dns(after.PublicIpAddress),
  });
  const [free] = await addresses();
  assert.equal(free.InstanceId, undefined);
  assert.equal(free.NetworkInterfaceId, undefined);
  assert.equal(free.AssociationId, undefined);
});

test("associated with a network interface, on its primary or a secondary address; reassociation, release and deletion", async () => {
  const [subnet] = await defaultSubnets(a);
  const { NetworkInterface } = await a.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet, SecondaryPrivateIpAddressCount: 1 }));
  const id = NetworkInterface!.NetworkInterfaceId!;
  const primaryIp = NetworkInterface!.PrivateIpAddress!;
  const secondaryIp = NetworkInterface!.PrivateIpAddresses!.find((p) => !p.Primary)!.PrivateIpAddress!;
  const one = await allocate();
  const two = await allocate();

  const dry = await rejection(() =>
    a.send(new AssociateAddressCommand({ AllocationId: one.AllocationId, NetworkInterfaceId: id, DryRun: true })),
  );
  assert.equal(dry.name, "DryRunOperation");
  assert.equal((await eni(id)).Association, undefined);

  const first = await a.send(new AssociateAddressCommand({ AllocationId: one.AllocationId, NetworkInterfaceId: id }));
  await a.send(new AssociateAddressCommand({ AllocationId: two.AllocationId, NetworkInterfaceId: id, PrivateIpAddress: secondaryIp }));
  const iface = await eni(id);
  assert.equal(iface.Association!.PublicIp, one.PublicIp);
  assert.equal(iface.Association!.AssociationId, first.AssociationId);
  assert.deepEqual(
    iface.PrivateIpAddresses!.map((p) => [p.PrivateIpAddress, p.Association?.PublicIp, p.Association?.AllocationId]),
    [
      [primaryIp, one.PublicIp, one.AllocationId],
      [secondaryIp, two.PublicIp, two.AllocationId],
    ],
  );
  const listed = await addresses({ Filters: [{ Name: "network-interface-id", Values: [id] }] });
  assert.deepEqual(
    listed.map((x) => [x.AllocationId, x.PrivateIpAddress, x.InstanceId]).sort(),
    [
      [one.AllocationId, primaryIp, undefined],
      [two.AllocationId, secondaryIp, undefined],
    ].sort(),
  );
  assert.deepEqual(ids(await addresses({ Filters: [{ Name: "private-ip-address", Values: [secondaryIp] }] })), [two.AllocationId]);

  // Refused: an address the interface does not hold, an instance and an interface together, an address taken.
  const foreignIp = await rejection(() =>
    a.send(new AssociateAddressCommand({ AllocationId: one.AllocationId, NetworkInterfaceId: id, PrivateIpAddress: "172.31.250.250" })),
  );
  assert.equal(foreignIp.name, "InvalidParameterValue");
  const i1 = await runningInstance(server, a, subnet);
  const both = await rejection(() =>
    a.send(new AssociateAddressCommand({ AllocationId: one.AllocationId, NetworkInterfaceId: id, InstanceId: i1 })),
  );
  assert.equal(both.name, "InvalidParameterCombination");
  const taken = await rejection(() =>
    a.send(new AssociateAddressCommand({ AllocationId: two.AllocationId, InstanceId: i1, AllowReassociation: false })),
  );
  assert.equal(taken.name, "Resource.AlreadyAssociated");
  const inUse = await rejection(() => a.send(new ReleaseAddressCommand({ AllocationId: two.AllocationId })));
  assert.equal(inUse.name, "InvalidIPAddress.InUse");
  const malformed = await rejection(() =>
    a.send(new AssociateAddressCommand({ AllocationId: one.AllocationId, NetworkInterfaceId: "eni-x" })),
  );
  assert.equal(malformed.name, "InvalidNetworkInterfaceID.Malformed");

  // Attached to an instance, the interface's addresses show the instance.
  const { AttachmentId } = await a.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: id, InstanceId: i1, DeviceIndex: 1 }));
  assert.deepEqual(ids(await addresses({ Filters: [{ Name: "instance-id", Values: [i1] }] })), ids([one, two]));

  // Moved to the instance with AllowReassociation: the interface's secondary address no longer has it.
  await a.send(new AssociateAddressCommand({ AllocationId: two.AllocationId, InstanceId: i1, AllowReassociation: true }));
  assert.equal((await eni(id)).PrivateIpAddresses!.find((p) => !p.Primary)!.Association, undefined);
  assert.equal((await instance(i1)).PublicIpAddress, two.PublicIp);

  await a.send(new DetachNetworkInterfaceCommand({ AttachmentId }));
  assert.deepEqual(ids(await addresses({ Filters: [{ Name: "instance-id", Values: [i1] }] })), [two.AllocationId]);
  // A deleted interface takes its association with it.
  await a.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: id }));
  const [gone] = await addresses({ AllocationIds: [one.AllocationId!] });
  assert.equal(gone.AssociationId, undefined);
  assert.equal(gone.NetworkInterfaceId, undefined);
  await a.send(new ReleaseAddressCommand({ AllocationId: one.AllocationId }));

  // Terminating the instance ends the association of its primary interface's address.
  await a.send(new TerminateInstancesCommand({ InstanceIds: [i1] }));
  const [ended] = await addresses({ AllocationIds: [two.AllocationId!] });
  assert.equal(ended.AssociationId, undefined);
  await a.send(new ReleaseAddressCommand({ AllocationId: two.AllocationId }));
});
