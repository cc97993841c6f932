// Reading, deleting and labelling parameters (SSM API reference: GetParameter, GetParameters,
// GetParametersByPath, GetParameterHistory, DeleteParameter, DeleteParameters, LabelParameterVersion).
import type { SsmHandlers } from "../api.generated";
import * as err from "../errors";
import { current, inPath, parameters, parentPath, underPath } from "./records";
import { isReservedPublic, labelProblem, normalizePath } from "./names";
import { historyView, parameterView, publicHistoryView, publicView } from "./view";
import { findParameter, readParameter } from "./lookup";
import { BY_PATH_KEYS, compileFilters } from "./filters";
import { takePage } from "./pages";
import { currentVersion, publicParameter, publicParameters } from "./public";
import { putParameter } from "./put";
import { dropPolicies } from "../resource-policies/records";
import { decode, encode, pageSize } from "../paging";

/** "A version can have a maximum of 10 labels" (Working with parameter labels). */
const MAX_LABELS = 10;

export const parameterHandlers: Omit<
  SsmHandlers,
  | "DescribeParameters"
  | "AddTagsToResource"
  | "ListTagsForResource"
  | "RemoveTagsFromResource"
  | "PutResourcePolicy"
  | "GetResourcePolicies"
  | "DeleteResourcePolicy"
> = {
  PutParameter: putParameter,

  GetParameter(ctx, { Name, WithDecryption }) {
    return { Parameter: readParameter(ctx, Name, WithDecryption) };
  },

  GetParameters(ctx, { Names, WithDecryption }) {
    const Parameters = [];
    const InvalidParameters = [];
    for (const name of new Set(Names)) {
      try {
        Parameters.push(readParameter(ctx, name, WithDecryption));
      } catch (e) {
        if (!(e instanceof Error) || (e.name !== "ParameterNotFound" && e.name !== "ParameterVersionNotFound")) throw e;
        InvalidParameters.push(name);
      }
    }
    return { Parameters, InvalidParameters };
  },

  GetParametersByPath(ctx, { Path, Recursive, ParameterFilters, MaxResults, NextToken, WithDecryption }) {
    const path = normalizePath(Path);
    const filters = compileFilters(ParameterFilters, BY_PATH_KEYS);
    const limit = pageSize(MaxResults, 10);
    const scope = `GetParametersByPath ${ctx.accountId} ${ctx.region} ${path} ${Recursive ? "r" : "1"} ${JSON.stringify(ParameterFilters ?? [])}`;
    const after = decode(scope, NextToken);
    if (isReservedPublic(`${path}/`)) {
      // Amazon's public parameters: plain Strings without labels, keys or tags.
      const plainOnly = !ParameterFilters?.length || ParameterFilters.every((f) => f.Key === "Type" && f.Values?.includes("String"));
      const under = publicParameters(ctx).filter(
        (p) => (Recursive ? p.Name.startsWith(`${path}/`) : parentPath(p.Name) === path) && (after === undefined || p.Name > after),
      );
      const page = plainOnly ? under.slice(0, limit) : [];
      const more = plainOnly && under.length > limit;
      return {
        Parameters: page.map((p) => publicView(p, currentVersion(p))),
        NextToken: more ? encode(scope, page[page.length - 1].Name) : undefined,
      };
    }
    const source = Recursive ? underPath(ctx, path, after) : inPath(ctx, path, after);
    const { items, more } = takePage(source, limit, (p) => filters.match(p));
    return {
      Parameters: items.map(({ p, v }) => parameterView(ctx, p, v, WithDecryption)),
      NextToken: more ? encode(scope, items[items.length - 1].p.Name) : undefined,
    };
  },

  GetParameterHistory(ctx, { Name, MaxResults, NextToken, WithDecryption }) {
    const limit = pageSize(MaxResults, 50);
    const scope = `GetParameterHistory ${ctx.accountId} ${ctx.region} ${Name}`;
    const after = Number(decode(scope, NextToken) ?? 0);
    if (isReservedPublic(Name)) {
      // Amazon's public parameters: a version per catalog release that was the newest match, oldest first.
      const pub = publicParameter(ctx, Name);
      if (!pub) throw err.notFound();
      const rest = pub.versions.filter((v) => v.Version > after);
      const page = rest.slice(0, limit);
      return {
        Parameters: page.map((v) => publicHistoryView(pub, v)),
        NextToken: rest.length > limit ? encode(scope, String(page[page.length - 1].Version)) : undefined,
      };
    }
    const p = findParameter(ctx, Name);
    const rest = p.versions.filter((v) => v.Version > after);
    const page = rest.slice(0, limit);
    return {
      Parameters: page.map((v) => historyView(ctx, p, v, WithDecryption)),
      NextToken: rest.length > limit ? encode(scope, String(page[page.length - 1].Version)) : undefined,
    };
  },

  DeleteParameter(ctx, { Name }) {
    if (isReservedPublic(Name)) throw err.accessDenied(`No access to reserved parameter name: ${Name}.`);
    if (!parameters.delete(ctx, findParameter(ctx, Name).Name)) throw err.notFound();
    dropPolicies(ctx, Name);
    return {};
  },

  DeleteParameters(ctx, { Names }) {
    const DeletedParameters = [];
    const InvalidParameters = [];
    for (const name of new Set(Names)) {
      if (!isReservedPublic(name) && parameters.get(ctx, name) && parameters.delete(ctx, name)) {
        dropPolicies(ctx, name);
        DeletedParameters.push(name);
      } else InvalidParameters.push(name);
    }
    return { DeletedParameters, InvalidParameters };
  },

  LabelParameterVersion(ctx, { Name, ParameterVersion, Labels }) {
    const p = findParameter(ctx, Name);
    const version = ParameterVersion ?? current(p).Version;
    const target = p.versions.find((v) => v.Version === version);
    if (!target) throw err.versionNotFound(Name, version);
    const InvalidLabels = Labels.filter((l) => labelProblem(l) !== undefined);
    const valid = [...new Set(Labels.filter((l) => labelProblem(l) === undefined))];
    const labels = [...new Set([...target.Labels, ...valid])];
    if (labels.length > MAX_LABELS) {
      throw err.versionLabelLimit(
        "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.",
      );
    }
    // A label names one version: attaching it here moves it from wherever it was.
    const versions = p.versions.map((v) =>
      v.Version === version ? { ...v, Labels: labels } : { ...v, Labels: v.Labels.filter((l) => !valid.includes(l)) },
    );
    parameters.put(ctx, { ...p, versions });
    return { InvalidLabels, ParameterVersion: version };
  },
};
