/**
 * Benchmark harness for `npm run bench`. Each file scripts/bench/*.bench.ts default-exports a
 * {@link BenchSuite}. Figures are medians over repeated runs. Wall-clock limits flip with the load
 * of a shared machine, so a verdict is judged either as a ratio against a baseline measured in the
 * same run or by the process CPU time (user + system; HiGHS-WASM solves in this thread, so its work
 * is in it, and worker threads would add to it). bench.ts prints the load average around each suite.
 */
import { cpus, loadavg } from 'node:os';

/** How a row's verdict is judged (README, "Benchmarks"). */
export type JudgedBy = 'cpu' | 'ratio' | 'wall' | 'memory';

export interface BenchRow {
  /** What was measured, e.g. "aggregated sizing (reference hub)". */
  name: string;
  /** Median wall seconds over `runs`. */
  median_s: number;
  runs: number;
  /** Median process CPU seconds (user + system) over the same runs, where measured. */
  cpu_s?: number;
  /** Optional baseline name and the ratio median / baseline median. */
  baseline?: string;
  ratio?: number;
  /** Free-form figures, e.g. objective gap or peak memory. */
  extra?: Record<string, number | string>;
  /** Target as text and whether it was met. */
  target?: string;
  met?: boolean;
  /** What the verdict compares: CPU seconds, a ratio in this run, wall time, or memory. */
  judgedBy?: JudgedBy;
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchRow[]>;
}

/** The 1, 5 and 15 minute load averages and the number of cores, as printed by bench.ts. */
export interface LoadSample {
  loadavg: [number, number, number];
  cores: number;
}

export function loadSample(): LoadSample {
  const [a, b, c] = loadavg();
  return { loadavg: [a, b, c], cores: cpus().length };
}

export function formatLoad(s: LoadSample): string {
  return `${s.loadavg.map((v) => v.toFixed(2)).join(' / ')} (1/5/15 min, ${s.cores} cores)`;
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** CPU seconds (user + system) this process has used so far. */
export function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Runs `fn` once and returns its value with the wall and CPU seconds it took. */
export async function timeOnce<T>(
  fn: () => T | Promise<T>,
): Promise<{ value: T; wall_s: number; cpu_s: number }> {
  const c0 = cpuSeconds();
  const t0 = performance.now();
  const value = await fn();
  return { value, wall_s: (performance.now() - t0) / 1000, cpu_s: cpuSeconds() - c0 };
}

/**
 * Runs `fn` `runs` times (after `warmup` unmeasured runs) and returns the median wall and CPU
 * seconds.
 */
export async function timeMedian(
  fn: () => unknown,
  runs: number,
  warmup = 0,
): Promise<{ median_s: number; all_s: number[]; cpu_s: number; allCpu_s: number[] }> {
  for (let i = 0; i < warmup; i++) await fn();
  const all_s: number[] = [];
  const allCpu_s: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = await timeOnce(fn);
    all_s.push(t.wall_s);
    allCpu_s.push(t.cpu_s);
  }
  return { median_s: median(all_s), all_s, cpu_s: median(allCpu_s), allCpu_s };
}

/**
 * Process CPU seconds from its creation to the first progress event of each phase: pass
 * `onProgress` to solveProject and read `until('fullYearCheck')` for the CPU time of the
 * aggregated run's model build and sizing solve (the check starts with that event).
 */
export function phaseClock(): {
  onProgress: (p: { phase: string }) => void;
  until: (phase: string) => number | undefined;
} {
  const c0 = cpuSeconds();
  const marks = new Map<string, number>();
  return {
    onProgress: (p) => {
      if (!marks.has(p.phase)) marks.set(p.phase, cpuSeconds() - c0);
    },
    until: (phase) => marks.get(phase),
  };
}

/**
 * Growth exponent k of time ≈ c · n^k: the least-squares slope of log(time) over log(n). Needs at
 * least two distinct n and positive times.
 */
export function growthExponent(points: { n: number; seconds: number }[]): number {
  if (points.some((p) => !(p.n > 0 && p.seconds > 0)))
    throw new Error('growth exponent needs positive n and times');
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(p.seconds));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  if (sxx === 0) throw new Error('growth exponent needs at least two distinct n');
  return sxy / sxx;
}
