// Network ACLs through the AWS SDK ("Control subnet traffic with network access control lists",
// vpc-network-acls.html; the API reference pages of DescribeNetworkAcls, CreateNetworkAcl, DeleteNetworkAcl,
// CreateNetworkAclEntry, ReplaceNetworkAclEntry, DeleteNetworkAclEntry and ReplaceNetworkAclAssociation).
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  DeleteNetworkAclCommand,
  DeleteNetworkAclEntryCommand,
  DescribeNetworkAclsCommand,
  ReplaceNetworkAclAssociationCommand,
  ReplaceNetworkAclEntryCommand,
  type EC2Client,
  type Filter,
  type NetworkAcl,
} from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, useServer } from "../support/server";
import { addVpc, defaultSubnets, defaultVpcId } from "./vpc-fixtures";

let server: Imagelite;
let a: EC2Client;
let b: EC2Client;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  a = fx.ec2(ACCOUNT_A);
  b = fx.ec2(ACCOUNT_B);
});

type Query = { NetworkAclIds?: string[]; Filters?: Filter[]; MaxResults?: number; NextToken?: string };
const acls = async (input: Query = {}, c = a) => (await c.send(new DescribeNetworkAclsCommand(input))).NetworkAcls!;
const acl = async (id: string) => (await acls({ NetworkAclIds: [id] }))[0];
const ids = (list: NetworkAcl[]) => list.map((x) => x.NetworkAclId!).sort();

const everything = { CidrBlock: "0.0.0.0/0", Protocol: "-1" };

test("each VPC's default ACL allows all traffic and takes every subnet", async () => {
  const vpc = await defaultVpcId(a);
  const subnets = await defaultSubnets(a);
  const [only, ...rest] = await acls();
  assert.deepEqual(rest, []);
  assert.match(only.NetworkAclId!, /^acl-[0-9a-f]{17}$/);
  assert.equal(only.VpcId, vpc);
  assert.equal(only.IsDefault, true);
  assert.equal(only.OwnerId, ACCOUNT_A);
  assert.deepEqual(only.Entries, [
    { ...everything, Egress: false, RuleAction: "allow", RuleNumber: 100 },
    { ...everything, Egress: false, RuleAction: "deny", RuleNumber: 32767 },
    { ...everything, Egress: true, RuleAction: "allow", RuleNumber: 100 },
    { ...everything, Egress: true, RuleAction: "deny", RuleNumber: 32767 },
  ]);
  assert.deepEqual(only.Associations!.map((x) => x.SubnetId).sort(), [...subnets].sort());
  for (const x of only.Associations!) {
    assert.match(x.NetworkAclAssociationId!, /^aclassoc-[0-9a-f]{17}$/);
    assert.equal(x.NetworkAclId, only.NetworkAclId);
  }
  assert.deepEqual(await acls(), [only], "the same ids on every read");
  assert.notEqual((await acls({}, b))[0].NetworkAclId, only.NetworkAclId);
  const { vpcId } = addVpc(server, "10.4.0.0/16");
  const both = await acls({ Filters: [{ Name: "default", Values: ["true"] }] });
  assert.deepEqual(both.map((x) => x.VpcId).sort(), [vpc, vpcId].sort());
});

test("a new ACL denies everything; entries are created, replaced and deleted", async () => {
  const vpc = await defaultVpcId(a);
  const made = (
    await a.send(
      new CreateNetworkAclCommand({
        VpcId: vpc,
        TagSpecifications: [{ ResourceType: "network-acl", Tags: [{ Key: "Name", Value: "dmz" }] }],
      }),
    )
  ).NetworkAcl!;
  assert.equal(made.IsDefault, false);
  assert.deepEqual(made.Tags, [{ Key: "Name", Value: "dmz" }]);
  assert.deepEqual(made.Associations, []);
  assert.deepEqual(made.Entries, [
    { ...everything, Egress: false, RuleAction: "deny", RuleNumber: 32767 },
    { ...everything, Egress: true, RuleAction: "deny", RuleNumber: 32767 },
  ]);
  const id = made.NetworkAclId!;
  const ssh = { NetworkAclId: id, RuleNumber: 110, Egress: false, Protocol: "6", RuleAction: "allow" as const, CidrBlock: "10.0.0.0/8" };
  await a.send(new CreateNetworkAclEntryCommand({ ...ssh, PortRange: { From: 22, To: 22 } }));
  await a.send(new CreateNetworkAclEntryCommand({ ...ssh, Egress: true, Protocol: "tcp", PortRange: { From: 1024, To: 65535 } }));
  const entries = (await acl(id)).Entries!;
  assert.deepEqual(entries[0], {
    CidrBlock: "10.0.0.0/8",
    Egress: false,
    Protocol: "6",
    RuleAction: "allow",
    RuleNumber: 110,
    PortRange: { From: 22, To: 22 },
  });
  assert.equal(entries[2].Protocol, "6", "protocol names become numbers");

  const dup = await rejection(() => a.send(new CreateNetworkAclEntryCommand({ ...ssh, PortRange: { From: 22, To: 22 } })));
  assert.equal(dup.name, "NetworkAclEntryAlreadyExists");
  const noPorts = await rejection(() => a.send(new CreateNetworkAclEntryCommand({ ...ssh, RuleNumber: 120 })));
  assert.equal(noPorts.name, "MissingParameter");
  const badRule = await rejection(() => a.send(new CreateNetworkAclEntryCommand({ ...ssh, RuleNumber: 32767, Protocol: "-1" })));
  assert.equal(badRule.name, "InvalidParameterValue");
  const badCidr = await rejection(() =>
    a.send(new CreateNetworkAclEntryCommand({ ...ssh, RuleNumber: 120, Protocol: "-1", CidrBlock: "nope" })),
  );
  assert.equal(badCidr.name, "InvalidParameterValue");
  const badProtocol = await rejection(() => a.send(new CreateNetworkAclEntryCommand({ ...ssh, RuleNumber: 120, Protocol: "gre" })));
  assert.equal(badProtocol.name, "InvalidParameterValue");

  await a.send(new ReplaceNetworkAclEntryCommand({ ...ssh, RuleAction: "deny", Protocol: "-1" }));
  assert.deepEqual((await acl(id)).Entries![0], {
    CidrBlock: "10.0.0.0/8",
    Egress: false,
    Protocol: "-1",
    RuleAction: "deny",
    RuleNumber: 110,
  });
  const replaceMissing = await rejection(() => a.send(new ReplaceNetworkAclEntryCommand({ ...ssh, RuleNumber: 111, Protocol: "-1" })));
  assert.equal(replaceMissing.name, "InvalidNetworkAclEntry.NotFound");

  assert.deepEqual(ids(await acls({ Filters: [{ Name: "entry.rule-number", Values: ["110"] }] })), [id]);
  assert.deepEqual(ids(await acls({ Filters: [{ Name: "entry.port-range.from", Values: ["1024"] }] })), [id]);
  assert.deepEqual(ids(await acls({ Filters: [{ Name: "tag:Name", Values: ["dmz"] }] })), [id]);

  await a.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 110, Egress: false }));
  const deleteMissing = await rejection(() =>
    a.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 110, Egress: false })),
  );
  assert.equal(deleteMissing.name, "InvalidNetworkAclEntry.NotFound");
  const deleteLast = await rejection(() =>
    a.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 32767, Egress: false })),
  );
  assert.equal(deleteLast.name, "InvalidParameterValue");
  assert.equal((await acl(id)).Entries!.length, 3);

  await a.send(new DeleteNetworkAclCommand({ NetworkAclId: id }));
  const gone = await rejection(() => acl(id));
  assert.equal(gone.name, "InvalidNetworkAclID.NotFound");
});

test("a subnet moves between ACLs by ReplaceNetworkAclAssociation; ACLs in use and the default one stay", async () => {
  const vpc = await defaultVpcId(a);
  const [s1] = await defaultSubnets(a);
  const [dflt] = await acls();
  const implicit = dflt.Associations!.find((x) => x.SubnetId === s1)!.NetworkAclAssociationId!;
  const custom = (await a.send(new CreateNetworkAclCommand({ VpcId: vpc }))).NetworkAcl!.NetworkAclId!;

  const { NewAssociationId } = await a.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: implicit, NetworkAclId: custom }));
  assert.match(NewAssociationId!, /^aclassoc-/);
  assert.notEqual(NewAssociationId, implicit);
  assert.deepEqual((await acl(custom)).Associations, [{ NetworkAclAssociationId: NewAssociationId, NetworkAclId: custom, SubnetId: s1 }]);
  assert.ok(!(await acl(dflt.NetworkAclId!)).Associations!.some((x) => x.SubnetId === s1));
  assert.deepEqual(ids(await acls({ Filters: [{ Name: "association.subnet-id", Values: [s1] }] })), [custom]);

  const inUse = await rejection(() => a.send(new DeleteNetworkAclCommand({ NetworkAclId: custom })));
  assert.equal(inUse.name, "DependencyViolation");
  const isDefault = await rejection(() => a.send(new DeleteNetworkAclCommand({ NetworkAclId: dflt.NetworkAclId! })));
  assert.equal(isDefault.name, "InvalidParameterValue");
  const stale = await rejection(() => a.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: implicit, NetworkAclId: custom })));
  assert.equal(stale.name, "InvalidAssociationID.NotFound");
  const { vpcId } = addVpc(server, "10.4.0.0/16");
  const otherAcl = (await a.send(new CreateNetworkAclCommand({ VpcId: vpcId }))).NetworkAcl!.NetworkAclId!;
  const across = await rejection(() =>
    a.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: NewAssociationId!, NetworkAclId: otherAcl })),
  );
  assert.equal(across.name, "InvalidParameterValue");

  const back = await a.send(
    new ReplaceNetworkAclAssociationCommand({ AssociationId: NewAssociationId!, NetworkAclId: dflt.NetworkAclId! }),
  );
  assert.equal(
    (await acl(dflt.NetworkAclId!)).Associations!.find((x) => x.SubnetId === s1)!.NetworkAclAssociationId,
    back.NewAssociationId,
  );
  await a.send(new DeleteNetworkAclCommand({ NetworkAclId: custom }));
});

test("ids, filters, pages, DryRun", async () => {
  const vpc = await defaultVpcId(a);
  const malformed = await rejection(() => acls({ NetworkAclIds: ["acl"] }));
  assert.equal(malformed.name, "InvalidNetworkAclId.Malformed");
  const missing = await rejection(() => acls({ NetworkAclIds: ["acl-0123456789abcdef0"] }));
  assert.equal(missing.name, "InvalidNetworkAclID.NotFound");
  for (let i = 0; i < 6; i++) await a.send(new CreateNetworkAclCommand({ VpcId: vpc }));
  const all = ids(await acls());
  assert.equal(all.length, 7);
  assert.equal(
    (
      await acls({
        Filters: [
          { Name: "vpc-id", Values: [vpc] },
          { Name: "default", Values: ["false"] },
        ],
      })
    ).length,
    6,
  );
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const page = await a.send(new DescribeNetworkAclsCommand({ MaxResults: 5, NextToken: token }));
    seen.push(...page.NetworkAcls!.map((x) => x.NetworkAclId!));
    token = page.NextToken;
  } while (token);
  assert.deepEqual(seen.sort(), all);
  const dry = await rejection(() => a.send(new CreateNetworkAclCommand({ VpcId: vpc, DryRun: true })));
  assert.equal(dry.name, "DryRunOperation");
  assert.equal((await acls()).length, 7);
});

test("CreateNetworkAcl with a ClientToken makes one ACL", async () => {
  const vpc = await defaultVpcId(a);
  const first = (await a.send(new CreateNetworkAclCommand({ VpcId: vpc, ClientToken: "acl-1" }))).NetworkAcl!;
  const again = await a.send(new CreateNetworkAclCommand({ VpcId: vpc, ClientToken: "acl-1" }));
  assert.equal(again.NetworkAcl!.NetworkAclId, first.NetworkAclId);
  assert.equal((await acls()).length, 2);
});
