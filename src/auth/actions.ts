// How an operation names what it acts on, for identity policies (Service Authorization Reference, "Actions,
// resources, and condition keys for ..."): each service declares one resolver per operation on its
// definition (services/<name>/actions.ts); these are the pieces they are built from.
import type { RequestContext } from "../gateway/context";

export interface ResourceRef {
  arn: string;
  tags: () => Record<string, string> | undefined;
}

type Input = Record<string, unknown>;
export type Resolver = (ctx: RequestContext, input: Input) => ResourceRef[];

/** A service's IAM actions: `<prefix>:<Operation>` on the resources each operation's resolver names. */
export interface ActionTable<Op extends string = string> {
  prefix: string;
  operations: Record<Op, Resolver>;
  /** Operations that need no permission (sts:GetCallerIdentity: "no permissions are required to call it"). */
  alwaysAllowed?: ReadonlySet<string>;
}

export const str = (v: unknown): string => (typeof v === "string" ? v : "");
export const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
/** Describe and List calls act on "*". */
export const ALL: Resolver = () => [{ arn: "*", tags: () => undefined }];
