// Reading one parameter by name or selector, the caller's own or Amazon's public ones.
import type { RequestContext } from "../../../gateway/context";
import type { Parameter } from "../api.generated";
import * as err from "../errors";
import { current, parameters, type ParameterRecord, type ParameterVersionRecord } from "./records";
import { parseSelector, isReservedPublic, type Selector } from "./names";
import { parameterView, publicView } from "./view";
import { currentVersion, publicParameter } from "./public";
import { sharedWith } from "../resource-policies/sharing";
import { partitionOf } from "../../../util/regions";

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

const ARN = /^arn:(aws|aws-cn|aws-us-gov):ssm:([a-z0-9-]+):([0-9]{12})?:parameter\/(.+)$/;

/** Where a name or ARN points: the account holding the parameter (undefined: nowhere in this region) and the name or selector. */
interface Target {
  owner: string | undefined;
  given: string;
}

/**
 * GetParameter also takes a parameter's ARN (with a selector after it): the ARN leaves out the name's leading
 * slash, which a hierarchical name has and a plain one may have. Another account's ARN names its parameter
 * there (read only when shared); another region's (or partition's) names nothing here.
 */
function fromArn(ctx: RequestContext, given: string): Target {
  const m = ARN.exec(given);
  if (!m) return { owner: ctx.accountId, given };
  const [, partition, region, account, rest] = m;
  if (region !== ctx.region || partition !== partitionOf(region).name) return { owner: undefined, given: "" };
  if (account === undefined) return /^aws\//.test(rest) ? { owner: ctx.accountId, given: `/${rest}` } : { owner: undefined, given: "" };
  const name = rest.split(":")[0];
  const there = account === ctx.accountId ? ctx : ownerContext(ctx, account);
  return { owner: account, given: name.includes("/") || !parameters.get(there, name) ? `/${rest}` : rest };
}

/** The request seen from a parameter owner's partition, so its ARN and records are the owner's. */
export const ownerContext = (ctx: RequestContext, account: string): RequestContext => ({
  ...ctx,
  accountId: account,
  partition: { account, region: ctx.region },
});

/**
 * The read action a shared parameter's policy must allow: the operation itself for GetParameter(s), and
 * ssm:GetParameter when EC2 resolves `resolve:ssm:` at launch.
 */
const readAction = (ctx: RequestContext): string => (ctx.service === "ssm" ? `ssm:${ctx.operation}` : "ssm:GetParameter");

/** GetParameter's answer for a name, ARN or selector; ParameterNotFound / ParameterVersionNotFound otherwise. */
export function readParameter(ctx: RequestContext, given: string, decrypt: boolean | undefined): Parameter {
  const target = fromArn(ctx, given);
  if (target.owner === undefined) throw err.notFound();
  const sel = parseSelector(target.given);
  if (target.owner !== ctx.accountId) {
    // Another account's parameter: readable by ARN only while one of its resource policies names this account.
    const owner = ownerContext(ctx, target.owner);
    const p = parameters.get(owner, sel.name);
    if (!p || !sharedWith(owner, p.Name, ctx.accountId, readAction(ctx))) throw err.notFound();
    return parameterView(owner, p, selectVersion(p, sel), decrypt, sel.text);
  }
  if (isReservedPublic(sel.name)) {
    const pub = publicParameter(ctx, sel.name);
    if (!pub) throw err.notFound();
    // Every release the parameter named is a version a selector may ask for; Amazon attaches no labels.
    const v = sel.version === undefined ? currentVersion(pub) : pub.versions.find((x) => x.Version === sel.version);
    if (!v) throw err.versionNotFound(sel.name, sel.version!);
    if (sel.label !== undefined) throw err.versionNotFound(sel.name, sel.label);
    return publicView(pub, v, sel.text);
  }
  const p = parameters.get(ctx, sel.name);
  if (!p) throw err.notFound();
  return parameterView(ctx, p, selectVersion(p, sel), decrypt, sel.text);
}

/** The name an ARN of the caller's own parameter gives, or undefined when it names no parameter of the caller. */
export function ownParameterName(ctx: RequestContext, arn: string): string | undefined {
  if (!ARN.test(arn)) return undefined;
  const target = fromArn(ctx, arn);
  if (target.owner !== ctx.accountId) return undefined;
  const sel = parseSelector(target.given);
  return sel.text ? undefined : sel.name;
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
