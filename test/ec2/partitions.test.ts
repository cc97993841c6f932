// The AWS partitions through the AWS SDK ("AWS service endpoints", rande.html; "Amazon Resource Names", reference-arns.html):
// requests scoped to the China (cn-north-1, cn-northwest-1) and GovCloud (US) (us-gov-west-1, us-gov-east-1)
// Regions are served; every ARN imagelite writes names the partition of its Region (arn:aws-cn:…, arn:aws-us-gov:…),
// public DNS names in China end in amazonaws.com.cn, DescribeRegions lists the caller's partition only, and an ARN
// or a copy source of another partition is refused.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { GetParameterCommand, PutParameterCommand } from "@aws-sdk/client-ssm";
import {
  CopyImageCommand,
  CopySnapshotCommand,
  CreateLaunchTemplateCommand,
  CreateSecurityGroupCommand,
  CreateVolumeCommand,
  DescribeAvailabilityZonesCommand,
  DescribeImageReferencesCommand,
  DescribeImagesCommand,
  DescribeRegionsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  ModifyImageAttributeCommand,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import { CreateFleetCommand, DescribeImagesCommand as DescribeAppStreamImagesCommand } from "@aws-sdk/client-appstream";
import { ACCOUNT_A, rejection, T, useServer } from "../support/server";
import { registerAmi } from "./helpers";

const PARTITIONS = [
  {
    partition: "aws-cn",
    region: "cn-north-1",
    other: "cn-northwest-1",
    dns: "amazonaws.com.cn",
    azPrefix: "cnn1",
    publicIp: /^52\.8[01]\./,
  },
  {
    partition: "aws-us-gov",
    region: "us-gov-west-1",
    other: "us-gov-east-1",
    dns: "amazonaws.com",
    azPrefix: "usgw1",
    publicIp: /^52\.61\./,
  },
];
const AL2023 = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

for (const { partition, region, other, dns, azPrefix, publicIp } of PARTITIONS) {
  describe(`${partition} (${region})`, () => {
    const fx = useServer();
    const ec2 = () => fx.ec2(ACCOUNT_A, region);
    /** An AMI of the caller's own in `region`, available. */
    async function ami(name: string, r = region): Promise<string> {
      const id = await registerAmi(fx.ec2(ACCOUNT_A, r), name);
      fx.server.clock.advance(T + 1);
      return id;
    }

    it("STS names the caller in the partition's IAM", async () => {
      const id = await fx.sts(ACCOUNT_A, region).send(new GetCallerIdentityCommand({}));
      assert.equal(id.Arn, `arn:${partition}:iam::${ACCOUNT_A}:root`);
      assert.equal(id.Account, ACCOUNT_A);
    });

    it("DescribeRegions lists the partition's Regions with its endpoints; zone ids follow the Region's code", async () => {
      const { Regions } = await ec2().send(new DescribeRegionsCommand({}));
      assert.deepEqual(
        Regions!.map((r) => [r.RegionName, r.Endpoint]),
        [region, other].sort().map((r) => [r, `ec2.${r}.${dns}`]),
      );
      const refused = await rejection(() => ec2().send(new DescribeRegionsCommand({ RegionNames: ["us-east-1"] })));
      assert.equal(refused.name, "InvalidParameterValue");
      const { AvailabilityZones } = await ec2().send(new DescribeAvailabilityZonesCommand({}));
      assert.equal(AvailabilityZones![0].ZoneName, `${region}a`);
      assert.equal(AvailabilityZones![0].ZoneId, `${azPrefix}-az1`);
    });

    it("EC2 ARNs name the partition: security groups, subnets, instances, launch templates, KMS keys", async () => {
      const c = ec2();
      const { GroupId } = await c.send(new CreateSecurityGroupCommand({ GroupName: "web", Description: "web" }));
      const [group] = (await c.send(new DescribeSecurityGroupsCommand({ GroupIds: [GroupId!] }))).SecurityGroups!;
      assert.equal(group.SecurityGroupArn, `arn:${partition}:ec2:${region}:${ACCOUNT_A}:security-group/${GroupId}`);
      const [subnet] = (await c.send(new DescribeSubnetsCommand({}))).Subnets!;
      assert.equal(subnet.SubnetArn, `arn:${partition}:ec2:${region}:${ACCOUNT_A}:subnet/${subnet.SubnetId}`);

      const image = await ami("golden");
      const { LaunchTemplate } = await c.send(
        new CreateLaunchTemplateCommand({ LaunchTemplateName: "web-template", LaunchTemplateData: { ImageId: image } }),
      );
      assert.equal(LaunchTemplate!.CreatedBy, `arn:${partition}:iam::${ACCOUNT_A}:root`);
      const run = await c.send(new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: "app" } }));
      const instance = run.Instances![0];
      assert.equal(instance.IamInstanceProfile!.Arn, `arn:${partition}:iam::${ACCOUNT_A}:instance-profile/app`);
      const refs = (await c.send(new DescribeImageReferencesCommand({ ImageIds: [image], IncludeAllResourceTypes: true })))
        .ImageReferences!;
      assert.deepEqual(refs.map((r) => r.Arn).sort(), [
        `arn:${partition}:ec2:${region}:${ACCOUNT_A}:instance/${instance.InstanceId}`,
        `arn:${partition}:ec2:${region}:${ACCOUNT_A}:launch-template/${LaunchTemplate!.LaunchTemplateId}`,
      ]);

      const volume = await c.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 8, Encrypted: true }));
      assert.match(volume.KmsKeyId!, new RegExp(`^arn:${partition}:kms:${region}:${ACCOUNT_A}:key/[0-9a-f-]{36}$`));
      const foreignKey = await rejection(() =>
        c.send(
          new CreateVolumeCommand({
            AvailabilityZone: `${region}a`,
            Size: 8,
            Encrypted: true,
            KmsKeyId: `arn:aws:kms:${region}:${ACCOUNT_A}:alias/mine`,
          }),
        ),
      );
      assert.equal(foreignKey.name, "InvalidParameterValue");
    });

    it("an instance profile or organization ARN of another partition is refused", async () => {
      const c = ec2();
      const image = await ami("base");
      const profile = await rejection(() =>
        c.send(
          new RunInstancesCommand({
            ImageId: image,
            MinCount: 1,
            MaxCount: 1,
            IamInstanceProfile: { Arn: `arn:aws:iam::${ACCOUNT_A}:instance-profile/app` },
          }),
        ),
      );
      assert.equal(profile.name, "InvalidParameterValue");
      const ok = await c.send(
        new RunInstancesCommand({
          ImageId: image,
          MinCount: 1,
          MaxCount: 1,
          IamInstanceProfile: { Arn: `arn:${partition}:iam::${ACCOUNT_A}:instance-profile/app` },
        }),
      );
      assert.equal(ok.Instances![0].IamInstanceProfile!.Arn, `arn:${partition}:iam::${ACCOUNT_A}:instance-profile/app`);

      const org = (p: string) => `arn:${p}:organizations::${ACCOUNT_A}:organization/o-abcdefghij`;
      const foreign = await rejection(() =>
        c.send(new ModifyImageAttributeCommand({ ImageId: image, LaunchPermission: { Add: [{ OrganizationArn: org("aws") }] } })),
      );
      assert.equal(foreign.name, "InvalidAMIAttributeItemValue");
      await c.send(new ModifyImageAttributeCommand({ ImageId: image, LaunchPermission: { Add: [{ OrganizationArn: org(partition) }] } }));
    });

    it("an instance's public address is of the Region's range, its DNS name ends in the partition's suffix; its private one stays compute.internal", async () => {
      const image = await ami("web");
      const run = await ec2().send(new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1 }));
      const i = run.Instances![0];
      assert.match(i.PublicIpAddress!, publicIp);
      assert.equal(i.PublicDnsName, `ec2-${i.PublicIpAddress!.replace(/\./g, "-")}.${region}.compute.${dns}`);
      assert.equal(i.PrivateDnsName, `ip-${i.PrivateIpAddress!.replace(/\./g, "-")}.${region}.compute.internal`);
    });

    it("SSM parameter ARNs, Amazon's public ones too, name the partition; an ARN of another partition names nothing", async () => {
      const ssm = fx.ssm(ACCOUNT_A, region);
      const pub = (await ssm.send(new GetParameterCommand({ Name: AL2023 }))).Parameter!;
      assert.equal(pub.ARN, `arn:${partition}:ssm:${region}::parameter${AL2023}`);
      assert.equal((await ec2().send(new DescribeImagesCommand({ ImageIds: [pub.Value!] }))).Images!.length, 1);

      await ssm.send(new PutParameterCommand({ Name: "/app/ami", Value: "x", Type: "String" }));
      const own = (await ssm.send(new GetParameterCommand({ Name: "/app/ami" }))).Parameter!;
      assert.equal(own.ARN, `arn:${partition}:ssm:${region}:${ACCOUNT_A}:parameter/app/ami`);
      assert.equal((await ssm.send(new GetParameterCommand({ Name: own.ARN }))).Parameter!.Value, "x");
      const foreign = await rejection(() =>
        ssm.send(new GetParameterCommand({ Name: `arn:aws:ssm:${region}:${ACCOUNT_A}:parameter/app/ami` })),
      );
      assert.equal(foreign.name, "ParameterNotFound");
    });

    it("CopyImage and CopySnapshot from a Region of another partition are refused; within the partition they copy", async () => {
      const c = ec2();
      const commercial = await ami("commercial", "us-east-1");
      const refused = await rejection(() =>
        c.send(new CopyImageCommand({ Name: "cross", SourceImageId: commercial, SourceRegion: "us-east-1" })),
      );
      assert.equal(refused.name, "InvalidRegion");
      assert.equal(refused.message, "The source region 'us-east-1' is not valid.");
      const amazonSnapshot = (await fx.ec2(ACCOUNT_A, "us-east-1").send(new DescribeImagesCommand({ ImageIds: [commercial] }))).Images![0]
        .BlockDeviceMappings![0].Ebs!.SnapshotId!;
      const snap = await rejection(() => c.send(new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: amazonSnapshot })));
      assert.equal(snap.name, "InvalidRegion");

      const sibling = await ami("sibling", other);
      const { ImageId } = await c.send(new CopyImageCommand({ Name: "within", SourceImageId: sibling, SourceRegion: other }));
      assert.match(ImageId!, /^ami-[0-9a-f]{17}$/);
    });
  });
}

describe("AppStream in us-gov-west-1", () => {
  const fx = useServer();
  it("public images and fleets have aws-us-gov ARNs; an image ARN of another partition names nothing", async () => {
    const client = fx.appstream(ACCOUNT_A, "us-gov-west-1");
    const { Images } = await client.send(new DescribeAppStreamImagesCommand({ Type: "PUBLIC", MaxResults: 1 }));
    const image = Images![0];
    assert.equal(image.Arn, `arn:aws-us-gov:appstream:us-gov-west-1::image/${image.Name}`);
    const { Fleet } = await client.send(
      new CreateFleetCommand({
        Name: "gov",
        ImageArn: image.Arn,
        InstanceType: "stream.standard.medium",
        FleetType: "ON_DEMAND",
        ComputeCapacity: { DesiredInstances: 1 },
      }),
    );
    assert.equal(Fleet!.Arn, `arn:aws-us-gov:appstream:us-gov-west-1:${ACCOUNT_A}:fleet/gov`);
    assert.equal(Fleet!.ImageArn, image.Arn);
    const foreign = await rejection(() =>
      client.send(
        new CreateFleetCommand({
          Name: "foreign",
          ImageArn: `arn:aws:appstream:us-gov-west-1::image/${image.Name}`,
          InstanceType: "stream.standard.medium",
          FleetType: "ON_DEMAND",
          ComputeCapacity: { DesiredInstances: 1 },
        }),
      ),
    );
    assert.equal(foreign.name, "ResourceNotFoundException");
  });
});
