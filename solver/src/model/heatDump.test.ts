import { describe, expect, it } from 'vitest';
import type { HeatDump } from '../project/types';
import { addHeatDump } from './heatDump';
import { colBounds, costsOf, rowsOf, testProject, tinyAggregatedGrid, tinyContext } from './testing';

const zeros = new Float64Array(8760);

describe('heat dump', () => {
  const t: HeatDump = {
    id: 'dump',
    type: 'heatDump',
    max: 500,
    varOm_EUR_kWh: 0.002,
    capex_EUR_per_unit: 0,
    lifetime_a: 1,
    fixedOm_share: 0,
  };

  it('takes up to max kW out of the heat balance at w·varOm per kWh, with no capacity to size', () => {
    const ctx = tinyContext(testProject({ technologies: [t] }), tinyAggregatedGrid());
    addHeatDump(ctx, t);
    ctx.addBalances({ heat: zeros, electricity: zeros });
    const m = ctx.b.build();
    expect(colBounds(m, 'dump_dump[p=1,h=0]')).toEqual([0, 500]);
    expect(rowsOf(m, 'heat_balance')[2].coefs).toEqual({ 'dump_dump[p=1,h=0]': -1 });
    expect(ctx.capacities).toEqual([]);
    expect(costsOf(ctx, 'dump').map((c) => c.coef)).toEqual([0.004, 0.004, 0.002, 0.002]);
  });

  it('is unlimited without max and free without variable O&M', () => {
    const ctx = tinyContext(testProject({ technologies: [] }), 3);
    addHeatDump(ctx, { ...t, max: undefined, varOm_EUR_kWh: undefined });
    expect(colBounds(ctx.b.build(), 'dump_dump[t=0]')).toEqual([0, Infinity]);
    expect(ctx.costs).toEqual([]);
  });
});
