#!/usr/bin/env node
// Builds the dashboard: compiles ui/src (TypeScript, browser modules) into dist/ui and copies the page and
// its style sheet beside them. The page preloads every module it will import, so the browser fetches them
// all at once instead of one import level after another. Run by `npm run build` and before the tests; does
// nothing when dist/ui/index.html (written last) is newer than everything it is made from. `--force` rebuilds.
//
// The dashboard imports the types of the admin routes' bodies from the server (src/operator/admin/api-types.ts),
// types only: tsc compiles into dist/ui-build, of which only ui/src's modules are kept, and no module may
// import anything that is not one of them.
"use strict";
const { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { dirname, join, relative, resolve } = require("node:path");
const { spawnSync } = require("node:child_process");

const root = join(__dirname, "..");
const ui = join(root, "ui");
const out = join(root, "dist", "ui");
const staging = join(root, "dist", "ui-build");
const page = join(out, "index.html");
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
const apiTypes = join(root, "src", "operator", "admin", "api-types.ts");
let newest = Math.max(statSync(__filename).mtimeMs, statSync(ui).mtimeMs, statSync(apiTypes).mtimeMs);
walk(ui, (p) => (newest = Math.max(newest, statSync(p).mtimeMs)));
if (!force && existsSync(page) && statSync(page).mtimeMs >= newest) process.exit(0);

// The staging folder is thrown away after each build, so tsc's record of it goes too (it would skip emitting).
rmSync(out, { recursive: true, force: true });
rmSync(staging, { recursive: true, force: true });
rmSync(buildInfo, { force: true });

const tsc = require.resolve("typescript/bin/tsc");
const r = spawnSync(process.execPath, [tsc, "-p", join(ui, "tsconfig.json")], { stdio: "inherit" });
if (r.status !== 0) process.exit(r.status ?? 1);
mkdirSync(dirname(out), { recursive: true });
renameSync(join(staging, "ui", "src"), out);
rmSync(staging, { recursive: true, force: true });

const modules = [];
walk(out, (p, entry) => {
  if (!entry.isFile() || !p.endsWith(".js")) return;
  const name = relative(out, p).split("\\").join("/");
  if (name !== "main.js") modules.push(name);
});

// A value imported from the server would be a module the browser cannot load: only type imports may cross.
const IMPORTS = /\b(?:import|export)\b[^'";]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']/g;
for (const m of [...modules, "main.js"]) {
  for (const [, a, b] of readFileSync(join(out, m), "utf8").matchAll(IMPORTS)) {
    const target = resolve(dirname(join(out, m)), a ?? b);
    if (!modules.includes(relative(out, target).replaceAll("\\", "/")) && relative(out, target) !== "main.js") {
      console.error(`build-ui: ${m} imports ${a ?? b}, which is not a module of the dashboard (import types only from the server)`);
      process.exit(1);
    }
  }
}

const preload = modules.map((m) => `    <link rel="modulepreload" href="${m}" />`).join("\n");
copyFileSync(join(ui, "styles.css"), join(out, "styles.css"));
copyFileSync(join(ui, "favicon.svg"), join(out, "favicon.svg"));
writeFileSync(page, readFileSync(join(ui, "index.html"), "utf8").replace(/^[ \t]*<!-- modules -->$/m, preload));
console.error(`build-ui: ${modules.length + 1} modules -> dist/ui`);
