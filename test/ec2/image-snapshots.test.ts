// AMIs and the snapshots behind them, through the AWS SDK: RegisterImage checks each mapping's snapshot, a snapshot
// in use cannot be deleted, DeregisterImage can delete the AMI's snapshots, CopyImage copies them (and needs
// access to another owner's), and an import's snapshots appear with its AMI.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CancelImportTaskCommand,
  CopyImageCommand,
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  DescribeImportImageTasksCommand,
  DescribeSnapshotsCommand,
  ImportImageCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, ec2Client, rejection, T, useServer } from "../support/server";
import { ownSnapshot, registerAmi, settle } from "./helpers";

let server: Imagelite;
let a: EC2Client;
let b: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

const image = async (id: string, client = a) => (await client.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images![0];
const snapshotOf = async (id: string, client = a) => (await image(id, client)).BlockDeviceMappings![0].Ebs!.SnapshotId!;
const ownSnapshots = async (client = a) => (await client.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots!;
const mapping = (snapshot: string, ebs: Record<string, unknown> = {}) => ({
  BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: snapshot, ...ebs } }],
});

test("RegisterImage: the mapping takes the snapshot's size and encryption; unknown, encrypted-flag and too small refused", async () => {
  const snap = await ownSnapshot(a);
  const id = await registerAmi(a, "sized", mapping(snap));
  const ebs = (await image(id)).BlockDeviceMappings![0].Ebs!;
  assert.equal(ebs.VolumeSize, 8);
  assert.equal(ebs.Encrypted, false);
  let e = await rejection(() => registerAmi(a, "unknown", mapping("snap-00000000000000000")));
  assert.equal(e.name, "InvalidSnapshot.NotFound");
  // Another account's snapshot that is not shared is not there for the caller.
  e = await rejection(() => registerAmi(b, "not-mine", mapping(snap)));
  assert.equal(e.name, "InvalidSnapshot.NotFound");
  // "You can't set the encryption state of the volume using the block device mapping" (RegisterImage).
  e = await rejection(() => registerAmi(a, "encrypted", mapping(snap, { Encrypted: true })));
  assert.equal(e.name, "InvalidBlockDeviceMapping");
  e = await rejection(() => registerAmi(a, "small", mapping(snap, { VolumeSize: 4 })));
  assert.equal(e.name, "InvalidBlockDeviceMapping");
  assert.equal(e.message, `Volume of size 4GB is smaller than snapshot '${snap}', expect size >= 8GB`);
  // A shared snapshot can be registered by the grantee.
  await a.send(new ModifySnapshotAttributeCommand({ SnapshotId: snap, CreateVolumePermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  await registerAmi(b, "shared-snap", mapping(snap, { VolumeSize: 20 }));
});

test("DeleteSnapshot is refused while a registered AMI uses the snapshot, and allowed once it is deregistered", async () => {
  const id = await registerAmi(a, "user");
  const snap = await snapshotOf(id);
  const e = await rejection(() => a.send(new DeleteSnapshotCommand({ SnapshotId: snap })));
  assert.equal(e.name, "InvalidSnapshot.InUse");
  assert.equal(e.message, `The snapshot ${snap} is currently in use by ${id}`);
  settle(server);
  await a.send(new DeregisterImageCommand({ ImageId: id }));
  assert.deepEqual(
    (await ownSnapshots()).map((s) => s.SnapshotId),
    [snap],
  );
  await a.send(new DeleteSnapshotCommand({ SnapshotId: snap }));
  assert.deepEqual(await ownSnapshots(), []);
});

test("DeregisterImage with DeleteAssociatedSnapshots deletes the caller's snapshots, skipping those another AMI uses", async () => {
  const snap = await ownSnapshot(a);
  const one = await registerAmi(a, "one", mapping(snap));
  const two = await registerAmi(a, "two", mapping(snap));
  settle(server);
  let r = await a.send(new DeregisterImageCommand({ ImageId: one, DeleteAssociatedSnapshots: true }));
  assert.deepEqual(r.DeleteSnapshotResults, [{ SnapshotId: snap, ReturnCode: "skipped" }]);
  r = await a.send(new DeregisterImageCommand({ ImageId: two, DeleteAssociatedSnapshots: true }));
  assert.deepEqual(r.DeleteSnapshotResults, [{ SnapshotId: snap, ReturnCode: "success" }]);
  assert.deepEqual(await ownSnapshots(), []);
  // Without the flag, nothing is listed and the snapshot stays.
  const three = await registerAmi(a, "three");
  settle(server);
  r = await a.send(new DeregisterImageCommand({ ImageId: three }));
  assert.equal(r.DeleteSnapshotResults, undefined);
  assert.equal((await ownSnapshots()).length, 1);
});

test("CopyImage gives the copy new snapshots of the caller, pending while the AMI is, in the destination region", async () => {
  const src = await registerAmi(a, "source");
  settle(server);
  const west = ec2Client(server, ACCOUNT_A, "us-west-2");
  const copy = await west.send(
    new CopyImageCommand({
      Name: "copy",
      SourceImageId: src,
      SourceRegion: "us-east-1",
      Encrypted: true,
      KmsKeyId: "alias/k",
      TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: "of", Value: "copy" }] }],
    }),
  );
  const snap = await snapshotOf(copy.ImageId!, west);
  assert.notEqual(snap, await snapshotOf(src));
  let s = (await west.send(new DescribeSnapshotsCommand({ SnapshotIds: [snap] }))).Snapshots![0];
  assert.equal(s.State, "pending");
  assert.equal(s.OwnerId, ACCOUNT_A);
  assert.equal(s.Encrypted, true);
  assert.equal(s.KmsKeyId, "alias/k");
  assert.deepEqual(s.Tags, [{ Key: "of", Value: "copy" }]);
  assert.equal((await image(copy.ImageId!, west)).Tags, undefined);
  assert.match(s.Description!, new RegExp(`^Copied for DestinationAmi ${copy.ImageId} from SourceAmi ${src} for SourceSnapshot `));
  server.clock.advance(3 * T);
  s = (await west.send(new DescribeSnapshotsCommand({ SnapshotIds: [snap] }))).Snapshots![0];
  assert.equal(s.State, "completed");
  assert.equal((await image(copy.ImageId!, west)).State, "available");
  const e = await rejection(() => west.send(new DeleteSnapshotCommand({ SnapshotId: snap })));
  assert.equal(e.name, "InvalidSnapshot.InUse");
});

test("CopyImage of another owner's AMI needs createVolumePermission on its snapshots; Amazon's are public", async () => {
  const src = await registerAmi(a, "shared");
  settle(server);
  await a.send(new ModifyImageAttributeCommand({ ImageId: src, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  const e = await rejection(() => b.send(new CopyImageCommand({ Name: "b-copy", SourceImageId: src, SourceRegion: "us-east-1" })));
  assert.equal(e.name, "InvalidRequest");
  assert.equal(e.message, "You do not have permission to access the storage of this ami");
  await a.send(
    new ModifySnapshotAttributeCommand({ SnapshotId: await snapshotOf(src), CreateVolumePermission: { Add: [{ Group: "all" }] } }),
  );
  const copy = await b.send(new CopyImageCommand({ Name: "b-copy", SourceImageId: src, SourceRegion: "us-east-1" }));
  assert.equal((await ownSnapshots(b)).length, 1);
  assert.equal((await ownSnapshots(b))[0].SnapshotId, await snapshotOf(copy.ImageId!, b));

  const amazon = (await a.send(new DescribeImagesCommand({ Owners: ["amazon"], MaxResults: 1 }))).Images![0];
  const amazonSnap = amazon.BlockDeviceMappings![0].Ebs!.SnapshotId!;
  const catalogSnap = (await a.send(new DescribeSnapshotsCommand({ SnapshotIds: [amazonSnap] }))).Snapshots![0];
  assert.equal(catalogSnap.OwnerId, amazon.OwnerId);
  assert.equal(catalogSnap.OwnerAlias, "amazon");
  assert.equal(catalogSnap.VolumeSize, amazon.BlockDeviceMappings![0].Ebs!.VolumeSize);
  await a.send(new CopyImageCommand({ Name: "amazon-copy", SourceImageId: amazon.ImageId!, SourceRegion: "us-east-1" }));
});

test("ImportImage: the task's snapshots appear with its AMI, owned by the caller; cancelling leaves none", async () => {
  const start = () =>
    a.send(new ImportImageCommand({ DiskContainers: [{ Format: "VMDK", UserBucket: { S3Bucket: "b", S3Key: "disk.vmdk" } }] }));
  const done = (await start()).ImportTaskId!;
  assert.deepEqual(await ownSnapshots(), []);
  server.clock.advance(100 * T);
  const task = (await a.send(new DescribeImportImageTasksCommand({ ImportTaskIds: [done] }))).ImportImageTasks![0];
  assert.equal(task.Status, "completed");
  const snap = task.SnapshotDetails![0].SnapshotId!;
  const s = (await a.send(new DescribeSnapshotsCommand({ SnapshotIds: [snap] }))).Snapshots![0];
  assert.equal(s.State, "completed");
  assert.equal(s.OwnerId, ACCOUNT_A);
  assert.equal(await snapshotOf(task.ImageId!), snap);
  assert.equal((await rejection(() => a.send(new DeleteSnapshotCommand({ SnapshotId: snap })))).name, "InvalidSnapshot.InUse");

  const cancelled = (await start()).ImportTaskId!;
  await a.send(new CancelImportTaskCommand({ ImportTaskId: cancelled }));
  server.clock.advance(100 * T);
  assert.deepEqual(
    (await ownSnapshots()).map((x) => x.SnapshotId),
    [snap],
  );
});
