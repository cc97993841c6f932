// Turns a generated case into bytes on the wire for its protocol, and mutates those bytes: truncation,
// flipped bytes, wrong content types, duplicated parameters, other services' operations, random bodies.
import fc from "fast-check";
import type { Member, Shape } from "../../src/model/model";
import type { RawRequest } from "../../src/protocols/protocol";
import { Ref } from "./generators";
import { isJson, type Proto } from "./envelopes";

export interface WireRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: Buffer;
}

export type WireMutation =
  | { kind: "none" }
  | { kind: "truncate"; at: number }
  | { kind: "flip"; at: number; byte: number }
  | { kind: "randomBody"; bytes: Uint8Array }
  | { kind: "contentType"; value: string }
  | { kind: "duplicate"; at: number }
  | { kind: "inQueryString" }
  | { kind: "noVersion" };

export const wireMutationArb: fc.Arbitrary<WireMutation> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ kind: "none" } as WireMutation) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("randomBody" as const), bytes: fc.uint8Array({ maxLength: 300 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("contentType" as const),
      value: fc.constantFrom(
        "text/plain",
        "application/json",
        "",
        "multipart/form-data; boundary=x",
        "application/x-amz-json-1.0",
        "application/x-www-form-urlencoded",
        "\u00e9/\u00e9",
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: "inQueryString" } as WireMutation) },
  { weight: 1, arbitrary: fc.constant({ kind: "noVersion" } as WireMutation) },
);

const VERSION: Record<Proto, string> = { json: "", ssm: "", ec2: "2016-11-15", query: "2011-06-15" };
const SIGNING: Record<Proto, string> = { json: "appstream", ssm: "ssm", ec2: "ec2", query: "sts" };
const TARGET: Record<Proto, string> = { json: "PhotonAdminProxyService", ssm: "AmazonSSM", ec2: "", query: "" };

/** Replaces references by values seen in earlier answers, and dates and bytes by their JSON form. */
export function resolve(v: unknown, pool: string[], json: boolean): unknown {
  if (v instanceof Ref) {
    const fit = v.prefix ? pool.filter((x) => x.startsWith(v.prefix)) : pool;
    return fit.length ? fit[v.n % fit.length] : `${v.prefix || "ami-"}0123456789abcdef0`;
  }
  if (v instanceof Date) return json ? v.getTime() / 1000 : v.toISOString();
  if (Buffer.isBuffer(v)) return v.toString("base64");
  if (Array.isArray(v)) return v.map((x) => resolve(x, pool, json));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x, pool, json)]));
  return v;
}

const capitalize = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** Query parameters of a value, named as the model names members on the wire (whatever the value's type). */
function formPairs(
  value: unknown,
  shape: Shape | undefined,
  member: Member | undefined,
  name: string,
  ec2: boolean,
  out: [string, string][],
): void {
  if (Array.isArray(value)) {
    if (!value.length) {
      out.push([name, ""]);
      return;
    }
    const flat = ec2 || !shape || shape.type !== "list" || member?.flattened || shape.flattened;
    const base = flat ? name : `${name}.${shape?.member?.locationName ?? "member"}`;
    value.forEach((x, i) => formPairs(x, shape?.member?.shape, shape?.member, `${base}.${i + 1}`, ec2, out));
  } else if (value && typeof value === "object") {
    for (const [k, x] of Object.entries(value)) {
      const m = shape?.type === "structure" ? shape.members[k] : undefined;
      const wire = m ? (ec2 ? (m.queryName ?? capitalize(m.locationName ?? m.name)) : (m.locationName ?? m.name)) : k;
      formPairs(x, m?.shape, m, name ? `${name}.${wire}` : wire, ec2, out);
    }
  } else {
    out.push([name, value === null || value === undefined ? "" : String(value)]);
  }
}

export function encode(
  proto: Proto,
  opName: string,
  input: unknown,
  inputShape: Shape | undefined,
  account: string,
  region: string,
  pool: string[],
): WireRequest {
  const headers: Record<string, string> = {
    authorization: `AWS4-HMAC-SHA256 Credential=${account}/20261123/${region}/${SIGNING[proto]}/aws4_request, SignedHeaders=host, Signature=abc`,
  };
  const value = resolve(input, pool, isJson(proto));
  if (isJson(proto)) {
    headers["content-type"] = "application/x-amz-json-1.1";
    headers["x-amz-target"] = `${TARGET[proto]}.${opName}`;
    return { method: "POST", path: "/", query: "", headers, body: Buffer.from(JSON.stringify(value ?? {})) };
  }
  headers["content-type"] = "application/x-www-form-urlencoded; charset=utf-8";
  const pairs: [string, string][] = [
    ["Action", opName],
    ["Version", VERSION[proto]],
  ];
  formPairs(value, inputShape, undefined, "", proto === "ec2", pairs);
  return { method: "POST", path: "/", query: "", headers, body: Buffer.from(new URLSearchParams(pairs).toString()) };
}

export function mutateWire(req: WireRequest, m: WireMutation): WireRequest {
  const out = { ...req, headers: { ...req.headers } };
  const len = Math.max(req.body.length, 1);
  switch (m.kind) {
    case "none":
      break;
    case "truncate":
      out.body = req.body.subarray(0, m.at % len);
      break;
    case "flip":
      out.body = Buffer.from(req.body);
      if (out.body.length) out.body[m.at % len] = m.byte;
      break;
    case "randomBody":
      out.body = Buffer.from(m.bytes);
      break;
    case "contentType":
      out.headers["content-type"] = m.value;
      break;
    case "duplicate": {
      if (req.headers["x-amz-target"]) {
        out.body = Buffer.concat([req.body, req.body]);
        break;
      }
      const parts = req.body.toString().split("&");
      parts.push(parts[m.at % parts.length]);
      out.body = Buffer.from(parts.join("&"));
      break;
    }
    case "inQueryString":
      if (!req.headers["x-amz-target"]) {
        out.query = req.body.toString();
        out.body = Buffer.alloc(0);
      }
      break;
    case "noVersion":
      if (!req.headers["x-amz-target"]) out.body = Buffer.from(req.body.toString().replace(/(^|&)Version=[^&]*/, ""));
      break;
  }
  return out;
}

export function toRaw(req: WireRequest): RawRequest {
  return { method: req.method, path: req.path, query: new URLSearchParams(req.query), headers: { ...req.headers }, body: req.body };
}
