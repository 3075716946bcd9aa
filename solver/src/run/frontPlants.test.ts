import { describe, expect, it } from 'vitest';
import type { SolveOutcome } from './solve';
import type { ParetoPoint } from './pareto';
import { cheapestCheckedPlants } from './frontPlants';

/** A point with a plant of `kW` kW of heat pump; its outcome is a tag to follow it. */
const point = (
  kind: ParetoPoint['kind'],
  co2Limit_t: number | null,
  emissions_tCO2: number,
  totalAnnualCost_EUR: number,
  kW: number,
): ParetoPoint => ({
  kind,
  co2Limit_t,
  emissions_tCO2,
  totalAnnualCost_EUR,
  capacities: { hp: { power_kW: kW } },
  outcome: { tag: kW } as unknown as SolveOutcome,
});

describe('cheapestCheckedPlants', () => {
  it('leaves a front alone where cost rises as CO2 falls', () => {
    const front = [
      point('minCost', null, 100, 1_000, 0),
      point('epsilon', 80, 80, 1_100, 10),
      point('minCo2', 60.00000006, 60, 1_300, 20),
    ];
    expect(cheapestCheckedPlants(front)).toEqual(front);
  });

  // The reference hub's 20-point front, first points (aggregated, 2026-12-07): the typical days sized
  // the cheapest point's plant 2,314,065 EUR/a over the full year, the plant under 4,362.4 t 2,313,215.
  it('gives a point the cheaper plant of a cleaner point, and keeps what its own plant did', () => {
    const front = [
      point('minCost', null, 4420.0, 2_314_065, 0.9),
      point('epsilon', 4391.2, 4391.2, 2_314_866, 5.2),
      point('epsilon', 4362.4, 4362.4, 2_313_215, 77.0),
      point('epsilon', 4333.6, 4333.6, 2_313_548, 91.5),
      point('minCo2', 3873.1, 3873.1, 3_931_934, 13_036.9),
    ];
    const out = cheapestCheckedPlants(front);
    // By hand: min{cost_j : CO2_j ≤ limit_k}. Points 1 and 2 (limits ∞ and 4,391.2 t) take point 3's
    // plant (4,362.4 t, 2,313,215 EUR/a); points 3 to 5 have no cheaper plant within their limits.
    for (const k of [0, 1]) {
      expect(out[k]).toMatchObject({
        kind: front[k].kind,
        co2Limit_t: front[k].co2Limit_t,
        emissions_tCO2: 4362.4,
        totalAnnualCost_EUR: 2_313_215,
        capacities: { hp: { power_kW: 77.0 } },
        plantOfPoint: 3,
        ownPlant: {
          totalAnnualCost_EUR: front[k].totalAnnualCost_EUR,
          emissions_tCO2: front[k].emissions_tCO2,
          capacities: front[k].capacities,
        },
      });
      expect(out[k].outcome).toBe(front[2].outcome);
    }
    expect(out.slice(2)).toEqual(front.slice(2));
    // Now cost never falls as CO2 falls.
    for (let k = 1; k < out.length; k++) {
      expect(out[k].emissions_tCO2).toBeLessThanOrEqual(out[k - 1].emissions_tCO2);
      expect(out[k].totalAnnualCost_EUR).toBeGreaterThanOrEqual(out[k - 1].totalAnnualCost_EUR);
    }
  });

  it('takes the cheapest of several cleaner plants, and the cleanest of equally cheap ones', () => {
    const front = [
      point('minCost', null, 100, 1_000, 0),
      point('epsilon', 90, 90, 990, 5),
      point('epsilon', 80, 80, 950, 10),
      point('epsilon', 70, 70, 950, 15),
      point('minCo2', 60, 60, 2_000, 20),
    ];
    const out = cheapestCheckedPlants(front);
    // Point 3's own plant costs as little as point 4's but emits more: it takes point 4's.
    expect(out.map((p) => p.plantOfPoint)).toEqual([4, 4, 4, undefined, undefined]);
    expect(out.map((p) => p.totalAnnualCost_EUR)).toEqual([950, 950, 950, 950, 2_000]);
    expect(out.map((p) => p.emissions_tCO2)).toEqual([70, 70, 70, 70, 60]);
  });

  it('swaps no plant for one with more CO2 over round-off: costs within 1e-6 count as equal', () => {
    const front = [
      point('minCost', null, 100, 1_000_000, 0),
      point('epsilon', 150, 120, 1_000_000 - 0.5, 10),
    ];
    const out = cheapestCheckedPlants(front);
    // 0.5 EUR/a is within 1e-6: the cheapest point keeps its own, cleaner plant ...
    expect(out[0]).toEqual(front[0]);
    // ... and the other point, as cheap and dirtier, takes it.
    expect(out[1]).toMatchObject({ plantOfPoint: 1, emissions_tCO2: 100, co2Limit_t: 150 });
    // Cheaper by more than 1e-6: taken, with its CO2.
    const cheaper = [front[0], { ...front[1], totalAnnualCost_EUR: 999_998.9 }];
    expect(cheapestCheckedPlants(cheaper)[0]).toMatchObject({
      plantOfPoint: 2,
      totalAnnualCost_EUR: 999_998.9,
      emissions_tCO2: 120,
    });
  });

  it('never gives a point a plant above its limit, and keeps the clean end’s least CO2', () => {
    const clean = { ...point('minCo2', 60.1, 60.1, 1_500, 20), minimumCo2_t: 60 };
    const front = [point('minCost', null, 100, 1_000, 0), point('epsilon', 80, 80, 900, 10), clean];
    const out = cheapestCheckedPlants([...front, { ...point('epsilon', 61, 60.05, 1_200, 18) }]);
    // The clean end (limit 60.1 t) may take the plant at 60.05 t; never the one at 80 t.
    expect(out[2]).toMatchObject({ plantOfPoint: 4, totalAnnualCost_EUR: 1_200, minimumCo2_t: 60 });
    expect(out[0]).toMatchObject({ plantOfPoint: 2, totalAnnualCost_EUR: 900 });
    expect(out[0].minimumCo2_t).toBeUndefined();
    expect(out[1].plantOfPoint).toBeUndefined();
  });
});
