// Fuzzing of EC2 wildcard filter values against DescribeImages (fast-check, fixed seed): runs of `*`, `?`
// and `\`, escapes, fragments of real names and tag values, and values around the limit of 255 characters.
// Every request must finish with the right answer: exactly the images a reference matcher selects, or
// FilterLimitExceeded for a value that is too long. FUZZ_SEED and FUZZ_RUNS override.
import { beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { CreateTagsCommand, DescribeImagesCommand } from "@aws-sdk/client-ec2";
import type { Imagelite } from "../../src/index";
import { useServer } from "../support/server";
import { registerAmi, settle } from "../ec2/helpers";
import { query } from "../hostile/http";
import { envelopeProblem, errorCode } from "./envelopes";
import { filterValueArb } from "./generators";
import { referenceMatch } from "./wildcard-oracle";

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Math.ceil(Number(process.env.FUZZ_RUNS ?? 10_000) / 20);

/** Tag values with the characters a filter value escapes, and subjects as long as a tag value may be. */
const TAG_VALUES = ["a*b?c\\d", "\\\\**??", "*", "?", "\\", "x".repeat(256), "ab".repeat(128), "a*".repeat(100), "prod-eu", "prod-us"];

interface Image {
  id: string;
  subjects: Record<string, string | undefined>;
}

describe(`EC2 filter values (seed ${SEED}, ${RUNS} requests)`, () => {
  const fx = useServer();
  let server: Imagelite;
  let images: Image[];

  beforeEach(async () => {
    server = fx.server;
    const ec2 = fx.ec2();
    for (const [i, value] of TAG_VALUES.entries()) {
      const id = await registerAmi(ec2, `fz-${i}-${"n".repeat(i * 12)}`, { Description: `${value.slice(0, 200)} #${i}` });
      await ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: "k", Value: value }] }));
    }
    settle(server);
    const all = (await ec2.send(new DescribeImagesCommand({}))).Images!;
    images = all.map((r) => ({
      id: r.ImageId!,
      subjects: { name: r.Name, description: r.Description, "tag:k": r.Tags?.find((t) => t.Key === "k")?.Value },
    }));
  });

  it("answers every filter value with exactly the images that match it, or FilterLimitExceeded beyond 255 characters", async () => {
    const subjects = images
      .flatMap((i) => Object.values(i.subjects))
      .filter((s): s is string => s !== undefined)
      .sort();
    const cases = fc.sample(
      fc.record({
        name: fc.constantFrom("name", "description", "tag:k"),
        values: fc.array(filterValueArb(subjects), { minLength: 1, maxLength: 3 }),
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const problems: string[] = [];
    let matched = 0;
    for (const { name, values } of cases) {
      const form = new URLSearchParams([
        ["Action", "DescribeImages"],
        ["Version", "2016-11-15"],
        ["Filter.1.Name", name],
      ]);
      values.forEach((v, i) => form.append(`Filter.1.Value.${i + 1}`, v));
      const answer = await query(server.endpoint, "ec2", form.toString());
      const shown = `${name} ${JSON.stringify(values).slice(0, 200)}`;
      const envelope = envelopeProblem("ec2", answer);
      if (envelope) {
        problems.push(`${shown}: ${envelope}`);
        continue;
      }
      if (values.some((v) => Array.from(v).length > 255)) {
        if (errorCode(answer) !== "FilterLimitExceeded")
          problems.push(`${shown}: ${answer.status} ${errorCode(answer)}, expected FilterLimitExceeded`);
        continue;
      }
      const expected = images
        .filter((i) => {
          const s = i.subjects[name];
          return s !== undefined && values.some((v) => referenceMatch(v, s));
        })
        .map((i) => i.id)
        .sort();
      const got = [...answer.body.matchAll(/<imageId>([^<]+)<\/imageId>/g)].map((m) => m[1]).sort();
      if (answer.status !== 200 || JSON.stringify(got) !== JSON.stringify(expected)) {
        problems.push(`${shown}: ${answer.status} ${errorCode(answer) ?? ""} got ${got.length} images, expected ${expected.length}`);
      }
      if (expected.length) matched++;
    }
    console.log(`${cases.length} filter requests, ${matched} matched at least one image`);
    assert.deepEqual(problems.slice(0, 10), []);
    assert.ok(matched > cases.length / 10, "the generator makes values that match");
  });
});
