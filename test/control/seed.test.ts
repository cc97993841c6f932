// Seed files: a scenario in JSON or YAML, made through the same operations clients call, settled by the
// time the server starts, and loaded only into an empty store.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DescribeAppBlockBuilderAppBlockAssociationsCommand,
  DescribeAppBlockBuildersCommand,
  DescribeAppBlocksCommand,
  DescribeApplicationFleetAssociationsCommand,
  DescribeFleetsCommand,
  DescribeImageBuildersCommand,
  DescribeImagesCommand,
} from "@aws-sdk/client-appstream";
import { DescribeImagesCommand as Ec2DescribeImages, DescribeSubnetsCommand } from "@aws-sdk/client-ec2";
import { startImagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, appstreamClient, ec2Client } from "../support/server";

const EXAMPLE = join(__dirname, "..", "..", "..", "examples", "seed.yaml");

describe("seed files", () => {
  it("loads the YAML example: builder, image, share, fleet and AMI, all settled", async () => {
    const server = await startImagelite({ seed: EXAMPLE, transitionSeconds: 30 });
    try {
      const a = appstreamClient(server, ACCOUNT_A);
      const b = appstreamClient(server, ACCOUNT_B);
      assert.equal((await a.send(new DescribeImageBuildersCommand({ Names: ["golden-builder"] }))).ImageBuilders![0].State, "STOPPED");
      const [image] = (await a.send(new DescribeImagesCommand({ Names: ["golden-desktop"] }))).Images!;
      assert.equal(image.State, "AVAILABLE");
      assert.equal(image.ImageSharedWithOthers, "TRUE");
      const [shared] = (await b.send(new DescribeImagesCommand({ Type: "SHARED" }))).Images!;
      assert.equal(shared.Name, "golden-desktop");
      const [fleet] = (await b.send(new DescribeFleetsCommand({ Names: ["desktops"] }))).Fleets!;
      assert.equal(fleet.State, "RUNNING");
      assert.equal(fleet.ComputeCapacityStatus!.Running, 2);
      const e = ec2Client(server, ACCOUNT_B);
      const amis = (await e.send(new Ec2DescribeImages({ ExecutableUsers: ["self"] }))).Images!;
      assert.deepEqual(
        amis.map((i) => [i.Name, i.State, i.Platform]),
        [["golden-windows-2022", "available", "windows"]],
      );
      const ubuntu = (await e.send(new Ec2DescribeImages({ Owners: ["099720109477"] }))).Images!;
      assert.deepEqual(
        ubuntu.map((i) => [i.Name, i.Public]),
        [["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20261101", true]],
      );
      a.destroy();
      b.destroy();
      e.destroy();
    } finally {
      await server.stop();
    }
  });

  it("loads JSON, and only into an empty store", async () => {
    const dir = mkdtempSync(join(tmpdir(), "imagelite-seed-"));
    const seed = join(dir, "seed.json");
    writeFileSync(
      seed,
      JSON.stringify({
        accounts: {
          [ACCOUNT_A]: {
            "eu-west-1": {
              appstream: {
                fleets: [
                  {
                    Name: "f1",
                    ImageName: "AppStream-WinServer2019-11-10-2025",
                    InstanceType: "stream.standard.small",
                    ComputeCapacity: { DesiredInstances: 1 },
                  },
                ],
              },
            },
          },
        },
      }),
    );
    try {
      const first = await startImagelite({ seed, inMemory: false, dataDir: join(dir, "data") });
      const c = appstreamClient(first, ACCOUNT_A, "eu-west-1");
      assert.equal((await c.send(new DescribeFleetsCommand({}))).Fleets![0].State, "STOPPED");
      c.destroy();
      await first.stop();
      const again = await startImagelite({ seed, inMemory: false, dataDir: join(dir, "data") });
      const c2 = appstreamClient(again, ACCOUNT_A, "eu-west-1");
      assert.equal((await c2.send(new DescribeFleetsCommand({}))).Fleets!.length, 1, "a restart keeps its state and does not seed twice");
      c2.destroy();
      await again.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("makes app blocks, applications on Elastic fleets and app block builders", async () => {
    const dir = mkdtempSync(join(tmpdir(), "imagelite-seed-"));
    const seed = join(dir, "seed.json");
    const block = (name: string) => `arn:aws:appstream:us-east-1:${ACCOUNT_A}:app-block/${name}`;
    const appstream = {
      appBlocks: [
        {
          Name: "tools",
          SourceS3Location: { S3Bucket: "apps", S3Key: "tools.vhdx" },
          SetupScriptDetails: {
            ScriptS3Location: { S3Bucket: "apps", S3Key: "setup.ps1" },
            ExecutablePath: "setup.ps1",
            TimeoutInSeconds: 60,
          },
        },
        { Name: "packaged", PackagingType: "APPSTREAM2", SourceS3Location: { S3Bucket: "apps" } },
      ],
      applications: [
        {
          Name: "editor",
          AppBlockArn: block("tools"),
          IconS3Location: { S3Bucket: "apps", S3Key: "icon.png" },
          LaunchPath: "C:\\tools\\editor.exe",
          Platforms: ["WINDOWS_SERVER_2019"],
          InstanceFamilies: ["GENERAL_PURPOSE"],
          Fleets: ["elastic"],
        },
      ],
      appBlockBuilders: [
        {
          Name: "packager",
          Platform: "WINDOWS_SERVER_2019",
          InstanceType: "stream.standard.small",
          AppBlockArn: block("packaged"),
          state: "RUNNING",
          packaged: true,
        },
      ],
      fleets: [
        {
          Name: "elastic",
          FleetType: "ELASTIC",
          Platform: "WINDOWS_SERVER_2019",
          InstanceType: "stream.standard.small",
          MaxConcurrentSessions: 2,
          state: "RUNNING",
        },
      ],
    };
    writeFileSync(seed, JSON.stringify({ accounts: { [ACCOUNT_A]: { "us-east-1": { appstream } } } }));
    const server = await startImagelite({ seed, transitionSeconds: 30 });
    try {
      const a = appstreamClient(server, ACCOUNT_A);
      const blocks = (await a.send(new DescribeAppBlocksCommand({}))).AppBlocks!;
      assert.deepEqual(
        blocks.map((b) => [b.Name, b.State]),
        [
          ["packaged", "ACTIVE"],
          ["tools", "ACTIVE"],
        ],
      );
      const associations = await a.send(new DescribeApplicationFleetAssociationsCommand({ FleetName: "elastic" }));
      assert.deepEqual(associations.ApplicationFleetAssociations, [
        { FleetName: "elastic", ApplicationArn: `arn:aws:appstream:us-east-1:${ACCOUNT_A}:application/editor` },
      ]);
      // Neither names a VpcConfig: both are in the default VPC's subnets of two zones, as EC2 lists them.
      const [fleet] = (await a.send(new DescribeFleetsCommand({ Names: ["elastic"] }))).Fleets!;
      assert.equal(fleet.State, "RUNNING");
      const ec2 = ec2Client(server, ACCOUNT_A);
      const defaults = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "default-for-az", Values: ["true"] }] }))).Subnets!;
      const zoneOf = new Map(defaults.map((s) => [s.SubnetId!, s.AvailabilityZone!]));
      assert.equal(new Set(fleet.VpcConfig!.SubnetIds!.map((id) => zoneOf.get(id))).size, 2);
      ec2.destroy();
      assert.equal((await a.send(new DescribeAppBlockBuildersCommand({ Names: ["packager"] }))).AppBlockBuilders![0].State, "RUNNING");
      const paired = await a.send(new DescribeAppBlockBuilderAppBlockAssociationsCommand({ AppBlockBuilderName: "packager" }));
      assert.deepEqual(paired.AppBlockBuilderAppBlockAssociations, [{ AppBlockBuilderName: "packager", AppBlockArn: block("packaged") }]);
      a.destroy();
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a bad seed with the place of the problem", async () => {
    const dir = mkdtempSync(join(tmpdir(), "imagelite-seed-"));
    const cases: [string, RegExp][] = [
      ["accounts: [1, 2]", /accounts/],
      ['accounts: {"12": {}}', /12-digit/],
      ['accounts: {"111111111111": {"us-east-1": {"s3": {}}}}', /unknown service s3/],
      ['accounts: {"111111111111": {"us-east-1": {"appstream": {"stacks": []}}}}', /unknown list stacks/],
      [
        'accounts: {"111111111111": {"us-east-1": {"appstream": {"fleets": [{"Name": "-bad", "InstanceType": "x"}]}}}}',
        /fleets\[0\] \(CreateFleet\): ValidationException: 1 validation error detected/,
      ],
      [
        'accounts: {"111111111111": {"us-east-1": {"appstream": {"images": [{"ImageName": "x", "Builder": "none"}]}}}}',
        /ResourceNotFoundException/,
      ],
      ["accounts: {: bad yaml", /not valid YAML/],
    ];
    try {
      for (const [text, message] of cases) {
        const seed = join(dir, "seed.yaml");
        writeFileSync(seed, text);
        await assert.rejects(startImagelite({ seed }), message, text);
      }
      await assert.rejects(startImagelite({ seed: join(dir, "missing.yaml") }), /cannot read seed file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
