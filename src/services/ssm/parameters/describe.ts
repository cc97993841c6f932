// DescribeParameters (SSM API reference): the metadata of the caller's parameters that the filters keep, in
// name order, a page at a time. The read goes through the names' order where a filter allows: a single Path
// filter confines it to the names under that path, a Name filter (Equals, BeginsWith) to those names or
// prefixes; other filters read every parameter (and say so at debug level).
import type { ParameterStringFilter, SsmHandlers } from "../api.generated";
import * as err from "../errors";
import { inPath, parameters, underPath, type ParameterRecord } from "./records";
import type { RequestContext } from "../../../gateway/context";
import { mergeById } from "../../../util/sorted-merge";
import { metadataView } from "./view";
import { compileFilters, DESCRIBE_KEYS } from "./filters";
import { takePage } from "./pages";
import { decode, encode, pageSize } from "../paging";

/** The parameters a Name filter (Equals or BeginsWith) names, in name order after `after`; undefined without one. */
function byName(ctx: RequestContext, given: ParameterStringFilter[], after: string | undefined): Iterable<ParameterRecord> | undefined {
  const f = given.find((x) => x.Key === "Name" && (x.Option ?? "Equals") !== "Contains");
  if (!f) return undefined;
  const values = [...new Set(f.Values ?? [])].sort();
  if ((f.Option ?? "Equals") === "Equals") {
    return values
      .filter((name) => after === undefined || name > after)
      .map((name) => parameters.get(ctx, name))
      .filter((p) => p !== undefined);
  }
  const name = (p: ParameterRecord) => p.Name;
  return {
    [Symbol.iterator]: () =>
      mergeById(
        values.map((prefix) => withPrefix(ctx, prefix, after)),
        name,
      ),
  };
}

function* withPrefix(ctx: RequestContext, prefix: string, after: string | undefined): Generator<ParameterRecord> {
  const start = after !== undefined && after >= prefix ? { after } : { from: prefix };
  for (const e of parameters.entries(ctx, { ...start, batch: 20 })) {
    if (!e.id.startsWith(prefix)) return;
    yield e.value;
  }
}

/** Every parameter of the caller, in name order: what a request without a Path or Name filter reads. */
function walk(ctx: RequestContext, given: ParameterStringFilter[], after: string | undefined): Iterable<ParameterRecord> {
  if (given.length) {
    ctx.log?.debug?.(
      `${ctx.requestId} ssm DescribeParameters: no index for ${given.map((f) => `'${f.Key}'`).join(", ")}; every parameter is read`,
    );
  }
  return parameters.scan(ctx, after ? { after } : {});
}

export const describeParametersHandlers: Pick<SsmHandlers, "DescribeParameters"> = {
  DescribeParameters(ctx, { Filters, ParameterFilters, MaxResults, NextToken }) {
    if (Filters?.length && ParameterFilters?.length)
      throw err.validation("You can use either Filters or ParameterFilters in a single request.");
    // The older Filters: a Name is matched as a prefix, Type and KeyId as they are.
    const given: ParameterStringFilter[] =
      ParameterFilters ??
      (Filters ?? []).map((f) => ({ Key: f.Key, Option: f.Key === "Name" ? "BeginsWith" : "Equals", Values: f.Values }));
    const filters = compileFilters(given, DESCRIBE_KEYS);
    const limit = pageSize(MaxResults, 10);
    const scope = `DescribeParameters ${ctx.accountId} ${ctx.region} ${JSON.stringify(given)}`;
    const after = decode(scope, NextToken);
    const source = filters.path
      ? filters.path.recursive
        ? underPath(ctx, filters.path.path, after)
        : inPath(ctx, filters.path.path, after)
      : (byName(ctx, given, after) ?? walk(ctx, given, after));
    const { items, more } = takePage(source, limit, (p) => filters.match(p));
    return {
      Parameters: items.map(({ p }) => metadataView(ctx, p)),
      NextToken: more ? encode(scope, items[items.length - 1].p.Name) : undefined,
    };
  },
};
