// One Packer amazon-ebs build (packer-plugin-amazon, SDK for Go v2; builder/ebs/builder.go and common/step_*.go),
// replayed call by call against imagelite: communicator "none", the source AMI by filter (owners amazon, most
// recent), a temporary key pair and security group, one instance stopped and imaged, the AMI copied to a second
// region, shared with a second account (AMI and snapshots, in both regions), tagged, and the clean-up. Members
// that the Go SDK sends as "" when unset (VpcId, SubnetId, Placement.AvailabilityZone, IamInstanceProfile.Name,
// UserData, KmsKeyId) are sent as "" here too. Waiters are the SDK's, with Packer's delays on the manual clock.
import assert from "node:assert/strict";
import {
  AuthorizeSecurityGroupIngressCommand,
  CopyImageCommand,
  CreateImageCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeRegionsCommand,
  DescribeVolumesCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  waitUntilImageAvailable,
  waitUntilInstanceRunning,
  waitUntilInstanceStopped,
  waitUntilInstanceTerminated,
  waitUntilSecurityGroupExists,
  type EC2Client,
  type Image,
  type Instance,
  type Tag,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { callLog, waitOnClock } from "./replay";

export const BUILD_REGION = "us-east-1";
export const COPY_REGION = "us-west-2";
export const AMI_NAME = "packer-al2023-20261123";
export const RUN_TAGS: Tag[] = [{ Key: "build", Value: "packer" }];
export const TAGS: Tag[] = [
  { Key: "Name", Value: "packer-built" },
  { Key: "os", Value: "al2023" },
];

/** Packer's waits: 15 s polls for instances (10 min), 5 s for AMIs (30 min), 5 s for the security group (200 s). */
const INSTANCE = [15, 600] as const;
const AMI = [5, 1800] as const;
const GROUP = [5, 200] as const;

export interface PackerBuild {
  sourceAmi: Image;
  instance: Instance;
  keyMaterial: string;
  amis: Record<string, string>;
  snapshots: Record<string, string[]>;
  /** The EC2 operations sent, in order; a waiter's polls are one `Op*`. */
  log: string[];
}

/** The replay order of the build (research notes, Packer section "Replay order"). */
export const PACKER_SEQUENCE = [
  "DescribeRegions",
  "DescribeImages",
  "DescribeImages",
  "CreateKeyPair",
  "CreateSecurityGroup",
  "DescribeSecurityGroups*",
  "AuthorizeSecurityGroupIngress",
  "RunInstances",
  "DescribeInstances*",
  "DescribeInstances",
  "StopInstances",
  "DescribeInstances*",
  "CreateImage",
  "DescribeImages*",
  "DescribeImages",
  "CopyImage",
  "DescribeImages*",
  "DescribeImages",
  "ModifyImageAttribute",
  "ModifyImageAttribute",
  // One snapshot (the root volume's) per region.
  "ModifySnapshotAttribute",
  "ModifySnapshotAttribute",
  "DescribeImages",
  "CreateTags",
  "DescribeImages",
  "CreateTags",
  "TerminateInstances",
  "DescribeInstances*",
  "DescribeVolumes",
  "DeleteSecurityGroup",
  "DeleteKeyPair",
];

export async function packerBuild(
  server: Imagelite,
  r1: EC2Client,
  r2: EC2Client,
  sharedWith: string,
  uuid = "6566c1b2-0b8a-4c43-9f7e-1f1f0c7d1e01",
): Promise<PackerBuild> {
  const log = callLog(r1, r2);
  const clients: Record<string, EC2Client> = { [BUILD_REGION]: r1, [COPY_REGION]: r2 };

  // StepPreValidate: the regions exist; the AMI name is free.
  const { Regions } = await r1.send(new DescribeRegionsCommand({}));
  const names = Regions!.map((r) => r.RegionName);
  for (const r of [BUILD_REGION, COPY_REGION]) assert.ok(names.includes(r), `${r} is listed`);
  const taken = await r1.send(new DescribeImagesCommand({ Owners: ["self"], Filters: [{ Name: "name", Values: [AMI_NAME] }] }));
  assert.deepEqual(taken.Images, []);

  // StepSourceAMIInfo: owners amazon, the name filter, IncludeDeprecated false; the newest CreationDate wins.
  const found = await r1.send(
    new DescribeImagesCommand({
      Owners: ["amazon"],
      Filters: [{ Name: "name", Values: ["al2023-ami-2023*-x86_64"] }],
      IncludeDeprecated: false,
    }),
  );
  assert.ok(found.Images!.length > 1);
  const sourceAmi = [...found.Images!].sort((x, y) => Date.parse(x.CreationDate!) - Date.parse(y.CreationDate!)).pop()!;
  assert.equal(sourceAmi.RootDeviceType, "ebs");

  // StepKeyPair and StepSecurityGroup: temporary ones named packer_<uuid>, tagged with run_tags.
  const keyName = `packer_${uuid}`;
  const key = await r1.send(
    new CreateKeyPairCommand({ KeyName: keyName, KeyType: "rsa", TagSpecifications: [{ ResourceType: "key-pair", Tags: RUN_TAGS }] }),
  );
  assert.match(key.KeyMaterial!, /^-----BEGIN RSA PRIVATE KEY-----/);
  const group = await r1.send(
    new CreateSecurityGroupCommand({
      GroupName: `packer_${uuid}`,
      Description: "Temporary group for Packer",
      VpcId: "",
      TagSpecifications: [{ ResourceType: "security-group", Tags: RUN_TAGS }],
    }),
  );
  const groupId = group.GroupId!;
  await waitOnClock(server, r1, waitUntilSecurityGroupExists, { GroupIds: [groupId] }, ...GROUP);
  await r1.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: groupId,
      IpPermissions: [{ IpProtocol: "tcp", FromPort: 0, ToPort: 0, IpRanges: [{ CidrIp: "0.0.0.0/0" }], Ipv6Ranges: [] }],
    }),
  );

  // StepRunSourceInstance, with the Go SDK's empty strings.
  const run = await r1.send(
    new RunInstancesCommand({
      ImageId: sourceAmi.ImageId,
      InstanceType: "t3.micro",
      MinCount: 1,
      MaxCount: 1,
      UserData: "",
      IamInstanceProfile: { Name: "" },
      Placement: { AvailabilityZone: "" },
      EbsOptimized: false,
      EnclaveOptions: { Enabled: false },
      MetadataOptions: { HttpEndpoint: "enabled", HttpTokens: "optional", HttpPutResponseHopLimit: 1 },
      CreditSpecification: { CpuCredits: "standard" },
      TagSpecifications: [
        { ResourceType: "instance", Tags: RUN_TAGS },
        { ResourceType: "network-interface", Tags: RUN_TAGS },
      ],
      KeyName: keyName,
      SubnetId: "",
      SecurityGroupIds: [groupId],
      InstanceInitiatedShutdownBehavior: "stop",
    }),
  );
  const instanceId = run.Instances![0].InstanceId!;
  await waitOnClock(server, r1, waitUntilInstanceRunning, { InstanceIds: [instanceId] }, ...INSTANCE);
  const instance = (await r1.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }))).Reservations![0].Instances![0];

  // StepStopEBSBackedInstance, then stepCreateAMI: run_tags on the image and its snapshots; no NoReboot.
  await r1.send(new StopInstancesCommand({ InstanceIds: [instanceId] }));
  await waitOnClock(server, r1, waitUntilInstanceStopped, { InstanceIds: [instanceId] }, ...INSTANCE);
  const created = await r1.send(
    new CreateImageCommand({
      InstanceId: instanceId,
      Name: AMI_NAME,
      TagSpecifications: [
        { ResourceType: "image", Tags: RUN_TAGS },
        { ResourceType: "snapshot", Tags: RUN_TAGS },
      ],
    }),
  );
  const amis: Record<string, string> = { [BUILD_REGION]: created.ImageId! };
  const snapshots: Record<string, string[]> = {};
  const snapshotsOf = (img: Image) => img.BlockDeviceMappings!.flatMap((m) => (m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : []));
  await waitOnClock(server, r1, waitUntilImageAvailable, { ImageIds: [amis[BUILD_REGION]] }, ...AMI);
  snapshots[BUILD_REGION] = snapshotsOf((await r1.send(new DescribeImagesCommand({ ImageIds: [amis[BUILD_REGION]] }))).Images![0]);

  // StepAMIRegionCopy: on a client of the target region; KmsKeyId "" and CopyImageTags.
  const copy = await r2.send(
    new CopyImageCommand({
      SourceRegion: BUILD_REGION,
      SourceImageId: amis[BUILD_REGION],
      Name: AMI_NAME,
      KmsKeyId: "",
      CopyImageTags: true,
    }),
  );
  amis[COPY_REGION] = copy.ImageId!;
  await waitOnClock(server, r2, waitUntilImageAvailable, { ImageIds: [amis[COPY_REGION]] }, ...AMI);
  snapshots[COPY_REGION] = snapshotsOf((await r2.send(new DescribeImagesCommand({ ImageIds: [amis[COPY_REGION]] }))).Images![0]);

  // StepModifyAMIAttributes: UserIds and LaunchPermission.Add together, no Attribute; then every snapshot.
  for (const region of [BUILD_REGION, COPY_REGION]) {
    await clients[region].send(
      new ModifyImageAttributeCommand({
        ImageId: amis[region],
        UserIds: [sharedWith],
        LaunchPermission: { Add: [{ UserId: sharedWith }] },
      }),
    );
  }
  for (const region of [BUILD_REGION, COPY_REGION]) {
    for (const id of snapshots[region]) {
      await clients[region].send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: id,
          UserIds: [sharedWith],
          CreateVolumePermission: { Add: [{ UserId: sharedWith }] },
        }),
      );
    }
  }

  // StepCreateTags: the tags on the AMI and its snapshots, per region.
  for (const region of [BUILD_REGION, COPY_REGION]) {
    const [img] = (await clients[region].send(new DescribeImagesCommand({ ImageIds: [amis[region]] }))).Images!;
    assert.ok(img, "an empty result is an error for Packer");
    await clients[region].send(new CreateTagsCommand({ Resources: [amis[region], ...snapshotsOf(img)], Tags: TAGS }));
  }

  // Clean-up in reverse step order: the instance, its leftover volumes, the group, the key pair.
  await r1.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
  await waitOnClock(server, r1, waitUntilInstanceTerminated, { InstanceIds: [instanceId] }, ...INSTANCE);
  const volumeIds = instance.BlockDeviceMappings!.map((m) => m.Ebs!.VolumeId!);
  const { Volumes } = await r1.send(new DescribeVolumesCommand({ Filters: [{ Name: "volume-id", Values: volumeIds }] }));
  assert.deepEqual(
    Volumes!.filter((v) => v.State === "available"),
    [],
    "nothing is left for Packer to delete: the root volume goes with the instance",
  );
  await r1.send(new DeleteSecurityGroupCommand({ GroupId: groupId }));
  await r1.send(new DeleteKeyPairCommand({ KeyName: keyName }));

  return { sourceAmi, instance, keyMaterial: key.KeyMaterial!, amis, snapshots, log };
}
