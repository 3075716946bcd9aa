/**
 * Solver benchmark on the reference hub (assets/examples/reference-hub.json). Everything is measured
 * in this one process, against the straightforward formulation (naive-hub.ts) as the baseline.
 * Set WERKPLAN_BENCH_QUICK=1 to skip the two full-year solves (several minutes each).
 */
import { createHighsBackend } from '../../solver/src/lp/highs';
import { buildModel, solveProject, toCplexLp } from '../../solver/src/index';
import { median, phaseClock, timeMedian, timeOnce, type BenchRow, type BenchSuite } from './harness';
import { naiveHubModel } from './naive-hub';
import { loadHub } from './examples';

const OPTIMUM_EUR = 2_305_264.2; // independent solution, shared/cases/reference-hub/README.md

const suite: BenchSuite = {
  name: 'solver: reference hub (8760 h, 7 technologies)',
  async run() {
    const quick = process.env.WERKPLAN_BENCH_QUICK === '1';
    const hub = loadHub();
    const rows: BenchRow[] = [];

    const cold = await timeMedian(async () => (await createHighsBackend()).dispose(), 3);
    rows.push({ name: 'HiGHS-WASM cold start', median_s: cold.median_s, runs: 3 });

    const highs = await createHighsBackend();
    const build = await timeMedian(() => buildModel(hub, { mode: 'full' }), 3, 1);
    const full = buildModel(hub, { mode: 'full' });
    rows.push({
      name: 'build full-year model',
      median_s: build.median_s,
      runs: 3,
      extra: { columns: full.model.colNames.length, rows: full.model.rowNames.length },
    });
    const lp = await timeMedian(() => toCplexLp(full.model), 3);
    rows.push({ name: 'write full-year model as CPLEX LP', median_s: lp.median_s, runs: 3 });

    let exact = OPTIMUM_EUR;
    let naive_s: number | undefined;
    if (!quick) {
      const naive = naiveHubModel(8760);
      const t0 = performance.now();
      const sn = await highs.solve(naive);
      naive_s = (performance.now() - t0) / 1000;
      rows.push({
        name: 'baseline: straightforward full-year LP (HiGHS-WASM)',
        median_s: naive_s,
        runs: 1,
        extra: {
          objective_EUR: sn.objective.toFixed(2),
          columns: naive.colNames.length,
          rows: naive.rowNames.length,
        },
      });
      const t1 = performance.now();
      const sf = await highs.solve(full.model);
      const direct_s = (performance.now() - t1) / 1000;
      rows.push({
        name: 'exact full-year LP, whole model handed to HiGHS-WASM (direct)',
        median_s: direct_s,
        runs: 1,
        baseline: 'straightforward full-year LP',
        ratio: direct_s / naive_s,
        extra: { objective_EUR: sf.objective.toFixed(2) },
      });
      const t2 = performance.now();
      const dec = await solveProject(hub, { mode: 'full', backend: highs });
      const dec_s = (performance.now() - t2) / 1000;
      exact = sf.objective;
      const b = dec.results.solve.bounds_EUR;
      rows.push({
        name: 'exact full-year LP over a trust region of the capacities (typical-day start, warm HiGHS-WASM)',
        median_s: dec_s,
        runs: 1,
        baseline: 'straightforward full-year LP',
        ratio: dec_s / naive_s,
        extra: {
          method: dec.results.solve.method ?? 'direct',
          objective_EUR: dec.results.objective.totalAnnualCost_EUR.toFixed(2),
          provenLower_EUR: b ? b.lower.toFixed(2) : 'n/a',
          iterations: b ? b.iterations : 'n/a',
          vsIndependentOptimum: (
            (dec.results.objective.totalAnnualCost_EUR - OPTIMUM_EUR) /
            OPTIMUM_EUR
          ).toExponential(2),
        },
        target: 'ratio <= 0.5',
        met: dec_s / naive_s <= 0.5,
        judgedBy: 'ratio',
      });
    }

    let sizing = { objective_EUR: NaN, seconds: NaN };
    let check = NaN;
    const sizingCpu: number[] = [];
    const agg = await timeMedian(async () => {
      const clock = phaseClock();
      const out = await solveProject(hub, {
        mode: 'aggregated',
        refine: false,
        backend: highs,
        onProgress: clock.onProgress,
      });
      sizingCpu.push(clock.until('fullYearCheck') ?? NaN);
      sizing = out.results.solve.sizing!;
      check = out.results.objective.totalAnnualCost_EUR;
    }, 3);
    // The interactive preview (SolveProgress.preview, shown in the planner and by `werkplan solve`):
    // model build and sizing LP up to the preview, in a backend kept warm between runs as the planner's
    // solver worker keeps it; the run is cancelled at the preview. One warm-up run, median of 5.
    const previewRun = async () => {
      const clock = phaseClock();
      const signal = { aborted: false };
      let wall_s = NaN;
      const t0 = performance.now();
      await solveProject(hub, {
        mode: 'aggregated',
        backend: highs,
        signal,
        onProgress: (p) => {
          clock.onProgress(p);
          if (p.preview && !signal.aborted) {
            wall_s = (performance.now() - t0) / 1000;
            signal.aborted = true;
          }
        },
      });
      return { cpu_s: clock.until('fullYearCheck') ?? NaN, wall_s };
    };
    const previewCold = await previewRun();
    const previews: { cpu_s: number; wall_s: number }[] = [];
    for (let i = 0; i < 5; i++) previews.push(await previewRun());
    const previewCpu = median(previews.map((p) => p.cpu_s));
    const sizingGap = (sizing.objective_EUR - exact) / exact;
    rows.push({
      name: 'interactive preview: aggregated sizing (24 typical days × 8 time segments + extreme days), warm',
      median_s: median(previews.map((p) => p.wall_s)),
      cpu_s: previewCpu,
      runs: 5,
      baseline: naive_s ? 'straightforward full-year LP' : undefined,
      ratio: naive_s ? sizing.seconds / naive_s : undefined,
      extra: {
        objective_EUR: sizing.objective_EUR.toFixed(2),
        gapToExactOptimum: `${(sizingGap * 100).toFixed(2)} %`,
        firstRun_cpu_s: previewCold.cpu_s.toFixed(2),
        inFullRuns_cpu_s: median(sizingCpu).toFixed(2),
      },
      target: '<= 0.5 s CPU (incl. model build) and within 1 % of the exact optimum',
      met: previewCpu <= 0.5 && Math.abs(sizingGap) <= 0.01,
      judgedBy: 'cpu',
    });
    // The same sizing LP on hourly typical days (before docs/decisions/time-segments.md), same run.
    const hourlyModel = buildModel(hub, { mode: 'aggregated', segments: 24 }).model;
    const segModel = buildModel(hub, { mode: 'aggregated', segments: 8 }).model;
    const hourly = await timeMedian(() => highs.solve(hourlyModel), 3);
    const seg = await timeMedian(() => highs.solve(segModel), 3);
    rows.push({
      name: 'sizing LP alone: 24 typical days × 8 time segments',
      median_s: seg.median_s,
      runs: 3,
      baseline: 'the same on 24 hourly typical days',
      ratio: seg.median_s / hourly.median_s,
      extra: {
        rows: segModel.rowNames.length,
        hourlyRows: hourlyModel.rowNames.length,
        hourly_s: hourly.median_s.toFixed(2),
      },
    });
    rows.push({
      name: 'aggregated sizing + full-year check (whole solve)',
      median_s: agg.median_s,
      cpu_s: agg.cpu_s,
      runs: 3,
      extra: {
        fullYearObjective_EUR: check.toFixed(2),
        aboveExactOptimum: `${(((check - exact) / exact) * 100).toFixed(2)} %`,
      },
    });
    // The default answer: the check refined over the full year (run/refine.ts).
    const refinedT = await timeOnce(() => solveProject(hub, { mode: 'aggregated', backend: highs }));
    const ref = refinedT.value.results.solve.refinement;
    rows.push({
      name: 'default run: sizing + full-year check + full-year refinement (at most 6 steps)',
      median_s: refinedT.wall_s,
      cpu_s: refinedT.cpu_s,
      runs: 1,
      extra: {
        objective_EUR: refinedT.value.results.objective.totalAnnualCost_EUR.toFixed(2),
        proven: ref ? String(ref.proven) : 'n/a',
        steps: ref?.steps ?? 'n/a',
        aboveExactOptimum: Number.isFinite(exact)
          ? `${(((refinedT.value.results.objective.totalAnnualCost_EUR - exact) / exact) * 100).toExponential(2)} %`
          : 'n/a',
      },
    });

    const milpClock = phaseClock();
    const milpT = await timeOnce(() =>
      solveProject(hub, {
        mode: 'aggregated',
        milp: true,
        backend: highs,
        mipGap: 0.01,
        timeLimit_s: 120,
        onProgress: milpClock.onProgress,
      }),
    );
    const milp = milpT.value;
    const milp_s = milpT.wall_s;
    const milpSizingCpu_s = milpClock.until('fullYearCheck') ?? Infinity;
    const gap = milp.results.solve.sizing?.gap ?? null;
    rows.push({
      name: 'MILP (CHP minimum part load 40 %, on/off per hour) on 12 typical days + full-year check',
      median_s: milp_s,
      cpu_s: milpT.cpu_s,
      runs: 1,
      extra: {
        status: milp.results.status,
        sizingSeconds: (milp.results.solve.sizing?.seconds ?? NaN).toFixed(1),
        sizingCpuSeconds: milpSizingCpu_s.toFixed(1),
        typicalPeriods: milp.results.solve.sizing?.typicalPeriods ?? 'n/a',
        mipGap: gap === null ? 'n/a' : `${(gap * 100).toFixed(2)} %`,
        objective_EUR: milp.results.objective.totalAnnualCost_EUR.toFixed(2),
      },
      target: 'sizing <= 30 s CPU at <= 1 % gap',
      met: milpSizingCpu_s <= 30 && gap !== null && gap <= 0.01,
      judgedBy: 'cpu',
    });
    highs.dispose();
    return rows;
  },
};

export default suite;
