// RegisterImage, DescribeImages by id, DeregisterImage and CopyImage through the AWS SDK, with the
// pending → available and deregistered → gone lifecycles driven by the manual clock.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CopyImageCommand,
  CreateTagsCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  RegisterImageCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ec2Client, rejection, T, useServer } from "../support/server";
import { ownSnapshot, registerAmi, settle } from "./helpers";

let server: Imagelite;
let a: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
});

const describe = async (id: string, client = a) => (await client.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images![0];

test("RegisterImage gives a real-shaped id, pending then available, with the AMI's details", async () => {
  const id = await registerAmi(a, "web-server (v1.2)", { Description: "the web tier" });
  assert.match(id, /^ami-[0-9a-f]{17}$/);
  const img = await describe(id);
  assert.equal(img.State, "pending");
  assert.equal(img.OwnerId, ACCOUNT_A);
  assert.equal(img.Name, "web-server (v1.2)");
  assert.equal(img.Description, "the web tier");
  assert.equal(img.Public, false);
  assert.equal(img.ImageType, "machine");
  assert.equal(img.RootDeviceType, "ebs");
  assert.equal(img.RootDeviceName, "/dev/xvda");
  assert.equal(img.PlatformDetails, "Linux/UNIX");
  assert.equal(img.Platform, undefined);
  assert.equal(img.ImageLocation, `${ACCOUNT_A}/web-server (v1.2)`);
  assert.match(img.BlockDeviceMappings![0].Ebs!.SnapshotId!, /^snap-[0-9a-f]{17}$/);
  assert.equal(img.BlockDeviceMappings![0].Ebs!.DeleteOnTermination, true);
  assert.ok(Math.abs(Date.parse(img.CreationDate!) - server.clock.now().getTime()) < 1000);
  server.clock.advance(T - 1);
  assert.equal((await describe(id)).State, "pending");
  server.clock.advance(2);
  assert.equal((await describe(id)).State, "available");
});

test("RegisterImage: Windows billing product makes a Windows AMI; tag specifications tag it", async () => {
  const id = await registerAmi(a, "win-golden", {
    BillingProducts: ["bp-6ba54002"],
    TagSpecifications: [{ ResourceType: "image", Tags: [{ Key: "team", Value: "blue" }] }],
  });
  const img = await describe(id);
  assert.equal(img.Platform, "windows");
  assert.equal(img.PlatformDetails, "Windows");
  assert.equal(img.UsageOperation, "RunInstances:0002");
  assert.deepEqual(img.Tags, [{ Key: "team", Value: "blue" }]);
});

test("RegisterImage errors: missing name, malformed and duplicate names, no root, bad snapshot, bad tag type", async () => {
  let e = await rejection(() => a.send(new RegisterImageCommand({ RootDeviceName: "/dev/xvda" } as never)));
  assert.equal(e.name, "MissingParameter");
  assert.match(e.message, /The request must contain the parameter Name/);
  e = await rejection(() => registerAmi(a, "bad*name"));
  assert.equal(e.name, "InvalidAMIName.Malformed");
  e = await rejection(() => registerAmi(a, "ab"));
  assert.equal(e.name, "InvalidParameterValue");
  const first = await registerAmi(a, "dup");
  e = await rejection(() => registerAmi(a, "dup"));
  assert.equal(e.name, "InvalidAMIName.Duplicate");
  assert.match(e.message, new RegExp(first));
  e = await rejection(() => a.send(new RegisterImageCommand({ Name: "no-root" })));
  assert.equal(e.name, "MissingParameter");
  e = await rejection(() =>
    registerAmi(a, "bad-snap", { BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: "snap-xyz" } }] }),
  );
  assert.equal(e.name, "InvalidSnapshotID.Malformed");
  e = await rejection(() =>
    registerAmi(a, "bad-tags", { TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "k", Value: "v" }] }] }),
  );
  assert.equal(e.name, "InvalidParameterValue");
  e = await rejection(() => registerAmi(a, "bad-arch", { Architecture: "sparc" as never }));
  assert.equal(e.name, "InvalidParameterValue");
});

test("RegisterImage of an EBS-backed AMI needs a snapshot for its root device; other devices may be empty volumes", async () => {
  const e = await rejection(() =>
    registerAmi(a, "no-root-snapshot", { BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { VolumeSize: 8 } }] }),
  );
  assert.equal(e.name, "InvalidBlockDeviceMapping");
  assert.match(e.message, /\/dev\/xvda/);
  // Nothing was registered under that name.
  const named = await a.send(new DescribeImagesCommand({ Owners: ["self"], Filters: [{ Name: "name", Values: ["no-root-snapshot"] }] }));
  assert.deepEqual(named.Images, []);

  const snapshot = await ownSnapshot(a);
  const id = await registerAmi(a, "with-data-volume", {
    BlockDeviceMappings: [
      { DeviceName: "/dev/xvda", Ebs: { SnapshotId: snapshot } },
      { DeviceName: "/dev/sdf", Ebs: { VolumeSize: 100 } },
    ],
  });
  const mappings = (await describe(id)).BlockDeviceMappings!;
  assert.deepEqual(
    mappings.map((m) => [m.DeviceName, m.Ebs!.SnapshotId, m.Ebs!.VolumeSize]),
    [
      ["/dev/xvda", snapshot, 8],
      ["/dev/sdf", undefined, 100],
    ],
  );
});

test("DescribeImages by id: malformed and unknown ids", async () => {
  let e = await rejection(() => a.send(new DescribeImagesCommand({ ImageIds: ["ami-12"] })));
  assert.equal(e.name, "InvalidAMIID.Malformed");
  assert.equal(e.$metadata?.httpStatusCode, 400);
  e = await rejection(() => a.send(new DescribeImagesCommand({ ImageIds: ["ami-0123456789abcdef0"] })));
  assert.equal(e.name, "InvalidAMIID.NotFound");
  assert.match(e.message, /ami-0123456789abcdef0/);
});

test("DeregisterImage: deregistered for a while to its owner, then gone; a second time is Unavailable", async () => {
  const id = await registerAmi(a, "short-lived", { TagSpecifications: [{ ResourceType: "image", Tags: [{ Key: "k", Value: "v" }] }] });
  settle(server);
  const snapshot0 = (await describe(id)).BlockDeviceMappings![0].Ebs!.SnapshotId!;
  const r = await a.send(new DeregisterImageCommand({ ImageId: id, DeleteAssociatedSnapshots: true }));
  assert.equal(r.Return, true);
  assert.deepEqual(r.DeleteSnapshotResults, [{ SnapshotId: snapshot0, ReturnCode: "success" }]);
  assert.equal((await describe(id)).State, "deregistered");
  const again = await rejection(() => a.send(new DeregisterImageCommand({ ImageId: id })));
  assert.equal(again.name, "InvalidAMIID.Unavailable");
  // The name is free again at once.
  await registerAmi(a, "short-lived");
  server.clock.advance(T + 1);
  // Gone from every result, then, an hour on, unknown (DescribeImages: "Recently deregistered images appear in the
  // returned results for a short interval and then return empty results").
  assert.deepEqual((await a.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images, []);
  assert.deepEqual(
    (await a.send(new DescribeImagesCommand({ Owners: ["self"], Filters: [{ Name: "image-id", Values: [id] }] }))).Images,
    [],
  );
  server.clock.advance(3600 * 1000);
  const gone = await rejection(() => describe(id));
  assert.equal(gone.name, "InvalidAMIID.NotFound");
});

test("DeregisterImage of an Amazon AMI is AuthFailure; of an unknown one NotFound", async () => {
  const win = (await a.send(new DescribeImagesCommand({ Owners: ["amazon"], MaxResults: 1 }))).Images![0];
  let e = await rejection(() => a.send(new DeregisterImageCommand({ ImageId: win.ImageId! })));
  assert.equal(e.name, "AuthFailure");
  e = await rejection(() => a.send(new DeregisterImageCommand({ ImageId: "ami-00000000000000000" })));
  assert.equal(e.name, "InvalidAMIID.NotFound");
});

test("CopyImage within a region and across regions; the copy is pending, then available, and names its source", async () => {
  const src = await registerAmi(a, "source", { Description: "golden" });
  const e = await rejection(() => a.send(new CopyImageCommand({ Name: "too-soon", SourceImageId: src, SourceRegion: "us-east-1" })));
  assert.equal(e.name, "InvalidAMIID.Unavailable");
  settle(server);
  const same = await a.send(new CopyImageCommand({ Name: "copy-here", SourceImageId: src, SourceRegion: "us-east-1" }));
  const west = ec2Client(server, ACCOUNT_A, "us-west-2");
  const far = await west.send(
    new CopyImageCommand({ Name: "copy-west", SourceImageId: src, SourceRegion: "us-east-1", Description: "west copy" }),
  );
  const copy = await describe(far.ImageId!, west);
  assert.equal(copy.State, "pending");
  assert.equal(copy.SourceImageId, src);
  assert.equal(copy.SourceImageRegion, "us-east-1");
  assert.equal(copy.Description, "west copy");
  assert.notEqual(copy.BlockDeviceMappings![0].Ebs!.SnapshotId, (await describe(src)).BlockDeviceMappings![0].Ebs!.SnapshotId);
  // The copy lives in us-west-2 only.
  assert.equal((await rejection(() => describe(far.ImageId!))).name, "InvalidAMIID.NotFound");
  server.clock.advance(3 * T);
  assert.equal((await describe(far.ImageId!, west)).State, "available");
  assert.equal((await describe(same.ImageId!)).Description, "golden");
});

test("CopyImage of an Amazon Windows AMI keeps the platform; CopyImageTags copies the caller's tags", async () => {
  const win = (
    await a.send(
      new DescribeImagesCommand({
        Owners: ["amazon"],
        Filters: [{ Name: "name", Values: ["Windows_Server-2022-English-Full-Base-2025.11.12"] }],
      }),
    )
  ).Images![0];
  await a.send(new CreateTagsCommand({ Resources: [win.ImageId!], Tags: [{ Key: "env", Value: "prod" }] }));
  const r = await a.send(
    new CopyImageCommand({ Name: "my-windows", SourceImageId: win.ImageId!, SourceRegion: "us-east-1", CopyImageTags: true }),
  );
  const copy = await describe(r.ImageId!);
  assert.equal(copy.Platform, "windows");
  assert.equal(copy.OwnerId, ACCOUNT_A);
  assert.equal(copy.ImageOwnerAlias, undefined);
  assert.deepEqual(copy.Tags, [{ Key: "env", Value: "prod" }]);
});

test("CopyImage errors: bad region, unknown source, duplicate name, KmsKeyId without Encrypted, reused client token", async () => {
  const src = await registerAmi(a, "src");
  settle(server);
  let e = await rejection(() => a.send(new CopyImageCommand({ Name: "x-copy", SourceImageId: src, SourceRegion: "mars-1" })));
  assert.equal(e.name, "InvalidRegion");
  e = await rejection(() => a.send(new CopyImageCommand({ Name: "x-copy", SourceImageId: src, SourceRegion: "eu-west-1" })));
  assert.equal(e.name, "InvalidAMIID.NotFound");
  e = await rejection(() => a.send(new CopyImageCommand({ Name: "src", SourceImageId: src, SourceRegion: "us-east-1" })));
  assert.equal(e.name, "InvalidAMIName.Duplicate");
  e = await rejection(() =>
    a.send(new CopyImageCommand({ Name: "enc", SourceImageId: src, SourceRegion: "us-east-1", KmsKeyId: "alias/mine" })),
  );
  assert.equal(e.name, "InvalidParameterDependency");
  const one = await a.send(new CopyImageCommand({ Name: "idem", SourceImageId: src, SourceRegion: "us-east-1", ClientToken: "tok-1" }));
  const two = await a.send(new CopyImageCommand({ Name: "idem", SourceImageId: src, SourceRegion: "us-east-1", ClientToken: "tok-1" }));
  assert.equal(one.ImageId, two.ImageId);
  e = await rejection(() =>
    a.send(new CopyImageCommand({ Name: "idem-2", SourceImageId: src, SourceRegion: "us-east-1", ClientToken: "tok-1" })),
  );
  assert.equal(e.name, "IdempotentParameterMismatch");
});

test("DryRun: DryRunOperation (412) when the call would succeed, and nothing changes; the real error otherwise", async () => {
  let e = await rejection(() => registerAmi(a, "dry", { DryRun: true }));
  assert.equal(e.name, "DryRunOperation");
  assert.equal(e.$metadata?.httpStatusCode, 412);
  assert.equal(e.message, "Request would have succeeded, but DryRun flag is set.");
  const own = await a.send(new DescribeImagesCommand({ Owners: ["self"] }));
  assert.equal(own.Images!.length, 0);
  await registerAmi(a, "dry"); // the dry run reserved no name
  e = await rejection(() => registerAmi(a, "dry", { DryRun: true }));
  assert.equal(e.name, "InvalidAMIName.Duplicate");
  e = await rejection(() => a.send(new DeregisterImageCommand({ ImageId: "ami-00000000000000000", DryRun: true })));
  assert.equal(e.name, "InvalidAMIID.NotFound");
  e = await rejection(() => a.send(new DescribeImagesCommand({ DryRun: true, Owners: ["self"] })));
  assert.equal(e.name, "DryRunOperation");
});
