// GetImageAncestry through the AWS SDK ("Use AMI ancestry to trace the origin of an AMI", EC2 User Guide,
// ami-ancestry.html): the AMI first, then each source AMI back to the root, through CopyImage within and across
// Regions and CreateImage (whose source is the instance's AMI); the root is an AMI with no recorded source or a
// verified provider's public AMI; a deregistered source ends the list where it is gone.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CopyImageCommand,
  CreateImageCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  GetImageAncestryCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  RunInstancesCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, REGION, rejection, T, useServer } from "../support/server";
import { registerAmi, settle } from "./helpers";

const WEST = "eu-west-1";

describe("GetImageAncestry", () => {
  const fx = useServer();
  let server: Imagelite;
  let east: EC2Client;
  let west: EC2Client;
  before(() => {
    server = fx.server;
    east = fx.ec2(ACCOUNT_A);
    west = fx.ec2(ACCOUNT_A, WEST);
  });

  const ancestry = async (ImageId: string, client = east) =>
    (await client.send(new GetImageAncestryCommand({ ImageId }))).ImageAncestryEntries!.map((e) => [
      e.ImageId,
      e.SourceImageId,
      e.SourceImageRegion,
      e.ImageOwnerAlias,
    ]);
  const copy = async (client: EC2Client, SourceImageId: string, SourceRegion: string, Name: string) => {
    const { ImageId } = await client.send(new CopyImageCommand({ SourceImageId, SourceRegion, Name }));
    settle(server);
    return ImageId!;
  };

  it("an ancestry three copies deep across two Regions, back to the registered root", async () => {
    const base = await registerAmi(east, "base");
    settle(server);
    const c1 = await copy(west, base, REGION, "copy-1");
    const c2 = await copy(east, c1, WEST, "copy-2");
    const c3 = await copy(west, c2, REGION, "copy-3");
    assert.deepEqual(await ancestry(c3, west), [
      [c3, c2, REGION, undefined],
      [c2, c1, WEST, undefined],
      [c1, base, REGION, undefined],
      [base, undefined, undefined, undefined],
    ]);
    const [first] = (await west.send(new GetImageAncestryCommand({ ImageId: c3 }))).ImageAncestryEntries!;
    const [image] = (await west.send(new DescribeImagesCommand({ ImageIds: [c3] }))).Images!;
    assert.equal(first.CreationDate!.toISOString(), image.CreationDate);
    assert.deepEqual([image.SourceImageId, image.SourceImageRegion], [c2, REGION]);
    // From the middle of the chain, in its own Region.
    assert.deepEqual(
      (await ancestry(c2)).map(([id]) => id),
      [c2, c1, base],
    );
    assert.deepEqual(await ancestry(base), [[base, undefined, undefined, undefined]]);

    // A deregistered source: its id stays on the child; once it is gone the list ends there.
    await east.send(new DeregisterImageCommand({ ImageId: c2 }));
    assert.deepEqual(
      (await ancestry(c3, west)).map(([id]) => id),
      [c3, c2, c1, base],
      "deregistered, not yet gone",
    );
    server.clock.advance(10 * T);
    assert.deepEqual(await ancestry(c3, west), [[c3, c2, REGION, undefined]]);
  });

  it("CreateImage's source is the instance's AMI; a verified provider's public AMI is the root", async () => {
    const { Images } = await east.send(
      new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: ["al2023-ami-2023.*-x86_64"] }] }),
    );
    const amazon = Images![0].ImageId!;
    const { Instances } = await east.send(new RunInstancesCommand({ ImageId: amazon, MinCount: 1, MaxCount: 1 }));
    server.clock.advance(10 * T);
    const { ImageId: made } = await east.send(new CreateImageCommand({ InstanceId: Instances![0].InstanceId!, Name: "from-instance" }));
    settle(server);
    const [image] = (await east.send(new DescribeImagesCommand({ ImageIds: [made!] }))).Images!;
    assert.deepEqual([image.SourceImageId, image.SourceImageRegion], [amazon, REGION]);
    const copied = await copy(west, made!, REGION, "from-instance-copy");
    assert.deepEqual(await ancestry(copied, west), [
      [copied, made, REGION, undefined],
      [made, amazon, REGION, undefined],
      [amazon, undefined, undefined, "amazon"],
    ]);
  });

  it("goes on through a source the caller can no longer see; refuses an AMI it can't see and a malformed id", async () => {
    const a = east;
    const b = fx.ec2(ACCOUNT_B);
    const base = await registerAmi(a, "shared-base");
    settle(server);
    await a.send(new ModifyImageAttributeCommand({ ImageId: base, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
    const [root] = (await a.send(new DescribeImagesCommand({ ImageIds: [base] }))).Images![0].BlockDeviceMappings!;
    await a.send(
      new ModifySnapshotAttributeCommand({ SnapshotId: root.Ebs!.SnapshotId!, CreateVolumePermission: { Add: [{ UserId: ACCOUNT_B }] } }),
    );
    const theirs = await copy(b, base, REGION, "their-copy");
    await a.send(new ModifyImageAttributeCommand({ ImageId: base, LaunchPermission: { Remove: [{ UserId: ACCOUNT_B }] } }));
    assert.deepEqual(
      (await ancestry(theirs, b)).map(([id]) => id),
      [theirs, base],
    );
    assert.equal((await rejection(() => ancestry(base, b))).name, "InvalidAMIID.NotFound");
    assert.equal((await rejection(() => ancestry("ami-00000000000000000"))).name, "InvalidAMIID.NotFound");
    assert.equal((await rejection(() => ancestry("image-1"))).name, "InvalidAMIID.Malformed");
  });
});
