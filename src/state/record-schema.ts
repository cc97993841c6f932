// The shape of each kind of stored record, declared once beside its collection: a state import checks a record
// from outside against it before any read relies on it (a fleet that is a string would make every describe
// of its account fail), and the record's TypeScript type is inferred from it (RecordOf). Checks the members
// that reads use, not every detail of the model, and bounds what it checks: strings, numbers and times that no
// handler could have written are refused. Members that no read depends on the shape of are typed only
// (`unchecked`), and a checked member may be typed narrower than its check (`typed`: a union of names, a model shape).
import { CLOCK_MIN_MS } from "./clock";
import type { Schedule } from "./lifecycle";
import type { Partition } from "./store";

/**
 * A member's kind; `?` makes it optional. `count` is a whole number from 0 to 2^53 - 1 (versions, sizes,
 * counters); `time` an epoch millisecond within the years the clock can show (see TIME_MAX_MS).
 */
type Kind = "string" | "number" | "count" | "time" | "boolean" | "object" | "array" | "strings" | "stringMap" | "schedule";

/** The TypeScript type of each kind. */
interface KindTypes {
  string: string;
  number: number;
  count: number;
  time: number;
  boolean: boolean;
  object: Record<string, unknown>;
  array: unknown[];
  strings: string[];
  stringMap: Record<string, string>;
  schedule: Schedule;
}

/** An object member with members of its own, or a list of such objects. */
export interface Nested<
  S extends RecordSchema = RecordSchema,
  L extends "object" | "list" = "object" | "list",
  O extends boolean = boolean,
> {
  nested: L;
  schema: S;
  optional: O;
  /** A list that reads take an element of: it may not be empty. */
  nonEmpty?: boolean;
}

/** A member that imports take as it is: typed, never checked. */
const UNCHECKED = "unchecked";

type RequiredField = Kind | Nested<RecordSchema, "object" | "list", false>;
type OptionalField = `${Kind}?` | Nested<RecordSchema, "object" | "list", true>;
export type Field = RequiredField | OptionalField | typeof UNCHECKED;

/** The type a member declares beside its check: a type-level mark, never there at run time. */
export declare const TYPE: unique symbol;
export type Typed<F extends Field, T> = F & { readonly [TYPE]: T };

/** The TypeScript type of a member (undefined among its values when it is optional). */
type TypeOf<F> = F extends { readonly [TYPE]: infer T }
  ? T
  : F extends Nested<infer S, infer L, infer O>
    ? (L extends "list" ? RecordOf<S>[] : RecordOf<S>) | (O extends true ? undefined : never)
    : F extends `${infer K extends Kind}?`
      ? KindTypes[K] | undefined
      : F extends Kind
        ? KindTypes[F]
        : never;

type Members<S> = keyof S & string;
type OptionalMembers<S> = { [K in Members<S>]: undefined extends TypeOf<S[K]> ? K : never }[Members<S>];

/** The type of a record that fits schema S: its optional members (undefined among their values) may be absent. */
export type RecordOf<S> = {
  -readonly [K in keyof S as K extends OptionalMembers<S> ? never : K extends string ? K : never]-?: TypeOf<S[K]>;
} & {
  -readonly [K in keyof S as K extends OptionalMembers<S> ? K : never]?: TypeOf<S[K]>;
};

/** A record's schema, its member kinds kept exact so that RecordOf reads them. */
export const schema = <const S extends RecordSchema>(members: S): S => members;

/** A member checked as `field` and typed T, narrower than the check shows; optional when the field is. */
export function typed<T>(field: OptionalField): Typed<OptionalField, T | undefined>;
export function typed<T>(field: RequiredField): Typed<RequiredField, T>;
export function typed(field: Field): Field {
  return field;
}

/** A member typed T that an import does not check (no read depends on its shape); optional when T admits undefined. */
export const unchecked = <T>(): Typed<typeof UNCHECKED, T> => UNCHECKED as Typed<typeof UNCHECKED, T>;

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

export function object<const S extends RecordSchema>(schema: S): Nested<S, "object", false>;
export function object<const S extends RecordSchema>(schema: S, optional: true): Nested<S, "object", true>;
export function object(schema: RecordSchema, optional = false): Nested {
  return { nested: "object", schema, optional };
}
export function listOf<const S extends RecordSchema>(schema: S): Nested<S, "list", false>;
export function listOf<const S extends RecordSchema>(schema: S, optional: true): Nested<S, "list", true>;
export function listOf(schema: RecordSchema, optional = false): Nested {
  return { nested: "list", schema, optional };
}
/** A list of objects with at least one element. */
export const nonEmptyListOf = <const S extends RecordSchema>(schema: S): Nested<S, "list", false> => ({
  nested: "list",
  schema,
  optional: false,
  nonEmpty: true,
});

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
    if (field === UNCHECKED) continue;
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
