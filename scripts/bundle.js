#!/usr/bin/env node
// Packs the compiled server (dist/src/**/*.js) into one file, dist/imagelite.js, and records V8's code cache
// for it in dist/imagelite.cache after a warm start. bin/imagelite.js runs the pack with that cache, so that
// start-up skips resolving, reading and compiling some eighty modules. Run by `npm run build` and before the
// tests; does nothing when the pack is newer than every compiled module and this script, and its cache was
// made by the Node.js that runs now (V8 refuses another version's cache). `--force` packs anyway.
"use strict";
const { readdirSync, readFileSync, statSync, writeFileSync } = require("node:fs");
const { join, relative } = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");

const dist = join(__dirname, "..", "dist");
const src = join(dist, "src");
const bundleFile = join(dist, "imagelite.js");
const cacheFile = join(dist, "imagelite.cache");
/** The Node.js version that made the cache. */
const stampFile = join(dist, "imagelite.cache.node");
const files = [];
let newest = Math.max(statSync(__filename).mtimeMs, statSync(src).mtimeMs);
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p);
    else if (name.endsWith(".js")) files.push(p);
    else continue;
    // A directory's time changes when a module is added to it or removed from it.
    newest = Math.max(newest, st.mtimeMs);
  }
})(src);

function upToDate() {
  try {
    const made = Math.min(statSync(bundleFile).mtimeMs, statSync(cacheFile).mtimeMs);
    return made >= newest && readFileSync(stampFile, "utf8") === process.version;
  } catch {
    return false;
  }
}
if (!process.argv.includes("--force") && upToDate()) process.exit(0);

// Each module keeps its own __dirname (dist/src/...), so relative paths to models/ and package.json still hold;
// relative requires are served from the table, anything else by Node.
const parts = [
  '"use strict";',
  'const __path = require("node:path");',
  'const __base = __path.join(__dirname, "src");',
  "const __mods = Object.create(null), __cache = Object.create(null);",
  "function __resolve(from, spec) {",
  "  const p = __path.posix.join(__path.posix.dirname(from), spec);",
  '  return __mods[p] ? p : __mods[p + ".js"] ? p + ".js" : __mods[p + "/index.js"] ? p + "/index.js" : undefined;',
  "}",
  "function __load(id) {",
  "  if (__cache[id]) return __cache[id].exports;",
  "  const module = { exports: {} };",
  "  __cache[id] = module;",
  "  const dir = __path.join(__base, __path.posix.dirname(id));",
  '  const req = (spec) => { const r = spec.startsWith(".") ? __resolve(id, spec) : undefined; return r ? __load(r) : require(spec.startsWith(".") ? __path.join(dir, spec) : spec); };',
  "  __mods[id].call(module.exports, module, module.exports, req, dir, __path.join(__base, id));",
  "  return module.exports;",
  "}",
];
for (const f of files) {
  const id = relative(src, f).split("\\").join("/");
  const code = readFileSync(f, "utf8")
    .replace(/^#!.*$/m, "")
    .replace(/^\/\/# sourceMappingURL=.*$/m, "");
  parts.push(`__mods[${JSON.stringify(id)}] = function (module, exports, require, __dirname, __filename) {\n${code}\n};`);
}
parts.push("module.exports = { load: __load };");
const source = parts.join("\n");
writeFileSync(bundleFile, source);

// Warm start: compile and initialize as a real start does, then keep what V8 compiled on the way.
const script = new vm.Script(Module.wrap(source), { filename: bundleFile });
const exported = { exports: {} };
script.runInThisContext().call(exported.exports, exported.exports, require, exported, bundleFile, dist);
exported.exports.load("runtime/app.js").createApp({ inMemory: true, log: false }).close();
exported.exports.load("runtime/cli.js");
writeFileSync(cacheFile, script.createCachedData());
writeFileSync(stampFile, process.version);
console.error(`bundle: ${files.length} modules -> dist/imagelite.js (${source.length} bytes) with its code cache`);
