// Snapshot tiers through the AWS SDK ("Archive Amazon EBS snapshots"; ModifySnapshotTier, RestoreSnapshotTier and
// DescribeSnapshotTierStatus references): archival in progress then completed on the clock, no volume from an
// archived snapshot, temporary restores that expire back to the archive tier, permanent restores, and refusals.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CopySnapshotCommand,
  CreateVolumeCommand,
  DescribeSnapshotsCommand,
  DescribeSnapshotTierStatusCommand,
  ModifySnapshotTierCommand,
  RestoreSnapshotTierCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_B, rejection, T, useServer } from "../support/server";
import { ownSnapshot } from "./helpers";

let server: Imagelite;
let a: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2();
});

const DAY = 24 * 3600;
/** A tiering phase lasts as long as a snapshot copy: 3 × T. */
const PHASE = 3 * T + 1;

const tierOf = async (id: string) => (await a.send(new DescribeSnapshotsCommand({ SnapshotIds: [id] }))).Snapshots![0];
const statusOf = async (id: string) =>
  (await a.send(new DescribeSnapshotTierStatusCommand({ Filters: [{ Name: "snapshot-id", Values: [id] }] }))).SnapshotTierStatuses![0];
const code = async (fn: () => Promise<unknown>) => (await rejection(fn)).name;

async function completedSnapshot(): Promise<string> {
  const id = await ownSnapshot(a);
  server.clock.advance(PHASE);
  return id;
}

test("ModifySnapshotTier: archival in progress, then the archive tier; no volume from an archived snapshot", async () => {
  const pending = await ownSnapshot(a);
  assert.equal(await code(() => a.send(new ModifySnapshotTierCommand({ SnapshotId: pending, StorageTier: "archive" }))), "IncorrectState");
  server.clock.advance(PHASE);
  const id = pending;
  assert.equal((await tierOf(id)).StorageTier, "standard");
  assert.equal((await statusOf(id)).LastTieringOperationStatus, undefined);
  const out = await a.send(new ModifySnapshotTierCommand({ SnapshotId: id, StorageTier: "archive" }));
  assert.equal(out.SnapshotId, id);
  assert.equal(out.TieringStartTime!.getTime(), server.clock.now().getTime());
  let s = await statusOf(id);
  assert.deepEqual([s.StorageTier, s.LastTieringOperationStatus, s.Status], ["standard", "archival-in-progress", "completed"]);
  assert.equal(await code(() => a.send(new ModifySnapshotTierCommand({ SnapshotId: id }))), "IncorrectState");
  server.clock.advance(PHASE);
  s = await statusOf(id);
  assert.deepEqual([s.StorageTier, s.LastTieringOperationStatus, s.LastTieringProgress], ["archive", "archival-completed", 100]);
  assert.ok(s.ArchivalCompleteTime);
  assert.equal((await tierOf(id)).StorageTier, "archive");
  const archived = await a.send(new DescribeSnapshotsCommand({ Filters: [{ Name: "storage-tier", Values: ["archive"] }] }));
  assert.deepEqual(
    archived.Snapshots!.map((x) => x.SnapshotId),
    [id],
  );
  assert.equal(await code(() => a.send(new ModifySnapshotTierCommand({ SnapshotId: id }))), "IncorrectState", "already archived");
  const volume = await rejection(() => a.send(new CreateVolumeCommand({ SnapshotId: id, AvailabilityZone: "us-east-1a" })));
  assert.equal(volume.name, "IncorrectState");
  assert.match(volume.message, /archive tier/);
});

test("RestoreSnapshotTier: temporary restores expire back to the archive; permanent ones stay standard", async () => {
  const id = await completedSnapshot();
  assert.equal(await code(() => a.send(new RestoreSnapshotTierCommand({ SnapshotId: id, PermanentRestore: true }))), "IncorrectState");
  await a.send(new ModifySnapshotTierCommand({ SnapshotId: id }));
  server.clock.advance(PHASE);
  assert.equal(await code(() => a.send(new RestoreSnapshotTierCommand({ SnapshotId: id }))), "MissingParameter");
  assert.equal(
    await code(() => a.send(new RestoreSnapshotTierCommand({ SnapshotId: id, TemporaryRestoreDays: 2, PermanentRestore: true }))),
    "InvalidParameterCombination",
  );
  assert.equal(
    await code(() => a.send(new RestoreSnapshotTierCommand({ SnapshotId: id, TemporaryRestoreDays: 181 }))),
    "InvalidParameterValue",
  );
  const restore = await a.send(new RestoreSnapshotTierCommand({ SnapshotId: id, TemporaryRestoreDays: 2 }));
  assert.deepEqual([restore.RestoreDuration, restore.IsPermanentRestore], [2, false]);
  let s = await statusOf(id);
  assert.deepEqual([s.StorageTier, s.LastTieringOperationStatus], ["archive", "temporary-restore-in-progress"]);
  server.clock.advance(PHASE);
  s = await statusOf(id);
  assert.deepEqual([s.StorageTier, s.LastTieringOperationStatus], ["standard", "temporary-restore-completed"]);
  const snap = await tierOf(id);
  assert.equal(snap.StorageTier, "standard");
  assert.ok(snap.RestoreExpiryTime!.getTime() > server.clock.now().getTime());
  // Restored, a volume can be made of it.
  await a.send(new CreateVolumeCommand({ SnapshotId: id, AvailabilityZone: "us-east-1a" }));
  // A longer period, from now.
  await a.send(new RestoreSnapshotTierCommand({ SnapshotId: id, TemporaryRestoreDays: 5 }));
  server.clock.advance(3 * DAY);
  assert.equal((await tierOf(id)).StorageTier, "standard");
  server.clock.advance(3 * DAY);
  assert.equal((await tierOf(id)).StorageTier, "archive", "the restore period has ended");
  // Permanent, from the archive.
  const permanent = await a.send(new RestoreSnapshotTierCommand({ SnapshotId: id, PermanentRestore: true }));
  assert.equal(permanent.IsPermanentRestore, true);
  assert.equal((await statusOf(id)).LastTieringOperationStatus, "permanent-restore-in-progress");
  server.clock.advance(PHASE);
  s = await statusOf(id);
  assert.deepEqual(
    [s.StorageTier, s.LastTieringOperationStatus, s.RestoreExpiryTime],
    ["standard", "permanent-restore-completed", undefined],
  );
  assert.equal(await code(() => a.send(new RestoreSnapshotTierCommand({ SnapshotId: id, PermanentRestore: true }))), "IncorrectState");
});

test("Snapshot tiers: only the owner tiers a snapshot; unknown and malformed ids", async () => {
  const id = await completedSnapshot();
  assert.equal(
    await code(() => a.send(new ModifySnapshotTierCommand({ SnapshotId: "snap-0123456789abcdef0" }))),
    "InvalidSnapshot.NotFound",
  );
  assert.equal(await code(() => a.send(new ModifySnapshotTierCommand({ SnapshotId: "snapshot-1" }))), "InvalidSnapshotID.Malformed");
  assert.equal(await code(() => fx.ec2(ACCOUNT_B).send(new ModifySnapshotTierCommand({ SnapshotId: id }))), "InvalidSnapshot.NotFound");
  assert.equal(await code(() => a.send(new ModifySnapshotTierCommand({ SnapshotId: id, DryRun: true }))), "DryRunOperation");
  assert.equal((await statusOf(id)).LastTieringOperationStatus, undefined);
  const all = await a.send(new DescribeSnapshotTierStatusCommand({ MaxResults: 5 }));
  assert.deepEqual(
    all.SnapshotTierStatuses!.map((x) => x.SnapshotId),
    [id],
  );
});

test("An archived snapshot is not copied; a restored one is", async () => {
  const id = await completedSnapshot();
  await a.send(new ModifySnapshotTierCommand({ SnapshotId: id }));
  server.clock.advance(PHASE);
  const copy = () => a.send(new CopySnapshotCommand({ SourceSnapshotId: id, SourceRegion: "us-east-1" }));
  assert.equal(await code(copy), "IncorrectState");
  await a.send(new RestoreSnapshotTierCommand({ SnapshotId: id, PermanentRestore: true }));
  server.clock.advance(PHASE);
  assert.match((await copy()).SnapshotId!, /^snap-/);
});
