// Block public access for AMIs through the AWS SDK: per account and region; a change shows once it has
// applied (AWS: up to 10 minutes, here a phase of the clock); while it is on, making an AMI public fails
// with OperationNotPermitted and public AMIs stay public ("Block public access to your AMIs", EC2 User Guide).
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  DescribeImagesCommand,
  DisableImageBlockPublicAccessCommand,
  EnableImageBlockPublicAccessCommand,
  GetImageBlockPublicAccessStateCommand,
  ModifyImageAttributeCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, ec2Client, rejection, T, useServer } from "../support/server";
import { registerAmi, settle } from "./helpers";

const PHASE = 3 * T; // blockPublicAccess weight 3

describe("image block public access", () => {
  const fx = useServer();
  let server: Imagelite;
  let a: EC2Client;
  before(() => {
    server = fx.server;
    a = fx.ec2();
  });

  const state = async (client = a) => await client.send(new GetImageBlockPublicAccessStateCommand({}));
  const makePublic = (id: string) =>
    a.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ Group: "all" }] } }));

  it("is off by default, and on once the change has applied", async () => {
    assert.deepEqual([(await state()).ImageBlockPublicAccessState, (await state()).ManagedBy], ["unblocked", "account"]);
    const r = await a.send(new EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: "block-new-sharing" }));
    assert.equal(r.ImageBlockPublicAccessState, "block-new-sharing");
    assert.equal((await state()).ImageBlockPublicAccessState, "unblocked", "still applying");
    server.clock.advance(PHASE);
    assert.equal((await state()).ImageBlockPublicAccessState, "block-new-sharing");
    // Per account and region.
    const b = ec2Client(server, ACCOUNT_B);
    const west = ec2Client(server, ACCOUNT_A, "eu-west-1");
    assert.equal((await state(b)).ImageBlockPublicAccessState, "unblocked");
    assert.equal((await state(west)).ImageBlockPublicAccessState, "unblocked");
    b.destroy();
    west.destroy();
  });

  it("refuses to make an AMI public while on; public AMIs stay public; sharing with an account still works", async () => {
    const already = await registerAmi(a, "already-public");
    const other = await registerAmi(a, "private");
    settle(server);
    await makePublic(already);
    await a.send(new EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: "block-new-sharing" }));
    server.clock.advance(PHASE);

    const e = await rejection(() => makePublic(other));
    assert.equal(e.name, "OperationNotPermitted");
    assert.equal(e.$metadata?.httpStatusCode, 400);
    const { Images } = await a.send(new DescribeImagesCommand({ ImageIds: [already, other] }));
    assert.deepEqual(
      Images?.map((i) => [i.ImageId, i.Public]).sort(),
      [
        [already, true],
        [other, false],
      ].sort(),
    );
    await makePublic(already); // already public: nothing new is shared
    await a.send(new ModifyImageAttributeCommand({ ImageId: other, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  });

  it("disabling takes a phase too, then AMIs can be made public again; DryRun changes nothing", async () => {
    const id = await registerAmi(a, "later-public");
    settle(server);
    await a.send(new EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: "block-new-sharing" }));
    server.clock.advance(PHASE);
    const dry = await rejection(() => a.send(new DisableImageBlockPublicAccessCommand({ DryRun: true })));
    assert.equal(dry.name, "DryRunOperation");
    assert.equal((await a.send(new DisableImageBlockPublicAccessCommand({}))).ImageBlockPublicAccessState, "unblocked");
    assert.equal((await state()).ImageBlockPublicAccessState, "block-new-sharing", "still applying");
    assert.equal((await rejection(() => makePublic(id))).name, "OperationNotPermitted");
    server.clock.advance(PHASE);
    assert.equal((await state()).ImageBlockPublicAccessState, "unblocked");
    await makePublic(id);
  });

  it("refuses a state other than block-new-sharing", async () => {
    const e = await rejection(() => a.send(new EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: "unblocked" as never })));
    assert.equal(e.name, "InvalidParameterValue");
  });
});
