// JSON value → input object following the shape: checks JSON types against the shape, converts timestamps and
// blobs, drops members the model lacks and nulls. AWS JSON names each member by its model name; REST-JSON by its
// wire name, the member's `locationName` when it has one (the input object always has model names).
// Its depth and the number of values it meets are bounded by jsonLimitProblem, checked before the parse.
import type { Member, Shape } from "../model/model";
import { ServiceError } from "../errors/service-error";
import { jsonLimitProblem } from "./json-limits";

export const serializationError = (message: string): ServiceError => new ServiceError("SerializationException", message, 400);

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

type Naming = "member" | "wire";

function typeName(v: unknown): string {
  if (v === null) return "VALUE_NULL";
  if (Array.isArray(v)) return "START_ARRAY";
  switch (typeof v) {
    case "string":
      return "VALUE_STRING";
    case "number":
      return Number.isInteger(v) ? "VALUE_NUMBER_INT" : "VALUE_NUMBER_FLOAT";
    case "boolean":
      return v ? "VALUE_TRUE" : "VALUE_FALSE";
    default:
      return "START_OBJECT";
  }
}

export const mismatchOf = (shape: Shape, v: unknown): ServiceError =>
  serializationError(`Unexpected ${typeName(v)} where ${shape.type} was expected for ${shape.name}.`);

/** Per structure, its members by wire name (REST-JSON). */
const wireMembers = new WeakMap<Shape, Map<string, Member>>();
function byWireName(shape: Shape): Map<string, Member> {
  let m = wireMembers.get(shape);
  if (!m) {
    m = new Map(Object.values(shape.members).map((x) => [x.locationName ?? x.name, x]));
    wireMembers.set(shape, m);
  }
  return m;
}

/** The member a JSON key names, if any; never one of Object.prototype's. */
const memberOf = (shape: Shape, key: string, naming: Naming): Member | undefined =>
  naming === "wire"
    ? byWireName(shape).get(key)
    : Object.prototype.hasOwnProperty.call(shape.members, key)
      ? shape.members[key]
      : undefined;

export function coerce(shape: Shape, v: unknown, naming: Naming = "member"): unknown {
  if (v === null) return undefined;
  switch (shape.type) {
    case "structure": {
      if (typeof v !== "object" || Array.isArray(v)) throw mismatchOf(shape, v);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const m = memberOf(shape, k, naming);
        if (m) {
          const c = coerce(m.shape, x, naming);
          if (c !== undefined) out[m.name] = c;
        }
      }
      return out;
    }
    case "list":
      if (!Array.isArray(v)) throw mismatchOf(shape, v);
      return v.map((x) => {
        const c = coerce(shape.member!.shape, x, naming);
        if (c === undefined) throw mismatchOf(shape, v);
        return c;
      });
    case "map": {
      if (typeof v !== "object" || Array.isArray(v)) throw mismatchOf(shape, v);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const c = coerce(shape.value!.shape, x, naming);
        if (c !== undefined) out[k] = c;
      }
      return out;
    }
    case "string":
      if (typeof v !== "string") throw mismatchOf(shape, v);
      return v;
    case "boolean":
      if (typeof v !== "boolean") throw mismatchOf(shape, v);
      return v;
    case "integer":
    case "long":
      if (typeof v !== "number" || !Number.isInteger(v)) throw mismatchOf(shape, v);
      // A number beyond Java's int or long is refused by the service's parser, as the query protocols do.
      if (shape.type === "integer" ? v > 2147483647 || v < -2147483648 : Math.abs(v) > 2 ** 63) {
        throw serializationError(`Numeric value (${v}) out of range of ${shape.type === "integer" ? "int" : "long"}.`);
      }
      return v;
    case "double":
    case "float":
      if (typeof v !== "number") throw mismatchOf(shape, v);
      return v;
    case "timestamp": {
      const d = typeof v === "number" ? new Date(v * 1000) : typeof v === "string" ? new Date(v) : undefined;
      if (!d || Number.isNaN(d.getTime())) throw mismatchOf(shape, v);
      return d;
    }
    case "blob":
      if (typeof v !== "string") throw mismatchOf(shape, v);
      return Buffer.from(v, "base64");
  }
}

/**
 * A request body as one JSON object (empty or blank: no members), before it is read into a shape: bounded
 * first (jsonLimitProblem), invalid UTF-8 refused as a JSON parser refuses it rather than read as U+FFFD.
 */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  const problem = jsonLimitProblem(body);
  if (problem) throw serializationError(problem);
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    throw serializationError("Invalid UTF-8 in the request body.");
  }
  let parsed: unknown = {};
  if (text.trim() !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw serializationError("Start of structure or map found where not expected.");
    }
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw serializationError("Start of structure or map found where not expected.");
  }
  return parsed as Record<string, unknown>;
}
