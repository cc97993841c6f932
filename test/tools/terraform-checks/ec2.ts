// Terraform's EC2 configurations (fixtures/terraform/*), with the SSM parameters that publish AMI ids: applied,
// planned again with no changes expected, and destroyed; between the steps the AWS SDK reads what imagelite holds.
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  DescribeNetworkInterfacesCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeAddressesCommand,
  DescribeAvailabilityZonesCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeInternetGatewaysCommand,
  DescribeKeyPairsCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  DescribeSnapshotTierStatusCommand,
  DescribeVolumesCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  type Image,
} from "@aws-sdk/client-ec2";
import { GetParameterCommand, GetParametersCommand, ListTagsForResourceCommand, type SSMClient } from "@aws-sdk/client-ssm";
import type { Imagelite } from "../../../src/index";
import { ACCOUNT_A, ACCOUNT_B, ssmClient } from "../../support/server";
import { FIXTURES } from "../support";
import type { ConfigurationCheck } from "../terraform";
import { AL2023, findImage, newest, tag, withEc2 } from "../ec2-reads";

async function withSsm<T>(server: Imagelite, fn: (c: SSMClient) => Promise<T>): Promise<T> {
  const c = ssmClient(server);
  try {
    return await fn(c);
  } finally {
    c.destroy();
  }
}

const NAMES = ["/golden/ami/latest", "/golden/regions", "/golden/token"];

export const ec2Checks: Record<string, ConfigurationCheck> = {
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

  ebs: {
    // Encryption by default and the default KMS key are the account's: every other configuration's volumes would
    // be encrypted with that key.
    group: "ebs",
    async applied({ server, outputs }) {
      await withEc2(server, async (c) => {
        assert.equal((await c.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault, true);
        const teamKey = `arn:aws:kms:us-east-1:${ACCOUNT_A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
        assert.equal((await c.send(new GetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId, teamKey);
        const [fast] = (await c.send(new DescribeVolumesCommand({ VolumeIds: [String(outputs.fast)] }))).Volumes!;
        assert.deepEqual(
          [fast.VolumeType, fast.Size, fast.Iops, fast.MultiAttachEnabled, fast.Encrypted, fast.KmsKeyId, fast.State],
          ["io2", 50, 5000, true, true, teamKey, "available"],
        );
        assert.equal(tag(fast.Tags, "Name"), "tf-fast");
        const [data] = (await c.send(new DescribeVolumesCommand({ VolumeIds: [String(outputs.data)] }))).Volumes!;
        assert.deepEqual([data.VolumeType, data.Size, data.Iops, data.Throughput, data.Encrypted], ["gp3", 20, 4000, 250, true]);
        const [snap] = (await c.send(new DescribeSnapshotsCommand({ SnapshotIds: [String(outputs.snapshot)] }))).Snapshots!;
        assert.deepEqual([snap.StorageTier, snap.VolumeId, snap.Encrypted, snap.KmsKeyId], ["archive", data.VolumeId, true, data.KmsKeyId]);
        const [tier] = (
          await c.send(new DescribeSnapshotTierStatusCommand({ Filters: [{ Name: "snapshot-id", Values: [String(outputs.snapshot)] }] }))
        ).SnapshotTierStatuses!;
        assert.equal(tier.LastTieringOperationStatus, "archival-completed");
      });
    },
    async destroyed({ server }) {
      await withEc2(server, async (c) => {
        assert.equal((await c.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault, false);
        assert.equal((await c.send(new GetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId, `arn:aws:kms:us-east-1:${ACCOUNT_A}:alias/aws/ebs`);
        const left = (await c.send(new DescribeVolumesCommand({}))).Volumes!;
        assert.ok(
          left.every((v) => v.State === "deleting"),
          `volumes: ${left.map((v) => v.State).join(", ")}`,
        );
        assert.deepEqual((await c.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots, []);
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
  gateways: {
    async applied({ outputs, server, attributes }) {
      await withEc2(server, async (c) => {
        const vpc = String(outputs.vpc);
        // Other configurations of the suite make gateways of their own VPCs: only the default VPC's and the spare.
        const gateways = [
          ...(await c.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: "attachment.vpc-id", Values: [vpc] }] })))
            .InternetGateways!,
          ...(await c.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: "tag:Name", Values: ["tf-spare"] }] })))
            .InternetGateways!,
        ];
        assert.equal(gateways.length, 2, "the default VPC's gateway and the spare one");
        assert.deepEqual(gateways.find((g) => g.InternetGatewayId === outputs.gateway)!.Attachments, [{ State: "available", VpcId: vpc }]);
        assert.equal(tag(gateways.find((g) => g.InternetGatewayId !== outputs.gateway)!.Tags, "Name"), "tf-spare");

        const tables = (await c.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "vpc-id", Values: [vpc] }] }))).RouteTables!;
        const main = tables.find((t) => t.RouteTableId === outputs.main_route_table)!;
        assert.equal(main.Associations![0].Main, true);
        assert.equal(tag(main.Tags, "Name"), "tf-main");
        const publicTable = tables.find((t) => tag(t.Tags, "Name") === "tf-public")!;
        assert.deepEqual(
          publicTable.Routes!.map((r) => [r.DestinationCidrBlock, r.GatewayId, r.State]),
          [
            ["172.31.0.0/16", "local", "active"],
            ["0.0.0.0/0", outputs.gateway, "active"],
          ],
        );
        const partner = tables.find((t) => t.RouteTableId === attributes("aws_route.partner").route_table_id)!;
        assert.deepEqual(partner.Routes![1], {
          DestinationCidrBlock: "10.99.0.0/16",
          GatewayId: outputs.gateway,
          Origin: "CreateRoute",
          State: "active",
        });
        assert.equal(publicTable.Associations![0].SubnetId, attributes("aws_route_table_association.a").subnet_id);

        const acl = (await c.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: "tag:Name", Values: ["tf-builders"] }] })))
          .NetworkAcls![0];
        assert.deepEqual(
          acl.Associations!.map((x) => x.SubnetId),
          attributes("aws_network_acl.builders").subnet_ids,
        );
        assert.deepEqual(
          acl.Entries!.filter((e) => e.RuleNumber === 100).map((e) => [e.Egress, e.Protocol, e.PortRange?.From]),
          [
            [false, "6", 22],
            [true, "-1", undefined],
          ],
        );

        const defaultAcl = (
          await c.send(
            new DescribeNetworkAclsCommand({
              Filters: [
                { Name: "default", Values: ["true"] },
                { Name: "vpc-id", Values: [vpc] },
              ],
            }),
          )
        ).NetworkAcls![0];
        assert.equal(tag(defaultAcl.Tags, "Name"), "tf-default-acl");
        assert.equal(defaultAcl.Associations!.length, 5, "every default subnet but the builders'");

        const [eip] = (
          await c.send(new DescribeAddressesCommand({ Filters: [{ Name: "public-ip", Values: [String(outputs.public_ip)] }] }))
        ).Addresses!;
        assert.equal(eip.PublicIp, outputs.public_ip);
        assert.equal(tag(eip.Tags, "Name"), "tf-builder");
      });
    },
    async destroyed({ server }) {
      await withEc2(server, async (c) => {
        assert.equal((await c.send(new DescribeInternetGatewaysCommand({}))).InternetGateways!.length, 1, "the default VPC's stays");
        const tables = (await c.send(new DescribeRouteTablesCommand({}))).RouteTables!;
        assert.equal(tables.length, 1, "the main table stays");
        assert.equal(tables[0].Associations!.length, 1);
        const acls = (await c.send(new DescribeNetworkAclsCommand({}))).NetworkAcls!;
        assert.deepEqual(
          acls.map((a) => a.IsDefault),
          [true],
        );
        assert.equal(acls[0].Associations!.length, 6, "every default subnet is back with the default ACL");
        assert.deepEqual((await c.send(new DescribeAddressesCommand({}))).Addresses, []);
      });
    },
  },

  "default-network": {
    async applied({ server, outputs }) {
      await withEc2(server, async (c) => {
        const [vpc] = (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs!;
        assert.equal(outputs.vpc, vpc.VpcId);
        const { Subnets } = await c.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpc.VpcId!] }] }));
        assert.equal(Subnets!.length, 6);
        assert.deepEqual([...(outputs.subnets as string[])].sort(), Subnets!.map((s) => s.SubnetId).sort());
      });
    },
    async destroyed({ server }) {
      // Data sources only: the default VPC stays.
      await withEc2(server, async (c) => {
        assert.equal((await c.send(new DescribeVpcsCommand({}))).Vpcs!.length, 1);
      });
    },
  },

  "default-vpc": {
    async applied({ server, attributes }) {
      await withEc2(server, async (c) => {
        const [vpc] = (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs!;
        assert.equal(attributes("aws_default_vpc.default").id, vpc.VpcId);
        assert.equal(tag(vpc.Tags, "Name"), "Default VPC");
        const dns = await c.send(new DescribeVpcAttributeCommand({ VpcId: vpc.VpcId, Attribute: "enableDnsHostnames" }));
        assert.equal(dns.EnableDnsHostnames!.Value, true);
      });
    },
    async destroyed({ server }) {
      // aws_default_vpc leaves the default VPC in place when destroyed (force_destroy is false).
      await withEc2(server, async (c) => {
        assert.equal((await c.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs!.length, 1);
      });
    },
  },
  "security-groups": {
    async applied({ server, outputs, attributes }) {
      await withEc2(server, async (c) => {
        const groups = async (id: unknown) =>
          (await c.send(new DescribeSecurityGroupsCommand({ GroupIds: [String(id)] }))).SecurityGroups![0];
        const builder = await groups(outputs.builder);
        assert.equal(builder.GroupName, "tf-builder");
        assert.equal(tag(builder.Tags, "Name"), "tf-builder");
        assert.deepEqual(
          builder.IpPermissions!.map((p) => [p.IpProtocol, p.FromPort, p.ToPort, p.IpRanges!.map((r) => [r.CidrIp, r.Description])]),
          [["tcp", 22, 22, [["10.0.0.0/8", "SSH"]]]],
        );
        assert.deepEqual(
          builder.IpPermissionsEgress!.map((p) => [p.IpProtocol, p.IpRanges!.map((r) => r.CidrIp)]),
          [["-1", ["0.0.0.0/0"]]],
        );
        const winrm = await groups(outputs.winrm);
        assert.deepEqual(winrm.IpPermissionsEgress, [], "the provider removed the default egress rule of a group that declares none");
        const { SecurityGroupRules } = await c.send(
          new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: [String(outputs.winrm)] }] }),
        );
        assert.deepEqual(SecurityGroupRules!.map((r) => [r.IsEgress, r.FromPort, r.CidrIpv4, r.Description ?? ""]).sort(), [
          [false, 3389, "10.0.0.0/8", "RDP"],
          [false, 5986, "10.0.0.0/8", ""],
        ]);
        const rdp = attributes("aws_vpc_security_group_ingress_rule.rdp");
        assert.ok(SecurityGroupRules!.some((r) => r.SecurityGroupRuleId === rdp.security_group_rule_id));

        // Rules as resources of their own, one each way: HTTPS out, and the proxy's port from the builder group.
        const proxy = await c.send(
          new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: [String(outputs.proxy)] }] }),
        );
        const https = proxy.SecurityGroupRules!.find((r) => r.IsEgress)!;
        assert.equal(proxy.SecurityGroupRules!.length, 2, "the default egress rule is gone");
        assert.deepEqual(
          [https.SecurityGroupRuleId, https.IpProtocol, https.FromPort, https.ToPort, https.CidrIpv4, https.Description],
          [attributes("aws_vpc_security_group_egress_rule.proxy_https").security_group_rule_id, "tcp", 443, 443, "0.0.0.0/0", "HTTPS out"],
        );
        assert.equal(tag(https.Tags, "Name"), "tf-https-out");
        const squid = proxy.SecurityGroupRules!.find((r) => !r.IsEgress)!;
        assert.deepEqual(
          [squid.FromPort, squid.ReferencedGroupInfo?.GroupId, squid.Description],
          [3128, outputs.builder, "Squid from builders"],
        );
      });
    },
    async destroyed({ server }) {
      await withEc2(server, async (c) => {
        const { SecurityGroups } = await c.send(
          new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["tf-builder", "tf-winrm", "tf-proxy"] }] }),
        );
        assert.deepEqual(SecurityGroups, []);
      });
    },
  },
  volumes: {
    async applied({ server, attributes }) {
      await withEc2(server, async (c) => {
        const volumeId = String(attributes("aws_ebs_volume.data").id);
        const instanceId = String(attributes("aws_instance.host").id);
        const [volume] = (await c.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] }))).Volumes!;
        assert.deepEqual([volume.Size, volume.VolumeType, volume.State, tag(volume.Tags, "Name")], [10, "gp3", "in-use", "tf-data"]);
        assert.deepEqual(
          volume.Attachments!.map((a) => [a.InstanceId, a.Device, a.State]),
          [[instanceId, "/dev/sdh", "attached"]],
        );
        const snapshotId = String(attributes("aws_ebs_snapshot.data").id);
        const [snapshot] = (await c.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] }))).Snapshots!;
        assert.deepEqual([snapshot.VolumeId, snapshot.State, snapshot.Description], [volumeId, "completed", "tf data snapshot"]);
      });
      await withEc2(
        server,
        async (c) => {
          const copyId = String(attributes("aws_ebs_snapshot_copy.data").id);
          const [copy] = (await c.send(new DescribeSnapshotsCommand({ SnapshotIds: [copyId] }))).Snapshots!;
          assert.deepEqual([copy.State, tag(copy.Tags, "Name")], ["completed", "tf-data-copy"]);
        },
        ACCOUNT_A,
        "us-west-2",
      );
    },
    async destroyed({ server, attributes }) {
      await withEc2(server, async (c) => {
        assert.deepEqual((await c.send(new DescribeVolumesCommand({ Filters: [{ Name: "tag:Name", Values: ["tf-data"] }] }))).Volumes, []);
        assert.deepEqual((await c.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots, []);
        const [host] = (await c.send(new DescribeInstancesCommand({ InstanceIds: [String(attributes("aws_instance.host").id)] })))
          .Reservations![0].Instances!;
        assert.equal(host.State!.Name, "terminated");
      });
    },
  },
  vpc: {
    async applied({ server, attributes }) {
      await withEc2(server, async (c) => {
        const vpcId = String(attributes("aws_vpc.build").id);
        const [vpc] = (await c.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs!;
        assert.deepEqual([vpc.CidrBlock, vpc.IsDefault, tag(vpc.Tags, "Name")], ["10.20.0.0/16", false, "tf-build"]);
        const subnetId = String(attributes("aws_subnet.build").id);
        const [subnet] = (await c.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] }))).Subnets!;
        assert.deepEqual([subnet.VpcId, subnet.CidrBlock, subnet.MapPublicIpOnLaunch], [vpcId, "10.20.1.0/24", true]);
        const [gateway] = (await c.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: "attachment.vpc-id", Values: [vpcId] }] })))
          .InternetGateways!;
        assert.equal(gateway.InternetGatewayId, attributes("aws_internet_gateway.build").id);
        const [table] = (await c.send(new DescribeRouteTablesCommand({ RouteTableIds: [String(attributes("aws_route_table.build").id)] })))
          .RouteTables!;
        assert.deepEqual(
          table.Routes!.map((r) => [r.DestinationCidrBlock, r.GatewayId]),
          [
            ["10.20.0.0/16", "local"],
            ["0.0.0.0/0", gateway.InternetGatewayId],
          ],
        );
        assert.deepEqual(
          table.Associations!.map((a) => a.SubnetId),
          [subnetId],
        );
        const [eni] = (
          await c.send(
            new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [String(attributes("aws_network_interface.build").id)] }),
          )
        ).NetworkInterfaces!;
        assert.deepEqual([eni.SubnetId, eni.VpcId, eni.PrivateIpAddress, eni.Status], [subnetId, vpcId, "10.20.1.10", "available"]);
        const [address] = (await c.send(new DescribeAddressesCommand({ AllocationIds: [String(attributes("aws_eip.build").id)] })))
          .Addresses!;
        assert.equal(address.Domain, "vpc");
      });
    },
    async destroyed({ server }) {
      await withEc2(server, async (c) => {
        assert.deepEqual((await c.send(new DescribeVpcsCommand({ Filters: [{ Name: "cidr-block", Values: ["10.20.0.0/16"] }] }))).Vpcs, []);
        assert.deepEqual((await c.send(new DescribeAddressesCommand({}))).Addresses, []);
        assert.deepEqual((await c.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces, [], "no interface is left");
      });
    },
  },
  "ssm-parameter": {
    async applied({ server }) {
      await withSsm(server, async (c) => {
        const latest = await c.send(
          new GetParameterCommand({ Name: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64" }),
        );
        const { Parameters, InvalidParameters } = await c.send(new GetParametersCommand({ Names: NAMES, WithDecryption: true }));
        assert.deepEqual(InvalidParameters, []);
        const byName = Object.fromEntries(Parameters!.map((p) => [p.Name, p]));
        assert.equal(byName["/golden/ami/latest"].Value, latest.Parameter!.Value);
        assert.equal(byName["/golden/ami/latest"].DataType, "aws:ec2:image");
        assert.equal(byName["/golden/regions"].Type, "StringList");
        assert.equal(byName["/golden/regions"].Value, "us-east-1,us-west-2");
        assert.equal(byName["/golden/token"].Type, "SecureString");
        assert.equal(byName["/golden/token"].Value, "s3cr3t");
        const { TagList } = await c.send(new ListTagsForResourceCommand({ ResourceType: "Parameter", ResourceId: "/golden/ami/latest" }));
        assert.deepEqual(TagList, [{ Key: "team", Value: "images" }]);
      });
    },
    async destroyed({ server }) {
      await withSsm(server, async (c) => {
        const { Parameters, InvalidParameters } = await c.send(new GetParametersCommand({ Names: NAMES }));
        assert.deepEqual(Parameters, []);
        assert.deepEqual([...InvalidParameters!].sort(), NAMES);
      });
    },
  },
};
