// Terraform against imagelite for real: the terraform binary and the hashicorp/aws provider from a filesystem
// mirror (no registry is reachable), one `terraform init` per test file whose data directory every
// configuration of the file shares, and for each configuration a working directory of its own with the shared
// provider block (fixtures/terraform/provider.tf) pointed at a fresh imagelite: apply, a plan that must find
// nothing to change, destroy.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Imagelite, StartOptions } from "../../src/index";
import { ACCOUNT_A } from "../support/server";
import { describeRun, FIXTURES, partition, reportPending, run, scratch, toolEnvironment, which, withServer, type Run } from "./support";
import { VERIFIED_WITH } from "./configurations";

const TERRAFORM_FIXTURES = join(FIXTURES, "terraform");

/** A Terraform command under a loaded machine: the AWS provider alone takes seconds of CPU to load its schema. */
const COMMAND_TIMEOUT_MS = 10 * 60_000;

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
  /** Server options beyond the tool defaults (a seed file, say). */
  server?: StartOptions;
  /** After the apply, with the state it wrote: what imagelite now holds. */
  applied(state: Applied): Promise<void>;
  /** After the destroy: what imagelite no longer holds. */
  destroyed(state: Applied): Promise<void>;
}

function readState(dir: string, server: Imagelite): Applied {
  const doc = JSON.parse(readFileSync(join(dir, "terraform.tfstate"), "utf8")) as {
    outputs?: Record<string, { value: unknown }>;
    resources?: {
      mode: "managed" | "data";
      type: string;
      name: string;
      instances: { index_key?: unknown; attributes: Record<string, unknown> }[];
    }[];
  };
  const resources = new Map<string, StateResource>();
  for (const r of doc.resources ?? []) {
    for (const i of r.instances) {
      const base = `${r.mode === "data" ? "data." : ""}${r.type}.${r.name}`;
      const address = i.index_key === undefined ? base : `${base}[${JSON.stringify(i.index_key)}]`;
      resources.set(address, { address, type: r.type, mode: r.mode, attributes: i.attributes });
    }
  }
  const outputs = Object.fromEntries(Object.entries(doc.outputs ?? {}).map(([k, v]) => [k, v.value]));
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
 * The Terraform suite of one test file: `checks` by configuration name (a fixture directory under
 * fixtures/terraform/). The file's configurations that configurations.ts lists as pending are reported, not run.
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

    const terraformRun = (args: string[], cwd: string, server: Imagelite, account: string): Promise<Run> =>
      run(terraform, args, {
        cwd,
        timeoutMs: COMMAND_TIMEOUT_MS,
        env: { ...env, TF_VAR_endpoint: server.endpoint, TF_VAR_account: account },
      });

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
      // One init for the file: the provider block and its version constraint are the same in every configuration.
      copyFileSync(join(TERRAFORM_FIXTURES, "provider.tf"), join(home.dir, "provider.tf"));
      const init = await run(terraform, ["init", "-input=false", "-no-color"], {
        cwd: home.dir,
        env,
        timeoutMs: COMMAND_TIMEOUT_MS,
      });
      assert.equal(init.code, 0, describeRun("terraform init", init));
    });
    after(() => home?.remove());

    test("the Terraform version", async (t) => {
      const r = await run(terraform, ["version", "-json"], { cwd: home.dir, env, timeoutMs: 60_000 });
      assert.equal(r.code, 0, describeRun("terraform version", r));
      const version = (JSON.parse(r.output) as { terraform_version: string }).terraform_version;
      const verified = VERIFIED_WITH.terraform.find((v) => v.name === "Terraform")!.version;
      if (version !== verified) t.diagnostic(`Terraform ${version} here; the suite was verified with ${verified}`);
    });

    for (const name of ready) {
      test(`${name}: apply, plan shows no changes, destroy`, async () => {
        const check = checks[name];
        const work = scratch(`tf-${name}`);
        try {
          const dir = work.dir;
          copyFileSync(join(TERRAFORM_FIXTURES, "provider.tf"), join(dir, "provider.tf"));
          copyFileSync(join(home.dir, ".terraform.lock.hcl"), join(dir, ".terraform.lock.hcl"));
          for (const f of readdirSync(join(TERRAFORM_FIXTURES, name))) copyFileSync(join(TERRAFORM_FIXTURES, name, f), join(dir, f));
          await withServer(check.server ?? {}, async (server) => {
            const tf = (args: string[]) => terraformRun([...args, "-input=false", "-no-color"], dir, server, ACCOUNT_A);

            const apply = await tf(["apply", "-auto-approve", "-parallelism=4"]);
            assert.equal(apply.code, 0, describeRun("terraform apply", apply));
            await check.applied(readState(dir, server));

            // 0: the refreshed state matches the configuration; 2 would be a diff, 1 an error.
            const plan = await tf(["plan", "-detailed-exitcode", "-parallelism=4"]);
            assert.equal(plan.code, 0, describeRun("terraform plan -detailed-exitcode (expected no changes)", plan));

            const applied = readState(dir, server);
            const destroy = await tf(["destroy", "-auto-approve", "-parallelism=4"]);
            assert.equal(destroy.code, 0, describeRun("terraform destroy", destroy));
            assert.deepEqual([...readState(dir, server).resources.keys()], [], "the state is empty after the destroy");
            await check.destroyed(applied);
          });
        } finally {
          work.remove();
        }
      });
    }

    reportPending("terraform", suite);
  });
}
