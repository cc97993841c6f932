#!/usr/bin/env node
// Starts imagelite from the packed server (dist/imagelite.js, made by `npm run build`) with V8's code cache,
// or from the compiled modules when there is no pack.
"use strict";
const { existsSync, readFileSync } = require("node:fs");
const { join } = require("node:path");

const dist = join(__dirname, "..", "dist");
const bundleFile = join(dist, "imagelite.js");

function loadBundle() {
  const vm = require("node:vm");
  const Module = require("node:module");
  let cachedData;
  try {
    cachedData = readFileSync(join(dist, "imagelite.cache"));
  } catch {
    /* compiled without a cache */
  }
  const script = new vm.Script(Module.wrap(readFileSync(bundleFile, "utf8")), { filename: bundleFile, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, require, module, bundleFile, dist);
  return module.exports.load("runtime/cli.js");
}

(existsSync(bundleFile) ? loadBundle() : require(join(dist, "src", "runtime", "cli.js"))).main();
