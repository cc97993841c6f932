// docs/coverage.md is generated (scripts/coverage.ts): this fails when a served operation, a service or an SDK
// client changed and the file was not generated again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createApp } from "../../src/runtime/app";
import { COVERAGE_FILE, currentCoverage, loadServices } from "../../scripts/coverage";

test("docs/coverage.md matches the service definitions and SDK clients", () => {
  const committed = readFileSync(COVERAGE_FILE, "utf8");
  const current = currentCoverage();
  if (committed === current) return;
  const a = committed.split("\n");
  const b = current.split("\n");
  let line = 0;
  while (line < a.length && a[line] === b[line]) line++;
  assert.fail(
    `docs/coverage.md is stale: run \`npm run coverage\` and commit the result.\n` +
      `First difference at line ${line + 1}:\n  committed: ${a[line] ?? "(end of file)"}\n  current:   ${b[line] ?? "(end of file)"}`,
  );
});

test("the table covers every service the gateway serves, each served operation marked so in its section", () => {
  const doc = readFileSync(COVERAGE_FILE, "utf8");
  const app = createApp({ inMemory: true, log: false });
  const served = app.services.map((s) => s.name).sort();
  app.close();
  const services = loadServices();
  assert.deepEqual(
    services.map((s) => s.name),
    served,
  );
  for (const def of services) {
    const start = doc.indexOf(`\n\`${def.name}\`: `);
    assert.notEqual(start, -1, `a section for ${def.name}`);
    const end = doc.indexOf("\n## ", start);
    const section = doc.slice(start, end === -1 ? undefined : end);
    for (const op of def.model.operations.keys()) {
      assert.match(section, new RegExp(`^\\| ${op} \\| yes \\|`, "m"), `${def.name} ${op}`);
    }
  }
});
