// DescribeInstanceImageMetadata through the AWS SDK (its API reference; "Find instances launched from AMIs that
// aren't allowed", EC2 User Guide): each of the caller's instances with the AMI it was launched from, even when that
// AMI is no longer shared, deregistered or not allowed; `ImageAllowed` while Allowed AMIs is enabled or in audit
// mode; filters, InstanceIds and paging (MaxResults 1-1000).
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  DeregisterImageCommand,
  DescribeImagesCommand,
  DescribeInstanceImageMetadataCommand,
  EnableAllowedImagesSettingsCommand,
  ModifyImageAttributeCommand,
  ReplaceImageCriteriaInAllowedImagesSettingsCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  type DescribeInstanceImageMetadataCommandInput,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, useServer } from "../support/server";
import { registerAmi, settle } from "./helpers";

describe("DescribeInstanceImageMetadata", () => {
  const fx = useServer();
  let server: Imagelite;
  let a: EC2Client;
  let b: EC2Client;
  before(() => {
    server = fx.server;
    a = fx.ec2(ACCOUNT_A);
    b = fx.ec2(ACCOUNT_B);
  });

  const metadata = async (input: DescribeInstanceImageMetadataCommandInput = {}) => a.send(new DescribeInstanceImageMetadataCommand(input));
  const launch = async (ImageId: string, extra: Record<string, unknown> = {}) =>
    (await a.send(new RunInstancesCommand({ ImageId, MinCount: 1, MaxCount: 1, ...extra }))).Instances![0].InstanceId!;

  /** Three instances of A: from its own AMI, from an AMI of B shared with it, and from Amazon's. */
  async function fleet() {
    const own = await registerAmi(a, "own-base");
    const shared = await registerAmi(b, "partner-base");
    settle(server);
    await b.send(new ModifyImageAttributeCommand({ ImageId: shared, LaunchPermission: { Add: [{ UserId: ACCOUNT_A }] } }));
    const { Images } = await a.send(
      new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: ["al2023-ami-2023.*-x86_64"] }] }),
    );
    const amazon = Images![0];
    const iOwn = await launch(own, {
      InstanceType: "t3.micro",
      TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "web" }] }],
    });
    const iShared = await launch(shared, { InstanceType: "t3.small", Placement: { AvailabilityZone: "us-east-1b" } });
    const iAmazon = await launch(amazon.ImageId!, { InstanceType: "t3.micro" });
    return { own, shared, amazon, iOwn, iShared, iAmazon };
  }

  it("describes each instance and its AMI as the CLI reference shows them", async () => {
    const f = await fleet();
    const { InstanceImageMetadata, NextToken } = await metadata();
    assert.equal(NextToken, undefined);
    const byId = new Map(InstanceImageMetadata!.map((m) => [m.InstanceId, m]));
    assert.deepEqual([...byId.keys()].sort(), [f.iOwn, f.iShared, f.iAmazon].sort());
    const own = byId.get(f.iOwn)!;
    assert.equal(own.InstanceType, "t3.micro");
    assert.equal(own.OwnerId, ACCOUNT_A);
    assert.deepEqual(own.State, { Code: 0, Name: "pending" });
    assert.deepEqual(own.Tags, [{ Key: "Name", Value: "web" }]);
    assert.deepEqual(own.Operator, { Managed: false });
    assert.equal(own.LaunchTime!.getTime(), server.clock.now().getTime());
    assert.match(own.ZoneId!, /^use1-az\d$/);
    assert.deepEqual(own.ImageMetadata, {
      ImageId: f.own,
      Name: "own-base",
      OwnerId: ACCOUNT_A,
      State: "available",
      CreationDate: own.ImageMetadata!.CreationDate,
      IsPublic: false,
    });
    assert.match(own.ImageMetadata!.CreationDate!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const shared = byId.get(f.iShared)!;
    assert.deepEqual([shared.AvailabilityZone, shared.ZoneId, shared.ImageMetadata!.OwnerId], ["us-east-1b", "use1-az2", ACCOUNT_B]);
    const amazon = byId.get(f.iAmazon)!.ImageMetadata!;
    assert.deepEqual(
      [amazon.ImageOwnerAlias, amazon.IsPublic, amazon.Name, amazon.DeprecationTime],
      ["amazon", true, f.amazon.Name, f.amazon.DeprecationTime!.replace(/\.\d{3}Z$/, "Z")],
    );
    assert.equal(amazon.ImageAllowed, undefined, "no ImageAllowed while Allowed AMIs is disabled");
  });

  it("still describes the AMI once it is no longer shared, deregistered, and gone", async () => {
    const f = await fleet();
    await b.send(new ModifyImageAttributeCommand({ ImageId: f.shared, LaunchPermission: { Remove: [{ UserId: ACCOUNT_A }] } }));
    const one = async () => (await metadata({ InstanceIds: [f.iShared] })).InstanceImageMetadata![0].ImageMetadata;
    assert.deepEqual([(await one())!.Name, (await one())!.State], ["partner-base", "available"]);
    await b.send(new DeregisterImageCommand({ ImageId: f.shared }));
    assert.deepEqual([(await one())!.Name, (await one())!.State], ["partner-base", "deregistered"]);
    server.clock.advance(10 * T);
    assert.deepEqual(await one(), { ImageId: f.shared, OwnerId: ACCOUNT_B, State: "deregistered" });
  });

  it("Allowed AMIs in audit mode: launches go through, and ImageAllowed says which instances use an AMI not allowed", async () => {
    await a.send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: "audit-mode" }));
    await a.send(new ReplaceImageCriteriaInAllowedImagesSettingsCommand({ ImageCriteria: [{ ImageProviders: ["amazon"] }] }));
    const f = await fleet();
    const all = (await metadata()).InstanceImageMetadata!;
    assert.deepEqual(
      all.map((m) => [m.InstanceId, m.ImageMetadata!.ImageAllowed]).sort(),
      [
        [f.iOwn, true],
        [f.iShared, false],
        [f.iAmazon, true],
      ].sort(),
    );
    const notAllowed = await metadata({ Filters: [{ Name: "image-allowed", Values: ["false"] }] });
    assert.deepEqual(
      notAllowed.InstanceImageMetadata!.map((m) => [m.InstanceId, m.ImageMetadata!.ImageId]),
      [[f.iShared, f.shared]],
    );
    // Enabled: the instance stays described, its AMI still not allowed, though it can't be launched again.
    await a.send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: "enabled" }));
    assert.equal((await metadata({ InstanceIds: [f.iShared] })).InstanceImageMetadata![0].ImageMetadata!.ImageAllowed, false);
    assert.equal((await rejection(() => launch(f.shared))).name, "InvalidAMIID.NotFound");
  });

  it("filters, instance ids, paging and refusals", async () => {
    const f = await fleet();
    const ids = async (input: DescribeInstanceImageMetadataCommandInput) =>
      (await metadata(input)).InstanceImageMetadata!.map((m) => m.InstanceId).sort();
    const filter = (Name: string, ...Values: string[]) => ids({ Filters: [{ Name, Values }] });
    assert.deepEqual(await filter("instance-type", "t3.micro"), [f.iOwn, f.iAmazon].sort());
    assert.deepEqual(await filter("tag:Name", "web"), [f.iOwn]);
    assert.deepEqual(await filter("tag-key", "Name"), [f.iOwn]);
    assert.deepEqual(await filter("availability-zone", "us-east-1b"), [f.iShared]);
    assert.deepEqual(await filter("zone-id", "use1-az2"), [f.iShared]);
    assert.deepEqual(await filter("owner-alias", "amazon"), [f.iAmazon]);
    assert.deepEqual(await filter("owner-id", ACCOUNT_B), [f.iShared]);
    assert.deepEqual(await filter("instance-id", f.iOwn), [f.iOwn]);
    assert.deepEqual(
      await filter("launch-time", `${server.clock.now().toISOString().slice(0, 10)}T*`),
      [f.iOwn, f.iShared, f.iAmazon].sort(),
    );
    await a.send(new TerminateInstancesCommand({ InstanceIds: [f.iAmazon] }));
    server.clock.advance(10 * T);
    assert.deepEqual(await filter("instance-state-name", "terminated"), [f.iAmazon]);
    assert.deepEqual(await filter("instance-state-name", "running"), [f.iOwn, f.iShared].sort());
    assert.deepEqual(await ids({ InstanceIds: [f.iOwn, f.iShared], Filters: [{ Name: "instance-type", Values: ["t3.small"] }] }), [
      f.iShared,
    ]);

    // Pages of one, in instance id order, without repeats.
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await metadata({ MaxResults: 1, NextToken });
      assert.ok(page.InstanceImageMetadata!.length <= 1);
      seen.push(...page.InstanceImageMetadata!.map((m) => m.InstanceId!));
      NextToken = page.NextToken;
    } while (NextToken);
    assert.deepEqual(seen, [f.iOwn, f.iShared, f.iAmazon].sort());

    assert.equal((await rejection(() => metadata({ MaxResults: 0 }))).name, "InvalidParameterValue");
    assert.equal((await rejection(() => metadata({ MaxResults: 1001 }))).name, "InvalidParameterValue");
    assert.equal((await rejection(() => metadata({ NextToken: "nope" }))).name, "InvalidNextToken");
    assert.equal((await rejection(() => metadata({ InstanceIds: ["i-00000000000000000"] }))).name, "InvalidInstanceID.NotFound");
    assert.equal((await rejection(() => metadata({ InstanceIds: ["instance-1"] }))).name, "InvalidInstanceID.Malformed");
    assert.equal((await rejection(() => metadata({ Filters: [{ Name: "bogus", Values: ["x"] }] }))).name, "InvalidParameterValue");
    // Another account sees only its own instances.
    assert.deepEqual((await b.send(new DescribeInstanceImageMetadataCommand({}))).InstanceImageMetadata, []);
  });
});
