// Stores hand out records as copies that the caller may change: a stored JSON document parsed anew at every
// read. Parsing is the costly way to copy: the parse of a recent document is kept here, keyed by its text
// (the same text always parses to the same value, so nothing needs to be forgotten when a record changes),
// and a read gets a copy of it, made in a few times less time than a parse. The parsed values never leave:
// only copies do.

/** Characters of documents kept at most; past it the cache starts again empty (a bound, not a cache to tune). */
const MAX_CHARS = 4_000_000;
/** Documents longer than this are parsed every time: few, and they would crowd the others out. */
const MAX_DOCUMENT = 64 * 1024;

const parsed = new Map<string, unknown>();
let chars = 0;

/** A copy of a JSON value: plain objects, arrays and primitives only (what JSON.parse makes). */
function copy(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = copy(v[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k in v as Record<string, unknown>) {
    const x = copy((v as Record<string, unknown>)[k]);
    // An own member named __proto__, as JSON.parse makes it, rather than a new prototype.
    if (k === "__proto__") Object.defineProperty(out, k, { value: x, writable: true, enumerable: true, configurable: true });
    else out[k] = x;
  }
  return out;
}

/** The value of a stored JSON document, as JSON.parse gives it: the caller's own to change. */
export function readRecord<T>(json: string): T {
  if (json.length > MAX_DOCUMENT) return JSON.parse(json) as T;
  let value = parsed.get(json);
  if (value === undefined) {
    value = JSON.parse(json);
    if (chars + json.length > MAX_CHARS) {
      parsed.clear();
      chars = 0;
    }
    parsed.set(json, value);
    chars += json.length;
  }
  return copy(value) as T;
}
