// AWS JSON 1.1 (AppStream): `X-Amz-Target: <prefix>.<Operation>`, JSON bodies, `__type` errors.
import type { Shape } from "../model/model";
import type { Protocol, RawRequest, RawResponse } from "./protocol";
import { writerOf } from "./json-writer";
import { coerce, parseJsonObject } from "./json-reader";

/** A JSON value (a seed entry, an admin route's body) as the input of an operation of this shape; throws SerializationException. */
export const fromJson = (shape: Shape, value: unknown): Record<string, unknown> => coerce(shape, value ?? {}) as Record<string, unknown>;

export const awsJson: Protocol = {
  operationName(req) {
    const target = req.headers["x-amz-target"];
    if (!target) return undefined;
    const dot = target.lastIndexOf(".");
    return dot < 0 ? "" : target.slice(dot + 1);
  },

  // A JSON service answers a target without an operation as it answers an unknown one.
  missingOperation: (service) => service.unknownOperation(""),

  parse(req, operation) {
    if (!operation.input) return {};
    return coerce(operation.input, parseJsonObject(req.body)) as Record<string, unknown>;
  },

  serialize(output, operation, _model, requestId): RawResponse {
    return {
      status: 200,
      headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": requestId },
      body: operation.output ? writerOf(operation.output)(output ?? {})! : "{}",
    };
  },

  serializeError(error, _model, requestId): RawResponse {
    return {
      status: error.status,
      headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": requestId, "x-amzn-errortype": error.code },
      body: JSON.stringify({ __type: error.code, message: error.message, ...error.extra }),
    };
  },
};

export type { RawRequest };
