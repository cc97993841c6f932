// Parameter Store through the AWS SDK: versions, labels and selectors, paths and filters with paging, tags,
// SecureString reads, the aws:ec2:image data type, Amazon's public AMI parameters, and EC2's resolve:ssm:.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  AddTagsToResourceCommand,
  DeleteParameterCommand,
  DeleteParametersCommand,
  DescribeParametersCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  LabelParameterVersionCommand,
  ListTagsForResourceCommand,
  PutParameterCommand,
  RemoveTagsFromResourceCommand,
  type PutParameterCommandInput,
  type SSMClient,
} from "@aws-sdk/client-ssm";
import { DescribeImagesCommand, RunInstancesCommand, type EC2Client } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, REGION, rejection, T, useServer } from "../support/server";
import { registerAmi } from "../ec2/helpers";

let server: Imagelite;
let ssm: SSMClient;
let ec2: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  ssm = fx.ssm(ACCOUNT_A);
  ec2 = fx.ec2(ACCOUNT_A);
});

const put = (Name: string, Value: string, extra: Partial<PutParameterCommandInput> = {}) =>
  ssm.send(new PutParameterCommand({ Name, Value, Type: "String", ...extra }));
const get = async (Name: string, WithDecryption?: boolean, client = ssm) =>
  (await client.send(new GetParameterCommand({ Name, WithDecryption }))).Parameter!;

test("PutParameter makes versions from 1; GetParameter reads the latest, a version or a label", async () => {
  const created = await put("/app/db/host", "db1");
  assert.equal(created.Version, 1);
  assert.equal(created.Tier, "Standard");
  const again = await rejection(() => put("/app/db/host", "db2"));
  assert.equal(again.name, "ParameterAlreadyExists");
  assert.equal((await put("/app/db/host", "db2", { Overwrite: true })).Version, 2);
  assert.equal((await put("/app/db/host", "db3", { Overwrite: true, Type: undefined })).Version, 3);

  const latest = await get("/app/db/host");
  assert.equal(latest.Value, "db3");
  assert.equal(latest.Version, 3);
  assert.equal(latest.Type, "String");
  assert.equal(latest.DataType, "text");
  assert.equal(latest.ARN, `arn:aws:ssm:${REGION}:${ACCOUNT_A}:parameter/app/db/host`);
  assert.ok(latest.LastModifiedDate instanceof Date);

  const v1 = await get("/app/db/host:1");
  assert.equal(v1.Value, "db1");
  assert.equal(v1.Selector, ":1");
  assert.equal(v1.Name, "/app/db/host");
  assert.equal((await rejection(() => get("/app/db/host:9"))).name, "ParameterVersionNotFound");
  // By ARN too, with a selector after it; another account's ARN names nothing.
  assert.equal((await get(`${latest.ARN}:1`)).Value, "db1");
  assert.equal((await get(latest.ARN!)).Value, "db3");
  assert.equal((await rejection(() => get(`arn:aws:ssm:${REGION}:${ACCOUNT_B}:parameter/app/db/host`))).name, "ParameterNotFound");
  assert.equal((await rejection(() => get("/app/nothing"))).name, "ParameterNotFound");

  const labelled = await ssm.send(
    new LabelParameterVersionCommand({ Name: "/app/db/host", ParameterVersion: 2, Labels: ["prod", "1bad", "awsx"] }),
  );
  assert.deepEqual(labelled.InvalidLabels, ["1bad", "awsx"]);
  assert.equal(labelled.ParameterVersion, 2);
  assert.equal((await get("/app/db/host:prod")).Value, "db2");
  // A label moves: attached to the latest version, it leaves version 2.
  await ssm.send(new LabelParameterVersionCommand({ Name: "/app/db/host", Labels: ["prod"] }));
  assert.equal((await get("/app/db/host:prod")).Version, 3);
  assert.equal((await rejection(() => get("/app/db/host:staging"))).name, "ParameterVersionNotFound");
  const many = Array.from({ length: 10 }, (_, i) => `l${i}`);
  await ssm.send(new LabelParameterVersionCommand({ Name: "/app/db/host", ParameterVersion: 1, Labels: many }));
  const over = await rejection(() =>
    ssm.send(new LabelParameterVersionCommand({ Name: "/app/db/host", ParameterVersion: 1, Labels: ["eleventh"] })),
  );
  assert.equal(over.name, "ParameterVersionLabelLimitExceeded");
  assert.equal(
    (await rejection(() => ssm.send(new LabelParameterVersionCommand({ Name: "/app/db/host", ParameterVersion: 7, Labels: ["x"] })))).name,
    "ParameterVersionNotFound",
  );

  const history = await ssm.send(new GetParameterHistoryCommand({ Name: "/app/db/host", MaxResults: 2 }));
  assert.deepEqual(
    history.Parameters!.map((h) => [h.Version, h.Value]),
    [
      [1, "db1"],
      [2, "db2"],
    ],
  );
  assert.equal(history.Parameters![0].Labels!.length, 10);
  const rest = await ssm.send(new GetParameterHistoryCommand({ Name: "/app/db/host", MaxResults: 2, NextToken: history.NextToken }));
  assert.deepEqual(
    rest.Parameters!.map((h) => [h.Version, h.Labels]),
    [[3, ["prod"]]],
  );
  assert.equal(rest.NextToken, undefined);
});

test("names: reserved prefixes, fully qualified hierarchies of at most 15 levels, Overwrite with Tags refused, a type to create", async () => {
  assert.equal((await rejection(() => put("awsthing", "v"))).name, "ValidationException");
  assert.equal((await rejection(() => put("/SSM/thing", "v"))).name, "ValidationException");
  assert.equal((await rejection(() => put("a/b", "v"))).name, "ValidationException");
  assert.equal((await rejection(() => put("/bad name", "v"))).name, "ValidationException");
  const deep = "/" + Array.from({ length: 16 }, (_, i) => `l${i}`).join("/");
  assert.equal((await rejection(() => put(deep, "v"))).name, "HierarchyLevelLimitExceededException");
  assert.equal((await put("/" + Array.from({ length: 15 }, (_, i) => `l${i}`).join("/"), "v")).Version, 1);
  assert.equal((await rejection(() => put("x".repeat(1012), "v"))).name, "ValidationException");
  const both = await rejection(() => put("/t", "v", { Overwrite: true, Tags: [{ Key: "k", Value: "v" }] }));
  assert.equal(both.name, "ValidationException");
  assert.match(both.message, /tags and overwrite can't be used together/);
  assert.equal((await rejection(() => put("/untyped", "v", { Type: undefined }))).name, "ValidationException");
  const aws = await rejection(() => put("/aws/service/ami-amazon-linux-latest/mine", "ami-12345678"));
  assert.equal(aws.name, "AccessDeniedException");
  assert.equal(
    (await rejection(() => ssm.send(new DeleteParameterCommand({ Name: "/aws/service/ami-windows-latest/x" })))).name,
    "AccessDeniedException",
  );
});

test("tiers: 4 KB standard values, 8 KB advanced ones, no downgrade; StringList and patterns", async () => {
  const big = "x".repeat(5000);
  const e = await rejection(() => put("/big", big));
  assert.equal(e.name, "ValidationException");
  assert.match(e.message, /Standard tier parameters support a maximum parameter value of 4096/);
  assert.deepEqual((await put("/big", big, { Tier: "Advanced" })).Tier, "Advanced");
  assert.equal((await rejection(() => put("/big", "x".repeat(8193), { Tier: "Advanced", Overwrite: true }))).name, "ValidationException");
  assert.equal((await rejection(() => put("/big", "small", { Tier: "Standard", Overwrite: true }))).name, "ValidationException");
  assert.equal((await put("/big", "small", { Overwrite: true })).Tier, "Advanced");
  assert.equal((await put("/smart", big, { Tier: "Intelligent-Tiering" })).Tier, "Advanced");
  assert.equal((await put("/list", "a,b,c", { Type: "StringList" })).Version, 1);
  assert.equal((await get("/list")).Type, "StringList");
  const mismatch = await rejection(() => put("/num", "abc", { AllowedPattern: "^[0-9]+$" }));
  assert.equal(mismatch.name, "ParameterPatternMismatchException");
  assert.equal((await put("/num", "42", { AllowedPattern: "^[0-9]+$" })).Version, 1);
});

test("SecureString: opaque ciphertext without WithDecryption, the value with it; KeyId kept, alias/aws/ssm by default", async () => {
  const keyArn = `arn:aws:kms:us-east-1:${ACCOUNT_A}:alias/aws/ssm`;
  await put("/s/default", "hunter2", { Type: "SecureString" });
  await put("/s/custom", "swordfish", { Type: "SecureString", KeyId: keyArn });
  const hidden = await get("/s/default");
  assert.notEqual(hidden.Value, "hunter2");
  assert.match(hidden.Value!, /^AQICAH[A-Za-z0-9+/=]+$/);
  assert.equal((await get("/s/default", true)).Value, "hunter2");
  const meta = await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: "Type", Values: ["SecureString"] }] }));
  assert.deepEqual(
    meta.Parameters!.map((p) => [p.Name, p.KeyId]),
    [
      ["/s/custom", keyArn],
      ["/s/default", "alias/aws/ssm"],
    ],
  );
  const byKey = await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: "KeyId", Values: [keyArn] }] }));
  assert.deepEqual(
    byKey.Parameters!.map((p) => p.Name),
    ["/s/custom"],
  );
  assert.equal((await rejection(() => put("/s/plain", "v", { KeyId: "alias/aws/ssm" }))).name, "ValidationException");
  // A key that does not exist: imagelite keeps no KMS keys but the AWS managed one, alias/aws/ssm.
  for (const KeyId of ["alias/my-key", "1234abcd-12ab-34cd-56ef-1234567890ab", `arn:aws:kms:eu-west-1:${ACCOUNT_A}:alias/aws/ssm`]) {
    assert.equal((await rejection(() => put("/s/other", "v", { Type: "SecureString", KeyId }))).name, "InvalidKeyId", KeyId);
  }
});

test("Policies: kept on advanced parameters, shown by DescribeParameters and GetParameterHistory, refused on the standard tier", async () => {
  const expiration = { Type: "Expiration", Version: "1.0", Attributes: { Timestamp: "2027-06-01T00:00:00.000Z" } };
  const notify = { Type: "ExpirationNotification", Version: "1.0", Attributes: { Before: "15", Unit: "Days" } };
  const Policies = JSON.stringify([expiration, notify]);
  await put("/p/advanced", "v", { Tier: "Advanced", Policies });
  // Intelligent-Tiering chooses the advanced tier for a parameter with policies.
  assert.equal((await put("/p/smart", "v", { Tier: "Intelligent-Tiering", Policies })).Tier, "Advanced");
  const meta = await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: "Name", Values: ["/p/advanced"] }] }));
  assert.deepEqual(meta.Parameters![0].Policies, [
    { PolicyText: JSON.stringify(expiration), PolicyType: "Expiration", PolicyStatus: "Pending" },
    { PolicyText: JSON.stringify(notify), PolicyType: "ExpirationNotification", PolicyStatus: "Pending" },
  ]);
  // An overwrite without Policies keeps them.
  await put("/p/advanced", "w", { Overwrite: true });
  const history = await ssm.send(new GetParameterHistoryCommand({ Name: "/p/advanced" }));
  assert.deepEqual(
    history.Parameters!.map((h) => h.Policies!.map((p) => p.PolicyType)),
    [
      ["Expiration", "ExpirationNotification"],
      ["Expiration", "ExpirationNotification"],
    ],
  );
  const refused = async (input: Record<string, unknown>) => (await rejection(() => put("/p/other", "v", input))).name;
  assert.equal(await refused({ Policies }), "ValidationException", "the standard tier takes no policies");
  assert.equal(await refused({ Tier: "Standard", Policies }), "ValidationException");
  assert.equal(await refused({ Tier: "Advanced", Policies: "not json" }), "InvalidPolicyAttributeException");
  assert.equal(
    await refused({ Tier: "Advanced", Policies: JSON.stringify([{ ...expiration, Type: "Rotation" }]) }),
    "InvalidPolicyTypeException",
  );
  assert.equal(
    await refused({ Tier: "Advanced", Policies: JSON.stringify([{ ...notify, Attributes: { Before: "15", Unit: "Weeks" } }]) }),
    "InvalidPolicyAttributeException",
  );
  assert.equal(await refused({ Tier: "Advanced", Policies: JSON.stringify([expiration, expiration]) }), "IncompatiblePolicyException");
  assert.equal(await refused({ Tier: "Advanced", Policies: JSON.stringify(Array(11).fill(notify)) }), "PoliciesLimitExceededException");
});

test("GetParameters lists the names it could not read; DeleteParameter(s)", async () => {
  await put("/a", "1");
  await put("/b", "2");
  await put("/b", "3", { Overwrite: true });
  const got = await ssm.send(new GetParametersCommand({ Names: ["/a", "/b:1", "/missing", "/b:5"] }));
  assert.deepEqual(
    got.Parameters!.map((p) => [p.Name, p.Value, p.Selector]),
    [
      ["/a", "1", undefined],
      ["/b", "2", ":1"],
    ],
  );
  assert.deepEqual(got.InvalidParameters, ["/missing", "/b:5"]);
  await ssm.send(new DeleteParameterCommand({ Name: "/a" }));
  assert.equal((await rejection(() => ssm.send(new DeleteParameterCommand({ Name: "/a" })))).name, "ParameterNotFound");
  const del = await ssm.send(new DeleteParametersCommand({ Names: ["/b", "/a", "/zzz"] }));
  assert.deepEqual(del.DeletedParameters, ["/b"]);
  assert.deepEqual(del.InvalidParameters, ["/a", "/zzz"]);
  // Another account never sees them.
  await put("/shared-name", "mine");
  assert.equal((await rejection(() => get("/shared-name", false, fx.ssm(ACCOUNT_B)))).name, "ParameterNotFound");
});

test("GetParametersByPath: one level or recursive, filters, pages of at most 10", async () => {
  for (let i = 0; i < 12; i++) await put(`/svc/web/p${String(i).padStart(2, "0")}`, `v${i}`);
  await put("/svc/web/deep/one", "d", { Type: "StringList" });
  await put("/svc/webber", "not under /svc/web");
  await put("/svc/top", "t");
  const first = await ssm.send(new GetParametersByPathCommand({ Path: "/svc/web" }));
  assert.equal(first.Parameters!.length, 10);
  assert.ok(first.NextToken);
  const second = await ssm.send(new GetParametersByPathCommand({ Path: "/svc/web", NextToken: first.NextToken }));
  assert.deepEqual(
    second.Parameters!.map((p) => p.Name),
    ["/svc/web/p10", "/svc/web/p11"],
  );
  assert.equal(second.NextToken, undefined);

  const all: string[] = [];
  let token: string | undefined;
  do {
    const page = await ssm.send(new GetParametersByPathCommand({ Path: "/svc", Recursive: true, MaxResults: 4, NextToken: token }));
    all.push(...page.Parameters!.map((p) => p.Name!));
    token = page.NextToken;
  } while (token);
  assert.equal(all.length, 15);
  assert.ok(all.includes("/svc/web/deep/one") && all.includes("/svc/webber"));

  const lists = await ssm.send(
    new GetParametersByPathCommand({ Path: "/svc/", Recursive: true, ParameterFilters: [{ Key: "Type", Values: ["StringList"] }] }),
  );
  assert.deepEqual(
    lists.Parameters!.map((p) => p.Name),
    ["/svc/web/deep/one"],
  );
  await ssm.send(new LabelParameterVersionCommand({ Name: "/svc/top", Labels: ["blue"] }));
  await put("/svc/top", "t2", { Overwrite: true });
  const byLabel = await ssm.send(new GetParametersByPathCommand({ Path: "/svc", ParameterFilters: [{ Key: "Label", Values: ["blue"] }] }));
  assert.deepEqual(
    byLabel.Parameters!.map((p) => [p.Name, p.Value, p.Version]),
    [["/svc/top", "t", 1]],
  );

  const badKey = await rejection(() =>
    ssm.send(new GetParametersByPathCommand({ Path: "/svc", ParameterFilters: [{ Key: "Name", Values: ["x"] }] })),
  );
  assert.equal(badKey.name, "InvalidFilterKey");
  const badToken = await rejection(() => ssm.send(new GetParametersByPathCommand({ Path: "/svc", NextToken: "nope" })));
  assert.equal(badToken.name, "InvalidNextToken");
  assert.equal((await rejection(() => ssm.send(new GetParametersByPathCommand({ Path: "svc" })))).name, "ValidationException");
  assert.equal(
    (await rejection(() => ssm.send(new GetParametersByPathCommand({ Path: "/svc", MaxResults: 11 })))).name,
    "ValidationException",
  );
});

test("DescribeParameters: Name, Path, Tier, DataType and tag filters with their options, paging", async () => {
  await put("/team/a/x", "1");
  await put("/team/a/y/z", "2", { Tier: "Advanced" });
  await put("/team/b", "3", { Tags: [{ Key: "env", Value: "prod" }] });
  await put("plain-name", "4");
  const names = async (ParameterFilters: { Key: string; Option?: string; Values?: string[] }[]) =>
    (await ssm.send(new DescribeParametersCommand({ ParameterFilters }))).Parameters!.map((p) => p.Name);
  assert.deepEqual(await names([{ Key: "Name", Option: "BeginsWith", Values: ["/team/a"] }]), ["/team/a/x", "/team/a/y/z"]);
  assert.deepEqual(await names([{ Key: "Name", Values: ["plain-name"] }]), ["plain-name"]);
  assert.deepEqual(await names([{ Key: "Path", Values: ["/team/a"] }]), ["/team/a/x"]);
  assert.deepEqual(await names([{ Key: "Path", Option: "Recursive", Values: ["/team"] }]), ["/team/a/x", "/team/a/y/z", "/team/b"]);
  assert.deepEqual(await names([{ Key: "Tier", Values: ["Advanced"] }]), ["/team/a/y/z"]);
  assert.deepEqual(await names([{ Key: "DataType", Values: ["text"] }]), ["/team/a/x", "/team/a/y/z", "/team/b", "plain-name"]);
  assert.deepEqual(await names([{ Key: "tag:env", Values: ["prod"] }]), ["/team/b"]);
  assert.equal((await rejection(() => names([{ Key: "Path", Option: "Equals", Values: ["/team"] }]))).name, "InvalidFilterOption");
  assert.equal((await rejection(() => names([{ Key: "Label", Values: ["x"] }]))).name, "InvalidFilterKey");
  assert.equal((await rejection(() => names([{ Key: "Type", Values: ["Number"] }]))).name, "InvalidFilterValue");

  const page1 = await ssm.send(new DescribeParametersCommand({ MaxResults: 3 }));
  assert.equal(page1.Parameters!.length, 3);
  const page2 = await ssm.send(new DescribeParametersCommand({ MaxResults: 3, NextToken: page1.NextToken }));
  assert.deepEqual(
    page2.Parameters!.map((p) => p.Name),
    ["plain-name"],
  );
  assert.equal(page2.NextToken, undefined);
  const legacy = await ssm.send(new DescribeParametersCommand({ Filters: [{ Key: "Name", Values: ["/team/a"] }] }));
  assert.equal(legacy.Parameters!.length, 2);
});

test("tags: on create, AddTagsToResource, ListTagsForResource, RemoveTagsFromResource; unknown ids refused", async () => {
  await put("/tagged", "v", { Tags: [{ Key: "team", Value: "core" }] });
  await ssm.send(new AddTagsToResourceCommand({ ResourceType: "Parameter", ResourceId: "/tagged", Tags: [{ Key: "env", Value: "dev" }] }));
  const list = async () => (await ssm.send(new ListTagsForResourceCommand({ ResourceType: "Parameter", ResourceId: "/tagged" }))).TagList;
  assert.deepEqual(await list(), [
    { Key: "team", Value: "core" },
    { Key: "env", Value: "dev" },
  ]);
  await ssm.send(new RemoveTagsFromResourceCommand({ ResourceType: "Parameter", ResourceId: "/tagged", TagKeys: ["team"] }));
  assert.deepEqual(await list(), [{ Key: "env", Value: "dev" }]);
  // A new version keeps the parameter's tags.
  await put("/tagged", "v2", { Overwrite: true });
  assert.deepEqual(await list(), [{ Key: "env", Value: "dev" }]);
  const missing = await rejection(() => ssm.send(new ListTagsForResourceCommand({ ResourceType: "Parameter", ResourceId: "/none" })));
  assert.equal(missing.name, "InvalidResourceId");
  const tooMany = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
  assert.equal(
    (await rejection(() => ssm.send(new AddTagsToResourceCommand({ ResourceType: "Parameter", ResourceId: "/tagged", Tags: tooMany }))))
      .name,
    "TooManyTagsError",
  );
});

// "If you submit an invalid AMI value, the PutParameter operation will return success, but the asynchronous
// validation will fail and the parameter will not be created or updated" (PutParameter API reference, DataType).
test("aws:ec2:image: a malformed value is refused at once; an AMI the caller cannot use is accepted but never lands", async () => {
  const bad = await rejection(() => put("/img/bad", "not-an-ami", { DataType: "aws:ec2:image" }));
  assert.equal(bad.name, "ValidationException");
  assert.equal((await put("/img/unknown", "ami-0123456789abcdef0", { DataType: "aws:ec2:image" })).Version, 1);
  assert.equal((await rejection(() => get("/img/unknown"))).name, "ParameterNotFound");
  const other = await registerAmi(fx.ec2(ACCOUNT_B), "b-private");
  assert.equal((await put("/img/other", other, { DataType: "aws:ec2:image" })).Version, 1);
  assert.equal((await rejection(() => get("/img/other"))).name, "ParameterNotFound");
  assert.equal(
    (await rejection(() => put("/img/type", other, { DataType: "aws:ec2:image", Type: "StringList" }))).name,
    "ValidationException",
  );
  assert.equal((await rejection(() => put("/img/dt", "v", { DataType: "Text" }))).name, "ValidationException");
  const mine = await registerAmi(ec2, "a-own");
  assert.equal((await put("/img/mine", mine, { DataType: "aws:ec2:image" })).Version, 1);
  const p = await get("/img/mine");
  assert.equal(p.DataType, "aws:ec2:image");
  assert.equal(p.Value, mine);
  // An update to an AMI that fails validation leaves version 1 in place.
  assert.equal((await put("/img/mine", "ami-0123456789abcdef0", { DataType: "aws:ec2:image", Overwrite: true })).Version, 2);
  const after = await get("/img/mine");
  assert.equal(after.Version, 1);
  assert.equal(after.Value, mine);
});

const AL2023 = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
const WIN2022 = "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base";

test("public AMI parameters: every account and region reads them, each the newest matching AMI DescribeImages returns", async () => {
  for (const region of ["us-east-1", "eu-west-1"]) {
    const s = fx.ssm(ACCOUNT_B, region);
    const e = fx.ec2(ACCOUNT_B, region);
    const p = await get(AL2023, false, s);
    assert.equal(p.ARN, `arn:aws:ssm:${region}::parameter${AL2023}`);
    assert.equal(p.Type, "String");
    const images = (await e.send(new DescribeImagesCommand({ ImageIds: [p.Value!] }))).Images!;
    assert.equal(images.length, 1);
    assert.match(images[0].Name!, /^al2023-ami-2023\..*-kernel-6\.1-x86_64$/);
    // The newest of its family.
    const family = (
      await e.send(
        new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: ["al2023-ami-2023.*-kernel-6.1-x86_64"] }] }),
      )
    ).Images!;
    const newest = family.sort((x, y) => (x.CreationDate! < y.CreationDate! ? 1 : -1))[0];
    assert.equal(p.Value, newest.ImageId);
    assert.equal((await get(p.ARN!, false, s)).Value, p.Value);
    const win = await get(WIN2022, false, s);
    const winImage = (await e.send(new DescribeImagesCommand({ ImageIds: [win.Value!] }))).Images![0];
    assert.match(winImage.Name!, /^Windows_Server-2022-English-Full-Base-/);
    const launched = await e.send(new RunInstancesCommand({ ImageId: p.Value!, MinCount: 1, MaxCount: 1 }));
    assert.equal(launched.Instances![0].ImageId, p.Value);
  }
  const east = await get(AL2023, false, fx.ssm(ACCOUNT_B, "us-east-1"));
  const west = await get(AL2023, false, fx.ssm(ACCOUNT_B, "eu-west-1"));
  assert.notEqual(east.Value, west.Value);

  const byPath = await ssm.send(new GetParametersByPathCommand({ Path: "/aws/service/ami-amazon-linux-latest" }));
  assert.ok(byPath.Parameters!.some((p) => p.Name === AL2023 && p.Value === east.Value));
  assert.ok(byPath.Parameters!.every((p) => p.Name!.startsWith("/aws/service/ami-amazon-linux-latest/")));
  const windows: string[] = [];
  let token: string | undefined;
  do {
    const page = await ssm.send(new GetParametersByPathCommand({ Path: "/aws/service", Recursive: true, MaxResults: 3, NextToken: token }));
    windows.push(...page.Parameters!.map((p) => p.Name!));
    token = page.NextToken;
  } while (token);
  assert.ok(windows.includes(WIN2022) && windows.includes(AL2023));
  const many = await ssm.send(new GetParametersCommand({ Names: [AL2023, WIN2022, "/aws/service/ami-windows-latest/nope"] }));
  assert.equal(many.Parameters!.length, 2);
  assert.deepEqual(many.InvalidParameters, ["/aws/service/ami-windows-latest/nope"]);
  assert.equal((await rejection(() => get("/aws/service/ami-amazon-linux-latest/none"))).name, "ParameterNotFound");
});

test("RunInstances resolves resolve:ssm: — a golden-image pipeline publishes its AMI, a launch reads it", async () => {
  // The pipeline bakes an AMI and writes its id to a parameter; each bake is a new version.
  const v1 = await registerAmi(ec2, "golden-linux-1");
  server.clock.advance(T + 1);
  await put("/golden/linux/latest", v1, { DataType: "aws:ec2:image" });
  const v2 = await registerAmi(ec2, "golden-linux-2");
  server.clock.advance(T + 1);
  await put("/golden/linux/latest", v2, { DataType: "aws:ec2:image", Overwrite: true });
  await ssm.send(new LabelParameterVersionCommand({ Name: "/golden/linux/latest", ParameterVersion: 1, Labels: ["stable"] }));

  const run = (ImageId: string) => ec2.send(new RunInstancesCommand({ ImageId, MinCount: 1, MaxCount: 1 }));
  assert.equal((await run("resolve:ssm:/golden/linux/latest")).Instances![0].ImageId, v2);
  assert.equal((await run("resolve:ssm:/golden/linux/latest:1")).Instances![0].ImageId, v1);
  assert.equal((await run("resolve:ssm:/golden/linux/latest:stable")).Instances![0].ImageId, v1);
  const pub = await get(AL2023);
  assert.equal((await run(`resolve:ssm:${AL2023}`)).Instances![0].ImageId, pub.Value);

  const missing = await rejection(() => run("resolve:ssm:/golden/windows/latest"));
  assert.equal(missing.name, "InvalidParameterValue");
  assert.match(missing.message, /\/golden\/windows\/latest/);
  assert.equal((await rejection(() => run("resolve:ssm:/golden/linux/latest:7"))).name, "InvalidParameterValue");
  // Another account's parameter of the same name is not the caller's.
  assert.equal(
    (
      await rejection(() =>
        fx.ec2(ACCOUNT_B).send(new RunInstancesCommand({ ImageId: "resolve:ssm:/golden/linux/latest", MinCount: 1, MaxCount: 1 })),
      )
    ).name,
    "InvalidParameterValue",
  );
});
