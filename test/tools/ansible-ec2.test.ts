// Ansible's amazon.aws EC2 playbooks (fixtures/ansible/*.yml) against a fresh imagelite each: what the
// playbook made, a check-mode run that finds nothing to change, and the removal playbook leaving nothing.
import assert from "node:assert/strict";
import {
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeAddressesCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  type EC2Client,
  type Instance,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_B, ec2Client } from "../support/server";
import { ansibleSuite } from "./ansible";

async function withEc2<T>(server: Imagelite, fn: (c: EC2Client) => Promise<T>): Promise<T> {
  const c = ec2Client(server);
  try {
    return await fn(c);
  } finally {
    c.destroy();
  }
}

/** The instances tagged Name=`name`, whatever their state. */
async function instancesNamed(c: EC2Client, name: string): Promise<Instance[]> {
  const { Reservations } = await c.send(new DescribeInstancesCommand({ Filters: [{ Name: "tag:Name", Values: [name] }] }));
  return (Reservations ?? []).flatMap((r) => r.Instances ?? []);
}

const tags = (t: { Key?: string; Value?: string }[] | undefined) => Object.fromEntries((t ?? []).map((x) => [x.Key, x.Value]));

/** The checks of a playbook that makes an AMI of a builder instance, and of its removal. */
function imageOfBuilder(name: string, builder: string, shared: string[]) {
  return {
    async applied(server: Imagelite) {
      await withEc2(server, async (c) => {
        const { Images } = await c.send(new DescribeImagesCommand({ Owners: ["self"] }));
        assert.deepEqual(
          Images!.map((i) => [i.Name, i.State, i.Description, tags(i.Tags).Name]),
          [[name, "available", "Golden image made by Ansible", name]],
        );
        const [image] = Images!;
        const [instance] = await instancesNamed(c, builder);
        assert.equal(instance.State!.Name, "running");
        const { Snapshots } = await c.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }));
        assert.deepEqual(
          image.BlockDeviceMappings!.flatMap((m) => (m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : [])),
          Snapshots!.map((s) => s.SnapshotId),
          "the AMI's snapshots are the account's only ones",
        );
        const { LaunchPermissions } = await c.send(
          new DescribeImageAttributeCommand({ ImageId: image.ImageId, Attribute: "launchPermission" }),
        );
        assert.deepEqual(
          LaunchPermissions!.map((p) => p.UserId),
          shared,
        );
      });
    },
    async removed(server: Imagelite) {
      await withEc2(server, async (c) => {
        assert.deepEqual((await c.send(new DescribeImagesCommand({ Owners: ["self"] }))).Images, []);
        assert.deepEqual((await c.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots, []);
        assert.deepEqual(
          (await instancesNamed(c, builder)).map((i) => i.State!.Name),
          ["terminated"],
        );
      });
    },
  };
}

ansibleSuite("ansible-ec2", "Ansible: amazon.aws EC2 modules", {
  volume: {
    changedInCheckMode: {
      "Data volume":
        "ec2_vol's ensure_tags answers a change in check mode without reading the volume's tags (ec2_vol.py), so a volume with tags always reports one",
      "Snapshot of it":
        "ec2_snapshot takes a new snapshot on every run unless last_snapshot_min_age accepts a recent one, so check mode rightly reports one",
    },
    async applied(server) {
      await withEc2(server, async (c) => {
        const { Volumes } = await c.send(new DescribeVolumesCommand({ Filters: [{ Name: "tag:Name", Values: ["ansible-data"] }] }));
        assert.equal(Volumes?.length, 1);
        const [v] = Volumes;
        assert.deepEqual([v.Size, v.VolumeType, v.Iops, v.AvailabilityZone, v.State], [10, "gp3", 3000, "us-east-1a", "available"]);
        assert.deepEqual(tags(v.Tags), { Name: "ansible-data", team: "images" });
        const { Snapshots } = await c.send(new DescribeSnapshotsCommand({ Filters: [{ Name: "tag:Name", Values: ["ansible-data"] }] }));
        assert.equal(Snapshots?.length, 1);
        assert.deepEqual([Snapshots[0].VolumeId, Snapshots[0].State, Snapshots[0].Description], [v.VolumeId, "completed", "Data volume"]);
      });
    },
    async removed(server) {
      await withEc2(server, async (c) => {
        const left = (await c.send(new DescribeVolumesCommand({}))).Volumes!;
        assert.ok(
          left.every((v) => v.State === "deleting"),
          `volumes: ${left.map((v) => v.State).join(", ")}`,
        );
        assert.deepEqual((await c.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots, []);
      });
    },
  },

  "key-pair": {
    changedInCheckMode: {
      "Import a public key":
        "ec2_key cannot compare key material in check mode (it learns a key's fingerprint only by importing it), so it reports a change",
    },
    async applied(server) {
      await withEc2(server, async (c) => {
        const { KeyPairs } = await c.send(new DescribeKeyPairsCommand({}));
        const byName = Object.fromEntries(KeyPairs!.map((k) => [k.KeyName, k]));
        assert.deepEqual(Object.keys(byName).sort(), ["ansible-deployer", "ansible-generated"]);
        assert.equal(byName["ansible-deployer"].KeyType, "ed25519");
        assert.deepEqual(tags(byName["ansible-deployer"].Tags), { team: "images" });
        assert.equal(byName["ansible-generated"].KeyType, "ed25519");
      });
    },
    async removed(server) {
      await withEc2(server, async (c) => {
        assert.deepEqual((await c.send(new DescribeKeyPairsCommand({}))).KeyPairs, []);
      });
    },
  },

  "security-group": {
    async applied(server) {
      await withEc2(server, async (c) => {
        const { SecurityGroups } = await c.send(
          new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["ansible-builder"] }] }),
        );
        assert.equal(SecurityGroups?.length, 1);
        const [group] = SecurityGroups;
        assert.equal(group.Description, "Image builder access");
        assert.deepEqual(tags(group.Tags), { Name: "ansible-builder" });
        const ingress = group.IpPermissions!.map((p) => [
          p.IpProtocol,
          p.FromPort,
          p.ToPort,
          p.IpRanges!.map((r) => [r.CidrIp, r.Description]),
        ]);
        assert.deepEqual(
          ingress.sort((a, b) => Number(a[1]) - Number(b[1])),
          [
            ["tcp", 22, 22, [["10.0.0.0/8", "SSH"]]],
            ["tcp", 5985, 5986, [["10.0.0.0/8", "WinRM"]]],
          ],
        );
        assert.deepEqual(
          group.IpPermissionsEgress!.map((p) => [p.IpProtocol, p.IpRanges!.map((r) => r.CidrIp)]),
          [["-1", ["0.0.0.0/0"]]],
        );
      });
    },
    async removed(server) {
      await withEc2(server, async (c) => {
        const { SecurityGroups } = await c.send(
          new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["ansible-builder"] }] }),
        );
        assert.deepEqual(SecurityGroups, []);
      });
    },
  },

  instance: {
    changedInCheckMode: {
      "Snapshot of its data volume":
        "ec2_snapshot takes a new snapshot on every run unless last_snapshot_min_age accepts a recent one, so check mode rightly reports one",
    },
    async applied(server) {
      await withEc2(server, async (c) => {
        const [instance, ...more] = await instancesNamed(c, "ansible-builder");
        assert.deepEqual(more, [], "one instance");
        assert.equal(instance.State!.Name, "running");
        assert.equal(instance.InstanceType, "t3.micro");
        assert.equal(instance.KeyName, "ansible-builder");
        assert.equal(instance.Placement!.AvailabilityZone, "us-east-1a");
        assert.equal(instance.MetadataOptions!.HttpTokens, "required");
        assert.equal(tags(instance.Tags).role, "builder");
        const volumes = (
          await c.send(new DescribeVolumesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [instance.InstanceId!] }] }))
        ).Volumes!;
        assert.deepEqual(volumes.map((v) => [v.Attachments![0].Device, v.Size, v.VolumeType]).sort(), [
          ["/dev/sdf", 20, "gp3"],
          ["/dev/xvda", 16, "gp3"],
        ]);
        const { UserData } = await c.send(new DescribeInstanceAttributeCommand({ InstanceId: instance.InstanceId, Attribute: "userData" }));
        assert.equal(Buffer.from(UserData!.Value!, "base64").toString(), "#!/bin/bash\necho golden > /etc/golden\n");
        const data = volumes.find((v) => v.Attachments![0].Device === "/dev/sdf")!;
        const { Snapshots } = await c.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }));
        assert.deepEqual(
          Snapshots!.map((s) => [s.VolumeId, s.State, s.Description, tags(s.Tags).Name]),
          [[data.VolumeId, "completed", "Data volume of the builder", "ansible-builder-data"]],
        );
      });
    },
    async removed(server) {
      await withEc2(server, async (c) => {
        assert.deepEqual(
          (await instancesNamed(c, "ansible-builder")).map((i) => i.State!.Name),
          ["terminated"],
        );
        assert.deepEqual((await c.send(new DescribeKeyPairsCommand({}))).KeyPairs, []);
        assert.deepEqual((await c.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots, []);
      });
    },
  },
  image: imageOfBuilder("ansible-golden", "ansible-image-builder", []),
  "image-share": imageOfBuilder("ansible-shared", "ansible-share-builder", [ACCOUNT_B]),
  gateways: {
    async applied(server) {
      await withEc2(server, async (c) => {
        const { RouteTables } = await c.send(
          new DescribeRouteTablesCommand({ Filters: [{ Name: "tag:Name", Values: ["ansible-public"] }] }),
        );
        assert.equal(RouteTables?.length, 1);
        const [table] = RouteTables;
        assert.deepEqual(
          table.Routes!.map((r) => [r.DestinationCidrBlock, r.GatewayId!.replace(/^igw-.*/, "igw"), r.State]),
          [
            ["172.31.0.0/16", "local", "active"],
            ["0.0.0.0/0", "igw", "active"],
          ],
        );
        assert.equal(table.Associations!.length, 1);
        assert.equal(table.Associations![0].Main, false);
        const { Addresses } = await c.send(new DescribeAddressesCommand({}));
        assert.deepEqual(
          Addresses!.map((a) => [a.Domain, tags(a.Tags).Name]),
          [["vpc", "ansible-eip"]],
        );
      });
    },
    async removed(server) {
      await withEc2(server, async (c) => {
        const { RouteTables } = await c.send(new DescribeRouteTablesCommand({}));
        assert.deepEqual(
          RouteTables!.map((t) => t.Associations![0]?.Main),
          [true],
          "the main table alone",
        );
        assert.deepEqual((await c.send(new DescribeAddressesCommand({}))).Addresses, []);
      });
    },
  },

  vpc: {
    async applied(server) {
      await withEc2(server, async (c) => {
        const { Vpcs } = await c.send(new DescribeVpcsCommand({ Filters: [{ Name: "tag:Name", Values: ["ansible-build"] }] }));
        assert.equal(Vpcs?.length, 1);
        const [vpc] = Vpcs;
        assert.equal(vpc.CidrBlock, "10.30.0.0/16");
        assert.equal(vpc.IsDefault, false);
        assert.deepEqual(tags(vpc.Tags), { Name: "ansible-build", team: "images" });
        for (const Attribute of ["enableDnsSupport", "enableDnsHostnames"] as const) {
          const a = await c.send(new DescribeVpcAttributeCommand({ VpcId: vpc.VpcId, Attribute }));
          assert.equal((a.EnableDnsSupport ?? a.EnableDnsHostnames)!.Value, true, Attribute);
        }
        const { Subnets } = await c.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpc.VpcId!] }] }));
        assert.equal(Subnets?.length, 1);
        const [subnet] = Subnets;
        assert.equal(subnet.CidrBlock, "10.30.1.0/24");
        assert.equal(subnet.AvailabilityZone, "us-east-1a");
        assert.equal(subnet.MapPublicIpOnLaunch, true);
        assert.equal(subnet.AvailableIpAddressCount, 251);
        assert.deepEqual(tags(subnet.Tags), { Name: "ansible-build" });
      });
    },
    async removed(server) {
      await withEc2(server, async (c) => {
        assert.deepEqual((await c.send(new DescribeVpcsCommand({ Filters: [{ Name: "cidr-block", Values: ["10.30.0.0/16"] }] }))).Vpcs, []);
        assert.deepEqual(
          (await c.send(new DescribeSubnetsCommand({ Filters: [{ Name: "cidr-block", Values: ["10.30.1.0/24"] }] }))).Subnets,
          [],
        );
      });
    },
  },

  "instance-default-vpc": {
    async applied(server) {
      await withEc2(server, async (c) => {
        const [instance] = await instancesNamed(c, "ansible-default-vpc");
        assert.equal(instance.State!.Name, "running");
        const [vpc] = (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs!;
        assert.equal(instance.VpcId, vpc.VpcId);
        const [subnet] = (await c.send(new DescribeSubnetsCommand({ SubnetIds: [instance.SubnetId!] }))).Subnets!;
        assert.equal(subnet.DefaultForAz, true);
        assert.equal(subnet.AvailableIpAddressCount, 4090);
      });
    },
    async removed(server) {
      await withEc2(server, async (c) => {
        const states = (await instancesNamed(c, "ansible-default-vpc")).map((i) => i.State!.Name);
        assert.ok(
          states.every((s) => s === "terminated"),
          `terminated: ${states.join(", ")}`,
        );
      });
    },
  },
});
