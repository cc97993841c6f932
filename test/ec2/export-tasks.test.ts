// Export a VM from an AMI through the SDK: ExportImage, DescribeExportImageTasks and CancelExportTask — the
// progression through every status, the file named in the bucket, retention, cancel, filters, paging, tags,
// idempotency, the AMIs that cannot be exported, and failure on demand. imagelite keeps no S3: buckets are names.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CancelExportTaskCommand,
  CopySnapshotCommand,
  CreateTagsCommand,
  DescribeExportImageTasksCommand,
  DescribeTagsCommand,
  ExportImageCommand,
  ModifyImageAttributeCommand,
  paginateDescribeExportImageTasks,
  type EC2Client,
  type ExportImageCommandInput,
  type ExportImageTask,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, useServer } from "../support/server";
import { ownSnapshot, registerAmi, settle, WINDOWS } from "./helpers";

let server: Imagelite;
let a: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
});

const STEP = 3 * T; // exportStep weight 3
const DAY = 24 * 3600;
const LOCATION = { S3Bucket: "my-export-bucket", S3Prefix: "exports/" };

async function availableAmi(name: string, extra = {}): Promise<string> {
  const id = await registerAmi(a, name, extra);
  settle(server);
  return id;
}

async function exportImage(ImageId: string, extra: Partial<ExportImageCommandInput> = {}): Promise<string> {
  const r = await a.send(new ExportImageCommand({ ImageId, DiskImageFormat: "VMDK", S3ExportLocation: LOCATION, ...extra }));
  return r.ExportImageTaskId!;
}

async function task(id: string, client = a): Promise<ExportImageTask> {
  const r = await client.send(new DescribeExportImageTasksCommand({ ExportImageTaskIds: [id] }));
  assert.equal(r.ExportImageTasks!.length, 1);
  return r.ExportImageTasks![0];
}

test("an export goes through every active step and completes; tags, role and location are kept", async () => {
  const ami = await availableAmi("exported");
  const r = await a.send(
    new ExportImageCommand({
      ImageId: ami,
      DiskImageFormat: "RAW",
      Description: "to the lab",
      S3ExportLocation: LOCATION,
      TagSpecifications: [{ ResourceType: "export-image-task", Tags: [{ Key: "team", Value: "lab" }] }],
    }),
  );
  assert.match(r.ExportImageTaskId!, /^export-ami-[0-9a-f]{17}$/);
  assert.equal(r.Status, "active");
  assert.equal(r.StatusMessage, "validating");
  assert.equal(r.DiskImageFormat, "RAW");
  assert.equal(r.RoleName, "vmimport");
  assert.equal(r.ImageId, ami);
  assert.deepEqual(r.S3ExportLocation, LOCATION);
  assert.deepEqual(r.Tags, [{ Key: "team", Value: "lab" }]);

  const seen: string[] = [];
  let progress = 0;
  for (let i = 0; i < 3; i++) {
    const t = await task(r.ExportImageTaskId!);
    assert.equal(t.Status, "active");
    seen.push(t.StatusMessage!);
    assert.ok(Number(t.Progress) > progress);
    progress = Number(t.Progress);
    server.clock.advance(STEP);
  }
  assert.deepEqual(seen, ["validating", "updating", "converting"]);
  const done = await task(r.ExportImageTaskId!);
  assert.equal(done.Status, "completed");
  assert.equal(done.Progress, undefined);
  assert.equal(done.StatusMessage, undefined);
  assert.equal(done.Description, "to the lab");
  assert.deepEqual(done.Tags, [{ Key: "team", Value: "lab" }]);

  // Listed 7 days after it completes, then gone with its tags.
  server.clock.advance(7 * DAY - 1);
  assert.equal((await task(r.ExportImageTaskId!)).Status, "completed");
  server.clock.advance(2);
  const gone = await rejection(() => task(r.ExportImageTaskId!));
  assert.equal(gone.name, "InvalidExportTaskID.NotFound");
  assert.deepEqual(
    (await a.send(new DescribeTagsCommand({}))).Tags!.filter((t) => t.ResourceId === r.ExportImageTaskId),
    [],
  );
});

test("CancelExportTask cancels an active export image task", async () => {
  const id = await exportImage(await availableAmi("cancelled"));
  server.clock.advance(STEP);
  await a.send(new CancelExportTaskCommand({ ExportTaskId: id }));
  const deleting = await task(id);
  assert.equal(deleting.Status, "deleting");
  assert.equal(deleting.StatusMessage, "User initiated task cancelation");
  server.clock.advance(T);
  assert.equal((await task(id)).Status, "deleted");
  const again = await rejection(() => a.send(new CancelExportTaskCommand({ ExportTaskId: id })));
  assert.equal(again.name, "IncorrectState");

  const done = await exportImage(await availableAmi("finished"));
  server.clock.advance(3 * STEP);
  const late = await rejection(() => a.send(new CancelExportTaskCommand({ ExportTaskId: done })));
  assert.equal(late.name, "IncorrectState");

  const malformed = await rejection(() => a.send(new CancelExportTaskCommand({ ExportTaskId: "export-nope" })));
  assert.equal(malformed.name, "InvalidExportTaskID.Malformed");
  const missing = await rejection(() => a.send(new CancelExportTaskCommand({ ExportTaskId: "export-ami-0123456789abcdef0" })));
  assert.equal(missing.name, "InvalidExportTaskID.NotFound");
  // An instance export id is well formed, and names no task here.
  const instanceExport = await rejection(() => a.send(new CancelExportTaskCommand({ ExportTaskId: "export-i-0123456789abcdef0" })));
  assert.equal(instanceExport.name, "InvalidExportTaskID.NotFound");
  // Another account's task is not found.
  const other = await rejection(() => fx.ec2(ACCOUNT_B).send(new CancelExportTaskCommand({ ExportTaskId: done })));
  assert.equal(other.name, "InvalidExportTaskID.NotFound");
});

test("AMIs that cannot be exported: Windows, encrypted, shared from another account, one export at a time, the quota", async () => {
  const windows = await availableAmi("windows", WINDOWS);
  const e1 = await rejection(() => exportImage(windows));
  assert.equal(e1.name, "NotExportable");
  assert.match(e1.message, /third-party software provided by AWS/);

  const encryptedSnapshot = (
    await a.send(new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: await ownSnapshot(a), Encrypted: true }))
  ).SnapshotId!;
  server.clock.advance(3 * T + 1);
  const encrypted = await availableAmi("encrypted", {
    BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: encryptedSnapshot } }],
  });
  const e2 = await rejection(() => exportImage(encrypted));
  assert.equal(e2.name, "NotExportable");
  assert.match(e2.message, /encrypted/);

  const mine = await availableAmi("mine");
  await a.send(new ModifyImageAttributeCommand({ ImageId: mine, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  const e3 = await rejection(() =>
    fx.ec2(ACCOUNT_B).send(new ExportImageCommand({ ImageId: mine, DiskImageFormat: "VHD", S3ExportLocation: LOCATION })),
  );
  assert.equal(e3.name, "NotExportable");

  await exportImage(mine);
  const e4 = await rejection(() => exportImage(mine));
  assert.equal(e4.name, "NotExportable");
  assert.match(e4.message, /in progress/);

  const e5 = await rejection(() => exportImage("ami-0123456789abcdef0"));
  assert.equal(e5.name, "InvalidAMIID.NotFound");
  const pending = await registerAmi(a, "pending");
  const e6 = await rejection(() => exportImage(pending));
  assert.equal(e6.name, "InvalidAMIID.Unavailable");
  const badFormat = await rejection(() => exportImage(mine, { DiskImageFormat: "OVA" as "VMDK" }));
  assert.equal(badFormat.name, "InvalidParameterValue");

  // Five in progress per Region: the export of `mine` and four more (the AMIs made first: making one moves the clock).
  const more: string[] = [];
  for (let i = 0; i < 5; i++) more.push(await registerAmi(a, `quota-${i}`));
  settle(server);
  for (const id of more.slice(0, 4)) await exportImage(id);
  const e7 = await rejection(() => exportImage(more[4]));
  assert.equal(e7.name, "ResourceCountLimitExceeded");
});

test("filters by task-state and tag, paging, tagging with CreateTags, ClientToken", async () => {
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push(await exportImage(await availableAmi(`paged-${i}`)));
  await a.send(new CancelExportTaskCommand({ ExportTaskId: ids[0] }));
  await a.send(new CreateTagsCommand({ Resources: [ids[1]], Tags: [{ Key: "keep", Value: "yes" }] }));
  const byState = async (state: string) =>
    (await a.send(new DescribeExportImageTasksCommand({ Filters: [{ Name: "task-state", Values: [state] }] }))).ExportImageTasks!.map(
      (t) => t.ExportImageTaskId,
    );
  assert.deepEqual(await byState("deleting"), [ids[0]]);
  assert.deepEqual((await byState("active")).sort(), [ids[1], ids[2]].sort());
  const tagged = await a.send(new DescribeExportImageTasksCommand({ Filters: [{ Name: "tag:keep", Values: ["yes"] }] }));
  assert.deepEqual(
    tagged.ExportImageTasks!.map((t) => t.ExportImageTaskId),
    [ids[1]],
  );
  const seen: string[] = [];
  for await (const page of paginateDescribeExportImageTasks({ client: a, pageSize: 1 }, {})) {
    assert.ok(page.ExportImageTasks!.length <= 1);
    seen.push(...page.ExportImageTasks!.map((t) => t.ExportImageTaskId!));
  }
  assert.deepEqual(seen.sort(), [...ids].sort());
  const range = await rejection(() => a.send(new DescribeExportImageTasksCommand({ MaxResults: 501 })));
  assert.equal(range.name, "InvalidParameterValue");
  const badFilter = await rejection(() => a.send(new DescribeExportImageTasksCommand({ Filters: [{ Name: "nope", Values: ["x"] }] })));
  assert.equal(badFilter.name, "InvalidParameterValue");

  const ami = await availableAmi("idempotent");
  const first = await exportImage(ami, { ClientToken: "tok-1", RoleName: "my-role" });
  const again = await a.send(
    new ExportImageCommand({
      ImageId: ami,
      DiskImageFormat: "VMDK",
      S3ExportLocation: LOCATION,
      ClientToken: "tok-1",
      RoleName: "my-role",
    }),
  );
  assert.equal(again.ExportImageTaskId, first);
  assert.equal(again.RoleName, "my-role");
});

test("a fault rule makes the export run some steps, then end deleted with the reason", async () => {
  server.faults.add({
    service: "ec2",
    operation: "ExportImage",
    times: 1,
    lifecycle: { outcome: "fail", reason: "ClientError: disk unreadable" },
  });
  const id = await exportImage(await availableAmi("failing"));
  server.clock.advance(2 * STEP);
  const t = await task(id);
  assert.equal(t.Status, "deleting");
  assert.equal(t.StatusMessage, "ClientError: disk unreadable");
});

test("DryRun answers DryRunOperation and starts nothing", async () => {
  const ami = await availableAmi("dry");
  const dry = await rejection(() => exportImage(ami, { DryRun: true }));
  assert.equal(dry.name, "DryRunOperation");
  assert.deepEqual((await a.send(new DescribeExportImageTasksCommand({}))).ExportImageTasks, []);
});
