// AMI usage reports count launch templates: an AMI shared with three accounts, named by launch templates in two
// of them. A template counts once however many of its versions name the AMI, and only when one of its 20 most
// recent versions does, or as many as the ec2:LaunchTemplate version-depth option says ("View your AMI usage",
// your-ec2-ami-usage.html; ImageUsageResourceTypeOptionRequest). Deleting the versions or the template ends the use.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateImageUsageReportCommand,
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DeleteLaunchTemplateCommand,
  DeleteLaunchTemplateVersionsCommand,
  DescribeImageUsageReportEntriesCommand,
  ModifyImageAttributeCommand,
  ModifyLaunchTemplateCommand,
  type EC2Client,
  type ImageUsageResourceTypeRequest,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, T, useServer } from "../support/server";
import { registerAmi } from "./helpers";

const ACCOUNT_C = "333333333333";
const ACCOUNT_D = "444444444444";

let server: Imagelite;
let owner: EC2Client;
let b: EC2Client;
let c: EC2Client;
let d: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  owner = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
  c = fx.ec2(ACCOUNT_C);
  d = fx.ec2(ACCOUNT_D);
});

const TEMPLATES: ImageUsageResourceTypeRequest[] = [{ ResourceType: "ec2:LaunchTemplate" }];
const depth = (n: number): ImageUsageResourceTypeRequest[] => [
  { ResourceType: "ec2:LaunchTemplate", ResourceTypeOptions: [{ OptionName: "version-depth", OptionValues: [String(n)] }] },
];

async function sharedAmi(): Promise<string> {
  const id = await registerAmi(owner, "reported");
  server.clock.advance(T + 1);
  await owner.send(
    new ModifyImageAttributeCommand({
      ImageId: id,
      LaunchPermission: { Add: [{ UserId: ACCOUNT_B }, { UserId: ACCOUNT_C }, { UserId: ACCOUNT_D }] },
    }),
  );
  return id;
}

const template = async (client: EC2Client, name: string, imageId?: string) =>
  (
    await client.send(
      new CreateLaunchTemplateCommand({ LaunchTemplateName: name, LaunchTemplateData: { InstanceType: "t3.micro", ImageId: imageId } }),
    )
  ).LaunchTemplate!.LaunchTemplateId!;
const version = async (client: EC2Client, id: string, imageId?: string) =>
  (
    await client.send(
      new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: id, LaunchTemplateData: { InstanceType: "t3.small", ImageId: imageId } }),
    )
  ).LaunchTemplateVersion!.VersionNumber!;

/** The entries of a report on `imageId` over these resource types, once it is available. */
async function report(imageId: string, resourceTypes: ImageUsageResourceTypeRequest[] = TEMPLATES, accountIds?: string[]) {
  const { ReportId } = await owner.send(
    new CreateImageUsageReportCommand({ ImageId: imageId, ResourceTypes: resourceTypes, AccountIds: accountIds }),
  );
  server.clock.advance(2 * T + 1);
  const got = (await owner.send(new DescribeImageUsageReportEntriesCommand({ ReportIds: [ReportId!] }))).ImageUsageReportEntries!;
  return got.map((e) => [e.ResourceType, e.AccountId, e.UsageCount]);
}

/**
 * B: `web` names the AMI in its only version; `old` named it in version 1 and has had 20 versions since, so the AMI
 * is its 21st most recent version. C: `api` names it in versions 1 and 3 of 3 (counted once), `batch` in version 2
 * of 2. D: a template with another AMI. A template naming an AMI id that does not exist counts for nothing.
 */
async function scenario() {
  const ami = await sharedAmi();
  const other = await registerAmi(d, "d-own");
  const web = await template(b, "web", ami);
  const old = await template(b, "old", ami);
  for (let i = 0; i < 20; i++) await version(b, old);
  const api = await template(c, "api", ami);
  await version(c, api);
  await version(c, api, ami);
  const batch = await template(c, "batch");
  await version(c, batch, ami);
  await template(d, "elsewhere", other);
  await template(d, "nothing", "ami-00000000000000000");
  return { ami, web, old, api, batch };
}

test("a report counts launch templates per account, once each, within the default depth of 20 versions", async () => {
  const { ami } = await scenario();
  assert.deepEqual(await report(ami), [
    ["ec2:LaunchTemplate", ACCOUNT_B, 1],
    ["ec2:LaunchTemplate", ACCOUNT_C, 2],
  ]);
  // A report on instances only does not count templates; a report on both lists what it finds of each.
  assert.deepEqual(await report(ami, [{ ResourceType: "ec2:Instance" }]), []);
  assert.deepEqual(await report(ami, [{ ResourceType: "ec2:Instance" }, ...TEMPLATES], [ACCOUNT_C, ACCOUNT_D]), [
    ["ec2:LaunchTemplate", ACCOUNT_C, 2],
  ]);
});

test("version-depth widens or narrows the versions checked", async () => {
  const { ami } = await scenario();
  assert.deepEqual(await report(ami, depth(21)), [
    ["ec2:LaunchTemplate", ACCOUNT_B, 2],
    ["ec2:LaunchTemplate", ACCOUNT_C, 2],
  ]);
  // Depth 1: only each template's latest version. B's `web` (1 of 1) and C's `api` (3 of 3) and `batch` (2 of 2).
  assert.deepEqual(await report(ami, depth(1)), [
    ["ec2:LaunchTemplate", ACCOUNT_B, 1],
    ["ec2:LaunchTemplate", ACCOUNT_C, 2],
  ]);
});

test("the recent versions are those that exist: deleting newer versions brings an older use within the depth", async () => {
  const { ami, old } = await scenario();
  // Version 1 is the default; deleting versions 2 and 3 of `old` leaves 1 among its 19 most recent.
  await b.send(new DeleteLaunchTemplateVersionsCommand({ LaunchTemplateId: old, Versions: ["2", "3"] }));
  assert.deepEqual(await report(ami), [
    ["ec2:LaunchTemplate", ACCOUNT_B, 2],
    ["ec2:LaunchTemplate", ACCOUNT_C, 2],
  ]);
});

test("deleting the versions that name the AMI, or the template, ends its use", async () => {
  const { ami, web, api, batch } = await scenario();
  await b.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: web }));
  await c.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: api, DefaultVersion: "2" }));
  await c.send(new DeleteLaunchTemplateVersionsCommand({ LaunchTemplateId: api, Versions: ["1", "3"] }));
  assert.deepEqual(await report(ami, depth(10000)), [
    ["ec2:LaunchTemplate", ACCOUNT_B, 1],
    ["ec2:LaunchTemplate", ACCOUNT_C, 1],
  ]);
  await c.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: batch }));
  assert.deepEqual(await report(ami, depth(10000)), [["ec2:LaunchTemplate", ACCOUNT_B, 1]]);
  // The store keeps no use record of a template that is gone.
  const left = server.app.store.list("ec2.image-use", { account: ACCOUNT_A, region: "us-east-1" }, { prefix: `${ami} ` }).map((r) => r.id);
  assert.equal(left.length, 1);
  assert.match(left[0], new RegExp(`^${ami} launch-template ${ACCOUNT_B} lt-`));
});
