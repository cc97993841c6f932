#!/usr/bin/env node
// Builds the dashboard: compiles ui/src (TypeScript, browser modules) into dist/ui and copies the page and
// its style sheet beside them. The page preloads every module it will import, so the browser fetches them
// all at once instead of one import level after another. Run by `npm run build` and before the tests; does
// nothing when dist/ui/index.html (written last) is newer than everything in ui/ and this script, and
// recompiles only the modules that changed otherwise. `--force` builds from scratch.
"use strict";
const { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { join, relative } = require("node:path");
const { spawnSync } = require("node:child_process");

const root = join(__dirname, "..");
const ui = join(root, "ui");
const out = join(root, "dist", "ui");
const page = join(out, "index.html");
/** tsc's record of the last build (ui/tsconfig.json), beside dist/ui rather than served from it. */
const buildInfo = join(root, "dist", "ui.tsbuildinfo");

/** Every file and directory under `dir` (a directory's time changes when a file is added or removed). */
function walk(dir, each) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    each(p, entry);
    if (entry.isDirectory()) walk(p, each);
  }
}

const force = process.argv.includes("--force");
let newest = Math.max(statSync(__filename).mtimeMs, statSync(ui).mtimeMs);
walk(ui, (p) => (newest = Math.max(newest, statSync(p).mtimeMs)));
if (!force && existsSync(page) && statSync(page).mtimeMs >= newest) process.exit(0);

// Without the page the last build did not finish (or dist/ui was removed): tsc would trust its record, so start
// from nothing.
if (force || !existsSync(page)) {
  rmSync(out, { recursive: true, force: true });
  rmSync(buildInfo, { force: true });
}
mkdirSync(out, { recursive: true });

const tsc = require.resolve("typescript/bin/tsc");
const r = spawnSync(process.execPath, [tsc, "-b", join(ui, "tsconfig.json")], { stdio: "inherit" });
if (r.status !== 0) process.exit(r.status ?? 1);

// A module whose source is gone goes too: the page would preload it.
const modules = [];
walk(out, (p, entry) => {
  if (!entry.isFile() || !p.endsWith(".js")) return;
  const name = relative(out, p).split("\\").join("/");
  if (!existsSync(join(ui, "src", name.replace(/\.js$/, ".ts")))) rmSync(p);
  else if (name !== "main.js") modules.push(name);
});

const preload = modules.map((m) => `    <link rel="modulepreload" href="${m}" />`).join("\n");
copyFileSync(join(ui, "styles.css"), join(out, "styles.css"));
copyFileSync(join(ui, "favicon.svg"), join(out, "favicon.svg"));
writeFileSync(page, readFileSync(join(ui, "index.html"), "utf8").replace(/^[ \t]*<!-- modules -->$/m, preload));
console.error(`build-ui: ${modules.length + 1} modules -> dist/ui`);
