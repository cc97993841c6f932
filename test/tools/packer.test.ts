// Packer builds (fixtures/packer/*.json) against a fresh imagelite each: what the build leaves (AMIs, their
// copies, shares and tags, or volumes) and what it cleans up (its instance, temporary key pair and security group).
import assert from "node:assert/strict";
import {
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSpotInstanceRequestsCommand,
  DescribeVolumesCommand,
  type EC2Client,
  type Image,
  type Tag,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, ec2Client } from "../support/server";
import { packerSuite } from "./packer";

async function withEc2<T>(server: Imagelite, region: string, fn: (c: EC2Client) => Promise<T>): Promise<T> {
  const c = ec2Client(server, ACCOUNT_A, region);
  try {
    return await fn(c);
  } finally {
    c.destroy();
  }
}

/** The one image of the account named `name`. */
async function imageNamed(c: EC2Client, name: string): Promise<Image> {
  const { Images } = await c.send(new DescribeImagesCommand({ Owners: ["self"], Filters: [{ Name: "name", Values: [name] }] }));
  assert.equal(Images?.length, 1, `one image named ${name}`);
  assert.equal(Images[0].State, "available");
  return Images[0];
}

const tags = (t: Tag[] | undefined) => Object.fromEntries((t ?? []).map((x) => [x.Key, x.Value]));
const root = (i: Image) => i.BlockDeviceMappings!.find((m) => m.DeviceName === i.RootDeviceName)!;

/** Nothing of the build is left running: its instance terminated, its temporary key pair and security group deleted. */
async function cleanedUp(c: EC2Client): Promise<void> {
  const { Reservations } = await c.send(new DescribeInstancesCommand({}));
  const states = (Reservations ?? []).flatMap((r) => r.Instances!.map((i) => i.State!.Name));
  assert.ok(states.length > 0 && states.every((s) => s === "terminated"), `instances: ${states.join(", ")}`);
  assert.deepEqual((await c.send(new DescribeKeyPairsCommand({}))).KeyPairs, [], "the temporary key pair is gone");
  const groups = (await c.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups!.map((g) => g.GroupName);
  assert.deepEqual(
    groups.filter((g) => g?.startsWith("packer_")),
    [],
    "the temporary security group is gone",
  );
}

packerSuite("packer", "Packer", {
  "ebs-linux": {
    async built(server) {
      for (const region of ["us-east-1", "us-west-2"]) {
        await withEc2(server, region, async (c) => {
          const image = await imageNamed(c, "packer-al2023-golden");
          assert.equal(image.Description, "Golden Amazon Linux 2023");
          assert.deepEqual(tags(image.Tags), { Name: "packer-al2023-golden", os: "al2023" }, region);
          const { LaunchPermissions } = await c.send(
            new DescribeImageAttributeCommand({ ImageId: image.ImageId, Attribute: "launchPermission" }),
          );
          assert.deepEqual(LaunchPermissions, [{ UserId: ACCOUNT_B }], region);
          const snapshot = root(image).Ebs!.SnapshotId!;
          const { CreateVolumePermissions } = await c.send(
            new DescribeSnapshotAttributeCommand({ SnapshotId: snapshot, Attribute: "createVolumePermission" }),
          );
          assert.deepEqual(CreateVolumePermissions, [{ UserId: ACCOUNT_B }], region);
        });
      }
      await withEc2(server, "us-east-1", cleanedUp);
    },
  },

  "ebs-windows": {
    async built(server) {
      await withEc2(server, "us-east-1", async (c) => {
        const image = await imageNamed(c, "packer-windows-golden");
        assert.equal(image.Platform, "windows");
        assert.equal(image.PlatformDetails, "Windows");
        await cleanedUp(c);
      });
    },
  },

  "ebs-block-devices": {
    async built(server) {
      await withEc2(server, "us-east-1", async (c) => {
        const image = await imageNamed(c, "packer-al2023-volumes");
        const byDevice = Object.fromEntries(image.BlockDeviceMappings!.map((m) => [m.DeviceName, m]));
        assert.equal(byDevice["/dev/xvda"].Ebs!.VolumeSize, 16, "the root volume as launched");
        assert.equal(byDevice["/dev/sdf"].Ebs!.VolumeSize, 20);
        assert.equal(byDevice["/dev/sdf"].Ebs!.VolumeType, "gp3");
        assert.equal(byDevice["/dev/sdb"].VirtualName, "ephemeral0");
        await cleanedUp(c);
      });
    },
  },

  ebsvolume: {
    async built(server) {
      await withEc2(server, "us-east-1", async (c) => {
        const { Volumes } = await c.send(new DescribeVolumesCommand({ Filters: [{ Name: "tag:Name", Values: ["packer-data"] }] }));
        assert.equal(Volumes?.length, 1, "the volume outlives the build");
        assert.equal(Volumes[0].Size, 10);
        assert.equal(Volumes[0].State, "available");
        assert.deepEqual(tags(Volumes[0].Tags), { Name: "packer-data", purpose: "cache" });
        await cleanedUp(c);
      });
    },
  },

  "ebs-spot": {
    async built(server) {
      await withEc2(server, "us-east-1", async (c) => {
        const image = await imageNamed(c, "packer-al2023-spot");
        assert.equal(image.State, "available");
        const { Reservations } = await c.send(new DescribeInstancesCommand({}));
        const [builder] = (Reservations ?? []).flatMap((r) => r.Instances!);
        assert.equal(builder.InstanceLifecycle, "spot", "the build instance was a Spot Instance");
        assert.ok(["t3.micro", "t3a.micro"].includes(builder.InstanceType!), builder.InstanceType);
        const { SpotInstanceRequests } = await c.send(new DescribeSpotInstanceRequestsCommand({}));
        assert.deepEqual(
          SpotInstanceRequests!.map((r) => [r.SpotInstanceRequestId, r.InstanceId, r.State, r.Status!.Code]),
          [[builder.SpotInstanceRequestId, builder.InstanceId, "closed", "instance-terminated-by-user"]],
        );
        await cleanedUp(c);
      });
    },
  },

  ebssurrogate: {
    async built(server) {
      await withEc2(server, "us-east-1", async (c) => {
        const image = await imageNamed(c, "packer-al2023-surrogate");
        assert.equal(image.RootDeviceName, "/dev/xvda");
        assert.equal(image.Architecture, "x86_64");
        assert.equal(root(image).Ebs!.VolumeSize, 8);
        assert.match(root(image).Ebs!.SnapshotId!, /^snap-/);
        await cleanedUp(c);
      });
    },
  },
});
