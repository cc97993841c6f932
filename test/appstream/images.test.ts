// Images: the public catalog, private images from a builder (admin route), copy, update, delete.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CopyImageCommand,
  CreateFleetCommand,
  CreateImageBuilderCommand,
  CreateUpdatedImageCommand,
  DeleteFleetCommand,
  DeleteImageBuilderCommand,
  DeleteImageCommand,
  DescribeImageBuildersCommand,
  DescribeImagesCommand,
  paginateDescribeImages,
  type AppStreamClient,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, admin, appstreamClient, createImageFromBuilder, rejection, T, useServer } from "../support/server";

const BASE = "AppStream-WinServer2022-11-10-2025";

describe("AppStream images", () => {
  const fx = useServer();
  let server: Imagelite;
  let client: AppStreamClient;
  before(() => {
    server = fx.server;
    client = fx.appstream();
  });

  /** What the Image Assistant test makes: builder "ib" (then STOPPED) and the private image golden-1, AVAILABLE. */
  async function golden1(): Promise<void> {
    await client.send(new CreateImageBuilderCommand({ Name: "ib", ImageName: BASE, InstanceType: "stream.standard.medium" }));
    server.clock.advance(T);
    assert.equal(
      (await createImageFromBuilder(server, "ib", "golden-1", ACCOUNT_A, "us-east-1", { DisplayName: "Golden", Description: "v1" })).status,
      200,
    );
    server.clock.advance(2 * T);
  }

  it("serves the public catalog in every region", async () => {
    for (const region of ["us-east-1", "eu-central-1", "ap-northeast-1"]) {
      const c = appstreamClient(server, ACCOUNT_A, region);
      const names: string[] = [];
      for await (const page of paginateDescribeImages({ client: c, pageSize: 4 }, { Type: "PUBLIC" })) {
        assert.ok(page.Images!.length <= 4);
        for (const i of page.Images!) {
          names.push(i.Name!);
          assert.equal(i.Visibility, "PUBLIC");
          assert.equal(i.State, "AVAILABLE");
          assert.equal(i.Arn, `arn:aws:appstream:${region}::image/${i.Name}`);
          assert.ok(i.PublicBaseImageReleasedDate instanceof Date);
        }
      }
      for (const expected of [
        "AppStream-WinServer2016-11-10-2025",
        "AppStream-WinServer2019-11-10-2025",
        BASE,
        "AppStream-AmazonLinux2-02-11-2025",
      ]) {
        assert.ok(names.includes(expected), `${expected} in ${region}`);
      }
      assert.equal(new Set(names).size, names.length);
      c.destroy();
    }
  });

  it("creates a private image from a running builder (Image Assistant)", async () => {
    await client.send(new CreateImageBuilderCommand({ Name: "ib", ImageName: BASE, InstanceType: "stream.standard.medium" }));
    const early = await createImageFromBuilder(server, "ib", "golden-1");
    assert.equal(early.status, 400);
    assert.equal(early.body.code, "OperationNotPermittedException", "the builder is still PENDING");
    server.clock.advance(T);
    const made = await createImageFromBuilder(server, "ib", "golden-1", ACCOUNT_A, "us-east-1", {
      DisplayName: "Golden",
      Description: "v1",
    });
    assert.equal(made.status, 200);
    assert.equal(made.body.Image.State, "PENDING");
    assert.equal(made.body.Image.Visibility, "PRIVATE");
    const builder = (await client.send(new DescribeImageBuildersCommand({ Names: ["ib"] }))).ImageBuilders![0];
    assert.equal(builder.State, "SNAPSHOTTING");
    server.clock.advance(2 * T);
    const [image] = (await client.send(new DescribeImagesCommand({ Names: ["golden-1"] }))).Images!;
    assert.equal(image.State, "AVAILABLE");
    assert.equal(image.Visibility, "PRIVATE");
    assert.equal(image.BaseImageArn, `arn:aws:appstream:us-east-1::image/${BASE}`);
    assert.equal(image.ImageBuilderName, "ib");
    assert.equal(image.Platform, "WINDOWS_SERVER_2022");
    assert.equal(image.DisplayName, "Golden");
    assert.equal(image.Arn, `arn:aws:appstream:us-east-1:${ACCOUNT_A}:image/golden-1`);
    assert.equal((await client.send(new DescribeImageBuildersCommand({ Names: ["ib"] }))).ImageBuilders![0].State, "STOPPED");
    const priv = await client.send(new DescribeImagesCommand({ Type: "PRIVATE" }));
    assert.deepEqual(
      priv.Images!.map((i) => i.Name),
      ["golden-1"],
    );
  });

  it("answers admin errors as JSON with a code and a message", async () => {
    const cases: [string, unknown, number, string][] = [
      ["/_imagelite/appstream/image-builders/ib/create-image", "{not json", 400, "InvalidJson"],
      ["/_imagelite/appstream/image-builders/ib/create-image", { ImageName: "" }, 400, "ValidationException"],
      ["/_imagelite/appstream/image-builders/none/create-image", { ImageName: "x1" }, 400, "ResourceNotFoundException"],
      ["/_imagelite/appstream/image-builders/ib/create-image?accountId=12", { ImageName: "x1" }, 400, "InvalidAccountId"],
      ["/_imagelite/nothing-here", {}, 404, "UnknownRoute"],
    ];
    for (const [path, body, status, code] of cases) {
      const r = await admin(server, "POST", path, body);
      assert.equal(r.status, status, path);
      assert.equal(r.body.code, code, path);
      assert.equal(typeof r.body.message, "string");
    }
    const health = await admin(server, "GET", "/_imagelite/health");
    assert.equal(health.status, 200);
    assert.deepEqual(health.body.services.includes("appstream"), true);
  });

  it("describes by name and ARN, and refuses what does not exist", async () => {
    await golden1();
    const byArn = await client.send(
      new DescribeImagesCommand({
        Arns: [`arn:aws:appstream:us-east-1:${ACCOUNT_A}:image/golden-1`, `arn:aws:appstream:us-east-1::image/${BASE}`],
      }),
    );
    assert.deepEqual(
      byArn.Images!.map((i) => i.Name),
      ["golden-1", BASE],
    );
    const missing = await rejection(() => client.send(new DescribeImagesCommand({ Names: ["nope"] })));
    assert.equal(missing.name, "ResourceNotFoundException");
    const both = await rejection(() =>
      client.send(new DescribeImagesCommand({ Names: ["golden-1"], Arns: [`arn:aws:appstream:us-east-1::image/${BASE}`] })),
    );
    assert.equal(both.name, "InvalidParameterCombinationException");
  });

  it("pages the merged catalog and private images without repeats or gaps", async () => {
    await golden1();
    const all: string[] = [];
    let token: string | undefined;
    let first = true;
    do {
      const page = await client.send(new DescribeImagesCommand({ MaxResults: 5, NextToken: token }));
      all.push(...page.Images!.map((i) => i.Name!));
      token = page.NextToken;
      if (first) {
        // An image inserted between pages neither shifts nor repeats what follows.
        await client.send(
          new CopyImageCommand({ SourceImageName: "golden-1", DestinationImageName: "zz-copy", DestinationRegion: "us-east-1" }),
        );
        first = false;
      }
    } while (token);
    assert.equal(new Set(all).size, all.length);
    assert.ok(all.includes("golden-1") && all.includes(BASE));
    assert.deepEqual([...all].sort(), all, "name order");
  });

  it("copies within and across regions, without tags", async () => {
    await golden1();
    const copy = await client.send(
      new CopyImageCommand({
        SourceImageName: "golden-1",
        DestinationImageName: "golden-eu",
        DestinationRegion: "eu-west-1",
        DestinationImageDescription: "copy",
      }),
    );
    assert.equal(copy.DestinationImageName, "golden-eu");
    const eu = appstreamClient(server, ACCOUNT_A, "eu-west-1");
    const [img] = (await eu.send(new DescribeImagesCommand({ Names: ["golden-eu"] }))).Images!;
    assert.equal(img.State, "COPYING");
    assert.equal(img.Arn, `arn:aws:appstream:eu-west-1:${ACCOUNT_A}:image/golden-eu`);
    assert.equal(img.ImageBuilderName, undefined);
    server.clock.advance(2 * T);
    assert.equal((await eu.send(new DescribeImagesCommand({ Names: ["golden-eu"] }))).Images![0].State, "AVAILABLE");
    eu.destroy();
    const dup = await rejection(() =>
      client.send(new CopyImageCommand({ SourceImageName: "golden-1", DestinationImageName: "golden-1", DestinationRegion: "us-east-1" })),
    );
    assert.equal(dup.name, "ResourceAlreadyExistsException");
    const nosrc = await rejection(() =>
      client.send(new CopyImageCommand({ SourceImageName: "nope", DestinationImageName: "n2", DestinationRegion: "us-east-1" })),
    );
    assert.equal(nosrc.name, "ResourceNotFoundException");
    const pub = await rejection(() =>
      client.send(new CopyImageCommand({ SourceImageName: BASE, DestinationImageName: "n3", DestinationRegion: "us-east-1" })),
    );
    assert.equal(pub.name, "IncompatibleImageException");
  });

  it("creates an updated image, with a dry run first", async () => {
    await golden1();
    const dry = await client.send(new CreateUpdatedImageCommand({ existingImageName: "golden-1", newImageName: "golden-2", dryRun: true }));
    assert.equal(dry.canUpdateImage, true);
    assert.equal(
      (await rejection(() => client.send(new DescribeImagesCommand({ Names: ["golden-2"] })))).name,
      "ResourceNotFoundException",
    );
    const made = await client.send(
      new CreateUpdatedImageCommand({
        existingImageName: "golden-1",
        newImageName: "golden-2",
        newImageDisplayName: "Golden 2",
        newImageTags: { v: "2" },
      }),
    );
    assert.equal(made.image!.Name, "golden-2");
    assert.equal(made.image!.State, "CREATING");
    assert.equal(made.image!.DisplayName, "Golden 2");
    server.clock.advance(2 * T);
    assert.equal((await client.send(new DescribeImagesCommand({ Names: ["golden-2"] }))).Images![0].State, "AVAILABLE");
    const reserved = await rejection(() =>
      client.send(new CreateUpdatedImageCommand({ existingImageName: "golden-1", newImageName: "AppStream-mine" })),
    );
    assert.equal(reserved.name, "InvalidParameterCombinationException");
    const notOwned = await rejection(() => client.send(new CreateUpdatedImageCommand({ existingImageName: BASE, newImageName: "mine-3" })));
    assert.equal(notOwned.name, "OperationNotPermittedException");
  });

  it("refuses to delete images in use, public images and unknown ones, then deletes", async () => {
    await golden1();
    await client.send(new CreateUpdatedImageCommand({ existingImageName: "golden-1", newImageName: "golden-2" }));
    server.clock.advance(2 * T);
    await client.send(
      new CreateFleetCommand({
        Name: "uses-golden",
        ImageName: "golden-2",
        InstanceType: "stream.standard.small",
        ComputeCapacity: { DesiredInstances: 1 },
      }),
    );
    const used = await rejection(() => client.send(new DeleteImageCommand({ Name: "golden-2" })));
    assert.equal(used.name, "ResourceInUseException");
    await client.send(new DeleteFleetCommand({ Name: "uses-golden" }));

    await client.send(new CreateImageBuilderCommand({ Name: "ib-2", ImageName: "golden-2", InstanceType: "stream.standard.small" }));
    const usedByBuilder = await rejection(() => client.send(new DeleteImageCommand({ Name: "golden-2" })));
    assert.equal(usedByBuilder.name, "ResourceInUseException");
    server.clock.advance(T);
    await client.send(new DeleteImageBuilderCommand({ Name: "ib-2" }));

    const { Image } = await client.send(new DeleteImageCommand({ Name: "golden-2" }));
    assert.equal(Image!.State, "DELETING");
    assert.equal(
      (await rejection(() => client.send(new DescribeImagesCommand({ Names: ["golden-2"] })))).name,
      "ResourceNotFoundException",
    );
    assert.equal((await rejection(() => client.send(new DeleteImageCommand({ Name: BASE })))).name, "OperationNotPermittedException");
    assert.equal((await rejection(() => client.send(new DeleteImageCommand({ Name: "golden-2" })))).name, "ResourceNotFoundException");
  });
});
