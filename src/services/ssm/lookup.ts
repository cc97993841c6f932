// Reading one parameter by name or selector, the caller's own or Amazon's public ones.
import type { RequestContext } from "../../gateway/context";
import type { Parameter } from "./api.generated";
import * as err from "./errors";
import { current, parameters, type ParameterRecord, type ParameterVersionRecord } from "./parameter-records";
import { parseSelector, isReservedPublic, type Selector } from "./parameter-names";
import { parameterView, publicView } from "./parameter-view";
import { publicParameter } from "./public-parameters";

/** The version a selector names, or the error GetParameter gives. */
export function selectVersion(p: ParameterRecord, sel: Selector): ParameterVersionRecord {
  if (sel.version !== undefined) {
    const v = p.versions.find((x) => x.Version === sel.version);
    if (!v) throw err.versionNotFound(p.Name, sel.version);
    return v;
  }
  if (sel.label !== undefined) {
    const v = p.versions.find((x) => x.Labels.includes(sel.label!));
    if (!v) throw err.versionNotFound(p.Name, sel.label);
    return v;
  }
  return current(p);
}

const ARN = /^arn:aws:ssm:([a-z0-9-]+):([0-9]{12})?:parameter\/(.+)$/;

/**
 * GetParameter also takes a parameter's ARN (with a selector after it): the ARN leaves out the name's leading
 * slash, which a hierarchical name has and a plain one may have. Another region's or account's ARN names nothing here.
 */
function fromArn(ctx: RequestContext, given: string): string {
  const m = ARN.exec(given);
  if (!m) return given;
  const [, region, account, rest] = m;
  const mine = region === ctx.region && (account === ctx.accountId || (account === undefined && /^aws\//.test(rest)));
  if (!mine) return "";
  const name = rest.split(":")[0];
  return name.includes("/") || !parameters.get(ctx, name) ? `/${rest}` : rest;
}

/** GetParameter's answer for a name, ARN or selector; ParameterNotFound / ParameterVersionNotFound otherwise. */
export function readParameter(ctx: RequestContext, given: string, decrypt: boolean | undefined): Parameter {
  const sel = parseSelector(fromArn(ctx, given));
  if (isReservedPublic(sel.name)) {
    const pub = publicParameter(ctx, sel.name);
    if (!pub) throw err.notFound();
    if (sel.version !== undefined && sel.version !== pub.Version) throw err.versionNotFound(sel.name, sel.version);
    if (sel.label !== undefined) throw err.versionNotFound(sel.name, sel.label);
    return publicView(pub, sel.text);
  }
  const p = parameters.get(ctx, sel.name);
  if (!p) throw err.notFound();
  return parameterView(ctx, p, selectVersion(p, sel), decrypt, sel.text);
}

/** A parameter's record, or ParameterNotFound. */
export function findParameter(ctx: RequestContext, name: string): ParameterRecord {
  const p = parameters.get(ctx, name);
  if (!p) throw err.notFound();
  return p;
}

/**
 * The value EC2 reads for `resolve:ssm:<name>[:<version|label>]` at launch ("Use a Systems Manager parameter
 * instead of an AMI ID"): the caller's parameter in the region, or a public one. Undefined when there is none.
 */
export function resolveParameter(ctx: RequestContext, given: string): { value: string; type: string } | undefined {
  try {
    const p = readParameter(ctx, given, true);
    return { value: p.Value ?? "", type: p.Type ?? "String" };
  } catch (e) {
    if (e instanceof Error && (e.name === "ParameterNotFound" || e.name === "ParameterVersionNotFound")) return undefined;
    throw e;
  }
}
