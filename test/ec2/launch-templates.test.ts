// Launch templates through the AWS SDK: CreateLaunchTemplate (ids, names, data as DescribeLaunchTemplateVersions
// returns it, tags, client token), CreateLaunchTemplateVersion (numbering, SourceVersion merge), ModifyLaunchTemplate
// ($Default), DescribeLaunchTemplates and DescribeLaunchTemplateVersions ($Latest, $Default, ranges, filters,
// paging), DeleteLaunchTemplateVersions (per-version results) and DeleteLaunchTemplate, with EC2's errors.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  CreateTagsCommand,
  DeleteLaunchTemplateCommand,
  DeleteLaunchTemplateVersionsCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeLaunchTemplatesCommand,
  DescribeTagsCommand,
  ModifyLaunchTemplateCommand,
  type EC2Client,
  type RequestLaunchTemplateData,
} from "@aws-sdk/client-ec2";
import { GetParameterCommand } from "@aws-sdk/client-ssm";
import type { Imagelite } from "../../src/index";
import type { RequestContext } from "../../src/gateway/context";
import { resolveLaunchTemplate } from "../../src/services/ec2/launch-templates/records";
import { ACCOUNT_A, ACCOUNT_B, REGION, rejection, TEST_START, useServer } from "../support/server";

let server: Imagelite;
let a: EC2Client;
let b: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

// An empty LaunchTemplateData sends nothing on the wire, which EC2 refuses as a missing parameter: give one member.
const SMALL: RequestLaunchTemplateData = { InstanceType: "t3.micro" };
const create = async (name: string, data: RequestLaunchTemplateData = SMALL, extra = {}, client = a) =>
  (await client.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: name, LaunchTemplateData: data, ...extra }))).LaunchTemplate!;
const addVersion = async (input: Record<string, unknown>, data: RequestLaunchTemplateData = SMALL) =>
  (await a.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateData: data, ...input }))).LaunchTemplateVersion!;
const versions = async (input: Record<string, unknown>) =>
  (await a.send(new DescribeLaunchTemplateVersionsCommand(input))).LaunchTemplateVersions!;

const FULL: RequestLaunchTemplateData = {
  ImageId: "ami-0123456789abcdef0",
  InstanceType: "t3.micro",
  KeyName: "deployer",
  SecurityGroupIds: ["sg-0123456789abcdef0", "sg-0fedcba9876543210"],
  BlockDeviceMappings: [
    { DeviceName: "/dev/xvda", Ebs: { VolumeSize: 30, VolumeType: "gp3", DeleteOnTermination: true, Encrypted: true } },
  ],
  TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "web" }] }],
  MetadataOptions: { HttpTokens: "required", HttpEndpoint: "enabled" },
  IamInstanceProfile: { Name: "web-role" },
  UserData: "IyEvYmluL2Jhc2gKZWNobyBoaQ==",
  NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true, Groups: ["sg-0123456789abcdef0"] }],
};

test("CreateLaunchTemplate: lt- id, version 1 default and latest, CreatedBy the account root, data as given", async () => {
  const t = await create("web-(prod)/v1.2_a", FULL, { VersionDescription: "first" });
  assert.match(t.LaunchTemplateId!, /^lt-[0-9a-f]{17}$/);
  assert.equal(t.LaunchTemplateName, "web-(prod)/v1.2_a");
  assert.equal(t.CreatedBy, `arn:aws:iam::${ACCOUNT_A}:root`);
  assert.equal(t.CreateTime!.getTime(), TEST_START);
  assert.equal(t.DefaultVersionNumber, 1);
  assert.equal(t.LatestVersionNumber, 1);
  const [v] = await versions({ LaunchTemplateId: t.LaunchTemplateId });
  assert.equal(v.VersionNumber, 1);
  assert.equal(v.VersionDescription, "first");
  assert.equal(v.DefaultVersion, true);
  assert.equal(v.LaunchTemplateName, t.LaunchTemplateName);
  // The response shape names some lists differently on the wire (securityGroupIdSet, blockDeviceMappingSet...): the SDK reads them back.
  assert.deepEqual(v.LaunchTemplateData, FULL);
});

test("CreateLaunchTemplate: names are unique per account and region; another account may reuse one", async () => {
  await create("shared-name");
  const e = await rejection(() => create("shared-name"));
  assert.equal(e.name, "InvalidLaunchTemplateName.AlreadyExistsException");
  const other = await create("shared-name", SMALL, {}, b);
  assert.match(other.LaunchTemplateId!, /^lt-/);
});

test("CreateLaunchTemplate: a malformed name is InvalidLaunchTemplateName.MalformedException", async () => {
  for (const name of ["ab", "has space", "x".repeat(129), "semi;colon"]) {
    const e = await rejection(() => create(name));
    assert.equal(e.name, "InvalidLaunchTemplateName.MalformedException", name);
  }
});

test("CreateLaunchTemplate: an ImageId is stored unchecked, resolve:ssm: parameters included", async () => {
  const t = await create("ssm", { ImageId: "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64" });
  const [v] = await versions({ LaunchTemplateName: "ssm", Versions: ["$Latest"] });
  assert.equal(v.LaunchTemplateId, t.LaunchTemplateId);
  assert.equal(v.LaunchTemplateData!.ImageId, "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
  // ResolveAlias shows the AMI the parameter names now (DescribeLaunchTemplateVersions).
  const [shown] = await versions({ LaunchTemplateName: "ssm", Versions: ["$Latest"], ResolveAlias: true });
  const ami = (
    await fx.ssm(ACCOUNT_A).send(new GetParameterCommand({ Name: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64" }))
  ).Parameter!.Value!;
  assert.match(ami, /^ami-[0-9a-f]{17}$/);
  assert.equal(shown.LaunchTemplateData!.ImageId, ami);
  await create("unknown-ami", { ImageId: "ami-00000000000000000" });
});

test("CreateLaunchTemplate: the client token answers the first template; other parameters are a mismatch", async () => {
  const first = await create("idem", FULL, { ClientToken: "tok-1" });
  const again = await create("idem", FULL, { ClientToken: "tok-1" });
  assert.equal(again.LaunchTemplateId, first.LaunchTemplateId);
  const e = await rejection(() => create("idem-2", FULL, { ClientToken: "tok-1" }));
  assert.equal(e.name, "IdempotentParameterMismatch");
  const listed = (await a.send(new DescribeLaunchTemplatesCommand({}))).LaunchTemplates!;
  assert.equal(listed.length, 1);
});

test("CreateLaunchTemplate: TagSpecifications for launch-template tag it; tags work through CreateTags and DescribeTags", async () => {
  const t = await create("tagged", SMALL, {
    TagSpecifications: [{ ResourceType: "launch-template", Tags: [{ Key: "team", Value: "blue" }] }],
  });
  assert.deepEqual(t.Tags, [{ Key: "team", Value: "blue" }]);
  await a.send(new CreateTagsCommand({ Resources: [t.LaunchTemplateId!], Tags: [{ Key: "env", Value: "prod" }] }));
  const tags = (await a.send(new DescribeTagsCommand({ Filters: [{ Name: "resource-id", Values: [t.LaunchTemplateId!] }] }))).Tags!;
  assert.deepEqual(
    tags.map((x) => [x.ResourceType, x.Key, x.Value]),
    [
      ["launch-template", "env", "prod"],
      ["launch-template", "team", "blue"],
    ],
  );
  const byTag = (await a.send(new DescribeLaunchTemplatesCommand({ Filters: [{ Name: "tag:env", Values: ["prod"] }] }))).LaunchTemplates!;
  assert.deepEqual(
    byTag.map((x) => x.LaunchTemplateId),
    [t.LaunchTemplateId],
  );
  const e = await rejection(() =>
    create("bad-tags", SMALL, { TagSpecifications: [{ ResourceType: "image", Tags: [{ Key: "k", Value: "v" }] }] }),
  );
  assert.equal(e.name, "InvalidParameterValue");
  const unknown = await rejection(() =>
    a.send(new CreateTagsCommand({ Resources: ["lt-0123456789abcdef0"], Tags: [{ Key: "k", Value: "v" }] })),
  );
  assert.equal(unknown.name, "InvalidLaunchTemplateId.NotFound");
});

test("CreateLaunchTemplateVersion: numbered in order; SourceVersion copies its data and the given members replace theirs", async () => {
  const t = await create("versions", FULL);
  const v2 = await addVersion({ LaunchTemplateId: t.LaunchTemplateId, VersionDescription: "bigger" }, { InstanceType: "m5.large" });
  assert.equal(v2.VersionNumber, 2);
  assert.equal(v2.DefaultVersion, false);
  assert.deepEqual(v2.LaunchTemplateData, { InstanceType: "m5.large" });
  const v3 = await addVersion(
    { LaunchTemplateName: "versions", SourceVersion: "1" },
    { InstanceType: "c6i.xlarge", SecurityGroupIds: ["sg-0aaaaaaaaaaaaaaaa"] },
  );
  assert.equal(v3.VersionNumber, 3);
  assert.deepEqual(v3.LaunchTemplateData, { ...FULL, InstanceType: "c6i.xlarge", SecurityGroupIds: ["sg-0aaaaaaaaaaaaaaaa"] });
  const v4 = await addVersion({ LaunchTemplateName: "versions", SourceVersion: "$Latest" }, { KeyName: "other" });
  assert.equal(v4.LaunchTemplateData!.InstanceType, "c6i.xlarge");
  assert.equal(v4.LaunchTemplateData!.KeyName, "other");
  const listed = (await a.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [t.LaunchTemplateId!] }))).LaunchTemplates!;
  assert.equal(listed[0].LatestVersionNumber, 4);
  assert.equal(listed[0].DefaultVersionNumber, 1);
  const missing = await rejection(() => addVersion({ LaunchTemplateId: t.LaunchTemplateId, SourceVersion: "9" }));
  assert.equal(missing.name, "InvalidLaunchTemplateId.VersionNotFound");
  assert.equal(missing.message, `Could not find the specified version 9 for the launch template with ID ${t.LaunchTemplateId}.`);
});

test("CreateLaunchTemplateVersion: the same client token answers the same version", async () => {
  const t = await create("idem-versions");
  const first = await addVersion({ LaunchTemplateId: t.LaunchTemplateId, ClientToken: "v-tok" }, { InstanceType: "t3.nano" });
  const again = await addVersion({ LaunchTemplateId: t.LaunchTemplateId, ClientToken: "v-tok" }, { InstanceType: "t3.nano" });
  assert.equal(again.VersionNumber, first.VersionNumber);
  assert.equal((await versions({ LaunchTemplateId: t.LaunchTemplateId })).length, 2);
});

test("ModifyLaunchTemplate sets the default version; $Default and $Latest follow", async () => {
  const t = await create("modify", { InstanceType: "t3.micro" });
  await addVersion({ LaunchTemplateId: t.LaunchTemplateId }, { InstanceType: "t3.small" });
  await addVersion({ LaunchTemplateId: t.LaunchTemplateId }, { InstanceType: "t3.medium" });
  const modified = (await a.send(new ModifyLaunchTemplateCommand({ LaunchTemplateName: "modify", DefaultVersion: "2" }))).LaunchTemplate!;
  assert.equal(modified.DefaultVersionNumber, 2);
  assert.equal(modified.LatestVersionNumber, 3);
  const [d] = await versions({ LaunchTemplateId: t.LaunchTemplateId, Versions: ["$Default"] });
  assert.equal(d.VersionNumber, 2);
  assert.equal(d.DefaultVersion, true);
  const [l] = await versions({ LaunchTemplateId: t.LaunchTemplateId, Versions: ["$Latest"] });
  assert.equal(l.LaunchTemplateData!.InstanceType, "t3.medium");
  const e = await rejection(() => a.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: t.LaunchTemplateId, DefaultVersion: "7" })));
  assert.equal(e.name, "InvalidLaunchTemplateId.VersionNotFound");
});

test("DescribeLaunchTemplateVersions: newest first, ranges, filters, paging, and all templates' $Latest/$Default", async () => {
  const t = await create("describe", { InstanceType: "t3.micro", ImageId: "ami-0123456789abcdef0" });
  for (const type of ["t3.small", "t3.medium", "t3.large", "t3.xlarge"] as const)
    await addVersion({ LaunchTemplateId: t.LaunchTemplateId }, { InstanceType: type });
  const all = await versions({ LaunchTemplateId: t.LaunchTemplateId });
  assert.deepEqual(
    all.map((v) => v.VersionNumber),
    [5, 4, 3, 2, 1],
  );
  const range = await versions({ LaunchTemplateId: t.LaunchTemplateId, MinVersion: "2", MaxVersion: "4" });
  assert.deepEqual(
    range.map((v) => v.VersionNumber),
    [4, 3, 2],
  );
  const picked = await versions({ LaunchTemplateName: "describe", Versions: ["1", "$Latest", "3"] });
  assert.deepEqual(
    picked.map((v) => v.VersionNumber),
    [5, 3, 1],
  );
  const filtered = await versions({ LaunchTemplateId: t.LaunchTemplateId, Filters: [{ Name: "instance-type", Values: ["t3.*large"] }] });
  assert.deepEqual(
    filtered.map((v) => v.VersionNumber),
    [5, 4],
  );
  const byImage = await versions({
    LaunchTemplateId: t.LaunchTemplateId,
    Filters: [{ Name: "image-id", Values: ["ami-0123456789abcdef0"] }],
  });
  assert.deepEqual(
    byImage.map((v) => v.VersionNumber),
    [1],
  );
  const isDefault = await versions({ LaunchTemplateId: t.LaunchTemplateId, Filters: [{ Name: "is-default-version", Values: ["true"] }] });
  assert.deepEqual(
    isDefault.map((v) => v.VersionNumber),
    [1],
  );
  const seen: number[] = [];
  let token: string | undefined;
  do {
    const page = await a.send(
      new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: t.LaunchTemplateId, MaxResults: 2, NextToken: token }),
    );
    assert.ok(page.LaunchTemplateVersions!.length <= 2);
    seen.push(...page.LaunchTemplateVersions!.map((v) => v.VersionNumber!));
    token = page.NextToken;
  } while (token);
  assert.deepEqual(seen, [5, 4, 3, 2, 1]);
  const other = await create("describe-2", { InstanceType: "m5.large" });
  const latest = await versions({ Versions: ["$Latest"] });
  assert.deepEqual(
    latest.map((v) => [v.LaunchTemplateId, v.VersionNumber]).sort(),
    [
      [other.LaunchTemplateId, 1],
      [t.LaunchTemplateId, 5],
    ].sort(),
  );
  const missing = await rejection(() => versions({ LaunchTemplateId: t.LaunchTemplateId, Versions: ["8"] }));
  assert.equal(missing.name, "InvalidLaunchTemplateId.VersionNotFound");
});

test("DescribeLaunchTemplates: by ids, names, filters, and paging in id order", async () => {
  const made = [];
  for (const name of ["alpha", "beta", "gamma", "delta"]) made.push(await create(name));
  const ids = made.map((t) => t.LaunchTemplateId!).sort();
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const page = await a.send(new DescribeLaunchTemplatesCommand({ MaxResults: 3, NextToken: token }));
    seen.push(...page.LaunchTemplates!.map((t) => t.LaunchTemplateId!));
    token = page.NextToken;
  } while (token);
  assert.deepEqual(seen, ids);
  const byName = (await a.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ["beta", "delta"] }))).LaunchTemplates!;
  assert.deepEqual(byName.map((t) => t.LaunchTemplateName).sort(), ["beta", "delta"]);
  const filtered = (await a.send(new DescribeLaunchTemplatesCommand({ Filters: [{ Name: "launch-template-name", Values: ["*a"] }] })))
    .LaunchTemplates!;
  assert.deepEqual(filtered.map((t) => t.LaunchTemplateName).sort(), ["alpha", "beta", "delta", "gamma"]);
  assert.deepEqual((await b.send(new DescribeLaunchTemplatesCommand({}))).LaunchTemplates, []);
  const badMax = await rejection(() => a.send(new DescribeLaunchTemplatesCommand({ MaxResults: 0 })));
  assert.equal(badMax.name, "InvalidParameterValue");
});

test("unknown and malformed ids and names get EC2's errors; id and name together or neither are refused", async () => {
  const t = await create("errors");
  const malformed = await rejection(() => a.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: ["lt-nope"] })));
  assert.equal(malformed.name, "InvalidLaunchTemplateId.Malformed");
  const unknownId = await rejection(() => a.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: ["lt-0123456789abcdef0"] })));
  assert.equal(unknownId.name, "InvalidLaunchTemplateId.NotFound");
  assert.equal(unknownId.message, "The specified launch template, with template ID lt-0123456789abcdef0, does not exist.");
  const unknownName = await rejection(() => versions({ LaunchTemplateName: "nothing-here" }));
  assert.equal(unknownName.name, "InvalidLaunchTemplateName.NotFoundException");
  assert.equal(unknownName.message, "The specified launch template, with template name nothing-here, does not exist.");
  const otherAccount = await rejection(() => b.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [t.LaunchTemplateId!] })));
  assert.equal(otherAccount.name, "InvalidLaunchTemplateId.NotFound");
  const both = await rejection(() =>
    a.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: t.LaunchTemplateId, LaunchTemplateName: "errors" })),
  );
  assert.equal(both.name, "InvalidParameterCombination");
  const neither = await rejection(() => a.send(new DeleteLaunchTemplateCommand({})));
  assert.equal(neither.name, "MissingParameter");
  const badName = await rejection(() => a.send(new DeleteLaunchTemplateCommand({ LaunchTemplateName: "no spaces" })));
  assert.equal(badName.name, "InvalidLaunchTemplateName.MalformedException");
});

test("DeleteLaunchTemplateVersions: per-version results; the default version and unknown versions stay with their error", async () => {
  const t = await create("delete-versions");
  for (let i = 0; i < 3; i++) await addVersion({ LaunchTemplateId: t.LaunchTemplateId }, { InstanceType: "t3.micro" });
  const out = await a.send(
    new DeleteLaunchTemplateVersionsCommand({ LaunchTemplateId: t.LaunchTemplateId, Versions: ["1", "2", "4", "9"] }),
  );
  assert.deepEqual(
    out.SuccessfullyDeletedLaunchTemplateVersions!.map((x) => [x.LaunchTemplateId, x.LaunchTemplateName, x.VersionNumber]),
    [
      [t.LaunchTemplateId, "delete-versions", 2],
      [t.LaunchTemplateId, "delete-versions", 4],
    ],
  );
  assert.deepEqual(
    out.UnsuccessfullyDeletedLaunchTemplateVersions!.map((x) => [x.VersionNumber, x.ResponseError!.Code]),
    [
      [1, "unexpectedError"],
      [9, "launchTemplateVersionDoesNotExist"],
    ],
  );
  assert.deepEqual(
    (await versions({ LaunchTemplateId: t.LaunchTemplateId })).map((v) => v.VersionNumber),
    [3, 1],
  );
  const listed = (await a.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [t.LaunchTemplateId!] }))).LaunchTemplates![0];
  assert.equal(listed.LatestVersionNumber, 3);
  // Numbers are never reused.
  assert.equal((await addVersion({ LaunchTemplateId: t.LaunchTemplateId })).VersionNumber, 5);
});

test("DeleteLaunchTemplate removes the template, its versions and its tags; its name is free again", async () => {
  const t = await create("doomed", SMALL, { TagSpecifications: [{ ResourceType: "launch-template", Tags: [{ Key: "k", Value: "v" }] }] });
  await addVersion({ LaunchTemplateId: t.LaunchTemplateId });
  const deleted = (await a.send(new DeleteLaunchTemplateCommand({ LaunchTemplateName: "doomed" }))).LaunchTemplate!;
  assert.equal(deleted.LaunchTemplateId, t.LaunchTemplateId);
  assert.equal(deleted.LatestVersionNumber, 2);
  const gone = await rejection(() => versions({ LaunchTemplateId: t.LaunchTemplateId }));
  assert.equal(gone.name, "InvalidLaunchTemplateId.NotFound");
  const tags = (await a.send(new DescribeTagsCommand({ Filters: [{ Name: "resource-id", Values: [t.LaunchTemplateId!] }] }))).Tags!;
  assert.deepEqual(tags, []);
  const again = await create("doomed");
  assert.notEqual(again.LaunchTemplateId, t.LaunchTemplateId);
});

/** What a RunInstances call of `account` sees: the server's store and clock, that account's partition. */
const launchContext = (account = ACCOUNT_A): RequestContext =>
  ({
    service: "ec2",
    operation: "RunInstances",
    accountId: account,
    region: REGION,
    requestId: "test",
    now: server.clock.now().getTime(),
    store: server.app.store,
    partition: { account, region: REGION },
  }) as RequestContext;

const failure = (fn: () => unknown): Error & { code?: string } => {
  try {
    fn();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error("expected resolveLaunchTemplate to fail");
};

test("resolveLaunchTemplate: by id or name, version number, $Latest, or $Default when none is given", async () => {
  const t = await create("launchable", {
    ImageId: "ami-0123456789abcdef0",
    InstanceType: "t3.micro",
    SecurityGroupIds: ["sg-0123456789abcdef0"],
  });
  await addVersion({ LaunchTemplateId: t.LaunchTemplateId, SourceVersion: "1" }, { InstanceType: "m5.large" });
  const byDefault = resolveLaunchTemplate(launchContext(), { LaunchTemplateName: "launchable" });
  assert.deepEqual(byDefault, {
    LaunchTemplateId: t.LaunchTemplateId,
    LaunchTemplateName: "launchable",
    VersionNumber: 1,
    data: { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro", SecurityGroupIds: ["sg-0123456789abcdef0"] },
  });
  const latest = resolveLaunchTemplate(launchContext(), { LaunchTemplateId: t.LaunchTemplateId, Version: "$Latest" });
  assert.equal(latest.VersionNumber, 2);
  assert.equal(latest.data.InstanceType, "m5.large");
  assert.equal(latest.data.ImageId, "ami-0123456789abcdef0");
  await a.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: t.LaunchTemplateId, DefaultVersion: "2" }));
  assert.equal(resolveLaunchTemplate(launchContext(), { LaunchTemplateId: t.LaunchTemplateId, Version: "$Default" }).VersionNumber, 2);
  assert.equal(resolveLaunchTemplate(launchContext(), { LaunchTemplateId: t.LaunchTemplateId, Version: "1" }).VersionNumber, 1);
  // What it returns is a copy: changing it changes nothing stored.
  latest.data.InstanceType = "x1.32xlarge";
  assert.equal(resolveLaunchTemplate(launchContext(), { LaunchTemplateId: t.LaunchTemplateId }).data.InstanceType, "m5.large");

  const codes: [string, Parameters<typeof resolveLaunchTemplate>[1], string?][] = [
    ["InvalidLaunchTemplateId.VersionNotFound", { LaunchTemplateId: t.LaunchTemplateId, Version: "3" }],
    ["InvalidLaunchTemplateId.VersionNotFound", { LaunchTemplateId: t.LaunchTemplateId, Version: "latest" }],
    ["InvalidLaunchTemplateId.Malformed", { LaunchTemplateId: "lt-123" }],
    ["InvalidLaunchTemplateId.NotFound", { LaunchTemplateId: "lt-0123456789abcdef0" }],
    ["InvalidLaunchTemplateName.NotFoundException", { LaunchTemplateName: "missing" }],
    ["InvalidLaunchTemplateName.MalformedException", { LaunchTemplateName: "a b" }],
    ["MissingParameter", {}],
    ["InvalidParameterCombination", { LaunchTemplateId: t.LaunchTemplateId, LaunchTemplateName: "launchable" }],
    ["InvalidLaunchTemplateId.NotFound", { LaunchTemplateId: t.LaunchTemplateId }, ACCOUNT_B],
  ];
  for (const [code, spec, account] of codes)
    assert.equal(failure(() => resolveLaunchTemplate(launchContext(account), spec)).code, code, JSON.stringify(spec));
});
