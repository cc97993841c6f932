// DescribeImageReferences through the AWS SDK ("Identify your resources referencing specified AMIs"): the
// caller's own resources that reference the AMIs, whoever owns them, by resource type, with ARNs, paged. The
// uses are the records that instances and launch templates keep in the AMI owner's partition
// (usage-report-entries.ts): instances and launch templates through the SDK, and in some tests instance uses
// written to the store directly, as RunInstances writes them.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DeleteLaunchTemplateVersionsCommand,
  DescribeImageReferencesCommand,
  DescribeImagesCommand,
  ModifyImageAttributeCommand,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
  type ImageReference,
} from "@aws-sdk/client-ec2";
import { PutParameterCommand } from "@aws-sdk/client-ssm";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, REGION, rejection, T, useServer } from "../support/server";
import { registerAmi } from "./helpers";

let server: Imagelite;
let a: EC2Client;
let b: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

async function ami(name: string): Promise<string> {
  const id = await registerAmi(a, name);
  server.clock.advance(T + 1);
  return id;
}

/** A use of `id` (an AMI of ACCOUNT_A) by `account`'s resource, as the resource's module indexes it. */
const use = (id: string, kind: string, account: string, resource: string) =>
  server.app.store.put("ec2.image-use", { account: ACCOUNT_A, region: REGION }, `${id} ${kind} ${account} ${resource}`, {});

const template = async (client: EC2Client, name: string, imageId: string) =>
  (await client.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: name, LaunchTemplateData: { ImageId: imageId } })))
    .LaunchTemplate!.LaunchTemplateId!;
const version = (client: EC2Client, templateId: string, imageId: string) =>
  client.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: templateId, LaunchTemplateData: { ImageId: imageId } }));

/** An instance `client`'s account launches from `imageId`. */
const launch = async (client: EC2Client, imageId: string) =>
  (await client.send(new RunInstancesCommand({ ImageId: imageId, MinCount: 1, MaxCount: 1 }))).Instances![0].InstanceId!;

const references = async (client: EC2Client, input: Record<string, unknown>): Promise<ImageReference[]> =>
  (await client.send(new DescribeImageReferencesCommand(input as never))).ImageReferences!;
const arn = (account: string, type: string, id: string) => `arn:aws:ec2:${REGION}:${account}:${type}/${id}`;

test("the caller's instances and launch templates that reference the AMIs, with their ARNs, never another account's", async () => {
  const one = await ami("referenced-one");
  const two = await ami("referenced-two");
  await a.send(new ModifyImageAttributeCommand({ ImageId: one, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  const instanceB = await launch(b, one);
  const ltB = await template(b, "b-template", one);
  const instanceA = await launch(a, one);
  const ltA = await template(a, "a-template", two);
  use(one, "appstream-image", ACCOUNT_B, "imported"); // not a resource type DescribeImageReferences reports

  const ofB = await references(b, { ImageIds: [one], IncludeAllResourceTypes: true });
  assert.deepEqual(ofB, [
    { ImageId: one, ResourceType: "ec2:Instance", Arn: arn(ACCOUNT_B, "instance", instanceB) },
    { ImageId: one, ResourceType: "ec2:LaunchTemplate", Arn: arn(ACCOUNT_B, "launch-template", ltB) },
  ]);
  const ofA = await references(a, { ImageIds: [two, one], IncludeAllResourceTypes: true });
  assert.deepEqual(
    ofA.map((r) => [r.ImageId, r.ResourceType, r.Arn]),
    [
      [one, "ec2:Instance", arn(ACCOUNT_A, "instance", instanceA)],
      [two, "ec2:LaunchTemplate", arn(ACCOUNT_A, "launch-template", ltA)],
    ].sort((x, y) => (x[0] < y[0] ? -1 : 1)),
  );
  assert.deepEqual(
    (await references(a, { ImageIds: [one, two], ResourceTypes: [{ ResourceType: "ec2:LaunchTemplate" }] })).map((r) => r.Arn),
    [arn(ACCOUNT_A, "launch-template", ltA)],
    "only the types asked for",
  );
  assert.deepEqual(await references(a, { ImageIds: [one], ResourceTypes: [{ ResourceType: "ssm:Parameter" }] }), []);
});

test("ssm:Parameter: the caller's parameters of data type aws:ec2:image that name the AMI now", async () => {
  const one = await ami("parameter-one");
  const two = await ami("parameter-two");
  const ssm = fx.ssm(ACCOUNT_A);
  const put = (Name: string, Value: string, extra: Record<string, unknown> = {}) =>
    ssm.send(new PutParameterCommand({ Name, Value, Type: "String", DataType: "aws:ec2:image", ...extra }));
  await put("/golden/latest", one);
  await put("/golden/pinned", one);
  await put("golden-text", one, { DataType: "text" }); // text, not an AMI reference
  await put("/golden/moved", one);
  await put("/golden/moved", two, { Overwrite: true });
  const parameterArn = (name: string) => `arn:aws:ssm:${REGION}:${ACCOUNT_A}:parameter/${name}`;
  assert.deepEqual(await references(a, { ImageIds: [one], ResourceTypes: [{ ResourceType: "ssm:Parameter" }] }), [
    { ImageId: one, ResourceType: "ssm:Parameter", Arn: parameterArn("golden/latest") },
    { ImageId: one, ResourceType: "ssm:Parameter", Arn: parameterArn("golden/pinned") },
  ]);
  assert.deepEqual(
    (await references(a, { ImageIds: [two], IncludeAllResourceTypes: true })).map((r) => r.Arn),
    [parameterArn("golden/moved")],
  );
  assert.deepEqual(
    await references(b, { ImageIds: [one], IncludeAllResourceTypes: true }),
    [],
    "another account's parameters are not the caller's",
  );
});

test("instances: those the caller launched from the AMI, in every state by default or by state-name, terminated ones while listed", async () => {
  const id = await ami("launched");
  await a.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }] } }));
  const mine = await launch(a, id);
  const stopped = await launch(a, id);
  const theirs = await launch(b, id);
  server.clock.advance(T + 1);
  await a.send(new StopInstancesCommand({ InstanceIds: [stopped] }));
  server.clock.advance(T + 1);
  const byState = async (states?: string[]) =>
    (
      await references(a, {
        ImageIds: [id],
        ResourceTypes: [
          { ResourceType: "ec2:Instance", ResourceTypeOptions: states && [{ OptionName: "state-name", OptionValues: states }] },
        ],
      })
    ).map((r) => r.Arn);
  assert.deepEqual(await byState(), [arn(ACCOUNT_A, "instance", mine), arn(ACCOUNT_A, "instance", stopped)].sort());
  assert.deepEqual(await byState(["running"]), [arn(ACCOUNT_A, "instance", mine)]);
  assert.deepEqual(await byState(["stopped", "pending"]), [arn(ACCOUNT_A, "instance", stopped)]);
  assert.deepEqual(
    (await references(b, { ImageIds: [id], IncludeAllResourceTypes: true })).map((r) => r.Arn),
    [arn(ACCOUNT_B, "instance", theirs)],
  );
  // "Default: All states" (ResourceTypeOption): a terminated instance is found while DescribeInstances lists it.
  await a.send(new TerminateInstancesCommand({ InstanceIds: [mine] }));
  server.clock.advance(T + 1);
  assert.deepEqual(await byState(), [arn(ACCOUNT_A, "instance", mine), arn(ACCOUNT_A, "instance", stopped)].sort());
  assert.deepEqual(await byState(["terminated"]), [arn(ACCOUNT_A, "instance", mine)]);
  assert.deepEqual(await byState(["running", "stopped"]), [arn(ACCOUNT_A, "instance", stopped)]);
  server.clock.advance(2 * 3600 * 1000);
  assert.deepEqual(await byState(), [arn(ACCOUNT_A, "instance", stopped)], "gone once no longer listed");
});

test("instances of Amazon's public AMIs are found too", async () => {
  const [amazon] = (
    await a.send(new DescribeImagesCommand({ Owners: ["amazon"], Filters: [{ Name: "architecture", Values: ["x86_64"] }], MaxResults: 5 }))
  ).Images!;
  const instance = await launch(a, amazon.ImageId!);
  assert.deepEqual(await references(a, { ImageIds: [amazon.ImageId!], IncludeAllResourceTypes: true }), [
    { ImageId: amazon.ImageId, ResourceType: "ec2:Instance", Arn: arn(ACCOUNT_A, "instance", instance) },
  ]);
  assert.deepEqual(await references(b, { ImageIds: [amazon.ImageId!], IncludeAllResourceTypes: true }), []);
});

test("launch templates: reported once however many versions name the AMI, within the version-depth most recent", async () => {
  const id = await ami("versions");
  const other = await ami("other");
  const lt = await template(a, "versioned", other); // version 1, the default
  await version(a, lt, id); // 2
  await version(a, lt, id); // 3
  for (let i = 0; i < 3; i++) await version(a, lt, other); // 4, 5, 6
  const depth = (n: number) =>
    references(a, {
      ImageIds: [id],
      ResourceTypes: [
        { ResourceType: "ec2:LaunchTemplate", ResourceTypeOptions: [{ OptionName: "version-depth", OptionValues: [String(n)] }] },
      ],
    });
  assert.deepEqual(await depth(5), [{ ImageId: id, ResourceType: "ec2:LaunchTemplate", Arn: arn(ACCOUNT_A, "launch-template", lt) }]);
  assert.deepEqual(await depth(3), [], "versions 4 to 6 name another AMI");
  assert.equal((await references(a, { ImageIds: [id], IncludeAllResourceTypes: true })).length, 1, "the default depth is 10");
  for (let i = 0; i < 10; i++) await version(a, lt, other);
  assert.deepEqual(await references(a, { ImageIds: [id], IncludeAllResourceTypes: true }), [], "now beyond the 10 most recent");
  assert.equal((await depth(20)).length, 1);
  await a.send(new DeleteLaunchTemplateVersionsCommand({ LaunchTemplateId: lt, Versions: ["2", "3"] }));
  assert.deepEqual(await depth(20), [], "no version names the AMI any more");
});

test("nothing found for an AMI nothing references, nor for one the caller cannot see", async () => {
  const id = await ami("unused");
  assert.deepEqual(await references(a, { ImageIds: [id], IncludeAllResourceTypes: true }), []);
  assert.deepEqual(await references(b, { ImageIds: [id], IncludeAllResourceTypes: true }), []);
  assert.deepEqual(await references(a, { ImageIds: ["ami-0123456789abcdef0"], IncludeAllResourceTypes: true }), []);
});

test("paging: MaxResults from 5, NextToken continues where the page ended", async () => {
  const id = await ami("many-uses");
  await a.send(new RunInstancesCommand({ ImageId: id, MinCount: 12, MaxCount: 12 }));
  const seen: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const r = await a.send(
      new DescribeImageReferencesCommand({ ImageIds: [id], IncludeAllResourceTypes: true, MaxResults: 5, NextToken: token }),
    );
    assert.ok(r.ImageReferences!.length <= 5);
    seen.push(...r.ImageReferences!.map((x) => x.Arn!));
    token = r.NextToken;
    pages++;
  } while (token);
  assert.equal(pages, 3);
  assert.equal(seen.length, 12);
  assert.equal(new Set(seen).size, 12);
  const small = await rejection(() =>
    a.send(new DescribeImageReferencesCommand({ ImageIds: [id], IncludeAllResourceTypes: true, MaxResults: 4 })),
  );
  assert.equal(small.name, "InvalidParameterValue");
  const bad = await rejection(() =>
    a.send(new DescribeImageReferencesCommand({ ImageIds: [id], IncludeAllResourceTypes: true, NextToken: "garbage" })),
  );
  assert.equal(bad.name, "InvalidNextToken");
});

test("refusals: no resource types, options on the wrong type or with bad values, malformed or too many ids", async () => {
  const id = await ami("refusals");
  const cases: [Record<string, unknown>, string][] = [
    [{ ImageIds: [id] }, "MissingParameter"],
    [{ ImageIds: [id], ResourceTypes: [{ ResourceType: "ec2:Volume" }] }, "InvalidParameterValue"],
    [
      {
        ImageIds: [id],
        ResourceTypes: [{ ResourceType: "ec2:Instance", ResourceTypeOptions: [{ OptionName: "version-depth", OptionValues: ["3"] }] }],
      },
      "InvalidParameterCombination",
    ],
    [
      {
        ImageIds: [id],
        ResourceTypes: [{ ResourceType: "ec2:Instance", ResourceTypeOptions: [{ OptionName: "state-name", OptionValues: ["sleeping"] }] }],
      },
      "InvalidParameterValue",
    ],
    [
      {
        ImageIds: [id],
        ResourceTypes: [
          { ResourceType: "ec2:LaunchTemplate", ResourceTypeOptions: [{ OptionName: "version-depth", OptionValues: ["0"] }] },
        ],
      },
      "InvalidParameterValue",
    ],
    [{ ImageIds: ["ami-bad"], IncludeAllResourceTypes: true }, "InvalidAMIID.Malformed"],
    [{ ImageIds: Array.from({ length: 11 }, () => id), IncludeAllResourceTypes: true }, "InvalidParameterValue"],
    [{ ImageIds: [], IncludeAllResourceTypes: true }, "MissingParameter"],
  ];
  for (const [input, code] of cases) {
    const e = await rejection(() => references(a, input));
    assert.equal(e.name, code, JSON.stringify(input));
  }
});
