// Lint of the TypeScript tree: ESLint's and typescript-eslint's recommended rules; formatting is Prettier's.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import noImportCycle from "./scripts/lint-no-import-cycle.js";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "bin/", "scripts/*.js", "scripts/*.py", "src/**/api.generated.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-require-imports": "off",
      // Prettier wraps code at 140; what it cannot wrap (a string, a template, a regular expression) may run on.
      "max-len": ["error", { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
  // No module may import, however indirectly, the module that imports it (type-only imports count too).
  {
    files: ["**/*.ts"],
    plugins: { imagelite: { rules: { "no-import-cycle": noImportCycle } } },
    rules: { "imagelite/no-import-cycle": ["error", { paths: { imagelite: "src/index.ts" } }] },
  },
  // The dashboard runs in the browser: its globals, not Node's, and of the server's modules only types.
  {
    files: ["ui/**/*.ts"],
    languageOptions: { globals: globals.browser },
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+src/",
              allowTypeImports: true,
              message: "The dashboard imports only types from the server (import type): its modules do not load in a browser.",
            },
          ],
        },
      ],
    },
  },
  { files: ["src/**/*.ts", "test/**/*.ts", "scripts/**/*.ts"], languageOptions: { globals: globals.node } },
  // These match control characters on purpose: XML cannot carry them, index keys use them as separators.
  { files: ["src/protocols/xml.ts", "src/state/indexes.ts"], rules: { "no-control-regex": "off" } },
);
