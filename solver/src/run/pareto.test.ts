import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolverBackend } from '../lp/backend';
import { computeParetoFront, paretoFront, type ParetoFront, type ParetoProgress } from './pareto';
import type { LpPool } from './lpPool';
import { nodeLpPool } from './blockPool.node';
import { failingLpPool } from './testing';
import { solveFromBlocks } from './blockStart';
import { solveProject } from './solve';
import { boiler, testProject } from '../model/testing';
import type { Technology } from '../project/types';

let highs: SolverBackend;
beforeAll(async () => (highs = await createHighsBackend()));
afterAll(() => highs.dispose());

// Heat from a cheap, dirty gas boiler or a dearer electric boiler on a cleaner grid.
const project = () => {
  const eb = {
    id: 'eb',
    type: 'electricBoiler',
    efficiency: 1,
    capex_EUR_per_unit: 5,
    lifetime_a: 1,
    fixedOm_share: 0,
  } as const;
  return testProject({
    heat: [100, 200, 150],
    gasPrice: 0.05,
    gridImport: { price: 0.25, co2: 0.1 },
    technologies: [boiler('gb', 0.95, 1), eb],
  });
};

describe('Pareto front (epsilon constraint)', () => {
  it('runs from minimum cost to minimum CO2 with falling emissions and rising cost', async () => {
    const front = await paretoFront(project(), 4, { mode: 'full', cleanEndTolerance: 0, backend: highs });
    expect(front).toHaveLength(4);
    for (let k = 1; k < front.length; k++) {
      expect(front[k].emissions_tCO2).toBeLessThanOrEqual(front[k - 1].emissions_tCO2 + 1e-9);
      expect(front[k].totalAnnualCost_EUR).toBeGreaterThanOrEqual(front[k - 1].totalAnnualCost_EUR - 1e-6);
    }
    // Ends by hand: all gas: 450/0.95·0.2 kg = 94.7 kg; all electric: 450·0.1 kg = 45 kg.
    expect(front[0].emissions_tCO2).toBeCloseTo((450 / 0.95) * 0.0002, 9);
    expect(front[3].emissions_tCO2).toBeCloseTo(0.045, 9);
    // Interior points sit on their CO2 limits.
    expect(front[1].emissions_tCO2).toBeCloseTo(front[1].co2Limit_t!, 6);
  });
});

/**
 * Gas boiler (efficiency 1, 10 EUR/kW·a, gas 0.05 EUR/kWh, 0.2 kg/kWh) against a ground-source heat
 * pump (COP 4, 50 EUR/kW·a, grid 0.24 EUR/kWh, 0.4 kg/kWh: 0.06 EUR and 0.1 kg per kWh of heat).
 * Every day the same: 200 kW for 12 h, 100 kW for 12 h (typical days are exact, 4380 h at each level).
 *
 * By hand, with x kW of heat pump and 200 − x kW of boiler:
 *   all gas:  cost 200·10 + 1 314 000 kWh·0.05 = 67 700 EUR/a, CO2 262.8 t/a
 *   x ≤ 100:  each kW runs 8760 h: +40 + 8760·0.01 = +127.6 EUR/a, −876 kg/a
 *   x > 100:  each kW runs 4380 h: +40 + 4380·0.01 = +83.8 EUR/a, −438 kg/a
 *   all heat pump (x = 200): 88 840 EUR/a, 131.4 t/a.
 */
const twoLevel = () => {
  const hp = {
    id: 'hp',
    type: 'heatPump',
    heatSource: 'ground',
    groundTemp_C: 10,
    carnotEfficiency: 0.5,
    supplyTemp_C: 55,
    sourceDelta_K: 5,
    copMin: 4,
    copMax: 4,
    capex_EUR_per_unit: 50,
    lifetime_a: 1,
    fixedOm_share: 0,
  } as Technology;
  return testProject({
    heat: Array.from({ length: 8760 }, (_, h) => (h % 24 < 12 ? 200 : 100)),
    gasPrice: 0.05,
    gridImport: { price: 0.24, co2: 0.4 },
    technologies: [boiler('gb', 1, 10), hp],
  });
};

/** The front by hand: heat-pump capacity and cost at a CO2 limit (t/a). */
function byHand(limit_t: number): { hp_kW: number; cost_EUR: number } {
  if (limit_t >= 175.2) {
    const x = (262.8 - limit_t) / 0.876;
    return { hp_kW: x, cost_EUR: 67_700 + 127.6 * x };
  }
  const x = 100 + (175.2 - limit_t) / 0.438;
  return { hp_kW: x, cost_EUR: 80_460 + 83.8 * (x - 100) };
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

// Full mode solves directly here: with a binding CO2 limit the decomposition takes ~95 s on this
// case against ~9 s direct (the limit couples all hours of its subproblems).
const full = { mode: 'full', fullMethod: 'direct' } as const;

describe.each([full, { mode: 'aggregated' } as const])('Pareto front by hand ($mode mode)', (how) => {
  it('ends lexicographically, spaces the limits evenly and keeps each point’s capacities', async () => {
    const progress: ParetoProgress[] = [];
    const done: number[] = [];
    const front = await computeParetoFront(twoLevel(), 5, {
      ...how,
      cleanEndTolerance: 0, // the strict end: least CO2, then least cost at it
      backend: highs,
      onProgress: (p) => progress.push(p),
      onPoint: (_, k) => done.push(k),
    });
    expect(front.status).toBe('optimal');
    const pts = front.points;
    expect(pts.map((p) => p.kind)).toEqual(['minCost', 'epsilon', 'epsilon', 'epsilon', 'minCo2']);
    // Ends by hand.
    expect(pts[0].co2Limit_t).toBeNull();
    expect(rel(pts[0].totalAnnualCost_EUR, 67_700)).toBeLessThan(1e-6);
    expect(rel(pts[0].emissions_tCO2, 262.8)).toBeLessThan(1e-6);
    expect(rel(pts[4].totalAnnualCost_EUR, 88_840)).toBeLessThan(1e-6);
    expect(rel(pts[4].emissions_tCO2, 131.4)).toBeLessThan(1e-6);
    expect(rel(pts[4].capacities.hp.power_kW!, 200)).toBeLessThan(1e-6);
    expect(Math.abs(pts[4].capacities.gb.power_kW!)).toBeLessThan(1e-4);
    // Limits evenly spaced: 229.95, 197.1, 164.25 t; costs and capacities by hand.
    const limits = [229.95, 197.1, 164.25];
    const hand = [
      { hp_kW: 37.5, cost_EUR: 72_485 },
      { hp_kW: 75, cost_EUR: 77_270 },
      { hp_kW: 125, cost_EUR: 82_555 },
    ];
    for (let j = 0; j < 3; j++) {
      const p = pts[j + 1];
      expect(rel(p.co2Limit_t!, limits[j])).toBeLessThan(1e-6);
      expect(rel(p.emissions_tCO2, limits[j])).toBeLessThan(1e-6);
      expect(rel(p.totalAnnualCost_EUR, hand[j].cost_EUR)).toBeLessThan(1e-6);
      expect(rel(byHand(p.co2Limit_t!).cost_EUR, hand[j].cost_EUR)).toBeLessThan(1e-6);
      expect(rel(p.capacities.hp.power_kW!, hand[j].hp_kW)).toBeLessThan(1e-6);
      expect(rel(p.capacities.gb.power_kW!, 200 - hand[j].hp_kW)).toBeLessThan(1e-6);
    }
    // Progress names each point; points finish in the order minimum cost, minimum CO2, between.
    expect(done).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(progress.map((p) => p.point))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(progress.every((p) => p.points === 5)).toBe(true);
    expect(progress.filter((p) => p.point === 2).map((p) => p.step)).toEqual(
      expect.arrayContaining(['minCo2', 'cleanEnd']),
    );
    expect(pts[4].minimumCo2_t).toBeCloseTo(131.4, 6);
    // Every point reports at once and then within its solves, with the seconds spent on the point.
    for (let n = 1; n <= 5; n++) {
      const own = progress.filter((p) => p.point === n);
      expect(own[0].phase).toBe('starting');
      expect(own[0].pointElapsed_s).toBeLessThan(1);
      expect(own.every((p) => p.pointElapsed_s >= 0 && p.pointElapsed_s <= p.elapsed_s + 1e-9)).toBe(true);
    }
    if (how.mode === 'aggregated') {
      const phases = new Set(progress.map((p) => p.phase));
      expect(phases.has('fullYearCheck')).toBe(true);
      expect(phases.has('simplex')).toBe(false); // a simplex is reported as the stage it belongs to
    }
  });

  /*
   * A clean-end tolerance of 1 % (opt-in; the default is the strict end): the cheapest plant within
   * 1 % of the CO2 range above the least CO2.
   * Range 262.8 − 131.4 = 131.4 t, so the limit is 131.4 + 1.314 = 132.714 t/a. By hand (x > 100):
   * x = 100 + (175.2 − 132.714)/0.438 = 197 kW of heat pump, 3 kW of boiler,
   * cost 80 460 + 83.8·97 = 88 588.6 EUR/a (252.6 EUR/a less than the strict end's 88 840).
   */
  it('with a 1 % tolerance ends at the cheapest plant within 1 % of the CO2 range', async () => {
    const front = await computeParetoFront(twoLevel(), 3, {
      ...how,
      cleanEndTolerance: 0.01,
      backend: highs,
    });
    expect(front.status).toBe('optimal');
    const end = front.points[2];
    expect(end.kind).toBe('minCo2');
    expect(rel(end.minimumCo2_t!, 131.4)).toBeLessThan(1e-6);
    expect(rel(end.co2Limit_t!, 132.714)).toBeLessThan(1e-6);
    expect(rel(end.emissions_tCO2, 132.714)).toBeLessThan(1e-6);
    expect(rel(end.capacities.hp.power_kW!, 197)).toBeLessThan(1e-6);
    expect(rel(end.capacities.gb.power_kW!, 3)).toBeLessThan(1e-5);
    expect(rel(end.totalAnnualCost_EUR, 88_588.6)).toBeLessThan(1e-6);
    // The middle point sits halfway between the cheapest plant's emissions and the clean end's limit.
    expect(rel(front.points[1].co2Limit_t!, (262.8 + 132.714) / 2)).toBeLessThan(1e-6);
  });
});

describe('Pareto front with the checks in a pool', () => {
  const serial = () =>
    computeParetoFront(twoLevel(), 5, { mode: 'aggregated', cleanEndTolerance: 0, backend: highs });
  const figures = (f: ParetoFront) =>
    f.points.map((p) => [p.kind, p.co2Limit_t, p.totalAnnualCost_EUR, p.emissions_tCO2, p.capacities]);

  it('checks the points in parallel and gives the same front, point by point, as one after another', async () => {
    const here = await serial();
    const running: number[] = [];
    let most = 0;
    const checked: string[] = [];
    // A pool of two that starts every LP it is given at once (as two idle workers would).
    const pool: LpPool = {
      workers: 2,
      solve: async (model, opts) => {
        expect(opts?.pricing).toBe('devex');
        checked.push(model.name);
        running.push(1);
        most = Math.max(most, running.length);
        await new Promise((r) => setTimeout(r, 20));
        running.pop();
        // As a worker does (blockPool.ts): from the week blocks where the check has a start.
        return (opts?.start && solveFromBlocks(model, opts.start, highs, opts)) || highs.solve(model, opts);
      },
      dispose: () => undefined,
    };
    const done: number[] = [];
    const shown: number[] = [];
    const pooled = await computeParetoFront(twoLevel(), 5, {
      mode: 'aggregated',
      cleanEndTolerance: 0,
      backend: highs,
      lpPool: (jobs) => (expect(jobs).toBe(5), Promise.resolve(pool)),
      onPoint: (_, k) => done.push(k),
      onProgress: (p) => shown.push(p.point),
    });
    expect(pooled.status).toBe('optimal');
    expect(figures(pooled)).toEqual(figures(here));
    // One full-year check per point, several at once; the points are told in front order all the same.
    expect(checked).toHaveLength(5);
    expect(most).toBeGreaterThan(1);
    expect(done).toEqual([1, 2, 3, 4, 5]);
    // Progress speaks for the first point not yet done: the number shown only climbs, and every point has its turn.
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(new Set(shown)).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it('checks in this thread when the pool cannot start or its workers fail', async () => {
    const here = await serial();
    const broken = failingLpPool();
    const failing = await computeParetoFront(twoLevel(), 5, {
      mode: 'aggregated',
      cleanEndTolerance: 0,
      backend: highs,
      lpPool: broken.factory,
    });
    const noStart = await computeParetoFront(twoLevel(), 5, {
      mode: 'aggregated',
      cleanEndTolerance: 0,
      backend: highs,
      lpPool: () => Promise.reject(new Error('no worker could start')),
    });
    expect(figures(failing)).toEqual(figures(here));
    expect(figures(noStart)).toEqual(figures(here));
    expect(broken.disposed()).toBe(1);
  });

  it('solves in worker threads (nodeLpPool) to the same front', async () => {
    const here = await serial();
    const pooled = await computeParetoFront(twoLevel(), 5, {
      mode: 'aggregated',
      cleanEndTolerance: 0,
      backend: highs,
      lpPool: (jobs) => nodeLpPool(jobs, 2),
    });
    expect(figures(pooled)).toEqual(figures(here));
  }, 60_000);
});

describe('Pareto front: cancel, failure, no trade-off', () => {
  it('stops between points when cancelled and returns the points computed so far', async () => {
    let stop = false;
    const front = await computeParetoFront(twoLevel(), 4, {
      ...full,
      backend: highs,
      signal: {
        get aborted() {
          return stop;
        },
      },
      onPoint: (_, k) => {
        if (k === 2) stop = true;
      },
    });
    expect(front.status).toBe('cancelled');
    expect(front.reasons).toEqual(['the run was cancelled']);
    expect(front.points.map((p) => p.kind)).toEqual(['minCost', 'minCo2']);
    await expect(
      paretoFront(twoLevel(), 4, { ...full, backend: highs, signal: { aborted: true } }),
    ).rejects.toThrow('the run was cancelled');
  });

  it('stops inside a solve when cancelled there', async () => {
    let stop = false;
    const front = await computeParetoFront(twoLevel(), 3, {
      ...full,
      backend: highs,
      signal: {
        get aborted() {
          return stop;
        },
      },
      // the first progress report of point 2 comes from inside its solve
      onProgress: (p) => {
        if (p.point === 2 && p.phase !== 'starting') stop = true;
      },
    });
    expect(front.status).toBe('cancelled');
    expect(front.points.map((p) => p.kind)).toEqual(['minCost']);
  });

  it('reports a point without a solution instead of throwing', async () => {
    const p = twoLevel();
    p.constraints = { co2Cap_t: 1 }; // 1 t/a: far below the 131.4 t/a the heat pump alone emits
    const front = await computeParetoFront(p, 3, { ...full, backend: highs });
    expect(front.status).toBe('failed');
    expect(front.points).toEqual([]);
    expect(front.reasons[0]).toMatch(/^Pareto point 1 of 3 \(minimum cost\) has no solution: /);
    await expect(paretoFront(p, 3, { ...full, backend: highs })).rejects.toThrow(/has no solution/);
  });

  it('gives one point when the cheapest plant is also the cleanest', async () => {
    const p = twoLevel();
    p.fuels.gas.price_EUR_kWh = 0.5; // the heat pump is now cheaper and cleaner
    const front = await computeParetoFront(p, 5, { ...full, backend: highs });
    expect(front.status).toBe('optimal');
    expect(front.points).toHaveLength(1);
    expect(rel(front.points[0].emissions_tCO2, 131.4)).toBeLessThan(1e-6);
  });
});

describe('project constraints', () => {
  it('a CO2 cap moves heat to the cleaner plant exactly as far as needed', async () => {
    const p = project();
    p.constraints = { co2Cap_t: 0.07 };
    const out = await solveProject(p, { mode: 'full', backend: highs });
    expect(out.results.emissions_tCO2).toBeCloseTo(0.07, 9);
  });

  it('a minimum renewable heat share is met', async () => {
    const p = project();
    p.grid.import!.renewableShare = 0.5;
    p.constraints = { minRenewableHeatShare: 0.3 };
    const out = await solveProject(p, { mode: 'full', backend: highs });
    expect(out.results.kpis.renewableHeatShare).toBeGreaterThanOrEqual(0.3 - 1e-9);
    expect(out.results.kpis.renewableHeatShare).toBeCloseTo(0.3, 6);
  });

  it('a maximum grid import is kept', async () => {
    const p = project();
    p.fuels.gas.price_EUR_kWh = 1; // electricity would be cheaper …
    p.technologies[1].capex_EUR_per_unit = 0.1; // … and so would the electric boiler
    p.constraints = { maxGridImport_kWh: 200 };
    const out = await solveProject(p, { mode: 'full', backend: highs });
    expect(out.results.annual.grid.import_MWh).toBeCloseTo(0.2, 9);
  });
});
