// Security group rules through the AWS SDK: AuthorizeSecurityGroupEgress, RevokeSecurityGroupIngress and
// RevokeSecurityGroupEgress by permissions and by rule ids, DescribeSecurityGroupRules, ModifySecurityGroupRules,
// tags on sgr- rules, referenced groups (API_RevokeSecurityGroupIngress.html, API_DescribeSecurityGroupRules.html,
// API_ModifySecurityGroupRules.html; "Error codes for the Amazon EC2 API", errors-overview.html), and the calls
// Terraform's aws_security_group and aws_vpc_security_group_ingress_rule make.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeTagsCommand,
  ModifySecurityGroupRulesCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import { ACCOUNT_A, rejection, useServer } from "../support/server";

let a: EC2Client;
const fx = useServer();
beforeEach(() => {
  a = fx.ec2(ACCOUNT_A);
});

const createGroup = async (GroupName = "builder") =>
  (await a.send(new CreateSecurityGroupCommand({ GroupName, Description: "image builds" }))).GroupId!;
const groupOf = async (GroupId: string) => (await a.send(new DescribeSecurityGroupsCommand({ GroupIds: [GroupId] }))).SecurityGroups![0];
const rulesOf = async (input = {}) => (await a.send(new DescribeSecurityGroupRulesCommand(input))).SecurityGroupRules!;
const ssh = { IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "10.0.0.0/8" }] };

test("Terraform's aws_security_group: the default egress rule revoked, then the configured one authorized", async () => {
  const GroupId = await createGroup();
  // The provider revokes the rule every new group starts with, naming -1 with ports 0 (ignored for all protocols).
  const revoked = await a.send(
    new RevokeSecurityGroupEgressCommand({
      GroupId,
      IpPermissions: [{ IpProtocol: "-1", FromPort: 0, ToPort: 0, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
    }),
  );
  assert.equal(revoked.Return, true);
  assert.equal(revoked.UnknownIpPermissions, undefined);
  assert.equal(revoked.RevokedSecurityGroupRules!.length, 1);
  assert.equal(revoked.RevokedSecurityGroupRules![0].IsEgress, true);
  assert.equal(revoked.RevokedSecurityGroupRules![0].CidrIpv4, "0.0.0.0/0");
  assert.deepEqual((await groupOf(GroupId)).IpPermissionsEgress, []);
  const again = await rejection(() =>
    a.send(new RevokeSecurityGroupEgressCommand({ GroupId, IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] })),
  );
  assert.equal(again.name, "InvalidPermission.NotFound");

  const added = await a.send(
    new AuthorizeSecurityGroupEgressCommand({
      GroupId,
      IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0", Description: "https" }] }],
    }),
  );
  assert.equal(added.Return, true);
  assert.equal(added.SecurityGroupRules![0].IsEgress, true);
  assert.match(added.SecurityGroupRules![0].SecurityGroupRuleId!, /^sgr-[0-9a-f]{17}$/);
  assert.deepEqual(
    (await groupOf(GroupId)).IpPermissionsEgress!.map((p) => [p.IpProtocol, p.FromPort, p.ToPort, p.IpRanges]),
    [["tcp", 443, 443, [{ CidrIp: "0.0.0.0/0", Description: "https" }]]],
  );
  const dup = await rejection(() =>
    a.send(
      new AuthorizeSecurityGroupEgressCommand({
        GroupId,
        IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
      }),
    ),
  );
  assert.equal(dup.name, "InvalidPermission.Duplicate");
  const missing = await rejection(() =>
    a.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: "sg-0123456789abcdef0", IpPermissions: [ssh] })),
  );
  assert.equal(missing.name, "InvalidGroup.NotFound");
});

test("RevokeSecurityGroupIngress: by permissions, with the ones that match nothing returned as UnknownIpPermissions", async () => {
  const GroupId = await createGroup();
  await a.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId,
      IpPermissions: [ssh, { IpProtocol: "tcp", FromPort: 3389, ToPort: 3389, IpRanges: [{ CidrIp: "10.0.0.0/8" }] }],
    }),
  );
  const unknown = { IpProtocol: "udp", FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: "10.0.0.0/8" }] };
  const r = await a.send(new RevokeSecurityGroupIngressCommand({ GroupId, IpPermissions: [ssh, unknown] }));
  assert.equal(r.Return, true);
  assert.deepEqual(
    r.RevokedSecurityGroupRules!.map((x) => [x.IpProtocol, x.FromPort, x.ToPort, x.CidrIpv4, x.IsEgress]),
    [["tcp", 22, 22, "10.0.0.0/8", false]],
  );
  assert.deepEqual(
    r.UnknownIpPermissions!.map((p) => [p.IpProtocol, p.FromPort, p.ToPort]),
    [["udp", 53, 53]],
  );
  assert.deepEqual(
    (await groupOf(GroupId)).IpPermissions!.map((p) => p.FromPort),
    [3389],
  );
  // The flat members, by group name in the default VPC.
  await a.send(
    new RevokeSecurityGroupIngressCommand({ GroupName: "builder", IpProtocol: "tcp", FromPort: 3389, ToPort: 3389, CidrIp: "10.0.0.0/8" }),
  );
  assert.deepEqual((await groupOf(GroupId)).IpPermissions, []);
  const none = await rejection(() => a.send(new RevokeSecurityGroupIngressCommand({ GroupId, IpPermissions: [ssh] })));
  assert.equal(none.name, "InvalidPermission.NotFound");
  assert.equal(none.message, "The specified rule does not exist in this security group.");
  assert.equal((await rejection(() => a.send(new RevokeSecurityGroupIngressCommand({ GroupId })))).name, "MissingParameter");
});

test("Rules by id: DescribeSecurityGroupRules, ModifySecurityGroupRules, revoke by SecurityGroupRuleIds, tags on sgr- ids", async () => {
  const GroupId = await createGroup();
  const { SecurityGroupRules } = await a.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId,
      IpPermissions: [{ IpProtocol: "tcp", FromPort: 3389, ToPort: 3389, IpRanges: [{ CidrIp: "10.0.0.0/8", Description: "RDP" }] }],
      TagSpecifications: [{ ResourceType: "security-group-rule", Tags: [{ Key: "Name", Value: "rdp" }] }],
    }),
  );
  const id = SecurityGroupRules![0].SecurityGroupRuleId!;
  assert.deepEqual(SecurityGroupRules![0].Tags, [{ Key: "Name", Value: "rdp" }]);
  assert.equal(SecurityGroupRules![0].SecurityGroupRuleArn, `arn:aws:ec2:us-east-1:${ACCOUNT_A}:security-group-rule/${id}`);

  const [read] = await rulesOf({ SecurityGroupRuleIds: [id] });
  assert.deepEqual(
    [read.GroupId, read.GroupOwnerId, read.IsEgress, read.IpProtocol, read.FromPort, read.ToPort, read.CidrIpv4, read.Description],
    [GroupId, ACCOUNT_A, false, "tcp", 3389, 3389, "10.0.0.0/8", "RDP"],
  );
  const inGroup = await rulesOf({ Filters: [{ Name: "group-id", Values: [GroupId] }] });
  assert.deepEqual(inGroup.map((r) => [r.IsEgress, r.IpProtocol]).sort(), [
    [false, "tcp"],
    [true, "-1"],
  ]);
  assert.deepEqual(
    (await rulesOf({ Filters: [{ Name: "tag:Name", Values: ["rdp"] }] })).map((r) => r.SecurityGroupRuleId),
    [id],
  );
  assert.deepEqual(
    (await rulesOf({ Filters: [{ Name: "security-group-rule-id", Values: [id] }] })).map((r) => r.SecurityGroupRuleId),
    [id],
  );
  // Every rule of the account: the default group's two and this group's two, a page at a time.
  const first = await a.send(new DescribeSecurityGroupRulesCommand({ MaxResults: 5 }));
  assert.equal(first.SecurityGroupRules!.length, 4);
  assert.equal(first.NextToken, undefined);
  const page = await a.send(new DescribeSecurityGroupRulesCommand({ MaxResults: 5, Filters: [{ Name: "group-id", Values: ["sg-*"] }] }));
  assert.equal(page.SecurityGroupRules!.length, 4);

  await a.send(
    new ModifySecurityGroupRulesCommand({
      GroupId,
      SecurityGroupRules: [
        {
          SecurityGroupRuleId: id,
          SecurityGroupRule: { IpProtocol: "tcp", FromPort: 3390, ToPort: 3390, CidrIpv4: "10.1.0.0/16", Description: "RDP2" },
        },
      ],
    }),
  );
  const [modified] = await rulesOf({ SecurityGroupRuleIds: [id] });
  assert.deepEqual([modified.FromPort, modified.CidrIpv4, modified.Description], [3390, "10.1.0.0/16", "RDP2"]);
  assert.deepEqual(modified.Tags, [{ Key: "Name", Value: "rdp" }]);

  await a.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "team", Value: "images" }] }));
  const { Tags } = await a.send(new DescribeTagsCommand({ Filters: [{ Name: "resource-id", Values: [id] }] }));
  assert.deepEqual(Tags!.map((t) => [t.ResourceType, t.Key]).sort(), [
    ["security-group-rule", "Name"],
    ["security-group-rule", "team"],
  ]);

  // An ingress rule id is no egress rule.
  const wrongWay = await rejection(() => a.send(new RevokeSecurityGroupEgressCommand({ GroupId, SecurityGroupRuleIds: [id] })));
  assert.equal(wrongWay.name, "InvalidSecurityGroupRuleId.NotFound");
  const revoked = await a.send(new RevokeSecurityGroupIngressCommand({ GroupId, SecurityGroupRuleIds: [id] }));
  assert.equal(revoked.RevokedSecurityGroupRules![0].SecurityGroupRuleId, id);
  const gone = await rejection(() => rulesOf({ SecurityGroupRuleIds: [id] }));
  assert.equal(gone.name, "InvalidSecurityGroupRuleId.NotFound");
  assert.equal(gone.message, `The security group rule ID '${id}' does not exist`);
  assert.equal((await rejection(() => rulesOf({ SecurityGroupRuleIds: ["rule-1"] }))).name, "InvalidSecurityGroupRuleId.Malformed");
  assert.equal(
    (await rejection(() => a.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "k", Value: "v" }] })))).name,
    "InvalidSecurityGroupRuleId.NotFound",
  );
  const modifyGone = await rejection(() =>
    a.send(
      new ModifySecurityGroupRulesCommand({
        GroupId,
        SecurityGroupRules: [
          { SecurityGroupRuleId: id, SecurityGroupRule: { IpProtocol: "tcp", FromPort: 1, ToPort: 1, CidrIpv4: "10.0.0.0/8" } },
        ],
      }),
    ),
  );
  assert.equal(modifyGone.name, "InvalidSecurityGroupRuleId.NotFound");
});

test("ModifySecurityGroupRules: one source per rule, no duplicate of another rule", async () => {
  const GroupId = await createGroup();
  const { SecurityGroupRules } = await a.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId,
      IpPermissions: [ssh, { IpProtocol: "tcp", FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: "10.0.0.0/8" }] }],
    }),
  );
  const [first] = SecurityGroupRules!;
  const twoSources = await rejection(() =>
    a.send(
      new ModifySecurityGroupRulesCommand({
        GroupId,
        SecurityGroupRules: [
          {
            SecurityGroupRuleId: first.SecurityGroupRuleId,
            SecurityGroupRule: { IpProtocol: "tcp", FromPort: 22, ToPort: 22, CidrIpv4: "10.0.0.0/8", CidrIpv6: "::/0" },
          },
        ],
      }),
    ),
  );
  assert.equal(twoSources.name, "InvalidParameterCombination");
  const dup = await rejection(() =>
    a.send(
      new ModifySecurityGroupRulesCommand({
        GroupId,
        SecurityGroupRules: [
          {
            SecurityGroupRuleId: first.SecurityGroupRuleId,
            SecurityGroupRule: { IpProtocol: "tcp", FromPort: 80, ToPort: 80, CidrIpv4: "10.0.0.0/8" },
          },
        ],
      }),
    ),
  );
  assert.equal(dup.name, "InvalidPermission.Duplicate");
  const other = await createGroup("other");
  const elsewhere = await rejection(() =>
    a.send(
      new ModifySecurityGroupRulesCommand({
        GroupId: other,
        SecurityGroupRules: [
          {
            SecurityGroupRuleId: first.SecurityGroupRuleId,
            SecurityGroupRule: { IpProtocol: "tcp", FromPort: 1, ToPort: 1, CidrIpv4: "10.0.0.0/8" },
          },
        ],
      }),
    ),
  );
  assert.equal(elsewhere.name, "InvalidSecurityGroupRuleId.NotFound");
});

test("Referenced groups: a rule naming another group, shown as a pair and as ReferencedGroupInfo; the group it names stays while it does", async () => {
  const web = await createGroup("web");
  const db = await createGroup("db");
  const { SecurityGroupRules } = await a.send(
    new AuthorizeSecurityGroupEgressCommand({
      GroupId: web,
      IpPermissions: [{ IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: db, Description: "to db" }] }],
    }),
  );
  assert.deepEqual(SecurityGroupRules![0].ReferencedGroupInfo, { GroupId: db, UserId: ACCOUNT_A });
  const pairs = (await groupOf(web)).IpPermissionsEgress!.find((p) => p.FromPort === 5432)!.UserIdGroupPairs;
  assert.deepEqual(pairs, [{ GroupId: db, UserId: ACCOUNT_A, Description: "to db" }]);
  const { SecurityGroups } = await a.send(
    new DescribeSecurityGroupsCommand({ Filters: [{ Name: "egress.ip-permission.group-name", Values: ["db"] }] }),
  );
  assert.deepEqual(
    SecurityGroups!.map((g) => g.GroupId),
    [web],
  );
  const held = await rejection(() => a.send(new DeleteSecurityGroupCommand({ GroupId: db })));
  assert.equal(held.name, "DependencyViolation");
  await a.send(new RevokeSecurityGroupEgressCommand({ GroupId: web, SecurityGroupRuleIds: [SecurityGroupRules![0].SecurityGroupRuleId!] }));
  assert.equal((await a.send(new DeleteSecurityGroupCommand({ GroupId: db }))).Return, true);
  // A deleted group's rules are gone with it.
  const webRules = await rulesOf({ Filters: [{ Name: "group-id", Values: [web] }] });
  await a.send(new DeleteSecurityGroupCommand({ GroupId: web }));
  for (const r of webRules) {
    assert.equal(
      (await rejection(() => rulesOf({ SecurityGroupRuleIds: [r.SecurityGroupRuleId!] }))).name,
      "InvalidSecurityGroupRuleId.NotFound",
    );
  }
});

test("A state exported before rules had index records: imported, its rules are found by id", async () => {
  const GroupId = await createGroup();
  const { SecurityGroupRules } = await a.send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: [ssh] }));
  const doc = fx.server.exportState();
  const older = { ...doc, records: doc.records.filter((r) => r.type !== "ec2.security-group-rule") };
  assert.ok(older.records.length < doc.records.length);
  fx.server.importState(older);
  const [rule] = await rulesOf({ SecurityGroupRuleIds: [SecurityGroupRules![0].SecurityGroupRuleId!] });
  assert.equal(rule.GroupId, GroupId);
  assert.equal((await rulesOf({ Filters: [{ Name: "group-id", Values: [GroupId] }] })).length, 2);
});
