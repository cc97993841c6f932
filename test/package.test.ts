// What `npm install` on a fresh clone reads: package-lock.json must already say what npm would write there,
// or the install rewrites it and leaves the clone changed; and better-sqlite3 must be built from source.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

test("package-lock.json's root entry is package.json's, as npm writes it", () => {
  const pkg = JSON.parse(read("package.json")) as Record<string, unknown>;
  const lock = JSON.parse(read("package-lock.json")) as {
    name: string;
    version: string;
    lockfileVersion: number;
    packages: Record<string, Record<string, unknown>>;
  };
  const fields = [
    "name",
    "version",
    "license",
    "dependencies",
    "devDependencies",
    "optionalDependencies",
    "peerDependencies",
    "bin",
    "engines",
    "funding",
    "workspaces",
  ];
  const expected = Object.fromEntries(fields.filter((f) => pkg[f] !== undefined).map((f) => [f, pkg[f]]));
  const root = lock.packages[""];
  assert.deepEqual(Object.fromEntries(fields.filter((f) => root[f] !== undefined).map((f) => [f, root[f]])), expected);
  assert.deepEqual([lock.name, lock.version, lock.lockfileVersion], [pkg.name, pkg.version, 3]);
  for (const name of [...Object.keys(pkg.dependencies as object), ...Object.keys(pkg.devDependencies as object)]) {
    assert.ok(lock.packages[`node_modules/${name}`], `${name} is locked`);
  }
});

test("bin paths are the plain relative form that npm keeps, and exist", () => {
  const bin = (JSON.parse(read("package.json")) as { bin: Record<string, string> }).bin;
  for (const [name, path] of Object.entries(bin)) {
    assert.doesNotMatch(path, /^\.\/|^\//, `${name}: npm rewrites "./" and absolute bin paths`);
    assert.ok(existsSync(join(ROOT, path)), `${name}: ${path} exists`);
  }
});

test("better-sqlite3 is built from source: prebuild-install finds buildFromSource in .prebuild-installrc", () => {
  assert.match(read(".prebuild-installrc"), /^buildFromSource=true$/m);
  // npm knows no such key: in a project .npmrc it warns "Unknown project config" at every command.
  if (existsSync(join(ROOT, ".npmrc"))) assert.doesNotMatch(read(".npmrc"), /^\s*build[-_]from[-_]source\b/m);
});
