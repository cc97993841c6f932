// The Amazon catalog in every region, Owners and the DescribeImages filters: AND between filters, OR between
// values, `*` and `?` wildcards, tag filters, and InvalidParameterValue for an unknown filter name.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { CreateTagsCommand, DescribeImagesCommand, type EC2Client, type Filter } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ec2Client, rejection, useServer } from "../support/server";
import { registerAmi, settle } from "./helpers";

let server: Imagelite;
let a: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
});

const images = async (input: { Filters?: Filter[]; Owners?: string[]; IncludeDeprecated?: boolean }, client = a) =>
  (await client.send(new DescribeImagesCommand(input))).Images!;
const names = async (filters: Filter[], owners?: string[]) =>
  (await images({ Filters: filters, Owners: owners })).map((i) => i.Name!).sort();

test("the Amazon catalog: Windows Server 2016/2019/2022/2025 and Amazon Linux 2/2023, owner alias amazon, in every region", async () => {
  const all = await images({ Owners: ["amazon"] });
  const n = all.map((i) => i.Name!);
  for (const prefix of [
    "Windows_Server-2016-English-Full-Base-",
    "Windows_Server-2019-English-Full-Base-",
    "Windows_Server-2022-English-Full-Base-",
    "Windows_Server-2025-English-Full-Base-",
    "Windows_Server-2022-English-Full-SQL_2022_Standard-",
    "al2023-ami-2023.",
    "al2023-ami-minimal-2023.",
    "amzn2-ami-kernel-5.10-hvm-",
  ]) {
    assert.ok(
      n.some((x) => x.startsWith(prefix)),
      `missing ${prefix}`,
    );
  }
  assert.ok(n.includes("Windows_Server-2022-English-Full-Base-2025.11.12"));
  for (const i of all) {
    assert.equal(i.ImageOwnerAlias, "amazon");
    assert.equal(i.Public, true);
    assert.equal(i.State, "available");
    assert.match(i.ImageId!, /^ami-[0-9a-f]{17}$/);
  }
  const win = all.find((i) => i.Name === "Windows_Server-2022-English-Full-Base-2025.11.12")!;
  assert.equal(win.Platform, "windows");
  assert.equal(win.PlatformDetails, "Windows");
  assert.equal(win.RootDeviceName, "/dev/sda1");
  assert.equal(win.ImageLocation, "amazon/Windows_Server-2022-English-Full-Base-2025.11.12");
  // Same names in another region, other (but stable) ids.
  const west = ec2Client(server, ACCOUNT_A, "eu-west-1");
  const westWin = (await images({ Owners: ["amazon"], Filters: [{ Name: "name", Values: [win.Name!] }] }, west))[0];
  assert.notEqual(westWin.ImageId, win.ImageId);
  const again = (await images({ Owners: ["amazon"], Filters: [{ Name: "name", Values: [win.Name!] }] }, west))[0];
  assert.equal(again.ImageId, westWin.ImageId);
});

test("deprecated Amazon AMIs only with IncludeDeprecated, or by id", async () => {
  const old = "Windows_Server-2016-English-Full-Base-2023.10.11";
  assert.deepEqual(await names([{ Name: "name", Values: [old] }]), []);
  const found = await images({ Filters: [{ Name: "name", Values: [old] }], IncludeDeprecated: true });
  assert.equal(found.length, 1);
  assert.ok(Date.parse(found[0].DeprecationTime!) < server.clock.now().getTime());
  const byId = await a.send(new DescribeImagesCommand({ ImageIds: [found[0].ImageId!] }));
  assert.equal(byId.Images!.length, 1);
});

test("Owners: self, amazon, an account id; a malformed owner is InvalidUserID.Malformed", async () => {
  const mine = await registerAmi(a, "mine");
  assert.deepEqual(
    (await images({ Owners: ["self"] })).map((i) => i.ImageId),
    [mine],
  );
  assert.deepEqual(
    (await images({ Owners: [ACCOUNT_A] })).map((i) => i.ImageId),
    [mine],
  );
  const both = await images({ Owners: ["self", "amazon"] });
  assert.ok(both.some((i) => i.ImageId === mine) && both.some((i) => i.ImageOwnerAlias === "amazon"));
  assert.ok(
    (await images({})).some((i) => i.ImageId === mine),
    "no Owners: own and public AMIs",
  );
  const e = await rejection(() => a.send(new DescribeImagesCommand({ Owners: ["nobody"] })));
  assert.equal(e.name, "InvalidUserID.Malformed");
});

test("filters: wildcards, OR between values, AND between filters", async () => {
  assert.deepEqual(await names([{ Name: "name", Values: ["Windows_Server-2022-English-*-Base-2025.11.12"] }]), [
    "Windows_Server-2022-English-Core-Base-2025.11.12",
    "Windows_Server-2022-English-Full-Base-2025.11.12",
  ]);
  assert.deepEqual(await names([{ Name: "name", Values: ["Windows_Server-201?-English-Full-Base-2025.11.12"] }]), [
    "Windows_Server-2016-English-Full-Base-2025.11.12",
    "Windows_Server-2019-English-Full-Base-2025.11.12",
  ]);
  assert.deepEqual(
    await names([
      { Name: "name", Values: ["al2023-*-2023.9.20251110.1-*", "amzn2-*-2.0.20251110.0-*"] },
      { Name: "architecture", Values: ["arm64"] },
    ]),
    [
      "al2023-ami-2023.9.20251110.1-kernel-6.1-arm64",
      "al2023-ami-minimal-2023.9.20251110.1-kernel-6.1-arm64",
      "amzn2-ami-hvm-2.0.20251110.0-arm64-gp2",
      "amzn2-ami-kernel-5.10-hvm-2.0.20251110.0-arm64-gp2",
      "amzn2-ami-minimal-kernel-5.10-hvm-2.0.20251110.0-arm64-gp2",
    ],
  );
  const windows = await images({ Filters: [{ Name: "platform", Values: ["windows"] }] });
  assert.ok(windows.length >= 12 && windows.every((i) => (i.Platform as string) === "windows"));
  const linux = await images({
    Filters: [
      { Name: "owner-id", Values: ["137112412989"] },
      { Name: "image-type", Values: ["machine"] },
      { Name: "is-public", Values: ["true"] },
    ],
  });
  assert.ok(linux.length > 0 && linux.every((i) => i.Name!.startsWith("al2") || i.Name!.startsWith("amzn2")));
  assert.deepEqual(await names([{ Name: "name", Values: ["windows_server-*"] }]), [], "values are case-sensitive");
  assert.deepEqual(await names([{ Name: "is-public", Values: ["false"] }]), []);
});

test("filters: state and owner-alias on own AMIs, tag:<key> and tag-key", async () => {
  const app1 = await registerAmi(a, "app-1", { TagSpecifications: [{ ResourceType: "image", Tags: [{ Key: "Team", Value: "blue" }] }] });
  settle(server);
  const app2 = await registerAmi(a, "app-2");
  await a.send(
    new CreateTagsCommand({
      Resources: [app2],
      Tags: [
        { Key: "Team", Value: "green" },
        { Key: "Cost Center", Value: "42" },
      ],
    }),
  );
  const ids = async (filters: Filter[]) => (await images({ Owners: ["self"], Filters: filters })).map((i) => i.ImageId).sort();
  assert.deepEqual(await ids([{ Name: "state", Values: ["pending"] }]), [app2]);
  assert.deepEqual(await ids([{ Name: "state", Values: ["available"] }]), [app1]);
  assert.deepEqual(await ids([{ Name: "tag:Team", Values: ["blue"] }]), [app1]);
  assert.deepEqual(await ids([{ Name: "tag:Team", Values: ["*e*"] }]), [app1, app2].sort());
  assert.deepEqual(await ids([{ Name: "tag-key", Values: ["Cost*"] }]), [app2]);
  assert.deepEqual(
    await ids([
      { Name: "tag:Team", Values: ["green"] },
      { Name: "tag:Cost Center", Values: ["42"] },
    ]),
    [app2],
  );
  assert.deepEqual(
    await ids([
      { Name: "name", Values: ["app-?"] },
      { Name: "tag:Team", Values: ["blue"] },
    ]),
    [app1],
  );
  assert.deepEqual(await ids([{ Name: "owner-alias", Values: ["amazon"] }]), []);
});

test("an unknown filter name is InvalidParameterValue; a filter without values is InvalidFilter", async () => {
  let e = await rejection(() => a.send(new DescribeImagesCommand({ Filters: [{ Name: "colour", Values: ["red"] }] })));
  assert.equal(e.name, "InvalidParameterValue");
  assert.match(e.message, /colour/);
  e = await rejection(() => a.send(new DescribeImagesCommand({ Filters: [{ Name: "name", Values: [] }] })));
  assert.equal(e.name, "InvalidFilter");
});
