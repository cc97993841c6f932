#!/usr/bin/env node
// Several compiled test files in one Node process, each inside a suite named after its path under dist/test, so
// that a file's top-level hooks (useServer's before, beforeEach and after) stay its own. Loading the AWS SDK
// clients and imagelite costs about a second of CPU per process; files that need nothing beyond Node share it.
//
//   node --test-reporter=spec scripts/test-batch.js dist/test/a.test.js dist/test/b.test.js ...
//
// scripts/run-tests.js makes the batches; every file also passes when it runs on its own.
"use strict";
const { describe } = require("node:test");
const { join, relative, resolve } = require("node:path");

const root = join(__dirname, "..", "dist", "test");
for (const file of process.argv.slice(2)) {
  const path = resolve(file);
  describe(relative(root, path), () => {
    require(path);
  });
}
