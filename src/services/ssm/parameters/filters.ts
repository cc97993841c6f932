// ParameterFilters of DescribeParameters and GetParametersByPath (ParameterStringFilter, SSM API reference):
// which keys each operation takes, which options each key takes, and the version of a parameter a filter
// set keeps (the current one, or the one carrying a Label).
import type { ParameterStringFilter } from "../api.generated";
import * as err from "../errors";
import { current, parentPath, type ParameterRecord, type ParameterVersionRecord } from "./records";
import { normalizePath } from "./names";

const OPTIONS: Record<string, string[]> = {
  Name: ["Equals", "BeginsWith", "Contains"],
  Path: ["Recursive", "OneLevel"],
  Type: ["Equals"],
  KeyId: ["Equals"],
  Tier: ["Equals"],
  DataType: ["Equals"],
  Label: ["Equals"],
};
const VALUES: Record<string, string[]> = {
  Type: ["String", "StringList", "SecureString"],
  Tier: ["Standard", "Advanced", "Intelligent-Tiering"],
};

/** DescribeParameters takes every key but Label; GetParametersByPath only Type, KeyId, Label and tags. */
export const DESCRIBE_KEYS = ["Name", "Path", "Type", "KeyId", "Tier", "DataType"];
export const BY_PATH_KEYS = ["Type", "KeyId", "Label"];

type Test = (p: ParameterRecord, v: ParameterVersionRecord) => boolean;

export interface CompiledFilters {
  /** The version of `p` the filters keep, or undefined. */
  match(p: ParameterRecord): ParameterVersionRecord | undefined;
  /** The path of the only Path filter, for a scan confined to it. */
  path?: { path: string; recursive: boolean };
}

function test(f: ParameterStringFilter, option: string, values: string[]): Test {
  if (f.Key.startsWith("tag:")) {
    const key = f.Key.slice(4);
    return (p) => key in p.tags && (values.length === 0 || values.includes(p.tags[key]));
  }
  switch (f.Key) {
    case "Name":
      if (option === "BeginsWith") return (p) => values.some((x) => p.Name.startsWith(x));
      if (option === "Contains") return (p) => values.some((x) => p.Name.includes(x));
      return (p) => values.includes(p.Name);
    case "Path": {
      const paths = values.map(normalizePath);
      if (option === "Recursive") return (p) => paths.some((x) => p.Name.startsWith(x === "/" ? "/" : `${x}/`));
      return (p) => paths.includes(parentPath(p.Name) ?? "");
    }
    case "Type":
      return (_p, v) => values.includes(v.Type);
    case "KeyId":
      return (_p, v) => v.KeyId !== undefined && values.includes(v.KeyId);
    case "Tier":
      return (_p, v) => values.includes(v.Tier);
    case "DataType":
      return (_p, v) => values.includes(v.DataType);
    default:
      return () => false;
  }
}

export function compileFilters(filters: ParameterStringFilter[] | undefined, keys: string[]): CompiledFilters {
  const tests: Test[] = [];
  let labels: string[] | undefined;
  let path: CompiledFilters["path"];
  for (const f of filters ?? []) {
    const isTag = f.Key.startsWith("tag:");
    if (!isTag && !keys.includes(f.Key)) {
      throw err.invalidFilterKey(`The following filter key is not valid: ${f.Key}. Valid filter keys include: [${keys.join(", ")}].`);
    }
    const allowed = isTag ? ["Equals"] : OPTIONS[f.Key];
    const option = f.Option ?? (f.Key === "Path" ? "OneLevel" : "Equals");
    if (!allowed.includes(option)) {
      throw err.invalidFilterOption(`The following filter option is not valid: ${option}. Valid options include: [${allowed.join(", ")}].`);
    }
    const values = f.Values ?? [];
    if (!isTag && values.length === 0)
      throw err.invalidFilterValue(`The following filter values are missing : null for filter key ${f.Key}.`);
    const bad = VALUES[f.Key] && values.find((x) => !VALUES[f.Key].includes(x));
    if (bad) {
      throw err.invalidFilterValue(`The following filter value is not valid: ${bad}. Valid values include: [${VALUES[f.Key].join(", ")}].`);
    }
    if (f.Key === "Label") labels = values;
    else tests.push(test(f, option, values));
    if (f.Key === "Path" && values.length === 1) path = { path: normalizePath(values[0]), recursive: option === "Recursive" };
  }
  return {
    path: filters?.filter((f) => f.Key === "Path").length === 1 ? path : undefined,
    match(p) {
      const v = labels ? [...p.versions].reverse().find((x) => x.Labels.some((l) => labels!.includes(l))) : current(p);
      return v && tests.every((t) => t(p, v)) ? v : undefined;
    },
  };
}
