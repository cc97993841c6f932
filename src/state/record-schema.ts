// The shape of each kind of stored record, declared by the service that writes it, so that a record from
// outside (a state import) is checked before any read relies on it: a fleet that is a string would make
// every describe of its account fail. Checks the members that reads use, not every detail of the model,
// and bounds what it checks: strings, numbers and times that no handler could have written are refused.
import { CLOCK_MIN_MS } from "./clock";
import type { Partition } from "./store";

/**
 * A member's kind; `?` makes it optional. `count` is a whole number from 0 to 2^53 - 1 (versions, sizes,
 * counters); `time` an epoch millisecond within the years the clock can show (see TIME_MAX_MS).
 */
type Kind = "string" | "number" | "count" | "time" | "boolean" | "object" | "array" | "strings" | "stringMap" | "schedule";
/** An object member with members of its own, or a list of such objects. */
interface Nested {
  nested: "object" | "list";
  schema: RecordSchema;
  optional: boolean;
  /** A list that reads take an element of: it may not be empty. */
  nonEmpty?: boolean;
}
export type Field = Kind | `${Kind}?` | Nested;

/** What a record must satisfy beyond its members' kinds (read only once its members fit). */
export interface RecordRules<T = never> {
  /** The stored id the record's own members give (its collection's key): an import refuses any other id. */
  id?(value: T): string;
  /** The partition the record's own members place it in (its owner and region). */
  partition?(value: T): Partition;
  /** A check of the whole record (a version chain in order); the problem, or undefined. */
  check?(value: T): string | undefined;
  /** Whether it may also live in imagelite's own partition, as a value for every account (a quota). */
  global?: boolean;
  /** Records of its partition that reads of this one look up and cannot do without (a template's versions). */
  needs?(value: T): { type: string; id: string }[];
}

export const RULES = Symbol("record rules");

export interface RecordSchema {
  [member: string]: Field;
  [RULES]?: RecordRules;
}

/**
 * Strings a handler writes are far shorter (a parameter value of the advanced tier is 8 KB); the bound keeps
 * one imported record from holding what no call could store. Members the schema does not name (a launch
 * template's data) are bounded by MAX_RECORD_CHARS, which the import applies to the whole record.
 */
export const MAX_STRING_CHARS = 256 * 1024;
/** Any time a lifecycle schedules: the clock's last time (CLOCK_MAX_MS) plus its longest phase stays in year 9999. */
export const TIME_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export const object = (schema: RecordSchema, optional = false): Nested => ({ nested: "object", schema, optional });
export const listOf = (schema: RecordSchema, optional = false): Nested => ({ nested: "list", schema, optional });
/** A list of objects with at least one element. */
export const nonEmptyListOf = (schema: RecordSchema): Nested => ({ nested: "list", schema, optional: false, nonEmpty: true });

/** A schema with rules of the whole record. */
export const withRules = <T>(schema: RecordSchema, rules: RecordRules<T>): RecordSchema => ({ ...schema, [RULES]: rules as RecordRules });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string" && v.length <= MAX_STRING_CHARS;
export const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
export const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= CLOCK_MIN_MS && (v as number) <= TIME_MAX_MS;

const STRING = `must be a string of at most ${MAX_STRING_CHARS} characters`;

function checkKind(kind: Kind, v: unknown): string | undefined {
  switch (kind) {
    case "string":
      return isString(v) ? undefined : STRING;
    case "number":
      return typeof v === "number" && Number.isFinite(v) ? undefined : "must be a finite number";
    case "count":
      return isCount(v) ? undefined : "must be a whole number from 0 to 2^53 - 1";
    case "time":
      return isTime(v) ? undefined : `must be a time in epoch milliseconds from ${CLOCK_MIN_MS} to ${TIME_MAX_MS}`;
    case "boolean":
      return typeof v === "boolean" ? undefined : "must be a boolean";
    case "object":
      return isObject(v) ? undefined : "must be an object";
    case "array":
      return Array.isArray(v) ? undefined : "must be a list";
    case "strings":
      return Array.isArray(v) && v.every(isString) ? undefined : `must be a list of strings of at most ${MAX_STRING_CHARS} characters`;
    case "stringMap":
      return isObject(v) && Object.entries(v).every(([k, x]) => isString(k) && isString(x))
        ? undefined
        : `must be an object of strings of at most ${MAX_STRING_CHARS} characters`;
    case "schedule": {
      // A lifecycle: steps in time order, each a state and when it begins (state/lifecycle.ts).
      if (!Array.isArray(v) || v.length === 0) return "must be a non-empty list of steps";
      let last = -Infinity;
      for (const step of v) {
        if (!isObject(step) || !isString(step.state) || !isTime(step.at) || step.at < last) {
          return "must be a list of {state, at} steps in time order, each at a time the clock can show";
        }
        last = step.at;
      }
      return undefined;
    }
  }
}

/** The first member of `value` that breaks `schema`, as "Name must be a string"; undefined when it fits. */
export function checkRecord(schema: RecordSchema, value: unknown, path = ""): string | undefined {
  if (!isObject(value)) return `${path || "the record"} must be an object`;
  for (const [name, field] of Object.entries(schema)) {
    const at = path ? `${path}.${name}` : name;
    const v = value[name];
    if (typeof field === "string") {
      const optional = field.endsWith("?");
      if (v === undefined && optional) continue;
      const problem = v === undefined ? "is missing" : checkKind((optional ? field.slice(0, -1) : field) as Kind, v);
      if (problem) return `${at} ${problem}`;
    } else if (v === undefined) {
      if (!field.optional) return `${at} is missing`;
    } else if (field.nested === "object") {
      const problem = checkRecord(field.schema, v, at);
      if (problem) return problem;
    } else {
      if (!Array.isArray(v)) return `${at} must be a list`;
      if (field.nonEmpty && v.length === 0) return `${at} must not be empty`;
      for (let i = 0; i < v.length; i++) {
        const problem = checkRecord(field.schema, v[i], `${at}[${i}]`);
        if (problem) return problem;
      }
    }
  }
  // Rules of the whole record read it as its type: only once its members fit.
  if (!path) return schema[RULES]?.check?.(value as never);
  return undefined;
}
