// EBS volumes of instances through the AWS SDK: one per EBS block device of the AMI after RunInstances'
// overrides (NoDevice, size, type), their defaults per volume type, creating → in-use, DeleteOnTermination
// on termination (deleted, or available and detached), DeleteVolume (VolumeInUse, unknown, malformed),
// DescribeVolumes filters and paging, and tags given at launch.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  DeleteVolumeCommand,
  DescribeVolumesCommand,
  ModifyInstanceAttributeCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
  type RunInstancesCommandInput,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, rejection, T, useServer } from "../support/server";
import { ownSnapshot, registerAmi } from "./helpers";

let server: Imagelite;
let a: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
});

/** The root snapshot of the last AMI made by ami(). */
let SNAP = "";

/** An AMI with a root volume and two data volumes, one of them kept after termination. */
async function ami(): Promise<string> {
  SNAP = await ownSnapshot(a);
  const id = await registerAmi(a, "three-disks", {
    BlockDeviceMappings: [
      { DeviceName: "/dev/xvda", Ebs: { SnapshotId: SNAP, VolumeSize: 8 } },
      { DeviceName: "/dev/sdb", Ebs: { VolumeSize: 20, VolumeType: "gp3", DeleteOnTermination: false } },
      { DeviceName: "/dev/sdc", Ebs: { VolumeSize: 5, VolumeType: "st1" } },
    ],
  });
  server.clock.advance(T + 1);
  return id;
}

const run = async (input: Partial<RunInstancesCommandInput>) =>
  (await a.send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1, ...input } as RunInstancesCommandInput))).Instances![0];

const volumesOf = async (instanceId: string) =>
  (await a.send(new DescribeVolumesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [instanceId] }] }))).Volumes!;

test("RunInstances makes a volume per EBS mapping, with the request's overrides and the type's defaults", async () => {
  const image = await ami();
  const inst = await run({
    ImageId: image,
    Placement: { AvailabilityZone: "us-east-1c" },
    BlockDeviceMappings: [
      { DeviceName: "/dev/xvda", Ebs: { VolumeSize: 30 } },
      { DeviceName: "/dev/sdc", NoDevice: "" },
      { DeviceName: "/dev/sdd", Ebs: { VolumeSize: 100, VolumeType: "io2", Iops: 5000, Encrypted: true } },
    ],
    TagSpecifications: [{ ResourceType: "volume", Tags: [{ Key: "disk", Value: "yes" }] }],
  });
  assert.deepEqual(
    inst.BlockDeviceMappings!.map((m) => m.DeviceName),
    ["/dev/sdb", "/dev/sdd", "/dev/xvda"],
  );
  const vols = new Map((await volumesOf(inst.InstanceId!)).map((v) => [v.Attachments![0].Device, v]));
  assert.equal(vols.size, 3);
  const root = vols.get("/dev/xvda")!;
  assert.match(root.VolumeId!, /^vol-[0-9a-f]{17}$/);
  assert.equal(root.Size, 30);
  assert.equal(root.SnapshotId, SNAP);
  assert.equal(root.VolumeType, "gp2");
  assert.equal(root.Iops, 100);
  assert.equal(root.State, "creating");
  assert.equal(root.AvailabilityZone, "us-east-1c");
  assert.equal(root.Encrypted, false);
  assert.deepEqual(root.Tags, [{ Key: "disk", Value: "yes" }]);
  assert.deepEqual(
    { ...root.Attachments![0], AttachTime: undefined },
    {
      VolumeId: root.VolumeId,
      InstanceId: inst.InstanceId,
      Device: "/dev/xvda",
      State: "attached",
      DeleteOnTermination: true,
      AttachTime: undefined,
    },
  );
  const data = vols.get("/dev/sdb")!;
  assert.deepEqual([data.VolumeType, data.Iops, data.Throughput, data.Attachments![0].DeleteOnTermination], ["gp3", 3000, 125, false]);
  const io = vols.get("/dev/sdd")!;
  assert.deepEqual([io.VolumeType, io.Iops, io.Encrypted, io.SnapshotId], ["io2", 5000, true, ""]);
  server.clock.advance(T + 1);
  assert.equal((await volumesOf(inst.InstanceId!))[0].State, "in-use");
});

test("RunInstances refuses a root volume smaller than its snapshot and a new device without a size", async () => {
  const image = await ami();
  const small = await rejection(() => run({ ImageId: image, BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 4 } }] }));
  assert.equal(small.name, "InvalidBlockDeviceMapping");
  const sizeless = await rejection(() =>
    run({ ImageId: image, BlockDeviceMappings: [{ DeviceName: "/dev/sdf", Ebs: { VolumeType: "gp3" } }] }),
  );
  assert.equal(sizeless.name, "MissingParameter");
});

test("Termination: DeleteOnTermination volumes are deleted, the others become available and detached", async () => {
  const image = await ami();
  const inst = await run({ ImageId: image });
  server.clock.advance(T + 1);
  const before = await volumesOf(inst.InstanceId!);
  const root = before.find((v) => v.Attachments![0].Device === "/dev/xvda")!.VolumeId!;
  const kept = before.find((v) => v.Attachments![0].Device === "/dev/sdb")!.VolumeId!;
  // DeleteOnTermination can be changed through the instance's block device mapping.
  await a.send(
    new ModifyInstanceAttributeCommand({
      InstanceId: inst.InstanceId!,
      BlockDeviceMappings: [{ DeviceName: "/dev/sdc", Ebs: { DeleteOnTermination: false } }],
    }),
  );
  const inUse = await rejection(() => a.send(new DeleteVolumeCommand({ VolumeId: kept })));
  assert.equal(inUse.name, "VolumeInUse");
  assert.equal(inUse.message, `Volume ${kept} is currently attached to ${inst.InstanceId}`);
  const dot = await a.send(new DescribeVolumesCommand({ Filters: [{ Name: "attachment.delete-on-termination", Values: ["true"] }] }));
  assert.deepEqual(
    dot.Volumes!.map((v) => v.VolumeId),
    [root],
  );

  await a.send(new TerminateInstancesCommand({ InstanceIds: [inst.InstanceId!] }));
  const detaching = (await a.send(new DescribeVolumesCommand({ VolumeIds: [kept] }))).Volumes![0];
  assert.equal(detaching.Attachments![0].State, "detaching");
  server.clock.advance(T + 1);
  const after = await a.send(new DescribeVolumesCommand({}));
  const states = new Map(after.Volumes!.map((v) => [v.VolumeId, v]));
  assert.equal(states.get(root)!.State, "deleting");
  assert.equal(states.get(kept)!.State, "available");
  assert.deepEqual(states.get(kept)!.Attachments, []);
  server.clock.advance(T + 1);
  const left = (await a.send(new DescribeVolumesCommand({}))).Volumes!;
  assert.equal(left.length, 2);
  assert.ok(left.every((v) => v.State === "available"));
  const gone = await rejection(() => a.send(new DescribeVolumesCommand({ VolumeIds: [root] })));
  assert.equal(gone.name, "InvalidVolume.NotFound");

  await a.send(new DeleteVolumeCommand({ VolumeId: kept }));
  assert.equal((await a.send(new DescribeVolumesCommand({ VolumeIds: [kept] }))).Volumes![0].State, "deleting");
  server.clock.advance(T + 1);
  assert.equal((await a.send(new DescribeVolumesCommand({ Filters: [{ Name: "status", Values: ["available"] }] }))).Volumes!.length, 1);
});

test("DeleteVolume and DescribeVolumes refusals: unknown and malformed ids", async () => {
  const unknown = await rejection(() => a.send(new DeleteVolumeCommand({ VolumeId: "vol-0123456789abcdef0" })));
  assert.equal(unknown.name, "InvalidVolume.NotFound");
  assert.equal(unknown.message, "The volume 'vol-0123456789abcdef0' does not exist.");
  assert.equal((await rejection(() => a.send(new DeleteVolumeCommand({ VolumeId: "disk-1" })))).name, "InvalidVolumeID.Malformed");
  assert.equal(
    (await rejection(() => a.send(new DescribeVolumesCommand({ VolumeIds: ["vol-0123456789abcdef0"] })))).name,
    "InvalidVolume.NotFound",
  );
});

test("DescribeVolumes: filters by snapshot, tag and status, and pages in id order", async () => {
  const image = await ami();
  await run({ ImageId: image, MaxCount: 3 } as never);
  await a.send(new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1 }));
  const all = (await a.send(new DescribeVolumesCommand({}))).Volumes!;
  assert.equal(all.length, 12);
  const bySnap = await a.send(new DescribeVolumesCommand({ Filters: [{ Name: "snapshot-id", Values: [SNAP] }] }));
  assert.equal(bySnap.Volumes!.length, 4);
  const creating = await a.send(new DescribeVolumesCommand({ Filters: [{ Name: "status", Values: ["creating"] }] }));
  assert.equal(creating.Volumes!.length, 12);
  const seen: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await a.send(new DescribeVolumesCommand({ MaxResults: 5, NextToken }));
    assert.ok(page.Volumes!.length <= 5);
    seen.push(...page.Volumes!.map((v) => v.VolumeId!));
    NextToken = page.NextToken;
  } while (NextToken);
  assert.deepEqual(seen, [...all.map((v) => v.VolumeId!)].sort());
  // A larger MaxResults serves 500 (the AWS CLI asks for 1000); a smaller one than 5 is refused.
  assert.equal((await a.send(new DescribeVolumesCommand({ MaxResults: 1000 }))).Volumes!.length, 12);
  assert.equal((await rejection(() => a.send(new DescribeVolumesCommand({ MaxResults: 4 })))).name, "InvalidParameterValue");
  assert.equal(
    (await rejection(() => a.send(new DescribeVolumesCommand({ Filters: [{ Name: "bogus", Values: ["x"] }] })))).name,
    "InvalidParameterValue",
  );
});
