// TagResource / UntagResource / ListTagsForResource on images, builders and fleets (tagging-basic.html).
import { beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateFleetCommand,
  CreateImageBuilderCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type AppStreamClient,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, appstreamClient, createImageFromBuilder, rejection, T, useServer } from "../support/server";

describe("AppStream tags", () => {
  const fx = useServer();
  let server: Imagelite;
  let client: AppStreamClient;
  let arns: string[];
  /** A fleet, an image builder and an image, each without tags. */
  beforeEach(async () => {
    server = fx.server;
    client = fx.appstream();
    const { Fleet } = await client.send(
      new CreateFleetCommand({
        Name: "tf",
        ImageName: "AppStream-WinServer2022-11-10-2025",
        InstanceType: "stream.standard.small",
        ComputeCapacity: { DesiredInstances: 1 },
      }),
    );
    const { ImageBuilder } = await client.send(
      new CreateImageBuilderCommand({ Name: "tb", ImageName: "AppStream-WinServer2022-11-10-2025", InstanceType: "stream.standard.small" }),
    );
    server.clock.advance(T);
    const image = await createImageFromBuilder(server, "tb", "timg");
    arns = [Fleet!.Arn!, ImageBuilder!.Arn!, image.body.Image.Arn];
  });

  it("adds, overwrites, lists and removes tags on every resource type", async () => {
    for (const arn of arns) {
      await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { a: "1", b: "2" } }));
      await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { b: "3", c: "" } }));
      assert.deepEqual((await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags, { a: "1", b: "3", c: "" });
      await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ["a", "missing"] }));
      assert.deepEqual((await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags, { b: "3", c: "" });
    }
  });

  it("keeps at most 50 tags", async () => {
    await client.send(new TagResourceCommand({ ResourceArn: arns[0], Tags: { b: "3", c: "" } }));
    const tags = Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`k${i}`, "v"]));
    await client.send(new TagResourceCommand({ ResourceArn: arns[0], Tags: tags }));
    const e = await rejection(() => client.send(new TagResourceCommand({ ResourceArn: arns[0], Tags: { x: "1" } })));
    assert.equal(e.name, "LimitExceededException");
  });

  it("refuses unknown resources, other accounts' resources and reserved keys", async () => {
    const other = appstreamClient(server, ACCOUNT_B);
    for (const [c, arn] of [
      [client, `arn:aws:appstream:us-east-1:${ACCOUNT_A}:fleet/none`],
      [client, `arn:aws:appstream:us-east-1:${ACCOUNT_A}:stack/s`],
      [other, arns[0]],
    ] as const) {
      const e = await rejection(() => c.send(new ListTagsForResourceCommand({ ResourceArn: arn })));
      assert.equal(e.name, "ResourceNotFoundException", arn);
    }
    other.destroy();
    const reserved = await rejection(() => client.send(new TagResourceCommand({ ResourceArn: arns[0], Tags: { "aws:owner": "x" } })));
    assert.equal(reserved.name, "ValidationException");
    assert.match(
      reserved.message,
      /^1 validation error detected: Value 'aws:owner' at 'tags.aws:owner.key' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
  });
});
