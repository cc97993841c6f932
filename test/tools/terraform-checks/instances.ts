// Terraform's instance configurations (fixtures/terraform/*): the instance-type data sources, an instance from a
// launch template, an AMI made from an instance, and the instance a golden-image configuration builds on; each
// applied, planned again with no changes expected, and destroyed; between the steps the AWS
// SDK reads what imagelite holds (the instance, its interfaces, volumes and attributes).
import assert from "node:assert/strict";
import {
  DescribeInstanceAttributeCommand,
  DescribeInstanceCreditSpecificationsCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeVolumesCommand,
  type EC2Client,
  type Instance,
} from "@aws-sdk/client-ec2";
import type { ConfigurationCheck } from "../terraform";
import { AL2023, findImage, newest, tag, withEc2 } from "../ec2-reads";

/** The instance with this id, as DescribeInstances shows it. */
async function instanceOf(c: EC2Client, id: string): Promise<Instance> {
  return (await c.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0].Instances![0];
}

export const instanceChecks: Record<string, ConfigurationCheck> = {
  "instance-types": {
    async applied({ server, outputs }) {
      await withEc2(server, async (c) => {
        const [micro] = (await c.send(new DescribeInstanceTypesCommand({ InstanceTypes: ["t3.micro"] }))).InstanceTypes!;
        assert.equal(outputs.t3_micro_vcpus, micro.VCpuInfo!.DefaultVCpus);
        const t3 = await c.send(new DescribeInstanceTypesCommand({ Filters: [{ Name: "instance-type", Values: ["t3.*"] }] }));
        assert.deepEqual([...(outputs.burstable as string[])].sort(), t3.InstanceTypes!.map((t) => t.InstanceType).sort());
      });
    },
    async destroyed() {
      // Data sources only: nothing was made.
    },
  },

  "launch-template-instance": {
    async applied({ server, outputs, attributes }) {
      const state = attributes("aws_instance.from_template");
      await withEc2(server, async (c) => {
        const instance = await instanceOf(c, String(state.id));
        assert.equal(instance.State!.Name, "running");
        assert.equal(instance.InstanceType, "t3.micro");
        assert.equal(instance.ImageId, (await newest(c, "amazon", AL2023)).ImageId);
        assert.equal(tag(instance.Tags, "Name"), "tf-from-template");
        assert.equal(tag(instance.Tags, "aws:ec2launchtemplate:id"), outputs.template);
        assert.equal(instance.MetadataOptions!.HttpTokens, "required");
        assert.equal(instance.PrivateIpAddress, state.private_ip);
        assert.equal(instance.NetworkInterfaces![0].NetworkInterfaceId, state.primary_network_interface_id);
        const [root] = (await c.send(new DescribeVolumesCommand({ VolumeIds: [instance.BlockDeviceMappings![0].Ebs!.VolumeId!] })))
          .Volumes!;
        assert.deepEqual([root.Size, root.VolumeType], [12, "gp3"]);
        const data = await c.send(new DescribeInstanceAttributeCommand({ InstanceId: instance.InstanceId, Attribute: "userData" }));
        assert.equal(Buffer.from(data.UserData!.Value!, "base64").toString(), "#!/bin/bash\necho golden > /etc/golden\n");
      });
    },
    async destroyed({ server, attributes }) {
      await withEc2(server, async (c) => {
        assert.equal((await instanceOf(c, String(attributes("aws_instance.from_template").id))).State!.Name, "terminated");
        assert.deepEqual((await c.send(new DescribeLaunchTemplatesCommand({}))).LaunchTemplates, []);
        assert.deepEqual((await c.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces, []);
      });
    },
  },

  "ami-from-instance": {
    async applied({ server, outputs, attributes }) {
      const builder = attributes("aws_instance.builder");
      await withEc2(server, async (c) => {
        const instance = await instanceOf(c, String(builder.id));
        assert.equal(instance.State!.Name, "running");
        assert.equal(builder.private_dns, instance.PrivateDnsName);
        assert.equal(builder.public_ip, instance.PublicIpAddress);
        assert.equal(builder.associate_public_ip_address, true, "the default subnet maps public addresses");
        const image = await findImage(c, String(outputs.image));
        assert.ok(image, "the AMI is registered");
        assert.equal(image.Name, "tf-golden-from-instance");
        assert.equal(image.SourceInstanceId, instance.InstanceId);
        assert.equal(tag(image.Tags, "Name"), "tf-golden-from-instance");
      });
    },
    async destroyed({ server, outputs, attributes }) {
      await withEc2(server, async (c) => {
        assert.equal(await findImage(c, String(outputs.image)), undefined);
        assert.equal((await instanceOf(c, String(attributes("aws_instance.builder").id))).State!.Name, "terminated");
      });
    },
  },
  instance: {
    async applied({ server, outputs }) {
      await withEc2(server, async (c) => {
        const instance = await instanceOf(c, String(outputs.instance));
        assert.equal(instance.State!.Name, "running");
        assert.equal(instance.InstanceType, "t3.small");
        assert.equal(instance.KeyName, "tf-instance-key");
        assert.equal(instance.Monitoring!.State, "enabled");
        assert.equal(instance.MetadataOptions!.HttpTokens, "required");
        assert.equal(instance.MetadataOptions!.HttpPutResponseHopLimit, 2);
        assert.equal(instance.MetadataOptions!.InstanceMetadataTags, "enabled");
        assert.equal(tag(instance.Tags, "Name"), "tf-builder");
        assert.match(instance.PublicIpAddress ?? "", /^[0-9.]+$/, "a public address, as asked");
        assert.match(instance.PrivateDnsName ?? "", /^ip-[0-9-]+\.ec2\.internal$/);
        assert.deepEqual(
          instance.SecurityGroups!.map((g) => g.GroupName),
          ["tf-instance"],
        );
        const { InstanceCreditSpecifications } = await c.send(
          new DescribeInstanceCreditSpecificationsCommand({ InstanceIds: [instance.InstanceId!] }),
        );
        assert.equal(InstanceCreditSpecifications![0].CpuCredits, "unlimited");
        const volumes = (
          await c.send(new DescribeVolumesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [instance.InstanceId!] }] }))
        ).Volumes!;
        assert.deepEqual(volumes.map((v) => [v.Attachments![0].Device, v.Size, v.VolumeType]).sort(), [
          ["/dev/sdf", 20, "gp3"],
          ["/dev/xvda", 16, "gp3"],
        ]);
      });
    },
    async destroyed({ server, outputs }) {
      await withEc2(server, async (c) => {
        assert.equal((await instanceOf(c, String(outputs.instance))).State!.Name, "terminated");
        const { SecurityGroups } = await c.send(
          new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["tf-instance"] }] }),
        );
        assert.deepEqual(SecurityGroups, []);
        assert.deepEqual((await c.send(new DescribeKeyPairsCommand({}))).KeyPairs, []);
      });
    },
  },
};
