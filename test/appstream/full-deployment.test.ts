// A whole AppStream deployment across two accounts on the manual clock, as a team runs it: account A builds
// a golden image on a builder and shares it; account B runs a fleet of it behind a stack, with users who may
// stream from it. Every step goes through the SDK v3 and waits on states, never on time.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AssociateFleetCommand,
  BatchAssociateUserStackCommand,
  CreateFleetCommand,
  CreateImageBuilderCommand,
  CreateStackCommand,
  CreateStreamingURLCommand,
  CreateUserCommand,
  DescribeFleetsCommand,
  DescribeImageBuildersCommand,
  DescribeImagesCommand,
  DescribeUserStackAssociationsCommand,
  ListAssociatedStacksCommand,
  StartFleetCommand,
  UpdateImagePermissionsCommand,
  type AppStreamClient,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, createImageFromBuilder, rejection, T, useServer } from "../support/server";

const BASE = "AppStream-WinServer2022-11-10-2025";
const GOLDEN_ARN = `arn:aws:appstream:us-east-1:${ACCOUNT_A}:image/golden-desktop`;

describe("AppStream deployment: builder → image → shared → fleet → stack → users", () => {
  const fx = useServer();
  let server: Imagelite;
  let a: AppStreamClient;
  let b: AppStreamClient;
  before(() => {
    server = fx.server;
    a = fx.appstream(ACCOUNT_A);
    b = fx.appstream(ACCOUNT_B);
  });

  /** Advances the clock one phase at a time until `done` holds (at most `phases` phases). */
  async function until(done: () => Promise<boolean>, phases = 10): Promise<void> {
    for (let i = 0; i < phases; i++) {
      if (await done()) return;
      server.clock.advance(T);
    }
    assert.fail("the state was not reached");
  }

  it("runs end to end, and the second account streams from the first account's image", async () => {
    // Account A: a builder from the public base image, then the golden image from it (Image Assistant).
    await a.send(new CreateImageBuilderCommand({ Name: "golden-builder", ImageName: BASE, InstanceType: "stream.standard.medium" }));
    await until(async () => {
      const { ImageBuilders } = await a.send(new DescribeImageBuildersCommand({ Names: ["golden-builder"] }));
      return ImageBuilders![0].State === "RUNNING";
    });
    assert.equal((await createImageFromBuilder(server, "golden-builder", "golden-desktop")).status, 200);
    await until(async () => {
      const { Images } = await a.send(new DescribeImagesCommand({ Names: ["golden-desktop"] }));
      return Images![0].State === "AVAILABLE";
    });
    await a.send(
      new UpdateImagePermissionsCommand({
        Name: "golden-desktop",
        SharedAccountId: ACCOUNT_B,
        ImagePermissions: { allowFleet: true, allowImageBuilder: false },
      }),
    );

    // Account B sees the shared image and runs a fleet of it.
    const shared = await b.send(new DescribeImagesCommand({ Type: "SHARED" }));
    assert.deepEqual(
      shared.Images!.map((i) => i.Arn),
      [GOLDEN_ARN],
    );
    await b.send(
      new CreateFleetCommand({
        Name: "desktops",
        ImageArn: GOLDEN_ARN,
        InstanceType: "stream.standard.medium",
        FleetType: "ON_DEMAND",
        ComputeCapacity: { DesiredInstances: 2 },
      }),
    );
    await b.send(new StartFleetCommand({ Name: "desktops" }));
    await until(async () => {
      const { Fleets } = await b.send(new DescribeFleetsCommand({ Names: ["desktops"] }));
      return Fleets![0].State === "RUNNING" && Fleets![0].ComputeCapacityStatus!.Running === 2;
    });

    // Its stack, the association, and users assigned to the stack.
    await b.send(new CreateStackCommand({ Name: "office" }));
    await b.send(new AssociateFleetCommand({ FleetName: "desktops", StackName: "office" }));
    assert.deepEqual((await b.send(new ListAssociatedStacksCommand({ FleetName: "desktops" }))).Names, ["office"]);
    const users = ["ana@example.com", "bo@example.com"];
    for (const UserName of users) await b.send(new CreateUserCommand({ UserName, AuthenticationType: "USERPOOL" }));
    const assigned = await b.send(
      new BatchAssociateUserStackCommand({
        UserStackAssociations: users.map((UserName) => ({ StackName: "office", UserName, AuthenticationType: "USERPOOL" })),
      }),
    );
    assert.deepEqual(assigned.errors, []);
    const associations = await b.send(new DescribeUserStackAssociationsCommand({ StackName: "office" }));
    assert.deepEqual(associations.UserStackAssociations!.map((u) => u.UserName).sort(), users);

    // A user may now stream; account A's image is what the fleet runs, and A cannot use B's stack.
    const url = await b.send(new CreateStreamingURLCommand({ StackName: "office", FleetName: "desktops", UserId: "ana" }));
    assert.match(url.StreamingURL!, /^https:\/\/appstream2\.us-east-1\.aws\.amazon\.com\//);
    const { Fleets } = await b.send(new DescribeFleetsCommand({ Names: ["desktops"] }));
    assert.equal(Fleets![0].ImageArn, GOLDEN_ARN);
    const foreign = await rejection(() =>
      a.send(new CreateStreamingURLCommand({ StackName: "office", FleetName: "desktops", UserId: "intruder" })),
    );
    assert.equal(foreign.name, "ResourceNotFoundException");
  });
});
