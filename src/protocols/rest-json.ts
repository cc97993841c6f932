// REST-JSON (botocore `rest-json`: Recycle Bin, EC2 Image Builder): an operation is a method and a URI template
// (its `http` binding), and each member of its input travels where the model puts it: a label of the path
// (`location: uri`, `{Name}` one segment, `{Name+}` greedy, any number), a query parameter (`querystring`; a
// map without a name takes the parameters no other member names), a header (`header`), headers with a prefix
// (`headers`), or the JSON body under its wire name (`locationName`, else its name), unless a `payload` member is
// the whole body. Answers likewise: header and status-code members, the JSON body, the operation's status code.
// Errors: the error shape's `httpStatusCode`, `X-Amzn-ErrorType` and a JSON body {__type, Message|message}.
//
// A protocol instance is made per model (restJson), since routing needs the model's URI templates; nothing in
// it knows a service.
import type { Member, Operation, ServiceModel, Shape } from "../model/model";
import { cut, echo } from "../errors/echo";
import type { Protocol, RawRequest, RawResponse } from "./protocol";
import { coerce, parseJsonObject, serializationError } from "./json-reader";
import { formatTimestamp, wireWriterOf } from "./json-writer";

/** One operation's route: its method, the regular expression of its path, its labels, the query it requires. */
interface Route {
  operation: Operation;
  method: string;
  pattern: RegExp;
  /** Label names in the order of the pattern's groups, and whether each is greedy. */
  labels: { name: string; greedy: boolean }[];
  /** Query parameters the template requires (`?versioning`, `?list-type=2`): name → value, or undefined for any. */
  query: [string, string | undefined][];
  /** Orders routes that could match the same path: more literal text first, greedy labels last. */
  rank: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Compiles an `http.requestUri` such as `/rules/{identifier}/lock` or `/{Bucket}/{Key+}?tagging`. */
export function compileRoute(operation: Operation): Route | undefined {
  const http = operation.http;
  if (!http) return undefined;
  const q = http.requestUri.indexOf("?");
  const path = q < 0 ? http.requestUri : http.requestUri.slice(0, q);
  const labels: Route["labels"] = [];
  let source = "";
  let literal = 0;
  for (const part of path.split(/(\{[^}]+\})/)) {
    const label = /^\{([^}+]+)(\+?)\}$/.exec(part);
    if (label) {
      labels.push({ name: label[1], greedy: label[2] === "+" });
      source += label[2] === "+" ? "(.+)" : "([^/]+)";
    } else {
      source += escapeRegExp(part);
      literal += part.length;
    }
  }
  const query: Route["query"] = [];
  if (q >= 0) {
    for (const [k, v] of new URLSearchParams(http.requestUri.slice(q + 1))) query.push([k, v === "" ? undefined : v]);
  }
  const greedy = labels.some((l) => l.greedy);
  return {
    operation,
    method: http.method.toUpperCase(),
    pattern: new RegExp(`^${source}$`),
    labels,
    query,
    rank: literal * 4 + query.length * 2 + (greedy ? 0 : 1),
  };
}

/** The path as the template reads it: one trailing slash more than the template has is not a different path. */
const trimmed = (path: string) => (path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path);

function decodeLabel(raw: string, greedy: boolean): string {
  try {
    return greedy ? raw.split("/").map(decodeURIComponent).join("/") : decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The route's labels in a request path, decoded, or undefined when the request is not the route's. */
function matchRoute(route: Route, req: RawRequest): Record<string, string> | undefined {
  if (req.method.toUpperCase() !== route.method) return undefined;
  const m = route.pattern.exec(req.path) ?? route.pattern.exec(trimmed(req.path));
  if (!m) return undefined;
  for (const [k, v] of route.query) {
    if (!req.query.has(k) || (v !== undefined && req.query.get(k) !== v)) return undefined;
  }
  const labels: Record<string, string> = {};
  route.labels.forEach((l, i) => (labels[l.name] = decodeLabel(m[i + 1], l.greedy)));
  return labels;
}

/** A shape's members split by where they travel, worked out once per shape. */
interface Layout {
  located: Member[];
  /** Body members by wire name. */
  body: Map<string, Member>;
  /** Body member names (model names), for answers. */
  bodyNames: Set<string>;
  payload?: Member;
}

const layouts = new WeakMap<Shape, Layout>();
function layoutOf(shape: Shape): Layout {
  let layout = layouts.get(shape);
  if (layout) return layout;
  const payload = shape.payload !== undefined ? shape.members[shape.payload] : undefined;
  const members = Object.values(shape.members);
  const bodyMembers = payload ? [] : members.filter((m) => m.location === undefined);
  layout = {
    located: members.filter((m) => m.location !== undefined),
    body: new Map(bodyMembers.map((m) => [m.locationName ?? m.name, m])),
    bodyNames: new Set(bodyMembers.map((m) => m.name)),
    payload,
  };
  layouts.set(shape, layout);
  return layout;
}

const wireName = (m: Member) => m.locationName ?? m.name;

/** A scalar from the text of a label, query parameter or header, as its shape reads it. */
function scalar(member: Member, shape: Shape, text: string, where: string): unknown {
  const bad = (expected: string) =>
    serializationError(`Value '${echo(text)}' at '${echo(where)}' cannot be read as ${expected} (${shape.name}).`);
  switch (shape.type) {
    case "string":
      return member.jsonvalue && member.location === "header" ? Buffer.from(text, "base64").toString("utf8") : text;
    case "boolean":
      if (text === "true" || text === "false") return text === "true";
      throw bad("a boolean");
    case "integer":
    case "long": {
      if (!/^-?[0-9]{1,19}$/.test(text)) throw bad("an integer");
      const n = Number(text);
      if (shape.type === "integer" ? n > 2147483647 || n < -2147483648 : Math.abs(n) > 2 ** 63) throw bad("an integer");
      return n;
    }
    case "double":
    case "float": {
      const n = text === "NaN" ? NaN : text === "Infinity" ? Infinity : text === "-Infinity" ? -Infinity : Number(text);
      if (text.trim() === "" || (Number.isNaN(n) && text !== "NaN")) throw bad("a number");
      return n;
    }
    case "timestamp": {
      const d = /^-?[0-9]+(\.[0-9]+)?$/.test(text) ? new Date(Number(text) * 1000) : new Date(text);
      if (Number.isNaN(d.getTime())) throw bad("a timestamp");
      return d;
    }
    case "blob":
      return Buffer.from(text, "base64");
    default:
      throw bad(shape.type);
  }
}

/** A header that holds a list: its items, comma-separated (a quoted item keeps its commas). */
function headerItems(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\s*("(?:[^"\\]|\\.)*"|[^,]*)\s*(?:,|$)/g)) {
    if (m.index === text.length) break;
    const item = m[1];
    out.push(item.startsWith('"') ? item.slice(1, -1).replace(/\\(.)/g, "$1") : item);
  }
  return out;
}

/** The members of `shape` that travel outside the body of a request. */
function readLocated(
  layout: Layout,
  req: RawRequest,
  route: Route | undefined,
  labels: Record<string, string>,
  out: Record<string, unknown>,
): void {
  /** Query parameters a member or the template names: a map member without a name takes the others. */
  const named = new Set([
    ...layout.located.filter((m) => m.location === "querystring" && m.shape.type !== "map").map(wireName),
    ...(route?.query.map(([k]) => k) ?? []),
  ]);
  for (const m of layout.located) {
    const name = wireName(m);
    switch (m.location) {
      case "uri": {
        const v = labels[name];
        if (v !== undefined) out[m.name] = scalar(m, m.shape, v, name);
        break;
      }
      case "querystring": {
        if (m.shape.type === "map") {
          const map: Record<string, unknown> = {};
          const listValues = m.shape.value!.shape.type === "list";
          for (const k of new Set(req.query.keys())) {
            if (named.has(k)) continue;
            const values = req.query.getAll(k);
            map[k] = listValues
              ? values.map((x) => scalar(m.shape.value!.shape.member!, m.shape.value!.shape.member!.shape, x, k))
              : scalar(m.shape.value!, m.shape.value!.shape, values[0], k);
          }
          if (Object.keys(map).length) out[m.name] = map;
        } else if (m.shape.type === "list") {
          const values = req.query.getAll(name);
          if (values.length) out[m.name] = values.map((x) => scalar(m.shape.member!, m.shape.member!.shape, x, name));
        } else {
          const v = req.query.get(name);
          if (v !== null) out[m.name] = scalar(m, m.shape, v, name);
        }
        break;
      }
      case "header": {
        const v = req.headers[name.toLowerCase()];
        if (v === undefined) break;
        out[m.name] =
          m.shape.type === "list"
            ? headerItems(v).map((x) => scalar(m.shape.member!, m.shape.member!.shape, x, name))
            : scalar(m, m.shape, v, name);
        break;
      }
      case "headers": {
        const prefix = name.toLowerCase();
        const map: Record<string, unknown> = {};
        for (const [h, v] of Object.entries(req.headers)) {
          if (v !== undefined && h.startsWith(prefix)) map[h.slice(prefix.length)] = scalar(m.shape.value!, m.shape.value!.shape, v, h);
        }
        if (Object.keys(map).length) out[m.name] = map;
        break;
      }
      default:
        break;
    }
  }
}

/** A value of an answer's header member as its text. */
function headerText(member: Member, v: unknown): string {
  const shape = member.shape;
  switch (shape.type) {
    case "timestamp":
      return String(formatTimestamp(v, member.timestampFormat ?? shape.timestampFormat ?? "rfc822"));
    case "list":
      return (v as unknown[]).map((x) => headerText(shape.member!, x)).join(", ");
    case "blob":
      return Buffer.from(v as Uint8Array).toString("base64");
    case "string":
      return member.jsonvalue ? Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64") : String(v);
    default:
      return String(v);
  }
}

/** The message member of an error shape, as its model spells it (`Message` or `message`). */
function messageKey(shape: Shape | undefined): string {
  for (const name of Object.keys(shape?.members ?? {})) if (name.toLowerCase() === "message") return name;
  return "message";
}

/** The modeled error of this code, if the model has one. */
function errorShape(model: ServiceModel, code: string): Shape | undefined {
  const shape = model.shapes.get(code);
  if (shape?.exception) return shape;
  for (const s of model.shapes.values()) if (s.exception && s.error?.code === code) return s;
  return undefined;
}

const NO_BODY = new Set([204, 304]);

function makeRestJson(model: ServiceModel): Protocol {
  const routes = [...model.operations.values()]
    .map(compileRoute)
    .filter((r): r is Route => r !== undefined)
    .sort((a, b) => b.rank - a.rank);
  const byOperation = new Map(routes.map((r) => [r.operation.name, r]));

  return {
    /** The operation whose route the request takes; else its method and path, which no operation is named. */
    operationName(req) {
      for (const r of routes) if (matchRoute(r, req)) return r.operation.name;
      return cut(`${req.method} ${req.path}`.replace(/\s/g, " "), 200);
    },

    missingOperation: (service) => service.unknownOperation(""),

    parse(req, operation) {
      const shape = operation.input;
      if (!shape) return {};
      const route = byOperation.get(operation.name);
      const labels = (route && matchRoute(route, req)) ?? {};
      const layout = layoutOf(shape);
      const input: Record<string, unknown> = {};
      if (layout.payload) {
        const p = layout.payload;
        if (p.shape.type === "structure") {
          if (req.body.length) input[p.name] = coerce(p.shape, parseJsonObject(req.body), "wire");
        } else if (req.body.length) {
          input[p.name] = p.shape.type === "blob" ? Buffer.from(req.body) : req.body.toString("utf8");
        }
      } else if (layout.body.size) {
        for (const [k, x] of Object.entries(parseJsonObject(req.body))) {
          const m = layout.body.get(k);
          if (!m) continue;
          const c = coerce(m.shape, x, "wire");
          if (c !== undefined) input[m.name] = c;
        }
      }
      // What the path, query and headers carry is read last: a body member of the same wire name cannot replace it.
      readLocated(layout, req, route, labels, input);
      return input;
    },

    serialize(output, operation, _model, requestId): RawResponse {
      let status = operation.http?.responseCode ?? 200;
      const headers: Record<string, string> = { "content-type": "application/json", "x-amzn-requestid": requestId };
      const shape = operation.output;
      const out = (output ?? {}) as Record<string, unknown>;
      let body = "{}";
      if (shape) {
        const layout = layoutOf(shape);
        for (const m of layout.located) {
          const v = out[m.name];
          if (v === undefined || v === null) continue;
          if (m.location === "header") headers[wireName(m).toLowerCase()] = headerText(m, v);
          else if (m.location === "headers") {
            for (const [k, x] of Object.entries(v as Record<string, unknown>))
              headers[`${wireName(m)}${k}`.toLowerCase()] = headerText(m.shape.value!, x);
          } else if (m.location === "statusCode") status = Number(v);
        }
        if (layout.payload) {
          const p = layout.payload;
          const v = out[p.name];
          if (p.shape.type === "structure") body = v === undefined || v === null ? "{}" : wireWriterOf(p.shape)(v)!;
          else {
            body =
              v === undefined || v === null
                ? ""
                : Buffer.isBuffer(v) || v instanceof Uint8Array
                  ? Buffer.from(v).toString("utf8")
                  : String(v);
            headers["content-type"] = p.shape.type === "blob" ? "application/octet-stream" : "text/plain";
          }
        } else {
          const members: Record<string, unknown> = {};
          for (const k in out) if (layout.bodyNames.has(k)) members[k] = out[k];
          body = wireWriterOf(shape)(members)!;
        }
      }
      if (NO_BODY.has(status)) {
        body = "";
        delete headers["content-type"];
      }
      return { status, headers, body };
    },

    serializeError(error, model, requestId): RawResponse {
      const shape = errorShape(model, error.code);
      const status = shape?.error?.httpStatusCode ?? error.status;
      return {
        status,
        headers: { "content-type": "application/json", "x-amzn-requestid": requestId, "x-amzn-errortype": error.code },
        body: JSON.stringify({ __type: error.code, [messageKey(shape)]: error.message, ...error.extra }),
      };
    },
  };
}

const protocols = new WeakMap<ServiceModel, Protocol>();

/** The REST-JSON protocol of a model, made once per model. */
export function restJson(model: ServiceModel): Protocol {
  let p = protocols.get(model);
  if (!p) protocols.set(model, (p = makeRestJson(model)));
  return p;
}

/** Whether a request takes one of the model's routes (a REST request that no signature names the service of). */
export function routesTo(model: ServiceModel, req: RawRequest): boolean {
  const p = restJson(model);
  const name = p.operationName(req);
  return name !== undefined && model.operations.has(name);
}
