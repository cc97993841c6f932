// The account's network through the AWS SDK: the default VPC of each Region with one default subnet per
// Availability Zone and its `default` security group, made on first use with stable ids ("Default VPCs",
// default-vpc.html); DescribeRegions and DescribeAvailabilityZones; security groups and their rules.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  DeleteSecurityGroupCommand,
  DescribeAvailabilityZonesCommand,
  DescribeRegionsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeTagsCommand,
  DescribeVpcsCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, useServer } from "../support/server";
import { registerAmi } from "./helpers";

let a: EC2Client;
let b: EC2Client;
let west: EC2Client;

const fx = useServer();
beforeEach(() => {
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
  west = fx.ec2(ACCOUNT_A, "eu-west-1");
});

const vpcsOf = async (client: EC2Client, input = {}) => (await client.send(new DescribeVpcsCommand(input))).Vpcs!;
const subnetsOf = async (client: EC2Client, input = {}) => (await client.send(new DescribeSubnetsCommand(input))).Subnets!;

test("DescribeVpcs: one default VPC per account and Region, 172.31.0.0/16, with stable ids", async () => {
  const [vpc] = await vpcsOf(a);
  assert.match(vpc.VpcId!, /^vpc-[0-9a-f]{17}$/);
  assert.equal(vpc.CidrBlock, "172.31.0.0/16");
  assert.equal(vpc.IsDefault, true);
  assert.equal(vpc.State, "available");
  assert.equal(vpc.OwnerId, ACCOUNT_A);
  assert.equal(vpc.CidrBlockAssociationSet![0].CidrBlockState!.State, "associated");
  assert.deepEqual(
    (await vpcsOf(a)).map((v) => v.VpcId),
    [vpc.VpcId],
  );
  const [other] = await vpcsOf(b);
  const [inWest] = await vpcsOf(west);
  assert.notEqual(other.VpcId, vpc.VpcId);
  assert.notEqual(inWest.VpcId, vpc.VpcId);
  assert.deepEqual(
    (await vpcsOf(a, { Filters: [{ Name: "is-default", Values: ["true"] }] })).map((v) => v.VpcId),
    [vpc.VpcId],
  );
  assert.deepEqual(await vpcsOf(a, { Filters: [{ Name: "is-default", Values: ["false"] }] }), []);
  assert.deepEqual(
    (await vpcsOf(a, { VpcIds: [vpc.VpcId!] })).map((v) => v.VpcId),
    [vpc.VpcId],
  );
});

test("DescribeVpcs: an unknown or malformed id is refused with EC2's codes", async () => {
  const missing = await rejection(() => vpcsOf(a, { VpcIds: ["vpc-0123456789abcdef0"] }));
  assert.equal(missing.name, "InvalidVpcID.NotFound");
  assert.equal(missing.message, "The vpc ID 'vpc-0123456789abcdef0' does not exist");
  assert.equal((await rejection(() => vpcsOf(a, { VpcIds: ["nope"] }))).name, "InvalidVpcID.Malformed");
  assert.equal((await rejection(() => vpcsOf(a, { Filters: [{ Name: "colour", Values: ["x"] }] }))).name, "InvalidParameterValue");
});

test("DescribeSubnets: a /20 default subnet per Availability Zone of the Region, public IPs on launch", async () => {
  const [vpc] = await vpcsOf(a);
  const defaults = await subnetsOf(a, { Filters: [{ Name: "default-for-az", Values: ["true"] }] });
  const zones = (await a.send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones!;
  assert.equal(zones.length, 6);
  assert.deepEqual(defaults.map((s) => s.AvailabilityZone).sort(), zones.map((z) => z.ZoneName).sort());
  assert.deepEqual(
    defaults.map((s) => s.CidrBlock).sort(),
    ["172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20", "172.31.48.0/20", "172.31.64.0/20", "172.31.80.0/20"].sort(),
  );
  for (const s of defaults) {
    assert.match(s.SubnetId!, /^subnet-[0-9a-f]{17}$/);
    assert.equal(s.VpcId, vpc.VpcId);
    assert.equal(s.DefaultForAz, true);
    assert.equal(s.MapPublicIpOnLaunch, true);
    assert.equal(s.State, "available");
    assert.equal(s.AvailableIpAddressCount, 4091);
    assert.equal(s.SubnetArn, `arn:aws:ec2:us-east-1:${ACCOUNT_A}:subnet/${s.SubnetId}`);
    assert.equal(zones.find((z) => z.ZoneName === s.AvailabilityZone)!.ZoneId, s.AvailabilityZoneId);
  }
  const inB = await subnetsOf(a, { Filters: [{ Name: "availability-zone", Values: ["us-east-1b"] }] });
  assert.deepEqual(
    inB.map((s) => s.AvailabilityZone),
    ["us-east-1b"],
  );
  assert.equal((await subnetsOf(west)).length, 3);
  const one = await subnetsOf(a, { SubnetIds: [inB[0].SubnetId!] });
  assert.equal(one[0].CidrBlock, inB[0].CidrBlock);
  const missing = await rejection(() => subnetsOf(a, { SubnetIds: ["subnet-0123456789abcdef0"] }));
  assert.equal(missing.name, "InvalidSubnetID.NotFound");
  assert.equal(missing.message, "The subnet ID 'subnet-0123456789abcdef0' does not exist");
});

test("DescribeSubnets: MaxResults pages through the subnets without repeating one", async () => {
  const first = await a.send(new DescribeSubnetsCommand({ MaxResults: 5 }));
  assert.equal(first.Subnets!.length, 5);
  assert.ok(first.NextToken);
  const second = await a.send(new DescribeSubnetsCommand({ MaxResults: 5, NextToken: first.NextToken }));
  assert.equal(second.Subnets!.length, 1);
  assert.equal(second.NextToken, undefined);
  const ids = new Set([...first.Subnets!, ...second.Subnets!].map((s) => s.SubnetId));
  assert.equal(ids.size, 6);
});

test("The default VPC, subnets and default security group take tags (CreateTags, tag filters, DescribeTags)", async () => {
  const [vpc] = await vpcsOf(a);
  const [subnet] = await subnetsOf(a);
  const [group] = (await a.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups!;
  await a.send(
    new CreateTagsCommand({ Resources: [vpc.VpcId!, subnet.SubnetId!, group.GroupId!], Tags: [{ Key: "env", Value: "build" }] }),
  );
  assert.deepEqual((await vpcsOf(a, { Filters: [{ Name: "tag:env", Values: ["build"] }] }))[0].Tags, [{ Key: "env", Value: "build" }]);
  assert.deepEqual(
    (await subnetsOf(a, { Filters: [{ Name: "tag-key", Values: ["env"] }] })).map((s) => s.SubnetId),
    [subnet.SubnetId],
  );
  const tags = (await a.send(new DescribeTagsCommand({ Filters: [{ Name: "key", Values: ["env"] }] }))).Tags!;
  assert.deepEqual(tags.map((t) => t.ResourceType).sort(), ["security-group", "subnet", "vpc"]);
  const missing = await rejection(() => a.send(new CreateTagsCommand({ Resources: ["vpc-0123456789abcdef0"], Tags: [{ Key: "k" }] })));
  assert.equal(missing.name, "InvalidVpcID.NotFound");
});

test("DescribeRegions: each Region with its EC2 endpoint; names and filters select", async () => {
  const regions = (await a.send(new DescribeRegionsCommand({}))).Regions!;
  const east = regions.find((r) => r.RegionName === "us-east-1")!;
  assert.equal(east.Endpoint, "ec2.us-east-1.amazonaws.com");
  assert.equal(east.OptInStatus, "opt-in-not-required");
  assert.ok(regions.length >= 30);
  const picked = (await a.send(new DescribeRegionsCommand({ RegionNames: ["eu-west-1", "us-west-2"] }))).Regions!;
  assert.deepEqual(picked.map((r) => r.RegionName).sort(), ["eu-west-1", "us-west-2"]);
  const filtered = (await a.send(new DescribeRegionsCommand({ AllRegions: true, Filters: [{ Name: "region-name", Values: ["eu-*"] }] })))
    .Regions!;
  assert.ok(filtered.length >= 5 && filtered.every((r) => r.RegionName!.startsWith("eu-")));
  const byEndpoint = (await a.send(new DescribeRegionsCommand({ Filters: [{ Name: "endpoint", Values: ["*ap-south-1*"] }] }))).Regions!;
  assert.deepEqual(
    byEndpoint.map((r) => r.RegionName),
    ["ap-south-1"],
  );
  const bad = await rejection(() => a.send(new DescribeRegionsCommand({ RegionNames: ["us-nowhere-9"] })));
  assert.equal(bad.name, "InvalidParameterValue");
  assert.equal(bad.message, "Invalid region: [us-nowhere-9]");
});

test("DescribeAvailabilityZones: the Region's zones with zone ids; names, ids and filters select", async () => {
  const zones = (await west.send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones!;
  assert.deepEqual(
    zones.map((z) => [z.ZoneName, z.ZoneId]),
    [
      ["eu-west-1a", "euw1-az1"],
      ["eu-west-1b", "euw1-az2"],
      ["eu-west-1c", "euw1-az3"],
    ],
  );
  for (const z of zones) {
    assert.equal(z.State, "available");
    assert.equal(z.RegionName, "eu-west-1");
    assert.equal(z.ZoneType, "availability-zone");
    assert.equal(z.GroupName, "eu-west-1");
    assert.equal(z.NetworkBorderGroup, "eu-west-1");
  }
  const byId = (await a.send(new DescribeAvailabilityZonesCommand({ ZoneIds: ["use1-az3"] }))).AvailabilityZones!;
  assert.deepEqual(
    byId.map((z) => z.ZoneName),
    ["us-east-1c"],
  );
  const filtered = (
    await a.send(new DescribeAvailabilityZonesCommand({ Filters: [{ Name: "zone-name", Values: ["us-east-1a", "us-east-1f"] }] }))
  ).AvailabilityZones!;
  assert.deepEqual(
    filtered.map((z) => z.ZoneId),
    ["use1-az1", "use1-az6"],
  );
  const all = (await a.send(new DescribeAvailabilityZonesCommand({ AllAvailabilityZones: true }))).AvailabilityZones!;
  assert.ok(all.some((z) => z.RegionName === "ap-southeast-2"));
  const bad = await rejection(() => a.send(new DescribeAvailabilityZonesCommand({ ZoneNames: ["us-east-1z"] })));
  assert.equal(bad.name, "InvalidParameterValue");
});

const groupsOf = async (client: EC2Client, input = {}) => (await client.send(new DescribeSecurityGroupsCommand(input))).SecurityGroups!;
const createGroup = async (input: Record<string, unknown> = {}) =>
  a.send(new CreateSecurityGroupCommand({ GroupName: "builder", Description: "image builds", ...input } as never));

test("The default security group: named default, in the default VPC, its members in, everything out", async () => {
  const [vpc] = await vpcsOf(a);
  const [group] = await groupsOf(a);
  assert.match(group.GroupId!, /^sg-[0-9a-f]{17}$/);
  assert.equal(group.GroupName, "default");
  assert.equal(group.VpcId, vpc.VpcId);
  assert.equal(group.OwnerId, ACCOUNT_A);
  assert.deepEqual(
    group.IpPermissions![0].UserIdGroupPairs!.map((p) => p.GroupId),
    [group.GroupId],
  );
  assert.deepEqual(group.IpPermissionsEgress, [
    { IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
  ]);
  const byName = await groupsOf(a, { GroupNames: ["default"] });
  assert.equal(byName[0].GroupId, group.GroupId);
  const refused = await rejection(() => a.send(new DeleteSecurityGroupCommand({ GroupId: group.GroupId })));
  assert.equal(refused.name, "CannotDelete");
  assert.equal((await rejection(() => a.send(new DeleteSecurityGroupCommand({ GroupName: "default" })))).name, "CannotDelete");
  assert.equal((await rejection(() => createGroup({ GroupName: "default" }))).name, "InvalidParameterValue");
});

test("CreateSecurityGroup: sg- id and ARN in the default VPC, the default outbound rule, tags; a name once per VPC", async () => {
  const [vpc] = await vpcsOf(a);
  const created = await createGroup({ TagSpecifications: [{ ResourceType: "security-group", Tags: [{ Key: "team", Value: "images" }] }] });
  assert.match(created.GroupId!, /^sg-[0-9a-f]{17}$/);
  assert.equal(created.SecurityGroupArn, `arn:aws:ec2:us-east-1:${ACCOUNT_A}:security-group/${created.GroupId}`);
  assert.deepEqual(created.Tags, [{ Key: "team", Value: "images" }]);
  const [group] = await groupsOf(a, { GroupIds: [created.GroupId!] });
  assert.equal(group.VpcId, vpc.VpcId);
  assert.equal(group.Description, "image builds");
  assert.deepEqual(group.IpPermissions, []);
  assert.equal(group.IpPermissionsEgress![0].IpProtocol, "-1");
  assert.deepEqual(group.IpPermissionsEgress![0].IpRanges, [{ CidrIp: "0.0.0.0/0" }]);
  const dup = await rejection(() => createGroup({ VpcId: vpc.VpcId }));
  assert.equal(dup.name, "InvalidGroup.Duplicate");
  assert.equal(dup.message, `The security group 'builder' already exists for VPC '${vpc.VpcId}'`);
  assert.equal((await rejection(() => createGroup({ VpcId: "vpc-0123456789abcdef0" }))).name, "InvalidVpcID.NotFound");
  assert.equal((await rejection(() => createGroup({ GroupName: "other", Description: undefined }))).name, "MissingParameter");
  assert.deepEqual(
    (await groupsOf(a, { Filters: [{ Name: "group-name", Values: ["build*"] }] })).map((g) => g.GroupId),
    [created.GroupId],
  );
  assert.deepEqual(
    (await groupsOf(a, { Filters: [{ Name: "tag:team", Values: ["images"] }] })).map((g) => g.GroupId),
    [created.GroupId],
  );
  const missing = await rejection(() => groupsOf(a, { GroupIds: ["sg-0123456789abcdef0"] }));
  assert.equal(missing.name, "InvalidGroup.NotFound");
  assert.equal(missing.message, "The security group 'sg-0123456789abcdef0' does not exist");
  const missingName = await rejection(() => groupsOf(a, { GroupNames: ["nope"] }));
  assert.equal(missingName.name, "InvalidGroup.NotFound");
  assert.equal(missingName.message, `The security group 'nope' does not exist in default VPC '${vpc.VpcId}'`);
  assert.equal((await rejection(() => groupsOf(a, { GroupIds: ["group-1"] }))).name, "InvalidGroupId.Malformed");
});

test("AuthorizeSecurityGroupIngress: IpPermissions or the flat members, sgr- rules, duplicates refused", async () => {
  const { GroupId } = await createGroup();
  const added = await a.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId,
      IpPermissions: [
        {
          IpProtocol: "tcp",
          FromPort: 22,
          ToPort: 22,
          IpRanges: [{ CidrIp: "203.0.113.0/24", Description: "office" }, { CidrIp: "198.51.100.7/32" }],
        },
      ],
    }),
  );
  assert.equal(added.Return, true);
  assert.equal(added.SecurityGroupRules!.length, 2);
  for (const r of added.SecurityGroupRules!) {
    assert.match(r.SecurityGroupRuleId!, /^sgr-[0-9a-f]{17}$/);
    assert.equal(r.GroupId, GroupId);
    assert.equal(r.IsEgress, false);
    assert.equal(r.IpProtocol, "tcp");
    assert.equal(r.FromPort, 22);
  }
  await a.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupName: "builder",
      IpProtocol: "tcp",
      FromPort: 5985,
      ToPort: 5986,
      CidrIp: "0.0.0.0/0",
    }),
  );
  const [group] = await groupsOf(a, { GroupIds: [GroupId!] });
  assert.deepEqual(
    group.IpPermissions!.map((p) => [p.IpProtocol, p.FromPort, p.ToPort, p.IpRanges!.map((r) => r.CidrIp)]),
    [
      ["tcp", 22, 22, ["203.0.113.0/24", "198.51.100.7/32"]],
      ["tcp", 5985, 5986, ["0.0.0.0/0"]],
    ],
  );
  assert.equal(group.IpPermissions![0].IpRanges![0].Description, "office");
  const dup = await rejection(() =>
    a.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpProtocol: "tcp", FromPort: 22, ToPort: 22, CidrIp: "198.51.100.7/32" })),
  );
  assert.equal(dup.name, "InvalidPermission.Duplicate");
  assert.equal(dup.message, 'the specified rule "peer: 198.51.100.7/32, TCP, from port: 22, to port: 22, ALLOW" already exists');
  const badCidr = await rejection(() =>
    a.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpProtocol: "tcp", FromPort: 1, ToPort: 2, CidrIp: "10.0.0/8" })),
  );
  assert.equal(badCidr.name, "InvalidParameterValue");
  assert.deepEqual(
    (await groupsOf(a, { Filters: [{ Name: "ip-permission.from-port", Values: ["5985"] }] })).map((g) => g.GroupId),
    [GroupId],
  );
  const missing = await rejection(() =>
    a.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: "sg-0123456789abcdef0", IpProtocol: "-1", CidrIp: "0.0.0.0/0" })),
  );
  assert.equal(missing.name, "InvalidGroup.NotFound");
});

test("DeleteSecurityGroup: by id or by name; a group another group refers to stays; gone afterwards", async () => {
  const { GroupId: web } = await createGroup({ GroupName: "web" });
  const { GroupId: db } = await createGroup({ GroupName: "db" });
  await a.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: db,
      IpPermissions: [{ IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: web }] }],
    }),
  );
  const inUse = await rejection(() => a.send(new DeleteSecurityGroupCommand({ GroupId: web })));
  assert.equal(inUse.name, "DependencyViolation");
  assert.equal(inUse.message, `resource ${web} has a dependent object`);
  const deleted = await a.send(new DeleteSecurityGroupCommand({ GroupName: "db" }));
  assert.equal(deleted.Return, true);
  assert.equal(deleted.GroupId, db);
  await a.send(new DeleteSecurityGroupCommand({ GroupId: web }));
  assert.deepEqual(
    (await groupsOf(a)).map((g) => g.GroupName),
    ["default"],
  );
  assert.equal((await rejection(() => a.send(new DeleteSecurityGroupCommand({ GroupId: web })))).name, "InvalidGroup.NotFound");
});

test("DeleteSecurityGroup: a group that a user of groups (an instance) claims is a DependencyViolation", async () => {
  const { GroupId } = await createGroup({ GroupName: "attached" });
  const ImageId = await registerAmi(a, "attached");
  fx.server.clock.advance(T + 1);
  const { Instances } = await a.send(new RunInstancesCommand({ ImageId, MinCount: 1, MaxCount: 1, SecurityGroupIds: [GroupId!] }));
  const refused = await rejection(() => a.send(new DeleteSecurityGroupCommand({ GroupId })));
  assert.equal(refused.name, "DependencyViolation");
  // Once terminated, the instance claims the group no more.
  await a.send(new TerminateInstancesCommand({ InstanceIds: [Instances![0].InstanceId!] }));
  fx.server.clock.advance(T + 1);
  assert.equal((await a.send(new DeleteSecurityGroupCommand({ GroupId }))).Return, true);
});
