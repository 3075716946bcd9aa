/**
 * Benchmark harness for `npm run bench`. Each file scripts/bench/*.bench.ts default-exports a
 * {@link BenchSuite}. Figures are medians over repeated runs, and every suite reports its targets
 * as ratios against a baseline measured in the same process, since these machines are noisy.
 */
export interface BenchRow {
  /** What was measured, e.g. "aggregated sizing (reference hub)". */
  name: string;
  /** Median seconds over `runs`. */
  median_s: number;
  runs: number;
  /** Optional baseline name and the ratio median / baseline median. */
  baseline?: string;
  ratio?: number;
  /** Free-form figures, e.g. objective gap or peak memory. */
  extra?: Record<string, number | string>;
  /** Target as text and whether it was met. */
  target?: string;
  met?: boolean;
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchRow[]>;
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `fn` `runs` times (after `warmup` unmeasured runs) and returns the median wall time in seconds. */
export async function timeMedian(
  fn: () => unknown,
  runs: number,
  warmup = 0,
): Promise<{ median_s: number; all_s: number[] }> {
  for (let i = 0; i < warmup; i++) await fn();
  const all_s: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    all_s.push((performance.now() - t0) / 1000);
  }
  return { median_s: median(all_s), all_s };
}
