import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolverBackend } from '../lp/backend';
import { buildModel } from '../model/build';
import { boiler, testProject, yearSeries } from '../model/testing';
import type { Project, Technology } from '../project/types';
import { formatSolverMessage } from '../results/messages';
import type { Results } from '../results/results';
import { findLanguageProblems } from '../report/languageCheck';
import { boundAnalysis, explainUnbounded } from './explain';
import { solveProject } from './solve';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

/**
 * PV without a maximum capacity and a feed-in tariff above its generation cost: every kWp earns
 * money, so the cost minimum runs off to minus infinity.
 *
 * By hand: the yield is 0.5 kWh/kWp in the first 2000 hours, 1000 kWh/kWp·a. Interest 0 and 20
 * years make the annuity 800 / 20 = 40 EUR/kWp·a, fixed O&M 1 % of 800 = 8 EUR/kWp·a, so 48 EUR per
 * 1000 kWh = 4.8 ct/kWh, plus variable O&M 0.2 ct/kWh: 5 ct/kWh. The feed-in tariff is 8.2 ct/kWh.
 * The grid import (30 ct/kWh) costs more than the feed-in pays, so the grid alone is bounded.
 */
function unboundedPv(): Project {
  const pv = {
    id: 'pv',
    name: 'PV Dach',
    type: 'pv',
    yieldSeries: 'pv_yield',
    curtailable: true,
    capex_EUR_per_unit: 800,
    lifetime_a: 20,
    fixedOm_share: 0.01,
    varOm_EUR_kWh: 0.002,
  } as Technology;
  return testProject({
    heat: yearSeries([], 50),
    electricity: yearSeries([], 10),
    gridImport: { price: 0.3 },
    gridExport: { price: 0.082 },
    extraSeries: { pv_yield: new Array<number>(2000).fill(0.5) },
    technologies: [boiler('gb', 0.9, 80), pv],
  });
}

/**
 * No plant runs away, but the grid does: the feed-in tariff (8 ct/kWh) is above the import price in
 * hours 0–4 (4 ct/kWh) and 5–9 (6 ct/kWh), and below it (30 ct/kWh) in the other hours. By hand:
 * 10 hours, feed-in up to 8 ct/kWh, import from 4 ct/kWh.
 */
function unboundedGrid(): Project {
  const price = new Array<number>(8760).fill(0.3);
  for (let h = 0; h < 10; h++) price[h] = h < 5 ? 0.04 : 0.06;
  return testProject({
    heat: yearSeries([], 50),
    electricity: yearSeries([], 10),
    gridImport: { price },
    gridExport: { price: 0.08 },
    technologies: [boiler('gb', 0.9, 80)],
  });
}

/** Every number in a value (nested objects and arrays), with its path. */
function numbersIn(v: unknown, path = 'results'): [string, number][] {
  if (typeof v === 'number') return [[path, v]];
  if (Array.isArray(v) || ArrayBuffer.isView(v))
    return Array.from(v as ArrayLike<unknown>).flatMap((x, i) => numbersIn(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => numbersIn(x, `${path}.${k}`));
  return [];
}

/** The figures a run without solution must not print: null, never NaN or infinite. */
function expectNoFigures(results: Results): void {
  expect(results.objective.totalAnnualCost_EUR).toBeNull();
  expect(results.objective.co2_tCO2).toBeNull();
  expect(results.emissions_tCO2).toBeNull();
  expect(results.kpis.lcoh_EUR_MWh).toBeNull();
  expect(results.kpis.lcoe_EUR_MWh).toBeNull();
  expect(results.kpis.renewableHeatShare).toBeNull();
  expect(results.balance.maxResidual_kW).toBeNull();
  expect(results.balance.ok).toBe(false);
  expect(numbersIn(results).filter(([, x]) => !Number.isFinite(x))).toEqual([]);
  // results.json: the same, null stays null (NaN would silently become null only on write).
  expect(JSON.parse(JSON.stringify(results))).toEqual(results);
}

describe('boundAnalysis on quarter hours', () => {
  it('finds a quarter-hour peak above what the plants can give, counted in hours', () => {
    // A boiler of at most 100 kW; heat 80 kW, but 150 kW in quarter hours 41 and 42 (hour 10, 10:15
    // and 10:30) and 120 kW in quarter 100 (hour 25): 2 hours, the first 2023-01-01 10:00.
    const p = testProject({ technologies: [boiler('gb', 0.9, 80, { max: 100 })] });
    p.site.timeStep_min = 15;
    const q = new Array<number>(4 * 8760).fill(80);
    q[41] = q[42] = 150;
    q[100] = 120;
    p.timeSeries.heat = { unit: 'kW', values: q };
    expect(boundAnalysis(p)[0].params).toMatchObject({
      hours: 2,
      first: '2023-01-01 10:00',
      capacity_kW: 100,
      peak_kW: 150,
    });
  });
});

describe('explainUnbounded', () => {
  it('names PV and the feed-in tariff above its generation cost, in English and German', async () => {
    const messages = await explainUnbounded(buildModel(unboundedPv(), { mode: 'full' }), highs);
    expect(messages).toEqual([
      {
        code: 'unboundedTechnology',
        params: { tech: 'PV Dach', kind: 'feedIn', revenue_ct: 8.2, cost_ct: 5 },
      },
    ]);
    expect(formatSolverMessage(messages[0], 'en')).toBe(
      'PV Dach is unbounded: the feed-in tariff of 8.2 ct/kWh exceeds its generation cost of 5 ct/kWh; give it a maximum capacity',
    );
    const de = formatSolverMessage(messages[0], 'de');
    expect(de).toBe(
      'PV Dach ist unbeschränkt: die Einspeisevergütung von 8,2 ct/kWh übersteigt die Stromgestehungskosten von 5 ct/kWh; eine Höchstleistung angeben',
    );
    expect(findLanguageProblems(de, 'de')).toEqual([]);
  });

  it('names the grid, the hours and both prices when import and export alone are unbounded', async () => {
    const messages = await explainUnbounded(buildModel(unboundedGrid(), { mode: 'full' }), highs);
    expect(messages).toEqual([{ code: 'unboundedGrid', params: { hours: 10, export_ct: 8, import_ct: 4 } }]);
    expect(formatSolverMessage(messages[0], 'en')).toBe(
      'grid import and export are unbounded: in 10 hours the feed-in tariff (up to 8 ct/kWh) is higher than the import price (from 4 ct/kWh); give an export or connection limit',
    );
    const de = formatSolverMessage(messages[0], 'de');
    expect(de).toBe(
      'Netzbezug und Einspeisung sind unbeschränkt: in 10 Stunden ist die Einspeisevergütung (bis 8 ct/kWh) höher als der Bezugspreis (ab 4 ct/kWh); eine Einspeise- oder Anschlussgrenze angeben',
    );
    expect(findLanguageProblems(de, 'de')).toEqual([]);
  });

  it('a PV maximum makes the same project solvable', async () => {
    const p = unboundedPv();
    p.technologies.find((t) => t.id === 'pv')!.max = 100;
    const out = await solveProject(p, { mode: 'full', backend: highs });
    expect(out.results.status).toBe('optimal');
    expect(out.results.capacities.pv.power_kW).toBeCloseTo(100, 6);
    // By hand: boiler 50 kW × 80 = 4000, gas 50 × 8760 / 0.9 × 0.1 = 48 666.67, import 10 kW in the
    // 6760 hours without yield × 0.3 = 20 280, PV 100 × 48 + 100 000 kWh × 0.002 = 5000, feed-in
    // (50 − 10) kW × 2000 h × 0.082 = −6560: 71 386.67 EUR/a.
    expect(out.results.objective.totalAnnualCost_EUR).toBeCloseTo(71386.6667, 3);
  });
});

describe('a run without a solution', () => {
  for (const mode of ['full', 'aggregated'] as const)
    it(`reports the unbounded PV and never NaN (${mode} mode)`, async () => {
      const out = await solveProject(unboundedPv(), { mode, backend: highs });
      expect(out.results.status).toBe('unbounded');
      expect(out.dispatch).toBeUndefined();
      expect(out.results.messages?.map((m) => m.params.tech)).toEqual(['PV Dach']);
      expect(out.reasons).toEqual(out.results.warnings);
      expect(out.reasons[0]).toMatch(/^PV Dach is unbounded: the feed-in tariff of 8\.2 ct\/kWh/);
      expectNoFigures(out.results);
    });

  it('an unbounded grid and an infeasible plan print no NaN either', async () => {
    const grid = await solveProject(unboundedGrid(), { mode: 'full', backend: highs });
    expect(grid.results.status).toBe('unbounded');
    expectNoFigures(grid.results);
    const short = testProject({ heat: [300, 4200], technologies: [boiler('gb', 0.9, 80, { max: 3100 })] });
    const infeasible = await solveProject(short, { mode: 'full', backend: highs });
    expect(infeasible.results.status).toBe('infeasible');
    expectNoFigures(infeasible.results);
  });
});
