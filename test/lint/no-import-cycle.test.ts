// The lint rule against import cycles (scripts/lint-no-import-cycle.js), on small projects of its own: every
// kind of import counts, type-only ones included; imports that lead nowhere back pass.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";

const rule = require(join(__dirname, "..", "..", "..", "scripts", "lint-no-import-cycle.js"));

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A project of these files, and an ESLint that runs the rule alone on it. */
function project(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), "imagelite-cycles-"));
  dirs.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["**/*.ts"],
        languageOptions: { parser: tseslint.parser },
        plugins: { imagelite: { rules: { "no-import-cycle": rule } } },
        rules: { "imagelite/no-import-cycle": ["error", { paths: { mylib: "lib/index.ts" } }] },
      },
    ],
  });
  return {
    root,
    /** Each file's problems, as "line:column message". */
    async lint(): Promise<Record<string, string[]>> {
      const out: Record<string, string[]> = {};
      for (const r of await eslint.lintFiles(["."]))
        out[r.filePath.slice(root.length + 1)] = r.messages.map((m) => `${m.line}:${m.column} ${m.message}`);
      return out;
    },
    eslint,
  };
}

describe("lint rule no-import-cycle", () => {
  it("refuses each import of a cycle, type-only, re-exports, require and import types included, with the way back", async () => {
    const p = project({
      "a.ts": 'import type { B } from "./b";\nexport interface A { b: B }\n',
      "b.ts": 'export type { C as B } from "./sub/c";\n',
      "sub/c.ts": 'export interface C { n: number }\nexport const load = () => require("../a") as typeof import("../a");\n',
      "d.ts": 'import type { A } from "./a";\nexport type D = A;\n',
    });
    const found = await p.lint();
    assert.deepEqual(found["a.ts"], [
      "1:24 Import cycle: a.ts → b.ts → sub/c.ts → a.ts. Move what both sides need to a module of its own.",
    ]);
    assert.deepEqual(found["b.ts"], [
      "1:29 Import cycle: b.ts → sub/c.ts → a.ts → b.ts. Move what both sides need to a module of its own.",
    ]);
    assert.deepEqual(found["sub/c.ts"], [
      "2:35 Import cycle: sub/c.ts → a.ts → b.ts → sub/c.ts. Move what both sides need to a module of its own.",
      "2:60 Import cycle: sub/c.ts → a.ts → b.ts → sub/c.ts. Move what both sides need to a module of its own.",
    ]);
    // d.ts leads into the cycle, but nothing leads back to it.
    assert.deepEqual(found["d.ts"], []);
  });

  it("resolves `.js` specifiers to their TypeScript sources, folders to their index, and the `paths` option's names", async () => {
    const p = project({
      "lib/index.ts": 'export { x } from "../app/x.js";\n',
      "app/x.ts": 'import "mylib";\nexport const x = 1;\n',
      "app/y.ts": 'import { x } from "../lib";\nimport "left-pad";\nexport const y = x;\n',
    });
    const found = await p.lint();
    assert.deepEqual(found["lib/index.ts"], [
      "1:19 Import cycle: lib/index.ts → app/x.ts → lib/index.ts. Move what both sides need to a module of its own.",
    ]);
    assert.deepEqual(found["app/x.ts"], [
      "1:8 Import cycle: app/x.ts → lib/index.ts → app/x.ts. Move what both sides need to a module of its own.",
    ]);
    assert.deepEqual(found["app/y.ts"], []);
  });

  it("passes a project without cycles, and reads an editor's unsaved text of the linted file", async () => {
    const p = project({
      "a.ts": 'import { b } from "./b";\nexport const a = b + 1;\n',
      "b.ts": "export const b = 1;\n// import { a } from './a' is only a comment\nconst s = 'import \"./a\"';\nexport { s };\n",
    });
    assert.deepEqual(await p.lint(), { "a.ts": [], "b.ts": [] });
    const [unsaved] = await p.eslint.lintText('import { a } from "./a";\nexport const b = 1;\nexport { a };\n', {
      filePath: join(p.root, "b.ts"),
    });
    assert.deepEqual(
      unsaved.messages.map((m) => m.message),
      ["Import cycle: b.ts → a.ts → b.ts. Move what both sides need to a module of its own."],
    );
  });
});
