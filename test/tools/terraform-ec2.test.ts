// Terraform's EC2 configurations (fixtures/terraform/*), each applied to a fresh imagelite, planned again with no
// changes expected, and destroyed; between the steps the AWS SDK reads what imagelite holds.
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  DescribeAvailabilityZonesCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeKeyPairsCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeSnapshotsCommand,
  type EC2Client,
  type Image,
} from "@aws-sdk/client-ec2";
import { GetParameterCommand } from "@aws-sdk/client-ssm";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, ec2Client, ssmClient } from "../support/server";
import { FIXTURES } from "./support";
import { terraformSuite } from "./terraform";

const AL2023 = "al2023-ami-2023.*-kernel-6.1-x86_64";

/** Runs `fn` with an EC2 client of `account` in `region`, destroyed afterwards. */
async function withEc2<T>(server: Imagelite, fn: (c: EC2Client) => Promise<T>, account = ACCOUNT_A, region = "us-east-1"): Promise<T> {
  const c = ec2Client(server, account, region);
  try {
    return await fn(c);
  } finally {
    c.destroy();
  }
}

/** The newest image of `owner` whose name matches `name`, as EC2 lists it. */
async function newest(c: EC2Client, owner: string, name: string): Promise<Image> {
  const { Images } = await c.send(new DescribeImagesCommand({ Owners: [owner], Filters: [{ Name: "name", Values: [name] }] }));
  assert.ok(Images?.length, `${owner} has images named ${name}`);
  return [...Images].sort((a, b) => Date.parse(a.CreationDate!) - Date.parse(b.CreationDate!)).pop()!;
}

/** The image with this id if the caller can still see it registered. */
async function findImage(c: EC2Client, id: string): Promise<Image | undefined> {
  try {
    const { Images } = await c.send(new DescribeImagesCommand({ ImageIds: [id] }));
    return Images?.find((i) => i.State !== "deregistered");
  } catch (e) {
    if ((e as Error).name === "InvalidAMIID.NotFound") return undefined;
    throw e;
  }
}

const tag = (tags: { Key?: string; Value?: string }[] | undefined, key: string) => tags?.find((t) => t.Key === key)?.Value;

terraformSuite("terraform-ec2", "Terraform: EC2", {
  "ami-lookups": {
    // Canonical's and Red Hat's images come from a seed file, as a publisher's public images.
    server: { seed: join(FIXTURES, "publishers.yaml") },
    async applied({ server, outputs }) {
      await withEc2(server, async (c) => {
        assert.equal(outputs.amazon_linux, (await newest(c, "amazon", AL2023)).ImageId);
        assert.equal(outputs.windows, (await newest(c, "amazon", "Windows_Server-2022-English-Full-Base-*")).ImageId);
        const ubuntu = await newest(c, "099720109477", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*");
        assert.equal(outputs.ubuntu, ubuntu.ImageId);
        assert.match(ubuntu.Name!, /-20261101$/, "most_recent picks the newer of the two seeded releases");
        assert.equal(outputs.rhel, "RHEL-9.6.0_HVM-20260601-x86_64-0-Hourly2-GP3");

        // aws_ami_ids sorts by creation date, newest first.
        const { Images } = await c.send(new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: [AL2023] }] }));
        const ids = [...Images!].sort((a, b) => Date.parse(b.CreationDate!) - Date.parse(a.CreationDate!)).map((i) => i.ImageId);
        assert.deepEqual(outputs.amazon_linux_ids, ids);

        const zones = (await c.send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones!.map((z) => z.ZoneName);
        assert.deepEqual(outputs.zones, zones);
      });
      const ssm = ssmClient(server);
      try {
        const al2023 = await ssm.send(
          new GetParameterCommand({ Name: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64" }),
        );
        assert.equal(outputs.al2023_parameter, al2023.Parameter!.Value);
        assert.equal(outputs.al2023_parameter, outputs.amazon_linux, "the public parameter names the newest AMI the lookup finds");
        assert.equal(outputs.windows_parameter, outputs.windows);
      } finally {
        ssm.destroy();
      }
    },
    async destroyed({ server }) {
      await withEc2(server, async (c) => {
        assert.deepEqual((await c.send(new DescribeImagesCommand({ Owners: ["self"] }))).Images, [], "lookups create nothing");
      });
    },
  },

  "key-pair": {
    async applied({ server, outputs, attributes }) {
      await withEc2(server, async (c) => {
        const prefixed = String(outputs.prefixed_name);
        assert.match(prefixed, /^tf-/);
        const { KeyPairs } = await c.send(new DescribeKeyPairsCommand({ KeyNames: ["tf-deployer", prefixed] }));
        const deployer = KeyPairs!.find((k) => k.KeyName === "tf-deployer")!;
        assert.equal(deployer.KeyType, "ed25519");
        assert.equal(deployer.KeyFingerprint, outputs.fingerprint);
        assert.equal(deployer.KeyPairId, attributes("aws_key_pair.deployer").key_pair_id);
        assert.equal(tag(deployer.Tags, "Name"), "tf-deployer");
      });
    },
    async destroyed({ server }) {
      await withEc2(server, async (c) => {
        assert.deepEqual((await c.send(new DescribeKeyPairsCommand({}))).KeyPairs, []);
      });
    },
  },

  "ami-copy-share": {
    async applied({ server, outputs }) {
      await withEc2(server, async (c) => {
        const copy = (await findImage(c, String(outputs.copy)))!;
        assert.equal(copy.State, "available");
        assert.equal(copy.Name, "tf-golden-copy");
        assert.equal(tag(copy.Tags, "Name"), "tf-golden-copy");
        assert.equal(copy.SourceImageRegion, "us-west-2");
        const registered = (await findImage(c, String(outputs.registered)))!;
        assert.equal(registered.State, "available");
        assert.equal(registered.BootMode, "uefi-preferred");
        assert.equal(registered.ImdsSupport, "v2.0");
        const root = (i: Image) => i.BlockDeviceMappings!.find((m) => m.DeviceName === "/dev/xvda")!.Ebs!.SnapshotId;
        assert.equal(root(registered), root(copy), "registered from the copy's root snapshot");
        for (const image of [copy, registered]) {
          const { LaunchPermissions } = await c.send(
            new DescribeImageAttributeCommand({ ImageId: image.ImageId, Attribute: "launchPermission" }),
          );
          assert.deepEqual(LaunchPermissions, [{ UserId: ACCOUNT_B }]);
        }
      });
      await withEc2(
        server,
        async (b) => {
          const { Images } = await b.send(new DescribeImagesCommand({ ExecutableUsers: ["self"] }));
          assert.deepEqual(Images!.map((i) => i.Name).sort(), ["tf-golden-copy", "tf-golden-registered"], "shared with the other account");
        },
        ACCOUNT_B,
      );
    },
    async destroyed({ server, outputs }) {
      await withEc2(server, async (c) => {
        assert.equal(await findImage(c, String(outputs.copy)), undefined);
        assert.equal(await findImage(c, String(outputs.registered)), undefined);
        // aws_ami_copy owns the snapshots the copy made, and deletes them with it.
        assert.deepEqual((await c.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots, []);
      });
    },
  },

  "launch-template": {
    async applied({ server, outputs }) {
      await withEc2(server, async (c) => {
        const [template] = (await c.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [String(outputs.template)] })))
          .LaunchTemplates!;
        assert.equal(template.LaunchTemplateName, "tf-builder");
        assert.equal(template.LatestVersionNumber, outputs.latest_version);
        const [version] = (
          await c.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: template.LaunchTemplateId, Versions: ["$Latest"] }))
        ).LaunchTemplateVersions!;
        const data = version.LaunchTemplateData!;
        assert.equal(data.ImageId, (await newest(c, "amazon", AL2023)).ImageId);
        assert.equal(data.InstanceType, "t3.micro");
        assert.equal(Buffer.from(data.UserData!, "base64").toString(), "#!/bin/bash\necho golden > /etc/golden\n");
        assert.deepEqual(
          data.BlockDeviceMappings!.map((m) => [m.DeviceName, m.Ebs!.VolumeSize, m.Ebs!.VolumeType]),
          [["/dev/xvda", 12, "gp3"]],
        );
        assert.equal(data.MetadataOptions!.HttpTokens, "required");
        assert.deepEqual(
          data.TagSpecifications!.map((t) => [t.ResourceType, tag(t.Tags, "Name")]),
          [["instance", "tf-from-template"]],
        );
      });
    },
    async destroyed({ server }) {
      await withEc2(server, async (c) => {
        assert.deepEqual((await c.send(new DescribeLaunchTemplatesCommand({}))).LaunchTemplates, []);
      });
    },
  },

  "snapshot-copy": {
    async applied({ server, outputs }) {
      const source = await withEc2(
        server,
        async (west) => (await west.send(new DescribeSnapshotsCommand({ SnapshotIds: [String(outputs.source_snapshot)] }))).Snapshots![0],
        ACCOUNT_A,
        "us-west-2",
      );
      await withEc2(server, async (c) => {
        const [copy] = (await c.send(new DescribeSnapshotsCommand({ SnapshotIds: [String(outputs.snapshot)] }))).Snapshots!;
        assert.equal(copy.State, "completed");
        assert.equal(copy.OwnerId, ACCOUNT_A);
        assert.equal(copy.VolumeSize, source.VolumeSize);
        assert.match(copy.Description!, /^Root volume of al2023-ami-2023\./);
        assert.equal(tag(copy.Tags, "Name"), "tf-root-copy");
      });
    },
    async destroyed({ server }) {
      await withEc2(server, async (c) => {
        assert.deepEqual((await c.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots, []);
      });
    },
  },
});
