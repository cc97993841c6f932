// Validates a parsed input against its model shape and collects the violations with their member paths,
// in the order and words AWS services use ("Value 'x' at 'name' failed to satisfy constraint: ...").
// It stops at MAX_VIOLATIONS, so that neither the work nor the message grows with a hostile input.
import type { Shape } from "../model/model";
import { echo } from "../errors/echo";

/** Violations collected at most; the message reports those. */
const MAX_VIOLATIONS = 10;

export type ViolationKind = "required" | "length" | "range" | "pattern" | "enum";

export interface Violation {
  kind: ViolationKind;
  /** Member path as AWS JSON services print it: lowerCamel members, `.N.member` for list items. */
  path: string;
  /** Member path as the caller wrote it (model member names), for query-protocol messages. */
  memberPath: string;
  value: unknown;
  constraint: string;
}

const lowerFirst = (s: string) => (s ? s[0].toLowerCase() + s.slice(1) : s);

function constraintOf(kind: ViolationKind, shape: Shape, bound?: "min" | "max"): string {
  switch (kind) {
    case "required":
      return "Member must not be null";
    case "pattern":
      return `Member must satisfy regular expression pattern: ${shape.pattern}`;
    case "enum":
      return `Member must satisfy enum value set: [${shape.enum!.join(", ")}]`;
    case "length":
      return bound === "min"
        ? `Member must have length greater than or equal to ${shape.min}`
        : `Member must have length less than or equal to ${shape.max}`;
    case "range":
      return bound === "min"
        ? `Member must have value greater than or equal to ${shape.min}`
        : `Member must have value less than or equal to ${shape.max}`;
  }
}

/** Number of characters as AWS counts them (code points). */
function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

export function validate(shape: Shape, value: unknown): Violation[] {
  const out: Violation[] = [];
  walk(shape, value, "", "", out);
  return out;
}

const full = (out: Violation[]) => out.length >= MAX_VIOLATIONS;

function walk(shape: Shape, value: unknown, path: string, memberPath: string, out: Violation[]): void {
  if (value === undefined || value === null || full(out)) return;
  const add = (kind: ViolationKind, bound?: "min" | "max") => {
    if (!full(out)) out.push({ kind, path, memberPath, value, constraint: constraintOf(kind, shape, bound) });
  };
  switch (shape.type) {
    case "structure": {
      const obj = value as Record<string, unknown>;
      for (const [name, member] of Object.entries(shape.members)) {
        if (full(out)) return;
        const p = path ? `${path}.${lowerFirst(name)}` : lowerFirst(name);
        const mp = memberPath ? `${memberPath}.${name}` : name;
        const v = obj[name];
        if (v === undefined || v === null) {
          if (shape.required.has(name))
            out.push({ kind: "required", path: p, memberPath: mp, value: null, constraint: constraintOf("required", member.shape) });
        } else {
          walk(member.shape, v, p, mp, out);
        }
      }
      return;
    }
    case "list": {
      const arr = value as unknown[];
      if (shape.min !== undefined && arr.length < shape.min) add("length", "min");
      if (shape.max !== undefined && arr.length > shape.max) add("length", "max");
      for (let i = 0; i < arr.length && !full(out); i++)
        walk(shape.member!.shape, arr[i], `${path}.${i + 1}.member`, `${memberPath}.${i + 1}`, out);
      return;
    }
    case "map": {
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj);
      if (shape.min !== undefined && keys.length < shape.min) add("length", "min");
      if (shape.max !== undefined && keys.length > shape.max) add("length", "max");
      for (let i = 0; i < keys.length && !full(out); i++) {
        const k = keys[i];
        walk(shape.key!.shape, k, `${path}.${k}.key`, `${memberPath}.${k}`, out);
        walk(shape.value!.shape, obj[k], `${path}.${k}.value`, `${memberPath}.${k}`, out);
      }
      return;
    }
    case "string": {
      const s = value as string;
      if (shape.enumSet && !shape.enumSet.has(s)) add("enum");
      if (shape.min !== undefined || shape.max !== undefined) {
        const len = codePointLength(s);
        if (shape.min !== undefined && len < shape.min) add("length", "min");
        if (shape.max !== undefined && len > shape.max) add("length", "max");
      }
      if (shape.patternRegex && !shape.patternRegex.test(s)) add("pattern");
      return;
    }
    case "blob": {
      const len = (value as Buffer).length;
      if (shape.min !== undefined && len < shape.min) add("length", "min");
      if (shape.max !== undefined && len > shape.max) add("length", "max");
      return;
    }
    case "integer":
    case "long":
    case "double":
    case "float": {
      const n = value as number;
      if (shape.min !== undefined && n < shape.min) add("range", "min");
      if (shape.max !== undefined && n > shape.max) add("range", "max");
      return;
    }
    default:
      return;
  }
}

/** The AWS JSON wording: "2 validation errors detected: Value 'x' at 'a' failed ...; Value null at 'b' ...". */
export function awsValidationMessage(violations: Violation[]): string {
  const n = violations.length;
  const parts = violations.map(
    (v) => `Value ${v.value === null ? "null" : `'${echo(v.value)}'`} at '${echo(v.path)}' failed to satisfy constraint: ${v.constraint}`,
  );
  return `${n} validation error${n === 1 ? "" : "s"} detected: ${parts.join("; ")}`;
}
