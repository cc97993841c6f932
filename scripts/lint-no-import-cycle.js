// ESLint rule `imagelite/no-import-cycle`: refuses an import that leads, through the project's own files, back to
// the file that makes it. Every kind of import counts: `import`, `import type`, `export ... from`, `require()`,
// `import()` and `typeof import()`, since a type-only cycle still ties the modules' designs together.
//
// Imports are read with TypeScript's preprocessor (a scanner: no parse, no type check), once per file text; a
// file on disk is looked at again when it has changed, checked at most every FRESH_MS, and what specifiers
// resolve to is forgotten as often (an editor's lint server lives long). Relative specifiers resolve as TypeScript resolves them (`./x.js` is `./x.ts`); the option
// `paths` maps bare names to files (tsconfig's `paths`); other bare names are packages, never part of a cycle.
"use strict";
const { createHash } = require("node:crypto");
const { readFileSync, statSync } = require("node:fs");
const { dirname, join, relative, resolve } = require("node:path");
const ts = require("typescript");

const FRESH_MS = 2000;
const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".d.ts", ".js", ".mjs", ".cjs"];
/** What a JavaScript specifier names in TypeScript sources. */
const SOURCE_OF = { ".js": [".ts", ".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };

/**
 * What is known of each file: its imports (the project files they name, and where each is written) as of the
 * text whose hash it keeps; the file's mtime then, and when that was last checked.
 * @type {Map<string, { mtimeMs: number; checked: number; hash: string; imports: { target: string; pos: number; end: number }[]; targets: string[] }>}
 */
const files = new Map();
/** @type {Map<string, string | null>} */
const resolved = new Map();

function mtimeOf(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  return s?.isFile() ? s.mtimeMs : undefined;
}

function resolveFile(base) {
  const candidates = [];
  const ext = /\.[cm]?js$/.exec(base)?.[0];
  if (ext) candidates.push(...SOURCE_OF[ext].map((e) => base.slice(0, -ext.length) + e));
  candidates.push(base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, `index${e}`)));
  return candidates.find((c) => mtimeOf(c) !== undefined);
}

/** The project file a specifier names, or undefined (a package, a file that is not there). */
function target(from, specifier, paths) {
  const key = `${dirname(from)}\0${specifier}`;
  let file = resolved.get(key);
  if (file === undefined) {
    const base = specifier.startsWith(".") ? resolve(dirname(from), specifier) : paths[specifier];
    file = (base && resolveFile(base)) ?? null;
    resolved.set(key, file);
  }
  return file ?? undefined;
}

const digest = (text) => createHash("sha1").update(text).digest("base64");

/** A file's entry from its text (a text scanned before is not scanned again). */
function remember(file, paths, text, mtimeMs, now) {
  const hash = digest(text);
  const known = files.get(file);
  // Components found with the imports this text changes are found anew.
  if (known && known.hash !== hash) components.at = 0;
  const imports =
    known?.hash === hash
      ? known.imports
      : ts.preProcessFile(text, true, true).importedFiles.flatMap((s) => {
          const t = target(file, s.fileName, paths);
          return t === undefined ? [] : [{ target: t, pos: s.pos, end: s.end }];
        });
  const entry = { mtimeMs, checked: now, hash, imports, targets: [...new Set(imports.map((i) => i.target))] };
  files.set(file, entry);
  return entry;
}

/** A file's entry: from `text` (the linted file's, which may be an editor's unsaved one), or from disk. */
function entryOf(file, paths, text) {
  const now = Date.now();
  const known = files.get(file);
  if (text === undefined && known && now - known.checked < FRESH_MS) return known;
  const mtimeMs = mtimeOf(file) ?? -1;
  if (text === undefined && known && known.mtimeMs === mtimeMs) {
    known.checked = now;
    return known;
  }
  if (text === undefined) text = mtimeMs < 0 ? "" : readFileSync(file, "utf8");
  return remember(file, paths, text, mtimeMs, now);
}

const targetsOf = (file, paths) => entryOf(file, paths).targets;

/**
 * The strongly connected components of the import graph on disk, as far as it has been explored: files in one
 * component import one another, however indirectly. Explored from each linted file on (Tarjan's algorithm);
 * forgotten after FRESH_MS, so that changed files are read again.
 */
let components = { at: 0, of: new Map(), next: 0 };

function componentOf(root, paths) {
  const now = Date.now();
  if (now - components.at >= FRESH_MS) {
    components = { at: now, of: new Map(), next: 0 };
    resolved.clear();
  }
  const of = components.of;
  if (of.has(root)) return of.get(root);
  const index = new Map();
  const low = new Map();
  const stack = [];
  const visit = (file) => {
    index.set(file, index.size);
    low.set(file, index.get(file));
    stack.push(file);
    for (const next of targetsOf(file, paths)) {
      if (of.has(next)) continue; // a component already complete
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file), low.get(next)));
      } else low.set(file, Math.min(low.get(file), index.get(next)));
    }
    if (low.get(file) !== index.get(file)) return;
    const id = components.next++;
    let member;
    do {
      member = stack.pop();
      of.set(member, id);
    } while (member !== file);
  };
  visit(root);
  return of.get(root);
}

/** The shortest way of imports from `start` to `goal`, both included, through `within` only; undefined when there is none. */
function way(start, goal, paths, within = () => true) {
  const cameFrom = new Map([[start, undefined]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i];
    if (file === goal) {
      const path = [];
      for (let f = goal; f !== undefined; f = cameFrom.get(f)) path.unshift(f);
      return path;
    }
    for (const next of targetsOf(file, paths)) {
      if (cameFrom.has(next) || !within(next)) continue;
      cameFrom.set(next, file);
      queue.push(next);
    }
  }
  return undefined;
}

/** The way back from `t`, which `file` imports, to `file`; undefined when there is none. */
function wayBack(file, t, paths) {
  if (t === file) return [file];
  // Where the file imports `t` on disk too (always, but for an editor's unsaved text), both are in one
  // component exactly when `t` leads back; the way is then searched within it.
  if (targetsOf(file, paths).includes(t)) {
    const id = componentOf(file, paths);
    if (componentOf(t, paths) !== id) return undefined;
    return way(t, file, paths, (f) => components.of.get(f) === id);
  }
  return way(t, file, paths);
}

module.exports = {
  meta: {
    type: "problem",
    docs: { description: "Refuse imports that lead back to the importing file (type-only imports included)" },
    schema: [
      {
        type: "object",
        properties: { paths: { type: "object", additionalProperties: { type: "string" } } },
        additionalProperties: false,
      },
    ],
    messages: { cycle: "Import cycle: {{cycle}}. Move what both sides need to a module of its own." },
  },
  create(context) {
    const cwd = context.cwd;
    const paths = Object.fromEntries(Object.entries(context.options[0]?.paths ?? {}).map(([name, file]) => [name, resolve(cwd, file)]));
    const file = context.filename;
    const source = context.sourceCode;
    return {
      Program() {
        const waysBack = new Map();
        for (const { target: t, pos, end } of entryOf(file, paths, source.text).imports) {
          if (!waysBack.has(t)) waysBack.set(t, wayBack(file, t, paths));
          const back = waysBack.get(t);
          if (!back) continue;
          context.report({
            loc: { start: source.getLocFromIndex(pos), end: source.getLocFromIndex(end) },
            messageId: "cycle",
            data: { cycle: [file, ...back].map((f) => relative(cwd, f)).join(" → ") },
          });
        }
      },
    };
  },
};
