// The lookups people copy from the AWS documentation find a launchable AMI in the public catalog: newest by
// CreationDate of a name pattern ("Find an AMI", "Amazon Linux 2023 AMI naming", "AWS Windows AMI reference"),
// with the billing fields of "AMI billing information fields". Ids derive from region and name, so another
// server gives the same ones; --catalog off serves none of Amazon's; a seed file adds public entries.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  RunInstancesCommand,
  type EC2Client,
  type Filter,
  type Image,
} from "@aws-sdk/client-ec2";
import { configFrom } from "../../src/runtime/cli";
import { cliScope } from "../support/cli";
import { ACCOUNT_A, ACCOUNT_B, ec2Client, startTestServer, T, useServer } from "../support/server";

const newest = (images: Image[]) => [...images].sort((x, y) => (x.CreationDate! < y.CreationDate! ? -1 : 1)).at(-1)!;

async function lookup(client: EC2Client, name: string, more: Filter[] = []): Promise<Image[]> {
  const r = await client.send(new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "name", Values: [name] }, ...more] }));
  return r.Images!;
}

describe("documented lookups", () => {
  const fx = useServer();

  test("al2023-ami-2023.*-x86_64: newest by CreationDate is the latest release, and it launches", async () => {
    const a = fx.ec2(ACCOUNT_A);
    const found = await lookup(a, "al2023-ami-2023.*-x86_64");
    assert.ok(found.length >= 6, `several releases, got ${found.length}`);
    assert.ok(found.every((i) => /^al2023-ami-2023\.\d+\.\d{8}\.\d+-kernel-6\.(1|12|18)-x86_64$/.test(i.Name!)));
    const latest = newest(found);
    const latestRelease = found
      .map((i) => i.Name!.split("-")[2])
      .sort((x, y) => (x.split(".")[2] < y.split(".")[2] ? -1 : 1))
      .at(-1);
    assert.equal(latest.Name!.split("-")[2], latestRelease);
    assert.equal(latest.Architecture, "x86_64");
    assert.equal(latest.PlatformDetails, "Linux/UNIX");
    assert.equal(latest.UsageOperation, "RunInstances");
    assert.equal(latest.BootMode, "uefi-preferred");
    assert.equal(latest.ImdsSupport, "v2.0");
    assert.equal(latest.EnaSupport, true);
    assert.equal(latest.RootDeviceName, "/dev/xvda");
    assert.equal(latest.BlockDeviceMappings![0].Ebs!.VolumeSize, 8);
    assert.ok(Date.parse(latest.DeprecationTime!) - Date.parse(latest.CreationDate!) >= 2 * 365 * 86400_000);
    assert.match(latest.Description!, /^Amazon Linux 2023 AMI 2023\.\d+\.\d{8}\.\d+ x86_64 HVM kernel-6\.\d+$/);

    const r = await a.send(new RunInstancesCommand({ ImageId: latest.ImageId, MinCount: 1, MaxCount: 1, InstanceType: "t3.micro" }));
    const id = r.Instances![0].InstanceId!;
    fx.server.clock.advance(2 * T * 1000);
    const inst = (await a.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0].Instances![0];
    assert.equal(inst.State!.Name, "running");
    assert.equal(inst.ImageId, latest.ImageId);
  });

  test("kernel-6.1 and minimal variants, and arm64", async () => {
    const a = fx.ec2(ACCOUNT_A);
    const k61 = await lookup(a, "al2023-ami-2023.*-kernel-6.1-arm64");
    assert.ok(k61.length >= 6 && k61.every((i) => i.Architecture === "arm64" && i.BootMode === "uefi"));
    const minimal = await lookup(a, "al2023-ami-minimal-2023.*-kernel-6.1-x86_64");
    assert.ok(minimal.length >= 6);
    assert.match(newest(minimal).Description!, / Minimal HVM kernel-6\.1$/);
    assert.ok((await lookup(a, "al2023-ami-2023.*-kernel-6.12-x86_64")).length > 0);
  });

  test("Amazon Linux 2: kernel 5.10, minimal and 4.14 names, x86_64 and arm64", async () => {
    const a = fx.ec2(ACCOUNT_A);
    const al2 = await lookup(a, "amzn2-ami-kernel-5.10-hvm-*-x86_64-gp2");
    assert.ok(al2.length >= 5);
    const latest = newest(al2);
    assert.match(latest.Name!, /^amzn2-ami-kernel-5\.10-hvm-2\.0\.\d{8}\.0-x86_64-gp2$/);
    assert.equal(latest.Description, `Amazon Linux 2 Kernel 5.10 AMI ${latest.Name!.split("-")[5]} x86_64 HVM gp2`);
    assert.ok((await lookup(a, "amzn2-ami-kernel-5.10-hvm-*-arm64-gp2")).every((i) => i.Architecture === "arm64"));
    assert.ok((await lookup(a, "amzn2-ami-hvm-2.0.*-x86_64-gp2")).length >= 5);
    assert.ok((await lookup(a, "amzn2-ami-minimal-hvm-*")).length >= 5);
  });

  test("Windows Server 2022 Full Base and 2019 SQL Standard: billing fields, and a launch", async () => {
    const a = fx.ec2(ACCOUNT_A);
    const base = await lookup(a, "Windows_Server-2022-English-Full-Base-*");
    assert.ok(base.length >= 6);
    const win = newest(base);
    assert.match(win.Name!, /^Windows_Server-2022-English-Full-Base-\d{4}\.\d\d\.\d\d$/);
    assert.equal(win.Platform, "windows");
    assert.equal(win.PlatformDetails, "Windows");
    assert.equal(win.UsageOperation, "RunInstances:0002");
    assert.equal(win.RootDeviceName, "/dev/sda1");
    assert.equal(win.Description, "Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon");

    const sql = newest(await lookup(a, "Windows_Server-2019-English-Full-SQL_2019_Standard-*"));
    assert.equal(sql.PlatformDetails, "Windows with SQL Server Standard");
    assert.equal(sql.UsageOperation, "RunInstances:0006");
    assert.ok(sql.BlockDeviceMappings![0].Ebs!.VolumeSize! >= 45);
    assert.equal(sql.Description, "Microsoft Windows Server 2019 Full Locale English with SQL Standard 2019 AMI provided by Amazon");
    const billing = async (name: string) => newest(await lookup(a, name));
    assert.equal((await billing("Windows_Server-2022-English-Full-SQL_2022_Enterprise-*")).UsageOperation, "RunInstances:0102");
    assert.equal((await billing("Windows_Server-2022-English-Full-SQL_2022_Web-*")).UsageOperation, "RunInstances:0202");
    assert.equal((await billing("Windows_Server-2022-English-Full-SQL_2022_Express-*")).PlatformDetails, "Windows");
    assert.ok((await lookup(a, "Windows_Server-2025-English-Core-Base-*")).length >= 6);

    const r = await a.send(new RunInstancesCommand({ ImageId: sql.ImageId, MinCount: 1, MaxCount: 1, InstanceType: "m5.large" }));
    fx.server.clock.advance(2 * T * 1000);
    const inst = (await a.send(new DescribeInstancesCommand({ InstanceIds: [r.Instances![0].InstanceId!] }))).Reservations![0]
      .Instances![0];
    assert.equal(inst.State!.Name, "running");
    assert.equal(inst.Platform, "windows");
  });
});

describe("ids across servers", () => {
  test("two servers give the same ids for the same region and name, other ids in another region", async () => {
    const one = await startTestServer();
    const two = await startTestServer();
    const c1 = ec2Client(one);
    const c2 = ec2Client(two);
    const west = ec2Client(two, ACCOUNT_A, "eu-west-1");
    try {
      const ids = async (c: EC2Client) =>
        (await lookup(c, "Windows_Server-2022-English-Full-Base-*")).map((i) => `${i.Name} ${i.ImageId}`).sort();
      assert.deepEqual(await ids(c1), await ids(c2));
      const eastId = (await lookup(c1, "al2023-ami-2023.*-kernel-6.1-arm64")).map((i) => i.ImageId).sort();
      const westId = (await lookup(west, "al2023-ami-2023.*-kernel-6.1-arm64")).map((i) => i.ImageId).sort();
      assert.equal(eastId.length, westId.length);
      assert.ok(eastId.every((id) => !westId.includes(id)));
    } finally {
      for (const c of [c1, c2, west]) c.destroy();
      await one.stop();
      await two.stop();
    }
  });
});

describe("--catalog off, and public images from a seed file", () => {
  const dir = mkdtempSync(join(tmpdir(), "imagelite-catalog-"));
  const seed = join(dir, "seed.yaml");
  const CANONICAL = "099720109477";
  writeFileSync(
    seed,
    [
      "accounts:",
      `  "${CANONICAL}":`,
      "    us-east-1:",
      "      ec2:",
      "        publicImages:",
      "          - Name: ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20261101",
      "            Description: Canonical, Ubuntu, 24.04, amd64 noble image",
      "            CreationDate: 2026-11-01T10:00:00.000Z",
      "          - Name: golden-windows",
      "            Platform: windows",
      "            OwnerAlias: aws-marketplace",
      "",
    ].join("\n"),
  );
  const fx = useServer({ catalog: "off", seed });

  test("no amazon AMIs; the seeded entries are public, found by another account, launchable, with stable ids", async () => {
    const a = fx.ec2(ACCOUNT_A);
    assert.deepEqual((await a.send(new DescribeImagesCommand({ Owners: ["amazon"] }))).Images, []);
    assert.deepEqual(await lookup(a, "al2023-ami-2023.*-x86_64"), []);
    const ubuntu = (
      await a.send(
        new DescribeImagesCommand({
          Owners: [CANONICAL],
          Filters: [{ Name: "name", Values: ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-*"] }],
        }),
      )
    ).Images!;
    assert.equal(ubuntu.length, 1);
    assert.equal(ubuntu[0].OwnerId, CANONICAL);
    assert.equal(ubuntu[0].Public, true);
    assert.equal(ubuntu[0].CreationDate, "2026-11-01T10:00:00.000Z");
    assert.equal(ubuntu[0].Description, "Canonical, Ubuntu, 24.04, amd64 noble image");
    const market = (await fx.ec2(ACCOUNT_B).send(new DescribeImagesCommand({ Owners: ["aws-marketplace"] }))).Images!;
    assert.deepEqual(
      market.map((i) => [i.Name, i.Platform, i.ImageOwnerAlias]),
      [["golden-windows", "windows", "aws-marketplace"]],
    );
    const r = await fx.ec2(ACCOUNT_B).send(new RunInstancesCommand({ ImageId: ubuntu[0].ImageId, MinCount: 1, MaxCount: 1 }));
    assert.ok(r.Instances![0].InstanceId);

    const again = await startTestServer({ seed, catalog: "off" });
    const c = ec2Client(again);
    try {
      assert.equal((await c.send(new DescribeImagesCommand({ Owners: [CANONICAL] }))).Images![0].ImageId, ubuntu[0].ImageId);
    } finally {
      c.destroy();
      await again.stop();
    }
  });
});

test("a bad publicImages entry stops the start with its place", async () => {
  const bad = join(mkdtempSync(join(tmpdir(), "imagelite-catalog-")), "seed.json");
  writeFileSync(bad, JSON.stringify({ accounts: { "099720109477": { "us-east-1": { ec2: { publicImages: [{ Name: "x" }] } } } } }));
  await assert.rejects(startTestServer({ seed: bad }), /accounts\.099720109477\.us-east-1\.ec2\.publicImages\[0\]: Name must be 3 to 128/);
});

describe("--catalog and IMAGELITE_CATALOG", () => {
  const cli = cliScope();
  after(() => cli.cleanup());

  test("the flag wins over the variable; the default is on; other values are refused", async () => {
    assert.equal(configFrom([], {}).catalog, "on");
    assert.equal(configFrom([], { IMAGELITE_CATALOG: "off" }).catalog, "off");
    assert.equal(configFrom(["--catalog", "on"], { IMAGELITE_CATALOG: "off" }).catalog, "on");
    const r = await cli.run(["--in-memory", "--catalog", "none"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--catalog must be on or off/);
  });
});
