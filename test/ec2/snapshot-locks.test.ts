// Snapshot lock through the AWS SDK ("Amazon EBS snapshot lock", ebs-snapshot-lock.html; "Amazon EBS snapshot
// lock concepts", snapshot-lock-concepts.html): LockSnapshot in governance or compliance mode, with a
// cooling-off period, for a duration or until a date; the lock's state on the clock (compliance-cooloff →
// compliance, governance, expired); UnlockSnapshot (governance, or compliance while cooling off);
// DescribeLockedSnapshots with filters and pages. A locked snapshot cannot be deleted, nor an AMI deregistered
// with its locked snapshot deleted with it, until the lock expires.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  DescribeLockedSnapshotsCommand,
  DescribeSnapshotsCommand,
  LockSnapshotCommand,
  UnlockSnapshotCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, TEST_START, useServer } from "../support/server";
import { ownSnapshot, registerAmi, settle } from "./helpers";

const HOUR = 3600;
const DAY = 24 * HOUR;

let server: Imagelite;
let a: EC2Client;
let b: EC2Client;
const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

const lockState = async (id: string) => (await a.send(new DescribeLockedSnapshotsCommand({ SnapshotIds: [id] }))).Snapshots?.[0]?.LockState;
const del = (id: string) => a.send(new DeleteSnapshotCommand({ SnapshotId: id }));

test("a locked snapshot is refused deletion until its lock expires", async () => {
  const id = await ownSnapshot(a);
  server.clock.advance(3 * T);
  const r = await a.send(new LockSnapshotCommand({ SnapshotId: id, LockMode: "governance", LockDuration: 2 }));
  assert.equal(r.LockState, "governance");
  assert.equal(r.LockDuration, 2);
  assert.equal(r.LockCreatedOn?.getTime(), TEST_START + 3 * T * 1000);
  assert.equal(r.LockExpiresOn?.getTime(), TEST_START + 3 * T * 1000 + 2 * DAY * 1000);
  const e = await rejection(() => del(id));
  assert.equal(e.name, "SnapshotLocked");
  server.clock.advance(2 * DAY - 1);
  assert.equal((await rejection(() => del(id))).name, "SnapshotLocked");
  server.clock.advance(1);
  assert.equal(await lockState(id), "expired");
  await del(id);
  const gone = await rejection(() => a.send(new DescribeSnapshotsCommand({ SnapshotIds: [id] })));
  assert.equal(gone.name, "InvalidSnapshot.NotFound");
});

test("compliance mode: cooling off, then compliance; unlocked only while cooling off; only extended after", async () => {
  const id = await ownSnapshot(a);
  server.clock.advance(3 * T);
  const r = await a.send(new LockSnapshotCommand({ SnapshotId: id, LockMode: "compliance", CoolOffPeriod: 2, LockDuration: 10 }));
  assert.equal(r.LockState, "compliance-cooloff");
  assert.equal(r.CoolOffPeriod, 2);
  assert.equal(r.CoolOffPeriodExpiresOn?.getTime(), TEST_START + 3 * T * 1000 + 2 * HOUR * 1000);
  // Changed while cooling off: any duration, and it can be unlocked.
  await a.send(new LockSnapshotCommand({ SnapshotId: id, LockMode: "compliance", CoolOffPeriod: 2, LockDuration: 5 }));
  await a.send(new UnlockSnapshotCommand({ SnapshotId: id }));
  assert.equal((await a.send(new DescribeLockedSnapshotsCommand({ SnapshotIds: [id] }))).Snapshots?.length, 0);
  // Locked again; past the cooling-off period it is compliance.
  await a.send(new LockSnapshotCommand({ SnapshotId: id, LockMode: "compliance", CoolOffPeriod: 1, LockDuration: 5 }));
  server.clock.advance(HOUR);
  assert.equal(await lockState(id), "compliance");
  assert.equal((await rejection(() => a.send(new UnlockSnapshotCommand({ SnapshotId: id })))).name, "IncorrectState");
  const shorter = await rejection(() => a.send(new LockSnapshotCommand({ SnapshotId: id, LockMode: "compliance", LockDuration: 1 })));
  assert.equal(shorter.name, "IncorrectState");
  const governance = await rejection(() => a.send(new LockSnapshotCommand({ SnapshotId: id, LockMode: "governance", LockDuration: 30 })));
  assert.equal(governance.name, "IncorrectState");
  const coolOff = await rejection(() =>
    a.send(new LockSnapshotCommand({ SnapshotId: id, LockMode: "compliance", CoolOffPeriod: 1, LockDuration: 30 })),
  );
  assert.equal(coolOff.name, "IncorrectState");
  const longer = await a.send(new LockSnapshotCommand({ SnapshotId: id, LockMode: "compliance", LockDuration: 30 }));
  assert.equal(longer.LockState, "compliance");
  assert.equal(longer.LockExpiresOn?.getTime(), TEST_START + (3 * T + HOUR + 30 * DAY) * 1000);
  assert.equal((await rejection(() => del(id))).name, "SnapshotLocked");
  server.clock.advance(30 * DAY);
  assert.equal(await lockState(id), "expired");
  await del(id);
});

test("LockSnapshot's parameters: a duration or a date within AWS's limits, a cooling-off period only in compliance mode", async () => {
  const id = await ownSnapshot(a);
  const lock = (input: Partial<ConstructorParameters<typeof LockSnapshotCommand>[0]>) =>
    rejection(() => a.send(new LockSnapshotCommand({ SnapshotId: id, LockMode: "governance", ...input })));
  assert.equal((await lock({})).name, "MissingParameter");
  assert.equal(
    (await lock({ LockDuration: 1, ExpirationDate: new Date(TEST_START + 5 * DAY * 1000) })).name,
    "InvalidParameterCombination",
  );
  assert.equal((await lock({ LockDuration: 1, CoolOffPeriod: 1 })).name, "InvalidParameterCombination");
  assert.equal((await lock({ LockDuration: 0 })).name, "InvalidParameterValue");
  assert.equal((await lock({ LockDuration: 36501 })).name, "InvalidParameterValue");
  assert.equal((await lock({ LockMode: "compliance", LockDuration: 1, CoolOffPeriod: 73 })).name, "InvalidParameterValue");
  assert.equal((await lock({ ExpirationDate: new Date(TEST_START - 1000) })).name, "InvalidParameterValue");
  assert.equal((await lock({ LockMode: "sealed" as "governance", LockDuration: 1 })).name, "InvalidParameterValue");
  const missing = await rejection(() =>
    a.send(new LockSnapshotCommand({ SnapshotId: "snap-0123456789abcdef0", LockMode: "governance", LockDuration: 1 })),
  );
  assert.equal(missing.name, "InvalidSnapshot.NotFound");
  const dry = await lock({ LockDuration: 1, DryRun: true });
  assert.equal(dry.name, "DryRunOperation");
  assert.equal((await a.send(new DescribeLockedSnapshotsCommand({}))).Snapshots?.length, 0);
  // Until a date: the expiry is that date, and no LockDuration is shown.
  const until = new Date(TEST_START + 3 * DAY * 1000);
  const r = await a.send(new LockSnapshotCommand({ SnapshotId: id, LockMode: "governance", ExpirationDate: until }));
  assert.equal(r.LockExpiresOn?.getTime(), until.getTime());
  assert.equal(r.LockDuration, undefined);
  // Another account's snapshot is not the caller's to lock; an unlocked one cannot be unlocked.
  const theirs = await ownSnapshot(b);
  const other = await rejection(() => a.send(new LockSnapshotCommand({ SnapshotId: theirs, LockMode: "governance", LockDuration: 1 })));
  assert.equal(other.name, "InvalidSnapshot.NotFound");
  assert.equal((await rejection(() => b.send(new UnlockSnapshotCommand({ SnapshotId: theirs })))).name, "IncorrectState");
});

test("a pending snapshot's lock duration starts when it completes", async () => {
  const id = await ownSnapshot(a); // a copy: pending for 3 × T
  const r = await a.send(new LockSnapshotCommand({ SnapshotId: id, LockMode: "governance", LockDuration: 1 }));
  assert.equal(r.LockCreatedOn?.getTime(), TEST_START);
  assert.equal(r.LockDurationStartTime?.getTime(), TEST_START + 3 * T * 1000);
  assert.equal(r.LockExpiresOn?.getTime(), TEST_START + (3 * T + DAY) * 1000);
});

test("DescribeLockedSnapshots: the caller's locked snapshots by id, by lock state, in pages", async () => {
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push(await ownSnapshot(a));
  ids.sort();
  for (const [i, id] of ids.entries()) {
    await a.send(
      i % 2
        ? new LockSnapshotCommand({ SnapshotId: id, LockMode: "governance", LockDuration: 1 + i })
        : new LockSnapshotCommand({ SnapshotId: id, LockMode: "compliance", CoolOffPeriod: 1, LockDuration: 1 + i }),
    );
  }
  await ownSnapshot(a); // not locked: never listed
  const first = await a.send(new DescribeLockedSnapshotsCommand({ MaxResults: 5 }));
  assert.deepEqual(
    first.Snapshots?.map((s) => s.SnapshotId),
    ids.slice(0, 5),
  );
  assert.equal(first.Snapshots?.[0].OwnerId, ACCOUNT_A);
  const second = await a.send(new DescribeLockedSnapshotsCommand({ MaxResults: 5, NextToken: first.NextToken }));
  assert.deepEqual(
    second.Snapshots?.map((s) => s.SnapshotId),
    ids.slice(5),
  );
  assert.equal(second.NextToken, undefined);
  const byState = async (state: string) =>
    (await a.send(new DescribeLockedSnapshotsCommand({ Filters: [{ Name: "lock-state", Values: [state] }] }))).Snapshots!.map(
      (s) => s.SnapshotId,
    );
  assert.deepEqual(await byState("compliance-cooloff"), [ids[0], ids[2], ids[4]]);
  assert.deepEqual(await byState("governance"), [ids[1], ids[3], ids[5]]);
  server.clock.advance(HOUR);
  assert.deepEqual(await byState("compliance"), [ids[0], ids[2], ids[4]]);
  server.clock.advance(2 * DAY);
  assert.deepEqual(await byState("expired"), [ids[0], ids[1]]);
  // Another account sees none of them.
  assert.equal((await b.send(new DescribeLockedSnapshotsCommand({}))).Snapshots?.length, 0);
  const notTheirs = await rejection(() => b.send(new DescribeLockedSnapshotsCommand({ SnapshotIds: [ids[0]] })));
  assert.equal(notTheirs.name, "InvalidSnapshot.NotFound");
  const bad = await rejection(() => a.send(new DescribeLockedSnapshotsCommand({ MaxResults: 4 })));
  assert.equal(bad.name, "InvalidParameterValue");
});

test("an AMI whose snapshot is locked is not deregistered with its snapshots deleted; without deleting them it is", async () => {
  const snap = await ownSnapshot(a);
  settle(server);
  const ami = await registerAmi(a, "locked-root", {
    BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: snap, VolumeSize: 8 } }],
  });
  settle(server);
  await a.send(new LockSnapshotCommand({ SnapshotId: snap, LockMode: "governance", LockDuration: 1 }));
  const e = await rejection(() => a.send(new DeregisterImageCommand({ ImageId: ami, DeleteAssociatedSnapshots: true })));
  assert.equal(e.name, "SnapshotLocked");
  const r = await a.send(new DeregisterImageCommand({ ImageId: ami }));
  assert.equal(r.Return, true);
  assert.equal((await rejection(() => del(snap))).name, "SnapshotLocked");
  await a.send(new UnlockSnapshotCommand({ SnapshotId: snap }));
  await del(snap);
});
