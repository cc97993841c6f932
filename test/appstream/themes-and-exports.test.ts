// Stack themes (CreateThemeForStack, DescribeThemeForStack, UpdateThemeForStack, DeleteThemeForStack) and image
// export tasks (CreateExportImageTask, GetExportImageTask, ListExportImageTasks) through the SDK: the AMI an
// export makes is checked through @aws-sdk/client-ec2, on the manual clock.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateExportImageTaskCommand,
  CreateImageBuilderCommand,
  CreateStackCommand,
  CreateThemeForStackCommand,
  DeleteStackCommand,
  DeleteThemeForStackCommand,
  DescribeThemeForStackCommand,
  GetExportImageTaskCommand,
  ListExportImageTasksCommand,
  UpdateImagePermissionsCommand,
  UpdateThemeForStackCommand,
  type AppStreamClient,
  type CreateThemeForStackCommandInput,
} from "@aws-sdk/client-appstream";
import { DescribeImagesCommand as DescribeAmisCommand, DescribeSnapshotsCommand, type EC2Client } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, createImageFromBuilder, rejection, REGION, T, TEST_START, useServer } from "../support/server";

const BASE = "AppStream-WinServer2022-11-10-2025";
const ROLE = `arn:aws:iam::${ACCOUNT_A}:role/AppStreamExportRole`;

describe("AppStream stack themes", () => {
  const fx = useServer();
  let client: AppStreamClient;
  before(() => {
    client = fx.appstream();
  });

  const theme: CreateThemeForStackCommandInput = {
    StackName: "s",
    TitleText: "Example Corp apps",
    ThemeStyling: "BLUE",
    OrganizationLogoS3Location: { S3Bucket: "branding-bucket", S3Key: "logos/logo.png" },
    FaviconS3Location: { S3Bucket: "branding-bucket", S3Key: "favicon.ico" },
    FooterLinks: [{ DisplayName: "Help desk", FooterLinkURL: "https://help.example.com" }],
  };

  it("creates one theme per stack, ENABLED, with the S3 objects as URLs, and describes it", async () => {
    await client.send(new CreateStackCommand({ Name: "s" }));
    const created = (await client.send(new CreateThemeForStackCommand(theme))).Theme!;
    assert.deepEqual(created, {
      StackName: "s",
      State: "ENABLED",
      ThemeTitleText: "Example Corp apps",
      ThemeStyling: "BLUE",
      ThemeFooterLinks: [{ DisplayName: "Help desk", FooterLinkURL: "https://help.example.com" }],
      ThemeOrganizationLogoURL: `https://branding-bucket.s3.${REGION}.amazonaws.com/logos/logo.png`,
      ThemeFaviconURL: `https://branding-bucket.s3.${REGION}.amazonaws.com/favicon.ico`,
      CreatedTime: new Date(TEST_START),
    });
    assert.deepEqual((await client.send(new DescribeThemeForStackCommand({ StackName: "s" }))).Theme, created);
    const again = await rejection(() => client.send(new CreateThemeForStackCommand(theme)));
    assert.equal(again.name, "ResourceAlreadyExistsException");
  });

  it("refuses unknown stacks, missing themes, object-less locations and values out of the model", async () => {
    let e = await rejection(() => client.send(new CreateThemeForStackCommand(theme)));
    assert.equal(e.name, "ResourceNotFoundException");
    await client.send(new CreateStackCommand({ Name: "s" }));
    for (const send of [
      () => client.send(new DescribeThemeForStackCommand({ StackName: "s" })),
      () => client.send(new UpdateThemeForStackCommand({ StackName: "s", State: "DISABLED" })),
      () => client.send(new DeleteThemeForStackCommand({ StackName: "s" })),
      () => client.send(new DescribeThemeForStackCommand({ StackName: "nope" })),
    ]) {
      e = await rejection(send);
      assert.equal(e.name, "ResourceNotFoundException");
    }
    e = await rejection(() =>
      client.send(new CreateThemeForStackCommand({ ...theme, FaviconS3Location: { S3Bucket: "branding-bucket" } })),
    );
    assert.equal(e.name, "InvalidParameterCombinationException");
    e = await rejection(() => client.send(new CreateThemeForStackCommand({ ...theme, ThemeStyling: "GREEN" as "BLUE" })));
    assert.equal(e.name, "ValidationException");
    e = await rejection(() => client.send(new CreateThemeForStackCommand({ ...theme, TitleText: "<script>" })));
    assert.equal(e.name, "ValidationException");
    e = await rejection(() =>
      client.send(new CreateThemeForStackCommand({ ...theme, OrganizationLogoS3Location: { S3Bucket: "Bad_Bucket", S3Key: "k" } })),
    );
    assert.equal(e.name, "ValidationException");
  });

  it("updates what it is given, deletes the footer links, disables the theme; the stack's deletion takes it", async () => {
    await client.send(new CreateStackCommand({ Name: "s" }));
    await client.send(new CreateThemeForStackCommand(theme));
    const updated = (
      await client.send(
        new UpdateThemeForStackCommand({
          StackName: "s",
          TitleText: "New title",
          ThemeStyling: "PINK",
          FaviconS3Location: { S3Bucket: "other-bucket", S3Key: "icons/fav.ico" },
          State: "DISABLED",
        }),
      )
    ).Theme!;
    assert.deepEqual(
      [updated.ThemeTitleText, updated.ThemeStyling, updated.State, updated.ThemeFaviconURL, updated.ThemeFooterLinks?.length],
      ["New title", "PINK", "DISABLED", `https://other-bucket.s3.${REGION}.amazonaws.com/icons/fav.ico`, 1],
    );
    assert.equal(updated.ThemeOrganizationLogoURL, `https://branding-bucket.s3.${REGION}.amazonaws.com/logos/logo.png`);
    const both = await rejection(() =>
      client.send(
        new UpdateThemeForStackCommand({
          StackName: "s",
          AttributesToDelete: ["FOOTER_LINKS"],
          FooterLinks: [{ DisplayName: "x", FooterLinkURL: "https://x.example.com" }],
        }),
      ),
    );
    assert.equal(both.name, "InvalidParameterCombinationException");
    const noLinks = (await client.send(new UpdateThemeForStackCommand({ StackName: "s", AttributesToDelete: ["FOOTER_LINKS"] }))).Theme!;
    assert.equal(noLinks.ThemeFooterLinks, undefined);
    assert.equal((await client.send(new DescribeThemeForStackCommand({ StackName: "s" }))).Theme!.State, "DISABLED");

    await client.send(new DeleteThemeForStackCommand({ StackName: "s" }));
    await client.send(new CreateThemeForStackCommand(theme));
    await client.send(new DeleteStackCommand({ Name: "s" }));
    await client.send(new CreateStackCommand({ Name: "s" }));
    const gone = await rejection(() => client.send(new DescribeThemeForStackCommand({ StackName: "s" })));
    assert.equal(gone.name, "ResourceNotFoundException");
  });
});

describe("AppStream image export tasks", () => {
  const fx = useServer();
  let server: Imagelite;
  let app: AppStreamClient;
  let ec2: EC2Client;
  before(() => {
    server = fx.server;
    app = fx.appstream();
    ec2 = fx.ec2();
  });

  /** A private image `golden`, AVAILABLE, made in a builder. */
  async function goldenImage(name = "golden"): Promise<void> {
    await app.send(new CreateImageBuilderCommand({ Name: `ib-${name}`, ImageName: BASE, InstanceType: "stream.standard.small" }));
    server.clock.advance(T);
    assert.equal((await createImageFromBuilder(server, `ib-${name}`, name)).status, 200);
    server.clock.advance(2 * T);
  }
  const amiNamed = async (name: string) =>
    (await ec2.send(new DescribeAmisCommand({ Owners: ["self"], Filters: [{ Name: "name", Values: [name] }] }))).Images ?? [];

  it("exports an image to an AMI of the caller: EXPORTING while the AMI is pending, COMPLETED when it is available", async () => {
    await goldenImage();
    const task = (
      await app.send(
        new CreateExportImageTaskCommand({
          ImageName: "golden",
          AmiName: "golden-ami(v1)",
          AmiDescription: "Golden desktop",
          IamRoleArn: ROLE,
          TagSpecifications: { team: "euc", env: "prod" },
        }),
      )
    ).ExportImageTask!;
    assert.match(task.TaskId!, /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/);
    assert.deepEqual(
      [task.ImageArn, task.AmiName, task.AmiDescription, task.State, task.TagSpecifications],
      [
        `arn:aws:appstream:${REGION}:${ACCOUNT_A}:image/golden`,
        "golden-ami(v1)",
        "Golden desktop",
        "EXPORTING",
        { team: "euc", env: "prod" },
      ],
    );
    assert.match(task.AmiId!, /^ami-[0-9a-f]{17}$/);
    let [ami] = await amiNamed("golden-ami(v1)");
    assert.deepEqual([ami.ImageId, ami.State], [task.AmiId, "pending"]);

    server.clock.advance(3 * T);
    const done = (await app.send(new GetExportImageTaskCommand({ TaskId: task.TaskId }))).ExportImageTask!;
    assert.equal(done.State, "COMPLETED");
    assert.equal(done.ErrorDetails, undefined);
    [ami] = await amiNamed("golden-ami(v1)");
    assert.deepEqual(
      [ami.ImageId, ami.State, ami.Description, ami.Platform, ami.OwnerId, ami.RootDeviceType],
      [task.AmiId, "available", "Golden desktop", "windows", ACCOUNT_A, "ebs"],
    );
    assert.deepEqual(ami.Tags!.map((t) => `${t.Key}=${t.Value}`).sort(), ["env=prod", "team=euc"]);
    const snapshot = ami.BlockDeviceMappings![0].Ebs!.SnapshotId!;
    const [snap] = (await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshot] }))).Snapshots!;
    assert.equal(snap.State, "completed");

    const listed = (await app.send(new ListExportImageTasksCommand({}))).ExportImageTasks!;
    assert.deepEqual(listed, [done]);
    // Another account sees neither the task nor the AMI.
    assert.deepEqual((await fx.appstream(ACCOUNT_B).send(new ListExportImageTasksCommand({}))).ExportImageTasks, []);
    const other = await rejection(() => fx.appstream(ACCOUNT_B).send(new GetExportImageTaskCommand({ TaskId: task.TaskId })));
    assert.equal(other.name, "ResourceNotFoundException");
  });

  it("refuses images that are missing, not the caller's or not AVAILABLE, AMI names taken, and bad roles", async () => {
    const input = { ImageName: "golden", AmiName: "golden-ami", IamRoleArn: ROLE };
    let e = await rejection(() => app.send(new CreateExportImageTaskCommand(input)));
    assert.equal(e.name, "ResourceNotFoundException");
    e = await rejection(() => app.send(new CreateExportImageTaskCommand({ ...input, ImageName: BASE })));
    assert.equal(e.name, "OperationNotPermittedException", "a public image is not the caller's");

    await app.send(new CreateImageBuilderCommand({ Name: "ib", ImageName: BASE, InstanceType: "stream.standard.small" }));
    server.clock.advance(T);
    assert.equal((await createImageFromBuilder(server, "ib", "golden")).status, 200);
    e = await rejection(() => app.send(new CreateExportImageTaskCommand(input)));
    assert.equal(e.name, "ResourceNotAvailableException", "the image is still PENDING");
    server.clock.advance(2 * T);

    // An image shared with B is B's to use, not to export.
    await app.send(
      new UpdateImagePermissionsCommand({ Name: "golden", SharedAccountId: ACCOUNT_B, ImagePermissions: { allowFleet: true } }),
    );
    e = await rejection(() => fx.appstream(ACCOUNT_B).send(new CreateExportImageTaskCommand(input)));
    assert.equal(e.name, "OperationNotPermittedException");

    e = await rejection(() => app.send(new CreateExportImageTaskCommand({ ...input, IamRoleArn: `arn:aws:iam::${ACCOUNT_A}:user/bob` })));
    assert.equal(e.name, "InvalidRoleException");
    e = await rejection(() => app.send(new CreateExportImageTaskCommand({ ...input, AmiName: "no spaces allowed" })));
    assert.equal(e.name, "ValidationException");

    await app.send(new CreateExportImageTaskCommand(input));
    e = await rejection(() => app.send(new CreateExportImageTaskCommand(input)));
    assert.equal(e.name, "OperationNotPermittedException", "the AMI name is taken, even while the first export runs");
    e = await rejection(() => app.send(new GetExportImageTaskCommand({ TaskId: "00000000-0000-4000-8000-000000000000" })));
    assert.equal(e.name, "ResourceNotFoundException");
    e = await rejection(() => app.send(new GetExportImageTaskCommand({})));
    assert.equal(e.name, "ResourceNotFoundException");
  });

  it("lists tasks by page and filter; a fault rule makes a task FAILED with its error details and no AMI", async () => {
    await goldenImage();
    server.faults.add({
      service: "appstream",
      operation: "CreateExportImageTask",
      times: 1,
      lifecycle: { outcome: "fail", reason: "The role cannot copy the image." },
    });
    const failed = (await app.send(new CreateExportImageTaskCommand({ ImageName: "golden", AmiName: "broken", IamRoleArn: ROLE })))
      .ExportImageTask!;
    assert.equal(failed.AmiId, undefined);
    for (const n of [1, 2]) await app.send(new CreateExportImageTaskCommand({ ImageName: "golden", AmiName: `ok-${n}`, IamRoleArn: ROLE }));
    server.clock.advance(3 * T);
    const f = (await app.send(new GetExportImageTaskCommand({ TaskId: failed.TaskId }))).ExportImageTask!;
    assert.equal(f.State, "FAILED");
    assert.deepEqual(f.ErrorDetails, [{ ErrorCode: "EXPORT_IMAGE_FAILURE", ErrorMessage: "The role cannot copy the image." }]);
    assert.deepEqual(await amiNamed("broken"), []);

    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await app.send(new ListExportImageTasksCommand({ MaxResults: 2, NextToken }));
      assert.ok(page.ExportImageTasks!.length <= 2);
      seen.push(...page.ExportImageTasks!.map((t) => t.AmiName!));
      NextToken = page.NextToken;
    } while (NextToken);
    assert.deepEqual(seen.sort(), ["broken", "ok-1", "ok-2"]);
    const completed = await app.send(new ListExportImageTasksCommand({ Filters: [{ Name: "State", Values: ["COMPLETED"] }] }));
    assert.deepEqual(completed.ExportImageTasks!.map((t) => t.AmiName).sort(), ["ok-1", "ok-2"]);
    const byAmi = await app.send(new ListExportImageTasksCommand({ Filters: [{ Name: "AmiName", Values: ["ok-2"] }] }));
    assert.deepEqual(
      byAmi.ExportImageTasks!.map((t) => t.AmiName),
      ["ok-2"],
    );
    const bad = await rejection(() => app.send(new ListExportImageTasksCommand({ Filters: [{ Name: "Color", Values: ["red"] }] })));
    assert.equal(bad.name, "ValidationException");
  });
});
