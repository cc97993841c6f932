// Sharing a private image across accounts (administer-images.html, "Share an Image That You Own"):
// the recipient sees it as SHARED with its permissions, and allowFleet/allowImageBuilder gate its use.
import { before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateFleetCommand,
  CreateImageBuilderCommand,
  DeleteImageCommand,
  DescribeFleetsCommand,
  DeleteImagePermissionsCommand,
  DescribeImagePermissionsCommand,
  DescribeImagesCommand,
  UpdateImagePermissionsCommand,
  type AppStreamClient,
  type ImagePermissions,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, createImageFromBuilder, rejection, T, useServer } from "../support/server";

const BASE = "AppStream-WinServer2019-11-10-2025";
const SHARED_ARN = `arn:aws:appstream:us-east-1:${ACCOUNT_A}:image/shared-img`;

describe("AppStream image sharing", () => {
  const fx = useServer();
  let server: Imagelite;
  let a: AppStreamClient;
  let b: AppStreamClient;
  before(() => {
    server = fx.server;
    a = fx.appstream(ACCOUNT_A);
    b = fx.appstream(ACCOUNT_B);
  });
  /** Account A's image shared-img, made by its builder: PENDING until the clock moves 2 × T. */
  beforeEach(async () => {
    await a.send(new CreateImageBuilderCommand({ Name: "ib", ImageName: BASE, InstanceType: "stream.standard.medium" }));
    server.clock.advance(T);
    assert.equal((await createImageFromBuilder(server, "ib", "shared-img")).status, 200);
  });
  /** shared-img AVAILABLE, and shared with account B with `permissions`. */
  async function sharedWithB(permissions: ImagePermissions): Promise<void> {
    server.clock.advance(2 * T);
    await a.send(new UpdateImagePermissionsCommand({ Name: "shared-img", SharedAccountId: ACCOUNT_B, ImagePermissions: permissions }));
  }

  it("refuses to share an image that is not yet available, or not the caller's", async () => {
    const pending = await rejection(() =>
      a.send(new UpdateImagePermissionsCommand({ Name: "shared-img", SharedAccountId: ACCOUNT_B, ImagePermissions: { allowFleet: true } })),
    );
    assert.equal(pending.name, "ResourceNotAvailableException");
    server.clock.advance(2 * T);
    const pub = await rejection(() =>
      a.send(new UpdateImagePermissionsCommand({ Name: BASE, SharedAccountId: ACCOUNT_B, ImagePermissions: { allowFleet: true } })),
    );
    assert.equal(pub.name, "ResourceNotAvailableException");
    const none = await rejection(() =>
      a.send(new UpdateImagePermissionsCommand({ Name: "nope", SharedAccountId: ACCOUNT_B, ImagePermissions: { allowFleet: true } })),
    );
    assert.equal(none.name, "ResourceNotFoundException");
  });

  it("shows the image to the recipient as SHARED, never PRIVATE", async () => {
    server.clock.advance(2 * T);
    assert.equal((await b.send(new DescribeImagesCommand({ Type: "SHARED" }))).Images!.length, 0);
    await a.send(
      new UpdateImagePermissionsCommand({
        Name: "shared-img",
        SharedAccountId: ACCOUNT_B,
        ImagePermissions: { allowFleet: true, allowImageBuilder: false },
      }),
    );

    const shared = (await b.send(new DescribeImagesCommand({ Type: "SHARED" }))).Images!;
    assert.deepEqual(
      shared.map((i) => i.Name),
      ["shared-img"],
    );
    assert.equal(shared[0].Visibility, "SHARED");
    assert.deepEqual(shared[0].ImagePermissions, { allowFleet: true, allowImageBuilder: false });
    assert.equal(shared[0].Arn, SHARED_ARN);

    const everything: { Name?: string; Visibility?: string }[] = [];
    let token: string | undefined;
    do {
      const page = await b.send(new DescribeImagesCommand({ NextToken: token }));
      everything.push(...page.Images!);
      token = page.NextToken;
    } while (token);
    const mine = everything.filter((i) => i.Name === "shared-img");
    assert.equal(mine.length, 1);
    assert.equal(mine[0].Visibility, "SHARED");
    assert.equal((await b.send(new DescribeImagesCommand({ Type: "PRIVATE" }))).Images!.length, 0);
    assert.equal((await b.send(new DescribeImagesCommand({ Arns: [SHARED_ARN] }))).Images![0].Visibility, "SHARED");

    const owner = (await a.send(new DescribeImagesCommand({ Names: ["shared-img"] }))).Images![0];
    assert.equal(owner.Visibility, "PRIVATE");
    assert.equal(owner.ImageSharedWithOthers, "TRUE");
  });

  it("gates fleets on allowFleet and builders on allowImageBuilder", async () => {
    await sharedWithB({ allowFleet: true, allowImageBuilder: false });
    const { Fleet } = await b.send(
      new CreateFleetCommand({
        Name: "b-fleet",
        ImageArn: SHARED_ARN,
        InstanceType: "stream.standard.small",
        ComputeCapacity: { DesiredInstances: 1 },
      }),
    );
    assert.equal(Fleet!.ImageArn, SHARED_ARN);
    const builder = await rejection(() =>
      b.send(new CreateImageBuilderCommand({ Name: "b-ib", ImageArn: SHARED_ARN, InstanceType: "stream.standard.small" })),
    );
    assert.equal(builder.name, "OperationNotPermittedException");
    await a.send(
      new UpdateImagePermissionsCommand({
        Name: "shared-img",
        SharedAccountId: ACCOUNT_B,
        ImagePermissions: { allowFleet: false, allowImageBuilder: true },
      }),
    );
    // Without fleet permission, the recipient's fleets that run the image drop to a desired capacity of 0.
    assert.equal((await b.send(new DescribeFleetsCommand({ Names: ["b-fleet"] }))).Fleets![0].ComputeCapacityStatus!.Desired, 0);
    const { ImageBuilder } = await b.send(
      new CreateImageBuilderCommand({ Name: "b-ib", ImageArn: SHARED_ARN, InstanceType: "stream.standard.small" }),
    );
    assert.equal(ImageBuilder!.ImageArn, SHARED_ARN);
    const fleet = await rejection(() =>
      b.send(
        new CreateFleetCommand({
          Name: "b-fleet-2",
          ImageArn: SHARED_ARN,
          InstanceType: "stream.standard.small",
          ComputeCapacity: { DesiredInstances: 1 },
        }),
      ),
    );
    assert.equal(fleet.name, "OperationNotPermittedException");
  });

  it("keeps the recipient from deleting or re-sharing, and the owner from deleting while shared", async () => {
    await sharedWithB({ allowFleet: false, allowImageBuilder: true });
    assert.equal((await rejection(() => b.send(new DeleteImageCommand({ Name: "shared-img" })))).name, "OperationNotPermittedException");
    const reshare = await rejection(() =>
      b.send(
        new UpdateImagePermissionsCommand({ Name: "shared-img", SharedAccountId: "333333333333", ImagePermissions: { allowFleet: true } }),
      ),
    );
    assert.equal(reshare.name, "ResourceNotFoundException");
    assert.equal((await rejection(() => a.send(new DeleteImageCommand({ Name: "shared-img" })))).name, "ResourceInUseException");
  });

  it("describes permissions with filters and pages", async () => {
    await sharedWithB({ allowFleet: false, allowImageBuilder: true });
    for (const acct of ["333333333333", "444444444444", "555555555555"]) {
      await a.send(
        new UpdateImagePermissionsCommand({
          Name: "shared-img",
          SharedAccountId: acct,
          ImagePermissions: { allowFleet: true, allowImageBuilder: true },
        }),
      );
    }
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await a.send(new DescribeImagePermissionsCommand({ Name: "shared-img", MaxResults: 2, NextToken: token }));
      assert.equal(page.Name, "shared-img");
      assert.ok(page.SharedImagePermissionsList!.length <= 2);
      seen.push(...page.SharedImagePermissionsList!.map((p) => p.sharedAccountId!));
      token = page.NextToken;
    } while (token);
    assert.deepEqual(seen, [ACCOUNT_B, "333333333333", "444444444444", "555555555555"]);
    const filtered = await a.send(new DescribeImagePermissionsCommand({ Name: "shared-img", SharedAwsAccountIds: ["444444444444"] }));
    assert.deepEqual(filtered.SharedImagePermissionsList, [
      { sharedAccountId: "444444444444", imagePermissions: { allowFleet: true, allowImageBuilder: true } },
    ]);
    assert.equal(
      (await rejection(() => b.send(new DescribeImagePermissionsCommand({ Name: "shared-img" })))).name,
      "ResourceNotFoundException",
    );
  });

  it("revokes with DeleteImagePermissions", async () => {
    await sharedWithB({ allowFleet: false, allowImageBuilder: true });
    await a.send(new DeleteImagePermissionsCommand({ Name: "shared-img", SharedAccountId: ACCOUNT_B }));
    assert.equal((await b.send(new DescribeImagesCommand({ Type: "SHARED" }))).Images!.length, 0);
    assert.equal((await rejection(() => b.send(new DescribeImagesCommand({ Arns: [SHARED_ARN] })))).name, "ResourceNotFoundException");
    const again = await rejection(() => a.send(new DeleteImagePermissionsCommand({ Name: "shared-img", SharedAccountId: ACCOUNT_B })));
    assert.equal(again.name, "ResourceNotFoundException");
    const fleet = await rejection(() =>
      b.send(
        new CreateFleetCommand({
          Name: "b-fleet-3",
          ImageArn: SHARED_ARN,
          InstanceType: "stream.standard.small",
          ComputeCapacity: { DesiredInstances: 1 },
        }),
      ),
    );
    assert.equal(fleet.name, "ResourceNotFoundException");
  });
});
