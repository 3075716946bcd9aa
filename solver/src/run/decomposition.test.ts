import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolverBackend } from '../lp/backend';
import { buildModel } from '../model/build';
import { boiler, testProject } from '../model/testing';
import { solveByCapacityDecomposition } from './decomposition';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

/**
 * Screening curve with a nearly flat optimum. Demand 100 kW in 1,000 hours, 50 kW in the other 7,760.
 * Base boiler: η 1, 60.01 EUR/kW·a; peak boiler: η 0.5, 10 EUR/kW·a; gas 0.05 EUR/kWh, so base heat
 * costs 0.05 and peak heat 0.10 EUR/kWh. A kW of base capacity above 50 kW runs 1,000 h and saves
 * 1,000 · 0.05 = 50 EUR of fuel for 60.01 − 10 = 50.01 EUR of capacity: the total rises by only
 * 0.01 EUR/a per kW between 50 and 100 kW, and the optimum is base = peak = 50 kW:
 * 60.01·50 + 10·50 + 0.05·(8,760·50) + 0.10·(1,000·50) = 3,000.5 + 500 + 21,900 + 5,000 = 30,400.5 EUR/a.
 * A stop at a relative gap of 1e-6 (0.03 EUR) could leave the base boiler anywhere up to 53 kW.
 */
function nearlyFlat() {
  const heat = Array.from({ length: 8760 }, (_, h) => (h % 8 === 0 && h < 8000 ? 100 : 50));
  const p = testProject({
    heat,
    gasPrice: 0.05,
    technologies: [boiler('base', 1, 60.01), boiler('peak', 0.5, 10)],
  });
  return buildModel(p, { mode: 'full', slackPenalty_EUR_kWh: 1e4 });
}

describe('full-year LP over a trust region of the capacities', () => {
  it.each([
    ['above the optimum', [90, 10]],
    ['below the optimum', [20, 80]],
  ])('proves the optimum and lands on its face from a start %s', async (_, start) => {
    const built = nearlyFlat();
    const d = (await solveByCapacityDecomposition(built, Float64Array.from(start), highs))!;
    expect(d.converged).toBe(true);
    expect(d.upperBound).toBeCloseTo(30400.5, 6);
    expect(d.lowerBound).toBe(d.upperBound);
    const [base, peak] = built.ctx.capacities.map((c) => d.solution.x[c.col]);
    expect(base).toBeCloseTo(50, 6);
    expect(peak).toBeCloseTo(50, 6);
  });

  it('an iteration limit gives the best plan with the bound of the cuts so far', async () => {
    const built = nearlyFlat();
    const d = (await solveByCapacityDecomposition(built, Float64Array.from([90, 10]), highs, {
      maxIterations: 1,
    }))!;
    expect(d.converged).toBe(false);
    // At base 90 kW, peak 10 kW: 40 kW too much base at 0.01 EUR/kW·a.
    expect(d.upperBound).toBeCloseTo(30400.5 + 0.4, 6);
    expect(d.lowerBound).toBeLessThanOrEqual(30400.5);
  });
});

describe('plants held at zero until priced (many candidates)', () => {
  /**
   * Heat 50 kW all year, gas 0.05 EUR/kWh: `dear` η 0.5, 10 EUR/kW·a; `cheap` η 1, 60 EUR/kW·a; `bad`
   * η 0.4, 100 EUR/kW·a (the hand calculation of candidatePricing.test.ts): `dear` alone 44,300 EUR/a,
   * `cheap` alone 24,900 EUR/a, the optimum; a kW of `cheap` gains 388 EUR/a at `dear`'s duals.
   */
  function screening() {
    const p = testProject({
      heat: new Array<number>(8760).fill(50),
      gasPrice: 0.05,
      technologies: [boiler('dear', 0.5, 10), boiler('cheap', 1, 60), boiler('bad', 0.4, 100)],
    });
    return buildModel(p, { mode: 'full', slackPenalty_EUR_kWh: 1e4 });
  }

  it.each([
    ['a plant the optimum needs joins when priced', new Set(['cheap', 'bad'])],
    ['a plant held out stays out', new Set(['bad'])],
  ])('%s, and the optimum is proven as without holding', async (_, held) => {
    const built = screening();
    const d = (await solveByCapacityDecomposition(built, Float64Array.from([50, 0, 0]), highs, { held }))!;
    expect(d.converged).toBe(true);
    expect(d.upperBound).toBeCloseTo(24900, 6);
    expect(d.lowerBound).toBeCloseTo(24900, 6);
    const [dear, cheap, bad] = built.ctx.capacities.map((c) => d.solution.x[c.col]);
    expect(dear).toBeCloseTo(0, 6);
    expect(cheap).toBeCloseTo(50, 6);
    expect(bad).toBeCloseTo(0, 9);
  });
});
