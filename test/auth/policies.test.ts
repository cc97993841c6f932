// IAM-style identity policies, one case per feature, through the real clients: Action/NotAction with
// wildcards, Resource/NotResource with ARN wildcards, aws:RequestedRegion, aws:ResourceTag/<key>,
// explicit deny over allow, and EC2 DryRun telling the truth.
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AppStreamClient,
  CreateFleetCommand,
  DeleteFleetCommand,
  DescribeFleetsCommand,
  StartFleetCommand,
} from "@aws-sdk/client-appstream";
import { DeregisterImageCommand, DescribeImagesCommand, EC2Client, RegisterImageCommand } from "@aws-sdk/client-ec2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { startImagelite, type Imagelite } from "../../src/index";
import { appstream } from "../../src/services/appstream";
import { ec2 } from "../../src/services/ec2";
import { sts } from "../../src/services/sts";
import { rejection, useServer } from "../support/server";
import { ownSnapshot } from "../ec2/helpers";

const ACCOUNT = "333333333333";
const allow = (Action: unknown, Resource: unknown = "*", extra: object = {}) => ({ Effect: "Allow", Action, Resource, ...extra });
const deny = (Action: unknown, Resource: unknown = "*", extra: object = {}) => ({ Effect: "Deny", Action, Resource, ...extra });

/** Access key → its policies; every key acts as ACCOUNT. */
const POLICIES: Record<string, object[]> = {
  ADMIN: [],
  READONLY: [{ Version: "2012-10-17", Statement: allow("appstream:Describe*") }],
  NODELETE: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", NotAction: ["appstream:Delete*"], Resource: "*" }] }],
  DEVFLEETS: [
    { Version: "2012-10-17", Statement: [allow("appstream:*", "arn:aws:appstream:*:*:fleet/dev-*"), allow("appstream:DescribeFleets")] },
  ],
  NOTPROD: [
    { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "appstream:*", NotResource: "arn:aws:appstream:*:*:fleet/prod-*" }] },
  ],
  EUONLY: [{ Version: "2012-10-17", Statement: allow("*", "*", { Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } }) }],
  TAGGED: [
    {
      Version: "2012-10-17",
      Statement: [
        allow(["appstream:StartFleet", "appstream:DeleteFleet"], "*", { Condition: { StringEquals: { "aws:ResourceTag/env": "test" } } }),
        allow(["appstream:CreateFleet", "appstream:DescribeFleets"]),
      ],
    },
  ],
  EC2NODEREG: [{ Version: "2012-10-17", Statement: [allow("ec2:*"), deny("ec2:DeregisterImage")] }],
  MIXEDCASE: [{ Version: "2012-10-17", Statement: { Effect: "Allow", Action: "AppStream:describefleets", Resource: "*" } }],
};

describe("identity policies", () => {
  let dir: string;
  const fx = useServer(() => {
    dir = mkdtempSync(join(tmpdir(), "imagelite-policies-"));
    const file = join(dir, "credentials.json");
    writeFileSync(
      file,
      JSON.stringify(
        Object.fromEntries(Object.entries(POLICIES).map(([k, p]) => [k, { secretAccessKey: "s", accountId: ACCOUNT, policies: p }])),
      ),
    );
    return { credentialsFile: file };
  });
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  /** The fleets the cases act on, tagged or not. */
  beforeEach(async () => {
    const admin = as("ADMIN");
    for (const [name, tags] of [
      ["dev-1", { env: "test" }],
      ["test-1", { env: "test" }],
      ["prod-1", { env: "prod" }],
      ["free-1", undefined],
    ] as const) {
      await admin.send(
        new CreateFleetCommand({
          Name: name,
          ImageName: "AppStream-WinServer2022-11-10-2025",
          InstanceType: "stream.standard.small",
          ComputeCapacity: { DesiredInstances: 1 },
          Tags: tags,
        }),
      );
    }
    admin.destroy();
  });

  function as(key: string, region = "us-east-1"): AppStreamClient {
    return new AppStreamClient({
      endpoint: server.endpoint,
      region,
      credentials: { accessKeyId: key, secretAccessKey: "s" },
      maxAttempts: 1,
    });
  }
  const ec2As = (key: string) =>
    new EC2Client({
      endpoint: server.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: key, secretAccessKey: "s" },
      maxAttempts: 1,
    });
  const fleet = (name: string) => ({
    Name: name,
    ImageName: "AppStream-WinServer2022-11-10-2025",
    InstanceType: "stream.standard.small",
    ComputeCapacity: { DesiredInstances: 1 },
  });

  const cases: [string, string, () => unknown, boolean][] = [
    ["no policies allow everything", "ADMIN", () => new DescribeFleetsCommand({}), true],
    ["Action wildcard allows", "READONLY", () => new DescribeFleetsCommand({}), true],
    ["no matching allow denies", "READONLY", () => new CreateFleetCommand(fleet("ro-1")), false],
    ["NotAction allows what it does not name", "NODELETE", () => new CreateFleetCommand(fleet("nd-1")), true],
    ["NotAction leaves what it names without an allow", "NODELETE", () => new DeleteFleetCommand({ Name: "nd-1" }), false],
    ["Resource ARN wildcard allows", "DEVFLEETS", () => new StartFleetCommand({ Name: "dev-1" }), true],
    ["Resource ARN wildcard does not reach other fleets", "DEVFLEETS", () => new StartFleetCommand({ Name: "prod-1" }), false],
    ["NotResource allows other resources", "NOTPROD", () => new StartFleetCommand({ Name: "free-1" }), true],
    ["NotResource excludes what it names", "NOTPROD", () => new StartFleetCommand({ Name: "prod-1" }), false],
    ["aws:RequestedRegion denies another region", "EUONLY", () => new DescribeFleetsCommand({}), false],
    ["aws:ResourceTag allows a tagged fleet", "TAGGED", () => new StartFleetCommand({ Name: "test-1" }), true],
    ["aws:ResourceTag refuses a fleet with another tag", "TAGGED", () => new StartFleetCommand({ Name: "prod-1" }), false],
    ["aws:ResourceTag refuses a fleet without the tag", "TAGGED", () => new StartFleetCommand({ Name: "free-1" }), false],
    ["actions compare case-insensitively", "MIXEDCASE", () => new DescribeFleetsCommand({}), true],
  ];
  for (const [what, key, command, allowed] of cases) {
    it(`${what} (${key})`, async () => {
      const client = as(key);
      if (allowed) {
        await client.send(command() as never);
      } else {
        const e = await rejection(() => client.send(command() as never));
        assert.equal(e.name, "AccessDeniedException");
        assert.match(e.message, /is not authorized to perform: appstream:/);
      }
      client.destroy();
    });
  }

  it("allows the region the condition names", async () => {
    const eu = as("EUONLY", "eu-west-1");
    assert.deepEqual((await eu.send(new DescribeFleetsCommand({}))).Fleets, []);
    eu.destroy();
  });

  it("lets an explicit deny win, and makes EC2 DryRun tell the truth", async () => {
    const client = ec2As("EC2NODEREG");
    const { ImageId } = await client.send(
      new RegisterImageCommand({
        Name: "policy-ami",
        RootDeviceName: "/dev/xvda",
        BlockDeviceMappings: [{ DeviceName: "/dev/xvda", Ebs: { SnapshotId: await ownSnapshot(client) } }],
      }),
    );
    const denied = await rejection(() => client.send(new DeregisterImageCommand({ ImageId })));
    assert.equal(denied.name, "UnauthorizedOperation");
    assert.equal(denied.message, "You are not authorized to perform this operation.");
    assert.equal(denied.$metadata?.httpStatusCode, 403);
    assert.equal((await rejection(() => client.send(new DeregisterImageCommand({ ImageId, DryRun: true })))).name, "UnauthorizedOperation");
    const dry = await rejection(() => client.send(new DescribeImagesCommand({ DryRun: true })));
    assert.equal(dry.name, "DryRunOperation");
    assert.equal(dry.$metadata?.httpStatusCode, 412);
    client.destroy();
  });

  it("never refuses sts:GetCallerIdentity", async () => {
    const c = new STSClient({
      endpoint: server.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "READONLY", secretAccessKey: "s" },
    });
    assert.equal((await c.send(new GetCallerIdentityCommand({}))).Account, ACCOUNT);
    c.destroy();
  });

  it("refuses a credentials file with a malformed policy at start", async () => {
    const bad = join(dir, "bad.json");
    for (const policy of [
      { Statement: { Effect: "Maybe", Action: "*" } },
      { Statement: { Effect: "Allow" } },
      { Statement: { Effect: "Allow", Action: "*", Condition: { StringEquals: { "aws:SourceIp": "1.2.3.4" } } } },
    ]) {
      writeFileSync(bad, JSON.stringify({ KEYBAD: { secretAccessKey: "s", policies: [policy] } }));
      await assert.rejects(startImagelite({ credentialsFile: bad }), /policies\[0\]/);
    }
  });
});

describe("the action table", () => {
  it("names an action and resources for exactly the operations imagelite serves", () => {
    for (const def of [appstream, ec2, sts]) {
      assert.deepEqual(Object.keys(def.auth.actions.operations).sort(), [...def.model.operations.keys()].sort(), def.name);
    }
  });
});
