// The shape of each kind of stored record, declared by the service that writes it, so that a record from
// outside (a state import) is checked before any read relies on it: a fleet that is a string would make
// every describe of its account fail. Checks the members that reads use, not every detail of the model.

/** A member's kind; `?` makes it optional. */
type Kind = "string" | "number" | "boolean" | "object" | "array" | "strings" | "stringMap" | "schedule";
/** An object member with members of its own, or a list of such objects. */
interface Nested {
  nested: "object" | "list";
  schema: RecordSchema;
  optional: boolean;
}
export type Field = Kind | `${Kind}?` | Nested;
export interface RecordSchema {
  [member: string]: Field;
}

export const object = (schema: RecordSchema, optional = false): Nested => ({ nested: "object", schema, optional });
export const listOf = (schema: RecordSchema, optional = false): Nested => ({ nested: "list", schema, optional });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function checkKind(kind: Kind, v: unknown): string | undefined {
  switch (kind) {
    case "string":
    case "number":
    case "boolean":
      if (typeof v !== kind || (kind === "number" && !Number.isFinite(v))) return `must be a ${kind}`;
      return undefined;
    case "object":
      return isObject(v) ? undefined : "must be an object";
    case "array":
      return Array.isArray(v) ? undefined : "must be a list";
    case "strings":
      return Array.isArray(v) && v.every((x) => typeof x === "string") ? undefined : "must be a list of strings";
    case "stringMap":
      return isObject(v) && Object.values(v).every((x) => typeof x === "string") ? undefined : "must be an object of strings";
    case "schedule": {
      // A lifecycle: steps in time order, each a state and when it begins (state/lifecycle.ts).
      if (!Array.isArray(v) || v.length === 0) return "must be a non-empty list of steps";
      let last = -Infinity;
      for (const step of v) {
        if (
          !isObject(step) ||
          typeof step.state !== "string" ||
          typeof step.at !== "number" ||
          !Number.isFinite(step.at) ||
          step.at < last
        ) {
          return "must be a list of {state, at} steps in time order";
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
      for (let i = 0; i < v.length; i++) {
        const problem = checkRecord(field.schema, v[i], `${at}[${i}]`);
        if (problem) return problem;
      }
    }
  }
  return undefined;
}
