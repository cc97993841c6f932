#!/usr/bin/env node
// npm test: every compiled test file under dist/test (node:test), including the suites that drive the
// server with boto3 and the AWS CLI. Extra arguments filter test files by substring.
"use strict";
const { readdirSync, statSync } = require("node:fs");
const { join, relative } = require("node:path");
const { spawnSync } = require("node:child_process");

const root = join(__dirname, "..", "dist", "test");
const filters = process.argv.slice(2);
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith(".test.js") && (!filters.length || filters.some((f) => p.includes(f)))) files.push(p);
  }
})(root);
console.log(`running ${files.length} test files: ${files.map((f) => relative(root, f)).join(", ")}`);
const r = spawnSync(process.execPath, ["--test", "--test-reporter=spec", ...files], { stdio: "inherit" });
process.exit(r.status ?? 1);
