import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolveProgress, SolverBackend } from '../lp/backend';
import { solveProject } from './solve';
import { boundAnalysis } from './explain';
import { formatSolverMessage } from '../results/messages';
import { boiler, heatStorage, testProject, yearSeries } from '../model/testing';
import type { Project } from '../project/types';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

/** A year with a daily heat profile that varies by season, a boiler and a loss-free heat storage. */
function yearProject(): Project {
  const heat = Array.from({ length: 8760 }, (_, h) => {
    const day = Math.floor(h / 24);
    const season = 1 + 0.8 * Math.cos((2 * Math.PI * (day - 15)) / 365);
    const hourly = h % 24 >= 6 && h % 24 < 9 ? 1.6 : 0.8;
    return Math.round(300 * season * hourly * 1000) / 1000;
  });
  const tes = heatStorage('tes', 0.5, { cRate_per_h: 0.25 });
  return testProject({ heat, gasPrice: 0.05, technologies: [boiler('gb', 0.95, 20), tes] });
}

describe('solveProject', () => {
  it('aggregated mode with one typical day per day of the year reproduces the full-year optimum', async () => {
    const p = yearProject();
    const full = await solveProject(p, { mode: 'full', backend: highs, fullMethod: 'direct' });
    const agg = await solveProject(p, { mode: 'aggregated', typicalDays: 365, backend: highs });
    expect(full.results.status).toBe('optimal');
    expect(agg.results.solve.sizing!.objective_EUR).toBeCloseTo(
      full.results.objective.totalAnnualCost_EUR,
      3,
    );
    expect(agg.results.objective.totalAnnualCost_EUR).toBeCloseTo(
      full.results.objective.totalAnnualCost_EUR,
      3,
    );
    expect(Math.abs(agg.results.solve.aggregationGap!)).toBeLessThan(1e-7);
  });

  it('aggregated sizing on few typical days stays close to the optimum and covers the real peak', async () => {
    const p = yearProject();
    const full = await solveProject(p, { mode: 'full', backend: highs });
    const agg = await solveProject(p, { mode: 'aggregated', typicalDays: 8, backend: highs });
    expect(agg.results.status).toBe('optimal');
    expect(agg.results.balance.ok).toBe(true);
    const rel =
      (agg.results.objective.totalAnnualCost_EUR - full.results.objective.totalAnnualCost_EUR) /
      full.results.objective.totalAnnualCost_EUR;
    expect(rel).toBeGreaterThanOrEqual(-1e-9); // the full-year check can never beat the exact optimum
    expect(rel).toBeLessThan(0.01);
    expect(agg.results.solve.sizing!.typicalPeriods).toBeGreaterThanOrEqual(8);
    // The real peak is covered: boiler plus storage discharge reach the peak demand.
    const peak = Math.max(...(p.timeSeries.heat as { values: number[] }).values);
    expect(agg.results.capacities.gb.power_kW! + agg.results.capacities.tes.power_kW!).toBeGreaterThanOrEqual(
      peak - 1e-6,
    );
  });

  it('sends the typical-day sizing as a preview before the full-year check', async () => {
    const p = yearProject();
    const events: SolveProgress[] = [];
    const agg = await solveProject(p, {
      mode: 'aggregated',
      typicalDays: 8,
      backend: highs,
      refine: false,
      onProgress: (e) => events.push(e),
    });
    const withPreview = events.filter((e) => e.preview);
    expect(withPreview).toHaveLength(1);
    const [e] = withPreview;
    expect(e.phase).toBe('fullYearCheck');
    // Sent before the check's own progress and before any refinement step.
    expect(events.findIndex((x) => x.phase === 'fullYearCheck')).toBe(events.indexOf(e));
    expect(events.slice(0, events.indexOf(e)).some((x) => x.phase === 'refining')).toBe(false);
    const sizing = agg.results.solve.sizing!;
    expect(e.preview!.totalAnnualCost_EUR).toBeCloseTo(sizing.objective_EUR, 6);
    expect(Object.keys(e.preview!.capacities).sort()).toEqual(['gb', 'tes']);
    expect(e.preview!.capacities.gb.power_kW).toBeGreaterThan(0);
  });

  it('the decomposition of the full-year LP brackets and reaches the direct optimum', async () => {
    const p = yearProject();
    const direct = await solveProject(p, { mode: 'full', backend: highs, fullMethod: 'direct' });
    const dec = await solveProject(p, { mode: 'full', backend: highs });
    expect(dec.results.solve.method).toBe('decomposition');
    const opt = direct.results.objective.totalAnnualCost_EUR;
    const { lower, upper } = dec.results.solve.bounds_EUR!;
    expect(lower).toBeLessThanOrEqual(opt + 1e-6 * opt);
    expect(upper).toBeGreaterThanOrEqual(opt - 1e-6 * opt);
    expect(Math.abs(dec.results.objective.totalAnnualCost_EUR - opt)).toBeLessThanOrEqual(1e-6 * opt);
    expect(dec.results.balance.ok).toBe(true);
  });

  it('an early stop of the decomposition reports its plan with the proven gap, never a silent direct solve', async () => {
    // A boiler of at least 900 kW covers every hour (peak 864 kW): no start point leaves demand unmet.
    const p = yearProject();
    p.technologies[0] = boiler('gb', 0.95, 20, { min: 900 });
    // One iteration: the dispatch at the typical-day sizing, before any box step.
    const dec = await solveProject(p, { mode: 'full', backend: highs, decompositionMaxIterations: 1 });
    expect(dec.results.solve.method).toBe('decomposition');
    expect(dec.results.status).toBe('optimal');
    const { lower, upper } = dec.results.solve.bounds_EUR!;
    expect(dec.results.solve.gap).toBeCloseTo((upper - lower) / upper, 12);
    expect(dec.results.solve.gap!).toBeGreaterThan(1e-6);
    // After one cut the cut model bounds nothing yet (gap above 100 %): the message says so.
    const m = dec.results.messages!.find((x) => x.code === 'decompositionGap')!;
    expect(dec.results.solve.gap!).toBeGreaterThan(1);
    expect(m.params).toEqual({});
    expect(dec.results.warnings[0]).toBe(
      'the full-year decomposition stopped before it had a useful lower bound: the plan serves the demand, but how far its cost lies above the optimum is not known',
    );
    expect(dec.results.balance.ok).toBe(true);
  });

  it('full mode by week blocks (opt-in) reaches the direct optimum with its bounds', async () => {
    const p = yearProject();
    p.technologies[0] = boiler('gb', 0.95, 20, { min: 900 });
    const direct = await solveProject(p, { mode: 'full', backend: highs, fullMethod: 'direct' });
    const out = await solveProject(p, { mode: 'full', backend: highs, fullMethod: 'blocks' });
    expect(out.results.solve.method).toBe('blocks');
    const opt = direct.results.objective.totalAnnualCost_EUR;
    const { lower, upper } = out.results.solve.bounds_EUR!;
    expect(lower).toBeLessThanOrEqual(opt * (1 + 1e-9));
    expect(Math.abs(upper - opt)).toBeLessThanOrEqual(1e-6 * opt);
    expect(out.results.objective.totalAnnualCost_EUR).toBeCloseTo(upper, 3);
    expect(out.results.balance.ok).toBe(true);
    expect(out.results.solve.columns).toBe(direct.results.solve.columns);
  });

  it('solves a failed warm subproblem again from scratch and goes on', async () => {
    const p = yearProject();
    let failures = 0;
    // A backend whose sessions answer the second solve (the first box) with an unknown status, as HiGHS did.
    const flaky: SolverBackend = {
      name: 'highs',
      solve: (m, o) => highs.solve(m, o),
      session: (m) => {
        const s = highs.session!(m);
        let n = 0;
        return {
          ...s,
          fixColumns: (c, v) => s.fixColumns(c, v),
          setColumnBounds: (c, l, u) => s.setColumnBounds(c, l, u),
          solve: (o) => {
            if (++n === 2) {
              failures++;
              return {
                status: 'error',
                hasSolution: false,
                objective: NaN,
                x: new Float64Array(0),
                seconds: 0,
                solver: 'highs',
                message: 'HiGHS model status 15',
              };
            }
            return s.solve(o);
          },
          dispose: () => s.dispose(),
        };
      },
      dispose: () => undefined,
    };
    const direct = await solveProject(p, { mode: 'full', backend: highs, fullMethod: 'direct' });
    const dec = await solveProject(p, { mode: 'full', backend: flaky });
    expect(failures).toBeGreaterThan(0);
    expect(dec.results.solve.method).toBe('decomposition');
    expect(dec.results.messages?.map((m) => m.code)).not.toContain('decompositionFallback');
    // The model's columns, not the decomposition's slack columns.
    expect(dec.results.solve.columns).toBe(direct.results.solve.columns);
    const opt = direct.results.objective.totalAnnualCost_EUR;
    expect(Math.abs(dec.results.objective.totalAnnualCost_EUR - opt)).toBeLessThanOrEqual(1e-6 * opt);
  });

  it('explains an infeasible plan in plain language', async () => {
    const p = testProject({ heat: [300, 4200, 900], technologies: [boiler('gb', 0.9, 80, { max: 3100 })] });
    const out = await solveProject(p, { mode: 'full', backend: highs });
    expect(out.results.status).toBe('infeasible');
    expect(out.dispatch).toBeUndefined();
    expect(out.reasons[0]).toBe(
      'heat demand cannot be met in 1 hours (first 2023-01-01 01:00): the largest allowed heat capacity is 3.1 MW, the peak demand 4.2 MW',
    );
    // The same finding, coded, in German with German numbers.
    expect(out.results.messages).toHaveLength(out.reasons.length);
    expect(formatSolverMessage(out.results.messages![0], 'de')).toBe(
      'der Wärmebedarf ist in 1 Stunde nicht zu decken (erstmals 01.01.2023, 01:00 Uhr): die größte zugelassene Wärmeleistung ist 3,1 MW, die Spitzenlast 4,2 MW',
    );
  });

  it('blames the CO2 cap, with the least CO2 the plants can emit, not the demand', async () => {
    // 2 h × 1000 kW of heat from a gas boiler (η 0.9, 0.2 kg/kWh gas): 2000 / 0.9 × 0.2 kg = 0.4444 t.
    const p = testProject({ heat: [1000, 1000], technologies: [boiler('gb', 0.9, 80)] });
    p.constraints = { co2Cap_t: 0.1 };
    const out = await solveProject(p, { mode: 'full', backend: highs });
    expect(out.results.status).toBe('infeasible');
    expect(out.reasons).toEqual([
      'the CO2 cap of 0.1 t/a cannot be kept: the allowed plants emit at least 0.4444 t/a while meeting the demand',
    ]);
    expect(formatSolverMessage(out.results.messages![0], 'de')).toBe(
      'die CO2-Obergrenze von 0,1 t/a ist nicht einzuhalten: die zugelassenen Anlagen emittieren bei gedecktem Bedarf mindestens 0,4444 t/a',
    );
    // The Pareto epsilon limit is explained the same way; a renewable share the plants cannot reach is named.
    const eps = await solveProject(
      testProject({ heat: [1000, 1000], technologies: [boiler('gb', 0.9, 80)] }),
      {
        mode: 'full',
        backend: highs,
        co2Limit_t: 0.2,
      },
    );
    expect(eps.reasons[0]).toMatch(/^the CO2 cap of 0\.2 t\/a cannot be kept: .* at least 0\.4444 t\/a/);
    const share = testProject({ heat: [1000, 1000], technologies: [boiler('gb', 0.9, 80)] });
    share.constraints = { minRenewableHeatShare: 0.5 };
    expect((await solveProject(share, { mode: 'full', backend: highs })).reasons).toEqual([
      'a renewable heat share of 50 % cannot be reached with the allowed plants',
    ]);
  });

  it('finds unmet electricity with slack when no bound explains it', async () => {
    // A heat pump without any electricity source except a capped grid connection.
    const hp = {
      id: 'hp',
      type: 'heatPump',
      heatSource: 'ground',
      groundTemp_C: 10,
      carnotEfficiency: 0.5,
      supplyTemp_C: 55,
      sourceDelta_K: 5,
      copMin: 1.5,
      copMax: 5.5,
      capex_EUR_per_unit: 10,
      lifetime_a: 1,
      fixedOm_share: 0,
    } as const;
    const p = testProject({
      heat: yearSeries([100, 100]),
      electricity: yearSeries([50, 50]),
      gridImport: { price: 0.2 },
      technologies: [hp],
    });
    p.grid.import!.connectionLimit_kW = 40;
    const out = await solveProject(p, { mode: 'full', backend: highs });
    expect(out.results.status).toBe('infeasible');
    expect(out.reasons.join('\n')).toMatch(
      /electricity demand cannot be met in \d+ hours \(first 2023-01-01 00:00\)/,
    );
  });

  it('bound analysis is silent when some plant is unlimited', () => {
    expect(boundAnalysis(testProject({ heat: [1e9], technologies: [boiler('gb', 0.9, 80)] }))).toEqual([]);
  });

  it('a cost–CO2 trade-off: minimum CO2 emits less and costs more than minimum cost', async () => {
    const eb = {
      id: 'eb',
      type: 'electricBoiler',
      efficiency: 1,
      capex_EUR_per_unit: 5,
      lifetime_a: 1,
      fixedOm_share: 0,
    } as const;
    const p = testProject({
      heat: [100, 200, 150],
      gasPrice: 0.05,
      gridImport: { price: 0.25, co2: 0.1 },
      technologies: [boiler('gb', 0.95, 1), eb],
    });
    const cheap = await solveProject(p, { mode: 'full', backend: highs });
    const clean = await solveProject(p, { mode: 'full', backend: highs, objective: 'co2' });
    expect(clean.results.emissions_tCO2).toBeLessThan(cheap.results.emissions_tCO2);
    expect(clean.results.objective.totalAnnualCost_EUR).toBeGreaterThan(
      cheap.results.objective.totalAnnualCost_EUR,
    );
    // Hand check: gas 0.2/0.95 kg per kWh heat vs grid 0.1 kg → all electric: 450 kWh · 0.1 kg
    expect(clean.results.emissions_tCO2).toBeCloseTo(0.045, 9);
  });
});
