// What one request may cost and what an error may repeat: EC2 wildcard filters matched without
// backtracking and bounded as EC2 bounds them, error messages that repeat a short prefix of a huge value
// and at most ten violations, and bodies too large in values or depth refused before they are walked.
import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { CreateTagsCommand, DescribeImagesCommand, type Filter } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { wildcard } from "../../src/util/wildcard";
import { ec2Client, rejection, useServer } from "../support/server";
import { registerAmi, settle } from "../ec2/helpers";
import { envelopeProblem, errorCode, type Answer, type Proto } from "../fuzz/envelopes";
import { referenceMatch } from "../fuzz/wildcard-oracle";
import { appstream, query } from "./http";

const EC2 = "Action=DescribeImages&Version=2016-11-15";
const NINE_MB = "x".repeat(9 * 1024 * 1024);
const PREFIX = `${"x".repeat(256)}...`;

function expectError(proto: Proto, r: Answer, code: string): string {
  assert.equal(envelopeProblem(proto, r), undefined, r.body.slice(0, 300));
  assert.equal(r.status, 400, r.body.slice(0, 300));
  assert.equal(errorCode(r), code, r.body.slice(0, 300));
  if (proto === "json") return JSON.parse(r.body).message;
  const xml = /<Message>([^<]*)<\/Message>/.exec(r.body)![1];
  return xml.replace(/&(apos|quot|lt|gt|amp);/g, (_, e: string) => ({ apos: "'", quot: '"', lt: "<", gt: ">", amp: "&" })[e]!);
}

describe("EC2 wildcard matcher", () => {
  it("matches `*`, `?` and the escapes `\\*`, `\\?` and `\\\\`", () => {
    const cases: [string, string, boolean][] = [
      ["*", "", true],
      ["*", "anything", true],
      ["?", "", false],
      ["?", "a", true],
      ["?", "ab", false],
      ["a*c", "abbbc", true],
      ["a*c", "abbb", false],
      ["*b*", "abc", true],
      ["a?c", "abc", true],
      ["a?c", "ac", false],
      ["**a**", "xax", true],
      ["*?*?*", "a", false],
      ["*?*?*", "ab", true],
      ["", "", true],
      ["", "a", false],
      // The user guide's example: `\*amazon\?\\` is the literal `*amazon?\`.
      ["\\*amazon\\?\\\\", "*amazon?\\", true],
      ["\\*amazon\\?\\\\", "xamazonx\\", false],
      ["a\\*", "a*", true],
      ["a\\*", "ab", false],
      ["\\a", "a", true],
      ["a\\", "a\\", true],
      ["?", "\u{1F600}", true],
      ["a?b", "a\u{1F600}b", true],
      ["*\u{1F600}", "x\u{1F600}", true],
      ["Windows_Server-20??-*", "Windows_Server-2022-English-Full-Base-2025.11.12", true],
    ];
    for (const [pattern, subject, expected] of cases) assert.equal(wildcard(pattern)(subject), expected, `${pattern} ~ ${subject}`);
  });

  it("agrees with a reference matcher on generated patterns and subjects", () => {
    const char = fc.constantFrom("a", "b", "*", "?", "\\", "\u{1F600}");
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 12 }),
        fc.array(fc.constantFrom("a", "b", "*", "?", "\\", "\u{1F600}"), { maxLength: 16 }),
        (p, s) => wildcard(p.join(""))(s.join("")) === referenceMatch(p.join(""), s.join("")),
      ),
      { seed: 20261123, numRuns: 20_000 },
    );
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
  const fx = useServer();
  let server: Imagelite;
  before(() => {
    server = fx.server;
  });

  it("answers a pathological EC2 filter through the SDK promptly and correctly", async () => {
    const ec2 = ec2Client(server);
    const id = await registerAmi(ec2, "bounds");
    settle(server);
    await ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "k", Value: "a*b?c\\d" }] }));
    const ids = async (filters: Filter[]) =>
      (await ec2.send(new DescribeImagesCommand({ Filters: filters }))).Images!.map((i) => i.ImageId!).sort();

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
    assert.deepEqual(
      (
        await ec2.send(
          new DescribeImagesCommand({
            Filters: [
              { Name: "name", Values: values(100) },
              { Name: "description", Values: values(100) },
            ],
          }),
        )
      ).Images,
      [],
    );
    const long = await rejection(() =>
      ec2.send(new DescribeImagesCommand({ Filters: [{ Name: "name", Values: ["a", "a".repeat(256)] }] })),
    );
    assert.equal(long.name, "FilterLimitExceeded");
    assert.match(long.message, /255 characters/);
    const many = await rejection(() =>
      ec2.send(
        new DescribeImagesCommand({
          Filters: [
            { Name: "name", Values: values(100) },
            { Name: "description", Values: values(101) },
          ],
        }),
      ),
    );
    assert.equal(many.name, "FilterLimitExceeded");
    assert.match(many.message, /200/);
  });

  it("repeats a 9 MB value as a prefix of 256 characters in AppStream, EC2 and STS errors", async () => {
    const fleet = await appstream(server.endpoint, "CreateFleet", JSON.stringify({ Name: NINE_MB, InstanceType: "stream.standard.small" }));
    const message = expectError("json", fleet, "ValidationException");
    assert.ok(fleet.body.length < 4096, `${fleet.body.length} bytes`);
    assert.ok(
      message.startsWith(`1 validation error detected: Value '${PREFIX}' at 'name' failed to satisfy constraint`),
      message.slice(0, 400),
    );

    const copy = await query(
      server.endpoint,
      "ec2",
      `Action=CopyImage&Version=2016-11-15&Name=n&SourceImageId=ami-0123456789abcdef0&SourceRegion=us-east-1&Description=${NINE_MB}`,
    );
    assert.equal(
      expectError("ec2", copy, "InvalidParameterValue"),
      `Value (${PREFIX}) for parameter Description is invalid. Member must have length less than or equal to 255`,
    );
    const notNumber = await query(server.endpoint, "ec2", `${EC2}&MaxResults=${NINE_MB}`);
    assert.ok(expectError("ec2", notNumber, "InvalidParameterValue").startsWith(`Value (${PREFIX}) for parameter MaxResults`));
    const unknown = await query(server.endpoint, "ec2", `${EC2}&${NINE_MB}=1`);
    assert.equal(expectError("ec2", unknown, "UnknownParameter"), `The parameter ${PREFIX} is not recognized`);
    const sts = await query(server.endpoint, "query", `Action=GetCallerIdentity&Version=2011-06-15&${NINE_MB}=1`);
    assert.equal(expectError("query", sts, "InvalidParameter"), `The parameter ${PREFIX} is not recognized`);
    const filter = await query(server.endpoint, "ec2", `${EC2}&Filter.1.Name=${NINE_MB}&Filter.1.Value.1=x`);
    assert.equal(expectError("ec2", filter, "InvalidParameterValue"), `The filter '${PREFIX}' is invalid`);
  });

  it("cuts any error message that repeats a huge value, whatever the handler", async () => {
    const owner = await query(server.endpoint, "ec2", `${EC2}&Owner.1=${NINE_MB}`);
    assert.ok(expectError("ec2", owner, "InvalidUserID.Malformed").endsWith("..."));
    assert.ok(owner.body.length < 10_000, `${owner.body.length} bytes`);
    const fleets = await appstream(server.endpoint, "DescribeFleets", JSON.stringify({ Names: [NINE_MB] }));
    expectError("json", fleets, "ResourceNotFoundException");
    assert.ok(fleets.body.length < 10_000, `${fleets.body.length} bytes`);
  });

  it("reports at most ten violations", async () => {
    const tags = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`aws:k${i}`, "v"]));
    const r = await appstream(
      server.endpoint,
      "TagResource",
      JSON.stringify({ ResourceArn: "arn:aws:appstream:us-east-1:111111111111:fleet/x", Tags: tags }),
    );
    const message = expectError("json", r, "ValidationException");
    assert.match(message, /^10 validation errors detected: /);
    assert.equal(message.match(/failed to satisfy constraint/g)?.length, 10);
  });

  it("refuses a JSON map of 800,000 keys and 1,000,000 unknown members before walking them, in a short error", async () => {
    const keys = (n: number, value: string) => Array.from({ length: n }, (_, i) => `"${i.toString(36)}":${value}`).join(",");
    const map = await appstream(
      server.endpoint,
      "TagResource",
      `{"ResourceArn":"arn:aws:appstream:us-east-1:111111111111:fleet/x","Tags":{${keys(800_000, '"v"')}}}`,
    );
    assert.match(expectError("json", map, "SerializationException"), /more than 10000 values/);
    assert.ok(map.body.length < 200, map.body);
    const unknown = await appstream(server.endpoint, "DescribeFleets", `{${keys(1_000_000, "0")}}`);
    assert.match(expectError("json", unknown, "SerializationException"), /more than 10000 values/);
    // Up to the bound, unknown members are dropped as before.
    assert.equal((await appstream(server.endpoint, "DescribeFleets", `{${keys(5000, "0")}}`)).status, 200);
  });

  it("reads no more of a query than it may accept, without dropping any parameter it reads", async () => {
    const deep = await query(server.endpoint, "ec2", `${EC2}&Filter${".1".repeat(3_000_000)}=x`);
    assert.ok(expectError("ec2", deep, "UnknownParameter").startsWith("The parameter Filter.1.1.1.1"));
    const many = Array.from({ length: 100_000 }, (_, i) => `Filter.${i + 1}.Name=name&Filter.${i + 1}.Value.1=x`).join("&");
    expectError("ec2", await query(server.endpoint, "ec2", `${EC2}&${many}`), "InvalidParameterValue");
    // Empty parameters (`&&`) are not parameters: the filter after 20,000 of them still applies.
    const sparse = await query(
      server.endpoint,
      "ec2",
      `${EC2}${"&".repeat(20_000)}&Filter.1.Name=name&Filter.1.Value.1=nothing-has-this-name`,
    );
    assert.equal(sparse.status, 200, sparse.body.slice(0, 300));
    assert.doesNotMatch(sparse.body, /<imageId>/);
  });
});
