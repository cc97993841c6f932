// What one request may ask EC2 to make or keep, through the AWS SDK: user data of at most 16 KB, base64-encoded,
// wherever it enters (RunInstances, CreateLaunchTemplate, CreateLaunchTemplateVersion, ModifyInstanceAttribute);
// block device mappings without a device named twice and within an instance's attachments; 5,000 launch
// templates per region; DescribeLaunchTemplateVersions answering pages of 200 when no MaxResults is given.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeVolumesCommand,
  ModifyInstanceAttributeCommand,
  RunInstancesCommand,
  StopInstancesCommand,
  type BlockDeviceMapping,
  type EC2Client,
  type RunInstancesCommandInput,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { launchTemplates } from "../../src/services/ec2/launch-templates/records";
import { ACCOUNT_A, REGION, rejection, T, useServer } from "../support/server";
import { registerAmi } from "./helpers";

const fx = useServer();
let server: Imagelite;
let a: EC2Client;
let image: string;

beforeEach(async () => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  image = await registerAmi(a, "base");
  server.clock.advance(T + 1);
});

const run = (input: Partial<RunInstancesCommandInput>) =>
  a.send(new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1, InstanceType: "t3.micro", ...input }));

const b64 = (bytes: number) => Buffer.alloc(bytes, "x").toString("base64");

async function nothingMade(): Promise<void> {
  assert.deepEqual((await a.send(new DescribeInstancesCommand({}))).Reservations, []);
  assert.deepEqual((await a.send(new DescribeVolumesCommand({}))).Volumes, []);
}

test("RunInstances: user data up to 16 KB raw, base64-encoded; more, or what does not decode, is refused", async () => {
  const big = await rejection(() => run({ UserData: b64(16385) }));
  assert.equal(big.name, "InvalidParameterValue");
  assert.equal(big.message, "User data is limited to 16384 bytes");
  const bad = await rejection(() => run({ UserData: "#!/bin/sh\necho not encoded" }));
  assert.equal(bad.name, "InvalidParameterValue");
  assert.equal(bad.message, "Invalid BASE64 encoding of user data");
  await nothingMade();
  // 16 KB exactly, and base64 wrapped in lines as MIME encoders write it, are taken.
  const id = (await run({ UserData: b64(16384) })).Instances![0].InstanceId!;
  const attr = await a.send(new DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: "userData" }));
  assert.equal(Buffer.from(attr.UserData!.Value!, "base64").length, 16384);
  const wrapped = b64(100).replace(/(.{60})/g, "$1\n");
  assert.equal((await run({ UserData: wrapped })).Instances!.length, 1);
});

test("launch templates: user data is held to the same limits, with InvalidUserData.Malformed for bad base64", async () => {
  const bad = await rejection(() =>
    a.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "bad", LaunchTemplateData: { UserData: "not base64!" } })),
  );
  assert.equal(bad.name, "InvalidUserData.Malformed");
  assert.equal(bad.message, "Invalid BASE64 encoding of user data.");
  const big = await rejection(() =>
    a.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "big", LaunchTemplateData: { UserData: b64(100_000) } })),
  );
  assert.equal(big.name, "InvalidParameterValue");
  const made = await a.send(
    new CreateLaunchTemplateCommand({ LaunchTemplateName: "fits", LaunchTemplateData: { UserData: b64(16384), ImageId: image } }),
  );
  const id = made.LaunchTemplate!.LaunchTemplateId!;
  const bigVersion = await rejection(() =>
    a.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: id, LaunchTemplateData: { UserData: b64(16385) } })),
  );
  assert.equal(bigVersion.name, "InvalidParameterValue");
  assert.equal(made.LaunchTemplate!.LatestVersionNumber, 1);
  assert.equal((await run({ LaunchTemplate: { LaunchTemplateId: id }, ImageId: undefined })).Instances!.length, 1);
});

test("ModifyInstanceAttribute: user data as a blob or as Attribute=userData, within 16 KB", async () => {
  const id = (await run({})).Instances![0].InstanceId!;
  server.clock.advance(T + 1);
  await a.send(new StopInstancesCommand({ InstanceIds: [id] }));
  server.clock.advance(T + 1);
  const big = await rejection(() =>
    a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, UserData: { Value: Buffer.alloc(7_000_000, "x") } })),
  );
  assert.equal(big.name, "InvalidParameterValue");
  assert.equal(big.message, "User data is limited to 16384 bytes");
  const viaValue = await rejection(() =>
    a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, Attribute: "userData", Value: b64(16385) })),
  );
  assert.equal(viaValue.name, "InvalidParameterValue");
  const notBase64 = await rejection(() =>
    a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, Attribute: "userData", Value: "%%%" })),
  );
  assert.equal(notBase64.message, "Invalid BASE64 encoding of user data");
  await a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, UserData: { Value: Buffer.alloc(16384, "y") } }));
  const attr = await a.send(new DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: "userData" }));
  assert.equal(Buffer.from(attr.UserData!.Value!, "base64").toString(), "y".repeat(16384));
  await a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, Attribute: "userData", Value: b64(10) }));
});

const ebs = (device: string): BlockDeviceMapping => ({ DeviceName: device, Ebs: { VolumeSize: 1 } });
/** Distinct device names: /dev/xvdba, /dev/xvdbb, ... */
const deviceName = (i: number) => `/dev/xvd${String.fromCharCode(98 + Math.floor(i / 26), 97 + (i % 26))}`;

test("block device mappings: 300 in one request, or one device named twice, are refused before anything is made", async () => {
  const many = await rejection(() => run({ BlockDeviceMappings: Array.from({ length: 300 }, (_, i) => ebs(deviceName(i))) }));
  assert.equal(many.name, "AttachmentLimitExceeded");
  const twice = await rejection(() => run({ BlockDeviceMappings: [ebs("/dev/xvdb"), ebs("/dev/sdf"), ebs("/dev/xvdb")] }));
  assert.equal(twice.name, "InvalidBlockDeviceMapping");
  assert.equal(twice.message, "The device 'xvdb' is used in more than one block-device mapping");
  // The AMI's root volume, 27 more and the network interface fill the 28 attachments of a Nitro instance... less one.
  const over = await rejection(() => run({ BlockDeviceMappings: Array.from({ length: 27 }, (_, i) => ebs(deviceName(i))) }));
  assert.equal(over.name, "AttachmentLimitExceeded");
  await nothingMade();
  const fits = await run({ BlockDeviceMappings: Array.from({ length: 26 }, (_, i) => ebs(deviceName(i))) });
  const volumes = await a.send(
    new DescribeVolumesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [fits.Instances![0].InstanceId!] }] }),
  );
  assert.equal(volumes.Volumes!.length, 27);
});

test("a launch template's own block devices are checked at launch too", async () => {
  const made = await a.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: "twice",
      LaunchTemplateData: { ImageId: image, BlockDeviceMappings: [ebs("/dev/sdf"), ebs("/dev/sdf")] },
    }),
  );
  const e = await rejection(() =>
    run({ ImageId: undefined, LaunchTemplate: { LaunchTemplateId: made.LaunchTemplate!.LaunchTemplateId! } }),
  );
  assert.equal(e.name, "InvalidBlockDeviceMapping");
  await nothingMade();
});

test("5,000 launch templates per region: the next is refused with MaxTemplateLimitExceeded", async () => {
  // 4,999 templates written straight to the store: made one by one through the API they would only take longer.
  const scope = { store: server.app.store, partition: { account: ACCOUNT_A, region: REGION }, now: server.clock.now().getTime() };
  server.app.store.transaction(() => {
    for (let i = 0; i < 4999; i++) {
      launchTemplates.put(scope, {
        LaunchTemplateId: `lt-${i.toString(16).padStart(17, "0")}`,
        LaunchTemplateName: `seeded-${i}`,
        owner: ACCOUNT_A,
        region: REGION,
        createdAt: scope.now,
        DefaultVersionNumber: 1,
        versions: [1],
        nextVersion: 2,
      });
    }
  });
  await a.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "last", LaunchTemplateData: { InstanceType: "t3.micro" } }));
  const e = await rejection(() =>
    a.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "one-too-many", LaunchTemplateData: { InstanceType: "t3.micro" } })),
  );
  assert.equal(e.name, "MaxTemplateLimitExceeded");
  assert.equal(e.message, "Account has already reached max permitted templates");
  // Another region has its own 5,000.
  await fx
    .ec2(ACCOUNT_A, "eu-west-1")
    .send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "elsewhere", LaunchTemplateData: { InstanceType: "t3.micro" } }));
});

test("DescribeLaunchTemplateVersions without MaxResults answers 200 versions a page, with a NextToken", async () => {
  const made = await a.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "many", LaunchTemplateData: { UserData: b64(16384) } }));
  const id = made.LaunchTemplate!.LaunchTemplateId!;
  for (let i = 2; i <= 250; i++) {
    await a.send(
      new CreateLaunchTemplateVersionCommand({
        LaunchTemplateId: id,
        SourceVersion: "1",
        VersionDescription: `v${i}`,
        LaunchTemplateData: { InstanceType: "t3.micro" },
      }),
    );
  }
  const first = await a.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: id }));
  assert.equal(first.LaunchTemplateVersions!.length, 200);
  assert.equal(first.LaunchTemplateVersions![0].VersionNumber, 250);
  assert.ok(first.NextToken);
  const rest = await a.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: id, NextToken: first.NextToken }));
  assert.deepEqual(
    rest.LaunchTemplateVersions!.map((v) => v.VersionNumber),
    Array.from({ length: 50 }, (_, i) => 50 - i),
  );
  assert.equal(rest.NextToken, undefined);
  assert.equal(
    (await rejection(() => a.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: id, MaxResults: 201 })))).name,
    "InvalidParameterValue",
  );
});
