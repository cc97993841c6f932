// Packer against imagelite for real: `packer build` of a JSON template (fixtures/packer/<name>.json) whose
// builder points custom_endpoint_ec2 at a fresh imagelite, with the account's credentials as template
// variables. The templates use no communicator: imagelite's instances have no operating system to reach.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Imagelite } from "../../src/index";
import { ACCOUNT_A } from "../support/server";
import { VERIFIED_WITH } from "./configurations";
import { describeRun, FIXTURES, partition, reportPending, run, scratch, toolEnvironment, which, withServer } from "./support";

export interface BuildCheck {
  /** After a successful build, with what Packer printed. */
  built(server: Imagelite, output: string): Promise<void>;
}

export function packerSuite(suite: string, title: string, checks: Record<string, BuildCheck>): void {
  const { ready } = partition("packer", suite);
  assert.deepEqual(Object.keys(checks).sort(), [...ready].sort(), `${suite}: a check for each template that runs, and no other`);

  const packer = which("packer");
  if (!packer) {
    test(`${title}: skipped`, { skip: "packer is not on PATH: apt-get install -y packer" });
    return;
  }

  describe(title, () => {
    let home: { dir: string; remove(): void };
    let env: NodeJS.ProcessEnv;
    before(() => {
      home = scratch("packer");
      env = toolEnvironment(home.dir, { PACKER_CACHE_DIR: join(home.dir, "cache"), PACKER_CONFIG_DIR: home.dir });
    });
    after(() => home?.remove());

    test("the Packer version", async (t) => {
      const r = await run(packer, ["version"], { cwd: home.dir, env, timeoutMs: 60_000 });
      assert.equal(r.code, 0, describeRun("packer version", r));
      const version = /Packer v(\S+)/.exec(r.output)?.[1];
      const verified = VERIFIED_WITH.packer[0].version;
      if (version !== verified) t.diagnostic(`Packer ${version} here; the suite was verified with ${verified}`);
    });

    for (const name of ready) {
      test(`${name}: packer build`, async () => {
        await withServer({}, async (server) => {
          const template = join(FIXTURES, "packer", `${name}.json`);
          const args = ["build", "-color=false", "-var", `endpoint=${server.endpoint}`, "-var", `account=${ACCOUNT_A}`, template];
          const r = await run(packer, args, { cwd: home.dir, env, timeoutMs: 10 * 60_000 });
          assert.equal(r.code, 0, describeRun(`packer build ${name}.json`, r));
          await checks[name].built(server, r.output);
        });
      });
    }

    reportPending("packer", suite);
  });
}
