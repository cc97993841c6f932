// An instance's volumes through the AWS SDK: CreateSnapshots (crash-consistent snapshots of an instance's volumes,
// "Create multi-volume snapshots"), CreateReplaceRootVolumeTask and DescribeReplaceRootVolumeTasks ("Replace the
// root volume for an Amazon EC2 instance", replace-root.html: pending → in-progress → succeeded on the clock; a new
// root volume from the launch state, a snapshot of the root volume or an AMI; the old one detached or deleted),
// and CopyVolumes ("Copy an Amazon EBS volume").
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  AttachVolumeCommand,
  CopyVolumesCommand,
  CreateReplaceRootVolumeTaskCommand,
  CreateSnapshotCommand,
  CreateSnapshotsCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  DescribeInstancesCommand,
  DescribeReplaceRootVolumeTasksCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  RunInstancesCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, rejection, T, useServer } from "../support/server";
import { registerAmi, settle } from "./helpers";

let server: Imagelite;
let a: EC2Client;
const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
});

const ZONE = "us-east-1a";

/** A running instance with its root volume, and a data volume attached as /dev/sdf. */
async function instance(): Promise<{ id: string; image: string; root: string; data: string }> {
  const image = await registerAmi(a, `base-${Math.random().toString(16).slice(2, 8)}`);
  settle(server);
  const { Instances } = await a.send(
    new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: ZONE } }),
  );
  const id = Instances![0].InstanceId!;
  server.clock.advance(T + 1);
  const data = (await a.send(new CreateVolumeCommand({ Size: 20, AvailabilityZone: ZONE }))).VolumeId!;
  server.clock.advance(T + 1);
  await a.send(new AttachVolumeCommand({ VolumeId: data, InstanceId: id, Device: "/dev/sdf" }));
  server.clock.advance(T + 1);
  const root = (await volumesOf(id)).find((v) => v.Attachments![0].Device === "/dev/xvda")!.VolumeId!;
  return { id, image, root, data };
}

const volumesOf = async (instanceId: string) =>
  (await a.send(new DescribeVolumesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [instanceId] }] }))).Volumes!;
const devices = async (instanceId: string) =>
  (await a.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations![0].Instances![0].BlockDeviceMappings!.map(
    (m) => [m.DeviceName, m.Ebs?.VolumeId],
  );

test("CreateSnapshots: one snapshot per attached volume, with tags given and copied from the volumes", async () => {
  const { id, root, data } = await instance();
  await a.send(
    new CreateTagsCommand({
      Resources: [data],
      Tags: [
        { Key: "tier", Value: "data" },
        { Key: "team", Value: "vol" },
      ],
    }),
  );
  const r = await a.send(
    new CreateSnapshotsCommand({
      InstanceSpecification: { InstanceId: id },
      Description: "nightly",
      CopyTagsFromSource: "volume",
      TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: "team", Value: "backup" }] }],
    }),
  );
  const byVolume = Object.fromEntries(r.Snapshots!.map((s) => [s.VolumeId, s]));
  assert.deepEqual(Object.keys(byVolume).sort(), [root, data].sort());
  assert.equal(byVolume[data].VolumeSize, 20);
  assert.equal(byVolume[data].State, "pending");
  assert.equal(byVolume[data].Description, "nightly");
  assert.equal(byVolume[data].OwnerId, ACCOUNT_A);
  const tags = (s: { Tags?: { Key?: string; Value?: string }[] }) => Object.fromEntries(s.Tags!.map((t) => [t.Key, t.Value]));
  assert.deepEqual(tags(byVolume[data]), { tier: "data", team: "backup" });
  assert.deepEqual(tags(byVolume[root]), { team: "backup" });
  assert.equal(byVolume[root].StartTime?.getTime(), byVolume[data].StartTime?.getTime(), "taken at one moment");
  server.clock.advance(2 * T);
  const { Snapshots } = await a.send(new DescribeSnapshotsCommand({ SnapshotIds: r.Snapshots!.map((s) => s.SnapshotId!) }));
  assert.deepEqual(
    Snapshots!.map((s) => s.State),
    ["completed", "completed"],
  );
});

test("CreateSnapshots: ExcludeBootVolume and ExcludeDataVolumeIds; the root volume is no data volume", async () => {
  const { id, root, data } = await instance();
  const noBoot = await a.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: id, ExcludeBootVolume: true } }));
  assert.deepEqual(
    noBoot.Snapshots!.map((s) => s.VolumeId),
    [data],
  );
  const noData = await a.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: id, ExcludeDataVolumeIds: [data] } }));
  assert.deepEqual(
    noData.Snapshots!.map((s) => s.VolumeId),
    [root],
  );
  const rootAsData = await rejection(() =>
    a.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: id, ExcludeDataVolumeIds: [root] } })),
  );
  assert.equal(rootAsData.name, "InvalidParameterValue");
  const nothing = await rejection(() =>
    a.send(
      new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: id, ExcludeBootVolume: true, ExcludeDataVolumeIds: [data] } }),
    ),
  );
  assert.equal(nothing.name, "InvalidParameterValue");
  const missing = await rejection(() =>
    a.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: "i-0123456789abcdef0" } })),
  );
  assert.equal(missing.name, "InvalidInstanceID.NotFound");
  const dry = await rejection(() => a.send(new CreateSnapshotsCommand({ InstanceSpecification: { InstanceId: id }, DryRun: true })));
  assert.equal(dry.name, "DryRunOperation");
});

test("a root volume replaced with its launch state: pending → in-progress → succeeded; the old one detached, kept", async () => {
  const { id, root } = await instance();
  const before = (await a.send(new DescribeVolumesCommand({ VolumeIds: [root] }))).Volumes![0];
  const { ReplaceRootVolumeTask: task } = await a.send(
    new CreateReplaceRootVolumeTaskCommand({
      InstanceId: id,
      TagSpecifications: [{ ResourceType: "replace-root-volume-task", Tags: [{ Key: "k", Value: "v" }] }],
    }),
  );
  assert.match(task!.ReplaceRootVolumeTaskId!, /^replacevol-[0-9a-f]{17}$/);
  assert.equal(task!.TaskState, "pending");
  assert.equal(task!.DeleteReplacedRootVolume, false);
  assert.deepEqual(task!.Tags, [{ Key: "k", Value: "v" }]);
  const again = await rejection(() => a.send(new CreateReplaceRootVolumeTaskCommand({ InstanceId: id })));
  assert.equal(again.name, "IncorrectState");
  const stateNow = async () =>
    (await a.send(new DescribeReplaceRootVolumeTasksCommand({ ReplaceRootVolumeTaskIds: [task!.ReplaceRootVolumeTaskId!] })))
      .ReplaceRootVolumeTasks![0];
  server.clock.advance(T);
  assert.equal((await stateNow()).TaskState, "in-progress");
  assert.equal((await a.send(new DescribeVolumesCommand({ VolumeIds: [root] }))).Volumes![0].Attachments![0].State, "detaching");
  server.clock.advance(T);
  const done = await stateNow();
  assert.equal(done.TaskState, "succeeded");
  assert.ok(done.CompleteTime);
  const old = (await a.send(new DescribeVolumesCommand({ VolumeIds: [root] }))).Volumes![0];
  assert.equal(old.State, "available");
  assert.deepEqual(old.Attachments, []);
  const mapped = await devices(id);
  const newRoot = mapped.find(([d]) => d === "/dev/xvda")![1]!;
  assert.notEqual(newRoot, root);
  const fresh = (await a.send(new DescribeVolumesCommand({ VolumeIds: [newRoot] }))).Volumes![0];
  assert.equal(fresh.State, "in-use");
  assert.equal(fresh.SnapshotId, before.SnapshotId, "restored to the launch state");
  assert.equal(fresh.Size, before.Size);
  assert.equal(fresh.Attachments![0].DeleteOnTermination, true);
  const byInstance = await a.send(new DescribeReplaceRootVolumeTasksCommand({ Filters: [{ Name: "instance-id", Values: [id] }] }));
  assert.equal(byInstance.ReplaceRootVolumeTasks?.length, 1);
});

test("a root volume replaced from a snapshot of it, deleting the old one; from an AMI; and the errors", async () => {
  const { id, root, image } = await instance();
  const snap = (await a.send(new CreateSnapshotCommand({ VolumeId: root }))).SnapshotId!;
  server.clock.advance(2 * T);
  const { ReplaceRootVolumeTask: task } = await a.send(
    new CreateReplaceRootVolumeTaskCommand({ InstanceId: id, SnapshotId: snap, DeleteReplacedRootVolume: true, ClientToken: "rr-1" }),
  );
  const repeat = await a.send(
    new CreateReplaceRootVolumeTaskCommand({ InstanceId: id, SnapshotId: snap, DeleteReplacedRootVolume: true, ClientToken: "rr-1" }),
  );
  assert.equal(repeat.ReplaceRootVolumeTask?.ReplaceRootVolumeTaskId, task!.ReplaceRootVolumeTaskId);
  assert.equal(task!.SnapshotId, snap);
  server.clock.advance(2 * T);
  const newRoot = (await devices(id)).find(([d]) => d === "/dev/xvda")![1]!;
  assert.equal((await a.send(new DescribeVolumesCommand({ VolumeIds: [newRoot] }))).Volumes![0].SnapshotId, snap);
  assert.equal((await a.send(new DescribeVolumesCommand({ VolumeIds: [root] }))).Volumes![0].State, "deleting");
  server.clock.advance(T);
  assert.equal((await rejection(() => a.send(new DescribeVolumesCommand({ VolumeIds: [root] })))).name, "InvalidVolume.NotFound");
  // A snapshot of another volume is not the root volume's.
  const other = (
    await a.send(new CreateSnapshotCommand({ VolumeId: (await volumesOf(id)).find((v) => v.VolumeId !== newRoot)!.VolumeId! }))
  ).SnapshotId!;
  server.clock.advance(2 * T);
  const wrong = await rejection(() => a.send(new CreateReplaceRootVolumeTaskCommand({ InstanceId: id, SnapshotId: other })));
  assert.equal(wrong.name, "InvalidParameterValue");
  const both = await rejection(() => a.send(new CreateReplaceRootVolumeTaskCommand({ InstanceId: id, SnapshotId: other, ImageId: image })));
  assert.equal(both.name, "InvalidParameterCombination");
  // From an AMI of the same architecture.
  const { ReplaceRootVolumeTask: fromAmi } = await a.send(new CreateReplaceRootVolumeTaskCommand({ InstanceId: id, ImageId: image }));
  assert.equal(fromAmi!.ImageId, image);
  server.clock.advance(2 * T);
  const arm = await registerAmi(a, "arm-base", { Architecture: "arm64" });
  settle(server);
  const mismatch = await rejection(() => a.send(new CreateReplaceRootVolumeTaskCommand({ InstanceId: id, ImageId: arm })));
  assert.equal(mismatch.name, "InvalidParameterValue");
  const unknown = await rejection(() =>
    a.send(new DescribeReplaceRootVolumeTasksCommand({ ReplaceRootVolumeTaskIds: ["replacevol-0123456789abcdef0"] })),
  );
  assert.equal(unknown.name, "InvalidReplaceRootVolumeTaskId.NotFound");
  const page = await a.send(new DescribeReplaceRootVolumeTasksCommand({ MaxResults: 1 }));
  assert.equal(page.ReplaceRootVolumeTasks?.length, 1);
  const next = await a.send(new DescribeReplaceRootVolumeTasksCommand({ MaxResults: 1, NextToken: page.NextToken }));
  assert.equal(next.ReplaceRootVolumeTasks?.length, 1);
  assert.equal(next.NextToken, undefined);
});

test("CopyVolumes: a copy in the same zone, with the source's settings unless given; creating → available", async () => {
  const source = (await a.send(new CreateVolumeCommand({ Size: 10, VolumeType: "gp3", Iops: 4000, AvailabilityZone: ZONE }))).VolumeId!;
  server.clock.advance(T);
  const r = await a.send(
    new CopyVolumesCommand({
      SourceVolumeId: source,
      TagSpecifications: [{ ResourceType: "volume", Tags: [{ Key: "copy", Value: "1" }] }],
    }),
  );
  const [copy] = r.Volumes!;
  assert.equal(copy.SourceVolumeId, source);
  assert.deepEqual([copy.Size, copy.VolumeType, copy.Iops, copy.AvailabilityZone, copy.State], [10, "gp3", 4000, ZONE, "creating"]);
  assert.deepEqual(copy.Tags, [{ Key: "copy", Value: "1" }]);
  server.clock.advance(T);
  assert.equal((await a.send(new DescribeVolumesCommand({ VolumeIds: [copy.VolumeId!] }))).Volumes![0].State, "available");
  const bigger = await a.send(new CopyVolumesCommand({ SourceVolumeId: source, Size: 50, VolumeType: "gp2" }));
  assert.deepEqual([bigger.Volumes![0].Size, bigger.Volumes![0].VolumeType, bigger.Volumes![0].Iops], [50, "gp2", 150]);
  const smaller = await rejection(() => a.send(new CopyVolumesCommand({ SourceVolumeId: source, Size: 5 })));
  assert.equal(smaller.name, "InvalidParameterValue");
  const missing = await rejection(() => a.send(new CopyVolumesCommand({ SourceVolumeId: "vol-0123456789abcdef0" })));
  assert.equal(missing.name, "InvalidVolume.NotFound");
});
