// Recycle Bin retention rules through the AWS SDK for JavaScript (REST-JSON): CreateRule, GetRule, UpdateRule,
// DeleteRule and ListRules with AWS's limits, LockRule and UnlockRule with the unlock delay on the clock
// (locked → pending_unlock → unlocked), tags on rules, and the errors each answers with its status and Reason.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateRuleCommand,
  DeleteRuleCommand,
  GetRuleCommand,
  ListRulesCommand,
  ListTagsForResourceCommand,
  LockRuleCommand,
  TagResourceCommand,
  UnlockRuleCommand,
  UntagResourceCommand,
  UpdateRuleCommand,
  type CreateRuleCommandInput,
  type RbinClient,
  type ResourceType,
} from "@aws-sdk/client-rbin";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, ACCOUNT_B, rejection, T, useServer } from "../support/server";

const DAY = 86400;
const days = (n: number) => ({ RetentionPeriodValue: n, RetentionPeriodUnit: "DAYS" as const });
const LOCK = { UnlockDelay: { UnlockDelayValue: 7, UnlockDelayUnit: "DAYS" as const } };

let server: Imagelite;
let rbin: RbinClient;

const fx = useServer();
beforeEach(() => {
  server = fx.server;
  rbin = fx.rbin(ACCOUNT_A);
});

const create = (input: Partial<CreateRuleCommandInput> = {}) =>
  rbin.send(new CreateRuleCommand({ ResourceType: "EBS_SNAPSHOT", RetentionPeriod: days(7), ...input }));

/** The error a call threw: its code, HTTP status and Reason. */
async function failure(call: () => Promise<unknown>): Promise<[string, number | undefined, unknown]> {
  const e = (await rejection(call)) as Error & { $metadata?: { httpStatusCode?: number }; Reason?: unknown };
  return [e.name, e.$metadata?.httpStatusCode, e.Reason];
}

test("CreateRule: a Region-level rule, pending then available, with its ARN, tags and 201", async () => {
  const r = await create({ Description: "all snapshots", Tags: [{ Key: "team", Value: "images" }] });
  assert.equal(r.$metadata.httpStatusCode, 201);
  assert.match(r.Identifier!, /^[0-9a-zA-Z]{11}$/);
  assert.equal(r.RuleArn, `arn:aws:rbin:us-east-1:${ACCOUNT_A}:rule/${r.Identifier}`);
  assert.equal(r.Status, "pending");
  assert.deepEqual(r.ResourceTags, []);
  assert.deepEqual(r.Tags, [{ Key: "team", Value: "images" }]);
  assert.equal(r.LockState, undefined);
  server.clock.advance(T);
  const got = await rbin.send(new GetRuleCommand({ Identifier: r.Identifier }));
  assert.equal(got.Status, "available");
  assert.equal(got.Description, "all snapshots");
  assert.deepEqual(got.RetentionPeriod, days(7));
  assert.deepEqual((await rbin.send(new ListTagsForResourceCommand({ ResourceArn: r.RuleArn }))).Tags, [{ Key: "team", Value: "images" }]);
});

test("CreateRule refuses what AWS refuses: retention beyond the type's limit, the model's bounds, locking a tag-level rule", async () => {
  assert.deepEqual(await failure(() => create({ RetentionPeriod: days(366) })), ["ValidationException", 400, "INVALID_PARAMETER_VALUE"]);
  assert.deepEqual(await failure(() => create({ ResourceType: "EBS_VOLUME" as ResourceType, RetentionPeriod: days(8) })), [
    "ValidationException",
    400,
    "INVALID_PARAMETER_VALUE",
  ]);
  const bounds = await rejection(() => create({ RetentionPeriod: days(0) }));
  assert.equal(bounds.name, "ValidationException");
  assert.match(
    bounds.message,
    /Value '0' at 'retentionPeriod.retentionPeriodValue' failed to satisfy constraint: Member must have value greater than or equal to 1/,
  );
  assert.deepEqual(
    await failure(() => create({ ResourceTags: [{ ResourceTagKey: "keep", ResourceTagValue: "yes" }], LockConfiguration: LOCK })),
    ["ValidationException", 400, "INVALID_PARAMETER_VALUE"],
  );
  assert.deepEqual(await failure(() => create({ Tags: [{ Key: "aws:x", Value: "y" }] })), [
    "ValidationException",
    400,
    "INVALID_PARAMETER_VALUE",
  ]);
  assert.deepEqual((await rbin.send(new ListRulesCommand({ ResourceType: "EBS_SNAPSHOT" }))).Rules, []);
});

test("one tag pair in at most five rules", async () => {
  const tags = [{ ResourceTagKey: "keep", ResourceTagValue: "yes" }];
  for (let i = 0; i < 5; i++) await create({ ResourceTags: tags });
  assert.deepEqual(await failure(() => create({ ResourceTags: tags })), ["ServiceQuotaExceededException", 402, "SERVICE_QUOTA_EXCEEDED"]);
});

test("GetRule, UpdateRule and DeleteRule of a rule that does not exist: ResourceNotFoundException 404", async () => {
  for (const call of [
    () => rbin.send(new GetRuleCommand({ Identifier: "abcdefghijk" })),
    () => rbin.send(new UpdateRuleCommand({ Identifier: "abcdefghijk", Description: "x" })),
    () => rbin.send(new DeleteRuleCommand({ Identifier: "abcdefghijk" })),
  ]) {
    assert.deepEqual(await failure(call), ["ResourceNotFoundException", 404, "RULE_NOT_FOUND"]);
  }
  // Another account's rule is not the caller's.
  const r = await create();
  assert.deepEqual(await failure(() => fx.rbin(ACCOUNT_B).send(new GetRuleCommand({ Identifier: r.Identifier }))), [
    "ResourceNotFoundException",
    404,
    "RULE_NOT_FOUND",
  ]);
});

test("UpdateRule changes the description, tags and retention, never the resource type", async () => {
  const r = await create();
  const u = await rbin.send(
    new UpdateRuleCommand({
      Identifier: r.Identifier,
      Description: "tagged now",
      RetentionPeriod: days(30),
      ResourceTags: [{ ResourceTagKey: "keep", ResourceTagValue: "yes" }],
    }),
  );
  assert.equal(u.Description, "tagged now");
  assert.deepEqual(u.RetentionPeriod, days(30));
  assert.deepEqual(u.ResourceTags, [{ ResourceTagKey: "keep", ResourceTagValue: "yes" }]);
  assert.deepEqual(await failure(() => rbin.send(new UpdateRuleCommand({ Identifier: r.Identifier, ResourceType: "EC2_IMAGE" }))), [
    "ValidationException",
    400,
    "INVALID_PARAMETER_VALUE",
  ]);
  const deleted = await rbin.send(new DeleteRuleCommand({ Identifier: r.Identifier }));
  assert.equal(deleted.$metadata.httpStatusCode, 204);
  assert.deepEqual((await rbin.send(new ListRulesCommand({ ResourceType: "EBS_SNAPSHOT" }))).Rules, []);
});

test("a locked rule cannot be deleted or updated (its retention shortened) until its unlock delay has passed on the clock", async () => {
  const r = await create({ LockConfiguration: LOCK });
  assert.equal(r.LockState, "locked");
  assert.deepEqual(r.LockConfiguration, LOCK);
  const conflict = ["ConflictException", 409, "INVALID_RULE_STATE"];
  assert.deepEqual(await failure(() => rbin.send(new DeleteRuleCommand({ Identifier: r.Identifier }))), conflict);
  assert.deepEqual(await failure(() => rbin.send(new UpdateRuleCommand({ Identifier: r.Identifier, RetentionPeriod: days(1) }))), conflict);
  assert.deepEqual(await failure(() => rbin.send(new LockRuleCommand({ Identifier: r.Identifier, LockConfiguration: LOCK }))), conflict);

  const unlocking = await rbin.send(new UnlockRuleCommand({ Identifier: r.Identifier }));
  assert.equal(unlocking.LockState, "pending_unlock");
  assert.equal(unlocking.LockEndTime!.getTime(), server.clock.now().getTime() + 7 * DAY * 1000);
  assert.deepEqual(await failure(() => rbin.send(new UnlockRuleCommand({ Identifier: r.Identifier }))), conflict);
  server.clock.advance(7 * DAY - 1);
  assert.deepEqual(await failure(() => rbin.send(new UpdateRuleCommand({ Identifier: r.Identifier, RetentionPeriod: days(1) }))), conflict);
  assert.deepEqual(
    (await rbin.send(new ListRulesCommand({ ResourceType: "EBS_SNAPSHOT", LockState: "pending_unlock" }))).Rules!.map((x) => x.Identifier),
    [r.Identifier],
  );
  server.clock.advance(1);
  const got = await rbin.send(new GetRuleCommand({ Identifier: r.Identifier }));
  assert.equal(got.LockState, "unlocked");
  assert.equal(got.LockEndTime, undefined);
  assert.deepEqual(
    (await rbin.send(new UpdateRuleCommand({ Identifier: r.Identifier, RetentionPeriod: days(1) }))).RetentionPeriod,
    days(1),
  );

  // Locked again, and during a new unlock delay locked again: the delay starts over.
  await rbin.send(new LockRuleCommand({ Identifier: r.Identifier, LockConfiguration: LOCK }));
  assert.deepEqual(await failure(() => rbin.send(new DeleteRuleCommand({ Identifier: r.Identifier }))), conflict);
  await rbin.send(new UnlockRuleCommand({ Identifier: r.Identifier }));
  server.clock.advance(7 * DAY);
  await rbin.send(new DeleteRuleCommand({ Identifier: r.Identifier }));
});

test("LockRule: only a Region-level rule without exclusion tags; UnlockRule only a locked one", async () => {
  const tagged = await create({ ResourceTags: [{ ResourceTagKey: "k" }] });
  assert.deepEqual(await failure(() => rbin.send(new LockRuleCommand({ Identifier: tagged.Identifier, LockConfiguration: LOCK }))), [
    "ValidationException",
    400,
    "INVALID_PARAMETER_VALUE",
  ]);
  assert.deepEqual(await failure(() => rbin.send(new UnlockRuleCommand({ Identifier: tagged.Identifier }))), [
    "ConflictException",
    409,
    "INVALID_RULE_STATE",
  ]);
  const delay = await rejection(() =>
    rbin.send(
      new LockRuleCommand({
        Identifier: tagged.Identifier,
        LockConfiguration: { UnlockDelay: { UnlockDelayValue: 31, UnlockDelayUnit: "DAYS" } },
      }),
    ),
  );
  assert.equal(delay.name, "ValidationException");
});

test("ListRules: by resource type, resource tags and lock state, in pages", async () => {
  const ids: string[] = [];
  for (let i = 0; i < 3; i++)
    ids.push((await create({ ResourceTags: [{ ResourceTagKey: "n", ResourceTagValue: String(i) }] })).Identifier!);
  await create({ ResourceType: "EC2_IMAGE" });
  const first = await rbin.send(new ListRulesCommand({ ResourceType: "EBS_SNAPSHOT", MaxResults: 2 }));
  assert.equal(first.Rules!.length, 2);
  assert.match(first.NextToken!, /^[A-Za-z0-9+/=]+$/);
  const second = await rbin.send(new ListRulesCommand({ ResourceType: "EBS_SNAPSHOT", MaxResults: 2, NextToken: first.NextToken }));
  assert.equal(second.Rules!.length, 1);
  assert.equal(second.NextToken, undefined);
  assert.deepEqual([...first.Rules!, ...second.Rules!].map((r) => r.Identifier).sort(), [...ids].sort());
  const one = await rbin.send(
    new ListRulesCommand({ ResourceType: "EBS_SNAPSHOT", ResourceTags: [{ ResourceTagKey: "n", ResourceTagValue: "1" }] }),
  );
  assert.deepEqual(
    one.Rules!.map((r) => r.Identifier),
    [ids[1]],
  );
  assert.deepEqual(await failure(() => rbin.send(new ListRulesCommand({ ResourceType: "EBS_SNAPSHOT", NextToken: "bm90YXRva2Vu" }))), [
    "ValidationException",
    400,
    "INVALID_PAGE_TOKEN",
  ]);
});

test("tags on rules: TagResource (201), UntagResource (204), ListTagsForResource; an ARN of no rule of the caller's is not found", async () => {
  const r = await create();
  const tagged = await rbin.send(
    new TagResourceCommand({
      ResourceArn: r.RuleArn,
      Tags: [
        { Key: "a", Value: "1" },
        { Key: "b", Value: "2" },
      ],
    }),
  );
  assert.equal(tagged.$metadata.httpStatusCode, 201);
  const untagged = await rbin.send(new UntagResourceCommand({ ResourceArn: r.RuleArn, TagKeys: ["a"] }));
  assert.equal(untagged.$metadata.httpStatusCode, 204);
  assert.deepEqual((await rbin.send(new ListTagsForResourceCommand({ ResourceArn: r.RuleArn }))).Tags, [{ Key: "b", Value: "2" }]);
  const other = r.RuleArn!.replace(ACCOUNT_A, ACCOUNT_B);
  assert.deepEqual(await failure(() => rbin.send(new ListTagsForResourceCommand({ ResourceArn: other }))), [
    "ResourceNotFoundException",
    404,
    "RULE_NOT_FOUND",
  ]);
  const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
  assert.deepEqual(await failure(() => rbin.send(new TagResourceCommand({ ResourceArn: r.RuleArn, Tags: many }))), [
    "ServiceQuotaExceededException",
    402,
    "SERVICE_QUOTA_EXCEEDED",
  ]);
});
