// The query protocols: form-encoded `Action=...&Version=...` requests with XML responses.
// EC2 and STS differ only in the settings below: how a member is named on the wire, whether lists
// are flattened, the result wrapper and the error envelope.
import type { Member, Operation, ServiceModel, Shape } from "../model/model";
import { ServiceError } from "../errors/service-error";
import { echo } from "../errors/echo";
import type { Protocol, RawRequest, RawResponse } from "./protocol";
import { escapeXml, membersWriter, type XmlFlavour } from "./xml";

interface QueryFlavour extends XmlFlavour {
  ec2: boolean;
  /** Name of a member on the wire. */
  wireName(member: Member): string;
  invalidValue(name: string, value: string, expected: string): ServiceError;
  unknownParameter(name: string): ServiceError;
}

/** Parameters every query request may carry besides the operation's own (signing, protocol). */
const ENVELOPE = new Set([
  "Action",
  "Version",
  "AWSAccessKeyId",
  "SignatureMethod",
  "SignatureVersion",
  "Signature",
  "Timestamp",
  "Expires",
  "SecurityToken",
]);

interface Node {
  value?: string;
  children?: Map<string, Node>;
}

const MAX_PARAMS = 10_000;
/** Dotted segments a parameter name may have; the deepest member of the models takes 6 (`A.1.B.1.C.1`). */
const MAX_SEGMENTS = 16;

/**
 * The parameters of a query request: the query string's, then the form body's. Parsing a body of a million
 * parameters would take most of a second, so the body is read up to one parameter beyond MAX_PARAMS: enough
 * for toTree to refuse the request, and for the gateway to find its Action and Version.
 */
export function readForm(query: URLSearchParams, body?: string): URLSearchParams {
  if (!body) return new URLSearchParams(query);
  const params = new URLSearchParams(body.slice(0, endOfParams(body, MAX_PARAMS + 1)));
  if (query.size === 0) return params;
  const form = new URLSearchParams(query);
  for (const [k, v] of params) form.append(k, v);
  return form;
}

/** Where the first `n` parameters of a form body end; empty ones (`&&`) are no parameters, as URLSearchParams reads them. */
function endOfParams(body: string, n: number): number {
  let count = 0;
  for (let start = 0; start < body.length;) {
    let end = body.indexOf("&", start);
    if (end < 0) end = body.length;
    if (end > start && ++count === n) return end;
    start = end + 1;
  }
  return body.length;
}

/** `Filter.1.Value.2=x` → a tree keyed by the dotted segments. A name deeper than any member is unknown, unsplit. */
function toTree(form: URLSearchParams, f: QueryFlavour): Node {
  const root: Node = { children: new Map() };
  let count = 0;
  for (const [key, value] of form) {
    if (++count > MAX_PARAMS) throw new ServiceError("InvalidParameterValue", "The request has too many parameters.", 400);
    if (ENVELOPE.has(key) || key.startsWith("X-Amz-")) continue;
    const segments = key.split(".", MAX_SEGMENTS + 1);
    if (segments.length > MAX_SEGMENTS) throw f.unknownParameter(key);
    let node = root;
    for (const seg of segments) {
      if (!node.children) node.children = new Map();
      let next = node.children.get(seg);
      if (!next) {
        next = {};
        node.children.set(seg, next);
      }
      node = next;
    }
    node.value = value;
  }
  return root;
}

function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** A structure's members as the parser reads them, worked out once per shape. */
interface StructurePlan {
  names: string[];
  members: Member[];
  wires: string[];
  /** Wire name → the indexes of the members it names, in model order. */
  byWire: Map<string, number[]>;
}

class QueryParser {
  private readonly plans = new WeakMap<Shape, StructurePlan>();

  constructor(private readonly f: QueryFlavour) {}

  private plan(shape: Shape): StructurePlan {
    let plan = this.plans.get(shape);
    if (plan) return plan;
    const names = Object.keys(shape.members);
    const members = names.map((n) => shape.members[n]);
    const wires = members.map((m) => this.f.wireName(m));
    const byWire = new Map<string, number[]>();
    wires.forEach((w, i) => byWire.set(w, [...(byWire.get(w) ?? []), i]));
    plan = { names, members, wires, byWire };
    this.plans.set(shape, plan);
    return plan;
  }

  /** Members in model order; then the first parameter (in the request's order) that names none is refused. */
  structure(shape: Shape, node: Node, path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const children = node.children;
    if (!children) return out;
    const plan = this.plan(shape);
    let unknown: string | undefined;
    const present: number[] = [];
    for (const key of children.keys()) {
      const at = plan.byWire.get(key);
      if (at) present.push(...at);
      else unknown ??= key;
    }
    if (present.length > 1) present.sort((a, b) => a - b);
    for (const i of present) {
      const wire = plan.wires[i];
      const v = this.value(plan.members[i], children.get(wire)!, path ? `${path}.${wire}` : wire);
      if (v !== undefined) out[plan.names[i]] = v;
    }
    if (unknown !== undefined) throw this.f.unknownParameter(path ? `${path}.${unknown}` : unknown);
    return out;
  }

  /** Items of a list node in index order; `.member.N` unless flattened (EC2 always flattens). */
  private items(member: Member, node: Node, path: string): [Node, string][] {
    let holder = node;
    let base = path;
    const flat = this.f.ec2 || member.flattened || member.shape.flattened;
    if (!flat) {
      const itemName = member.shape.member!.locationName ?? "member";
      const inner = node.children?.get(itemName);
      if (node.children && (node.children.size !== 1 || !inner)) {
        const bad = [...node.children.keys()].find((k) => k !== itemName)!;
        throw this.f.unknownParameter(`${path}.${bad}`);
      }
      if (!inner) return [];
      holder = inner;
      base = `${path}.${itemName}`;
    }
    const entries: [number, Node, string][] = [];
    for (const [k, child] of holder.children ?? []) {
      if (!/^[1-9][0-9]{0,5}$/.test(k)) throw this.f.unknownParameter(`${base}.${k}`);
      entries.push([Number(k), child, `${base}.${k}`]);
    }
    return entries.sort((a, b) => a[0] - b[0]).map(([, n, p]) => [n, p]);
  }

  value(member: Member, node: Node, path: string): unknown {
    const shape = member.shape;
    switch (shape.type) {
      case "structure":
        if (node.value !== undefined && !node.children) throw this.f.invalidValue(path, node.value, "structure");
        return this.structure(shape, node, path);
      case "list": {
        if (node.value !== undefined && !node.children) {
          // An empty list is sent as `Name=` by the SDKs.
          if (node.value === "") return [];
          throw this.f.invalidValue(path, node.value, "list");
        }
        return this.items(member, node, path).map(([n, p]) => this.value(shape.member!, n, p));
      }
      case "map": {
        const out: Record<string, unknown> = {};
        const entries = this.f.ec2 || member.flattened || shape.flattened ? node : (node.children?.get("entry") ?? {});
        const keyName = shape.key!.locationName ?? "key";
        const valueName = shape.value!.locationName ?? "value";
        for (const [, e] of entries.children ?? []) {
          const k = e.children?.get(keyName)?.value;
          const v = e.children?.get(valueName);
          if (k !== undefined && v) out[k] = this.value(shape.value!, v, `${path}.${valueName}`);
        }
        return out;
      }
      default: {
        if (node.children) throw this.f.unknownParameter(`${path}.${[...node.children.keys()][0]}`);
        return scalarFrom(shape, node.value ?? "", path, this.f);
      }
    }
  }
}

function scalarFrom(shape: Shape, s: string, path: string, f: QueryFlavour): unknown {
  switch (shape.type) {
    case "boolean":
      if (s === "true" || s === "false") return s === "true";
      throw f.invalidValue(path, s, "boolean");
    case "integer":
    case "long": {
      if (!/^-?[0-9]{1,18}$/.test(s)) throw f.invalidValue(path, s, "integer");
      const n = Number(s);
      if (shape.type === "integer" && (n > 2147483647 || n < -2147483648)) throw f.invalidValue(path, s, "integer");
      return n;
    }
    case "double":
    case "float": {
      const n = Number(s);
      if (s.trim() === "" || !Number.isFinite(n)) throw f.invalidValue(path, s, "number");
      return n;
    }
    case "timestamp": {
      const d = /^[0-9]+(\.[0-9]+)?$/.test(s) ? new Date(Number(s) * 1000) : new Date(s);
      if (Number.isNaN(d.getTime())) throw f.invalidValue(path, s, "timestamp");
      return d;
    }
    case "blob":
      return Buffer.from(s, "base64");
    default:
      return s;
  }
}

function makeQueryProtocol(
  f: QueryFlavour,
  envelope: {
    /** The answer of an operation around its members; made once per operation. */
    result(op: Operation, model: ServiceModel): (requestId: string, members: string) => string;
    error(e: ServiceError, model: ServiceModel, requestId: string): string;
  },
): Protocol {
  const parser = new QueryParser(f);
  const results = new WeakMap<Operation, (requestId: string, members: string) => string>();
  const xmlResponse = (status: number, requestId: string, body: string): RawResponse => ({
    status,
    headers: { "content-type": "text/xml;charset=UTF-8", "x-amzn-requestid": requestId },
    body,
  });
  return {
    operationName: (_req, form) => form?.get("Action") ?? undefined,
    missingOperation: () => new ServiceError("MissingAction", "The request must contain the parameter Action."),
    parse(_req: RawRequest, operation: Operation, _model: ServiceModel, form?: URLSearchParams) {
      if (!operation.input) return {};
      return parser.structure(operation.input, toTree(form ?? new URLSearchParams(), f), "");
    },
    serialize(output, operation, model, requestId) {
      let result = results.get(operation);
      if (!result) results.set(operation, (result = envelope.result(operation, model)));
      const members = operation.output ? membersWriter(operation.output, f)((output ?? {}) as Record<string, unknown>) : "";
      return xmlResponse(200, requestId, result(requestId, members));
    },
    serializeError(e, model, requestId) {
      return xmlResponse(e.status, requestId, envelope.error(e, model, requestId));
    },
  };
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

export const ec2Query = makeQueryProtocol(
  {
    ec2: true,
    defaultListItem: "item",
    wireName: (m) => m.queryName ?? capitalize(m.locationName ?? m.name),
    invalidValue: (name, value, expected) =>
      new ServiceError("InvalidParameterValue", `Value (${echo(value)}) for parameter ${echo(name)} is invalid. Expected: '${expected}'.`),
    unknownParameter: (name) => new ServiceError("UnknownParameter", `The parameter ${echo(name)} is not recognized`),
  },
  {
    // An action without output members still answers <return>true</return>, as EC2 does (e.g. CreateTags).
    // EC2 writes its namespace with a trailing slash (http://ec2.amazonaws.com/doc/2016-11-15/); the model has none.
    result: (op, model) => {
      const head = `${XML_DECL}<${op.name}Response xmlns="${model.xmlNamespace?.replace(/\/?$/, "/")}"><requestId>`;
      const tail = `</${op.name}Response>`;
      return op.output
        ? (requestId, members) => head + requestId + "</requestId>" + members + tail
        : (requestId) => head + requestId + "</requestId><return>true</return>" + tail;
    },
    error: (e, _model, requestId) =>
      `${XML_DECL}<Response><Errors><Error><Code>${escapeXml(e.code)}</Code><Message>${escapeXml(e.message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
  },
);

export const awsQuery = makeQueryProtocol(
  {
    ec2: false,
    defaultListItem: "member",
    wireName: (m) => m.locationName ?? m.name,
    invalidValue: (name, value, expected) =>
      new ServiceError(
        "ValidationError",
        `Value '${echo(value)}' at '${echo(name)}' failed to satisfy constraint: Member must be a ${expected}`,
      ),
    unknownParameter: (name) => new ServiceError("InvalidParameter", `The parameter ${echo(name)} is not recognized`),
  },
  {
    result: (op, model) => {
      const wrapper = op.resultWrapper ?? `${op.name}Result`;
      const head = `<${op.name}Response xmlns="${model.xmlNamespace}"><${wrapper}>`;
      const middle = `</${wrapper}><ResponseMetadata><RequestId>`;
      const tail = `</RequestId></ResponseMetadata></${op.name}Response>`;
      return (requestId, members) => head + members + middle + requestId + tail;
    },
    error: (e, model, requestId) =>
      `<ErrorResponse xmlns="${model.xmlNamespace}"><Error><Type>${e.status >= 500 ? "Receiver" : "Sender"}</Type>` +
      `<Code>${escapeXml(e.code)}</Code><Message>${escapeXml(e.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  },
);
