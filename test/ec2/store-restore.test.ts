// Store and restore an AMI using S3 through the SDK: CreateStoreImageTask, DescribeStoreImageTasks (progress on the
// clock, filters, paging, the 31-day window) and CreateRestoreImageTask (a new AMI with new snapshots and the stored
// AMI's attributes, launchable), with the errors EC2 answers. imagelite keeps no S3: the bucket is a name.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateRestoreImageTaskCommand,
  CreateStoreImageTaskCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  DescribeStoreImageTasksCommand,
  DescribeTagsCommand,
  ModifyImageAttributeCommand,
  paginateDescribeStoreImageTasks,
  RunInstancesCommand,
  type EC2Client,
  type StoreImageTaskResult,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, useServer } from "../support/server";
import { registerAmi, settle } from "./helpers";

let server: Imagelite;
let a: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
});

const STORE = 3 * T; // amiStore weight 3
const DAY = 24 * 3600;

async function storeTask(ami: string, client = a): Promise<StoreImageTaskResult | undefined> {
  const r = await client.send(new DescribeStoreImageTasksCommand({ ImageIds: [ami] }));
  return r.StoreImageTaskResults![0];
}

const image = async (id: string, client = a) => (await client.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images![0];

test("an AMI is stored as <ami-id>.bin, restored as a new AMI with new snapshots and its attributes, and launched", async () => {
  const ami = await registerAmi(a, "golden", { Description: "the golden image", BootMode: "uefi", EnaSupport: true, TpmSupport: "v2.0" });
  settle(server);
  const stored = await a.send(new CreateStoreImageTaskCommand({ ImageId: ami, Bucket: "my-ami-bucket" }));
  assert.equal(stored.ObjectKey, `${ami}.bin`);

  const started = await storeTask(ami);
  assert.equal(started!.StoreTaskState, "InProgress");
  assert.equal(started!.ProgressPercentage, 0);
  assert.equal(started!.Bucket, "my-ami-bucket");
  assert.equal(started!.S3objectKey, `${ami}.bin`);
  assert.equal(started!.AmiId, ami);
  assert.ok(started!.TaskStartTime instanceof Date);
  server.clock.advance(STORE / 2);
  assert.equal((await storeTask(ami))!.ProgressPercentage, 50);

  // Not in the bucket until the task completes.
  const early = await rejection(() => a.send(new CreateRestoreImageTaskCommand({ Bucket: "my-ami-bucket", ObjectKey: `${ami}.bin` })));
  assert.equal(early.name, "InvalidParameterValue");

  server.clock.advance(STORE / 2);
  const done = await storeTask(ami);
  assert.equal(done!.StoreTaskState, "Completed");
  assert.equal(done!.ProgressPercentage, 100);
  assert.equal(done!.StoreTaskFailureReason, undefined);

  // The name must be unique: the stored AMI's own name is still taken.
  const duplicate = await rejection(() => a.send(new CreateRestoreImageTaskCommand({ Bucket: "my-ami-bucket", ObjectKey: `${ami}.bin` })));
  assert.equal(duplicate.name, "InvalidAMIName.Duplicate");

  const restored = await a.send(
    new CreateRestoreImageTaskCommand({
      Bucket: "my-ami-bucket",
      ObjectKey: `${ami}.bin`,
      Name: "golden-restored",
      TagSpecifications: [
        { ResourceType: "image", Tags: [{ Key: "restored", Value: "yes" }] },
        { ResourceType: "snapshot", Tags: [{ Key: "from", Value: "s3" }] },
      ],
    }),
  );
  assert.match(restored.ImageId!, /^ami-[0-9a-f]{17}$/);
  assert.notEqual(restored.ImageId, ami);
  assert.equal((await image(restored.ImageId!)).State, "pending");
  settle(server);

  const [source, copy] = [await image(ami), await image(restored.ImageId!)];
  assert.equal(copy.State, "available");
  assert.equal(copy.Name, "golden-restored");
  for (const k of [
    "Description",
    "Architecture",
    "BootMode",
    "EnaSupport",
    "TpmSupport",
    "RootDeviceName",
    "VirtualizationType",
    "PlatformDetails",
  ]) {
    assert.deepEqual((copy as Record<string, unknown>)[k], (source as Record<string, unknown>)[k], k);
  }
  assert.deepEqual(copy.Tags, [{ Key: "restored", Value: "yes" }]);
  const [m] = copy.BlockDeviceMappings!;
  assert.equal(m.DeviceName, "/dev/xvda");
  assert.notEqual(m.Ebs!.SnapshotId, source.BlockDeviceMappings![0].Ebs!.SnapshotId);
  const snap = (await a.send(new DescribeSnapshotsCommand({ SnapshotIds: [m.Ebs!.SnapshotId!] }))).Snapshots![0];
  assert.equal(snap.State, "completed");
  assert.equal(snap.VolumeSize, 8);
  assert.deepEqual(snap.Tags, [{ Key: "from", Value: "s3" }]);

  const run = await a.send(new RunInstancesCommand({ ImageId: restored.ImageId, MinCount: 1, MaxCount: 1, InstanceType: "t3.micro" }));
  assert.equal(run.Instances![0].ImageId, restored.ImageId);
});

test("an object never stored cannot be restored; a wrong tag resource type is refused", async () => {
  const missing = await rejection(() => a.send(new CreateRestoreImageTaskCommand({ Bucket: "b", ObjectKey: "ami-0123456789abcdef0.bin" })));
  assert.equal(missing.name, "InvalidParameterValue");
  assert.match(missing.message, /does not exist/);

  const ami = await registerAmi(a, "tagged");
  settle(server);
  await a.send(new CreateStoreImageTaskCommand({ ImageId: ami, Bucket: "b" }));
  server.clock.advance(STORE);
  const badType = await rejection(() =>
    a.send(
      new CreateRestoreImageTaskCommand({
        Bucket: "b",
        ObjectKey: `${ami}.bin`,
        Name: "x-restored",
        TagSpecifications: [{ ResourceType: "volume", Tags: [{ Key: "k", Value: "v" }] }],
      }),
    ),
  );
  assert.equal(badType.name, "InvalidParameterValue");
  // Another account does not see the object (it reads its own bucket names only).
  const other = await rejection(() =>
    fx.ec2(ACCOUNT_B).send(new CreateRestoreImageTaskCommand({ Bucket: "b", ObjectKey: `${ami}.bin`, Name: "theirs" })),
  );
  assert.equal(other.name, "InvalidParameterValue");
  // Without a name the restored AMI takes the stored one's, once that name is free.
  const restored = await a.send(new CreateRestoreImageTaskCommand({ Bucket: "b", ObjectKey: `${ami}.bin`, Name: "tagged-2" }));
  assert.equal((await image(restored.ImageId!)).Name, "tagged-2");
  const tags = await a.send(new DescribeTagsCommand({ Filters: [{ Name: "resource-id", Values: [restored.ImageId!] }] }));
  assert.deepEqual(tags.Tags, []);
});

test("what cannot be stored: an unknown, malformed, pending, public or instance-store AMI", async () => {
  const cases: [string, string][] = [];
  const notFound = await rejection(() => a.send(new CreateStoreImageTaskCommand({ ImageId: "ami-0123456789abcdef0", Bucket: "b" })));
  cases.push([notFound.name, "InvalidAMIID.NotFound"]);
  const malformed = await rejection(() => a.send(new CreateStoreImageTaskCommand({ ImageId: "nope", Bucket: "b" })));
  cases.push([malformed.name, "InvalidAMIID.Malformed"]);
  const pending = await registerAmi(a, "pending-one");
  const notYet = await rejection(() => a.send(new CreateStoreImageTaskCommand({ ImageId: pending, Bucket: "b" })));
  cases.push([notYet.name, "InvalidAMIID.Unavailable"]);
  settle(server);
  // Public to everyone but not shared with B directly: B may not store it; shared with B, it may.
  await a.send(new ModifyImageAttributeCommand({ ImageId: pending, LaunchPermission: { Add: [{ Group: "all" }] } }));
  const b = fx.ec2(ACCOUNT_B);
  const publicOnly = await rejection(() => b.send(new CreateStoreImageTaskCommand({ ImageId: pending, Bucket: "b" })));
  cases.push([publicOnly.name, "AuthFailure"]);
  await a.send(new ModifyImageAttributeCommand({ ImageId: pending, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  assert.equal((await b.send(new CreateStoreImageTaskCommand({ ImageId: pending, Bucket: "theirs" }))).ObjectKey, `${pending}.bin`);
  assert.equal((await storeTask(pending, b))!.Bucket, "theirs");
  assert.equal(await storeTask(pending), undefined, "a task is its caller's");
  const instanceStore = await registerAmi(a, "s3-backed", {
    ImageLocation: "my-bucket/image.manifest.xml",
    RootDeviceName: undefined,
    BlockDeviceMappings: [],
  });
  settle(server);
  const notEbs = await rejection(() => a.send(new CreateStoreImageTaskCommand({ ImageId: instanceStore, Bucket: "b" })));
  cases.push([notEbs.name, "InvalidParameterValue"]);
  assert.deepEqual(
    cases.map(([got]) => got),
    cases.map(([, want]) => want),
  );
});

test("tasks are listed newest first, filtered by state and bucket, paged, and kept 31 days", async () => {
  const amis: string[] = [];
  for (let i = 0; i < 3; i++) amis.push(await registerAmi(a, `paged-${i}`));
  settle(server);
  for (const [i, ami] of amis.entries()) {
    await a.send(new CreateStoreImageTaskCommand({ ImageId: ami, Bucket: i === 2 ? "other" : "main" }));
    server.clock.advance(STORE / 2);
  }
  const all = (await a.send(new DescribeStoreImageTasksCommand({}))).StoreImageTaskResults!;
  assert.deepEqual(
    all.map((t) => t.AmiId),
    [...amis].reverse(),
  );
  const byState = async (state: string) =>
    (await a.send(new DescribeStoreImageTasksCommand({ Filters: [{ Name: "task-state", Values: [state] }] }))).StoreImageTaskResults!.map(
      (t) => t.AmiId,
    );
  // At 1.5 × STORE: the first two have completed, the third is half way.
  assert.deepEqual(await byState("Completed"), [amis[1], amis[0]]);
  assert.deepEqual(await byState("InProgress"), [amis[2]]);
  const inMain = await a.send(new DescribeStoreImageTasksCommand({ Filters: [{ Name: "bucket", Values: ["main"] }] }));
  assert.deepEqual(
    inMain.StoreImageTaskResults!.map((t) => t.AmiId),
    [amis[1], amis[0]],
  );
  const pages: string[][] = [];
  for await (const page of paginateDescribeStoreImageTasks({ client: a, pageSize: 1 }, {})) {
    pages.push(page.StoreImageTaskResults!.map((t) => t.AmiId!));
  }
  assert.deepEqual(pages, [[amis[2]], [amis[1]], [amis[0]]]);
  const both = await rejection(() => a.send(new DescribeStoreImageTasksCommand({ ImageIds: [amis[0]], MaxResults: 5 })));
  assert.equal(both.name, "InvalidParameterCombination");
  const range = await rejection(() => a.send(new DescribeStoreImageTasksCommand({ MaxResults: 201 })));
  assert.equal(range.name, "InvalidParameterValue");
  const filter = await rejection(() => a.send(new DescribeStoreImageTasksCommand({ Filters: [{ Name: "nope", Values: ["x"] }] })));
  assert.equal(filter.name, "InvalidParameterValue");

  // With ImageIds, filters are ignored (API reference).
  const ignored = await a.send(
    new DescribeStoreImageTasksCommand({ ImageIds: [amis[2]], Filters: [{ Name: "bucket", Values: ["main"] }] }),
  );
  assert.deepEqual(
    ignored.StoreImageTaskResults!.map((t) => t.AmiId),
    [amis[2]],
  );
  // A second store of the same AMI is the one its describe shows.
  await a.send(new CreateStoreImageTaskCommand({ ImageId: amis[0], Bucket: "again" }));
  assert.equal((await storeTask(amis[0]))!.Bucket, "again");

  server.clock.advance(31 * DAY + STORE);
  assert.deepEqual((await a.send(new DescribeStoreImageTasksCommand({}))).StoreImageTaskResults, []);
  // The objects stay: a restore works after the task is gone.
  const restored = await a.send(new CreateRestoreImageTaskCommand({ Bucket: "main", ObjectKey: `${amis[1]}.bin`, Name: "late" }));
  assert.ok(restored.ImageId);
});

test("a fault rule makes the store fail with its reason, and leaves no object", async () => {
  const ami = await registerAmi(a, "failing");
  settle(server);
  server.faults.add({
    service: "ec2",
    operation: "CreateStoreImageTask",
    times: 1,
    lifecycle: { outcome: "fail", reason: "S3 access denied" },
  });
  await a.send(new CreateStoreImageTaskCommand({ ImageId: ami, Bucket: "b" }));
  assert.equal((await storeTask(ami))!.StoreTaskState, "InProgress");
  server.clock.advance(STORE);
  const failed = await storeTask(ami);
  assert.equal(failed!.StoreTaskState, "Failed");
  assert.equal(failed!.StoreTaskFailureReason, "S3 access denied");
  assert.equal(failed!.ProgressPercentage, undefined);
  const none = await rejection(() => a.send(new CreateRestoreImageTaskCommand({ Bucket: "b", ObjectKey: `${ami}.bin`, Name: "never" })));
  assert.equal(none.name, "InvalidParameterValue");
});

test("DryRun answers DryRunOperation and starts nothing", async () => {
  const ami = await registerAmi(a, "dry");
  settle(server);
  const dry = await rejection(() => a.send(new CreateStoreImageTaskCommand({ ImageId: ami, Bucket: "b", DryRun: true })));
  assert.equal(dry.name, "DryRunOperation");
  assert.equal(await storeTask(ami), undefined);
});
