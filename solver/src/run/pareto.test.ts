import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsBackend } from '../lp/highs';
import type { SolverBackend } from '../lp/backend';
import { paretoFront } from './pareto';
import { solveProject } from './solve';
import { boiler, testProject } from '../model/testing';

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
    const front = await paretoFront(project(), 4, { mode: 'full', backend: highs });
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
