// CancelImageLaunchPermission through the AWS SDK ("Cancel having an AMI shared with your AWS account", EC2 User
// Guide, cancel-sharing-an-AMI.html): an account removes itself from the launch permissions of an AMI shared with
// it; the owner's list loses the account, the AMI leaves the account's listings and can't be launched, and the
// owner can share it again. Refused for the caller's own AMI, for a public AMI not shared with the account, and
// for an AMI the caller can't see.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CancelImageLaunchPermissionCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  ModifyImageAttributeCommand,
  RunInstancesCommand,
  type EC2Client,
  type LaunchPermission,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, useServer } from "../support/server";
import { registerAmi, settle } from "./helpers";

const ACCOUNT_C = "333333333333";

describe("CancelImageLaunchPermission", () => {
  const fx = useServer();
  let server: Imagelite;
  let a: EC2Client;
  let b: EC2Client;
  before(() => {
    server = fx.server;
    a = fx.ec2(ACCOUNT_A);
    b = fx.ec2(ACCOUNT_B);
  });

  const cancel = (ImageId: string, client = a) => client.send(new CancelImageLaunchPermissionCommand({ ImageId }));
  const share = (ImageId: string, Add: LaunchPermission[]) =>
    b.send(new ModifyImageAttributeCommand({ ImageId, LaunchPermission: { Add } }));
  const permissions = async (ImageId: string) =>
    (await b.send(new DescribeImageAttributeCommand({ ImageId, Attribute: "launchPermission" }))).LaunchPermissions;
  const sharedWithA = async () => (await a.send(new DescribeImagesCommand({ ExecutableUsers: ["self"] }))).Images!.map((i) => i.ImageId);

  it("removes the caller from the owner's list: the AMI is gone for it, and the owner can share it again", async () => {
    const id = await registerAmi(b, "partner");
    settle(server);
    await share(id, [{ UserId: ACCOUNT_A }, { UserId: ACCOUNT_C }]);
    assert.deepEqual(await sharedWithA(), [id]);
    const dry = await rejection(() => a.send(new CancelImageLaunchPermissionCommand({ ImageId: id, DryRun: true })));
    assert.equal(dry.name, "DryRunOperation");
    assert.equal((await permissions(id))!.length, 2);

    assert.equal((await cancel(id)).Return, true);
    assert.deepEqual(await permissions(id), [{ UserId: ACCOUNT_C }]);
    assert.deepEqual(await sharedWithA(), []);
    assert.equal((await rejection(() => a.send(new DescribeImagesCommand({ ImageIds: [id] })))).name, "InvalidAMIID.NotFound");
    const launch = await rejection(() => a.send(new RunInstancesCommand({ ImageId: id, MinCount: 1, MaxCount: 1 })));
    assert.equal(launch.name, "InvalidAMIID.NotFound");
    // Cancelling again: the AMI is no longer there for the caller.
    assert.equal((await rejection(() => cancel(id))).name, "InvalidAMIID.NotFound");
    // C keeps its share; the owner shares with A again.
    assert.deepEqual((await fx.ec2(ACCOUNT_C).send(new DescribeImagesCommand({ ImageIds: [id] }))).Images!.length, 1);
    await share(id, [{ UserId: ACCOUNT_A }]);
    assert.deepEqual(await sharedWithA(), [id]);
  });

  it("a public AMI shared with the caller too: the share goes, the AMI stays public", async () => {
    const id = await registerAmi(b, "public-and-shared");
    settle(server);
    await share(id, [{ Group: "all" }, { UserId: ACCOUNT_A }]);
    await cancel(id);
    assert.deepEqual(await permissions(id), [{ Group: "all" }]);
    const [seen] = (await a.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images!;
    assert.equal(seen.Public, true);
    // Only public now: nothing of the caller's to cancel.
    const e = await rejection(() => cancel(id));
    assert.equal(e.name, "InvalidParameterValue");
  });

  it("refuses the caller's own AMI, a public AMI, an AMI it can't see and a malformed id", async () => {
    const own = await registerAmi(a, "own");
    assert.equal((await rejection(() => cancel(own))).name, "InvalidParameterValue");
    const publicOnly = await registerAmi(b, "public-only");
    settle(server);
    await share(publicOnly, [{ Group: "all" }]);
    assert.equal((await rejection(() => cancel(publicOnly))).name, "InvalidParameterValue");
    const amazon = (await a.send(new DescribeImagesCommand({ Owners: ["amazon"], MaxResults: 5 }))).Images![0].ImageId!;
    assert.equal((await rejection(() => cancel(amazon))).name, "InvalidParameterValue");
    const privateOfB = await registerAmi(b, "private");
    assert.equal((await rejection(() => cancel(privateOfB))).name, "InvalidAMIID.NotFound");
    assert.equal((await rejection(() => cancel("ami-00000000000000000"))).name, "InvalidAMIID.NotFound");
    assert.equal((await rejection(() => cancel("image-1"))).name, "InvalidAMIID.Malformed");
  });
});
