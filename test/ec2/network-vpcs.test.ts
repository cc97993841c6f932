// VPCs and subnets through the AWS SDK: CreateVpc (pending, then available; its own default security group),
// DeleteVpc and its dependents, CreateDefaultVpc, the DNS attributes, CreateSubnet's ranges and conflicts,
// DeleteSubnet, ModifySubnetAttribute, and the filters of DescribeVpcs and DescribeSubnets with the older
// camel-case names (API_CreateVpc.html, API_CreateSubnet.html, API_DescribeVpcs.html, API_DescribeSubnets.html;
// "Error codes for the Amazon EC2 API", errors-overview.html).
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateDefaultVpcCommand,
  CreateNetworkInterfaceCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  DeleteNetworkInterfaceCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcClassicLinkCommand,
  DescribeVpcsCommand,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import { ACCOUNT_A, rejection, T, useServer } from "../support/server";
import { registerAmi } from "./helpers";

let a: EC2Client;
const fx = useServer();
beforeEach(() => {
  a = fx.ec2(ACCOUNT_A);
});

const vpcsOf = async (input = {}) => (await a.send(new DescribeVpcsCommand(input))).Vpcs!;
const subnetsOf = async (input = {}) => (await a.send(new DescribeSubnetsCommand(input))).Subnets!;
const createVpc = async (CidrBlock = "10.0.0.0/16", input = {}) => (await a.send(new CreateVpcCommand({ CidrBlock, ...input }))).Vpc!;
const createSubnet = async (VpcId: string, CidrBlock: string, input = {}) =>
  (await a.send(new CreateSubnetCommand({ VpcId, CidrBlock, ...input }))).Subnet!;
const attribute = async (VpcId: string, Attribute: "enableDnsSupport" | "enableDnsHostnames" | "enableNetworkAddressUsageMetrics") => {
  const r = await a.send(new DescribeVpcAttributeCommand({ VpcId, Attribute }));
  return (r.EnableDnsSupport ?? r.EnableDnsHostnames ?? r.EnableNetworkAddressUsageMetrics)!.Value;
};

test("CreateVpc: pending then available on the clock, tenancy, tags, and its own default security group", async () => {
  const vpc = await createVpc("10.1.0.0/16", {
    InstanceTenancy: "dedicated",
    TagSpecifications: [{ ResourceType: "vpc", Tags: [{ Key: "Name", Value: "build" }] }],
  });
  assert.match(vpc.VpcId!, /^vpc-[0-9a-f]{17}$/);
  assert.equal(vpc.State, "pending");
  assert.equal(vpc.CidrBlock, "10.1.0.0/16");
  assert.equal(vpc.IsDefault, false);
  assert.equal(vpc.InstanceTenancy, "dedicated");
  assert.equal(vpc.CidrBlockAssociationSet![0].CidrBlock, "10.1.0.0/16");
  assert.deepEqual(vpc.Tags, [{ Key: "Name", Value: "build" }]);
  fx.server.clock.advance(T + 1);
  const [read] = await vpcsOf({ VpcIds: [vpc.VpcId!] });
  assert.equal(read.State, "available");
  const { SecurityGroups } = await a.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [vpc.VpcId!] }] }));
  assert.deepEqual(
    SecurityGroups!.map((g) => [g.GroupName, g.Description]),
    [["default", "default VPC security group"]],
  );
  assert.deepEqual(
    SecurityGroups![0].IpPermissions![0].UserIdGroupPairs!.map((p) => p.GroupId),
    [SecurityGroups![0].GroupId],
  );
  // The filters EC2 documents, and the older names tools send.
  for (const [Name, value] of [
    ["cidr", "10.1.0.0/16"],
    ["cidr-block", "10.1.0.0/16"],
    ["cidrBlock", "10.1.0.0/16"],
    ["cidr-block-association.cidr-block", "10.1.*"],
    ["is-default", "false"],
    ["isDefault", "false"],
    ["state", "available"],
    ["vpc-id", vpc.VpcId!],
    ["vpcId", vpc.VpcId!],
    ["tag:Name", "build"],
    ["tag-key", "Name"],
    ["owner-id", ACCOUNT_A],
  ]) {
    assert.deepEqual(
      (
        await vpcsOf({
          Filters: [
            { Name, Values: [value] },
            { Name: "cidr", Values: ["10.1.0.0/16"] },
          ],
        })
      ).map((v) => v.VpcId),
      [vpc.VpcId],
      Name,
    );
  }
  assert.equal((await vpcsOf({ Filters: [{ Name: "isDefault", Values: ["true"] }] }))[0].IsDefault, true);
  const { Vpcs } = await a.send(new DescribeVpcClassicLinkCommand({ VpcIds: [vpc.VpcId!] }));
  assert.deepEqual(Vpcs, [{ VpcId: vpc.VpcId, ClassicLinkEnabled: false, Tags: [{ Key: "Name", Value: "build" }] }]);
});

test("CreateVpc: a block from /16 to /28 in CIDR notation, IPv4 only; five VPCs a Region", async () => {
  for (const cidr of ["10.0.0.0/8", "10.0.0.0/29"]) {
    const e = await rejection(() => createVpc(cidr));
    assert.equal(e.name, "InvalidVpc.Range");
    assert.equal(e.message, `The CIDR '${cidr}' is invalid.`);
  }
  for (const cidr of ["10.0.0.1/16", "10.0.0/16", "300.0.0.0/16"]) {
    assert.equal((await rejection(() => createVpc(cidr))).name, "InvalidParameterValue", cidr);
  }
  assert.equal((await rejection(() => a.send(new CreateVpcCommand({})))).name, "MissingParameter");
  assert.equal((await rejection(() => createVpc("10.0.0.0/16", { AmazonProvidedIpv6CidrBlock: true }))).name, "InvalidParameterValue");
  assert.equal((await rejection(() => createVpc("10.0.0.0/16", { InstanceTenancy: "host" }))).name, "InvalidParameterValue");
  assert.equal((await rejection(() => createVpc("10.0.0.0/16", { InstanceTenancy: "shared" }))).name, "InvalidParameterValue");
  // The default VPC and four more.
  for (let i = 0; i < 4; i++) await createVpc(`10.${i}.0.0/16`);
  assert.equal((await rejection(() => createVpc("10.9.0.0/16"))).name, "VpcLimitExceeded");
  assert.equal((await vpcsOf()).length, 5);
  // DryRun checks and makes nothing.
  assert.equal((await rejection(() => createVpc("10.9.0.0/16", { DryRun: true }))).name, "VpcLimitExceeded");
});

test("DescribeVpcAttribute and ModifyVpcAttribute: DNS support on and hostnames off for a new VPC, both on in the default one", async () => {
  const [def] = await vpcsOf({ Filters: [{ Name: "is-default", Values: ["true"] }] });
  assert.equal(await attribute(def.VpcId!, "enableDnsSupport"), true);
  assert.equal(await attribute(def.VpcId!, "enableDnsHostnames"), true);
  const { VpcId } = await createVpc();
  assert.equal(await attribute(VpcId!, "enableDnsSupport"), true);
  assert.equal(await attribute(VpcId!, "enableDnsHostnames"), false);
  assert.equal(await attribute(VpcId!, "enableNetworkAddressUsageMetrics"), false);
  await a.send(new ModifyVpcAttributeCommand({ VpcId, EnableDnsHostnames: { Value: true } }));
  await a.send(new ModifyVpcAttributeCommand({ VpcId, EnableNetworkAddressUsageMetrics: { Value: true } }));
  assert.equal(await attribute(VpcId!, "enableDnsHostnames"), true);
  assert.equal(await attribute(VpcId!, "enableNetworkAddressUsageMetrics"), true);
  const both = await rejection(() =>
    a.send(new ModifyVpcAttributeCommand({ VpcId, EnableDnsHostnames: { Value: true }, EnableDnsSupport: { Value: true } })),
  );
  assert.equal(both.name, "InvalidParameterCombination");
  assert.equal((await rejection(() => a.send(new ModifyVpcAttributeCommand({ VpcId })))).name, "InvalidParameterCombination");
  await a.send(new ModifyVpcAttributeCommand({ VpcId, EnableDnsHostnames: { Value: false } }));
  await a.send(new ModifyVpcAttributeCommand({ VpcId, EnableDnsSupport: { Value: false } }));
  const noSupport = await rejection(() => a.send(new ModifyVpcAttributeCommand({ VpcId, EnableDnsHostnames: { Value: true } })));
  assert.equal(noSupport.name, "InvalidParameterValue");
  const missing = await rejection(() =>
    a.send(new DescribeVpcAttributeCommand({ VpcId: "vpc-0123456789abcdef0", Attribute: "enableDnsSupport" })),
  );
  assert.equal(missing.name, "InvalidVpcID.NotFound");
});

test("CreateSubnet: inside the VPC's block, no overlap, a zone by name or id, 5 addresses kept", async () => {
  const { VpcId } = await createVpc("10.20.0.0/16");
  const subnet = await createSubnet(VpcId!, "10.20.1.0/24", {
    AvailabilityZone: "us-east-1b",
    TagSpecifications: [{ ResourceType: "subnet", Tags: [{ Key: "Name", Value: "build" }] }],
  });
  assert.match(subnet.SubnetId!, /^subnet-[0-9a-f]{17}$/);
  assert.equal(subnet.VpcId, VpcId);
  assert.equal(subnet.AvailabilityZone, "us-east-1b");
  assert.equal(subnet.AvailabilityZoneId, "use1-az2");
  assert.equal(subnet.AvailableIpAddressCount, 251);
  assert.equal(subnet.DefaultForAz, false);
  assert.equal(subnet.MapPublicIpOnLaunch, false);
  assert.equal(subnet.State, "available");
  assert.deepEqual(subnet.Tags, [{ Key: "Name", Value: "build" }]);
  const byId = await createSubnet(VpcId!, "10.20.2.0/28", { AvailabilityZoneId: "use1-az3" });
  assert.equal(byId.AvailabilityZone, "us-east-1c");
  assert.equal(byId.AvailableIpAddressCount, 11);

  const conflict = await rejection(() => createSubnet(VpcId!, "10.20.0.0/23"));
  assert.equal(conflict.name, "InvalidSubnet.Conflict");
  assert.equal(conflict.message, "The CIDR '10.20.0.0/23' conflicts with another subnet");
  for (const cidr of ["10.21.0.0/24", "10.20.0.0/29", "10.0.0.0/8"]) {
    const e = await rejection(() => createSubnet(VpcId!, cidr));
    assert.equal(e.name, "InvalidSubnet.Range", cidr);
    assert.equal(e.message, `The CIDR '${cidr}' is invalid.`);
  }
  assert.equal((await rejection(() => createSubnet(VpcId!, "10.20.3.1/24"))).name, "InvalidParameterValue");
  assert.equal(
    (await rejection(() => createSubnet(VpcId!, "10.20.3.0/24", { AvailabilityZone: "us-east-1z" }))).name,
    "InvalidParameterValue",
  );
  assert.equal(
    (await rejection(() => createSubnet(VpcId!, "10.20.3.0/24", { AvailabilityZone: "us-east-1a", AvailabilityZoneId: "use1-az1" }))).name,
    "InvalidParameterCombination",
  );
  assert.equal((await rejection(() => createSubnet("vpc-0123456789abcdef0", "10.20.3.0/24"))).name, "InvalidVpcID.NotFound");

  // Filters, by the VPC index and the older names.
  for (const [Name, value] of [
    ["vpc-id", VpcId!],
    ["vpcId", VpcId!],
    ["cidr-block", "10.20.1.0/24"],
    ["cidrBlock", "10.20.1.0/24"],
    ["cidr", "10.20.1.0/24"],
    ["availability-zone", "us-east-1b"],
    ["availabilityZone", "us-east-1b"],
    ["availability-zone-id", "use1-az2"],
    ["default-for-az", "false"],
    ["defaultForAz", "false"],
    ["available-ip-address-count", "251"],
    ["tag:Name", "build"],
    ["subnet-id", subnet.SubnetId!],
  ]) {
    const other = Name.startsWith("availability")
      ? { Name: "vpc-id", Values: [VpcId!] }
      : { Name: "availability-zone", Values: ["us-east-1b"] };
    const found = await subnetsOf({ Filters: [{ Name, Values: [value] }, other] });
    assert.deepEqual(
      found.map((s) => s.SubnetId),
      [subnet.SubnetId],
      Name,
    );
  }
  const paged = await a.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: ["vpc-*"] }], MaxResults: 5 }));
  assert.equal(paged.Subnets!.length, 5);
  assert.ok(paged.NextToken);
});

test("ModifySubnetAttribute: one attribute a call, read back by DescribeSubnets", async () => {
  const { VpcId } = await createVpc();
  const { SubnetId } = await createSubnet(VpcId!, "10.0.1.0/24");
  await a.send(new ModifySubnetAttributeCommand({ SubnetId, MapPublicIpOnLaunch: { Value: true } }));
  await a.send(new ModifySubnetAttributeCommand({ SubnetId, PrivateDnsHostnameTypeOnLaunch: "resource-name" }));
  await a.send(new ModifySubnetAttributeCommand({ SubnetId, EnableResourceNameDnsARecordOnLaunch: { Value: true } }));
  await a.send(new ModifySubnetAttributeCommand({ SubnetId, EnableDns64: { Value: true } }));
  const [s] = await subnetsOf({ SubnetIds: [SubnetId!] });
  assert.equal(s.MapPublicIpOnLaunch, true);
  assert.equal(s.EnableDns64, true);
  assert.deepEqual(s.PrivateDnsNameOptionsOnLaunch, {
    HostnameType: "resource-name",
    EnableResourceNameDnsARecord: true,
    EnableResourceNameDnsAAAARecord: false,
  });
  assert.deepEqual(
    (
      await subnetsOf({
        Filters: [
          { Name: "map-public-ip-on-launch", Values: ["true"] },
          { Name: "vpc-id", Values: [VpcId!] },
        ],
      })
    ).map((x) => x.SubnetId),
    [SubnetId],
  );
  const two = await rejection(() =>
    a.send(new ModifySubnetAttributeCommand({ SubnetId, MapPublicIpOnLaunch: { Value: true }, EnableDns64: { Value: true } })),
  );
  assert.equal(two.name, "InvalidParameterCombination");
  // No IPv6 block on the subnet: IPv6 addresses on launch cannot be turned on.
  const ipv6 = await rejection(() => a.send(new ModifySubnetAttributeCommand({ SubnetId, AssignIpv6AddressOnCreation: { Value: true } })));
  assert.equal(ipv6.name, "InvalidParameterValue");
  await a.send(new ModifySubnetAttributeCommand({ SubnetId, AssignIpv6AddressOnCreation: { Value: false } }));
  const missing = await rejection(() =>
    a.send(new ModifySubnetAttributeCommand({ SubnetId: "subnet-0123456789abcdef0", MapPublicIpOnLaunch: { Value: true } })),
  );
  assert.equal(missing.name, "InvalidSubnetID.NotFound");
});

test("DeleteSubnet and DeleteVpc: DependencyViolation while subnets, groups, instances or network interfaces remain", async () => {
  const { VpcId } = await createVpc();
  const { SubnetId } = await createSubnet(VpcId!, "10.0.1.0/24");
  const { GroupId } = await a.send(new CreateSecurityGroupCommand({ GroupName: "app", Description: "app", VpcId }));
  const ImageId = await registerAmi(a, "in-subnet");
  fx.server.clock.advance(T + 1);
  const { Instances } = await a.send(new RunInstancesCommand({ ImageId, MinCount: 1, MaxCount: 1, SubnetId }));
  assert.equal((await subnetsOf({ SubnetIds: [SubnetId!] }))[0].AvailableIpAddressCount, 250);

  const subnetInUse = await rejection(() => a.send(new DeleteSubnetCommand({ SubnetId })));
  assert.equal(subnetInUse.name, "DependencyViolation");
  assert.equal(subnetInUse.message, `The subnet '${SubnetId}' has dependencies and cannot be deleted.`);
  const vpcInUse = await rejection(() => a.send(new DeleteVpcCommand({ VpcId })));
  assert.equal(vpcInUse.name, "DependencyViolation");
  assert.equal(vpcInUse.message, `The vpc '${VpcId}' has dependencies and cannot be deleted.`);

  // A network interface of its own holds the subnet and the VPC too, and two more addresses.
  const { NetworkInterface } = await a.send(new CreateNetworkInterfaceCommand({ SubnetId, SecondaryPrivateIpAddressCount: 1 }));
  assert.equal((await subnetsOf({ SubnetIds: [SubnetId!] }))[0].AvailableIpAddressCount, 248);

  await a.send(new TerminateInstancesCommand({ InstanceIds: [Instances![0].InstanceId!] }));
  fx.server.clock.advance(T + 1);
  assert.equal((await subnetsOf({ SubnetIds: [SubnetId!] }))[0].AvailableIpAddressCount, 249);
  const eniInSubnet = await rejection(() => a.send(new DeleteSubnetCommand({ SubnetId })));
  assert.equal(eniInSubnet.name, "DependencyViolation");
  assert.equal((await rejection(() => a.send(new DeleteVpcCommand({ VpcId })))).name, "DependencyViolation");
  await a.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: NetworkInterface!.NetworkInterfaceId }));
  assert.equal((await subnetsOf({ SubnetIds: [SubnetId!] }))[0].AvailableIpAddressCount, 251);
  await a.send(new DeleteSubnetCommand({ SubnetId }));
  assert.equal((await rejection(() => subnetsOf({ SubnetIds: [SubnetId!] }))).name, "InvalidSubnetID.NotFound");
  // The non-default group still holds the VPC.
  assert.equal((await rejection(() => a.send(new DeleteVpcCommand({ VpcId })))).name, "DependencyViolation");
  await a.send(new DeleteSecurityGroupCommand({ GroupId }));
  await a.send(new DeleteVpcCommand({ VpcId }));
  assert.equal((await rejection(() => vpcsOf({ VpcIds: [VpcId!] }))).name, "InvalidVpcID.NotFound");
  // Its default group went with it.
  const { SecurityGroups } = await a.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [VpcId!] }] }));
  assert.deepEqual(SecurityGroups, []);
  assert.equal((await rejection(() => a.send(new DeleteVpcCommand({ VpcId })))).name, "InvalidVpcID.NotFound");
  assert.equal((await rejection(() => a.send(new DeleteVpcCommand({ VpcId: "vpc-1" })))).name, "InvalidVpcID.Malformed");
});

test("CreateDefaultVpc: DefaultVpcAlreadyExists while there is one; after DeleteVpc, a new default VPC with default subnets", async () => {
  const [def] = await vpcsOf({ Filters: [{ Name: "is-default", Values: ["true"] }] });
  const exists = await rejection(() => a.send(new CreateDefaultVpcCommand({})));
  assert.equal(exists.name, "DefaultVpcAlreadyExists");
  // The default VPC's subnets hold it; they go first.
  await a.send(new CreateTagsCommand({ Resources: [def.VpcId!], Tags: [{ Key: "Name", Value: "old" }] }));
  assert.equal((await rejection(() => a.send(new DeleteVpcCommand({ VpcId: def.VpcId })))).name, "DependencyViolation");
  for (const s of await subnetsOf({ Filters: [{ Name: "vpc-id", Values: [def.VpcId!] }] })) {
    await a.send(new DeleteSubnetCommand({ SubnetId: s.SubnetId }));
  }
  await a.send(new DeleteVpcCommand({ VpcId: def.VpcId }));
  assert.deepEqual(await vpcsOf(), []);
  // Without a default VPC, a group needs a VPC named.
  const noDefault = await rejection(() => a.send(new CreateSecurityGroupCommand({ GroupName: "x", Description: "x" })));
  assert.equal(noDefault.name, "VPCIdNotSpecified");

  const { Vpc } = await a.send(new CreateDefaultVpcCommand({}));
  assert.notEqual(Vpc!.VpcId, def.VpcId);
  assert.equal(Vpc!.IsDefault, true);
  assert.equal(Vpc!.CidrBlock, "172.31.0.0/16");
  assert.equal(Vpc!.Tags, undefined);
  assert.equal((await subnetsOf({ Filters: [{ Name: "default-for-az", Values: ["true"] }] })).length, 6);
  assert.equal((await rejection(() => a.send(new CreateDefaultVpcCommand({})))).name, "DefaultVpcAlreadyExists");
});
