// Regular expressions that callers supply (SSM's AllowedPattern) run on RE2 (the re2js port), which matches in
// time linear in the subject: no pattern can make a check backtrack. Features that need backtracking —
// backreferences, lookahead and lookbehind, possessive quantifiers, atomic groups — are refused with the
// reason, never run. A pattern's compiled program grows with its repetition counts (`.{1000}` is a thousand
// steps for every character), so a bound on that size keeps compile and match cheap as well as linear.
import { RE2JS, RE2JSSyntaxException } from "re2js";

/** A pattern that cannot be run; the message says why, in words fit for a caller. */
export class RegexRefused extends Error {}

/**
 * The largest program, as estimated from the text, that a caller's pattern may compile to. Matching costs up to
 * one step per instruction per character, so this keeps an 8 KB value's check within a fraction of a second
 * while leaving room for `^.{1,1000}$`.
 */
export const MAX_PROGRAM_SIZE = 2_500;

/**
 * An upper bound on the size of the program RE2 compiles from `pattern`, from its text alone: every character
 * counts as one step (a character class or an escape too: each compiles to one instruction), a group as its
 * contents and two, and a repetition `{n,m}` as twice its operand for each of the copies RE2 expands it into.
 * Malformed text still gets a number: RE2 refuses it.
 */
export function programSizeBound(pattern: string): number {
  const outer: number[] = [];
  let size = 0;
  let last = 0;
  let i = 0;
  const add = (atom: number) => {
    size += atom;
    last = atom;
  };
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "\\") {
      const next = pattern[i + 1];
      let end = i + 2;
      if (next === "Q") end = pattern.indexOf("\\E", i) < 0 ? pattern.length : pattern.indexOf("\\E", i) + 2;
      else if ((next === "x" || next === "p" || next === "P") && pattern[i + 2] === "{") end = closing(pattern, i + 3, "}");
      add(next === "Q" ? end - i : 1);
      i = end;
    } else if (c === "[") {
      i = classEnd(pattern, i);
      add(1);
    } else if (c === "(" && /^\(\?[imsU-]*\)/.test(pattern.slice(i, i + 8))) {
      i = pattern.indexOf(")", i) + 1; // flags for what follows: no atom, and a repetition after it applies to what came before
    } else if (c === "(") {
      outer.push(size);
      size = 0;
      last = 0;
      i++;
    } else if (c === ")" && outer.length) {
      const inner = size;
      size = outer.pop()!;
      add(inner + 2);
      i++;
    } else if (c === "{" && /^\{\d+(,\d*)?\}/.test(pattern.slice(i, i + 16))) {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(pattern.slice(i, i + 16))!;
      const min = Number(m[1]);
      const copies = (m[2] ? (m[3] ? Math.max(min, Number(m[3])) : min + 1) : min) + 1;
      const expanded = 2 * copies * Math.max(last, 1);
      size += expanded - last;
      last = expanded;
      i += m[0].length;
    } else if (c === "*" || c === "+" || c === "?") {
      size += 1; // the quantifier wraps the atom before it, and a repetition may follow (after a flag group)
      last += 1;
      i++;
    } else if (c === "|") {
      size += 2;
      last = 0;
      i++;
    } else {
      add(1);
      i++;
    }
  }
  return outer.reduce((a, b) => a + b, size) + 4;
}

/** The index just past the `}` that closes a brace from `from`, or the end of the text. */
function closing(text: string, from: number, char: string): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at + 1;
}

/** The index just past a character class `[...]` that opens at `start` (with `[:alpha:]` and escapes inside). */
function classEnd(text: string, start: number): number {
  let j = start + 1;
  if (text[j] === "^") j++;
  if (text[j] === "]") j++;
  while (j < text.length && text[j] !== "]") {
    if (text[j] === "\\") j += 2;
    else if (text[j] === "[" && text[j + 1] === ":") j = closing(text, j + 2, "]");
    else j++;
  }
  return Math.min(j + 1, text.length);
}

/** Why RE2 refused a pattern, from the construct its syntax error points at. */
function refusal(error: RE2JSSyntaxException): string {
  const at = error.input ?? "";
  if (/^\(\?<?[=!]/.test(at)) return "lookahead and lookbehind assertions are not supported, because they cannot be matched in linear time";
  if (/^\\([1-9]|k)/.test(at)) return "backreferences are not supported, because they cannot be matched in linear time";
  if (/^\(\?>/.test(at) || /^[*+?]\+$|^\{[\d,]+\}\+$/.test(at))
    return "possessive quantifiers and atomic groups are not supported, because they cannot be matched in linear time";
  if (error.error === "invalid repeat count") return `invalid repeat count ${at}: counts go up to 1000, nested counts multiplied`;
  return `${error.error}${at ? `: ${at}` : ""}`;
}

export interface LinearRegex {
  /** Whether the pattern matches the whole subject. */
  matchesWhole(subject: string): boolean;
}

/** Compiles a caller's pattern for linear-time matching, or throws RegexRefused saying why it cannot run. */
export function linearRegex(pattern: string): LinearRegex {
  if (programSizeBound(pattern) > MAX_PROGRAM_SIZE)
    throw new RegexRefused(`its repetitions expand to more than ${MAX_PROGRAM_SIZE} steps for each character matched`);
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (e) {
    if (e instanceof RE2JSSyntaxException) throw new RegexRefused(refusal(e));
    throw new RegexRefused(e instanceof Error ? e.message : String(e));
  }
  return { matchesWhole: (subject) => re.testExact(subject) };
}
