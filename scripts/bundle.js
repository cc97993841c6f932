#!/usr/bin/env node
// Packs the compiled server (dist/src/**/*.js) into one file, dist/imagelite.js, and records V8's code cache
// for it in dist/imagelite.cache after a warm start. bin/imagelite.js runs the pack with that cache, so that
// start-up skips resolving, reading and compiling some eighty modules. Run by `npm run build` and before the
// tests; does nothing when the pack is newer than every compiled module and this script, and its cache was
// made by the Node.js that runs now (V8 refuses another version's cache). `--force` packs anyway.
//
// `--tsc <tsconfig>` first compiles with `tsc -b <tsconfig>` (incremental: only what changed), unless nothing
// tsc reads is newer than its record of a clean last build: loading the compiler alone takes half a second of
// the `npm start` that follows every edit.
"use strict";
const { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } = require("node:fs");
const { basename, dirname, join, relative, resolve } = require("node:path");
const { spawnSync } = require("node:child_process");
const vm = require("node:vm");
const Module = require("node:module");

const root = join(__dirname, "..");
const tscAt = process.argv.indexOf("--tsc");
if (tscAt >= 0) compile(resolve(root, process.argv[tscAt + 1]));

/** `tsc -b` with `config`, when a source, a config or the installed packages changed since its last clean build. */
function compile(config) {
  if (compiled(config)) return;
  const started = new Date();
  const tsc = require.resolve("typescript/bin/tsc");
  const r = spawnSync(process.execPath, [tsc, "-b", config], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // tsc leaves its build info alone when it finds nothing to do (a file touched, a non-TypeScript file added).
  // Dated when tsc started, it tells the next run that everything older is compiled, and nothing saved since.
  utimesSync(buildInfo(config), started, started);
}

/** Where `tsc -b` keeps its record of the last build: dist/<config name>.tsbuildinfo. */
function buildInfo(config) {
  return join(root, "dist", `${basename(config, ".json")}.tsbuildinfo`);
}

/**
 * Whether tsc's build info for `config` (dist/<name>.tsbuildinfo) records a build without errors or pending work
 * that is newer than everything it read: the config files, the folders its `include` names, the installed packages.
 */
function compiled(config) {
  const info = buildInfo(config);
  let built;
  try {
    built = statSync(info).mtimeMs;
    const record = JSON.parse(readFileSync(info, "utf8"));
    const unfinished = [
      "errors",
      "checkPending",
      "semanticDiagnosticsPerFile",
      "emitDiagnosticsPerFile",
      "affectedFilesPendingEmit",
      "changeFileSet",
    ];
    if (unfinished.some((k) => record[k] !== undefined)) return false;
    const inputs = [join(root, "node_modules", ".package-lock.json")];
    let include;
    for (let c = config; c;) {
      inputs.push(c);
      const json = JSON.parse(readFileSync(c, "utf8"));
      // The nearest config that names `include` decides it.
      include ??= json.include?.map((pattern) => resolve(dirname(c), pattern.split("/*")[0]));
      c = json.extends && resolve(dirname(c), json.extends);
    }
    return [...inputs, ...(include ?? [])].every((p) => !existsSync(p) || newest(p) <= built);
  } catch {
    return false;
  }
}

/** The latest modification time of a file, or of a folder and everything in it (a folder's changes when a file is added or removed). */
function newest(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const name of readdirSync(p)) t = Math.max(t, newest(join(p, name)));
  return t;
}

const dist = join(root, "dist");
const src = join(dist, "src");
const bundleFile = join(dist, "imagelite.js");
const cacheFile = join(dist, "imagelite.cache");
/** The Node.js version that made the cache. */
const stampFile = join(dist, "imagelite.cache.node");
const files = [];
let latest = Math.max(statSync(__filename).mtimeMs, statSync(src).mtimeMs);
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p);
    else if (name.endsWith(".js")) files.push(p);
    else continue;
    // A directory's time changes when a module is added to it or removed from it.
    latest = Math.max(latest, st.mtimeMs);
  }
})(src);

function upToDate() {
  try {
    const made = Math.min(statSync(bundleFile).mtimeMs, statSync(cacheFile).mtimeMs);
    return made >= latest && readFileSync(stampFile, "utf8") === process.version;
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
