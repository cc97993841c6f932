// Fast snapshot restore through the AWS SDK ("Amazon EBS fast snapshot restore", ebs-fast-snapshot-restore.html):
// per snapshot and zone, enabling → optimizing → enabled and disabling → disabled on the clock; partial success
// in Successful and Unsuccessful; DescribeFastSnapshotRestores with filters and pages; a volume created from the
// snapshot in a zone where it is enabled is fast-restored.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateVolumeCommand,
  DescribeFastSnapshotRestoresCommand,
  DescribeVolumesCommand,
  DisableFastSnapshotRestoresCommand,
  EnableFastSnapshotRestoresCommand,
  ModifySnapshotAttributeCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, TEST_START, useServer } from "../support/server";
import { ownSnapshot } from "./helpers";

let server: Imagelite;
let a: EC2Client;
let b: EC2Client;
const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

const ZONE_A = "us-east-1a";
const ZONE_B = "us-east-1b";

async function completedSnapshot(client = a) {
  const id = await ownSnapshot(client);
  server.clock.advance(3 * T);
  return id;
}

const states = async (client = a) =>
  (await client.send(new DescribeFastSnapshotRestoresCommand({}))).FastSnapshotRestores!.map((r) => [
    r.SnapshotId,
    r.AvailabilityZone,
    r.State,
  ]);

test("enabling → optimizing → enabled, then disabling → disabled, per snapshot and zone", async () => {
  const id = await completedSnapshot();
  const start = TEST_START + 3 * T * 1000;
  const r = await a.send(new EnableFastSnapshotRestoresCommand({ SourceSnapshotIds: [id], AvailabilityZones: [ZONE_A, ZONE_B] }));
  assert.deepEqual(
    r.Successful?.map((s) => [s.SnapshotId, s.AvailabilityZone, s.State, s.OwnerId]),
    [
      [id, ZONE_A, "enabling", ACCOUNT_A],
      [id, ZONE_B, "enabling", ACCOUNT_A],
    ],
  );
  assert.equal(r.Successful?.[0].EnablingTime?.getTime(), start);
  assert.ok(r.Successful?.[0].AvailabilityZoneId);
  assert.deepEqual(r.Unsuccessful, []);
  server.clock.advance(T);
  assert.deepEqual(await states(), [
    [id, ZONE_A, "optimizing"],
    [id, ZONE_B, "optimizing"],
  ]);
  server.clock.advance(T);
  assert.deepEqual(await states(), [
    [id, ZONE_A, "enabled"],
    [id, ZONE_B, "enabled"],
  ]);
  const [item] = (await a.send(new DescribeFastSnapshotRestoresCommand({ Filters: [{ Name: "availability-zone", Values: [ZONE_A] }] })))
    .FastSnapshotRestores!;
  assert.deepEqual(
    [item.EnablingTime?.getTime(), item.OptimizingTime?.getTime(), item.EnabledTime?.getTime()],
    [start, start + T * 1000, start + 2 * T * 1000],
  );
  const d = await a.send(new DisableFastSnapshotRestoresCommand({ SourceSnapshotIds: [id], AvailabilityZones: [ZONE_B] }));
  assert.deepEqual(
    d.Successful?.map((s) => [s.AvailabilityZone, s.State]),
    [[ZONE_B, "disabling"]],
  );
  server.clock.advance(T);
  assert.deepEqual(await states(), [
    [id, ZONE_A, "enabled"],
    [id, ZONE_B, "disabled"],
  ]);
  // Another account sees none of the caller's.
  assert.deepEqual(await states(b), []);
});

test("partial success: unknown snapshots and zones, a pending snapshot, nothing to disable", async () => {
  const done = await completedSnapshot();
  const pending = await ownSnapshot(a);
  const missing = "snap-0123456789abcdef0";
  const r = await a.send(
    new EnableFastSnapshotRestoresCommand({ SourceSnapshotIds: [done, pending, missing], AvailabilityZones: [ZONE_A, "us-east-1z"] }),
  );
  assert.deepEqual(
    r.Successful?.map((s) => [s.SnapshotId, s.AvailabilityZone]),
    [[done, ZONE_A]],
  );
  const codes = Object.fromEntries(
    r.Unsuccessful!.map((u) => [u.SnapshotId, u.FastSnapshotRestoreStateErrors!.map((e) => [e.AvailabilityZone, e.Error?.Code])]),
  );
  assert.deepEqual(codes, {
    [done]: [["us-east-1z", "InvalidParameterValue"]],
    [pending]: [
      [ZONE_A, "IncorrectState"],
      ["us-east-1z", "InvalidParameterValue"],
    ],
    [missing]: [
      [ZONE_A, "InvalidSnapshot.NotFound"],
      ["us-east-1z", "InvalidParameterValue"],
    ],
  });
  const d = await a.send(new DisableFastSnapshotRestoresCommand({ SourceSnapshotIds: [done], AvailabilityZones: [ZONE_A, ZONE_B] }));
  assert.deepEqual(
    d.Successful?.map((s) => [s.AvailabilityZone, s.State]),
    [[ZONE_A, "disabling"]],
  );
  assert.deepEqual(d.Unsuccessful?.[0].FastSnapshotRestoreStateErrors?.[0].Error?.Code, "IncorrectState");
  // Whole-request errors: a malformed id, no zone, names and ids together.
  const malformed = await rejection(() =>
    a.send(new EnableFastSnapshotRestoresCommand({ SourceSnapshotIds: ["snap-nope"], AvailabilityZones: [ZONE_A] })),
  );
  assert.equal(malformed.name, "InvalidSnapshotID.Malformed");
  const none = await rejection(() => a.send(new EnableFastSnapshotRestoresCommand({ SourceSnapshotIds: [done] })));
  assert.equal(none.name, "MissingParameter");
  const both = await rejection(() =>
    a.send(
      new EnableFastSnapshotRestoresCommand({ SourceSnapshotIds: [done], AvailabilityZones: [ZONE_A], AvailabilityZoneIds: ["use1-az1"] }),
    ),
  );
  assert.equal(both.name, "InvalidParameterCombination");
  const dry = await rejection(() =>
    a.send(new EnableFastSnapshotRestoresCommand({ SourceSnapshotIds: [done], AvailabilityZones: [ZONE_B], DryRun: true })),
  );
  assert.equal(dry.name, "DryRunOperation");
});

test("a volume from a snapshot enabled in its zone is fast-restored; elsewhere, or before enabled, it is not", async () => {
  const id = await completedSnapshot();
  await a.send(new EnableFastSnapshotRestoresCommand({ SourceSnapshotIds: [id], AvailabilityZones: [ZONE_A] }));
  const early = (await a.send(new CreateVolumeCommand({ SnapshotId: id, AvailabilityZone: ZONE_A }))).VolumeId!;
  server.clock.advance(2 * T);
  const fast = (await a.send(new CreateVolumeCommand({ SnapshotId: id, AvailabilityZone: ZONE_A }))).VolumeId!;
  const other = (await a.send(new CreateVolumeCommand({ SnapshotId: id, AvailabilityZone: ZONE_B }))).VolumeId!;
  const { Volumes } = await a.send(new DescribeVolumesCommand({ VolumeIds: [early, fast, other] }));
  assert.deepEqual(Object.fromEntries(Volumes!.map((v) => [v.VolumeId, v.FastRestored])), { [early]: false, [fast]: true, [other]: false });
  const filtered = await a.send(new DescribeVolumesCommand({ Filters: [{ Name: "fast-restored", Values: ["true"] }] }));
  assert.deepEqual(
    filtered.Volumes?.map((v) => v.VolumeId),
    [fast],
  );
});

test("a snapshot shared with the caller can be enabled by it, by zone id; pages and filters", async () => {
  const theirs = await completedSnapshot(b);
  await b.send(
    new ModifySnapshotAttributeCommand({
      SnapshotId: theirs,
      Attribute: "createVolumePermission",
      OperationType: "add",
      UserIds: [ACCOUNT_A],
    }),
  );
  const zoneIds = ["use1-az1", "use1-az2", "use1-az4"];
  const r = await a.send(new EnableFastSnapshotRestoresCommand({ SourceSnapshotIds: [theirs], AvailabilityZoneIds: zoneIds }));
  assert.deepEqual(r.Unsuccessful, []);
  assert.equal(r.Successful?.length, 3);
  assert.equal(r.Successful?.[0].OwnerId, ACCOUNT_B);
  const mine = await completedSnapshot();
  await a.send(new EnableFastSnapshotRestoresCommand({ SourceSnapshotIds: [mine], AvailabilityZones: [ZONE_A] }));
  const first = await a.send(new DescribeFastSnapshotRestoresCommand({ MaxResults: 3 }));
  assert.equal(first.FastSnapshotRestores?.length, 3);
  const second = await a.send(new DescribeFastSnapshotRestoresCommand({ MaxResults: 3, NextToken: first.NextToken }));
  assert.equal(second.FastSnapshotRestores?.length, 1);
  assert.equal(second.NextToken, undefined);
  const byOwner = await a.send(new DescribeFastSnapshotRestoresCommand({ Filters: [{ Name: "owner-id", Values: [ACCOUNT_B] }] }));
  assert.equal(byOwner.FastSnapshotRestores?.length, 3);
  const bySnapshot = await a.send(new DescribeFastSnapshotRestoresCommand({ Filters: [{ Name: "snapshot-id", Values: [mine] }] }));
  assert.deepEqual(
    bySnapshot.FastSnapshotRestores?.map((x) => x.AvailabilityZone),
    [ZONE_A],
  );
  server.clock.advance(2 * T);
  const enabled = await a.send(new DescribeFastSnapshotRestoresCommand({ Filters: [{ Name: "state", Values: ["enabled"] }] }));
  assert.equal(enabled.FastSnapshotRestores?.length, 4);
});
