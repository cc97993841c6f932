// Loads a trimmed botocore model once and links it into a graph of shapes that the protocols,
// the validator and the handlers share. A shape is linked when it is first needed; after that nothing here runs on
// the request path.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LazyMap } from "./lazy-map";
import { compilePattern } from "./pattern";

export type ShapeType =
  "structure" | "list" | "map" | "string" | "integer" | "long" | "boolean" | "timestamp" | "blob" | "double" | "float";

export interface Member {
  name: string;
  shape: Shape;
  /**
   * Wire name (botocore `locationName`): for XML and EC2 query; for REST, the label, query parameter, header (or
   * header prefix) and JSON key of the member.
   */
  locationName?: string;
  /** EC2 query request name, when it differs from the capitalized locationName. */
  queryName?: string;
  flattened?: boolean;
  timestampFormat?: string;
  idempotencyToken?: boolean;
  /** REST protocols: where the member travels (botocore `location`); the JSON or XML body when absent. */
  location?: "uri" | "querystring" | "header" | "headers" | "statusCode";
  /** A string member whose value is a JSON document (botocore `jsonvalue`): base64 in a header. */
  jsonvalue?: boolean;
}

export interface Shape {
  name: string;
  type: ShapeType;
  members: Record<string, Member>;
  required: Set<string>;
  member?: Member;
  key?: Member;
  value?: Member;
  min?: number;
  max?: number;
  pattern?: string;
  /** The pattern as AWS applies it, to the whole value (`./pattern.ts`). */
  patternRegex?: RegExp;
  enum?: string[];
  enumSet?: Set<string>;
  flattened?: boolean;
  timestampFormat?: string;
  exception?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  /** REST protocols: the member that is the whole body (botocore `payload`). */
  payload?: string;
}

/** Where a REST operation is routed: its method, its URI template, the status of its answer. */
export interface HttpBinding {
  method: string;
  requestUri: string;
  responseCode?: number;
}

export interface Operation {
  name: string;
  /** The operation's HTTP binding (botocore `http`), which the REST protocols route by. */
  http?: HttpBinding;
  input?: Shape;
  output?: Shape;
  /** Wrapper element of a query-protocol result (`resultWrapper`). */
  resultWrapper?: string;
  errors: Shape[];
}

export interface ServiceModel {
  name: string;
  protocol: "json" | "rest-json" | "ec2" | "query";
  apiVersion: string;
  targetPrefix?: string;
  xmlNamespace?: string;
  signingName: string;
  operations: Map<string, Operation>;
  shapes: Map<string, Shape>;
}

interface RawRef {
  shape: string;
  locationName?: string;
  queryName?: string;
  flattened?: boolean;
  timestampFormat?: string;
  idempotencyToken?: boolean;
  location?: Member["location"];
  jsonvalue?: boolean;
}
interface RawShape {
  type: ShapeType;
  members?: Record<string, RawRef>;
  required?: string[];
  member?: RawRef;
  key?: RawRef;
  value?: RawRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  flattened?: boolean;
  timestampFormat?: string;
  exception?: boolean;
  error?: Shape["error"];
  payload?: string;
}
interface RawModel {
  metadata: {
    protocol: string;
    apiVersion: string;
    targetPrefix?: string;
    xmlNamespace?: string;
    signingName?: string;
    endpointPrefix: string;
  };
  operations: Record<
    string,
    { name: string; http?: HttpBinding; input?: RawRef; output?: RawRef & { resultWrapper?: string }; errors?: RawRef[] }
  >;
  shapes: Record<string, RawShape>;
}

export const MODELS_DIR = join(__dirname, "..", "..", "..", "models");

/**
 * The model's graph of shapes and operations, linked as it is read: a shape is made with every shape it reaches
 * the first time it is asked for, and an operation with its input, output and errors.
 */
export function linkModel(name: string, raw: RawModel): ServiceModel {
  const linked = new Map<string, Shape>();
  const shapes: Map<string, Shape> = new LazyMap(new Set(Object.keys(raw.shapes)), (n) => linked.get(n) ?? makeShape(n));
  function makeShape(shapeName: string): Shape {
    const s = raw.shapes[shapeName];
    const shape: Shape = {
      name: shapeName,
      type: s.type,
      members: {},
      required: new Set(s.required ?? []),
      min: s.min,
      max: s.max,
      pattern: s.pattern,
      patternRegex: s.pattern ? compilePattern(s.pattern) : undefined,
      enum: s.enum,
      enumSet: s.enum ? new Set(s.enum) : undefined,
      flattened: s.flattened,
      timestampFormat: s.timestampFormat,
      exception: s.exception,
      error: s.error,
      payload: s.payload,
    };
    // Known before its members are linked, so that a shape that reaches itself (a recursive structure) ends.
    linked.set(shapeName, shape);
    for (const [m, r] of Object.entries(s.members ?? {})) shape.members[m] = ref(m, r);
    if (s.member) shape.member = ref("member", s.member);
    if (s.key) shape.key = ref("key", s.key);
    if (s.value) shape.value = ref("value", s.value);
    return shape;
  }
  const shapeNamed = (shapeName: string): Shape => {
    const shape = linked.get(shapeName) ?? shapes.get(shapeName);
    if (!shape) throw new Error(`model ${name}: unknown shape ${shapeName}`);
    return shape;
  };
  const ref = (memberName: string, r: RawRef): Member => ({
    name: memberName,
    shape: shapeNamed(r.shape),
    locationName: r.locationName,
    queryName: r.queryName,
    flattened: r.flattened,
    timestampFormat: r.timestampFormat,
    idempotencyToken: r.idempotencyToken,
    location: r.location,
    jsonvalue: r.jsonvalue,
  });
  const operations: Map<string, Operation> = new LazyMap(new Set(Object.keys(raw.operations)), (opName) => {
    const o = raw.operations[opName];
    return {
      name: opName,
      http: o.http,
      input: o.input ? shapeNamed(o.input.shape) : undefined,
      output: o.output ? shapeNamed(o.output.shape) : undefined,
      resultWrapper: o.output?.resultWrapper,
      errors: (o.errors ?? []).map((e) => shapeNamed(e.shape)),
    };
  });
  const md = raw.metadata;
  return {
    name,
    protocol: md.protocol as ServiceModel["protocol"],
    apiVersion: md.apiVersion,
    targetPrefix: md.targetPrefix,
    xmlNamespace: md.xmlNamespace,
    signingName: md.signingName ?? md.endpointPrefix,
    operations,
    shapes,
  };
}

const cache = new Map<string, ServiceModel>();

export function loadModel(name: string): ServiceModel {
  let model = cache.get(name);
  if (!model) {
    const raw = JSON.parse(readFileSync(join(MODELS_DIR, `${name}.json`), "utf8")) as RawModel;
    model = linkModel(name, raw);
    cache.set(name, model);
  }
  return model;
}
