// Ansible against imagelite for real: ansible-playbook on the implicit localhost, the amazon.aws modules with
// boto3, every AWS module pointed at a fresh imagelite by module_defaults (group/aws endpoint_url, from the
// imagelite_endpoint variable) and credentials from the environment. For each configuration: the playbook
// (fixtures/ansible/<name>.yml), the same playbook again in check mode, which must change nothing, and the removal
// playbook (<name>-remove.yml).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A, REGION } from "../support/server";
import { VERIFIED_WITH } from "./configurations";
import { describeRun, FIXTURES, partition, reportPending, run, scratch, toolEnvironment, which, withServer, type Run } from "./support";

export interface PlaybookCheck {
  /**
   * Tasks that report a change in check mode although nothing would change, because their module cannot tell
   * without making the change, with the reason (ec2_key with key_material, say).
   */
  changedInCheckMode?: Record<string, string>;
  /** After the playbook: what imagelite holds. */
  applied(server: Imagelite): Promise<void>;
  /** After the removal playbook: what imagelite no longer holds. */
  removed(server: Imagelite): Promise<void>;
}

/** The tasks of a run in the default output, in order, with whether any of their hosts or items changed. */
export function taskResults(output: string): { task: string; changed: boolean }[] {
  const results: { task: string; changed: boolean }[] = [];
  for (const part of output.split(/^TASK \[/m).slice(1)) {
    const task = part.slice(0, part.indexOf("]"));
    results.push({ task, changed: /^changed: \[/m.test(part) });
  }
  return results;
}

/** Whether the Python that runs ansible-playbook (its #! line) imports boto3, which the amazon.aws modules need. */
function hasBoto3(playbook: string): boolean {
  const python = /^#!\s*(\S+)/.exec(readFileSync(playbook, "utf8").split("\n", 1)[0])?.[1];
  if (!python) return false;
  const args = python.endsWith("/env") ? ["python3", "-c", "import boto3"] : ["-c", "import boto3"];
  return spawnSync(python, args, { stdio: "ignore", timeout: 60_000 }).status === 0;
}

export function ansibleSuite(suite: string, title: string, checks: Record<string, PlaybookCheck>): void {
  const { ready } = partition("ansible", suite);
  assert.deepEqual(Object.keys(checks).sort(), [...ready].sort(), `${suite}: a check for each playbook that runs, and no other`);

  const playbook = which("ansible-playbook");
  if (!playbook || !hasBoto3(playbook)) {
    test(`${title}: skipped`, {
      skip: `${playbook ? "Ansible's Python has no boto3" : "ansible-playbook is not on PATH"}: apt-get install -y ansible python3-boto3`,
    });
    return;
  }

  // Playbooks run three at a time, each against its own server: the suite's part in a run of every test file is
  // then no longer the longest, while its CPU stays what it was.
  describe(title, { concurrency: 2 }, () => {
    let home: { dir: string; remove(): void };
    let env: NodeJS.ProcessEnv;
    before(() => {
      home = scratch("ansible");
      env = toolEnvironment(home.dir, {
        AWS_ACCESS_KEY_ID: ACCOUNT_A,
        AWS_SECRET_ACCESS_KEY: "imagelite",
        AWS_REGION: REGION,
        // Collections installed for the user stay visible although HOME is a scratch directory.
        ANSIBLE_COLLECTIONS_PATH: [join(homedir(), ".ansible", "collections"), "/usr/share/ansible/collections"].join(delimiter),
        ANSIBLE_LOCAL_TEMP: join(home.dir, "tmp"),
        ANSIBLE_NOCOLOR: "1",
        ANSIBLE_RETRY_FILES_ENABLED: "false",
        ANSIBLE_LOCALHOST_WARNING: "false",
        ANSIBLE_INVENTORY_UNPARSED_WARNING: "false",
      });
    });
    after(() => home?.remove());

    test("the Ansible version", async (t) => {
      const r = await run(playbook, ["--version"], { cwd: home.dir, env, timeoutMs: 120_000 });
      assert.equal(r.code, 0, describeRun("ansible-playbook --version", r));
      const verified = (name: string) => VERIFIED_WITH.ansible.find((v) => v.name === name)!.version;
      const core = /\[core ([^\]]+)\]/.exec(r.output)?.[1];
      if (core !== verified("ansible-core"))
        t.diagnostic(`ansible-core ${core} here; the suite was verified with ${verified("ansible-core")}`);
      const galaxy = which("ansible-galaxy");
      if (galaxy) {
        const list = await run(galaxy, ["collection", "list", "amazon.aws"], { cwd: home.dir, env, timeoutMs: 120_000 });
        const collection = /^amazon\.aws\s+(\S+)/m.exec(list.output)?.[1];
        const expected = verified("amazon.aws collection");
        if (collection !== expected) t.diagnostic(`amazon.aws ${collection ?? "not found"} here; the suite was verified with ${expected}`);
      }
    });

    for (const name of ready) {
      test(`${name}: playbook, again in check mode with no change, removal`, async () => {
        const check = checks[name];
        await withServer({}, async (server) => {
          const play = (file: string, extra: string[] = []): Promise<Run> =>
            run(playbook, ["-e", `imagelite_endpoint=${server.endpoint}`, ...extra, join(FIXTURES, "ansible", file)], {
              cwd: home.dir,
              env,
              timeoutMs: 10 * 60_000,
            });

          const first = await play(`${name}.yml`);
          assert.equal(first.code, 0, describeRun(`ansible-playbook ${name}.yml`, first));
          assert.ok(
            taskResults(first.output).some((t) => t.changed),
            `the first run changes something:\n${first.output}`,
          );
          await check.applied(server);

          const again = await play(`${name}.yml`, ["--check"]);
          assert.equal(again.code, 0, describeRun(`ansible-playbook --check ${name}.yml`, again));
          const changed = taskResults(again.output)
            .filter((t) => t.changed)
            .map((t) => t.task);
          assert.deepEqual(
            changed,
            Object.keys(check.changedInCheckMode ?? {}),
            `tasks that report a change in check mode:\n${again.output}`,
          );

          const remove = await play(`${name}-remove.yml`);
          assert.equal(remove.code, 0, describeRun(`ansible-playbook ${name}-remove.yml`, remove));
          await check.removed(server);
        });
      });
    }

    reportPending("ansible", suite);
  });
}
