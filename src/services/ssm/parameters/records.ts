// Parameters of an account and region, one record per name holding its versions (at most 100, "Working with
// parameter versions"). The key is the name itself, so names under a path are adjacent in key order: a
// recursive GetParametersByPath is a scan from `<path>/` that stops at the first name outside it, and the
// `parent` index gives the names one level under a path.
import { collection, type Scope } from "../../../state/collection";
import type { ParameterTier, ParameterType } from "../api.generated";

export interface ParameterVersionRecord {
  Version: number;
  Value: string;
  Type: ParameterType;
  /** SecureString only: the KMS key named at put time, kept as metadata (nothing is encrypted). */
  KeyId?: string;
  Description?: string;
  AllowedPattern?: string;
  DataType: string;
  Tier: ParameterTier;
  Labels: string[];
  modifiedAt: number;
  LastModifiedUser: string;
}

export interface ParameterRecord {
  Name: string;
  /** Oldest first; the last is the current version. */
  versions: ParameterVersionRecord[];
  tags: Record<string, string>;
}

/** The path a hierarchical name sits in (`/a/b/c` → `/a/b`, `/a` → `/`); none for a name without a leading slash. */
export function parentPath(name: string): string | undefined {
  if (!name.startsWith("/")) return undefined;
  const i = name.lastIndexOf("/");
  return i === 0 ? "/" : name.slice(0, i);
}

export const parameters = collection<ParameterRecord, string, "parent">({
  type: "ssm.parameter",
  key: (p) => p.Name,
  indexes: { parent: (p) => parentPath(p.Name) },
});

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
