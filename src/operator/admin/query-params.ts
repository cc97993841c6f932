// Query parameters of the dashboard's routes, checked: a malformed one is a 400 that names it, never a crash.
import type { RawRequest } from "../../protocols/protocol";
import { AdminError } from "./json";

/** Longest value any of these parameters takes (a search text, a token). */
const MAX_PARAM = 1024;

const invalid = (name: string, why: string) => new AdminError(400, "InvalidParameter", `Query parameter ${name} ${why}.`);

/** The parameter's value, if given once; refuses repeats, control characters and overlong values. */
export function textParam(req: RawRequest, name: string, max = MAX_PARAM): string | undefined {
  const all = req.query.getAll(name);
  if (all.length === 0) return undefined;
  if (all.length > 1) throw invalid(name, "is given more than once");
  const v = all[0];
  if (v.length > max) throw invalid(name, `is longer than ${max} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(v)) throw invalid(name, "contains control characters");
  return v;
}

export function intParam(req: RawRequest, name: string, dflt: number, min: number, max: number): number {
  const v = textParam(req, name, 20);
  if (v === undefined) return dflt;
  if (!/^[0-9]+$/.test(v) || Number(v) < min || Number(v) > max) throw invalid(name, `must be a whole number from ${min} to ${max}`);
  return Number(v);
}

export function enumParam<T extends string>(req: RawRequest, name: string, values: readonly T[]): T | undefined {
  const v = textParam(req, name, 64);
  if (v === undefined) return undefined;
  if (!(values as readonly string[]).includes(v)) throw invalid(name, `must be one of ${values.join(", ")}`);
  return v as T;
}

/** Refuses parameters the route does not know (a typo would otherwise be ignored in silence). */
export function onlyParams(req: RawRequest, known: readonly string[]): void {
  for (const name of req.query.keys()) if (!known.includes(name)) throw invalid(name.slice(0, 100), "is not known to this route");
}
