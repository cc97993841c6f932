// Importing a disk as a snapshot through the SDK: ImportSnapshot, DescribeImportSnapshotTasks and CancelImportTask
// for import-snap- tasks — every status, the snapshot that appears on completion, cancel, filters, paging, tags,
// ClientToken, errors and failure on demand. imagelite keeps no S3: bucket, key and URL are names.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CancelImportTaskCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  DescribeImportSnapshotTasksCommand,
  DescribeSnapshotsCommand,
  ImportSnapshotCommand,
  paginateDescribeImportSnapshotTasks,
  type EC2Client,
  type ImportSnapshotCommandInput,
  type ImportSnapshotTask,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, useServer } from "../support/server";

let server: Imagelite;
let a: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
});

const STEP = 2 * T; // importSnapshotStep weight 2
const DAY = 24 * 3600;
const DISK = { Format: "VMDK", UserBucket: { S3Bucket: "my-import-bucket", S3Key: "disks/data.vmdk" }, Description: "data disk" };

async function importSnapshot(extra: Partial<ImportSnapshotCommandInput> = {}, client = a): Promise<string> {
  return (await client.send(new ImportSnapshotCommand({ DiskContainer: DISK, ...extra }))).ImportTaskId!;
}

async function task(id: string, client = a): Promise<ImportSnapshotTask> {
  const r = await client.send(new DescribeImportSnapshotTasksCommand({ ImportTaskIds: [id] }));
  assert.equal(r.ImportSnapshotTasks!.length, 1);
  return r.ImportSnapshotTasks![0];
}

const ownSnapshots = async () => (await a.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots!;

test("an import goes pending → downloading/converting → completed and leaves a snapshot", async () => {
  const r = await a.send(
    new ImportSnapshotCommand({
      Description: "lab disk",
      DiskContainer: DISK,
      TagSpecifications: [{ ResourceType: "import-snapshot-task", Tags: [{ Key: "team", Value: "lab" }] }],
    }),
  );
  assert.match(r.ImportTaskId!, /^import-snap-[0-9a-f]{17}$/);
  assert.equal(r.Description, "lab disk");
  assert.deepEqual(r.Tags, [{ Key: "team", Value: "lab" }]);
  const d = r.SnapshotTaskDetail!;
  assert.deepEqual([d.Status, d.StatusMessage, d.Progress], ["active", "pending", "3"]);
  assert.equal(d.Format, "VMDK");
  assert.deepEqual(d.UserBucket, DISK.UserBucket);
  assert.equal(d.Description, "data disk");
  assert.equal(d.Encrypted, false);
  assert.ok(d.DiskImageSize! > 0);
  assert.equal(d.SnapshotId, undefined);
  assert.deepEqual(await ownSnapshots(), [], "no snapshot while the task is active");

  server.clock.advance(STEP);
  const converting = (await task(r.ImportTaskId!)).SnapshotTaskDetail!;
  assert.deepEqual([converting.Status, converting.StatusMessage, converting.Progress], ["active", "downloading/converting", "42"]);
  assert.deepEqual(await ownSnapshots(), []);

  server.clock.advance(STEP);
  const done = (await task(r.ImportTaskId!)).SnapshotTaskDetail!;
  assert.equal(done.Status, "completed");
  assert.equal(done.StatusMessage, undefined);
  assert.equal(done.Progress, undefined);
  assert.match(done.SnapshotId!, /^snap-[0-9a-f]{17}$/);
  const [snap] = await ownSnapshots();
  assert.equal(snap.SnapshotId, done.SnapshotId);
  assert.equal(snap.State, "completed");
  assert.equal(snap.VolumeSize, Math.ceil(done.DiskImageSize! / 1024 ** 3));
  assert.equal(snap.Description, `Created by AWS-VMImport service for ${r.ImportTaskId}`);
  // The snapshot is usable: a volume from it.
  const vol = await a.send(new CreateVolumeCommand({ SnapshotId: snap.SnapshotId, AvailabilityZone: "us-east-1a" }));
  assert.equal(vol.SnapshotId, snap.SnapshotId);

  // Listed 7 days after completion, then gone; the snapshot stays.
  server.clock.advance(7 * DAY + 1);
  const gone = await rejection(() => task(r.ImportTaskId!));
  assert.equal(gone.name, "InvalidConversionTaskId");
  assert.equal((await ownSnapshots()).length, 1);
});

test("a URL source, the format from the extension, encryption with a KMS key", async () => {
  const r = await a.send(
    new ImportSnapshotCommand({
      DiskContainer: { Url: "https://example.com/disks/root.vhd" },
      Encrypted: true,
      KmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    }),
  );
  const d = r.SnapshotTaskDetail!;
  assert.equal(d.Format, "VHD");
  assert.equal(d.Url, "https://example.com/disks/root.vhd");
  assert.equal(d.Encrypted, true);
  assert.ok(d.KmsKeyId);
  server.clock.advance(2 * STEP);
  const [snap] = await ownSnapshots();
  assert.equal(snap.Encrypted, true);
});

test("CancelImportTask: an active snapshot import goes deleting → deleted and leaves no snapshot", async () => {
  const id = await importSnapshot();
  server.clock.advance(STEP);
  const r = await a.send(new CancelImportTaskCommand({ ImportTaskId: id, CancelReason: "wrong disk" }));
  assert.deepEqual([r.ImportTaskId, r.PreviousState, r.State], [id, "active", "deleting"]);
  const t = (await task(id)).SnapshotTaskDetail!;
  assert.deepEqual([t.Status, t.StatusMessage], ["deleting", "wrong disk"]);
  server.clock.advance(STEP + T);
  assert.equal((await task(id)).SnapshotTaskDetail!.Status, "deleted");
  assert.deepEqual(await ownSnapshots(), []);
  const again = await rejection(() => a.send(new CancelImportTaskCommand({ ImportTaskId: id })));
  assert.equal(again.name, "InvalidParameter");
  const missing = await rejection(() => a.send(new CancelImportTaskCommand({ ImportTaskId: "import-snap-0123456789abcdef0" })));
  assert.equal(missing.name, "InvalidConversionTaskId");
  const other = await rejection(() => fx.ec2(ACCOUNT_B).send(new CancelImportTaskCommand({ ImportTaskId: id })));
  assert.equal(other.name, "InvalidConversionTaskId");
});

test("what ImportSnapshot refuses", async () => {
  const cases: [Partial<ImportSnapshotCommandInput>, string][] = [
    [{ DiskContainer: undefined }, "MissingParameter"],
    [{ DiskContainer: { Format: "VMDK" } }, "InvalidParameter"],
    [{ DiskContainer: { Url: "https://example.com/a.vmdk", UserBucket: DISK.UserBucket } }, "InvalidParameter"],
    [{ DiskContainer: { Url: "ftp://example.com/a.vmdk" } }, "InvalidParameter"],
    [{ DiskContainer: { Url: "https://example.com/a.bin" } }, "InvalidParameter"],
    [{ DiskContainer: { Format: "OVA", Url: "https://example.com/a.ova" } }, "InvalidParameter"],
    [{ DiskContainer: { UserBucket: { S3Bucket: "b" } } }, "MissingParameter"],
    [{ KmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab" }, "InvalidParameterDependency"],
    [{ TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: "k", Value: "v" }] }] }, "InvalidParameterValue"],
  ];
  for (const [extra, code] of cases) {
    const e = await rejection(() => importSnapshot(extra));
    assert.equal(e.name, code, JSON.stringify(extra));
  }
  assert.deepEqual((await a.send(new DescribeImportSnapshotTasksCommand({}))).ImportSnapshotTasks, []);
  const malformed = await rejection(() => a.send(new DescribeImportSnapshotTasksCommand({ ImportTaskIds: ["snap-nope"] })));
  assert.equal(malformed.name, "InvalidConversionTaskId.Malformed");
});

test("filters by task-state and tag, paging, CreateTags, ClientToken and DryRun", async () => {
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push(await importSnapshot());
  await a.send(new CancelImportTaskCommand({ ImportTaskId: ids[0] }));
  await a.send(new CreateTagsCommand({ Resources: [ids[1]], Tags: [{ Key: "keep", Value: "yes" }] }));
  const byState = async (state: string) =>
    (await a.send(new DescribeImportSnapshotTasksCommand({ Filters: [{ Name: "task-state", Values: [state] }] }))).ImportSnapshotTasks!.map(
      (t) => t.ImportTaskId,
    );
  assert.deepEqual(await byState("deleting"), [ids[0]]);
  assert.deepEqual((await byState("active")).sort(), [ids[1], ids[2]].sort());
  const tagged = await a.send(new DescribeImportSnapshotTasksCommand({ Filters: [{ Name: "tag:keep", Values: ["yes"] }] }));
  assert.deepEqual(
    tagged.ImportSnapshotTasks!.map((t) => t.ImportTaskId),
    [ids[1]],
  );
  const seen: string[] = [];
  for await (const page of paginateDescribeImportSnapshotTasks({ client: a, pageSize: 1 }, {})) {
    assert.ok(page.ImportSnapshotTasks!.length <= 1);
    seen.push(...page.ImportSnapshotTasks!.map((t) => t.ImportTaskId!));
  }
  assert.deepEqual(seen.sort(), [...ids].sort());

  const first = await importSnapshot({ ClientToken: "tok-1" });
  assert.equal(await importSnapshot({ ClientToken: "tok-1" }), first);

  const dry = await rejection(() => importSnapshot({ DryRun: true }));
  assert.equal(dry.name, "DryRunOperation");
  assert.equal((await a.send(new DescribeImportSnapshotTasksCommand({}))).ImportSnapshotTasks!.length, 4);
});

test("a fault rule makes the import end deleted with the reason and no snapshot", async () => {
  server.faults.add({
    service: "ec2",
    operation: "ImportSnapshot",
    times: 1,
    lifecycle: { outcome: "fail", reason: "ClientError: Disk validation failed" },
  });
  const id = await importSnapshot();
  server.clock.advance(2 * STEP);
  const t = (await task(id)).SnapshotTaskDetail!;
  assert.deepEqual([t.Status, t.StatusMessage], ["deleting", "ClientError: Disk validation failed"]);
  assert.deepEqual(await ownSnapshots(), []);
});
