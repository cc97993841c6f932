// Image builder lifecycle through @aws-sdk/client-appstream, driven by the manual test clock.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateDirectoryConfigCommand,
  CreateImageBuilderCommand,
  DeleteImageBuilderCommand,
  DescribeImageBuildersCommand,
  ListTagsForResourceCommand,
  StartImageBuilderCommand,
  StopImageBuilderCommand,
  type AppStreamClient,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, rejection, T, useServer } from "../support/server";
import { defaultNetwork } from "./network";

const PUBLIC_WIN = "AppStream-WinServer2022-11-10-2025";

describe("AppStream image builders", () => {
  const fx = useServer();
  let server: Imagelite;
  let client: AppStreamClient;
  before(() => {
    server = fx.server;
    client = fx.appstream();
  });

  const state = async (name: string) => (await client.send(new DescribeImageBuildersCommand({ Names: [name] }))).ImageBuilders![0].State;
  /** builder-1, booted: RUNNING. */
  async function runningBuilder(): Promise<void> {
    await client.send(new CreateImageBuilderCommand({ Name: "builder-1", ImageName: PUBLIC_WIN, InstanceType: "stream.standard.small" }));
    server.clock.advance(T);
  }

  it("is created PENDING with every kept attribute, then RUNNING", async () => {
    const net = await defaultNetwork(fx.ec2());
    // A DomainJoinInfo names a directory config and one of its OUs.
    await client.send(
      new CreateDirectoryConfigCommand({
        DirectoryName: "corp.example.com",
        OrganizationalUnitDistinguishedNames: ["OU=a,DC=corp"],
        ServiceAccountCredentials: { AccountName: "CORP\\svc", AccountPassword: "secret" },
      }),
    );
    const created = await client.send(
      new CreateImageBuilderCommand({
        Name: "builder-1",
        ImageName: PUBLIC_WIN,
        InstanceType: "stream.standard.medium",
        DisplayName: "Builder one",
        Description: "golden image work",
        EnableDefaultInternetAccess: true,
        VpcConfig: { SubnetIds: [net.subnets[0]], SecurityGroupIds: [net.group] },
        DomainJoinInfo: { DirectoryName: "corp.example.com", OrganizationalUnitDistinguishedName: "OU=a,DC=corp" },
        AppstreamAgentVersion: "LATEST",
        Tags: { team: "images" },
      }),
    );
    const b = created.ImageBuilder!;
    assert.equal(b.State, "PENDING");
    assert.equal(b.Platform, "WINDOWS_SERVER_2022", "platform comes from the source image");
    assert.equal(b.ImageArn, `arn:aws:appstream:us-east-1::image/${PUBLIC_WIN}`);
    assert.equal(b.Arn, `arn:aws:appstream:us-east-1:${ACCOUNT_A}:image-builder/builder-1`);
    assert.equal(b.DisplayName, "Builder one");
    assert.equal(b.Description, "golden image work");
    assert.equal(b.EnableDefaultInternetAccess, true);
    assert.deepEqual(b.VpcConfig, { SubnetIds: [net.subnets[0]], SecurityGroupIds: [net.group] });
    assert.equal(b.DomainJoinInfo?.DirectoryName, "corp.example.com");
    assert.ok(b.AppstreamAgentVersion);
    assert.ok(b.CreatedTime instanceof Date);
    const tags = await client.send(new ListTagsForResourceCommand({ ResourceArn: b.Arn }));
    assert.deepEqual(tags.Tags, { team: "images" });

    server.clock.advance(T - 1);
    assert.equal(await state("builder-1"), "PENDING");
    server.clock.advance(1);
    assert.equal(await state("builder-1"), "RUNNING");
  });

  it("fails when its subnet or security group is none of the account's: FAILED with ImageBuilderErrors", async () => {
    const net = await defaultNetwork(fx.ec2());
    const launch = (Name: string, VpcConfig: { SubnetIds?: string[]; SecurityGroupIds?: string[] }) =>
      client.send(new CreateImageBuilderCommand({ Name, ImageName: PUBLIC_WIN, InstanceType: "stream.standard.small", VpcConfig }));
    assert.equal((await launch("no-subnet", { SubnetIds: ["subnet-doesnotexist"] })).ImageBuilder!.State, "PENDING");
    await launch("no-group", { SubnetIds: [net.subnets[0]], SecurityGroupIds: ["sg-doesnotexist"] });
    await launch("fine", { SubnetIds: [net.subnets[1]], SecurityGroupIds: [net.group] });
    server.clock.advance(T);
    const [noGroup, noSubnet, fine] = (await client.send(new DescribeImageBuildersCommand({ Names: ["no-group", "no-subnet", "fine"] })))
      .ImageBuilders!;
    assert.deepEqual([noSubnet.State, noSubnet.ImageBuilderErrors!.map((e) => e.ErrorCode)], ["FAILED", ["SUBNET_NOT_FOUND"]]);
    assert.match(noSubnet.ImageBuilderErrors![0].ErrorMessage!, /subnet-doesnotexist/);
    assert.ok(noSubnet.ImageBuilderErrors![0].ErrorTimestamp instanceof Date);
    assert.equal(noSubnet.StateChangeReason?.Code, "INTERNAL_ERROR");
    assert.deepEqual([noGroup.State, noGroup.ImageBuilderErrors!.map((e) => e.ErrorCode)], ["FAILED", ["SECURITY_GROUPS_NOT_FOUND"]]);
    assert.deepEqual([fine.State, fine.ImageBuilderErrors], ["RUNNING", undefined]);
    // A failed builder cannot be started again; it can be deleted.
    assert.equal(
      (await rejection(() => client.send(new StartImageBuilderCommand({ Name: "no-subnet" })))).name,
      "ResourceNotAvailableException",
    );
    assert.equal((await client.send(new DeleteImageBuilderCommand({ Name: "no-subnet" }))).ImageBuilder!.State, "DELETING");
  });

  it("stops, starts and refuses actions in the wrong state", async () => {
    await runningBuilder();
    const startWhileRunning = await rejection(() => client.send(new StartImageBuilderCommand({ Name: "builder-1" })));
    assert.equal(startWhileRunning.name, "ConcurrentModificationException");

    const stopped = await client.send(new StopImageBuilderCommand({ Name: "builder-1" }));
    assert.equal(stopped.ImageBuilder!.State, "STOPPING");
    const stopWhileStopping = await rejection(() => client.send(new StopImageBuilderCommand({ Name: "builder-1" })));
    assert.equal(stopWhileStopping.name, "ConcurrentModificationException");
    const deleteWhileStopping = await rejection(() => client.send(new DeleteImageBuilderCommand({ Name: "builder-1" })));
    assert.equal(deleteWhileStopping.name, "OperationNotPermittedException");
    server.clock.advance(T);
    assert.equal(await state("builder-1"), "STOPPED");

    const stopWhileStopped = await rejection(() => client.send(new StopImageBuilderCommand({ Name: "builder-1" })));
    assert.equal(stopWhileStopped.name, "OperationNotPermittedException");
    assert.equal(stopWhileStopped.$metadata?.httpStatusCode, 400);

    const started = await client.send(new StartImageBuilderCommand({ Name: "builder-1" }));
    assert.equal(started.ImageBuilder!.State, "PENDING");
    server.clock.advance(T);
    assert.equal(await state("builder-1"), "RUNNING");
  });

  it("is deleted through DELETING, then gone, and its name can be reused", async () => {
    await runningBuilder();
    const deleted = await client.send(new DeleteImageBuilderCommand({ Name: "builder-1" }));
    assert.equal(deleted.ImageBuilder!.State, "DELETING");
    assert.equal(await state("builder-1"), "DELETING");
    server.clock.advance(T);
    const gone = await rejection(() => client.send(new DescribeImageBuildersCommand({ Names: ["builder-1"] })));
    assert.equal(gone.name, "ResourceNotFoundException");
    const again = await client.send(
      new CreateImageBuilderCommand({ Name: "builder-1", ImageName: PUBLIC_WIN, InstanceType: "stream.standard.small" }),
    );
    assert.equal(again.ImageBuilder!.State, "PENDING");
  });

  it("refuses duplicates, unknown images, two subnets and unknown builders", async () => {
    await runningBuilder();
    const dup = await rejection(() =>
      client.send(new CreateImageBuilderCommand({ Name: "builder-1", ImageName: PUBLIC_WIN, InstanceType: "stream.standard.small" })),
    );
    assert.equal(dup.name, "ResourceAlreadyExistsException");
    const noImage = await rejection(() =>
      client.send(new CreateImageBuilderCommand({ Name: "b2", ImageName: "no-such-image", InstanceType: "stream.standard.small" })),
    );
    assert.equal(noImage.name, "ResourceNotFoundException");
    assert.match(noImage.message, /no-such-image/);
    const neither = await rejection(() =>
      client.send(new CreateImageBuilderCommand({ Name: "b2", InstanceType: "stream.standard.small" })),
    );
    assert.equal(neither.name, "InvalidParameterCombinationException");
    const twoSubnets = await rejection(() =>
      client.send(
        new CreateImageBuilderCommand({
          Name: "b2",
          ImageName: PUBLIC_WIN,
          InstanceType: "stream.standard.small",
          VpcConfig: { SubnetIds: ["subnet-1", "subnet-2"] },
        }),
      ),
    );
    assert.equal(twoSubnets.name, "InvalidParameterCombinationException");
    for (const cmd of [
      new StartImageBuilderCommand({ Name: "nope" }),
      new StopImageBuilderCommand({ Name: "nope" }),
      new DeleteImageBuilderCommand({ Name: "nope" }),
    ]) {
      const e = await rejection(() => client.send(cmd as never));
      assert.equal(e.name, "ResourceNotFoundException");
    }
  });

  it("pages DescribeImageBuilders without repeating or skipping", async () => {
    for (let i = 0; i < 7; i++) {
      await client.send(new CreateImageBuilderCommand({ Name: `page-${i}`, ImageName: PUBLIC_WIN, InstanceType: "stream.standard.small" }));
    }
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new DescribeImageBuildersCommand({ MaxResults: 3, NextToken: token }));
      assert.ok(page.ImageBuilders!.length <= 3);
      seen.push(...page.ImageBuilders!.map((b) => b.Name!));
      token = page.NextToken;
      if (pages++ === 0) {
        await client.send(
          new CreateImageBuilderCommand({ Name: "aaa-inserted-before", ImageName: PUBLIC_WIN, InstanceType: "stream.standard.small" }),
        );
      }
    } while (token);
    assert.equal(new Set(seen).size, seen.length, "no builder appears twice");
    for (let i = 0; i < 7; i++) assert.ok(seen.includes(`page-${i}`));
    const bad = await rejection(() => client.send(new DescribeImageBuildersCommand({ NextToken: "not-a-token" })));
    assert.equal(bad.name, "ValidationException");
  });
});

describe("AppStream with --transition-seconds 0", () => {
  const fx = useServer({ transitionSeconds: 0 });

  it("answers each call with the state it starts, and completes the transition by the next read", async () => {
    const client = fx.appstream();
    const created = await client.send(
      new CreateImageBuilderCommand({ Name: "fast", ImageName: PUBLIC_WIN, InstanceType: "stream.standard.small" }),
    );
    assert.equal(created.ImageBuilder!.State, "PENDING");
    assert.equal((await client.send(new DescribeImageBuildersCommand({ Names: ["fast"] }))).ImageBuilders![0].State, "RUNNING");
    assert.equal((await client.send(new StopImageBuilderCommand({ Name: "fast" }))).ImageBuilder!.State, "STOPPING");
    assert.equal((await client.send(new DescribeImageBuildersCommand({ Names: ["fast"] }))).ImageBuilders![0].State, "STOPPED");
    assert.equal((await client.send(new DeleteImageBuilderCommand({ Name: "fast" }))).ImageBuilder!.State, "DELETING");
    assert.equal(
      (await rejection(() => client.send(new DescribeImageBuildersCommand({ Names: ["fast"] })))).name,
      "ResourceNotFoundException",
    );
  });
});
