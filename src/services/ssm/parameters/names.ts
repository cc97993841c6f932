// What a parameter name, path, label and selector may be ("Creating Systems Manager parameters" — naming
// constraints; "Working with parameter labels" — label requirements; GetParameter — selectors).
import * as err from "../errors";

/** "The maximum length constraint listed below includes the ARN prefix": 1011 characters for the name itself. */
export const MAX_NAME = 1011;
/** "A parameter name hierarchy can have a maximum of 15 levels." */
export const MAX_LEVELS = 15;
const NAME_CHARS = /^[a-zA-Z0-9_.\-/]+$/;

/** `/aws/...` names are Amazon's public parameters: no account may write them. */
export const isReservedPublic = (name: string): boolean => /^\/aws\//i.test(name);

/** Checks a name a PutParameter would create. */
export function checkNewName(name: string): void {
  if (isReservedPublic(name)) throw err.accessDenied(`No access to reserved parameter name: ${name}.`);
  if (name.length > MAX_NAME) throw err.validation(`Parameter name must be ${MAX_NAME} characters or fewer.`);
  if (!NAME_CHARS.test(name)) {
    throw err.validation(
      "Parameter name: can only contain letters, numbers, and the following symbols: period (.), hyphen (-), underscore (_) and forward slash (/).",
    );
  }
  if (/^\/?(aws|ssm)/i.test(name)) throw err.validation(`Parameter name: can't be prefixed with "aws" or "ssm" (case-insensitive).`);
  if (name.includes("/") && !name.startsWith("/")) throw err.validation("Parameter name must be a fully qualified name.");
  if (name.endsWith("/") || name.includes("//")) throw err.validation("Parameter name must be a fully qualified name.");
  if (name.split("/").length - 1 > MAX_LEVELS) {
    throw err.hierarchyLimit(
      `A hierarchy can have a maximum of ${MAX_LEVELS} levels. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html`,
    );
  }
}

/** A path of GetParametersByPath or a Path filter, without a trailing slash (but `/` stays `/`). */
export function normalizePath(path: string): string {
  if (!path.startsWith("/") || path.includes("//") || !NAME_CHARS.test(path)) {
    throw err.validation(
      `The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can't be prefixed with "aws" or "ssm" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.`,
    );
  }
  return path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
}

/** Why a label is refused, or undefined when LabelParameterVersion may attach it. */
export function labelProblem(label: string): string | undefined {
  if (label.length > 100) return "too long";
  if (!/^[a-zA-Z0-9_.-]+$/.test(label)) return "characters";
  if (/^[0-9]/.test(label)) return "starts with a number";
  if (/^(aws|ssm)/i.test(label)) return "reserved prefix";
  return undefined;
}

export interface Selector {
  name: string;
  /** `:3` */ version?: number;
  /** `:prod` */ label?: string;
  /** The selector as given, with its colon. */ text?: string;
}

/** `name`, `name:version` or `name:label` (names cannot hold a colon). */
export function parseSelector(given: string): Selector {
  const i = given.lastIndexOf(":");
  if (i < 0) return { name: given };
  const name = given.slice(0, i);
  const sel = given.slice(i + 1);
  if (/^[0-9]+$/.test(sel)) return { name, version: Number(sel), text: `:${sel}` };
  return { name, label: sel, text: `:${sel}` };
}
