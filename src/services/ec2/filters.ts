// EC2 describe filters (API reference "Filter"; user guide "List and filter your resources", Using_Filtering.html):
// filters are joined with AND, the values of one filter with OR; values are case-sensitive and may use `*`
// (any run of characters) and `?` (one character), with `\` escaping the next character. `tag:<key>` matches
// a tag of that key whose value matches, `tag-key` any tag key. An unknown filter name is InvalidParameterValue.
// A call carries at most 200 filter values of at most 255 characters each, or fails with FilterLimitExceeded
// ("Error codes for the Amazon EC2 API", errors-overview.html), worded as EC2 words it.
import { ServiceError } from "../../errors/service-error";
import { echo } from "../../errors/echo";
import { wildcard } from "../../util/wildcard";

export interface Filter {
  Name?: string;
  Values?: string[];
}

type Scalar = string | number | boolean | undefined | null;
/** What a field yields for an item: one value, or several when the filter matches any of them (block devices). */
export type FieldValue = Scalar | readonly Scalar[];

export interface FilterSpec<T> {
  /** Filter name → the item's value(s) for it. */
  fields: Record<string, (item: T) => FieldValue>;
  /** The item's tags, when the resource supports `tag:<key>` and `tag-key`. Only called when such a filter is used. */
  tags?: (item: T) => Record<string, string>;
}

export type Predicate<T> = (item: T) => boolean;

/** One value matcher per filter value; values are ORed. */
function matcher(values: string[]): (v: string) => boolean {
  const tests = values.map((v) => wildcard(v));
  return (v) => tests.some((t) => t(v));
}

const asStrings = (v: FieldValue): string[] =>
  (Array.isArray(v) ? v : [v]).filter((x): x is string | number | boolean => x !== undefined && x !== null).map(String);

export const invalidFilter = (name: string): ServiceError =>
  new ServiceError("InvalidParameterValue", `The filter '${echo(name)}' is invalid`);

const MAX_VALUES = 200;
const MAX_VALUE_LENGTH = 255;

function checkLimits(filters: Filter[]): void {
  let count = 0;
  for (const f of filters) {
    for (const v of f.Values ?? []) {
      if (++count > MAX_VALUES)
        throw new ServiceError("FilterLimitExceeded", `The maximum number of filter values specified on a single call is ${MAX_VALUES}`);
      // Characters are code points; the length in code units is an upper bound that spares the count.
      if (v.length > MAX_VALUE_LENGTH && Array.from(v).length > MAX_VALUE_LENGTH) {
        throw new ServiceError("FilterLimitExceeded", `The maximum length for a filter value is ${MAX_VALUE_LENGTH} characters`);
      }
    }
  }
}

/** Compiles the request's filters into one predicate; throws for an unknown or malformed filter before any item is read. */
export function compileFilters<T>(filters: Filter[] | undefined, spec: FilterSpec<T>): Predicate<T> {
  const predicates: Predicate<T>[] = [];
  checkLimits(filters ?? []);
  for (const f of filters ?? []) {
    const name = f.Name;
    if (!name) throw new ServiceError("InvalidFilter", "The filter name must be specified.");
    const values = f.Values ?? [];
    if (!values.length) throw new ServiceError("InvalidFilter", `The filter '${echo(name)}' must have at least one value.`);
    const match = matcher(values);
    if (spec.tags && name.startsWith("tag:")) {
      const key = name.slice(4);
      const tags = spec.tags;
      predicates.push((item) => {
        const v = tags(item)[key];
        return v !== undefined && match(v);
      });
    } else if (spec.tags && name === "tag-key") {
      const tags = spec.tags;
      predicates.push((item) => Object.keys(tags(item)).some(match));
    } else if (Object.prototype.hasOwnProperty.call(spec.fields, name)) {
      const field = spec.fields[name];
      predicates.push((item) => asStrings(field(item)).some(match));
    } else {
      throw invalidFilter(name);
    }
  }
  return (item) => predicates.every((p) => p(item));
}
