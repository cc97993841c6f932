// Patterns a caller supplies never make a check backtrack: SSM AllowedPattern runs on RE2 (linear in the
// value, with a bound on how far repetitions expand), and IAM-style wildcards in identity and resource
// policies go through the linear wildcard matcher. A backtracking engine would take years on these inputs;
// each check here answers, and the server answers the next request.
import { beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { RE2JS } from "re2js";
import { GetParameterCommand, PutParameterCommand, PutResourcePolicyCommand, type SSMClient } from "@aws-sdk/client-ssm";
import { isAllowed, type PolicyDocument } from "../../src/auth/policy";
import { linearRegex, programSizeBound } from "../../src/util/linear-regex";
import { ACCOUNT_A, ACCOUNT_B, REGION, rejection, useServer } from "../support/server";

/** Classic catastrophic patterns, each with a value that makes a backtracking engine explore every split. */
const CATASTROPHIC: [string, string][] = [
  ["^(a+)+$", `${"a".repeat(4000)}!`],
  ["(a|a)+", `${"a".repeat(4000)}!`],
  ["(a|aa)+", `${"a".repeat(4000)}!`],
  ["^(\\w+\\s?)+$", `${"word ".repeat(800)}!`],
  ["(.*a){20}", `${"a".repeat(4000)}!`],
  ["^(([a-z])+.)+[A-Z]([a-z])+$", `${"a".repeat(4000)}!`],
  ["(x+x+)+y", "x".repeat(4000)],
];

describe("SSM AllowedPattern against catastrophic patterns", () => {
  let ssm: SSMClient;
  const fx = useServer();
  beforeEach(() => {
    ssm = fx.ssm(ACCOUNT_A);
  });

  it("answers ParameterPatternMismatchException for each, and the server keeps serving", async () => {
    for (const [i, [pattern, value]] of CATASTROPHIC.entries()) {
      const e = await rejection(() =>
        ssm.send(new PutParameterCommand({ Name: `/p${i}`, Value: value, Type: "String", AllowedPattern: pattern })),
      );
      assert.equal(e.name, "ParameterPatternMismatchException", pattern);
      assert.equal(e.message, `Parameter value, cannot be validated against allowedPattern: ${pattern}`);
    }
    await ssm.send(new PutParameterCommand({ Name: "/after", Value: "ok", Type: "String" }));
    assert.equal((await ssm.send(new GetParameterCommand({ Name: "/after" }))).Parameter!.Value, "ok");
  });

  it("bounds what repetitions expand to: a pattern over the bound is refused before it compiles", async () => {
    const e = await rejection(() =>
      ssm.send(new PutParameterCommand({ Name: "/big", Value: "a", Type: "String", AllowedPattern: "(a|aa){1000}".repeat(80) })),
    );
    assert.equal(e.name, "InvalidAllowedPatternException");
    assert.match(e.message, /expand to more than 2500 steps/);
  });

  it("checks resource-policy action wildcards without a regular expression", async () => {
    const ssmB = fx.ssm(ACCOUNT_B);
    await ssm.send(new PutParameterCommand({ Name: "/shared", Value: "v", Type: "String", Tier: "Advanced" }));
    const arn = `arn:aws:ssm:${REGION}:${ACCOUNT_A}:parameter/shared`;
    const policy = (actions: string[]) =>
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: ACCOUNT_B }, Action: actions, Resource: arn }],
      });
    // `*?*?…` against an action name would backtrack as `.*.*…`; the matcher walks it once.
    await ssm.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: policy([`ssm:${"*e".repeat(200)}!`]) }));
    assert.equal((await rejection(() => ssmB.send(new GetParameterCommand({ Name: arn })))).name, "ParameterNotFound");
    await ssm.send(new PutResourcePolicyCommand({ ResourceArn: arn, Policy: policy(["SSM:get*"]) }));
    assert.equal((await ssmB.send(new GetParameterCommand({ Name: arn }))).Parameter!.Value, "v");
  });
});

describe("linear-time patterns, directly", () => {
  it("matches a whole 8 KB value against each catastrophic pattern", () => {
    for (const [pattern, value] of CATASTROPHIC) {
      const big = value.repeat(2).slice(-8192);
      assert.equal(linearRegex(pattern).matchesWhole(big), false, pattern);
    }
  });

  it("estimates at least the size RE2 compiles a pattern to, so that the bound is never undercut", () => {
    const pieces = ["a", ".", "\\d", "[a-z]", "[^]x]", "\\pL", "(", ")", "(?:", "(?i)", "|", "*", "+", "?", "{3}", "{2,5}", "{0,}", "{40}"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
        const pattern = parts.join("");
        let size: number;
        try {
          size = RE2JS.compile(pattern).re2Input.numberOfInstructions() as number;
        } catch {
          return true;
        }
        return programSizeBound(pattern) >= size;
      }),
      { numRuns: 3000 },
    );
  });
});

describe("identity-policy wildcards", () => {
  const policy = (Action: string, Resource: string, condition?: string): PolicyDocument => ({
    Version: "2012-10-17",
    Statement: {
      Effect: "Allow",
      Action,
      Resource,
      ...(condition ? { Condition: { StringLike: { "aws:ResourceTag/team": condition } } } : {}),
    },
  });
  const request = (arn: string, team = "x") => ({
    action: "ec2:DescribeImages",
    resources: [{ arn, tags: () => ({ team }) }],
    region: "us-east-1",
  });
  const long = `arn:aws:ec2:us-east-1:111111111111:image/${"a".repeat(2000)}`;

  it("matches Action, Resource and StringLike with many stars against long subjects in one pass", () => {
    const stars = `${"*a".repeat(100)}!`;
    assert.equal(isAllowed([policy("ec2:*", stars)], request(long)), false);
    assert.equal(isAllowed([policy(`ec2:${"*e".repeat(100)}!`, "*")], request(long)), false);
    assert.equal(isAllowed([policy("ec2:*", "*", stars)], request(long, "a".repeat(4000))), false);
    assert.equal(isAllowed([policy("EC2:describe*", "arn:aws:ec2:*:*:image/a*a")], request(long)), true);
    assert.equal(isAllowed([policy("ec2:Describe?mages", "*", "a*")], request(long, "a".repeat(4000))), true);
  });
});
