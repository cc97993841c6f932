// App block builders through @aws-sdk/client-appstream (API reference: CreateAppBlockBuilder ...
// DescribeAppBlockBuilderAppBlockAssociations), on the manual clock: created STOPPED; started only with an app
// block (STARTING → RUNNING), stopped (STOPPING → STOPPED); one APPSTREAM2 app block per builder and one
// builder per app block; updates per state; deleted only when stopped and without an app block.
import { before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AssociateAppBlockBuilderAppBlockCommand,
  CreateAppBlockBuilderCommand,
  CreateAppBlockBuilderStreamingURLCommand,
  CreateAppBlockCommand,
  DeleteAppBlockBuilderCommand,
  DescribeAppBlockBuilderAppBlockAssociationsCommand,
  DescribeAppBlockBuildersCommand,
  DisassociateAppBlockBuilderAppBlockCommand,
  ListTagsForResourceCommand,
  StartAppBlockBuilderCommand,
  StopAppBlockBuilderCommand,
  UpdateAppBlockBuilderCommand,
  type AppStreamClient,
  type CreateAppBlockBuilderCommandInput,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { admin, rejection, T, TEST_START, useServer } from "../support/server";
import { defaultNetwork } from "./network";

/** The builder of most tests, in the default VPC's first two subnets and its default group (set before each test). */
let BUILDER: CreateAppBlockBuilderCommandInput;
const BASE: Omit<CreateAppBlockBuilderCommandInput, "VpcConfig"> = {
  Name: "packager",
  DisplayName: "Packager",
  Description: "packages apps",
  Platform: "WINDOWS_SERVER_2019",
  InstanceType: "stream.standard.medium",
  IamRoleArn: "arn:aws:iam::111111111111:role/packager",
  EnableDefaultInternetAccess: true,
  Tags: { team: "apps" },
};
const ARN = "arn:aws:appstream:us-east-1:111111111111:app-block-builder/packager";

describe("AppStream app block builders", () => {
  const fx = useServer();
  let server: Imagelite;
  let client: AppStreamClient;
  before(() => {
    server = fx.server;
    client = fx.appstream();
  });
  beforeEach(async () => {
    const network = await defaultNetwork(fx.ec2());
    BUILDER = { ...BASE, VpcConfig: { SubnetIds: network.subnets.slice(0, 2), SecurityGroupIds: [network.group] } };
  });

  const state = async (Name = "packager") =>
    (await client.send(new DescribeAppBlockBuildersCommand({ Names: [Name] }))).AppBlockBuilders![0].State;
  const failsWith = async (fn: () => Promise<unknown>) => (await rejection(fn)).name;
  const appBlock = async (Name = "notepad", PackagingType: "APPSTREAM2" | "CUSTOM" = "APPSTREAM2") =>
    (
      await client.send(
        new CreateAppBlockCommand({
          Name,
          PackagingType,
          SourceS3Location: { S3Bucket: "apps-bucket" },
          ...(PackagingType === "CUSTOM"
            ? {
                SourceS3Location: { S3Bucket: "apps-bucket", S3Key: "x.vhdx" },
                SetupScriptDetails: {
                  ScriptS3Location: { S3Bucket: "apps-bucket", S3Key: "setup.ps1" },
                  ExecutablePath: "setup.ps1",
                  TimeoutInSeconds: 30,
                },
              }
            : {}),
        }),
      )
    ).AppBlock!.Arn!;

  it("is created STOPPED with what it was given, and its tags", async () => {
    const { AppBlockBuilder } = await client.send(new CreateAppBlockBuilderCommand(BUILDER));
    const expected = {
      Name: "packager",
      Arn: ARN,
      DisplayName: "Packager",
      Description: "packages apps",
      Platform: "WINDOWS_SERVER_2019",
      InstanceType: "stream.standard.medium",
      VpcConfig: BUILDER.VpcConfig,
      IamRoleArn: BUILDER.IamRoleArn,
      EnableDefaultInternetAccess: true,
      State: "STOPPED",
      CreatedTime: new Date(TEST_START),
    };
    assert.deepEqual(AppBlockBuilder, expected);
    assert.deepEqual((await client.send(new DescribeAppBlockBuildersCommand({}))).AppBlockBuilders, [expected]);
    assert.deepEqual((await client.send(new ListTagsForResourceCommand({ ResourceArn: ARN }))).Tags, { team: "apps" });
    assert.equal(await failsWith(() => client.send(new CreateAppBlockBuilderCommand(BUILDER))), "ResourceAlreadyExistsException");
    const unknown = () => client.send(new DescribeAppBlockBuildersCommand({ Names: ["nope"] }));
    assert.equal(await failsWith(unknown), "ResourceNotFoundException");
  });

  it("refuses instance types and subnets app block builders do not take", async () => {
    const create = (over: Partial<CreateAppBlockBuilderCommandInput>) => () =>
      client.send(new CreateAppBlockBuilderCommand({ ...BUILDER, Name: "x", ...over }));
    assert.equal(await failsWith(create({ InstanceType: "stream.compute.large" })), "InvalidParameterCombinationException");
    assert.equal(await failsWith(create({ VpcConfig: { SubnetIds: ["subnet-a"] } })), "InvalidParameterCombinationException");
  });

  it("starts only with an app block and moves on the clock", async () => {
    await client.send(new CreateAppBlockBuilderCommand(BUILDER));
    assert.equal(
      await failsWith(() => client.send(new StartAppBlockBuilderCommand({ Name: "packager" }))),
      "OperationNotPermittedException",
    );
    const custom = await appBlock("custom", "CUSTOM");
    const associateCustom = () =>
      client.send(new AssociateAppBlockBuilderAppBlockCommand({ AppBlockBuilderName: "packager", AppBlockArn: custom }));
    assert.equal(await failsWith(associateCustom), "InvalidParameterCombinationException");
    const notepad = await appBlock();
    const { AppBlockBuilderAppBlockAssociation } = await client.send(
      new AssociateAppBlockBuilderAppBlockCommand({ AppBlockBuilderName: "packager", AppBlockArn: notepad }),
    );
    assert.deepEqual(AppBlockBuilderAppBlockAssociation, { AppBlockBuilderName: "packager", AppBlockArn: notepad });

    const started = await client.send(new StartAppBlockBuilderCommand({ Name: "packager" }));
    assert.equal(started.AppBlockBuilder!.State, "STARTING");
    assert.equal(
      await failsWith(() => client.send(new StartAppBlockBuilderCommand({ Name: "packager" }))),
      "ConcurrentModificationException",
    );
    assert.equal(
      await failsWith(() => client.send(new StopAppBlockBuilderCommand({ Name: "packager" }))),
      "ConcurrentModificationException",
    );
    const url = () => client.send(new CreateAppBlockBuilderStreamingURLCommand({ AppBlockBuilderName: "packager" }));
    assert.equal(await failsWith(url), "OperationNotPermittedException");
    server.clock.advance(T);
    assert.equal(await state(), "RUNNING");

    const { StreamingURL, Expires } = await url();
    assert.match(StreamingURL!, /^https:\/\/appstream2\.us-east-1\.aws\.amazon\.com\/authenticate\?parameters=/);
    assert.deepEqual(Expires, new Date(TEST_START + (T + 3600) * 1000));
    const tooLong = () => client.send(new CreateAppBlockBuilderStreamingURLCommand({ AppBlockBuilderName: "packager", Validity: 604801 }));
    assert.equal(await failsWith(tooLong), "InvalidParameterCombinationException");
    const missing = () => client.send(new CreateAppBlockBuilderStreamingURLCommand({ AppBlockBuilderName: "nope" }));
    assert.equal(await failsWith(missing), "ResourceNotFoundException");

    // While it runs: no deletion, no change of app block.
    assert.equal(
      await failsWith(() => client.send(new DeleteAppBlockBuilderCommand({ Name: "packager" }))),
      "OperationNotPermittedException",
    );
    const disassociate = () =>
      client.send(new DisassociateAppBlockBuilderAppBlockCommand({ AppBlockBuilderName: "packager", AppBlockArn: notepad }));
    assert.equal(await failsWith(disassociate), "OperationNotPermittedException");

    const stopped = await client.send(new StopAppBlockBuilderCommand({ Name: "packager" }));
    assert.equal(stopped.AppBlockBuilder!.State, "STOPPING");
    server.clock.advance(T);
    assert.equal(await state(), "STOPPED");
    assert.equal(
      await failsWith(() => client.send(new StopAppBlockBuilderCommand({ Name: "packager" }))),
      "OperationNotPermittedException",
    );

    // Deleted once stopped and without its app block.
    assert.equal(await failsWith(() => client.send(new DeleteAppBlockBuilderCommand({ Name: "packager" }))), "ResourceInUseException");
    await disassociate();
    assert.equal(await failsWith(disassociate), "InvalidParameterCombinationException");
    await client.send(new DeleteAppBlockBuilderCommand({ Name: "packager" }));
    assert.equal(await failsWith(() => client.send(new DeleteAppBlockBuilderCommand({ Name: "packager" }))), "ResourceNotFoundException");
  });

  it("pairs one builder with one app block, and lists the pairs", async () => {
    await client.send(new CreateAppBlockBuilderCommand(BUILDER));
    await client.send(new CreateAppBlockBuilderCommand({ ...BUILDER, Name: "second" }));
    const [one, two] = [await appBlock("one"), await appBlock("two")];
    const associate = (AppBlockBuilderName: string, AppBlockArn: string) =>
      client.send(new AssociateAppBlockBuilderAppBlockCommand({ AppBlockBuilderName, AppBlockArn }));
    await associate("packager", one);
    await associate("packager", one);
    assert.equal(await failsWith(() => associate("packager", two)), "LimitExceededException");
    assert.equal(await failsWith(() => associate("second", one)), "LimitExceededException");
    assert.equal(await failsWith(() => associate("nope", two)), "ResourceNotFoundException");
    assert.equal(await failsWith(() => associate("second", one.replace("/one", "/none"))), "ResourceNotFoundException");
    await associate("second", two);

    const list = async (input: { AppBlockArn?: string; AppBlockBuilderName?: string; MaxResults?: number; NextToken?: string }) =>
      await client.send(new DescribeAppBlockBuilderAppBlockAssociationsCommand(input));
    assert.deepEqual((await list({ AppBlockArn: two })).AppBlockBuilderAppBlockAssociations, [
      { AppBlockBuilderName: "second", AppBlockArn: two },
    ]);
    assert.deepEqual((await list({ AppBlockBuilderName: "packager" })).AppBlockBuilderAppBlockAssociations, [
      { AppBlockBuilderName: "packager", AppBlockArn: one },
    ]);
    assert.deepEqual((await list({ AppBlockBuilderName: "packager", AppBlockArn: two })).AppBlockBuilderAppBlockAssociations, []);
    const first = await list({ MaxResults: 1 });
    assert.deepEqual(first.AppBlockBuilderAppBlockAssociations, [{ AppBlockBuilderName: "packager", AppBlockArn: one }]);
    const rest = await list({ MaxResults: 1, NextToken: first.NextToken });
    assert.deepEqual(rest.AppBlockBuilderAppBlockAssociations, [{ AppBlockBuilderName: "second", AppBlockArn: two }]);
    assert.equal(rest.NextToken, undefined);
  });

  it("updates anything but the name when stopped, only names and descriptions when running", async () => {
    await client.send(new CreateAppBlockBuilderCommand(BUILDER));
    const update = (input: Omit<ConstructorParameters<typeof UpdateAppBlockBuilderCommand>[0], "Name">) =>
      client.send(new UpdateAppBlockBuilderCommand({ Name: "packager", ...input }));
    const { AppBlockBuilder } = await update({
      InstanceType: "stream.standard.large",
      AttributesToDelete: ["IAM_ROLE_ARN", "VPC_CONFIGURATION_SECURITY_GROUP_IDS"],
    });
    assert.equal(AppBlockBuilder!.InstanceType, "stream.standard.large");
    assert.equal(AppBlockBuilder!.IamRoleArn, undefined);
    assert.deepEqual(AppBlockBuilder!.VpcConfig, { SubnetIds: BUILDER.VpcConfig!.SubnetIds });
    assert.equal(await failsWith(() => update({ InstanceType: "stream.memory.large" })), "InvalidParameterCombinationException");
    assert.equal(await failsWith(() => update({ Platform: "AMAZON_LINUX2" })), "InvalidParameterCombinationException");

    await client.send(new AssociateAppBlockBuilderAppBlockCommand({ AppBlockBuilderName: "packager", AppBlockArn: await appBlock() }));
    await client.send(new StartAppBlockBuilderCommand({ Name: "packager" }));
    assert.equal(await failsWith(() => update({ DisplayName: "starting" })), "ResourceInUseException");
    server.clock.advance(T);
    assert.equal((await update({ DisplayName: "Running packager" })).AppBlockBuilder!.DisplayName, "Running packager");
    assert.equal(await failsWith(() => update({ InstanceType: "stream.standard.small" })), "ResourceInUseException");
    const missing = () => client.send(new UpdateAppBlockBuilderCommand({ Name: "nope" }));
    assert.equal(await failsWith(missing), "ResourceNotFoundException");
  });

  it("launches in the account's subnets only: others send it back to STOPPED with AppBlockBuilderErrors", async () => {
    await client.send(new CreateAppBlockBuilderCommand({ ...BUILDER, VpcConfig: { SubnetIds: ["subnet-0a1b2c3d", "subnet-1a2b3c4d"] } }));
    await client.send(new AssociateAppBlockBuilderAppBlockCommand({ AppBlockBuilderName: "packager", AppBlockArn: await appBlock() }));
    await client.send(new StartAppBlockBuilderCommand({ Name: "packager" }));
    assert.equal(await state(), "STARTING");
    server.clock.advance(T);
    const [builder] = (await client.send(new DescribeAppBlockBuildersCommand({ Names: ["packager"] }))).AppBlockBuilders!;
    assert.equal(builder.State, "STOPPED");
    assert.deepEqual(
      builder.AppBlockBuilderErrors!.map((e) => e.ErrorCode),
      ["SUBNET_NOT_FOUND", "SUBNET_NOT_FOUND"],
    );
    assert.equal(builder.StateChangeReason!.Code, "INTERNAL_ERROR");
    // In the account's own subnets the next start runs, and the errors are gone.
    await client.send(new UpdateAppBlockBuilderCommand({ Name: "packager", VpcConfig: BUILDER.VpcConfig }));
    await client.send(new StartAppBlockBuilderCommand({ Name: "packager" }));
    server.clock.advance(T);
    const [running] = (await client.send(new DescribeAppBlockBuildersCommand({ Names: ["packager"] }))).AppBlockBuilders!;
    assert.equal(running.State, "RUNNING");
    assert.equal(running.AppBlockBuilderErrors, undefined);
  });

  it("holds an account to 10 app block builders a Region until the quota is raised", async () => {
    // Amazon AppStream 2.0 Service Quotas (limits.html): App block builders (total) 10.
    for (let i = 0; i < 10; i++) await client.send(new CreateAppBlockBuilderCommand({ ...BUILDER, Name: `abb${i}` }));
    const limit = await rejection(() => client.send(new CreateAppBlockBuilderCommand({ ...BUILDER, Name: "abb10" })));
    assert.equal(limit.name, "LimitExceededException");
    assert.match(limit.message, /app block builders/);
    const raised = await admin(server, "POST", "/_imagelite/quotas", {
      service: "appstream",
      accountId: "111111111111",
      region: "us-east-1",
      quotas: { "app-block-builders": 11 },
    });
    assert.equal(raised.status, 200);
    await client.send(new CreateAppBlockBuilderCommand({ ...BUILDER, Name: "abb10" }));
  });
});
