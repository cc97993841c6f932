// The manual stays true to the tree: every relative link in README.md, CONTRIBUTING.md and docs/*.md names a
// file that exists (and a heading that exists, when it names one), and every repository path the text shows
// in code (`src/state/store.ts`) exists.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { anchorOf } from "../../scripts/coverage";

const ROOT = join(__dirname, "..", "..", "..");
const DOCS = [
  "README.md",
  "CONTRIBUTING.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** The text outside fenced code blocks, line by line. */
function prose(text: string): string[] {
  let fenced = false;
  return text.split("\n").filter((line) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    else if (!fenced) return true;
    return false;
  });
}

/** The anchors of a Markdown file's headings; a repeated heading gets -1, -2, ... as on GitHub. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of prose(readFileSync(file, "utf8"))) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1].replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
    const base = anchorOf(text);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

test("docs: the files checked are there", () => {
  for (const f of ["README.md", "CONTRIBUTING.md", "docs/coverage.md"]) assert.ok(DOCS.includes(f), f);
});

test("docs: every relative link points to a file that exists, and to a heading of it that exists", () => {
  const broken: string[] = [];
  for (const doc of DOCS) {
    const file = join(ROOT, doc);
    for (const line of prose(readFileSync(file, "utf8"))) {
      const text = line.replace(/`[^`]*`/g, "");
      for (const m of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        const target = m[1];
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:
        const [path, anchor] = target.split("#", 2);
        const resolved = path === "" ? file : join(dirname(file), decodeURIComponent(path));
        if (!existsSync(resolved)) {
          broken.push(`${doc}: ${target} (no ${relative(ROOT, resolved)})`);
        } else if (anchor !== undefined && resolved.endsWith(".md") && !anchors(resolved).has(anchor)) {
          broken.push(`${doc}: ${target} (no heading #${anchor} in ${relative(ROOT, resolved)})`);
        }
      }
    }
  }
  assert.deepEqual(broken, []);
});

test("docs: every repository path shown in code exists", () => {
  const missing: string[] = [];
  for (const doc of DOCS) {
    for (const line of prose(readFileSync(join(ROOT, doc), "utf8"))) {
      for (const m of line.matchAll(/`([^`\s]+)`/g)) {
        const path = m[1].replace(/^\.\//, "");
        // A path in the tree, not a pattern (src/services/<service>/, src/services/*/index.ts) or a build output.
        if (!/^(src|test|scripts|models|ui|docs|examples|bin|\.ci)\/[\w./-]*$/.test(path)) continue;
        if (!existsSync(join(ROOT, path))) missing.push(`${doc}: ${path}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});
