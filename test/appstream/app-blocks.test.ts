// App blocks through @aws-sdk/client-appstream (API reference: CreateAppBlock, DescribeAppBlocks,
// DeleteAppBlock; AppBlock.State): CUSTOM app blocks with their setup script are ACTIVE, APPSTREAM2 ones are
// INACTIVE until they have an application package; the S3 locations are kept as given; an app block used by
// an application or associated with an app block builder cannot be deleted.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AssociateAppBlockBuilderAppBlockCommand,
  CreateAppBlockBuilderCommand,
  CreateAppBlockCommand,
  CreateApplicationCommand,
  DeleteAppBlockCommand,
  DeleteApplicationCommand,
  DescribeAppBlocksCommand,
  DisassociateAppBlockBuilderAppBlockCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  type AppStreamClient,
  type CreateAppBlockCommandInput,
} from "@aws-sdk/client-appstream";
import { ACCOUNT_B, rejection, TEST_START, useServer } from "../support/server";

const SETUP = {
  ScriptS3Location: { S3Bucket: "apps-bucket", S3Key: "firefox/setup.ps1" },
  ExecutablePath: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
  ExecutableParameters: "-File C:\\AppStream\\AppBlocks\\firefox\\setup.ps1",
  TimeoutInSeconds: 60,
};
const FIREFOX: CreateAppBlockCommandInput = {
  Name: "firefox",
  DisplayName: "Firefox",
  Description: "Firefox VHD",
  SourceS3Location: { S3Bucket: "apps-bucket", S3Key: "firefox/firefox.vhdx" },
  SetupScriptDetails: SETUP,
  Tags: { team: "apps" },
};
const ARN = "arn:aws:appstream:us-east-1:111111111111:app-block/firefox";

describe("AppStream app blocks", () => {
  const fx = useServer();
  let client: AppStreamClient;
  before(() => {
    client = fx.appstream();
  });

  it("keeps a CUSTOM app block with its setup script, ACTIVE, and its tags", async () => {
    const { AppBlock } = await client.send(new CreateAppBlockCommand(FIREFOX));
    const expected = {
      Name: "firefox",
      Arn: ARN,
      DisplayName: "Firefox",
      Description: "Firefox VHD",
      SourceS3Location: FIREFOX.SourceS3Location,
      SetupScriptDetails: SETUP,
      PackagingType: "CUSTOM",
      State: "ACTIVE",
      CreatedTime: new Date(TEST_START),
    };
    assert.deepEqual(AppBlock, expected);
    assert.deepEqual((await client.send(new DescribeAppBlocksCommand({ Arns: [ARN] }))).AppBlocks, [expected]);
    assert.deepEqual((await client.send(new ListTagsForResourceCommand({ ResourceArn: ARN }))).Tags, { team: "apps" });
    await client.send(new TagResourceCommand({ ResourceArn: ARN, Tags: { env: "dev" } }));
    assert.deepEqual((await client.send(new ListTagsForResourceCommand({ ResourceArn: ARN }))).Tags, { team: "apps", env: "dev" });
    assert.equal((await rejection(() => client.send(new CreateAppBlockCommand(FIREFOX)))).name, "ResourceAlreadyExistsException");
    // Another account sees none of it.
    const other = await rejection(() => fx.appstream(ACCOUNT_B).send(new DescribeAppBlocksCommand({ Arns: [ARN] })));
    assert.equal(other.name, "ResourceNotFoundException");
  });

  it("takes the scripts each packaging type takes", async () => {
    const refused = async (input: Partial<CreateAppBlockCommandInput>) =>
      (await rejection(() => client.send(new CreateAppBlockCommand({ ...FIREFOX, Name: "x", ...input })))).name;
    assert.equal(await refused({ SetupScriptDetails: undefined }), "ValidationException");
    assert.equal(await refused({ PostSetupScriptDetails: SETUP }), "ValidationException");
    assert.equal(await refused({ PackagingType: "APPSTREAM2" }), "ValidationException");
    assert.equal(await refused({ SetupScriptDetails: { ...SETUP, TimeoutInSeconds: 0 } }), "ValidationException");
    // APPSTREAM2: INACTIVE until packaged by a builder; ACTIVE when it names an existing package.
    const fresh = await client.send(
      new CreateAppBlockCommand({
        Name: "packaged-later",
        PackagingType: "APPSTREAM2",
        SourceS3Location: { S3Bucket: "apps-bucket" },
        PostSetupScriptDetails: SETUP,
      }),
    );
    assert.equal(fresh.AppBlock!.State, "INACTIVE");
    assert.deepEqual(fresh.AppBlock!.PostSetupScriptDetails, SETUP);
    const existing = await client.send(
      new CreateAppBlockCommand({
        Name: "existing-package",
        PackagingType: "APPSTREAM2",
        SourceS3Location: { S3Bucket: "apps-bucket", S3Key: "packages/notepad.vhdx" },
      }),
    );
    assert.equal(existing.AppBlock!.State, "ACTIVE");
  });

  it("lists app blocks in pages and refuses an unknown ARN", async () => {
    for (const n of ["a", "b", "c"]) await client.send(new CreateAppBlockCommand({ ...FIREFOX, Name: n, Tags: undefined }));
    const first = await client.send(new DescribeAppBlocksCommand({ MaxResults: 2 }));
    assert.deepEqual(
      first.AppBlocks!.map((b) => b.Name),
      ["a", "b"],
    );
    const second = await client.send(new DescribeAppBlocksCommand({ MaxResults: 2, NextToken: first.NextToken }));
    assert.deepEqual(
      second.AppBlocks!.map((b) => b.Name),
      ["c"],
    );
    assert.equal(second.NextToken, undefined);
    const bad = await rejection(() => client.send(new DescribeAppBlocksCommand({ NextToken: "nope" })));
    assert.equal(bad.name, "ValidationException");
    const unknown = await rejection(() => client.send(new DescribeAppBlocksCommand({ Arns: [ARN] })));
    assert.equal(unknown.name, "ResourceNotFoundException");
  });

  it("is not deleted while an application or an app block builder uses it", async () => {
    assert.equal((await rejection(() => client.send(new DeleteAppBlockCommand({ Name: "firefox" })))).name, "ResourceNotFoundException");
    await client.send(new CreateAppBlockCommand(FIREFOX));
    await client.send(
      new CreateApplicationCommand({
        Name: "firefox-app",
        AppBlockArn: ARN,
        IconS3Location: { S3Bucket: "apps-bucket", S3Key: "firefox/icon.png" },
        LaunchPath: "C:\\firefox\\firefox.exe",
        Platforms: ["WINDOWS_SERVER_2019"],
        InstanceFamilies: ["GENERAL_PURPOSE"],
      }),
    );
    const used = await rejection(() => client.send(new DeleteAppBlockCommand({ Name: "firefox" })));
    assert.equal(used.name, "ResourceInUseException");
    await client.send(new DeleteApplicationCommand({ Name: "firefox-app" }));
    await client.send(new DeleteAppBlockCommand({ Name: "firefox" }));

    const { AppBlock } = await client.send(
      new CreateAppBlockCommand({ Name: "packaged", PackagingType: "APPSTREAM2", SourceS3Location: { S3Bucket: "apps-bucket" } }),
    );
    await client.send(
      new CreateAppBlockBuilderCommand({
        Name: "abb",
        Platform: "WINDOWS_SERVER_2019",
        InstanceType: "stream.standard.small",
        VpcConfig: { SubnetIds: ["subnet-a", "subnet-b"] },
      }),
    );
    await client.send(new AssociateAppBlockBuilderAppBlockCommand({ AppBlockBuilderName: "abb", AppBlockArn: AppBlock!.Arn }));
    const associated = await rejection(() => client.send(new DeleteAppBlockCommand({ Name: "packaged" })));
    assert.equal(associated.name, "ResourceInUseException");
    await client.send(new DisassociateAppBlockBuilderAppBlockCommand({ AppBlockBuilderName: "abb", AppBlockArn: AppBlock!.Arn }));
    await client.send(new DeleteAppBlockCommand({ Name: "packaged" }));
    assert.deepEqual((await client.send(new DescribeAppBlocksCommand({}))).AppBlocks, []);
  });
});
