// Allowed AMIs through the AWS SDK ("Control the discovery and use of AMIs in Amazon EC2 with Allowed AMIs", EC2
// User Guide): the setting per account and region, the criteria and their limits, and what each state does. While
// `enabled`, an AMI no criterion allows is not there for the caller: DescribeImages leaves it out (by id:
// InvalidAMIID.NotFound), and RunInstances, a launch template's launch, an EC2 Fleet and CopyImage refuse it with
// InvalidAMIID.NotFound; the caller's own AMIs are always allowed. In `audit-mode` everything goes through and
// DescribeImages says `ImageAllowed` true or false; while `disabled`, no image carries `ImageAllowed`.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CopyImageCommand,
  CreateFleetCommand,
  CreateLaunchTemplateCommand,
  DescribeImagesCommand,
  DisableAllowedImagesSettingsCommand,
  EnableAllowedImagesSettingsCommand,
  EnableImageDeprecationCommand,
  GetAllowedImagesSettingsCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  ReplaceImageCriteriaInAllowedImagesSettingsCommand,
  RunInstancesCommand,
  type EC2Client,
  type ImageCriterionRequest,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, useServer } from "../support/server";
import { registerAmi, settle } from "./helpers";

/** A day, in the seconds the clock advances by. */
const DAY = 24 * 3600;
const MARKETPLACE = "679593333241";
const PRODUCT_CODE = "prodcode0123456789abcdefg";

// A marketplace publisher's image with a product code, from a seed file (the catalog has none of its own).
const dir = mkdtempSync(join(tmpdir(), "imagelite-allowed-"));
const seed = join(dir, "seed.json");
writeFileSync(
  seed,
  JSON.stringify({
    accounts: {
      [MARKETPLACE]: {
        "us-east-1": {
          ec2: { publicImages: [{ Name: "vendor-appliance-1.0", OwnerAlias: "aws-marketplace", ProductCodes: [PRODUCT_CODE] }] },
        },
      },
    },
  }),
);

describe("Allowed AMIs", () => {
  const fx = useServer({ seed });
  let server: Imagelite;
  let a: EC2Client;
  let b: EC2Client;
  before(() => {
    server = fx.server;
    a = fx.ec2(ACCOUNT_A);
    b = fx.ec2(ACCOUNT_B);
  });

  const settings = (client = a) => client.send(new GetAllowedImagesSettingsCommand({}));
  const enable = (state: "enabled" | "audit-mode", client = a) =>
    client.send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: state }));
  const replace = (ImageCriteria: ImageCriterionRequest[], client = a) =>
    client.send(new ReplaceImageCriteriaInAllowedImagesSettingsCommand({ ImageCriteria }));
  const run = (ImageId: string, client = a) => client.send(new RunInstancesCommand({ ImageId, MinCount: 1, MaxCount: 1 }));
  const byId = async (id: string, client = a) => (await client.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images!;
  const allowedOf = async (id: string) => (await byId(id))[0].ImageAllowed;

  /** An AMI of B shared with A, available. */
  async function sharedFromB(name: string): Promise<string> {
    const id = await registerAmi(b, name);
    await b.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ UserId: ACCOUNT_A }] } }));
    settle(server);
    return id;
  }

  async function amazonAmi(): Promise<string> {
    const { Images } = await a.send(
      new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: ["al2023-ami-2023.*-x86_64"] }] }),
    );
    return Images![0].ImageId!;
  }

  async function marketplaceAmi(): Promise<string> {
    const { Images } = await a.send(new DescribeImagesCommand({ Filters: [{ Name: "product-code", Values: [PRODUCT_CODE] }] }));
    assert.deepEqual(
      Images!.map((i) => [i.ImageOwnerAlias, i.ProductCodes]),
      [["aws-marketplace", [{ ProductCodeId: PRODUCT_CODE, ProductCodeType: "marketplace" }]]],
    );
    return Images![0].ImageId!;
  }

  it("is disabled with no criteria by default, per account and region; enable, audit-mode and disable; criteria stay", async () => {
    assert.deepEqual(
      [(await settings()).State, (await settings()).ImageCriteria, (await settings()).ManagedBy],
      ["disabled", undefined, "account"],
    );
    assert.equal((await enable("enabled")).AllowedImagesSettingsState, "enabled");
    assert.equal((await replace([{ ImageProviders: ["amazon", ACCOUNT_B] }])).ReturnValue, true);
    assert.deepEqual(await settings().then((s) => [s.State, s.ImageCriteria]), ["enabled", [{ ImageProviders: ["amazon", ACCOUNT_B] }]]);
    assert.equal((await enable("audit-mode")).AllowedImagesSettingsState, "audit-mode");
    assert.equal((await settings()).State, "audit-mode");
    assert.equal((await a.send(new DisableAllowedImagesSettingsCommand({}))).AllowedImagesSettingsState, "disabled");
    const off = await settings();
    assert.deepEqual(
      [off.State, off.ImageCriteria],
      ["disabled", [{ ImageProviders: ["amazon", ACCOUNT_B] }]],
      "disabling keeps the criteria",
    );
    // Another account, and another region of the same account, have settings of their own.
    assert.equal((await settings(b)).State, "disabled");
    const west = fx.ec2(ACCOUNT_A, "eu-west-1");
    assert.deepEqual([(await settings(west)).State, (await settings(west)).ImageCriteria], ["disabled", undefined]);
    // Replacing with no criteria clears them; DryRun changes nothing.
    const dry = await rejection(() =>
      a.send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: "enabled", DryRun: true })),
    );
    assert.equal(dry.name, "DryRunOperation");
    assert.equal((await settings()).State, "disabled");
    await replace([]);
    assert.equal((await settings()).ImageCriteria, undefined);
    const bad = await rejection(() =>
      a.send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: "disabled" as "enabled" })),
    );
    assert.equal(bad.name, "InvalidParameterValue");
  });

  it("returns every criterion as given: providers, names, product codes, creation and deprecation conditions", async () => {
    const criteria: ImageCriterionRequest[] = [
      { MarketplaceProductCodes: [PRODUCT_CODE] },
      { ImageProviders: ["123456789012", "123456789013"], CreationDateCondition: { MaximumDaysSinceCreated: 300 } },
      { ImageProviders: ["123456789014"], ImageNames: ["golden-ami-*", "base ami (v?)"] },
      { ImageProviders: ["amazon", "aws-backup-vault"], DeprecationTimeCondition: { MaximumDaysSinceDeprecated: 0 } },
      { ImageProviders: ["none"] },
    ];
    await replace(criteria);
    assert.deepEqual((await settings()).ImageCriteria, criteria);
  });

  it("refuses criteria beyond AWS's limits and values outside their rules, and changes nothing then", async () => {
    await replace([{ ImageProviders: ["amazon"] }]);
    const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
    const cases: [string, ImageCriterionRequest[]][] = [
      ["11 criteria", many(11, () => "amazon").map((p) => ({ ImageProviders: [p] }))],
      ["201 providers", [{ ImageProviders: many(201, (i) => String(100000000000 + i)) }]],
      ["51 names", [{ ImageNames: many(51, (i) => `name-${i}`) }]],
      ["51 product codes", [{ MarketplaceProductCodes: many(51, (i) => `code${i}`) }]],
      ["an unknown provider", [{ ImageProviders: ["amazon", "microsoft"] }]],
      ["an account id of 11 digits", [{ ImageProviders: ["12345678901"] }]],
      ["none with another provider", [{ ImageProviders: ["none", "amazon"] }]],
      ["a name with a character outside the rule", [{ ImageNames: ["golden#ami"] }]],
      ["a name with ? shorter than 3", [{ ImageNames: ["a?"] }]],
      ["a name of 129 characters", [{ ImageNames: ["n".repeat(129)] }]],
      ["a product code with a dash", [{ MarketplaceProductCodes: ["prod-code"] }]],
      ["a product code of 26 characters", [{ MarketplaceProductCodes: ["a".repeat(26)] }]],
      ["a negative number of days", [{ CreationDateCondition: { MaximumDaysSinceCreated: -1 } }]],
    ];
    for (const [what, criteria] of cases) {
      const e = await rejection(() => replace(criteria));
      assert.equal(e.name, "InvalidParameterValue", what);
    }
    // At the limits, accepted.
    await replace([
      ...many(9, () => "amazon").map((p) => ({ ImageProviders: [p] })),
      {
        ImageProviders: many(200, (i) => String(100000000000 + i)),
        ImageNames: many(50, (i) => `name-${i}`),
        MarketplaceProductCodes: many(50, (i) => `code${i}`),
      },
    ]);
    assert.equal((await settings()).ImageCriteria!.length, 10);
  });

  it("enabled: a disallowed AMI can't be found or launched; updated criteria allow it; audit mode lets it through with ImageAllowed false", async () => {
    const shared = await sharedFromB("partner-base");
    const own = await registerAmi(a, "own-base");
    settle(server);
    const amazon = await amazonAmi();
    // Disabled: everything launches, and no image says whether it is allowed.
    await run(shared);
    assert.equal(await allowedOf(shared), undefined);

    await enable("enabled");
    await replace([{ ImageProviders: ["amazon"] }]);
    const refused = await rejection(() => run(shared));
    assert.equal(refused.name, "InvalidAMIID.NotFound");
    assert.equal(refused.message, `The image id '[${shared}]' does not exist`);
    assert.equal((await rejection(() => byId(shared))).name, "InvalidAMIID.NotFound");
    const listed = (await a.send(new DescribeImagesCommand({ ExecutableUsers: ["self"] }))).Images!.map((i) => i.ImageId);
    assert.ok(!listed.includes(shared), "left out of listings");
    // Allowed AMIs: Amazon's by the criterion, the caller's own always, each marked ImageAllowed true.
    assert.deepEqual(
      (await byId(amazon)).map((i) => i.ImageAllowed),
      [true],
    );
    assert.deepEqual(
      (await byId(own)).map((i) => i.ImageAllowed),
      [true],
    );
    await run(amazon);
    await run(own);
    const mine = (await a.send(new DescribeImagesCommand({ Owners: ["self"] }))).Images!;
    assert.deepEqual(
      mine.map((i) => [i.ImageId, i.ImageAllowed]),
      [[own, true]],
    );
    // Another account's setting is its own: B launches its AMI.
    await run(shared, b);

    // Through a launch template, and through an EC2 Fleet (whose refusal is an error of the fleet).
    await a.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "partner", LaunchTemplateData: { ImageId: shared } }));
    const viaTemplate = await rejection(() =>
      a.send(new RunInstancesCommand({ LaunchTemplate: { LaunchTemplateName: "partner" }, MinCount: 1, MaxCount: 1 })),
    );
    assert.equal(viaTemplate.name, "InvalidAMIID.NotFound");
    const fleet = await a.send(
      new CreateFleetCommand({
        Type: "instant",
        LaunchTemplateConfigs: [
          { LaunchTemplateSpecification: { LaunchTemplateName: "partner", Version: "$Latest" }, Overrides: [{ InstanceType: "t3.micro" }] },
        ],
        TargetCapacitySpecification: { TotalTargetCapacity: 1, DefaultTargetCapacityType: "on-demand" },
      }),
    );
    assert.deepEqual(
      fleet.Errors!.map((e) => e.ErrorCode),
      ["InvalidAMIID.NotFound"],
    );
    assert.deepEqual(fleet.Instances, []);
    // Nor can it be copied.
    const copy = await rejection(() =>
      a.send(new CopyImageCommand({ SourceImageId: shared, SourceRegion: "us-east-1", Name: "partner-copy" })),
    );
    assert.equal(copy.name, "InvalidAMIID.NotFound");

    // The criteria updated to allow B's AMIs: found, launched, copied (once B shares the AMI's snapshot too).
    await replace([{ ImageProviders: ["amazon"] }, { ImageProviders: [ACCOUNT_B], ImageNames: ["partner-*"] }]);
    assert.deepEqual(
      (await byId(shared)).map((i) => i.ImageAllowed),
      [true],
    );
    assert.ok((await run(shared)).Instances![0].InstanceId);
    assert.ok(
      (await a.send(new RunInstancesCommand({ LaunchTemplate: { LaunchTemplateName: "partner" }, MinCount: 1, MaxCount: 1 }))).Instances,
    );
    const snapshot = (await byId(shared))[0].BlockDeviceMappings![0].Ebs!.SnapshotId!;
    await b.send(new ModifySnapshotAttributeCommand({ SnapshotId: snapshot, CreateVolumePermission: { Add: [{ UserId: ACCOUNT_A }] } }));
    await a.send(new CopyImageCommand({ SourceImageId: shared, SourceRegion: "us-east-1", Name: "partner-copy" }));

    // Audit mode with criteria that do not allow it: the launch goes through, and the AMI says ImageAllowed false.
    await replace([{ ImageProviders: ["amazon"] }]);
    await enable("audit-mode");
    assert.ok((await run(shared)).Instances![0].InstanceId);
    assert.deepEqual(
      (await byId(shared)).map((i) => i.ImageAllowed),
      [false],
    );
    assert.deepEqual(
      (await byId(amazon)).map((i) => i.ImageAllowed),
      [true],
    );
    const notAllowed = await a.send(
      new DescribeImagesCommand({ ExecutableUsers: ["self"], Filters: [{ Name: "image-allowed", Values: ["false"] }] }),
    );
    assert.deepEqual(
      notAllowed.Images!.map((i) => [i.ImageId, i.ImageAllowed]),
      [[shared, false]],
    );

    // Disabled again: no image carries the field, and the filter matches none.
    await a.send(new DisableAllowedImagesSettingsCommand({}));
    assert.equal(await allowedOf(shared), undefined);
    const none = await a.send(
      new DescribeImagesCommand({ ImageIds: [shared, amazon], Filters: [{ Name: "image-allowed", Values: ["true", "false"] }] }),
    );
    assert.deepEqual(none.Images, []);
  });

  it("matches criteria as the user guide says: any value of a list, every parameter of a criterion, any criterion", async () => {
    const golden = await sharedFromB("golden-ami-2026");
    const other = await sharedFromB("scratch-ami");
    const amazon = await amazonAmi();
    const market = await marketplaceAmi();
    await enable("audit-mode");
    const verdicts = async () => [await allowedOf(golden), await allowedOf(other), await allowedOf(amazon), await allowedOf(market)];

    await replace([{ ImageProviders: [ACCOUNT_B], ImageNames: ["golden-ami-*"] }]);
    assert.deepEqual(await verdicts(), [true, false, false, false], "provider AND name");
    await replace([{ ImageNames: ["scratch-a?i", "nothing-*"] }, { ImageProviders: ["amazon"] }]);
    assert.deepEqual(await verdicts(), [false, true, true, false], "a name's wildcards, OR across criteria");
    await replace([{ MarketplaceProductCodes: ["othercode", PRODUCT_CODE] }]);
    assert.deepEqual(await verdicts(), [false, false, false, true], "a marketplace product code");
    await replace([{ ImageProviders: ["aws-marketplace"] }]);
    assert.deepEqual(await verdicts(), [false, false, false, true], "the aws-marketplace alias");
    await replace([{ ImageProviders: ["none"] }]);
    assert.deepEqual(await verdicts(), [false, false, false, false], "none: own AMIs only");
    const own = await registerAmi(a, "own-only");
    assert.equal(await allowedOf(own), true);
  });

  it("creation and deprecation conditions count days on the clock", async () => {
    const fresh = await sharedFromB("fresh-ami");
    const amazon = await amazonAmi();
    await enable("audit-mode");
    await replace([{ ImageProviders: [ACCOUNT_B], CreationDateCondition: { MaximumDaysSinceCreated: 2 } }]);
    assert.equal(await allowedOf(fresh), true);
    server.clock.advance(2 * DAY + 1);
    assert.equal(await allowedOf(fresh), false, "older than 2 days");
    // The Amazon catalog's AMIs are older than a day: a 1-day limit allows none.
    await replace([{ ImageProviders: ["amazon"], CreationDateCondition: { MaximumDaysSinceCreated: 1 } }]);
    assert.equal(await allowedOf(amazon), false);

    const deprecating = await sharedFromB("deprecating-ami");
    const at = new Date(server.clock.now().getTime() + DAY * 1000);
    await b.send(new EnableImageDeprecationCommand({ ImageId: deprecating, DeprecateAt: at }));
    await replace([{ ImageProviders: [ACCOUNT_B], DeprecationTimeCondition: { MaximumDaysSinceDeprecated: 0 } }]);
    assert.equal(await allowedOf(deprecating), true, "not deprecated yet");
    server.clock.advance(DAY + 60);
    assert.equal(await allowedOf(deprecating), false, "0 excludes every deprecated AMI");
    await replace([{ ImageProviders: [ACCOUNT_B], DeprecationTimeCondition: { MaximumDaysSinceDeprecated: 30 } }]);
    assert.equal(await allowedOf(deprecating), true, "deprecated for less than 30 days");
    server.clock.advance(30 * DAY);
    assert.equal(await allowedOf(deprecating), false, "deprecated for more than 30 days");
  });
});
