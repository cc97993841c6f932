// Windows fast launch through the AWS SDK: EnableFastLaunch (defaults, settings kept, changes in place),
// DisableFastLaunch (Force), DescribeFastLaunchImages (ImageIds, filters, paging), the refusals, DryRun, and
// the enabling → enabled / disabling → removed lifecycles on the manual clock, with fault-driven failures.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  DescribeFastLaunchImagesCommand,
  DescribeImagesCommand,
  DeregisterImageCommand,
  DisableFastLaunchCommand,
  EnableFastLaunchCommand,
  ModifyImageAttributeCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, useServer } from "../support/server";
import { registerAmi, WINDOWS } from "./helpers";

let server: Imagelite;
let a: EC2Client;
let b: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

/** An available Windows AMI of `client` (the Windows billing product makes it Windows). */
async function windowsAmi(name: string, client = a): Promise<string> {
  const id = await registerAmi(client, name, WINDOWS);
  server.clock.advance(T + 1);
  return id;
}

const describe = async (client = a, input = {}) => (await client.send(new DescribeFastLaunchImagesCommand(input))).FastLaunchImages!;

test("EnableFastLaunch: defaults, enabling then enabled, with the reason and time of each transition", async () => {
  const id = await windowsAmi("win-fl");
  const started = server.clock.now().getTime();
  const r = await a.send(new EnableFastLaunchCommand({ ImageId: id }));
  assert.equal(r.ImageId, id);
  assert.equal(r.ResourceType, "snapshot");
  assert.equal(r.MaxParallelLaunches, 6);
  assert.deepEqual(r.SnapshotConfiguration, { TargetResourceCount: 10 });
  assert.deepEqual(r.LaunchTemplate, {});
  assert.equal(r.OwnerId, ACCOUNT_A);
  assert.equal(r.State, "enabling");
  assert.equal(r.StateTransitionReason, "Client.UserInitiated");
  assert.equal(r.StateTransitionTime!.getTime(), started);
  server.clock.advance(3 * T - 1);
  assert.equal((await describe())[0].State, "enabling");
  server.clock.advance(2);
  const [img] = await describe();
  assert.equal(img.State, "enabled");
  assert.equal(img.StateTransitionReason, "Client.UserInitiated");
  assert.equal(img.StateTransitionTime!.getTime(), started + 3 * T * 1000);
});

test("EnableFastLaunch keeps the settings given, and on enabled settings changes them without a new enabling", async () => {
  const id = await windowsAmi("win-settings");
  const r = await a.send(
    new EnableFastLaunchCommand({
      ImageId: id,
      ResourceType: "snapshot",
      MaxParallelLaunches: 8,
      SnapshotConfiguration: { TargetResourceCount: 4 },
      LaunchTemplate: { LaunchTemplateName: "fast-launch-lt", Version: "3" },
    }),
  );
  assert.equal(r.MaxParallelLaunches, 8);
  assert.deepEqual(r.SnapshotConfiguration, { TargetResourceCount: 4 });
  assert.deepEqual(r.LaunchTemplate, { LaunchTemplateName: "fast-launch-lt", Version: "3" });
  server.clock.advance(3 * T + 1);
  const changed = await a.send(
    new EnableFastLaunchCommand({
      ImageId: id,
      MaxParallelLaunches: 12,
      LaunchTemplate: { LaunchTemplateId: "lt-0123456789abcdef0", Version: "$Latest" },
    }),
  );
  assert.equal(changed.State, "enabled");
  assert.equal(changed.MaxParallelLaunches, 12);
  assert.deepEqual(changed.SnapshotConfiguration, { TargetResourceCount: 4 }, "members left out keep their value");
  assert.deepEqual(changed.LaunchTemplate, { LaunchTemplateId: "lt-0123456789abcdef0", Version: "$Latest" });
  const [img] = await describe(a, { ImageIds: [id] });
  assert.equal(img.MaxParallelLaunches, 12);
  assert.equal(img.State, "enabled");
});

test("EnableFastLaunch refusals: not Windows, parallel launches below 6, bad resource type or template, unknown, malformed, not owned", async () => {
  const linux = await registerAmi(a, "linux-ami");
  server.clock.advance(T + 1);
  let e = await rejection(() => a.send(new EnableFastLaunchCommand({ ImageId: linux })));
  assert.equal(e.name, "InvalidParameterValue");
  assert.match(e.message, /not a Windows AMI/);
  const win = await windowsAmi("win-refusals");
  e = await rejection(() => a.send(new EnableFastLaunchCommand({ ImageId: win, MaxParallelLaunches: 5 })));
  assert.equal(e.name, "InvalidParameterValue");
  assert.match(e.message, /MaxParallelLaunches/);
  e = await rejection(() => a.send(new EnableFastLaunchCommand({ ImageId: win, ResourceType: "instance" })));
  assert.equal(e.name, "InvalidParameterValue");
  e = await rejection(() =>
    a.send(
      new EnableFastLaunchCommand({
        ImageId: win,
        LaunchTemplate: { LaunchTemplateId: "lt-0123456789abcdef0", LaunchTemplateName: "x", Version: "1" },
      }),
    ),
  );
  assert.equal(e.name, "InvalidParameterCombination");
  e = await rejection(() =>
    a.send(new EnableFastLaunchCommand({ ImageId: win, LaunchTemplate: { LaunchTemplateId: "lt-zz", Version: "1" } })),
  );
  assert.equal(e.name, "InvalidLaunchTemplateId.Malformed");
  e = await rejection(() => a.send(new EnableFastLaunchCommand({ ImageId: win, LaunchTemplate: { Version: "1" } })));
  assert.equal(e.name, "MissingParameter");
  e = await rejection(() => a.send(new EnableFastLaunchCommand({ ImageId: "ami-0123456789abcdef0" })));
  assert.equal(e.name, "InvalidAMIID.NotFound");
  e = await rejection(() => a.send(new EnableFastLaunchCommand({ ImageId: "ami-xyz" })));
  assert.equal(e.name, "InvalidAMIID.Malformed");
  e = await rejection(() => b.send(new EnableFastLaunchCommand({ ImageId: win })));
  assert.equal(e.name, "InvalidAMIID.NotFound", "another account's private AMI is not visible");
  const amazonWindows = (
    await a.send(new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "platform", Values: ["windows"] }] }))
  ).Images![0].ImageId!;
  e = await rejection(() => a.send(new EnableFastLaunchCommand({ ImageId: amazonWindows })));
  assert.equal(e.name, "AuthFailure", "Amazon's public AMIs are neither owned nor shared with the caller");
  const pending = await registerAmi(a, "win-pending", WINDOWS);
  e = await rejection(() => a.send(new EnableFastLaunchCommand({ ImageId: pending })));
  assert.equal(e.name, "InvalidAMIID.Unavailable");
  assert.deepEqual(await describe(), []);
});

test("a grantee can enable fast launch on a Windows AMI shared with it: its own settings, without OwnerId", async () => {
  const win = await windowsAmi("win-shared");
  await a.send(new ModifyImageAttributeCommand({ ImageId: win, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  const r = await b.send(new EnableFastLaunchCommand({ ImageId: win }));
  assert.equal(r.State, "enabling");
  assert.equal(r.OwnerId, undefined);
  assert.equal((await describe(b)).length, 1);
  assert.deepEqual(await describe(a), [], "the owner's settings are its own");
});

test("DisableFastLaunch: disabling, then the settings are gone; enabling again waits for the clean-up", async () => {
  const id = await windowsAmi("win-disable");
  await a.send(new EnableFastLaunchCommand({ ImageId: id, MaxParallelLaunches: 7 }));
  server.clock.advance(3 * T + 1);
  const r = await a.send(new DisableFastLaunchCommand({ ImageId: id }));
  assert.equal(r.State, "disabling");
  assert.equal(r.MaxParallelLaunches, 7, "the settings that were in force are returned");
  assert.equal(r.StateTransitionReason, "Client.UserInitiated");
  let e = await rejection(() => a.send(new EnableFastLaunchCommand({ ImageId: id })));
  assert.equal(e.name, "IncorrectState");
  e = await rejection(() => a.send(new DisableFastLaunchCommand({ ImageId: id })));
  assert.equal(e.name, "IncorrectState");
  assert.equal((await describe())[0].State, "disabling");
  server.clock.advance(2 * T + 1);
  assert.deepEqual(await describe(), []);
  e = await rejection(() => a.send(new DisableFastLaunchCommand({ ImageId: id })));
  assert.equal(e.name, "IncorrectState");
  assert.match(e.message, /not enabled/);
  e = await rejection(() => a.send(new DisableFastLaunchCommand({ ImageId: "ami-0123456789abcdef0" })));
  assert.equal(e.name, "InvalidAMIID.NotFound");
  assert.equal((await a.send(new EnableFastLaunchCommand({ ImageId: id }))).State, "enabling", "enabled afresh with defaults");
});

test("failure on demand: enabling-failed with the rule's reason or a default; disabling-failed until a forced disable", async () => {
  const id = await windowsAmi("win-fail");
  const rule = server.faults.add({
    service: "ec2",
    operation: "EnableFastLaunch",
    lifecycle: { outcome: "fail", reason: "Client.InvalidLaunchTemplate: no subnet" },
  });
  assert.equal((await a.send(new EnableFastLaunchCommand({ ImageId: id }))).State, "enabling");
  server.clock.advance(3 * T + 1);
  let [img] = await describe();
  assert.equal(img.State, "enabling-failed");
  assert.equal(img.StateTransitionReason, "Client.InvalidLaunchTemplate: no subnet");
  server.faults.remove(rule);
  server.faults.add({ service: "ec2", operation: "EnableFastLaunch", times: 1, lifecycle: { outcome: "fail" } });
  await a.send(new EnableFastLaunchCommand({ ImageId: id }));
  server.clock.advance(3 * T + 1);
  [img] = await describe();
  assert.equal(img.State, "enabling-failed");
  assert.match(img.StateTransitionReason!, /^Server\.InternalError/);
  await a.send(new EnableFastLaunchCommand({ ImageId: id }));
  server.clock.advance(3 * T + 1);
  assert.equal((await describe())[0].State, "enabled", "enabling again after a failure succeeds");

  server.faults.add({ service: "ec2", operation: "DisableFastLaunch", times: 1, lifecycle: { outcome: "fail" } });
  await a.send(new DisableFastLaunchCommand({ ImageId: id }));
  server.clock.advance(2 * T + 1);
  assert.equal((await describe())[0].State, "disabling-failed");
  const e = await rejection(() => a.send(new EnableFastLaunchCommand({ ImageId: id })));
  assert.equal(e.name, "IncorrectState");
  assert.equal((await a.send(new DisableFastLaunchCommand({ ImageId: id, Force: true }))).State, "disabling");
  server.clock.advance(2 * T + 1);
  assert.deepEqual(await describe(), []);
});

test("a fault on EnableFastLaunch that changes enabled settings turns them enabled-failed", async () => {
  const id = await windowsAmi("win-enabled-failed");
  await a.send(new EnableFastLaunchCommand({ ImageId: id }));
  server.clock.advance(3 * T + 1);
  server.faults.add({ service: "ec2", operation: "EnableFastLaunch", lifecycle: { outcome: "fail", reason: "Server.ReplenishFailed" } });
  const r = await a.send(new EnableFastLaunchCommand({ ImageId: id, MaxParallelLaunches: 9 }));
  assert.equal(r.State, "enabled-failed");
  assert.equal(r.StateTransitionReason, "Server.ReplenishFailed");
});

test("DescribeFastLaunchImages: ImageIds, filters resource-type, owner-id and state, unknown filter, paging", async () => {
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push(await windowsAmi(`win-page-${i}`));
  for (const id of ids.slice(0, 3)) await a.send(new EnableFastLaunchCommand({ ImageId: id }));
  server.clock.advance(3 * T + 1);
  for (const id of ids.slice(3)) await a.send(new EnableFastLaunchCommand({ ImageId: id }));
  assert.deepEqual(
    (await describe(a, { ImageIds: [ids[0], ids[4], "ami-0123456789abcdef0"] })).map((i) => i.ImageId).sort(),
    [ids[0], ids[4]].sort(),
  );
  assert.equal((await describe(a, { Filters: [{ Name: "state", Values: ["enabled"] }] })).length, 3);
  assert.equal(
    (
      await describe(a, {
        Filters: [
          { Name: "state", Values: ["enabling"] },
          { Name: "resource-type", Values: ["snapshot"] },
        ],
      })
    ).length,
    2,
  );
  assert.equal((await describe(a, { Filters: [{ Name: "owner-id", Values: [ACCOUNT_A] }] })).length, 5);
  assert.equal((await describe(a, { Filters: [{ Name: "owner-id", Values: [ACCOUNT_B] }] })).length, 0);
  let e = await rejection(() => describe(a, { Filters: [{ Name: "platform", Values: ["windows"] }] }));
  assert.equal(e.name, "InvalidParameterValue");
  e = await rejection(() => describe(a, { ImageIds: ["ami-nope"] }));
  assert.equal(e.name, "InvalidAMIID.Malformed");
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const r = await a.send(new DescribeFastLaunchImagesCommand({ MaxResults: 2, NextToken: token }));
    assert.ok(r.FastLaunchImages!.length <= 2);
    seen.push(...r.FastLaunchImages!.map((i) => i.ImageId!));
    token = r.NextToken;
  } while (token);
  assert.deepEqual(seen.sort(), [...ids].sort());
  e = await rejection(() => a.send(new DescribeFastLaunchImagesCommand({ NextToken: "forged" })));
  assert.equal(e.name, "InvalidNextToken");
  e = await rejection(() => a.send(new DescribeFastLaunchImagesCommand({ MaxResults: 500 })));
  assert.equal(e.name, "InvalidParameterValue");
});

test("settings of a deregistered AMI are no longer described", async () => {
  const id = await windowsAmi("win-dereg");
  await a.send(new EnableFastLaunchCommand({ ImageId: id }));
  await a.send(new DeregisterImageCommand({ ImageId: id }));
  assert.deepEqual(await describe(), []);
});

test("DryRun: DryRunOperation and nothing changes; the real error otherwise", async () => {
  const id = await windowsAmi("win-dry");
  let e = await rejection(() => a.send(new EnableFastLaunchCommand({ ImageId: id, DryRun: true })));
  assert.equal(e.name, "DryRunOperation");
  assert.deepEqual(await describe(), []);
  e = await rejection(() => a.send(new EnableFastLaunchCommand({ ImageId: id, MaxParallelLaunches: 2, DryRun: true })));
  assert.equal(e.name, "InvalidParameterValue");
  await a.send(new EnableFastLaunchCommand({ ImageId: id }));
  e = await rejection(() => a.send(new DisableFastLaunchCommand({ ImageId: id, DryRun: true })));
  assert.equal(e.name, "DryRunOperation");
  e = await rejection(() => a.send(new DescribeFastLaunchImagesCommand({ DryRun: true })));
  assert.equal(e.name, "DryRunOperation");
  assert.equal((await describe())[0].State, "enabling");
});
