#!/usr/bin/env node
// npm test: every compiled test file under dist/test (node:test), including the suites that drive the server
// with boto3, the AWS CLI, Chromium and PostgreSQL. Each file runs in a Node process of its own (short unit files
// share one, below), several processes at a time (they share no port, file or database: servers listen on port 0, stores live in temporary directories or
// fresh PostgreSQL schemas). The files that took longest last time start first, so that the run ends with short
// ones; a file's output is written when it ends, in one piece, in full if it failed.
//
//   node scripts/run-tests.js [--unit] [--jobs N] [--verbose] [substring...]
//
// --unit runs the unit tests only, the inner loop's: a file is a unit test unless it, or a module of test/ it
// imports, requires one of NEEDS below — `pg` (a PostgreSQL server), `playwright-core` (Chromium) or
// `node:child_process` (Python, boto3, the AWS CLI, or imagelite's own CLI in another process) — or `fast-check`
// (property-based tests and the fuzzer, thousands of generated cases each).
// Unit test files that took less than BATCH_MS last time run several to a process (scripts/test-batch.js): each
// process spends about a second of CPU loading the AWS SDK and imagelite, most of a short file's cost. A batch that
// fails runs again file by file, each alone.
// Substrings keep the files whose path contains one of them. --jobs (or IMAGELITE_TEST_JOBS) sets how many
// processes run at once: by default one more than the cores, as the tool suites (Terraform, Ansible) keep more than
// one core busy each and more would only make every process slower. --verbose writes every file's output, not only failures'.
"use strict";
const { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } = require("node:fs");
const { availableParallelism } = require("node:os");
const { dirname, join, relative, resolve } = require("node:path");
const { spawn } = require("node:child_process");

const dist = join(__dirname, "..", "dist");
const root = join(dist, "test");
/** What a test file needs beyond Node, by the module that brings it. */
const NEEDS = {
  pg: "PostgreSQL",
  "playwright-core": "Chromium",
  "node:child_process": "other processes",
  child_process: "other processes",
};
/** Durations of the last run, per file: the longest start first. */
const TIMES = join(dist, ".test-times.json");
/** A file that takes longer than this is stopped and counted as failed (node:test's own timeouts are per test). */
const FILE_TIMEOUT_MS = 20 * 60_000;

const args = process.argv.slice(2);
const unit = take("--unit");
const verbose = take("--verbose");
const jobsArg = args.indexOf("--jobs");
const jobs = Math.max(
  1,
  Number(jobsArg >= 0 ? args.splice(jobsArg, 2)[1] : process.env.IMAGELITE_TEST_JOBS) || Math.max(2, availableParallelism() + 1),
);
const filters = args;

function take(flag) {
  const i = args.indexOf(flag);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
}

/** test/, where the sources of dist/test are. */
const sources = join(__dirname, "..", "test");
const files = [];
const stale = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith(".test.js") && (!filters.length || filters.some((f) => p.includes(f)))) {
      // A compiled test whose source is gone (deleted or renamed since the last build) is not a test any more.
      if (existsSync(join(sources, relative(root, p)).replace(/\.js$/, ".ts"))) files.push(p);
      else stale.push(relative(root, p));
    }
  }
})(root);

/** The requires of a compiled module: CommonJS, as tsc writes it. */
const requiresOf = new Map();
function requires(file) {
  let r = requiresOf.get(file);
  if (!r) {
    r = [...readFileSync(file, "utf8").matchAll(/\brequire\("([^"]+)"\)|\bimport\("([^"]+)"\)/g)].map((m) => m[1] ?? m[2]);
    requiresOf.set(file, r);
  }
  return r;
}

/** The packages `file` requires, itself or through the modules of dist/test it imports. */
function packages(file, seen = new Set()) {
  const found = new Set();
  if (seen.has(file)) return found;
  seen.add(file);
  for (const spec of requires(file)) {
    if (!spec.startsWith(".")) found.add(spec);
    const target = resolve(dirname(file), spec.endsWith(".js") ? spec : `${spec}.js`);
    if (spec.startsWith(".") && target.startsWith(root) && existsSync(target)) for (const p of packages(target, seen)) found.add(p);
  }
  return found;
}

/** What `file` needs beyond Node (NEEDS). */
const needs = (file) => new Set([...packages(file)].filter((p) => NEEDS[p]).map((p) => NEEDS[p]));
/** Property-based tests (fast-check) generate thousands of cases: slower than the rest. */
const propertyBased = (file) => packages(file).has("fast-check");

const selected = unit ? files.filter((f) => needs(f).size === 0 && !propertyBased(f)) : files;
let times = {};
try {
  times = JSON.parse(readFileSync(TIMES, "utf8"));
} catch {
  /* the first run: files that need more than Node, then property-based ones, are the slow ones */
}
const expected = (f) => times[relative(root, f)] ?? (needs(f).size ? 60_000 : propertyBased(f) ? 30_000 : 3_000);

/** A batch's expected length at most, and its number of files. */
const BATCH_MS = 25_000;
const BATCH_FILES = 12;
/** Units of work, each one process: a file alone, or a batch of short unit files. */
const units = [];
const batches = [];
for (const f of [...selected].sort((a, b) => expected(b) - expected(a))) {
  if (needs(f).size || propertyBased(f) || expected(f) >= BATCH_MS) {
    units.push({ files: [f], expected: expected(f) });
    continue;
  }
  let batch = batches.find((b) => b.files.length < BATCH_FILES && b.expected + expected(f) <= BATCH_MS);
  if (!batch) batches.push((batch = { files: [], expected: 0 }));
  batch.files.push(f);
  batch.expected += expected(f);
}
const queue = [...units, ...batches].sort((a, b) => b.expected - a.expected);

if (stale.length) console.log(`not run, their sources are gone: ${stale.join(", ")}`);
console.log(
  `running ${selected.length} test files${unit ? " (unit: no PostgreSQL, Chromium, other processes or fast-check)" : ""} in ` +
    `${queue.length} processes, ${Math.min(jobs, queue.length)} at a time`,
);
const started = Date.now();
const results = [];
const color = process.stdout.isTTY;
const mark = (ok) => (color ? (ok ? "\x1b[32m✔\x1b[0m" : "\x1b[31m✖\x1b[0m") : ok ? "✔" : "✖");
const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, "");

function runUnit({ files }) {
  return new Promise((done) => {
    const t0 = Date.now();
    const batched = files.length > 1;
    const argv = batched ? [join(__dirname, "test-batch.js"), ...files] : files;
    const child = spawn(process.execPath, ["--test-reporter=spec", ...argv], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...(color ? { FORCE_COLOR: "1" } : {}) },
    });
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => chunks.push(c));
    const timer = setTimeout(() => {
      chunks.push(Buffer.from(`\nstopped after ${FILE_TIMEOUT_MS / 60_000} minutes\n`));
      child.kill("SIGKILL");
    }, FILE_TIMEOUT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const output = Buffer.concat(chunks).toString("utf8");
      const count = (what) => Number(new RegExp(`^ℹ ${what} (\\d+)$`, "m").exec(plain(output))?.[1] ?? 0);
      const ok = code === 0;
      // A file that failed without a failing test (it crashed, or was stopped) counts as one failure.
      const fail = count("fail") + count("cancelled") || (ok ? 0 : 1);
      const ms = Date.now() - t0;
      // A batch's suites, one per file, end with the file's own duration.
      const each = new Map([...plain(output).matchAll(/^[✔✖] (\S+\.test\.js) \(([\d.]+)ms\)$/gm)].map((m) => [m[1], Number(m[2])]));
      const result = { files, ok, ms, pass: count("pass"), fail, each };
      results.push(result);
      const names = files.map((f) => relative(root, f));
      const how = result.ok ? `${result.pass} passed` : `${result.fail} failed, exit ${code ?? signal}`;
      if (!result.ok || verbose) process.stdout.write(`\n${output.trimEnd()}\n`);
      const what = batched ? `${files.length} files in one process: ${names.join(", ")}` : names[0];
      console.log(`${mark(result.ok)} ${what} (${how}, ${(ms / 1000).toFixed(1)} s)`);
      done();
    });
  });
}

async function worker() {
  for (let u = queue.shift(); u; u = queue.shift()) await runUnit(u);
}

// Timing tests (a store that must answer within seconds, a start in bounded time) can miss their bounds only
// because other files load the machine: a file that failed beside others runs once more alone, and the summary
// names it. A real failure fails alone too. A failed batch runs again file by file.
async function rerunAlone() {
  const failed = results.filter((r) => !r.ok && (r.files.length > 1 || jobs > 1));
  const again = failed.flatMap((r) => r.files);
  if (!again.length) return [];
  console.log(`\nrunning ${again.length} file(s) of what failed again, one at a time: ${again.map((f) => relative(root, f)).join(", ")}`);
  for (const r of failed) results.splice(results.indexOf(r), 1);
  for (const f of again) await runUnit({ files: [f] });
  return again;
}

Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, worker))
  .then(rerunAlone)
  .then((rerun) => {
    if (rerun.length) console.log(`run again alone: ${rerun.map((f) => relative(root, f)).join(", ")}`);
    const failed = results.filter((r) => !r.ok);
    const sum = (k) => results.reduce((n, r) => n + r[k], 0);
    for (const r of results) {
      for (const f of r.files) times[relative(root, f)] = Math.round(r.each.get(relative(root, f)) ?? r.ms / r.files.length);
    }
    try {
      mkdirSync(dist, { recursive: true });
      writeFileSync(TIMES, JSON.stringify(times, null, 1));
    } catch {
      /* only an ordering hint */
    }
    const fileCount = results.reduce((n, r) => n + r.files.length, 0);
    console.log(`\n${fileCount} test files in ${results.length} processes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (failed.length) console.log(`failed:\n${failed.flatMap((r) => r.files.map((f) => `  ${relative(root, f)}`)).join("\n")}`);
    console.log(`tests: ${sum("pass")} passed, ${sum("fail")} failed`);
    process.exit(failed.length ? 1 : 0);
  });
