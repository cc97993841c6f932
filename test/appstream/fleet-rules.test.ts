// The rules AWS enforces on fleets and image builders (API reference: CreateFleet, UpdateFleet,
// CreateImageBuilder, ComputeCapacity, VolumeConfig; Image.SupportedInstanceFamilies): ranges, instance types
// and the image's families, Elastic and multi-session fleets, agent versions, a running fleet's instances
// moving toward the desired count over the clock, retired public images, and the VpcConfig checked against
// the account's EC2 subnets and security groups (FleetError codes).
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateFleetCommand,
  CreateImageBuilderCommand,
  CreateUpdatedImageCommand,
  DeleteFleetCommand,
  DescribeFleetsCommand,
  DescribeImageBuildersCommand,
  DescribeImagesCommand,
  StartFleetCommand,
  StartImageBuilderCommand,
  StopImageBuilderCommand,
  StopFleetCommand,
  UpdateFleetCommand,
  waitUntilFleetStarted,
  type AppStreamClient,
  type CreateFleetCommandInput,
} from "@aws-sdk/client-appstream";
import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, admin, createImageFromBuilder, rejection, REGION, T, useServer } from "../support/server";
import { defaultNetwork } from "./network";

const WIN = "AppStream-WinServer2022-11-10-2025";
const WIN_OLD_AGENT = "AppStream-WinServer2022-05-30-2025";
const G5 = "AppStream-Graphics-G5-WinServer2022-11-10-2025";
const LINUX = "AppStream-AmazonLinux2-09-16-2025";
const NEWEST_WINDOWS_AGENT = "10-12-2026";

const FLEET: CreateFleetCommandInput = {
  Name: "f",
  ImageName: WIN,
  InstanceType: "stream.standard.medium",
  FleetType: "ON_DEMAND",
  ComputeCapacity: { DesiredInstances: 1 },
};
const ELASTIC: CreateFleetCommandInput = {
  Name: "e",
  FleetType: "ELASTIC",
  InstanceType: "stream.standard.medium",
  Platform: "WINDOWS_SERVER_2019",
  MaxConcurrentSessions: 5,
  VpcConfig: { SubnetIds: ["subnet-a", "subnet-b"] },
};

describe("AppStream fleet and builder rules", () => {
  const fx = useServer();
  let server: Imagelite;
  let client: AppStreamClient;
  before(() => {
    server = fx.server;
    client = fx.appstream();
  });

  const create = (over: Partial<CreateFleetCommandInput>, base = FLEET) => client.send(new CreateFleetCommand({ ...base, ...over }));
  const refusedWith = async (code: string, fn: () => Promise<unknown>, label: string) =>
    assert.equal((await rejection(fn)).name, code, label);
  const status = async (name: string) =>
    (await client.send(new DescribeFleetsCommand({ Names: [name] }))).Fleets![0].ComputeCapacityStatus!;

  it("accepts the documented ranges at their bounds and refuses what lies outside", async () => {
    const inside: Partial<CreateFleetCommandInput>[] = [
      { MaxUserDurationInSeconds: 600, DisconnectTimeoutInSeconds: 60, IdleDisconnectTimeoutInSeconds: 0 },
      { MaxUserDurationInSeconds: 432000, DisconnectTimeoutInSeconds: 36000, IdleDisconnectTimeoutInSeconds: 36000 },
      { IdleDisconnectTimeoutInSeconds: 60, RootVolumeConfig: { VolumeSizeInGb: 200 } },
      { RootVolumeConfig: { VolumeSizeInGb: 500 }, ComputeCapacity: { DesiredInstances: 0 } },
    ];
    for (const [i, over] of inside.entries()) await create({ ...over, Name: `ok-${i}` });
    const outside: Partial<CreateFleetCommandInput>[] = [
      { MaxUserDurationInSeconds: 599 },
      { MaxUserDurationInSeconds: 432001 },
      { DisconnectTimeoutInSeconds: 59 },
      { DisconnectTimeoutInSeconds: 36001 },
      { IdleDisconnectTimeoutInSeconds: 30 },
      { IdleDisconnectTimeoutInSeconds: 36001 },
      { RootVolumeConfig: { VolumeSizeInGb: 199 } },
      { RootVolumeConfig: { VolumeSizeInGb: 501 } },
      { ComputeCapacity: { DesiredInstances: -1 } },
    ];
    for (const over of outside) {
      await refusedWith("InvalidParameterCombinationException", () => create({ ...over, Name: "bad" }), JSON.stringify(over));
    }
    await refusedWith(
      "InvalidParameterCombinationException",
      () => client.send(new UpdateFleetCommand({ Name: "ok-0", DisconnectTimeoutInSeconds: 36001 })),
      "UpdateFleet",
    );
  });

  it("takes the service's instance types, of a family the image supports", async () => {
    await refusedWith("InvalidParameterCombinationException", () => create({ InstanceType: "stream.standard.huge" }), "unknown type");
    await refusedWith("InvalidParameterCombinationException", () => create({ InstanceType: "m5.large" }), "EC2 type");
    await refusedWith("IncompatibleImageException", () => create({ InstanceType: "stream.graphics.g5.xlarge" }), "G5 on a base image");
    await refusedWith("IncompatibleImageException", () => create({ ImageName: G5 }), "standard on a G5 image");
    await create({ Name: "g5", ImageName: G5, InstanceType: "stream.graphics.g5.2xlarge" });
    await create({ Name: "z1d", InstanceType: "stream.memory.z1d.large" });
    // A stopped fleet may change its type, within its image's families.
    await refusedWith(
      "IncompatibleImageException",
      () => client.send(new UpdateFleetCommand({ Name: "z1d", InstanceType: "stream.graphics.g4dn.xlarge" })),
      "update to G4",
    );
    const { Fleet } = await client.send(new UpdateFleetCommand({ Name: "z1d", InstanceType: "stream.compute.large" }));
    assert.equal(Fleet!.InstanceType, "stream.compute.large");
  });

  it("asks Elastic fleets for two subnets, an Elastic platform, a standard type, and no domain", async () => {
    const { Fleet } = await create({}, ELASTIC);
    assert.equal(Fleet!.FleetType, "ELASTIC");
    const cases: [string, Partial<CreateFleetCommandInput>][] = [
      ["one subnet", { VpcConfig: { SubnetIds: ["subnet-a"] } }],
      ["no VpcConfig", { VpcConfig: undefined }],
      ["platform", { Platform: "WINDOWS_SERVER_2022" }],
      ["no platform", { Platform: undefined }],
      ["instance type", { InstanceType: "stream.compute.large" }],
      ["domain", { DomainJoinInfo: { DirectoryName: "corp.example.com" } }],
      ["no MaxConcurrentSessions", { MaxConcurrentSessions: undefined }],
      ["capacity", { ComputeCapacity: { DesiredInstances: 1 } }],
      ["image", { ImageName: WIN }],
    ];
    for (const [label, over] of cases) {
      await refusedWith("InvalidParameterCombinationException", () => create({ ...over, Name: "e2" }, ELASTIC), label);
    }
    await create({ Name: "e-linux", Platform: "AMAZON_LINUX2" }, ELASTIC);
    // A stopped Elastic fleet cannot lose its VPC.
    await refusedWith(
      "InvalidParameterCombinationException",
      () => client.send(new UpdateFleetCommand({ Name: "e", DeleteVpcConfig: true })),
      "delete VPC",
    );
  });

  it("keeps MaxConcurrentSessions to Elastic fleets and DesiredSessions to multi-session fleets", async () => {
    await refusedWith("InvalidParameterCombinationException", () => create({ MaxConcurrentSessions: 5 }), "MaxConcurrentSessions");
    await refusedWith(
      "InvalidParameterCombinationException",
      () => create({ SessionScriptS3Location: { S3Bucket: "scripts", S3Key: "s.zip" } }),
      "session script",
    );
    await refusedWith(
      "InvalidParameterCombinationException",
      () => create({ ComputeCapacity: { DesiredSessions: 4 } }),
      "sessions, single-session",
    );
    await refusedWith(
      "InvalidParameterCombinationException",
      () => create({ MaxSessionsPerInstance: 4, ComputeCapacity: { DesiredInstances: 2 } }),
      "instances, multi-session",
    );
    const { Fleet } = await create({ Name: "multi", MaxSessionsPerInstance: 4, ComputeCapacity: { DesiredSessions: 10 } });
    assert.deepEqual(Fleet!.ComputeCapacityStatus, {
      Desired: 3,
      Running: 0,
      InUse: 0,
      Available: 0,
      DesiredUserSessions: 10,
      ActualUserSessions: 0,
      AvailableUserSessions: 0,
      ActiveUserSessions: 0,
    });
    await client.send(new StartFleetCommand({ Name: "multi" }));
    server.clock.advance(3 * T);
    const s = await status("multi");
    assert.deepEqual([s.Running, s.ActualUserSessions, s.AvailableUserSessions], [3, 12, 12]);
  });

  it("moves a running fleet's instances toward the desired count, up and down, one per phase", async () => {
    await create({ Name: "scale", ComputeCapacity: { DesiredInstances: 2 } });
    await client.send(new StartFleetCommand({ Name: "scale" }));
    assert.equal((await status("scale")).Running, 0);
    server.clock.advance(T);
    assert.equal((await status("scale")).Running, 1);
    server.clock.advance(T);
    assert.deepEqual(await status("scale"), { Desired: 2, Running: 2, InUse: 0, Available: 2 });
    await client.send(new UpdateFleetCommand({ Name: "scale", ComputeCapacity: { DesiredInstances: 5 } }));
    assert.equal((await status("scale")).Running, 2);
    server.clock.advance(T);
    assert.equal((await status("scale")).Running, 3);
    // Scaling in half way starts from the instances there are.
    await client.send(new UpdateFleetCommand({ Name: "scale", ComputeCapacity: { DesiredInstances: 1 } }));
    assert.deepEqual(await status("scale"), { Desired: 1, Running: 3, InUse: 0, Available: 3 });
    server.clock.advance(T);
    assert.equal((await status("scale")).Running, 2);
    server.clock.advance(5 * T);
    assert.equal((await status("scale")).Running, 1);
  });

  it("gives builders their own instance types, the image's families, and released agent versions", async () => {
    const builder = (Name: string, over: Record<string, unknown> = {}) =>
      client.send(new CreateImageBuilderCommand({ Name, ImageName: WIN, InstanceType: "stream.standard.medium", ...over }));
    await refusedWith("InvalidParameterCombinationException", () => builder("b", { InstanceType: "stream.standard.xlarge" }), "xlarge");
    await refusedWith("IncompatibleImageException", () => builder("b", { InstanceType: "stream.graphics.g6.xlarge" }), "G6");
    await refusedWith("InvalidParameterCombinationException", () => builder("b", { AppstreamAgentVersion: "01-01-2020" }), "agent");
    await refusedWith("InvalidParameterCombinationException", () => builder("b", { RootVolumeConfig: { VolumeSizeInGb: 100 } }), "volume");

    const latest = (await builder("latest", { AppstreamAgentVersion: "LATEST" })).ImageBuilder!;
    assert.deepEqual([latest.AppstreamAgentVersion, latest.LatestAppstreamAgentVersion], [NEWEST_WINDOWS_AGENT, "TRUE"]);
    const bracketed = (await builder("bracketed", { AppstreamAgentVersion: "[LATEST]" })).ImageBuilder!;
    assert.equal(bracketed.AppstreamAgentVersion, NEWEST_WINDOWS_AGENT);
    const older = (await builder("older", { ImageName: WIN_OLD_AGENT })).ImageBuilder!;
    assert.deepEqual([older.AppstreamAgentVersion, older.LatestAppstreamAgentVersion], ["05-20-2025", "FALSE"]);
    server.clock.advance(T);
    const [described] = (await client.send(new DescribeImageBuildersCommand({ Names: ["latest"] }))).ImageBuilders!;
    assert.equal(described.AppstreamAgentVersion, NEWEST_WINDOWS_AGENT);

    // Started again with LATEST, the older builder moves to the newest agent.
    await client.send(new StopImageBuilderCommand({ Name: "older" }));
    server.clock.advance(T);
    const restarted = await client.send(new StartImageBuilderCommand({ Name: "older", AppstreamAgentVersion: "LATEST" }));
    assert.equal(restarted.ImageBuilder!.AppstreamAgentVersion, NEWEST_WINDOWS_AGENT);
  });

  it("gives an updated image the newest agent version", async () => {
    await client.send(new CreateImageBuilderCommand({ Name: "ib", ImageName: WIN_OLD_AGENT, InstanceType: "stream.standard.medium" }));
    server.clock.advance(T);
    assert.equal((await createImageFromBuilder(server, "ib", "golden")).status, 200);
    server.clock.advance(2 * T);
    const latestOf = async (name: string) =>
      (await client.send(new DescribeImagesCommand({ Names: [name] }))).Images![0].LatestAppstreamAgentVersion;
    assert.equal(await latestOf("golden"), "FALSE");
    const dry = await client.send(new CreateUpdatedImageCommand({ existingImageName: "golden", newImageName: "golden-2", dryRun: true }));
    assert.equal(dry.canUpdateImage, true);
    const { image, canUpdateImage } = await client.send(
      new CreateUpdatedImageCommand({ existingImageName: "golden", newImageName: "golden-2" }),
    );
    assert.equal(canUpdateImage, true);
    assert.equal(image!.AppstreamAgentVersion, NEWEST_WINDOWS_AGENT);
    server.clock.advance(2 * T);
    assert.equal(await latestOf("golden-2"), "TRUE");
    // An image on the newest agent has no update: the answer says so, and no image is made.
    const upToDate = await client.send(new CreateUpdatedImageCommand({ existingImageName: "golden-2", newImageName: "golden-3" }));
    assert.equal(upToDate.canUpdateImage, false);
    assert.equal(upToDate.image!.Name, "golden-2");
    assert.equal(
      (await rejection(() => client.send(new DescribeImagesCommand({ Names: ["golden-3"] })))).name,
      "ResourceNotFoundException",
    );
  });

  it("runs a fleet on its image's platform, also when UpdateFleet changes the image", async () => {
    // CreateFleet and UpdateFleet, Platform (API reference); the platform of an image is DescribeImages' Platform.
    await refusedWith("IncompatibleImageException", () => create({ Platform: "AMAZON_LINUX2" }), "Linux on a Windows image");
    await refusedWith("IncompatibleImageException", () => create({ Platform: "WINDOWS_SERVER_2019" }), "2019 on a 2022 image");
    const { Fleet } = await create({ Platform: "WINDOWS_SERVER_2022" });
    assert.equal(Fleet!.Platform, "WINDOWS_SERVER_2022");
    await refusedWith(
      "IncompatibleImageException",
      () => client.send(new UpdateFleetCommand({ Name: "f", ImageName: LINUX })),
      "update to a Linux image",
    );
    await refusedWith(
      "IncompatibleImageException",
      () => client.send(new UpdateFleetCommand({ Name: "f", Platform: "WINDOWS_SERVER_2016" })),
      "update the platform alone",
    );
    // An image of the same platform is fine.
    const updated = await client.send(new UpdateFleetCommand({ Name: "f", ImageName: WIN_OLD_AGENT }));
    assert.equal(updated.Fleet!.ImageName, WIN_OLD_AGENT);
  });

  it("takes only an IAM role ARN as IamRoleArn, on fleets and image builders", async () => {
    const role = "arn:aws:iam::111111111111:role/streaming/appstream-machine";
    const notRoles = [
      "arn:aws:iam::111111111111:user/alice",
      "arn:aws:s3:::my-bucket",
      "arn:aws:iam::111111111111:policy/p",
      "arn:aws-cn:iam::111111111111:role/other-partition",
      "arn:aws:iam::1111:role/short-account",
    ];
    for (const arn of notRoles) {
      await refusedWith("InvalidRoleException", () => create({ IamRoleArn: arn }), `fleet ${arn}`);
      await refusedWith(
        "InvalidRoleException",
        () =>
          client.send(
            new CreateImageBuilderCommand({ Name: "b", ImageName: WIN, InstanceType: "stream.standard.medium", IamRoleArn: arn }),
          ),
        `builder ${arn}`,
      );
    }
    assert.equal((await create({ IamRoleArn: role })).Fleet!.IamRoleArn, role);
    await refusedWith("InvalidRoleException", () => client.send(new UpdateFleetCommand({ Name: "f", IamRoleArn: notRoles[0] })), "update");
    const { ImageBuilder } = await client.send(
      new CreateImageBuilderCommand({ Name: "b", ImageName: WIN, InstanceType: "stream.standard.medium", IamRoleArn: role }),
    );
    assert.equal(ImageBuilder!.IamRoleArn, role);
  });

  it("needs the key of an Elastic fleet's session scripts", async () => {
    // S3Location, S3Key: required for SessionScriptS3Location (API reference).
    await refusedWith(
      "InvalidParameterCombinationException",
      () => create({ SessionScriptS3Location: { S3Bucket: "scripts" } }, ELASTIC),
      "no key",
    );
    const { Fleet } = await create({ SessionScriptS3Location: { S3Bucket: "scripts", S3Key: "session/scripts.zip" } }, ELASTIC);
    assert.deepEqual(Fleet!.SessionScriptS3Location, { S3Bucket: "scripts", S3Key: "session/scripts.zip" });
    await refusedWith(
      "InvalidParameterCombinationException",
      () => client.send(new UpdateFleetCommand({ Name: "e", SessionScriptS3Location: { S3Bucket: "scripts" } })),
      "update without a key",
    );
  });

  it("holds an account to 10 fleets and 10 image builders a Region until the quota is raised", async () => {
    // Amazon AppStream 2.0 Service Quotas (limits.html): Fleets 10, Image builders (total) 10.
    for (let i = 0; i < 10; i++) await create({ Name: `q${i}` });
    const fleetLimit = await rejection(() => create({ Name: "q10" }));
    assert.equal(fleetLimit.name, "LimitExceededException");
    assert.match(fleetLimit.message, /fleets/);
    const builder = (Name: string) =>
      client.send(new CreateImageBuilderCommand({ Name, ImageName: WIN, InstanceType: "stream.standard.small" }));
    for (let i = 0; i < 10; i++) await builder(`b${i}`);
    assert.equal((await rejection(() => builder("b10"))).name, "LimitExceededException");

    const raised = await admin(server, "POST", "/_imagelite/quotas", {
      service: "appstream",
      accountId: ACCOUNT_A,
      region: "us-east-1",
      quotas: { "L-3FEADC0C": 11 },
    });
    assert.equal(raised.status, 200);
    const fleets = raised.body.quotas.find((q: { code: string }) => q.code === "L-3FEADC0C");
    assert.deepEqual(fleets, { code: "L-3FEADC0C", name: "Fleets", value: 11, defaultValue: 10, setFor: "account", usage: 10 });
    await create({ Name: "q10" });
    assert.equal((await rejection(() => create({ Name: "q11" }))).name, "LimitExceededException");
    // Another account has quotas of its own.
    const other = fx.appstream(ACCOUNT_B);
    await other.send(new CreateFleetCommand({ ...FLEET, Name: "q0" }));
    // Deleting a fleet makes room again.
    await client.send(new DeleteFleetCommand({ Name: "q0" }));
    await create({ Name: "q11" });
    const unknown = await admin(server, "POST", "/_imagelite/quotas", { service: "appstream", quotas: { "L-1216C47A": 5 } });
    assert.deepEqual([unknown.status, unknown.body.code], [400, "UnknownQuota"]);
    const badService = await admin(server, "GET", "/_imagelite/quotas?service=workspaces");
    assert.deepEqual([badService.status, badService.body.code], [400, "InvalidService"]);
    // DELETE forgets the account's values: the default applies again, and what is used stays.
    const level = `service=appstream&accountId=${ACCOUNT_A}&region=us-east-1`;
    assert.equal((await admin(server, "DELETE", `/_imagelite/quotas?${level}`)).status, 200);
    const after = await admin(server, "GET", `/_imagelite/quotas?${level}`);
    const fleetsAfter = after.body.quotas.find((q: { code: string }) => q.code === "L-3FEADC0C");
    assert.deepEqual([fleetsAfter.value, fleetsAfter.setFor, fleetsAfter.usage], [10, null, 11]);
    assert.equal((await rejection(() => create({ Name: "q12" }))).name, "LimitExceededException");
  });

  it("refuses a retired public image at once with ResourceNotAvailableException, and does not list it", async () => {
    const retired = [
      "Amazon-AppStream2-Sample-Image-02-04-2019",
      "Amazon-AppStream2-Sample-Image-03-11-2023",
      "AppStream-WinServer2019-06-17-2024",
    ];
    const deprecated = (name: string) =>
      `The image ${name} is DEPRECATED. The image must be in an AVAILABLE state for this action to succeed.`;
    for (const name of retired) {
      const arn = `arn:aws:appstream:${REGION}::image/${name}`;
      for (const [label, call] of [
        ["CreateFleet by name", () => create({ Name: "old", ImageName: name })],
        ["CreateFleet by ARN", () => create({ Name: "old", ImageName: undefined, ImageArn: arn })],
        [
          "CreateImageBuilder",
          () => client.send(new CreateImageBuilderCommand({ Name: "old", ImageName: name, InstanceType: "stream.standard.medium" })),
        ],
      ] as const) {
        const e = await rejection(call);
        assert.deepEqual([e.name, e.message], ["ResourceNotAvailableException", deprecated(name)], `${label} ${name}`);
      }
    }
    await create({ Name: "current" });
    for (const over of [{ ImageName: retired[1] }, { ImageArn: `arn:aws:appstream:${REGION}::image/${retired[1]}` }]) {
      const e = await rejection(() => client.send(new UpdateFleetCommand({ Name: "current", ...over })));
      assert.equal(e.name, "ResourceNotAvailableException", JSON.stringify(over));
    }
    assert.deepEqual(
      (await client.send(new DescribeFleetsCommand({}))).Fleets!.map((f) => [f.Name, f.ImageName]),
      [["current", WIN]],
    );
    // DEPRECATED is no state the Image shape carries: the registry neither lists a retired image nor finds it.
    const listed: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new DescribeImagesCommand({ Type: "PUBLIC", NextToken }));
      listed.push(...page.Images!.map((i) => i.Name!));
      NextToken = page.NextToken;
    } while (NextToken);
    assert.ok(listed.includes("Amazon-AppStream2-Sample-Image-06-17-2024"));
    assert.deepEqual(
      listed.filter((n) => retired.includes(n)),
      [],
    );
    for (const req of [{ Names: [retired[0]] }, { Arns: [`arn:aws:appstream:${REGION}::image/${retired[0]}`] }]) {
      assert.equal((await rejection(() => client.send(new DescribeImagesCommand(req)))).name, "ResourceNotFoundException");
    }
  });

  it("starts a fleet only on the account's subnets and security groups of one VPC: otherwise STOPPED with FleetErrors", async () => {
    const ec2 = fx.ec2();
    const net = await defaultNetwork(ec2);
    const other = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.8.0.0/16" }))).Vpc!.VpcId!;
    const otherSubnet = (await ec2.send(new CreateSubnetCommand({ VpcId: other, CidrBlock: "10.8.1.0/24" }))).Subnet!.SubnetId!;
    const otherGroup = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: "elsewhere", Description: "x", VpcId: other })))
      .GroupId!;
    // Account B's default subnet and group: real ids, of another account.
    const b = await defaultNetwork(fx.ec2(ACCOUNT_B));
    const cases: [string, { SubnetIds?: string[]; SecurityGroupIds?: string[] }, string[]][] = [
      ["good", { SubnetIds: net.subnets.slice(0, 2), SecurityGroupIds: [net.group] }, []],
      ["no-subnet", { SubnetIds: ["subnet-doesnotexist"], SecurityGroupIds: [net.group] }, ["SUBNET_NOT_FOUND"]],
      ["no-group", { SubnetIds: [net.subnets[0]], SecurityGroupIds: ["sg-doesnotexist"] }, ["SECURITY_GROUPS_NOT_FOUND"]],
      ["two-vpcs", { SubnetIds: [net.subnets[0], otherSubnet] }, ["INVALID_SUBNET_CONFIGURATION"]],
      ["group-elsewhere", { SubnetIds: [net.subnets[0]], SecurityGroupIds: [otherGroup] }, ["SECURITY_GROUPS_NOT_FOUND"]],
      ["account-b", { SubnetIds: [b.subnets[0]], SecurityGroupIds: [b.group] }, ["SUBNET_NOT_FOUND", "SECURITY_GROUPS_NOT_FOUND"]],
    ];
    for (const [name, VpcConfig] of cases) {
      await create({ Name: name, VpcConfig });
      await client.send(new StartFleetCommand({ Name: name }));
    }
    const fleets = async () => (await client.send(new DescribeFleetsCommand({ Names: cases.map((c) => c[0]) }))).Fleets!;
    assert.ok((await fleets()).every((f) => f.State === "STARTING" && f.FleetErrors!.length === 0));
    server.clock.advance(T);
    for (const [f, [name, , codes]] of (await fleets()).map((f, i) => [f, cases[i]] as const)) {
      assert.equal(f.State, codes.length ? "STOPPED" : "RUNNING", name);
      assert.deepEqual(
        f.FleetErrors!.map((e) => e.ErrorCode),
        codes,
        name,
      );
      if (codes.length) assert.deepEqual(f.ComputeCapacityStatus, { Desired: 1, Running: 0, InUse: 0, Available: 0 }, name);
    }
    assert.match((await fleets())[1].FleetErrors![0].ErrorMessage!, /subnet-doesnotexist/);
    // The SDK's fleetStarted waiter fails on the STOPPED fleet and succeeds on the good one.
    const waited = await rejection(() => waitUntilFleetStarted({ client, maxWaitTime: 60 }, { Names: ["no-subnet"] }));
    assert.match(waited.message, /FAILURE/);
    assert.equal((await waitUntilFleetStarted({ client, maxWaitTime: 60 }, { Names: ["good"] })).state, "SUCCESS");

    // Given a subnet that exists, the stopped fleet starts, and its errors are gone.
    await client.send(
      new UpdateFleetCommand({ Name: "no-subnet", VpcConfig: { SubnetIds: [net.subnets[1]], SecurityGroupIds: [net.group] } }),
    );
    await client.send(new StartFleetCommand({ Name: "no-subnet" }));
    server.clock.advance(T);
    const [fixed] = (await client.send(new DescribeFleetsCommand({ Names: ["no-subnet"] }))).Fleets!;
    assert.deepEqual([fixed.State, fixed.FleetErrors], ["RUNNING", []]);
    await client.send(new StopFleetCommand({ Name: "no-subnet" }));
    server.clock.advance(T);
    assert.deepEqual((await client.send(new DescribeFleetsCommand({ Names: ["no-subnet"] }))).Fleets![0].FleetErrors, []);
  });

  it("refuses an Elastic fleet whose subnets are all in one Availability Zone", async () => {
    const ec2 = fx.ec2();
    const net = await defaultNetwork(ec2);
    const { Subnet } = await ec2.send(
      new CreateSubnetCommand({ VpcId: net.vpcId, CidrBlock: "172.31.200.0/24", AvailabilityZone: `${REGION}a` }),
    );
    const e = await rejection(() => create({ Name: "one-zone", VpcConfig: { SubnetIds: [net.subnets[0], Subnet!.SubnetId!] } }, ELASTIC));
    assert.equal(e.name, "InvalidParameterCombinationException");
    assert.match(e.message, /different Availability Zones/);
    await create({ Name: "two-zones", VpcConfig: { SubnetIds: net.subnets.slice(0, 2) } }, ELASTIC);
    const moved = await rejection(() =>
      client.send(new UpdateFleetCommand({ Name: "two-zones", VpcConfig: { SubnetIds: [net.subnets[0], Subnet!.SubnetId!] } })),
    );
    assert.equal(moved.name, "InvalidParameterCombinationException");
    await client.send(new StartFleetCommand({ Name: "two-zones" }));
    server.clock.advance(T);
    assert.equal((await client.send(new DescribeFleetsCommand({ Names: ["two-zones"] }))).Fleets![0].State, "RUNNING");
  });
});
