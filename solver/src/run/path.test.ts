import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { LpSolution, SolveProgress, SolverBackend } from '../lp/backend';
import type { LpModel } from '../lp/model';
import type { LpPool } from './lpPool';
import { boiler, testProject, yearSeries } from '../model/testing';
import type { Project } from '../project/types';
import { validateProject } from '../project/validate';
import { pathSummaryText } from '../cli/pathText';
import { solveProject } from './solve';
import { pathEvents, pathHorizon } from '../results/views/path';
import { nodeLpPool } from './blockPool.node.js';
import { failingLpPool } from './testing';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

/** 100 kW of heat in every hour; the old boiler retires in 2035, the new one lives 10 years. */
function twoPeriods(): Project {
  const p = testProject({
    gasPrice: 0.1,
    technologies: [
      boiler('old', 1, 50, { existing: 100, commissioned_year: 2015, lifetime_a: 20 }),
      boiler('nb', 1, 10, { lifetime_a: 10 }),
    ],
  });
  p.timeSeries.heat = { unit: 'kW', values: yearSeries([], 100) };
  p.periods = { years: [2030, 2035], lastPeriodYears: 5 };
  return p;
}

describe('solving a transformation path', () => {
  it('gives the hand-computed path: replacement built when the old boiler retires', async () => {
    // Gas: 8760 h · 100 kW · 0.1 EUR/kWh = 87,600 EUR/a, 5 years per period at 0 %: 876,000 EUR;
    // new boiler built in 2035: 10 EUR/kW · 100 kW · (1 − 5/10 residual) = 500 EUR. NPC 876,500 EUR.
    const { results } = await solveProject(twoPeriods(), { backend: highs });
    expect(results.status).toBe('optimal');
    expect(results.objective.netPresentCost_EUR).toBeCloseTo(876_500, 3);
    const [p2030, p2035] = results.periods!;
    expect(p2030.capacities.old).toEqual({ unit: 'kW', existing: 100, built: 0, retired: 0, total: 100 });
    expect(p2035.capacities.old).toMatchObject({ existing: 0, retired: 100, total: 0 });
    expect(p2035.capacities.nb.built).toBeCloseTo(100, 6);
    expect(p2035.cost_EUR.investment_EUR).toBeCloseTo(1000, 6);
    expect(p2035.cost_EUR.presentValue_EUR).toBeCloseTo(500 + 438_000, 3);
    expect(p2030.generation_MWh.heat.old).toBeCloseTo(876, 6);
    expect(pathEvents(results)).toEqual([
      expect.objectContaining({ kind: 'build', year: 2035, techId: 'nb' }),
      expect.objectContaining({ kind: 'retire', year: 2035, techId: 'old', amount: 100 }),
    ]);
    expect(results.path!.residualValue_EUR).toBeCloseTo(500, 6);
    expect(pathSummaryText(results, twoPeriods())).toContain('net present cost 876500 EUR');
    // 2030 and 2035, five years each: the horizon 2030–2040, as the planner and the report write it.
    expect(pathHorizon(results)).toEqual({ from: 2030, to: 2040 });
    expect(pathSummaryText(results, twoPeriods())).toMatch(/^transformation path 2030–2040: /);
    // A solver's −1e-9 t of CO2 prints as 0 t, never "-0 t".
    const clean = structuredClone(results);
    clean.periods![1].emissions_tCO2 = -1e-9;
    expect(pathSummaryText(clean, twoPeriods())).toMatch(/ {2}2035: [^\n]*, 0 t CO2\/a, /);
  });

  it('sends the sizing as a preview before the full-year checks: plants in service per period', async () => {
    const events: SolveProgress[] = [];
    const { results } = await solveProject(twoPeriods(), {
      backend: highs,
      onProgress: (p) => events.push(p),
    });
    const withPreview = events.filter((e) => e.pathPreview);
    expect(withPreview).toHaveLength(1);
    // The first event of the checks, before any period is checked.
    const first = events.findIndex((e) => e.phase === 'fullYearCheck');
    expect(events[first]).toBe(withPreview[0]);
    expect(withPreview[0].checks).toEqual({ done: 0, of: 2, running: [] });
    const preview = withPreview[0].pathPreview!;
    // The sizing's net present cost (typical days of a flat demand are exact: 876,500 EUR, as above).
    expect(preview.netPresentCost_EUR).toBeCloseTo(results.solve.sizing!.objective_EUR, 6);
    expect(preview.netPresentCost_EUR).toBeCloseTo(876_500, 3);
    // The old boiler serves 2030 and is retired in 2035; the new one is in service from 2035 only.
    expect(preview.periods.map((p) => p.year)).toEqual([2030, 2035]);
    expect(preview.periods[0].capacities).toEqual({ old: { power_kW: 100 } });
    expect(Object.keys(preview.periods[1].capacities)).toEqual(['nb']);
    expect(preview.periods[1].capacities.nb.power_kW).toBeCloseTo(100, 6);
    // A full-mode path has no typical-day sizing to preview.
    const full: SolveProgress[] = [];
    await solveProject(twoPeriods(), { backend: highs, mode: 'full', onProgress: (p) => full.push(p) });
    expect(full.some((e) => e.pathPreview)).toBe(false);
  });

  it("checks a period under a CO2 cap from its week blocks' bases, to the hand-computed cost", async () => {
    // 2035: at most 87.6 t CO2, so the gas boiler (0.2 kg/kWh) makes 438,000 of the 876,000 kWh and an
    // electric boiler on 0.2 EUR/kWh grid power (no CO2) the rest, 50 kW in every hour:
    // 438,000 · 0.1 + 438,000 · 0.2 = 131,400 EUR/a of fuel and power in that year.
    const p = twoPeriods();
    p.grid.import = { price_EUR_kWh: 0.2, co2_kg_kWh: 0, peakCharge_EUR_kW_a: 0 };
    p.technologies.push({ ...boiler('eb', 1, 1), type: 'electricBoiler', fuel: undefined } as never);
    p.periods!.targets = { co2Cap_t: { 2035: 87.6 } };
    let sessions = 0;
    const counting: SolverBackend = {
      ...highs,
      name: 'highs',
      session: (m) => (sessions++, highs.session!(m)),
    };
    const { results } = await solveProject(p, { backend: counting });
    expect(results.status).toBe('optimal');
    const p2035 = results.periods![1];
    expect(p2035.emissions_tCO2).toBeCloseTo(87.6, 6);
    expect(p2035.generation_MWh.heat.eb).toBeCloseTo(438, 6);
    expect(p2035.capacities.eb.total).toBeCloseTo(50, 6);
    // The 2035 check: one session per week block and one for the blocks joined (2030 has no cap).
    expect(sessions).toBe(53);
  });

  it('gives the same path with its full-year checks in two worker threads as in this thread', async () => {
    const pools: number[] = [];
    const events: string[] = [];
    const checks: NonNullable<SolveProgress['checks']>[][] = [[], []];
    const here = await solveProject(twoPeriods(), {
      backend: highs,
      onProgress: (p) => p.checks && checks[0].push(p.checks),
    });
    const pooled = await solveProject(twoPeriods(), {
      backend: highs,
      onProgress: (p) => {
        events.push(p.phase);
        if (p.checks) checks[1].push(p.checks);
        if (p.checks) expect(p).toMatchObject({ phase: 'fullYearCheck', checks: { of: 2 } });
      },
      lpPool: async (jobs) => {
        events.push(`pool for ${jobs}`);
        const pool = await nodeLpPool(jobs, 2);
        pools.push(pool?.workers ?? 0);
        return pool;
      },
    });
    expect(pools).toEqual([2]);
    // The workers start while the path is sized, not after.
    expect(events.slice(0, 2)).toEqual(['pool for 2', 'buildingTypicalDays']);
    expect(events).toContain('fullYearCheck');
    // Progress counts the checked periods, with and without the pool, and names the checks under way:
    // in this thread one at a time (no worker), in the pool each on a worker of its own.
    for (const c of checks) expect([...new Set(c.map((x) => x.done))]).toEqual([0, 1, 2]);
    expect(checks[0].map((c) => c.running?.map((r) => [r.year, r.worker]))).toEqual([
      [],
      [[2030, undefined]],
      [],
      [[2035, undefined]],
      [],
    ]);
    const both = checks[1].find((c) => c.running?.length === 2)?.running;
    expect(both?.map((r) => [r.year, r.worker]).sort()).toEqual([
      [2030, 1],
      [2035, 2],
    ]);
    for (const c of checks.flat()) for (const r of c.running ?? []) expect(r.since_s).toBeGreaterThan(0);
    expect(checks[1].at(-1)).toEqual({ done: 2, of: 2, running: [] });
    expect(pooled.results.objective.netPresentCost_EUR).toBe(here.results.objective.netPresentCost_EUR);
    const withoutTimes = (r: typeof here.results) =>
      r.periods!.map((p) => ({ ...p, results: { ...p.results, solve: { ...p.results.solve, seconds: 0 } } }));
    expect(withoutTimes(pooled.results)).toEqual(withoutTimes(here.results));
  }, 60_000);

  it('lists a worker once, though its next check starts before the last answer is read', async () => {
    // One worker that starts its next LP in the same turn as it answers (as lpPool.ts does).
    const lpPool = () => {
      const queue: { model: LpModel; opts: Parameters<LpPool['solve']>[1]; done: (s: LpSolution) => void }[] =
        [];
      let busy = false;
      const next = () => {
        const job = busy ? undefined : queue.shift();
        if (!job) return;
        busy = true;
        job.opts?.onStart?.(1);
        void highs.solve(job.model).then((s) => {
          busy = false;
          job.done(s);
          next();
        });
      };
      const pool: LpPool = {
        workers: 1,
        solve: (model, opts) => new Promise((done) => (queue.push({ model, opts, done }), next())),
        dispose: () => undefined,
      };
      return Promise.resolve(pool);
    };
    const running: number[][] = [];
    await solveProject(twoPeriods(), {
      backend: highs,
      lpPool,
      onProgress: (p) => p.checks?.running && running.push(p.checks.running.map((r) => r.year)),
    });
    // 2030's answer is counted after 2035 started on the same worker: never both at once.
    expect(running).toEqual([[], [2030], [2035], [2035], []]);
  });

  it('solves the checks in this thread when the pool cannot start or its workers fail', async () => {
    const here = await solveProject(twoPeriods(), { backend: highs });
    const npc = here.results.objective.netPresentCost_EUR;
    const noStart = await solveProject(twoPeriods(), {
      backend: highs,
      lpPool: () => Promise.reject(new Error('no worker could start')),
    });
    const broken = failingLpPool();
    const failing = await solveProject(twoPeriods(), { backend: highs, lpPool: broken.factory });
    expect(noStart.results.objective.netPresentCost_EUR).toBe(npc);
    expect(failing.results.objective.netPresentCost_EUR).toBe(npc);
    expect(broken.disposed()).toBeGreaterThanOrEqual(1);
  });

  it('a format v1 project and the same project as a path of one period give the same result (1e-9)', async () => {
    const v2 = testProject({ heat: [300, 800, 500], gasPrice: 0.06, technologies: [boiler('gb', 0.9, 80)] });
    const v1 = validateProject(JSON.stringify({ ...v2, formatVersion: 1 }));
    expect(v1.ok).toBe(true);
    if (!v1.ok) return;
    const one = await solveProject(v1.project, { backend: highs, mode: 'full', fullMethod: 'direct' });
    const path = await solveProject(
      { ...v2, periods: { years: [v2.site.year] } },
      { backend: highs, mode: 'full', fullMethod: 'direct' },
    );
    const a = one.results.objective.totalAnnualCost_EUR;
    expect(Math.abs(path.results.objective.totalAnnualCost_EUR - a) / a).toBeLessThan(1e-9);
    expect(path.results.capacities).toEqual(one.results.capacities);
  });

  it('applies the paths of a single period (CO2 price of its year)', async () => {
    const p = testProject({ heat: [100], gasPrice: 0.05, technologies: [boiler('gb', 1, 0)] });
    p.periods = { years: [2030], prices: { co2Price_EUR_t: { '2025': 0, '2035': 200 } } };
    const { results } = await solveProject(p, { backend: highs, mode: 'full', fullMethod: 'direct' });
    // 100 kWh gas: 5 EUR + 100 kWh · 0.2 kg/kWh · 100 EUR/t (2030, interpolated) = 5 + 2 = 7 EUR
    expect(results.objective.totalAnnualCost_EUR).toBeCloseTo(7, 9);
  });
});
