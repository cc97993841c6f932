// Network interfaces through the AWS SDK ("Elastic network interfaces", using-eni.html, and the API references):
// the primary interface RunInstances gives every instance (addresses from the subnet, the first four reserved,
// DNS names, MAC, groups, public addresses by the subnet's setting or the request's, released on stop and
// given again on start, deleted with the instance); CreateNetworkInterface, DeleteNetworkInterface (refused while
// attached), AttachNetworkInterface and DetachNetworkInterface (device indexes, the primary kept), the attribute
// calls, DescribeNetworkInterfaces' filters and paging, tags and DryRun.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  AttachNetworkInterfaceCommand,
  CreateNetworkInterfaceCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  DeleteNetworkInterfaceCommand,
  DeleteSecurityGroupCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfaceAttributeCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  DetachNetworkInterfaceCommand,
  ModifyInstanceAttributeCommand,
  ModifyNetworkInterfaceAttributeCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
  type RunInstancesCommandInput,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, useServer } from "../support/server";
import { registerAmi } from "./helpers";

let server: Imagelite;
let a: EC2Client;
let b: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

async function ami(): Promise<string> {
  const id = await registerAmi(a, "base");
  server.clock.advance(T + 1);
  return id;
}

const run = async (input: Partial<RunInstancesCommandInput>, client = a) =>
  (await client.send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1, InstanceType: "t3.micro", ...input } as RunInstancesCommandInput)))
    .Instances!;

const instance = async (id: string) => (await a.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0].Instances![0];
const eni = async (id: string, client = a) =>
  (await client.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [id] }))).NetworkInterfaces![0];

async function defaultSubnet(zone = "us-east-1a") {
  const { Subnets } = await a.send(
    new DescribeSubnetsCommand({
      Filters: [
        { Name: "availability-zone", Values: [zone] },
        { Name: "default-for-az", Values: ["true"] },
      ],
    }),
  );
  return Subnets![0];
}

const toInt = (ip: string) => ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);

test("RunInstances: each instance gets a primary interface with a private address of its subnet, a DNS name, a MAC and its groups", async () => {
  const image = await ami();
  const subnet = await defaultSubnet();
  const [i0, i1] = await run({ ImageId: image, MaxCount: 2, SubnetId: subnet.SubnetId });
  for (const i of [i0, i1]) {
    assert.equal(i.NetworkInterfaces!.length, 1);
    const n = i.NetworkInterfaces![0];
    assert.match(n.NetworkInterfaceId!, /^eni-[0-9a-f]{17}$/);
    assert.equal(n.PrivateIpAddress, i.PrivateIpAddress);
    assert.equal(n.PrivateDnsName, i.PrivateDnsName);
    assert.equal(i.PrivateDnsName, `ip-${i.PrivateIpAddress!.replace(/\./g, "-")}.ec2.internal`);
    assert.match(n.MacAddress!, /^0e(:[0-9a-f]{2}){5}$/);
    assert.equal(n.SubnetId, subnet.SubnetId);
    assert.equal(n.VpcId, subnet.VpcId);
    assert.equal(n.Status, "in-use");
    assert.equal(n.SourceDestCheck, true);
    assert.deepEqual(n.Groups, i.SecurityGroups);
    assert.equal(n.Groups![0].GroupName, "default");
    assert.equal(n.Attachment!.DeviceIndex, 0);
    assert.equal(n.Attachment!.DeleteOnTermination, true);
    assert.equal(n.Attachment!.Status, "attached");
    assert.match(n.Attachment!.AttachmentId!, /^eni-attach-[0-9a-f]{17}$/);
    assert.deepEqual(
      n.PrivateIpAddresses!.map((p) => [p.PrivateIpAddress, p.Primary]),
      [[i.PrivateIpAddress, true]],
    );
  }
  // Addresses in order after the four the subnet reserves (subnet-sizing.html), each once.
  const base = toInt(subnet.CidrBlock!.split("/")[0]);
  assert.deepEqual([toInt(i0.PrivateIpAddress!) - base, toInt(i1.PrivateIpAddress!) - base], [4, 5]);
  // The default subnets map public addresses on launch.
  assert.match(i0.PublicIpAddress!, /^3\.(8[0-9]|9[0-5])\.\d+\.\d+$/);
  assert.equal(i0.PublicDnsName, `ec2-${i0.PublicIpAddress!.replace(/\./g, "-")}.compute-1.amazonaws.com`);
  assert.deepEqual(i0.NetworkInterfaces![0].Association, {
    IpOwnerId: "amazon",
    PublicIp: i0.PublicIpAddress,
    PublicDnsName: i0.PublicDnsName,
  });
});

test("RunInstances: AssociatePublicIpAddress on the interface decides the public address; a private address asked for is given", async () => {
  const image = await ami();
  const subnet = await defaultSubnet("us-east-1b");
  const base = subnet.CidrBlock!.split("/")[0].split(".").slice(0, 3).join(".");
  const [priv] = await run({
    ImageId: image,
    NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnet.SubnetId, AssociatePublicIpAddress: false, PrivateIpAddress: `${base}.77` }],
  });
  assert.equal(priv.PublicIpAddress, undefined);
  assert.equal(priv.PublicDnsName, "");
  assert.equal(priv.PrivateIpAddress, `${base}.77`);
  assert.equal(priv.SubnetId, subnet.SubnetId);
  // The same address again, and a reserved one, are refused.
  const inUse = await rejection(() =>
    run({ ImageId: image, NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnet.SubnetId, PrivateIpAddress: `${base}.77` }] }),
  );
  assert.equal(inUse.name, "InvalidIPAddress.InUse");
  const reserved = await rejection(() => run({ ImageId: image, SubnetId: subnet.SubnetId, PrivateIpAddress: `${base}.2` }));
  assert.equal(reserved.name, "InvalidParameterValue");
  // Interfaces and an instance-level subnet are one or the other; a public address only on device index 0.
  const both = await rejection(() =>
    run({ ImageId: image, SubnetId: subnet.SubnetId, NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true }] }),
  );
  assert.equal(both.name, "InvalidParameterCombination");
  const second = await rejection(() =>
    run({
      ImageId: image,
      NetworkInterfaces: [
        { DeviceIndex: 0, SubnetId: subnet.SubnetId },
        { DeviceIndex: 1, SubnetId: subnet.SubnetId, AssociatePublicIpAddress: true },
      ],
    }),
  );
  assert.equal(second.name, "InvalidParameterCombination");
});

test("The public address is released on stop and a new one given on start; termination deletes the primary interface", async () => {
  const image = await ami();
  const [i] = await run({ ImageId: image });
  const id = i.InstanceId!;
  const eniId = i.NetworkInterfaces![0].NetworkInterfaceId!;
  server.clock.advance(T + 1);
  await a.send(new StopInstancesCommand({ InstanceIds: [id] }));
  server.clock.advance(T + 1);
  const stopped = await instance(id);
  assert.equal(stopped.State!.Name, "stopped");
  assert.equal(stopped.PublicIpAddress, undefined);
  assert.equal(stopped.PrivateIpAddress, i.PrivateIpAddress, "the private address stays");
  server.clock.advance(1000);
  await a.send(new StartInstancesCommand({ InstanceIds: [id] }));
  const started = await instance(id);
  assert.ok(started.PublicIpAddress);
  assert.equal(started.NetworkInterfaces![0].NetworkInterfaceId, eniId);

  await a.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
  assert.equal((await eni(eniId)).Status, "in-use", "still attached while shutting down");
  server.clock.advance(T + 1);
  const terminated = await instance(id);
  assert.deepEqual(terminated.NetworkInterfaces, []);
  assert.equal(terminated.PrivateIpAddress, undefined);
  assert.equal((await rejection(() => eni(eniId))).name, "InvalidNetworkInterfaceID.NotFound");
});

test("CreateNetworkInterface: in a subnet, with tags, groups, addresses asked for or counted; refused input", async () => {
  const subnet = await defaultSubnet();
  const { GroupId } = await a.send(new CreateSecurityGroupCommand({ GroupName: "web", Description: "web", VpcId: subnet.VpcId }));
  const { NetworkInterface: n } = await a.send(
    new CreateNetworkInterfaceCommand({
      SubnetId: subnet.SubnetId,
      Description: "spare",
      Groups: [GroupId!],
      SecondaryPrivateIpAddressCount: 2,
      TagSpecifications: [{ ResourceType: "network-interface", Tags: [{ Key: "role", Value: "spare" }] }],
    }),
  );
  assert.match(n!.NetworkInterfaceId!, /^eni-[0-9a-f]{17}$/);
  assert.equal(n!.Status, "available");
  assert.equal(n!.Description, "spare");
  assert.equal(n!.OwnerId, ACCOUNT_A);
  assert.equal(n!.AvailabilityZone, subnet.AvailabilityZone);
  assert.equal(n!.InterfaceType, "interface");
  assert.deepEqual(n!.Groups, [{ GroupId, GroupName: "web" }]);
  assert.deepEqual(n!.TagSet, [{ Key: "role", Value: "spare" }]);
  assert.equal(n!.PrivateIpAddresses!.length, 3);
  assert.equal(new Set(n!.PrivateIpAddresses!.map((p) => p.PrivateIpAddress)).size, 3);
  assert.equal(n!.Attachment, undefined);

  assert.equal(
    (await rejection(() => a.send(new CreateNetworkInterfaceCommand({ SubnetId: "subnet-12345678" })))).name,
    "InvalidSubnetID.NotFound",
  );
  assert.equal((await rejection(() => a.send(new CreateNetworkInterfaceCommand({ SubnetId: "nope" })))).name, "InvalidSubnetID.Malformed");
  const taken = await rejection(() =>
    a.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId, PrivateIpAddress: n!.PrivateIpAddress })),
  );
  assert.equal(taken.name, "InvalidIPAddress.InUse");
  const ipv6 = await rejection(() => a.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId, Ipv6AddressCount: 1 })));
  assert.equal(ipv6.name, "InvalidParameterValue");
  const dry = await rejection(() => a.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId, DryRun: true })));
  assert.equal(dry.name, "DryRunOperation");
  // Another account sees none of it.
  assert.equal((await rejection(() => eni(n!.NetworkInterfaceId!, b))).name, "InvalidNetworkInterfaceID.NotFound");
});

test("AttachNetworkInterface / DetachNetworkInterface: device indexes, zones, the primary kept; DeleteNetworkInterface refused while attached", async () => {
  const image = await ami();
  const subnet = await defaultSubnet();
  const other = await defaultSubnet("us-east-1b");
  const [i] = await run({ ImageId: image, SubnetId: subnet.SubnetId });
  const id = i.InstanceId!;
  const { NetworkInterface: n } = await a.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId }));
  const eniId = n!.NetworkInterfaceId!;
  // Pending instances cannot take one yet.
  assert.equal(
    (await rejection(() => a.send(new AttachNetworkInterfaceCommand({ InstanceId: id, NetworkInterfaceId: eniId, DeviceIndex: 1 })))).name,
    "IncorrectInstanceState",
  );
  server.clock.advance(T + 1);
  const taken = await rejection(() =>
    a.send(new AttachNetworkInterfaceCommand({ InstanceId: id, NetworkInterfaceId: eniId, DeviceIndex: 0 })),
  );
  assert.equal(taken.name, "InvalidParameterValue");
  const { AttachmentId } = await a.send(new AttachNetworkInterfaceCommand({ InstanceId: id, NetworkInterfaceId: eniId, DeviceIndex: 1 }));
  assert.match(AttachmentId!, /^eni-attach-[0-9a-f]{17}$/);
  const attached = await eni(eniId);
  assert.equal(attached.Status, "in-use");
  assert.deepEqual(
    [attached.Attachment!.InstanceId, attached.Attachment!.DeviceIndex, attached.Attachment!.DeleteOnTermination],
    [id, 1, false],
  );
  assert.deepEqual(
    (await instance(id)).NetworkInterfaces!.map((x) => x.Attachment!.DeviceIndex),
    [0, 1],
  );
  assert.equal(
    (await rejection(() => a.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eniId })))).name,
    "InvalidNetworkInterface.InUse",
  );
  // With two interfaces, the instance-level check is ambiguous.
  const ambiguous = await rejection(() =>
    a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, SourceDestCheck: { Value: false } })),
  );
  assert.equal(ambiguous.name, "InvalidInstanceID");
  // Attached once only; an interface of another zone cannot be.
  const again = await rejection(() =>
    a.send(new AttachNetworkInterfaceCommand({ InstanceId: id, NetworkInterfaceId: eniId, DeviceIndex: 2 })),
  );
  assert.equal(again.name, "InvalidNetworkInterface.InUse");
  const { NetworkInterface: far } = await a.send(new CreateNetworkInterfaceCommand({ SubnetId: other.SubnetId }));
  const zone = await rejection(() =>
    a.send(new AttachNetworkInterfaceCommand({ InstanceId: id, NetworkInterfaceId: far!.NetworkInterfaceId!, DeviceIndex: 2 })),
  );
  assert.equal(zone.name, "InvalidParameterCombination");
  // t3.micro takes at most two interfaces (its NetworkInfo).
  const { NetworkInterface: third } = await a.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId }));
  const limit = await rejection(() =>
    a.send(new AttachNetworkInterfaceCommand({ InstanceId: id, NetworkInterfaceId: third!.NetworkInterfaceId!, DeviceIndex: 2 })),
  );
  assert.equal(limit.name, "AttachmentLimitExceeded");

  const primaryAttachment = i.NetworkInterfaces![0].Attachment!.AttachmentId!;
  assert.equal(
    (await rejection(() => a.send(new DetachNetworkInterfaceCommand({ AttachmentId: primaryAttachment })))).name,
    "OperationNotPermitted",
  );
  await a.send(new DetachNetworkInterfaceCommand({ AttachmentId }));
  assert.equal((await eni(eniId)).Status, "available");
  assert.equal((await rejection(() => a.send(new DetachNetworkInterfaceCommand({ AttachmentId })))).name, "InvalidAttachmentID.NotFound");
  await a.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eniId }));
  assert.equal((await rejection(() => eni(eniId))).name, "InvalidNetworkInterfaceID.NotFound");
  assert.equal(
    (await rejection(() => a.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eniId })))).name,
    "InvalidNetworkInterfaceID.NotFound",
  );
});

test("An interface kept after termination is detached, not deleted; its address is then free again only once it is deleted", async () => {
  const image = await ami();
  const subnet = await defaultSubnet();
  const { NetworkInterface: n } = await a.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId }));
  const eniId = n!.NetworkInterfaceId!;
  const [i] = await run({ ImageId: image, NetworkInterfaces: [{ DeviceIndex: 0, NetworkInterfaceId: eniId }] });
  assert.equal(i.NetworkInterfaces![0].NetworkInterfaceId, eniId);
  assert.equal(i.PrivateIpAddress, n!.PrivateIpAddress);
  assert.equal(i.NetworkInterfaces![0].Attachment!.DeleteOnTermination, false);
  assert.equal(i.PublicIpAddress, undefined, "an existing interface gets no public address");
  await a.send(new TerminateInstancesCommand({ InstanceIds: [i.InstanceId!] }));
  server.clock.advance(T + 1);
  const kept = await eni(eniId);
  assert.equal(kept.Status, "available");
  assert.equal(kept.Attachment, undefined);
});

test("ModifyNetworkInterfaceAttribute / DescribeNetworkInterfaceAttribute: one attribute a call; the primary's groups and check are the instance's", async () => {
  const image = await ami();
  const subnet = await defaultSubnet();
  const [i] = await run({ ImageId: image, SubnetId: subnet.SubnetId });
  const eniId = i.NetworkInterfaces![0].NetworkInterfaceId!;
  const attachmentId = i.NetworkInterfaces![0].Attachment!.AttachmentId!;
  const { GroupId } = await a.send(new CreateSecurityGroupCommand({ GroupName: "app", Description: "app", VpcId: subnet.VpcId }));
  await a.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, Groups: [GroupId!] }));
  await a.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, SourceDestCheck: { Value: false } }));
  await a.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, Description: { Value: "primary" } }));
  await a.send(
    new ModifyNetworkInterfaceAttributeCommand({
      NetworkInterfaceId: eniId,
      Attachment: { AttachmentId: attachmentId, DeleteOnTermination: false },
    }),
  );
  const now = await instance(i.InstanceId!);
  assert.deepEqual(now.SecurityGroups, [{ GroupId, GroupName: "app" }]);
  assert.equal(now.SourceDestCheck, false);
  const attr = (Attribute: "description" | "groupSet" | "sourceDestCheck" | "attachment") =>
    a.send(new DescribeNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, Attribute }));
  assert.deepEqual((await attr("description")).Description, { Value: "primary" });
  assert.deepEqual((await attr("groupSet")).Groups, [{ GroupId, GroupName: "app" }]);
  assert.deepEqual((await attr("sourceDestCheck")).SourceDestCheck, { Value: false });
  assert.equal((await attr("attachment")).Attachment!.DeleteOnTermination, false);
  // The public address follows AssociatePublicIpAddress on a running instance's interface.
  server.clock.advance(T + 1);
  await a.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, AssociatePublicIpAddress: false }));
  assert.equal((await instance(i.InstanceId!)).PublicIpAddress, undefined);
  await a.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, AssociatePublicIpAddress: true }));
  assert.ok((await instance(i.InstanceId!)).PublicIpAddress);
  const assoc = await a.send(
    new DescribeNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, Attribute: "associatePublicIpAddress" }),
  );
  assert.equal(assoc.AssociatePublicIpAddress, true);
  // ModifyInstanceAttribute changes the primary interface too.
  await a.send(new ModifyInstanceAttributeCommand({ InstanceId: i.InstanceId!, SourceDestCheck: { Value: true } }));
  assert.deepEqual((await attr("sourceDestCheck")).SourceDestCheck, { Value: true });

  const two = await rejection(() =>
    a.send(
      new ModifyNetworkInterfaceAttributeCommand({
        NetworkInterfaceId: eniId,
        Description: { Value: "x" },
        SourceDestCheck: { Value: true },
      }),
    ),
  );
  assert.equal(two.name, "InvalidParameterCombination");
  const wrong = await rejection(() =>
    a.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eniId, Attachment: { AttachmentId: "eni-attach-12345678" } })),
  );
  assert.equal(wrong.name, "InvalidAttachmentID.NotFound");
  const malformed = await rejection(() =>
    a.send(new DescribeNetworkInterfaceAttributeCommand({ NetworkInterfaceId: "eni-x", Attribute: "description" })),
  );
  assert.equal(malformed.name, "InvalidNetworkInterfaceID.Malformed");
});

test("DescribeNetworkInterfaces: filters by instance, subnet, VPC, group, address, tags; paging; ids with MaxResults refused", async () => {
  const image = await ami();
  const s1 = await defaultSubnet();
  const s2 = await defaultSubnet("us-east-1b");
  const [i1] = await run({ ImageId: image, SubnetId: s1.SubnetId });
  const [i2] = await run({ ImageId: image, SubnetId: s2.SubnetId });
  const { NetworkInterface: spare } = await a.send(new CreateNetworkInterfaceCommand({ SubnetId: s1.SubnetId, Description: "spare" }));
  await a.send(new CreateTagsCommand({ Resources: [spare!.NetworkInterfaceId!], Tags: [{ Key: "team", Value: "blue" }] }));
  const ids = async (Filters: { Name: string; Values: string[] }[]) =>
    ((await a.send(new DescribeNetworkInterfacesCommand({ Filters }))).NetworkInterfaces ?? []).map((n) => n.NetworkInterfaceId).sort();
  const e1 = i1.NetworkInterfaces![0].NetworkInterfaceId!;
  const e2 = i2.NetworkInterfaces![0].NetworkInterfaceId!;
  const e3 = spare!.NetworkInterfaceId!;
  assert.deepEqual(await ids([]), [e1, e2, e3].sort());
  assert.deepEqual(await ids([{ Name: "attachment.instance-id", Values: [i1.InstanceId!] }]), [e1]);
  assert.deepEqual(await ids([{ Name: "subnet-id", Values: [s1.SubnetId!] }]), [e1, e3].sort());
  assert.deepEqual(await ids([{ Name: "vpc-id", Values: [s1.VpcId!] }]), [e1, e2, e3].sort());
  assert.deepEqual(await ids([{ Name: "addresses.private-ip-address", Values: [i2.PrivateIpAddress!] }]), [e2]);
  assert.deepEqual(await ids([{ Name: "private-ip-address", Values: [spare!.PrivateIpAddress!] }]), [e3]);
  assert.deepEqual(await ids([{ Name: "group-id", Values: [i1.SecurityGroups![0].GroupId!] }]), [e1, e2, e3].sort());
  assert.deepEqual(await ids([{ Name: "status", Values: ["available"] }]), [e3]);
  assert.deepEqual(await ids([{ Name: "tag:team", Values: ["blue"] }]), [e3]);
  assert.deepEqual(await ids([{ Name: "description", Values: ["spa*"] }]), [e3]);
  assert.deepEqual(await ids([{ Name: "association.public-ip", Values: [i1.PublicIpAddress!] }]), [e1]);
  assert.deepEqual(
    await ids([
      { Name: "attachment.device-index", Values: ["0"] },
      { Name: "subnet-id", Values: [s2.SubnetId!] },
    ]),
    [e2],
  );
  assert.equal((await rejection(() => ids([{ Name: "no-such-filter", Values: ["x"] }]))).name, "InvalidParameterValue");

  const first = await a.send(new DescribeNetworkInterfacesCommand({ MaxResults: 5 }));
  assert.equal(first.NetworkInterfaces!.length, 3);
  assert.equal(first.NextToken, undefined);
  const combined = await rejection(() => a.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [e1], MaxResults: 5 })));
  assert.equal(combined.name, "InvalidParameterCombination");
  assert.equal((await rejection(() => eni("eni-12345678"))).name, "InvalidNetworkInterfaceID.NotFound");
});

test("DescribeInstances filters on interfaces and addresses; DeleteSecurityGroup refuses a group an interface has", async () => {
  const image = await ami();
  const subnet = await defaultSubnet();
  const [i] = await run({ ImageId: image, SubnetId: subnet.SubnetId });
  await run({ ImageId: image, SubnetId: subnet.SubnetId });
  const found = async (Name: string, value: string) =>
    ((await a.send(new DescribeInstancesCommand({ Filters: [{ Name, Values: [value] }] }))).Reservations ?? []).flatMap((r) =>
      r.Instances!.map((x) => x.InstanceId),
    );
  assert.deepEqual(await found("ip-address", i.PublicIpAddress!), [i.InstanceId]);
  assert.deepEqual(await found("dns-name", i.PublicDnsName!), [i.InstanceId]);
  assert.deepEqual(await found("network-interface.network-interface-id", i.NetworkInterfaces![0].NetworkInterfaceId!), [i.InstanceId]);
  assert.deepEqual(await found("network-interface.addresses.private-ip-address", i.PrivateIpAddress!), [i.InstanceId]);

  const { GroupId } = await a.send(new CreateSecurityGroupCommand({ GroupName: "eni-only", Description: "x", VpcId: subnet.VpcId }));
  const { NetworkInterface: n } = await a.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId, Groups: [GroupId!] }));
  const inUse = await rejection(() => a.send(new DeleteSecurityGroupCommand({ GroupId })));
  assert.equal(inUse.name, "DependencyViolation");
  await a.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: n!.NetworkInterfaceId }));
  await a.send(new DeleteSecurityGroupCommand({ GroupId }));
});
