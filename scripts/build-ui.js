#!/usr/bin/env node
// Builds the dashboard: compiles ui/src (TypeScript, browser modules) into dist/ui and copies the page and
// its style sheet beside them. The page preloads every module it will import, so the browser fetches them
// all at once instead of one import level after another. Run by `npm run build` and before the tests.
//
// The dashboard imports the types of the admin routes' bodies from the server (src/operator/admin/api-types.ts),
// types only: tsc compiles into dist/ui-build, of which only ui/src's modules are kept, and no module may
// import anything that is not one of them.
"use strict";
const { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { dirname, join, relative, resolve } = require("node:path");
const { spawnSync } = require("node:child_process");

const root = join(__dirname, "..");
const out = join(root, "dist", "ui");
const staging = join(root, "dist", "ui-build");
rmSync(out, { recursive: true, force: true });
rmSync(staging, { recursive: true, force: true });

const tsc = require.resolve("typescript/bin/tsc");
const r = spawnSync(process.execPath, [tsc, "-p", join(root, "ui", "tsconfig.json")], { stdio: "inherit" });
if (r.status !== 0) process.exit(r.status ?? 1);
mkdirSync(dirname(out), { recursive: true });
renameSync(join(staging, "ui", "src"), out);
rmSync(staging, { recursive: true, force: true });

const modules = [];
(function walk(dir, prefix) {
  for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (name.isDirectory()) walk(join(dir, name.name), `${prefix}${name.name}/`);
    else if (name.name.endsWith(".js") && name.name !== "main.js") modules.push(`${prefix}${name.name}`);
  }
})(out, "");

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
const page = readFileSync(join(root, "ui", "index.html"), "utf8").replace(/^[ \t]*<!-- modules -->$/m, preload);
writeFileSync(join(out, "index.html"), page);
copyFileSync(join(root, "ui", "styles.css"), join(out, "styles.css"));
copyFileSync(join(root, "ui", "favicon.svg"), join(out, "favicon.svg"));
console.error(`build-ui: ${modules.length + 1} modules -> dist/ui`);
