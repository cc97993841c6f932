// An AMI usage report over what a Packer build made (packer-build.ts): the AMI is shared with three accounts,
// two of them launch instances from it and the third names it in a launch template; the owner's report
// (CreateImageUsageReport, the ImageUsageReportAvailable waiter on the clock, DescribeImageUsageReports,
// DescribeImageUsageReportEntries) lists exactly those uses (user guide "View your AMI usage").
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateImageUsageReportCommand,
  CreateLaunchTemplateCommand,
  DescribeImageUsageReportEntriesCommand,
  DescribeImageUsageReportsCommand,
  ModifyImageAttributeCommand,
  RunInstancesCommand,
  waitUntilImageUsageReportAvailable,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, useServer } from "../support/server";
import { BUILD_REGION, COPY_REGION, packerBuild } from "./packer-build";
import { waitOnClock } from "./replay";

const ACCOUNT_C = "333333333333";
const ACCOUNT_D = "444444444444";

let server: Imagelite;
let a1: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a1 = fx.ec2(ACCOUNT_A, BUILD_REGION);
});

test("usage report over a Packer-built AMI shared with three accounts: instances in two, a launch template in one", async () => {
  const build = await packerBuild(server, a1, fx.ec2(ACCOUNT_A, COPY_REGION), ACCOUNT_B);
  const ami = build.amis[BUILD_REGION];
  await a1.send(
    new ModifyImageAttributeCommand({ ImageId: ami, LaunchPermission: { Add: [{ UserId: ACCOUNT_C }, { UserId: ACCOUNT_D }] } }),
  );
  const b = fx.ec2(ACCOUNT_B);
  const c = fx.ec2(ACCOUNT_C);
  const d = fx.ec2(ACCOUNT_D);
  await b.send(new RunInstancesCommand({ ImageId: ami, MinCount: 2, MaxCount: 2, InstanceType: "t3.micro" }));
  await c.send(new RunInstancesCommand({ ImageId: ami, MinCount: 1, MaxCount: 1, InstanceType: "t3.micro" }));
  await d.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: "uses-packer-ami",
      LaunchTemplateData: { ImageId: ami, InstanceType: "t3.micro" },
    }),
  );

  const { ReportId } = await a1.send(
    new CreateImageUsageReportCommand({
      ImageId: ami,
      ResourceTypes: [{ ResourceType: "ec2:Instance" }, { ResourceType: "ec2:LaunchTemplate" }],
    }),
  );
  await waitOnClock(server, a1, waitUntilImageUsageReportAvailable, { ReportIds: [ReportId!] }, 15, 600);
  const [report] = (await a1.send(new DescribeImageUsageReportsCommand({ ImageIds: [ami] }))).ImageUsageReports!;
  assert.equal(report.ReportId, ReportId);
  assert.equal(report.State, "available");
  assert.equal(report.ImageId, ami);

  const { ImageUsageReportEntries } = await a1.send(new DescribeImageUsageReportEntriesCommand({ ReportIds: [ReportId!] }));
  const got = ImageUsageReportEntries!.map((e) => [e.ResourceType, e.AccountId, e.UsageCount, e.ImageId, e.ReportId]);
  const want = [
    ["ec2:Instance", ACCOUNT_B, 2, ami, ReportId],
    ["ec2:Instance", ACCOUNT_C, 1, ami, ReportId],
    ["ec2:LaunchTemplate", ACCOUNT_D, 1, ami, ReportId],
  ];
  const key = (e: unknown[]) => `${e[0]} ${e[1]}`;
  assert.deepEqual(
    got.sort((x, y) => (key(x) < key(y) ? -1 : 1)),
    want,
  );
  // The build's own instance was terminated: the owner's account uses nothing.
  assert.ok(!got.some((e) => e[1] === ACCOUNT_A));
});
