// Wildcard patterns as EC2 filter values write them (EC2 User Guide, "List and filter your resources",
// Using_Filtering.html): `*` any run of characters, `?` exactly one, and a backslash makes the next
// character literal (`\*`, `\?`, `\\`). IAM policies write them the same way without the escape ("IAM JSON
// policy elements: Action" and "String condition operators", IAM User Guide), and compare actions ignoring
// case. Matched without regular expressions, in O(pattern × subject) at worst: consecutive stars collapse,
// and the star-free segments between them are matched leftmost, which is enough because a star absorbs
// whatever lies before the next segment. No input can make it backtrack.

/** One character of a segment: a literal code point, or ANY for `?`. */
const ANY = Symbol("any");
type Unit = string | typeof ANY;

/** The segments between stars; a pattern without a star has one. Empty first or last segments mark a star at that end. */
function segmentsOf(pattern: string, escapes: boolean): Unit[][] {
  const segments: Unit[][] = [[]];
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const current = segments[segments.length - 1];
    if (escapes && c === "\\" && i + 1 < chars.length) current.push(chars[++i]);
    else if (c === "?") current.push(ANY);
    else if (c !== "*") current.push(c);
    else if (current.length || segments.length === 1) segments.push([]);
  }
  return segments;
}

/** Code units when the subject has no surrogates (the common case), otherwise code points, so that `?` is one character. */
const SURROGATE = /[\uD800-\uDFFF]/;
type Chars = string | string[];
const charsOf = (s: string): Chars => (SURROGATE.test(s) ? Array.from(s) : s);

function matchesAt(segment: Unit[], s: Chars, at: number): boolean {
  for (let j = 0; j < segment.length; j++) {
    const u = segment[j];
    if (u !== ANY && u !== s[at + j]) return false;
  }
  return true;
}

export interface WildcardOptions {
  /** Whether a backslash makes the next character literal (EC2 filters: yes; IAM policies: no). */
  escapes?: boolean;
  /** Compare ignoring case (IAM actions). */
  ignoreCase?: boolean;
}

/** Compiles a pattern once into a predicate over subjects. */
export function wildcard(pattern: string, { escapes = true, ignoreCase = false }: WildcardOptions = {}): (subject: string) => boolean {
  const fold = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  const segments = segmentsOf(fold(pattern), escapes);
  if (segments.length === 1 && !segments[0].includes(ANY)) {
    const literal = segments[0].join("");
    return (subject) => fold(subject) === literal;
  }
  const first = segments[0];
  const last = segments[segments.length - 1];
  const middle = segments.slice(1, -1);
  return (subject) => {
    const s = charsOf(fold(subject));
    if (segments.length === 1) return s.length === first.length && matchesAt(first, s, 0);
    if (s.length < first.length + last.length || !matchesAt(first, s, 0)) return false;
    let from = first.length;
    const end = s.length - last.length;
    for (const segment of middle) {
      let at = from;
      while (at + segment.length <= end && !matchesAt(segment, s, at)) at++;
      if (at + segment.length > end) return false;
      from = at + segment.length;
    }
    return matchesAt(last, s, end);
  };
}
