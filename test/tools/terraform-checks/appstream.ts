// Terraform's AppStream 2.0 configuration (fixtures/terraform/appstream): every aws_appstream_* resource of the
// provider and the image data source, applied, planned again with no changes expected, and
// destroyed; between the steps the AWS SDK reads what imagelite holds.
import assert from "node:assert/strict";
import {
  DescribeDirectoryConfigsCommand,
  DescribeFleetsCommand,
  DescribeImageBuildersCommand,
  DescribeStacksCommand,
  DescribeUsersCommand,
  DescribeUserStackAssociationsCommand,
  ListAssociatedStacksCommand,
  type AppStreamClient,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../../src/index";
import { appstreamClient } from "../../support/server";
import type { ConfigurationCheck } from "../terraform";

async function withAppStream<T>(server: Imagelite, fn: (c: AppStreamClient) => Promise<T>): Promise<T> {
  const c = appstreamClient(server);
  try {
    return await fn(c);
  } finally {
    c.destroy();
  }
}

/** The error name a read fails with, or "found". */
async function outcome(read: () => Promise<unknown>): Promise<string> {
  try {
    await read();
    return "found";
  } catch (e) {
    return (e as Error).name;
  }
}

export const appstreamChecks: Record<string, ConfigurationCheck> = {
  appstream: {
    async applied({ server, attributes }) {
      const image = attributes("data.aws_appstream_image.base");
      assert.match(String(image.name), /^AppStream-WinServer2019-/);
      await withAppStream(server, async (c) => {
        const [fleet] = (await c.send(new DescribeFleetsCommand({ Names: ["tf-fleet"] }))).Fleets!;
        assert.equal(fleet.State, "RUNNING");
        assert.equal(fleet.ImageName, image.name);
        assert.equal(fleet.DomainJoinInfo!.DirectoryName, "corp.example.com");
        const [builder] = (await c.send(new DescribeImageBuildersCommand({ Names: ["tf-builder"] }))).ImageBuilders!;
        assert.equal(builder.State, "RUNNING");
        assert.equal(builder.ImageArn, image.arn);
        const [stack] = (await c.send(new DescribeStacksCommand({ Names: ["tf-stack"] }))).Stacks!;
        assert.equal(stack.DisplayName, "TF stack");
        assert.deepEqual((await c.send(new ListAssociatedStacksCommand({ FleetName: "tf-fleet" }))).Names, ["tf-stack"]);
        const users = (await c.send(new DescribeUsersCommand({ AuthenticationType: "USERPOOL" }))).Users!;
        assert.deepEqual(
          users.map((u) => [u.UserName, u.FirstName, u.LastName, u.Enabled]),
          [["jane.doe@example.com", "Jane", "Doe", true]],
        );
        const { UserStackAssociations } = await c.send(new DescribeUserStackAssociationsCommand({ StackName: "tf-stack" }));
        assert.deepEqual(
          UserStackAssociations!.map((a) => a.UserName),
          ["jane.doe@example.com"],
        );
        const [dir] = (await c.send(new DescribeDirectoryConfigsCommand({ DirectoryNames: ["corp.example.com"] }))).DirectoryConfigs!;
        assert.equal(dir.ServiceAccountCredentials?.AccountName, "CORP\\appstream");
        // In the default VPC's subnets, with its default group: nothing kept the instances from launching.
        assert.deepEqual(fleet.FleetErrors, []);
        assert.equal(fleet.VpcConfig!.SubnetIds!.length, 2);
        assert.deepEqual(fleet.VpcConfig!.SecurityGroupIds, [attributes("data.aws_security_group.default").id]);
      });
    },
    async destroyed({ server }) {
      await withAppStream(server, async (c) => {
        assert.deepEqual((await c.send(new DescribeFleetsCommand({}))).Fleets, []);
        assert.deepEqual((await c.send(new DescribeImageBuildersCommand({}))).ImageBuilders, []);
        assert.deepEqual((await c.send(new DescribeStacksCommand({}))).Stacks, []);
        assert.deepEqual((await c.send(new DescribeUsersCommand({ AuthenticationType: "USERPOOL" }))).Users, []);
        assert.equal(
          await outcome(() => c.send(new DescribeDirectoryConfigsCommand({ DirectoryNames: ["corp.example.com"] }))),
          "ResourceNotFoundException",
        );
      });
    },
  },
  // A retired public image: CreateFleet answers ResourceNotAvailableException, which the provider does not retry,
  // so the apply fails at once rather than after the 15 minutes it retries ResourceNotFoundException for.
  "appstream-retired-image": {
    failsWith: /ResourceNotAvailableException[\s\S]*Amazon-AppStream2-Sample-Image-02-04-2019 is DEPRECATED/,
    async applied({ server, resources }) {
      assert.deepEqual([...resources.keys()], []);
      await withAppStream(server, async (c) => {
        assert.equal(
          await outcome(() => c.send(new DescribeFleetsCommand({ Names: ["tf-retired-image-fleet"] }))),
          "ResourceNotFoundException",
        );
      });
    },
    async destroyed({ server }) {
      await withAppStream(server, async (c) => {
        assert.equal(
          await outcome(() => c.send(new DescribeFleetsCommand({ Names: ["tf-retired-image-fleet"] }))),
          "ResourceNotFoundException",
        );
      });
    },
  },
};
