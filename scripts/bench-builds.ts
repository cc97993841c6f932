// The imagelite builds a benchmark measures: this tree's, and with `npm run bench -- --baseline <rev>` that
// revision's as well, built in a git worktree of its own under the system's temporary directory. A benchmark
// drives each build's server (its bin/imagelite.js) or loads its compiled in-process API (dist/src/index.js,
// the package's main) in a child process, never the revision's own bench code, so that both builds are
// measured by the same client. Measurements alternate between the builds (baseline, current, baseline,
// current ...) so that other load on the machine falls on both alike, and are printed side by side.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as Api from "../src/index";

export type App = ReturnType<typeof Api.createApp>;

export interface Build {
  name: "baseline" | "current";
  /** The build's checkout: bin/imagelite.js, dist/ and models/ are found from here. */
  root: string;
  /** Its server's command line entry point. */
  cli: string;
}

/** This tree (dist/scripts/ is two levels down). */
export const CURRENT_ROOT = join(__dirname, "..", "..");

const build = (name: Build["name"], root: string): Build => ({ name, root, cli: join(root, "bin", "imagelite.js") });

/** The builds to measure, the baseline first: set by the bench runner (bench-all.ts) for every bench it starts. */
export const BUILDS: Build[] = [
  ...(process.env.BENCH_BASELINE_ROOT ? [build("baseline", process.env.BENCH_BASELINE_ROOT)] : []),
  build("current", CURRENT_ROOT),
];
export const COMPARING = BUILDS.length > 1;
/** Shorter runs and fewer rounds everywhere (`--quick`). */
export const QUICK = process.env.BENCH_QUICK === "1";

/** A setting of a benchmark: today's value alone, another when two builds are compared, another for `--quick`. */
export function pick<T>(alone: T, compared: T, quick: T): T {
  return QUICK ? quick : COMPARING ? compared : alone;
}

/** The in-process API of the build at `root`, compiled from its src/index.ts. */
export function apiOf(root: string): typeof Api {
  return require(join(root, "dist", "src", "index.js")) as typeof Api;
}

// ---- the baseline's checkout ----

function git(args: string[]): string {
  return execFileSync("git", ["-C", CURRENT_ROOT, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** A one-line description of a commit: short hash and subject, cut to fit a line. */
export function describeCommit(rev: string): string {
  const line = git(["log", "-1", "--format=%h %s", rev]);
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/** What the current build is: HEAD, and whether the tree has changes not committed. */
export function describeCurrent(): string {
  const dirty = git(["status", "--porcelain", "--untracked-files=no"]) !== "";
  return `${describeCommit("HEAD")}${dirty ? " (with changes not committed)" : ""}`;
}

export interface Baseline {
  build: Build;
  commit: string;
  /** Seconds its compilation took. */
  buildSeconds: number;
  remove(): void;
}

/**
 * Checks `rev` out in a detached worktree under the temporary directory, with this tree's node_modules linked
 * in, and compiles and packs it as `npm run build` does (the dashboard aside: no benchmark loads it).
 */
export function prepareBaseline(rev: string): Baseline {
  let commit: string;
  try {
    commit = git(["rev-parse", "--verify", "--end-of-options", `${rev}^{commit}`]);
  } catch {
    throw new Error(`--baseline ${rev}: not a commit of this repository`);
  }
  const root = mkdtempSync(join(tmpdir(), `imagelite-baseline-${commit.slice(0, 7)}-`));
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    try {
      git(["worktree", "remove", "--force", root]);
    } catch {
      /* never added, or already gone: the directory is removed below */
    }
    rmSync(root, { recursive: true, force: true });
    git(["worktree", "prune"]);
  };
  try {
    git(["worktree", "add", "--detach", root, commit]);
    symlinkSync(join(CURRENT_ROOT, "node_modules"), join(root, "node_modules"), "dir");
    const started = Date.now();
    // The server's sources only, where the revision says which they are: tests and scripts are not run from it.
    const project = existsSync(join(root, "tsconfig.build.json")) ? "tsconfig.build.json" : ".";
    for (const args of [[join(root, "node_modules", "typescript", "bin", "tsc"), "-p", project], [join(root, "scripts", "bundle.js")]]) {
      const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
      if (r.status !== 0) throw new Error(`building ${rev} failed: node ${args.join(" ")}\n${r.stdout}${r.stderr}`);
    }
    return { build: build("baseline", root), commit, buildSeconds: (Date.now() - started) / 1000, remove };
  } catch (e) {
    remove();
    throw e;
  }
}

// ---- side by side ----

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** One measurement of both builds: a value per round each, in rounds that alternated between them. */
export interface Measure {
  label: string;
  /** Which way is better; none for a count that should simply not change. */
  better?: "higher" | "lower";
  digits?: number;
  baseline: number[];
  current: number[];
}

/** A row of the table: a measurement, or a heading for the rows after it. */
export type TableRow = Measure | string;

/** Collects each build's values of one measurement under a label, in the order they are given. */
export class Collector {
  readonly rows: TableRow[] = [];
  private readonly byLabel = new Map<string, Measure>();

  heading(text: string): void {
    this.rows.push(text);
  }

  /** A value of `b`'s; `key` tells apart rows of one label under different headings. */
  add(b: Build, label: string, value: number | undefined, o: { better?: "higher" | "lower"; digits?: number; key?: string } = {}): void {
    const key = o.key ?? label;
    let m = this.byLabel.get(key);
    if (!m) {
      m = { label, better: o.better, digits: o.digits, baseline: [], current: [] };
      this.byLabel.set(key, m);
      this.rows.push(m);
    }
    if (value !== undefined && Number.isFinite(value)) m[b.name].push(value);
  }
}

/**
 * The table of a benchmark: each build's median over its rounds, the current build's change from the baseline,
 * and the spread of the rounds (the widest of the two builds, from lowest to highest, as a share of its
 * median): a change smaller than the spread is within what the machine's load does to one build from one round
 * to the next. A verdict says which changes stand out.
 */
export function printComparison(title: string, rows: TableRow[]): void {
  const head = ["", "baseline", "current", "change", "spread", ""];
  const lines: string[][] = [];
  for (const r of rows) {
    if (typeof r === "string") {
      lines.push([r]);
      continue;
    }
    const digits = r.digits ?? 0;
    const a = r.baseline.length ? median(r.baseline) : undefined;
    const b = r.current.length ? median(r.current) : undefined;
    const spreadOf = (xs: number[]) => (xs.length > 1 && median(xs) !== 0 ? (100 * (Math.max(...xs) - Math.min(...xs))) / median(xs) : 0);
    const rounds = Math.min(r.baseline.length, r.current.length);
    const spread = rounds > 1 ? Math.max(spreadOf(r.baseline), spreadOf(r.current)) : undefined;
    let change = "";
    let verdict = "";
    if (a !== undefined && b !== undefined) {
      if (a === b) change = "0 %";
      else if (a !== 0) {
        const pct = (100 * (b - a)) / Math.abs(a);
        change = `${pct > 0 ? "+" : ""}${fmt(pct, Math.abs(pct) < 10 ? 1 : 0)} %`;
        // One round each gives no spread: then a change must pass 10 % to stand out.
        if (Math.abs(pct) > (spread ?? 10)) verdict = r.better ? (pct > 0 === (r.better === "higher") ? "better" : "worse") : "differs";
      } else change = "new";
    }
    lines.push([
      r.label,
      a === undefined ? "-" : fmt(a, digits),
      b === undefined ? "-" : fmt(b, digits),
      change,
      spread === undefined ? "" : `${fmt(spread, 0)} %`,
      verdict,
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.filter((l) => l.length > 1).map((l) => l[i].length)));
  const row = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : i === cells.length - 1 ? c : c.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  console.log(`\n${title}`);
  console.log(row(head));
  for (const l of lines) console.log(l.length === 1 ? l[0] : row(l));
}

/** The footnote of every comparison table (printed once, by the runner). */
export const COMPARISON_NOTE =
  "change: the current build's median against the baseline's; spread: the widest range of one build's rounds, " +
  "as a share of its median. better/worse: a change larger than the spread (or than 10 % after a single round); " +
  "differs: a count that should not have changed did.";
