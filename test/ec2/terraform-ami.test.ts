// The EC2 calls of the Terraform AWS provider (SDK for Go v2), replayed in the provider's order for
// aws_ami_from_instance, aws_ami, aws_ami_copy, aws_ami_launch_permission, aws_launch_template and the aws_ami
// data source: create (with the provider's waits on the manual clock), the read after each write giving
// back exactly what was written, update, and delete, including the provider's own DeleteSnapshot calls for the
// AMIs whose snapshots it manages (internal/service/ec2/ec2_ami*.go, ec2_launch_template.go, wait.go, find.go).
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CopyImageCommand,
  CreateImageCommand,
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  CreateTagsCommand,
  DeleteLaunchTemplateCommand,
  DeleteSnapshotCommand,
  DeleteTagsCommand,
  DeregisterImageCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeSnapshotsCommand,
  DisableImageDeprecationCommand,
  EnableImageDeprecationCommand,
  GetInstanceUefiDataCommand,
  ModifyImageAttributeCommand,
  ModifyLaunchTemplateCommand,
  RegisterImageCommand,
  RunInstancesCommand,
  type EC2Client,
  type Image,
  type RequestLaunchTemplateData,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, REGION, T, useServer } from "../support/server";
import { pollOnClock } from "./replay";

const R2 = "us-west-2";

let server: Imagelite;
let a: EC2Client;
let a2: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  a2 = fx.ec2(ACCOUNT_A, R2);
});

/** amiRetryDelay, amiRetryMinTimeout and the resources' default create timeout (ec2_ami.go). */
const AMI_WAIT = { delaySeconds: 5, minTimeoutSeconds: 3, timeoutSeconds: 40 * 60 };
const AMI_DELETE_WAIT = { ...AMI_WAIT, timeoutSeconds: 90 * 60 };
/** waitImageDescriptionUpdated and waitImageDeprecationTimeUpdated: 2 minutes. */
const ATTRIBUTE_WAIT = { ...AMI_WAIT, timeoutSeconds: 120 };

/** findImageByID: DescribeImages by id; no image, another id or a deregistered one is "not found". */
async function findImageByID(client: EC2Client, id: string): Promise<Image | undefined> {
  try {
    const { Images } = await client.send(new DescribeImagesCommand({ ImageIds: [id] }));
    assert.ok((Images ?? []).length <= 1);
    const img = Images?.[0];
    return img && img.ImageId === id && img.State !== "deregistered" ? img : undefined;
  } catch (e) {
    if ((e as Error).name === "InvalidAMIID.NotFound") return undefined;
    throw e;
  }
}

const waitImageAvailable = (client: EC2Client, id: string) =>
  pollOnClock(
    server,
    () => findImageByID(client, id),
    (img) => img?.State === "available",
    AMI_WAIT,
  );
const waitImageDeleted = (client: EC2Client, id: string) =>
  pollOnClock(
    server,
    () => findImageByID(client, id),
    (img) => img === undefined,
    AMI_DELETE_WAIT,
  );

/** resourceAMIRead: the image, then GetInstanceUefiData with the AMI id as instance id (the provider ignores its error). */
async function readAmi(client: EC2Client, id: string): Promise<Image> {
  const img = await findImageByID(client, id);
  assert.ok(img, `${id} is read back`);
  const e = await rejection(() => client.send(new GetInstanceUefiDataCommand({ InstanceId: id })));
  // imagelite does not serve it (the model has no such operation): an EC2 error all the same, never a crash.
  assert.ok(["InvalidAction", "InvalidInstanceID.Malformed"].includes(e.name), `GetInstanceUefiData with an AMI id fails: ${e.name}`);
  return img;
}

const rootSnapshotId = (img: Image) => img.BlockDeviceMappings!.find((m) => m.DeviceName === img.RootDeviceName)!.Ebs!.SnapshotId!;
const snapshotIds = (img: Image) => img.BlockDeviceMappings!.flatMap((m) => (m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : []));

/** resourceAMIDelete: DeregisterImage only, the managed snapshots deleted by the provider itself, then the wait. */
async function deleteAmi(client: EC2Client, img: Image, manageSnapshots: boolean): Promise<void> {
  await client.send(new DeregisterImageCommand({ ImageId: img.ImageId }));
  if (manageSnapshots) for (const id of snapshotIds(img)) await client.send(new DeleteSnapshotCommand({ SnapshotId: id }));
  await waitImageDeleted(client, img.ImageId!);
}

/** An instance to make AMIs of (an aws_instance of the same configuration), running. */
async function sourceInstance(): Promise<string> {
  const { Images } = await a.send(
    new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: ["al2023-ami-2023*-x86_64"] }] }),
  );
  const r = await a.send(new RunInstancesCommand({ ImageId: Images![0].ImageId, MinCount: 1, MaxCount: 1, InstanceType: "t3.micro" }));
  server.clock.advance(T + 1);
  return r.Instances![0].InstanceId!;
}

test("aws_ami_from_instance: CreateImage, wait, read; update description and tags; delete deregisters and deletes the snapshots", async () => {
  const instanceId = await sourceInstance();
  const { ImageId } = await a.send(
    new CreateImageCommand({
      Description: "",
      InstanceId: instanceId,
      Name: "tf-from-instance",
      NoReboot: false,
      TagSpecifications: [{ ResourceType: "image", Tags: [{ Key: "Name", Value: "tf-from-instance" }] }],
    }),
  );
  await waitImageAvailable(a, ImageId!);
  let img = await readAmi(a, ImageId!);
  assert.equal(img.Name, "tf-from-instance");
  assert.equal(img.Description ?? "", "");
  assert.equal(img.SourceInstanceId, instanceId);
  assert.deepEqual(img.Tags, [{ Key: "Name", Value: "tf-from-instance" }]);
  const root = rootSnapshotId(img);
  assert.match(root, /^snap-/);
  // The tags went on the image only: the provider sends no snapshot TagSpecification.
  const { Snapshots } = await a.send(new DescribeSnapshotsCommand({ SnapshotIds: snapshotIds(img) }));
  assert.deepEqual(
    Snapshots!.map((s) => [s.SnapshotId, s.State, s.Tags ?? []]),
    snapshotIds(img).map((id) => [id, "completed", []]),
  );

  // Update: description, then tags (DeleteTags for removed keys, CreateTags for new ones); then read.
  await a.send(new ModifyImageAttributeCommand({ ImageId, Description: { Value: "built by terraform" } }));
  await pollOnClock(
    server,
    () => findImageByID(a, ImageId!),
    (i) => i?.Description === "built by terraform",
    ATTRIBUTE_WAIT,
  );
  await a.send(new DeleteTagsCommand({ Resources: [ImageId!], Tags: [{ Key: "Name" }] }));
  await a.send(new CreateTagsCommand({ Resources: [ImageId!], Tags: [{ Key: "team", Value: "blue" }] }));
  img = await readAmi(a, ImageId!);
  assert.equal(img.Description, "built by terraform");
  assert.deepEqual(img.Tags, [{ Key: "team", Value: "blue" }]);

  await deleteAmi(a, img, true);
  assert.deepEqual((await a.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots, [], "the provider deleted them");
});

test("aws_ami with deprecation_time and an ebs_block_device from a snapshot: register, tag, wait, deprecate; update; delete", async () => {
  // A snapshot of the account's own to register from: the root snapshot of an AMI of an instance.
  const instanceId = await sourceInstance();
  const made = (await a.send(new CreateImageCommand({ InstanceId: instanceId, Name: "snapshot-source" }))).ImageId!;
  server.clock.advance(2 * T + 1);
  const snapshotId = rootSnapshotId((await findImageByID(a, made))!);

  const deprecateAt = new Date(server.clock.now().getTime() + 30 * 24 * 3600 * 1000 + 17_000);
  const { ImageId } = await a.send(
    new RegisterImageCommand({
      Architecture: "x86_64",
      Description: "",
      EnaSupport: true,
      ImageLocation: "",
      Name: "tf-registered",
      RootDeviceName: "/dev/xvda",
      SriovNetSupport: "simple",
      VirtualizationType: "hvm",
      BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { DeleteOnTermination: true, SnapshotId: snapshotId, VolumeType: "gp3" } }],
    }),
  );
  await a.send(new CreateTagsCommand({ Resources: [ImageId!], Tags: [{ Key: "env", Value: "test" }] }));
  await waitImageAvailable(a, ImageId!);
  await a.send(new EnableImageDeprecationCommand({ ImageId, DeprecateAt: deprecateAt }));
  const minute = (d: Date | string) => Math.round(new Date(d).getTime() / 60_000);
  await pollOnClock(
    server,
    () => findImageByID(a, ImageId!),
    (i) => i?.DeprecationTime !== undefined && minute(i.DeprecationTime) === minute(deprecateAt),
    ATTRIBUTE_WAIT,
  );
  let img = await readAmi(a, ImageId!);
  assert.equal(img.Name, "tf-registered");
  assert.equal(img.Architecture, "x86_64");
  assert.equal(img.EnaSupport, true);
  assert.equal(img.SriovNetSupport, "simple");
  assert.equal(img.VirtualizationType, "hvm");
  assert.equal(img.RootDeviceName, "/dev/xvda");
  assert.equal(rootSnapshotId(img), snapshotId);
  assert.equal(img.BlockDeviceMappings![0].Ebs!.VolumeType, "gp3");
  assert.equal(img.BlockDeviceMappings![0].Ebs!.DeleteOnTermination, true);
  assert.deepEqual(img.Tags, [{ Key: "env", Value: "test" }]);
  assert.equal(minute(img.DeprecationTime!), minute(deprecateAt));

  // Update: description, then clearing deprecation_time.
  await a.send(new ModifyImageAttributeCommand({ ImageId, Description: { Value: "registered" } }));
  await pollOnClock(
    server,
    () => findImageByID(a, ImageId!),
    (i) => i?.Description === "registered",
    ATTRIBUTE_WAIT,
  );
  await a.send(new DisableImageDeprecationCommand({ ImageId }));
  await pollOnClock(
    server,
    () => findImageByID(a, ImageId!),
    (i) => i?.DeprecationTime === undefined,
    ATTRIBUTE_WAIT,
  );
  img = await readAmi(a, ImageId!);
  assert.equal(img.Description, "registered");
  assert.equal(img.DeprecationTime, undefined);

  // aws_ami does not manage its snapshots: only the AMI goes; the snapshot is free to delete afterwards.
  await deleteAmi(a, img, false);
  const { Snapshots } = await a.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] }));
  assert.equal(Snapshots!.length, 1);
});

test("aws_ami_copy to another region: CopyImage with a client token, tags while pending, wait, read; delete deletes the copies", async () => {
  const instanceId = await sourceInstance();
  const source = (await a.send(new CreateImageCommand({ InstanceId: instanceId, Name: "copy-source" }))).ImageId!;
  server.clock.advance(2 * T + 1);
  const token = "terraform-20261123120000000000000001";
  const copy = {
    ClientToken: token,
    Description: "",
    Encrypted: false,
    Name: "tf-copy",
    SourceImageId: source,
    SourceRegion: REGION,
  };
  const { ImageId } = await a2.send(new CopyImageCommand(copy));
  await a2.send(new CreateTagsCommand({ Resources: [ImageId!], Tags: [{ Key: "copied", Value: "yes" }] }));
  assert.equal((await findImageByID(a2, ImageId!))!.State, "pending");
  assert.equal((await a2.send(new CopyImageCommand(copy))).ImageId, ImageId, "a retried create answers the same copy");
  await waitImageAvailable(a2, ImageId!);
  const img = await readAmi(a2, ImageId!);
  assert.equal(img.Name, "tf-copy");
  assert.equal(img.SourceImageId, source);
  assert.equal(img.SourceImageRegion, REGION);
  assert.deepEqual(img.Tags, [{ Key: "copied", Value: "yes" }]);
  const copies = snapshotIds(img);
  assert.equal((await a2.send(new DescribeSnapshotsCommand({ SnapshotIds: copies }))).Snapshots!.length, copies.length);

  await deleteAmi(a2, img, true);
  assert.deepEqual((await a2.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots, []);
  assert.equal((await findImageByID(a, source))!.State, "available", "the source is untouched");
});

test("aws_ami_launch_permission: add, read at once through DescribeImageAttribute, remove; gone reads as not found", async () => {
  const instanceId = await sourceInstance();
  const ImageId = (await a.send(new CreateImageCommand({ InstanceId: instanceId, Name: "shared" }))).ImageId!;
  server.clock.advance(2 * T + 1);
  const read = async () => {
    const { LaunchPermissions } = await a.send(new DescribeImageAttributeCommand({ Attribute: "launchPermission", ImageId }));
    if (!LaunchPermissions?.length) return undefined;
    return LaunchPermissions.find((p) => p.UserId === ACCOUNT_B);
  };
  await a.send(
    new ModifyImageAttributeCommand({ Attribute: "launchPermission", ImageId, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }),
  );
  assert.deepEqual(await read(), { UserId: ACCOUNT_B });
  const b = fx.ec2(ACCOUNT_B);
  assert.equal((await b.send(new DescribeImagesCommand({ ImageIds: [ImageId] }))).Images![0].ImageId, ImageId);
  await a.send(
    new ModifyImageAttributeCommand({ Attribute: "launchPermission", ImageId, LaunchPermission: { Remove: [{ UserId: ACCOUNT_B }] } }),
  );
  assert.equal(await read(), undefined);
});

test("aws_launch_template: create, read the latest version by number, update with a new version and default, delete", async () => {
  const { Images } = await a.send(
    new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: ["al2023-ami-2023*-x86_64"] }] }),
  );
  const imageId = Images![0].ImageId!;
  const data: RequestLaunchTemplateData = { UserData: "", ImageId: imageId, InstanceType: "t3.micro" };
  const created = await a.send(
    new CreateLaunchTemplateCommand({
      ClientToken: "terraform-20261123120000000000000002",
      LaunchTemplateName: "tf-template",
      TagSpecifications: [{ ResourceType: "launch-template", Tags: [{ Key: "env", Value: "test" }] }],
      VersionDescription: "first",
      LaunchTemplateData: data,
    }),
  );
  const id = created.LaunchTemplate!.LaunchTemplateId!;
  const read = async () => {
    const { LaunchTemplates } = await a.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [id] }));
    assert.equal(LaunchTemplates!.length, 1);
    const lt = LaunchTemplates![0];
    assert.equal(lt.LaunchTemplateId, id);
    const { LaunchTemplateVersions } = await a.send(
      new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: id, Versions: [String(lt.LatestVersionNumber)] }),
    );
    assert.equal(LaunchTemplateVersions!.length, 1);
    const v = LaunchTemplateVersions![0];
    assert.equal(v.LaunchTemplateId, id);
    return { lt, v };
  };
  let { lt, v } = await read();
  assert.equal(lt.LaunchTemplateName, "tf-template");
  assert.equal(lt.DefaultVersionNumber, 1);
  assert.equal(lt.LatestVersionNumber, 1);
  assert.deepEqual(lt.Tags, [{ Key: "env", Value: "test" }]);
  assert.equal(v.VersionDescription, "first");
  assert.equal(v.LaunchTemplateData!.ImageId, imageId);
  assert.equal(v.LaunchTemplateData!.InstanceType, "t3.micro");
  assert.equal(v.LaunchTemplateData!.UserData ?? "", "");

  const newer = await a.send(
    new CreateLaunchTemplateVersionCommand({
      ClientToken: "terraform-20261123120000000000000003",
      LaunchTemplateId: id,
      VersionDescription: "second",
      LaunchTemplateData: { ...data, InstanceType: "t3.small" },
    }),
  );
  assert.equal(newer.LaunchTemplateVersion!.VersionNumber, 2);
  await a.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: id, DefaultVersion: "2" }));
  ({ lt, v } = await read());
  assert.equal(lt.DefaultVersionNumber, 2);
  assert.equal(lt.LatestVersionNumber, 2);
  assert.equal(v.VersionDescription, "second");
  assert.equal(v.LaunchTemplateData!.InstanceType, "t3.small");
  assert.equal(v.LaunchTemplateData!.ImageId, imageId);

  await a.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: id }));
  const e = await rejection(() => a.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [id] })));
  assert.equal(e.name, "InvalidLaunchTemplateId.NotFound");
});

test("data aws_ami with most_recent: owners and a name filter, IncludeDeprecated false, every page, the newest CreationDate", async () => {
  const instanceId = await sourceInstance();
  const ids: string[] = [];
  for (const n of [1, 2, 3]) {
    ids.push((await a.send(new CreateImageCommand({ InstanceId: instanceId, Name: `tf-data-${n}`, NoReboot: true }))).ImageId!);
    server.clock.advance(2 * T + 1); // distinct CreationDates, as the provider's unstable sort needs
  }
  const images: Image[] = [];
  let NextToken: string | undefined;
  do {
    const r = await a.send(
      new DescribeImagesCommand({
        IncludeDeprecated: false,
        Owners: ["self"],
        Filters: [{ Name: "name", Values: ["tf-data-*"] }],
        MaxResults: 5,
        NextToken,
      }),
    );
    images.push(...r.Images!);
    NextToken = r.NextToken;
  } while (NextToken);
  assert.equal(images.length, 3);
  const newest = images.sort((x, y) => Date.parse(y.CreationDate!) - Date.parse(x.CreationDate!))[0];
  assert.equal(newest.ImageId, ids[2]);
  assert.equal(newest.State, "available");
  assert.equal(newest.Name, "tf-data-3");
});
