// License-included software on image builders (AssociateSoftwareToImageBuilder, DisassociateSoftwareFromImageBuilder,
// DescribeSoftwareAssociations, StartSoftwareDeploymentToImageBuilder), streaming sessions (DescribeSessions,
// ExpireSession, DrainSessionInstance), the license usage they leave (DescribeAppLicenseUsage) and user pool users
// confirmed by their first session, through the SDK on the manual clock.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AssociateFleetCommand,
  AssociateSoftwareToImageBuilderCommand,
  CreateFleetCommand,
  CreateImageBuilderCommand,
  CreateStackCommand,
  CreateStreamingURLCommand,
  CreateUserCommand,
  DeleteImageBuilderCommand,
  DescribeAppLicenseUsageCommand,
  DescribeFleetsCommand,
  DescribeSessionsCommand,
  DescribeSoftwareAssociationsCommand,
  DescribeUsersCommand,
  DisassociateSoftwareFromImageBuilderCommand,
  DrainSessionInstanceCommand,
  ExpireSessionCommand,
  StartFleetCommand,
  StartSoftwareDeploymentToImageBuilderCommand,
  StopFleetCommand,
  StopImageBuilderCommand,
  type AppStreamClient,
  type CreateFleetCommandInput,
  type CreateImageBuilderCommandInput,
} from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, createImageFromBuilder, rejection, REGION, T, TEST_START, useServer } from "../support/server";

const BASE = "AppStream-WinServer2022-11-10-2025";
const LINUX = "AppStream-AmazonLinux2-08-18-2026";
const OFFICE = "Microsoft_Office_2021_LTSC_Professional_Plus_64Bit";
const VISIO = "Microsoft_Visio_2021_LTSC_Professional_64Bit";
const PROJECT = "Microsoft_Project_2024_Standard_64Bit";
const builderArn = (name: string) => `arn:aws:appstream:${REGION}:${ACCOUNT_A}:image-builder/${name}`;

describe("AppStream license-included software on image builders", () => {
  const fx = useServer();
  let server: Imagelite;
  let client: AppStreamClient;
  before(() => {
    server = fx.server;
    client = fx.appstream();
  });

  async function runningBuilder(name = "ib", ImageName = BASE, InstanceType = "stream.standard.medium"): Promise<void> {
    await client.send(new CreateImageBuilderCommand({ Name: name, ImageName, InstanceType }));
    server.clock.advance(T);
  }
  const statuses = async (name = "ib") =>
    Object.fromEntries(
      (await client.send(new DescribeSoftwareAssociationsCommand({ AssociatedResource: builderArn(name) }))).SoftwareAssociations!.map(
        (a) => [a.SoftwareName, a.Status],
      ),
    );
  const associate = (SoftwareNames: string[], ImageBuilderName = "ib") =>
    client.send(new AssociateSoftwareToImageBuilderCommand({ ImageBuilderName, SoftwareNames }));
  const disassociate = (SoftwareNames: string[], ImageBuilderName = "ib") =>
    client.send(new DisassociateSoftwareFromImageBuilderCommand({ ImageBuilderName, SoftwareNames }));
  const deploy = (RetryFailedDeployments?: boolean) =>
    client.send(new StartSoftwareDeploymentToImageBuilderCommand({ ImageBuilderName: "ib", RetryFailedDeployments }));

  it("stages, installs and uninstalls software on the clock; an image made then keeps what was installed", async () => {
    await runningBuilder();
    await associate([OFFICE, VISIO]);
    const out = await client.send(new DescribeSoftwareAssociationsCommand({ AssociatedResource: builderArn("ib") }));
    assert.equal(out.AssociatedResource, builderArn("ib"));
    assert.deepEqual(await statuses(), { [OFFICE]: "STAGED_FOR_INSTALLATION", [VISIO]: "STAGED_FOR_INSTALLATION" });
    await deploy();
    assert.deepEqual(await statuses(), { [OFFICE]: "PENDING_INSTALLATION", [VISIO]: "PENDING_INSTALLATION" });
    // Nothing changes while a deployment runs.
    for (const send of [() => associate([PROJECT]), () => disassociate([OFFICE]), () => deploy()]) {
      assert.equal((await rejection(send)).name, "ConcurrentModificationException");
    }
    server.clock.advance(2 * T);
    assert.deepEqual(await statuses(), { [OFFICE]: "INSTALLED", [VISIO]: "INSTALLED" });

    // Visio staged for uninstallation, Project staged then dropped before any deployment.
    await associate([PROJECT]);
    await disassociate([VISIO, PROJECT]);
    assert.deepEqual(await statuses(), { [OFFICE]: "INSTALLED", [VISIO]: "STAGED_FOR_UNINSTALLATION" });
    await associate([VISIO]);
    assert.equal((await statuses())[VISIO], "INSTALLED", "associated again before the uninstallation was deployed");
    await disassociate([VISIO]);
    await deploy();
    assert.equal((await statuses())[VISIO], "PENDING_UNINSTALLATION");
    server.clock.advance(2 * T);
    assert.deepEqual(await statuses(), { [OFFICE]: "INSTALLED" });

    assert.equal((await createImageFromBuilder(server, "ib", "office")).status, 200);
    const image = await client.send(
      new DescribeSoftwareAssociationsCommand({ AssociatedResource: `arn:aws:appstream:${REGION}:${ACCOUNT_A}:image/office` }),
    );
    assert.deepEqual(image.SoftwareAssociations, [{ SoftwareName: OFFICE, Status: "INSTALLED" }]);

    // A builder made from the image starts with its software; SoftwaresToInstall and SoftwaresToUninstall apply
    // while it is PENDING.
    server.clock.advance(2 * T);
    await client.send(new CreateImageBuilderCommand({ Name: "same", ImageName: "office", InstanceType: "stream.standard.medium" }));
    assert.deepEqual(await statuses("same"), { [OFFICE]: "INSTALLED" });
    await client.send(
      new CreateImageBuilderCommand({
        Name: "swap",
        ImageName: "office",
        InstanceType: "stream.standard.medium",
        SoftwaresToInstall: [PROJECT],
        SoftwaresToUninstall: [OFFICE],
      }),
    );
    assert.deepEqual(await statuses("swap"), { [OFFICE]: "PENDING_UNINSTALLATION", [PROJECT]: "PENDING_INSTALLATION" });
    server.clock.advance(T);
    assert.deepEqual(await statuses("swap"), { [PROJECT]: "INSTALLED" });
    const refusals: [Partial<CreateImageBuilderCommandInput>, string][] = [
      [{ SoftwaresToUninstall: [VISIO] }, "InvalidParameterCombinationException"],
      [{ SoftwaresToInstall: ["Microsoft_Project_2024_Standard_32Bit"] }, "InvalidParameterCombinationException"],
      [{ SoftwaresToInstall: ["Notepad"] }, "InvalidParameterCombinationException"],
      [{ ImageName: LINUX, SoftwaresToInstall: [PROJECT] }, "IncompatibleImageException"],
    ];
    for (const [input, code] of refusals) {
      const e = await rejection(() =>
        client.send(
          new CreateImageBuilderCommand({ Name: "refused", ImageName: "office", InstanceType: "stream.standard.medium", ...input }),
        ),
      );
      assert.equal(e.name, code, JSON.stringify(input));
    }
  });

  it("refuses unknown builders and software, builders not RUNNING, Linux images and mixed 32-bit and 64-bit editions", async () => {
    let e = await rejection(() => associate([OFFICE]));
    assert.equal(e.name, "ResourceNotFoundException");
    e = await rejection(() => client.send(new DescribeSoftwareAssociationsCommand({ AssociatedResource: builderArn("ib") })));
    assert.equal(e.name, "ResourceNotFoundException");
    await client.send(new CreateImageBuilderCommand({ Name: "ib", ImageName: BASE, InstanceType: "stream.standard.medium" }));
    e = await rejection(() => associate([OFFICE]));
    assert.equal(e.name, "OperationNotPermittedException", "the builder is PENDING");
    server.clock.advance(T);
    e = await rejection(() => associate(["Microsoft_Word_2003"]));
    assert.equal(e.name, "InvalidParameterCombinationException");
    e = await rejection(() => associate([OFFICE, "Microsoft_Visio_2021_LTSC_Professional_32Bit"]));
    assert.equal(e.name, "InvalidParameterCombinationException");
    e = await rejection(() => disassociate([OFFICE]));
    assert.equal(e.name, "InvalidParameterCombinationException", "not associated");

    await runningBuilder("linux", LINUX, "stream.standard.medium");
    e = await rejection(() => associate([OFFICE], "linux"));
    assert.equal(e.name, "IncompatibleImageException");

    await associate([OFFICE]);
    await client.send(new StopImageBuilderCommand({ Name: "ib" }));
    e = await rejection(() => deploy());
    assert.equal(e.name, "OperationNotPermittedException");
    server.clock.advance(T);
    // A deleted builder takes its associations with it.
    await client.send(new DeleteImageBuilderCommand({ Name: "ib" }));
    server.clock.advance(T);
    await runningBuilder();
    assert.deepEqual(await statuses(), {});
  });

  it("a fault rule fails a deployment with its error; RetryFailedDeployments deploys it again", async () => {
    await runningBuilder();
    await associate([OFFICE]);
    server.faults.add({
      service: "appstream",
      operation: "StartSoftwareDeploymentToImageBuilder",
      times: 1,
      lifecycle: { outcome: "fail", reason: "The installer could not reach its source." },
    });
    await deploy();
    server.clock.advance(2 * T);
    const [failed] = (await client.send(new DescribeSoftwareAssociationsCommand({ AssociatedResource: builderArn("ib") })))
      .SoftwareAssociations!;
    assert.deepEqual(failed, {
      SoftwareName: OFFICE,
      Status: "FAILED_TO_INSTALL",
      DeploymentError: [{ ErrorCode: "SOFTWARE_INSTALLATION_FAILED", ErrorMessage: "The installer could not reach its source." }],
    });
    await deploy();
    assert.equal((await statuses())[OFFICE], "FAILED_TO_INSTALL", "failed ones wait for RetryFailedDeployments");
    await deploy(true);
    server.clock.advance(2 * T);
    assert.deepEqual(await statuses(), { [OFFICE]: "INSTALLED" });
  });
});

describe("AppStream streaming sessions and license usage", () => {
  const fx = useServer();
  let server: Imagelite;
  let client: AppStreamClient;
  before(() => {
    server = fx.server;
    client = fx.appstream();
  });

  /** A RUNNING fleet `f` on `ImageName`, associated with stack `s`. */
  async function streamingFleet(ImageName = BASE, extra: Partial<CreateFleetCommandInput> = {}): Promise<void> {
    await client.send(
      new CreateFleetCommand({
        Name: "f",
        ImageName,
        InstanceType: "stream.standard.medium",
        ComputeCapacity: { DesiredInstances: 2 },
        MaxUserDurationInSeconds: 3600,
        ...extra,
      }),
    );
    await client.send(new CreateStackCommand({ Name: "s" }));
    await client.send(new AssociateFleetCommand({ FleetName: "f", StackName: "s" }));
    await client.send(new StartFleetCommand({ Name: "f" }));
    server.clock.advance(T);
  }
  const stream = (UserId: string) => client.send(new CreateStreamingURLCommand({ StackName: "s", FleetName: "f", UserId }));
  const sessions = async (more: { UserId?: string; InstanceId?: string } = {}) =>
    // A UserId needs its AuthenticationType (DescribeSessions): the streaming URLs here are API ones.
    (
      await client.send(
        new DescribeSessionsCommand({ StackName: "s", FleetName: "f", ...more, ...(more.UserId ? { AuthenticationType: "API" } : {}) }),
      )
    ).Sessions!;

  it("a streaming URL starts the user's session: PENDING, ACTIVE, then ended by MaxUserDurationInSeconds", async () => {
    await streamingFleet();
    await stream("alice");
    const [pending] = await sessions();
    assert.equal(pending.State, "PENDING");
    assert.equal(pending.ConnectionState, "NOT_CONNECTED");
    assert.match(pending.Id!, /^[a-f0-9-]{36}$/);
    assert.match(pending.InstanceId!, /^i-[0-9a-f]{17}$/);
    server.clock.advance(T);
    const [active] = await sessions();
    assert.deepEqual(active, {
      ...pending,
      State: "ACTIVE",
      ConnectionState: "CONNECTED",
      StartTime: new Date(TEST_START + 2 * T * 1000),
      MaxExpirationTime: new Date(TEST_START + 2 * T * 1000 + 3600_000),
      AuthenticationType: "API",
      InstanceDrainStatus: "NOT_APPLICABLE",
      UserId: "alice",
      StackName: "s",
      FleetName: "f",
    });
    // Another URL for the same user reconnects to the same session; another user has a session of their own.
    await stream("alice");
    await stream("bob");
    assert.equal((await sessions()).length, 2);
    // Each session holds one of the fleet's two instances.
    const [fleet] = (await client.send(new DescribeFleetsCommand({ Names: ["f"] }))).Fleets!;
    assert.deepEqual(
      [fleet.ComputeCapacityStatus!.Running, fleet.ComputeCapacityStatus!.InUse, fleet.ComputeCapacityStatus!.Available],
      [2, 2, 0],
    );
    assert.deepEqual(
      (await sessions({ UserId: "alice" })).map((s) => s.Id),
      [active.Id],
    );
    assert.deepEqual(await sessions({ InstanceId: active.InstanceId }), [active]);
    assert.deepEqual(
      (await client.send(new DescribeSessionsCommand({ StackName: "s", FleetName: "f", AuthenticationType: "USERPOOL" }))).Sessions,
      [],
    );
    const page = await client.send(new DescribeSessionsCommand({ StackName: "s", FleetName: "f", Limit: 1 }));
    assert.equal(page.Sessions!.length, 1);
    const rest = await client.send(new DescribeSessionsCommand({ StackName: "s", FleetName: "f", Limit: 1, NextToken: page.NextToken }));
    assert.equal(rest.Sessions!.length, 1);
    assert.notEqual(rest.Sessions![0].Id, page.Sessions![0].Id);

    // Alice's session reaches its MaxExpirationTime first (Bob's started a step later).
    const states = async () => Object.fromEntries((await sessions()).map((s) => [s.UserId, s.State]));
    server.clock.advance(3600);
    assert.deepEqual(await states(), { alice: "EXPIRED", bob: "ACTIVE" });
    server.clock.advance(T);
    assert.deepEqual(await states(), { bob: "EXPIRED" });
    server.clock.advance(T);
    assert.deepEqual(await sessions(), []);
  });

  it("ExpireSession and a stopping fleet end sessions; a user pool user is CONFIRMED by their first session", async () => {
    await streamingFleet();
    const user = "carol@example.com";
    await client.send(new CreateUserCommand({ UserName: user, AuthenticationType: "USERPOOL", MessageAction: "SUPPRESS" }));
    const status = async () => (await client.send(new DescribeUsersCommand({ AuthenticationType: "USERPOOL" }))).Users![0].Status;
    await stream(user);
    assert.equal(await status(), "UNCONFIRMED", "not signed in while the session is PENDING");
    server.clock.advance(T);
    assert.equal(await status(), "CONFIRMED");

    const [s] = await sessions();
    await client.send(new ExpireSessionCommand({ SessionId: s.Id }));
    assert.equal((await sessions())[0].State, "EXPIRED");
    // An unknown id is accepted, as the operation names no error.
    await client.send(new ExpireSessionCommand({ SessionId: "00000000-0000-4000-8000-000000000000" }));
    server.clock.advance(T);
    assert.deepEqual(await sessions(), []);
    assert.equal(await status(), "CONFIRMED", "and stays so");

    await stream("dave");
    server.clock.advance(T);
    await client.send(new StopFleetCommand({ Name: "f" }));
    assert.equal((await sessions())[0].State, "EXPIRED");
  });

  it("DrainSessionInstance drains a multi-session instance; new sessions go elsewhere", async () => {
    await streamingFleet(BASE, {
      MaxSessionsPerInstance: 2,
      ComputeCapacity: { DesiredSessions: 4 },
      InstanceType: "stream.standard.xlarge",
    });
    await stream("u1");
    await stream("u2");
    const [a, b] = await sessions();
    assert.equal(a.InstanceId, b.InstanceId, "two sessions share an instance");
    assert.deepEqual([a.InstanceDrainStatus, b.InstanceDrainStatus], ["ACTIVE", "ACTIVE"]);
    await client.send(new DrainSessionInstanceCommand({ SessionId: a.Id }));
    const drained = await sessions({ InstanceId: a.InstanceId });
    assert.deepEqual(
      drained.map((s) => [s.State, s.InstanceDrainStatus]),
      [
        ["PENDING", "DRAINING"],
        ["PENDING", "DRAINING"],
      ],
      "its sessions go on",
    );
    await stream("u3");
    const [c] = await sessions({ UserId: "u3" });
    const [fleet] = (await client.send(new DescribeFleetsCommand({ Names: ["f"] }))).Fleets!;
    assert.equal(fleet.ComputeCapacityStatus!.ActiveUserSessions, 3);
    assert.notEqual(c.InstanceId, a.InstanceId);
    assert.equal(c.InstanceDrainStatus, "ACTIVE");

    const unknown = await rejection(() => client.send(new DrainSessionInstanceCommand({ SessionId: "no-such-session" })));
    assert.equal(unknown.name, "ResourceNotFoundException");
  });

  it("draining does not apply to single-session fleets", async () => {
    await streamingFleet();
    await stream("u1");
    const [s] = await sessions();
    const e = await rejection(() => client.send(new DrainSessionInstanceCommand({ SessionId: s.Id })));
    assert.equal(e.name, "OperationNotPermittedException");
  });

  it("sessions on an image with license-included software are its usage, by billing period", async () => {
    await client.send(new CreateImageBuilderCommand({ Name: "ib", ImageName: BASE, InstanceType: "stream.standard.medium" }));
    server.clock.advance(T);
    await client.send(new AssociateSoftwareToImageBuilderCommand({ ImageBuilderName: "ib", SoftwareNames: [OFFICE, VISIO] }));
    await client.send(new StartSoftwareDeploymentToImageBuilderCommand({ ImageBuilderName: "ib" }));
    server.clock.advance(2 * T);
    assert.equal((await createImageFromBuilder(server, "ib", "office")).status, 200);
    server.clock.advance(2 * T);
    await streamingFleet("office");
    const user = "erin@example.com";
    await client.send(new CreateUserCommand({ UserName: user, AuthenticationType: "USERPOOL", MessageAction: "SUPPRESS" }));
    await stream(user);
    await stream("frank");

    const period = new Date(server.clock.now()).toISOString().slice(0, 7);
    const usage = (await client.send(new DescribeAppLicenseUsageCommand({ BillingPeriod: period }))).AppLicenseUsages!;
    const started = new Date(server.clock.now().getTime() + T * 1000);
    assert.deepEqual(
      usage
        .map((u) => [
          u.UserId,
          u.LicenseType,
          u.UserArn,
          u.OwnerAWSAccountId,
          u.BillingPeriod,
          u.SubscriptionFirstUsedDate,
          u.SubscriptionLastUsedDate,
        ])
        .sort((x, y) => `${x[0]}${x[1]}`.localeCompare(`${y[0]}${y[1]}`)),
      [
        [user, OFFICE, `arn:aws:appstream:${REGION}:${ACCOUNT_A}:user/userpool/${user}`, ACCOUNT_A, period, started, started],
        [user, VISIO, `arn:aws:appstream:${REGION}:${ACCOUNT_A}:user/userpool/${user}`, ACCOUNT_A, period, started, started],
        ["frank", OFFICE, `arn:aws:appstream:${REGION}:${ACCOUNT_A}:user/api/frank`, ACCOUNT_A, period, started, started],
        ["frank", VISIO, `arn:aws:appstream:${REGION}:${ACCOUNT_A}:user/api/frank`, ACCOUNT_A, period, started, started],
      ].sort((x, y) => `${x[0]}${x[1]}`.localeCompare(`${y[0]}${y[1]}`)),
    );
    const page = await client.send(new DescribeAppLicenseUsageCommand({ BillingPeriod: period, MaxResults: 3 }));
    assert.equal(page.AppLicenseUsages!.length, 3);
    const rest = await client.send(new DescribeAppLicenseUsageCommand({ BillingPeriod: period, MaxResults: 3, NextToken: page.NextToken }));
    assert.equal(rest.AppLicenseUsages!.length, 1);
    assert.deepEqual((await client.send(new DescribeAppLicenseUsageCommand({ BillingPeriod: "2020-01" }))).AppLicenseUsages, []);
    const bad = await rejection(() => client.send(new DescribeAppLicenseUsageCommand({ BillingPeriod: "August 2025" })));
    assert.equal(bad.name, "InvalidParameterCombinationException");
  });
});
