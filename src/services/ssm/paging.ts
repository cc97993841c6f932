// NextToken for Parameter Store lists: the last name (or version) served, opaque and bound to the call that made it.
import { decodeToken, encodeToken } from "../../util/pagination";
import * as err from "./errors";

export const pageSize = (max: number | undefined, dflt: number): number => (max && max > 0 ? Math.min(max, dflt) : dflt);

export const encode = encodeToken;

export function decode(scope: string, token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const key = decodeToken(scope, token);
  if (key === undefined) throw err.invalidNextToken("The nextToken is not valid.");
  return key;
}
