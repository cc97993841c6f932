// Output object → JSON text following the shape, in one pass, with a writer compiled once per shape: only the
// members the model names are written, in the order the value holds them; null and undefined ones are left out;
// timestamps become epoch seconds and blobs base64. Values below a shape without timestamps or blobs are
// written as they are. The text is the same as JSON.stringify of the value so converted.
import type { Shape } from "../model/model";

/** Writes a value as JSON, or returns undefined where JSON.stringify would leave the value out. */
export type JsonWriter = (v: unknown) => string | undefined;

/** Whether values of a shape serialize as they are (no timestamps or blobs anywhere below). */
const plainCache = new WeakMap<Shape, boolean>();
export function isPlain(shape: Shape, seen = new Set<Shape>()): boolean {
  const cached = plainCache.get(shape);
  if (cached !== undefined) return cached;
  if (seen.has(shape)) return true;
  seen.add(shape);
  let plain: boolean;
  switch (shape.type) {
    case "timestamp":
    case "blob":
      plain = false;
      break;
    case "structure":
      plain = Object.values(shape.members).every((m) => isPlain(m.shape, seen));
      break;
    case "list":
      plain = isPlain(shape.member!.shape, seen);
      break;
    case "map":
      plain = isPlain(shape.value!.shape, seen);
      break;
    default:
      plain = true;
  }
  plainCache.set(shape, plain);
  return plain;
}

/** What JSON.stringify escapes in a string: quotes, backslashes, control characters and (lone) surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** JSON.stringify's text, without its cost for the common string that needs no escape. */
const stringify: JsonWriter = (v) => (typeof v === "string" && !NEEDS_ESCAPE.test(v) ? `"${v}"` : JSON.stringify(v));

/** Per structure, its writer; an entry exists before its members are compiled (recursive shapes). */
const structures = new WeakMap<Shape, { write: JsonWriter }>();

function structureEntry(shape: Shape): { write: JsonWriter } {
  let entry = structures.get(shape);
  if (entry) return entry;
  const pending: { write: JsonWriter } = { write: () => "{}" };
  structures.set(shape, pending);
  const members = new Map<string, { key: string; write: JsonWriter }>();
  for (const [name, member] of Object.entries(shape.members))
    members.set(name, { key: `${JSON.stringify(name)}:`, write: writerOf(member.shape) });
  pending.write = (v) => {
    const obj = v as Record<string, unknown>;
    let out = "";
    for (const k in obj) {
      const x = obj[k];
      if (x === undefined || x === null) continue;
      const m = members.get(k);
      if (!m) continue;
      const s = m.write(x);
      if (s === undefined) continue;
      out += out ? "," + m.key + s : m.key + s;
    }
    return "{" + out + "}";
  };
  entry = pending;
  return entry;
}

const writers = new WeakMap<Shape, JsonWriter>();

/** The writer of a (non-null) value of a shape, compiled on first use. */
export function writerOf(shape: Shape): JsonWriter {
  let writer = writers.get(shape);
  if (!writer) writers.set(shape, (writer = compile(shape)));
  return writer;
}

function compile(shape: Shape): JsonWriter {
  switch (shape.type) {
    case "structure": {
      const entry = structureEntry(shape);
      return (v) => entry.write(v);
    }
    case "list": {
      const item = shape.member!.shape;
      if (isPlain(item)) return stringify;
      const writeItem = writerOf(item);
      return (v) => {
        let out = "";
        const items = v as unknown[];
        for (let i = 0; i < items.length; i++) {
          const x = items[i];
          const s = x === undefined || x === null ? undefined : writeItem(x);
          out += (i ? "," : "") + (s ?? "null");
        }
        return "[" + out + "]";
      };
    }
    case "map": {
      const value = shape.value!.shape;
      if (isPlain(value)) return stringify;
      const writeValue = writerOf(value);
      return (v) => {
        let out = "";
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
          const s = x === undefined || x === null ? undefined : writeValue(x);
          if (s !== undefined) out += (out ? "," : "") + JSON.stringify(k) + ":" + s;
        }
        return "{" + out + "}";
      };
    }
    case "timestamp":
      return (v) => JSON.stringify((v instanceof Date ? v.getTime() : new Date(v as string).getTime()) / 1000);
    case "blob":
      return (v) => JSON.stringify(Buffer.from(v as Uint8Array).toString("base64"));
    default:
      return stringify;
  }
}
