// AWS JSON 1.1 (AppStream): `X-Amz-Target: <prefix>.<Operation>`, JSON bodies, `__type` errors.
import type { Operation, ServiceModel, Shape } from "../model/model";
import { ServiceError } from "../errors/service-error";
import type { Protocol, RawRequest, RawResponse } from "./protocol";

const serializationError = (message: string) => new ServiceError("SerializationException", message, 400);

function typeName(v: unknown): string {
  if (v === null) return "VALUE_NULL";
  if (Array.isArray(v)) return "START_ARRAY";
  switch (typeof v) {
    case "string": return "VALUE_STRING";
    case "number": return Number.isInteger(v) ? "VALUE_NUMBER_INT" : "VALUE_NUMBER_FLOAT";
    case "boolean": return v ? "VALUE_TRUE" : "VALUE_FALSE";
    default: return "START_OBJECT";
  }
}

/** Checks JSON types against the shape and converts timestamps and blobs; drops members the model lacks. */
function coerce(shape: Shape, v: unknown, depth: number): unknown {
  if (v === null) return undefined;
  if (depth > 64) throw serializationError("Request nesting is too deep.");
  const mismatch = () => serializationError(`Unexpected ${typeName(v)} where ${shape.type} was expected for ${shape.name}.`);
  switch (shape.type) {
    case "structure": {
      if (typeof v !== "object" || Array.isArray(v)) throw mismatch();
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const m = Object.prototype.hasOwnProperty.call(shape.members, k) ? shape.members[k] : undefined;
        if (m) { const c = coerce(m.shape, x, depth + 1); if (c !== undefined) out[k] = c; }
      }
      return out;
    }
    case "list":
      if (!Array.isArray(v)) throw mismatch();
      return v.map((x) => { const c = coerce(shape.member!.shape, x, depth + 1); if (c === undefined) throw mismatch(); return c; });
    case "map": {
      if (typeof v !== "object" || Array.isArray(v)) throw mismatch();
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const c = coerce(shape.value!.shape, x, depth + 1);
        if (c !== undefined) out[k] = c;
      }
      return out;
    }
    case "string":
      if (typeof v !== "string") throw mismatch();
      return v;
    case "boolean":
      if (typeof v !== "boolean") throw mismatch();
      return v;
    case "integer": case "long":
      if (typeof v !== "number" || !Number.isInteger(v)) throw mismatch();
      return v;
    case "double": case "float":
      if (typeof v !== "number") throw mismatch();
      return v;
    case "timestamp": {
      const d = typeof v === "number" ? new Date(v * 1000) : typeof v === "string" ? new Date(v) : undefined;
      if (!d || Number.isNaN(d.getTime())) throw mismatch();
      return d;
    }
    case "blob":
      if (typeof v !== "string") throw mismatch();
      return Buffer.from(v, "base64");
  }
}

/** Output object → JSON value following the shape (timestamps as epoch seconds, blobs as base64). */
function toJson(shape: Shape, v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  switch (shape.type) {
    case "structure": {
      const out: Record<string, unknown> = {};
      const obj = v as Record<string, unknown>;
      for (const [k, m] of Object.entries(shape.members)) {
        const j = toJson(m.shape, obj[k]);
        if (j !== undefined) out[k] = j;
      }
      return out;
    }
    case "list": return (v as unknown[]).map((x) => toJson(shape.member!.shape, x));
    case "map": {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = toJson(shape.value!.shape, x);
      return out;
    }
    case "timestamp": return (v instanceof Date ? v.getTime() : new Date(v as string).getTime()) / 1000;
    case "blob": return Buffer.from(v as Uint8Array).toString("base64");
    default: return v;
  }
}

export const awsJson: Protocol = {
  operationName(req) {
    const target = req.headers["x-amz-target"];
    if (!target) return undefined;
    const dot = target.lastIndexOf(".");
    return dot < 0 ? "" : target.slice(dot + 1);
  },

  parse(req, operation) {
    if (!operation.input) return {};
    let body: unknown = {};
    const text = req.body.toString("utf8");
    if (text.trim() !== "") {
      try { body = JSON.parse(text); } catch { throw serializationError("Start of structure or map found where not expected."); }
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      throw serializationError("Start of structure or map found where not expected.");
    }
    return coerce(operation.input, body, 0) as Record<string, unknown>;
  },

  serialize(output, operation, _model, requestId): RawResponse {
    const body = operation.output ? toJson(operation.output, output ?? {}) : {};
    return { status: 200, headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": requestId }, body: JSON.stringify(body) };
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
