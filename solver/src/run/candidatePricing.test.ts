import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolverBackend } from '../lp/backend';
import { LpBuilder } from '../lp/model';
import { sum, term } from '../lp/expr';
import { buildModel } from '../model/build';
import {
  airHeatPump,
  battery,
  boiler,
  chpPlant,
  electricBoiler,
  heatStorage,
  testProject,
} from '../model/testing';
import type { Project } from '../project/types';
import {
  alwaysIn,
  pricesCandidates,
  pricingModel,
  PRICE_FROM_PLANTS,
  solveByPricing,
} from './candidatePricing';
import { maxViolation } from './testing';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

const aggregated = (p: Project, typicalDays: number) => buildModel(p, { mode: 'aggregated', typicalDays });
const without = (p: Project, ...ids: string[]): Project => ({
  ...p,
  technologies: p.technologies.filter((t) => !ids.includes(t.id)),
});

describe('the pricing LP of left-out plants', () => {
  it('moves the shared rows into the costs and keeps the rows of the left-out columns', () => {
    // min x1 + x2 + 0.5 c2  s.t.  x1 + x2 = 10 (dual y = 3),  x2 − c2 ≤ 0;  left out: x2, c2.
    const b = new LpBuilder('t');
    const x1 = b.addCol('x1', 0, Infinity, 1);
    const x2 = b.addCol('x2', 0, Infinity, 1);
    const c2 = b.addCol('cap2', 0, 500, 0.5);
    b.addConstraint('balance', sum(term(x1), term(x2)), '==', 10);
    b.addConstraint('cap_row', term(x2), '<=', term(c2));
    const m = b.build();
    const p = pricingModel(m, Uint8Array.from([0, 1, 1]), Float64Array.from([3, 0]), new Set([c2]));
    expect(Array.from(p.cols)).toEqual([x2, c2]);
    expect(Array.from(p.rows)).toEqual([1]);
    // x2: 1 − 1·3 = −2; cap2: 0.5, its bound capped at 1 (any negative direction scales into it).
    expect(Array.from(p.model.colCost)).toEqual([-2, 0.5]);
    expect(Array.from(p.model.colUpper)).toEqual([Infinity, 1]);
    expect(p.model.rowNames).toEqual(['cap_row']);
    expect(Array.from(p.model.values)).toEqual([1, -1]);
  });

  it('keeps a plant with existing capacity, and not a plant that shares the heat balance', () => {
    const p = testProject({
      heat: [50, 50],
      technologies: [boiler('old', 0.9, 10, { existing: 20 }), boiler('new', 0.95, 20)],
    });
    const built = aggregated(p, 2);
    expect([...alwaysIn(built)].map((k) => built.techColumns[k].techId)).toEqual(['old']);
  });
});

describe('sizing by pricing candidate plants', () => {
  /**
   * Heat 50 kW in every hour of the year, gas 0.05 EUR/kWh. `cheap`: η 1, 60 EUR/kW·a (heat
   * 0.05 EUR/kWh); `dear`: η 0.5, 10 EUR/kW·a (heat 0.10 EUR/kWh); `bad`: η 0.4, 100 EUR/kW·a.
   * By hand: `dear` alone costs 10·50 + 0.10·8,760·50 = 44,300 EUR/a, and the heat balance's duals
   * add up to 10 + 876 = 886 EUR per kW of constant load; a kW of `cheap` runs every hour for
   * 60 + 438 = 498 EUR/a, so it gains 498 − 886 = −388 EUR/a per kW and joins; `bad` costs
   * 100 + 1,095 = 1,195 and stays out. With `cheap`: 60·50 + 0.05·438,000 = 24,900 EUR/a, duals
   * 498, and neither `dear` (886 − 498 = +388) nor `bad` joins.
   */
  const screening = () =>
    testProject({
      heat: new Array<number>(8760).fill(50),
      gasPrice: 0.05,
      technologies: [boiler('dear', 0.5, 10), boiler('cheap', 1, 60), boiler('bad', 0.4, 100)],
    });

  it('adds the plant whose price says so and proves the optimum by hand', async () => {
    const p = screening();
    const built = aggregated(p, 4);
    const sol = await solveByPricing(built, () => aggregated(without(p, 'cheap', 'bad'), 2), highs, {});
    expect(sol.status).toBe('optimal');
    expect(sol.objective).toBeCloseTo(24900, 6);
    expect(sol.pricing).toEqual({ rounds: 2, plantsInLp: 2, plants: 3 });
    const cap = (id: string) => sol.x[built.ctx.capacities.find((c) => c.techId === id)!.col];
    expect(cap('cheap')).toBeCloseTo(50, 6);
    expect(cap('dear')).toBeCloseTo(0, 9);
    expect(cap('bad')).toBeCloseTo(0, 9);
  });

  /** Ten plants of every kind, a day/night tariff and a cold spell: many candidates, few worth building. */
  function manyKinds(): Project {
    const hours = 8760;
    const heat = Array.from(
      { length: hours },
      (_, h) => 120 + 80 * Math.cos((2 * Math.PI * h) / hours) + 30 * Math.sin((2 * Math.PI * h) / 24),
    );
    const ambient = Array.from({ length: hours }, (_, h) => 8 - 12 * Math.cos((2 * Math.PI * h) / hours));
    const price = Array.from({ length: hours }, (_, h) => (h % 24 < 6 ? 0.12 : 0.3));
    return testProject({
      heat,
      electricity: new Array<number>(hours).fill(40),
      ambient,
      gasPrice: 0.07,
      gridImport: { price, co2: 0.4 },
      gridExport: { price: 0.05 },
      technologies: [
        boiler('gb', 0.95, 8),
        boiler('gb_old', 0.8, 2),
        boiler('gb_dear', 0.9, 40),
        chpPlant({ capex_EUR_per_unit: 60 }),
        chpPlant({ id: 'chp_big', capex_EUR_per_unit: 90, efficiencyEl: 0.42 }),
        airHeatPump({ capex_EUR_per_unit: 70 }),
        airHeatPump({ id: 'hp_hot', capex_EUR_per_unit: 75, supplyTemp_C: 70 }),
        electricBoiler('eb', 5),
        heatStorage('tes', 1.5, { cRate_per_h: 0.25, loss_per_h: 0.002 }),
        battery('bat', 30, 40),
      ],
    });
  }

  it('reaches the whole LP’s optimum from a coarse sizing that misses plants', async () => {
    const p = manyKinds();
    const built = aggregated(p, 8);
    const whole = await highs.solve(built.model);
    const sol = await solveByPricing(built, () => aggregated(without(p, 'gb', 'hp'), 2), highs, {});
    expect(sol.status).toBe('optimal');
    expect(Math.abs(sol.objective - whole.objective) / whole.objective).toBeLessThan(1e-6);
    expect(maxViolation(built.model, sol.x)).toBeLessThan(1e-6);
    expect(sol.pricing!.rounds).toBeGreaterThan(1);
    expect(sol.pricing!.plantsInLp).toBeLessThan(sol.pricing!.plants);
  });

  it('is used from ' + PRICE_FROM_PLANTS + ' plants with a capacity on, with HiGHS', () => {
    const p = manyKinds();
    expect(pricesCandidates(aggregated(p, 4), highs)).toBe(false);
    const more = {
      ...p,
      technologies: [...p.technologies, ...p.technologies.map((t) => ({ ...t, id: `${t.id}_2` }))],
    };
    expect(pricesCandidates(aggregated(more, 4), highs)).toBe(true);
    expect(pricesCandidates(buildModel(more, { mode: 'full', horizon_h: 48 }), highs)).toBe(false);
  });
});
