#!/usr/bin/env node
// Builds the dashboard: compiles ui/src (TypeScript, browser modules) into dist/ui and copies the page and
// its style sheet beside them. The page preloads every module it will import, so the browser fetches them
// all at once instead of one import level after another. Run by `npm run build` and before the tests.
"use strict";
const { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { spawnSync } = require("node:child_process");

const root = join(__dirname, "..");
const out = join(root, "dist", "ui");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const tsc = require.resolve("typescript/bin/tsc");
const r = spawnSync(process.execPath, [tsc, "-p", join(root, "ui", "tsconfig.json")], { stdio: "inherit" });
if (r.status !== 0) process.exit(r.status ?? 1);

const modules = [];
(function walk(dir, prefix) {
  for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (name.isDirectory()) walk(join(dir, name.name), `${prefix}${name.name}/`);
    else if (name.name.endsWith(".js") && name.name !== "main.js") modules.push(`${prefix}${name.name}`);
  }
})(out, "");

const preload = modules.map((m) => `    <link rel="modulepreload" href="${m}" />`).join("\n");
const page = readFileSync(join(root, "ui", "index.html"), "utf8").replace(/^[ \t]*<!-- modules -->$/m, preload);
writeFileSync(join(out, "index.html"), page);
copyFileSync(join(root, "ui", "styles.css"), join(out, "styles.css"));
copyFileSync(join(root, "ui", "favicon.svg"), join(out, "favicon.svg"));
console.error(`build-ui: ${modules.length + 1} modules -> dist/ui`);
