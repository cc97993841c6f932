// Every `pattern` of every model under models/, as the validator applies it. AWS checks a pattern against the
// whole value (Java's Matcher.matches()), so a value that is valid but for one character the pattern does not allow,
// added before or after it, is refused. Each pattern has an entry here, written by hand from the pattern text:
// values it accepts and a character it allows nowhere. The test then checks that the values pass, that the value
// with the foreign character in front of it or behind it fails, and, for the patterns that carry no `^...$` of
// their own, that a plain `RegExp.test()` of the pattern would have let that value through, so the case is one
// only the whole-value reading refuses. A new pattern in a model fails the first test until it has an entry.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { loadModel, MODELS_DIR, type Shape } from "../src/model/model";
import { validate } from "../src/validation/validate";
import { compilePattern } from "../src/model/pattern";

interface Case {
  /** Values AWS accepts. */
  accepts: string[];
  /** A character the pattern allows at no place, or null when it allows every character. */
  foreign: string | null;
  /** Further values AWS refuses. */
  refuses?: string[];
}

const CASES: Record<string, Case> = {
  // AppStream
  "^[a-zA-Z0-9][a-zA-Z0-9_. -]{0,99}$": { accepts: ["My App 1.0", "a"], foreign: "#", refuses: [" leading-space"] },
  "^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,99}$": { accepts: ["my-app_1.0"], foreign: "#", refuses: ["has space"] },
  "^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$": { accepts: ["my-fleet_1.0"], foreign: "#", refuses: ["-leading-dash", "has space"] },
  "^arn:aws(?:\\-cn|\\-iso\\-b|\\-iso|\\-us\\-gov)?:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.\\\\-]{0,1023}$":
    {
      accepts: ["arn:aws:iam::123456789012:role/my-role", "arn:aws-cn:s3:::bucket/key"],
      foreign: " ",
      refuses: ["arn:aws-xx:iam::1:role/r"],
    },
  "^\\d+$": { accepts: ["123456789012"], foreign: "a" },
  "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9][a-z0-9-]{0,61}[a-z0-9]": {
    accepts: ["example.com", "www.example.co.uk"],
    foreign: " ",
    refuses: ["evil domain.com", "example.com/path", "localhost"],
  },
  "^[a-zA-Z0-9_.() -]+$": { accepts: ["My image (v1.0)"], foreign: "#" },
  "^[a-zA-Z0-9-]+(\\.[a-z0-9-]+)+\\.(small|medium|large|xlarge|\\d+xlarge|metal)$": {
    accepts: ["stream.standard.medium", "stream.graphics.g4dn.2xlarge"],
    foreign: "#",
    refuses: ["stream.standard.huge"],
  },
  "[^\\x00]+": { accepts: ['--profile "a b"\n#'], foreign: "\u0000" },
  "^ami-[a-z0-9]{8,17}$": { accepts: ["ami-0123456789abcdef0"], foreign: "#" },
  "^[0-9a-z\\.\\-]*(?<!\\.)$": { accepts: ["my-bucket.logs"], foreign: "_", refuses: ["ends-in-dot."] },
  "^arn:aws(?:\\-cn|\\-iso\\-b|\\-iso|\\-us\\-gov)?:s3:::[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]$": {
    accepts: ["arn:aws:s3:::my-bucket"],
    foreign: "#",
  },
  "[\\w+=,.@-]*": { accepts: ["alice@example.com", "a+b=c,d-e_f"], foreign: " ", refuses: ["user with space"] },
  // The first character is any character but a line break, the rest a narrower class.
  "^(^(?!aws:).[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$": {
    accepts: ["team", "cost center", "#team"],
    foreign: "\n",
    refuses: ["aws:team", "team#"],
  },
  "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$": { accepts: ["prod", "a b", "", "équipe"], foreign: "#" },
  "^(\\*|https?://[^\\s,;]+)$": { accepts: ["*", "https://example.com/path"], foreign: " ", refuses: ["**", "ftp://example.com"] },
  "^((\\w*)\\s*(\\w*)\\s*\\,\\s*(\\w*)\\s*\\,\\s*\\*?(\\w*)\\s*\\,\\s*\\*?(\\w*)\\s*\\,\\s*\\*?\\d*\\s*\\,\\s*\\*?\\d*\\s*\\,\\s*[0-1]\\s*\\,\\s*[0-1]\\s*)$":
    { accepts: ["Wacom Tablet, 056a, 0357, *, *, *, 0, 0"], foreign: "#", refuses: ["Wacom, 056a, 0357, *, *, *, 0, 2"] },
  "^[A-Za-z0-9_\\-\\s]+$": { accepts: ["Finance team", "a_b-c"], foreign: "#" },
  "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+": { accepts: ["alice@example.com", "josé"], foreign: " ", refuses: ["user with space"] },
  // AppStream export tasks, builder software, app blocks and sessions
  "^[a-zA-Z0-9().\\-/_]{3,128}$": { accepts: ["my-ami(v1)/a_b.c"], foreign: "#", refuses: ["ab", "my ami"] },
  "^[a-zA-Z0-9][a-zA-Z0-9_:/.-]{0,200}$": {
    accepts: ["Microsoft_Office_2021_LTSC_Professional_Plus_64Bit", "a:b/c.d"],
    foreign: "#",
    refuses: ["-x"],
  },
  "^[-@./#&+\\w\\s]*$": { accepts: ["Office 365 & Visio #1", "a.b@c/d+e-f", ""], foreign: "!" },
  "[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}": {
    accepts: ["0123abcd-0123-4567-89ab-0123456789ab"],
    foreign: "#",
    refuses: ["0123ABCD-0123-4567-89ab-0123456789ab"],
  },
  // EC2
  "[a-zA-Z0-9\\.\\*\\-]+": { accepts: ["m5.*", "c7g-*"], foreign: " " },
  "[a-zA-Z0-9\\(\\)\\.\\-/_]+": { accepts: ["my-template_(v1)/a.b"], foreign: " " },
  // Recycle Bin
  "^[\\S ]{0,255}$": { accepts: ["A rule for EBS snapshots", "", "non\u00a0breaking"], foreign: "\n" },
  "^[A-Za-z0-9+/=]{1,2048}$": { accepts: ["YWJjZA=="], foreign: "#" },
  "^[\\S\\s]{1,128}$": { accepts: ["any key\n\t#"], foreign: null },
  "^[\\S\\s]{0,256}$": { accepts: ["", "any value\r\n"], foreign: null },
  // Java's parser applies the `{0,1011}` after `{11}` to nothing: the identifier is eleven characters.
  "^arn:\\S+:rbin:[a-z\\-0-9]{0,63}:[0-9]{12}:rule/[0-9a-zA-Z]{11}{0,1011}$": {
    accepts: ["arn:aws:rbin:us-east-1:123456789012:rule/abcdefghijk"],
    foreign: "#",
    refuses: [
      "arn:aws:rbin:us-east-1:123456789012:rule/abcdefghij",
      "arn:aws:rbin:us-east-1:123456789012:rule/",
      "arn:aws:rbin:us-east-1:123456789012:rule/abcdefghijkabcdefghijk",
    ],
  },
  "[0-9a-zA-Z]{11}": { accepts: ["abcdefghijk"], foreign: "#", refuses: ["abcdefghijkl"] },
  // Systems Manager
  "^([a-zA-Z0-9:/_-]+)$": { accepts: ["alias/aws/ssm"], foreign: "#" },
  // An alternation: each branch is the whole value.
  "tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType": {
    accepts: ["Name", "tag:Environment", "tag:a b", "DataType"],
    foreign: "\n",
    refuses: ["Names", "MyName", "xtag:a", "tag:"],
  },
  "^(?!\\s*$).+": { accepts: ['{"Type":"Expiration"}'], foreign: "\n", refuses: ["   "] },
  // STS
  "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+": {
    accepts: ["arn:aws:iam::123456789012:role/demo"],
    foreign: "\u0001",
  },
};

const models = readdirSync(MODELS_DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => loadModel(f.slice(0, -".json".length)));

/** One shape of each pattern, with the models it comes from. */
const shapesByPattern = new Map<string, { shape: Shape; models: Set<string> }>();
for (const model of models)
  for (const shape of model.shapes.values()) {
    if (shape.pattern === undefined) continue;
    const known = shapesByPattern.get(shape.pattern) ?? { shape, models: new Set<string>() };
    known.models.add(model.name);
    shapesByPattern.set(shape.pattern, known);
  }

const patternViolations = (shape: Shape, value: string) => validate(shape, value).filter((v) => v.kind === "pattern");
const show = (s: string) => JSON.stringify(s);

/** The pattern as a plain substring search, as it was read before the whole value counted. */
function substringSearch(pattern: string): RegExp {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return new RegExp(pattern);
  }
}

describe("model patterns match the whole value", () => {
  it("every model under models/ is read, and every pattern has a case here and compiles", () => {
    assert.ok(models.length >= 5, `models read: ${models.map((m) => m.name).join(", ")}`);
    for (const name of ["appstream", "ec2", "rbin", "ssm", "sts"])
      assert.ok(
        models.some((m) => m.name === name),
        name,
      );
    const missing = [...shapesByPattern.keys()].filter((p) => !(p in CASES));
    assert.deepEqual(missing, [], "patterns without a case");
    const stale = Object.keys(CASES).filter((p) => !shapesByPattern.has(p));
    assert.deepEqual(stale, [], "cases of patterns no model has");
    for (const model of models)
      for (const shape of model.shapes.values()) {
        if (shape.pattern === undefined) continue;
        assert.ok(shape.patternRegex instanceof RegExp, `${model.name} ${shape.name}: ${shape.pattern} does not compile`);
        assert.ok(shape.patternRegex.unicode, `${model.name} ${shape.name}: compiled without the u flag`);
      }
  });

  for (const [pattern, c] of Object.entries(CASES)) {
    it(`${pattern.length > 60 ? pattern.slice(0, 57) + "..." : pattern}`, () => {
      const found = shapesByPattern.get(pattern);
      assert.ok(found, "no model has this pattern");
      const { shape } = found;
      for (const value of c.accepts) assert.deepEqual(patternViolations(shape, value), [], `${show(value)} is accepted`);
      for (const value of c.refuses ?? []) assert.equal(patternViolations(shape, value).length, 1, `${show(value)} is refused`);
      if (c.foreign === null) {
        // Every character is allowed: any mix passes.
        const mix = "a\u0000\n \u00a0#é😀";
        assert.deepEqual(patternViolations(shape, mix), [], `${show(mix)} is accepted`);
        return;
      }
      for (const value of c.accepts.filter((v) => v !== "")) {
        const extensions: { extended: string; anchored: boolean }[] = [
          { extended: value + c.foreign, anchored: pattern.endsWith("$") },
          { extended: c.foreign + value, anchored: pattern.startsWith("^") },
        ];
        for (const { extended, anchored } of extensions) {
          const violations = patternViolations(shape, extended);
          assert.equal(violations.length, 1, `${show(extended)} is refused`);
          assert.equal(violations[0].constraint, `Member must satisfy regular expression pattern: ${pattern}`);
          // Where the pattern carries no anchor of its own on that side, a search finds the valid part inside.
          if (!anchored) assert.ok(substringSearch(pattern).test(extended), `a substring search accepts ${show(extended)}`);
        }
      }
    });
  }
});

describe("Java pattern syntax read for JavaScript (src/model/pattern.ts)", () => {
  // Each case: a Java pattern, values Java's Matcher.matches() accepts, values it refuses.
  const cases: [pattern: string, accepts: string[], refuses: string[]][] = [
    ["a|b", ["a", "b"], ["ab", "ba", "xa"]],
    ["^abc$", ["abc"], ["abc\n", "xabc"]],
    ["(?i)abc", ["ABC", "abc", "aBc"], ["abcd"]],
    ["(?s)a.b", ["a\nb", "axb"], ["ab"]],
    ["a.b", ["axb", "a b"], ["a\nb", "a\u0085b"]],
    ["x{2}{3}", ["xx"], ["xxxxxx", "xxx", ""]],
    ["a++b", ["aab"], ["b", "aa"]],
    ["\\Aab\\z", ["ab"], ["abc"]],
    ["[\\s]+", [" \t\n\u000b\f\r"], ["\u00a0", "\u2028"]],
    ["\\S+", ["a\u00a0b"], ["a b", "a\u000bb"]],
    ["[^\\S]", ["\t"], ["a"]],
    ["\\-\\,\\:", ["-,:"], ["\\-\\,\\:"]],
    ["[a-c]*?c", ["abc", "c"], ["ab"]],
    ["(?<!x)y", ["y"], ["xy"]],
    ["\\p{IsAlphabetic}+", ["abcé"], ["a1"]],
  ];
  for (const [pattern, accepts, refuses] of cases) {
    it(pattern, () => {
      const re = compilePattern(pattern);
      assert.ok(re, `${pattern} compiles`);
      for (const v of accepts) assert.ok(re.test(v), `accepts ${show(v)}`);
      for (const v of refuses) assert.ok(!re.test(v), `refuses ${show(v)}`);
    });
  }

  it("leaves syntax it does not read uncompiled rather than guess", () => {
    for (const pattern of ["[a-z&&[^aeiou]]", "a(?i)b", "\\Qa.b\\E", "(?x) a b"]) assert.equal(compilePattern(pattern), undefined, pattern);
  });
});
