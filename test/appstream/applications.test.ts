// Applications through @aws-sdk/client-appstream (API reference: CreateApplication ...
// DescribeApplicationFleetAssociations, AssociateApplicationToEntitlement, DisassociateApplicationFromEntitlement,
// ListEntitledApplications): an application runs from an app block; only ELASTIC fleets of a platform and
// instance family it supports take it; entitlements list the applications associated with them; an
// application still associated with a fleet or an entitlement is not deleted.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AssociateApplicationFleetCommand,
  AssociateApplicationToEntitlementCommand,
  AssociateFleetCommand,
  CreateAppBlockCommand,
  CreateApplicationCommand,
  CreateEntitlementCommand,
  CreateFleetCommand,
  CreateStackCommand,
  DeleteApplicationCommand,
  DeleteEntitlementCommand,
  DeleteFleetCommand,
  DescribeApplicationFleetAssociationsCommand,
  DescribeApplicationsCommand,
  DisassociateApplicationFleetCommand,
  DisassociateApplicationFromEntitlementCommand,
  DisassociateFleetCommand,
  ListEntitledApplicationsCommand,
  ListTagsForResourceCommand,
  UpdateApplicationCommand,
  type AppStreamClient,
  type CreateApplicationCommandInput,
  type CreateFleetCommandInput,
} from "@aws-sdk/client-appstream";
import { ACCOUNT_B, rejection, TEST_START, useServer } from "../support/server";

const BLOCK = "arn:aws:appstream:us-east-1:111111111111:app-block/tools";
const APP_ARN = "arn:aws:appstream:us-east-1:111111111111:application/notepad";
const NOTEPAD: CreateApplicationCommandInput = {
  Name: "notepad",
  DisplayName: "Notepad++",
  Description: "an editor",
  IconS3Location: { S3Bucket: "apps-bucket", S3Key: "icons/notepad.png" },
  LaunchPath: "C:\\Program Files\\Notepad++\\notepad++.exe",
  WorkingDirectory: "C:\\Users\\PhotonUser",
  LaunchParameters: "-multiInst",
  Platforms: ["WINDOWS_SERVER_2019"],
  InstanceFamilies: ["GENERAL_PURPOSE"],
  AppBlockArn: BLOCK,
  Tags: { team: "apps" },
};
const ELASTIC: CreateFleetCommandInput = {
  Name: "elastic",
  FleetType: "ELASTIC",
  InstanceType: "stream.standard.small",
  Platform: "WINDOWS_SERVER_2019",
  MaxConcurrentSessions: 5,
  VpcConfig: { SubnetIds: ["subnet-a", "subnet-b"] },
};

describe("AppStream applications", () => {
  const fx = useServer();
  let client: AppStreamClient;
  before(() => {
    client = fx.appstream();
  });

  const failsWith = async (fn: () => Promise<unknown>) => (await rejection(fn)).name;
  const block = (Name = "tools") =>
    client.send(
      new CreateAppBlockCommand({
        Name,
        SourceS3Location: { S3Bucket: "apps-bucket", S3Key: `${Name}.vhdx` },
        SetupScriptDetails: {
          ScriptS3Location: { S3Bucket: "apps-bucket", S3Key: "setup.ps1" },
          ExecutablePath: "setup.ps1",
          TimeoutInSeconds: 60,
        },
      }),
    );
  const associate = (FleetName: string, ApplicationArn = APP_ARN) =>
    client.send(new AssociateApplicationFleetCommand({ FleetName, ApplicationArn }));

  it("is created on an existing app block and described as given", async () => {
    assert.equal(await failsWith(() => client.send(new CreateApplicationCommand(NOTEPAD))), "ResourceNotFoundException");
    await block();
    const { Application } = await client.send(new CreateApplicationCommand(NOTEPAD));
    const expected = {
      Name: "notepad",
      Arn: APP_ARN,
      DisplayName: "Notepad++",
      Description: "an editor",
      IconS3Location: NOTEPAD.IconS3Location,
      IconURL: "https://apps-bucket.s3.us-east-1.amazonaws.com/icons/notepad.png",
      LaunchPath: NOTEPAD.LaunchPath,
      WorkingDirectory: NOTEPAD.WorkingDirectory,
      LaunchParameters: "-multiInst",
      Enabled: true,
      Metadata: {},
      Platforms: ["WINDOWS_SERVER_2019"],
      InstanceFamilies: ["GENERAL_PURPOSE"],
      AppBlockArn: BLOCK,
      CreatedTime: new Date(TEST_START),
    };
    assert.deepEqual(Application, expected);
    assert.deepEqual((await client.send(new DescribeApplicationsCommand({ Arns: [APP_ARN] }))).Applications, [expected]);
    assert.deepEqual((await client.send(new ListTagsForResourceCommand({ ResourceArn: APP_ARN }))).Tags, { team: "apps" });
    assert.equal(await failsWith(() => client.send(new CreateApplicationCommand(NOTEPAD))), "ResourceAlreadyExistsException");
    const other = () => fx.appstream(ACCOUNT_B).send(new DescribeApplicationsCommand({ Arns: [APP_ARN] }));
    assert.equal(await failsWith(other), "ResourceNotFoundException");
    // Only the platforms and instance families Elastic fleets run.
    const create = (over: Partial<CreateApplicationCommandInput>) => () =>
      client.send(new CreateApplicationCommand({ ...NOTEPAD, Name: "x", ...over }));
    assert.equal(await failsWith(create({ Platforms: ["WINDOWS_SERVER_2022"] })), "OperationNotPermittedException");
    assert.equal(await failsWith(create({ InstanceFamilies: ["COMPUTE_OPTIMIZED"] })), "OperationNotPermittedException");
    assert.equal(await failsWith(create({ InstanceFamilies: [] })), "OperationNotPermittedException");
  });

  it("is updated, and its members deleted with AttributesToDelete", async () => {
    await block();
    await block("other");
    await client.send(new CreateApplicationCommand(NOTEPAD));
    const { Application } = await client.send(
      new UpdateApplicationCommand({
        Name: "notepad",
        DisplayName: "Notepad",
        AppBlockArn: BLOCK.replace("/tools", "/other"),
        AttributesToDelete: ["LAUNCH_PARAMETERS", "WORKING_DIRECTORY"],
      }),
    );
    assert.equal(Application!.DisplayName, "Notepad");
    assert.equal(Application!.AppBlockArn, BLOCK.replace("/tools", "/other"));
    assert.equal(Application!.LaunchParameters, undefined);
    assert.equal(Application!.WorkingDirectory, undefined);
    const unknownBlock = () =>
      client.send(new UpdateApplicationCommand({ Name: "notepad", AppBlockArn: BLOCK.replace("/tools", "/none") }));
    assert.equal(await failsWith(unknownBlock), "ResourceNotFoundException");
    assert.equal(await failsWith(() => client.send(new UpdateApplicationCommand({ Name: "nope" }))), "ResourceNotFoundException");
    for (const n of ["a", "b"]) await client.send(new CreateApplicationCommand({ ...NOTEPAD, Name: n, Tags: undefined }));
    const first = await client.send(new DescribeApplicationsCommand({ MaxResults: 2 }));
    const rest = await client.send(new DescribeApplicationsCommand({ MaxResults: 2, NextToken: first.NextToken }));
    assert.deepEqual(
      [...first.Applications!, ...rest.Applications!].map((a) => a.Name),
      ["a", "b", "notepad"],
    );
  });

  it("is associated only with ELASTIC fleets of its platform and instance family", async () => {
    await block();
    await client.send(new CreateApplicationCommand(NOTEPAD));
    await client.send(new CreateFleetCommand(ELASTIC));
    await client.send(new CreateFleetCommand({ ...ELASTIC, Name: "linux", Platform: "AMAZON_LINUX2" }));
    await client.send(
      new CreateFleetCommand({
        Name: "on-demand",
        ImageName: "AppStream-WinServer2019-11-10-2025",
        InstanceType: "stream.standard.medium",
        ComputeCapacity: { DesiredInstances: 1 },
      }),
    );
    assert.equal(await failsWith(() => associate("on-demand")), "OperationNotPermittedException");
    assert.equal(await failsWith(() => associate("linux")), "InvalidParameterCombinationException");
    assert.equal(await failsWith(() => associate("nope")), "ResourceNotFoundException");
    assert.equal(await failsWith(() => associate("elastic", APP_ARN.replace("notepad", "none"))), "ResourceNotFoundException");
    const graphics = () =>
      client.send(new CreateApplicationCommand({ ...NOTEPAD, Name: "cad", InstanceFamilies: ["GRAPHICS_G4"], Tags: undefined }));
    const cad = (await graphics()).Application!.Arn!;
    assert.equal(await failsWith(() => associate("elastic", cad)), "InvalidParameterCombinationException");

    const { ApplicationFleetAssociation } = await associate("elastic");
    assert.deepEqual(ApplicationFleetAssociation, { FleetName: "elastic", ApplicationArn: APP_ARN });
    await associate("elastic");
    const byFleet = await client.send(new DescribeApplicationFleetAssociationsCommand({ FleetName: "elastic" }));
    assert.deepEqual(byFleet.ApplicationFleetAssociations, [{ FleetName: "elastic", ApplicationArn: APP_ARN }]);
    const byApp = await client.send(new DescribeApplicationFleetAssociationsCommand({ ApplicationArn: APP_ARN }));
    assert.deepEqual(byApp.ApplicationFleetAssociations, [{ FleetName: "elastic", ApplicationArn: APP_ARN }]);
    const neither = () => client.send(new DescribeApplicationFleetAssociationsCommand({}));
    assert.equal(await failsWith(neither), "InvalidParameterCombinationException");

    assert.equal(await failsWith(() => client.send(new DeleteApplicationCommand({ Name: "notepad" }))), "ResourceInUseException");
    const disassociate = () => client.send(new DisassociateApplicationFleetCommand({ FleetName: "elastic", ApplicationArn: APP_ARN }));
    await disassociate();
    assert.equal(await failsWith(disassociate), "InvalidParameterCombinationException");
    assert.deepEqual(
      (await client.send(new DescribeApplicationFleetAssociationsCommand({ FleetName: "elastic" }))).ApplicationFleetAssociations,
      [],
    );
    // A deleted fleet's associations go with it.
    await associate("elastic");
    await client.send(new DeleteFleetCommand({ Name: "elastic" }));
    await client.send(new DeleteApplicationCommand({ Name: "notepad" }));
    assert.equal(await failsWith(() => client.send(new DeleteApplicationCommand({ Name: "notepad" }))), "ResourceNotFoundException");
  });

  it("is entitled one by one, and listed by ListEntitledApplications", async () => {
    await block();
    await client.send(new CreateApplicationCommand(NOTEPAD));
    await client.send(new CreateFleetCommand(ELASTIC));
    await associate("elastic");
    await client.send(new CreateStackCommand({ Name: "apps" }));
    await client.send(new AssociateFleetCommand({ StackName: "apps", FleetName: "elastic" }));
    const attributes = [{ Name: "department", Value: "engineering" }];
    await client.send(
      new CreateEntitlementCommand({ StackName: "apps", Name: "picked", AppVisibility: "ASSOCIATED", Attributes: attributes }),
    );
    await client.send(
      new CreateEntitlementCommand({ StackName: "apps", Name: "everything", AppVisibility: "ALL", Attributes: attributes }),
    );
    const entitled = async (EntitlementName: string) =>
      (await client.send(new ListEntitledApplicationsCommand({ StackName: "apps", EntitlementName }))).EntitledApplications;
    assert.deepEqual(await entitled("picked"), []);
    assert.deepEqual(await entitled("everything"), [{ ApplicationIdentifier: "notepad" }]);

    const entitle = (ApplicationIdentifier: string, EntitlementName = "picked", StackName = "apps") =>
      client.send(new AssociateApplicationToEntitlementCommand({ StackName, EntitlementName, ApplicationIdentifier }));
    await entitle("notepad");
    await entitle("notepad");
    assert.deepEqual(await entitled("picked"), [{ ApplicationIdentifier: "notepad" }]);
    assert.equal(await failsWith(() => entitle("paint")), "ResourceNotFoundException");
    assert.equal(await failsWith(() => entitle("notepad", "nope")), "EntitlementNotFoundException");
    assert.equal(await failsWith(() => entitle("notepad", "picked", "nope")), "ResourceNotFoundException");

    assert.equal(await failsWith(() => client.send(new DeleteApplicationCommand({ Name: "notepad" }))), "ResourceInUseException");
    await client.send(new DisassociateApplicationFleetCommand({ FleetName: "elastic", ApplicationArn: APP_ARN }));
    // Still entitled: the entitlement holds it until it is disassociated or the entitlement is deleted.
    assert.equal(await failsWith(() => client.send(new DeleteApplicationCommand({ Name: "notepad" }))), "ResourceInUseException");
    const unentitle = () =>
      client.send(
        new DisassociateApplicationFromEntitlementCommand({
          StackName: "apps",
          EntitlementName: "picked",
          ApplicationIdentifier: "notepad",
        }),
      );
    await unentitle();
    assert.equal(await failsWith(unentitle), "ResourceNotFoundException");
    assert.deepEqual(await entitled("picked"), []);
    await associate("elastic");
    await entitle("notepad");
    await client.send(new DeleteEntitlementCommand({ StackName: "apps", Name: "picked" }));
    await client.send(new DisassociateFleetCommand({ StackName: "apps", FleetName: "elastic" }));
    assert.deepEqual(await entitled("everything"), []);
    await client.send(new DisassociateApplicationFleetCommand({ FleetName: "elastic", ApplicationArn: APP_ARN }));
    await client.send(new DeleteApplicationCommand({ Name: "notepad" }));
  });
});
