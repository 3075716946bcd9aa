/**
 * Results page in the browser: first render of the results page, the dispatch and analysis views,
 * and one zoom step of the dispatch chart, for the reference hub (aggregated) in the built renderer.
 * The figures come from e2e/results.spec.ts, which records them in e2e/artifacts/perf.json while it
 * checks the page: this suite builds the renderer, runs that one spec, and reports its medians
 * against their targets. The spec itself asserts no timings (a loaded CI machine would fail it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import type { BenchRow, BenchSuite } from './harness';

interface Timing {
  median: number;
  runs: number[];
  target?: number;
}
interface Perf {
  firstRender_ms: Timing;
  dispatchView_ms: Timing;
  analysisView_ms: Timing;
  zoomStep_ms: Timing;
}

const suite: BenchSuite = {
  name: 'results page (browser)',
  run() {
    rmSync('e2e/artifacts/perf.json', { force: true });
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
    execFileSync(
      'npx',
      ['playwright', 'test', '-c', 'e2e/playwright.config.ts', 'e2e/results.spec.ts', '--project=built'],
      { stdio: 'inherit' },
    );
    const perf = JSON.parse(readFileSync('e2e/artifacts/perf.json', 'utf8')) as Perf;
    const row = (name: string, t: Timing): BenchRow => ({
      name,
      median_s: t.median / 1000,
      runs: t.runs.length,
      ...(t.target !== undefined
        ? { target: `<= ${t.target} ms`, met: t.median <= t.target, judgedBy: 'wall' as const }
        : {}),
    });
    return Promise.resolve([
      row('results page, first render (reference hub)', perf.firstRender_ms),
      row('dispatch view', perf.dispatchView_ms),
      row('analysis view', perf.analysisView_ms),
      row('dispatch chart, one zoom step', perf.zoomStep_ms),
    ]);
  },
};
export default suite;
