// The writers and the validator compiled once per shape (xml.ts, json-writer.ts, validate.ts) give exactly what
// a plain walk over the shape gives: the walks below are the specification, written the simple way, and
// random values of every output and input shape of the served models (fast-check, fixed seed) go through both.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { loadModel, type Member, type Shape } from "../../src/model/model";
import { escapeXml, writeMembers, type XmlFlavour } from "../../src/protocols/xml";
import { writerOf } from "../../src/protocols/json-writer";
import { validate, type Violation } from "../../src/validation/validate";

const SEED = 20261123;
const MODELS = ["ec2", "appstream", "ssm", "sts"].map(loadModel);
const MAX_DEPTH = 4;

// ---- the specification: plain walks ----

function xmlSpec(shape: Shape, value: Record<string, unknown>, flavour: XmlFlavour): string {
  let out = "";
  const member = (m: Member, tag: string, v: unknown): void => {
    const s = m.shape;
    if (s.type === "structure") {
      out += `<${tag}>`;
      members(s, v as Record<string, unknown>);
      out += `</${tag}>`;
    } else if (s.type === "list") {
      const flat = m.flattened || s.flattened;
      if (!flat) out += `<${tag}>`;
      for (const x of v as unknown[]) member(s.member!, flat ? tag : (s.member!.locationName ?? flavour.defaultListItem), x);
      if (!flat) out += `</${tag}>`;
    } else if (s.type === "map") {
      out += `<${tag}>`;
      const k = s.key!.locationName ?? "key";
      for (const [mk, mv] of Object.entries(v as Record<string, unknown>)) {
        out += `<entry><${k}>${escapeXml(mk)}</${k}>`;
        member(s.value!, s.value!.locationName ?? "value", mv);
        out += "</entry>";
      }
      out += `</${tag}>`;
    } else {
      const text =
        s.type === "timestamp"
          ? (v instanceof Date ? v : new Date(v as string)).toISOString()
          : s.type === "blob"
            ? Buffer.from(v as Uint8Array).toString("base64")
            : s.type === "boolean"
              ? v
                ? "true"
                : "false"
              : escapeXml(String(v));
      out += `<${tag}>${text}</${tag}>`;
    }
  };
  const members = (s: Shape, v: Record<string, unknown>): void => {
    for (const [name, m] of Object.entries(s.members))
      if (v[name] !== undefined && v[name] !== null) member(m, m.locationName ?? name, v[name]);
  };
  members(shape, value);
  return out;
}

function plain(shape: Shape, seen = new Set<Shape>()): boolean {
  if (seen.has(shape)) return true;
  seen.add(shape);
  if (shape.type === "timestamp" || shape.type === "blob") return false;
  if (shape.type === "structure") return Object.values(shape.members).every((m) => plain(m.shape, seen));
  if (shape.type === "list") return plain(shape.member!.shape, seen);
  if (shape.type === "map") return plain(shape.value!.shape, seen);
  return true;
}

/** The output as a JSON value (members of the model only; epoch seconds; base64), then JSON.stringify. */
function toJsonSpec(shape: Shape, v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  switch (shape.type) {
    case "structure": {
      const out: Record<string, unknown> = {};
      for (const k in v as Record<string, unknown>) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined && x !== null && Object.prototype.hasOwnProperty.call(shape.members, k))
          out[k] = toJsonSpec(shape.members[k].shape, x);
      }
      return out;
    }
    case "list":
      return plain(shape.member!.shape) ? v : (v as unknown[]).map((x) => toJsonSpec(shape.member!.shape, x));
    case "map": {
      if (plain(shape.value!.shape)) return v;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = toJsonSpec(shape.value!.shape, x);
      return out;
    }
    case "timestamp":
      return (v instanceof Date ? v.getTime() : new Date(v as string).getTime()) / 1000;
    case "blob":
      return Buffer.from(v as Uint8Array).toString("base64");
    default:
      return v;
  }
}

/** Every member walked in model order; the violations in the order found (the validator stops at 10). */
function validateSpec(shape: Shape, value: unknown): Violation[] {
  const out: Violation[] = [];
  const lower = (s: string) => (s ? s[0].toLowerCase() + s.slice(1) : s);
  // Characters as AWS counts them: a high surrogate starts a pair that counts once.
  const length = (s: string) => [...s].filter((c) => c.charCodeAt(0) < 0xd800 || c.charCodeAt(0) > 0xdbff || c.length === 2).length;
  const constraint = (kind: string, s: Shape, bound?: "min" | "max"): string =>
    kind === "required"
      ? "Member must not be null"
      : kind === "pattern"
        ? `Member must satisfy regular expression pattern: ${s.pattern}`
        : kind === "enum"
          ? `Member must satisfy enum value set: [${s.enum!.join(", ")}]`
          : `Member must have ${kind === "length" ? "length" : "value"} ${bound === "min" ? "greater" : "less"} than or equal to ${bound === "min" ? s.min : s.max}`;
  const walk = (s: Shape, v: unknown, path: string, mp: string): void => {
    if (v === undefined || v === null || out.length >= 10) return;
    const add = (kind: Violation["kind"], bound?: "min" | "max") => {
      if (out.length < 10) out.push({ kind, path, memberPath: mp, value: v, constraint: constraint(kind, s, bound) });
    };
    const bounds = (n: number, kind: "length" | "range") => {
      if (s.min !== undefined && n < s.min) add(kind, "min");
      if (s.max !== undefined && n > s.max) add(kind, "max");
    };
    if (s.type === "structure") {
      for (const [name, m] of Object.entries(s.members)) {
        if (out.length >= 10) return;
        const p = path ? `${path}.${lower(name)}` : lower(name);
        const q = mp ? `${mp}.${name}` : name;
        const x = (v as Record<string, unknown>)[name];
        if (x === undefined || x === null) {
          if (s.required.has(name))
            out.push({ kind: "required", path: p, memberPath: q, value: null, constraint: constraint("required", m.shape) });
        } else walk(m.shape, x, p, q);
      }
    } else if (s.type === "list") {
      const a = v as unknown[];
      bounds(a.length, "length");
      for (let i = 0; i < a.length && out.length < 10; i++) walk(s.member!.shape, a[i], `${path}.${i + 1}.member`, `${mp}.${i + 1}`);
    } else if (s.type === "map") {
      const keys = Object.keys(v as object);
      bounds(keys.length, "length");
      for (let i = 0; i < keys.length && out.length < 10; i++) {
        walk(s.key!.shape, keys[i], `${path}.${keys[i]}.key`, `${mp}.${keys[i]}`);
        walk(s.value!.shape, (v as Record<string, unknown>)[keys[i]], `${path}.${keys[i]}.value`, `${mp}.${keys[i]}`);
      }
    } else if (s.type === "string") {
      if (s.enumSet && !s.enumSet.has(v as string)) add("enum");
      if (s.min !== undefined || s.max !== undefined) bounds(length(v as string), "length");
      if (s.patternRegex && !s.patternRegex.test(v as string)) add("pattern");
    } else if (s.type === "blob") {
      bounds((v as Buffer).length, "length");
    } else if (s.type === "integer" || s.type === "long" || s.type === "double" || s.type === "float") {
      bounds(v as number, "range");
    }
  };
  walk(shape, value, "", "");
  return out;
}

// ---- random values of a shape ----

const arbs = new Map<string, fc.Arbitrary<unknown>>();

function valueOf(shape: Shape, depth: number): fc.Arbitrary<unknown> {
  const cacheKey = `${shape.name}\u0000${depth}`;
  const cached = arbs.get(cacheKey);
  if (cached) return cached;
  let arb: fc.Arbitrary<unknown>;
  const deeper = depth + 1;
  switch (shape.type) {
    case "structure": {
      if (depth > MAX_DEPTH) {
        arb = fc.constant({});
        break;
      }
      const names = Object.keys(shape.members);
      const members = names.map((n) =>
        fc
          .option(valueOf(shape.members[n].shape, deeper), { freq: 2, nil: undefined })
          .chain((v) => (v === undefined ? fc.constantFrom(undefined, null) : fc.constant(v))),
      );
      arb = fc.tuple(fc.tuple(...members), fc.option(fc.string({ maxLength: 4 }))).map(([values, extra]) => {
        const out: Record<string, unknown> = {};
        // Members in a shuffled order, and sometimes one the model lacks: the JSON writer keeps the value's order.
        names.forEach((n, i) => {
          if (values[i] !== undefined || i % 3 === 0) out[n] = values[i];
        });
        if (extra !== null) out[`NotInModel${extra}`] = extra;
        return Object.fromEntries(Object.entries(out).reverse());
      });
      break;
    }
    case "list":
      arb =
        depth > MAX_DEPTH
          ? fc.constant([])
          : fc.array(
              fc.oneof({ weight: 9, arbitrary: valueOf(shape.member!.shape, deeper) }, { weight: 1, arbitrary: fc.constant(null) }),
              {
                maxLength: 3,
              },
            );
      break;
    case "map":
      arb =
        depth > MAX_DEPTH
          ? fc.constant({})
          : fc.dictionary(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("10", "2", "a&b")), valueOf(shape.value!.shape, deeper), {
              maxKeys: 3,
            });
      break;
    case "string": {
      const bounds = [shape.min, shape.max]
        .filter((n): n is number => n !== undefined && n < 300)
        .flatMap((n) => ["a".repeat(n), "a".repeat(n + 1)]);
      arb = fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.string({ unit: "binary", maxLength: 8 }),
        fc.constantFrom(...(shape.enum ?? ["x"]), ...bounds, "<a&b>\"'\r"),
      );
      break;
    }
    case "integer":
    case "long":
      arb = fc.oneof(fc.integer(), fc.constantFrom(0, -1, shape.min ?? 1, shape.max ?? 2, (shape.max ?? 2) + 1));
      break;
    case "double":
    case "float":
      arb = fc.double({ noNaN: true });
      break;
    case "boolean":
      arb = fc.boolean();
      break;
    case "timestamp":
      arb = fc
        .date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true })
        .chain((d) => fc.constantFrom<unknown>(d, d.toISOString()));
      break;
    case "blob":
      arb = fc.uint8Array({ maxLength: 6 });
      break;
  }
  arbs.set(cacheKey, arb);
  return arb;
}

/** The text written, or that writing failed (a null item of a list of structures has no XML). */
function outcome(write: () => string | undefined): string | undefined {
  try {
    return write();
  } catch (e) {
    return `failed: ${(e as Error).name}`;
  }
}

const operations = MODELS.flatMap((model) => [...model.operations.values()].map((op) => ({ model, op })));

describe("the compiled writers equal a plain walk over the shape", () => {
  it("XML (EC2 and query flavours) for every output of the served models", () => {
    for (const { model, op } of operations) {
      if (!op.output) continue;
      const flavour: XmlFlavour = { defaultListItem: model.protocol === "ec2" ? "item" : "member" };
      fc.assert(
        fc.property(valueOf(op.output, 0), (v) => {
          const compiled = outcome(() => {
            const out: string[] = [];
            writeMembers(op.output!, v as Record<string, unknown>, flavour, out);
            return out.join("");
          });
          assert.equal(
            compiled,
            outcome(() => xmlSpec(op.output!, v as Record<string, unknown>, flavour)),
            `${model.name} ${op.name}`,
          );
        }),
        { seed: SEED, numRuns: 10 },
      );
    }
  });

  it("JSON for every output of the served models", () => {
    for (const { model, op } of operations) {
      if (!op.output) continue;
      fc.assert(
        fc.property(valueOf(op.output, 0), (v) => {
          const compiled = outcome(() => writerOf(op.output!)(v));
          assert.equal(
            compiled,
            outcome(() => JSON.stringify(toJsonSpec(op.output!, v))),
            `${model.name} ${op.name}`,
          );
        }),
        { seed: SEED, numRuns: 15 },
      );
    }
  });

  it("JSON strings: the text JSON.stringify gives, escapes and lone surrogates included", () => {
    const string = MODELS[1].shapes.get("String")!;
    for (const s of [
      "",
      "plain",
      'q"uote',
      "back\\slash",
      "tab\tnl\n",
      "\u0000\u001f\u007f",
      "\u2028\u2029",
      "😀",
      "\ud800",
      "a\udc00b",
      "ü€",
    ])
      assert.equal(writerOf(string)(s), JSON.stringify(s));
  });

  it("the validator finds the same violations, in the same order, for every input of the served models", () => {
    for (const { model, op } of operations) {
      if (!op.input) continue;
      fc.assert(
        fc.property(valueOf(op.input, 0), (v) => {
          assert.deepEqual(validate(op.input!, v), validateSpec(op.input!, v), `${model.name} ${op.name}`);
        }),
        { seed: SEED, numRuns: 15 },
      );
    }
  });
});
