// What the request tail shows of a call of the gateway's ring (gateway/request-history.ts): its summary, and
// its detail with the request and response, secrets redacted. Each process renders its own calls this way,
// so that what it hands others (workers, the PostgreSQL table) never holds a secret.
import type { HistoryEntry } from "../../../gateway/request-history";
import { MAX_BODY_KEPT } from "../../../gateway/request-history";
import type { RequestDetail, RequestSummary, ShownBody } from "../api-types";

/** Bodies are shown up to this many bytes (what the ring keeps of them). */
const MAX_BODY_SHOWN = MAX_BODY_KEPT;
/** Headers whose values are secrets (a signature, a session token). */
const SECRET_HEADERS = new Set(["authorization", "x-amz-security-token"]);
/** Query parameters of a presigned request that are secrets. */
const SECRET_QUERY = /^x-amz-(signature|security-token|credential)$/i;
const REDACTED = "[redacted]";

export function summary(e: HistoryEntry): RequestSummary {
  const l = e.line;
  return {
    id: e.id,
    time: new Date(e.time).toISOString(),
    service: l.service,
    operation: l.operation,
    account: l.account,
    region: l.region,
    status: l.status,
    ...(l.error ? { error: l.error } : {}),
    micros: Math.round(l.micros),
    ...(l.faults?.length ? { faults: l.faults } : {}),
  };
}

function shown(text: string): ShownBody {
  const bytes = Buffer.byteLength(text);
  if (bytes <= MAX_BODY_SHOWN) return { body: text };
  return { body: Buffer.from(text).subarray(0, MAX_BODY_SHOWN).toString("utf8"), truncated: true };
}

function shownBytes(buf: Buffer): ShownBody {
  if (buf.length <= MAX_BODY_SHOWN) return { body: buf.toString("utf8") };
  return { body: buf.subarray(0, MAX_BODY_SHOWN).toString("utf8"), truncated: true };
}

export function detail(e: HistoryEntry): RequestDetail {
  if (!e.req) {
    // A call made in process (a seed file, an admin route): its input and output, as JSON.
    return {
      ...summary(e),
      request: { method: "-", path: "(in process)", headers: {}, ...shown(JSON.stringify(e.input ?? {}, null, 2)) },
      response: { ...shown(JSON.stringify(e.output ?? null, null, 2)) },
    };
  }
  const { req, response } = e;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = SECRET_HEADERS.has(k) ? REDACTED : v;
  const query = new URLSearchParams();
  for (const [k, v] of req.query) query.append(k, SECRET_QUERY.test(k) ? REDACTED : v);
  const qs = query.toString();
  return {
    ...summary(e),
    request: {
      method: req.method,
      path: qs ? `${req.path}?${qs}` : req.path,
      headers,
      ...shownBytes(req.body),
      ...(e.cut?.request ? { truncated: true, bytes: e.cut.request } : {}),
    },
    response: response
      ? {
          status: response.status,
          headers: response.headers,
          ...shown(response.body),
          ...(e.cut?.response ? { truncated: true, bytes: e.cut.response } : {}),
        }
      : { status: e.line.status, headers: {}, body: "" },
  };
}
