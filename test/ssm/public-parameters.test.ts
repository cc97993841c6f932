// Amazon's public parameters through the AWS SDK: the ECS-optimized Windows AMI metadata documents and their
// fields ("Retrieving Amazon ECS-optimized Windows AMI metadata"), the history of a public parameter (a version
// per catalog release), and DescribeParameters, which lists only the caller's own and shared parameters
// (DescribeParameters, SSM API reference).
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  DescribeParametersCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  GetParametersByPathCommand,
  paginateGetParameterHistory,
  paginateGetParametersByPath,
  type Parameter,
  type SSMClient,
} from "@aws-sdk/client-ssm";
import { DescribeImagesCommand, DescribeInstancesCommand, RunInstancesCommand, type EC2Client, type Image } from "@aws-sdk/client-ec2";
import { ACCOUNT_B, rejection, useServer } from "../support/server";

const WINDOWS = "/aws/service/ami-windows-latest";
const ECS_2022 = `${WINDOWS}/Windows_Server-2022-English-Full-ECS_Optimized`;
const WIN2022 = `${WINDOWS}/Windows_Server-2022-English-Full-Base`;
const AL2023 = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
const FIELDS = ["schema_version", "image_name", "image_id", "os", "ecs_runtime_version", "ecs_agent_version"];

const fx = useServer();
let ssm: SSMClient;
let ec2: EC2Client;
beforeEach(() => {
  ssm = fx.ssm(ACCOUNT_B);
  ec2 = fx.ec2(ACCOUNT_B);
});

const get = async (Name: string, client = ssm): Promise<Parameter> => (await client.send(new GetParameterCommand({ Name }))).Parameter!;

/** Amazon's AMIs whose names match `pattern` (a DescribeImages name filter), oldest first. */
async function family(pattern: string, client = ec2): Promise<Image[]> {
  const images = (await client.send(new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: [pattern] }] })))
    .Images!;
  return images.sort((a, b) => (a.CreationDate! < b.CreationDate! ? -1 : 1));
}

test("ECS-optimized Windows parameters hold a JSON document naming the newest ECS-optimized AMI, each field a parameter too", async () => {
  for (const region of ["us-east-1", "ap-southeast-2"]) {
    const s = fx.ssm(ACCOUNT_B, region);
    const e = fx.ec2(ACCOUNT_B, region);
    const p = await get(ECS_2022, s);
    assert.deepEqual([p.Type, p.DataType, p.ARN], ["String", "text", `arn:aws:ssm:${region}::parameter${ECS_2022}`]);
    const doc = JSON.parse(p.Value!) as Record<string, unknown>;
    assert.deepEqual(Object.keys(doc), FIELDS);
    assert.equal(doc.schema_version, 1);
    assert.match(String(doc.image_name), /^Windows_Server-2022-English-Full-ECS_Optimized-\d{4}\.\d{2}\.\d{2}$/);
    assert.match(String(doc.ecs_agent_version), /^\d+\.\d+\.\d+$/);
    assert.match(String(doc.ecs_runtime_version), /^Docker version /);

    // The AMI it names is the newest of its family that DescribeImages returns, Amazon's and Windows.
    const images = await family("Windows_Server-2022-English-Full-ECS_Optimized-*", e);
    assert.ok(images.length > 1);
    const newest = images[images.length - 1];
    assert.equal(doc.image_id, newest.ImageId);
    assert.deepEqual(
      [newest.Name, newest.OwnerId, newest.ImageOwnerAlias, newest.Platform],
      [doc.image_name, "801119661308", "amazon", "windows"],
    );
    assert.equal(p.LastModifiedDate!.toISOString(), newest.CreationDate);
    assert.equal(p.Version, images.length);

    // Each field on its own, as CloudFormation and `resolve:ssm:` read image_id.
    for (const field of FIELDS) assert.equal((await get(`${ECS_2022}/${field}`, s)).Value, String(doc[field]), field);
    const launched = await e.send(
      new RunInstancesCommand({ ImageId: `resolve:ssm:${ECS_2022}/image_id`, InstanceType: "m5.large", MinCount: 1, MaxCount: 1 }),
    );
    assert.equal(launched.Instances![0].ImageId, doc.image_id);
    assert.equal(launched.Instances![0].Platform, "windows");
  }
  // Ids differ between regions as real ones do.
  const east = JSON.parse((await get(ECS_2022, fx.ssm(ACCOUNT_B, "us-east-1"))).Value!);
  const sydney = JSON.parse((await get(ECS_2022, fx.ssm(ACCOUNT_B, "ap-southeast-2"))).Value!);
  assert.equal(east.image_name, sydney.image_name);
  assert.notEqual(east.image_id, sydney.image_id);
});

test("every ECS-optimized Windows variant AWS documents is served, Windows Server 2016 in Full only", async () => {
  for (const version of ["2025", "2022", "2019", "2016"]) {
    for (const edition of ["Full", "Core"]) {
      const name = `${WINDOWS}/Windows_Server-${version}-English-${edition}-ECS_Optimized`;
      if (version === "2016" && edition === "Core") {
        assert.equal((await rejection(() => get(name))).name, "ParameterNotFound");
        continue;
      }
      const doc = JSON.parse((await get(name)).Value!);
      assert.equal(doc.image_name.replace(/-\d{4}\.\d{2}\.\d{2}$/, ""), `Windows_Server-${version}-English-${edition}-ECS_Optimized`);
      const [image] = (await ec2.send(new DescribeImagesCommand({ ImageIds: [doc.image_id] }))).Images!;
      assert.equal(image.Name, doc.image_name);
    }
  }
});

test("GetParametersByPath: the documents one level down, their fields one further, and a page at a time", async () => {
  const level: string[] = [];
  for await (const page of paginateGetParametersByPath({ client: ssm, pageSize: 4 }, { Path: WINDOWS })) {
    level.push(...page.Parameters!.map((p) => p.Name!));
  }
  assert.ok(level.includes(ECS_2022) && level.includes(WIN2022));
  assert.ok(!level.some((n) => n.startsWith(`${ECS_2022}/`)));
  assert.deepEqual(level, [...level].sort());

  const fields = (await ssm.send(new GetParametersByPathCommand({ Path: ECS_2022 }))).Parameters!;
  assert.deepEqual(fields.map((p) => p.Name!.slice(ECS_2022.length + 1)).sort(), [...FIELDS].sort());
  const doc = JSON.parse((await get(ECS_2022)).Value!);
  for (const f of fields) assert.equal(f.Value, String(doc[f.Name!.split("/").pop()!]));

  const all: string[] = [];
  for await (const page of paginateGetParametersByPath({ client: ssm, pageSize: 10 }, { Path: WINDOWS, Recursive: true })) {
    all.push(...page.Parameters!.map((p) => p.Name!));
  }
  assert.ok(all.includes(`${ECS_2022}/image_id`) && all.includes(WIN2022));
  assert.equal(new Set(all).size, all.length);
});

test("GetParameterHistory of a public parameter: one version per release that was the newest, oldest first", async () => {
  const images = await family("Windows_Server-2022-English-Full-Base-*");
  const history = [];
  for await (const page of paginateGetParameterHistory({ client: ssm, pageSize: 3 }, { Name: WIN2022 })) {
    assert.ok(page.Parameters!.length <= 3);
    history.push(...page.Parameters!);
  }
  assert.deepEqual(
    history.map((h) => [h.Version, h.Value, h.LastModifiedDate!.toISOString()]),
    images.map((i, n) => [n + 1, i.ImageId, i.CreationDate]),
  );
  for (const h of history) assert.deepEqual([h.Name, h.Type, h.DataType, h.Labels], [WIN2022, "String", "text", []]);
  const current = await get(WIN2022);
  assert.deepEqual([current.Version, current.Value], [history.length, history[history.length - 1].Value]);

  // A selector reads any of those versions; none past the last, and no labels.
  const first = await get(`${WIN2022}:1`);
  assert.deepEqual([first.Value, first.Version, first.Selector], [images[0].ImageId, 1, ":1"]);
  assert.equal((await rejection(() => get(`${WIN2022}:${history.length + 1}`))).name, "ParameterVersionNotFound");
  assert.equal((await rejection(() => get(`${WIN2022}:latest`))).name, "ParameterVersionNotFound");

  // A document parameter's history holds the document of each release.
  const ecs = (await ssm.send(new GetParameterHistoryCommand({ Name: ECS_2022 }))).Parameters!;
  const ecsImages = await family("Windows_Server-2022-English-Full-ECS_Optimized-*");
  assert.deepEqual(
    ecs.map((h) => JSON.parse(h.Value!).image_id),
    ecsImages.map((i) => i.ImageId),
  );
  const al = (await ssm.send(new GetParameterHistoryCommand({ Name: AL2023, MaxResults: 50 }))).Parameters!;
  assert.deepEqual(
    al.map((h) => h.Value),
    (await family("al2023-ami-2023.*-kernel-6.1-x86_64")).map((i) => i.ImageId),
  );
  assert.equal((await rejection(() => ssm.send(new GetParameterHistoryCommand({ Name: `${WINDOWS}/nope` })))).name, "ParameterNotFound");
});

test("an instance launched from the document's image_id describes as that AMI", async () => {
  const doc = JSON.parse((await get(ECS_2022)).Value!);
  const run = await ec2.send(new RunInstancesCommand({ ImageId: doc.image_id, InstanceType: "m5.large", MinCount: 1, MaxCount: 1 }));
  const id = run.Instances![0].InstanceId!;
  const [reservation] = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations!;
  assert.deepEqual([reservation.Instances![0].ImageId, reservation.Instances![0].Platform], [doc.image_id, "windows"]);
});

test("DescribeParameters lists the caller's parameters only, never Amazon's public ones", async () => {
  const all = await ssm.send(new DescribeParametersCommand({}));
  assert.deepEqual(all.Parameters, []);
  const under = await ssm.send(
    new DescribeParametersCommand({ ParameterFilters: [{ Key: "Path", Option: "Recursive", Values: ["/aws/service"] }] }),
  );
  assert.deepEqual(under.Parameters, []);
  const named = await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: "Name", Values: [ECS_2022] }] }));
  assert.deepEqual(named.Parameters, []);
});

test("every public AMI parameter under ami-amazon-linux-latest and ami-windows-latest names the newest AMI of its family", async () => {
  const names = async (Path: string) => {
    const out: Parameter[] = [];
    for await (const page of paginateGetParametersByPath({ client: ssm }, { Path })) out.push(...page.Parameters!);
    return out;
  };
  const linux = await names("/aws/service/ami-amazon-linux-latest");
  const windows = (await names(WINDOWS)).filter((p) => !p.Name!.includes("ECS_Optimized"));
  const short = (ps: Parameter[]) => ps.map((p) => p.Name!.split("/").pop()!);
  // The names Amazon publishes ("Query for the latest Amazon Linux AMI IDs using AWS Systems Manager Parameter Store").
  for (const name of [
    "al2023-ami-kernel-default-x86_64",
    "al2023-ami-minimal-kernel-default-arm64",
    "al2023-ami-kernel-6.12-x86_64",
    "al2023-ami-minimal-kernel-6.1-x86_64",
    "amzn2-ami-hvm-x86_64-gp2",
    "amzn2-ami-kernel-5.10-hvm-arm64-gp2",
    "amzn2-ami-minimal-hvm-x86_64-ebs",
  ]) {
    assert.ok(short(linux).includes(name), name);
  }
  for (const name of ["Windows_Server-2022-English-Full-SQL_2022_Standard", "Windows_Server-2019-English-Core-Base"]) {
    assert.ok(short(windows).includes(name), name);
  }
  for (const p of [...linux, ...windows]) {
    const [image] = (await ec2.send(new DescribeImagesCommand({ ImageIds: [p.Value!] }))).Images!;
    const stem = p.Name!.split("/").pop()!;
    const pattern = stem.startsWith("al2023")
      ? stem.replace("-kernel-default-", "-kernel-6.1-").replace(/^(al2023-ami(?:-minimal)?)-/, "$1-2023.*-")
      : stem.startsWith("amzn2")
        ? stem.replace(/-(x86_64|arm64)-/, "-2.0.*-$1-")
        : `${stem}-*`;
    const newest = (await family(pattern)).pop()!;
    assert.equal(image.ImageId, newest.ImageId, `${p.Name} names ${image.Name}, the newest of ${pattern}`);
  }
});
