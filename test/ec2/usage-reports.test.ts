// AMI usage reports through the AWS SDK: CreateImageUsageReport (resource types and options, accounts, tags,
// client token), pending → available (or error on demand), 30-day expiry, DescribeImageUsageReports (ids,
// filters incl. the creation-time wildcard, tags, paging), DescribeImageUsageReportEntries and
// DeleteImageUsageReport, DryRun and the refusals.
// Entries count EC2 instances and launch templates that reference the AMI (launch templates: usage-reports-launch-templates.test.ts);
// AppStream images imported from the AMI are not EC2 usage (see usage-report-entries.ts).
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateImageUsageReportCommand,
  CreateTagsCommand,
  DeleteImageUsageReportCommand,
  DescribeImageUsageReportEntriesCommand,
  DescribeImageUsageReportsCommand,
  DescribeImagesCommand,
  ModifyImageAttributeCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import { CreateImportedImageCommand } from "@aws-sdk/client-appstream";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, appstreamClient, REGION, rejection, T, useServer } from "../support/server";
import { importableWindows, registerAmi } from "./helpers";

let server: Imagelite;
let a: EC2Client;
let b: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

const INSTANCES = [{ ResourceType: "ec2:Instance" }];
const DAY = 24 * 3600;

async function ami(name: string, extra = {}): Promise<string> {
  const id = await registerAmi(a, name, extra);
  server.clock.advance(T + 1);
  return id;
}

const create = async (input: Record<string, unknown>, client = a) =>
  (await client.send(new CreateImageUsageReportCommand({ ResourceTypes: INSTANCES, ...input } as never))).ReportId!;
const reports = async (input = {}, client = a) => (await client.send(new DescribeImageUsageReportsCommand(input))).ImageUsageReports!;
const entries = async (input = {}) => (await a.send(new DescribeImageUsageReportEntriesCommand(input))).ImageUsageReportEntries!;

test("CreateImageUsageReport: amiur- id, pending then available, what was asked kept, expiring 30 days later", async () => {
  const id = await ami("reported");
  const created = server.clock.now().getTime();
  const reportId = await create({
    ImageId: id,
    ResourceTypes: [
      { ResourceType: "ec2:Instance" },
      { ResourceType: "ec2:LaunchTemplate", ResourceTypeOptions: [{ OptionName: "version-depth", OptionValues: ["5"] }] },
    ],
    AccountIds: [ACCOUNT_B, "333333333333"],
    TagSpecifications: [{ ResourceType: "image-usage-report", Tags: [{ Key: "team", Value: "blue" }] }],
  });
  assert.match(reportId, /^amiur-[0-9a-f]{17}$/);
  let [r] = await reports({ ReportIds: [reportId] });
  assert.equal(r.State, "pending");
  assert.equal(r.ImageId, id);
  assert.deepEqual(r.ResourceTypes, [
    { ResourceType: "ec2:Instance" },
    { ResourceType: "ec2:LaunchTemplate", ResourceTypeOptions: [{ OptionName: "version-depth", OptionValues: ["5"] }] },
  ]);
  assert.deepEqual(r.AccountIds, [ACCOUNT_B, "333333333333"]);
  assert.deepEqual(r.Tags, [{ Key: "team", Value: "blue" }]);
  assert.equal(r.StateReason, undefined);
  assert.equal(r.CreationTime!.getTime(), created);
  assert.equal(r.ExpirationTime!.getTime(), created + 30 * DAY * 1000);
  server.clock.advance(2 * T + 1);
  [r] = await reports({ ReportIds: [reportId] });
  assert.equal(r.State, "available");
  server.clock.advance(30 * DAY);
  assert.deepEqual(await reports(), [], "EC2 deletes a report 30 days after creation");
  const e = await rejection(() => reports({ ReportIds: [reportId] }));
  assert.equal(e.name, "InvalidImageUsageReportId.NotFound");
});

test("entries: empty when nothing uses the AMI, also after an AppStream image was imported from it (not EC2 usage)", async () => {
  const id = await ami("imported-source", await importableWindows(a));
  await appstreamClient(server).send(
    new CreateImportedImageCommand({ Name: "from-ami", SourceAmiId: id, IamRoleArn: `arn:aws:iam::${ACCOUNT_A}:role/import` }),
  );
  const uses = server.app.store.list("ec2.image-use", { account: ACCOUNT_A, region: REGION }, { prefix: `${id} ` });
  assert.deepEqual(
    uses.map((u) => u.id),
    [`${id} appstream-image ${ACCOUNT_A} from-ami`],
    "the import is indexed as a use",
  );
  const reportId = await create({ ImageId: id, ResourceTypes: [{ ResourceType: "ec2:Instance" }, { ResourceType: "ec2:LaunchTemplate" }] });
  assert.deepEqual(await entries({ ReportIds: [reportId] }), [], "no entries while pending");
  server.clock.advance(2 * T + 1);
  assert.deepEqual(await entries({ ReportIds: [reportId] }), []);
  assert.deepEqual(await entries(), []);
});

test("entries count indexed uses of the requested types per account (an `instance` use written to the index by hand)", async () => {
  // No imagelite service creates instances; this stands in for one to exercise the counting path.
  const id = await ami("counted");
  const p = { account: ACCOUNT_A, region: REGION };
  for (const [acct, res] of [
    [ACCOUNT_B, "i-1"],
    [ACCOUNT_B, "i-2"],
    ["333333333333", "i-3"],
  ]) {
    server.app.store.put("ec2.image-use", p, `${id} instance ${acct} ${res}`, {});
  }
  server.app.store.put("ec2.image-use", p, `${id} appstream-image ${ACCOUNT_B} img`, {});
  const all = await create({ ImageId: id });
  const onlyB = await create({ ImageId: id, AccountIds: [ACCOUNT_B] });
  const templates = await create({ ImageId: id, ResourceTypes: [{ ResourceType: "ec2:LaunchTemplate" }] });
  server.clock.advance(2 * T + 1);
  const got = await entries({ ReportIds: [all] });
  assert.deepEqual(
    got.map((e) => [e.ResourceType, e.AccountId, e.UsageCount]),
    [
      ["ec2:Instance", ACCOUNT_B, 2],
      ["ec2:Instance", "333333333333", 1],
    ],
  );
  assert.equal(got[0].ReportId, all);
  assert.equal(got[0].ImageId, id);
  assert.ok(got[0].ReportCreationTime instanceof Date);
  assert.deepEqual(
    (await entries({ ReportIds: [onlyB] })).map((e) => e.AccountId),
    [ACCOUNT_B],
  );
  assert.deepEqual(await entries({ ReportIds: [templates] }), []);
  assert.equal((await entries({ Filters: [{ Name: "account-id", Values: ["333333333333"] }] })).length, 1);
  assert.equal((await entries({ Filters: [{ Name: "resource-type", Values: ["ec2:LaunchTemplate"] }] })).length, 0);
  const day = server.clock.now().toISOString().slice(0, 11);
  assert.equal((await entries({ ImageIds: [id], Filters: [{ Name: "creation-time", Values: [`${day}*`] }] })).length, 3);
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const r = await a.send(new DescribeImageUsageReportEntriesCommand({ MaxResults: 1, NextToken: token }));
    seen.push(...r.ImageUsageReportEntries!.map((e) => `${e.ReportId} ${e.AccountId}`));
    token = r.NextToken;
  } while (token);
  assert.equal(seen.length, 3);
  assert.equal(new Set(seen).size, 3);
});

test("refusals: not the owner, unknown and malformed AMI, bad resource types, options, accounts and tag types", async () => {
  const id = await ami("refused");
  await a.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  let e = await rejection(() => create({ ImageId: id }, b));
  assert.equal(e.name, "AuthFailure", "a grantee cannot report on another account's AMI");
  const amazon = (await a.send(new DescribeImagesCommand({ Owners: ["amazon"] }))).Images![0].ImageId!;
  e = await rejection(() => create({ ImageId: amazon }));
  assert.equal(e.name, "AuthFailure");
  e = await rejection(() => create({ ImageId: "ami-0123456789abcdef0" }));
  assert.equal(e.name, "InvalidAMIID.NotFound");
  e = await rejection(() => create({ ImageId: "ami-1" }));
  assert.equal(e.name, "InvalidAMIID.Malformed");
  e = await rejection(() => create({ ImageId: id, ResourceTypes: [{ ResourceType: "ec2:Volume" }] }));
  assert.equal(e.name, "InvalidParameterValue");
  e = await rejection(() => create({ ImageId: id, ResourceTypes: [] }));
  assert.equal(e.name, "MissingParameter");
  e = await rejection(() =>
    create({
      ImageId: id,
      ResourceTypes: [{ ResourceType: "ec2:Instance", ResourceTypeOptions: [{ OptionName: "version-depth", OptionValues: ["3"] }] }],
    }),
  );
  assert.equal(e.name, "InvalidParameterCombination");
  for (const OptionValues of [["0"], ["10001"], ["two"], ["1", "2"]]) {
    e = await rejection(() =>
      create({
        ImageId: id,
        ResourceTypes: [{ ResourceType: "ec2:LaunchTemplate", ResourceTypeOptions: [{ OptionName: "version-depth", OptionValues }] }],
      }),
    );
    assert.equal(e.name, "InvalidParameterValue", String(OptionValues));
  }
  e = await rejection(() =>
    create({
      ImageId: id,
      ResourceTypes: [{ ResourceType: "ec2:LaunchTemplate", ResourceTypeOptions: [{ OptionName: "depth", OptionValues: ["3"] }] }],
    }),
  );
  assert.equal(e.name, "InvalidParameterValue");
  e = await rejection(() => create({ ImageId: id, AccountIds: ["12345"] }));
  assert.equal(e.name, "InvalidUserID.Malformed");
  e = await rejection(() => create({ ImageId: id, TagSpecifications: [{ ResourceType: "image", Tags: [{ Key: "k", Value: "v" }] }] }));
  assert.equal(e.name, "InvalidParameterValue");
  assert.deepEqual(await reports(), []);
});

test("ClientToken: the same request answers the same report; other parameters are a mismatch", async () => {
  const id = await ami("token");
  const first = await create({ ImageId: id, ClientToken: "tok-1" });
  assert.equal(await create({ ImageId: id, ClientToken: "tok-1" }), first);
  const e = await rejection(() => create({ ImageId: id, ClientToken: "tok-1", AccountIds: [ACCOUNT_B] }));
  assert.equal(e.name, "IdempotentParameterMismatch");
  assert.equal((await reports()).length, 1);
});

test("failure on demand: pending, then error with the rule's reason (or a default), and no entries", async () => {
  const id = await ami("failing");
  server.faults.add({
    service: "ec2",
    operation: "CreateImageUsageReport",
    times: 1,
    lifecycle: { outcome: "fail", reason: "Report generation timed out." },
  });
  const failed = await create({ ImageId: id });
  server.faults.add({ service: "ec2", operation: "CreateImageUsageReport", times: 1, lifecycle: { outcome: "fail" } });
  const failedDefault = await create({ ImageId: id });
  assert.equal((await reports({ ReportIds: [failed] }))[0].State, "pending");
  server.clock.advance(2 * T + 1);
  const [r] = await reports({ ReportIds: [failed] });
  assert.equal(r.State, "error");
  assert.equal(r.StateReason, "Report generation timed out.");
  assert.match((await reports({ ReportIds: [failedDefault] }))[0].StateReason!, /could not be created/);
  assert.deepEqual(
    (await reports({ Filters: [{ Name: "state", Values: ["error"] }] })).map((x) => x.ReportId).sort(),
    [failed, failedDefault].sort(),
  );
  assert.deepEqual(await entries({ ReportIds: [failed] }), []);
});

test("DescribeImageUsageReports: ImageIds, ReportIds, filters state, creation-time wildcard, tag:<key>, tag-key, paging", async () => {
  const one = await ami("one");
  const two = await ami("two");
  const r1 = await create({
    ImageId: one,
    TagSpecifications: [{ ResourceType: "image-usage-report", Tags: [{ Key: "env", Value: "prod" }] }],
  });
  const r2 = await create({ ImageId: two });
  server.clock.advance(2 * T + 1);
  const r3 = await create({ ImageId: one });
  await a.send(new CreateTagsCommand({ Resources: [r2], Tags: [{ Key: "env", Value: "test" }] }));
  const ids = (list: { ReportId?: string }[]) => list.map((r) => r.ReportId).sort();
  assert.deepEqual(ids(await reports({ ImageIds: [one] })), [r1, r3].sort());
  assert.deepEqual(ids(await reports({ ReportIds: [r2, r3], ImageIds: [one] })), [r3]);
  assert.deepEqual(ids(await reports({ Filters: [{ Name: "state", Values: ["available"] }] })), [r1, r2].sort());
  assert.deepEqual(ids(await reports({ Filters: [{ Name: "tag:env", Values: ["prod"] }] })), [r1]);
  assert.deepEqual(ids(await reports({ Filters: [{ Name: "tag-key", Values: ["env"] }] })), [r1, r2].sort());
  const iso = (await reports({ ReportIds: [r3] }))[0].CreationTime!.toISOString();
  assert.deepEqual(ids(await reports({ Filters: [{ Name: "creation-time", Values: [iso] }] })), [r3]);
  assert.equal((await reports({ Filters: [{ Name: "creation-time", Values: [`${iso.slice(0, 11)}*`] }] })).length, 3);
  assert.equal((await reports({ Filters: [{ Name: "creation-time", Values: ["1999-01-01T*"] }] })).length, 0);
  let e = await rejection(() => reports({ Filters: [{ Name: "image-id", Values: [one] }] }));
  assert.equal(e.name, "InvalidParameterValue");
  e = await rejection(() => reports({ ReportIds: ["amiur-0123456789abcdef0"] }));
  assert.equal(e.name, "InvalidImageUsageReportId.NotFound");
  e = await rejection(() => reports({ ReportIds: ["amiur-1"] }));
  assert.equal(e.name, "InvalidImageUsageReportId.Malformed");
  assert.deepEqual(await reports({}, b), [], "reports belong to their creator");
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const r = await a.send(new DescribeImageUsageReportsCommand({ MaxResults: 2, NextToken: token }));
    assert.ok(r.ImageUsageReports!.length <= 2);
    seen.push(...(ids(r.ImageUsageReports!) as string[]));
    token = r.NextToken;
  } while (token);
  assert.deepEqual(seen.sort(), [r1, r2, r3].sort());
});

test("DeleteImageUsageReport: gone with its tags; unknown and malformed ids refused", async () => {
  const id = await ami("deleted");
  const reportId = await create({
    ImageId: id,
    TagSpecifications: [{ ResourceType: "image-usage-report", Tags: [{ Key: "k", Value: "v" }] }],
  });
  assert.deepEqual((await a.send(new DeleteImageUsageReportCommand({ ReportId: reportId }))).Return, true);
  assert.deepEqual(await reports(), []);
  let e = await rejection(() => a.send(new DeleteImageUsageReportCommand({ ReportId: reportId })));
  assert.equal(e.name, "InvalidImageUsageReportId.NotFound");
  e = await rejection(() => a.send(new DeleteImageUsageReportCommand({ ReportId: "amiur-xyz" })));
  assert.equal(e.name, "InvalidImageUsageReportId.Malformed");
  e = await rejection(() => a.send(new CreateTagsCommand({ Resources: [reportId], Tags: [{ Key: "k", Value: "v" }] })));
  assert.equal(e.name, "InvalidImageUsageReportId.NotFound");
});

test("DryRun on every operation: DryRunOperation and nothing changes", async () => {
  const id = await ami("dry");
  let e = await rejection(() => create({ ImageId: id, DryRun: true }));
  assert.equal(e.name, "DryRunOperation");
  assert.deepEqual(await reports(), []);
  const reportId = await create({ ImageId: id });
  e = await rejection(() => a.send(new DeleteImageUsageReportCommand({ ReportId: reportId, DryRun: true })));
  assert.equal(e.name, "DryRunOperation");
  e = await rejection(() => a.send(new DescribeImageUsageReportsCommand({ DryRun: true })));
  assert.equal(e.name, "DryRunOperation");
  e = await rejection(() => a.send(new DescribeImageUsageReportEntriesCommand({ DryRun: true })));
  assert.equal(e.name, "DryRunOperation");
  assert.equal((await reports()).length, 1);
});
