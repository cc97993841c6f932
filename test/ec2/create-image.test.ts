// CreateImage through the AWS SDK ("CreateImage" API reference; user guide "Create an Amazon EBS-backed AMI"):
// from a running or stopped instance, pending → available on the clock, one snapshot per attached EBS volume,
// the properties of the instance, tags for the image and its snapshots, block device mappings, the refusals,
// and launching the new AMI.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateImageCommand,
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type CreateImageCommandInput,
  type EC2Client,
  type Image,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, useServer } from "../support/server";

let server: Imagelite;
let a: EC2Client;
let b: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

/** The newest public Amazon Linux 2023 x86_64 AMI of the catalog. */
async function al2023(client = a): Promise<Image> {
  const { Images } = await client.send(
    new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: ["al2023-ami-2023*-x86_64"] }] }),
  );
  return Images!.sort((x, y) => (x.CreationDate! < y.CreationDate! ? 1 : -1))[0];
}

/** A running instance with its root volume and a second, 20 GiB gp3 volume at /dev/sdf. */
async function runningInstance(imageId?: string, client = a): Promise<string> {
  const r = await client.send(
    new RunInstancesCommand({
      ImageId: imageId ?? (await al2023(client)).ImageId,
      MinCount: 1,
      MaxCount: 1,
      InstanceType: "t3.micro",
      BlockDeviceMappings: [{ DeviceName: "/dev/sdf", Ebs: { VolumeSize: 20, VolumeType: "gp3", DeleteOnTermination: false } }],
    }),
  );
  server.clock.advance(T + 1);
  return r.Instances![0].InstanceId!;
}

const createImage = async (input: Partial<CreateImageCommandInput>, client = a) =>
  (await client.send(new CreateImageCommand({ Name: "made-from-instance", ...input } as CreateImageCommandInput))).ImageId!;
const image = async (id: string, client = a) => (await client.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images![0];
const instanceState = async (id: string) =>
  (await a.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0].Instances![0].State!.Name;

test("CreateImage from a running instance: pending then available, with the instance's properties and one snapshot per volume", async () => {
  const source = await al2023();
  const instanceId = await runningInstance(source.ImageId);
  const imageId = await createImage({ InstanceId: instanceId, Description: "golden" });
  assert.match(imageId, /^ami-[0-9a-f]{17}$/);
  let img = await image(imageId);
  assert.equal(img.State, "pending");
  // The reboot that CreateImage makes without NoReboot leaves the instance running.
  assert.equal(await instanceState(instanceId), "running");
  assert.equal(img.Name, "made-from-instance");
  assert.equal(img.Description, "golden");
  assert.equal(img.OwnerId, ACCOUNT_A);
  assert.equal(img.ImageLocation, `${ACCOUNT_A}/made-from-instance`);
  assert.equal(img.SourceInstanceId, instanceId);
  assert.equal(img.Public, false);
  for (const k of [
    "Architecture",
    "PlatformDetails",
    "UsageOperation",
    "VirtualizationType",
    "RootDeviceName",
    "EnaSupport",
    "BootMode",
  ] as const) {
    assert.deepEqual(img[k], source[k], k);
  }
  assert.equal(img.Platform, undefined);
  assert.equal(img.RootDeviceType, "ebs");
  const [root, data] = img.BlockDeviceMappings!;
  assert.equal(root.DeviceName, "/dev/xvda");
  assert.equal(root.Ebs!.VolumeSize, 8);
  assert.equal(root.Ebs!.VolumeType, "gp3");
  assert.equal(root.Ebs!.DeleteOnTermination, true);
  assert.deepEqual(
    { ...data, Ebs: { ...data.Ebs, SnapshotId: undefined } },
    {
      DeviceName: "/dev/sdf",
      Ebs: {
        DeleteOnTermination: false,
        VolumeSize: 20,
        VolumeType: "gp3",
        Iops: 3000,
        Throughput: 125,
        Encrypted: false,
        SnapshotId: undefined,
      },
    },
  );
  assert.match(root.Ebs!.SnapshotId!, /^snap-[0-9a-f]{17}$/);
  assert.match(data.Ebs!.SnapshotId!, /^snap-[0-9a-f]{17}$/);
  assert.notEqual(root.Ebs!.SnapshotId, data.Ebs!.SnapshotId);
  server.clock.advance(2 * T - 1);
  assert.equal((await image(imageId)).State, "pending", "the amiCreate phase lasts 2 × T");
  server.clock.advance(2);
  img = await image(imageId);
  assert.equal(img.State, "available");
  assert.equal(
    (await a.send(new DescribeImagesCommand({ Filters: [{ Name: "name", Values: ["made-from-instance"] }] }))).Images![0].ImageId,
    imageId,
  );
});

test("CreateImage from a stopped instance, with NoReboot; the new AMI launches with its volumes", async () => {
  const instanceId = await runningInstance();
  await a.send(new StopInstancesCommand({ InstanceIds: [instanceId] }));
  server.clock.advance(T + 1);
  assert.equal(await instanceState(instanceId), "stopped");
  const imageId = await createImage({ InstanceId: instanceId, NoReboot: true, Name: "from-stopped" });
  assert.equal(await instanceState(instanceId), "stopped");
  const e = await rejection(() => a.send(new RunInstancesCommand({ ImageId: imageId, MinCount: 1, MaxCount: 1 })));
  assert.equal(e.name, "InvalidAMIID.Unavailable", "a pending AMI cannot be launched");
  server.clock.advance(2 * T + 1);
  const r = await a.send(new RunInstancesCommand({ ImageId: imageId, MinCount: 1, MaxCount: 1, InstanceType: "t3.micro" }));
  const launched = r.Instances![0];
  assert.equal(launched.ImageId, imageId);
  assert.equal(launched.State!.Name, "pending");
  server.clock.advance(T + 1);
  const [desc] = (await a.send(new DescribeInstancesCommand({ InstanceIds: [launched.InstanceId!] }))).Reservations![0].Instances!;
  assert.equal(desc.State!.Name, "running");
  assert.deepEqual(
    desc.BlockDeviceMappings!.map((m) => [m.DeviceName, m.Ebs!.DeleteOnTermination]),
    [
      ["/dev/sdf", false],
      ["/dev/xvda", true],
    ].sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : 1)),
  );
});

test("CreateImage: block device mappings leave a volume out, add one, and change DeleteOnTermination only", async () => {
  const instanceId = await runningInstance();
  const imageId = await createImage({
    InstanceId: instanceId,
    BlockDeviceMappings: [
      { DeviceName: "/dev/sdf", NoDevice: "" },
      { DeviceName: "/dev/xvda", Ebs: { DeleteOnTermination: false } },
      { DeviceName: "/dev/sdg", Ebs: { VolumeSize: 50 } },
      { DeviceName: "/dev/sdb", VirtualName: "ephemeral0" },
    ],
  });
  const img = await image(imageId);
  assert.deepEqual(
    img.BlockDeviceMappings!.map((m) => [m.DeviceName, m.Ebs?.DeleteOnTermination, m.Ebs?.VolumeSize, m.VirtualName]),
    [
      ["/dev/xvda", false, 8, undefined],
      ["/dev/sdg", true, 50, undefined],
      ["/dev/sdb", undefined, undefined, "ephemeral0"],
    ],
  );
  const e = await rejection(() =>
    createImage({ InstanceId: instanceId, Name: "resized", BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 100 } }] }),
  );
  assert.equal(e.name, "InvalidBlockDeviceMapping", "CreateImage cannot change the size of an existing volume");
});

test("CreateImage refusals: unknown, malformed and another account's instance; wrong states; names taken or malformed; tag types", async () => {
  let e = await rejection(() => createImage({ InstanceId: "i-0123456789abcdef0" }));
  assert.equal(e.name, "InvalidInstanceID.NotFound");
  e = await rejection(() => createImage({ InstanceId: "i-nope" }));
  assert.equal(e.name, "InvalidInstanceID.Malformed");
  const source = (await al2023()).ImageId!;
  const r = await a.send(new RunInstancesCommand({ ImageId: source, MinCount: 1, MaxCount: 1 }));
  const pendingId = r.Instances![0].InstanceId!;
  e = await rejection(() => createImage({ InstanceId: pendingId }));
  assert.equal(e.name, "IncorrectInstanceState", "a pending instance cannot be imaged");
  server.clock.advance(T + 1);
  e = await rejection(() => createImage({ InstanceId: pendingId }, b));
  assert.equal(e.name, "InvalidInstanceID.NotFound", "another account's instance is unknown to the caller");
  await a.send(new StopInstancesCommand({ InstanceIds: [pendingId] }));
  e = await rejection(() => createImage({ InstanceId: pendingId }));
  assert.equal(e.name, "IncorrectInstanceState", "a stopping instance cannot be imaged");
  server.clock.advance(T + 1);
  await createImage({ InstanceId: pendingId, Name: "taken" });
  e = await rejection(() => createImage({ InstanceId: pendingId, Name: "taken" }));
  assert.equal(e.name, "InvalidAMIName.Duplicate");
  e = await rejection(() => createImage({ InstanceId: pendingId, Name: "bad*name" }));
  assert.equal(e.name, "InvalidAMIName.Malformed");
  e = await rejection(() =>
    createImage({
      InstanceId: pendingId,
      Name: "tagged",
      TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "k", Value: "v" }] }],
    }),
  );
  assert.equal(e.name, "InvalidParameterValue");
  await a.send(new TerminateInstancesCommand({ InstanceIds: [pendingId] }));
  e = await rejection(() => createImage({ InstanceId: pendingId, Name: "from-terminating" }));
  assert.equal(e.name, "IncorrectInstanceState");
  server.clock.advance(T + 1);
  e = await rejection(() => createImage({ InstanceId: pendingId, Name: "from-terminated" }));
  assert.equal(e.name, "IncorrectInstanceState");
  assert.deepEqual(
    (await a.send(new DescribeImagesCommand({ Owners: ["self"] }))).Images!.map((i) => i.Name),
    ["taken"],
  );
});

test("LastLaunchedTime: a launch of the AMI shows a day later (Image reference: a 24-hour delay), by DescribeImages and the attribute", async () => {
  const instanceId = await runningInstance();
  const imageId = await createImage({ InstanceId: instanceId, NoReboot: true });
  server.clock.advance(2 * T + 1);
  assert.equal((await image(imageId)).LastLaunchedTime, undefined);
  const launchedAt = server.clock.now().toISOString();
  await a.send(new RunInstancesCommand({ ImageId: imageId, MinCount: 1, MaxCount: 1 }));
  server.clock.advance(3600);
  assert.equal((await image(imageId)).LastLaunchedTime, undefined, "not reported within the day");
  server.clock.advance(23 * 3600);
  assert.equal((await image(imageId)).LastLaunchedTime, launchedAt);
  server.clock.advance(10);
  await a.send(new RunInstancesCommand({ ImageId: imageId, MinCount: 1, MaxCount: 1 }));
  assert.equal((await image(imageId)).LastLaunchedTime, launchedAt, "the earlier launch stays reported until the new one is a day old");
  const attr = await a.send(new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: "lastLaunchedTime" }));
  assert.deepEqual(attr.LastLaunchedTime, { Value: launchedAt });
});

test("CreateImage snapshots: one per attached volume, pending until the AMI is available, tagged, in use by the AMI", async () => {
  const instanceId = await runningInstance();
  const [root, data] = (
    await a.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))
  ).Reservations![0].Instances![0].BlockDeviceMappings!.sort((x, y) =>
    x.DeviceName === "/dev/xvda" ? -1 : y.DeviceName === "/dev/xvda" ? 1 : 0,
  );
  const imageId = await createImage({
    InstanceId: instanceId,
    TagSpecifications: [
      { ResourceType: "image", Tags: [{ Key: "team", Value: "blue" }] },
      { ResourceType: "snapshot", Tags: [{ Key: "team", Value: "blue" }] },
    ],
  });
  const img = await image(imageId);
  const ids = img.BlockDeviceMappings!.map((m) => m.Ebs!.SnapshotId!);
  const snapshots = async () =>
    (await a.send(new DescribeSnapshotsCommand({ SnapshotIds: ids }))).Snapshots!.sort(
      (x, y) => ids.indexOf(x.SnapshotId!) - ids.indexOf(y.SnapshotId!),
    );
  let snaps = await snapshots();
  assert.deepEqual(
    snaps.map((s) => [s.VolumeId, s.VolumeSize, s.State, s.OwnerId, s.Encrypted, s.Description]),
    [
      [root.Ebs!.VolumeId, 8, "pending", ACCOUNT_A, false, `Created by CreateImage(${instanceId}) for ${imageId}`],
      [data.Ebs!.VolumeId, 20, "pending", ACCOUNT_A, false, `Created by CreateImage(${instanceId}) for ${imageId}`],
    ],
  );
  for (const s of snaps) assert.deepEqual(s.Tags, [{ Key: "team", Value: "blue" }]);
  assert.deepEqual(img.Tags, [{ Key: "team", Value: "blue" }]);
  server.clock.advance(2 * T - 1);
  assert.equal((await image(imageId)).State, "pending");
  assert.deepEqual(
    (await snapshots()).map((s) => s.State),
    ["pending", "pending"],
  );
  server.clock.advance(2);
  assert.equal((await image(imageId)).State, "available");
  snaps = await snapshots();
  assert.deepEqual(
    snaps.map((s) => s.State),
    ["completed", "completed"],
  );
  const e = await rejection(() => a.send(new DeleteSnapshotCommand({ SnapshotId: ids[0] })));
  assert.equal(e.name, "InvalidSnapshot.InUse");
  const { DeleteSnapshotResults } = await a.send(new DeregisterImageCommand({ ImageId: imageId, DeleteAssociatedSnapshots: true }));
  assert.deepEqual(
    DeleteSnapshotResults!.map((r) => r.ReturnCode),
    ["success", "success"],
  );
  assert.deepEqual((await a.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots, []);
});

test("CreateImage: an added volume from a snapshot takes its size; an unknown snapshot is refused", async () => {
  const instanceId = await runningInstance();
  const first = await createImage({ InstanceId: instanceId, NoReboot: true, Name: "first" });
  server.clock.advance(2 * T + 1);
  const data = (await image(first)).BlockDeviceMappings!.find((m) => m.DeviceName === "/dev/sdf")!.Ebs!.SnapshotId!;
  const second = await createImage({
    InstanceId: instanceId,
    NoReboot: true,
    Name: "second",
    BlockDeviceMappings: [{ DeviceName: "/dev/sdh", Ebs: { SnapshotId: data } }],
  });
  const added = (await image(second)).BlockDeviceMappings!.find((m) => m.DeviceName === "/dev/sdh")!;
  assert.equal(added.Ebs!.SnapshotId, data);
  assert.equal(added.Ebs!.VolumeSize, 20);
  const e = await rejection(() =>
    createImage({
      InstanceId: instanceId,
      Name: "third",
      BlockDeviceMappings: [{ DeviceName: "/dev/sdh", Ebs: { SnapshotId: "snap-0123456789abcdef0" } }],
    }),
  );
  assert.equal(e.name, "InvalidSnapshot.NotFound");
});
