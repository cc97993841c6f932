// The tool suites' bookkeeping: every fixture has its entry in configurations.ts and every entry its fixture and
// its test file, and docs/works-with.md is what works-with.ts makes of them.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { configurations, type Tool } from "./configurations";
import { FIXTURES, REPO_ROOT } from "./support";
import { README_FILE, readmeWithTable, WORKS_WITH_FILE, worksWith } from "./works-with";

/** The configurations a fixture folder holds, by the names configurations.ts uses. */
function fixtureNames(tool: Tool): string[] {
  const dir = join(FIXTURES, tool);
  const entries = readdirSync(dir);
  if (tool === "terraform") return entries.filter((e) => statSync(join(dir, e)).isDirectory());
  if (tool === "ansible") return entries.filter((e) => e.endsWith(".yml") && !e.endsWith("-remove.yml")).map((e) => e.slice(0, -4));
  return entries.filter((e) => e.endsWith(".json")).map((e) => e.slice(0, -5));
}

test("every fixture is a listed configuration, and every configuration has its fixture and its test file", () => {
  for (const tool of ["terraform", "ansible", "packer"] as const) {
    const listed = configurations.filter((c) => c.tool === tool).map((c) => c.name);
    assert.equal(new Set(listed).size, listed.length, `${tool}: names are unique`);
    assert.deepEqual([...listed].sort(), fixtureNames(tool).sort(), `${tool}: fixtures and configurations.ts agree`);
  }
  for (const c of configurations) {
    if (c.tool === "ansible") assert.ok(existsSync(join(FIXTURES, "ansible", `${c.name}-remove.yml`)), `${c.name}-remove.yml`);
    assert.ok(existsSync(join(REPO_ROOT, "test", "tools", `${c.suite}.test.ts`)), `${c.suite}.test.ts runs ${c.tool} ${c.name}`);
    assert.ok(c.covers.length > 0, `${c.tool} ${c.name} says what it exercises`);
  }
});

test("docs/works-with.md is up to date (npm run works-with)", () => {
  assert.equal(readFileSync(WORKS_WITH_FILE, "utf8"), worksWith(), "docs/works-with.md is stale: run `npm run works-with`");
});

test("README.md's Works with table is up to date (npm run works-with)", () => {
  const readme = readFileSync(README_FILE, "utf8");
  assert.equal(readme, readmeWithTable(readme), "README.md's Works with table is stale: run `npm run works-with`");
});
