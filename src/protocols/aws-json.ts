// AWS JSON 1.1 (AppStream): `X-Amz-Target: <prefix>.<Operation>`, JSON bodies, `__type` errors.
import type { Shape } from "../model/model";
import { ServiceError } from "../errors/service-error";
import type { Protocol, RawRequest, RawResponse } from "./protocol";
import { jsonLimitProblem } from "./json-limits";
import { writerOf } from "./json-writer";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const serializationError = (message: string) => new ServiceError("SerializationException", message, 400);

function typeName(v: unknown): string {
  if (v === null) return "VALUE_NULL";
  if (Array.isArray(v)) return "START_ARRAY";
  switch (typeof v) {
    case "string":
      return "VALUE_STRING";
    case "number":
      return Number.isInteger(v) ? "VALUE_NUMBER_INT" : "VALUE_NUMBER_FLOAT";
    case "boolean":
      return v ? "VALUE_TRUE" : "VALUE_FALSE";
    default:
      return "START_OBJECT";
  }
}

/**
 * Checks JSON types against the shape and converts timestamps and blobs; drops members the model lacks.
 * Its depth and the number of values it meets are bounded by jsonLimitProblem, checked before the parse.
 */
const mismatchOf = (shape: Shape, v: unknown) =>
  serializationError(`Unexpected ${typeName(v)} where ${shape.type} was expected for ${shape.name}.`);

function coerce(shape: Shape, v: unknown): unknown {
  if (v === null) return undefined;
  switch (shape.type) {
    case "structure": {
      if (typeof v !== "object" || Array.isArray(v)) throw mismatchOf(shape, v);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const m = Object.prototype.hasOwnProperty.call(shape.members, k) ? shape.members[k] : undefined;
        if (m) {
          const c = coerce(m.shape, x);
          if (c !== undefined) out[k] = c;
        }
      }
      return out;
    }
    case "list":
      if (!Array.isArray(v)) throw mismatchOf(shape, v);
      return v.map((x) => {
        const c = coerce(shape.member!.shape, x);
        if (c === undefined) throw mismatchOf(shape, v);
        return c;
      });
    case "map": {
      if (typeof v !== "object" || Array.isArray(v)) throw mismatchOf(shape, v);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const c = coerce(shape.value!.shape, x);
        if (c !== undefined) out[k] = c;
      }
      return out;
    }
    case "string":
      if (typeof v !== "string") throw mismatchOf(shape, v);
      return v;
    case "boolean":
      if (typeof v !== "boolean") throw mismatchOf(shape, v);
      return v;
    case "integer":
    case "long":
      if (typeof v !== "number" || !Number.isInteger(v)) throw mismatchOf(shape, v);
      // A number beyond Java's int or long is refused by the service's parser, as the query protocols do.
      if (shape.type === "integer" ? v > 2147483647 || v < -2147483648 : Math.abs(v) > 2 ** 63) {
        throw serializationError(`Numeric value (${v}) out of range of ${shape.type === "integer" ? "int" : "long"}.`);
      }
      return v;
    case "double":
    case "float":
      if (typeof v !== "number") throw mismatchOf(shape, v);
      return v;
    case "timestamp": {
      const d = typeof v === "number" ? new Date(v * 1000) : typeof v === "string" ? new Date(v) : undefined;
      if (!d || Number.isNaN(d.getTime())) throw mismatchOf(shape, v);
      return d;
    }
    case "blob":
      if (typeof v !== "string") throw mismatchOf(shape, v);
      return Buffer.from(v, "base64");
  }
}

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
    const problem = jsonLimitProblem(req.body);
    if (problem) throw serializationError(problem);
    let body: unknown = {};
    let text: string;
    // Invalid UTF-8 is refused as a JSON parser refuses it, rather than read as U+FFFD and stored.
    try {
      text = strictUtf8.decode(req.body);
    } catch {
      throw serializationError("Invalid UTF-8 in the request body.");
    }
    if (text.trim() !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        throw serializationError("Start of structure or map found where not expected.");
      }
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      throw serializationError("Start of structure or map found where not expected.");
    }
    return coerce(operation.input, body) as Record<string, unknown>;
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
