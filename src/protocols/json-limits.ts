// What a JSON body may hold before it is parsed. JSON.parse of a 10 MB object of a million members takes a
// second, and walking and validating it several more; no request to these services needs more than a few
// hundred values. One pass over the bytes, which skips the inside of strings with indexOf, bounds the
// nesting depth and the number of values first, so that the parse and every walk after it stay small.

const MAX_DEPTH = 64;
const MAX_VALUES = 10_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** Index of the quote that closes the string opened at `start`, or the end of the body. */
function endOfString(bytes: Buffer, start: number): number {
  for (let i = start; ;) {
    i = bytes.indexOf(QUOTE, i + 1);
    if (i < 0) return bytes.length;
    let slashes = 0;
    while (bytes[i - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return i;
  }
}

/**
 * Why a body is refused unparsed, or undefined. Values are counted by the containers and the commas that
 * separate members and elements outside strings (UTF-8 never has these bytes inside a multi-byte character).
 */
export function jsonLimitProblem(bytes: Buffer): string | undefined {
  let depth = 0;
  let values = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === QUOTE) {
      i = endOfString(bytes, i);
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > MAX_DEPTH) return "Request nesting is too deep.";
      if (++values > MAX_VALUES) return `Request has more than ${MAX_VALUES} values.`;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    } else if (c === COMMA && ++values > MAX_VALUES) {
      return `Request has more than ${MAX_VALUES} values.`;
    }
  }
  return undefined;
}
