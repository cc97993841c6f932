// A reference for EC2 wildcard filter values, written independently of src/util/wildcard.ts: the textbook
// dynamic programme over (pattern prefix × subject prefix), on code points. Slow but obviously right.
type Token = { kind: "star" } | { kind: "any" } | { kind: "char"; c: string };

function tokens(pattern: string): Token[] {
  const chars = Array.from(pattern);
  const out: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === "\\" && i + 1 < chars.length) out.push({ kind: "char", c: chars[++i] });
    else if (chars[i] === "*") out.push({ kind: "star" });
    else if (chars[i] === "?") out.push({ kind: "any" });
    else out.push({ kind: "char", c: chars[i] });
  }
  return out;
}

export function referenceMatch(pattern: string, subject: string): boolean {
  const s = Array.from(subject);
  // row[j]: the pattern tokens so far match the first j characters of the subject.
  let row = s.map(() => false);
  row.unshift(true);
  for (const t of tokens(pattern)) {
    const next = [t.kind === "star" && row[0]];
    for (let j = 1; j <= s.length; j++) {
      next[j] = t.kind === "star" ? row[j] || next[j - 1] : row[j - 1] && (t.kind === "any" || t.c === s[j - 1]);
    }
    row = next;
  }
  return row[s.length];
}
