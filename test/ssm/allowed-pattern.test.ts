// PutParameter's AllowedPattern (SSM API reference, PutParameter; the walkthrough "Manage parameters using
// hierarchies" in the SSM User Guide): the pattern must match the whole value, a value that does not gets
// ParameterPatternMismatchException, an overwrite without a pattern re-checks the stored one, and a pattern
// that cannot run in linear time is refused with InvalidAllowedPatternException saying why.
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import {
  DescribeParametersCommand,
  GetParameterCommand,
  PutParameterCommand,
  type PutParameterCommandInput,
  type SSMClient,
} from "@aws-sdk/client-ssm";
import { ACCOUNT_A, rejection, useServer } from "../support/server";

let ssm: SSMClient;
const fx = useServer();
beforeEach(() => {
  ssm = fx.ssm(ACCOUNT_A);
});

const put = (Name: string, Value: string, extra: Partial<PutParameterCommandInput> = {}) =>
  ssm.send(new PutParameterCommand({ Name, Value, Type: "String", ...extra }));
const value = async (Name: string) => (await ssm.send(new GetParameterCommand({ Name }))).Parameter!.Value;
const mismatch = (pattern: string) => `Parameter value, cannot be validated against allowedPattern: ${pattern}`;

test("a nested quantifier answers a mismatch at once, for 30 and for 4,000 characters, and the server keeps answering", async () => {
  const pattern = "^(a+)+$";
  for (const n of [30, 4000]) {
    const e = await rejection(() => put(`/redos/${n}`, `${"a".repeat(n)}!`, { AllowedPattern: pattern }));
    assert.equal(e.name, "ParameterPatternMismatchException");
    assert.equal(e.message, mismatch(pattern));
    // The very next request is served: the check did not hold the event loop.
    assert.equal((await put(`/redos/next-${n}`, "fine")).Version, 1);
  }
  assert.equal((await put("/redos/ok", "a".repeat(4000), { AllowedPattern: pattern })).Version, 1);
});

test("an overwrite without a pattern re-checks the stored one, catastrophic or not, in linear time", async () => {
  await put("/stored", "aaa", { AllowedPattern: "^(a+)+$" });
  const e = await rejection(() => put("/stored", `${"a".repeat(4000)}!`, { Overwrite: true }));
  assert.equal(e.name, "ParameterPatternMismatchException");
  assert.equal(e.message, mismatch("^(a+)+$"));
  assert.equal(await value("/stored"), "aaa");
  assert.equal((await put("/stored", "aaaa", { Overwrite: true })).Version, 2);
  assert.equal(await value("/stored"), "aaaa");
  // A new pattern on the overwrite replaces the stored one.
  assert.equal((await put("/stored", "42", { Overwrite: true, AllowedPattern: "^\\d+$" })).Version, 3);
  const described = await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: "Name", Values: ["/stored"] }] }));
  assert.equal(described.Parameters![0].AllowedPattern, "^\\d+$");
  assert.equal((await rejection(() => put("/stored", "aaaa", { Overwrite: true }))).name, "ParameterPatternMismatchException");
});

test("lookaround, backreferences and possessive quantifiers are refused as invalid patterns, with the reason", async () => {
  const cases: [string, RegExp][] = [
    ["^(?=.*\\d)[a-z0-9]+$", /lookahead and lookbehind assertions are not supported/],
    ["^(?!admin).*$", /lookahead and lookbehind assertions are not supported/],
    ["(?<=x)y", /lookahead and lookbehind assertions are not supported/],
    ["^(a+)\\1$", /backreferences are not supported/],
    ["^a++$", /possessive quantifiers and atomic groups are not supported/],
    ["^(?>a+)$", /possessive quantifiers and atomic groups are not supported/],
    ["[a-z", /missing closing \]/],
    ["a{1001}", /invalid repeat count \{1001\}: counts go up to 1000/],
    [".{1000}.{1000}", /expand to more than 2500 steps/],
  ];
  for (const [pattern, why] of cases) {
    const e = await rejection(() => put("/refused", "a1", { AllowedPattern: pattern }));
    assert.equal(e.name, "InvalidAllowedPatternException", pattern);
    assert.ok(e.message.startsWith(`The allowed pattern ${pattern} is not a valid regular expression: `), e.message);
    assert.match(e.message, why);
  }
  assert.equal((await rejection(() => ssm.send(new GetParameterCommand({ Name: "/refused" })))).name, "ParameterNotFound");
});

test("the pattern must match the whole value: anchors are optional", async () => {
  // The user guide's walkthrough: under \d{1,4}, 100 is accepted and 10,000 refused.
  assert.equal((await put("/digits", "100", { AllowedPattern: "\\d{1,4}" })).Version, 1);
  assert.equal((await rejection(() => put("/digits", "10,000", { Overwrite: true }))).name, "ParameterPatternMismatchException");
  assert.equal((await put("/password", "p#sW*rd33", { Type: "SecureString", AllowedPattern: ".{8,20}" })).Version, 1);
  assert.equal((await rejection(() => put("/short", "p#sW", { AllowedPattern: ".{8,20}" }))).name, "ParameterPatternMismatchException");

  assert.equal((await put("/num", "12345", { AllowedPattern: "^\\d+$" })).Version, 1);
  assert.equal((await rejection(() => put("/num2", "12a45", { AllowedPattern: "^\\d+$" }))).name, "ParameterPatternMismatchException");
  for (const [v, ok] of [
    ["abc", true],
    ["abcde", true],
    ["ab", false],
    ["abcdef", false],
    ["1abc1", false],
    ["ABC", false],
  ] as const) {
    const attempt = () => put(`/letters/${v}`, v, { AllowedPattern: "[a-z]{3,5}" });
    if (ok) assert.equal((await attempt()).Version, 1, v);
    else assert.equal((await rejection(attempt)).name, "ParameterPatternMismatchException", v);
  }
  // Alternation with anchors on each side, as people write it: the whole value is one side or the other.
  for (const v of ["true", "false"]) assert.equal((await put(`/flag/${v}`, v, { AllowedPattern: "^(true)|(false)$" })).Version, 1);
  assert.equal(
    (await rejection(() => put("/flag/x", "truefalse", { AllowedPattern: "^(true)|(false)$" }))).name,
    "ParameterPatternMismatchException",
  );
  // Unicode classes and case-insensitive groups run too.
  assert.equal((await put("/name", "Zürich", { AllowedPattern: "\\p{L}+" })).Version, 1);
  assert.equal((await put("/env", "PROD", { AllowedPattern: "(?i)prod|dev" })).Version, 1);
});

test("AllowedPattern is at most 1024 characters, as the model says", async () => {
  const long = "a".repeat(1025);
  const e = await rejection(() => put("/long", "a", { AllowedPattern: long }));
  assert.equal(e.name, "ValidationException");
  assert.match(e.message, /allowedPattern/i);
  assert.equal((await put("/long", "a".repeat(1024), { AllowedPattern: "a".repeat(1024) })).Version, 1);
});
