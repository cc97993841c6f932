// MaxResults and NextToken on DescribeImages and DescribeTags: every item exactly once, even when AMIs are
// added between pages; invalid tokens and out-of-range page sizes are refused.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { CreateTagsCommand, DescribeImagesCommand, DescribeTagsCommand, paginateDescribeImages, type EC2Client } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, ec2Client, rejection, useServer } from "../support/server";
import { registerAmi } from "./helpers";

let server: Imagelite;
let a: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
});

test("DescribeImages pages cover the catalog and own AMIs exactly once, with AMIs registered between pages", async () => {
  for (let i = 0; i < 7; i++) await registerAmi(a, `paged-${i}`);
  const everything = (await a.send(new DescribeImagesCommand({}))).Images!.map((i) => i.ImageId!);
  assert.equal(new Set(everything).size, everything.length);
  const seen: string[] = [];
  let token: string | undefined;
  let pages = 0;
  const added: string[] = [];
  do {
    const r = await a.send(new DescribeImagesCommand({ MaxResults: 4, NextToken: token }));
    assert.ok(r.Images!.length <= 4);
    seen.push(...r.Images!.map((i) => i.ImageId!));
    token = r.NextToken;
    if (++pages === 2) added.push(await registerAmi(a, "late-1"), await registerAmi(a, "late-2"));
  } while (token);
  assert.equal(new Set(seen).size, seen.length, "no AMI twice");
  for (const id of everything) assert.ok(seen.includes(id), `skipped ${id}`);
  // An AMI added after the walk passed its id may be missed, one ahead of it is served.
  assert.ok(seen.every((id) => everything.includes(id) || added.includes(id)));
});

test("the SDK paginator walks filtered pages", async () => {
  const names: string[] = [];
  for await (const page of paginateDescribeImages(
    { client: a, pageSize: 2 },
    { Owners: ["amazon"], Filters: [{ Name: "platform", Values: ["windows"] }] },
  )) {
    assert.ok(page.Images!.length <= 2);
    names.push(...page.Images!.map((i) => i.Name!));
  }
  const all = (
    await a.send(new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "platform", Values: ["windows"] }] }))
  ).Images!.map((i) => i.Name!);
  assert.deepEqual(names.sort(), all.sort());
});

test("DescribeImages: invalid and foreign tokens, MaxResults out of range, MaxResults with ImageIds", async () => {
  let e = await rejection(() => a.send(new DescribeImagesCommand({ MaxResults: 5, NextToken: "garbage" })));
  assert.equal(e.name, "InvalidNextToken");
  const token = (await a.send(new DescribeImagesCommand({ MaxResults: 1 }))).NextToken!;
  e = await rejection(() => ec2Client(server, ACCOUNT_B).send(new DescribeImagesCommand({ MaxResults: 1, NextToken: token })));
  assert.equal(e.name, "InvalidNextToken", "a token is the caller's own");
  e = await rejection(() => a.send(new DescribeImagesCommand({ MaxResults: 0 })));
  assert.equal(e.name, "InvalidParameterValue");
  e = await rejection(() => a.send(new DescribeImagesCommand({ MaxResults: 1001 })));
  assert.equal(e.name, "InvalidParameterValue");
  const id = await registerAmi(a, "by-id");
  e = await rejection(() => a.send(new DescribeImagesCommand({ ImageIds: [id], MaxResults: 5 })));
  assert.equal(e.name, "InvalidParameterCombination");
});

test("DescribeTags pages (MaxResults 5 to 1000)", async () => {
  const id = await registerAmi(a, "many-tags");
  await a.send(
    new CreateTagsCommand({
      Resources: [id],
      Tags: Array.from({ length: 12 }, (_, i) => ({ Key: `k${String(i).padStart(2, "0")}`, Value: `${i}` })),
    }),
  );
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const r = await a.send(new DescribeTagsCommand({ MaxResults: 5, NextToken: token }));
    assert.ok(r.Tags!.length <= 5);
    keys.push(...r.Tags!.map((t) => t.Key!));
    token = r.NextToken;
  } while (token);
  assert.equal(keys.length, 12);
  assert.equal(new Set(keys).size, 12);
  const e = await rejection(() => a.send(new DescribeTagsCommand({ MaxResults: 4 })));
  assert.equal(e.name, "InvalidParameterValue");
});
