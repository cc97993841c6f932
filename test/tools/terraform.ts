// Terraform against imagelite for real: the terraform binary and the hashicorp/aws provider from a filesystem
// mirror (no registry is reachable). Each test file's configurations run as modules of one root: one apply, a plan
// that must find nothing to change in any of them, one destroy. Configurations share an imagelite and a provider
// configuration unless they must run apart (see ConfigurationCheck.group).
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Imagelite, StartOptions } from "../../src/index";
import { ACCOUNT_A } from "../support/server";
import {
  describeRun,
  FIXTURES,
  partition,
  reportPending,
  run,
  scratch,
  startToolServer,
  toolEnvironment,
  which,
  type Run,
} from "./support";
import { VERIFIED_WITH } from "./configurations";

const TERRAFORM_FIXTURES = join(FIXTURES, "terraform");

/** A Terraform command under a loaded machine: the AWS provider alone takes seconds of CPU to load its schema. */
const COMMAND_TIMEOUT_MS = 15 * 60_000;

/** Whether `dir` holds an unpacked mirror (or plugin directory) with the hashicorp/aws provider. */
const holdsAwsProvider = (dir: string) => existsSync(join(dir, "registry.terraform.io", "hashicorp", "aws"));

/** The entries of a directory, or none when it cannot be read. */
function entries(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/**
 * A filesystem mirror of registry.terraform.io with the AWS provider, found rather than assumed: Terraform's implied
 * local mirror directories first, then any directory two levels below / (/opt/tf-plugins, say), as
 * `find / -maxdepth 3 -type d -name registry.terraform.io` would find it. Scratch and kernel trees are left out.
 */
function findProviderMirror(): string | undefined {
  const implied = [join(homedir(), ".terraform.d", "plugins"), "/usr/local/share/terraform/plugins", "/usr/share/terraform/plugins"];
  const found = implied.find(holdsAwsProvider);
  if (found) return found;
  for (const top of entries("/")) {
    if (["proc", "sys", "dev", "tmp", "run"].includes(top)) continue;
    for (const name of entries(join("/", top))) {
      const dir = join("/", top, name);
      if (holdsAwsProvider(dir)) return dir;
    }
  }
  return undefined;
}

/** The resources and data sources of a state file, by address, with their attributes. */
export interface StateResource {
  address: string;
  type: string;
  mode: "managed" | "data";
  attributes: Record<string, unknown>;
}

export interface Applied {
  server: Imagelite;
  /** The outputs of the apply, as values. */
  outputs: Record<string, unknown>;
  /** Every instance of every resource in the state, by address ("aws_ami_copy.golden", "data.aws_ami.x"). */
  resources: Map<string, StateResource>;
  /** The attributes of one managed resource (fails when the state has none at that address). */
  attributes(address: string): Record<string, unknown>;
}

export interface ConfigurationCheck {
  /**
   * The configurations of a suite that name the same group (by default "shared") run against one imagelite, as one
   * account, through one provider configuration. A configuration that changes what every other one would see
   * (the account's EBS encryption by default, say), or that needs server options of its own, names a group of its
   * own.
   */
  group?: string;
  /** Server options beyond the tool defaults (a seed file, say): its group's server has what any member asks for. */
  server?: StartOptions;
  /**
   * A configuration whose apply must fail, with an error naming it that matches: the other configurations' apply
   * goes on; its plan still shows what it would create, and there is nothing of it to destroy.
   */
  failsWith?: RegExp;
  /** After the apply, with the state it wrote: what imagelite now holds. */
  applied(state: Applied): Promise<void>;
  /** After the destroy: what imagelite no longer holds. */
  destroyed(state: Applied): Promise<void>;
}

/** The state file of the combined run, as JSON. */
interface StateDocument {
  outputs?: Record<string, { value: unknown }>;
  resources?: {
    module?: string;
    mode: "managed" | "data";
    type: string;
    name: string;
    instances: { index_key?: unknown; attributes: Record<string, unknown> }[];
  }[];
}

function readStateDocument(dir: string): StateDocument {
  const file = join(dir, "terraform.tfstate");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as StateDocument) : {};
}

/** What one configuration (the module `name` of the combined root) holds in the state, addressed as in its own root. */
function stateOf(doc: StateDocument, name: string, server: Imagelite): Applied {
  const resources = new Map<string, StateResource>();
  for (const r of doc.resources ?? []) {
    if (r.module !== `module.${name}`) continue;
    for (const i of r.instances) {
      const base = `${r.mode === "data" ? "data." : ""}${r.type}.${r.name}`;
      const address = i.index_key === undefined ? base : `${base}[${JSON.stringify(i.index_key)}]`;
      resources.set(address, { address, type: r.type, mode: r.mode, attributes: i.attributes });
    }
  }
  const outputs = (doc.outputs?.[name]?.value ?? {}) as Record<string, unknown>;
  return {
    server,
    outputs,
    resources,
    attributes(address) {
      const r = resources.get(address);
      assert.ok(r, `${address} is in the state (it has ${[...resources.keys()].join(", ")})`);
      return r.attributes;
    },
  };
}

/**
 * The configurations a command's errors name ("with module.<name>." or "on <name>/main.tf line …"), and whether
 * an error names none of them (a provider or root error, which counts against every configuration).
 */
export function failuresOf(output: string, names: string[]): { named: Map<string, string[]>; unnamed: string[] } {
  const named = new Map<string, string[]>();
  const unnamed: string[] = [];
  for (const block of output.split(/^(?=Error: )/m).slice(1)) {
    const text = block.trim();
    const who = names.filter((n) => text.includes(`module.${n}.`) || text.includes(`module.${n},`) || text.includes(` ${n}/`));
    if (!who.length) unnamed.push(text);
    for (const n of who) named.set(n, [...(named.get(n) ?? []), text]);
  }
  return { named, unnamed };
}

/** The check of one phase for one configuration: its own errors, or errors no configuration could be blamed for. */
function assertPhase(label: string, r: Run, name: string, names: string[]): void {
  if (r.code === 0) return;
  const { named, unnamed } = failuresOf(r.output, names);
  const mine = named.get(name) ?? [];
  if (mine.length || unnamed.length || !named.size) {
    assert.fail(`${label} failed for ${name}:\n${[...mine, ...unnamed].join("\n\n") || r.output}`);
  }
}

/** The provider's version, as every configuration requires it. */
const PROVIDER_VERSION = "5.100.0";

/** A provider configuration of the root, named by its alias, that sends every service imagelite serves to `endpoint`. */
function providerBlock(alias: string, region: string, endpoint: string): string {
  const services = ["appstream", "ec2", "iam", "ssm", "sts"].map((s) => `    ${s} = ${JSON.stringify(endpoint)}`);
  return [
    `provider "aws" {`,
    `  alias      = ${JSON.stringify(alias)}`,
    `  region     = ${JSON.stringify(region)}`,
    `  access_key = ${JSON.stringify(ACCOUNT_A)}`,
    `  secret_key = "imagelite"`,
    `  endpoints {`,
    ...services,
    `  }`,
    `}`,
    "",
  ].join("\n");
}

/** A configuration's provider requirements: the AWS provider, and its `aws.west` (us-west-2) when it uses one. */
function moduleVersions(west: boolean): string {
  return [
    `terraform {`,
    `  required_providers {`,
    `    aws = {`,
    `      source                = "hashicorp/aws"`,
    `      version               = ${JSON.stringify(PROVIDER_VERSION)}`,
    `      configuration_aliases = [${west ? "aws.west" : ""}]`,
    `    }`,
    `  }`,
    `}`,
    "",
    `variable "account" {`,
    `  type = string`,
    `}`,
    "",
  ].join("\n");
}

/** Whether the configuration in `dir` uses the provider for us-west-2 (`provider = aws.west`). */
function usesWest(dir: string): boolean {
  return readdirSync(dir).some((f) => f.endsWith(".tf") && /\baws\.west\b/.test(readFileSync(join(dir, f), "utf8")));
}

/** The configurations by group, in the order they first appear. */
function groupsOf(names: string[], checks: Record<string, ConfigurationCheck>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const group = checks[name].group ?? "shared";
    groups.set(group, [...(groups.get(group) ?? []), name]);
  }
  return groups;
}

/** The server options of a group: what any of its configurations asks for; two that ask for different values fail. */
function groupOptions(members: string[], checks: Record<string, ConfigurationCheck>): StartOptions {
  const options: Record<string, unknown> = {};
  for (const name of members) {
    for (const [key, value] of Object.entries(checks[name].server ?? {})) {
      assert.ok(
        !(key in options) || JSON.stringify(options[key]) === JSON.stringify(value),
        `the configurations of one group ask for different ${key}: ${members.join(", ")}`,
      );
      options[key] = value;
    }
  }
  return options as StartOptions;
}

/**
 * The Terraform suite of one test file: `checks` by configuration name (a fixture directory under
 * fixtures/terraform/). The file's configurations that configurations.ts lists as pending are reported, not run.
 *
 * Every configuration of the file runs in one Terraform root, as a module of its own: one `terraform apply`, one
 * `terraform plan` and one `terraform destroy` for the whole file. Each provider configuration is a process of the
 * AWS provider that spends seconds of CPU loading its schema in every command, so the configurations of a group
 * share one (and one imagelite) rather than having one each: one command per phase, and a few provider processes
 * per command, make the suite many times faster. Each configuration still has its own state (its module's
 * resources) and tests. An error is blamed on the configuration whose module it names.
 */
export function terraformSuite(suite: string, title: string, checks: Record<string, ConfigurationCheck>): void {
  const { ready } = partition("terraform", suite);
  assert.deepEqual(Object.keys(checks).sort(), [...ready].sort(), `${suite}: a check for each configuration that runs, and no other`);

  const terraform = which("terraform");
  const mirror = findProviderMirror();
  if (!terraform || !mirror) {
    test(`${title}: skipped`, {
      skip: !terraform
        ? "terraform is not on PATH: install Terraform 1.x and put the hashicorp/aws provider in a filesystem mirror"
        : "no filesystem mirror of registry.terraform.io holds hashicorp/aws: terraform init has no registry to fetch it from",
    });
    return;
  }

  describe(title, () => {
    let home: { dir: string; remove(): void };
    let env: NodeJS.ProcessEnv;
    const servers = new Map<string, Imagelite>();
    const applied = new Map<string, Applied>();
    const once = <T>(fn: () => Promise<T>) => {
      let p: Promise<T> | undefined;
      return () => (p ??= fn());
    };
    const tf = (args: string[]) =>
      run(terraform, [...args, "-input=false", "-no-color"], { cwd: home.dir, env, timeoutMs: COMMAND_TIMEOUT_MS });

    before(async () => {
      home = scratch("terraform");
      const cliConfig = join(home.dir, "terraform.rc");
      // The provider comes from the mirror alone; init links it into the data directory rather than copying it.
      writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`);
      env = toolEnvironment(home.dir, {
        TF_CLI_CONFIG_FILE: cliConfig,
        TF_DATA_DIR: join(home.dir, "data"),
        TF_IN_AUTOMATION: "1",
        TF_INPUT: "0",
      });
      // The root: a server and provider configurations per group, and each configuration a module in a directory
      // of its own, given its group's providers; the root re-exports each module's outputs (module outputs are
      // not kept in the state).
      const root: string[] = [];
      for (const [group, names] of groupsOf(ready, checks)) {
        const server = await startToolServer(groupOptions(names, checks));
        const west = names.some((name) => usesWest(join(TERRAFORM_FIXTURES, name)));
        root.push(providerBlock(group, "us-east-1", server.endpoint));
        if (west) root.push(providerBlock(`${group}_west`, "us-west-2", server.endpoint));
        for (const name of names) {
          servers.set(name, server);
          const dir = join(home.dir, name);
          mkdirSync(dir);
          const own = usesWest(join(TERRAFORM_FIXTURES, name));
          writeFileSync(join(dir, "versions.tf"), moduleVersions(own));
          for (const f of readdirSync(join(TERRAFORM_FIXTURES, name))) copyFileSync(join(TERRAFORM_FIXTURES, name, f), join(dir, f));
          root.push(
            `module ${JSON.stringify(name)} {`,
            `  source    = ${JSON.stringify(`./${name}`)}`,
            `  account   = ${JSON.stringify(ACCOUNT_A)}`,
            `  providers = { aws = aws.${group}${own ? `, aws.west = aws.${group}_west` : ""} }`,
            `}`,
            // Sensitive: a module's outputs may include sensitive values; the state keeps them readable all the same.
            `output ${JSON.stringify(name)} {`,
            `  value     = module.${name}`,
            `  sensitive = true`,
            `}`,
            "",
          );
        }
      }
      writeFileSync(join(home.dir, "main.tf"), root.join("\n"));
      const init = await tf(["init"]);
      assert.equal(init.code, 0, describeRun("terraform init", init));
    });
    after(async () => {
      for (const server of new Set(servers.values())) await server.stop();
      home?.remove();
    });

    const apply = once(() => tf(["apply", "-auto-approve"]));
    // 0: the refreshed state matches the configuration; 2 a diff, 1 an error. The plan's machine-readable output
    // names each planned change and its module, to blame a diff on its configuration; `terraform show -json` of a
    // saved plan would start every provider process once more for it.
    const plan = once(async () => {
      const r = await tf(["plan", "-detailed-exitcode", "-json"]);
      const changed = new Map<string, string[]>();
      for (const line of r.output.split("\n")) {
        if (!line.startsWith("{")) continue;
        let event: { type?: string; change?: { resource?: { addr?: string; module?: string }; action?: string } };
        try {
          event = JSON.parse(line) as typeof event;
        } catch {
          continue;
        }
        if (event.type !== "planned_change" || !event.change?.resource?.addr) continue;
        const { addr, module = "" } = event.change.resource;
        const name = module.replace(/^module\./, "").replace(/\[.*$/, "");
        changed.set(name, [...(changed.get(name) ?? []), `${addr}: ${event.change.action}`]);
      }
      return { r, changed };
    });
    const destroy = once(() => tf(["destroy", "-auto-approve"]));

    test("the Terraform version", async (t) => {
      const r = await run(terraform, ["version", "-json"], { cwd: home.dir, env, timeoutMs: 60_000 });
      assert.equal(r.code, 0, describeRun("terraform version", r));
      const version = (JSON.parse(r.output) as { terraform_version: string }).terraform_version;
      const verified = VERIFIED_WITH.terraform.find((v) => v.name === "Terraform")!.version;
      if (version !== verified) t.diagnostic(`Terraform ${version} here; the suite was verified with ${verified}`);
    });

    for (const name of ready) {
      test(`${name}: apply`, async () => {
        const r = await apply();
        const expected = checks[name].failsWith;
        if (expected) {
          const mine = failuresOf(r.output, ready).named.get(name) ?? [];
          assert.ok(
            // Terraform wraps long messages to its width: matched with their whitespace made one space.
            r.code !== 0 && mine.some((m) => expected.test(m.replace(/\s+/g, " "))),
            `terraform apply fails for ${name} with ${expected}:\n${mine.join("\n\n") || r.output}`,
          );
        } else assertPhase("terraform apply", r, name, ready);
        await checks[name].applied(stateOf(readStateDocument(home.dir), name, servers.get(name)!));
      });
    }
    for (const name of ready) {
      test(`${name}: a plan shows no changes`, async () => {
        await apply();
        const { r, changed } = await plan();
        if (r.code !== 2) assertPhase("terraform plan -detailed-exitcode", r, name, ready);
        const mine = changed.get(name) ?? [];
        if (checks[name].failsWith) {
          // What the failed apply did not make is still to be created, and nothing else changes.
          assert.ok(
            mine.length > 0 && mine.every((c) => c.endsWith(": create")),
            `${name} has only creations to plan:\n${mine.join("\n")}`,
          );
        } else assert.deepEqual(mine, [], `terraform plan finds changes in ${name} (expected none):\n${mine.join("\n")}`);
        applied.set(name, stateOf(readStateDocument(home.dir), name, servers.get(name)!));
      });
    }
    for (const name of ready) {
      test(`${name}: destroy`, async () => {
        await plan();
        const r = await destroy();
        assertPhase("terraform destroy", r, name, ready);
        const left = stateOf(readStateDocument(home.dir), name, servers.get(name)!);
        assert.deepEqual(
          [...left.resources.keys()].filter((a) => !a.startsWith("data.")),
          [],
          "the state is empty after the destroy",
        );
        await checks[name].destroyed(applied.get(name) ?? stateOf({}, name, servers.get(name)!));
      });
    }

    reportPending("terraform", suite);
  });
}
