// npm run bench [-- --baseline <rev>] [--quick]: every benchmark in turn, each in a process of its own.
// With --baseline, the revision is built in a temporary git worktree first, and every benchmark measures both
// builds, alternating between them, and prints each measurement side by side with the change; the worktree is
// removed at the end. --quick shortens every run (a few minutes in all), at the cost of steadier numbers.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { COMPARISON_NOTE, describeCommit, describeCurrent, prepareBaseline, type Baseline } from "./bench-builds";

const BENCHES = ["bench", "bench-purge", "bench-scale", "bench-workers", "bench-cluster"];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      baseline: { type: "string" },
      quick: { type: "boolean", default: false },
      only: { type: "string" },
    },
  });
  const only = values.only?.split(",");
  const unknown = only?.filter((o) => !BENCHES.includes(o));
  if (unknown?.length) throw new Error(`--only: no bench named ${unknown.join(", ")} (there are ${BENCHES.join(", ")})`);
  const started = Date.now();
  let baseline: Baseline | undefined;
  let child: ReturnType<typeof spawn> | undefined;
  // Ctrl-C reaches the running bench too; the worktree is removed once it has exited.
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    child?.kill(signal);
  };
  process.on("SIGINT", onSignal).on("SIGTERM", onSignal);
  const failed: string[] = [];
  try {
    if (values.baseline) {
      console.log(`baseline: ${describeCommit(values.baseline)}`);
      baseline = prepareBaseline(values.baseline);
      console.log(`          built in ${baseline.build.root} (${baseline.buildSeconds.toFixed(0)} s)`);
      console.log(`current:  ${describeCurrent()}`);
      console.log(COMPARISON_NOTE);
    }
    for (const name of BENCHES) {
      if (interrupted) break;
      if (only && !only.includes(name)) continue;
      const t = Date.now();
      child = spawn(process.execPath, [join(__dirname, `${name}.js`)], {
        stdio: "inherit",
        env: {
          ...process.env,
          ...(baseline ? { BENCH_BASELINE_ROOT: baseline.build.root } : {}),
          ...(values.quick ? { BENCH_QUICK: "1" } : {}),
        },
      });
      const [code] = (await once(child, "exit")) as [number | null];
      child = undefined;
      if (code !== 0) failed.push(name);
      console.log(`(${name}: ${((Date.now() - t) / 1000).toFixed(0)} s${code === 0 ? "" : `, failed (${code})`})`);
    }
  } finally {
    baseline?.remove();
  }
  console.log(`\nbench: ${((Date.now() - started) / 1000).toFixed(0)} s in all${failed.length ? `; failed: ${failed.join(", ")}` : ""}`);
  return interrupted ? 130 : failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
