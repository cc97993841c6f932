// EC2 Mac tasks through the SDK: CreateDelegateMacVolumeOwnershipTask and
// CreateMacSystemIntegrityProtectionModificationTask name an instance that imagelite runs, never a Mac (its catalog
// has none), so they answer UnsupportedOperation ("Error codes for the Amazon EC2 API") after the instance id is
// checked; DescribeMacModificationTasks lists no task and checks its ids, filters, MaxResults and NextToken.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateDelegateMacVolumeOwnershipTaskCommand,
  CreateMacSystemIntegrityProtectionModificationTaskCommand,
  DescribeInstanceTypesCommand,
  DescribeMacModificationTasksCommand,
  RunInstancesCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, useServer } from "../support/server";
import { registerAmi } from "./helpers";

let server: Imagelite;
let a: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
});

const CREDENTIALS = JSON.stringify({ internalDiskPassword: "", rootVolumeUsername: "ec2-user", rootVolumepassword: "secret" });

async function instance(): Promise<string> {
  const image = await registerAmi(a, "mac-base");
  server.clock.advance(T + 1);
  const r = await a.send(new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1, InstanceType: "t3.micro" }));
  return r.Instances![0].InstanceId!;
}

const delegate = (InstanceId: string, extra = {}, client = a) =>
  client.send(new CreateDelegateMacVolumeOwnershipTaskCommand({ InstanceId, MacCredentials: CREDENTIALS, ...extra }));
const sip = (InstanceId: string, extra = {}, client = a) =>
  client.send(
    new CreateMacSystemIntegrityProtectionModificationTaskCommand({ InstanceId, MacSystemIntegrityProtectionStatus: "disabled", ...extra }),
  );
const name = async (fn: () => Promise<unknown>) => (await rejection(fn)).name;

test("the catalog has no Mac instance types", async () => {
  const r = await a.send(new DescribeInstanceTypesCommand({ Filters: [{ Name: "instance-type", Values: ["mac*"] }] }));
  assert.deepEqual(r.InstanceTypes, []);
});

test("a Mac task on an instance that is not a Mac is UnsupportedOperation; no task is made", async () => {
  const id = await instance();
  const e = await rejection(() => delegate(id));
  assert.equal(e.name, "UnsupportedOperation");
  assert.match(e.message, /t3\.micro.*not an Amazon EC2 Mac instance/);
  assert.equal(await name(() => sip(id)), "UnsupportedOperation");
  assert.equal(
    await name(() => sip(id, { MacSystemIntegrityProtectionConfiguration: { NvramProtections: "enabled" }, MacCredentials: CREDENTIALS })),
    "UnsupportedOperation",
  );
  assert.deepEqual((await a.send(new DescribeMacModificationTasksCommand({}))).MacModificationTasks, []);

  // A dry run checks the request as the call would, so it too meets the instance that is not a Mac; ids are
  // checked before the instance type; another account's instance is not found.
  assert.equal(await name(() => delegate(id, { DryRun: true })), "UnsupportedOperation");
  assert.equal(await name(() => sip(id, { DryRun: true })), "UnsupportedOperation");
  assert.equal(await name(() => delegate("i-0123456789abcdef0", { DryRun: true })), "InvalidInstanceID.NotFound");
  assert.equal(await name(() => delegate("i-123")), "InvalidInstanceID.Malformed");
  assert.equal(await name(() => sip("instance")), "InvalidInstanceID.Malformed");
  assert.equal(await name(() => delegate("i-0123456789abcdef0")), "InvalidInstanceID.NotFound");
  assert.equal(await name(() => sip("i-0123456789abcdef0")), "InvalidInstanceID.NotFound");
  assert.equal(await name(() => delegate(id, {}, fx.ec2(ACCOUNT_B))), "InvalidInstanceID.NotFound");
  assert.equal(
    await name(() => delegate(id, { TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "k", Value: "v" }] }] })),
    "InvalidParameterValue",
  );
  assert.equal(await name(() => sip(id, { MacSystemIntegrityProtectionStatus: "off" })), "InvalidParameterValue");
});

test("DescribeMacModificationTasks: an empty list, with ids, filters, MaxResults and NextToken checked", async () => {
  const list = (input = {}) => a.send(new DescribeMacModificationTasksCommand(input));
  assert.deepEqual((await list()).MacModificationTasks, []);
  assert.equal((await list()).NextToken, undefined);
  const filters = [
    { Name: "instance-id", Values: ["i-0123456789abcdef0"] },
    { Name: "task-state", Values: ["pending", "in-progress"] },
    { Name: "task-type", Values: ["sip-modification"] },
    { Name: "mac-system-integrity-protection-configuration.sip-status", Values: ["disabled"] },
    { Name: "start-time", Values: ["2026-*"] },
    { Name: "tag:team", Values: ["lab"] },
  ];
  assert.deepEqual((await list({ Filters: filters, MaxResults: 5 })).MacModificationTasks, []);
  assert.deepEqual((await list({ MacModificationTaskIds: ["macmodification-0123456789abcdef0"] })).MacModificationTasks, []);
  assert.equal(await name(() => list({ Filters: [{ Name: "state", Values: ["x"] }] })), "InvalidParameterValue");
  assert.equal(await name(() => list({ Filters: [{ Name: "task-state", Values: [] }] })), "InvalidFilter");
  assert.equal(await name(() => list({ MacModificationTaskIds: ["mac-1"] })), "InvalidParameterValue");
  assert.equal(await name(() => list({ MaxResults: 4 })), "InvalidParameterValue");
  assert.equal(await name(() => list({ MaxResults: 501 })), "InvalidParameterValue");
  assert.equal(await name(() => list({ NextToken: "garbage" })), "InvalidNextToken");
  assert.equal(await name(() => list({ DryRun: true })), "DryRunOperation");
});
