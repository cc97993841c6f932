// The AMI's own lifecycle through the AWS SDK, on the manual clock: deprecation ("Deprecate an Amazon EC2 AMI"),
// deregistration protection and its cooldown ("Protect an Amazon EC2 AMI from deregistration"), and
// DisableImage / EnableImage ("Disable an Amazon EC2 AMI"), with what each does to DescribeImages, sharing,
// CopyImage and DeregisterImage, and the refusals for malformed and unknown ids and for non-owners.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CopyImageCommand,
  DeregisterImageCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DisableImageCommand,
  DisableImageDeprecationCommand,
  DisableImageDeregistrationProtectionCommand,
  EnableFastLaunchCommand,
  EnableImageCommand,
  EnableImageDeprecationCommand,
  EnableImageDeregistrationProtectionCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  RunInstancesCommand,
  type EC2Client,
  type Image,
} from "@aws-sdk/client-ec2";
import { CreateImportedImageCommand } from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, appstreamClient, REGION, rejection, T, TEST_START, useServer } from "../support/server";
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

const MINUTE = 60_000;
const HOUR = 3600;
const DAY = 24 * HOUR;

async function ami(name: string): Promise<string> {
  const id = await registerAmi(a, name);
  server.clock.advance(T + 1);
  return id;
}

const image = async (client: EC2Client, id: string): Promise<Image> =>
  (await client.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images![0];
const listed = async (client: EC2Client, input: Record<string, unknown> = {}) =>
  (await client.send(new DescribeImagesCommand(input))).Images!.map((i) => i.ImageId);
/** Shares an AMI as image tools do: launch permission on the AMI, create-volume permission on its snapshots (so it can be copied). */
async function share(id: string, account = ACCOUNT_B): Promise<void> {
  await a.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ UserId: account }] } }));
  for (const m of (await image(a, id)).BlockDeviceMappings ?? []) {
    const SnapshotId = m.Ebs?.SnapshotId;
    if (SnapshotId)
      await a.send(new ModifySnapshotAttributeCommand({ SnapshotId, CreateVolumePermission: { Add: [{ UserId: account }] } }));
  }
}
const makePublic = (id: string) => a.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ Group: "all" }] } }));
const now = () => server.clock.now().getTime();

test("EnableImageDeprecation: DeprecationTime rounded to the minute, shown in ISO 8601 with milliseconds", async () => {
  const id = await ami("deprecating");
  assert.equal((await image(a, id)).DeprecationTime, undefined);
  const at = new Date(TEST_START + DAY * 1000 + 31_000); // 31 s past the minute: rounds up
  const r = await a.send(new EnableImageDeprecationCommand({ ImageId: id, DeprecateAt: at }));
  assert.equal(r.Return, true);
  assert.equal((await image(a, id)).DeprecationTime, new Date(TEST_START + DAY * 1000 + MINUTE).toISOString());
  await a.send(new EnableImageDeprecationCommand({ ImageId: id, DeprecateAt: new Date(TEST_START + DAY * 1000 + 29_000) }));
  assert.equal((await image(a, id)).DeprecationTime, "2026-11-24T12:00:00.000Z", "29 s rounds down");
  await a.send(new DisableImageDeprecationCommand({ ImageId: id }));
  assert.equal((await image(a, id)).DeprecationTime, undefined);
  assert.equal((await a.send(new DisableImageDeprecationCommand({ ImageId: id }))).Return, true, "cancelling twice is harmless");
});

test("EnableImageDeprecation: not in the past, at most 10 years ahead, 2 years after creation for a public AMI", async () => {
  const id = await ami("limits");
  const past = await rejection(() => a.send(new EnableImageDeprecationCommand({ ImageId: id, DeprecateAt: new Date(now() - MINUTE) })));
  assert.equal(past.name, "InvalidParameterValue");
  const tenYears = new Date(Date.UTC(2036, 10, 23, 12, 0, 0) + 2 * MINUTE);
  const far = await rejection(() => a.send(new EnableImageDeprecationCommand({ ImageId: id, DeprecateAt: tenYears })));
  assert.equal(far.name, "InvalidParameterValue");
  await a.send(new EnableImageDeprecationCommand({ ImageId: id, DeprecateAt: new Date(Date.UTC(2035, 0, 1)) }));
  await a.send(new DisableImageDeprecationCommand({ ImageId: id }));
  await makePublic(id);
  const tooLate = await rejection(() =>
    a.send(new EnableImageDeprecationCommand({ ImageId: id, DeprecateAt: new Date(Date.UTC(2029, 0, 1)) })),
  );
  assert.equal(tooLate.name, "InvalidParameterValue");
  await a.send(new EnableImageDeprecationCommand({ ImageId: id, DeprecateAt: new Date(Date.UTC(2027, 0, 1)) }));
  const cancel = await rejection(() => a.send(new DisableImageDeprecationCommand({ ImageId: id })));
  assert.equal(cancel.name, "OperationNotPermitted", "a public AMI's deprecation is cancelled only once it is private");
});

test("a deprecated AMI leaves other accounts' listings unless IncludeDeprecated; its owner and ids still show it", async () => {
  const id = await ami("old-news");
  await share(id);
  await a.send(new EnableImageDeprecationCommand({ ImageId: id, DeprecateAt: new Date(now() + HOUR * 1000) }));
  assert.ok((await listed(b)).includes(id), "deprecation in the future hides nothing yet");
  server.clock.advance(HOUR + 1);
  assert.ok(!(await listed(b)).includes(id));
  assert.ok(!(await listed(b, { ExecutableUsers: ["self"] })).includes(id));
  assert.ok((await listed(b, { IncludeDeprecated: true })).includes(id));
  assert.ok((await listed(a)).includes(id), "the owner always sees its deprecated AMIs");
  assert.equal((await image(b, id)).DeprecationTime, "2026-11-23T13:00:00.000Z", "by id, a grantee still sees it");
  // A deprecated AMI can still be launched and copied by id ("Deprecate an Amazon EC2 AMI").
  const launched = await b.send(new RunInstancesCommand({ ImageId: id, MinCount: 1, MaxCount: 1 }));
  assert.equal(launched.Instances![0].ImageId, id);
  const copy = await b.send(new CopyImageCommand({ SourceImageId: id, SourceRegion: REGION, Name: "copy-of-old" }));
  assert.equal((await image(b, copy.ImageId!)).DeprecationTime, undefined, "a copy is not deprecated");
});

test("deregistration protection: DeregisterImage refused while on; off without cooldown frees it at once", async () => {
  const id = await ami("guarded");
  assert.equal((await image(a, id)).DeregistrationProtection, "disabled");
  const on = await a.send(new EnableImageDeregistrationProtectionCommand({ ImageId: id }));
  assert.equal(on.Return, "enabled-without-cooldown");
  assert.equal((await image(a, id)).DeregistrationProtection, "enabled-without-cooldown");
  const attr = await a.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: "deregistrationProtection" }));
  assert.equal(attr.DeregistrationProtection?.Value, "enabled-without-cooldown");
  const refused = await rejection(() => a.send(new DeregisterImageCommand({ ImageId: id })));
  assert.equal(refused.name, "OperationNotPermitted");
  assert.match(refused.message, /deregistration protection/);
  assert.equal((await image(a, id)).State, "available");
  const off = await a.send(new DisableImageDeregistrationProtectionCommand({ ImageId: id }));
  assert.equal(off.Return, "disabled");
  assert.equal((await a.send(new DeregisterImageCommand({ ImageId: id }))).Return, true);
  assert.equal((await image(a, id)).State, "deregistered");
  const gone = await rejection(() => a.send(new EnableImageDeregistrationProtectionCommand({ ImageId: id })));
  assert.equal(gone.name, "InvalidAMIID.Unavailable");
});

test("deregistration protection WithCooldown stays in force 24 hours after it is turned off", async () => {
  const id = await ami("cooled");
  const on = await a.send(new EnableImageDeregistrationProtectionCommand({ ImageId: id, WithCooldown: true }));
  assert.equal(on.Return, "enabled-with-cooldown");
  const offAt = now();
  const off = await a.send(new DisableImageDeregistrationProtectionCommand({ ImageId: id }));
  const until = new Date(offAt + DAY * 1000).toISOString();
  assert.equal(off.Return, `disabled after ${until}`);
  assert.equal((await image(a, id)).DeregistrationProtection, `disabled after ${until}`);
  assert.equal((await rejection(() => a.send(new DeregisterImageCommand({ ImageId: id })))).name, "OperationNotPermitted");
  server.clock.advance(DAY / 2);
  await a.send(new DisableImageDeregistrationProtectionCommand({ ImageId: id }));
  assert.equal(
    (await image(a, id)).DeregistrationProtection,
    `disabled after ${until}`,
    "turning it off again does not restart the cooldown",
  );
  server.clock.advance(DAY / 2 - 1);
  assert.equal((await rejection(() => a.send(new DeregisterImageCommand({ ImageId: id })))).name, "OperationNotPermitted");
  server.clock.advance(1);
  assert.equal((await image(a, id)).DeregistrationProtection, "disabled");
  assert.equal((await a.send(new DeregisterImageCommand({ ImageId: id }))).Return, true);
});

test("re-enabling protection during a cooldown protects the AMI again", async () => {
  const id = await ami("again");
  await a.send(new EnableImageDeregistrationProtectionCommand({ ImageId: id, WithCooldown: true }));
  await a.send(new DisableImageDeregistrationProtectionCommand({ ImageId: id }));
  await a.send(new EnableImageDeregistrationProtectionCommand({ ImageId: id }));
  assert.equal((await image(a, id)).DeregistrationProtection, "enabled-without-cooldown");
  server.clock.advance(2 * DAY);
  assert.equal((await rejection(() => a.send(new DeregisterImageCommand({ ImageId: id })))).name, "OperationNotPermitted");
});

test("DisableImage: state disabled, every launch permission gone, hidden unless IncludeDisabled or asked by id", async () => {
  const id = await ami("switched-off");
  await share(id);
  await makePublic(id);
  assert.ok((await listed(b)).includes(id));
  assert.equal((await a.send(new DisableImageCommand({ ImageId: id }))).Return, true);
  const seen = await image(a, id);
  assert.equal(seen.State, "disabled");
  assert.equal(seen.Public, false);
  const perms = await a.send(new DescribeImageAttributeCommand({ ImageId: id, Attribute: "launchPermission" }));
  assert.deepEqual(perms.LaunchPermissions, []);
  assert.ok(!(await listed(a)).includes(id), "a disabled AMI is left out by default, even for its owner");
  assert.ok(!(await listed(a, { Owners: ["self"] })).includes(id));
  assert.ok((await listed(a, { Owners: ["self"], IncludeDisabled: true })).includes(id));
  assert.deepEqual(await listed(a, { IncludeDisabled: true, Filters: [{ Name: "state", Values: ["disabled"] }] }), [id]);
  assert.ok(!(await listed(b, { IncludeDisabled: true })).includes(id), "only the owner sees a disabled AMI");
  assert.equal((await rejection(() => b.send(new DescribeImagesCommand({ ImageIds: [id] })))).name, "InvalidAMIID.NotFound");
  assert.equal((await a.send(new DisableImageCommand({ ImageId: id }))).Return, true, "disabling twice is harmless");
});

test("a disabled AMI can be neither shared nor copied, by its owner or anyone else", async () => {
  const id = await ami("no-copies");
  await share(id);
  await a.send(new DisableImageCommand({ ImageId: id }));
  const shareIt = await rejection(() => share(id));
  assert.equal(shareIt.name, "OperationNotPermitted");
  const publish = await rejection(() => makePublic(id));
  assert.equal(publish.name, "OperationNotPermitted");
  const ownCopy = await rejection(() => a.send(new CopyImageCommand({ SourceImageId: id, SourceRegion: REGION, Name: "own-copy" })));
  assert.equal(ownCopy.name, "InvalidAMIID.Unavailable");
  const theirCopy = await rejection(() => b.send(new CopyImageCommand({ SourceImageId: id, SourceRegion: REGION, Name: "their-copy" })));
  assert.equal(theirCopy.name, "InvalidAMIID.NotFound", "the grantee lost access when the AMI was disabled");
  // Its description can still change: only sharing is refused.
  await a.send(new ModifyImageAttributeCommand({ ImageId: id, Description: { Value: "kept for the record" } }));
  assert.equal((await image(a, id)).Description, "kept for the record");
});

test("what needs an available AMI refuses a disabled one: RunInstances, Windows fast launch, AppStream's CreateImportedImage", async () => {
  const id = await registerAmi(a, "windows-off", WINDOWS);
  server.clock.advance(T + 1);
  await a.send(new DisableImageCommand({ ImageId: id }));
  const launch = await rejection(() => a.send(new RunInstancesCommand({ ImageId: id, MinCount: 1, MaxCount: 1 })));
  assert.equal(launch.name, "InvalidAMIID.Unavailable");
  const fastLaunch = await rejection(() => a.send(new EnableFastLaunchCommand({ ImageId: id })));
  assert.equal(fastLaunch.name, "InvalidAMIID.Unavailable");
  const imported = await rejection(() =>
    appstreamClient(server).send(
      new CreateImportedImageCommand({ Name: "from-disabled", SourceAmiId: id, IamRoleArn: `arn:aws:iam::${ACCOUNT_A}:role/import` }),
    ),
  );
  assert.equal(imported.name, "IncompatibleImageException");
});

test("EnableImage: available again, but the accounts that lost access do not get it back until shared anew", async () => {
  const id = await ami("back-again");
  await share(id);
  await a.send(new DisableImageCommand({ ImageId: id }));
  assert.equal((await a.send(new EnableImageCommand({ ImageId: id }))).Return, true);
  assert.equal((await image(a, id)).State, "available");
  assert.ok((await listed(a)).includes(id));
  assert.ok(!(await listed(b)).includes(id));
  await share(id);
  assert.ok((await listed(b)).includes(id));
  const copy = await b.send(new CopyImageCommand({ SourceImageId: id, SourceRegion: REGION, Name: "copy-after-enable" }));
  assert.match(copy.ImageId!, /^ami-/);
  assert.equal((await a.send(new EnableImageCommand({ ImageId: id }))).Return, true, "enabling an available AMI is harmless");
});

test("DisableImage refuses an AMI that is still pending; a disabled AMI can still be deregistered", async () => {
  const pending = await registerAmi(a, "too-soon");
  const early = await rejection(() => a.send(new DisableImageCommand({ ImageId: pending })));
  assert.equal(early.name, "IncorrectState");
  assert.equal((await rejection(() => a.send(new EnableImageCommand({ ImageId: pending })))).name, "IncorrectState");
  server.clock.advance(T + 1);
  await a.send(new DisableImageCommand({ ImageId: pending }));
  assert.equal((await a.send(new DeregisterImageCommand({ ImageId: pending }))).Return, true);
  assert.equal((await image(a, pending)).State, "deregistered");
});

test("only the owner manages an AMI's lifecycle; malformed and unknown ids are refused", async () => {
  const id = await ami("owned");
  await share(id);
  const calls: [string, (imageId: string, client: EC2Client) => Promise<unknown>][] = [
    [
      "EnableImageDeprecation",
      (i, c) => c.send(new EnableImageDeprecationCommand({ ImageId: i, DeprecateAt: new Date(now() + DAY * 1000) })),
    ],
    ["DisableImageDeprecation", (i, c) => c.send(new DisableImageDeprecationCommand({ ImageId: i }))],
    ["EnableImageDeregistrationProtection", (i, c) => c.send(new EnableImageDeregistrationProtectionCommand({ ImageId: i }))],
    ["DisableImageDeregistrationProtection", (i, c) => c.send(new DisableImageDeregistrationProtectionCommand({ ImageId: i }))],
    ["DisableImage", (i, c) => c.send(new DisableImageCommand({ ImageId: i }))],
    ["EnableImage", (i, c) => c.send(new EnableImageCommand({ ImageId: i }))],
  ];
  for (const [name, call] of calls) {
    const other = await rejection(() => call(id, b));
    assert.equal(other.name, "AuthFailure", `${name} by a grantee`);
    assert.equal(other.message, `Not authorized for image:${id}`);
    const malformed = await rejection(() => call("ami-nothex", a));
    assert.equal(malformed.name, "InvalidAMIID.Malformed", name);
    const unknown = await rejection(() => call("ami-0123456789abcdef0", a));
    assert.equal(unknown.name, "InvalidAMIID.NotFound", name);
    assert.equal(unknown.message, "The image id '[ami-0123456789abcdef0]' does not exist");
  }
  assert.equal((await image(b, id)).DeregistrationProtection, undefined, "a grantee is not told about protection");
});
