// Fleet lifecycle and UpdateFleet's per-state rules (AppStream API reference, UpdateFleet).
import { before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateFleetCommand,
  DeleteFleetCommand,
  DescribeFleetsCommand,
  StartFleetCommand,
  StopFleetCommand,
  UpdateFleetCommand,
  type AppStreamClient,
  type CreateFleetCommandInput,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, rejection, T, useServer } from "../support/server";
import { defaultNetwork, type DefaultNetwork } from "./network";

const IMAGE = "AppStream-WinServer2019-11-10-2025";
/** fleet-1 runs in two of the account's default subnets with its default group (read before each test). */
const FLEET_1_BASE: CreateFleetCommandInput = {
  Name: "fleet-1",
  ImageName: IMAGE,
  InstanceType: "stream.standard.medium",
  FleetType: "ALWAYS_ON",
  ComputeCapacity: { DesiredInstances: 3 },
  DisplayName: "Fleet one",
  Description: "desktops",
  MaxUserDurationInSeconds: 7200,
  DisconnectTimeoutInSeconds: 600,
  IdleDisconnectTimeoutInSeconds: 300,
  EnableDefaultInternetAccess: false,
  IamRoleArn: "arn:aws:iam::111111111111:role/fleet",
  StreamView: "DESKTOP",
  Tags: { env: "test" },
};
const ELASTIC_1: CreateFleetCommandInput = {
  Name: "elastic-1",
  FleetType: "ELASTIC",
  InstanceType: "stream.standard.small",
  Platform: "AMAZON_LINUX2",
  MaxConcurrentSessions: 10,
  VpcConfig: { SubnetIds: ["subnet-a", "subnet-b"] },
};

describe("AppStream fleets", () => {
  const fx = useServer();
  let server: Imagelite;
  let client: AppStreamClient;
  before(() => {
    server = fx.server;
    client = fx.appstream();
  });
  let net: DefaultNetwork;
  let FLEET_1: CreateFleetCommandInput;
  beforeEach(async () => {
    net = await defaultNetwork(fx.ec2());
    FLEET_1 = { ...FLEET_1_BASE, VpcConfig: { SubnetIds: net.subnets.slice(0, 2), SecurityGroupIds: [net.group] } };
  });

  const fleet = async (name: string) => (await client.send(new DescribeFleetsCommand({ Names: [name] }))).Fleets![0];
  /** fleet-1, started and RUNNING with its 3 instances (one comes up every T seconds). */
  async function runningFleet1(): Promise<void> {
    await client.send(new CreateFleetCommand(FLEET_1));
    await client.send(new StartFleetCommand({ Name: "fleet-1" }));
    server.clock.advance(3 * T);
  }

  it("is created STOPPED with its attributes and capacity", async () => {
    const { Fleet } = await client.send(new CreateFleetCommand(FLEET_1));
    assert.equal(Fleet!.State, "STOPPED");
    assert.equal(Fleet!.Arn, `arn:aws:appstream:us-east-1:${ACCOUNT_A}:fleet/fleet-1`);
    assert.equal(Fleet!.ImageName, IMAGE);
    assert.equal(Fleet!.ImageArn, `arn:aws:appstream:us-east-1::image/${IMAGE}`);
    assert.equal(Fleet!.Platform, "WINDOWS_SERVER_2019");
    assert.equal(Fleet!.FleetType, "ALWAYS_ON");
    assert.equal(Fleet!.StreamView, "DESKTOP");
    assert.deepEqual(Fleet!.ComputeCapacityStatus, { Desired: 3, Running: 0, InUse: 0, Available: 0 });
    assert.deepEqual(Fleet!.VpcConfig?.SubnetIds, net.subnets.slice(0, 2));
    assert.equal(Fleet!.MaxUserDurationInSeconds, 7200);
  });

  it("starts through STARTING to RUNNING with capacity following the desired count", async () => {
    await client.send(new CreateFleetCommand(FLEET_1));
    await client.send(new StartFleetCommand({ Name: "fleet-1" }));
    assert.equal((await fleet("fleet-1")).State, "STARTING");
    const midStart = await rejection(() => client.send(new StopFleetCommand({ Name: "fleet-1" })));
    assert.equal(midStart.name, "ConcurrentModificationException");
    const updateWhileStarting = await rejection(() => client.send(new UpdateFleetCommand({ Name: "fleet-1", DisplayName: "x" })));
    assert.equal(updateWhileStarting.name, "ResourceInUseException");
    server.clock.advance(T);
    const running = await fleet("fleet-1");
    assert.equal(running.State, "RUNNING");
    // The instances come up one at a time (phase fleetScale each), as a fleet scaling out does.
    assert.deepEqual(running.ComputeCapacityStatus, { Desired: 3, Running: 1, InUse: 0, Available: 1 });
    server.clock.advance(T);
    assert.equal((await fleet("fleet-1")).ComputeCapacityStatus!.Running, 2);
    server.clock.advance(T);
    assert.deepEqual((await fleet("fleet-1")).ComputeCapacityStatus, { Desired: 3, Running: 3, InUse: 0, Available: 3 });
    server.clock.advance(10 * T);
    assert.equal((await fleet("fleet-1")).ComputeCapacityStatus!.Running, 3);
  });

  it("lets a running fleet change only what the API reference lists", async () => {
    await runningFleet1();
    const { Fleet } = await client.send(
      new UpdateFleetCommand({
        Name: "fleet-1",
        DisplayName: "Renamed",
        ComputeCapacity: { DesiredInstances: 5 },
        DisconnectTimeoutInSeconds: 900,
      }),
    );
    assert.equal(Fleet!.DisplayName, "Renamed");
    assert.equal(Fleet!.ComputeCapacityStatus!.Desired, 5);
    // Scaling out starts from the 3 instances the fleet has.
    assert.equal(Fleet!.ComputeCapacityStatus!.Running, 3);
    server.clock.advance(2 * T);
    assert.equal((await fleet("fleet-1")).ComputeCapacityStatus!.Running, 5);
    for (const change of [
      { Description: "new" },
      { InstanceType: "stream.standard.large" },
      { AttributesToDelete: ["VPC_CONFIGURATION" as const] },
    ]) {
      const e = await rejection(() => client.send(new UpdateFleetCommand({ Name: "fleet-1", ...change })));
      assert.equal(e.name, "ResourceInUseException", JSON.stringify(change));
    }
    const deleteRunning = await rejection(() => client.send(new DeleteFleetCommand({ Name: "fleet-1" })));
    assert.equal(deleteRunning.name, "ResourceInUseException");
  });

  it("stops, then accepts any change but the name, and deletes attributes", async () => {
    await runningFleet1();
    await client.send(new StopFleetCommand({ Name: "fleet-1" }));
    assert.equal((await fleet("fleet-1")).State, "STOPPING");
    server.clock.advance(T);
    const stopped = await fleet("fleet-1");
    assert.equal(stopped.State, "STOPPED");
    assert.equal(stopped.ComputeCapacityStatus!.Running, 0);
    const { Fleet } = await client.send(
      new UpdateFleetCommand({
        Name: "fleet-1",
        Description: "updated",
        InstanceType: "stream.standard.large",
        AttributesToDelete: ["VPC_CONFIGURATION_SECURITY_GROUP_IDS", "IAM_ROLE_ARN"],
        // A fleet moves to an image of another platform only with that platform (UpdateFleet, Platform).
        ImageName: "AppStream-WinServer2022-11-10-2025",
        Platform: "WINDOWS_SERVER_2022",
      }),
    );
    assert.equal(Fleet!.Description, "updated");
    assert.equal(Fleet!.InstanceType, "stream.standard.large");
    assert.equal(Fleet!.IamRoleArn, undefined);
    assert.deepEqual(Fleet!.VpcConfig, { SubnetIds: net.subnets.slice(0, 2) });
    assert.equal(Fleet!.ImageName, "AppStream-WinServer2022-11-10-2025");
    const { Fleet: noVpc } = await client.send(new UpdateFleetCommand({ Name: "fleet-1", DeleteVpcConfig: true }));
    assert.equal(noVpc!.VpcConfig, undefined);
  });

  it("refuses bad capacity, duplicates, unknown fleets and images", async () => {
    await client.send(new CreateFleetCommand(FLEET_1));
    const both = await rejection(() =>
      client.send(
        new CreateFleetCommand({
          Name: "f2",
          ImageName: IMAGE,
          InstanceType: "stream.standard.small",
          ComputeCapacity: { DesiredInstances: 1, DesiredSessions: 2 },
        }),
      ),
    );
    assert.equal(both.name, "InvalidParameterCombinationException");
    const dup = await rejection(() =>
      client.send(
        new CreateFleetCommand({
          Name: "fleet-1",
          ImageName: IMAGE,
          InstanceType: "stream.standard.small",
          ComputeCapacity: { DesiredInstances: 1 },
        }),
      ),
    );
    assert.equal(dup.name, "ResourceAlreadyExistsException");
    const noImage = await rejection(() =>
      client.send(
        new CreateFleetCommand({
          Name: "f2",
          ImageName: "missing",
          InstanceType: "stream.standard.small",
          ComputeCapacity: { DesiredInstances: 1 },
        }),
      ),
    );
    assert.equal(noImage.name, "ResourceNotFoundException");
    for (const cmd of [
      new StartFleetCommand({ Name: "nope" }),
      new StopFleetCommand({ Name: "nope" }),
      new DeleteFleetCommand({ Name: "nope" }),
      new DescribeFleetsCommand({ Names: ["nope"] }),
      new UpdateFleetCommand({ Name: "nope", DisplayName: "x" }),
    ]) {
      const e = await rejection(() => client.send(cmd as never));
      assert.equal(e.name, "ResourceNotFoundException");
    }
  });

  it("makes elastic fleets without an image", async () => {
    const { Fleet } = await client.send(new CreateFleetCommand(ELASTIC_1));
    assert.equal(Fleet!.FleetType, "ELASTIC");
    assert.equal(Fleet!.ImageName, undefined);
    assert.equal(Fleet!.MaxConcurrentSessions, 10);
  });

  it("deletes a stopped fleet", async () => {
    await client.send(new CreateFleetCommand(FLEET_1));
    await client.send(new CreateFleetCommand(ELASTIC_1));
    await client.send(new DeleteFleetCommand({ Name: "fleet-1" }));
    const e = await rejection(() => client.send(new DescribeFleetsCommand({ Names: ["fleet-1"] })));
    assert.equal(e.name, "ResourceNotFoundException");
    const all = await client.send(new DescribeFleetsCommand({}));
    assert.deepEqual(
      all.Fleets!.map((f) => f.Name),
      ["elastic-1"],
    );
  });
});
