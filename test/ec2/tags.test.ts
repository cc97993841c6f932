// CreateTags, DeleteTags and DescribeTags on AMIs (own, shared and Amazon's), with their filters and limits.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateTagsCommand,
  DeleteTagsCommand,
  DescribeImagesCommand,
  DescribeTagsCommand,
  ModifyImageAttributeCommand,
  type EC2Client,
  type Filter,
} from "@aws-sdk/client-ec2";
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

const tags = async (filters?: Filter[], client = a) =>
  (await client.send(new DescribeTagsCommand({ Filters: filters })))
    .Tags!.map((t) => `${t.ResourceId} ${t.ResourceType} ${t.Key}=${t.Value}`)
    .sort();

test("CreateTags adds and overwrites; DescribeTags lists with filters", async () => {
  const one = await registerAmi(a, "one");
  const two = await registerAmi(a, "two");
  await a.send(
    new CreateTagsCommand({
      Resources: [one, two],
      Tags: [
        { Key: "env", Value: "dev" },
        { Key: "team", Value: "blue" },
      ],
    }),
  );
  await a.send(new CreateTagsCommand({ Resources: [two], Tags: [{ Key: "env", Value: "prod" }, { Key: "empty" }] }));
  assert.deepEqual(
    await tags(),
    [`${one} image env=dev`, `${one} image team=blue`, `${two} image empty=`, `${two} image env=prod`, `${two} image team=blue`].sort(),
  );
  assert.deepEqual(
    await tags([
      { Name: "key", Values: ["env"] },
      { Name: "value", Values: ["p*"] },
    ]),
    [`${two} image env=prod`],
  );
  assert.deepEqual(await tags([{ Name: "resource-id", Values: [one] }]), [`${one} image env=dev`, `${one} image team=blue`]);
  assert.deepEqual((await tags([{ Name: "resource-type", Values: ["image"] }])).length, 5);
  assert.deepEqual(await tags([{ Name: "tag:env", Values: ["prod"] }]), [
    `${two} image empty=`,
    `${two} image env=prod`,
    `${two} image team=blue`,
  ]);
  const e = await rejection(() => a.send(new DescribeTagsCommand({ Filters: [{ Name: "colour", Values: ["x"] }] })));
  assert.equal(e.name, "InvalidParameterValue");
});

test("DeleteTags: by key, by key and value, and every tag", async () => {
  const id = await registerAmi(a, "tagged");
  await a.send(
    new CreateTagsCommand({
      Resources: [id],
      Tags: [
        { Key: "a", Value: "1" },
        { Key: "b", Value: "2" },
        { Key: "c", Value: "" },
        { Key: "d", Value: "4" },
      ],
    }),
  );
  await a.send(new DeleteTagsCommand({ Resources: [id], Tags: [{ Key: "a" }, { Key: "b", Value: "wrong" }, { Key: "c", Value: "" }] }));
  assert.deepEqual(await tags(), [`${id} image b=2`, `${id} image d=4`]);
  await a.send(new DeleteTagsCommand({ Resources: [id] }));
  assert.deepEqual(await tags(), []);
});

test("tags on Amazon and shared AMIs stay in the tagging account", async () => {
  const amazon = (await a.send(new DescribeImagesCommand({ Owners: ["amazon"], MaxResults: 1 }))).Images![0].ImageId!;
  await a.send(new CreateTagsCommand({ Resources: [amazon], Tags: [{ Key: "use", Value: "base" }] }));
  const b = ec2Client(server, ACCOUNT_B);
  const seenByB = (await b.send(new DescribeImagesCommand({ ImageIds: [amazon] }))).Images![0];
  assert.equal(seenByB.Tags, undefined);
  assert.deepEqual((await a.send(new DescribeImagesCommand({ ImageIds: [amazon] }))).Images![0].Tags, [{ Key: "use", Value: "base" }]);
  const shared = await registerAmi(a, "shared", {
    TagSpecifications: [{ ResourceType: "image", Tags: [{ Key: "owner-tag", Value: "x" }] }],
  });
  await a.send(new ModifyImageAttributeCommand({ ImageId: shared, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  await b.send(new CreateTagsCommand({ Resources: [shared], Tags: [{ Key: "mine", Value: "b" }] }));
  assert.deepEqual((await b.send(new DescribeImagesCommand({ ImageIds: [shared] }))).Images![0].Tags, [{ Key: "mine", Value: "b" }]);
  assert.deepEqual((await a.send(new DescribeImagesCommand({ ImageIds: [shared] }))).Images![0].Tags, [{ Key: "owner-tag", Value: "x" }]);
});

test("tag errors: unknown resource ids, reserved and oversized keys, more than 50 tags", async () => {
  const id = await registerAmi(a, "limits");
  let e = await rejection(() => a.send(new CreateTagsCommand({ Resources: ["xyz-1234"], Tags: [{ Key: "k", Value: "v" }] })));
  assert.equal(e.name, "InvalidID");
  e = await rejection(() => a.send(new CreateTagsCommand({ Resources: ["ami-00000000000000000"], Tags: [{ Key: "k", Value: "v" }] })));
  assert.equal(e.name, "InvalidAMIID.NotFound");
  e = await rejection(() => a.send(new CreateTagsCommand({ Resources: ["ami-zz"], Tags: [{ Key: "k", Value: "v" }] })));
  assert.equal(e.name, "InvalidAMIID.Malformed");
  e = await rejection(() => a.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "aws:owner", Value: "v" }] })));
  assert.equal(e.name, "InvalidParameterValue");
  e = await rejection(() => a.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "k".repeat(129), Value: "v" }] })));
  assert.equal(e.name, "InvalidParameterValue");
  e = await rejection(() => a.send(new CreateTagsCommand({ Resources: [id] } as never)));
  assert.equal(e.name, "MissingParameter");
  const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
  await a.send(new CreateTagsCommand({ Resources: [id], Tags: fifty }));
  await a.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "k0", Value: "overwritten" }] }));
  e = await rejection(() => a.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "one-more", Value: "v" }] })));
  assert.equal(e.name, "TagLimitExceeded");
  e = await rejection(() => a.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "dry", Value: "v" }], DryRun: true })));
  assert.equal(e.name, "TagLimitExceeded", "a dry run answers the real error");
});
