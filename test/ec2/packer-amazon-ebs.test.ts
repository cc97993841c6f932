// A Packer amazon-ebs build replayed through the AWS SDK (see packer-build.ts for the calls and where they come
// from): the calls in Packer's order, what each step leaves behind (the AMI and its copy, their tags, their
// snapshots shared with a second account, nothing of the temporary resources), and the second account
// launching the shared AMI in both regions.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  RunInstancesCommand,
  waitUntilInstanceRunning,
  type EC2Client,
  type Tag,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, useServer } from "../support/server";
import { AMI_NAME, BUILD_REGION, COPY_REGION, PACKER_SEQUENCE, packerBuild, RUN_TAGS, TAGS } from "./packer-build";
import { waitOnClock } from "./replay";

let server: Imagelite;
let a1: EC2Client;
let a2: EC2Client;
let b1: EC2Client;
let b2: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a1 = fx.ec2(ACCOUNT_A, BUILD_REGION);
  a2 = fx.ec2(ACCOUNT_A, COPY_REGION);
  b1 = fx.ec2(ACCOUNT_B, BUILD_REGION);
  b2 = fx.ec2(ACCOUNT_B, COPY_REGION);
});

const sorted = (tags: Tag[] | undefined) => [...(tags ?? [])].sort((x, y) => (x.Key! < y.Key! ? -1 : 1));

test("Packer amazon-ebs: the build's calls in order, and what it leaves", async () => {
  const build = await packerBuild(server, a1, a2, ACCOUNT_B);
  assert.deepEqual(build.log, PACKER_SEQUENCE);
  assert.equal(build.instance.KeyName, "packer_6566c1b2-0b8a-4c43-9f7e-1f1f0c7d1e01");
  assert.equal(build.instance.ImageId, build.sourceAmi.ImageId);
  assert.equal(build.instance.Placement!.AvailabilityZone!.startsWith(BUILD_REGION), true, "an empty zone means any zone");

  const clients: Record<string, EC2Client> = { [BUILD_REGION]: a1, [COPY_REGION]: a2 };
  for (const region of [BUILD_REGION, COPY_REGION]) {
    const c = clients[region];
    const [img] = (await c.send(new DescribeImagesCommand({ ImageIds: [build.amis[region]] }))).Images!;
    assert.equal(img.Name, AMI_NAME);
    assert.equal(img.State, "available");
    assert.equal(img.Architecture, build.sourceAmi.Architecture);
    assert.equal(img.BootMode, build.sourceAmi.BootMode);
    assert.equal(img.EnaSupport, true);
    // run_tags from CreateImage (copied to the copy by CopyImageTags), then the tags of StepCreateTags.
    assert.deepEqual(sorted(img.Tags), sorted([...RUN_TAGS, ...TAGS]), region);
    const { LaunchPermissions } = await c.send(new DescribeImageAttributeCommand({ ImageId: img.ImageId, Attribute: "launchPermission" }));
    assert.deepEqual(LaunchPermissions, [{ UserId: ACCOUNT_B }], "UserIds and LaunchPermission.Add name the account once");
    const { Snapshots } = await c.send(new DescribeSnapshotsCommand({ SnapshotIds: build.snapshots[region] }));
    assert.equal(Snapshots!.length, 1);
    for (const s of Snapshots!) {
      assert.equal(s.State, "completed");
      const expected = region === BUILD_REGION ? [...RUN_TAGS, ...TAGS] : TAGS;
      assert.deepEqual(sorted(s.Tags), sorted(expected), `${region} snapshot tags`);
      const perms = await c.send(new DescribeSnapshotAttributeCommand({ SnapshotId: s.SnapshotId, Attribute: "createVolumePermission" }));
      assert.deepEqual(perms.CreateVolumePermissions, [{ UserId: ACCOUNT_B }]);
    }
  }
  const [copy] = (await a2.send(new DescribeImagesCommand({ ImageIds: [build.amis[COPY_REGION]] }))).Images!;
  assert.equal(copy.SourceImageId, build.amis[BUILD_REGION]);
  assert.equal(copy.SourceImageRegion, BUILD_REGION);

  // The temporary key pair and group are gone; the instance is terminated.
  assert.deepEqual((await a1.send(new DescribeKeyPairsCommand({}))).KeyPairs, []);
  const groups = (await a1.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups!;
  assert.deepEqual(
    groups.map((g) => g.GroupName),
    ["default"],
  );
  const [gone] = (await a1.send(new DescribeInstancesCommand({ InstanceIds: [build.instance.InstanceId!] }))).Reservations![0].Instances!;
  assert.equal(gone.State!.Name, "terminated");
});

test("Packer amazon-ebs: the second account sees the shared AMI and snapshots, and launches from both regions", async () => {
  const build = await packerBuild(server, a1, a2, ACCOUNT_B);
  for (const [region, client] of [
    [BUILD_REGION, b1],
    [COPY_REGION, b2],
  ] as const) {
    const shared = (await client.send(new DescribeImagesCommand({ ExecutableUsers: ["self"] }))).Images!.map((i) => i.ImageId);
    assert.deepEqual(shared, [build.amis[region]]);
    const restorable = await client.send(new DescribeSnapshotsCommand({ RestorableByUserIds: ["self"], OwnerIds: [ACCOUNT_A] }));
    assert.deepEqual(
      restorable.Snapshots!.map((s) => s.SnapshotId),
      build.snapshots[region],
    );
    const r = await client.send(
      new RunInstancesCommand({ ImageId: build.amis[region], MinCount: 1, MaxCount: 1, InstanceType: "t3.micro" }),
    );
    const id = r.Instances![0].InstanceId!;
    await waitOnClock(server, client, waitUntilInstanceRunning, { InstanceIds: [id] }, 15, 600);
    const [inst] = (await client.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0].Instances!;
    assert.equal(inst.State!.Name, "running");
    assert.equal(inst.ImageId, build.amis[region]);
  }
});
