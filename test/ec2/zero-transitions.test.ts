// With --transition-seconds 0 every transition completes by the next read, while each changing call still
// answers with the state it starts (enabling, disabling, active, deleting).
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CancelImportTaskCommand,
  DescribeFastLaunchImagesCommand,
  DescribeImportImageTasksCommand,
  DisableFastLaunchCommand,
  EnableFastLaunchCommand,
  ImportImageCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import { useServer } from "../support/server";
import { registerAmi, WINDOWS } from "./helpers";

describe("EC2 with zero-second transitions", () => {
  let client: EC2Client;
  const fx = useServer({ transitionSeconds: 0 });
  before(() => {
    client = fx.ec2();
  });

  it("answers fast launch calls with the state they start", async () => {
    const ImageId = await registerAmi(client, "zero-win", WINDOWS);
    assert.equal((await client.send(new EnableFastLaunchCommand({ ImageId, MaxParallelLaunches: 6 }))).State, "enabling");
    assert.equal((await client.send(new DescribeFastLaunchImagesCommand({ ImageIds: [ImageId] }))).FastLaunchImages![0].State, "enabled");
    assert.equal((await client.send(new DisableFastLaunchCommand({ ImageId }))).State, "disabling");
    assert.deepEqual((await client.send(new DescribeFastLaunchImagesCommand({ ImageIds: [ImageId] }))).FastLaunchImages, []);
  });

  it("answers ImportImage with an active task that is complete by the next read", async () => {
    const task = await client.send(
      new ImportImageCommand({ DiskContainers: [{ Format: "vmdk", UserBucket: { S3Bucket: "b", S3Key: "disk.vmdk" } }] }),
    );
    assert.equal(task.Status, "active");
    const [described] = (await client.send(new DescribeImportImageTasksCommand({ ImportTaskIds: [task.ImportTaskId!] }))).ImportImageTasks!;
    assert.equal(described.Status, "completed");
    assert.match(described.ImageId!, /^ami-[0-9a-f]{17}$/);
    const late = await client.send(new CancelImportTaskCommand({ ImportTaskId: task.ImportTaskId })).catch((e: Error) => e);
    assert.equal((late as Error).name, "InvalidParameter", "a completed task can no longer be cancelled");
  });
});
