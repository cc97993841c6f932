// Internet gateways through the AWS SDK ("Internet gateways", VPC_Internet_Gateway.html; the API reference pages
// of CreateInternetGateway, AttachInternetGateway, DetachInternetGateway, DeleteInternetGateway and
// DescribeInternetGateways): the default VPC's own gateway, attachment rules, deletion, filters, tags, DryRun.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateTagsCommand,
  DeleteInternetGatewayCommand,
  DescribeInternetGatewaysCommand,
  DetachInternetGatewayCommand,
  DisassociateAddressCommand,
  type EC2Client,
  type Filter,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, useServer } from "../support/server";
import { addVpc, defaultVpcId, runningInstance } from "./vpc-fixtures";

let server: Imagelite;
let a: EC2Client;
let b: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

type Query = { InternetGatewayIds?: string[]; Filters?: Filter[]; MaxResults?: number; NextToken?: string };
const gateways = async (input: Query = {}, c = a) => c.send(new DescribeInternetGatewaysCommand(input));
const create = async (tags?: Record<string, string>, c = a) =>
  (
    await c.send(
      new CreateInternetGatewayCommand({
        TagSpecifications: tags
          ? [{ ResourceType: "internet-gateway", Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }]
          : undefined,
      }),
    )
  ).InternetGateway!;

test("the default VPC has an internet gateway attached, made once and kept", async () => {
  const vpc = await defaultVpcId(a);
  const first = (await gateways()).InternetGateways!;
  assert.equal(first.length, 1);
  assert.match(first[0].InternetGatewayId!, /^igw-[0-9a-f]{17}$/);
  assert.equal(first[0].OwnerId, ACCOUNT_A);
  assert.deepEqual(first[0].Attachments, [{ State: "available", VpcId: vpc }]);
  assert.deepEqual((await gateways()).InternetGateways, first, "the same gateway on every read");
  const other = (await gateways({}, b)).InternetGateways!;
  assert.equal(other.length, 1);
  assert.notEqual(other[0].InternetGatewayId, first[0].InternetGatewayId, "each account has its own");
});

test("CreateInternetGateway makes a detached gateway with its tags", async () => {
  const gw = await create({ Name: "build" });
  assert.match(gw.InternetGatewayId!, /^igw-/);
  assert.deepEqual(gw.Attachments, []);
  assert.deepEqual(gw.Tags, [{ Key: "Name", Value: "build" }]);
  const [seen] = (await gateways({ InternetGatewayIds: [gw.InternetGatewayId!] })).InternetGateways!;
  assert.deepEqual(seen, { ...gw, OwnerId: ACCOUNT_A });
  const bad = await rejection(() =>
    a.send(new CreateInternetGatewayCommand({ TagSpecifications: [{ ResourceType: "vpc", Tags: [{ Key: "a", Value: "b" }] }] })),
  );
  assert.equal(bad.name, "InvalidParameterValue");
});

test("attach, detach and delete, with EC2's errors", async () => {
  const { vpcId } = addVpc(server, "10.1.0.0/16");
  const gw = await create();
  const id = gw.InternetGatewayId!;
  await a.send(new AttachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId }));
  assert.deepEqual((await gateways({ InternetGatewayIds: [id] })).InternetGateways![0].Attachments, [{ State: "available", VpcId: vpcId }]);

  const again = await rejection(() => a.send(new AttachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId })));
  assert.equal(again.name, "Resource.AlreadyAssociated");
  const second = await create();
  const taken = await rejection(() =>
    a.send(new AttachInternetGatewayCommand({ InternetGatewayId: second.InternetGatewayId!, VpcId: vpcId })),
  );
  assert.equal(taken.name, "Resource.AlreadyAssociated");
  assert.match(taken.message, /already has an internet gateway attached/);

  const attached = await rejection(() => a.send(new DeleteInternetGatewayCommand({ InternetGatewayId: id })));
  assert.equal(attached.name, "DependencyViolation");

  const defaultVpc = await defaultVpcId(a);
  const wrongVpc = await rejection(() => a.send(new DetachInternetGatewayCommand({ InternetGatewayId: id, VpcId: defaultVpc })));
  assert.equal(wrongVpc.name, "Gateway.NotAttached");
  await a.send(new DetachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId }));
  assert.deepEqual((await gateways({ InternetGatewayIds: [id] })).InternetGateways![0].Attachments, []);
  const detached = await rejection(() => a.send(new DetachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId })));
  assert.equal(detached.name, "Gateway.NotAttached");

  await a.send(new DeleteInternetGatewayCommand({ InternetGatewayId: id }));
  const gone = await rejection(() => gateways({ InternetGatewayIds: [id] }));
  assert.equal(gone.name, "InvalidInternetGatewayID.NotFound");
  const deleted = await rejection(() => a.send(new DeleteInternetGatewayCommand({ InternetGatewayId: id })));
  assert.equal(deleted.name, "InvalidInternetGatewayID.NotFound");
});

test("unknown and malformed ids, another account's gateway, an unknown VPC", async () => {
  const mine = await create();
  const malformed = await rejection(() => gateways({ InternetGatewayIds: ["nope"] }));
  assert.equal(malformed.name, "InvalidInternetGatewayId.Malformed");
  const missing = await rejection(() => gateways({ InternetGatewayIds: ["igw-0123456789abcdef0"] }));
  assert.equal(missing.name, "InvalidInternetGatewayID.NotFound");
  const foreign = await rejection(() => gateways({ InternetGatewayIds: [mine.InternetGatewayId!] }, b));
  assert.equal(foreign.name, "InvalidInternetGatewayID.NotFound");
  const noVpc = await rejection(() =>
    a.send(new AttachInternetGatewayCommand({ InternetGatewayId: mine.InternetGatewayId!, VpcId: "vpc-0123456789abcdef0" })),
  );
  assert.equal(noVpc.name, "InvalidVpcID.NotFound");
});

test("a gateway does not detach while an Elastic IP is mapped in its VPC", async () => {
  const vpc = await defaultVpcId(a);
  const [gw] = (await gateways()).InternetGateways!;
  const instance = await runningInstance(server, a);
  const { AllocationId } = await a.send(new AllocateAddressCommand({ Domain: "vpc" }));
  const { AssociationId } = await a.send(new AssociateAddressCommand({ AllocationId, InstanceId: instance }));
  const mapped = await rejection(() => a.send(new DetachInternetGatewayCommand({ InternetGatewayId: gw.InternetGatewayId!, VpcId: vpc })));
  assert.equal(mapped.name, "DependencyViolation");
  await a.send(new DisassociateAddressCommand({ AssociationId }));
  await a.send(new DetachInternetGatewayCommand({ InternetGatewayId: gw.InternetGatewayId!, VpcId: vpc }));
  assert.deepEqual((await gateways()).InternetGateways![0].Attachments, []);
});

test("filters: attachment.vpc-id, attachment.state, internet-gateway-id, owner-id, tags; pages", async () => {
  const vpc = await defaultVpcId(a);
  const [own] = (await gateways()).InternetGateways!;
  const tagged = await create({ team: "images" });
  const plain = await create();
  const ids = (r: Awaited<ReturnType<typeof gateways>>) => r.InternetGateways!.map((g) => g.InternetGatewayId).sort();

  assert.deepEqual(ids(await gateways({ Filters: [{ Name: "attachment.vpc-id", Values: [vpc] }] })), [own.InternetGatewayId]);
  assert.deepEqual(ids(await gateways({ Filters: [{ Name: "attachment.state", Values: ["available"] }] })), [own.InternetGatewayId]);
  assert.deepEqual(ids(await gateways({ Filters: [{ Name: "tag:team", Values: ["ima*"] }] })), [tagged.InternetGatewayId]);
  assert.deepEqual(ids(await gateways({ Filters: [{ Name: "tag-key", Values: ["team"] }] })), [tagged.InternetGatewayId]);
  assert.deepEqual(ids(await gateways({ Filters: [{ Name: "internet-gateway-id", Values: [plain.InternetGatewayId!] }] })), [
    plain.InternetGatewayId,
  ]);
  assert.equal((await gateways({ Filters: [{ Name: "owner-id", Values: [ACCOUNT_B] }] })).InternetGateways!.length, 0);
  const bad = await rejection(() => gateways({ Filters: [{ Name: "nope", Values: ["x"] }] }));
  assert.equal(bad.name, "InvalidParameterValue");

  await a.send(new CreateTagsCommand({ Resources: [plain.InternetGatewayId!], Tags: [{ Key: "team", Value: "net" }] }));
  assert.equal((await gateways({ Filters: [{ Name: "tag:team", Values: ["*"] }] })).InternetGateways!.length, 2);

  for (let i = 0; i < 4; i++) await create();
  const all = ids(await gateways());
  assert.equal(all.length, 7);
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const page = await gateways({ MaxResults: 5, NextToken: token });
    seen.push(...page.InternetGateways!.map((g) => g.InternetGatewayId!));
    token = page.NextToken;
  } while (token);
  assert.deepEqual(seen.sort(), all);
  const small = await rejection(() => gateways({ MaxResults: 4 }));
  assert.equal(small.name, "InvalidParameterValue");
});

test("DryRun answers DryRunOperation and changes nothing", async () => {
  const dry = await rejection(() => a.send(new CreateInternetGatewayCommand({ DryRun: true })));
  assert.equal(dry.name, "DryRunOperation");
  assert.equal((await gateways()).InternetGateways!.length, 1, "only the default VPC's");
  const gw = await create();
  const dryDelete = await rejection(() =>
    a.send(new DeleteInternetGatewayCommand({ InternetGatewayId: gw.InternetGatewayId!, DryRun: true })),
  );
  assert.equal(dryDelete.name, "DryRunOperation");
  assert.equal((await gateways()).InternetGateways!.length, 2);
});
