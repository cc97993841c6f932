// npm run coverage: writes docs/coverage.md, every operation of every service imagelite serves, served or not.
// What imagelite serves comes from the service definitions (src/services/*/index.ts: the model and the handler
// table, which the gateway already requires to agree). The committed models are trimmed to the served operations,
// so the whole API comes from the AWS SDK for JavaScript v3 client of each service, at the version the lock file
// installs: a newer client can only add rows. test/docs/coverage.test.ts fails when the committed file is stale.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ServiceDefinition } from "../src/gateway/service";

/** The repository, from dist/scripts/ where tsc puts this file. */
const ROOT = join(__dirname, "..", "..");
export const COVERAGE_FILE = join(ROOT, "docs", "coverage.md");

/** Operations imagelite leaves out on purpose, with why; matched against the operation's name. */
const OUT_OF_SCOPE: { service: string; match: RegExp; note: string }[] = [
  { service: "ec2", match: /FpgaImage/, note: "out of scope: FPGA images (Amazon FPGA Images for F1 instances)" },
  {
    service: "ec2",
    match: /^(BundleInstance|CancelBundleTask|DescribeBundleTasks)$/,
    note: "out of scope: bundling instance store-backed Windows instances",
  },
  {
    service: "ec2",
    match: /^ImportInstance$/,
    note: "out of scope: the legacy import of a VM as an instance needs the instance converted from its image (ImportVolume is served)",
  },
];

/** What part of a service imagelite means to serve, said once above its table. */
const SCOPE: Record<string, string> = {
  ec2: "AMIs and what a golden-image build touches: snapshots, volumes, instances, launch templates, the default network, key pairs, tags, VM import, fast launch and AMI usage reports.",
  appstream:
    "Images, image builders, fleets, stacks, users, entitlements, directory configs, usage report subscriptions, and the applications, app blocks and app block builders of Elastic fleets.",
  rbin: "Retention rules, with their locks and tags; EC2 sends AMIs, snapshots and volumes they retain to the bin.",
  ssm: "Parameter Store, with Amazon's public AMI parameters.",
  sts: "Enough for a client to learn which account its keys map to.",
};

/** Services with more operations than this get their table split by family (the noun after the verb). */
const GROUP_ABOVE = 200;

export interface ServiceCoverage {
  name: string;
  title: string;
  short: string;
  /** The SDK client the whole API was read from, or undefined when it is not installed. */
  client?: { name: string; version: string };
  operations: { name: string; served: boolean; note?: string }[];
  /** What imagelite does for the service without a public API (admin routes, seed files). */
  internal: string[];
}

/** Every service under src/services/ whose index exports a definition, in name order. */
export function loadServices(): ServiceDefinition[] {
  const dir = join(ROOT, "src", "services");
  const found: ServiceDefinition[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!existsSync(join(dir, name, "index.ts"))) continue;
    const exports = require(join(__dirname, "..", "src", "services", name)) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (isDefinition(value)) found.push(value);
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

function isDefinition(v: unknown): v is ServiceDefinition {
  return typeof v === "object" && v !== null && "model" in v && "handlers" in v && typeof (v as ServiceDefinition).name === "string";
}

/** The operations the service's SDK client offers: one `<Operation>Command` class each. */
function clientOperations(service: string): { client: ServiceCoverage["client"]; operations: string[] } | undefined {
  const name = `@aws-sdk/client-${service}`;
  let pkg: { version: string };
  let exports: Record<string, unknown>;
  try {
    pkg = require(`${name}/package.json`) as { version: string };
    exports = require(name) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const operations = Object.keys(exports)
    .filter((k) => k.endsWith("Command") && k !== "$Command" && typeof exports[k] === "function")
    .map((k) => k.slice(0, -"Command".length));
  return { client: { name, version: pkg.version }, operations };
}

/** The service's full name and short id, as its model's metadata gives them. */
function modelNames(def: ServiceDefinition): { title: string; short: string } {
  const file = join(ROOT, "models", `${def.model.name}.json`);
  const meta = (JSON.parse(readFileSync(file, "utf8")) as { metadata?: { serviceFullName?: string; serviceId?: string } }).metadata;
  return { title: meta?.serviceFullName ?? def.name, short: meta?.serviceId ?? def.name };
}

export function coverageOf(def: ServiceDefinition): ServiceCoverage {
  const served = new Set(Object.keys(def.handlers).filter((op) => def.model.operations.has(op)));
  const sdk = clientOperations(def.name);
  const names = [...new Set([...(sdk?.operations ?? []), ...served])].sort();
  return {
    name: def.name,
    ...modelNames(def),
    client: sdk?.client,
    operations: names.map((name) => ({
      name,
      served: served.has(name),
      note: served.has(name) ? undefined : OUT_OF_SCOPE.find((o) => o.service === def.name && o.match.test(name))?.note,
    })),
    internal: Object.keys(def.internal ?? {}).sort(),
  };
}

// ---- families: the noun after the verb, plurals folded (DescribeImages and CopyImage are both Image) ----

const words = (name: string): string[] => name.match(/[A-Z][a-z0-9]*|[0-9]+/g) ?? [name];

function singular(word: string): string {
  if (word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (word.endsWith("sses") || word.endsWith("xes")) return word.slice(0, -2);
  if (word.endsWith("ss") || word.endsWith("us") || !word.endsWith("s")) return word;
  return word.slice(0, -1);
}

/** Operations grouped by the first word of their noun; each family named by the longest noun its members share. */
function families(ops: ServiceCoverage["operations"]): { name: string; ops: ServiceCoverage["operations"] }[] {
  const groups = new Map<string, { nouns: string[][]; ops: ServiceCoverage["operations"] }>();
  for (const op of ops) {
    const w = words(op.name);
    // BatchModifyX is a verb of two words.
    const verb = w[0] === "Batch" && w.length > 2 ? 2 : 1;
    const noun = w.length > verb ? w.slice(verb) : w;
    const key = singular(noun[0]);
    const g = groups.get(key) ?? { nouns: [], ops: [] };
    g.nouns.push(noun);
    g.ops.push(op);
    groups.set(key, g);
  }
  const out = [...groups.values()].map((g) => {
    let shared = g.nouns[0].length;
    for (const noun of g.nouns) {
      let i = 0;
      while (i < shared && i < noun.length && singular(noun[i]) === singular(g.nouns[0][i])) i++;
      shared = i;
    }
    // Each word in the singular where a member spells it so: TransitGateway, not TransitGateways.
    const name = g.nouns[0]
      .slice(0, shared)
      .map((word, i) => g.nouns.find((noun) => noun[i] === singular(word))?.[i] ?? word)
      .join("");
    return { name, ops: g.ops };
  });
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

// ---- the document ----

const count = (ops: ServiceCoverage["operations"]) => `${ops.filter((o) => o.served).length} / ${ops.length}`;

/** The anchor a Markdown heading gets (GitHub's rule: lower case, punctuation dropped, spaces to hyphens). */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function table(ops: ServiceCoverage["operations"]): string[] {
  const lines = ["| Operation | Served | Note |", "| --- | --- | --- |"];
  for (const op of ops) lines.push(`| ${op.name} | ${op.served ? "yes" : "no"} | ${op.note ?? ""} |`);
  return lines;
}

export function renderCoverage(services: ServiceCoverage[]): string {
  const out: string[] = [
    "# Coverage",
    "",
    "<!-- Generated by `npm run coverage` (scripts/coverage.ts); edit the script, not this file. -->",
    "",
    "Every operation of the APIs imagelite serves, and whether it serves it. Served operations come from the",
    "service definitions (`src/services/<service>/index.ts`: the model and its handler table); the whole API",
    "from the AWS SDK for JavaScript v3 client of each service, at the version named below. What each served",
    "operation does, and how closely, is in [services.md](services.md).",
    "",
    "| Service | Served / operations | Operations listed from |",
    "| --- | --- | --- |",
  ];
  for (const s of services) {
    const from = s.client ? `\`${s.client.name}\` ${s.client.version}` : "the model only (no SDK client installed)";
    out.push(`| [${s.title}](#${anchorOf(s.title)}) | ${count(s.operations)} | ${from} |`);
  }
  for (const s of services) {
    out.push(
      "",
      `## ${s.title}`,
      "",
      `\`${s.name}\`: ${count(s.operations)} operations served.${SCOPE[s.name] ? ` ${SCOPE[s.name]}` : ""}`,
    );
    if (s.internal.length) {
      out.push("", `Without a public API (admin routes and seed files, see [control.md](control.md)): ${s.internal.join(", ")}.`);
    }
    if (s.operations.length <= GROUP_ABOVE) {
      out.push("", ...table(s.operations));
      continue;
    }
    const groups = families(s.operations);
    const heading = (name: string) => `${s.short}: ${name}`;
    out.push("", "| Family | Served / operations |", "| --- | --- |");
    for (const g of groups) out.push(`| [${g.name}](#${anchorOf(heading(g.name))}) | ${count(g.ops)} |`);
    for (const g of groups) out.push("", `### ${heading(g.name)}`, "", ...table(g.ops));
  }
  return out.join("\n") + "\n";
}

/** The document as the current definitions and SDK clients make it. */
export function currentCoverage(): string {
  return renderCoverage(loadServices().map(coverageOf));
}

if (require.main === module) {
  const services = loadServices().map(coverageOf);
  writeFileSync(COVERAGE_FILE, renderCoverage(services));
  for (const s of services) console.log(`${s.name}: ${count(s.operations)} served${s.client ? "" : " (no SDK client: model only)"}`);
  console.log(`wrote ${COVERAGE_FILE}`);
}
