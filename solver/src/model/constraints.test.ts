import { describe, expect, it } from 'vitest';
import type { ElectricBoiler } from '../project/types';
import { addBoiler, addElectricBoiler } from './boilers';
import { addConstraints } from './constraints';
import { addGrid } from './grid';
import { boiler, rowsOf, testProject, tinyAggregatedGrid, tinyContext, near } from './testing';

const steps = ['p=0,h=0', 'p=0,h=1', 'p=1,h=0', 'p=1,h=1'];
const weight = [2, 2, 1, 1];

// Heat 100 and 200 kW in hours 0 and 1 (weight 2), 50 and 0 in hours 48 and 49 (weight 1):
// Σ w·heat = 650 kWh. Gas boiler (η 0.9, 0.2 kg/kWh gas), electric boiler on a grid with 0.4 kg/kWh
// and a 50 % renewable share.
const heatHead = new Array<number>(50).fill(0);
heatHead[0] = 100;
heatHead[1] = 200;
heatHead[48] = 50;

const eb: ElectricBoiler = {
  id: 'eb',
  type: 'electricBoiler',
  efficiency: 1,
  capex_EUR_per_unit: 5,
  lifetime_a: 1,
  fixedOm_share: 0,
};

function context(constraints = {}) {
  const p = testProject({
    heat: heatHead,
    gridImport: { price: 0.2, co2: 0.4 },
    technologies: [boiler('gb', 0.9, 80, { existing: 10 }), eb],
  });
  p.grid.import!.renewableShare = 0.5;
  p.constraints = constraints;
  const ctx = tinyContext(p, tinyAggregatedGrid());
  addGrid(ctx);
  addBoiler(ctx, p.technologies[0] as never);
  addElectricBoiler(ctx, eb);
  return ctx;
}
const heatDemand = (ctx: ReturnType<typeof context>) => ctx.series('heat');

describe('project constraints', () => {
  const ctx = context({ co2Cap_t: 5, minRenewableHeatShare: 0.3, maxGridImport_kWh: 1000 });
  addConstraints(ctx, heatDemand(ctx), { co2Limit_t: 3 });
  const m = ctx.b.build();

  it('caps annual CO2 at the lower of the cap and the epsilon limit: Σ kg ≤ 3000', () => {
    const coefs: Record<string, unknown> = {};
    steps.forEach((s, i) => {
      coefs[`import_grid[${s}]`] = near(weight[i] * 0.4, 14);
      coefs[`heat_gb[${s}]`] = near((weight[i] / 0.9) * 0.2, 14);
    });
    expect(rowsOf(m, 'co2_cap')).toEqual([{ name: 'co2_cap', lower: -Infinity, upper: 3000, coefs }]);
  });

  it('asks for renewable heat of at least share · Σ w·heat fed in (WPG § 29), not share · demand', () => {
    // electric boiler: 0.5 renewable (grid share) − 0.3; gas boiler: 0 − 0.3; per weighted kWh of heat
    const [row] = rowsOf(m, 'renewable_heat_share');
    expect(row.lower).toBe(0);
    expect(row.upper).toBe(Infinity);
    expect(row.coefs).toEqual(
      Object.fromEntries(
        steps.flatMap((s, i) => [
          [`heat_eb[${s}]`, near(weight[i] * (0.5 - 0.3), 12)],
          [`heat_gb[${s}]`, near(-weight[i] * 0.3, 12)],
        ]),
      ),
    );
  });

  it('limits annual grid import: Σ w·import[t] ≤ 1000 kWh', () => {
    expect(rowsOf(m, 'max_grid_import')).toEqual([
      {
        name: 'max_grid_import',
        lower: -Infinity,
        upper: 1000,
        coefs: Object.fromEntries(steps.map((s, i) => [`import_grid[${s}]`, weight[i]])),
      },
    ]);
  });

  it('keeps the cost objective', () => {
    const j = m.colNames.indexOf('import_grid[p=0,h=0]');
    expect(m.colCost[j]).toBeCloseTo(2 * 0.2, 14);
  });
});

describe('constraints that do not apply', () => {
  it('adds no rows without constraints, and no CO2 cap without emissions', () => {
    const ctx = context();
    addConstraints(ctx, heatDemand(ctx), {});
    expect(ctx.b.numRows).toBe(4 * 2); // the two boilers' capacity rows only
    const clean = tinyContext(testProject({ technologies: [] }), 3);
    addConstraints(clean, heatDemand(ctx), { co2Limit_t: 1 });
    expect(clean.b.numRows).toBe(0);
  });
});

describe('minimum-CO2 objective', () => {
  it('minimises kg CO2 plus 1e-6 per EUR of cost, the constant costs scaled alike', () => {
    const ctx = context();
    const offset = ctx.b.objectiveOffset;
    expect(offset).toBe(-800); // existing 10 kW gas boiler: annuity 80 EUR/kW is sunk
    addConstraints(ctx, heatDemand(ctx), { objective: 'co2' });
    const m = ctx.b.build();
    const cost = (name: string) => m.colCost[m.colNames.indexOf(name)];
    expect(cost('import_grid[p=0,h=0]')).toBeCloseTo(2 * 0.4 + 1e-6 * 2 * 0.2, 14);
    expect(cost('heat_gb[p=1,h=0]')).toBeCloseTo(0.2 / 0.9 + 1e-6 * (0.1 / 0.9), 14);
    expect(cost('cap_eb')).toBeCloseTo(1e-6 * 5, 14);
    expect(m.objectiveOffset).toBeCloseTo(-800e-6, 14);
  });
});
