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

/** Per cent from a to b. */
const changeOf = (a: number, b: number) => (a === b ? 0 : (100 * (b - a)) / Math.abs(a));
const pct = (x: number) => `${x > 0 ? "+" : ""}${fmt(x, Math.abs(x) < 10 ? 1 : 0)}`;

/**
 * The table of a benchmark: each build's median over its rounds, the current build's change from the
 * baseline's, and the smallest and largest change of one round (the two builds' runs of one round are seconds
 * apart, so that a change of the machine's load between rounds moves both). A verdict says which changes stand
 * out: with three rounds or more, one that every round agrees on; with fewer, one larger than 10 %.
 */
export function printComparison(title: string, rows: TableRow[]): void {
  const head = ["", "baseline", "current", "change", "rounds", ""];
  const lines: string[][] = [];
  for (const r of rows) {
    if (typeof r === "string") {
      lines.push([r]);
      continue;
    }
    const digits = r.digits ?? 0;
    const a = r.baseline.length ? median(r.baseline) : undefined;
    const b = r.current.length ? median(r.current) : undefined;
    let change = "";
    let range = "";
    let verdict = "";
    if (a !== undefined && b !== undefined) {
      const paired = r.baseline.length === r.current.length && r.baseline.every((x) => x !== 0);
      const rounds = paired ? r.current.map((x, i) => changeOf(r.baseline[i], x)) : [];
      if (a === 0) change = a === b ? "0 %" : "new";
      else {
        const c = changeOf(a, b);
        const [lo, hi] = [Math.min(...rounds), Math.max(...rounds)];
        change = `${pct(c)} %`;
        if (rounds.length > 1) range = `${pct(lo)} … ${pct(hi)} %`;
        const stands = rounds.length >= 3 ? (lo > 0 && c >= 2) || (hi < 0 && c <= -2) : Math.abs(c) > 10;
        if (!r.better) verdict = c === 0 ? "" : "differs";
        else if (stands) verdict = c > 0 === (r.better === "higher") ? "better" : "worse";
      }
    }
    lines.push([r.label, a === undefined ? "-" : fmt(a, digits), b === undefined ? "-" : fmt(b, digits), change, range, verdict]);
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
  "baseline, current: medians over the rounds; change: of the current build's from the baseline's; rounds: the " +
  "smallest and largest change within one round. better/worse: every one of three rounds or more agrees (and the " +
  "change is 2 % at least), or a change beyond 10 % with fewer rounds; differs: a count that should not change did.";

// ---- both builds in one process ----

/** Milliseconds a call took, and milliseconds of CPU it used (the process's: helper threads such as the collector's included). */
export interface Samples {
  wall: number[];
  cpu: number[];
}

/**
 * Takes up to `count` samples of each of `subjects` (builds loaded in this one process) in turn, a sample of one
 * after a sample of the other, the order reversed every other time, for at most `maxMs`: so that other load on
 * the machine, and what one call leaves in the caches, fall on each alike. A sample is `per` calls of
 * `call(subject, i)`, its figures per call; `after` sees each sample's last answer, outside the time taken.
 */
export function interleave<T>(
  subjects: number,
  o: { count: number; per?: number; maxMs?: number; after?: (subject: number, answer: T) => void },
  call: (subject: number, i: number) => T,
): Samples[] {
  const out: Samples[] = Array.from({ length: subjects }, () => ({ wall: [], cpu: [] }));
  const per = o.per ?? 1;
  const until = Date.now() + (o.maxMs ?? Infinity);
  for (let i = 0; i < o.count && Date.now() < until; i++) {
    for (let j = 0; j < subjects; j++) {
      const k = i % 2 ? subjects - 1 - j : j;
      const used = process.cpuUsage();
      const start = process.hrtime.bigint();
      let answer: T | undefined;
      for (let m = 0; m < per; m++) answer = call(k, i * per + m);
      out[k].wall.push(Number(process.hrtime.bigint() - start) / 1e6 / per);
      const { user, system } = process.cpuUsage(used);
      out[k].cpu.push((user + system) / 1000 / per);
      o.after?.(k, answer as T);
    }
  }
  return out;
}

/** A request as the gateway takes it, in either build. */
export type RawRequest = Parameters<App["gateway"]["handle"]>[0];
type RawResponse = { status: number; body: string };

/**
 * One AWS call through the whole gateway, answered at once: older builds offer `handleAws` for it, newer ones a
 * `handle` that answers synchronously while every step is (no --auth strict, no injected latency).
 */
export function callAws(app: App, req: RawRequest): RawResponse {
  const g = app.gateway as App["gateway"] & { handleAws?: (r: RawRequest) => RawResponse };
  if (g.handleAws) return g.handleAws(req);
  const r = g.handle(req);
  if (r instanceof Promise) throw new Error("a benchmark's call met an asynchronous step (--auth strict, an injected latency)");
  return r as RawResponse;
}
