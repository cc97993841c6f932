// CreateImportedImage: EC2 AMIs (own, shared by launch permission, public, Amazon's) become private AppStream
// images; the refusals (unknown or unusable AMI, incompatible AMI, duplicate name, bad role), DryRun, failure
// on demand, the index record the EC2 AMI usage reports read, and Amazon's TPM-enabled Windows AMI copied into
// the account and imported.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateFleetCommand,
  CreateImportedImageCommand,
  DeleteImageCommand,
  DescribeFleetsCommand,
  DescribeImagesCommand,
  StartFleetCommand,
  type AppStreamClient,
  type CreateImportedImageCommandInput,
} from "@aws-sdk/client-appstream";
import {
  CopyImageCommand,
  DescribeImagesCommand as DescribeAmisCommand,
  ModifyImageAttributeCommand,
  type EC2Client,
  type RegisterImageCommandInput,
} from "@aws-sdk/client-ec2";
import { GetParameterCommand } from "@aws-sdk/client-ssm";
import type { Imagelite } from "../../src/index";
import { IMAGE_USE_TYPE, type ImageUse } from "../../src/services/appstream/imported-images/records";
import { ACCOUNT_A, ACCOUNT_B, ec2Client, rejection, REGION, T, useServer } from "../support/server";
import { importableWindows, ownSnapshot, registerAmi } from "../ec2/helpers";

let server: Imagelite;
let ec2A: EC2Client;
let ec2B: EC2Client;
let appA: AppStreamClient;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  ec2A = fx.ec2(ACCOUNT_A);
  ec2B = fx.ec2(ACCOUNT_B);
  appA = fx.appstream(ACCOUNT_A);
});

const ROLE = `arn:aws:iam::${ACCOUNT_A}:role/AppStreamImportRole`;

async function windowsAmi(client: EC2Client, name: string, extra: Partial<RegisterImageCommandInput> = {}): Promise<string> {
  const id = await registerAmi(client, name, await importableWindows(client, extra));
  return id;
}
const settle = () => server.clock.advance(T + 1);

const create = (input: Partial<CreateImportedImageCommandInput> & { SourceAmiId: string }, client = appA) =>
  client.send(new CreateImportedImageCommand({ Name: "imported", IamRoleArn: ROLE, ...input }));

const describe = async (name: string) => (await appA.send(new DescribeImagesCommand({ Names: [name] }))).Images![0];

test("an own Windows AMI becomes a private CUSTOM image: IMPORTING, then AVAILABLE", async () => {
  const ami = await windowsAmi(ec2A, "win-2022-golden");
  settle();
  const r = await create({
    SourceAmiId: ami,
    Name: "golden",
    DisplayName: "Golden image",
    Description: "From EC2",
    Tags: { team: "euc" },
    AgentSoftwareVersion: "ALWAYS_LATEST",
    RuntimeValidationConfig: { IntendedInstanceType: "stream.standard.medium" },
    AppCatalogConfig: [{ Name: "notepad", AbsoluteAppPath: "C:\\Windows\\notepad.exe" }],
  });
  const img = r.Image!;
  assert.deepEqual(
    [img.Name, img.State, img.Visibility, img.ImageType, img.Platform],
    ["golden", "IMPORTING", "PRIVATE", "CUSTOM", "WINDOWS_SERVER_2022"],
  );
  assert.equal(img.Arn, `arn:aws:appstream:${REGION}:${ACCOUNT_A}:image/golden`);
  assert.deepEqual([img.DisplayName, img.Description, img.AppstreamAgentVersion], ["Golden image", "From EC2", "LATEST"]);
  assert.equal((await describe("golden")).State, "IMPORTING");
  server.clock.advance(3 * T);
  const done = await describe("golden");
  assert.equal(done.State, "AVAILABLE");
  assert.equal(done.StateChangeReason, undefined);

  // The trace for usage reports: an index record in the AMI owner's partition.
  const uses = server.app.store.list<ImageUse>(IMAGE_USE_TYPE, { account: ACCOUNT_A, region: REGION }, { prefix: `${ami} ` });
  assert.deepEqual(
    uses.map((u) => u.id),
    [`${ami} appstream-image ${ACCOUNT_A} golden`],
  );
  assert.equal(uses[0].value.arn, img.Arn);

  // The app catalog is listed as the image's applications.
  assert.deepEqual(
    done.Applications!.map((a) => [a.Name, a.DisplayName, a.LaunchPath, a.Enabled]),
    [["notepad", "notepad", "C:\\Windows\\notepad.exe", true]],
  );

  // Deleting the image removes its use of the AMI.
  await appA.send(new DeleteImageCommand({ Name: "golden" }));
  assert.deepEqual(server.app.store.list(IMAGE_USE_TYPE, { account: ACCOUNT_A, region: REGION }, { prefix: `${ami} ` }), []);
});

test("AMIs shared by launch permission, public AMIs and Amazon's can be imported; others cannot", async () => {
  const shared = await windowsAmi(ec2B, "b-shared-2019");
  const publicAmi = await windowsAmi(ec2B, "b-public");
  const hidden = await windowsAmi(ec2B, "b-private");
  await ec2B.send(new ModifyImageAttributeCommand({ ImageId: shared, LaunchPermission: { Add: [{ UserId: ACCOUNT_A }] } }));
  await ec2B.send(new ModifyImageAttributeCommand({ ImageId: publicAmi, LaunchPermission: { Add: [{ Group: "all" }] } }));
  settle();
  const viaShare = (await create({ SourceAmiId: shared, Name: "via-share" })).Image!;
  assert.equal(viaShare.Platform, "WINDOWS_SERVER_2022");
  await create({ SourceAmiId: publicAmi, Name: "via-public" });
  // Amazon's plain Windows Server 2022 AMIs declare neither UEFI nor TPM 2.0: AWS refuses them.
  const amazon = (
    await ec2A.send(
      new DescribeAmisCommand({
        Owners: ["amazon"],
        Filters: [{ Name: "name", Values: ["Windows_Server-2022-English-Full-Base-2025.11.12"] }],
      }),
    )
  ).Images![0];
  const refused = await rejection(() => create({ SourceAmiId: amazon.ImageId!, Name: "via-amazon" }));
  assert.equal(refused.name, "IncompatibleImageException");
  assert.match(refused.message, /UEFI/);

  let e = await rejection(() => create({ SourceAmiId: hidden, Name: "hidden" }));
  assert.equal(e.name, "ResourceNotFoundException");
  e = await rejection(() => create({ SourceAmiId: "ami-0123456789abcdef0", Name: "nothing" }));
  assert.equal(e.name, "ResourceNotFoundException");
  // An AMI of another region is not found in this one.
  const west = ec2Client(server, ACCOUNT_A, "eu-west-1");
  const elsewhere = await windowsAmi(west, "west");
  west.destroy();
  settle();
  e = await rejection(() => create({ SourceAmiId: elsewhere, Name: "elsewhere" }));
  assert.equal(e.name, "ResourceNotFoundException");

  // Each import is indexed under the AMI's owner.
  const uses = server.app.store
    .list<ImageUse>(IMAGE_USE_TYPE, { account: ACCOUNT_B, region: REGION })
    .map((u) => u.id)
    .sort();
  assert.deepEqual(
    uses,
    [`${publicAmi} appstream-image ${ACCOUNT_A} via-public`, `${shared} appstream-image ${ACCOUNT_A} via-share`].sort(),
  );
});

test("the platform is the Windows Server release the AMI's name states, not a date in it", async () => {
  const named = await windowsAmi(ec2A, "Windows_Server-2022-English-Full-Base-2025.01.15");
  const described = await windowsAmi(ec2A, "golden-2025-01-15", { Description: "Microsoft Windows Server 2022 Full Locale English" });
  settle();
  assert.equal((await create({ SourceAmiId: named, Name: "named" })).Image!.Platform, "WINDOWS_SERVER_2022");
  assert.equal((await create({ SourceAmiId: described, Name: "described" })).Image!.Platform, "WINDOWS_SERVER_2022");
});

test("AMIs that fail the import requirements are IncompatibleImageException", async () => {
  const linux = await registerAmi(ec2A, "linux");
  const arm = await windowsAmi(ec2A, "arm", { Architecture: "arm64" });
  const pv = await windowsAmi(ec2A, "paravirtual", { VirtualizationType: "paravirtual" });
  const bios = await windowsAmi(ec2A, "bios", { BootMode: "legacy-bios" });
  const preferred = await windowsAmi(ec2A, "uefi-preferred", { BootMode: "uefi-preferred" });
  const noTpm = await windowsAmi(ec2A, "no-tpm", { TpmSupport: undefined });
  const noEna = await windowsAmi(ec2A, "no-ena", { EnaSupport: false });
  const xvda = await windowsAmi(ec2A, "xvda", {
    RootDeviceName: "/dev/xvda",
    BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: await ownSnapshot(ec2A) } }],
  });
  const twoVolumes = await windowsAmi(ec2A, "two-volumes", {
    BlockDeviceMappings: [
      { DeviceName: "/dev/sda1", Ebs: { SnapshotId: await ownSnapshot(ec2A) } },
      { DeviceName: "/dev/sdb", Ebs: { SnapshotId: await ownSnapshot(ec2A) } },
    ],
  });
  const huge = await windowsAmi(ec2A, "huge", {
    BlockDeviceMappings: [{ DeviceName: "/dev/sda1", Ebs: { SnapshotId: await ownSnapshot(ec2A), VolumeSize: 501 } }],
  });
  const ws2019 = await windowsAmi(ec2A, "Windows_Server-2019-English-Full-Base-2025.11.12");
  const core = await windowsAmi(ec2A, "Windows_Server-2022-English-Core-Base-2025.11.12");
  settle();
  const pending = await windowsAmi(ec2A, "still-pending");
  for (const [ami, name] of [
    [linux, "linux"],
    [arm, "arm"],
    [pv, "pv"],
    [bios, "bios"],
    [preferred, "preferred"],
    [noTpm, "no-tpm"],
    [noEna, "no-ena"],
    [xvda, "xvda"],
    [twoVolumes, "two-volumes"],
    [huge, "huge"],
    [ws2019, "ws2019"],
    [core, "core"],
    [pending, "pending"],
  ]) {
    const e = await rejection(() => create({ SourceAmiId: ami, Name: name }));
    assert.equal(e.name, "IncompatibleImageException", name);
  }
  assert.deepEqual((await appA.send(new DescribeImagesCommand({ Type: "PRIVATE" }))).Images, []);
});

test("duplicate names, bad roles and DryRun", async () => {
  const ami = await windowsAmi(ec2A, "win");
  settle();
  let e = await rejection(() => create({ SourceAmiId: ami, DryRun: true }));
  assert.equal(e.name, "DryRunOperationException");
  assert.deepEqual((await appA.send(new DescribeImagesCommand({ Type: "PRIVATE" }))).Images, []);
  e = await rejection(() => create({ SourceAmiId: "ami-0123456789abcdef0", DryRun: true }));
  assert.equal(e.name, "ResourceNotFoundException");

  await create({ SourceAmiId: ami });
  e = await rejection(() => create({ SourceAmiId: ami }));
  assert.equal(e.name, "ResourceAlreadyExistsException");
  e = await rejection(() => create({ SourceAmiId: ami, Name: "AppStream-WinServer2022-11-10-2025" }));
  assert.equal(e.name, "ResourceAlreadyExistsException");
  e = await rejection(() => create({ SourceAmiId: ami, Name: "role", IamRoleArn: "arn:aws:s3:::my-bucket/key" }));
  assert.equal(e.name, "InvalidRoleException");
  e = await rejection(() => create({ SourceAmiId: "not-an-ami", Name: "bad" }));
  assert.equal(e.name, "ValidationException");
});

test("a fault rule makes the import end FAILED with IMAGE_IMPORT_FAILURE and the reason", async () => {
  const ami = await windowsAmi(ec2A, "win");
  settle();
  server.faults.add({
    service: "appstream",
    operation: "CreateImportedImage",
    times: 1,
    lifecycle: { outcome: "fail", reason: "The AMI lacks the required drivers." },
  });
  assert.equal((await create({ SourceAmiId: ami, Name: "broken" })).Image!.State, "IMPORTING");
  server.clock.advance(3 * T);
  const img = await describe("broken");
  assert.equal(img.State, "FAILED");
  assert.deepEqual(img.StateChangeReason, { Code: "IMAGE_IMPORT_FAILURE", Message: "The AMI lacks the required drivers." });
  assert.deepEqual(server.app.store.list(IMAGE_USE_TYPE, { account: ACCOUNT_A, region: REGION }), []);
});

test("Amazon's TPM-enabled Windows Server 2022 AMI, copied into the account, becomes an image a fleet runs", async () => {
  // The documented path ("Import Image", import-image.html): an AMI with UEFI boot and NitroTPM, here Amazon's
  // TPM-Windows_Server-2022-English-Full-Base line, found by its public parameter and copied with EC2 CopyImage.
  const latest = (
    await fx.ssm().send(new GetParameterCommand({ Name: "/aws/service/ami-windows-latest/TPM-Windows_Server-2022-English-Full-Base" }))
  ).Parameter!.Value!;
  const { Images } = await ec2A.send(
    new DescribeAmisCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: ["TPM-Windows_Server-2022-English-Full-Base-*"] }] }),
  );
  const newest = [...Images!].sort((a, b) => (a.CreationDate! < b.CreationDate! ? 1 : -1))[0];
  assert.equal(newest.ImageId, latest);
  assert.deepEqual(
    [newest.BootMode, newest.TpmSupport, newest.EnaSupport, newest.Platform, newest.PlatformDetails],
    ["uefi", "v2.0", true, "windows", "Windows"],
  );
  const { ImageId: copy } = await ec2A.send(
    new CopyImageCommand({ SourceImageId: latest, SourceRegion: REGION, Name: "appstream-golden-tpm", Description: "For AppStream" }),
  );
  // The copy is pending for a while: not importable yet.
  assert.equal((await rejection(() => create({ SourceAmiId: copy!, Name: "too-early" }))).name, "IncompatibleImageException");
  server.clock.advance(3 * T);
  const [copied] = (await ec2A.send(new DescribeAmisCommand({ ImageIds: [copy!] }))).Images!;
  assert.deepEqual([copied.State, copied.BootMode, copied.TpmSupport, copied.OwnerId], ["available", "uefi", "v2.0", ACCOUNT_A]);

  const img = (await create({ SourceAmiId: copy!, Name: "golden-tpm" })).Image!;
  assert.deepEqual([img.State, img.Platform, img.ImageType], ["IMPORTING", "WINDOWS_SERVER_2022", "CUSTOM"]);
  server.clock.advance(3 * T);
  assert.equal((await describe("golden-tpm")).State, "AVAILABLE");
  await appA.send(
    new CreateFleetCommand({
      Name: "tpm-fleet",
      ImageName: "golden-tpm",
      InstanceType: "stream.standard.medium",
      ComputeCapacity: { DesiredInstances: 1 },
    }),
  );
  await appA.send(new StartFleetCommand({ Name: "tpm-fleet" }));
  server.clock.advance(T);
  const [fleet] = (await appA.send(new DescribeFleetsCommand({ Names: ["tpm-fleet"] }))).Fleets!;
  assert.deepEqual([fleet.State, fleet.Platform, fleet.ComputeCapacityStatus!.Running], ["RUNNING", "WINDOWS_SERVER_2022", 1]);

  // The public AMI itself can be imported too; its Windows Server 2019 sibling cannot (Windows Server 2022 only).
  assert.equal((await create({ SourceAmiId: latest, Name: "public-tpm" })).Image!.State, "IMPORTING");
  const tpm2019 = (
    await fx.ssm().send(new GetParameterCommand({ Name: "/aws/service/ami-windows-latest/TPM-Windows_Server-2019-English-Full-Base" }))
  ).Parameter!.Value!;
  const refused = await rejection(() => create({ SourceAmiId: tpm2019, Name: "tpm-2019" }));
  assert.equal(refused.name, "IncompatibleImageException");
  assert.match(refused.message, /2019/);
});
