// Instances through the AWS SDK: RunInstances from own, shared and refused AMIs; the lifecycle of "Amazon EC2
// instance state changes" on the manual clock (pending → running, stopping → stopped, shutting-down →
// terminated, listed for about an hour); refusals (IncorrectInstanceState, termination and stop protection,
// unknown and malformed ids); DescribeInstances filters and paging; DescribeInstanceStatus; attributes;
// client-token idempotency; AMI usage reports listing the instances of two accounts.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateImageUsageReportCommand,
  CreateKeyPairCommand,
  CreateLaunchTemplateCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  CreateTagsCommand,
  DeregisterImageCommand,
  DescribeImageUsageReportEntriesCommand,
  DescribeImagesCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstanceStatusCommand,
  DescribeInstancesCommand,
  DescribeTagsCommand,
  ModifyImageAttributeCommand,
  ModifyInstanceAttributeCommand,
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
const ACCOUNT_C = "333333333333";

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

async function ami(name = "base", client = a): Promise<string> {
  const id = await registerAmi(client, name);
  server.clock.advance(T + 1);
  return id;
}

const run = async (input: Partial<RunInstancesCommandInput>, client = a) =>
  client.send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1, ...input } as RunInstancesCommandInput));

const describe1 = async (id: string, client = a) =>
  (await client.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0].Instances![0];

const stateOf = async (id: string) => (await describe1(id)).State!;

test("RunInstances: a reservation of MaxCount instances, pending then running, with what was asked", async () => {
  const image = await ami();
  const r = await run({
    ImageId: image,
    MinCount: 1,
    MaxCount: 2,
    InstanceType: "t3.micro",
    UserData: Buffer.from("#!/bin/sh\necho hi").toString("base64"),
    IamInstanceProfile: { Name: "builder" },
    Placement: { AvailabilityZone: "us-east-1b" },
    Monitoring: { Enabled: true },
    EbsOptimized: true,
    MetadataOptions: { HttpTokens: "required" },
    TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "web" }] }],
  });
  assert.match(r.ReservationId!, /^r-[0-9a-f]{17}$/);
  assert.equal(r.OwnerId, ACCOUNT_A);
  assert.equal(r.Instances!.length, 2);
  const [i0, i1] = r.Instances!;
  assert.match(i0.InstanceId!, /^i-[0-9a-f]{17}$/);
  assert.deepEqual(i0.State, { Code: 0, Name: "pending" });
  assert.deepEqual([i0.AmiLaunchIndex, i1.AmiLaunchIndex], [0, 1]);
  assert.equal(i0.ImageId, image);
  assert.equal(i0.InstanceType, "t3.micro");
  assert.equal(i0.Placement!.AvailabilityZone, "us-east-1b");
  assert.equal(i0.Monitoring!.State, "enabled");
  assert.equal(i0.EbsOptimized, true);
  assert.equal(i0.MetadataOptions!.HttpTokens, "required");
  assert.equal(i0.IamInstanceProfile!.Arn, `arn:aws:iam::${ACCOUNT_A}:instance-profile/builder`);
  assert.match(i0.IamInstanceProfile!.Id!, /^AIPA[A-Z0-9]{17}$/);
  assert.deepEqual(i0.Tags, [{ Key: "Name", Value: "web" }]);
  assert.equal(i0.LaunchTime!.getTime(), server.clock.now().getTime());
  assert.deepEqual(i0.StateReason, { Code: "pending", Message: "pending" });
  // Private addresses come one after another from the same block, with matching DNS names.
  assert.notEqual(i0.PrivateIpAddress, i1.PrivateIpAddress);
  assert.equal(i0.PrivateDnsName, `ip-${i0.PrivateIpAddress!.replace(/\./g, "-")}.ec2.internal`);
  assert.equal(i0.RootDeviceName, "/dev/xvda");
  assert.equal(i0.RootDeviceType, "ebs");
  assert.equal(i0.BlockDeviceMappings!.length, 1);
  assert.match(i0.BlockDeviceMappings![0].Ebs!.VolumeId!, /^vol-[0-9a-f]{17}$/);

  server.clock.advance(T + 1);
  const now = await describe1(i0.InstanceId!);
  assert.deepEqual(now.State, { Code: 16, Name: "running" });
  assert.equal(now.StateReason, undefined);
  assert.equal(now.StateTransitionReason, "");
  const ud = await a.send(new DescribeInstanceAttributeCommand({ InstanceId: i0.InstanceId!, Attribute: "userData" }));
  assert.equal(Buffer.from(ud.UserData!.Value!, "base64").toString(), "#!/bin/sh\necho hi");
});

test("RunInstances: the default instance type is m1.small; AMIs shared with the caller, public or Amazon's launch", async () => {
  const image = await ami();
  const own = (await run({ ImageId: image })).Instances![0];
  assert.equal(own.InstanceType, "m1.small");
  const shared = await ami("shared");
  await a.send(new ModifyImageAttributeCommand({ ImageId: shared, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  const theirs = (await run({ ImageId: shared }, b)).Instances![0];
  assert.equal(theirs.ImageId, shared);
  const err = await rejection(() => run({ ImageId: shared }, fx.ec2(ACCOUNT_C)));
  assert.equal(err.name, "InvalidAMIID.NotFound");
});

test("RunInstances refusals: unknown, malformed, pending and deregistered AMIs, counts, SSM references", async () => {
  assert.equal((await rejection(() => run({ ImageId: "ami-0123456789abcdef0" }))).name, "InvalidAMIID.NotFound");
  assert.equal((await rejection(() => run({ ImageId: "image-1" }))).name, "InvalidAMIID.Malformed");
  const pending = await registerAmi(a, "pending-one");
  const e1 = await rejection(() => run({ ImageId: pending }));
  assert.equal(e1.name, "InvalidAMIID.Unavailable");
  assert.match(e1.message, /pending/);
  server.clock.advance(T + 1);
  await a.send(new DeregisterImageCommand({ ImageId: pending }));
  assert.equal((await rejection(() => run({ ImageId: pending }))).name, "InvalidAMIID.Unavailable");
  const image = await ami("ok-ami");
  assert.equal((await rejection(() => run({ ImageId: image, MinCount: 3, MaxCount: 2 }))).name, "InvalidParameterValue");
  assert.equal((await rejection(() => run({ ImageId: image, MinCount: 0, MaxCount: 2 }))).name, "InvalidParameterValue");
  const ssm = await rejection(() => run({ ImageId: "resolve:ssm:/golden-ami" }));
  assert.equal(ssm.name, "InvalidParameterValue");
  assert.match(ssm.message, /\/golden-ami/);
});

test("Lifecycle: stop, start, terminate with CurrentState and PreviousState; terminated instances go after an hour", async () => {
  const image = await ami();
  const id = (await run({ ImageId: image })).Instances![0].InstanceId!;
  // A pending instance that never ran cannot be stopped.
  const early = await rejection(() => a.send(new StopInstancesCommand({ InstanceIds: [id] })));
  assert.equal(early.name, "IncorrectInstanceState");
  assert.match(early.message, /never reached the 'running' state/);
  server.clock.advance(T + 1);

  const stop = await a.send(new StopInstancesCommand({ InstanceIds: [id] }));
  assert.deepEqual(stop.StoppingInstances, [
    { InstanceId: id, CurrentState: { Code: 64, Name: "stopping" }, PreviousState: { Code: 16, Name: "running" } },
  ]);
  server.clock.advance(T + 1);
  const stopped = await describe1(id);
  assert.deepEqual(stopped.State, { Code: 80, Name: "stopped" });
  assert.equal(stopped.StateReason!.Code, "Client.UserInitiatedShutdown");
  assert.match(stopped.StateTransitionReason!, /^User initiated \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\)$/);
  // Stopping a stopped instance changes nothing and says so.
  const again = await a.send(new StopInstancesCommand({ InstanceIds: [id] }));
  assert.deepEqual(again.StoppingInstances![0].CurrentState, { Code: 80, Name: "stopped" });

  const start = await a.send(new StartInstancesCommand({ InstanceIds: [id] }));
  assert.deepEqual(start.StartingInstances![0].CurrentState, { Code: 0, Name: "pending" });
  assert.deepEqual(start.StartingInstances![0].PreviousState, { Code: 80, Name: "stopped" });
  server.clock.advance(T + 1);
  assert.equal((await stateOf(id)).Name, "running");

  const term = await a.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
  assert.deepEqual(term.TerminatingInstances![0].CurrentState, { Code: 32, Name: "shutting-down" });
  const restart = await rejection(() => a.send(new StartInstancesCommand({ InstanceIds: [id] })));
  assert.equal(restart.name, "IncorrectInstanceState");
  assert.equal(restart.message, `The instance '${id}' is not in a state from which it can be started.`);
  server.clock.advance(T + 1);
  assert.deepEqual(await stateOf(id), { Code: 48, Name: "terminated" });
  assert.equal((await rejection(() => a.send(new StopInstancesCommand({ InstanceIds: [id] })))).name, "IncorrectInstanceState");
  server.clock.advance(3600 * 1000);
  const gone = await rejection(() => describe1(id));
  assert.equal(gone.name, "InvalidInstanceID.NotFound");
  assert.equal((await a.send(new DescribeInstancesCommand({}))).Reservations!.length, 0);
});

test("Unknown and malformed instance ids; every unknown id is named; nothing changes when one is refused", async () => {
  const image = await ami();
  const id = (await run({ ImageId: image })).Instances![0].InstanceId!;
  const one = await rejection(() => a.send(new TerminateInstancesCommand({ InstanceIds: ["i-0123456789abcdef0"] })));
  assert.equal(one.name, "InvalidInstanceID.NotFound");
  assert.equal(one.message, "The instance ID 'i-0123456789abcdef0' does not exist");
  const two = await rejection(() =>
    a.send(new TerminateInstancesCommand({ InstanceIds: [id, "i-0123456789abcdef0", "i-0123456789abcdef1"] })),
  );
  assert.equal(two.message, "The instance IDs 'i-0123456789abcdef0, i-0123456789abcdef1' do not exist");
  assert.equal((await stateOf(id)).Name, "pending");
  assert.equal(
    (await rejection(() => a.send(new StartInstancesCommand({ InstanceIds: ["instance-1"] })))).name,
    "InvalidInstanceID.Malformed",
  );
  // Another account's instance is unknown to the caller.
  assert.equal((await rejection(() => describe1(id, b))).name, "InvalidInstanceID.NotFound");
});

test("Termination and stop protection: OperationNotPermitted until the attribute is lifted", async () => {
  const image = await ami();
  const id = (await run({ ImageId: image, DisableApiTermination: true, DisableApiStop: true })).Instances![0].InstanceId!;
  server.clock.advance(T + 1);
  const t = await rejection(() => a.send(new TerminateInstancesCommand({ InstanceIds: [id] })));
  assert.equal(t.name, "OperationNotPermitted");
  assert.match(t.message, /disableApiTermination/);
  const s = await rejection(() => a.send(new StopInstancesCommand({ InstanceIds: [id] })));
  assert.equal(s.name, "OperationNotPermitted");
  assert.match(s.message, /disableApiStop/);
  await a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, DisableApiStop: { Value: false } }));
  await a.send(new StopInstancesCommand({ InstanceIds: [id] }));
  await a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, Attribute: "disableApiTermination", Value: "false" }));
  const attr = await a.send(new DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: "disableApiTermination" }));
  assert.equal(attr.DisableApiTermination!.Value, false);
  await a.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
});

test("ModifyInstanceAttribute: instance type and user data only while stopped; others at any time", async () => {
  const image = await ami();
  const id = (await run({ ImageId: image })).Instances![0].InstanceId!;
  server.clock.advance(T + 1);
  const e = await rejection(() => a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, InstanceType: { Value: "t3.large" } })));
  assert.equal(e.name, "IncorrectInstanceState");
  assert.equal(e.message, `The instance '${id}' is not in the 'stopped' state.`);
  await a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, SourceDestCheck: { Value: false } }));
  await a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, InstanceInitiatedShutdownBehavior: { Value: "terminate" } }));
  await a.send(new StopInstancesCommand({ InstanceIds: [id] }));
  server.clock.advance(T + 1);
  await a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, InstanceType: { Value: "t3.large" } }));
  await a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, UserData: { Value: Buffer.from("new data") } }));
  const get = (Attribute: string) => a.send(new DescribeInstanceAttributeCommand({ InstanceId: id, Attribute } as never));
  assert.equal((await get("instanceType")).InstanceType!.Value, "t3.large");
  assert.equal(Buffer.from((await get("userData")).UserData!.Value!, "base64").toString(), "new data");
  assert.equal((await get("sourceDestCheck")).SourceDestCheck!.Value, false);
  assert.equal((await get("instanceInitiatedShutdownBehavior")).InstanceInitiatedShutdownBehavior!.Value, "terminate");
  assert.equal((await get("rootDeviceName")).RootDeviceName!.Value, "/dev/xvda");
  const bdm = (await get("blockDeviceMapping")).BlockDeviceMappings!;
  assert.equal(bdm[0].DeviceName, "/dev/xvda");
  assert.equal(bdm[0].Ebs!.DeleteOnTermination, true);
  assert.equal((await describe1(id)).InstanceType, "t3.large");
});

test("DescribeInstances: filters, tags, grouping by reservation and paging", async () => {
  const image = await ami();
  const r1 = await run({ ImageId: image, MaxCount: 3, InstanceType: "t3.micro" });
  const r2 = await run({ ImageId: image, InstanceType: "t3.small" });
  const web = r2.Instances![0].InstanceId!;
  await a.send(new CreateTagsCommand({ Resources: [web], Tags: [{ Key: "role", Value: "web-1" }] }));
  const ids = (res: { Reservations?: { Instances?: { InstanceId?: string }[] }[] }) =>
    res.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId!)).sort();
  const f = async (Name: string, Values: string[]) => a.send(new DescribeInstancesCommand({ Filters: [{ Name, Values }] }));
  assert.deepEqual(ids(await f("instance-type", ["t3.small"])), [web]);
  assert.deepEqual(ids(await f("tag:role", ["web-*"])), [web]);
  assert.deepEqual(ids(await f("tag-key", ["role"])), [web]);
  assert.equal(ids(await f("reservation-id", [r1.ReservationId!])).length, 3);
  assert.equal(ids(await f("instance-state-name", ["pending"])).length, 4);
  assert.equal(ids(await f("instance-state-code", ["16"])).length, 0);
  assert.equal(ids(await f("image-id", [image])).length, 4);
  assert.deepEqual(ids(await f("private-dns-name", [r2.Instances![0].PrivateDnsName!])), [web]);
  assert.equal((await rejection(() => f("no-such-filter", ["x"]))).name, "InvalidParameterValue");
  const all = await a.send(new DescribeInstancesCommand({}));
  assert.equal(all.Reservations!.length, 2);
  const byId = new Map(all.Reservations!.map((r) => [r.ReservationId, r.Instances!.length]));
  assert.equal(byId.get(r1.ReservationId), 3);

  const seen: string[] = [];
  let NextToken: string | undefined;
  let pages = 0;
  do {
    const page = await a.send(new DescribeInstancesCommand({ MaxResults: 5, NextToken }));
    seen.push(...ids(page));
    NextToken = page.NextToken;
    pages++;
  } while (NextToken);
  assert.equal(pages, 1);
  assert.equal(seen.length, 4);
  await run({ ImageId: image, MaxCount: 4 });
  const first = await a.send(new DescribeInstancesCommand({ MaxResults: 5 }));
  assert.equal(ids(first).length, 5);
  const second = await a.send(new DescribeInstancesCommand({ MaxResults: 5, NextToken: first.NextToken }));
  assert.equal(ids(second).length, 3);
  assert.equal(second.NextToken, undefined);
  assert.equal(new Set([...ids(first), ...ids(second)]).size, 8);
  const combo = await rejection(() => a.send(new DescribeInstancesCommand({ InstanceIds: [web], MaxResults: 5 })));
  assert.equal(combo.name, "InvalidParameterCombination");
  assert.equal((await rejection(() => a.send(new DescribeInstancesCommand({ MaxResults: 2 })))).name, "InvalidParameterValue");
  const tags = await a.send(new DescribeTagsCommand({ Filters: [{ Name: "resource-id", Values: [web] }] }));
  assert.equal(tags.Tags![0].ResourceType, "instance");
});

test("DescribeInstanceStatus: running instances only unless IncludeAllInstances; initializing, then ok", async () => {
  const image = await ami();
  const id = (await run({ ImageId: image })).Instances![0].InstanceId!;
  assert.deepEqual((await a.send(new DescribeInstanceStatusCommand({}))).InstanceStatuses, []);
  const all = await a.send(new DescribeInstanceStatusCommand({ IncludeAllInstances: true }));
  assert.equal(all.InstanceStatuses![0].InstanceStatus!.Status, "not-applicable");
  assert.equal(all.InstanceStatuses![0].InstanceState!.Name, "pending");
  server.clock.advance(T + 1);
  const init = (await a.send(new DescribeInstanceStatusCommand({ InstanceIds: [id] }))).InstanceStatuses![0];
  assert.equal(init.InstanceStatus!.Status, "initializing");
  assert.equal(init.SystemStatus!.Status, "initializing");
  server.clock.advance(T + 1);
  const ok = (await a.send(new DescribeInstanceStatusCommand({ InstanceIds: [id] }))).InstanceStatuses![0];
  assert.equal(ok.InstanceStatus!.Status, "ok");
  assert.deepEqual(ok.InstanceStatus!.Details, [{ Name: "reachability", Status: "passed" }]);
  assert.equal(ok.AvailabilityZone, "us-east-1a");
  const filtered = await a.send(new DescribeInstanceStatusCommand({ Filters: [{ Name: "instance-status.status", Values: ["ok"] }] }));
  assert.equal(filtered.InstanceStatuses!.length, 1);
});

test("ClientToken: the same token answers the same reservation; other parameters are a mismatch", async () => {
  const image = await ami();
  const first = await run({ ImageId: image, ClientToken: "launch-1" });
  server.clock.advance(T + 1);
  const second = await run({ ImageId: image, ClientToken: "launch-1" });
  assert.equal(second.ReservationId, first.ReservationId);
  assert.equal(second.Instances![0].InstanceId, first.Instances![0].InstanceId);
  assert.equal(second.Instances![0].State!.Name, "running");
  assert.equal(second.Instances![0].ClientToken, "launch-1");
  assert.equal((await a.send(new DescribeInstancesCommand({}))).Reservations!.length, 1);
  const other = await rejection(() => run({ ImageId: image, ClientToken: "launch-1", InstanceType: "t3.nano" }));
  assert.equal(other.name, "IdempotentParameterMismatch");
});

test("AMI usage report: instances of two accounts launched from a shared AMI, until they terminate", async () => {
  const image = await ami("shared-base");
  await a.send(
    new ModifyImageAttributeCommand({ ImageId: image, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }, { UserId: ACCOUNT_C }] } }),
  );
  await run({ ImageId: image, MaxCount: 2 }, b);
  const c = (await run({ ImageId: image }, fx.ec2(ACCOUNT_C))).Instances![0].InstanceId!;
  const report = async () => {
    const { ReportId } = await a.send(
      new CreateImageUsageReportCommand({ ImageId: image, ResourceTypes: [{ ResourceType: "ec2:Instance" }] }),
    );
    server.clock.advance(2 * T + 1);
    return (await a.send(new DescribeImageUsageReportEntriesCommand({ ReportIds: [ReportId!] }))).ImageUsageReportEntries!.map((e) => [
      e.AccountId,
      e.UsageCount,
    ]);
  };
  assert.deepEqual(await report(), [
    [ACCOUNT_B, 2],
    [ACCOUNT_C, 1],
  ]);
  await fx.ec2(ACCOUNT_C).send(new TerminateInstancesCommand({ InstanceIds: [c] }));
  assert.deepEqual(await report(), [[ACCOUNT_B, 2]]);
});

test("RunInstances from a launch template: its data fills in what the request leaves out; the request wins", async () => {
  const image = await ami();
  const created = await a.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: "web",
      LaunchTemplateData: {
        ImageId: image,
        InstanceType: "t3.small",
        UserData: Buffer.from("from template").toString("base64"),
        DisableApiTermination: true,
        BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 20, VolumeType: "gp3" } }],
        TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "from", Value: "template" }] }],
      },
    }),
  );
  const templateId = created.LaunchTemplate!.LaunchTemplateId!;
  const inst = (await run({ LaunchTemplate: { LaunchTemplateName: "web", Version: "$Latest" }, InstanceType: "t3.large" } as never))
    .Instances![0];
  assert.equal(inst.ImageId, image);
  assert.equal(inst.InstanceType, "t3.large");
  const tags = Object.fromEntries(inst.Tags!.map((t) => [t.Key, t.Value]));
  assert.equal(tags.from, "template");
  assert.equal(tags["aws:ec2launchtemplate:id"], templateId);
  assert.equal(tags["aws:ec2launchtemplate:version"], "1");
  const [root] = (await a.send(new DescribeVolumesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [inst.InstanceId!] }] })))
    .Volumes!;
  const [amiRoot] = (await a.send(new DescribeImagesCommand({ ImageIds: [image] }))).Images![0].BlockDeviceMappings!;
  assert.deepEqual([root.Size, root.VolumeType, root.SnapshotId], [20, "gp3", amiRoot.Ebs!.SnapshotId]);
  const protectedAttr = await a.send(
    new DescribeInstanceAttributeCommand({ InstanceId: inst.InstanceId!, Attribute: "disableApiTermination" }),
  );
  assert.equal(protectedAttr.DisableApiTermination!.Value, true);
  const byId = (await run({ LaunchTemplate: { LaunchTemplateId: templateId } } as never)).Instances![0];
  assert.equal(byId.InstanceType, "t3.small");
  const missing = await rejection(() => run({ LaunchTemplate: { LaunchTemplateName: "nope" } } as never));
  assert.equal(missing.name, "InvalidLaunchTemplateName.NotFoundException");
});

test("RunInstances places instances in the default VPC, or the subnet, groups and key pair asked for", async () => {
  const image = await ami();
  const plain = (await run({ ImageId: image })).Instances![0];
  const subnets = (await a.send(new DescribeSubnetsCommand({}))).Subnets!;
  const first = subnets.find((s) => s.AvailabilityZone === "us-east-1a")!;
  assert.equal(plain.SubnetId, first.SubnetId);
  assert.equal(plain.VpcId, first.VpcId);
  assert.equal(plain.Placement!.AvailabilityZone, "us-east-1a");
  assert.deepEqual(
    plain.SecurityGroups!.map((g) => g.GroupName),
    ["default"],
  );
  assert.equal(plain.PrivateIpAddress, "172.31.0.4");

  const zoneB = subnets.find((s) => s.AvailabilityZone === "us-east-1b")!;
  const { GroupId } = await a.send(new CreateSecurityGroupCommand({ GroupName: "web", Description: "web servers" }));
  await a.send(new CreateKeyPairCommand({ KeyName: "builder" }));
  const placed = (await run({ ImageId: image, SubnetId: zoneB.SubnetId, SecurityGroups: ["web"], KeyName: "builder" })).Instances![0];
  assert.equal(placed.Placement!.AvailabilityZone, "us-east-1b");
  assert.deepEqual(placed.SecurityGroups, [{ GroupId, GroupName: "web" }]);
  assert.equal(placed.KeyName, "builder");
  assert.ok(placed.PrivateIpAddress!.startsWith(zoneB.CidrBlock!.split(".").slice(0, 3).join(".")));
  const byKey = await a.send(new DescribeInstancesCommand({ Filters: [{ Name: "key-name", Values: ["builder"] }] }));
  assert.equal(byKey.Reservations!.length, 1);
  const bySubnet = await a.send(new DescribeInstancesCommand({ Filters: [{ Name: "subnet-id", Values: [zoneB.SubnetId!] }] }));
  assert.equal(bySubnet.Reservations![0].Instances![0].InstanceId, placed.InstanceId);

  // A group an instance uses cannot be deleted until the instance is terminated.
  const inUse = await rejection(() => a.send(new DeleteSecurityGroupCommand({ GroupId })));
  assert.equal(inUse.name, "DependencyViolation");
  await a.send(new TerminateInstancesCommand({ InstanceIds: [placed.InstanceId!] }));
  server.clock.advance(T + 1);
  await a.send(new DeleteSecurityGroupCommand({ GroupId }));

  assert.equal((await rejection(() => run({ ImageId: image, KeyName: "nope" }))).name, "InvalidKeyPair.NotFound");
  assert.equal((await rejection(() => run({ ImageId: image, SubnetId: "subnet-0123456789abcdef0" }))).name, "InvalidSubnetID.NotFound");
  assert.equal((await rejection(() => run({ ImageId: image, SecurityGroupIds: ["sg-0123456789abcdef0"] }))).name, "InvalidGroup.NotFound");
});
