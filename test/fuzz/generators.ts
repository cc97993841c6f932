// Arbitraries that build inputs from the service models: mostly plausible values (enums, patterns, known
// names and ids) so that requests reach the handlers, mixed with boundary values, wrong types, huge and
// unusual strings, and mutations that drop, rename or retype members.
import fc from "fast-check";
import type { Operation, Shape } from "../../src/model/model";

/** A reference to a value seen in an earlier answer (an AMI id, an ARN), resolved when the request is sent. */
export class Ref {
  constructor(
    readonly n: number,
    readonly prefix = "",
  ) {}
}

/** Names shared by all requests so that creates collide and later calls find what earlier ones made. */
export const NAMES = ["fz-a", "fz-b", "fz-c"];
/** Values the catalogs know, so that creates can succeed (public images, instance types). */
const KNOWN = [
  "AppStream-WinServer2019-11-10-2025",
  "stream.standard.small",
  "stream.standard.medium",
  "ALWAYS_ON",
  "ON_DEMAND",
  "x86_64",
  "hvm",
  "/dev/xvda",
  "snap-0123456789abcdef0",
  "self",
  "amazon",
  "all",
  "image",
  "111111111111",
  "222222222222",
  "us-east-1",
  "eu-west-1",
];

const MAX_DEPTH = 4;
const strings = new WeakMap<Shape, fc.Arbitrary<unknown>>();

function patternArb(shape: Shape): fc.Arbitrary<string> | undefined {
  if (!shape.patternRegex) return undefined;
  try {
    const arb = fc.stringMatching(shape.patternRegex);
    fc.sample(arb, { numRuns: 1, seed: 1 }); // some Java patterns are beyond stringMatching
    return arb;
  } catch {
    return undefined;
  }
}

function lengthBoundaries(shape: Shape): string[] {
  const out: string[] = [];
  for (const n of [shape.min, shape.max])
    if (n !== undefined) for (const d of [-1, 0, 1]) if (n + d >= 0 && n + d <= 70_000) out.push("a".repeat(n + d));
  return out;
}

function stringArb(shape: Shape): fc.Arbitrary<unknown> {
  let arb = strings.get(shape);
  if (arb) return arb;
  const choices: fc.WeightedArbitrary<unknown>[] = [
    { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
    { weight: 3, arbitrary: fc.nat(1000).map((n) => new Ref(n)) },
    { weight: 2, arbitrary: fc.constantFrom(...KNOWN) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) }, // control characters, lone surrogates
  ];
  if (shape.enum) choices.push({ weight: 8, arbitrary: fc.constantFrom(...shape.enum) });
  const pattern = patternArb(shape);
  if (pattern) choices.push({ weight: 3, arbitrary: pattern });
  const bounds = lengthBoundaries(shape);
  if (bounds.length) choices.push({ weight: 1, arbitrary: fc.constantFrom(...bounds) });
  arb = fc.oneof(...choices);
  strings.set(shape, arb);
  return arb;
}

function numberArb(shape: Shape): fc.Arbitrary<number> {
  const lo = shape.min ?? 0;
  const hi = shape.max ?? Math.max(lo, 100);
  const edges = [lo, hi, lo - 1, hi + 1, 0, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e20, 1e300];
  const integer = shape.type === "integer" || shape.type === "long";
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: Math.max(lo, -(2 ** 31)), max: Math.min(hi, 2 ** 31 - 1) }) },
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
    { weight: integer ? 0 : 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  );
}

export function valueArb(shape: Shape, depth = 0): fc.Arbitrary<unknown> {
  switch (shape.type) {
    case "structure": {
      if (depth >= MAX_DEPTH) return fc.constant({});
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, m] of Object.entries(shape.members)) model[name] = valueArb(m.shape, depth + 1);
      // Required members present (the "drop" mutation removes them), optional ones sometimes.
      return fc.record(model, { requiredKeys: [...shape.required].filter((k) => k in model) });
    }
    case "list": {
      if (depth >= MAX_DEPTH) return fc.constant([]);
      const max = Math.min(shape.max ?? 3, 3);
      const item = valueArb(shape.member!.shape, depth + 1);
      const over =
        shape.max !== undefined && shape.max < 300 ? [fc.array(item, { minLength: shape.max + 1, maxLength: shape.max + 1 })] : [];
      return fc.oneof({ weight: 9, arbitrary: fc.array(item, { maxLength: max }) }, ...over.map((a) => ({ weight: 1, arbitrary: a })));
    }
    case "map":
      if (depth >= MAX_DEPTH) return fc.constant({});
      return fc.dictionary(stringArb(shape.key!.shape).map(String), valueArb(shape.value!.shape, depth + 1), { maxKeys: 3 });
    case "string":
      return stringArb(shape);
    case "integer":
    case "long":
    case "double":
    case "float":
      return numberArb(shape);
    case "boolean":
      return fc.boolean();
    case "timestamp":
      return fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true });
    case "blob":
      return fc.uint8Array({ maxLength: 16 }).map((b) => Buffer.from(b));
  }
}

/** A value of another kind than the shape expects. */
const wrongValue = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.constant({ x: 1 }),
  fc.constantFrom("NaN", "Infinity", "-Infinity", "1e400", ""),
  fc.constant("x".repeat(100_000)),
);

export type Mutation = { kind: "none" } | { kind: "drop" | "rename"; at: number } | { kind: "retype"; at: number; value: unknown };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: "none" } as Mutation) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom("drop" as const, "rename" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("retype" as const), at: fc.nat(), value: wrongValue }) },
);

/** Applies a mutation to one top-level member of an input object. */
export function mutate(input: Record<string, unknown>, m: Mutation, op: Operation): Record<string, unknown> {
  if (m.kind === "none") return input;
  const keys = Object.keys(input).length ? Object.keys(input) : Object.keys(op.input?.members ?? {});
  if (!keys.length) return input;
  const key = keys[m.at % keys.length];
  const out = { ...input };
  if (m.kind === "drop") delete out[key];
  else if (m.kind === "rename") {
    out[key.toLowerCase() + "x"] = out[key];
    delete out[key];
  } else if (m.kind === "retype") out[key] = m.value;
  return out;
}

/**
 * EC2 filter values (`*`, `?`, `\` escapes): subjects with characters turned into wildcards (so that many
 * match), fragments of subjects among wildcards, runs of wildcards and backslashes, and values around EC2's
 * limit of 255 characters.
 */
export function filterValueArb(subjects: string[]): fc.Arbitrary<string> {
  const derived = fc.tuple(fc.constantFrom(...subjects), fc.array(fc.nat(), { maxLength: 6 })).map(([s, edits]) => {
    const chars = Array.from(s).map((c) => ("*?\\".includes(c) ? `\\${c}` : c));
    for (const n of edits) {
      const at = n % (chars.length + 1);
      if (n % 3 === 0) chars.splice(at, (n >> 2) % 8, "*");
      else if (n % 3 === 1 && at < chars.length) chars[at] = "?";
      else chars.splice(at, 0, "*");
    }
    return chars.join("");
  });
  const fragment = fc.constantFrom(...subjects).chain((s) => fc.tuple(fc.nat(s.length), fc.nat(12)).map(([at, n]) => s.slice(at, at + n)));
  const run = fc
    .tuple(fc.constantFrom("*", "?", "\\", "*?", "?*", "\\*", "\\\\"), fc.integer({ min: 2, max: 140 }))
    .map(([t, n]) => t.repeat(n));
  const token = fc.oneof(
    { weight: 4, arbitrary: fragment },
    { weight: 4, arbitrary: fc.constantFrom("*", "?", "\\", "\\*", "\\?", "\\\\", "**") },
    { weight: 2, arbitrary: run },
    { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 2 }) },
  );
  const edge = fc
    .integer({ min: 250, max: 260 })
    .chain((n) => fc.constantFrom("*".repeat(n - 1) + "!", "a".repeat(n), "?".repeat(n), "*?".repeat(n).slice(0, n)));
  return fc.oneof(
    { weight: 5, arbitrary: derived },
    { weight: 5, arbitrary: fc.array(token, { maxLength: 8 }).map((t) => t.join("")) },
    { weight: 1, arbitrary: edge },
  );
}
