// EBS snapshots through the AWS SDK: CopySnapshot (pending → completed on the manual clock), DescribeSnapshots by
// id, owner, restorable-by, filters and pages, createVolumePermission across accounts, and DeleteSnapshot.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CopySnapshotCommand,
  CreateSnapshotCommand,
  DescribeImagesCommand,
  DescribeVolumesCommand,
  RunInstancesCommand,
  CreateTagsCommand,
  DeleteSnapshotCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeTagsCommand,
  ModifySnapshotAttributeCommand,
  ResetSnapshotAttributeCommand,
  type DescribeSnapshotsCommandInput,
  type DescribeSnapshotsCommandOutput,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, ec2Client, rejection, T, useServer } from "../support/server";
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

const ACCOUNT_C = "333333333333";

const describe = async (id: string, client = a) => (await client.send(new DescribeSnapshotsCommand({ SnapshotIds: [id] }))).Snapshots![0];
const own = async (client = a) =>
  (await client.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"] }))).Snapshots!.map((s) => s.SnapshotId);

async function amazonSnapshot(client = a, size = 8) {
  const r = await client.send(
    new DescribeSnapshotsCommand({ OwnerIds: ["amazon"], Filters: [{ Name: "volume-size", Values: [String(size)] }], MaxResults: 5 }),
  );
  return r.Snapshots![0];
}

test("Amazon's catalog snapshots are public, owned by the catalog owner with alias amazon, and completed", async () => {
  const s = await amazonSnapshot();
  assert.equal(s.OwnerAlias, "amazon");
  assert.equal(s.State, "completed");
  assert.equal(s.Progress, "100%");
  assert.equal(s.StorageTier, "standard");
  assert.match(s.SnapshotId!, /^snap-[0-9a-f]{17}$/);
  const e = await rejection(() =>
    a.send(new DescribeSnapshotAttributeCommand({ SnapshotId: s.SnapshotId!, Attribute: "createVolumePermission" })),
  );
  assert.equal(e.name, "AuthFailure");
});

test("CopySnapshot: pending with progress, then completed; the copy shows vol-ffffffff, the default description and its tags", async () => {
  const src = await amazonSnapshot();
  const r = await a.send(
    new CopySnapshotCommand({
      SourceRegion: "us-east-1",
      SourceSnapshotId: src.SnapshotId!,
      TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: "team", Value: "blue" }] }],
    }),
  );
  assert.match(r.SnapshotId!, /^snap-[0-9a-f]{17}$/);
  assert.deepEqual(r.Tags, [{ Key: "team", Value: "blue" }]);
  let s = await describe(r.SnapshotId!);
  assert.equal(s.State, "pending");
  assert.equal(s.Progress, "0%");
  assert.equal(s.OwnerId, ACCOUNT_A);
  assert.equal(s.OwnerAlias, undefined);
  assert.equal(s.VolumeId, "vol-ffffffff");
  assert.equal(s.VolumeSize, 8);
  assert.equal(s.Encrypted, false);
  assert.equal(s.Description, `[Copied ${src.SnapshotId} from us-east-1]`);
  assert.deepEqual(s.Tags, [{ Key: "team", Value: "blue" }]);
  assert.equal(s.StartTime!.getTime(), server.clock.now().getTime());
  // snapshotCopy lasts 3 × T.
  server.clock.advance((3 * T) / 2);
  assert.equal((await describe(r.SnapshotId!)).Progress, "50%");
  server.clock.advance((3 * T) / 2);
  s = await describe(r.SnapshotId!);
  assert.equal(s.State, "completed");
  assert.equal(s.Progress, "100%");
});

test("CopySnapshot across regions and with encryption; errors for bad ids, regions and KmsKeyId alone", async () => {
  const src = await amazonSnapshot();
  const west = ec2Client(server, ACCOUNT_A, "us-west-2");
  const far = await west.send(
    new CopySnapshotCommand({
      SourceRegion: "us-east-1",
      SourceSnapshotId: src.SnapshotId!,
      Encrypted: true,
      KmsKeyId: "alias/mine",
      Description: "to the west",
    }),
  );
  const copy = await describe(far.SnapshotId!, west);
  assert.equal(copy.Encrypted, true);
  assert.equal(copy.KmsKeyId, "alias/mine");
  assert.equal(copy.Description, "to the west");
  assert.equal((await rejection(() => describe(far.SnapshotId!))).name, "InvalidSnapshot.NotFound");
  let e = await rejection(() => a.send(new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: "snap-1" })));
  assert.equal(e.name, "InvalidSnapshotID.Malformed");
  e = await rejection(() => a.send(new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: "snap-00000000000000000" })));
  assert.equal(e.name, "InvalidSnapshot.NotFound");
  assert.equal(e.message, "The snapshot 'snap-00000000000000000' does not exist.");
  e = await rejection(() => a.send(new CopySnapshotCommand({ SourceRegion: "mars-1", SourceSnapshotId: src.SnapshotId! })));
  assert.equal(e.name, "InvalidRegion");
  e = await rejection(() =>
    a.send(new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: src.SnapshotId!, KmsKeyId: "alias/mine" })),
  );
  assert.equal(e.name, "InvalidParameterDependency");
});

test("createVolumePermission: a grant lets the account see, copy and describe-by-restorable the snapshot; remove and reset take it back", async () => {
  const id = await ownSnapshot(a);
  assert.equal((await rejection(() => describe(id, b))).name, "InvalidSnapshot.NotFound");
  const copyAsB = () => b.send(new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: id }));
  assert.equal((await rejection(copyAsB)).name, "InvalidSnapshot.NotFound");

  await a.send(
    new ModifySnapshotAttributeCommand({ SnapshotId: id, Attribute: "createVolumePermission", OperationType: "add", UserIds: [ACCOUNT_B] }),
  );
  assert.deepEqual(
    (await a.send(new DescribeSnapshotAttributeCommand({ SnapshotId: id, Attribute: "createVolumePermission" }))).CreateVolumePermissions,
    [{ UserId: ACCOUNT_B }],
  );
  assert.equal((await describe(id, b)).OwnerId, ACCOUNT_A);
  assert.deepEqual(
    (await b.send(new DescribeSnapshotsCommand({ RestorableByUserIds: ["self"], OwnerIds: [ACCOUNT_A] }))).Snapshots!.map(
      (s) => s.SnapshotId,
    ),
    [id],
  );
  assert.deepEqual(
    (await a.send(new DescribeSnapshotsCommand({ RestorableByUserIds: [ACCOUNT_B] }))).Snapshots!.map((s) => s.SnapshotId),
    [id],
  );
  assert.deepEqual((await a.send(new DescribeSnapshotsCommand({ RestorableByUserIds: [ACCOUNT_C] }))).Snapshots, []);
  const copied = await copyAsB();
  assert.equal((await describe(copied.SnapshotId!, b)).OwnerId, ACCOUNT_B);
  // The grantee cannot change, read the attributes of or delete another's snapshot.
  let e = await rejection(() =>
    b.send(new ModifySnapshotAttributeCommand({ SnapshotId: id, CreateVolumePermission: { Add: [{ UserId: ACCOUNT_C }] } })),
  );
  assert.equal(e.name, "AuthFailure");
  e = await rejection(() => b.send(new DeleteSnapshotCommand({ SnapshotId: id })));
  assert.equal(e.name, "AuthFailure");
  // Its tags stay its own.
  await b.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "seen-by", Value: "b" }] }));
  assert.deepEqual((await describe(id, b)).Tags, [{ Key: "seen-by", Value: "b" }]);
  assert.equal((await describe(id)).Tags, undefined);

  await a.send(new ModifySnapshotAttributeCommand({ SnapshotId: id, CreateVolumePermission: { Remove: [{ UserId: ACCOUNT_B }] } }));
  assert.equal((await rejection(() => describe(id, b))).name, "InvalidSnapshot.NotFound");

  await a.send(new ModifySnapshotAttributeCommand({ SnapshotId: id, OperationType: "add", GroupNames: ["all"], UserIds: [ACCOUNT_C] }));
  assert.deepEqual(
    (await a.send(new DescribeSnapshotAttributeCommand({ SnapshotId: id, Attribute: "createVolumePermission" }))).CreateVolumePermissions,
    [{ Group: "all" }, { UserId: ACCOUNT_C }],
  );
  assert.equal((await describe(id, b)).SnapshotId, id);
  assert.deepEqual(
    (await b.send(new DescribeSnapshotsCommand({ RestorableByUserIds: ["all"], OwnerIds: [ACCOUNT_A] }))).Snapshots!.map(
      (s) => s.SnapshotId,
    ),
    [id],
  );
  await a.send(new ResetSnapshotAttributeCommand({ SnapshotId: id, Attribute: "createVolumePermission" }));
  assert.deepEqual(
    (await a.send(new DescribeSnapshotAttributeCommand({ SnapshotId: id, Attribute: "createVolumePermission" }))).CreateVolumePermissions,
    [],
  );
  assert.equal((await rejection(() => describe(id, b))).name, "InvalidSnapshot.NotFound");
  assert.deepEqual((await a.send(new DescribeSnapshotAttributeCommand({ SnapshotId: id, Attribute: "productCodes" }))).ProductCodes, []);
});

test("ModifySnapshotAttribute refusals: encrypted snapshots, bad users and groups, add with remove, productCodes", async () => {
  const src = await amazonSnapshot();
  const enc = (await a.send(new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: src.SnapshotId!, Encrypted: true })))
    .SnapshotId!;
  let e = await rejection(() =>
    a.send(new ModifySnapshotAttributeCommand({ SnapshotId: enc, CreateVolumePermission: { Add: [{ Group: "all" }] } })),
  );
  assert.equal(e.name, "OperationNotPermitted");
  // Encrypted with the default EBS key: not shareable at all.
  e = await rejection(() =>
    a.send(new ModifySnapshotAttributeCommand({ SnapshotId: enc, CreateVolumePermission: { Add: [{ UserId: ACCOUNT_B }] } })),
  );
  assert.equal(e.name, "OperationNotPermitted");
  const withKey = (
    await a.send(
      new CopySnapshotCommand({ SourceRegion: "us-east-1", SourceSnapshotId: src.SnapshotId!, Encrypted: true, KmsKeyId: "alias/k" }),
    )
  ).SnapshotId!;
  await a.send(new ModifySnapshotAttributeCommand({ SnapshotId: withKey, CreateVolumePermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  assert.equal((await describe(withKey, b)).KmsKeyId, "alias/k");

  const id = await ownSnapshot(a);
  e = await rejection(() =>
    a.send(new ModifySnapshotAttributeCommand({ SnapshotId: id, CreateVolumePermission: { Add: [{ UserId: "12" }] } })),
  );
  assert.equal(e.name, "InvalidUserID.Malformed");
  e = await rejection(() => a.send(new ModifySnapshotAttributeCommand({ SnapshotId: id, OperationType: "add", GroupNames: ["everyone"] })));
  assert.equal(e.name, "InvalidParameterValue");
  e = await rejection(() =>
    a.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId: id,
        CreateVolumePermission: { Add: [{ UserId: ACCOUNT_B }], Remove: [{ UserId: ACCOUNT_C }] },
      }),
    ),
  );
  assert.equal(e.name, "InvalidParameterCombination");
  e = await rejection(() =>
    a.send(new ModifySnapshotAttributeCommand({ SnapshotId: id, Attribute: "productCodes", OperationType: "add", UserIds: [ACCOUNT_B] })),
  );
  assert.equal(e.name, "InvalidParameterValue");
  e = await rejection(() => a.send(new ModifySnapshotAttributeCommand({ SnapshotId: id })));
  assert.equal(e.name, "MissingParameter");
  // A refused request changed nothing.
  assert.deepEqual(
    (await a.send(new DescribeSnapshotAttributeCommand({ SnapshotId: id, Attribute: "createVolumePermission" }))).CreateVolumePermissions,
    [],
  );
  e = await rejection(() => a.send(new ResetSnapshotAttributeCommand({ SnapshotId: id, Attribute: "productCodes" })));
  assert.equal(e.name, "InvalidParameterValue");
});

test("DescribeSnapshots: owners, filters, tags; ids with MaxResults refused; unknown and malformed ids", async () => {
  const first = await ownSnapshot(a);
  const second = await ownSnapshot(a);
  await a.send(new CreateTagsCommand({ Resources: [second], Tags: [{ Key: "env", Value: "prod" }] }));
  assert.deepEqual((await own()).sort(), [first, second].sort());
  const ids = async (input: DescribeSnapshotsCommandInput) =>
    (await a.send(new DescribeSnapshotsCommand(input))).Snapshots!.map((s) => s.SnapshotId).sort();
  assert.deepEqual(await ids({ OwnerIds: [ACCOUNT_A] }), [first, second].sort());
  assert.deepEqual(await ids({ OwnerIds: ["self"], Filters: [{ Name: "tag:env", Values: ["pr*"] }] }), [second]);
  assert.deepEqual(await ids({ OwnerIds: ["self"], Filters: [{ Name: "tag-key", Values: ["env"] }] }), [second]);
  assert.deepEqual(await ids({ OwnerIds: ["self"], Filters: [{ Name: "status", Values: ["completed"] }] }), []);
  assert.deepEqual(await ids({ OwnerIds: ["self"], Filters: [{ Name: "volume-id", Values: ["vol-ffffffff"] }] }), [first, second].sort());
  assert.deepEqual(await ids({ OwnerIds: ["self"], Filters: [{ Name: "snapshot-id", Values: [first] }] }), [first]);
  assert.deepEqual(await ids({ OwnerIds: ["self"], Filters: [{ Name: "encrypted", Values: ["true"] }] }), []);
  assert.deepEqual(await ids({ OwnerIds: ["self"], Filters: [{ Name: "description", Values: ["[Copied *"] }] }), [first, second].sort());
  assert.deepEqual(await ids({ OwnerIds: ["self"], Filters: [{ Name: "progress", Values: ["0%"] }] }), [first, second].sort());
  assert.equal((await ids({ OwnerIds: ["amazon"], Filters: [{ Name: "owner-alias", Values: ["amazon"] }] })).length > 0, true);
  // With no owner given: one's own, and the public ones (Amazon's).
  const all = await ids({});
  assert.ok(all.includes(first) && all.includes(second));
  assert.ok(all.includes((await amazonSnapshot()).SnapshotId));
  assert.deepEqual(await ids({ SnapshotIds: [first, first] }), [first]);

  let e = await rejection(() => a.send(new DescribeSnapshotsCommand({ SnapshotIds: [first], MaxResults: 5 })));
  assert.equal(e.name, "InvalidParameterCombination");
  e = await rejection(() => a.send(new DescribeSnapshotsCommand({ SnapshotIds: ["snap-00000000000000000"] })));
  assert.equal(e.name, "InvalidSnapshot.NotFound");
  e = await rejection(() => a.send(new DescribeSnapshotsCommand({ SnapshotIds: ["snap-xyz"] })));
  assert.equal(e.name, "InvalidSnapshotID.Malformed");
  e = await rejection(() => a.send(new DescribeSnapshotsCommand({ OwnerIds: ["someone"] })));
  assert.equal(e.name, "InvalidUserID.Malformed");
  e = await rejection(() => a.send(new DescribeSnapshotsCommand({ MaxResults: 4 })));
  assert.equal(e.name, "InvalidParameterValue");
  e = await rejection(() => a.send(new DescribeSnapshotsCommand({ Filters: [{ Name: "colour", Values: ["x"] }] })));
  assert.equal(e.name, "InvalidParameterValue");
});

test("DescribeSnapshots pages in id order with MaxResults and NextToken, each snapshot once", async () => {
  const made: string[] = [];
  for (let i = 0; i < 7; i++) made.push(await ownSnapshot(a));
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const r = await a.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"], MaxResults: 5, NextToken: token }));
    assert.ok(r.Snapshots!.length <= 5);
    seen.push(...r.Snapshots!.map((s) => s.SnapshotId!));
    token = r.NextToken;
  } while (token);
  assert.deepEqual(seen, [...made].sort());
  // Without an owner the walk merges the catalog too, still in id order.
  const merged: string[] = [];
  token = undefined;
  do {
    const r: DescribeSnapshotsCommandOutput = await a.send(new DescribeSnapshotsCommand({ MaxResults: 5, NextToken: token }));
    merged.push(...r.Snapshots!.map((s) => s.SnapshotId!));
    token = r.NextToken;
  } while (token);
  assert.deepEqual(merged, [...merged].sort());
  assert.equal(new Set(merged).size, merged.length);
  assert.ok(made.every((id) => merged.includes(id)));
  const e = await rejection(() => a.send(new DescribeSnapshotsCommand({ OwnerIds: ["self"], MaxResults: 5, NextToken: "garbage" })));
  assert.equal(e.name, "InvalidNextToken");
});

test("DeleteSnapshot: gone at once with its tags; unknown, malformed and another's refused", async () => {
  const id = await ownSnapshot(a);
  await a.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "k", Value: "v" }] }));
  await a.send(new DeleteSnapshotCommand({ SnapshotId: id }));
  assert.deepEqual(await own(), []);
  assert.deepEqual((await a.send(new DescribeTagsCommand({}))).Tags, []);
  let e = await rejection(() => a.send(new DeleteSnapshotCommand({ SnapshotId: id })));
  assert.equal(e.name, "InvalidSnapshot.NotFound");
  e = await rejection(() => a.send(new DeleteSnapshotCommand({ SnapshotId: "snap-12" })));
  assert.equal(e.name, "InvalidSnapshotID.Malformed");
  const amazon = (await amazonSnapshot()).SnapshotId!;
  e = await rejection(() => a.send(new DeleteSnapshotCommand({ SnapshotId: amazon })));
  assert.equal(e.name, "AuthFailure");
});

test("CreateSnapshot of an instance's volume: its size and encryption, pending then completed; unknown volumes refused", async () => {
  const ami = (await a.send(new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: ["al2023-*x86_64"] }] })))
    .Images![0];
  const instance = (await a.send(new RunInstancesCommand({ ImageId: ami.ImageId!, MinCount: 1, MaxCount: 1 }))).Instances![0];
  server.clock.advance(3 * T);
  const volume = (
    await a.send(new DescribeVolumesCommand({ Filters: [{ Name: "attachment.instance-id", Values: [instance.InstanceId!] }] }))
  ).Volumes![0];
  const r = await a.send(
    new CreateSnapshotCommand({
      VolumeId: volume.VolumeId!,
      Description: "nightly",
      TagSpecifications: [{ ResourceType: "snapshot", Tags: [{ Key: "k", Value: "v" }] }],
    }),
  );
  assert.equal(r.State, "pending");
  assert.equal(r.VolumeId, volume.VolumeId);
  assert.equal(r.VolumeSize, volume.Size);
  assert.equal(r.Encrypted, volume.Encrypted);
  assert.equal(r.Description, "nightly");
  assert.equal(r.OwnerId, ACCOUNT_A);
  assert.deepEqual(r.Tags, [{ Key: "k", Value: "v" }]);
  // snapshotCreate lasts 2 × T.
  server.clock.advance(2 * T);
  assert.equal((await describe(r.SnapshotId!)).State, "completed");
  let e = await rejection(() => a.send(new CreateSnapshotCommand({ VolumeId: "vol-00000000000000000" })));
  assert.equal(e.name, "InvalidVolume.NotFound");
  e = await rejection(() => b.send(new CreateSnapshotCommand({ VolumeId: volume.VolumeId! })));
  assert.equal(e.name, "InvalidVolume.NotFound");
});
