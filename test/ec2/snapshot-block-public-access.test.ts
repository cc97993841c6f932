// Block public access for snapshots through the AWS SDK ("Block public access for Amazon EBS snapshots",
// block-public-access-snapshots.html): per account and Region; block-new-sharing and block-all-sharing refuse
// to make a snapshot public; under block-all-sharing the snapshots already public are no longer public to other
// accounts (their attribute still names group `all`), and are again once unblocked.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CopySnapshotCommand,
  CreateVolumeCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DisableSnapshotBlockPublicAccessCommand,
  EnableSnapshotBlockPublicAccessCommand,
  GetSnapshotBlockPublicAccessStateCommand,
  ModifySnapshotAttributeCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, REGION, ec2Client, rejection, T, useServer } from "../support/server";
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

const state = async (client = a) => (await client.send(new GetSnapshotBlockPublicAccessStateCommand({}))).State;
const makePublic = (id: string) =>
  a.send(
    new ModifySnapshotAttributeCommand({
      SnapshotId: id,
      Attribute: "createVolumePermission",
      CreateVolumePermission: { Add: [{ Group: "all" }] },
    }),
  );
const publicTo = async (client: EC2Client, id: string) =>
  (await client.send(new DescribeSnapshotsCommand({ OwnerIds: [ACCOUNT_A], RestorableByUserIds: ["all"] }))).Snapshots!.some(
    (s) => s.SnapshotId === id,
  );

test("unblocked by default; set per account and Region; DryRun changes nothing", async () => {
  assert.equal(await state(), "unblocked");
  const m = await a.send(new GetSnapshotBlockPublicAccessStateCommand({}));
  assert.equal(m.ManagedBy, "account");
  assert.equal((await a.send(new EnableSnapshotBlockPublicAccessCommand({ State: "block-new-sharing" }))).State, "block-new-sharing");
  assert.equal(await state(), "block-new-sharing");
  assert.equal(await state(b), "unblocked");
  const west = ec2Client(server, ACCOUNT_A, "eu-west-1");
  assert.equal(await state(west), "unblocked");
  west.destroy();
  const dry = await rejection(() => a.send(new DisableSnapshotBlockPublicAccessCommand({ DryRun: true })));
  assert.equal(dry.name, "DryRunOperation");
  assert.equal(await state(), "block-new-sharing");
  assert.equal((await a.send(new DisableSnapshotBlockPublicAccessCommand({}))).State, "unblocked");
  assert.equal(await state(), "unblocked");
  const bad = await rejection(() => a.send(new EnableSnapshotBlockPublicAccessCommand({ State: "block-some" as "unblocked" })));
  assert.equal(bad.name, "InvalidParameterValue");
});

test("block-new-sharing: no snapshot is made public; those already public stay public; sharing with an account works", async () => {
  const already = await ownSnapshot(a);
  const other = await ownSnapshot(a);
  server.clock.advance(3 * T);
  await makePublic(already);
  await a.send(new EnableSnapshotBlockPublicAccessCommand({ State: "block-new-sharing" }));
  const e = await rejection(() => makePublic(other));
  assert.equal(e.name, "OperationNotPermitted");
  assert.equal(await publicTo(b, already), true);
  assert.equal(await publicTo(b, other), false);
  await a.send(
    new ModifySnapshotAttributeCommand({
      SnapshotId: other,
      Attribute: "createVolumePermission",
      OperationType: "add",
      UserIds: [ACCOUNT_B],
    }),
  );
  assert.equal((await b.send(new DescribeSnapshotsCommand({ SnapshotIds: [other] }))).Snapshots?.length, 1);
});

test("block-all-sharing: public snapshots are no longer public to others, until unblocked", async () => {
  const id = await ownSnapshot(a);
  server.clock.advance(3 * T);
  await makePublic(id);
  assert.equal(await publicTo(b, id), true);
  await a.send(new EnableSnapshotBlockPublicAccessCommand({ State: "block-all-sharing" }));
  assert.equal((await rejection(() => makePublic(id))).name, "OperationNotPermitted", "group all is refused under block-all-sharing");
  assert.equal(await publicTo(b, id), false);
  const listed = (await b.send(new DescribeSnapshotsCommand({ OwnerIds: [ACCOUNT_A] }))).Snapshots!;
  assert.equal(listed.length, 0);
  assert.equal((await rejection(() => b.send(new DescribeSnapshotsCommand({ SnapshotIds: [id] })))).name, "InvalidSnapshot.NotFound");
  const vol = await rejection(() => b.send(new CreateVolumeCommand({ SnapshotId: id, AvailabilityZone: `${REGION}a` })));
  assert.equal(vol.name, "InvalidSnapshot.NotFound");
  const copy = await rejection(() => b.send(new CopySnapshotCommand({ SourceSnapshotId: id, SourceRegion: REGION })));
  assert.equal(copy.name, "InvalidSnapshot.NotFound");
  // The attribute still says public; the owner still sees its snapshot.
  const attr = await a.send(new DescribeSnapshotAttributeCommand({ SnapshotId: id, Attribute: "createVolumePermission" }));
  assert.deepEqual(attr.CreateVolumePermissions, [{ Group: "all" }]);
  assert.equal((await a.send(new DescribeSnapshotsCommand({ SnapshotIds: [id] }))).Snapshots?.length, 1);
  // block-new-sharing, or unblocked, makes it public again.
  await a.send(new EnableSnapshotBlockPublicAccessCommand({ State: "block-new-sharing" }));
  assert.equal(await publicTo(b, id), true);
  await a.send(new EnableSnapshotBlockPublicAccessCommand({ State: "block-all-sharing" }));
  assert.equal(await publicTo(b, id), false);
  await a.send(new DisableSnapshotBlockPublicAccessCommand({}));
  assert.equal(await publicTo(b, id), true);
  assert.equal((await b.send(new DescribeSnapshotsCommand({ SnapshotIds: [id] }))).Snapshots?.length, 1);
});
