// Output object → JSON text following the shape, in one pass, with a writer compiled once per shape: only the
// members the model names are written, in the order the value holds them; null and undefined ones are left out;
// timestamps become epoch seconds and blobs base64. Values below a shape without timestamps or blobs are
// written as they are. The text is the same as JSON.stringify of the value so converted.
//
// Two namings: AWS JSON writes each member under its model name (writerOf); REST-JSON under its wire name, the
// member's `locationName` when it has one, with its timestamps in the member's `timestampFormat` (wireWriterOf).
import type { Member, Shape } from "../model/model";

/** Writes a value as JSON, or returns undefined where JSON.stringify would leave the value out. */
export type JsonWriter = (v: unknown) => string | undefined;

type Naming = "member" | "wire";

/** Whether a member is written as JSON.stringify would write it: under its model name, a timestamp as epoch seconds. */
const asIs = (m: Member, naming: Naming) =>
  naming === "member" || ((m.locationName === undefined || m.locationName === m.name) && m.timestampFormat === undefined);

/** Whether values of a shape serialize as they are (no timestamps or blobs anywhere below, no member renamed). */
const plainCaches: Record<Naming, WeakMap<Shape, boolean>> = { member: new WeakMap(), wire: new WeakMap() };
export function isPlain(shape: Shape, naming: Naming = "member", seen = new Set<Shape>()): boolean {
  const cache = plainCaches[naming];
  const cached = cache.get(shape);
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
      plain = Object.values(shape.members).every((m) => asIs(m, naming) && isPlain(m.shape, naming, seen));
      break;
    case "list":
      plain = isPlain(shape.member!.shape, naming, seen);
      break;
    case "map":
      plain = isPlain(shape.value!.shape, naming, seen);
      break;
    default:
      plain = true;
  }
  cache.set(shape, plain);
  return plain;
}

/** What JSON.stringify escapes in a string: quotes, backslashes, control characters and (lone) surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** JSON.stringify's text, without its cost for the common string that needs no escape. */
const stringify: JsonWriter = (v) => (typeof v === "string" && !NEEDS_ESCAPE.test(v) ? `"${v}"` : JSON.stringify(v));

/** A timestamp's epoch milliseconds, from a Date or the ISO text a record may hold. */
export const epochMs = (v: unknown): number => (v instanceof Date ? v.getTime() : new Date(v as string).getTime());

/** A timestamp as a protocol writes it: epoch seconds (the JSON default), ISO 8601 or an HTTP date. */
export function formatTimestamp(v: unknown, format: string | undefined): string | number {
  const ms = epochMs(v);
  switch (format) {
    case "iso8601":
      return new Date(ms).toISOString();
    case "rfc822":
      return new Date(ms).toUTCString();
    default:
      return ms / 1000;
  }
}

function makeWriters(naming: Naming): (shape: Shape) => JsonWriter {
  /** Per structure, its writer; an entry exists before its members are compiled (recursive shapes). */
  const structures = new WeakMap<Shape, { write: JsonWriter }>();
  const writers = new WeakMap<Shape, JsonWriter>();

  function memberWriter(member: Member): JsonWriter {
    const format = naming === "wire" ? (member.timestampFormat ?? member.shape.timestampFormat) : undefined;
    if (member.shape.type === "timestamp" && format !== undefined) return (v) => JSON.stringify(formatTimestamp(v, format));
    return writerOf(member.shape);
  }

  function structureEntry(shape: Shape): { write: JsonWriter } {
    let entry = structures.get(shape);
    if (entry) return entry;
    const pending: { write: JsonWriter } = { write: () => "{}" };
    structures.set(shape, pending);
    const members = new Map<string, { key: string; write: JsonWriter }>();
    for (const [name, member] of Object.entries(shape.members)) {
      const key = naming === "wire" ? (member.locationName ?? name) : name;
      members.set(name, { key: `${JSON.stringify(key)}:`, write: memberWriter(member) });
    }
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

  /** The writer of a (non-null) value of a shape, compiled on first use. */
  function writerOf(shape: Shape): JsonWriter {
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
        if (isPlain(item, naming)) return stringify;
        const writeItem = memberWriter(shape.member!);
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
        if (isPlain(value, naming)) return stringify;
        const writeValue = memberWriter(shape.value!);
        return (v) => {
          let out = "";
          for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
            const s = x === undefined || x === null ? undefined : writeValue(x);
            if (s !== undefined) out += (out ? "," : "") + JSON.stringify(k) + ":" + s;
          }
          return "{" + out + "}";
        };
      }
      case "timestamp": {
        const format = naming === "wire" ? shape.timestampFormat : undefined;
        return (v) => JSON.stringify(formatTimestamp(v, format));
      }
      case "blob":
        return (v) => JSON.stringify(Buffer.from(v as Uint8Array).toString("base64"));
      default:
        return stringify;
    }
  }

  return writerOf;
}

/** The writer of a (non-null) value of a shape, members under their model names (AWS JSON). */
export const writerOf = makeWriters("member");

/** The writer of a (non-null) value of a shape, members under their wire names (REST-JSON). */
export const wireWriterOf = makeWriters("wire");
