// The calls the Terraform AWS provider makes for aws_appstream_directory_config, aws_appstream_fleet,
// aws_appstream_image_builder and aws_appstream_entitlement (internal/service/appstream/directory_config.go,
// fleet.go, image_builder.go, entitlement.go), replayed in its order through the SDK: create, its waiter, the
// read after each write, updates in place or through stop/start, destroy and the destroy check. After each
// apply a second read (a refresh) must show no difference from what the configuration wrote.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateDirectoryConfigCommand,
  CreateEntitlementCommand,
  CreateStackCommand,
  DeleteEntitlementCommand,
  DeleteStackCommand,
  DescribeEntitlementsCommand,
  UpdateEntitlementCommand,
  type Entitlement,
  CreateFleetCommand,
  CreateImageBuilderCommand,
  DeleteDirectoryConfigCommand,
  DeleteFleetCommand,
  DeleteImageBuilderCommand,
  DescribeDirectoryConfigsCommand,
  DescribeFleetsCommand,
  DescribeImageBuildersCommand,
  ListTagsForResourceCommand,
  StartFleetCommand,
  StopFleetCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateDirectoryConfigCommand,
  UpdateFleetCommand,
  type AppStreamClient,
  type DirectoryConfig,
  type Fleet,
  type ImageBuilder,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { rejection, useServer } from "../support/server";
import { defaultNetwork } from "./network";

const IMAGE = "AppStream-WinServer2019-11-10-2025";
const OU = "OU=appstream,DC=corp,DC=example,DC=com";

/** Seconds between two polls of a waiter here: Terraform's StateChangeConf polls for minutes; the clock moves instead. */
const POLL = 5;

describe("Terraform's AppStream call sequences", () => {
  const fx = useServer();
  let server: Imagelite;
  let client: AppStreamClient;
  before(() => {
    server = fx.server;
    client = fx.appstream();
  });

  /**
   * A Terraform waiter (StateChangeConf): reads until the target state, the clock moving between reads; a
   * state outside `pending` fails it, as does a read that finds nothing unless the target is "gone".
   */
  async function waitFor(label: string, read: () => Promise<string | undefined>, target: string, pending: string[]): Promise<void> {
    for (let poll = 0; poll < 60; poll++) {
      const state = await read();
      if (state === target) return;
      assert.ok(state !== undefined && pending.includes(state), `${label}: unexpected state ${state} while waiting for ${target}`);
      server.clock.advance(POLL);
    }
    assert.fail(`${label}: still not ${target}`);
  }

  const fleetState = async (name: string) => {
    try {
      return (await client.send(new DescribeFleetsCommand({ Names: [name] }))).Fleets![0].State;
    } catch (e) {
      if ((e as Error).name === "ResourceNotFoundException") return "gone";
      throw e;
    }
  };
  const builderState = async (name: string) => {
    try {
      return (await client.send(new DescribeImageBuildersCommand({ Names: [name] }))).ImageBuilders![0].State;
    } catch (e) {
      if ((e as Error).name === "ResourceNotFoundException") return "gone";
      throw e;
    }
  };

  // ---- aws_appstream_directory_config ----
  interface DirectoryConfigTf {
    directory_name: string;
    organizational_unit_distinguished_names: string[];
    account_name: string;
    account_password: string;
  }
  /** resourceDirectoryConfigRead: the password stays what the state holds, since AWS never returns it. */
  async function readDirectoryConfig(name: string, password: string) {
    const d: DirectoryConfig = (await client.send(new DescribeDirectoryConfigsCommand({ DirectoryNames: [name] }))).DirectoryConfigs![0];
    assert.ok(d.CreatedTime instanceof Date);
    return {
      directory_name: d.DirectoryName!,
      organizational_unit_distinguished_names: [...(d.OrganizationalUnitDistinguishedNames ?? [])].sort(),
      account_name: d.ServiceAccountCredentials!.AccountName!,
      account_password: password,
    };
  }
  async function createDirectoryConfig(tf: DirectoryConfigTf) {
    const out = await client.send(
      new CreateDirectoryConfigCommand({
        DirectoryName: tf.directory_name,
        OrganizationalUnitDistinguishedNames: tf.organizational_unit_distinguished_names,
        ServiceAccountCredentials: { AccountName: tf.account_name, AccountPassword: tf.account_password },
      }),
    );
    return readDirectoryConfig(out.DirectoryConfig!.DirectoryName!, tf.account_password);
  }

  // ---- aws_appstream_fleet ----
  interface FleetTf {
    name: string;
    image_name: string;
    instance_type: string;
    fleet_type: "ON_DEMAND" | "ALWAYS_ON";
    desired_instances: number;
    description: string;
    display_name: string;
    disconnect_timeout_in_seconds: number;
    idle_disconnect_timeout_in_seconds: number;
    max_user_duration_in_seconds: number;
    enable_default_internet_access: boolean;
    stream_view: "APP" | "DESKTOP";
    domain_join_info: { directory_name: string; organizational_unit_distinguished_name: string };
    vpc_config: { subnet_ids: string[]; security_group_ids: string[] };
    tags: Record<string, string>;
  }
  /** resourceFleetRead: DescribeFleets by name, then the tags (transparent tagging). */
  async function readFleet(name: string): Promise<FleetTf> {
    const f: Fleet = (await client.send(new DescribeFleetsCommand({ Names: [name] }))).Fleets![0];
    const tags = (await client.send(new ListTagsForResourceCommand({ ResourceArn: f.Arn }))).Tags ?? {};
    assert.ok(f.CreatedTime instanceof Date);
    return {
      name: f.Name!,
      image_name: f.ImageName!,
      instance_type: f.InstanceType!,
      fleet_type: f.FleetType as FleetTf["fleet_type"],
      desired_instances: f.ComputeCapacityStatus!.Desired!,
      description: f.Description!,
      display_name: f.DisplayName!,
      disconnect_timeout_in_seconds: f.DisconnectTimeoutInSeconds!,
      idle_disconnect_timeout_in_seconds: f.IdleDisconnectTimeoutInSeconds!,
      max_user_duration_in_seconds: f.MaxUserDurationInSeconds!,
      enable_default_internet_access: f.EnableDefaultInternetAccess!,
      stream_view: f.StreamView as FleetTf["stream_view"],
      domain_join_info: {
        directory_name: f.DomainJoinInfo!.DirectoryName!,
        organizational_unit_distinguished_name: f.DomainJoinInfo!.OrganizationalUnitDistinguishedName!,
      },
      vpc_config: { subnet_ids: f.VpcConfig!.SubnetIds!, security_group_ids: f.VpcConfig!.SecurityGroupIds! },
      tags,
    };
  }
  /** resourceFleetCreate: CreateFleet, StartFleet, wait for RUNNING, read. */
  async function createFleet(tf: FleetTf): Promise<FleetTf> {
    const out = await client.send(
      new CreateFleetCommand({
        Name: tf.name,
        InstanceType: tf.instance_type,
        ComputeCapacity: { DesiredInstances: tf.desired_instances },
        Tags: tf.tags,
        Description: tf.description,
        DisconnectTimeoutInSeconds: tf.disconnect_timeout_in_seconds,
        IdleDisconnectTimeoutInSeconds: tf.idle_disconnect_timeout_in_seconds,
        DisplayName: tf.display_name,
        DomainJoinInfo: {
          DirectoryName: tf.domain_join_info.directory_name,
          OrganizationalUnitDistinguishedName: tf.domain_join_info.organizational_unit_distinguished_name,
        },
        EnableDefaultInternetAccess: tf.enable_default_internet_access,
        FleetType: tf.fleet_type,
        ImageName: tf.image_name,
        MaxUserDurationInSeconds: tf.max_user_duration_in_seconds,
        StreamView: tf.stream_view,
        VpcConfig: { SubnetIds: tf.vpc_config.subnet_ids, SecurityGroupIds: tf.vpc_config.security_group_ids },
      }),
    );
    await client.send(new StartFleetCommand({ Name: out.Fleet!.Name }));
    await waitFor("fleet running", () => fleetState(tf.name), "RUNNING", ["STARTING"]);
    return readFleet(tf.name);
  }
  /** resourceFleetUpdate: a change of the attributes a running fleet cannot take goes through stop and start. */
  const NEEDS_STOP = new Set([
    "description",
    "domain_join_info",
    "enable_default_internet_access",
    "instance_type",
    "max_user_duration_in_seconds",
    "stream_view",
    "vpc_config",
  ]);
  async function updateFleet(old: FleetTf, tf: FleetTf): Promise<FleetTf> {
    const changed = (Object.keys(tf) as (keyof FleetTf)[]).filter((k) => JSON.stringify(old[k]) !== JSON.stringify(tf[k]));
    const stop = changed.some((k) => NEEDS_STOP.has(k));
    if (stop) {
      await client.send(new StopFleetCommand({ Name: tf.name }));
      await waitFor("fleet stopped", () => fleetState(tf.name), "STOPPED", ["STOPPING"]);
    }
    const input: Record<string, unknown> = { Name: tf.name };
    for (const k of changed) {
      if (k === "desired_instances") input.ComputeCapacity = { DesiredInstances: tf.desired_instances };
      else if (k === "description") input.Description = tf.description;
      else if (k === "display_name") input.DisplayName = tf.display_name;
      else if (k === "instance_type") input.InstanceType = tf.instance_type;
      else if (k === "idle_disconnect_timeout_in_seconds") input.IdleDisconnectTimeoutInSeconds = tf.idle_disconnect_timeout_in_seconds;
      else if (k === "max_user_duration_in_seconds") input.MaxUserDurationInSeconds = tf.max_user_duration_in_seconds;
      else if (k !== "tags") assert.fail(`the test does not change ${k}`);
    }
    await client.send(new UpdateFleetCommand(input as never));
    if (stop) {
      await client.send(new StartFleetCommand({ Name: tf.name }));
      await waitFor("fleet running", () => fleetState(tf.name), "RUNNING", ["STARTING"]);
    }
    return readFleet(tf.name);
  }
  /** resourceFleetDelete: StopFleet, wait for STOPPED, DeleteFleet. */
  async function deleteFleet(name: string): Promise<void> {
    await client.send(new StopFleetCommand({ Name: name }));
    await waitFor("fleet stopped", () => fleetState(name), "STOPPED", ["STOPPING"]);
    await client.send(new DeleteFleetCommand({ Name: name }));
  }

  it("aws_appstream_directory_config and aws_appstream_fleet: create, refresh, update in place and through stop/start, destroy", async () => {
    const net = await defaultNetwork(fx.ec2());
    const dirConfig: DirectoryConfigTf = {
      directory_name: "corp.example.com",
      organizational_unit_distinguished_names: [OU],
      account_name: "CORP\\appstream",
      account_password: "P4ssw0rd!",
    };
    let dirState = await createDirectoryConfig(dirConfig);
    assert.deepEqual(dirState, dirConfig);
    assert.deepEqual(await readDirectoryConfig(dirConfig.directory_name, dirConfig.account_password), dirState);

    const config: FleetTf = {
      name: "tf-fleet",
      image_name: IMAGE,
      instance_type: "stream.standard.small",
      fleet_type: "ON_DEMAND",
      desired_instances: 1,
      description: "Managed by Terraform",
      display_name: "TF fleet",
      disconnect_timeout_in_seconds: 60,
      idle_disconnect_timeout_in_seconds: 60,
      max_user_duration_in_seconds: 600,
      enable_default_internet_access: false,
      stream_view: "APP",
      domain_join_info: { directory_name: dirConfig.directory_name, organizational_unit_distinguished_name: OU },
      vpc_config: { subnet_ids: net.subnets.slice(0, 2), security_group_ids: [net.group] },
      tags: { Name: "tf-fleet" },
    };
    let state = await createFleet(config);
    assert.deepEqual(state, config);
    assert.deepEqual(await readFleet(config.name), state, "a refresh right after the apply shows no difference");

    // In place on the running fleet: capacity and display name.
    const scaled = { ...config, desired_instances: 2, display_name: "TF fleet, scaled" };
    state = await updateFleet(state, scaled);
    assert.deepEqual(state, scaled);
    assert.equal(await fleetState(config.name), "RUNNING");
    assert.deepEqual(await readFleet(config.name), state);

    // Through stop and start: instance type, description and maximum session duration.
    const resized = { ...scaled, instance_type: "stream.standard.medium", description: "Resized", max_user_duration_in_seconds: 7200 };
    state = await updateFleet(state, resized);
    assert.deepEqual(state, resized);
    assert.deepEqual(await readFleet(config.name), state);

    // The directory config gets one more OU: UpdateDirectoryConfig, then its read.
    const moreOus = { ...dirConfig, organizational_unit_distinguished_names: [OU, "OU=extra,DC=corp,DC=example,DC=com"].sort() };
    await client.send(
      new UpdateDirectoryConfigCommand({
        DirectoryName: dirConfig.directory_name,
        OrganizationalUnitDistinguishedNames: moreOus.organizational_unit_distinguished_names,
      }),
    );
    dirState = await readDirectoryConfig(dirConfig.directory_name, dirConfig.account_password);
    assert.deepEqual(dirState, moreOus);

    // Destroy in dependency order: the config cannot go first.
    const early = await rejection(() => client.send(new DeleteDirectoryConfigCommand({ DirectoryName: dirConfig.directory_name })));
    assert.equal(early.name, "ResourceInUseException");
    await deleteFleet(config.name);
    await client.send(new DeleteDirectoryConfigCommand({ DirectoryName: dirConfig.directory_name }));
    assert.equal(await fleetState(config.name), "gone");
    const gone = await rejection(() => client.send(new DescribeDirectoryConfigsCommand({ DirectoryNames: [dirConfig.directory_name] })));
    assert.equal(gone.name, "ResourceNotFoundException");
  });

  // ---- aws_appstream_image_builder ----
  interface BuilderTf {
    name: string;
    image_arn: string;
    instance_type: string;
    description: string;
    enable_default_internet_access: boolean;
    vpc_config: { subnet_ids: string[] };
    tags: Record<string, string>;
  }
  /** resourceImageBuilderRead: FindImageBuilderByName, then ListTags. */
  async function readBuilder(name: string): Promise<BuilderTf & { appstream_agent_version: string; state: string }> {
    const b: ImageBuilder = (await client.send(new DescribeImageBuildersCommand({ Names: [name] }))).ImageBuilders![0];
    const tags = (await client.send(new ListTagsForResourceCommand({ ResourceArn: b.Arn }))).Tags ?? {};
    assert.ok(b.CreatedTime instanceof Date);
    return {
      name: b.Name!,
      image_arn: b.ImageArn!,
      instance_type: b.InstanceType!,
      description: b.Description!,
      enable_default_internet_access: b.EnableDefaultInternetAccess!,
      vpc_config: { subnet_ids: b.VpcConfig!.SubnetIds! },
      tags,
      appstream_agent_version: b.AppstreamAgentVersion!,
      state: b.State!,
    };
  }

  it("aws_appstream_image_builder: create and wait RUNNING, refresh, update tags, destroy and wait until gone", async () => {
    const net = await defaultNetwork(fx.ec2());
    const config: BuilderTf = {
      name: "tf-builder",
      image_arn: `arn:aws:appstream:us-east-1::image/${IMAGE}`,
      instance_type: "stream.standard.medium",
      description: "Managed by Terraform",
      enable_default_internet_access: false,
      vpc_config: { subnet_ids: [net.subnets[0]] },
      tags: { key1: "value1" },
    };
    const out = await client.send(
      new CreateImageBuilderCommand({
        Name: config.name,
        ImageArn: config.image_arn,
        InstanceType: config.instance_type,
        Description: config.description,
        EnableDefaultInternetAccess: config.enable_default_internet_access,
        VpcConfig: { SubnetIds: config.vpc_config.subnet_ids },
        Tags: config.tags,
      }),
    );
    await waitFor("builder running", () => builderState(out.ImageBuilder!.Name!), "RUNNING", ["PENDING"]);
    const { appstream_agent_version, state, ...written } = await readBuilder(config.name);
    assert.deepEqual(written, config);
    assert.equal(state, "RUNNING");
    assert.match(appstream_agent_version, /^\d{2}-\d{2}-\d{4}$/);
    assert.deepEqual(await readBuilder(config.name), { ...written, appstream_agent_version, state }, "a refresh shows no difference");

    // Tags change in place: TagResource for new and changed keys, UntagResource for removed ones, then the read.
    const arn = (await client.send(new DescribeImageBuildersCommand({ Names: [config.name] }))).ImageBuilders![0].Arn!;
    await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ["key1"] }));
    await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { key2: "value2" } }));
    assert.deepEqual((await readBuilder(config.name)).tags, { key2: "value2" });

    // resourceImageBuilderDelete: DeleteImageBuilder, then wait until DescribeImageBuilders finds nothing.
    await client.send(new DeleteImageBuilderCommand({ Name: config.name }));
    await waitFor("builder deleted", () => builderState(config.name), "gone", ["DELETING"]);
    const destroyed = await rejection(() => client.send(new DescribeImageBuildersCommand({ Names: [config.name] })));
    assert.equal(destroyed.name, "ResourceNotFoundException");
  });

  // ---- aws_appstream_entitlement ----
  interface EntitlementTf {
    name: string;
    stack_name: string;
    description: string;
    app_visibility: "ALL" | "ASSOCIATED";
    attributes: { name: string; value: string }[];
  }
  /** findEntitlementByTwoPartKey: DescribeEntitlements by stack and name, paged; ResourceNotFoundException is "gone". */
  async function findEntitlement(stack: string, name: string): Promise<Entitlement | undefined> {
    const found: Entitlement[] = [];
    let NextToken: string | undefined;
    try {
      do {
        const page = await client.send(new DescribeEntitlementsCommand({ StackName: stack, Name: name, NextToken }));
        found.push(...page.Entitlements!);
        NextToken = page.NextToken;
      } while (NextToken);
    } catch (e) {
      if ((e as Error).name === "ResourceNotFoundException") return undefined;
      throw e;
    }
    assert.ok(found.length <= 1, "a single result");
    return found[0];
  }
  async function readEntitlement(stack: string, name: string): Promise<EntitlementTf> {
    const e = await findEntitlement(stack, name);
    assert.ok(e, `entitlement ${name} not found`);
    assert.ok(e.CreatedTime instanceof Date && e.LastModifiedTime instanceof Date);
    return {
      name: e.Name!,
      stack_name: e.StackName!,
      description: e.Description!,
      app_visibility: e.AppVisibility as EntitlementTf["app_visibility"],
      attributes: e.Attributes!.map((a) => ({ name: a.Name!, value: a.Value! })),
    };
  }

  it("aws_appstream_entitlement: create on its stack, refresh, update, destroy and wait until gone", async () => {
    await client.send(new CreateStackCommand({ Name: "tf-stack" }));
    const config: EntitlementTf = {
      name: "tf-entitlement",
      stack_name: "tf-stack",
      description: "Test description",
      app_visibility: "ALL",
      // A supported SAML attribute name (EntitlementAttribute, API reference).
      attributes: [{ name: "department", value: "test.example.com" }],
    };
    const out = await client.send(
      new CreateEntitlementCommand({
        Name: config.name,
        StackName: config.stack_name,
        AppVisibility: config.app_visibility,
        Attributes: config.attributes.map((a) => ({ Name: a.name, Value: a.value })),
        Description: config.description,
      }),
    );
    let state = await readEntitlement(config.stack_name, out.Entitlement!.Name!);
    assert.deepEqual(state, config);
    assert.deepEqual(await readEntitlement(config.stack_name, config.name), state, "a refresh shows no difference");

    // resourceEntitlementUpdate sends what changed, then reads.
    const updated: EntitlementTf = {
      ...config,
      description: "Updated test description",
      attributes: [{ name: "department", value: "development" }],
    };
    await client.send(
      new UpdateEntitlementCommand({
        Name: config.name,
        StackName: config.stack_name,
        Description: updated.description,
        Attributes: updated.attributes.map((a) => ({ Name: a.name, Value: a.value })),
      }),
    );
    state = await readEntitlement(config.stack_name, config.name);
    assert.deepEqual(state, updated);
    assert.deepEqual(await readEntitlement(config.stack_name, config.name), state);

    // resourceEntitlementDelete: DeleteEntitlement, then read until not found; then the stack goes.
    await client.send(new DeleteEntitlementCommand({ Name: config.name, StackName: config.stack_name }));
    assert.equal(await findEntitlement(config.stack_name, config.name), undefined);
    await client.send(new DeleteStackCommand({ Name: "tf-stack" }));
    assert.equal(await findEntitlement(config.stack_name, config.name), undefined, "the destroy check");
  });
});
