// DescribeParameters (SSM API reference): the metadata of the caller's parameters that the filters keep, in
// name order, a page at a time. A single Path filter confines the read to the names under that path.
import type { ParameterStringFilter, SsmHandlers } from "./api.generated";
import * as err from "./errors";
import { inPath, parameters, underPath } from "./parameter-records";
import { metadataView } from "./parameter-view";
import { compileFilters, DESCRIBE_KEYS } from "./parameter-filters";
import { takePage } from "./parameter-pages";
import { decode, encode, pageSize } from "./paging";

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
      : parameters.scan(ctx, after ? { after } : {});
    const { items, more } = takePage(source, limit, (p) => filters.match(p));
    return {
      Parameters: items.map(({ p }) => metadataView(ctx, p)),
      NextToken: more ? encode(scope, items[items.length - 1].p.Name) : undefined,
    };
  },
};
