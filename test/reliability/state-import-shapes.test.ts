// A state import checks every record against the schema of its type before it replaces anything: a record
// of the wrong shape (a fleet that is a string) would otherwise make its account's describes fail. The
// schemas themselves are checked here against a state that holds a record of every type.
import { before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ec2LegacyTypes } from "../../src/services/ec2/record-schemas";
import {
  AssociateFleetCommand,
  CreateDirectoryConfigCommand,
  CreateEntitlementCommand,
  BatchAssociateUserStackCommand,
  CreateFleetCommand,
  CreateImageBuilderCommand,
  CreateImportedImageCommand,
  CreateStackCommand,
  CreateUsageReportSubscriptionCommand,
  CreateUserCommand,
  DescribeFleetsCommand,
  UpdateImagePermissionsCommand,
} from "@aws-sdk/client-appstream";
import {
  CopyImageCommand,
  CreateImageUsageReportCommand,
  CreateKeyPairCommand,
  CreateLaunchTemplateCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  EnableFastLaunchCommand,
  EnableImageBlockPublicAccessCommand,
  ImportImageCommand,
  DescribeImagesCommand,
  ModifyImageAttributeCommand,
  ModifySnapshotAttributeCommand,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import { PutParameterCommand, PutResourcePolicyCommand } from "@aws-sdk/client-ssm";
import type { Imagelite } from "../../src/index";
import { checkRecord } from "../../src/state/record-schema";
import {
  ACCOUNT_A,
  ACCOUNT_B,
  admin,
  appstreamClient,
  createImageFromBuilder,
  ec2Client,
  ssmClient,
  startTestServer,
  T,
  useServer,
  REGION,
} from "../support/server";
import { importableWindows, ownSnapshot, registerAmi, settle } from "../ec2/helpers";

const BASE = "AppStream-WinServer2022-11-10-2025";

/** Makes at least one record of every type the services declare. */
async function everyKindOfRecord(server: Imagelite): Promise<void> {
  const ec2 = ec2Client(server);
  const app = appstreamClient(server);
  const ssm = ssmClient(server);
  try {
    const ami = await registerAmi(ec2, "golden-windows", await importableWindows(ec2));
    settle(server);
    await ec2.send(new ModifyImageAttributeCommand({ ImageId: ami, LaunchPermission: { Add: [{ UserId: ACCOUNT_B }, { Group: "all" }] } }));
    await ec2.send(new CreateTagsCommand({ Resources: [ami], Tags: [{ Key: "team", Value: "imaging" }] }));
    const [root] = (await ec2.send(new DescribeImagesCommand({ ImageIds: [ami] }))).Images![0].BlockDeviceMappings!;
    await ec2.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId: root.Ebs!.SnapshotId!,
        CreateVolumePermission: { Add: [{ UserId: ACCOUNT_B }, { Group: "all" }] },
      }),
    );
    const ec2B = ec2Client(server, ACCOUNT_B);
    await ec2B.send(new CreateTagsCommand({ Resources: [ami], Tags: [{ Key: "seen-by", Value: "b" }] })); // a reference from another account
    // A snapshot shared with an account and with everyone.
    const snapshot = await ownSnapshot(ec2);
    for (const p of [{ UserId: ACCOUNT_B }, { Group: "all" as const }]) {
      await ec2.send(new ModifySnapshotAttributeCommand({ SnapshotId: snapshot, CreateVolumePermission: { Add: [p] } }));
    }
    await ec2.send(new CopyImageCommand({ SourceImageId: ami, SourceRegion: "us-east-1", Name: "golden-copy", ClientToken: "copy-1" }));
    await ec2.send(new ImportImageCommand({ DiskContainers: [{ Format: "vmdk", UserBucket: { S3Bucket: "b", S3Key: "k.vmdk" } }] }));
    await ec2.send(new EnableFastLaunchCommand({ ImageId: ami }));
    await ec2.send(new CreateKeyPairCommand({ KeyName: "golden-key" }));
    await ec2.send(new RunInstancesCommand({ ImageId: ami, MinCount: 1, MaxCount: 1, KeyName: "golden-key" }));
    await ec2.send(new EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: "block-new-sharing" }));
    await ec2.send(new CreateImageUsageReportCommand({ ImageId: ami, ResourceTypes: [{ ResourceType: "ec2:Instance" }] }));
    await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: "golden-lt", LaunchTemplateData: { ImageId: ami } }));
    // The default VPC, its subnets and default group come with the first network call.
    await ec2.send(new CreateSecurityGroupCommand({ GroupName: "builders", Description: "image builders" }));
    await ec2.send(new CreateKeyPairCommand({ KeyName: "golden-ed25519", KeyType: "ed25519" }));
    await ec2B.send(
      new CreateLaunchTemplateCommand({ LaunchTemplateName: "web", LaunchTemplateData: { ImageId: ami, InstanceType: "t3.micro" } }),
    );
    ec2B.destroy();
    await app.send(
      new CreateImportedImageCommand({ Name: "imported", SourceAmiId: ami, IamRoleArn: `arn:aws:iam::${ACCOUNT_A}:role/Import` }),
    );
    await app.send(
      new CreateDirectoryConfigCommand({
        DirectoryName: "corp.example.com",
        OrganizationalUnitDistinguishedNames: ["OU=desktops,DC=corp,DC=example,DC=com"],
        ServiceAccountCredentials: { AccountName: "CORP\\svc", AccountPassword: "secret" },
      }),
    );
    await app.send(new CreateImageBuilderCommand({ Name: "ib", ImageName: BASE, InstanceType: "stream.standard.small" }));
    server.clock.advance(T);
    assert.equal((await createImageFromBuilder(server, "ib", "golden")).status, 200);
    server.clock.advance(3 * T);
    await app.send(
      new UpdateImagePermissionsCommand({ Name: "golden", SharedAccountId: ACCOUNT_B, ImagePermissions: { allowFleet: true } }),
    );
    await app.send(
      new CreateFleetCommand({
        Name: "f",
        ImageName: "golden",
        InstanceType: "stream.standard.small",
        ComputeCapacity: { DesiredInstances: 1 },
      }),
    );
    await app.send(new CreateStackCommand({ Name: "s" }));
    await app.send(new AssociateFleetCommand({ FleetName: "f", StackName: "s" }));
    await app.send(
      new CreateEntitlementCommand({
        Name: "e",
        StackName: "s",
        AppVisibility: "ALL",
        Attributes: [{ Name: "department", Value: "engineering" }],
      }),
    );
    const user = { UserName: "u@example.com", AuthenticationType: "USERPOOL" as const };
    await app.send(new CreateUserCommand(user));
    await app.send(new BatchAssociateUserStackCommand({ UserStackAssociations: [{ ...user, StackName: "s" }] }));
    await app.send(new CreateUsageReportSubscriptionCommand({}));
    await ssm.send(
      new PutParameterCommand({ Name: "/golden/windows/latest", Value: ami, Type: "String", DataType: "aws:ec2:image", Tier: "Advanced" }),
    );
    const Policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: ACCOUNT_B }, Action: "ssm:GetParameter" }] });
    await ssm.send(
      new PutResourcePolicyCommand({ ResourceArn: `arn:aws:ssm:${REGION}:${ACCOUNT_A}:parameter/golden/windows/latest`, Policy }),
    );
    const quota = await admin(server, "POST", "/_imagelite/quotas", { accountId: ACCOUNT_A, region: REGION, quotas: { "L-1216C47A": 64 } });
    assert.equal(quota.status, 200);
  } finally {
    ec2.destroy();
    app.destroy();
    ssm.destroy();
  }
}

describe("state import checks each record against its type", () => {
  const fx = useServer();
  let server: Imagelite;
  let doc: ReturnType<Imagelite["exportState"]>;
  before(async () => {
    server = fx.server;
    await everyKindOfRecord(server);
    doc = server.exportState();
  });
  /** Each test starts from the state that holds a record of every type. */
  beforeEach(() => server.importState(doc));

  it("every record an export holds fits the schema of its type, and every declared type is there", () => {
    const schemas = server.app.recordSchemas;
    const seen = new Set<string>();
    for (const r of doc.records) {
      const schema = schemas.get(r.type);
      assert.ok(schema, `no schema for ${r.type}`);
      assert.equal(checkRecord(schema, r.value), undefined, `${r.type} ${r.id}`);
      seen.add(r.type);
    }
    assert.deepEqual(
      [...schemas.keys()].filter((t) => !seen.has(t) && !ec2LegacyTypes.includes(t)),
      [],
      "declared types the scenario did not make",
    );
  });

  it("refuses a record of the wrong shape with its place and problem, and keeps the state it had", async () => {
    const fleet = doc.records.findIndex((r) => r.type === "appstream.fleet");
    const image = doc.records.findIndex((r) => r.type === "ec2.image");
    const cases: [number, unknown, RegExp][] = [
      [fleet, "a string", /appstream\.fleet "f"\): the record must be an object/],
      [fleet, { ...(doc.records[fleet].value as object), schedule: "soon" }, /schedule must be a non-empty list of steps/],
      [fleet, { ...(doc.records[fleet].value as object), tags: { a: 1 } }, /tags must be an object of strings/],
      [fleet, { ...(doc.records[fleet].value as object), image: { owner: "", name: 7, arn: "x" } }, /image\.name must be a string/],
      [image, { ...(doc.records[image].value as object), BlockDeviceMappings: ["x"] }, /BlockDeviceMappings\[0\] must be an object/],
      [image, { ...(doc.records[image].value as object), createdAt: "yesterday" }, /createdAt must be a number/],
    ];
    for (const [i, value, problem] of cases) {
      const records = doc.records.map((r, j) => (j === i ? { ...r, value } : r));
      const r = await admin(server, "POST", "/_imagelite/state", { ...doc, records });
      assert.equal(r.status, 400, JSON.stringify(value));
      assert.equal(r.body.code, "InvalidState");
      assert.match(r.body.message, new RegExp(`records\\[${i}\\]`));
      assert.match(r.body.message, problem);
    }
    const unknown = await admin(server, "POST", "/_imagelite/state", {
      ...doc,
      records: [...doc.records, { type: "appstream.no-such-kind", account: ACCOUNT_A, region: "us-east-1", id: "s", value: {} }],
    });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.message, /unknown type "appstream\.no-such-kind"/);
    // Nothing was replaced: describes answer as before.
    assert.deepEqual(server.exportState(), doc);
    const c = appstreamClient(server, ACCOUNT_A);
    assert.deepEqual(
      (await c.send(new DescribeFleetsCommand({}))).Fleets!.map((f) => f.Name),
      ["f"],
    );
    c.destroy();
  });

  it("a sound document imports into a fresh server", async () => {
    const fresh = await startTestServer();
    try {
      const r = await admin(fresh, "POST", "/_imagelite/state", doc);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(fresh.exportState().records, doc.records);
    } finally {
      await fresh.stop();
    }
  });
});
