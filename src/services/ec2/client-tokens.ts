// Client tokens ("Ensuring idempotency", https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Run_Instance_Idempotency.html):
// a request that carries one is done once. Which member carries it is the model's to say (botocore's
// `idempotencyToken` trait: CopyImage's and CreateImageUsageReport's ClientToken), so an operation that gains
// it needs no code here. The same token with the same parameters answers what the first request answered,
// without doing it again; with other parameters, IdempotentParameterMismatch. A token is kept in the caller's
// partition, keyed (operation, token), with a fingerprint of the request and what it made; it outlives what it
// made by a day (retireToken), as EC2 keeps tokens at least 24 hours after their resource.
import type { RequestContext } from "../../gateway/context";
import { collection, type Scope } from "../../state/collection";
import { schema, type RecordOf } from "../../state/record-schema";
import { loadModel } from "../../model/model";
import * as err from "./errors";

/** What a request with a token made: the members of its output that name it (e.g. { ImageId }). */
type Made = Record<string, string>;

const tokenSchema = schema({
  fingerprint: "string",
  /** When the token goes: a day after what it made is gone. */
  until: "time?",
});
/** The request's fingerprint, and the members of its output that name what it made. */
export type TokenRecord = RecordOf<typeof tokenSchema> & Record<string, unknown>;

const DAY_MS = 24 * 3600 * 1000;

export const clientTokens = collection<TokenRecord, [operation: string, token: string]>({
  type: "ec2.client-token",
  schema: tokenSchema,
  expires: { goneAt: (t) => t.until },
});

const members = new Map<string, string | undefined>();

/** The input member that carries the operation's idempotency token, as the model marks it. */
function tokenMember(ctx: RequestContext): string | undefined {
  const op = `${ctx.service} ${ctx.operation}`;
  if (!members.has(op)) {
    const input = loadModel(ctx.service).operations.get(ctx.operation)?.input;
    members.set(op, Object.values(input?.members ?? {}).find((m) => m.idempotencyToken)?.name);
  }
  return members.get(op);
}

export interface ClientToken {
  /** The token's id, which what it makes keeps (so that the token is retired with it). */
  id: string;
  /** What the first request with this token made, or undefined if none was made; throws if the parameters differ. */
  seen(): TokenRecord | undefined;
  /** Records what this request made under the token. */
  keep(made: Made): void;
}

/**
 * The request's client token, if it carries one: in the member the model marks, or in `member` for an operation
 * whose model does not mark it (ImportImage's ClientToken, which answers the task it started while that is listed).
 */
export function clientToken(ctx: RequestContext, input: object, member = tokenMember(ctx)): ClientToken | undefined {
  const token = member === undefined ? undefined : (input as Record<string, unknown>)[member];
  if (typeof token !== "string" || token === "") return undefined;
  const key: [string, string] = [ctx.operation, token];
  const fingerprint = JSON.stringify({ ...input, DryRun: undefined });
  return {
    id: clientTokens.id(key),
    seen() {
      const seen = clientTokens.get(ctx, key);
      if (seen && seen.fingerprint !== fingerprint)
        throw err.idempotentMismatch("The client token has been used with different parameters.");
      return seen;
    },
    keep: (made) => clientTokens.set(ctx, key, { fingerprint, ...made }),
  };
}

/**
 * Does `make` once per client token of an operation whose model marks one: `make` gets the token's id (to keep
 * on what it makes) and returns the output members that name what it made, which a repeated request answers.
 */
export function idempotent<O extends Made>(ctx: RequestContext, input: object, make: (tokenId: string | undefined) => O): O {
  const token = clientToken(ctx, input);
  const seen = token?.seen();
  if (seen) {
    const { fingerprint: _f, until: _u, ...made } = seen;
    return made as O;
  }
  const made = make(token?.id);
  token?.keep(made);
  return made;
}

/** The resource that the token `tokenId` made (named by its `field`) is gone since `goneAt`: the token goes a day later. */
export function retireToken(s: Scope, tokenId: string | undefined, field: string, resourceId: string, goneAt: number): void {
  if (!tokenId) return;
  // The id is "<operation> <token>": an operation name has no space.
  const space = tokenId.indexOf(" ");
  const key: [string, string] = [tokenId.slice(0, space), tokenId.slice(space + 1)];
  const token = clientTokens.get(s, key);
  // A token whose resource was gone before may have been used again since (ImportImage): it is that one's now.
  if (!token || token[field] !== resourceId) return;
  clientTokens.set(s, key, { ...token, until: goneAt + DAY_MS });
}
