// Model patterns are Java regular expressions that AWS services apply to the whole value (Java's
// `Matcher.matches()`), never to a part of it. This turns one into a JavaScript RegExp that means the same on the
// whole value: the pattern is anchored as `^(?:...)$`, so that an alternation `a|b` or a pattern that already
// carries `^...$` stays whole, and the Java syntax JavaScript lacks or reads otherwise is rewritten:
// - leading inline flags `(?i)`, `(?s)`, `(?m)` become RegExp flags;
// - `\A`, `\z`, `\Z` become `^` and `$`;
// - `\s` and `\S` keep Java's six white-space characters (JavaScript's `\s` also holds Unicode spaces);
// - `.` outside a class leaves out `\u0085` as Java's does;
// - an escaped character that needs no escape (`\-`, `\,`, `\:` outside a class) is written bare, which the
//   `u` flag requires;
// - a repetition after a quantifier, as in `X{11}{0,1011}`, is dropped: Java's parser applies it to nothing, so
//   that the pattern means `X{11}` (JavaScript refuses the syntax);
// - possessive quantifiers (`*+`, `++`, `?+`, `}+`) become greedy ones, which match the same whole values
//   for the patterns of the models.
// Everything runs once, when a model is linked; a request only runs `test()`.

const JAVA_SPACE = " \\t\\n\\x0B\\f\\r";
/** Everything but Java's white space, written as ranges usable inside a class (`u` flag). */
const JAVA_NON_SPACE = "\\x00-\\x08\\x0E-\\x1F\\x21-\\u{10FFFF}";
/** Characters JavaScript's `u` flag lets stand escaped outside a class. */
const SYNTAX = new Set("^$\\.*+?()[]{}|/".split(""));

interface Piece {
  text: string;
  /** Whether a quantifier may follow: false for `^`, `$`, `|` and lookarounds' neighbours of no width. */
  quantifiable: boolean;
  quantified: boolean;
}

/** Reads a Java pattern into JavaScript source; throws on syntax it does not know. */
function translate(pattern: string, dotAll: boolean): string {
  let i = 0;
  const stack: Piece[][] = [[]];
  const opens: string[] = [];
  const top = () => stack[stack.length - 1];
  const push = (text: string, quantifiable = true) => top().push({ text, quantifiable, quantified: false });

  const readEscape = (inClass: boolean): string => {
    const c = pattern[i + 1];
    if (c === undefined) throw new Error("pattern ends in a backslash");
    i += 2;
    if (c === "u") {
      const hex = pattern.slice(i, i + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Error("bad \\u escape");
      i += 4;
      return `\\u${hex}`;
    }
    if (c === "x") {
      if (pattern[i] === "{") {
        const end = pattern.indexOf("}", i);
        const hex = pattern.slice(i + 1, end);
        i = end + 1;
        return `\\u{${hex}}`;
      }
      const hex = pattern.slice(i, i + 2);
      i += 2;
      return `\\x${hex}`;
    }
    if (c === "p" || c === "P") {
      const end = pattern.indexOf("}", i);
      if (pattern[i] !== "{" || end < 0) throw new Error("bad \\p escape");
      const name = pattern.slice(i + 1, end);
      i = end + 1;
      return `\\${c}{${name.replace(/^Is/, "")}}`;
    }
    if (c === "s") return inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
    if (c === "S") return inClass ? JAVA_NON_SPACE : `[${JAVA_NON_SPACE}]`;
    if (c === "A") return "^";
    if (c === "z" || c === "Z") return "$";
    if (/[0-9a-zA-Z]/.test(c)) return `\\${c}`;
    if (inClass) return c === "-" || c === "]" || c === "\\" || c === "^" ? `\\${c}` : c;
    return SYNTAX.has(c) ? `\\${c}` : c;
  };

  const readClass = (): string => {
    let out = "[";
    i++;
    if (pattern[i] === "^") {
      out += "^";
      i++;
    }
    // A `]` first in a Java class is a literal.
    if (pattern[i] === "]") {
      out += "\\]";
      i++;
    }
    while (i < pattern.length && pattern[i] !== "]") {
      const c = pattern[i];
      if (c === "\\") out += readEscape(true);
      else if (c === "[" || (c === "&" && pattern[i + 1] === "&")) throw new Error("class unions and intersections are not read");
      else {
        out += c === "/" ? "\\/" : c;
        i++;
      }
    }
    if (pattern[i] !== "]") throw new Error("unterminated class");
    i++;
    return out + "]";
  };

  const quantify = (q: string) => {
    const pieces = top();
    const last = pieces[pieces.length - 1];
    if (!last || !last.quantifiable) throw new Error(`nothing to repeat before ${q}`);
    // Lazy and possessive marks after a quantifier.
    if (pattern[i] === "?") {
      q += "?";
      i++;
    } else if (pattern[i] === "+") i++;
    if (last.quantified) {
      // Java quantifies nothing with a repetition that follows a quantifier; any other is a dangling one.
      if (q.startsWith("{")) return;
      throw new Error(`dangling ${q}`);
    }
    last.text += q;
    last.quantified = true;
  };

  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "\\") {
      const e = readEscape(false);
      push(e, e !== "^" && e !== "$" && !/^\\[bB]$/.test(e));
    } else if (c === "[") push(readClass());
    else if (c === "(") {
      let open = "(";
      i++;
      const m = /^\?(?:<[=!]|[:=!]|<[A-Za-z][A-Za-z0-9]*>)/.exec(pattern.slice(i));
      if (m) {
        open += m[0];
        i += m[0].length;
      } else if (pattern[i] === "?") throw new Error("inline flags inside a pattern are not read");
      opens.push(open);
      stack.push([]);
    } else if (c === ")") {
      i++;
      const inner = stack.pop();
      const open = opens.pop();
      if (!inner || open === undefined || stack.length === 0) throw new Error("unbalanced parenthesis");
      const lookaround = /^\(\?(?:<?[=!])/.test(open);
      push(`${open}${inner.map((p) => p.text).join("")})`, !lookaround);
    } else if (c === "*" || c === "+" || c === "?") {
      i++;
      quantify(c);
    } else if (c === "{") {
      const m = /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(i));
      if (!m) throw new Error("bad repetition");
      i += m[0].length;
      quantify(m[0]);
    } else if (c === "^" || c === "$" || c === "|") {
      i++;
      push(c, false);
    } else if (c === ".") {
      i++;
      push(dotAll ? "[^]" : "[^\\n\\r\\u0085\\u2028\\u2029]");
    } else {
      i++;
      push(c === "/" || c === "]" || c === "}" ? `\\${c}` : c);
    }
  }
  if (stack.length !== 1) throw new Error("unbalanced parenthesis");
  return stack[0].map((p) => p.text).join("");
}

/**
 * The RegExp that accepts exactly the whole values the Java pattern accepts, or undefined when the pattern uses
 * syntax this does not read (test/validation/model-patterns.test.ts keeps every model pattern readable).
 */
export function compilePattern(pattern: string): RegExp | undefined {
  let flags = "u";
  let body = pattern;
  const inline = /^\(\?([idmsux]+)\)/.exec(body);
  if (inline) {
    for (const f of inline[1]) {
      if (f === "i" || f === "s" || f === "m") flags += f;
      else if (f !== "d" && f !== "u") return undefined;
    }
    body = body.slice(inline[0].length);
  }
  try {
    return new RegExp(`^(?:${translate(body, flags.includes("s"))})$`, flags);
  } catch {
    return undefined;
  }
}
