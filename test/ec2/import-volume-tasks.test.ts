// The legacy import of a single volume through the SDK: ImportVolume, DescribeConversionTasks and
// CancelConversionTask (API_ImportVolume.html, API_ConversionTask.html) — active (Pending, Converting) → completed
// with a new volume in the account, on the clock; cancelling → cancelled with the reason and no volume; errors.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CancelConversionTaskCommand,
  DescribeConversionTasksCommand,
  DescribeVolumesCommand,
  ImportVolumeCommand,
  type ConversionTask,
  type EC2Client,
  type ImportVolumeCommandInput,
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
const INPUT: ImportVolumeCommandInput = {
  AvailabilityZone: "us-east-1a",
  Description: "data volume",
  Image: { Format: "VMDK", Bytes: 4, ImportManifestUrl: "https://my-bucket.s3.amazonaws.com/disk.vmdk.manifest.xml?X-Amz-Signature=x" },
  Volume: { Size: 8 },
};

async function importVolume(extra: Partial<ImportVolumeCommandInput> = {}, client = a): Promise<ConversionTask> {
  return (await client.send(new ImportVolumeCommand({ ...INPUT, ...extra }))).ConversionTask!;
}

async function task(id: string, client = a): Promise<ConversionTask> {
  const r = await client.send(new DescribeConversionTasksCommand({ ConversionTaskIds: [id] }));
  assert.equal(r.ConversionTasks!.length, 1);
  return r.ConversionTasks![0];
}

const ownVolumes = async () => (await a.send(new DescribeVolumesCommand({}))).Volumes!;

test("an import volume task goes active (Pending, Converting) → completed and leaves a volume", async () => {
  const t = await importVolume();
  assert.match(t.ConversionTaskId!, /^import-vol-[0-9a-z]{8}$/);
  assert.deepEqual([t.State, t.StatusMessage], ["active", "Pending"]);
  assert.ok(Date.parse(t.ExpirationTime!) > 0);
  const d = t.ImportVolume!;
  assert.equal(d.AvailabilityZone, "us-east-1a");
  assert.ok(d.AvailabilityZoneId);
  assert.equal(d.Description, "data volume");
  assert.deepEqual(d.Image, { Format: "VMDK", ImportManifestUrl: INPUT.Image!.ImportManifestUrl, Size: 4 });
  assert.deepEqual([d.BytesConverted, d.Volume!.Id, d.Volume!.Size], [0, undefined, 8]);
  assert.deepEqual(await ownVolumes(), [], "no volume while the task is active");

  server.clock.advance(STEP);
  const converting = await task(t.ConversionTaskId!);
  assert.deepEqual([converting.State, converting.StatusMessage, converting.ImportVolume!.BytesConverted], ["active", "Converting", 2]);

  server.clock.advance(STEP);
  const done = await task(t.ConversionTaskId!);
  assert.equal(done.State, "completed");
  assert.equal(done.StatusMessage, undefined);
  assert.equal(done.ImportVolume!.BytesConverted, 4);
  assert.match(done.ImportVolume!.Volume!.Id!, /^vol-[0-9a-f]{17}$/);
  const [vol] = await ownVolumes();
  assert.deepEqual(
    [vol.VolumeId, vol.State, vol.Size, vol.AvailabilityZone, vol.VolumeType],
    [done.ImportVolume!.Volume!.Id, "available", 8, "us-east-1a", "standard"],
  );

  // Listed with every other task, only to its owner, for 7 days after completing.
  const all = await a.send(new DescribeConversionTasksCommand({}));
  assert.deepEqual(
    all.ConversionTasks!.map((c) => c.ConversionTaskId),
    [t.ConversionTaskId],
  );
  const b = fx.ec2(ACCOUNT_B);
  assert.deepEqual((await b.send(new DescribeConversionTasksCommand({}))).ConversionTasks, []);
  assert.equal((await rejection(() => task(t.ConversionTaskId!, b))).name, "InvalidConversionTaskId");
  server.clock.advance(7 * DAY + 1);
  assert.deepEqual((await a.send(new DescribeConversionTasksCommand({}))).ConversionTasks, []);
  assert.equal((await ownVolumes()).length, 1, "the volume stays");
});

test("CancelConversionTask: cancelling → cancelled with the reason, no volume; only an active task", async () => {
  const t = await importVolume();
  await a.send(new CancelConversionTaskCommand({ ConversionTaskId: t.ConversionTaskId!, ReasonMessage: "wrong disk" }));
  const cancelling = await task(t.ConversionTaskId!);
  assert.deepEqual([cancelling.State, cancelling.StatusMessage], ["cancelling", "wrong disk"]);
  server.clock.advance(3 * STEP);
  const cancelled = await task(t.ConversionTaskId!);
  assert.deepEqual([cancelled.State, cancelled.StatusMessage, cancelled.ImportVolume!.Volume!.Id], ["cancelled", "wrong disk", undefined]);
  assert.deepEqual(await ownVolumes(), []);
  const again = await rejection(() => a.send(new CancelConversionTaskCommand({ ConversionTaskId: t.ConversionTaskId! })));
  assert.equal(again.name, "IncorrectState");

  const other = await importVolume();
  server.clock.advance(2 * STEP);
  const done = await rejection(() => a.send(new CancelConversionTaskCommand({ ConversionTaskId: other.ConversionTaskId! })));
  assert.equal(done.name, "IncorrectState");
  assert.equal((await ownVolumes()).length, 1);

  const dflt = await importVolume();
  await a.send(new CancelConversionTaskCommand({ ConversionTaskId: dflt.ConversionTaskId! }));
  assert.equal((await task(dflt.ConversionTaskId!)).StatusMessage, "User initiated task cancelation");
});

test("errors: ids, zone, sizes, manifest URL, format, DryRun", async () => {
  const name = async (fn: () => Promise<unknown>) => (await rejection(fn)).name;
  assert.equal(
    await name(() => a.send(new DescribeConversionTasksCommand({ ConversionTaskIds: ["vol-1"] }))),
    "InvalidConversionTaskId.Malformed",
  );
  assert.equal(
    await name(() => a.send(new DescribeConversionTasksCommand({ ConversionTaskIds: ["import-vol-abcdefgh"] }))),
    "InvalidConversionTaskId",
  );
  assert.equal(
    await name(() => a.send(new DescribeConversionTasksCommand({ ConversionTaskIds: ["import-i-abcdefgh"] }))),
    "InvalidConversionTaskId",
  );
  assert.equal(
    await name(() => a.send(new CancelConversionTaskCommand({ ConversionTaskId: "nope" }))),
    "InvalidConversionTaskId.Malformed",
  );
  assert.equal(await name(() => importVolume({ AvailabilityZone: "us-east-1z" })), "InvalidParameterValue");
  assert.equal(await name(() => importVolume({ AvailabilityZone: undefined })), "MissingParameter");
  assert.equal(await name(() => importVolume({ AvailabilityZoneId: "use1-az1" })), "InvalidParameterCombination");
  assert.equal(await name(() => importVolume({ Volume: { Size: 0 } })), "InvalidParameterValue");
  assert.equal(await name(() => importVolume({ Volume: { Size: 1025 } })), "InvalidParameterValue");
  assert.equal(await name(() => importVolume({ Image: { ...INPUT.Image!, Bytes: 0 } })), "InvalidParameterValue");
  assert.equal(await name(() => importVolume({ Image: { ...INPUT.Image!, ImportManifestUrl: "ftp://x/y" } })), "InvalidParameter");
  assert.equal(await name(() => importVolume({ Image: { ...INPUT.Image!, Format: "OVA" as "VMDK" } })), "InvalidParameterValue");
  assert.equal(await name(() => importVolume({ DryRun: true })), "DryRunOperation");
  assert.equal(await name(() => a.send(new DescribeConversionTasksCommand({ DryRun: true }))), "DryRunOperation");
  assert.deepEqual((await a.send(new DescribeConversionTasksCommand({}))).ConversionTasks, []);
});
