// Clients of the real AWS SDK that never leave the process: their request handler hands each request the SDK
// serialized to a function and gives the SDK the bytes that function answers. The protocol specs use them
// both ways: what the SDK writes goes into imagelite's parser, and what imagelite writes comes out of the
// SDK's own deserializers, so that the SDK reads exactly what imagelite writes.
import { AppStreamClient } from "@aws-sdk/client-appstream";
import { EC2Client } from "@aws-sdk/client-ec2";
import { STSClient } from "@aws-sdk/client-sts";
import type { RawRequest, RawResponse } from "../../src/protocols/protocol";
import type { Operation, ServiceModel } from "../../src/model/model";

/** A request as the SDK's handler receives it (an @smithy HttpRequest). */
interface SdkRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** The SDK's request as the gateway hands it to a protocol: lower-case headers, the body as bytes. */
export function toRaw(req: SdkRequest): RawRequest {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query ?? {})) for (const x of Array.isArray(v) ? v : [v ?? ""]) query.append(k, x);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = v;
  // The SDK's JSON body is a Uint8Array that converts itself to a string (with a warning) when Buffer.from
  // asks for its valueOf(): take its bytes as they are.
  const body =
    req.body instanceof Uint8Array
      ? Buffer.from(req.body.buffer, req.body.byteOffset, req.body.byteLength)
      : Buffer.from(req.body ?? "", "utf8");
  return { method: req.method, path: req.path, query, headers, body };
}

export type Answer = (req: RawRequest) => RawResponse;

const config = (answer: Answer, seen: RawRequest[]) => ({
  endpoint: "http://imagelite.invalid",
  region: "us-east-1",
  credentials: { accessKeyId: "111111111111", secretAccessKey: "imagelite" },
  maxAttempts: 1,
  requestHandler: {
    async handle(request: SdkRequest) {
      const raw = toRaw(request);
      seen.push(raw);
      const r = answer(raw);
      return { response: { statusCode: r.status, headers: r.headers, body: Buffer.from(r.body, "utf8") } };
    },
  },
});

/** A client of the given kind whose every call is answered by `answer`; `seen` holds the requests it made. */
export function offline<C>(Client: new (c: never) => C, answer: Answer): { client: C; seen: RawRequest[] } {
  const seen: RawRequest[] = [];
  return { client: new Client(config(answer, seen) as never), seen };
}

export const offlineAppStream = (answer: Answer) => offline(AppStreamClient, answer);
export const offlineEc2 = (answer: Answer) => offline(EC2Client, answer);
export const offlineSts = (answer: Answer) => offline(STSClient, answer);

/** What a client returned, without the SDK's $metadata. */
export function withoutMetadata<T extends object>(output: T): Omit<T, "$metadata"> {
  const { $metadata: _, ...rest } = output as T & { $metadata?: unknown };
  return rest;
}

/** The error a call threw (its name is the error code), or a failure if it succeeded. */
export async function thrown(
  call: Promise<unknown>,
): Promise<Error & { $metadata: { httpStatusCode?: number; requestId?: string }; $fault?: string } & Record<string, unknown>> {
  try {
    await call;
  } catch (e) {
    return e as never;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** An operation of a model the specs use; a spec naming one the model lacks fails at once. */
export function operationOf(model: ServiceModel, name: string): Operation {
  const o = model.operations.get(name);
  if (!o) throw new Error(`${model.name} has no operation ${name}`);
  return o;
}
