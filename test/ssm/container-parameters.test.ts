// The public parameters of the container-optimized AMIs through the AWS SDK: the ECS-optimized Linux AMI metadata
// documents and their fields ("Retrieving Amazon ECS-optimized Linux AMI metadata"), the ECS-optimized Windows
// document, the EKS-optimized AMI ids per Kubernetes version ("Retrieve recommended Amazon Linux AMI IDs") and
// Bottlerocket's ("Retrieve recommended Bottlerocket AMI IDs"). Each names an AMI that DescribeImages returns.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { GetParameterCommand, paginateGetParametersByPath, type Parameter, type SSMClient } from "@aws-sdk/client-ssm";
import { DescribeImagesCommand, DescribeInstancesCommand, RunInstancesCommand, type EC2Client, type Image } from "@aws-sdk/client-ec2";
import { ACCOUNT_B, rejection, useServer } from "../support/server";

const ECS = "/aws/service/ecs/optimized-ami";
const EKS = "/aws/service/eks/optimized-ami";
const BOTTLEROCKET = "/aws/service/bottlerocket";
const ECS_FIELDS = [
  "ecs_agent_version",
  "ecs_runtime_version",
  "image_id",
  "image_name",
  "image_version",
  "os",
  "schema_version",
  "source_image_name",
];
const K8S = ["1.30", "1.31", "1.32", "1.33"];

const fx = useServer();
let ssm: SSMClient;
let ec2: EC2Client;
beforeEach(() => {
  ssm = fx.ssm(ACCOUNT_B);
  ec2 = fx.ec2(ACCOUNT_B);
});

const get = async (Name: string, client = ssm): Promise<Parameter> => (await client.send(new GetParameterCommand({ Name }))).Parameter!;

async function image(id: string, client = ec2): Promise<Image> {
  const images = (await client.send(new DescribeImagesCommand({ ImageIds: [id] }))).Images!;
  assert.equal(images.length, 1, id);
  return images[0];
}

/** Amazon's AMIs whose names match `pattern` (a DescribeImages name filter), oldest first. */
async function family(pattern: string, client = ec2): Promise<Image[]> {
  const images = (await client.send(new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: [pattern] }] })))
    .Images!;
  return images.sort((a, b) => (a.CreationDate! < b.CreationDate! ? -1 : 1));
}

async function byPath(Path: string, Recursive = true): Promise<Parameter[]> {
  const out: Parameter[] = [];
  for await (const page of paginateGetParametersByPath({ client: ssm }, { Path, Recursive })) out.push(...page.Parameters!);
  return out;
}

const ECS_VARIANTS: [string, string, string, string][] = [
  // parameter path, architecture, name pattern of the family, os
  ["amazon-linux-2023", "x86_64", "al2023-ami-ecs-hvm-2023.0.*-kernel-6.1-x86_64", "Amazon Linux 2023"],
  ["amazon-linux-2023/arm64", "arm64", "al2023-ami-ecs-hvm-2023.0.*-kernel-6.1-arm64", "Amazon Linux 2023"],
  ["amazon-linux-2023/gpu", "x86_64", "al2023-ami-ecs-gpu-hvm-2023.0.*-kernel-6.1-x86_64", "Amazon Linux 2023"],
  ["amazon-linux-2", "x86_64", "amzn2-ami-ecs-hvm-2.0.*-x86_64-ebs", "Amazon Linux 2"],
  ["amazon-linux-2/arm64", "arm64", "amzn2-ami-ecs-hvm-2.0.*-arm64-ebs", "Amazon Linux 2"],
  ["amazon-linux-2/gpu", "x86_64", "amzn2-ami-ecs-gpu-hvm-2.0.*-x86_64-ebs", "Amazon Linux 2"],
];

test("ECS-optimized Linux: each recommended document names the newest AMI of its variant, with the right architecture, each field a parameter too", async () => {
  for (const [path, arch, pattern, os] of ECS_VARIANTS) {
    const name = `${ECS}/${path}/recommended`;
    const p = await get(name);
    assert.deepEqual([p.Type, p.DataType, p.ARN], ["String", "text", `arn:aws:ssm:us-east-1::parameter${name}`]);
    const doc = JSON.parse(p.Value!) as Record<string, unknown>;
    assert.deepEqual(Object.keys(doc), ECS_FIELDS, name);
    assert.equal(doc.schema_version, 1);
    assert.equal(doc.os, os);
    assert.match(String(doc.ecs_agent_version), /^\d+\.\d+\.\d+$/);
    assert.match(String(doc.ecs_runtime_version), /^Docker version \d+\.\d+\.\d+$/);
    assert.match(
      String(doc.source_image_name),
      os === "Amazon Linux 2023" ? /^al2023-ami-minimal-2023\./ : /^amzn2-ami-minimal-hvm-2\.0\./,
    );
    assert.ok(String(doc.image_name).includes(String(doc.image_version)));

    const images = await family(pattern);
    assert.ok(images.length > 1, pattern);
    const newest = images[images.length - 1];
    const described = await image(String(doc.image_id));
    assert.deepEqual(
      [described.ImageId, described.Name, described.Architecture, described.OwnerId, described.ImageOwnerAlias, described.Platform],
      [newest.ImageId, doc.image_name, arch, "591542846629", "amazon", undefined],
    );
    assert.equal(described.PlatformDetails, "Linux/UNIX");
    assert.equal(p.LastModifiedDate!.toISOString(), newest.CreationDate);
    assert.equal(p.Version, images.length);

    for (const field of ECS_FIELDS) assert.equal((await get(`${name}/${field}`)).Value, String(doc[field]), `${name}/${field}`);
  }
});

test("ECS-optimized Windows Server 2022 Full: the document and its image_id name a Windows AMI DescribeImages returns", async () => {
  const name = "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-ECS_Optimized";
  const doc = JSON.parse((await get(name)).Value!);
  assert.equal((await get(`${name}/image_id`)).Value, doc.image_id);
  const described = await image(doc.image_id);
  assert.deepEqual([described.Name, described.Architecture, described.Platform], [doc.image_name, "x86_64", "windows"]);
});

test("EKS-optimized: image_id per Kubernetes version and AMI type names the newest AMI of its family, with the right architecture", async () => {
  const types: [string, string, string][] = [
    // AMI type, architecture, name pattern (VERSION for the Kubernetes version)
    ["amazon-linux-2023/x86_64/standard", "x86_64", "amazon-eks-node-al2023-x86_64-standard-VERSION-v*"],
    ["amazon-linux-2023/arm64/standard", "arm64", "amazon-eks-node-al2023-arm64-standard-VERSION-v*"],
    ["amazon-linux-2023/x86_64/nvidia", "x86_64", "amazon-eks-node-al2023-x86_64-nvidia-VERSION-v*"],
    ["amazon-linux-2", "x86_64", "amazon-eks-node-VERSION-v*"],
    ["amazon-linux-2-arm64", "arm64", "amazon-eks-arm64-node-VERSION-v*"],
    ["amazon-linux-2-gpu", "x86_64", "amazon-eks-gpu-node-VERSION-v*"],
  ];
  for (const k8s of K8S) {
    for (const [type, arch, pattern] of types) {
      const name = `${EKS}/${k8s}/${type}/recommended/image_id`;
      if (k8s === "1.33" && !type.startsWith("amazon-linux-2023")) {
        // Amazon EKS publishes no Amazon Linux 2 AMI from Kubernetes 1.33 on.
        assert.equal((await rejection(() => get(name))).name, "ParameterNotFound", name);
        continue;
      }
      const id = (await get(name)).Value!;
      const described = await image(id);
      const newest = (await family(pattern.replace("VERSION", k8s))).pop()!;
      assert.deepEqual(
        [described.ImageId, described.Architecture, described.OwnerId, described.ImageOwnerAlias],
        [newest.ImageId, arch, "602401143452", "amazon"],
        name,
      );
      assert.ok(described.Description!.includes(`k8s: ${k8s}.`), described.Description);
      assert.equal((await get(name.replace(/image_id$/, "image_name"))).Value, described.Name);
      const release = (await get(name.replace(/image_id$/, "release_version"))).Value!;
      assert.match(release, new RegExp(`^${k8s.replace(".", "\\.")}\\.\\d+-\\d{8}$`));
      assert.ok(described.Name!.endsWith(`-v${release.split("-")[1]}`));
    }
  }
});

test("Bottlerocket: image_id per Kubernetes version and architecture names the newest Bottlerocket AMI, arm64 named aarch64", async () => {
  for (const k8s of K8S) {
    for (const [arch, inName] of [
      ["x86_64", "x86_64"],
      ["arm64", "aarch64"],
    ]) {
      const name = `${BOTTLEROCKET}/aws-k8s-${k8s}/${arch}/latest/image_id`;
      const described = await image((await get(name)).Value!);
      const newest = (await family(`bottlerocket-aws-k8s-${k8s}-${inName}-v*`)).pop()!;
      assert.deepEqual(
        [described.ImageId, described.Architecture, described.OwnerId, described.ImageOwnerAlias],
        [newest.ImageId, arch, "092701018921", "amazon"],
        name,
      );
      const version = (await get(name.replace(/image_id$/, "image_version"))).Value!;
      assert.ok(described.Name!.endsWith(`-v${version}`), `${described.Name} ${version}`);
    }
  }
});

test("GetParametersByPath recursive over /aws/service/ecs/ and /aws/service/eks/: every parameter, each naming an AMI DescribeImages returns", async () => {
  const ecs = await byPath("/aws/service/ecs/");
  const eks = await byPath("/aws/service/eks");
  const bottlerocket = await byPath(BOTTLEROCKET);
  for (const [list, size] of [
    [ecs, ECS_VARIANTS.length * (1 + ECS_FIELDS.length)],
    [eks, K8S.length * 3 * 3 + (K8S.length - 1) * 3 * 3],
    [bottlerocket, K8S.length * 2 * 2],
  ] as const) {
    assert.equal(list.length, size);
    const names = list.map((p) => p.Name!);
    assert.deepEqual(names, [...names].sort());
    assert.equal(new Set(names).size, names.length);
  }
  assert.ok(ecs.some((p) => p.Name === `${ECS}/amazon-linux-2023/recommended/image_id`));
  assert.ok(eks.some((p) => p.Name === `${EKS}/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id`));

  const ids = [...ecs, ...eks, ...bottlerocket].filter((p) => p.Name!.endsWith("/image_id")).map((p) => p.Value!);
  assert.equal(ids.length, ECS_VARIANTS.length + K8S.length * 3 + (K8S.length - 1) * 3 + K8S.length * 2);
  const described = (await ec2.send(new DescribeImagesCommand({ ImageIds: [...new Set(ids)] }))).Images!;
  assert.equal(described.length, new Set(ids).size);

  // One level at a time: the documents sit beside the variants, the fields one level down.
  const level = (await byPath(`${ECS}/amazon-linux-2023`, false)).map((p) => p.Name);
  assert.deepEqual(level, [`${ECS}/amazon-linux-2023/recommended`]);
  const recommended = (await byPath(`${ECS}/amazon-linux-2023/recommended`, false)).map((p) => p.Name!.split("/").pop());
  assert.deepEqual(recommended, ECS_FIELDS);
});

test("RunInstances with resolve:ssm: of the ECS-optimized Amazon Linux 2023 image_id launches that AMI", async () => {
  const id = (await get(`${ECS}/amazon-linux-2023/recommended/image_id`)).Value!;
  const run = await ec2.send(
    new RunInstancesCommand({
      ImageId: `resolve:ssm:${ECS}/amazon-linux-2023/recommended/image_id`,
      InstanceType: "m5.large",
      MinCount: 1,
      MaxCount: 1,
    }),
  );
  assert.equal(run.Instances![0].ImageId, id);
  const [reservation] = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [run.Instances![0].InstanceId!] }))).Reservations!;
  assert.equal(reservation.Instances![0].ImageId, id);
  assert.equal(reservation.Instances![0].Architecture, "x86_64");

  const arm = await ec2.send(
    new RunInstancesCommand({
      ImageId: `resolve:ssm:${EKS}/1.32/amazon-linux-2023/arm64/standard/recommended/image_id`,
      InstanceType: "m7g.large",
      MinCount: 1,
      MaxCount: 1,
    }),
  );
  assert.equal(arm.Instances![0].ImageId, (await get(`${EKS}/1.32/amazon-linux-2023/arm64/standard/recommended/image_id`)).Value);
  assert.equal(arm.Instances![0].Architecture, "arm64");
});
