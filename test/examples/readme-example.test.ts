// The example of README.md ("Testing with imagelite from TypeScript"), kept runnable: if this file changes, change the README too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startImagelite } from "imagelite";
import { AppStreamClient, CreateImageBuilderCommand, DescribeImageBuildersCommand } from "@aws-sdk/client-appstream";
import { DescribeImagesCommand, EC2Client } from "@aws-sdk/client-ec2";

test("an image builder boots, and a throttled call is retried", async () => {
  const imagelite = await startImagelite({ clock: "manual" }); // in memory, on a free port
  const config = { endpoint: imagelite.endpoint, region: imagelite.region, credentials: imagelite.credentials("111111111111") };
  const appstream = new AppStreamClient(config);
  const ec2 = new EC2Client(config);
  try {
    const { ImageBuilder } = await appstream.send(
      new CreateImageBuilderCommand({
        Name: "golden",
        ImageName: "AppStream-WinServer2022-11-10-2025",
        InstanceType: "stream.standard.medium",
      }),
    );
    assert.equal(ImageBuilder?.State, "PENDING");
    imagelite.clock.advance(60); // no waiting: PENDING → RUNNING
    const { ImageBuilders } = await appstream.send(new DescribeImageBuildersCommand({ Names: ["golden"] }));
    assert.equal(ImageBuilders?.[0].State, "RUNNING");

    // The first DescribeImages is throttled; the SDK's retry strategy tries again and succeeds.
    imagelite.faults.add({ service: "ec2", operation: "DescribeImages", times: 1, error: { code: "RequestLimitExceeded", status: 503 } });
    const { Images } = await ec2.send(
      new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "platform", Values: ["windows"] }] }),
    );
    assert.ok(Images && Images.length > 0);
    assert.equal(imagelite.faults.list()[0].matched, 1);
  } finally {
    appstream.destroy();
    ec2.destroy();
    await imagelite.stop();
  }
});
