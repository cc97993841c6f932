// AWS's elastic fleet guide end to end through @aws-sdk/client-appstream, on the manual clock ("Create an
// Elastic fleet", set-up-stacks-fleets-elastic.html; "App Blocks", app-blocks.html; "Applications",
// applications.html; "Entitlements", entitlements.html): an app block whose package and setup script are in
// S3, an app block builder for packaging, an application on the app block, an ELASTIC fleet in two subnets of
// a VPC with the application associated, a stack over the fleet, an entitlement with the application
// associated, which ListEntitledApplications then lists, and a streaming URL for a user of the running fleet.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AssociateAppBlockBuilderAppBlockCommand,
  AssociateApplicationFleetCommand,
  AssociateApplicationToEntitlementCommand,
  AssociateFleetCommand,
  CreateAppBlockBuilderCommand,
  CreateAppBlockBuilderStreamingURLCommand,
  CreateAppBlockCommand,
  CreateApplicationCommand,
  CreateEntitlementCommand,
  CreateFleetCommand,
  CreateStackCommand,
  CreateStreamingURLCommand,
  DescribeAppBlockBuildersCommand,
  DescribeAppBlocksCommand,
  DescribeApplicationFleetAssociationsCommand,
  DescribeFleetsCommand,
  ListEntitledApplicationsCommand,
  StartAppBlockBuilderCommand,
  StartFleetCommand,
  StopAppBlockBuilderCommand,
  type AppStreamClient,
} from "@aws-sdk/client-appstream";
import { CreateSubnetCommand, CreateVpcCommand, type EC2Client } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, admin, REGION, T, useServer } from "../support/server";

const BUCKET = "elastic-apps-111111111111";
const SETUP_SCRIPT = {
  ScriptS3Location: { S3Bucket: BUCKET, S3Key: "firefox/mount-firefox.ps1" },
  ExecutablePath: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
  ExecutableParameters: "-ExecutionPolicy Bypass -File C:\\AppStream\\AppBlocks\\firefox\\mount-firefox.ps1",
  TimeoutInSeconds: 120,
};

describe("AppStream Elastic fleet, end to end", () => {
  const fx = useServer();
  let server: Imagelite;
  let client: AppStreamClient;
  let ec2: EC2Client;
  before(() => {
    server = fx.server;
    client = fx.appstream();
    ec2 = fx.ec2();
  });

  it("streams an application of an app block to an entitled user of an Elastic fleet", async () => {
    // Two subnets in different Availability Zones of a VPC, as Elastic fleets and app block builders need.
    const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: "10.20.0.0/16" }));
    const subnets: string[] = [];
    for (const [i, zone] of ["us-east-1a", "us-east-1b"].entries()) {
      const { Subnet } = await ec2.send(
        new CreateSubnetCommand({ VpcId: Vpc!.VpcId, CidrBlock: `10.20.${i}.0/24`, AvailabilityZone: zone }),
      );
      subnets.push(Subnet!.SubnetId!);
    }

    // 1. The app block: a package (VHD) and the setup script that mounts it, both in S3.
    const { AppBlock } = await client.send(
      new CreateAppBlockCommand({
        Name: "firefox-block",
        DisplayName: "Firefox",
        SourceS3Location: { S3Bucket: BUCKET, S3Key: "firefox/firefox.vhdx" },
        SetupScriptDetails: SETUP_SCRIPT,
        Tags: { guide: "elastic" },
      }),
    );
    assert.equal(AppBlock!.State, "ACTIVE");
    assert.deepEqual(AppBlock!.SetupScriptDetails, SETUP_SCRIPT);

    // 2. An app block builder, to package the next application with an APPSTREAM2 app block.
    const { AppBlock: packaged } = await client.send(
      new CreateAppBlockCommand({ Name: "tools-block", PackagingType: "APPSTREAM2", SourceS3Location: { S3Bucket: BUCKET } }),
    );
    assert.equal(packaged!.State, "INACTIVE");
    await client.send(
      new CreateAppBlockBuilderCommand({
        Name: "packager",
        Platform: "WINDOWS_SERVER_2019",
        InstanceType: "stream.standard.medium",
        VpcConfig: { SubnetIds: subnets },
      }),
    );
    await client.send(new AssociateAppBlockBuilderAppBlockCommand({ AppBlockBuilderName: "packager", AppBlockArn: packaged!.Arn }));
    assert.equal((await client.send(new StartAppBlockBuilderCommand({ Name: "packager" }))).AppBlockBuilder!.State, "STARTING");
    server.clock.advance(T);
    const builder = (await client.send(new DescribeAppBlockBuildersCommand({ Names: ["packager"] }))).AppBlockBuilders![0];
    assert.equal(builder.State, "RUNNING");
    const adminUrl = await client.send(new CreateAppBlockBuilderStreamingURLCommand({ AppBlockBuilderName: "packager", Validity: 600 }));
    assert.ok(adminUrl.StreamingURL);
    await client.send(new StopAppBlockBuilderCommand({ Name: "packager" }));
    server.clock.advance(T);
    assert.equal((await client.send(new DescribeAppBlockBuildersCommand({ Names: ["packager"] }))).AppBlockBuilders![0].State, "STOPPED");

    // 3. The application, launched from the app block.
    const { Application } = await client.send(
      new CreateApplicationCommand({
        Name: "firefox",
        DisplayName: "Firefox",
        AppBlockArn: AppBlock!.Arn,
        IconS3Location: { S3Bucket: BUCKET, S3Key: "firefox/icon.png" },
        LaunchPath: "C:\\AppStream\\AppBlocks\\firefox\\firefox.exe",
        Platforms: ["WINDOWS_SERVER_2019"],
        InstanceFamilies: ["GENERAL_PURPOSE"],
      }),
    );

    // 4. The Elastic fleet (no image: applications come from app blocks), with the application associated.
    const { Fleet } = await client.send(
      new CreateFleetCommand({
        Name: "elastic-browsers",
        FleetType: "ELASTIC",
        Platform: "WINDOWS_SERVER_2019",
        InstanceType: "stream.standard.medium",
        MaxConcurrentSessions: 10,
        VpcConfig: { SubnetIds: subnets },
      }),
    );
    assert.equal(Fleet!.FleetType, "ELASTIC");
    assert.equal(Fleet!.ImageName, undefined);
    await client.send(new AssociateApplicationFleetCommand({ FleetName: "elastic-browsers", ApplicationArn: Application!.Arn }));
    const associations = await client.send(new DescribeApplicationFleetAssociationsCommand({ FleetName: "elastic-browsers" }));
    assert.deepEqual(associations.ApplicationFleetAssociations, [{ FleetName: "elastic-browsers", ApplicationArn: Application!.Arn }]);
    await client.send(new StartFleetCommand({ Name: "elastic-browsers" }));
    server.clock.advance(T);
    assert.equal((await client.send(new DescribeFleetsCommand({ Names: ["elastic-browsers"] }))).Fleets![0].State, "RUNNING");

    // 5. A stack over the fleet.
    await client.send(new CreateStackCommand({ Name: "browsers" }));
    await client.send(new AssociateFleetCommand({ StackName: "browsers", FleetName: "elastic-browsers" }));

    // 6. An entitlement with the application associated, which it then lists.
    await client.send(
      new CreateEntitlementCommand({
        StackName: "browsers",
        Name: "web-users",
        AppVisibility: "ASSOCIATED",
        Attributes: [{ Name: "department", Value: "research" }],
      }),
    );
    const listed = () => client.send(new ListEntitledApplicationsCommand({ StackName: "browsers", EntitlementName: "web-users" }));
    assert.deepEqual((await listed()).EntitledApplications, []);
    await client.send(
      new AssociateApplicationToEntitlementCommand({
        StackName: "browsers",
        EntitlementName: "web-users",
        ApplicationIdentifier: "firefox",
      }),
    );
    assert.deepEqual((await listed()).EntitledApplications, [{ ApplicationIdentifier: "firefox" }]);

    // 7. A streaming URL for a user, to the application.
    const { StreamingURL, Expires } = await client.send(
      new CreateStreamingURLCommand({
        StackName: "browsers",
        FleetName: "elastic-browsers",
        UserId: "researcher",
        ApplicationId: "firefox",
      }),
    );
    const parameters = JSON.parse(Buffer.from(new URL(StreamingURL!).searchParams.get("parameters")!, "base64url").toString("utf8"));
    assert.equal(parameters.userId, "researcher");
    assert.equal(parameters.applicationId, "firefox");
    assert.equal(parameters.fleetRef, "fleet/elastic-browsers");
    assert.ok(Expires! > new Date(server.clock.now()));
    // The dashboard shows each new kind as its describe call does.
    for (const [kind, id, state] of [
      ["appstream.app-block", "firefox-block", "ACTIVE"],
      ["appstream.app-block-builder", "packager", "STOPPED"],
      ["appstream.application", "firefox", undefined],
    ]) {
      const shown = await admin(server, "GET", `/_imagelite/resources/${kind}/${ACCOUNT_A}/${REGION}/${id}`);
      assert.equal(shown.status, 200, JSON.stringify(shown.body));
      assert.equal(shown.body.resource.Name, id);
      assert.equal(shown.body.state, state);
    }
    // Everything the guide made is still there, as described.
    assert.deepEqual(
      (await client.send(new DescribeAppBlocksCommand({}))).AppBlocks!.map((b) => [b.Name, b.State]),
      [
        ["firefox-block", "ACTIVE"],
        ["tools-block", "INACTIVE"],
      ],
    );
  });
});
