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

/** A structure's members as the walk reads them, worked out once per shape. */
interface MemberCheck {
  name: string;
  lower: string;
  shape: Shape;
  required: boolean;
  /** Whether anything below the member can be violated; a member without constraints is not walked. */
  checked: boolean;
}

const memberChecks = new WeakMap<Shape, MemberCheck[]>();
const constrained = new WeakMap<Shape, boolean>();

/** Whether a value of the shape, or anything in it, can break a constraint. */
function hasConstraints(shape: Shape): boolean {
  const known = constrained.get(shape);
  if (known !== undefined) return known;
  // A shape that contains itself is taken as constrained while its members are looked at.
  constrained.set(shape, true);
  let result: boolean;
  switch (shape.type) {
    case "structure":
      result = shape.required.size > 0 || Object.values(shape.members).some((m) => hasConstraints(m.shape));
      break;
    case "list":
      result = shape.min !== undefined || shape.max !== undefined || hasConstraints(shape.member!.shape);
      break;
    case "map":
      result = shape.min !== undefined || shape.max !== undefined || hasConstraints(shape.key!.shape) || hasConstraints(shape.value!.shape);
      break;
    case "string":
      result = shape.enumSet !== undefined || shape.min !== undefined || shape.max !== undefined || shape.patternRegex !== undefined;
      break;
    case "blob":
    case "integer":
    case "long":
    case "double":
    case "float":
      result = shape.min !== undefined || shape.max !== undefined;
      break;
    default:
      result = false;
  }
  constrained.set(shape, result);
  return result;
}

function checksOf(shape: Shape): MemberCheck[] {
  let checks = memberChecks.get(shape);
  if (!checks) {
    checks = Object.entries(shape.members).map(([name, member]) => ({
      name,
      lower: lowerFirst(name),
      shape: member.shape,
      required: shape.required.has(name),
      checked: hasConstraints(member.shape),
    }));
    memberChecks.set(shape, checks);
  }
  return checks;
}

export function validate(shape: Shape, value: unknown): Violation[] {
  const out: Violation[] = [];
  walk(shape, value, "", "", out);
  return out;
}

const full = (out: Violation[]) => out.length >= MAX_VIOLATIONS;

function addViolation(
  out: Violation[],
  shape: Shape,
  value: unknown,
  path: string,
  memberPath: string,
  kind: ViolationKind,
  bound?: "min" | "max",
): void {
  if (!full(out)) out.push({ kind, path, memberPath, value, constraint: constraintOf(kind, shape, bound) });
}

function walk(shape: Shape, value: unknown, path: string, memberPath: string, out: Violation[]): void {
  if (value === undefined || value === null || full(out)) return;
  switch (shape.type) {
    case "structure": {
      const obj = value as Record<string, unknown>;
      for (const m of checksOf(shape)) {
        if (full(out)) return;
        const v = obj[m.name];
        const missing = v === undefined || v === null;
        if (missing ? !m.required : !m.checked) continue;
        const p = path ? `${path}.${m.lower}` : m.lower;
        const mp = memberPath ? `${memberPath}.${m.name}` : m.name;
        if (missing) out.push({ kind: "required", path: p, memberPath: mp, value: null, constraint: constraintOf("required", m.shape) });
        else walk(m.shape, v, p, mp, out);
      }
      return;
    }
    case "list": {
      const arr = value as unknown[];
      if (shape.min !== undefined && arr.length < shape.min) addViolation(out, shape, value, path, memberPath, "length", "min");
      if (shape.max !== undefined && arr.length > shape.max) addViolation(out, shape, value, path, memberPath, "length", "max");
      for (let i = 0; i < arr.length && !full(out); i++)
        walk(shape.member!.shape, arr[i], `${path}.${i + 1}.member`, `${memberPath}.${i + 1}`, out);
      return;
    }
    case "map": {
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj);
      if (shape.min !== undefined && keys.length < shape.min) addViolation(out, shape, value, path, memberPath, "length", "min");
      if (shape.max !== undefined && keys.length > shape.max) addViolation(out, shape, value, path, memberPath, "length", "max");
      for (let i = 0; i < keys.length && !full(out); i++) {
        const k = keys[i];
        walk(shape.key!.shape, k, `${path}.${k}.key`, `${memberPath}.${k}`, out);
        walk(shape.value!.shape, obj[k], `${path}.${k}.value`, `${memberPath}.${k}`, out);
      }
      return;
    }
    case "string": {
      const s = value as string;
      if (shape.enumSet && !shape.enumSet.has(s)) addViolation(out, shape, value, path, memberPath, "enum");
      if (shape.min !== undefined || shape.max !== undefined) {
        const len = codePointLength(s);
        if (shape.min !== undefined && len < shape.min) addViolation(out, shape, value, path, memberPath, "length", "min");
        if (shape.max !== undefined && len > shape.max) addViolation(out, shape, value, path, memberPath, "length", "max");
      }
      if (shape.patternRegex && !shape.patternRegex.test(s)) addViolation(out, shape, value, path, memberPath, "pattern");
      return;
    }
    case "blob": {
      const len = (value as Buffer).length;
      if (shape.min !== undefined && len < shape.min) addViolation(out, shape, value, path, memberPath, "length", "min");
      if (shape.max !== undefined && len > shape.max) addViolation(out, shape, value, path, memberPath, "length", "max");
      return;
    }
    case "integer":
    case "long":
    case "double":
    case "float": {
      const n = value as number;
      if (shape.min !== undefined && n < shape.min) addViolation(out, shape, value, path, memberPath, "range", "min");
      if (shape.max !== undefined && n > shape.max) addViolation(out, shape, value, path, memberPath, "range", "max");
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
