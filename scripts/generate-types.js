#!/usr/bin/env node
// Generates src/services/<service>/api.generated.ts from models/<service>.json: one TypeScript type per
// shape, named as the model names it, and the table of operations a service's handlers must implement.
// Run after import-models: `node scripts/generate-types.js`.
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const SERVICES = { appstream: "AppStream", ec2: "Ec2", rbin: "Rbin", ssm: "Ssm", sts: "Sts" };
const RESERVED = new Set([
  "String",
  "Boolean",
  "Number",
  "Object",
  "Date",
  "Error",
  "Map",
  "Set",
  "Array",
  "Function",
  "Symbol",
  "Record",
  "Promise",
]);
const typeName = (n) => (RESERVED.has(n) ? `${n}Shape` : n);

for (const [service, prefix] of Object.entries(SERVICES)) {
  const model = JSON.parse(readFileSync(join(root, "models", `${service}.json`), "utf8"));
  const lines = [
    `// Generated from models/${service}.json by scripts/generate-types.js. Do not edit.`,
    `/* eslint-disable */`,
    `import type { RequestContext } from "../../gateway/context";`,
    "",
  ];
  const tsType = (shapeName) => {
    const s = model.shapes[shapeName];
    switch (s.type) {
      case "structure":
      case "list":
      case "map":
        return typeName(shapeName);
      case "string":
        return s.enum ? typeName(shapeName) : "string";
      case "integer":
      case "long":
      case "double":
      case "float":
        return "number";
      case "boolean":
        return "boolean";
      case "timestamp":
        return "Date";
      case "blob":
        return "Uint8Array";
      default:
        return "unknown";
    }
  };
  for (const [name, s] of Object.entries(model.shapes)) {
    if (s.type === "structure") {
      const req = new Set(s.required || []);
      lines.push(`export interface ${typeName(name)} {`);
      for (const [m, ref] of Object.entries(s.members || {})) lines.push(`  ${m}${req.has(m) ? "" : "?"}: ${tsType(ref.shape)};`);
      lines.push("}");
    } else if (s.type === "list") {
      lines.push(`export type ${typeName(name)} = ${tsType(s.member.shape)}[];`);
    } else if (s.type === "map") {
      lines.push(`export type ${typeName(name)} = Record<string, ${tsType(s.value.shape)}>;`);
    } else if (s.type === "string" && s.enum) {
      lines.push(`export type ${typeName(name)} = ${s.enum.map((e) => JSON.stringify(e)).join(" | ")};`);
    }
  }
  lines.push("", `/** The operations imagelite serves for ${service}: each handler gets the parsed, validated input. */`);
  lines.push(`export interface ${prefix}Handlers {`);
  for (const [op, spec] of Object.entries(model.operations)) {
    const input = spec.input ? typeName(spec.input.shape) : "Record<string, never>";
    const output = spec.output ? typeName(spec.output.shape) : "void";
    lines.push(`  ${op}(ctx: RequestContext, input: ${input}): ${output};`);
  }
  lines.push("}", "");
  const out = join(root, "src", "services", service, "api.generated.ts");
  writeFileSync(out, lines.join("\n"));
  console.error(`${service}: ${Object.keys(model.shapes).length} shapes -> ${out}`);
}
