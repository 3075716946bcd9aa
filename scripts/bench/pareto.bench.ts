/**
 * Cost–CO2 front of the reference hub (typical days + full-year check per point, as `werkplan pareto`
 * computes it: the checks on worker threads, one per core), against one ordinary run of the same
 * project measured in this process as the baseline. A front of N points needs N + 1 sizing solves
 * (the clean end is lexicographic) and N full-year checks, so a ratio near N + 1 means no gain from
 * the threads and none lost beyond the solves. WERKPLAN_BENCH_QUICK=1 computes 3 points instead of 5,
 * WERKPLAN_BENCH_POINTS=N any number (issue 18's target is 20 points in ≤ 20 s).
 */
import { createHighsBackend } from '../../solver/src/lp/highs';
import { computeParetoFront, solveProject } from '../../solver/src/index';
import { nodeLpPool } from '../../solver/src/run/blockPool.node.js';
import { timeMedian, type BenchRow, type BenchSuite } from './harness';
import { loadHub } from './examples';

const suite: BenchSuite = {
  name: 'pareto: cost–CO2 front of the reference hub (aggregated + full-year check)',
  async run() {
    const points = Number(
      process.env.WERKPLAN_BENCH_POINTS ?? (process.env.WERKPLAN_BENCH_QUICK === '1' ? 3 : 5),
    );
    const hub = loadHub();
    const backend = await createHighsBackend();
    try {
      const single = await timeMedian(
        () => solveProject(hub, { mode: 'aggregated', refine: false, backend }),
        3,
      );
      const rows: BenchRow[] = [
        {
          name: 'baseline: one run (aggregated sizing + full-year check)',
          median_s: single.median_s,
          runs: 3,
        },
      ];
      const t0 = performance.now();
      const front = await computeParetoFront(hub, points, {
        mode: 'aggregated',
        backend,
        lpPool: (jobs) => nodeLpPool(jobs),
      });
      const front_s = (performance.now() - t0) / 1000;
      if (front.status !== 'optimal') throw new Error(`front ${front.status}: ${front.reasons.join('; ')}`);
      const ends = [front.points[0], front.points[front.points.length - 1]];
      rows.push({
        name: `front of ${points} points (checks on worker threads)`,
        median_s: front_s,
        runs: 1,
        baseline: 'one run',
        ratio: front_s / single.median_s,
        ...(points === 20 ? { target: '≤ 20 s (exact front: issue 18)', met: front_s <= 20 } : {}),
        extra: {
          points: front.points.length,
          minCost_EUR_a: Math.round(ends[0].totalAnnualCost_EUR),
          minCost_tCO2: ends[0].emissions_tCO2.toFixed(1),
          minCo2_EUR_a: Math.round(ends[1].totalAnnualCost_EUR),
          minCo2_tCO2: ends[1].emissions_tCO2.toFixed(1),
        },
      });
      return rows;
    } finally {
      backend.dispose();
    }
  },
};
export default suite;
