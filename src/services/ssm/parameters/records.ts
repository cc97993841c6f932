// Parameters of an account and region, one record per name holding its versions (at most 100, "Working with
// parameter versions"). The key is the name itself, so names under a path are adjacent in key order: a
// recursive GetParametersByPath is a scan from `<path>/` that stops at the first name outside it, and the
// `parent` index gives the names one level under a path.
import { collection, type Scope } from "../../../state/collection";
import { listOf, nonEmptyListOf, schema, typed, type RecordOf } from "../../../state/record-schema";
import type { ParameterTier, ParameterType } from "../api.generated";

const versionSchema = schema({
  Version: "count",
  Value: "string",
  Type: typed<ParameterType>("string"),
  /** SecureString only: the KMS key named at put time, kept as metadata (nothing is encrypted). */
  KeyId: "string?",
  Description: "string?",
  AllowedPattern: "string?",
  DataType: "string",
  Tier: typed<ParameterTier>("string"),
  Labels: "strings",
  /** Its parameter policies (policies.ts), as DescribeParameters shows them. */
  Policies: listOf(schema({ PolicyText: "string", PolicyType: "string", PolicyStatus: "string" }), true),
  modifiedAt: "time",
  LastModifiedUser: "string",
});
export type ParameterVersionRecord = RecordOf<typeof versionSchema>;

const parameterSchema = schema({
  Name: "string",
  tags: "stringMap",
  /** Oldest first; the last is the current version. */
  versions: nonEmptyListOf(versionSchema),
});
export type ParameterRecord = RecordOf<typeof parameterSchema>;

/** Versions oldest first, each above the one before: the last is the current one, and GetParameter reads it. */
function versionsInOrder(p: ParameterRecord): string | undefined {
  for (let i = 0; i < p.versions.length; i++) {
    const v = p.versions[i].Version;
    if (v < 1 || (i > 0 && v <= p.versions[i - 1].Version)) return `versions[${i}].Version must be above the version before it, from 1`;
  }
  return undefined;
}

/** The path a hierarchical name sits in (`/a/b/c` → `/a/b`, `/a` → `/`); none for a name without a leading slash. */
export function parentPath(name: string): string | undefined {
  if (!name.startsWith("/")) return undefined;
  const i = name.lastIndexOf("/");
  return i === 0 ? "/" : name.slice(0, i);
}

/**
 * Keyed by name; by parent path; by the AMI an `aws:ec2:image` parameter names now, which EC2's
 * DescribeImageReferences reads (ssm:Parameter references).
 */
export const parameters = collection<ParameterRecord, string, "parent" | "image">({
  type: "ssm.parameter",
  schema: parameterSchema,
  rules: { check: versionsInOrder },
  key: (p) => p.Name,
  indexes: {
    parent: (p) => parentPath(p.Name),
    image: (p) => {
      const v = p.versions[p.versions.length - 1];
      return v.DataType === "aws:ec2:image" ? v.Value : undefined;
    },
  },
});

/** The names of the caller's parameters of data type `aws:ec2:image` that name `imageId` now. */
export const parametersNamingImage = (s: Scope, imageId: string): string[] =>
  parameters.lookup(s, "image", { key: imageId }).map((r) => r.id);

export const current = (p: ParameterRecord): ParameterVersionRecord => p.versions[p.versions.length - 1];

/** The names strictly under `path`, in name order, after `after`. */
export function* underPath(s: Scope, path: string, after?: string): Generator<ParameterRecord> {
  const prefix = path === "/" ? "/" : `${path}/`;
  const o = after ? { after } : { from: prefix };
  for (const r of parameters.entries(s, { ...o, batch: 20 })) {
    if (!r.id.startsWith(prefix)) return;
    yield r.value;
  }
}

/** The names directly in `path`, in name order, after `after`. */
export function* inPath(s: Scope, path: string, after?: string): Generator<ParameterRecord> {
  for (const r of parameters.indexScan(s, "parent", { key: path }, { after, batch: 20 })) yield r.value;
}
