// EBS volumes made with CreateVolume through the AWS SDK ("Create an Amazon EBS volume", "Amazon EBS volume
// types", "Attach an Amazon EBS volume to an instance", "Detach an Amazon EBS volume", "Monitor the progress of
// Amazon EBS volume modifications", ModifyVolume's API reference): each type's limits and defaults, snapshots as
// a source and a floor, zones, tags, client tokens and DryRun; AttachVolume and DetachVolume on the clock with
// their refusals; ModifyVolume's states and its limits; attributes and status; encryption by default.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  AttachVolumeCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteVolumeCommand,
  DescribeInstancesCommand,
  DescribeVolumeAttributeCommand,
  DescribeVolumesCommand,
  DescribeVolumesModificationsCommand,
  DescribeVolumeStatusCommand,
  DetachVolumeCommand,
  DisableEbsEncryptionByDefaultCommand,
  EnableEbsEncryptionByDefaultCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  ModifyEbsDefaultKmsKeyIdCommand,
  ModifyVolumeAttributeCommand,
  ModifyVolumeCommand,
  ResetEbsDefaultKmsKeyIdCommand,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type CreateVolumeCommandInput,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, useServer } from "../support/server";
import { ownSnapshot, registerAmi } from "./helpers";

let server: Imagelite;
let a: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
});

const create = async (input: Partial<CreateVolumeCommandInput>, client = a) =>
  client.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", ...input } as CreateVolumeCommandInput));

const volume = async (id: string) => (await a.send(new DescribeVolumesCommand({ VolumeIds: [id] }))).Volumes![0];

const code = async (fn: () => Promise<unknown>) => (await rejection(fn)).name;

/** A running instance in `zone`, from an AMI of the caller's whose root device is /dev/xvda. */
async function instance(zone = "us-east-1a"): Promise<string> {
  const image = await registerAmi(a, `base-${zone}`);
  server.clock.advance(T + 1);
  const { Instances } = await a.send(
    new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: zone } }),
  );
  server.clock.advance(T + 1);
  return Instances![0].InstanceId!;
}

test("CreateVolume: an empty volume is creating, then available, with the type's defaults and its tags", async () => {
  const made = await create({
    Size: 10,
    VolumeType: "gp3",
    TagSpecifications: [{ ResourceType: "volume", Tags: [{ Key: "Name", Value: "data" }] }],
  });
  assert.match(made.VolumeId!, /^vol-[0-9a-f]{17}$/);
  assert.deepEqual(
    [made.Size, made.VolumeType, made.Iops, made.Throughput, made.State, made.Encrypted, made.SnapshotId, made.AvailabilityZone],
    [10, "gp3", 3000, 125, "creating", false, "", "us-east-1a"],
  );
  assert.equal(made.AvailabilityZoneId, "use1-az1");
  assert.deepEqual(made.Tags, [{ Key: "Name", Value: "data" }]);
  assert.equal(made.MultiAttachEnabled, false);
  server.clock.advance(T + 1);
  const v = await volume(made.VolumeId!);
  assert.equal(v.State, "available");
  assert.deepEqual(v.Attachments, []);
  // gp2 (the default type) has 3 IOPS per GiB, at least 100.
  const gp2 = await create({ Size: 100 });
  assert.deepEqual([gp2.VolumeType, gp2.Iops, gp2.Throughput], ["gp2", 300, undefined]);
  assert.equal((await create({ Size: 1 })).Iops, 100);
  const byZoneId = await create({ AvailabilityZone: undefined, AvailabilityZoneId: "use1-az3", Size: 1, VolumeType: "standard" });
  assert.equal(byZoneId.AvailabilityZone, "us-east-1c");
  const tagged = await a.send(new DescribeVolumesCommand({ Filters: [{ Name: "tag:Name", Values: ["data"] }] }));
  assert.deepEqual(
    tagged.Volumes!.map((x) => x.VolumeId),
    [made.VolumeId],
  );
});

test("CreateVolume: sizes, IOPS and throughput within each type's limits", async () => {
  const refusals: [Partial<CreateVolumeCommandInput>, string, RegExp][] = [
    [{ Size: 16385, VolumeType: "gp3" }, "InvalidParameterValue", /too large; maximum is 16384GiB/],
    [{ Size: 0, VolumeType: "gp2" }, "InvalidParameterValue", /too small; minimum is 1GiB/],
    [{ Size: 100, VolumeType: "st1" }, "InvalidParameterValue", /minimum is 125GiB/],
    [{ Size: 1025, VolumeType: "standard" }, "InvalidParameterValue", /maximum is 1024GiB/],
    [{ Size: 3, VolumeType: "io1", Iops: 100 }, "InvalidParameterValue", /minimum is 4GiB/],
    [{ Size: 100, VolumeType: "io1" }, "InvalidParameterCombination", /iops must be specified for io1/],
    [{ Size: 10, VolumeType: "io1", Iops: 1000 }, "InvalidParameterValue", /ratio of 100.000000 is too high; maximum is 50.000000/],
    [{ Size: 10, VolumeType: "io2", Iops: 20000 }, "InvalidParameterValue", /maximum is 1000.000000/],
    [{ Size: 100, VolumeType: "gp3", Iops: 2000 }, "InvalidParameterValue", /3000 to 16000 IOPS/],
    [{ Size: 100, VolumeType: "gp3", Iops: 17000 }, "InvalidParameterValue", /3000 to 16000 IOPS/],
    [{ Size: 7, VolumeType: "gp3", Iops: 4000 }, "InvalidParameterValue", /maximum is 500.000000/],
    [{ Size: 100, VolumeType: "gp3", Throughput: 1001, Iops: 16000 }, "InvalidParameterValue", /125 to 1000 MiB\/s/],
    [{ Size: 100, VolumeType: "gp3", Throughput: 751 }, "InvalidParameterValue", /ratio of 0.250333 is too high; maximum is 0.250000/],
    [{ Size: 100, VolumeType: "gp2", Iops: 300 }, "InvalidParameterCombination", /iops is not supported for gp2/],
    [{ Size: 100, VolumeType: "io1", Iops: 1000, Throughput: 200 }, "InvalidParameterCombination", /throughput is not supported/],
    [{ Size: 100, VolumeType: "gp3", MultiAttachEnabled: true }, "InvalidParameterCombination", /Multi-Attach/],
    [{}, "MissingParameter", /size or snapshotId/],
    [{ Size: 10, AvailabilityZone: "us-east-1z" }, "InvalidParameterValue", /Invalid availability zone: \[us-east-1z\]/],
    [{ Size: 10, AvailabilityZone: "us-west-2a" }, "InvalidParameterValue", /Invalid availability zone/],
    [{ Size: 10, AvailabilityZone: undefined }, "MissingParameter", /AvailabilityZone/],
    [{ Size: 10, AvailabilityZoneId: "use1-az1" }, "InvalidParameterCombination", /cannot be used together/],
    [{ Size: 10, VolumeType: "gp3", KmsKeyId: "alias/mine" }, "InvalidParameterDependency", /KmsKeyId requires the parameter Encrypted/],
    [{ Size: 10, Encrypted: true, KmsKeyId: "not a key" }, "InvalidParameterValue", /Invalid KMS key ID/],
  ];
  for (const [input, name, message] of refusals) {
    const e = await rejection(() => create(input));
    assert.equal(e.name, name, JSON.stringify(input));
    assert.match(e.message, message, JSON.stringify(input));
  }
  const fast = await create({ Size: 100, VolumeType: "gp3", Iops: 16000, Throughput: 1000 });
  assert.deepEqual([fast.Iops, fast.Throughput], [16000, 1000]);
  const io2 = await create({ Size: 4, VolumeType: "io2", Iops: 4000, MultiAttachEnabled: true });
  assert.deepEqual([io2.Iops, io2.MultiAttachEnabled], [4000, true]);
  const big = await create({ Size: 65536, VolumeType: "io2", Iops: 256000 });
  assert.equal(big.Size, 65536);
  assert.equal((await a.send(new DescribeVolumesCommand({}))).Volumes!.length, 3, "no refused request made a volume");
});

test("CreateVolume from a snapshot: its size by default and as a floor, its encryption, and its state", async () => {
  const snap = await ownSnapshot(a);
  assert.equal(await code(() => create({ SnapshotId: snap })), "IncorrectState", "a pending snapshot");
  server.clock.advance(10 * T);
  const v = await create({ SnapshotId: snap });
  assert.deepEqual([v.Size, v.SnapshotId], [8, snap]);
  assert.equal((await create({ SnapshotId: snap, Size: 20 })).Size, 20);
  const small = await rejection(() => create({ SnapshotId: snap, Size: 4 }));
  assert.equal(small.name, "InvalidParameterValue");
  assert.match(small.message, /smaller than snapshot/);
  assert.equal(await code(() => create({ SnapshotId: "snap-0123456789abcdef0" })), "InvalidSnapshot.NotFound");
  assert.equal(await code(() => create({ SnapshotId: "snapshot" })), "InvalidSnapshotID.Malformed");
  // Another account sees the snapshot only once shared.
  assert.equal(await code(() => create({ SnapshotId: snap }, fx.ec2(ACCOUNT_B))), "InvalidSnapshot.NotFound");
  // A snapshot of an encrypted volume is encrypted, and so is a volume made of it.
  server.clock.advance(T + 1);
  const enc = await create({ Size: 10, Encrypted: true });
  server.clock.advance(T + 1);
  const encSnap = await a.send(new CreateSnapshotCommand({ VolumeId: enc.VolumeId! }));
  server.clock.advance(10 * T);
  const restored = await create({ SnapshotId: encSnap.SnapshotId! });
  assert.equal(restored.Encrypted, true);
  assert.equal(restored.KmsKeyId, enc.KmsKeyId);
  // A provisioned initialization rate, only for a volume made from a snapshot.
  assert.equal((await create({ SnapshotId: snap, VolumeInitializationRate: 200 })).VolumeInitializationRate, 200);
  assert.equal(await code(() => create({ SnapshotId: snap, VolumeInitializationRate: 50 })), "InvalidParameterValue");
  assert.equal(await code(() => create({ Size: 8, VolumeInitializationRate: 200 })), "InvalidParameterDependency");
});

test("CreateVolume: a client token makes one volume; DryRun makes none", async () => {
  const first = await create({ Size: 10, ClientToken: "vol-token-1" });
  const again = await create({ Size: 10, ClientToken: "vol-token-1" });
  assert.equal(again.VolumeId, first.VolumeId);
  assert.equal(await code(() => create({ Size: 20, ClientToken: "vol-token-1" })), "IdempotentParameterMismatch");
  assert.equal(await code(() => create({ Size: 10, DryRun: true })), "DryRunOperation");
  assert.equal((await a.send(new DescribeVolumesCommand({}))).Volumes!.length, 1);
});

test("Encryption by default: new volumes encrypted with the default key, per account and Region", async () => {
  assert.deepEqual((await a.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault, false);
  const awsManaged = `arn:aws:kms:us-east-1:${ACCOUNT_A}:alias/aws/ebs`;
  assert.equal((await a.send(new GetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId, awsManaged);
  assert.equal((await create({ Size: 1 })).Encrypted, false);
  assert.equal((await a.send(new EnableEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault, true);
  assert.equal((await a.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault, true);
  const v = await create({ Size: 1 });
  assert.equal(v.Encrypted, true);
  assert.match(v.KmsKeyId!, new RegExp(`^arn:aws:kms:us-east-1:${ACCOUNT_A}:key/[0-9a-f-]{36}$`));
  // The same default key every time; a key given is used instead, and needs no Encrypted then.
  assert.equal((await create({ Size: 1 })).KmsKeyId, v.KmsKeyId);
  const key = "1234abcd-12ab-34cd-56ef-1234567890ab";
  assert.equal((await create({ Size: 1, KmsKeyId: key })).KmsKeyId, `arn:aws:kms:us-east-1:${ACCOUNT_A}:key/${key}`);
  // Another default key.
  const changed = await a.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: "alias/team-key" }));
  assert.equal(changed.KmsKeyId, `arn:aws:kms:us-east-1:${ACCOUNT_A}:alias/team-key`);
  const withTeamKey = await create({ Size: 1 });
  assert.notEqual(withTeamKey.KmsKeyId, v.KmsKeyId);
  assert.equal(await code(() => a.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: "team key" }))), "InvalidParameterValue");
  assert.equal((await a.send(new ResetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId, awsManaged);
  assert.equal((await create({ Size: 1 })).KmsKeyId, v.KmsKeyId);
  // Only this account and Region.
  assert.equal((await fx.ec2(ACCOUNT_B).send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault, false);
  assert.equal((await fx.ec2(ACCOUNT_A, "us-west-2").send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault, false);
  assert.equal((await a.send(new DisableEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault, false);
  assert.equal((await create({ Size: 1 })).Encrypted, false);
  // Existing volumes keep theirs.
  assert.equal((await volume(v.VolumeId!)).Encrypted, true);
});

test("AttachVolume and DetachVolume: attaching, attached, detaching, available, on the clock", async () => {
  const inst = await instance();
  const { VolumeId } = await create({ Size: 10, VolumeType: "gp3" });
  assert.equal(await code(() => a.send(new AttachVolumeCommand({ VolumeId, InstanceId: inst, Device: "/dev/sdf" }))), "IncorrectState");
  server.clock.advance(T + 1);
  const att = await a.send(new AttachVolumeCommand({ VolumeId, InstanceId: inst, Device: "/dev/sdf" }));
  assert.deepEqual(
    [att.VolumeId, att.InstanceId, att.Device, att.State, att.DeleteOnTermination],
    [VolumeId, inst, "/dev/sdf", "attaching", false],
  );
  let v = await volume(VolumeId!);
  assert.equal(v.State, "in-use");
  assert.equal(v.Attachments![0].State, "attaching");
  server.clock.advance(T + 1);
  v = await volume(VolumeId!);
  assert.equal(v.Attachments![0].State, "attached");
  const byInstance = await a.send(new DescribeVolumesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [inst] }] }));
  assert.ok(byInstance.Volumes!.some((x) => x.VolumeId === VolumeId));
  const seen = (await a.send(new DescribeInstancesCommand({ InstanceIds: [inst] }))).Reservations![0].Instances![0];
  assert.ok(seen.BlockDeviceMappings!.some((m) => m.DeviceName === "/dev/sdf" && m.Ebs!.VolumeId === VolumeId));
  assert.equal(await code(() => a.send(new DeleteVolumeCommand({ VolumeId }))), "VolumeInUse");
  assert.equal(await code(() => a.send(new AttachVolumeCommand({ VolumeId, InstanceId: inst, Device: "/dev/sdg" }))), "VolumeInUse");

  const det = await a.send(new DetachVolumeCommand({ VolumeId }));
  assert.deepEqual([det.State, det.InstanceId, det.Device], ["detaching", inst, "/dev/sdf"]);
  assert.equal((await volume(VolumeId!)).Attachments![0].State, "detaching");
  server.clock.advance(T + 1);
  v = await volume(VolumeId!);
  assert.deepEqual([v.State, v.Attachments], ["available", []]);
  assert.equal(await code(() => a.send(new DetachVolumeCommand({ VolumeId }))), "IncorrectState");
  // Forced: available at once.
  await a.send(new AttachVolumeCommand({ VolumeId, InstanceId: inst, Device: "/dev/sdh" }));
  await a.send(new DetachVolumeCommand({ VolumeId, Force: true }));
  assert.equal((await volume(VolumeId!)).State, "available");
  await a.send(new DeleteVolumeCommand({ VolumeId }));
});

test("AttachVolume refusals: zone, device names, instance state, root volume detachment", async () => {
  const inst = await instance();
  const other = await create({ Size: 1, AvailabilityZone: "us-east-1b" });
  const { VolumeId } = await create({ Size: 1 });
  server.clock.advance(T + 1);
  const zone = await rejection(() => a.send(new AttachVolumeCommand({ VolumeId: other.VolumeId, InstanceId: inst, Device: "/dev/sdf" })));
  assert.equal(zone.name, "InvalidVolume.ZoneMismatch");
  for (const bad of ["sdf", "/dev/sdf16", "/dev/nvme1n1", "/dev/vdb", "C:"]) {
    const e = await rejection(() => a.send(new AttachVolumeCommand({ VolumeId, InstanceId: inst, Device: bad })));
    assert.equal(e.name, "InvalidParameterValue", bad);
    assert.match(e.message, /is not a valid EBS device name/);
  }
  const root = (await a.send(new DescribeInstancesCommand({ InstanceIds: [inst] }))).Reservations![0].Instances![0];
  const rootDevice = root.RootDeviceName!;
  const used = await rejection(() => a.send(new AttachVolumeCommand({ VolumeId, InstanceId: inst, Device: rootDevice })));
  assert.equal(used.name, "InvalidParameterValue");
  assert.match(used.message, /already in use/);
  assert.equal(
    await code(() => a.send(new AttachVolumeCommand({ VolumeId, InstanceId: "i-0123456789abcdef0", Device: "/dev/sdf" }))),
    "InvalidInstanceID.NotFound",
  );
  assert.equal(
    await code(() => a.send(new AttachVolumeCommand({ VolumeId: "vol-0123456789abcdef0", InstanceId: inst, Device: "/dev/sdf" }))),
    "InvalidVolume.NotFound",
  );
  const rootVolume = root.BlockDeviceMappings!.find((m) => m.DeviceName === rootDevice)!.Ebs!.VolumeId!;
  assert.equal(await code(() => a.send(new DetachVolumeCommand({ VolumeId: rootVolume }))), "IncorrectState");
  assert.equal(
    await code(() => a.send(new DetachVolumeCommand({ VolumeId: rootVolume, InstanceId: inst, Device: "/dev/sdz" }))),
    "InvalidAttachment.NotFound",
  );
  await a.send(new StopInstancesCommand({ InstanceIds: [inst] }));
  const stopping = await rejection(() => a.send(new AttachVolumeCommand({ VolumeId, InstanceId: inst, Device: "/dev/sdf" })));
  assert.equal(stopping.name, "IncorrectInstanceState");
  server.clock.advance(T + 1);
  // Stopped: volumes attach, and the root volume detaches.
  await a.send(new AttachVolumeCommand({ VolumeId, InstanceId: inst, Device: "/dev/sdf" }));
  const det = await a.send(new DetachVolumeCommand({ VolumeId: rootVolume }));
  assert.equal(det.State, "detaching");
});

test("ModifyVolume: modifying, optimizing, completed; one at a time, four a day, never smaller", async () => {
  const { VolumeId } = await create({ Size: 10, VolumeType: "gp2" });
  assert.equal(await code(() => a.send(new ModifyVolumeCommand({ VolumeId, Size: 20 }))), "IncorrectState", "still creating");
  server.clock.advance(T + 1);
  const { VolumeModification: m } = await a.send(new ModifyVolumeCommand({ VolumeId, Size: 20, VolumeType: "gp3" }));
  assert.deepEqual(
    [m!.ModificationState, m!.OriginalSize, m!.TargetSize, m!.OriginalVolumeType, m!.TargetVolumeType, m!.OriginalIops, m!.TargetIops],
    ["modifying", 10, 20, "gp2", "gp3", 100, 3000],
  );
  assert.equal(m!.TargetThroughput, 125);
  const v = await volume(VolumeId!);
  assert.deepEqual([v.Size, v.VolumeType, v.Iops, v.Throughput], [20, "gp3", 3000, 125]);
  const busy = await rejection(() => a.send(new ModifyVolumeCommand({ VolumeId, Size: 30 })));
  assert.equal(busy.name, "IncorrectModificationState");
  server.clock.advance(T + 1);
  let [d] = (await a.send(new DescribeVolumesModificationsCommand({ VolumeIds: [VolumeId!] }))).VolumesModifications!;
  assert.equal(d.ModificationState, "optimizing");
  server.clock.advance(T + 1);
  [d] = (await a.send(new DescribeVolumesModificationsCommand({ VolumeIds: [VolumeId!] }))).VolumesModifications!;
  assert.equal(d.ModificationState, "completed");
  assert.equal(d.Progress, 100);
  assert.ok(d.EndTime);
  const smaller = await rejection(() => a.send(new ModifyVolumeCommand({ VolumeId, Size: 10 })));
  assert.equal(smaller.name, "InvalidParameterValue");
  assert.match(smaller.message, /cannot be smaller/);
  assert.equal(await code(() => a.send(new ModifyVolumeCommand({ VolumeId, Iops: 20000 }))), "InvalidParameterValue");
  assert.equal(await code(() => a.send(new ModifyVolumeCommand({ VolumeId }))), "MissingParameter");
  // Three more within the day, then the fifth is refused until a day after the first.
  for (const Throughput of [200, 300, 400]) {
    await a.send(new ModifyVolumeCommand({ VolumeId, Throughput }));
    server.clock.advance(2 * T + 1);
  }
  const rate = await rejection(() => a.send(new ModifyVolumeCommand({ VolumeId, Throughput: 500 })));
  assert.equal(rate.name, "VolumeModificationRateExceeded");
  server.clock.advance(24 * 3600);
  await a.send(new ModifyVolumeCommand({ VolumeId, Throughput: 500 }));
  const filtered = await a.send(
    new DescribeVolumesModificationsCommand({ Filters: [{ Name: "modification-state", Values: ["modifying"] }] }),
  );
  assert.deepEqual(
    filtered.VolumesModifications!.map((x) => [x.VolumeId, x.TargetThroughput, x.OriginalThroughput]),
    [[VolumeId, 500, 400]],
  );
  const never = await create({ Size: 1 });
  assert.equal(
    await code(() => a.send(new DescribeVolumesModificationsCommand({ VolumeIds: [never.VolumeId!] }))),
    "InvalidVolumeModification.NotFound",
  );
});

test("Volume attributes and status: autoEnableIO, productCodes, status checks", async () => {
  const { VolumeId } = await create({ Size: 1 });
  const attr = await a.send(new DescribeVolumeAttributeCommand({ VolumeId, Attribute: "autoEnableIO" }));
  assert.deepEqual(attr.AutoEnableIO, { Value: false });
  await a.send(new ModifyVolumeAttributeCommand({ VolumeId, AutoEnableIO: { Value: true } }));
  assert.deepEqual((await a.send(new DescribeVolumeAttributeCommand({ VolumeId, Attribute: "autoEnableIO" }))).AutoEnableIO, {
    Value: true,
  });
  assert.deepEqual((await a.send(new DescribeVolumeAttributeCommand({ VolumeId, Attribute: "productCodes" }))).ProductCodes, []);
  assert.equal(await code(() => a.send(new ModifyVolumeAttributeCommand({ VolumeId }))), "MissingParameter");
  let [s] = (await a.send(new DescribeVolumeStatusCommand({ VolumeIds: [VolumeId!] }))).VolumeStatuses!;
  assert.equal(s.VolumeStatus!.Status, "insufficient-data");
  server.clock.advance(T + 1);
  [s] = (await a.send(new DescribeVolumeStatusCommand({}))).VolumeStatuses!;
  assert.equal(s.VolumeStatus!.Status, "ok");
  assert.deepEqual(s.VolumeStatus!.Details![0], { Name: "io-enabled", Status: "passed" });
  const ok = await a.send(new DescribeVolumeStatusCommand({ Filters: [{ Name: "volume-status.status", Values: ["impaired"] }] }));
  assert.deepEqual(ok.VolumeStatuses, []);
});

test("DescribeVolumes: every documented filter answers, ids with MaxResults are refused", async () => {
  const { VolumeId } = await create({ Size: 4, VolumeType: "io2", Iops: 400, MultiAttachEnabled: true, Encrypted: true });
  await create({ Size: 5 });
  const cases: [string, string, number][] = [
    ["volume-id", VolumeId!, 1],
    ["volume-id", "vol-*", 2],
    ["size", "4", 1],
    ["volume-type", "io2", 1],
    ["encrypted", "true", 1],
    ["multi-attach-enabled", "true", 1],
    ["availability-zone", "us-east-1a", 2],
    ["availability-zone-id", "use1-az1", 2],
    ["status", "creating", 2],
    ["fast-restored", "false", 2],
    ["attachment.status", "attached", 0],
    ["attachment.instance-id", "i-0123456789abcdef0", 0],
    ["create-time", "2026-11-23T12:00:00.000Z", 2],
  ];
  for (const [Name, value, n] of cases) {
    const r = await a.send(new DescribeVolumesCommand({ Filters: [{ Name, Values: [value] }] }));
    assert.equal(r.Volumes!.length, n, `${Name}=${value}`);
  }
  assert.equal(
    await code(() => a.send(new DescribeVolumesCommand({ VolumeIds: [VolumeId!], MaxResults: 5 }))),
    "InvalidParameterCombination",
  );
});

test("Encryption by default: a launch's volumes are encrypted with the default key", async () => {
  await a.send(new EnableEbsEncryptionByDefaultCommand({}));
  const inst = await instance();
  const vols = (await a.send(new DescribeVolumesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [inst] }] }))).Volumes!;
  assert.ok(vols.length > 0);
  const defaultKey = (await create({ Size: 1 })).KmsKeyId;
  for (const v of vols) assert.deepEqual([v.Encrypted, v.KmsKeyId], [true, defaultKey]);
});

test("Multi-Attach: an io2 volume attaches to several instances, in use until the last lets go", async () => {
  const first = await instance();
  const image = (await a.send(new DescribeInstancesCommand({ InstanceIds: [first] }))).Reservations![0].Instances![0].ImageId!;
  const { Instances } = await a.send(
    new RunInstancesCommand({ ImageId: image, MinCount: 2, MaxCount: 2, Placement: { AvailabilityZone: "us-east-1a" } }),
  );
  server.clock.advance(T + 1);
  const [second, third] = Instances!.map((i) => i.InstanceId!);
  const { VolumeId } = await create({ Size: 10, VolumeType: "io2", Iops: 1000, MultiAttachEnabled: true });
  const single = await create({ Size: 10, VolumeType: "io2", Iops: 1000 });
  server.clock.advance(T + 1);
  await a.send(new AttachVolumeCommand({ VolumeId, InstanceId: first, Device: "/dev/sdf" }));
  await a.send(new AttachVolumeCommand({ VolumeId, InstanceId: second, Device: "/dev/sdg" }));
  await a.send(new AttachVolumeCommand({ VolumeId: single.VolumeId, InstanceId: first, Device: "/dev/sdh" }));
  assert.equal(
    await code(() => a.send(new AttachVolumeCommand({ VolumeId: single.VolumeId, InstanceId: second, Device: "/dev/sdh" }))),
    "VolumeInUse",
  );
  assert.equal(await code(() => a.send(new AttachVolumeCommand({ VolumeId, InstanceId: first, Device: "/dev/sdi" }))), "VolumeInUse");
  server.clock.advance(T + 1);
  let v = await volume(VolumeId!);
  assert.deepEqual(
    v.Attachments!.map((x) => [x.InstanceId, x.Device, x.State]).sort(),
    [
      [first, "/dev/sdf", "attached"],
      [second, "/dev/sdg", "attached"],
    ].sort(),
  );
  for (const inst of [first, second]) {
    const found = await a.send(new DescribeVolumesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [inst] }] }));
    assert.ok(
      found.Volumes!.some((x) => x.VolumeId === VolumeId),
      inst,
    );
    const seen = (await a.send(new DescribeInstancesCommand({ InstanceIds: [inst] }))).Reservations![0].Instances![0];
    assert.ok(seen.BlockDeviceMappings!.some((m) => m.Ebs!.VolumeId === VolumeId));
  }
  assert.equal(await code(() => a.send(new DetachVolumeCommand({ VolumeId }))), "MissingParameter");
  assert.equal(await code(() => a.send(new ModifyVolumeCommand({ VolumeId, MultiAttachEnabled: false }))), "IncorrectState");
  // Its second instance terminates: still in use by the first; detached from it, available.
  await a.send(new AttachVolumeCommand({ VolumeId, InstanceId: third, Device: "/dev/sdj" }));
  server.clock.advance(T + 1);
  await a.send(new TerminateInstancesCommand({ InstanceIds: [second] }));
  server.clock.advance(T + 1);
  v = await volume(VolumeId!);
  assert.equal(v.State, "in-use");
  assert.deepEqual(v.Attachments!.map((x) => x.InstanceId).sort(), [first, third].sort());
  await a.send(new DetachVolumeCommand({ VolumeId, InstanceId: third }));
  server.clock.advance(T + 1);
  v = await volume(VolumeId!);
  assert.deepEqual([v.State, v.Attachments!.map((x) => x.InstanceId)], ["in-use", [first]]);
  await a.send(new DetachVolumeCommand({ VolumeId }));
  server.clock.advance(T + 1);
  v = await volume(VolumeId!);
  assert.deepEqual([v.State, v.Attachments], ["available", []]);
});
