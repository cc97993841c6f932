// VM import through the SDK: ImportImage, DescribeImportImageTasks and CancelImportTask — the progression
// through every status, the AMI that appears on completion, the 7-day retention, cancel, filters, paging,
// DryRun, tags, errors, and failure on demand.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CancelImportTaskCommand,
  CreateTagsCommand,
  DescribeImagesCommand,
  DescribeImportImageTasksCommand,
  DescribeTagsCommand,
  ImportImageCommand,
  paginateDescribeImportImageTasks,
  type EC2Client,
  type Filter,
  type ImportImageCommandInput,
  type ImportImageTask,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, ec2Client, rejection, T, useServer } from "../support/server";

let server: Imagelite;
let a: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
});

const STEP = 3 * T; // importStep weight 3
const DAY = 24 * 3600;
const DISK = { Format: "vmdk", UserBucket: { S3Bucket: "my-import-bucket", S3Key: "vms/server.vmdk" }, Description: "boot disk" };

async function importImage(extra: Partial<ImportImageCommandInput> = {}, client = a): Promise<string> {
  const r = await client.send(new ImportImageCommand({ DiskContainers: [DISK], ...extra }));
  return r.ImportTaskId!;
}

async function task(id: string, client = a): Promise<ImportImageTask> {
  const r = await client.send(new DescribeImportImageTasksCommand({ ImportTaskIds: [id] }));
  assert.equal(r.ImportImageTasks!.length, 1);
  return r.ImportImageTasks![0];
}

const ownImages = async (client = a) => (await client.send(new DescribeImagesCommand({ Owners: ["self"] }))).Images!;

test("an import goes through every active step, completes, and leaves an AMI shaped by the task", async () => {
  const r = await a.send(
    new ImportImageCommand({
      Description: "web server",
      Platform: "Windows",
      Architecture: "x86_64",
      BootMode: "uefi",
      LicenseType: "AWS",
      Encrypted: true,
      KmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      LicenseSpecifications: [
        {
          LicenseConfigurationArn: `arn:aws:license-manager:us-east-1:${ACCOUNT_A}:license-configuration:lic-0123456789abcdef0123456789abcdef`,
        },
      ],
      DiskContainers: [DISK, { Url: "s3://my-import-bucket/vms/data.vhdx" }],
      TagSpecifications: [{ ResourceType: "import-image-task", Tags: [{ Key: "team", Value: "web" }] }],
    }),
  );
  assert.match(r.ImportTaskId!, /^import-ami-[0-9a-f]{17}$/);
  assert.equal(r.Status, "active");
  assert.equal(r.StatusMessage, "pending");
  assert.equal(r.Progress, "2");
  assert.equal(r.ImageId, undefined);
  assert.deepEqual(r.Tags, [{ Key: "team", Value: "web" }]);
  assert.equal(r.SnapshotDetails!.length, 2);
  assert.equal(r.SnapshotDetails![0].Format, "VMDK");
  assert.equal(r.SnapshotDetails![1].Format, "VHDX");
  assert.deepEqual(r.SnapshotDetails![0].UserBucket, DISK.UserBucket);
  assert.equal(r.SnapshotDetails![1].Url, "s3://my-import-bucket/vms/data.vhdx");
  assert.ok(r.SnapshotDetails![0].DiskImageSize! > 0);

  const id = r.ImportTaskId!;
  const seen: string[] = [];
  let progress = 0;
  for (let i = 0; i < 8; i++) {
    const t = await task(id);
    assert.equal(t.Status, "active");
    seen.push(t.StatusMessage!);
    assert.ok(Number(t.Progress) > progress, `progress grows at ${t.StatusMessage}`);
    progress = Number(t.Progress);
    assert.equal(t.SnapshotDetails![0].Status, "active");
    assert.deepEqual(await ownImages(), [], "no AMI while the task is active");
    server.clock.advance(STEP);
  }
  assert.deepEqual(seen, ["pending", "validating", "validated", "converting", "updating", "booting", "booted", "preparing ami"]);

  const done = await task(id);
  assert.equal(done.Status, "completed");
  assert.equal(done.Progress, undefined);
  assert.equal(done.StatusMessage, undefined);
  assert.match(done.ImageId!, /^ami-[0-9a-f]{17}$/);
  for (const [k, v] of Object.entries({
    Description: "web server",
    Platform: "Windows",
    Architecture: "x86_64",
    BootMode: "uefi",
    LicenseType: "AWS",
    Encrypted: true,
    UsageOperation: "RunInstances:0002",
  })) {
    assert.deepEqual((done as Record<string, unknown>)[k], v, k);
  }
  assert.ok(done.KmsKeyId);
  assert.equal(done.LicenseSpecifications!.length, 1);
  assert.deepEqual(
    done.SnapshotDetails!.map((d) => [d.Status, d.DeviceName]),
    [
      ["completed", "/dev/sda1"],
      ["completed", "/dev/sdb"],
    ],
  );
  assert.ok(done.SnapshotDetails!.every((d) => /^snap-/.test(d.SnapshotId!)));

  const [ami] = await ownImages();
  assert.equal(ami.ImageId, done.ImageId);
  assert.equal(ami.State, "available");
  assert.equal(ami.Name, id);
  assert.equal(ami.Platform, "windows");
  assert.equal(ami.PlatformDetails, "Windows");
  assert.equal(ami.Architecture, "x86_64");
  assert.equal(ami.BootMode, "uefi");
  assert.equal(ami.VirtualizationType, "hvm");
  assert.deepEqual(
    ami.BlockDeviceMappings!.map((m) => m.Ebs!.SnapshotId),
    done.SnapshotDetails!.map((d) => d.SnapshotId),
  );
  assert.ok(ami.BlockDeviceMappings!.every((m) => m.Ebs!.Encrypted === true));
});

test("finished tasks stay listed for 7 days, then disappear (the AMI stays)", async () => {
  const id = await importImage();
  server.clock.advance(8 * STEP);
  const { ImageId } = await task(id);
  server.clock.advance(7 * DAY - 1);
  assert.equal((await task(id)).Status, "completed");
  server.clock.advance(2);
  const e = await rejection(() => a.send(new DescribeImportImageTasksCommand({ ImportTaskIds: [id] })));
  assert.equal(e.name, "InvalidConversionTaskId");
  assert.deepEqual((await a.send(new DescribeImportImageTasksCommand({}))).ImportImageTasks, []);
  assert.deepEqual(
    (await ownImages()).map((i) => i.ImageId),
    [ImageId],
  );

  const cancelled = await importImage();
  await a.send(new CancelImportTaskCommand({ ImportTaskId: cancelled }));
  server.clock.advance(T + 7 * DAY - 1);
  assert.equal((await task(cancelled)).Status, "deleted");
  server.clock.advance(2);
  assert.equal((await rejection(() => task(cancelled))).name, "InvalidConversionTaskId");
});

test("CancelImportTask: deleting then deleted, and no AMI ever appears", async () => {
  const id = await importImage({ Platform: "Linux" });
  server.clock.advance(3 * STEP);
  assert.equal((await task(id)).StatusMessage, "converting");
  const r = await a.send(new CancelImportTaskCommand({ ImportTaskId: id, CancelReason: "wrong disk" }));
  assert.deepEqual([r.ImportTaskId, r.PreviousState, r.State], [id, "active", "deleting"]);
  let t = await task(id);
  assert.deepEqual([t.Status, t.StatusMessage, t.Progress, t.ImageId], ["deleting", "wrong disk", undefined, undefined]);
  server.clock.advance(T);
  t = await task(id);
  assert.deepEqual([t.Status, t.StatusMessage], ["deleted", "wrong disk"]);
  server.clock.advance(10 * STEP);
  assert.deepEqual(await ownImages(), []);
  assert.equal((await task(id)).ImageId, undefined);

  let e = await rejection(() => a.send(new CancelImportTaskCommand({ ImportTaskId: id })));
  assert.equal(e.name, "InvalidParameter");
  const completed = await importImage();
  server.clock.advance(8 * STEP);
  e = await rejection(() => a.send(new CancelImportTaskCommand({ ImportTaskId: completed })));
  assert.equal(e.name, "InvalidParameter");
  e = await rejection(() => a.send(new CancelImportTaskCommand({ ImportTaskId: "import-ami-0123456789abcdef0" })));
  assert.equal(e.name, "InvalidConversionTaskId");
  e = await rejection(() => a.send(new CancelImportTaskCommand({ ImportTaskId: "ami-12345678" })));
  assert.equal(e.name, "InvalidConversionTaskId.Malformed");
  // Another account cannot see or cancel the task.
  const b = ec2Client(server, ACCOUNT_B);
  e = await rejection(() => b.send(new CancelImportTaskCommand({ ImportTaskId: completed })));
  assert.equal(e.name, "InvalidConversionTaskId");
  b.destroy();
});

test("task-state and tag filters, ImportTaskIds, and pagination", async () => {
  const devDone = await importImage({ TagSpecifications: [{ ResourceType: "import-image-task", Tags: [{ Key: "env", Value: "dev" }] }] });
  const done = await importImage({ TagSpecifications: [{ ResourceType: "import-image-task", Tags: [{ Key: "env", Value: "prod" }] }] });
  server.clock.advance(8 * STEP);
  const cancelled = await importImage();
  await a.send(new CancelImportTaskCommand({ ImportTaskId: cancelled }));
  await a.send(new CancelImportTaskCommand({ ImportTaskId: devDone })).catch(() => undefined); // already completed: refused
  const fresh = await importImage({ TagSpecifications: [{ ResourceType: "import-image-task", Tags: [{ Key: "env", Value: "dev" }] }] });

  const ids = async (filters?: Filter[]) =>
    (await a.send(new DescribeImportImageTasksCommand({ Filters: filters }))).ImportImageTasks!.map((t) => t.ImportTaskId).sort();
  assert.deepEqual(await ids([{ Name: "task-state", Values: ["completed"] }]), [devDone, done].sort());
  assert.deepEqual(await ids([{ Name: "task-state", Values: ["active"] }]), [fresh]);
  assert.deepEqual(await ids([{ Name: "task-state", Values: ["deleting"] }]), [cancelled]);
  assert.deepEqual(await ids([{ Name: "task-state", Values: ["deleting", "active"] }]), [cancelled, fresh].sort());
  assert.deepEqual(await ids([{ Name: "tag:env", Values: ["dev"] }]), [devDone, fresh].sort());
  assert.deepEqual(
    await ids([
      { Name: "tag:env", Values: ["dev"] },
      { Name: "task-state", Values: ["completed"] },
    ]),
    [devDone],
  );
  assert.deepEqual(await ids([{ Name: "tag-key", Values: ["env"] }]), [devDone, done, fresh].sort());
  server.clock.advance(T);
  assert.deepEqual(await ids([{ Name: "task-state", Values: ["deleted"] }]), [cancelled]);
  let e = await rejection(() => ids([{ Name: "state", Values: ["active"] }]));
  assert.equal(e.name, "InvalidParameterValue");

  const byId = await a.send(
    new DescribeImportImageTasksCommand({ ImportTaskIds: [done, fresh], Filters: [{ Name: "task-state", Values: ["active"] }] }),
  );
  assert.deepEqual(
    byId.ImportImageTasks!.map((t) => t.ImportTaskId),
    [fresh],
  );
  e = await rejection(() => a.send(new DescribeImportImageTasksCommand({ ImportTaskIds: [done, "import-ami-00000000000000000"] })));
  assert.equal(e.name, "InvalidConversionTaskId");
  e = await rejection(() => a.send(new DescribeImportImageTasksCommand({ ImportTaskIds: ["import-1"] })));
  assert.equal(e.name, "InvalidConversionTaskId.Malformed");

  const paged: string[] = [];
  for await (const page of paginateDescribeImportImageTasks({ client: a, pageSize: 1 }, {})) {
    assert.ok(page.ImportImageTasks!.length <= 1);
    paged.push(...page.ImportImageTasks!.map((t) => t.ImportTaskId!));
  }
  assert.deepEqual(paged, [devDone, done, cancelled, fresh].sort());
  const first = await a.send(new DescribeImportImageTasksCommand({ MaxResults: 3 }));
  assert.equal(first.ImportImageTasks!.length, 3);
  const rest = await a.send(new DescribeImportImageTasksCommand({ MaxResults: 3, NextToken: first.NextToken }));
  assert.equal(rest.ImportImageTasks!.length, 1);
  assert.equal(rest.NextToken, undefined);
  e = await rejection(() => a.send(new DescribeImportImageTasksCommand({ NextToken: "forged" })));
  assert.equal(e.name, "InvalidNextToken");
  e = await rejection(() => a.send(new DescribeImportImageTasksCommand({ MaxResults: 0 })));
  assert.equal(e.name, "InvalidParameterValue");
});

test("DryRun answers DryRunOperation and changes nothing", async () => {
  let e = await rejection(() => a.send(new ImportImageCommand({ DryRun: true, DiskContainers: [DISK] })));
  assert.equal(e.name, "DryRunOperation");
  assert.deepEqual((await a.send(new DescribeImportImageTasksCommand({}))).ImportImageTasks, []);
  e = await rejection(() => a.send(new ImportImageCommand({ DryRun: true, DiskContainers: [] })));
  assert.equal(e.name, "MissingParameter");
  const id = await importImage();
  e = await rejection(() => a.send(new CancelImportTaskCommand({ DryRun: true, ImportTaskId: id })));
  assert.equal(e.name, "DryRunOperation");
  assert.equal((await task(id)).Status, "active");
  e = await rejection(() => a.send(new DescribeImportImageTasksCommand({ DryRun: true })));
  assert.equal(e.name, "DryRunOperation");
});

test("ImportImage refuses what VM Import refuses", async () => {
  const cases: [Partial<ImportImageCommandInput>, string][] = [
    [{ DiskContainers: undefined }, "MissingParameter"],
    [{ DiskContainers: [{ ...DISK, Url: "https://example.com/disk.vmdk" }] }, "InvalidParameter"],
    [{ DiskContainers: [{ Url: "ftp://host/disk.vmdk" }] }, "InvalidParameter"],
    [{ DiskContainers: [{ Url: "s3://bucket/disk.qcow2" }] }, "InvalidParameter"],
    [{ DiskContainers: [{ Url: "s3://bucket/disk.vmdk", Format: "QCOW2" }] }, "InvalidParameter"],
    [{ DiskContainers: [{ UserBucket: { S3Bucket: "b" } }] }, "MissingParameter"],
    [{ DiskContainers: [{ SnapshotId: "snap-1" }] }, "InvalidSnapshotID.Malformed"],
    [{ Architecture: "sparc" }, "InvalidParameter"],
    [{ Platform: "BeOS" }, "InvalidParameter"],
    [{ Hypervisor: "kvm" }, "InvalidParameter"],
    [{ LicenseType: "FREE" }, "InvalidParameter"],
    [{ BootMode: "uefi-preferred" }, "InvalidParameter"],
    [{ KmsKeyId: "alias/mine" }, "InvalidParameterDependency"],
    [{ LicenseSpecifications: [{ LicenseConfigurationArn: "arn:aws:iam::1:role/x" }] }, "InvalidParameter"],
    [{ TagSpecifications: [{ ResourceType: "image", Tags: [{ Key: "k", Value: "v" }] }] }, "InvalidParameterValue"],
  ];
  for (const [input, code] of cases) {
    const e = await rejection(() => a.send(new ImportImageCommand({ DiskContainers: [DISK], ...input })));
    assert.equal(e.name, code, JSON.stringify(input));
  }
  assert.deepEqual((await a.send(new DescribeImportImageTasksCommand({}))).ImportImageTasks, []);
  // An EBS snapshot is a valid source as well.
  const id = await importImage({ DiskContainers: [{ SnapshotId: "snap-0123456789abcdef0" }] });
  assert.equal((await task(id)).SnapshotDetails![0].SnapshotId, "snap-0123456789abcdef0");
});

test("at most 20 active imports per Region; ClientToken makes ImportImage idempotent", async () => {
  const first = await importImage({ ClientToken: "once" });
  assert.equal(await importImage({ ClientToken: "once" }), first);
  const e1 = await rejection(() => importImage({ ClientToken: "once", Description: "other" }));
  assert.equal(e1.name, "IdempotentParameterMismatch");
  for (let i = 1; i < 20; i++) await importImage();
  const e = await rejection(() => importImage());
  assert.equal(e.name, "ResourceCountLimitExceeded");
  await a.send(new CancelImportTaskCommand({ ImportTaskId: first }));
  await importImage();
});

test("CreateTags and DescribeTags work on import tasks", async () => {
  const id = await importImage();
  await a.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "owner", Value: "ops" }] }));
  const tags = (await a.send(new DescribeTagsCommand({ Filters: [{ Name: "resource-type", Values: ["import-image-task"] }] }))).Tags!;
  assert.deepEqual(
    tags.map((t) => [t.ResourceId, t.Key, t.Value]),
    [[id, "owner", "ops"]],
  );
  assert.deepEqual((await task(id)).Tags, [{ Key: "owner", Value: "ops" }]);
  const e = await rejection(() =>
    a.send(new CreateTagsCommand({ Resources: ["import-ami-0123456789abcdef0"], Tags: [{ Key: "k", Value: "v" }] })),
  );
  assert.equal(e.name, "InvalidConversionTaskId");
});

test("a fault rule makes the import run some steps, then end deleted with the reason and no AMI", async () => {
  server.faults.add({
    service: "ec2",
    operation: "ImportImage",
    times: 1,
    lifecycle: { outcome: "fail", reason: "ClientError: Disk validation failed" },
  });
  const id = await importImage();
  const seen: string[] = [];
  for (;;) {
    const t = await task(id);
    seen.push(`${t.Status}:${t.StatusMessage}`);
    if (t.Status === "deleted") break;
    server.clock.advance(t.Status === "deleting" ? T : STEP);
  }
  assert.deepEqual(seen, [
    "active:pending",
    "active:validating",
    "active:validated",
    "active:converting",
    "deleting:ClientError: Disk validation failed",
    "deleted:ClientError: Disk validation failed",
  ]);
  assert.equal((await task(id)).ImageId, undefined);
  server.clock.advance(10 * STEP);
  assert.deepEqual(await ownImages(), []);

  server.faults.add({ service: "ec2", operation: "ImportImage", times: 1, lifecycle: { outcome: "fail" } });
  const other = await importImage();
  server.clock.advance(4 * STEP + T);
  const t = await task(other);
  assert.deepEqual([t.Status, t.StatusMessage], ["deleted", "ClientError: Unsupported kernel version"]);
  // The rule was used up: the next import succeeds.
  const ok = await importImage();
  server.clock.advance(8 * STEP);
  assert.equal((await task(ok)).Status, "completed");
});
