// docs/works-with.md, made from configurations.ts: per tool, the versions the suites ran with and each
// configuration, what it exercises and whether it runs. `npm run works-with` writes it; works-with.test.ts fails
// when the file differs from what this makes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { configurations, VERIFIED_WITH, type Tool } from "./configurations";
import { REPO_ROOT } from "./support";

export const WORKS_WITH_FILE = join(REPO_ROOT, "docs", "works-with.md");
export const README_FILE = join(REPO_ROOT, "README.md");

/** The README's section between these lines is generated too: one row per tool. */
const README_START = "<!-- works-with: generated from test/tools/configurations.ts by `npm run works-with` -->";
const README_END = "<!-- works-with: end -->";

const TOOLS: { tool: Tool; title: string; fixture: (name: string) => string; steps: string; short: string }[] = [
  {
    tool: "terraform",
    title: "Terraform",
    fixture: (name) => `test/tools/fixtures/terraform/${name}/`,
    short: "apply, a plan that shows no changes, destroy",
    steps:
      "`terraform apply`, then `terraform plan -detailed-exitcode` must find no changes, then `terraform destroy` (the configurations of a suite run together as modules of one root, against one imagelite and one provider configuration unless a configuration changes what the whole account sees)",
  },
  {
    tool: "ansible",
    title: "Ansible",
    fixture: (name) => `test/tools/fixtures/ansible/${name}.yml`,
    short: "the playbook, again in check mode with no change, its removal",
    steps: "the playbook, the same playbook in `--check` mode reporting no change, then its removal playbook",
  },
  {
    tool: "packer",
    title: "Packer",
    fixture: (name) => `test/tools/fixtures/packer/${name}.json`,
    short: "packer build",
    steps: "`packer build` (no communicator: imagelite's instances have no operating system to reach)",
  },
];

const cell = (text: string) => text.replace(/\|/g, "\\|");

export function worksWith(): string {
  const lines = [
    "# Works with",
    "",
    "<!-- Generated from test/tools/configurations.ts by `npm run works-with`; `npm test` fails when this file is stale. -->",
    "",
    "imagelite's test suite runs these tools for real (test/tools/), each configuration against a fresh imagelite,",
    "and reads back through the AWS SDK what each step left. A configuration marked *pending* is kept with its",
    "fixture but not run yet: the reason is the first call that imagelite does not answer as the tool needs.",
    "",
  ];
  for (const { tool, title, fixture, steps } of TOOLS) {
    const list = configurations.filter((c) => c.tool === tool);
    const runs = list.filter((c) => !c.pending).length;
    lines.push(`## ${title}`, "");
    lines.push(`Verified with ${VERIFIED_WITH[tool].map((v) => `${v.name} ${v.version}`).join(", ")}.`);
    lines.push(`Each configuration: ${steps}. ${runs} of ${list.length} run.`, "");
    lines.push("| Configuration | Exercises | Status |", "| --- | --- | --- |");
    for (const c of list) {
      const status = c.pending ? `pending: ${c.pending}` : "passes";
      lines.push(`| [\`${c.name}\`](../${fixture(c.name)}) | ${cell(c.covers.join("; "))} | ${cell(status)} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

/** The README's "Works with" table: per tool, the versions, what each configuration goes through, and what runs. */
export function readmeTable(): string {
  const lines = [README_START, "", "| Tool | Verified with | Each configuration | What runs |", "| --- | --- | --- | --- |"];
  for (const { tool, title, short } of TOOLS) {
    const list = configurations.filter((c) => c.tool === tool);
    const running = list.filter((c) => !c.pending);
    const exercised = [...new Set(running.flatMap((c) => c.covers.map((x) => x.replace(/ \(.*$/, ""))))];
    lines.push(
      `| ${title} | ${VERIFIED_WITH[tool].map((v) => `${v.name} ${v.version}`).join(", ")} | ${short} | ${running.length} of ${list.length} configurations: ${cell(exercised.join(", "))} |`,
    );
  }
  lines.push("", README_END);
  return lines.join("\n");
}

/** The README with its "Works with" table as readmeTable() makes it. */
export function readmeWithTable(readme: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no section between ${README_START} and ${README_END}`);
  return readme.slice(0, start) + readmeTable() + readme.slice(end + README_END.length);
}

/** Writes `file` with `text` unless it holds it already. */
function update(file: string, text: string): void {
  let current = "";
  try {
    current = readFileSync(file, "utf8");
  } catch {
    /* not written yet */
  }
  if (current === text) console.log(`${file} is up to date`);
  else {
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) {
  update(WORKS_WITH_FILE, worksWith());
  update(README_FILE, readmeWithTable(readFileSync(README_FILE, "utf8")));
}
