// docs/works-with.md, made from configurations.ts: per tool, the versions the suites ran with and each
// configuration, what it exercises and whether it runs. `npm run works-with` writes it; works-with.test.ts fails
// when the file differs from what this makes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { configurations, VERIFIED_WITH, type Tool } from "./configurations";
import { REPO_ROOT } from "./support";

export const WORKS_WITH_FILE = join(REPO_ROOT, "docs", "works-with.md");

const TOOLS: { tool: Tool; title: string; fixture: (name: string) => string; steps: string }[] = [
  {
    tool: "terraform",
    title: "Terraform",
    fixture: (name) => `test/tools/fixtures/terraform/${name}/`,
    steps:
      "`terraform apply`, then `terraform plan -detailed-exitcode` must find no changes, then `terraform destroy` (the configurations of a suite run together, each as a module pointed at an imagelite of its own)",
  },
  {
    tool: "ansible",
    title: "Ansible",
    fixture: (name) => `test/tools/fixtures/ansible/${name}.yml`,
    steps: "the playbook, the same playbook in `--check` mode reporting no change, then its removal playbook",
  },
  {
    tool: "packer",
    title: "Packer",
    fixture: (name) => `test/tools/fixtures/packer/${name}.json`,
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

if (require.main === module) {
  const text = worksWith();
  let current = "";
  try {
    current = readFileSync(WORKS_WITH_FILE, "utf8");
  } catch {
    /* not written yet */
  }
  if (current === text) console.log(`${WORKS_WITH_FILE} is up to date`);
  else {
    writeFileSync(WORKS_WITH_FILE, text);
    console.log(`wrote ${WORKS_WITH_FILE}`);
  }
}
