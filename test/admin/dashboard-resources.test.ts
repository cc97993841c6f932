// The dashboard's resource routes (/_imagelite/resources...): kinds, accounts, server-side pages over many AMIs
// with next tokens, search and sort, and each resource as its owner's API shows it, with its timeline and
// its sharing. Resources are made by the AWS SDK, as a user of the dashboard would have made them.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { CreateImageBuilderCommand, UpdateImagePermissionsCommand, type AppStreamClient } from "@aws-sdk/client-appstream";
import {
  CreateFleetCommand,
  CreateLaunchTemplateCommand,
  CreateNetworkInterfaceCommand,
  DeleteFleetsCommand,
  DescribeImagesCommand,
  DescribeSpotInstanceRequestsCommand,
  DescribeSubnetsCommand,
  ModifyImageAttributeCommand,
  RegisterImageCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import { PutParameterCommand } from "@aws-sdk/client-ssm";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, admin, createImageFromBuilder, REGION, T, TEST_START, useServer } from "../support/server";
import { ownSnapshot, registerAmi } from "../ec2/helpers";

const ACCOUNT_C = "333333333333";
const PUBLIC_WIN = "AppStream-WinServer2022-11-10-2025";

describe("dashboard resource routes", () => {
  const fx = useServer();
  let server: Imagelite;
  let ec2: EC2Client;
  let appstream: AppStreamClient;
  before(() => {
    server = fx.server;
    ec2 = fx.ec2(ACCOUNT_A);
    appstream = fx.appstream(ACCOUNT_A);
  });
  const get = (path: string) => admin(server, "GET", path);

  it("lists the kinds the services declare, with whether each has a lifecycle and sharing", async () => {
    const r = await get("/_imagelite/resources/kinds");
    assert.equal(r.status, 200);
    const kinds = new Map<string, { service: string; label: string; lifecycle: boolean; sharing: boolean }>(
      r.body.kinds.map((k: { kind: string }) => [k.kind, k]),
    );
    for (const kind of [
      "ec2.image",
      "ec2.snapshot",
      "ec2.instance",
      "ec2.volume",
      "ec2.launch-template",
      "ec2.import-image-task",
      "ec2.fast-launch",
      "ec2.image-usage-report",
      "ec2.key-pair",
      "ec2.security-group",
      "ec2.vpc",
      "ec2.subnet",
      "ec2.internet-gateway",
      "ec2.route-table",
      "ec2.network-acl",
      "ec2.address",
      "ec2.network-interface",
      "ec2.fleet",
      "ec2.spot-instance-request",
      "appstream.image",
      "appstream.image-builder",
      "appstream.fleet",
      "appstream.stack",
      "appstream.user",
      "appstream.entitlement",
      "appstream.application",
      "appstream.app-block",
      "appstream.app-block-builder",
      "ssm.parameter",
    ]) {
      assert.ok(kinds.has(kind), `kind ${kind}`);
    }
    assert.deepEqual(kinds.get("ec2.image"), { kind: "ec2.image", service: "ec2", label: "AMIs", lifecycle: true, sharing: true });
    assert.equal(kinds.get("appstream.image")!.sharing, true);
    assert.equal(kinds.get("ec2.network-interface")!.label, "Network interfaces");
    assert.equal(kinds.get("ec2.fleet")!.label, "EC2 Fleets");
    assert.equal(kinds.get("ec2.spot-instance-request")!.label, "Spot requests");
    assert.equal(kinds.get("appstream.stack")!.lifecycle, false);
  });

  it("lists the accounts and regions that hold resources", async () => {
    assert.deepEqual((await get("/_imagelite/resources/accounts")).body, { accounts: [] });
    await registerAmi(ec2, "in-a");
    await registerAmi(fx.ec2(ACCOUNT_B, "eu-west-1"), "in-b");
    await fx.ssm(ACCOUNT_B).send(new PutParameterCommand({ Name: "/app/x", Value: "1", Type: "String" }));
    const r = await get("/_imagelite/resources/accounts");
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.accounts, [
      { account: ACCOUNT_A, regions: [REGION] },
      { account: ACCOUNT_B, regions: ["eu-west-1", REGION] },
    ]);
  });

  it("pages 250 AMIs by id with next tokens, every AMI once, and filters by account", async () => {
    const snapshot = await ownSnapshot(ec2);
    const made: string[] = [];
    for (let i = 0; i < 250; i++) {
      const r = await ec2.send(
        new RegisterImageCommand({
          Name: `bulk-${String(i).padStart(3, "0")}`,
          RootDeviceName: "/dev/xvda",
          BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: snapshot } }],
        }),
      );
      made.push(r.ImageId!);
    }
    const other = await registerAmi(fx.ec2(ACCOUNT_B), "other-account");
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const r = await get(`/_imagelite/resources?kind=ec2.image&account=${ACCOUNT_A}&limit=100${next ? `&next=${next}` : ""}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.ok(r.body.items.length <= 100);
      for (const item of r.body.items) {
        assert.equal(item.kind, "ec2.image");
        assert.equal(item.account, ACCOUNT_A);
        assert.equal(item.region, REGION);
        assert.equal(item.created, new Date(TEST_START).toISOString());
        assert.equal(item.state, "pending");
        seen.push(item.id);
      }
      next = r.body.next;
      pages++;
    } while (next);
    assert.equal(pages, 3);
    assert.deepEqual(seen, [...made].sort(), "every AMI once, in id order");
    assert.ok(!seen.includes(other));
    // Without an account, both accounts' AMIs, in (id, account, region) order.
    const all = await get("/_imagelite/resources?kind=ec2.image&limit=500");
    assert.equal(all.body.items.length, 251);
    assert.equal(all.body.next, undefined);
    assert.ok(all.body.items.some((i: { id: string; account: string }) => i.id === other && i.account === ACCOUNT_B));
  });

  it("searches ids and names, case-insensitively, and sorts by name, state and creation", async () => {
    const alpha = await registerAmi(ec2, "Alpha-web");
    server.clock.advance(60);
    const beta = await registerAmi(ec2, "beta-web");
    server.clock.advance(60);
    const gamma = await registerAmi(ec2, "gamma-db");
    const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => i.id);

    assert.deepEqual(ids(await get("/_imagelite/resources?kind=ec2.image&q=WEB&sort=name")), [alpha, beta]);
    assert.deepEqual(ids(await get(`/_imagelite/resources?kind=ec2.image&q=${gamma.slice(-8)}`)), [gamma]);
    assert.deepEqual(ids(await get("/_imagelite/resources?kind=ec2.image&sort=name&order=desc")), [gamma, beta, alpha]);
    assert.deepEqual(ids(await get("/_imagelite/resources?kind=ec2.image&sort=created&order=desc")), [gamma, beta, alpha]);
    // Sorted in full: pages of an order other than ids continue with their token.
    const first = await get("/_imagelite/resources?kind=ec2.image&sort=created&limit=2");
    assert.deepEqual(ids(first), [alpha, beta]);
    assert.equal(first.body.sortLimited, undefined);
    const second = await get(`/_imagelite/resources?kind=ec2.image&sort=created&limit=2&next=${first.body.next}`);
    assert.deepEqual(ids(second), [gamma]);
    assert.equal(second.body.next, undefined);
    // A token continues only the query it came from.
    const mixed = await get(`/_imagelite/resources?kind=ec2.image&sort=name&limit=2&next=${first.body.next}`);
    assert.equal(mixed.status, 400);
    assert.equal(mixed.body.code, "InvalidNextToken");
    server.clock.advance(10 * T);
    const byState = await get("/_imagelite/resources?kind=ec2.image&sort=state");
    assert.ok(byState.body.items.every((i: { state: string }) => i.state === "available"));
  });

  it("lists network interfaces, EC2 Fleets and Spot requests, each as its describe call shows it to its owner", async () => {
    const ami = await registerAmi(ec2, "fleet-base");
    server.clock.advance(T + 1);
    const [subnet] = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "default-for-az", Values: ["true"] }] }))).Subnets!;
    const { NetworkInterface } = await ec2.send(
      new CreateNetworkInterfaceCommand({ SubnetId: subnet.SubnetId, Description: "kept apart" }),
    );
    const eniId = NetworkInterface!.NetworkInterfaceId!;
    await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "dash-lt", LaunchTemplateData: { ImageId: ami } }));
    const fleet = await ec2.send(
      new CreateFleetCommand({
        Type: "instant",
        LaunchTemplateConfigs: [
          { LaunchTemplateSpecification: { LaunchTemplateName: "dash-lt", Version: "1" }, Overrides: [{ InstanceType: "t3.micro" }] },
        ],
        TargetCapacitySpecification: { TotalTargetCapacity: 1, DefaultTargetCapacityType: "spot" },
      }),
    );
    const fleetId = fleet.FleetId!;
    const instanceId = fleet.Instances![0].InstanceIds![0];
    const [request] = (await ec2.send(new DescribeSpotInstanceRequestsCommand({}))).SpotInstanceRequests!;

    const list = async (kind: string) => (await get(`/_imagelite/resources?kind=${kind}&account=${ACCOUNT_A}`)).body.items;
    const enis = await list("ec2.network-interface");
    const mine = enis.find((i: { id: string }) => i.id === eniId);
    assert.deepEqual(
      { name: mine.name, state: mine.state, created: mine.created },
      { name: "kept apart", state: "available", created: new Date(server.clock.now()).toISOString() },
    );
    // The fleet's instance has its primary interface, in use.
    assert.ok(enis.some((i: { id: string; state: string }) => i.id !== eniId && i.state === "in-use"));
    const one = await get(`/_imagelite/resources/ec2.network-interface/${ACCOUNT_A}/${REGION}/${eniId}`);
    assert.equal(one.status, 200, JSON.stringify(one.body));
    assert.equal(one.body.resource.NetworkInterfaceId, eniId);
    assert.equal(one.body.resource.Status, "available");
    assert.equal(one.body.resource.SubnetId, subnet.SubnetId);
    assert.equal(one.body.resource.PrivateIpAddress, NetworkInterface!.PrivateIpAddress);

    const [listedFleet] = await list("ec2.fleet");
    assert.deepEqual([listedFleet.id, listedFleet.name, listedFleet.state], [fleetId, "instant", "active"]);
    const f = await get(`/_imagelite/resources/ec2.fleet/${ACCOUNT_A}/${REGION}/${fleetId}`);
    assert.equal(f.status, 200, JSON.stringify(f.body));
    assert.equal(f.body.resource.FleetState, "active");
    assert.equal(f.body.resource.Type, "instant");
    assert.deepEqual(f.body.resource.Instances[0].InstanceIds, [instanceId]);
    assert.equal(f.body.resource.TargetCapacitySpecification.TotalTargetCapacity, 1);

    const [listedRequest] = await list("ec2.spot-instance-request");
    assert.deepEqual([listedRequest.id, listedRequest.name, listedRequest.state], [request.SpotInstanceRequestId, instanceId, "active"]);
    const sir = await get(`/_imagelite/resources/ec2.spot-instance-request/${ACCOUNT_A}/${REGION}/${request.SpotInstanceRequestId}`);
    assert.equal(sir.status, 200, JSON.stringify(sir.body));
    assert.equal(sir.body.resource.InstanceId, instanceId);
    assert.equal(sir.body.resource.State, "active");
    assert.equal(sir.body.resource.Status.Code, "fulfilled");

    // Deleted, the fleet terminates its instance: deleted_terminating, then deleted; the request closes.
    await ec2.send(new DeleteFleetsCommand({ FleetIds: [fleetId], TerminateInstances: true }));
    assert.equal((await list("ec2.fleet"))[0].state, "deleted_terminating");
    assert.equal((await list("ec2.spot-instance-request"))[0].state, "closed");
    server.clock.advance(10 * T);
    assert.equal((await list("ec2.fleet"))[0].state, "deleted");
  });

  it("shows an AMI as DescribeImages shows it to its owner, with its timeline and its two grantees", async () => {
    const id = await registerAmi(ec2, "shared-ami", { Description: "for two accounts" });
    await ec2.send(
      new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }, { UserId: ACCOUNT_C }] } }),
    );
    const r = await get(`/_imagelite/resources/ec2.image/${ACCOUNT_A}/${REGION}/${id}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.kind, "ec2.image");
    assert.equal(r.body.account, ACCOUNT_A);
    assert.equal(r.body.id, id);
    assert.equal(r.body.name, "shared-ami");
    const described = (await ec2.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images![0];
    assert.equal(r.body.resource.ImageId, described.ImageId);
    assert.equal(r.body.resource.Name, described.Name);
    assert.equal(r.body.resource.State, described.State);
    assert.equal(r.body.resource.Description, "for two accounts");
    assert.equal(r.body.resource.OwnerId, ACCOUNT_A);
    assert.ok(r.body.resource.DeregistrationProtection, "the owner's view");
    assert.deepEqual(r.body.timeline[0], { state: "pending", at: new Date(TEST_START).toISOString(), past: true });
    assert.equal(r.body.timeline[1].state, "available");
    assert.equal(r.body.timeline[1].past, false);
    assert.deepEqual(
      [...r.body.sharing].sort((x: { principal: string }, y: { principal: string }) => (x.principal < y.principal ? -1 : 1)),
      [
        { principal: ACCOUNT_B, kind: "account", permissions: ["launch"] },
        { principal: ACCOUNT_C, kind: "account", permissions: ["launch"] },
      ],
    );
    await ec2.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ Group: "all" }] } }));
    const pub = await get(`/_imagelite/resources/ec2.image/${ACCOUNT_A}/${REGION}/${id}`);
    assert.ok(pub.body.sharing.some((s: { kind: string; principal: string }) => s.kind === "public" && s.principal === "all"));
  });

  it("shows an image builder's timeline moving from PENDING to RUNNING as the clock advances", async () => {
    await appstream.send(
      new CreateImageBuilderCommand({ Name: "dash-builder", ImageName: PUBLIC_WIN, InstanceType: "stream.standard.small" }),
    );
    const path = `/_imagelite/resources/appstream.image-builder/${ACCOUNT_A}/${REGION}/dash-builder`;
    const before = await get(path);
    assert.equal(before.status, 200, JSON.stringify(before.body));
    assert.equal(before.body.state, "PENDING");
    assert.equal(before.body.resource.State, "PENDING");
    assert.equal(before.body.resource.Name, "dash-builder");
    assert.deepEqual(
      before.body.timeline.map((s: { state: string; past: boolean }) => [s.state, s.past]),
      [
        ["PENDING", true],
        ["RUNNING", false],
      ],
    );
    assert.equal(Date.parse(before.body.timeline[0].at), TEST_START);
    assert.ok(Date.parse(before.body.timeline[1].at) > TEST_START);
    server.clock.advance(T);
    const after = await get(path);
    assert.equal(after.body.state, "RUNNING");
    assert.equal(after.body.resource.State, "RUNNING");
    assert.deepEqual(
      after.body.timeline.map((s: { past: boolean }) => s.past),
      [true, true],
    );
    const list = await get(`/_imagelite/resources?kind=appstream.image-builder&account=${ACCOUNT_A}&region=${REGION}`);
    assert.deepEqual(list.body.items, [
      {
        kind: "appstream.image-builder",
        account: ACCOUNT_A,
        region: REGION,
        id: "dash-builder",
        state: "RUNNING",
        created: new Date(TEST_START).toISOString(),
      },
    ]);
  });

  it("shows an AppStream image's sharing: the account and what it may do", async () => {
    await appstream.send(new CreateImageBuilderCommand({ Name: "ib", ImageName: PUBLIC_WIN, InstanceType: "stream.standard.medium" }));
    server.clock.advance(T);
    assert.equal((await createImageFromBuilder(server, "ib", "dash-img")).status, 200);
    server.clock.advance(2 * T);
    await appstream.send(
      new UpdateImagePermissionsCommand({ Name: "dash-img", SharedAccountId: ACCOUNT_B, ImagePermissions: { allowFleet: true } }),
    );
    const r = await get(`/_imagelite/resources/appstream.image/${ACCOUNT_A}/${REGION}/dash-img`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.resource.Name, "dash-img");
    assert.equal(r.body.resource.Visibility, "PRIVATE");
    assert.equal(r.body.resource.ImageSharedWithOthers, "TRUE");
    assert.deepEqual(r.body.sharing, [{ principal: ACCOUNT_B, kind: "account", permissions: ["allowFleet"] }]);
  });

  it("finds a parameter whose name holds slashes, by its %-encoded name", async () => {
    await fx.ssm(ACCOUNT_A).send(new PutParameterCommand({ Name: "/dash/db/url", Value: "postgres://x", Type: "String" }));
    const list = await get(`/_imagelite/resources?kind=ssm.parameter&q=db`);
    assert.deepEqual(
      list.body.items.map((i: { id: string }) => i.id),
      ["/dash/db/url"],
    );
    const r = await get(`/_imagelite/resources/ssm.parameter/${ACCOUNT_A}/${REGION}/${encodeURIComponent("/dash/db/url")}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.resource.Name, "/dash/db/url");
    assert.equal(r.body.resource.Value, "postgres://x");
    assert.equal(r.body.resource.Version, 1);
  });

  it("answers 404 for a resource or kind that is not there", async () => {
    const missing = await get(`/_imagelite/resources/ec2.image/${ACCOUNT_A}/${REGION}/ami-0123456789abcdef0`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, "ResourceNotFound");
    const kind = await get(`/_imagelite/resources?kind=ec2.nothing`);
    assert.equal(kind.status, 404);
    assert.equal(kind.body.code, "UnknownKind");
  });

  it("refuses malformed query parameters with a 400 JSON error", async () => {
    for (const query of [
      "",
      "kind=ec2.image&limit=0",
      "kind=ec2.image&limit=501",
      "kind=ec2.image&limit=-1",
      "kind=ec2.image&limit=1e3",
      "kind=ec2.image&limit=abc",
      "kind=ec2.image&sort=size",
      "kind=ec2.image&order=up",
      "kind=ec2.image&kind=ec2.snapshot",
      "kind=ec2.image&next=not-a-token",
      `kind=ec2.image&next=${Buffer.from('{"h":"x","k":[1,2]}').toString("base64url")}`,
      `kind=ec2.image&next=${Buffer.from("null").toString("base64url")}`,
      `kind=ec2.image&q=${"x".repeat(300)}`,
      "kind=ec2.image&q=%00",
      "kind=ec2.image&bogus=1",
    ]) {
      const r = await get(`/_imagelite/resources?${query}`);
      assert.equal(r.status, 400, `${query}: ${JSON.stringify(r.body)}`);
      assert.equal(typeof r.body.code, "string");
      assert.equal(typeof r.body.message, "string");
    }
    const badEscape = await get(`/_imagelite/resources/ec2.image/${ACCOUNT_A}/${REGION}/%E0%A4%A`);
    assert.equal(badEscape.status, 400);
    const badAccount = await get(`/_imagelite/resources/ec2.image/${encodeURIComponent("../x")}/${REGION}/ami-1`);
    assert.equal(badAccount.status, 400);
  });
});
