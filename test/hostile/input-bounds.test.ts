// What one request may cost: EC2 wildcard filters matched without backtracking and bounded as EC2
// bounds them.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { CreateTagsCommand, DescribeImagesCommand, type Filter } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { wildcard } from "../../src/util/wildcard";
import { ec2Client, rejection, startTestServer } from "../support/server";
import { registerAmi, settle } from "../ec2/helpers";
import { referenceMatch } from "../fuzz/wildcard-oracle";

describe("EC2 wildcard matcher", () => {
  it("matches `*`, `?` and the escapes `\\*`, `\\?` and `\\\\`", () => {
    const cases: [string, string, boolean][] = [
      ["*", "", true], ["*", "anything", true], ["?", "", false], ["?", "a", true], ["?", "ab", false],
      ["a*c", "abbbc", true], ["a*c", "abbb", false], ["*b*", "abc", true], ["a?c", "abc", true], ["a?c", "ac", false],
      ["**a**", "xax", true], ["*?*?*", "a", false], ["*?*?*", "ab", true], ["", "", true], ["", "a", false],
      // The user guide's example: `\*amazon\?\\` is the literal `*amazon?\`.
      ["\\*amazon\\?\\\\", "*amazon?\\", true], ["\\*amazon\\?\\\\", "xamazonx\\", false],
      ["a\\*", "a*", true], ["a\\*", "ab", false], ["\\a", "a", true], ["a\\", "a\\", true],
      ["?", "\u{1F600}", true], ["a?b", "a\u{1F600}b", true], ["*\u{1F600}", "x\u{1F600}", true],
      ["Windows_Server-20??-*", "Windows_Server-2022-English-Full-Base-2025.11.12", true],
    ];
    for (const [pattern, subject, expected] of cases) assert.equal(wildcard(pattern)(subject), expected, `${pattern} ~ ${subject}`);
  });

  it("agrees with a reference matcher on generated patterns and subjects", () => {
    const char = fc.constantFrom("a", "b", "*", "?", "\\", "\u{1F600}");
    fc.assert(fc.property(fc.array(char, { maxLength: 12 }), fc.array(fc.constantFrom("a", "b", "*", "?", "\\", "\u{1F600}"), { maxLength: 16 }),
      (p, s) => wildcard(p.join(""))(s.join("")) === referenceMatch(p.join(""), s.join(""))), { seed: 20261123, numRuns: 20_000 });
  });

  it("answers pathological patterns against long subjects without backtracking", () => {
    const long = "a".repeat(100_000);
    assert.equal(wildcard(`${"*".repeat(254)}!`)(long), false);
    assert.equal(wildcard(`${"*a".repeat(127)}!`)(long), false);
    assert.equal(wildcard(`${"*a".repeat(127)}`)(long), true);
    assert.equal(wildcard(`*${"?".repeat(200)}b*`)(long), false);
    assert.equal(wildcard(`${"?*".repeat(127)}`)(long), true);
    assert.equal(wildcard(`${"*?".repeat(127)}!`)(`${long}!`), true);
  });
});

describe("input bounds over HTTP", () => {
  let server: Imagelite;
  before(async () => { server = await startTestServer(); });
  after(async () => { await server.stop(); });

  it("answers a pathological EC2 filter through the SDK promptly and correctly", async () => {
    const ec2 = ec2Client(server);
    const id = await registerAmi(ec2, "bounds");
    settle(server);
    await ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "k", Value: "a*b?c\\d" }] }));
    const ids = async (filters: Filter[]) => (await ec2.send(new DescribeImagesCommand({ Filters: filters }))).Images!.map((i) => i.ImageId!).sort();

    // Compiled to a backtracking regular expression, this filter blocked the server for about a minute.
    const started = Date.now();
    assert.deepEqual(await ids([{ Name: "name", Values: [`${"*".repeat(8)}!`] }]), []);
    assert.ok(Date.now() - started < 2000, `answered after ${Date.now() - started} ms`);

    assert.deepEqual(await ids([{ Name: "name", Values: ["b?u*ds"] }]), [id]);
    const windows = await ids([{ Name: "name", Values: ["Windows_Server-20??-*"] }]);
    assert.ok(windows.length > 0 && !windows.includes(id));
    assert.deepEqual(await ids([{ Name: "tag:k", Values: ["a\\*b\\?c\\\\d"] }]), [id]);
    assert.deepEqual(await ids([{ Name: "tag:k", Values: ["a\\*b\\?c\\\\x"] }]), []);
    assert.deepEqual(await ids([{ Name: "tag:k", Values: ["a?b*\\\\?"] }]), [id]);
  });

  it("refuses more than 200 filter values, or a value beyond 255 characters, with FilterLimitExceeded", async () => {
    const ec2 = ec2Client(server);
    const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    assert.deepEqual((await ec2.send(new DescribeImagesCommand({ Filters: [{ Name: "name", Values: ["a".repeat(255)] }] }))).Images, []);
    assert.deepEqual((await ec2.send(new DescribeImagesCommand({ Filters: [{ Name: "name", Values: values(100) }, { Name: "description", Values: values(100) }] }))).Images, []);
    const long = await rejection(() => ec2.send(new DescribeImagesCommand({ Filters: [{ Name: "name", Values: ["a", "a".repeat(256)] }] })));
    assert.equal(long.name, "FilterLimitExceeded");
    assert.match(long.message, /255 characters/);
    const many = await rejection(() => ec2.send(new DescribeImagesCommand({ Filters: [{ Name: "name", Values: values(100) }, { Name: "description", Values: values(101) }] })));
    assert.equal(many.name, "FilterLimitExceeded");
    assert.match(many.message, /200/);
  });
});
