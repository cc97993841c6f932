// Sharing AMIs across accounts with launch permissions: by account and with group `all`, read back through
// DescribeImageAttribute, reset, and seen (or no longer seen) by the other account.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CopyImageCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  ResetImageAttributeCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, ec2Client, rejection, useServer } from "../support/server";
import { registerAmi, settle } from "./helpers";

const ACCOUNT_C = "333333333333";
let server: Imagelite;
let a: EC2Client;
let b: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

const sees = async (client: EC2Client, id: string, extra: { ExecutableUsers?: string[]; Owners?: string[] } = {}) =>
  (await client.send(new DescribeImagesCommand(extra))).Images!.some((i) => i.ImageId === id);
const permissions = async (id: string) =>
  (await a.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: "launchPermission" }))).LaunchPermissions;

test("sharing with an account: the grantee sees the AMI, by id and with ExecutableUsers self, until it is removed", async () => {
  const id = await registerAmi(a, "shared");
  assert.equal(await sees(b, id), false);
  assert.equal((await rejection(() => b.send(new DescribeImagesCommand({ ImageIds: [id] })))).name, "InvalidAMIID.NotFound");
  await a.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  assert.deepEqual(await permissions(id), [{ UserId: ACCOUNT_B }]);
  const seen = (await b.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images![0];
  assert.equal(seen.OwnerId, ACCOUNT_A);
  assert.equal(seen.Public, false);
  assert.equal(await sees(b, id), true);
  assert.equal(await sees(b, id, { ExecutableUsers: ["self"] }), true);
  assert.equal(await sees(b, id, { Owners: [ACCOUNT_A] }), true);
  assert.equal(await sees(a, id, { ExecutableUsers: [ACCOUNT_B] }), true, "the owner asks who it shares with");
  assert.equal(await sees(a, id, { ExecutableUsers: [ACCOUNT_C] }), false);
  assert.equal(await sees(ec2Client(server, ACCOUNT_C), id), false);
  assert.equal(await sees(ec2Client(server, ACCOUNT_B, "us-west-2"), id), false, "a grant is regional");
  await a.send(
    new ModifyImageAttributeCommand({ ImageId: id, Attribute: "launchPermission", OperationType: "remove", UserIds: [ACCOUNT_B] }),
  );
  assert.deepEqual(await permissions(id), []);
  assert.equal(await sees(b, id), false);
});

test("group all makes an AMI public to every account; reset makes it private again", async () => {
  const id = await registerAmi(a, "public-one");
  await a.send(
    new ModifyImageAttributeCommand({
      ImageId: id,
      Attribute: "launchPermission",
      OperationType: "add",
      UserGroups: ["all"],
      UserIds: [ACCOUNT_C],
    }),
  );
  assert.deepEqual(await permissions(id), [{ Group: "all" }, { UserId: ACCOUNT_C }]);
  const seen = (await b.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images![0];
  assert.equal(seen.Public, true);
  assert.equal(await sees(b, id, { ExecutableUsers: ["all"] }), true);
  assert.equal(await sees(b, id, { ExecutableUsers: ["self"] }), false, "public is not an explicit grant");
  const filtered = await b.send(
    new DescribeImagesCommand({
      Filters: [
        { Name: "is-public", Values: ["true"] },
        { Name: "owner-id", Values: [ACCOUNT_A] },
      ],
    }),
  );
  assert.deepEqual(
    filtered.Images!.map((i) => i.ImageId),
    [id],
  );
  await a.send(new ResetImageAttributeCommand({ ImageId: id, Attribute: "launchPermission" }));
  assert.deepEqual(await permissions(id), []);
  assert.equal(await sees(b, id), false);
  assert.equal(await sees(ec2Client(server, ACCOUNT_C), id), false);
});

test("the grantee can copy a shared AMI but not modify, describe the attributes of, or deregister it", async () => {
  const id = await registerAmi(a, "to-copy");
  settle(server);
  await a.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  // A copy also reads the AMI's snapshots: the owner shares them too ("Copy an Amazon EC2 AMI").
  const noStorage = await rejection(() => b.send(new CopyImageCommand({ Name: "b-copy", SourceImageId: id, SourceRegion: "us-east-1" })));
  assert.equal(noStorage.name, "InvalidRequest");
  const snapshot = (await a.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images![0].BlockDeviceMappings![0].Ebs!.SnapshotId!;
  await a.send(new ModifySnapshotAttributeCommand({ SnapshotId: snapshot, CreateVolumePermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  const copy = await b.send(new CopyImageCommand({ Name: "b-copy", SourceImageId: id, SourceRegion: "us-east-1" }));
  const mine = (await b.send(new DescribeImagesCommand({ ImageIds: [copy.ImageId!] }))).Images![0];
  assert.equal(mine.OwnerId, ACCOUNT_B);
  let e = await rejection(() =>
    b.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ UserId: ACCOUNT_C }] } })),
  );
  assert.equal(e.name, "AuthFailure");
  e = await rejection(() => b.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: "description" })));
  assert.equal(e.name, "AuthFailure");
  e = await rejection(() =>
    ec2Client(server, ACCOUNT_C).send(new CopyImageCommand({ Name: "c-copy", SourceImageId: id, SourceRegion: "us-east-1" })),
  );
  assert.equal(e.name, "InvalidAMIID.NotFound");
});

test("description: modify and describe; other attributes described", async () => {
  const id = await registerAmi(a, "described", { Description: "first" });
  assert.deepEqual((await a.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: "description" }))).Description, {
    Value: "first",
  });
  await a.send(new ModifyImageAttributeCommand({ ImageId: id, Description: { Value: "second" } }));
  assert.deepEqual((await a.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: "description" }))).Description, {
    Value: "second",
  });
  await a.send(new ModifyImageAttributeCommand({ ImageId: id, Attribute: "description", Value: "third" }));
  assert.equal((await a.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images![0].Description, "third");
  const bdm = await a.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: "blockDeviceMapping" }));
  assert.equal(bdm.BlockDeviceMappings![0].DeviceName, "/dev/xvda");
  await a.send(new ModifyImageAttributeCommand({ ImageId: id, ImdsSupport: { Value: "v2.0" } }));
  assert.deepEqual((await a.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: "imdsSupport" }))).ImdsSupport, {
    Value: "v2.0",
  });
});

test("ModifyImageAttribute errors", async () => {
  const id = await registerAmi(a, "errors");
  let e = await rejection(() => a.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ UserId: "12345" }] } })));
  assert.equal(e.name, "InvalidAMIAttributeItemValue");
  e = await rejection(() =>
    a.send(new ModifyImageAttributeCommand({ ImageId: id, Attribute: "launchPermission", OperationType: "add", UserGroups: ["everyone"] })),
  );
  assert.equal(e.name, "InvalidAMIAttributeItemValue");
  e = await rejection(() => a.send(new ModifyImageAttributeCommand({ ImageId: id })));
  assert.equal(e.name, "InvalidParameterCombination");
  e = await rejection(() =>
    a.send(new ModifyImageAttributeCommand({ ImageId: id, Description: { Value: "x" }, LaunchPermission: { Add: [{ Group: "all" }] } })),
  );
  assert.equal(e.name, "InvalidParameterCombination");
  // The attribute's name is read without regard to case or surrounding spaces, as Ansible's ec2_ami sends it.
  await a.send(new ModifyImageAttributeCommand({ ImageId: id, Attribute: "Description ", Description: { Value: "fourth" } }));
  await a.send(
    new ModifyImageAttributeCommand({ ImageId: id, Attribute: "LaunchPermission", LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }),
  );
  assert.deepEqual((await a.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: "launchPermission" }))).LaunchPermissions, [
    { UserId: ACCOUNT_B },
  ]);
  await a.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Remove: [{ UserId: ACCOUNT_B }] } }));
  e = await rejection(() => a.send(new ModifyImageAttributeCommand({ ImageId: id, Attribute: "kernel", Value: "aki-12345678" })));
  assert.equal(e.name, "InvalidParameterValue");
  e = await rejection(() => a.send(new ModifyImageAttributeCommand({ ImageId: "ami-00000000000000000", Description: { Value: "x" } })));
  assert.equal(e.name, "InvalidAMIID.NotFound");
  e = await rejection(() => a.send(new ModifyImageAttributeCommand({ ImageId: "image-1", Description: { Value: "x" } })));
  assert.equal(e.name, "InvalidAMIID.Malformed");
  e = await rejection(() => a.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: "colour" as never })));
  assert.equal(e.name, "InvalidParameterValue");
  // A failed item leaves the permissions as they were.
  e = await rejection(() =>
    a.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }, { UserId: "bad" }] } })),
  );
  assert.equal(e.name, "InvalidAMIAttributeItemValue");
  assert.deepEqual(await permissions(id), []);
  // DryRun: a permitted change answers DryRunOperation and grants nothing.
  e = await rejection(() =>
    a.send(new ModifyImageAttributeCommand({ ImageId: id, DryRun: true, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } })),
  );
  assert.equal(e.name, "DryRunOperation");
  assert.deepEqual(await permissions(id), []);
});
