/**
 * Sweep benchmark (`npm run bench -- sweep`, issue 18): 1,000 aggregated evaluations of a sweep on
 * the reference hub, as `werkplan batch` runs a screening sweep (`fullYearCheck: false`): gas price
 * 0.03–0.09 EUR/kWh (40 values) × heat-pump investment 600–1,200 EUR/kW (25 values), each point the
 * typical-day sizing, on 2 worker threads that start each point's LP from the optimal basis of their
 * previous point. Target: ≤ 60 s for the 1,000, judged by wall time (the CPU of both workers and the
 * ratio to the same points solved from scratch one after another, extrapolated from 10 of them in the
 * same run, are printed beside it). Job files and summary go to a temporary directory.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHighsBackend } from '../../solver/src/lp/highs';
import { solveProject } from '../../solver/src/index';
import { runCli } from '../../solver/src/cli/testing';
import { median, timeOnce, type BenchRow, type BenchSuite } from './harness';
import { loadHub } from './examples';

const HUB = fileURLToPath(new URL('../../assets/examples/reference-hub.json', import.meta.url));
const GAS = { pointer: '/fuels/gas/price_EUR_kWh', from: 0.03, to: 0.09, steps: 40 };
const HP_CAPEX = Array.from({ length: 25 }, (_, k) => 600 + 25 * k);

/** Seconds of one point solved from scratch (sizing only), the median of `n` points of the grid. */
async function coldPoint_s(n: number): Promise<number> {
  const backend = await createHighsBackend();
  const times: number[] = [];
  try {
    for (let k = 0; k < n; k++) {
      const p = loadHub();
      p.fuels.gas.price_EUR_kWh = GAS.from + ((GAS.to - GAS.from) * k) / (n - 1);
      const t = await timeOnce(() => solveProject(p, { backend, sizingOnly: true }));
      if (t.value.results.status !== 'optimal') throw new Error(`cold point ${k}: ${t.value.results.status}`);
      times.push(t.wall_s);
    }
  } finally {
    backend.dispose();
  }
  return median(times);
}

const suite: BenchSuite = {
  name: 'sweep (issue 18)',
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'werkplan-sweep-bench-'));
    try {
      const spec = path.join(dir, 'spec.json');
      writeFileSync(
        spec,
        JSON.stringify({
          version: 1,
          project: HUB,
          sweeps: [
            {
              axes: [GAS, { pointer: '/technologies/hp/capex_EUR_per_unit', values: HP_CAPEX }],
              fullYearCheck: false,
            },
          ],
        }),
      );
      const cold_s = await coldPoint_s(10);
      const out = path.join(dir, 'out');
      const t = await timeOnce(() => runCli('batch', spec, '--workers', '2', '--out', out));
      if (t.value.code !== 0) throw new Error(`werkplan batch failed: ${t.value.err.slice(-500)}`);
      const rows = readFileSync(path.join(out, 'summary.csv'), 'utf8').trim().split('\n').slice(1);
      const optimal = rows.filter((r) => r.split(',').includes('optimal')).length;
      const points = GAS.steps * HP_CAPEX.length;
      return [
        {
          name: `${points} screening evaluations of a sweep (typical-day sizing, warm from the previous point), 2 worker threads, werkplan batch`,
          median_s: t.wall_s,
          cpu_s: t.cpu_s,
          runs: 1,
          baseline: `the same points from scratch one after another (${points} × the median of 10)`,
          ratio: t.wall_s / (points * cold_s),
          extra: {
            optimal: `${optimal} of ${points}`,
            perPoint_ms: ((t.wall_s / points) * 1000).toFixed(1),
            coldPoint_ms: (cold_s * 1000).toFixed(1),
          },
          target: '<= 60 s for 1,000 evaluations, all optimal',
          met: t.wall_s <= 60 && optimal === points && points >= 1000,
          judgedBy: 'wall',
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
