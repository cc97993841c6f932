// What a state document must be before an import replaces anything with it: every record in a partition
// imagelite could have written, of a known type, once, and fitting its type's schema and rules. The first
// record that breaks one is named with its place in the document and the problem, and nothing is imported.
import type { App } from "../../runtime/app-types";
import type { Partition, StoredRecord } from "../../state/store";
import { checkRecord, RULES } from "../../state/record-schema";
import { isRegion } from "../../util/regions";
import { PUBLIC_ACCOUNT } from "../../services/ec2/images/records";
import { IMAGELITE_PARTITION } from "../../state/shared-control";
import { ControlError } from "./control-error";

/** Ids are keys that handlers derive from names and ids AWS bounds (a parameter name: 2,048 characters). */
export const MAX_ID_CHARS = 4096;
/** A record's JSON, whole: room for a launch template version's largest user data, far below what breaks a store. */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;

const invalid = (message: string) => new ControlError(400, "InvalidState", message.length > 600 ? `${message.slice(0, 600)}…` : message);
const quoted = (s: string) => JSON.stringify(s.length > 100 ? `${s.slice(0, 100)}…` : s);

/**
 * Where records may live: an account (12 digits) in a region imagelite serves; the public images and
 * snapshots of a region (PUBLIC_ACCOUNT); imagelite's own records (the clock) in its partition.
 */
function partitionProblem(type: string, p: Partition, global: boolean): string | undefined {
  const own = type.startsWith("imagelite.");
  if (global && p.account === IMAGELITE_PARTITION.account && p.region === IMAGELITE_PARTITION.region) return undefined;
  if (own) {
    return p.account === IMAGELITE_PARTITION.account && p.region === IMAGELITE_PARTITION.region
      ? undefined
      : `imagelite's own records live in account "${IMAGELITE_PARTITION.account}", region "${IMAGELITE_PARTITION.region}"`;
  }
  if (!/^[0-9]{12}$/.test(p.account) && p.account !== PUBLIC_ACCOUNT) return `account ${quoted(p.account)} must be 12 digits`;
  if (!isRegion(p.region)) return `region ${quoted(p.region)} is not a region imagelite serves`;
  return undefined;
}

/** The problem of one record, or undefined. */
function recordProblem(app: App, r: StoredRecord): string | undefined {
  if (typeof r.type !== "string" || typeof r.account !== "string" || typeof r.region !== "string" || typeof r.id !== "string") {
    return "must have string type, account, region and id, and a value";
  }
  if (r.id === "" || r.id.length > MAX_ID_CHARS) return `id must have 1 to ${MAX_ID_CHARS} characters`;
  const schema = app.recordSchemas.get(r.type);
  if (!schema) return `has the unknown type ${quoted(r.type)}`;
  const where = partitionProblem(r.type, r, schema[RULES]?.global === true);
  if (where) return where;
  if (r.value === undefined) return "must have a value";
  let chars: number;
  try {
    chars = JSON.stringify(r.value).length;
  } catch {
    return "value is nested too deeply";
  }
  if (chars > MAX_RECORD_CHARS) return `value must be at most ${MAX_RECORD_CHARS} characters of JSON`;
  const problem = checkRecord(schema, r.value);
  if (problem) return problem;
  const rules = schema[RULES];
  const id = rules?.id?.(r.value as never);
  if (id !== undefined && id !== r.id) return `id must be the key its members give, ${quoted(id)}`;
  const home = rules?.partition?.(r.value as never);
  if (home && (home.account !== r.account || home.region !== r.region)) {
    return `belongs in account ${quoted(home.account)}, region ${quoted(home.region)}, by its members`;
  }
  return undefined;
}

/** The document's records, checked; throws InvalidState naming the first bad one. */
export function checkedRecords(app: App, list: unknown): StoredRecord[] {
  if (!Array.isArray(list)) throw invalid("records must be a list.");
  const seen = new Set<string>();
  const keyOf = (type: string, p: Partition, id: string) => JSON.stringify([type, p.account, p.region, id]);
  const label = (r: StoredRecord, i: number) =>
    typeof r?.type === "string" && typeof r.id === "string" ? `records[${i}] (${r.type.slice(0, 100)} ${quoted(r.id)})` : `records[${i}]`;
  list.forEach((r: StoredRecord, i) => {
    const problem = typeof r !== "object" || r === null || Array.isArray(r) ? "must be an object" : recordProblem(app, r);
    if (problem) throw invalid(`${label(r, i)}: ${problem}.`);
    const key = keyOf(r.type, r, r.id);
    if (seen.has(key)) throw invalid(`${label(r, i)}: the document holds this record (type, account, region and id) twice.`);
    seen.add(key);
  });
  // Once every record is known to fit: what reads of one record look up must be there too.
  list.forEach((r: StoredRecord, i) => {
    for (const need of app.recordSchemas.get(r.type)![RULES]?.needs?.(r.value as never) ?? []) {
      if (!seen.has(keyOf(need.type, r, need.id))) {
        throw invalid(`${label(r, i)}: needs the ${need.type} record ${quoted(need.id)} in its partition, which the document lacks.`);
      }
    }
  });
  return list as StoredRecord[];
}
