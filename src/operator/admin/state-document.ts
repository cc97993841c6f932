// Reads a state document from the bytes of a request body without making one string of them: a document
// may be larger than the longest string V8 can hold (an export is as large as the state). The top level and
// the `records` list are walked over the bytes; each member and each record is parsed on its own, by
// JSON.parse, which checks it in full. Structural bytes (quotes, brackets, commas) are ASCII and never
// occur inside a multi-byte UTF-8 sequence, so the walk needs no decoding.
import { AdminError, parseJsonBody } from "./json";

/** Below this, the body is parsed at once (faster); above, record by record. */
export const WHOLE_PARSE_BYTES = 16 * 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const notJson = () => new AdminError(400, "InvalidJson", "The request body is not valid JSON.");
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

export function parseStateDocument(body: Buffer, wholeParseBytes = WHOLE_PARSE_BYTES): Record<string, unknown> {
  if (body.length <= wholeParseBytes) return parseJsonBody(body);
  const n = body.length;
  const skip = (i: number) => {
    while (i < n && isSpace(body[i])) i++;
    return i;
  };
  /** The end (exclusive) of the string that starts at i. */
  const stringEnd = (i: number) => {
    for (let j = i + 1; j < n; j++) {
      if (body[j] === BACKSLASH) j++;
      else if (body[j] === QUOTE) return j + 1;
    }
    throw notJson();
  };
  /** The end (exclusive) of the value that starts at i; JSON.parse checks what lies between. */
  const valueEnd = (i: number) => {
    const b = body[i];
    if (b === QUOTE) return stringEnd(i);
    if (b === 0x7b || b === 0x5b) {
      let depth = 0;
      for (let j = i; j < n; j++) {
        const c = body[j];
        if (c === QUOTE) j = stringEnd(j) - 1;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          if (--depth === 0) return j + 1;
        }
      }
      throw notJson();
    }
    let j = i;
    while (j < n && !isSpace(body[j]) && body[j] !== 0x2c && body[j] !== 0x7d && body[j] !== 0x5d) j++;
    if (j === i) throw notJson();
    return j;
  };
  const parse = (from: number, to: number): unknown => {
    try {
      return JSON.parse(body.toString("utf8", from, to));
    } catch {
      throw notJson();
    }
  };
  const expect = (i: number, byte: number) => {
    if (body[i] !== byte) throw notJson();
    return i + 1;
  };

  // Only the members a document has are kept: a "__proto__" key must not become the object's prototype.
  const doc: Record<string, unknown> = {};
  let i = expect(skip(0), 0x7b);
  i = skip(i);
  if (body[i] === 0x7d) i++;
  else {
    for (;;) {
      const keyEnd = stringEnd(expect(i, QUOTE) - 1);
      const key = parse(i, keyEnd) as string;
      i = skip(expect(skip(keyEnd), 0x3a));
      let value: unknown;
      if (key === "records" && body[i] === 0x5b) {
        const records: unknown[] = [];
        i = skip(i + 1);
        if (body[i] === 0x5d) i++;
        else {
          for (;;) {
            const end = valueEnd(i);
            records.push(parse(i, end));
            i = skip(end);
            if (body[i] === 0x2c) i = skip(i + 1);
            else {
              i = expect(i, 0x5d);
              break;
            }
          }
        }
        value = records;
      } else {
        const end = valueEnd(i);
        value = parse(i, end);
        i = end;
      }
      Object.defineProperty(doc, key, { value, enumerable: true, writable: true, configurable: true });
      i = skip(i);
      if (body[i] === 0x2c) i = skip(i + 1);
      else {
        i = expect(i, 0x7d);
        break;
      }
    }
  }
  if (skip(i) !== n) throw notJson();
  return doc;
}
