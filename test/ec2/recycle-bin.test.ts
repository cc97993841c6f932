// EC2 and the Recycle Bin through the AWS SDK: with an available retention rule that retains it, a deregistered
// AMI, a deleted snapshot or volume goes to the bin (gone from Describe*, listed by List...InRecycleBin, tagged
// aws:recycle-bin:resource-in-bin) and comes back with Restore...; once its retention period has passed on the
// clock it is gone for good. Without a rule, deletion stays immediate. A tag-level rule retains what has one of
// its tags; a Region-level rule everything but what has one of its exclusion tags; the longest period wins.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateTagsCommand,
  CreateVolumeCommand,
  DeleteTagsCommand,
  DeleteSnapshotCommand,
  DeleteVolumeCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  DescribeTagsCommand,
  DescribeVolumesCommand,
  ListImagesInRecycleBinCommand,
  ListSnapshotsInRecycleBinCommand,
  ListVolumesInRecycleBinCommand,
  RestoreImageFromRecycleBinCommand,
  RestoreSnapshotFromRecycleBinCommand,
  RestoreVolumeFromRecycleBinCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import { CreateRuleCommand, type RbinClient, type ResourceType } from "@aws-sdk/client-rbin";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, useServer } from "../support/server";
import { ownSnapshot, registerAmi, settle } from "./helpers";

const DAY = 86400;

let server: Imagelite;
let ec2: EC2Client;
let rbin: RbinClient;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  ec2 = fx.ec2(ACCOUNT_A);
  rbin = fx.rbin(ACCOUNT_A);
});

/** A retention rule, available once the clock has moved past its pending phase. */
async function rule(
  type: ResourceType,
  days: number,
  extra: { ResourceTags?: { ResourceTagKey: string; ResourceTagValue?: string }[] } = {},
) {
  const r = await rbin.send(
    new CreateRuleCommand({ ResourceType: type, RetentionPeriod: { RetentionPeriodValue: days, RetentionPeriodUnit: "DAYS" }, ...extra }),
  );
  server.clock.advance(T);
  return r.Identifier!;
}

const describeImage = async (id: string) => (await ec2.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images ?? [];
const binnedImages = async () => (await ec2.send(new ListImagesInRecycleBinCommand({}))).Images ?? [];

async function availableAmi(name: string, tags?: Record<string, string>): Promise<string> {
  const id = await registerAmi(ec2, name);
  settle(server);
  if (tags) await ec2.send(new CreateTagsCommand({ Resources: [id], Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }));
  return id;
}

test("an AMI deregistered under a retention rule goes to the bin, comes back restored, and is gone for good after the retention", async () => {
  await rule("EC2_IMAGE", 7);
  const kept = await availableAmi("kept", { team: "images" });
  const lost = await availableAmi("lost");
  const entered = server.clock.now().getTime();

  await ec2.send(new DeregisterImageCommand({ ImageId: kept }));
  await ec2.send(new DeregisterImageCommand({ ImageId: lost }));
  // Gone from DescribeImages at once, even for its owner, and listed in the bin with its stay.
  assert.deepEqual(await describeImage(kept), []);
  assert.deepEqual((await ec2.send(new DescribeImagesCommand({ Owners: ["self"] }))).Images, []);
  const listed = await binnedImages();
  assert.deepEqual(
    listed.map((i) => i.ImageId),
    [kept, lost].sort(),
  );
  const info = listed.find((i) => i.ImageId === kept)!;
  assert.equal(info.Name, "kept");
  assert.equal(info.RecycleBinEnterTime!.getTime(), entered);
  assert.equal(info.RecycleBinExitTime!.getTime(), entered + 7 * DAY * 1000);
  // It keeps its tags in the bin, with the system tag.
  const tags = (await ec2.send(new DescribeTagsCommand({ Filters: [{ Name: "resource-id", Values: [kept] }] }))).Tags!;
  assert.deepEqual(
    tags.map((t) => [t.Key, t.Value]),
    [
      ["aws:recycle-bin:resource-in-bin", "true"],
      ["team", "images"],
    ],
  );

  // Its tags can still be changed there; the system tag cannot.
  await ec2.send(new CreateTagsCommand({ Resources: [kept], Tags: [{ Key: "stage", Value: "binned" }] }));
  const reserved = await rejection(() =>
    ec2.send(new DeleteTagsCommand({ Resources: [kept], Tags: [{ Key: "aws:recycle-bin:resource-in-bin" }] })),
  );
  assert.equal(reserved.name, "InvalidParameterValue");

  assert.equal((await ec2.send(new RestoreImageFromRecycleBinCommand({ ImageId: kept }))).Return, true);
  const [restored] = await describeImage(kept);
  assert.equal(restored.State, "available");
  assert.deepEqual(restored.Tags, [
    { Key: "stage", Value: "binned" },
    { Key: "team", Value: "images" },
  ]);
  assert.deepEqual(
    (await binnedImages()).map((i) => i.ImageId),
    [lost],
  );

  // The other one stays until its retention period ends, then it is gone: from the bin, and for a restore.
  server.clock.advance(7 * DAY - 1);
  assert.deepEqual(
    (await binnedImages()).map((i) => i.ImageId),
    [lost],
  );
  server.clock.advance(1);
  assert.deepEqual(await binnedImages(), []);
  const e = await rejection(() => ec2.send(new RestoreImageFromRecycleBinCommand({ ImageId: lost })));
  assert.equal(e.name, "InvalidAMIID.NotFound");
  assert.deepEqual(await describeImage(kept).then((i) => i.map((x) => x.ImageId)), [kept]);
});

test("without a rule, or with a pending one, deregistration and deletion stay immediate", async () => {
  const ami = await availableAmi("plain");
  const snap = await ownSnapshot(ec2);
  await ec2.send(new DeregisterImageCommand({ ImageId: ami }));
  assert.equal((await describeImage(ami))[0].State, "deregistered");
  // A rule made now is pending: it retains nothing yet.
  await rbin.send(
    new CreateRuleCommand({ ResourceType: "EBS_SNAPSHOT", RetentionPeriod: { RetentionPeriodValue: 1, RetentionPeriodUnit: "DAYS" } }),
  );
  await ec2.send(new DeleteSnapshotCommand({ SnapshotId: snap }));
  assert.deepEqual(await binnedImages(), []);
  assert.deepEqual((await ec2.send(new ListSnapshotsInRecycleBinCommand({}))).Snapshots, []);
  const e = await rejection(() => ec2.send(new RestoreSnapshotFromRecycleBinCommand({ SnapshotId: snap })));
  assert.equal(e.name, "InvalidSnapshot.NotFound");
});

test("a tag-level rule retains only what has one of its tags; a Region-level rule all but its exclusions; the longest period wins", async () => {
  await rule("EC2_IMAGE", 3, { ResourceTags: [{ ResourceTagKey: "keep", ResourceTagValue: "yes" }] });
  const tagged = await availableAmi("tagged", { keep: "yes" });
  const other = await availableAmi("other", { keep: "no" });
  await ec2.send(new DeregisterImageCommand({ ImageId: tagged }));
  await ec2.send(new DeregisterImageCommand({ ImageId: other }));
  assert.deepEqual(
    (await binnedImages()).map((i) => i.ImageId),
    [tagged],
  );

  // Exclusion tags: only through the Recycle Bin API's newer members, sent here as a request the gateway takes in process.
  server.app.gateway.invoke(
    "rbin",
    "CreateRule",
    { accountId: ACCOUNT_A, region: "us-east-1" },
    {
      ResourceType: "EC2_IMAGE",
      RetentionPeriod: { RetentionPeriodValue: 10, RetentionPeriodUnit: "DAYS" },
      ExcludeResourceTags: [{ ResourceTagKey: "scratch" }],
    },
  );
  server.clock.advance(T);
  const excluded = await availableAmi("excluded", { scratch: "1" });
  const both = await availableAmi("both", { keep: "yes" });
  const entered = server.clock.now().getTime();
  await ec2.send(new DeregisterImageCommand({ ImageId: excluded }));
  await ec2.send(new DeregisterImageCommand({ ImageId: both }));
  const listed = await binnedImages();
  assert.ok(!listed.some((i) => i.ImageId === excluded));
  assert.equal(listed.find((i) => i.ImageId === both)!.RecycleBinExitTime!.getTime(), entered + 10 * DAY * 1000);
});

test("snapshots: deleted into the bin, restored as they were; an AMI comes back only after its snapshots", async () => {
  await rule("EBS_SNAPSHOT", 2);
  await rule("EC2_IMAGE", 2);
  const ami = await availableAmi("with-snapshot");
  const snap = (await describeImage(ami))[0].BlockDeviceMappings![0].Ebs!.SnapshotId!;
  const r = await ec2.send(new DeregisterImageCommand({ ImageId: ami, DeleteAssociatedSnapshots: true }));
  assert.deepEqual(r.DeleteSnapshotResults, [{ SnapshotId: snap, ReturnCode: "success" }]);
  assert.deepEqual((await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots, []);
  const binned = (await ec2.send(new ListSnapshotsInRecycleBinCommand({}))).Snapshots!;
  assert.deepEqual(
    binned.map((s) => s.SnapshotId),
    [snap],
  );

  const e = await rejection(() => ec2.send(new RestoreImageFromRecycleBinCommand({ ImageId: ami })));
  assert.equal(e.name, "IncorrectState");
  const restored = await ec2.send(new RestoreSnapshotFromRecycleBinCommand({ SnapshotId: snap }));
  assert.equal(restored.SnapshotId, snap);
  assert.equal(restored.State, "completed");
  assert.equal((await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snap] }))).Snapshots![0].State, "completed");
  await ec2.send(new RestoreImageFromRecycleBinCommand({ ImageId: ami }));
  assert.equal((await describeImage(ami))[0].State, "available");
  // The restored AMI holds its snapshot again.
  const inUse = await rejection(() => ec2.send(new DeleteSnapshotCommand({ SnapshotId: snap })));
  assert.equal(inUse.name, "InvalidSnapshot.InUse");
});

test("volumes: deleted into the bin and restored available", async () => {
  // The SDK at hand predates EBS_VOLUME, which the service takes.
  await rule("EBS_VOLUME" as ResourceType, 1);
  const v = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: "us-east-1a", Size: 10 }));
  server.clock.advance(T);
  await ec2.send(new DeleteVolumeCommand({ VolumeId: v.VolumeId! }));
  const e = await rejection(() => ec2.send(new DescribeVolumesCommand({ VolumeIds: [v.VolumeId!] })));
  assert.equal(e.name, "InvalidVolume.NotFound");
  const binned = (await ec2.send(new ListVolumesInRecycleBinCommand({}))).Volumes!;
  assert.equal(binned.length, 1);
  assert.equal(binned[0].VolumeId, v.VolumeId);
  assert.equal(binned[0].Size, 10);
  assert.equal((await ec2.send(new RestoreVolumeFromRecycleBinCommand({ VolumeId: v.VolumeId! }))).Return, true);
  assert.equal((await ec2.send(new DescribeVolumesCommand({ VolumeIds: [v.VolumeId!] }))).Volumes![0].State, "available");
});

test("the bin is the owner's: another account neither lists nor restores what is in it", async () => {
  await rule("EC2_IMAGE", 1);
  const ami = await availableAmi("mine");
  await ec2.send(new DeregisterImageCommand({ ImageId: ami }));
  const b = fx.ec2(ACCOUNT_B);
  assert.deepEqual((await b.send(new ListImagesInRecycleBinCommand({}))).Images, []);
  const e = await rejection(() => b.send(new RestoreImageFromRecycleBinCommand({ ImageId: ami })));
  assert.equal(e.name, "InvalidAMIID.NotFound");
});
