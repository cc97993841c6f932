// The real CLI (bin/imagelite.js, the packed server `npm start` runs) as a separate process, for tests of
// what only a process shows: exit codes, start-up messages, kill -9, two processes on one data directory.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CLI = join(__dirname, "..", "..", "..", "bin", "imagelite.js");

export interface Running {
  child: ChildProcess;
  endpoint: string;
  stderr: () => string;
}

/** Every process and directory a test file made, for its `after` hook to clean up. */
export function cliScope() {
  const started: ChildProcess[] = [];
  const dirs: string[] = [];
  return {
    tempDir(prefix = "imagelite-cli-"): string {
      const d = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
    /**
     * Starts the CLI on a free port and waits (at most 60 s: the suite runs files side by side, so a start may
     * wait for the CPU) until its health route answers.
     */
    async start(dataDir: string, args: string[] = []): Promise<Running> {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        [CLI, "--port", String(port), "--data-dir", dataDir, "--transition-seconds", "0", "--quiet", ...args],
        { stdio: ["ignore", "ignore", "pipe"] },
      );
      started.push(child);
      let stderr = "";
      child.stderr!.setEncoding("utf8").on("data", (s: string) => {
        stderr += s;
      });
      const endpoint = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`imagelite exited with ${child.exitCode}: ${stderr}`);
        try {
          const res = await fetch(`${endpoint}/_imagelite/health`);
          if (res.ok) {
            await res.body?.cancel();
            break;
          }
        } catch {
          /* not listening yet */
        }
        if (Date.now() > deadline) throw new Error(`imagelite did not become healthy within 60 s: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return { child, endpoint, stderr: () => stderr };
    },
    /** Runs the CLI expecting it to stop by itself (a refused start): its exit code and what it wrote. */
    async run(args: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
      const child = spawn(process.execPath, [CLI, "--port", "0", "--quiet", ...args], { stdio: ["ignore", "pipe", "pipe"] });
      started.push(child);
      let stderr = "";
      let stdout = "";
      child.stderr!.setEncoding("utf8").on("data", (s: string) => {
        stderr += s;
      });
      child.stdout!.setEncoding("utf8").on("data", (s: string) => {
        stdout += s;
      });
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      const [code] = await once(child, "exit");
      clearTimeout(timer);
      return { code, stderr, stdout };
    },
    cleanup(): void {
      for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

export async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, "127.0.0.1");
  await once(srv, "listening");
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

export async function kill(r: Running, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (r.child.exitCode !== null || r.child.signalCode !== null) return;
  const exited = once(r.child, "exit");
  r.child.kill(signal);
  await exited;
}
