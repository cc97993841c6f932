// What the Terraform, Ansible and Packer suites share: finding the tools and the fixtures, running a tool without
// blocking the event loop (the server answers from this very process), an environment that holds nothing of the
// machine's own AWS or tool settings, and a fresh imagelite per configuration whose lifecycles complete by the
// next read on a clock frozen at TEST_START, so that a tool's waiters see the end state on their first poll.
import { test } from "node:test";
import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import type { Imagelite, StartOptions } from "../../src/index";
import { resetTestServer, startTestServer } from "../support/server";
import { configurations, type Tool } from "./configurations";

/** The repository root: these files run compiled from dist/test/tools, the fixtures stay in test/tools. */
export const REPO_ROOT = (() => {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = resolve(dir, "..")) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "test", "tools", "fixtures"))) return dir;
  }
  throw new Error(`cannot find the repository root above ${__dirname}`);
})();

export const FIXTURES = join(REPO_ROOT, "test", "tools", "fixtures");

/** The full path of `command` on PATH, or undefined. */
export function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const path = join(dir, command);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** The line a suite skips with when its tool is not installed. */
export const INSTALL_HINT = "apt-get install -y packer ansible python3-boto3 (Terraform: the terraform binary on PATH)";

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs a command to its end, stdout and stderr interleaved as the tool wrote them. */
export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Run> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolveRun({ code, signal, output: Buffer.concat(chunks).toString("utf8") });
    });
  });
}

/** A tool's failure message: the command, how it ended and what it printed. */
export function describeRun(label: string, r: Run): string {
  return `${label} exited with ${r.code ?? r.signal}:\n${r.output}`;
}

/**
 * The process environment without the machine's AWS settings (profiles, CA bundles, endpoints, credentials) and
 * without any Terraform, Ansible or Packer settings, so that a run depends on the fixture and `extra` alone.
 */
export function toolEnvironment(home: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(AWS_|TF_|ANSIBLE_|PACKER_|EC2_|S3_|BOTO_|CHECKPOINT_)/.test(k)) continue;
    env[k] = v;
  }
  return {
    ...env,
    HOME: home,
    AWS_CONFIG_FILE: join(home, "aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(home, "aws-credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
    // HashiCorp's tools ask checkpoint.hashicorp.com for new versions, and wait on it, unless told not to.
    CHECKPOINT_DISABLE: "1",
    // Terraform's AWS provider and Packer are Go programs that allocate a great deal while loading their schemas:
    // a collector that runs a fifth as often saves about a fifth of the Terraform suite's CPU, for memory the
    // machine has.
    GOGC: process.env.GOGC ?? "400",
    ...extra,
  };
}

/** A scratch directory, removed by the returned function. */
export function scratch(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `imagelite-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh imagelite for one configuration, in memory: every lifecycle completes by the next read, and the clock
 * stands at TEST_START so that what the tool reads back does not depend on the day the suite runs.
 */
export async function startToolServer(options: StartOptions = {}): Promise<Imagelite> {
  const server = await startTestServer({ transitionSeconds: 0, ...options });
  resetTestServer(server);
  return server;
}

/** Runs `body` against a fresh server, stopped afterwards whatever happens. */
export async function withServer<T>(options: StartOptions, body: (server: Imagelite) => Promise<T>): Promise<T> {
  const server = await startToolServer(options);
  try {
    return await body(server);
  } finally {
    await server.stop();
  }
}

/**
 * The configurations of `tool` in this suite that are listed as pending: reported, with what they wait for,
 * and not run. Returns the names of those that run.
 */
export function partition(tool: Tool, suite: string): { ready: string[]; pending: { name: string; reason: string }[] } {
  const mine = configurations.filter((c) => c.tool === tool && c.suite === suite);
  return {
    ready: mine.filter((c) => !c.pending).map((c) => c.name),
    pending: mine.filter((c) => c.pending).map((c) => ({ name: c.name, reason: c.pending! })),
  };
}

/** One test that lists the suite's pending configurations and what each waits for; none of them runs. */
export function reportPending(tool: Tool, suite: string): void {
  const { pending } = partition(tool, suite);
  if (!pending.length) return;
  test(`${pending.length} pending configuration(s), not run: ${pending.map((p) => p.name).join(", ")}`, (t) => {
    for (const p of pending) t.diagnostic(`pending ${tool} ${p.name}: ${p.reason}`);
  });
}
